"""The calendar period a TIMEX3 value names, in any era, and the order of event dates.

An event's ``date`` is the first day of its period as ISO 8601 text: ``2025-10-20`` for the
years 1 to 9999 (what every index has always held), and for the years before Christ the
expanded form with astronomical year numbering that ISO 8601 and XML Schema 1.1 use: year 0
is 1 v. Chr., ``-1499-01-01`` is 1 January 1500 v. Chr. (``datetime.date`` has no year
before 1, so a :class:`Day` carries these dates).

As text ``-1499`` sorts after ``-0499`` (500 v. Chr.) and both sort before ``0001``; lists of
events sort by :func:`date_order`, which keeps the text of the years after Christ and puts
earlier years before later ones.

The TIMEX3 values come from the temporal tagger (``index.analysis.timex``): ``2025-10-20``,
``2025-W43``, ``2025-08``, ``2025-Q3``, ``2025-SU``, ``2025``, ``202`` (decade), ``20``
(century), and before Christ the year as written after ``BC`` (``BC1500``, ``BC0479-SP``,
``BC046`` for the 460s v. Chr., ``BC07`` for the 8th century v. Chr.). Pure functions, no NLP:
the reader imports this module.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

__all__ = ["Day", "date_order", "period_end", "period_start", "year_value"]


def _days_in_month(year: int, month: int) -> int:
    """Days of a month of the proleptic Gregorian calendar; ``year`` astronomical (0 = 1 v. Chr.)."""
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


class Day(NamedTuple):
    """A day of the proleptic Gregorian calendar in any era; ``year`` is astronomical
    (0 is 1 v. Chr., -1499 is 1500 v. Chr.). Days compare with each other and with
    ``datetime.date``."""

    year: int
    month: int
    day: int

    @classmethod
    def of(cls, date: dt.date) -> "Day":
        return cls(date.year, date.month, date.day)

    @classmethod
    def checked(cls, year: int, month: int, day: int) -> "Day":
        """The day, or ValueError for a month or day the calendar does not have."""
        if not 1 <= month <= 12 or not 1 <= day <= _days_in_month(year, month):
            raise ValueError(f"no such day: {year}-{month}-{day}")
        return cls(year, month, day)

    @classmethod
    def from_iso(cls, text: str) -> "Day | None":
        """The day an ISO date (``2025-10-20``, ``-1499-01-01``) names; None for anything else."""
        m = _ISO_DAY.fullmatch(text.strip())
        if not m:
            return None
        year = int(m[2]) * (-1 if m[1] else 1)
        try:
            return cls.checked(year, int(m[3]), int(m[4]))
        except ValueError:
            return None

    def isoformat(self) -> str:
        sign = "-" if self.year < 0 else ""
        return f"{sign}{abs(self.year):04d}-{self.month:02d}-{self.day:02d}"

    def to_date(self) -> dt.date | None:
        """The ``datetime.date`` of the day; None before the year 1 and after 9999."""
        return dt.date(*self) if dt.MINYEAR <= self.year <= dt.MAXYEAR else None

    @property
    def before_christ(self) -> bool:
        return self.year <= 0

    # comparisons with datetime.date (tuples compare with tuples already)
    def _key(self, other):
        if isinstance(other, dt.date):
            return (other.year, other.month, other.day)
        return other if isinstance(other, tuple) else NotImplemented

    def __lt__(self, other):  # type: ignore[override]
        o = self._key(other)
        return NotImplemented if o is NotImplemented else tuple(self) < o

    def __le__(self, other):  # type: ignore[override]
        o = self._key(other)
        return NotImplemented if o is NotImplemented else tuple(self) <= o

    def __gt__(self, other):  # type: ignore[override]
        o = self._key(other)
        return NotImplemented if o is NotImplemented else tuple(self) > o

    def __ge__(self, other):  # type: ignore[override]
        o = self._key(other)
        return NotImplemented if o is NotImplemented else tuple(self) >= o

    def __eq__(self, other):  # type: ignore[override]
        o = self._key(other)
        return NotImplemented if o is NotImplemented else tuple(self) == o

    def __ne__(self, other):  # type: ignore[override]
        o = self._key(other)
        return NotImplemented if o is NotImplemented else tuple(self) != o

    __hash__ = tuple.__hash__


_ISO_DAY = re.compile(r"(-?)(\d{4,})-(\d{2})-(\d{2})")

# The parts of a TIMEX3 value after its year; an optional time part ("T14:30", "TEV") keeps the day.
_TIME_PART = r"(?:T[0-9A-Z:.+\-]*)?"
_DAY = re.compile(rf"-(\d{{2}})-(\d{{2}}){_TIME_PART}")
_WEEKDAY = re.compile(rf"-W(\d{{2}})-([1-7]){_TIME_PART}")
_WEEKEND = re.compile(r"-W(\d{2})-WE")
_WEEK = re.compile(rf"-W(\d{{2}}){_TIME_PART}")
_MONTH = re.compile(r"-(\d{2})")
_QUARTER = re.compile(r"-Q([1-4])")
_HALF = re.compile(r"-H([12])")
_SEASON = re.compile(r"-(SP|SU|FA|AU|WI)")
_YEAR = re.compile(r"(\d{4})(.*)")
_DECADE = re.compile(r"\d{3}")
_CENTURY = re.compile(r"\d{2}")
# Meteorological seasons: the month each one starts (winter YYYY-WI: December of YYYY).
_SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "AU": 9, "WI": 12}
# The last day a period before Christ can end on: 31 December 1 v. Chr.
_LAST_BC_DAY = Day(0, 12, 31)


def period_start(value: str) -> tuple[Day, str] | None:
    """The first day of the period a TIMEX3 value names, and its granularity.

    ``2025-10-20`` and ``2025-10-20TEV`` -> (2025-10-20, "day");
    ``2025-W43`` -> (Monday 2025-10-20, "week"); ``2025-W43-5`` -> that Friday,
    "day"; ``2025-W42-WE`` -> its Saturday, "weekend"; ``2025-08`` -> "month";
    ``2025-Q3`` -> (2025-07-01, "quarter"); ``2025-SU`` -> (2025-06-01,
    "season"); ``2025-H2`` -> (2025-07-01, "half"); ``2025`` -> "year";
    ``202`` -> (2020-01-01, "decade"); ``20`` -> (2000-01-01, "century").
    Before Christ: ``BC1500`` -> (1 January 1500 v. Chr. = -1499-01-01, "year");
    ``BC0479-SP`` -> (1 March 479 v. Chr., "season"); ``BC046`` (the 460s v. Chr., 469 to
    460 v. Chr.) -> (1 January 469 v. Chr., "decade"); ``BC07`` (the 8th century v. Chr.,
    800 to 701 v. Chr.) -> (1 January 800 v. Chr., "century").
    None for anything else (durations, sets, references, unknown parts, weeks before Christ)
    and for impossible dates (month 13, week 54, the year 0 after Christ).
    """
    v = value.strip()
    bc = v.startswith("BC")
    body = v[2:] if bc else v
    try:
        if _DECADE.fullmatch(body):
            # BC046: the years 469 to 460 v. Chr.
            return Day(-10 * int(body) - 8, 1, 1) if bc else _ad(Day(int(body) * 10, 1, 1)), "decade"
        if _CENTURY.fullmatch(body):
            # BC07: the 8th century v. Chr., 800 to 701 v. Chr.
            return Day(-100 * int(body) - 99, 1, 1) if bc else _ad(Day(int(body) * 100, 1, 1)), "century"
        m = _YEAR.fullmatch(body)
        if not m:
            return None
        written, rest = int(m[1]), m[2]
        if written == 0:
            return None  # neither TIMEX2 nor this tagger writes a year 0
        year = 1 - written if bc else written
        if not rest:
            return Day(year, 1, 1), "year"
        if m := _DAY.fullmatch(rest):
            return Day.checked(year, int(m[1]), int(m[2])), "day"
        if m := _MONTH.fullmatch(rest):
            return Day.checked(year, int(m[1]), 1), "month"
        if m := _QUARTER.fullmatch(rest):
            return Day(year, 3 * int(m[1]) - 2, 1), "quarter"
        if m := _HALF.fullmatch(rest):
            return Day(year, 6 * int(m[1]) - 5, 1), "half"
        if m := _SEASON.fullmatch(rest):
            return Day(year, _SEASON_MONTH[m[1]], 1), "season"
        if bc:
            return None  # ISO weeks before Christ: no source writes them
        if m := _WEEKDAY.fullmatch(rest):
            return Day.of(dt.date.fromisocalendar(year, int(m[1]), int(m[2]))), "day"
        if m := _WEEKEND.fullmatch(rest):
            return Day.of(dt.date.fromisocalendar(year, int(m[1]), 6)), "weekend"
        if m := _WEEK.fullmatch(rest):
            return Day.of(dt.date.fromisocalendar(year, int(m[1]), 1)), "week"
    except ValueError:  # month 13, week 54 ...
        return None
    return None


def _ad(day: Day) -> Day:
    if day.year < 1:
        raise ValueError("a decade or century after Christ starts in the year 1 or later")
    return day


_MONTHS = {"month": 1, "quarter": 3, "season": 3, "half": 6, "year": 12, "decade": 120, "century": 1200}


def period_end(value: str) -> Day | None:
    """The last day of the period a TIMEX3 value names (see ``period_start``)."""
    found = period_start(value)
    if found is None:
        return None
    start, granularity = found
    if granularity == "day":
        return start
    if granularity in ("weekend", "week"):
        first = start.to_date()
        return Day.of(first + dt.timedelta(days=1 if granularity == "weekend" else 6)) if first else None
    # the month before the first month after the period, counted from the year 0
    year, month = divmod(start.year * 12 + start.month - 1 + _MONTHS[granularity] - 1, 12)
    end = Day(year, month + 1, _days_in_month(year, month + 1))
    if value.strip().startswith("BC") and end > _LAST_BC_DAY:
        return _LAST_BC_DAY  # "BC000", the years 9 to 1 v. Chr., end with 1 v. Chr.
    if end.year > dt.MAXYEAR:
        return None
    return end


def date_order(iso: str) -> str:
    """The sort key of an event date: dates after Christ as they are (``2025-10-20``); a date
    before Christ (``-1499-01-01``) as ``-`` and 9999 minus the year, so that earlier years
    come first and all of them before the year 0 (``-8500-01-01``); years before 9999 v. Chr.
    sort as that year. An empty date sorts first."""
    if not iso.startswith("-"):
        return iso
    year, sep, rest = iso[1:].partition("-")
    if not year.isdigit():
        return iso
    return f"-{max(0, 9999 - int(year)):04d}{sep}{rest}"


def year_value(iso: str) -> str:
    """The TIMEX3 year of an event date: ``2025`` for ``2025-10-20``, ``BC1500`` for
    ``-1499-01-01``, ``BC0001`` for ``0000-01-01``; "" for a date it does not know."""
    day = Day.from_iso(iso)
    if day is None:
        return ""
    return f"BC{1 - day.year:04d}" if day.before_christ else f"{day.year:04d}"
