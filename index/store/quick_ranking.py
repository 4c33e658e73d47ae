"""``quick_search``'s ranking: the total and best hits of a plain query (an AND of words and
phrases on one field) from the postings arrays, with no Python statement per posting.

``plain_ranking.PlainRanker`` scores every matching document in a Python loop (about 1 µs a
posting); past ``plain_ranking.MAX_POSTINGS`` the store's numpy ranker took over, and a fresh
process paid numpy's import (an AND of two frequent words or a phrase of two frequent names at
100,000 articles: 90 to 270 ms). Here every posting passes only through the standard library's
C loops (``map``, ``compress``, ``itemgetter``, ``accumulate``, ``set`` lookups, bytes and
memoryviews), a few tens of ns each. In each segment:

1. the live documents holding every word: the rarest word's documents as a set, each other
   word's postings read in one pass of set lookups (or, when the documents are few against its
   postings, a binary search for each: ``bisect`` mapped over them), the deleted ones dropped;
   per word, where each document's posting is in its row;
2. for each phrase, the first position of each of its words in each document: side by side
   there, the phrase is there. Only where some word occurs more than once and the first
   positions are not side by side are all positions read: each position of the ``k``-th of
   ``n`` words, as ``document + ((position + n - 1 - k) << shift)``, is where the last word
   must be; the sets of the words meet where the phrase is (``PlainRanker._adjacent``'s match);
3. each document's key: its length byte and the term frequency of each word, packed in an int
   (the columns' bytes interleaved in one record per document, read as unsigned ints). A
   document's score depends on its key only, and there are a few hundred keys, not tens of
   thousands of documents: each key is scored once, in the order of the ranker's arithmetic
   (``all_of`` adds the parts in turn, a phrase sums its words' weights), so the scores are the
   ranker's to the last bit. Every key has a document, so the documents of the ``limit`` best
   keys hold the ``limit`` best documents: only they are gathered, cut at the ``limit``-th
   score and ordered as ``plain_top`` orders them (score, newest first, document number).

The total is every live document matched, as the store counts it. Past ``budget`` units of
work (postings, positions and lookups read, about 0.1 µs each) it gives up
(:class:`~newsdesk.index.store.plain_ranking.Unsupported`) and the caller asks the store.
"""

from __future__ import annotations

import sys
from array import array
from bisect import bisect_left
from collections import Counter
from itertools import accumulate, chain, compress, repeat
from operator import add, and_, eq, gt, itemgetter, lshift, not_, or_, sub

from .bm25 import idf as bm25_idf, weight
from .plain_ranking import PlainPostings, PlainRanker, Unsupported

# Work beyond which the store (numpy) answers instead. Measured on the 100k-article index of
# bench/engines.py (load 5 to 7 on 2 cores): a unit cost 0.07-0.13 µs (a frequent word 270,000
# units, an AND of two 370,000, a phrase of two frequent names 430,000); the store's path, numpy's
# import included, 190 ms for that phrase: they meet near 2,000,000 units.
MAX_WORK = 2_000_000
# A word's postings are looked up by a binary search per document when they are more than this
# many times the documents (a search reads ~log2 of them), else by one pass over them.
SEARCH_RATIO = 16
_ARRAY_CODES = {1: "B", 2: "H", 4: "I", 8: "Q"}


class _Row:
    """One word's postings in one segment: its documents, their term frequencies and positions."""

    __slots__ = ("postings", "ids", "tf", "pstart", "pend", "_ids", "_tf")

    def __init__(self, postings: PlainPostings, row: int):
        a, b = postings.span(row)
        self.postings = postings
        self.ids, self.tf = postings.ids[a:b], postings.tf[a:b]
        self.pstart, self.pend = postings.pstarts[row], postings.pstarts[row + 1]
        self._ids = self._tf = None

    def __len__(self) -> int:
        return len(self.ids)

    def id_list(self) -> list[int]:
        if self._ids is None:
            self._ids = self.ids.tolist()
        return self._ids

    def frequencies(self):
        """The term frequencies, as bytes when they are bytes (read faster than the mapped file)."""
        if self._tf is None:
            self._tf = self.tf.tobytes() if self.tf.itemsize == 1 else self.tf
        return self._tf

    def positions(self) -> list[int]:
        """Every position of the word in the segment, posting after posting."""
        return self.postings.pos[self.pstart : self.pend].tolist()


