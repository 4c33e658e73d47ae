"""The ranker's evaluation on Python numbers, for a process that answers one query: no numpy.

``ranking.Ranker`` combines postings as numpy arrays; importing numpy costs about
120 ms, far more than a command-line search of a few thousand postings takes in plain
Python. :class:`PlainRanker` evaluates the same query shapes (terms, AND, OR, NOT, prefixes
expanded to terms, phrases of adjacent words) from the same data: the postings arrays
beside each segment (memory-mapped, read as memoryviews), the byte-coded field lengths and
the ``sortdate`` column, with the same BM25 functions (``bm25``), so its hits, scores and
order are the ranker's to the last bit (the tests compare them).

It gives up (:class:`Unsupported`) on anything else, and once the postings it reads
exceed ``budget`` (then numpy is worth its import): the caller runs the numpy ranker.
"""

from __future__ import annotations

import heapq
import mmap
import sys
from bisect import bisect_left
from itertools import accumulate

from .bm25 import idf as bm25_idf, norm, weight
from .column_files import LENGTH_OF_BYTE, SegmentCache, VarBytes, day_number, length_bytes
from .postings_file import read_header, segment_file
from .locations import TERM_FIELDS

# Postings beyond which the numpy ranker answers instead. Measured in one run on a loaded
# machine (100k-article index, 120 queries of bench/engines.py): plain Python spent 1.0-1.2 µs
# per posting (a phrase's candidate document counting 3: 1.35 µs), numpy's import 290 ms, its
# ranking a few ms: they meet near 250,000 postings.
MAX_POSTINGS = 200_000
DOCUMENT_COST = 4  # what a phrase's candidate document counts, per word, against MAX_POSTINGS

# numpy dtype strings of the postings arrays -> memoryview formats (little-endian files)
_FORMATS = {"u1": "B", "u2": "H", "u4": "I", "u8": "Q", "i1": "b", "i2": "h", "i4": "i", "i8": "q",
            "f8": "d"}


class Unsupported(Exception):
    """The query has a shape this ranker does not evaluate."""


def day_bounds(q) -> tuple[int, int]:
    """(first, last) YYYYMMDD numbers of a ``day`` range (open ends: -1 and 99999999, so an open
    start takes undated articles, day 0, too)."""
    lo = -1 if q.start is None else q.start + (1 if q.startexcl else 0)
    hi = 99_999_999 if q.end is None else q.end - (1 if q.endexcl else 0)
    return lo, hi


class PlainPostings:
    """The postings arrays of one field of one segment as memoryviews of the mapped file."""

    __slots__ = ("_map", "terms", "width", "count", "starts", "pstarts", "ids", "tf", "pos")

    def __init__(self, path: str):
        with open(path, "rb") as fh:
            self._map = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        data = memoryview(self._map)
        base, header = read_header(data)
        for name, (dtype, offset, count) in header.items():
            order, kind = dtype[0], dtype[1:]
            start = base + offset
            if name == "terms":
                if kind[0] != "S":
                    raise ValueError(f"terms of dtype {dtype}")
                self.width = int(kind[1:])
                self.count = count
                end = start + count * self.width
            else:
                fmt = _FORMATS.get(kind)
                if fmt is None or (order == ">" or (order == "<" and sys.byteorder != "little")):
                    raise ValueError(f"{name} of dtype {dtype}")
                end = start + count * _itemsize(fmt)
            if end > len(data):
                raise ValueError(f"{name} runs past the end of the file")
            setattr(self, name, data[start:end] if name == "terms" else data[start:end].cast(fmt))

    @classmethod
    def load(cls, seg, field: str) -> "PlainPostings | None":
        """The arrays of ``field`` in the segment, or None when they were not written (or cannot be read)."""
        path = segment_file(seg, field)
        if path is None:
            return None
        try:
            return cls(path)
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def find(self, term: bytes) -> int:
        """The term's row, or -1 (the terms are sorted, padded with NUL bytes to one width)."""
        w = self.width
        if len(term) > w:
            return -1
        key = term.ljust(w, b"\0")
        terms = self.terms
        lo, hi = 0, self.count
        while lo < hi:
            mid = (lo + hi) >> 1
            if bytes(terms[mid * w : mid * w + w]) < key:
                lo = mid + 1
            else:
                hi = mid
        if lo < self.count and bytes(terms[lo * w : lo * w + w]) == key:
            return lo
        return -1

    def span(self, row: int) -> tuple[int, int]:
        """Where the row's postings are in ``ids`` and ``tf``."""
        return self.starts[row], self.starts[row + 1]

    def position_starts(self, row: int) -> list[int]:
        """Where the positions of each of the row's postings start in ``pos`` (one more entry: the end)."""
        a, b = self.span(row)
        return list(accumulate(self.tf[a:b], initial=self.pstarts[row]))


