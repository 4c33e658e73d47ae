"""Fast ranking for the common query shapes: terms combined with AND, OR and NOT.

Whoosh matches and scores one document at a time in Python, which costs tens of
milliseconds when a query matches thousands of articles. Here the postings of
each term are read a block at a time into numpy arrays and combined with array
operations, scored with BM25 (the same formula and parameters as Whoosh's
default BM25F). Phrases too: the position lists of the documents that hold
every word are decoded in one go per segment and matched with array operations
across all those documents. Field lengths and deletions come from
``segment_arrays`` (whole arrays per segment). Queries of other shapes raise
``Unsupported`` and are run by Whoosh itself.
"""

from __future__ import annotations

from operator import itemgetter

import numpy as np
from whoosh import query as wq

from .bm25 import idf as bm25_idf, norm, weight
from .column_files import SegmentCache
from .plain_ranking import QueryAlgebra, Unsupported, day_bounds
from .postings_arrays import SegmentPostings, positions_of
from .segment_arrays import field_lengths, live_mask

_EMPTY_IDS = np.zeros(0, dtype=np.int64)
_EMPTY_SCORES = np.zeros(0, dtype=np.float64)


class Ranker(QueryAlgebra):
    """Evaluates queries against one Whoosh searcher (build a new one after a refresh)."""

    def __init__(self, searcher, day_docs, cache: SegmentCache | None = None):
        self.searcher = searcher
        self.reader = searcher.reader()
        self.leaves = list(self.reader.leaf_readers())
        self.doc_count_all = self.reader.doc_count_all()
        self.cache = cache if cache is not None else SegmentCache()
        if self.leaves:
            self.live = np.concatenate([self._live(seg) for seg, _offset in self.leaves])
        else:
            self.live = np.zeros(0, dtype=bool)
        self.day_docs = day_docs  # (first, last) -> sorted np.ndarray of docnums with a date in range
        self._lengths: dict[str, np.ndarray] = {}
        self._avg: dict[str, float] = {}

    def _live(self, seg) -> np.ndarray:
        if not seg.has_deletions():
            return np.ones(seg.doc_count_all(), dtype=bool)
        return self.cache.get(seg, ("live", seg.segment().deleted_count()), lambda: live_mask(seg))

    # --- statistics -------------------------------------------------------------------------

    def _field_lengths(self, fieldname: str) -> np.ndarray | None:
        if fieldname not in self._lengths:
            field = self.reader.schema[fieldname]
            if not field.scorable:
                self._lengths[fieldname] = None
            else:
                parts = [self.cache.get(seg, ("len", fieldname), lambda seg=seg: field_lengths(seg, fieldname))
                         for seg, _offset in self.leaves]
                self._lengths[fieldname] = np.concatenate(parts) if parts else np.zeros(0)
            self._avg[fieldname] = self.searcher.avg_field_length(fieldname) or 1.0
        return self._lengths[fieldname]

    def _idf(self, fieldname: str, btext: bytes) -> float:
        return bm25_idf(self.doc_count_all, self.reader.doc_frequency(fieldname, btext))

    # --- evaluation -------------------------------------------------------------------------

    def run(self, q) -> tuple[np.ndarray, np.ndarray]:
        """(sorted global docnums, their scores) of the live documents matching ``q``."""
        ids, scores = self._eval(q)
        keep = self.live[ids]
        return ids[keep], scores[keep]

    # --- the set operations of QueryAlgebra on (sorted docnums, scores) ----------------------

    def _without(self, a, b) -> tuple[np.ndarray, np.ndarray]:
        keep = ~np.isin(a[0], b[0], assume_unique=True)
        return a[0][keep], a[1][keep]

    def _add_where_both(self, a, b) -> tuple[np.ndarray, np.ndarray]:
        _, ia, ib = np.intersect1d(a[0], b[0], assume_unique=True, return_indices=True)
        scores = a[1].copy()
        scores[ia] += b[1][ib]
        return a[0], scores

    def _nothing(self) -> tuple[np.ndarray, np.ndarray]:
        return _EMPTY_IDS, _EMPTY_SCORES

    def _days(self, q) -> tuple[np.ndarray, np.ndarray]:
        ids = self.day_docs(*day_bounds(q))
        return ids, np.zeros(len(ids))

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
            arrays = self._arrays(seg, fieldname)
            if arrays is not None:
                row = arrays.find(btext)
                if row < 0:
                    continue
                ids, tf = arrays.postings(row)
            elif (fieldname, btext) in seg:
                ids, tf, _values = block_postings(seg, fieldname, btext, field.format)
            else:
                continue
            id_parts.append(ids + offset)
            tf_parts.append(tf)
        if not id_parts:
            return _EMPTY_IDS, _EMPTY_SCORES
        ids = np.concatenate(id_parts)
        tf = np.concatenate(tf_parts)
        # df: the postings read (deleted documents count, as in Whoosh)
        idf = bm25_idf(self.doc_count_all, len(ids))
        lengths = self._field_lengths(fieldname)
        if lengths is None:
            scores = np.full(len(ids), idf * boost)
        else:
            scores = weight(tf, norm(lengths[ids], self._avg[fieldname]), boost * idf)
        return ids, scores

    def _phrase(self, q: wq.Phrase) -> tuple[np.ndarray, np.ndarray]:
        """Documents with the words in order, each within ``slop`` positions of the previous."""
        words = [w if isinstance(w, bytes) else w.encode("utf-8") for w in q.words]
        if not words:
            return _EMPTY_IDS, _EMPTY_SCORES
        if len(words) == 1:
            return self._term(q.fieldname, words[0], q.boost)
        field = self.reader.schema[q.fieldname] if q.fieldname in self.reader.schema else None
        if field is None or field.format is None:
            raise Unsupported("phrase on a field that is not indexed")
        fmt = field.format
        # title/body keep their positions only in the postings arrays (schema.TermCounts)
        in_arrays = not fmt.supports("positions")
        slop = max(1, q.slop)
        id_parts, tf_parts = [], []
        for seg, offset in self.leaves:
            arrays = self._arrays(seg, q.fieldname)
            if arrays is not None and slop == 1:
                found = _adjacent(arrays, words)
                if found is not None:
                    id_parts.append(found[0] + offset)
                    tf_parts.append(found[1])
                continue
            if arrays is None and in_arrays:
                continue  # no positions to match in this segment
            lists = self._phrase_postings(seg, q.fieldname, words, fmt)
            if lists is None:
                continue
            # fewest postings first: the intersection shrinks fastest
            common = min((ids for ids, _positions in lists), key=len)
            for ids, _positions in lists:
                common = np.intersect1d(common, ids, assume_unique=True)
                if not len(common):
                    break
            if not len(common):
                continue
            keys, counts = [], []
            for ids, positions_for in lists:
                positions, c = positions_for(np.searchsorted(ids, common))
                rows = np.repeat(np.arange(len(common), dtype=np.int64), c)
                keys.append((rows << 32) | positions)
                counts.append(c)
            found = _in_order(keys, slop)
            if not len(found):
                continue
            id_parts.append(common[found] + offset)
            tf_parts.append(np.stack([c[found] for c in counts], axis=1).astype(np.float64))
        if not id_parts:
            return _EMPTY_IDS, _EMPTY_SCORES
        ids = np.concatenate(id_parts)
        tf = np.concatenate(tf_parts)  # documents x words
        lengths = self._field_lengths(q.fieldname)
        idf = np.array([self._phrase_idf(q.fieldname, w) for w in words])
        if lengths is None:
            scores = np.full(len(ids), q.boost * idf.sum())
        else:
            doc_norm = norm(lengths[ids], self._avg[q.fieldname])
            scores = q.boost * weight(tf, doc_norm[:, None], idf).sum(axis=1)
        return ids, scores

    def _phrase_idf(self, fieldname: str, btext: bytes) -> float:
        """Whoosh's idf of a word, its document frequency summed from the segments' arrays
        (Whoosh's own term lookup when a segment has none)."""
        df = 0
        for seg, _offset in self.leaves:
            arrays = self._arrays(seg, fieldname)
            if arrays is None:
                return self._idf(fieldname, btext)
            row = arrays.find(btext)
            if row >= 0:
                df += arrays.df(row)
        return bm25_idf(self.doc_count_all, df)

    def _arrays(self, seg, fieldname: str) -> SegmentPostings | None:
        arrays = self.cache.get(seg, ("postings", fieldname),
                                lambda: SegmentPostings.load(seg, fieldname) or False)
        return arrays or None

    def _phrase_postings(self, seg, fieldname: str, words: list[bytes], fmt):
        """Per word (docnums, function: indexes into them -> (positions, counts)); None when a word is missing."""
        arrays = self._arrays(seg, fieldname)
        out = []
        for w in words:
            if arrays is not None:
                row = arrays.find(w)
                if row < 0:
                    return None
                ids, _tf = arrays.postings(row)
                out.append((ids, lambda which, row=row: arrays.positions(row, which)))
            else:
                if (fieldname, w) not in seg:
                    return None
                ids, _tf, values = block_postings(seg, fieldname, w, fmt, values=True)
                out.append((ids, lambda which, values=values: positions_of(_pick(values, which), fmt)))
        return out

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