def best_documents(ranker: PlainRanker, fieldname: str, parts: list[tuple], limit: int,
                   budget: int = MAX_WORK) -> tuple[int, list[tuple[int, float]]]:
    """(live documents matching every part, the ``limit`` best (global docnum, score)) of an AND of
    ``parts`` in ``fieldname`` (a scored field with postings arrays): each part one index term
    ``(word,)`` or a phrase ``(word, word, ...)``. What ``plain_top(ranker.live(ranker.all_of(...)),
    limit, ranker.day_of)`` gives for the parts' ``ranker.term`` and ``ranker.phrase``."""
    work = _Work(budget)
    parts = [tuple(w if isinstance(w, bytes) else w.encode("utf-8") for w in part) for part in parts]
    words = list(dict.fromkeys(w for part in parts for w in part))
    df = dict.fromkeys(words, 0)
    segments = []  # (segment, offset, {word: _Row}) of the segments holding every word
    for seg, offset in ranker.leaves:
        postings = ranker._postings(seg, fieldname)
        rows = {}
        for w in words:
            row = postings.find(w)
            if row >= 0:
                rows[w] = _Row(postings, row)
                df[w] += len(rows[w])
        if len(rows) == len(words):
            segments.append((seg, offset, rows))
    idfs = {w: bm25_idf(ranker.doc_count_all, df[w]) for w in words}
    width = max((r.tf.itemsize for _s, _o, rows in segments for r in rows.values()), default=1)
    total, distinct, matched = 0, set(), []  # matched: (offset, docs, keys) per segment
    for seg, offset, rows in segments:
        docs, at = _holding_all(rows, words, ranker._deleted(seg), work)
        for part in parts:
            if len(part) > 1 and docs:
                docs, at = _keep(_phrase_docs(rows, part, docs, at, work), docs, at)
        if not docs:
            continue
        work.spend(len(docs) * (len(words) + 2))
        keys = _keys(rows, words, docs, at, ranker._lengths(seg, fieldname), width)
        total += len(docs)
        distinct.update(keys)
        matched.append((offset, docs, keys))

    # a document's score depends on its key only: each key scored once, in the ranker's arithmetic
    norms = ranker._norms_of(fieldname)
    mask = (1 << 8 * width) - 1
    shifts = {w: 8 + 8 * width * i for i, w in enumerate(words)}

    def score(key: int) -> float:
        norm = norms[key & 255]
        out = None
        for part in parts:
            if len(part) == 1:
                s = weight((key >> shifts[part[0]]) & mask, norm, idfs[part[0]])
            else:  # PlainRanker.phrase: the words' weights summed (from 0, as sum does)
                s = sum(weight((key >> shifts[w]) & mask, norm, idfs[w]) for w in part)
            out = s if out is None else out + s  # PlainRanker.all_of: the parts added in turn
        return out

    scores = {key: score(key) for key in distinct}
    # every key has a document: the documents of the ``limit`` best keys (and of keys scoring as
    # the last of them) hold the ``limit`` best documents
    wanted = distinct
    if len(scores) > limit:
        floor = sorted(scores.values(), reverse=True)[limit - 1]
        wanted = {key for key, s in scores.items() if s >= floor}
    gathered = []
    for offset, docs, keys in matched:
        which = list(compress(range(len(keys)), map(wanted.__contains__, keys)))
        gathered.extend(zip([docs[i] + offset for i in which], gather(keys, which)))
    counts = Counter(key for _d, key in gathered)
    best = _best_keys({key: scores[key] for key in counts}, counts, limit)
    chosen = [(d, scores[key]) for d, key in gathered if key in best]
    chosen.sort(key=lambda ds: (-ds[1], -ranker.day_of(ds[0]), ds[0]))
    return total, chosen[:limit]


