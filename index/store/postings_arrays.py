"""The postings of the searched text fields as numpy arrays beside each Whoosh segment.

Whoosh stores a term's postings in pickled, compressed blocks of 128; decoding
them costs about 2 µs per posting in Python, 100+ ms for a frequent word in
100,000 articles. For each segment, :func:`write_postings_arrays` writes the
postings of ``title`` and ``body`` once as flat arrays (memory-mapped when
read): per field

- ``terms``   the terms, sorted (fixed-width bytes, for a binary search);
- ``starts``  where each term's postings start (one more entry than terms);
- ``pstarts`` where each term's positions start;
- ``ids``     the segment's document numbers, per term ascending;
- ``tf``      the term's frequency in each of those documents;
- ``pos``     the positions, per posting ascending (``tf`` of them).

One file per segment and field holds them all: a JSON header (each array's dtype,
offset and length) and the arrays after it; it is named after the segment
(``MAIN_<id>.ndpost_<field>.bin``), so Whoosh deletes it with the segment when
segments are merged. Whoosh itself keeps only each word's frequency for these
fields (``schema.TermCounts``): the positions are here only. The index writer
(``segment_writer.NewsdeskWriter``) writes a segment's arrays while flushing it,
before the commit names the segment, from the words it analysed and from the
arrays of the segments it merges. A segment without them (unreadable) is
searched through Whoosh's blocks for words; it matches no phrase.
"""

from __future__ import annotations

import json
import os
import pickle
import struct
from itertools import chain
from pathlib import Path

import numpy as np

PREFIX = "ndpost"
ARRAYS = ("terms", "starts", "pstarts", "ids", "tf", "pos")
_HEAD = b"\x80\x02"  # protocol 2, as Whoosh's Positions format pickles a value


def _name(segment_id: str, field: str) -> str:
    return f"{segment_id}.{PREFIX}_{field}.bin"


def _write(path: Path, arrays: dict[str, np.ndarray]) -> None:
    """The arrays in one file (under a temporary name, then renamed into place)."""
    header, offset, blobs = {}, 0, []
    for name in ARRAYS:
        a = np.ascontiguousarray(arrays[name])
        header[name] = [a.dtype.str, offset, int(a.size)]
        blob = a.tobytes()
        blobs.append(blob + b"\0" * (-len(blob) % 8))
        offset += len(blobs[-1])
    head = json.dumps(header).encode("ascii")
    head += b" " * (-(len(head) + 8) % 8)
    tmp = path.with_name("." + path.name + ".tmp")
    with open(tmp, "wb") as fh:
        fh.write(struct.pack("<Q", len(head)))
        fh.write(head)
        for blob in blobs:
            fh.write(blob)
    os.replace(tmp, path)


def _read(path: str) -> dict[str, np.ndarray]:
    data = np.memmap(path, dtype=np.uint8, mode="r")
    size = struct.unpack("<Q", data[:8].tobytes())[0]
    header = json.loads(data[8 : 8 + size].tobytes())
    base = 8 + size
    return {name: np.frombuffer(data, dtype=np.dtype(kind), count=count, offset=base + offset)
            for name, (kind, offset, count) in header.items()}


def decode_position_lists(values: list, fmt) -> list:
    """The delta-coded position lists of many Positions values, unpickled in one call.

    Each value is a 4-byte count followed by a pickled list of deltas; their list
    opcodes are joined into one pickle of a list of lists.
    """
    if all(v[4:6] == _HEAD and v.endswith(b".") for v in values):
        try:
            return pickle.loads(b"\x80\x02(" + b"".join([v[6:-1] for v in values]) + b"l.")
        except Exception:  # not the layout expected: decode one value at a time
            pass
    out = []
    for v in values:
        positions = fmt.decode_positions(v)
        out.append([b - a for a, b in zip([0] + positions[:-1], positions)])
    return out


def positions_of(values: list, fmt) -> tuple[np.ndarray, np.ndarray]:
    """(positions of every value, one after another; how many each value has)."""
    lists = decode_position_lists(values, fmt)
    counts = np.fromiter(map(len, lists), dtype=np.int64, count=len(lists))
    deltas = np.fromiter(chain.from_iterable(lists), dtype=np.int64, count=int(counts.sum()))
    running = np.cumsum(deltas)
    # positions restart with each value: subtract the running sum before its first position
    ends = np.cumsum(counts)
    before = np.zeros(len(counts), dtype=np.int64)
    before[1:] = np.where(ends[:-1] > 0, running[np.maximum(ends[:-1] - 1, 0)], 0)
    return running - np.repeat(before, counts), counts


def _smallest(values: np.ndarray, kinds=(np.uint8, np.uint16, np.uint32, np.int64)):
    top = int(values.max()) if len(values) else 0
    for kind in kinds:
        if top <= np.iinfo(kind).max:
            return values.astype(kind)
    return values


