"""Per-segment data of a Whoosh index read as numpy arrays, whole, instead of one value per document.

Whoosh keeps field lengths, the ``sortdate`` column and the other per-document
columns as arrays in each segment's column files; its own readers decode them
one document at a time in Python. Here each column file is read in one go and
decoded with numpy:

- :func:`field_lengths`: the length of a field in each document (Whoosh's byte-coded
  length, as BM25 uses it);
- :func:`sort_days`: each document's date as the number YYYYMMDD (0: undated);
- :func:`live_mask`: which documents are not deleted.

The column files themselves are read by ``column_files`` (no numpy there: its
``VarBytes`` gives a variable-length column's offsets and lengths as stdlib arrays,
viewed here without a copy). A segment's arrays never change (only its deletions
do), so ``column_files.SegmentCache`` keeps them across refreshes of the store.
"""

from __future__ import annotations

import numpy as np

from .column_files import DATE_DIGITS, DATE_LENGTH, LENGTH_OF_BYTE, VarBytes, length_bytes

LENGTHS = np.array(LENGTH_OF_BYTE, dtype=np.float64)


def field_lengths(seg, fieldname: str) -> np.ndarray:
    """The length of ``fieldname`` in each document of the segment (0 for none), as float64."""
    out = np.zeros(seg.doc_count_all(), dtype=np.uint8)
    raw = np.frombuffer(length_bytes(seg, fieldname), dtype=np.uint8)
    out[: len(raw)] = raw  # trailing documents without the field are not written
    return LENGTHS[out]


def as_int64(values) -> np.ndarray:
    """A stdlib array of integers (``VarBytes`` offsets or lengths) as int64, viewed when it already is."""
    view = np.frombuffer(values, dtype=np.dtype(values.typecode)) if len(values) else np.zeros(0, dtype=np.int64)
    return view.astype(np.int64, copy=False)


def sort_days(seg) -> np.ndarray:
    """Each document's ``sortdate`` (``YYYY-MM-DD``) as the number YYYYMMDD; 0 when undated."""
    n = seg.doc_count_all()
    column = VarBytes.of(seg, "sortdate")
    days = np.zeros(n, dtype=np.int64)
    if column is None or not n:
        return days
    dated = np.flatnonzero(as_int64(column.lengths) == DATE_LENGTH)
    if not len(dated):
        return days
    raw = np.frombuffer(column.data(seg), dtype=np.uint8)
    offsets = as_int64(column.offsets)[dated]
    first = int(offsets[0])
    if len(raw) - first >= len(dated) * DATE_LENGTH and (
            np.array_equal(offsets, first + DATE_LENGTH * np.arange(len(dated)))):
        # the dates one after another (the usual case): a view, nothing gathered
        chars = raw[first:first + len(dated) * DATE_LENGTH].reshape(len(dated), DATE_LENGTH)
    else:
        chars = raw[offsets[:, None] + np.arange(DATE_LENGTH)]
    # YYYY-MM-DD: the digits at 0-3, 5-6, 8-9
    number = np.zeros(len(dated), dtype=np.int64)
    for column_index in DATE_DIGITS:  # the same arithmetic as column_files.day_number
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
