"""The Whoosh schema of a newsdesk index.

Fields
------
``id``          the article id (unique; indexed, not stored)
``path``        the file the article was read from (for incremental updates; indexed, not stored)
``version``     the file's content hash and the analysis signature (an interrupted run's
                committed articles of the same file content are kept, not analysed again)
``title``       German-analysed title (``title:`` filters)
``body``        German-analysed title and text: the default search field. The title is
                put in twice (title, title, text), which weighs title words up
                without a second field to search (half the work per query)
``date``        only for parsing ``date:`` filters (``date:2025-10``, ``date:[2025-10-01 to 2025-10-31]``),
                which search.py turns into numeric ranges over ``day``
``day``         the article date as the number YYYYMMDD
``source``      the file path as a single term (``source:...``)
``publisher``   publisher/source name from the file (searchable words)
``entity``      entity filters: for each entity its canonical key, its name
                and every word of the name, lowercased and folded, so
                ``entity:putin``, ``entity:"wladimir putin"`` and
                ``entity:"PER:Wladimir Putin"`` all match
``entity_key``  the exact canonical key, its mentions counted (article and mention counts)
``record``      column: zlib-compressed JSON of the article without its text and of its entities
                and temporal expressions in a compact form (``records.article_document``)
``summary``     column: compressed JSON of the ArticleSummary (listing without loading documents)
``sortdate``    column: ISO date or "" (newest-first order)
``events``      column: compressed JSON list of the article's events ("" when none), without
                their text (the span of the article text) and the fields at their defaults
``text``        column: the article's text, compressed: the one copy of it in the index

Whoosh keeps only each word's frequency in ``title`` and ``body`` (``TermCounts``, ``PositionedText``:
the documents are analysed once by ``segment_writer.NewsdeskWriter``); their positions, which
phrases need, are in each segment's postings arrays (``postings_arrays``), written with it.
``NewsdeskCodec`` keeps the postings of rare terms in their term records, and writes every
term record in a compact form (:class:`CompactTermInfo`: varints instead of W3's fixed
23-byte struct and pickled postings; about 10 bytes instead of 67 for a word seen once),
its hash tables fuller (:class:`_TermTable`).
"""

from __future__ import annotations

from whoosh import columns, fields, formats
from whoosh.filedb.filetables import OrderedHashWriter, _pointer
from whoosh.reading import TermNotFound
from whoosh.codec.whoosh3 import W3Codec, W3FieldCursor, W3FieldWriter, W3PerDocReader, W3PostingsWriter, W3TermInfo, W3TermsReader
from whoosh.system import emptybytes
from whoosh.util.numeric import byte_to_length, length_to_byte

from .german import exact_line_analyzer, german_analyzer, index_terms, line_analyzer, word_analyzer

# SCHEMA_VERSION (bump it when the schema or the stored forms change: older indexes are
# rebuilt) and the names of the searched fields live in locations.py, so that checking an
# index, and a search that reads its files (quick_search), do not import Whoosh.
from .locations import DEFAULT_FIELD, SCHEMA_VERSION, TERM_FIELDS  # noqa: E402,F401

INLINE_POSTINGS = 8  # a term with fewer postings keeps them in its term record


class TextColumn(fields.COLUMN):
    """A per-document column of text (stored as UTF-8)."""

    def to_bytes(self, v):
        return v.encode("utf-8") if isinstance(v, str) else v

    def from_bytes(self, b):
        return b.decode("utf-8") if isinstance(b, bytes) else b



class AnalysedText:
    """A title or body already analysed (``segment_writer.NewsdeskWriter``): each index term's
    count and the number of terms (the field length)."""

    __slots__ = ("counts", "length")

    def __init__(self, counts: dict[str, int], length: int):
        self.counts = counts
        self.length = length


class TermCounts(formats.Format):
    """Each posting's term frequency, kept as its weight; no value bytes. The positions of the
    fields with this format are in the segment's postings arrays (``postings_arrays``)."""

    posting_size = 0
    __inittypes__ = dict(field_boost=float)

    def __init__(self, field_boost=1.0, **options):
        self.field_boost = field_boost
        self.options = options

    def word_values(self, value, analyzer, **kwargs):
        counts: dict[str, int] = {}
        for t in formats.tokens(value, analyzer, kwargs):
            counts[t.text] = counts.get(t.text, 0) + 1
        return ((w, n, n * self.field_boost, emptybytes) for w, n in counts.items())

    def encode(self, value):
        return emptybytes

    def decode_frequency(self, valuestring):
        raise NotImplementedError("the frequency is the posting's weight")

    def decode_weight(self, valuestring):
        raise NotImplementedError("the frequency is the posting's weight")


