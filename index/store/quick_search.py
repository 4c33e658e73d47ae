"""``newsdesk search``'s plain queries answered from the index files, without importing Whoosh's
index, reading and query modules (about half of that command's time before it).

A query of words and ``"phrases"`` on the default field (``Putin Gipfel``, ``"Olaf Scholz"
Haushalt``) is what most searches are. For it, :func:`quick_search` reads what the plain
ranker (``plain_ranking.PlainRanker``) reads and nothing else:

- the segments of the index's latest table of contents (``_MAIN_<generation>.toc``: its
  pickled segment list, read with stand-ins for Whoosh's classes; the pickled schema is skipped),
  their document counts, deletions and field length totals;
- each segment's postings arrays, field lengths and ``sortdate``, ``summary`` and ``text``
  columns (``column_files``, ``postings_file``), through :class:`SegmentFiles`, which offers
  what those modules read of a Whoosh segment reader;

and builds the query as Whoosh's parser would (``query_text.plain_query``: a stop word or a phrase of
one word dropped or made a term, duplicates dropped, order kept), so that the results are
``Store.search``'s to the last bit: hits, scores, order, total and matched terms (the tests
compare them on every query kind). It ranks with ``quick_ranking.best_documents`` (the same
data, no Python step per posting, no numpy). Whoosh remains the index's engine: it writes the files
read here, and answers everything else.

Anything else returns None and the caller opens the ``Store``: another query syntax (operators,
fields, dates, wildcards, groups, quotes inside words), an index this module does not know
(another schema version, no table of contents, a segment without postings arrays), a file
that cannot be read (a build may be merging segments away meanwhile), or more work than the
ranking takes on (``quick_ranking.MAX_WORK``: far beyond 100,000 articles' frequent words).
"""

from __future__ import annotations

import mmap
import os
import pickle
import re
import struct
import zlib

from .column_files import SegmentCache, column_text
from .locations import (
    COMPRESSED_COLUMNS, DEFAULT_FIELD, INDEX_NAME, SCHEMA_VERSION, TERM_FIELDS, WHOOSH_DIR, read_info,
)
from .plain_ranking import PlainRanker, Unsupported
from .quick_ranking import MAX_WORK, best_documents
from .query_text import plain_query, prepare

TOC_VERSION = -111  # the table of contents format of Whoosh 2.7 (whoosh.index._CURRENT_TOC_VERSION)
_TOC = re.compile(r"^_%s_([0-9]+)\.toc$" % INDEX_NAME)

# --- the index files -----------------------------------------------------------------------------


class _Pickled:
    """Stands in for any class of Whoosh or newsdesk in the pickled segment list: keeps its state."""


class _SegmentsUnpickler(pickle.Unpickler):
    _ALLOWED = {("collections", "defaultdict"), ("builtins", "int"), ("builtins", "set"), ("builtins", "frozenset"),
                ("builtins", "dict"), ("builtins", "list"), ("builtins", "tuple"), ("copyreg", "_reconstructor"),
                ("builtins", "object")}

    def find_class(self, module: str, name: str):
        if (module, name) in self._ALLOWED:
            return super().find_class(module, name)
        if module.startswith(("whoosh.", "newsdesk.")):
            return _Pickled
        raise pickle.UnpicklingError(f"unexpected {module}.{name} in the table of contents")


def _varint(data: bytes, at: int) -> tuple[int, int]:
    """Whoosh's variable-length unsigned integer at ``at``: (value, where the next item starts)."""
    value, shift = 0, 0
    while True:
        b = data[at]
        at += 1
        value |= (b & 0x7F) << shift
        if not b & 0x80:
            return value, at
        shift += 7


def latest_toc(folder: str) -> tuple[int, str] | None:
    """(generation, path) of the newest table of contents in ``folder`` (Whoosh's choice), or None."""
    best = -1
    for name in os.listdir(folder):
        m = _TOC.match(name)
        if m:
            best = max(best, int(m.group(1)))
    if best < 0:
        return None
    return best, os.path.join(folder, "_%s_%d.toc" % (INDEX_NAME, best))


def read_segments(path: str, generation: int) -> list:
    """The pickled segments of a table of contents (Whoosh's ``TOC.read``, the schema skipped)."""
    with open(path, "rb") as fh:
        data = fh.read()
    at = 0
    sizes = []
    for _ in range(3):  # sizes of int, long and float where the index was written
        size, at = _varint(data, at)
        sizes.append(size)
    check, version = struct.unpack("!ii", data[at : at + 8])
    at += 8
    if sizes != [4, 8, 4] or check != -12345 or version != TOC_VERSION:
        raise ValueError("a table of contents of another kind")
    for _ in range(3):  # Whoosh's release
        _value, at = _varint(data, at)
    schema_size, at = _varint(data, at)  # the pickled schema, skipped
    at += schema_size
    written_generation, _unused = struct.unpack("!ii", data[at : at + 8])
    if written_generation != generation:
        raise ValueError("the table of contents names another generation")
    segments = _SegmentsUnpickler(_BytesReader(data, at + 8)).load()
    if not isinstance(segments, list):
        raise ValueError("no segment list in the table of contents")
    return segments


class _BytesReader:
    """``data`` from ``at`` as the file pickle reads from."""

    def __init__(self, data: bytes, at: int):
        self._data, self._at = data, at

    def read(self, n: int = -1) -> bytes:
        end = len(self._data) if n < 0 else self._at + n
        out = self._data[self._at : end]
        self._at += len(out)
        return out

    def readline(self) -> bytes:
        end = self._data.find(b"\n", self._at)
        end = len(self._data) if end < 0 else end + 1
        out = self._data[self._at : end]
        self._at = end
        return out

    def readinto(self, buffer) -> int:
        chunk = self.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)


