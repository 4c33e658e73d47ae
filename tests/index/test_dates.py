"""TIMEX3 values written as a person writes them."""

import pytest

from newsdesk.index.annotations import Event
from newsdesk.index.dates import span_text, when_text


@pytest.mark.parametrize("value, text", [
    ("2006-11-04", "4. November 2006"),
    ("2006-11-04T07:00", "4. November 2006, 07:00 Uhr"),
    ("2006-11", "November 2006"),
    ("2006", "2006"),
    ("2007-Q4", "4. Quartal 2007"),
    ("2007-SU", "Sommer 2007"),
    ("2025-W43", "KW 43/2025"),
    ("2025-W41-WE", "Wochenende KW 41/2025"),
    ("2025-H1", "1. Halbjahr 2025"),
    ("193", "1930er"),
    ("12", "13. Jh."),
    ("BC1500", "1500 v. Chr."),
    ("BC0499", "499 v. Chr."),
    ("BC0479-SP", "Frühjahr 479 v. Chr."),
    ("BC07", "8. Jh. v. Chr."),
    ("198", "1980er"),
    ("2006-11-04TMO", "4. November 2006, morgens"),
    ("2006-11-04TEV", "4. November 2006, abends"),
    ("PRESENT_REF", "PRESENT_REF"),
])
def test_when_text(value, text):
    assert when_text(value) == text


def test_ranges_share_the_year():
    assert span_text("2025-06-16", "2025-09-23") == "16. Juni – 23. September 2025"
    assert span_text("1995", "1999") == "1995 – 1999"
    assert span_text("2013-11-05", "2013-11-22") == "5.–22. November 2013"
    assert span_text("2024-12-30", "2025-01-02") == "30. Dezember 2024 – 2. Januar 2025"
    assert span_text("2025-06-16", "2025-06-16") == "16. Juni 2025"


def test_event_round_trips_its_new_fields():
    event = Event(0, 5, "1930-01-01", "decade", "x", "x", value="193", status="planned", inferred=True,
                  end_date="1939-12-31", end_value="193", sentence_start=0, sentence_end=9)
    assert Event.from_dict(event.to_dict()) == event
    assert event.when == "1930er"
    # records written before these fields existed still read
    old = {k: v for k, v in event.to_dict().items() if k not in ("status", "inferred", "end_date", "end_value")}
    assert Event.from_dict(old).status == "asserted"
