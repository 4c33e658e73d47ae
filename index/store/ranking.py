"""Fast ranking for the common query shapes: terms combined with AND, OR and NOT.

Whoosh matches and scores one document at a time in Python, which costs tens of
milliseconds when a query matches thousands of articles. Here the postings of
each term are read a block at a time into numpy arrays and combined with array
operations, scored with BM25 (the same formula and parameters as Whoosh's
default BM25F). Queries of other shapes (phrases, for instance) raise
``Unsupported`` and are run by Whoosh itself.
"""

from __future__ import annotations

import math

import numpy as np
from whoosh import query as wq
from whoosh.util.numeric import byte_to_length

B = 0.75
K1 = 1.2
_LENGTHS = np.array([byte_to_length(i) for i in range(256)], dtype=np.float64)
_EMPTY_IDS = np.zeros(0, dtype=np.int64)
_EMPTY_SCORES = np.zeros(0, dtype=np.float64)


class Unsupported(Exception):
    """The query has a shape this ranker does not evaluate."""


class Ranker:
    """Evaluates queries against one Whoosh searcher (build a new one after a refresh)."""

    def __init__(self, searcher, day_docs):
        self.searcher = searcher
        self.reader = searcher.reader()
        self.leaves = list(self.reader.leaf_readers())
        self.doc_count_all = self.reader.doc_count_all()
        live = np.ones(self.doc_count_all, dtype=bool)
        if self.reader.has_deletions():
            for seg, offset in self.leaves:
                for n in _deleted(seg):
                    live[offset + n] = False
        self.live = live
        self.day_docs = day_docs  # (first, last) -> sorted np.ndarray of docnums with a date in range
        self._lengths: dict[str, np.ndarray] = {}
        self._avg: dict[str, float] = {}

    # --- statistics -------------------------------------------------------------------------

    def _field_lengths(self, fieldname: str) -> np.ndarray | None:
        if fieldname not in self._lengths:
            field = self.reader.schema[fieldname]
            if not field.scorable:
                self._lengths[fieldname] = None
            else:
                parts = []
                for seg, _offset in self.leaves:
                    n = seg.doc_count_all()
                    col = seg._perdoc._cached_reader("_%s_len" % fieldname, _lengths_column())
                    if col is None:
                        parts.append(np.zeros(n, dtype=np.float64))
                    else:
                        parts.append(_LENGTHS[np.fromiter((col[i] for i in range(n)), dtype=np.uint8, count=n)])
                self._lengths[fieldname] = np.concatenate(parts) if parts else np.zeros(0)
            self._avg[fieldname] = self.searcher.avg_field_length(fieldname) or 1.0
        return self._lengths[fieldname]

    def _idf(self, fieldname: str, btext: bytes) -> float:
        # Whoosh's idf: log(N / (df + 1)) + 1
        df = self.reader.doc_frequency(fieldname, btext)
        return math.log(self.doc_count_all / (df + 1)) + 1

    # --- evaluation -------------------------------------------------------------------------

    def run(self, q) -> tuple[np.ndarray, np.ndarray]:
        """(sorted global docnums, their scores) of the live documents matching ``q``."""
        ids, scores = self._eval(q)
        keep = self.live[ids]
        return ids[keep], scores[keep]

    def _eval(self, q) -> tuple[np.ndarray, np.ndarray]:
        if isinstance(q, wq.Term):
            return self._term(q.fieldname, q.text, q.boost)
        if isinstance(q, wq.And):
            return self._and(q.subqueries)
        if isinstance(q, wq.Or) and not isinstance(q, wq.DisjunctionMax):
            if getattr(q, "minmatch", 0) or getattr(q, "scale", None):
                raise Unsupported("Or with minmatch/scale")
            return self._or([self._eval(c) for c in q.subqueries])
        if isinstance(q, wq.AndNot):
            a_ids, a_scores = self._eval(q.a)
            b_ids, _ = self._eval(q.b)
            keep = ~np.isin(a_ids, b_ids, assume_unique=True)
            return a_ids[keep], a_scores[keep]
        if isinstance(q, wq.AndMaybe):
            a_ids, a_scores = self._eval(q.a)
            b_ids, b_scores = self._eval(q.b)
            _, ia, ib = np.intersect1d(a_ids, b_ids, assume_unique=True, return_indices=True)
            a_scores = a_scores.copy()
            a_scores[ia] += b_scores[ib]
            return a_ids, a_scores
        if isinstance(q, wq.Not):
            every, _ = self._every()
            excluded, _ = self._eval(q.query)
            keep = ~np.isin(every, excluded, assume_unique=True)
            ids = every[keep]
            return ids, np.ones(len(ids))
        if isinstance(q, wq.Every):
            return self._every()
        if isinstance(q, wq.Phrase):
            return self._phrase(q)
        if isinstance(q, wq.NumericRange) and q.fieldname == "day":
            lo = -1 if q.start is None else q.start + (1 if q.startexcl else 0)
            hi = 99_999_999 if q.end is None else q.end - (1 if q.endexcl else 0)
            ids = self.day_docs(lo, hi)
            return ids, np.zeros(len(ids))
        if isinstance(q, (wq.Prefix, wq.Wildcard, wq.Regex, wq.FuzzyTerm)):
            terms = list(q._btexts(self.reader))
            return self._or([self._term(q.fieldname, t, q.boost) for t in terms])
        if isinstance(q, type(wq.NullQuery)):
            return _EMPTY_IDS, _EMPTY_SCORES
        raise Unsupported(type(q).__name__)

    def _every(self) -> tuple[np.ndarray, np.ndarray]:
        ids = np.flatnonzero(self.live).astype(np.int64)
        return ids, np.ones(len(ids))

    def _term(self, fieldname: str, text, boost: float = 1.0) -> tuple[np.ndarray, np.ndarray]:
        btext = text if isinstance(text, bytes) else text.encode("utf-8")
        field = self.reader.schema[fieldname] if fieldname in self.reader.schema else None
        if field is None or field.format is None:
            return _EMPTY_IDS, _EMPTY_SCORES
        id_parts, tf_parts = [], []
        for seg, offset in self.leaves:
            if (fieldname, btext) not in seg:
                continue
            m = seg._terms.matcher(fieldname, btext, field.format)
            while m.is_active():
                m._read_ids()
                m._read_weights()
                id_parts.append(np.asarray(m._ids, dtype=np.int64) + offset)
                tf_parts.append(np.asarray(m._weights, dtype=np.float64))
                m._next_block()
        if not id_parts:
            return _EMPTY_IDS, _EMPTY_SCORES
        ids = np.concatenate(id_parts)
        tf = np.concatenate(tf_parts)
        idf = self._idf(fieldname, btext)
        lengths = self._field_lengths(fieldname)
        if lengths is None:
            scores = np.full(len(ids), idf * boost)
        else:
            fl = lengths[ids]
            scores = boost * idf * (tf * (K1 + 1)) / (tf + K1 * ((1 - B) + B * fl / self._avg[fieldname]))
        return ids, scores

    def _postings_with_values(self, seg, fieldname: str, btext: bytes, fmt):
        ids, values = [], []
        m = seg._terms.matcher(fieldname, btext, fmt)
        while m.is_active():
            m._read_ids()
            m._read_values()
            ids.append(np.asarray(m._ids, dtype=np.int64))
            values.extend(m._values)
            m._next_block()
        return (np.concatenate(ids) if ids else _EMPTY_IDS), values

    def _phrase(self, q: wq.Phrase) -> tuple[np.ndarray, np.ndarray]:
        """Documents with the words in order, each within ``slop`` positions of the previous."""
        words = [w if isinstance(w, bytes) else w.encode("utf-8") for w in q.words]
        if not words:
            return _EMPTY_IDS, _EMPTY_SCORES
        if len(words) == 1:
            return self._term(q.fieldname, words[0], q.boost)
        field = self.reader.schema[q.fieldname] if q.fieldname in self.reader.schema else None
        if field is None or field.format is None or not field.format.supports("positions"):
            raise Unsupported("phrase on a field without positions")
        fmt = field.format
        slop = max(1, q.slop)
        matched: list[int] = []
        tfs: list[list[int]] = []  # per matched document, each word's frequency
        for seg, offset in self.leaves:
            if any((q.fieldname, w) not in seg for w in words):
                continue
            lists = [self._postings_with_values(seg, q.fieldname, w, fmt) for w in words]
            common = lists[0][0]
            for ids, _values in lists[1:]:
                common = np.intersect1d(common, ids, assume_unique=True)
            if not len(common):
                continue
            where = [np.searchsorted(ids, common).tolist() for ids, _values in lists]
            values = [v for _ids, v in lists]
            decode = fmt.decode_positions
            for i, doc in enumerate(common.tolist()):
                positions = [decode(values[k][where[k][i]]) for k in range(len(words))]
                if _in_order(positions, slop):
                    matched.append(doc + offset)
                    tfs.append([len(p) for p in positions])
        ids = np.array(matched, dtype=np.int64)
        if not len(ids):
            return _EMPTY_IDS, _EMPTY_SCORES
        tf = np.array(tfs, dtype=np.float64)  # documents x words
        lengths = self._field_lengths(q.fieldname)
        idf = np.array([self._idf(q.fieldname, w) for w in words])
        if lengths is None:
            scores = np.full(len(ids), q.boost * idf.sum())
        else:
            norm = (1 - B) + B * lengths[ids] / self._avg[q.fieldname]
            scores = q.boost * ((idf * (tf * (K1 + 1))) / (tf + K1 * norm[:, None])).sum(axis=1)
        return ids, scores

    def _and(self, subqueries) -> tuple[np.ndarray, np.ndarray]:
        positive = [c for c in subqueries if not isinstance(c, wq.Not)]
        negative = [c.query for c in subqueries if isinstance(c, wq.Not)]
        if positive:
            ids, scores = self._eval(positive[0])
            for c in positive[1:]:
                if not len(ids):
                    break
                c_ids, c_scores = self._eval(c)
                _, ia, ib = np.intersect1d(ids, c_ids, assume_unique=True, return_indices=True)
                ids, scores = ids[ia], scores[ia] + c_scores[ib]
        else:
            ids, scores = self._every()
        for c in negative:
            if not len(ids):
                break
            excluded, _ = self._eval(c)
            keep = ~np.isin(ids, excluded, assume_unique=True)
            ids, scores = ids[keep], scores[keep]
        return ids, scores

    def _or(self, parts) -> tuple[np.ndarray, np.ndarray]:
        parts = [p for p in parts if len(p[0])]
        if not parts:
            return _EMPTY_IDS, _EMPTY_SCORES
        if len(parts) == 1:
            return parts[0]
        all_ids = np.concatenate([p[0] for p in parts])
        all_scores = np.concatenate([p[1] for p in parts])
        ids, inverse = np.unique(all_ids, return_inverse=True)
        return ids, np.bincount(inverse, weights=all_scores, minlength=len(ids))