class SegmentPostings:
    """The arrays of one field of one segment, memory-mapped."""

    __slots__ = ("terms", "starts", "pstarts", "ids", "tf", "pos")

    def __init__(self, arrays: dict[str, np.ndarray]):
        for name in ARRAYS:
            setattr(self, name, arrays[name])

    @classmethod
    def load(cls, seg, field: str) -> "SegmentPostings | None":
        """The arrays of ``field`` in the segment, or None when they were not written."""
        segment = seg.segment()
        storage = getattr(seg, "_storage", None)
        # a compound segment is read through an overlay of its compound file on the index folder
        folder = getattr(storage, "folder", None) or getattr(getattr(storage, "b", None), "folder", None)
        if segment is None or folder is None:
            return None
        path = os.path.join(folder, _name(segment.segment_id(), field))
        if not os.path.exists(path):
            return None
        try:
            arrays = _read(path)
        except (OSError, ValueError, KeyError, struct.error):  # unreadable: read through Whoosh instead
            return None
        if set(arrays) != set(ARRAYS) or len(arrays["starts"]) != len(arrays["terms"]) + 1:
            return None
        return cls(arrays)

    def find(self, term: bytes) -> int:
        """The term's row, or -1."""
        i = int(np.searchsorted(self.terms, term))
        if i < len(self.terms) and self.terms[i] == term:
            return i
        return -1

    def postings(self, row: int) -> tuple[np.ndarray, np.ndarray]:
        """(document numbers, term frequencies) of a term's row."""
        a, b = int(self.starts[row]), int(self.starts[row + 1])
        return np.asarray(self.ids[a:b], dtype=np.int64), np.asarray(self.tf[a:b], dtype=np.float64)

    def df(self, row: int) -> int:
        """How many postings the term's row has (deleted documents included, as Whoosh counts them)."""
        return int(self.starts[row + 1]) - int(self.starts[row])

    def locate(self, row: int, docs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(index into the row's postings, whether it holds that document) for sorted segment docnums ``docs``.

        A binary search of the row's ids, in their stored dtype (no copy of the row).
        """
        a, b = int(self.starts[row]), int(self.starts[row + 1])
        ids = self.ids[a:b]
        if not len(ids) or not len(docs):
            return np.zeros(len(docs), dtype=np.int64), np.zeros(len(docs), dtype=bool)
        index = np.searchsorted(ids, docs.astype(ids.dtype, copy=False))
        found = index < len(ids)
        found[found] = ids[index[found]] == docs[found]
        return index, found

    def holds(self, row: int, which: np.ndarray, targets: np.ndarray) -> np.ndarray:
        """Whether posting ``which[i]`` (an index into the row's postings) has position ``targets[i]``.

        A binary search in each posting's own (ascending) positions, all at once: as many
        rounds as the longest of them needs, none of the positions gathered.
        """
        if not len(which):
            return np.zeros(0, dtype=bool)
        a, b = int(self.starts[row]), int(self.starts[row + 1])
        tf = np.asarray(self.tf[a:b], dtype=np.int64)
        counts = tf[which]
        lo = int(self.pstarts[row]) + np.cumsum(tf)[which] - counts
        end = hi = lo + counts
        last = len(self.pos) - 1
        while True:
            active = lo < hi
            if not active.any():
                break
            mid = (lo + hi) >> 1
            below = np.asarray(self.pos[np.minimum(mid, last)], dtype=np.int64) < targets
            lo = np.where(active & below, mid + 1, lo)
            hi = np.where(active & ~below, mid, hi)
        inside = lo < end
        inside[inside] = np.asarray(self.pos[lo[inside]], dtype=np.int64) == targets[inside]
        return inside

    def frequencies(self, row: int, which: np.ndarray) -> np.ndarray:
        """The term frequencies of the postings ``which`` (indexes into the row's postings)."""
        return np.asarray(self.tf[int(self.starts[row]) + which], dtype=np.float64)

    def positions(self, row: int, which: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(positions, counts) of the postings ``which`` (indexes into the row's postings), one after another."""
        a, b = int(self.starts[row]), int(self.starts[row + 1])
        tf = np.asarray(self.tf[a:b], dtype=np.int64)
        first = int(self.pstarts[row]) + np.concatenate(([0], np.cumsum(tf)[:-1]))[which]
        counts = tf[which]
        total = int(counts.sum())
        if not total:
            return np.zeros(0, dtype=np.int64), counts
        # the index of every wanted position: each posting's first, then +1, +2, ...
        steps = np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(counts) - counts, counts)
        index = np.repeat(first, counts) + steps
        return np.asarray(self.pos[index], dtype=np.int64), counts
