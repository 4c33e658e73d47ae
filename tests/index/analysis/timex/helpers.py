"""Shared helpers for the temporal tagger tests."""

from __future__ import annotations

from datetime import date

from newsdesk.index.analysis.timex import tag

# A Tuesday.
DCT = date(2025, 10, 21)


def tagged(text: str, dct: date | None = DCT) -> list[tuple[str, str, str]]:
    """(span text, type, value) of every expression found."""
    return [(t.text, t.type, t.value) for t in tag(text, dct)]


def only(text: str, dct: date | None = DCT):
    """The single expression in ``text`` (fails when there is not exactly one)."""
    found = tag(text, dct)
    assert len(found) == 1, [(t.text, t.type, t.value) for t in found]
    t = found[0]
    assert text[t.start:t.end] == t.text
    return t
