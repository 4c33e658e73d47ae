"""Calendar periods of TIMEX3 values in any era, and the order of event dates."""

import datetime as dt
import random

import pytest

from newsdesk.index.periods import Day, date_order, period_end, period_start, year_value


@pytest.mark.parametrize("value, first, last, granularity", [
    ("BC1500", "-1499-01-01", "-1499-12-31", "year"),
    ("BC0001", "0000-01-01", "0000-12-31", "year"),
    ("BC0479-SP", "-0478-03-01", "-0478-05-31", "season"),
    ("BC0479-WI", "-0478-12-01", "-0477-02-28", "season"),
    ("BC0044-03-15", "-0043-03-15", "-0043-03-15", "day"),
    ("BC0044-03", "-0043-03-01", "-0043-03-31", "month"),
    # the 460s v. Chr.: 469 to 460 v. Chr.
    ("BC046", "-0468-01-01", "-0459-12-31", "decade"),
    # the 8th century v. Chr.: 800 to 701 v. Chr.; the 1st: 100 to 1 v. Chr.
    ("BC07", "-0799-01-01", "-0700-12-31", "century"),
    ("BC13", "-1399-01-01", "-1300-12-31", "century"),
    ("BC00", "-0099-01-01", "0000-12-31", "century"),
    ("BC000", "-0008-01-01", "0000-12-31", "decade"),  # no year 0: it ends with 1 v. Chr.
    ("0009", "0009-01-01", "0009-12-31", "year"),
    ("2025", "2025-01-01", "2025-12-31", "year"),
    ("193", "1930-01-01", "1939-12-31", "decade"),
    ("12", "1200-01-01", "1299-12-31", "century"),
    ("2024-02", "2024-02-01", "2024-02-29", "month"),
    ("2025-W01", "2024-12-30", "2025-01-05", "week"),
])
def test_periods_of_every_era(value, first, last, granularity):
    start = period_start(value)
    assert start is not None and (start[0].isoformat(), start[1]) == (first, granularity)
    assert period_end(value).isoformat() == last
    assert Day.from_iso(first) == start[0]


@pytest.mark.parametrize("value", ["BC0000", "0000", "000", "BC1500-W03", "BC1500-13", "BC0044-02-30", "BC", "BCX"])
def test_periods_that_do_not_exist(value):
    assert period_start(value) is None and period_end(value) is None


def test_leap_years_count_astronomically():
    # 1 v. Chr. (year 0) and 5 v. Chr. (year -4) are leap years of the proleptic Gregorian calendar
    assert period_end("BC0001-02").day == 29 and period_end("BC0005-02").day == 29
    assert period_end("BC0002-02").day == 28 and period_end("BC0101-02").day == 28


def test_days_compare_with_dates_and_round_trip():
    assert Day(2025, 10, 21) == dt.date(2025, 10, 21)
    assert Day(-1499, 1, 1) < dt.date(1, 1, 1) < Day(2025, 1, 1)
    assert dt.date(2025, 10, 20) < Day(2025, 10, 21) and not Day(-5, 1, 1) > dt.date(2025, 1, 1)
    assert Day.of(dt.date(2025, 3, 4)).to_date() == dt.date(2025, 3, 4)
    assert Day(-1499, 1, 1).to_date() is None and Day(0, 1, 1).before_christ
    for text in ("2025-10-21", "-1499-01-01", "0000-12-31", "-0043-03-15"):
        assert Day.from_iso(text).isoformat() == text
    assert Day.from_iso("2025-02-30") is None and Day.from_iso("BC1500") is None and Day.from_iso("") is None


def test_date_order_is_chronological_where_text_order_is_not():
    days = [Day(y, m, d) for y, m, d in [
        (-9998, 1, 1), (-1499, 1, 1), (-1499, 12, 31), (-1399, 1, 1), (-499, 6, 1), (-1, 1, 1),
        (0, 1, 1), (0, 12, 31), (1, 1, 1), (9, 1, 1), (1930, 1, 1), (2025, 10, 21),
    ]]
    dates = [d.isoformat() for d in days]
    assert sorted(dates) != dates  # "-0499" sorts before "-1499" as text
    shuffled = dates[:]
    random.Random(7).shuffle(shuffled)
    assert sorted(shuffled, key=date_order) == dates
    assert date_order("2025-10-21") == "2025-10-21"  # dates after Christ keep their text
    assert date_order("") < date_order("-9998-01-01")  # undated first, as before


def test_year_value_is_the_year_as_the_tagger_writes_it():
    assert [year_value(d) for d in ("2025-10-21", "-1499-01-01", "0000-06-01", "0009-01-01", "", "x")] == [
        "2025", "BC1500", "BC0001", "0009", "", ""]
