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
    ("BC046", "460er v. Chr."),
    ("BC13", "14. Jh. v. Chr."),
    # ISO dates count years astronomically, as event dates do: year 0 is 1 v. Chr.
    ("-1499-01-01", "1. Januar 1500 v. Chr."),
    ("-0478-03", "März 479 v. Chr."),
    ("0000", "1 v. Chr."),
    # a year of fewer than four digits says its era
    ("0009", "9 n. Chr."),
    ("0800-12-25", "25. Dezember 800 n. Chr."),
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


def test_ranges_before_christ_name_the_era_once():
    assert span_text("BC1500", "BC1200") == "1500 – 1200 v. Chr."
    assert span_text("BC07", "BC05") == "8. Jh. – 6. Jh. v. Chr."
    assert span_text("BC0027", "0014") == "27 v. Chr. – 14 n. Chr."
    assert span_text("BC0044", "1453") == "44 v. Chr. – 1453 n. Chr."
    assert span_text("0800-06-16", "0800-09-23") == "16. Juni – 23. September 800 n. Chr."
    assert span_text("0800-12-24", "0800-12-25") == "24.–25. Dezember 800 n. Chr."


def test_a_bc_event_is_written_as_a_person_writes_it():
    event = Event(0, 5, "-1499-01-01", "year", "x", "x", value="BC1500", end_date="-1199-12-31", end_value="BC1200")
    assert event.when == "1500 – 1200 v. Chr."
    assert Event.from_dict(event.to_dict()) == event
    assert Event(0, 5, "-1399-01-01", "century", "x", "x", value="BC13").when == "14. Jh. v. Chr."


def test_event_round_trips_its_new_fields():
    event = Event(0, 5, "1930-01-01", "decade", "x", "x", value="193", status="planned", inferred=True,
                  end_date="1939-12-31", end_value="193", sentence_start=0, sentence_end=9)
    assert Event.from_dict(event.to_dict()) == event
    assert event.when == "1930er"
    # records written before these fields existed still read
    old = {k: v for k, v in event.to_dict().items() if k not in ("status", "inferred", "end_date", "end_value")}
    assert Event.from_dict(old).status == "asserted"