def _in_order(positions: list[list[int]], slop: int) -> bool:
    """Whether some position of each word follows one of the previous word by 1..slop."""
    if slop == 1:
        later = [set(p) for p in positions[1:]]
        return any(all(start + k + 1 in s for k, s in enumerate(later)) for start in positions[0])
    from bisect import bisect_right

    for start in positions[0]:
        prev = start
        for plist in positions[1:]:
            i = bisect_right(plist, prev)
            if i == len(plist) or plist[i] - prev > slop:
                break
            prev = plist[i]
        else:
            return True
    return False


def top(ids: np.ndarray, scores: np.ndarray, limit: int, rank: np.ndarray | None = None) -> list[tuple[int, float]]:
    """The ``limit`` best (docnum, score), best first; equal scores in ``rank`` order (else by docnum)."""
    if not len(ids):
        return []
    tiebreak = ids if rank is None else rank[ids]
    if len(ids) > limit:
        # Everything scoring at least the limit-th best score, then ordered exactly.
        threshold = np.partition(scores, len(scores) - limit)[len(scores) - limit]
        part = np.flatnonzero(scores >= threshold)
    else:
        part = np.arange(len(ids))
    order = part[np.lexsort((tiebreak[part], -scores[part]))][:limit]
    return [(int(ids[i]), float(scores[i])) for i in order]


def _deleted(seg):
    return seg._perdoc.deleted_docs() if seg.has_deletions() else ()


def _lengths_column():
    from whoosh.codec.whoosh3 import LENGTHS_COLUMN

    return LENGTHS_COLUMN
