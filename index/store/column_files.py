"""Per-document values of a Whoosh segment read straight from its column files, without numpy.

Whoosh keeps each segment's per-document columns (field lengths, ``sortdate``,
``summary``, ``text``, ...) in column files; its own column readers derive the
offsets of a variable-length column in a Python loop when opened. Here:

- :class:`VarBytes`: where each value of a variable-length bytes column is (offsets and
  lengths as stdlib arrays, which numpy can view without a copy), one value read per lookup;
- :func:`length_bytes`: the byte-coded field lengths of a segment (:data:`LENGTH_OF_BYTE`
  decodes them, as BM25 uses them);
- :func:`day_number`: a stored ``YYYY-MM-DD`` as the number YYYYMMDD;
- :class:`SegmentCache`: a segment's data kept while the segment is part of the index.

The numpy forms of the same data (whole arrays per segment) are in ``segment_arrays``;
this module imports neither numpy nor anything that does, so that a process answering
one small query (``newsdesk search``) need not import numpy.
"""

from __future__ import annotations

import sys
import zlib
from array import array
from bisect import bisect_right
from itertools import accumulate

from .whoosh_import import import_whoosh

import_whoosh("whoosh.compat")  # byte_to_length's module needs no more of Whoosh

from whoosh.util.numeric import byte_to_length  # noqa: E402

# Whoosh's byte-coded field length -> the length it stands for
LENGTH_OF_BYTE = tuple(float(byte_to_length(i)) for i in range(256))
DATE_LENGTH = len("YYYY-MM-DD")
DATE_DIGITS = (0, 1, 2, 3, 5, 6, 8, 9)  # where the digits of YYYY-MM-DD are
OFFSET_BLOCK = 512  # values whose lengths are summed for one offset (VarBytes._offset)


def column_file(seg, name: str):
    """(file, offset, length) of a segment's column, or None when the segment has no such column."""
    perdoc = getattr(seg, "_perdoc", None)
    if perdoc is None:
        return None
    found = perdoc._colfiles.get(name)
    if found is None:
        if not perdoc.has_column(name):
            return None
        found = perdoc._colfiles[name] = perdoc._get_column_file(name)
    return found


def read_bytes(colfile, offset: int, length: int) -> bytes:
    return bytes(colfile.get(offset, length))


def length_bytes(seg, fieldname: str) -> bytes:
    """The byte-coded length of ``fieldname`` in each document of the segment; documents
    at the end without the field are not written (their length is 0): the result may be short."""
    found = column_file(seg, "_%s_len" % fieldname)
    if found is None:
        return b""
    colfile, offset, length = found
    return read_bytes(colfile, offset, min(length, seg.doc_count_all()))


def day_number(raw: bytes) -> int:
    """A stored ``YYYY-MM-DD`` as the number YYYYMMDD; 0 for anything else (undated)."""
    if len(raw) != DATE_LENGTH:
        return 0
    number = 0
    for i in DATE_DIGITS:  # the same arithmetic as segment_arrays.sort_days
        number = number * 10 + raw[i] - 48
    return number


def _stored_array(code: str, data: bytes) -> array:
    """An array written by Whoosh (``StructFile.write_array``: the items big-endian)."""
    out = array(code)
    out.frombytes(data)
    if sys.byteorder == "little":
        out.byteswap()
    return out


def _starts(lengths: array) -> array:
    """Where each value starts, from the lengths: the running sum (numpy's when the process has
    imported it anyway, as the reader has: 20k values in 0.1 ms instead of 1 ms)."""
    numpy = sys.modules.get("numpy")
    if numpy is not None and len(lengths):
        running = numpy.frombuffer(lengths, dtype=numpy.dtype(lengths.typecode)).cumsum(dtype=numpy.int64)
        out = array("q", bytes(8))
        out.frombytes(running[:-1].tobytes())
        return out
    out = array("q", accumulate(lengths, initial=0))
    out.pop()
    return out