def _itemsize(fmt: str) -> int:
    return memoryview(bytes(8)).cast(fmt).itemsize


class QueryAlgebra:
    """The query shapes both rankers evaluate, dispatched once: a ranker (``PlainRanker`` on
    ``{docnum: score}``, ``ranking.Ranker`` on numpy arrays) supplies the matches of words,
    phrases and day ranges, all documents, and the set operations on its own results."""

    def _eval(self, q):
        from whoosh import query as wq  # imported with the query it is given (quick_search has none)

        if isinstance(q, wq.Term):
            return self._term(q.fieldname, q.text, q.boost)
        if isinstance(q, wq.And):
            return self._and(q.subqueries)
        if isinstance(q, wq.Or) and not isinstance(q, wq.DisjunctionMax):
            if getattr(q, "minmatch", 0) or getattr(q, "scale", None):
                raise Unsupported("Or with minmatch/scale")
            return self._or([self._eval(c) for c in q.subqueries])
        if isinstance(q, wq.AndNot):
            return self._without(self._eval(q.a), self._eval(q.b))
        if isinstance(q, wq.AndMaybe):
            return self._add_where_both(self._eval(q.a), self._eval(q.b))
        if isinstance(q, wq.Not):
            return self._without(self._every(), self._eval(q.query))
        if isinstance(q, wq.Every):
            return self._every()
        if isinstance(q, wq.Phrase):
            return self._phrase(q)
        if isinstance(q, wq.NumericRange) and q.fieldname == "day":
            return self._days(q)
        if isinstance(q, (wq.Prefix, wq.Wildcard, wq.Regex, wq.FuzzyTerm)):
            return self._or([self._term(q.fieldname, t, q.boost) for t in q._btexts(self.reader)])
        if isinstance(q, type(wq.NullQuery)):
            return self._nothing()
        raise Unsupported(type(q).__name__)