class _Work:
    def __init__(self, budget: int):
        self.left = budget

    def spend(self, units: int) -> None:
        self.left -= units
        if self.left < 0:
            raise Unsupported("more postings than the quick ranking takes on")


def _best_keys(scores: dict[int, float], counts: Counter, limit: int) -> set:
    """The keys scoring at least the ``limit``-th best document's score."""
    if sum(counts.values()) <= limit:
        return set(scores)
    taken, best, threshold = 0, set(), None
    for key in sorted(scores, key=scores.__getitem__, reverse=True):
        if taken >= limit and scores[key] < threshold:
            break
        taken += counts[key]
        threshold = scores[key]
        best.add(key)
    return best


def gather(values, indexes) -> tuple:
    """``values`` at each of ``indexes`` (one C loop)."""
    if len(indexes) > 1:
        return itemgetter(*indexes)(values)
    return tuple(values[i] for i in indexes)


def _keep(mask: list, docs: list[int], at: dict):
    """``docs`` and each word's postings ``at`` them where ``mask`` is true."""
    if all(mask):
        return docs, at
    return list(compress(docs, mask)), {w: list(compress(js, mask)) for w, js in at.items()}


def _holding_all(rows: dict, words: list[bytes], deleted: frozenset, work: _Work):
    """(the segment's live documents holding every word, ascending; per word, the index of each
    one's posting in its row)."""
    order = sorted(words, key=lambda w: len(rows[w]))
    docs = rows[order[0]].id_list()
    at = {order[0]: range(len(docs))}
    work.spend(len(docs))
    if len(order) == 1 and not deleted:
        return docs, at
    found = set(docs)
    if deleted:
        found.difference_update(deleted)
    for w in order[1:]:  # the documents found so far in the next row: those that hold it too
        if not found:
            return [], {}
        row = rows[w]
        if len(found) * SEARCH_RATIO < len(row):
            some = sorted(found)
            js, hit = where_sorted(row.ids, some)
            at[w], docs = list(compress(js, hit)), list(compress(some, hit))
            work.spend(len(some) * len(row).bit_length())
        else:
            ids = row.id_list()
            at[w] = list(compress(range(len(ids)), map(found.__contains__, ids)))
            docs = list(gather(ids, at[w]))
            work.spend(2 * len(row))
        if len(docs) < len(found):
            found = set(docs)
    if len(docs) > len(found):  # one word, some of its documents deleted
        docs = list(compress(docs, map(found.__contains__, docs)))
    for w in order:  # the rows read before the documents last dropped
        if len(at[w]) != len(docs):
            row = rows[w]
            if len(docs) * SEARCH_RATIO < len(row):
                at[w] = where_sorted(row.ids, docs)[0]
                work.spend(len(docs) * len(row).bit_length())
            else:
                at[w] = list(compress(range(len(row)), map(found.__contains__, row.id_list())))
                work.spend(len(row))
    return docs, at


def where_sorted(ids, docs) -> tuple[list, list]:
    """(for each of ``docs``, the index in the ascending ``ids`` (not empty) where it is if it is there;
    whether it is): a binary search for each."""
    found = list(map(min, map(bisect_left, repeat(ids), docs), repeat(len(ids) - 1)))
    # bisect gave len(ids) only for a document greater than the last id: no match there either
    return found, list(map(eq, gather(ids, found), docs))