class VarBytes:
    """Where each value of a variable-length bytes column of one segment is: offsets and lengths as arrays.

    Holds no file: a segment's reader may be replaced (and its files closed) on a
    refresh while these arrays stay valid; pass the current reader to read a value.
    """

    __slots__ = ("name", "lengths", "_offsets", "_blocks")

    def __init__(self, name: str, colfile, base: int, length: int, doccount: int):
        self.name = name

        def get(pos: int, size: int) -> bytes:
            return read_bytes(colfile, base + pos, size)

        # The column ends with the lengths' typecode, or with the offsets' typecode and "X"
        # when the offsets were written too (more than 2**15 documents): see Whoosh's VarBytesColumn.
        last = length - 1
        code = chr(get(last, 1)[0])
        offsets = None
        if code == "X":
            code = chr(get(last - 2, 1)[0])
            off_code = chr(get(last - 1, 1)[0])
            size = array(off_code).itemsize
            start = last - 2 - doccount * size
            offsets = _stored_array(off_code, get(start, doccount * size))
            last = start
        size = array(code).itemsize
        start = last - doccount * size
        lengths = _stored_array(code, get(start, doccount * size))
        self._offsets = offsets  # made on first use when the column has none (up to 2**15 documents)
        self._blocks: list[int] | None = None
        self.lengths = lengths

    @property
    def offsets(self) -> array:
        """Where each value starts."""
        if self._offsets is None:
            self._offsets = _starts(self.lengths)
        return self._offsets

    def _offset(self, docnum: int) -> int:
        """Where one value starts. Without numpy (a process answering one query reads a few
        values of 10,000): from the sums of blocks of ``OFFSET_BLOCK`` lengths, not all offsets."""
        if self._offsets is not None or sys.modules.get("numpy") is not None:
            return self.offsets[docnum]
        lengths = self.lengths
        if self._blocks is None:
            self._blocks = list(accumulate((sum(lengths[i : i + OFFSET_BLOCK])
                                            for i in range(0, len(lengths), OFFSET_BLOCK)), initial=0))
        block = docnum // OFFSET_BLOCK
        return self._blocks[block] + sum(lengths[block * OFFSET_BLOCK : docnum])

    @classmethod
    def of(cls, seg, name: str) -> "VarBytes | None":
        found = column_file(seg, name)
        if found is None:
            return None
        colfile, offset, length = found
        return cls(name, colfile, offset, length, seg.doc_count_all())

    def value(self, seg, docnum: int) -> bytes:
        """The value of document ``docnum`` (of the segment) read through ``seg``, the current reader."""
        size = self.lengths[docnum]
        if not size:
            return b""
        colfile, base, _length = column_file(seg, self.name)
        return read_bytes(colfile, base + self._offset(docnum), size)

    def data(self, seg) -> bytes:
        """Every value, concatenated (the column's data region)."""
        total = self.offsets[-1] + self.lengths[-1] if len(self.lengths) else 0
        colfile, base, _length = column_file(seg, self.name)
        return read_bytes(colfile, base, total)


class SegmentCache:
    """Data of each segment by segment id, kept while the segment is part of the index."""

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
        """Forget the data of segments no longer in the index."""
        ids = {seg.segment().segment_id() for seg, _offset in segments if seg.segment() is not None}
        self._arrays = {k: v for k, v in self._arrays.items() if k[0] in ids}


def column_text(cache: SegmentCache, leaves, starts, name: str, docnum: int, compressed: bool) -> str:
    """A document's value in the text column ``name`` (summary, text), read from its segment:
    ``leaves`` are the (segment reader, first docnum) pairs of the index, ``starts`` their first
    docnums; ``compressed``: the column holds zlib-compressed values."""
    seg, offset = leaves[bisect_right(starts, docnum) - 1]
    column = cache.get(seg, ("column", name), lambda: VarBytes.of(seg, name) or False)
    if not column:
        return ""
    raw = column.value(seg, docnum - offset)
    if raw and compressed:
        raw = zlib.decompress(raw)
    return raw.decode("utf-8")
