"""Where a segment's postings arrays are and how their file is laid out (no numpy here).

The file (written by ``segment_writer.NewsdeskWriter`` as it flushes or merges a segment): an 8-byte little-endian
length, a JSON header of that length (each array's numpy dtype, offset after the header
and number of items) and the arrays after it. ``postings_arrays`` reads it as numpy
arrays; ``plain_ranking`` as memoryviews, so that a process answering one small query
need not import numpy.
"""

from __future__ import annotations

import json
import os
import struct

PREFIX = "ndpost"
ARRAYS = ("terms", "starts", "pstarts", "ids", "tf", "pos")


def file_name(segment_id: str, field: str) -> str:
    return f"{segment_id}.{PREFIX}_{field}.bin"


def segment_file(seg, field: str) -> str | None:
    """The path of the arrays of ``field`` in the segment (of a segment reader), None when it has none."""
    segment = seg.segment()
    storage = getattr(seg, "_storage", None)
    # a compound segment is read through an overlay of its compound file on the index folder
    folder = getattr(storage, "folder", None) or getattr(getattr(storage, "b", None), "folder", None)
    if segment is None or folder is None:
        return None
    path = os.path.join(folder, file_name(segment.segment_id(), field))
    return path if os.path.exists(path) else None


def read_header(data) -> tuple[int, dict[str, list]]:
    """(where the arrays start, {array name: [numpy dtype string, offset from there, item count]})
    of the file's bytes ``data`` (any buffer); ValueError when it is not such a file."""
    size = struct.unpack("<Q", bytes(data[:8]))[0]
    header = json.loads(bytes(data[8 : 8 + size]))
    if not isinstance(header, dict) or set(header) != set(ARRAYS):
        raise ValueError("not a postings arrays file")
    return 8 + size, header