def block_postings(seg, fieldname: str, btext: bytes, fmt, values: bool = False):
    """(docnums, term frequencies, values or None) of a term in one segment, a block at a time.

    Reads Whoosh's block data directly: the ids are stored as deltas from the block's
    start, the weights as None (all 1), one float, or one per posting.
    """
    m = seg._terms.matcher(fieldname, btext, fmt)
    if not hasattr(m, "_read_data"):  # a few postings kept in the term record (schema.NewsdeskCodec)
        ids = np.array(m._ids, dtype=np.int64)
        tf = np.array(m._weights, dtype=np.float64) if m._weights is not None else np.ones(len(ids))
        return ids, tf, list(m._values or ()) if values else []
    id_parts, tf_parts, vals = [], [], []
    while m.is_active():
        if m._data is None:
            m._read_data()
        ids, weights, block_values = m._data[0], m._data[1], m._data[2]
        ids = np.cumsum(np.array(ids, dtype=np.int64)) if not m._byteids else np.array(ids, dtype=np.int64)
        id_parts.append(ids)
        if weights is None:
            tf_parts.append(np.ones(len(ids)))
        elif isinstance(weights, float):
            tf_parts.append(np.full(len(ids), weights))
        else:
            tf_parts.append(np.array(weights, dtype=np.float64))
        if values:
            vals.extend(block_values)
        m._next_block()
    if not id_parts:
        return _EMPTY_IDS, _EMPTY_SCORES, vals
    return np.concatenate(id_parts), np.concatenate(tf_parts), vals