class PlainRanker(QueryAlgebra):
    """Evaluates one query against a Whoosh searcher without numpy (see the module's docstring)."""

    def __init__(self, searcher, cache: SegmentCache, budget: int = MAX_POSTINGS):
        self.searcher = searcher
        self.reader = searcher.reader()
        self.schema = self.reader.schema
        self.leaves = list(self.reader.leaf_readers())
        self.doc_count_all = self.reader.doc_count_all()
        self.cache = cache
        self.budget = budget
        self._norms: dict[str, list[float]] = {}

    def _spend(self, postings: int) -> None:
        self.budget -= postings
        if self.budget < 0:
            raise Unsupported("more postings than the plain ranker takes on")

    # --- per segment data ----------------------------------------------------------------

    def _postings(self, seg, fieldname: str) -> PlainPostings:
        found = self.cache.get(seg, ("plain postings", fieldname),
                               lambda: PlainPostings.load(seg, fieldname) or False)
        if not found:
            raise Unsupported("a segment without postings arrays")
        return found

    def holds(self, fieldname: str, text) -> bool:
        """Whether some segment has the index term ``text`` in ``fieldname`` (its postings arrays)."""
        btext = text if isinstance(text, bytes) else text.encode("utf-8")
        return any(self._postings(seg, fieldname).find(btext) >= 0 for seg, _offset in self.leaves)

    def _lengths(self, seg, fieldname: str) -> bytes:
        """The byte-coded length of ``fieldname`` in every document of the segment (0: none)."""
        def every_document() -> bytes:
            written = length_bytes(seg, fieldname)  # documents at the end without the field are not written
            return written + bytes(max(0, seg.doc_count_all() - len(written)))

        return self.cache.get(seg, ("length bytes", fieldname), every_document)

    def _deleted(self, seg) -> frozenset:
        if not seg.has_deletions():
            return frozenset()
        return self.cache.get(seg, ("deleted", seg.segment().deleted_count()),
                              lambda: frozenset(seg._perdoc.deleted_docs()))

    def day_of(self, docnum: int) -> int:
        """A document's date as the number YYYYMMDD (0: undated)."""
        for seg, offset in reversed(self.leaves):
            if docnum >= offset:
                column = self.cache.get(seg, ("column", "sortdate"), lambda: VarBytes.of(seg, "sortdate") or False)
                return day_number(column.value(seg, docnum - offset)) if column else 0
        return 0

    def _norms_of(self, fieldname: str) -> list[float]:
        """The BM25 length normalisation for each byte-coded field length (0: no length written)."""
        if fieldname not in self._norms:
            avg = self.searcher.avg_field_length(fieldname) or 1.0
            self._norms[fieldname] = [norm(length, avg) for length in LENGTH_OF_BYTE]
        return self._norms[fieldname]

    # --- evaluation ------------------------------------------------------------------------

    def run(self, q) -> dict[int, float]:
        """{global docnum: score} of the live documents matching ``q``."""
        return self.live(self._eval(q))

    def live(self, scores: dict[int, float]) -> dict[int, float]:
        """``scores`` without the deleted documents."""
        for seg, offset in self.leaves:
            for d in self._deleted(seg):
                scores.pop(d + offset, None)
        return scores

    # --- the set operations of QueryAlgebra on {docnum: score} -------------------------------

    def _without(self, a: dict[int, float], b: dict[int, float]) -> dict[int, float]:
        for d in b:
            a.pop(d, None)
        return a

    def _add_where_both(self, a: dict[int, float], b: dict[int, float]) -> dict[int, float]:
        for d, s in b.items():
            if d in a:
                a[d] += s
        return a

    def _nothing(self) -> dict[int, float]:
        return {}

    def _days(self, q) -> dict[int, float]:
        raise Unsupported("NumericRange")  # date filters are the ranker's (its day arrays need numpy)

    def _every(self) -> dict[int, float]:
        self._spend(self.doc_count_all)
        return dict.fromkeys(range(self.doc_count_all), 1.0)

    def _field(self, fieldname: str):
        return self.schema[fieldname] if fieldname in self.schema else None

    def term(self, fieldname: str, text, boost: float = 1.0) -> dict[int, float]:
        """The documents holding the index term ``text`` in ``fieldname``, scored (deleted ones too: see ``live``)."""
        return self._term(fieldname, text, boost)

    def _term_parts(self, fieldname: str, text, boost: float):
        """(its postings in each segment: (segment, offset, postings, start, end), boost × idf), paid for."""
        btext = text if isinstance(text, bytes) else text.encode("utf-8")
        parts = []
        for seg, offset in self.leaves:
            postings = self._postings(seg, fieldname)
            row = postings.find(btext)
            if row >= 0:
                parts.append((seg, offset, postings, *postings.span(row)))
        df = sum(b - a for *_rest, a, b in parts)
        self._spend(df)
        return parts, boost * bm25_idf(self.doc_count_all, df)

    def _term(self, fieldname: str, text, boost: float = 1.0) -> dict[int, float]:
        field = self._field(fieldname)
        if field is None or field.format is None:
            return {}
        parts, term_idf = self._term_parts(fieldname, text, boost)
        out: dict[int, float] = {}
        for seg, offset, postings, a, b in parts:
            ids = postings.ids[a:b]
            if not field.scorable:
                out.update(dict.fromkeys([d + offset for d in ids], term_idf))
                continue
            lengths, norms = self._lengths(seg, fieldname), self._norms_of(fieldname)
            scores: dict[int, float] = {}  # by term frequency << 8 | length byte: a few hundred distinct
            for d, tf in zip(ids, postings.tf[a:b]):
                key = tf << 8 | lengths[d]
                score = scores.get(key)
                if score is None:
                    score = scores[key] = weight(tf, norms[key & 255], term_idf)
                out[d + offset] = score
        return out

    def _and(self, subqueries) -> dict[int, float]:
        from whoosh import query as wq

        positive = [c for c in subqueries if not isinstance(c, wq.Not)]
        negative = [c.query for c in subqueries if isinstance(c, wq.Not)]
        if positive:
            scores = self.all_of([lambda c=c: self._eval(c) for c in positive])
        else:
            scores = self._every()
        for c in negative:
            if not scores:
                break
            excluded = self._eval(c)
            scores = {d: s for d, s in scores.items() if d not in excluded}
        return scores

    @staticmethod
    def all_of(evaluations) -> dict[int, float]:
        """The documents in every one of the results of ``evaluations`` (functions, called in turn
        until the documents run out), their scores summed in that order."""
        evaluations = iter(evaluations)
        scores = next(evaluations)()
        for evaluate in evaluations:
            if not scores:
                break
            other = evaluate()
            scores = {d: s + other[d] for d, s in scores.items() if d in other}
        return scores

    @staticmethod
    def _or(parts: list[dict[int, float]]) -> dict[int, float]:
        parts = [p for p in parts if p]
        if not parts:
            return {}
        if len(parts) == 1:
            return parts[0]
        out: dict[int, float] = {}
        for part in parts:
            for d, s in part.items():
                out[d] = out[d] + s if d in out else s
        return out

    def _phrase(self, q) -> dict[int, float]:
        return self.phrase(q.fieldname, q.words, q.boost, q.slop)

    def phrase(self, fieldname: str, words, boost: float = 1.0, slop: int = 1) -> dict[int, float]:
        """The documents holding ``words`` side by side, in order (what Whoosh's ``Phrase`` matches)."""
        words = [w if isinstance(w, bytes) else w.encode("utf-8") for w in words]
        if not words:
            return {}
        if len(words) == 1:
            return self._term(fieldname, words[0], boost)
        field = self._field(fieldname)
        if field is None or fieldname not in TERM_FIELDS:
            raise Unsupported("phrase on a field without postings arrays")  # their positions are only there
        if max(1, slop) != 1:
            raise Unsupported("phrase with slop")
        candidates = []  # (segment, offset, postings, rows) of the segments holding every word
        df = [0] * len(words)
        cost = 0
        for seg, offset in self.leaves:
            postings = self._postings(seg, fieldname)
            rows = [postings.find(w) for w in words]
            counts = [0] * len(words)
            for k, row in enumerate(rows):
                if row >= 0:
                    a, b = postings.span(row)
                    counts[k] = b - a
                    df[k] += b - a
            if min(rows) >= 0:
                candidates.append((seg, offset, postings, rows))
                # the postings read, and the candidate documents: at most the rarest word's
                cost += sum(counts) + min(counts) * len(rows) * DOCUMENT_COST
        # paid before any work: a phrase too costly here goes to the numpy ranker at once
        self._spend(cost)
        found = [(seg, offset, self._adjacent(postings, rows)) for seg, offset, postings, rows in candidates]
        idfs = [bm25_idf(self.doc_count_all, n) for n in df]
        out: dict[int, float] = {}
        for seg, offset, docs in found:
            if not field.scorable:
                out.update((d + offset, boost * sum(idfs)) for d, _tfs in docs)
                continue
            lengths, norms = self._lengths(seg, fieldname), self._norms_of(fieldname)
            scores: dict[tuple, float] = {}  # by (term frequencies, length byte): few distinct
            for d, tfs in docs:
                byte = lengths[d]
                key = (tfs, byte)
                score = scores.get(key)
                if score is None:
                    score = scores[key] = boost * sum(weight(tf, norms[byte], i) for tf, i in zip(tfs, idfs))
                out[d + offset] = score
        return out

    def _adjacent(self, postings: PlainPostings, rows: list[int]) -> list[tuple[int, tuple[int, ...]]]:
        """(segment docnum, term frequency of each word) of the documents holding the words of
        ``rows`` side by side, in order: as ``ranking._adjacent``, from the rarest word, each
        other word looked up at its place by a binary search. (Its cost is paid by ``_phrase``.)"""
        spans = [postings.span(row) for row in rows]
        order = sorted(range(len(rows)), key=lambda k: spans[k][1] - spans[k][0])
        first = order[0]
        a, b = spans[first]
        ids = postings.ids
        docs = list(ids[a:b])
        which = {first: list(range(b - a))}  # per word: the index of each document's posting in its row
        for k in order[1:]:
            ka, kb = spans[k]
            keep, at = [], []
            for i, d in enumerate(docs):
                j = bisect_left(ids, d, ka, kb)
                if j < kb and ids[j] == d:
                    keep.append(i)
                    at.append(j - ka)
            if not keep:
                return []
            docs = [docs[i] for i in keep]
            which = {w: [p[i] for i in keep] for w, p in which.items()}
            which[k] = at
        starts = {k: postings.position_starts(rows[k]) for k in order}
        pos, tf = postings.pos, postings.tf
        first_starts, first_which = starts[first], which[first]
        others = [(k, starts[k], which[k]) for k in order[1:]]
        tf_at = [(spans[k][0], which[k]) for k in range(len(rows))]
        out = []
        for i, d in enumerate(docs):
            p = first_which[i]
            bounds = [(k, at[w[i]], at[w[i] + 1]) for k, at, w in others]
            for position in pos[first_starts[p] : first_starts[p + 1]]:
                start = position - first
                for k, lo, hi in bounds:
                    j = bisect_left(pos, start + k, lo, hi)
                    if j >= hi or pos[j] != start + k:
                        break
                else:
                    out.append((d, tuple([tf[a + w[i]] for a, w in tf_at])))
                    break
        return out


def plain_top(scores: dict[int, float], limit: int, day_of) -> list[tuple[int, float]]:
    """The ``limit`` best (docnum, score), best first; equal scores newest first by ``day_of(docnum)``
    (YYYYMMDD, 0 undated: last), then by docnum: ``ranking.top``'s order."""
    if len(scores) > limit:
        # everything scoring at least the limit-th best score, then ordered exactly
        threshold = heapq.nlargest(limit, scores.values())[-1]
        chosen = [(d, s) for d, s in scores.items() if s >= threshold]
    else:
        chosen = list(scores.items())
    chosen.sort(key=lambda ds: (-ds[1], -day_of(ds[0]), ds[0]))
    return chosen[:limit]
