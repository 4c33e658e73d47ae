"""The compact term records of the index codec (schema.CompactTermInfo)."""

from __future__ import annotations

import pytest
from whoosh.codec.whoosh3 import W3TermInfo

from newsdesk.index.store.schema import CompactTermInfo


def _inlined(ids, weights, values=None, lengths=(3, 250)):
    info = CompactTermInfo()
    info._minlength, info._maxlength = lengths
    info._weight, info._df = float(sum(weights)), len(ids)
    info._maxweight, info._minid, info._maxid = float(max(weights)), ids[0], ids[-1]
    info.set_inlined(ids, weights, values or [b""] * len(ids))
    return info


@pytest.mark.parametrize("ids, weights", [([0], [1]), ([5, 9, 300, 70_000], [1, 2, 1, 130]), ([2**31], [7])])
def test_inlined_postings_round_trip_in_few_bytes(ids, weights):
    info = _inlined(ids, weights)
    data = info.to_bytes()
    assert len(data) < 8 + 4 * len(ids)  # W3's form: 23 bytes and a pickle of 44 or more
    back = CompactTermInfo.from_bytes(data)
    assert back.inlined_postings() == (tuple(ids), tuple(weights), (b"",) * len(ids))
    assert (back.doc_frequency(), back.weight(), back.max_weight()) == (len(ids), sum(weights), max(weights))
    assert (back.min_id(), back.max_id()) == (ids[0], ids[-1])
    # the lengths as W3 keeps them: byte-coded
    w3 = W3TermInfo.from_bytes(W3TermInfo.to_bytes(info))
    assert (back.min_length(), back.max_length()) == (w3.min_length(), w3.max_length())


def test_block_postings_round_trip():
    info = CompactTermInfo()
    info._minlength, info._maxlength = 1, 4000
    info._weight, info._df, info._maxweight = 1234.0, 500, 17.0
    info._minid, info._maxid = 12, 99_999
    info.set_extent(1 << 33, 4567)
    back = CompactTermInfo.from_bytes(info.to_bytes())
    assert not back.is_inlined()
    assert back.extent() == (1 << 33, 4567)
    assert (back.doc_frequency(), back.weight(), back.max_weight(), back.min_id(), back.max_id()) == (
        500, 1234.0, 17.0, 12, 99_999)


def test_weights_with_a_fraction_and_values_keep_w3s_form():
    for info in (_inlined([1, 2], [1.5, 1.0]), _inlined([1, 2], [1, 1], [b"\x01", b""])):
        data = info.to_bytes()
        assert data[0] in (0, 1)
        back = CompactTermInfo.from_bytes(data)
        assert back.inlined_postings() == W3TermInfo.from_bytes(data).inlined_postings()