class _ColumnFile:
    """A column file, mapped: ``get(position, size)`` as Whoosh's structured file answers it."""

    def __init__(self, path: str):
        with open(path, "rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            self._map = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) if size else b""
        self.length = size

    def get(self, position: int, size: int) -> bytes:
        return self._map[position : position + size]


class _Folder:
    def __init__(self, folder: str):
        self.folder = folder


class SegmentFiles:
    """One segment of the table of contents, read from its files: offers what ``column_files``,
    ``postings_file`` and ``PlainRanker`` read of a Whoosh segment reader (``segment()``,
    ``_storage.folder``, ``_perdoc``'s column files and deletions, document counts)."""

    def __init__(self, folder: str, pickled):
        state = pickled.__dict__
        self.indexname = state["indexname"]
        self.segid = state["segid"]
        self._doccount = int(state["_doccount"])
        self._deleted = frozenset(state.get("_deleted") or ())
        self.fieldlengths = dict(state.get("_fieldlengths") or {})
        if state.get("compound"):
            raise ValueError("a compound segment")  # Whoosh reads those through its compound file
        self._storage = _Folder(folder)
        self._perdoc = self
        self._colfiles: dict[str, tuple] = {}

    # the segment (Whoosh: reader.segment())
    def segment(self) -> "SegmentFiles":
        return self

    def segment_id(self) -> str:
        return "%s_%s" % (self.indexname, self.segid)

    def deleted_count(self) -> int:
        return len(self._deleted)

    # the reader
    def doc_count_all(self) -> int:
        return self._doccount

    def has_deletions(self) -> bool:
        return bool(self._deleted)

    # the per-document reader (Whoosh: reader._perdoc)
    def deleted_docs(self):
        return iter(self._deleted)

    def _column_path(self, name: str) -> str:
        return os.path.join(self._storage.folder, "%s.%s.col" % (self.segment_id(), name))

    def has_column(self, name: str) -> bool:
        return os.path.exists(self._column_path(name))

    def _get_column_file(self, name: str) -> tuple:
        colfile = _ColumnFile(self._column_path(name))
        return colfile, 0, colfile.length


class _Field:
    """What the plain ranker asks of a title/body field."""

    format = True
    scorable = True


class SegmentsSearcher:
    """The segments of a table of contents as the plain ranker reads a Whoosh searcher and reader."""

    def __init__(self, segments: list[SegmentFiles]):
        self.schema = {name: _Field() for name in TERM_FIELDS}
        self.leaves = []
        offset = 0
        for seg in segments:
            self.leaves.append((seg, offset))
            offset += seg.doc_count_all()
        self._doccount = offset

    def reader(self) -> "SegmentsSearcher":
        return self

    def leaf_readers(self):
        return self.leaves

    def doc_count_all(self) -> int:
        return self._doccount

    def avg_field_length(self, fieldname: str) -> float:
        """Whoosh's: the field's length summed over the segments (deleted documents too), per document."""
        total = sum(seg.fieldlengths.get(fieldname, 0) for seg, _offset in self.leaves)
        return total / (self._doccount or 1)


# --- the search ----------------------------------------------------------------------------------


def open_segments(index_dir) -> SegmentsSearcher | None:
    """The searcher of the index in ``index_dir`` as this module reads it, or None."""
    if read_info(index_dir).get("schema") != SCHEMA_VERSION:
        return None
    folder = os.path.join(str(index_dir), WHOOSH_DIR)
    if not os.path.isdir(folder):
        return None
    found = latest_toc(folder)
    if found is None:
        return None
    generation, path = found
    segments = [SegmentFiles(folder, s) for s in read_segments(path, generation)]
    return SegmentsSearcher(segments) if segments else None


def quick_search(index_dir, query: str, limit: int = 50, budget: int = MAX_WORK):
    """``Store.open(index_dir, single_query=True).search(query, limit)`` for a query of words and
    phrases (see the module's docstring), or None: then the caller asks the ``Store``. ``budget``:
    the work the ranking takes on (``quick_ranking.best_documents``) before leaving it to the store."""
    from .summary import Hit, SearchResults, decode_summary
    from .query_text import match_spans, snippet

    text, note = prepare(query)
    parts = plain_query(text.replace("\x00", " "))
    if not parts:  # not plain, or stop words only (the store reads that as Whoosh's parser does)
        return None
    try:
        searcher = open_segments(index_dir)
        if searcher is None:
            return None
        cache = SegmentCache()
        ranker = PlainRanker(searcher, cache)
        total, best = best_documents(ranker, DEFAULT_FIELD, parts, max(1, limit), budget)
        # search.query_terms: the query's index terms some segment holds
        terms = sorted(w for w in {w for part in parts for w in part} if ranker.holds(DEFAULT_FIELD, w))
        values = _Values(searcher, cache)
        hits = []
        for docnum, score in best:
            summary = decode_summary(values.get("summary", docnum))

            def make_snippet(docnum=docnum):
                body = values.get("text", docnum)
                return snippet(body, match_spans(body, terms))

            hits.append(Hit(summary, score, make_snippet=make_snippet))
        return SearchResults(total, hits, terms, note)
    except (Unsupported, OSError, ValueError, KeyError, IndexError, TypeError, AttributeError, EOFError,
            pickle.UnpicklingError, struct.error, zlib.error):
        return None


class _Values:
    """A document's value in a text column (``Store._value``)."""

    def __init__(self, searcher: SegmentsSearcher, cache: SegmentCache):
        self._leaves = searcher.leaves
        self._starts = [offset for _seg, offset in searcher.leaves]
        self._cache = cache

    def get(self, name: str, docnum: int) -> str:
        return column_text(self._cache, self._leaves, self._starts, name, docnum, name in COMPRESSED_COLUMNS)
