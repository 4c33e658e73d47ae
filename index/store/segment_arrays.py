"""Per-segment data of a Whoosh index read as numpy arrays, whole, instead of one value per document.

Whoosh keeps field lengths, the ``sortdate`` column and the other per-document
columns as arrays in each segment's column files; its own readers decode them
one document at a time in Python (and derive the offsets of a variable-length
column in a Python loop when opened). Here each column file is read in one go
and decoded with numpy:

- :func:`field_lengths`: the length of a field in each document (Whoosh's byte-coded
  length, as BM25 uses it);
- :func:`sort_days`: each document's date as the number YYYYMMDD (0: undated);
- :func:`live_mask`: which documents are not deleted;
- :class:`VarBytes`: a variable-length column (summary, text, events) with its
  offsets and lengths as arrays, one value read per lookup.

A segment's arrays never change (only its deletions do), so :class:`SegmentCache`
keeps them across refreshes of the store, keyed by the segment's id.
"""

from __future__ import annotations

import struct

import numpy as np
from whoosh.util.numeric import byte_to_length

LENGTHS = np.array([byte_to_length(i) for i in range(256)], dtype=np.float64)
_DATE_LENGTH = len("YYYY-MM-DD")


def _column_file(seg, name: str):
    """(file, length) of a segment's column file, or None when the segment has no such column."""
    perdoc = getattr(seg, "_perdoc", None)
    if perdoc is None:
        return None
    found = perdoc._colfiles.get(name)
    if found is None:
        if not perdoc.has_column(name):
            return None
        found = perdoc._colfiles[name] = perdoc._get_column_file(name)
    return found


def _read(colfile, offset: int, length: int) -> bytes:
    return bytes(colfile.get(offset, length))


def field_lengths(seg, fieldname: str) -> np.ndarray:
    """The length of ``fieldname`` in each document of the segment (0 for none), as float64."""
    n = seg.doc_count_all()
    found = _column_file(seg, "_%s_len" % fieldname)
    out = np.zeros(n, dtype=np.uint8)
    if found is not None:
        colfile, offset, length = found
        raw = np.frombuffer(_read(colfile, offset, min(length, n)), dtype=np.uint8)
        out[: len(raw)] = raw  # trailing documents without the field are not written
    return LENGTHS[out]


class VarBytes:
    """Where each value of a variable-length bytes column of one segment is: offsets and lengths as arrays.

    Holds no file: a segment's reader may be replaced (and its files closed) on a
    refresh while these arrays stay valid; pass the current reader to read a value.
    """

    __slots__ = ("name", "offsets", "lengths")

    def __init__(self, name: str, colfile, base: int, length: int, doccount: int):
        self.name = name

        def get(pos: int, size: int) -> bytes:
            return _read(colfile, base + pos, size)

        last = length - 1
        code = chr(get(last, 1)[0])
        offsets = None
        if code == "X":  # offsets were written too (more than 2**15 documents)
            code = chr(get(last - 2, 1)[0])
            off_code = chr(get(last - 1, 1)[0])
            size = struct.calcsize(off_code)
            start = last - 2 - doccount * size
            offsets = np.frombuffer(get(start, doccount * size), dtype=">" + off_code).astype(np.int64)
            last = start
        size = struct.calcsize(code)
        start = last - doccount * size
        lengths = np.frombuffer(get(start, doccount * size), dtype=">" + code).astype(np.int64)
        if offsets is None:
            offsets = np.zeros(doccount, dtype=np.int64)
            if doccount > 1:
                np.cumsum(lengths[:-1], out=offsets[1:])
        self.offsets = offsets
        self.lengths = lengths

    @classmethod
    def of(cls, seg, name: str) -> "VarBytes | None":
        found = _column_file(seg, name)
        if found is None:
            return None
        colfile, offset, length = found
        return cls(name, colfile, offset, length, seg.doc_count_all())

    def value(self, seg, docnum: int) -> bytes:
        """The value of document ``docnum`` (of the segment) read through ``seg``, the current reader."""
        size = int(self.lengths[docnum])
        if not size:
            return b""
        colfile, base, _length = _column_file(seg, self.name)
        return _read(colfile, base + int(self.offsets[docnum]), size)

    def data(self, seg) -> bytes:
        """Every value, concatenated (the column's data region)."""
        total = int(self.offsets[-1] + self.lengths[-1]) if len(self.lengths) else 0
        colfile, base, _length = _column_file(seg, self.name)
        return _read(colfile, base, total)


def sort_days(seg) -> np.ndarray:
    """Each document's ``sortdate`` (``YYYY-MM-DD``) as the number YYYYMMDD; 0 when undated."""
    n = seg.doc_count_all()
    column = VarBytes.of(seg, "sortdate")
    days = np.zeros(n, dtype=np.int64)
    if column is None or not n:
        return days
    dated = np.flatnonzero(column.lengths == _DATE_LENGTH)
    if not len(dated):
        return days
    raw = np.frombuffer(column.data(seg), dtype=np.uint8)
    offsets = column.offsets[dated]
    first = int(offsets[0])
    if len(raw) - first >= len(dated) * _DATE_LENGTH and (
            np.array_equal(offsets, first + _DATE_LENGTH * np.arange(len(dated)))):
        # the dates one after another (the usual case): a view, nothing gathered
        chars = raw[first:first + len(dated) * _DATE_LENGTH].reshape(len(dated), _DATE_LENGTH)
    else:
        chars = raw[offsets[:, None] + np.arange(_DATE_LENGTH)]
    # YYYY-MM-DD: the digits at 0-3, 5-6, 8-9
    number = np.zeros(len(dated), dtype=np.int64)
    for column_index in (0, 1, 2, 3, 5, 6, 8, 9):
        number *= 10
        number += chars[:, column_index]
        number -= ord("0")
    days[dated] = number
    return days


def live_mask(seg) -> np.ndarray:
    """True for each document of the segment that is not deleted."""
    live = np.ones(seg.doc_count_all(), dtype=bool)
    if seg.has_deletions():
        deleted = np.fromiter(seg._perdoc.deleted_docs(), dtype=np.int64)
        live[deleted] = False
    return live


class SegmentCache:
    """Arrays of each segment by segment id, kept while the segment is part of the index."""

    def __init__(self) -> None:
        self._arrays: dict[tuple, object] = {}

    def get(self, seg, what, make):
        segment = seg.segment()
        if segment is None:  # not a segment of a stored index (an empty reader)
            return make()
        key = (segment.segment_id(), what)
        value = self._arrays.get(key)
        if value is None:
            value = self._arrays[key] = make()
        return value

    def retain(self, segments) -> None:
        """Forget the arrays of segments no longer in the index."""
        ids = {seg.segment().segment_id() for seg, _offset in segments if seg.segment() is not None}
        self._arrays = {k: v for k, v in self._arrays.items() if k[0] in ids}
