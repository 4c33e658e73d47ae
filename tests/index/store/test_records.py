"""The stored forms of records.py: events as rows of differences, read back as written."""

from __future__ import annotations

import json

from newsdesk.index.annotations import Event
from newsdesk.index.store.records import decode_events, encode_events

TEXT = "Am 3. Mai 2025 traf Merkel in Berlin ein. Danach sprach sie lange. " * 3


def _event(**kw) -> Event:
    base = dict(start=0, end=40, date="2025-05-03", granularity="day", what="traf Merkel ein",
                text=TEXT[0:40])
    base.update(kw)
    return Event(**base)


def test_events_round_trip():
    events = [
        _event(),
        _event(who=["PER:Angela Merkel"], where=["LOC:Berlin"], value="2025-05-03", timex_start=3, timex_end=14,
               sentence_start=0, sentence_end=41),
        _event(start=42, end=66, text=TEXT[42:66], status="negated", inferred=True, end_date="2025-06-01",
               end_value="2025-06", sentence_start=41, sentence_end=67, timex_start=30, timex_end=35),
        _event(start=5, end=20, text="ein anderer Text"),  # not the span: kept
        _event(timex_start=3),  # a start without an end
    ]
    value = encode_events(events, TEXT)
    assert decode_events(value, TEXT) == events
    rows = json.loads(value)
    assert rows[0] == [0, 40, "2025-05-03", "day", "traf Merkel ein"]  # defaults and the span's text left out
    assert rows[3][-1] == "ein anderer Text"
    assert encode_events([], TEXT) == "" and decode_events("", TEXT) == []