class PositionedText(fields.TEXT):
    """A German-analysed text field whose positions live in the postings arrays: Whoosh indexes
    the word counts only. Takes a string or an :class:`AnalysedText`."""

    def __init__(self, analyzer):
        super().__init__(analyzer=analyzer, phrase=False)
        self.format = TermCounts(field_boost=self.format.field_boost)

    def index(self, value, **kwargs):
        if isinstance(value, str):
            terms = index_terms(value)
            counts: dict[str, int] = {}
            for t in terms:
                counts[t] = counts.get(t, 0) + 1
            value = AnalysedText(counts, len(terms))
        boost = self.format.field_boost
        return ((w.encode("utf-8"), n, n * boost, emptybytes) for w, n in value.counts.items())


class _PerDocReader(W3PerDocReader):
    """Remembers that a field has no lengths column: Whoosh asks the file system again for every
    posting it merges (``os.path.exists`` ~60,000 times per 1,000 articles)."""

    def _cached_reader(self, fieldname, column):
        if fieldname in self._readers:
            return self._readers[fieldname]
        reader = super()._cached_reader(fieldname, column)
        if reader is None:
            self._readers[fieldname] = None
        return reader


def _put_varint(out: bytearray, n: int) -> None:
    while n > 0x7F:
        out.append((n & 0x7F) | 0x80)
        n >>= 7
    out.append(n)


def _get_varint(data: bytes, pos: int) -> tuple[int, int]:
    n = shift = 0
    while True:
        b = data[pos]
        pos += 1
        n |= (b & 0x7F) << shift
        if b < 0x80:
            return n, pos
        shift += 7


_INLINED = 2  # first byte of a compact record with the postings in it (W3's records start with 0 or 1)
_BLOCKS = 3  # first byte of a compact record pointing at blocks in the postings file


def _whole(x) -> bool:
    return x >= 0 and float(x).is_integer()


class CompactTermInfo(W3TermInfo):
    """W3's term record in fewer bytes: a kind byte, the byte-coded shortest and longest field
    lengths, then varints. Inlined postings (whole-number weights, no values): the count, the
    document numbers as gaps, the weights. Block postings: the count, total and largest weight,
    first and last document, offset and length in the postings file. Anything else (a weight
    with a fraction, postings with values) keeps W3's form, which :meth:`from_bytes` reads too."""

    def to_bytes(self):
        minlength = 0 if self._minlength is None else length_to_byte(self._minlength)
        maxlength = length_to_byte(self._maxlength)
        out = bytearray()
        if self._inlined is not None:
            ids, weights, values = self._inlined
            if any(values) or not all(_whole(w) for w in weights):
                return super().to_bytes()
            out += bytes((_INLINED, minlength, maxlength))
            _put_varint(out, len(ids))
            last = 0
            for i in ids:
                _put_varint(out, i - last)
                last = i
            for w in weights:
                _put_varint(out, int(w))
            return bytes(out)
        if not (_whole(self._weight) and _whole(self._maxweight)) or self._minid is None or self._maxid is None:
            return super().to_bytes()
        out += bytes((_BLOCKS, minlength, maxlength))
        for n in (self._df, int(self._weight), int(self._maxweight), self._minid, self._maxid - self._minid,
                  self._offset, self._length):
            _put_varint(out, n)
        return bytes(out)

    @classmethod
    def from_bytes(cls, s):
        kind = s[0]
        if kind not in (_INLINED, _BLOCKS):
            return super().from_bytes(s)
        info = cls()
        info._minlength = byte_to_length(s[1])
        info._maxlength = byte_to_length(s[2])
        df, pos = _get_varint(s, 3)
        info._df = df
        if kind == _INLINED:
            ids, weights = [], []
            last = 0
            for _ in range(df):
                gap, pos = _get_varint(s, pos)
                last += gap
                ids.append(last)
            for _ in range(df):
                w, pos = _get_varint(s, pos)
                weights.append(w)
            info._weight = float(sum(weights))
            info._maxweight = float(max(weights)) if weights else 0.0
            info._minid = ids[0] if ids else None
            info._maxid = ids[-1] if ids else None
            info._inlined = (tuple(ids), tuple(weights), (emptybytes,) * df)
            return info
        weight, pos = _get_varint(s, pos)
        maxweight, pos = _get_varint(s, pos)
        minid, pos = _get_varint(s, pos)
        span, pos = _get_varint(s, pos)
        offset, pos = _get_varint(s, pos)
        length, pos = _get_varint(s, pos)
        info._weight, info._maxweight = float(weight), float(maxweight)
        info._minid, info._maxid = minid, minid + span
        info._offset, info._length = offset, length
        return info


class _PostingsWriter(W3PostingsWriter):
    """Keeps the postings of a term with fewer than ``inlinelimit`` of them in its term record,
    and writes term records as :class:`CompactTermInfo`.

    (What W3's writer means to do: it calls a ``set_inline`` its term info lacks, so every term
    gets a block of its own in the postings file: ~100 bytes for a word seen once.)"""

    def start_postings(self, format_, terminfo):
        super().start_postings(format_, CompactTermInfo())

    def finish_postings(self):
        if not self.written() and len(self._ids) < self._inlinelimit:
            terminfo = self._terminfo
            terminfo.add_block(self)
            # whole-number weights (counts, or 1.0) kept as ints
            weights = [int(w) if w.is_integer() else w for w in self._weights]
            terminfo.set_inlined(self._ids, weights, self._values)
            self._terminfo = None
            return terminfo
        return super().finish_postings()