def _keys(rows: dict, words: list[bytes], docs: list[int], at: dict, lengths: bytes, width: int) -> list[int]:
    """Each document's key: its length byte, then the term frequency of each word in ``width`` bytes
    (little-endian, in the order of ``words``), as one int."""
    lens = bytes(gather(lengths, docs))
    size = 1 + width * len(words)
    record = next((n for n in (1, 2, 4, 8) if n >= size), None)
    columns = []
    for w in words:
        row, js = rows[w], at[w]
        if isinstance(js, range):  # every posting of the row
            columns.append(row.tf.tobytes() if row.tf.itemsize == width else row.tf.tolist())
        else:
            column = gather(row.frequencies(), js)
            columns.append(bytes(column) if width == 1 else column)
    if record is None or sys.byteorder != "little":  # arithmetic: slower, any size
        keys = lens
        for i, column in enumerate(columns):
            column = memoryview(column).cast(_ARRAY_CODES[width]) if isinstance(column, bytes) else column
            keys = map(or_, keys, map(lshift, column, repeat(8 + 8 * width * i)))
        return list(keys)
    # the columns interleaved byte by byte in a record per document, read as one unsigned int each
    data = bytearray(record * len(docs))
    data[0::record] = lens
    code = _ARRAY_CODES[width]
    for i, column in enumerate(columns):
        raw = column if isinstance(column, bytes) else array(code, column).tobytes()
        at_byte = 1 + width * i
        for b in range(width):
            data[at_byte + b :: record] = raw[b::width]
    return memoryview(data).cast(_ARRAY_CODES[record]).tolist()


def _phrase_docs(rows: dict, part: tuple, docs: list[int], at: dict, work: _Work) -> list[bool]:
    """Whether each of ``docs`` holds the words of ``part`` side by side, in order (``docs`` hold each word)."""
    words = {}  # per word: (its positions in the row, where each document's start)
    for w in dict.fromkeys(part):
        row = rows[w]
        running = list(accumulate(row.frequencies(), initial=0))
        words[w] = (row.positions(), gather(running, at[w]))
        work.spend(2 * len(row) + row.pend - row.pstart + 2 * len(docs))
    # the first position of each word in each document: side by side there, the phrase is there
    first = [gather(*words[w]) for w in part]
    side_by_side = list(map(eq, map(sub, first[1], first[0]), repeat(1)))
    for k in range(2, len(part)):
        side_by_side = list(map(and_, side_by_side, map(eq, map(sub, first[k], first[0]), repeat(k))))
    # else it may be elsewhere only where some word occurs more than once
    rest = list(compress(range(len(docs)), map(not_, side_by_side)))
    if rest:
        counts = {w: gather(rows[w].frequencies(), gather(at[w], rest)) for w in words}
        more = list(map(gt, map(max, *[counts[w] for w in part]), repeat(1)))
        rest = list(compress(rest, more))
        if rest:
            counts = {w: tuple(compress(c, more)) for w, c in counts.items()}
            found = _phrase_elsewhere(part, gather(docs, rest), words, counts, rest, work)
            for i in rest:
                side_by_side[i] = docs[i] in found
    return side_by_side


def _phrase_elsewhere(part: tuple, docs: tuple, words: dict, counts: dict, rest: list[int], work: _Work) -> set:
    """Which of ``docs`` (at ``rest`` in the words' lists, ``counts`` positions of each word) hold
    ``part`` side by side: each position
    of the ``k``-th word, as ``document + ((position + last - k) << shift)``, is where the phrase's
    last word must be (the document in the low bits spreads a set's hashes); the sets of the words
    meet where the phrase is."""
    last = len(part) - 1
    shift = max(docs).bit_length() or 1
    ends = None
    for k, w in enumerate(part):
        positions, starts = words[w]
        starts, many = gather(starts, rest), counts[w]
        work.spend(sum(many) * 3)
        owners = map(add, docs, repeat((last - k) << shift))
        found = chain.from_iterable(map(positions.__getitem__, map(slice, starts, map(add, starts, many))))
        keys = map(add, chain.from_iterable(map(repeat, owners, many)), map(lshift, found, repeat(shift)))
        ends = set(keys) if ends is None else ends.intersection(keys)
        if not ends:
            return set()
    low = (1 << shift) - 1
    return set(map(and_, ends, repeat(low)))