def _pick(values: list, where: np.ndarray) -> list:
    if len(where) == 1:
        return [values[int(where[0])]]
    return list(itemgetter(*where.tolist())(values))


def _adjacent(arrays: SegmentPostings, words: list[bytes]) -> tuple[np.ndarray, np.ndarray] | None:
    """(segment docnums, documents x words term frequencies) of the documents holding ``words``
    side by side, in order; None when none does.

    Starts from the rarest word: its documents are narrowed by a binary search in the
    other words' postings, rarest next; then its positions (shifted to where the phrase
    would start) are kept only where each other word, rarest first, stands at its place,
    found by a binary search in that word's positions in the document: the positions of
    frequent words are never gathered.
    """
    rows = [arrays.find(w) for w in words]
    if min(rows) < 0:
        return None
    order = sorted(range(len(words)), key=lambda k: arrays.df(rows[k]))
    first = order[0]
    docs = np.asarray(arrays.ids[int(arrays.starts[rows[first]]):int(arrays.starts[rows[first] + 1])],
                      dtype=np.int64)
    which = {first: np.arange(len(docs), dtype=np.int64)}
    for k in order[1:]:
        index, found = arrays.locate(rows[k], docs)
        docs = docs[found]
        which = {j: w[found] for j, w in which.items()}
        which[k] = index[found]
        if not len(docs):
            return None
    # candidates: (document index, where the phrase would start) from the rarest word's positions
    positions, counts = arrays.positions(rows[first], which[first])
    doc = np.repeat(np.arange(len(docs), dtype=np.int64), counts)
    start = positions - first
    for k in order[1:]:
        hit = arrays.holds(rows[k], which[k][doc], start + k)
        doc, start = doc[hit], start[hit]
        if not len(doc):
            return None
    alive = doc[np.concatenate(([True], doc[1:] != doc[:-1]))]  # doc is sorted
    tf = np.stack([arrays.frequencies(rows[k], which[k][alive]) for k in range(len(words))], axis=1)
    return docs[alive], tf


def _in_order(keys: list[np.ndarray], slop: int) -> np.ndarray:
    """Rows where some position of each word follows one of the previous word by 1..slop.

    ``keys`` are per word, row << 32 | position, sorted (the same rows for every word).
    From each position of the first word, the nearest later position of each next word is
    taken in turn.
    """
    current = keys[0]
    for following in keys[1:]:
        if not len(current):
            break
        i = np.searchsorted(following, current, side="right")
        ok = i < len(following)
        nxt = following[np.minimum(i, len(following) - 1)]
        ok &= (nxt - current) <= slop  # a different row is 2**32 away at least
        current = nxt[ok]
    return np.unique(current >> 32)


def top(ids: np.ndarray, scores: np.ndarray, limit: int, days: np.ndarray | None = None) -> list[tuple[int, float]]:
    """The ``limit`` best (docnum, score), best first; equal scores newest first by ``days``
    (YYYYMMDD per docnum, 0 undated: last), then by docnum."""
    if not len(ids):
        return []
    if len(ids) > limit:
        # Everything scoring at least the limit-th best score, then ordered exactly.
        threshold = np.partition(scores, len(scores) - limit)[len(scores) - limit]
        part = np.flatnonzero(scores >= threshold)
    else:
        part = np.arange(len(ids))
    order = part[ranked(ids[part], scores[part], days)][:limit]
    return [(int(ids[i]), float(scores[i])) for i in order]


def ranked(ids: np.ndarray, scores: np.ndarray, days: np.ndarray | None = None) -> np.ndarray:
    """The order of (ids, scores): best score first, equal scores newest first, then by docnum."""
    newest = np.zeros(len(ids), dtype=np.int64) if days is None else -days[ids]
    return np.lexsort((ids, newest, -scores))
