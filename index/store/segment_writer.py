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
import os
from array import array
from collections import Counter
from pathlib import Path

import numpy as np
from whoosh.writing import SegmentWriter

from .errors import StoreError
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
    return _merge(writer, segments, final=False)


def merge_at_end(writer, segments):
    """:func:`merge_tiers` for the last commit of a build: the segments of the smallest tier
    (under ``TIER_BASE`` documents each) are merged too when there are two or more. Each
    segment has its own term dictionary, so a small index of a few segments holds most
    words several times (a 1,000-article index: 4 segments, 19,570 body terms of ~12,000
    words); the merge rewrites fewer than ``MERGE_FACTOR * TIER_BASE`` documents."""
    return _merge(writer, segments, final=True)


def _merge(writer, segments, final: bool):
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
    for tier, group in tiers.items():
        if len(group) >= MERGE_FACTOR or (final and tier == 0 and len(group) >= 2):
            merge.extend(group)
    # a segment whose postings arrays are gone (removed by hand) is left as it is: its title
    # and body positions exist nowhere else
    folder = getattr(writer.storage, "folder", None)
    fields = [f for f in TERM_FIELDS if f in writer.schema]
    merge = [seg for seg in merge if folder is not None
             and all(os.path.exists(os.path.join(folder, _name(seg.segment_id(), f))) for f in fields)]
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
        self._arrays: dict[str, dict] = {}
        self._real_add = self.pool.add
        self.pool.add = self._pool_add  # read by SegmentWriter.add_document as the pool's add

    def _pool_add(self, item) -> None:
        """The pool's ``add``, but title/body postings come from the arrays at the flush."""
        if item[0] not in self._positions:
            self._real_add(item)

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
            if arrays is None:  # merge_tiers never picks such a segment
                raise StoreError(f"segment {reader.segment().segment_id()} has no {field} postings arrays")
            positions.merged.append((arrays, docmap))

    def add_postings_to_pool(self, reader, startdoc, docmap):
        """The postings of a merged segment, but title/body (their arrays are merged instead)."""
        add = self._real_add
        for item in self._process_posts(self._reader_postings(reader), startdoc, docmap):
            add(item)

    def _reader_postings(self, reader):
        for fieldname in reader.indexed_field_names():
            if fieldname in self._positions or fieldname not in self.schema:
                continue
            for btext in reader.lexicon(fieldname):
                m = reader.postings(fieldname, btext)
                while m.is_active():
                    # Whoosh's ListMatcher (postings inlined in the term record) says "" for no value
                    yield fieldname, btext, m.id(), m.weight(), m.value() or b""
                    m.next()

    def _write_own(self, field: str, lengths: "_Lengths | None") -> None:
        """Title/body's postings from the field's arrays, a block of postings at a time (not one
        call per posting, as Whoosh's ``add_postings`` makes: 80 % of the postings of a build)."""
        arrays = self._arrays.get(field)
        if arrays is None:
            return
        fw = self.fieldwriter
        fw.start_field(field, self.schema[field])
        terms, starts = arrays["terms"].tolist(), arrays["starts"].tolist()
        ids, tf = arrays["ids"].tolist(), arrays["tf"].tolist()
        field_lengths = lengths.of(field) if lengths is not None else None
        for row, term in enumerate(terms):
            fw.start_term(term)
            pw = fw._postwriter
            limit = pw._blocklimit
            a, end = starts[row], starts[row + 1]
            while a < end:
                b = min(a + limit, end)
                if len(pw._ids) >= limit:
                    pw._write_block()
                _add_block(pw, ids[a:b], tf[a:b], field_lengths)
                a = b
            fw.finish_term()
        fw.finish_field()

    def _write_postings(self, lengths: "_Lengths | None") -> None:
        """What Whoosh's ``FieldWriter.add_postings`` does with the pool's postings, fields in
        name order, with title/body's written by :meth:`_write_own` at their place."""
        fw, schema = self.fieldwriter, self.schema
        own = sorted(self._arrays)
        dfl = lengths.doc_field_length if lengths is not None else (lambda docnum, fieldname: 0)
        lastfn = lasttext = None
        for fieldname, btext, docnum, weight, value in self.pool.iter_postings():
            if fieldname != lastfn:
                if lasttext is not None:
                    fw.finish_term()
                if lastfn is not None:
                    fw.finish_field()
                while own and own[0] < fieldname:
                    self._write_own(own.pop(0), lengths)
                fw.start_field(fieldname, schema[fieldname])
                lastfn, lasttext = fieldname, None
            if btext != lasttext:
                if lasttext is not None:
                    fw.finish_term()
                fw.start_term(btext)
                lasttext = btext
            fw.add(docnum, weight, value if value is not None else b"", dfl(docnum, fieldname))
        if lasttext is not None:
            fw.finish_term()
        if lastfn is not None:
            fw.finish_field()
        for field in own:
            self._write_own(field, lengths)

    def _flush_segment(self):
        self._arrays = {}
        for field, positions in self._positions.items():
            arrays = positions.arrays()
            if arrays is not None:
                self._arrays[field] = arrays
        self.perdocwriter.close()
        pdr = self.per_document_reader() if self.codec.length_stats else None
        self._write_postings(_Lengths(pdr) if pdr else None)
        self.fieldwriter.close()
        if pdr:
            pdr.close()
        folder = getattr(self.storage, "folder", None)
        if folder is not None:
            sid = self.get_segment().segment_id()
            for field, arrays in self._arrays.items():
                _write(Path(folder) / _name(sid, field), arrays)
        self._positions, self._arrays = {}, {}


def _add_block(pw, ids: list[int], weights: list[int], lengths: list[int] | None) -> None:
    """Postings of one term added to the postings writer ``pw``'s block at once, with the
    statistics its ``add_posting`` keeps (largest weight, shortest and longest nonzero length)."""
    pw._ids.extend(ids)
    pw._weights.extend(weights)
    top = max(weights)
    if top > pw._maxweight:
        pw._maxweight = top
    if lengths is not None:
        seen = [n for n in map(lengths.__getitem__, ids) if n]
        if seen:
            low, high = min(seen), max(seen)
            if pw._minlength is None or low < pw._minlength:
                pw._minlength = low
            if high > pw._maxlength:
                pw._maxlength = high


class _Lengths:
    """A segment's field lengths for the postings writer, each field's read once (Whoosh asks
    the column again for every posting)."""

    def __init__(self, pdr):
        self._pdr = pdr
        self._fields: dict[str, list[int]] = {}

    def of(self, fieldname: str) -> list[int]:
        """Every document's length of the field (0 when it has none)."""
        lengths = self._fields.get(fieldname)
        if lengths is None:
            pdr = self._pdr
            lengths = self._fields[fieldname] = [pdr.doc_field_length(n, fieldname, 0)
                                                 for n in range(pdr.doc_count_all())]
        return lengths

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> int:
        lengths = self.of(fieldname)
        return lengths[docnum] if docnum < len(lengths) else default


def open_writer(ix, limitmb: int = 64) -> NewsdeskWriter:
    """The writer of a newsdesk index (every document added through it gets its postings arrays)."""
    from .schema import NewsdeskCodec

    # compound segments are read whole into memory on open
    return NewsdeskWriter(ix, limitmb=limitmb, compound=False, codec=NewsdeskCodec())
