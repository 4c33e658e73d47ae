"""The index writer: Whoosh's segment writer, with title and body analysed once per document
and their positions written as postings arrays beside each new segment.

Whoosh keeps only each word's frequency per document for ``title`` and ``body``
(``schema.TermCounts``); their positions, which phrases need, are in the
segment's postings arrays (:mod:`.postings_arrays`). :class:`NewsdeskWriter`

- analyses a document's title and body once (:class:`.german.IndexTerms`) and
  hands Whoosh the word counts (no token objects, no encoded positions);
- writes the arrays of the segment it makes while flushing it, before the
  commit's table of contents names it: a reader never sees a segment without
  its arrays; the arrays of a merged segment are made from the merged
  segments' arrays with numpy (Whoosh re-reads no positions);
- merges by :func:`merge_tiers`: segments of a similar size are merged once
  there are ``MERGE_FACTOR`` of them, so a document is rewritten about
  log(N) / log(MERGE_FACTOR) times over the life of an index of N documents,
  and a build never ends by merging everything into one segment.
"""

from __future__ import annotations

import math
from array import array
from collections import Counter
from pathlib import Path

import numpy as np
from whoosh.writing import SegmentWriter

from .german import index_terms
from .postings_arrays import SegmentPostings, _name, _smallest, _write
from .schema import TERM_FIELDS, AnalysedText

MERGE_FACTOR = 8  # segments of one size tier merged together
TIER_BASE = 1000  # documents: segments smaller than this are one tier
MAX_DELETED_SHARE = 0.5  # a segment with more deleted documents than this is rewritten at the next merge
_OFFSETS = (np.uint32, np.int64)
_DOCNUMS = (np.uint16, np.uint32, np.int64)  # as the docnums searched in them (never narrower)

def _tier(docs: int) -> int:
    return 0 if docs < TIER_BASE else 1 + int(math.log(docs / TIER_BASE, MERGE_FACTOR))


def merge_tiers(writer, segments):
    """Whoosh merge policy: merge the segments of a size tier that holds ``MERGE_FACTOR`` of them
    (and the segments mostly deleted); returns the segments left as they are."""
    from whoosh.reading import SegmentReader

    tiers: dict[int, list] = {}
    merge, empty = [], []
    for seg in segments:
        total = seg.doc_count_all()
        if not seg.doc_count():
            empty.append(seg)  # every document deleted: dropped, nothing to copy
        elif seg.deleted_count() > MAX_DELETED_SHARE * total:
            merge.append(seg)
        else:
            tiers.setdefault(_tier(seg.doc_count()), []).append(seg)
    for group in tiers.values():
        if len(group) >= MERGE_FACTOR:
            merge.extend(group)
    for seg in merge:
        writer.add_reader(SegmentReader(writer.storage, writer.schema, seg))
    return [s for s in segments if s not in merge and s not in empty]