class _FieldCursor(W3FieldCursor):
    def term_info(self):
        if self._pos is None:
            return None
        return CompactTermInfo.from_bytes(self._tindex.dbfile.get(self._datapos, self._datalen))


class _TermsReader(W3TermsReader):
    """W3's terms reader for :class:`CompactTermInfo` records."""

    def _info(self, fieldname, tbytes) -> CompactTermInfo:
        """The term's record; KeyError when the segment has no such term."""
        return CompactTermInfo.from_bytes(self._tindex[self._keycoder(fieldname, tbytes)])

    def cursor(self, fieldname, fieldobj):
        return _FieldCursor(self._tindex, fieldname, self._keycoder, self._keydecoder, fieldobj)

    def items(self):
        decode = self._keydecoder
        return ((decode(k), CompactTermInfo.from_bytes(v)) for k, v in self._tindex.items())

    def items_from(self, fieldname, prefix):
        decode = self._keydecoder
        return ((decode(k), CompactTermInfo.from_bytes(v))
                for k, v in self._tindex.items_from(self._keycoder(fieldname, prefix)))

    def term_info(self, fieldname, tbytes):
        try:
            return self._info(fieldname, tbytes)
        except KeyError:
            raise TermNotFound("No term %s:%r" % (fieldname, tbytes)) from None

    def frequency(self, fieldname, tbytes):
        return self._info(fieldname, tbytes).weight()

    def doc_frequency(self, fieldname, tbytes):
        return self._info(fieldname, tbytes).doc_frequency()


class _TermTable(OrderedHashWriter):
    """W3's table of terms with its 256 hash tables 80 % full instead of 50 %: 15 bytes of slots
    per term instead of 24 (its reader probes until an empty slot; each table keeps one)."""

    def _write_hashes(self):
        dbfile = self.dbfile
        null = (0, 0)
        for entries in self.buckets:
            pos = dbfile.tell()
            numslots = len(entries) + len(entries) // 4 + 1 if entries else 0
            self.directory.append((pos, numslots))
            table = [null] * numslots
            for hashval, position in entries:
                slot = (hashval >> 8) % numslots
                while table[slot] != null:
                    slot = (slot + 1) % numslots
                table[slot] = (hashval, position)
            dbfile.write(b"".join(_pointer.pack(h, p) for h, p in table))


class _FieldWriter(W3FieldWriter):
    def __init__(self, codec, storage, segment):
        super().__init__(codec, storage, segment)
        # the table W3 made (its header written) writes its hash tables as a _TermTable
        self._tindex.__class__ = _TermTable


class NewsdeskCodec(W3Codec):
    """Whoosh's W3 codec with :class:`_PerDocReader`, and the postings of rare terms inlined
    in their term records (read by Whoosh's own reader: a ``ListMatcher``)."""

    def __init__(self, blocklimit=128, compression=3, inlinelimit=INLINE_POSTINGS):
        super().__init__(blocklimit=blocklimit, compression=compression, inlinelimit=inlinelimit)

    def postings_writer(self, dbfile, byteids=False):
        return _PostingsWriter(dbfile, blocklimit=self._blocklimit, byteids=byteids,
                               compression=self._compression, inlinelimit=self._inlinelimit)

    def per_document_reader(self, storage, segment):
        return _PerDocReader(storage, segment)

    def field_writer(self, storage, segment):
        return _FieldWriter(self, storage, segment)

    def terms_reader(self, storage, segment):
        name = segment.make_filename(self.TERMS_EXT)
        return _TermsReader(self, storage.open_file(name), storage.file_length(name),
                            segment.open_file(storage, self.POSTS_EXT))


def build_schema() -> fields.Schema:
    german = german_analyzer()
    return fields.Schema(
        id=fields.ID(unique=True),
        path=fields.ID(),
        version=fields.ID(),
        title=PositionedText(german),
        body=PositionedText(german),
        date=fields.ID(),
        day=fields.NUMERIC(int, bits=32, signed=False, shift_step=0),  # one term per article (not 8 tiers)
        source=fields.ID(),
        publisher=fields.TEXT(analyzer=word_analyzer(), phrase=False),
        entity=fields.FieldType(formats.Existence(), line_analyzer(), scorable=False),
        entity_key=fields.FieldType(TermCounts(), exact_line_analyzer(), scorable=False),
        # a column, not a stored field: Whoosh pickles stored fields (protocol 2, which writes
        # bytes as latin-1 text: 40 % more) and compresses them again
        record=fields.COLUMN(columns.VarBytesColumn()),
        summary=TextColumn(columns.CompressedBytesColumn(level=9)),
        sortdate=TextColumn(columns.VarBytesColumn()),
        events=TextColumn(columns.CompressedBytesColumn(level=9)),
        text=TextColumn(columns.CompressedBytesColumn(level=9)),
    )