class _Positions:
    """The (term, document, position) triples of one field for the segment being written."""

    def __init__(self):
        self.vocabulary: dict[str, int] = {}
        self.tokens = array("i")  # vocabulary index per position, document after document
        self.docs = array("i")
        self.lengths = array("i")
        self.merged: list | None = []  # (SegmentPostings, docnum map) of merged segments; None: one had none

    def add(self, docnum: int, terms: list[str]) -> None:
        if not terms:
            return
        vocabulary = self.vocabulary
        get = vocabulary.get
        ids = []
        for term in terms:
            i = get(term)
            if i is None:
                i = vocabulary[term] = len(vocabulary)
            ids.append(i)
        self.tokens.extend(ids)
        self.docs.append(docnum)
        self.lengths.append(len(terms))

    def _chunks(self):
        """(sorted unique terms, term index, docnum, position per position) of every source."""
        if self.tokens:
            words = np.array([w.encode("utf-8") for w in self.vocabulary], dtype=bytes)
            order = np.argsort(words, kind="stable")
            rank = np.empty(len(order), dtype=np.int64)
            rank[order] = np.arange(len(order))
            lengths = np.frombuffer(self.lengths, dtype=np.int32).astype(np.int64)
            firsts = np.repeat(np.cumsum(lengths) - lengths, lengths)
            yield (words[order], rank[np.frombuffer(self.tokens, dtype=np.int32)],
                   np.repeat(np.frombuffer(self.docs, dtype=np.int32).astype(np.int64), lengths),
                   np.arange(len(self.tokens), dtype=np.int64) - firsts)
        for arrays, docmap in self.merged or ():
            per_posting = np.diff(np.asarray(arrays.starts, dtype=np.int64))
            tf = np.asarray(arrays.tf, dtype=np.int64)
            rows = np.repeat(np.repeat(np.arange(len(arrays.terms), dtype=np.int64), per_posting), tf)
            docs = np.repeat(docmap[np.asarray(arrays.ids, dtype=np.int64)], tf)
            live = docs >= 0
            yield arrays.terms, rows[live], docs[live], np.asarray(arrays.pos, dtype=np.int64)[live]

    def arrays(self) -> dict[str, np.ndarray] | None:
        """The field's postings arrays (see postings_arrays), or None when a merged segment had none."""
        if self.merged is None:
            return None
        chunks = list(self._chunks())
        if not chunks:
            return None
        if len(chunks) == 1:
            terms, tok, docs, pos = chunks[0]
        else:
            terms = np.unique(np.concatenate([c[0] for c in chunks]))
            tok = np.concatenate([np.searchsorted(terms, c[0])[c[1]] for c in chunks])
            docs = np.concatenate([c[2] for c in chunks])
            pos = np.concatenate([c[3] for c in chunks])
        order = np.lexsort((pos, docs, tok))
        tok, docs, pos = tok[order], docs[order], pos[order]
        n = len(tok)
        first = np.ones(n, dtype=bool)
        first[1:] = (tok[1:] != tok[:-1]) | (docs[1:] != docs[:-1])
        at = np.flatnonzero(first)
        ids = docs[at]
        tf = np.diff(np.append(at, n))
        per_term = np.bincount(tok[at], minlength=len(terms))
        used = per_term > 0  # a term of merged segments whose documents are all deleted is left out
        positions_per_term = np.bincount(tok, minlength=len(terms))[used]
        return {
            "terms": terms[used],
            "starts": _smallest(np.concatenate(([0], np.cumsum(per_term[used]))), _OFFSETS),
            "pstarts": _smallest(np.concatenate(([0], np.cumsum(positions_per_term))), _OFFSETS),
            "ids": _smallest(ids, _DOCNUMS),
            "tf": _smallest(tf),
            "pos": _smallest(pos),
        }


class NewsdeskWriter(SegmentWriter):
    """A Whoosh ``SegmentWriter`` that writes the title/body postings arrays of its segment."""

    def __init__(self, ix, **kwargs):
        super().__init__(ix, **kwargs)
        self._positions = {field: _Positions() for field in TERM_FIELDS if field in self.schema}

    def add_document(self, **fields):
        docnum = self.docnum
        for field, positions in self._positions.items():
            value = fields.get(field)
            if isinstance(value, str):
                terms = index_terms(value)
                positions.add(docnum, terms)
                fields[field] = AnalysedText(Counter(terms), len(terms))
        super().add_document(**fields)

    def add_reader(self, reader):
        base = self.docnum
        total = reader.doc_count_all()
        docmap = np.full(total, -1, dtype=np.int64)
        live = np.fromiter((not reader.is_deleted(n) for n in range(total)), dtype=bool, count=total)
        docmap[live] = base + np.arange(int(live.sum()), dtype=np.int64)
        super().add_reader(reader)
        for field, positions in self._positions.items():
            if positions.merged is None:
                continue
            arrays = SegmentPostings.load(reader, field)
            if arrays is None:
                positions.merged = None  # this field's arrays cannot be complete: none are written
            else:
                positions.merged.append((arrays, docmap))

    def add_postings_to_pool(self, reader, startdoc, docmap):
        add = self.pool.add
        for item in self._process_posts(reader.iter_postings(), startdoc, docmap):
            if item[4] == "":  # Whoosh's ListMatcher (postings inlined in the term record) says "" for no value
                item = (*item[:4], b"")
            add(item)

    def _flush_segment(self):
        super()._flush_segment()
        folder = getattr(self.storage, "folder", None)
        if folder is None:
            return
        sid = self.get_segment().segment_id()
        for field, positions in self._positions.items():
            arrays = positions.arrays()
            if arrays is not None:
                _write(Path(folder) / _name(sid, field), arrays)
        self._positions = {}


def open_writer(ix, limitmb: int = 64) -> NewsdeskWriter:
    """The writer of a newsdesk index (every document added through it gets its postings arrays)."""
    from .schema import NewsdeskCodec

    # compound segments are read whole into memory on open
    return NewsdeskWriter(ix, limitmb=limitmb, compound=False, codec=NewsdeskCodec())
