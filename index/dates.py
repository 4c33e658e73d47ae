"""How newsdesk writes a TIMEX3 value for a person, in German.

The analysis keeps TIMEX3 values (``2006-11-04``, ``193`` for the 1930s, ``12`` for the 13th
century, ``BC1500``, ``2007-Q4``); the reader and ``newsdesk events`` show them as a person
writes them: ``4. November 2006``, ``1930er``, ``13. Jh.``, ``1500 v. Chr.``, ``4. Quartal 2007``.
``BC`` values give the year as written (``BC1500`` is 1500 v. Chr.); an ISO date with a minus
sign counts years astronomically, as ``index.periods`` writes event dates (``-1499-01-01`` is
1. Januar 1500 v. Chr., ``0000`` is 1 v. Chr.).
Pure functions, no NLP: the reader imports this module.
"""

from __future__ import annotations

import re

MONTH_NAMES = (
    "Januar", "Februar", "März", "April", "Mai", "Juni",
    "Juli", "August", "September", "Oktober", "November", "Dezember",
)
DAY_PART_NAMES = {"MO": "morgens", "MI": "mittags", "AF": "nachmittags", "EV": "abends", "NI": "nachts"}
SEASON_NAMES = {"SP": "Frühjahr", "SU": "Sommer", "FA": "Herbst", "WI": "Winter"}

_VALUE = re.compile(
    r"^(?P<bc>BC|-)?(?P<year>\d{4})"
    r"(?:-(?:(?P<month>\d{2})(?:-(?P<day>\d{2})(?:T(?:(?P<time>\d{2}:\d{2})|(?P<part>MO|MI|AF|EV|NI)))?)?"
    r"|W(?P<week>\d{2})(?P<weekend>-WE)?|Q(?P<quarter>[1-4])|H(?P<half>[12])|(?P<season>SP|SU|FA|WI)))?$"
)
_DECADE = re.compile(r"^(?P<bc>BC)?(?P<decade>\d{3})$")
_CENTURY = re.compile(r"^(?P<bc>BC)?(?P<century>\d{2})$")
_BC = " v. Chr."
_AD = " n. Chr."


def when_text(value: str) -> str:
    """A TIMEX3 date value as a person writes it; a value it does not know comes back unchanged."""
    value = (value or "").strip()
    m = _VALUE.match(value)
    if m:
        year = int(m["year"])
        if m["bc"] == "BC":  # "BC0479-SP": Frühjahr 479 v. Chr.
            return _date_text(m, year) + _BC
        if m["bc"] or year == 0:  # astronomical: "-1499-01-01" is 1500 v. Chr., "0000" 1 v. Chr.
            return _date_text(m, year + 1) + _BC
        if year < 1000:  # "9" alone reads as a number: "9 n. Chr."
            return _date_text(m, year) + _AD
        return _date_text(m, year)
    m = _DECADE.match(value)
    if m:
        decade = int(m["decade"]) * 10
        return f"{decade}er{_BC}" if m["bc"] else f"{decade}er"
    m = _CENTURY.match(value)
    if m:
        century = int(m["century"]) + 1  # TIMEX3 "12" is the years 1200-1299, the 13th century
        return f"{century}. Jh.{_BC}" if m["bc"] else f"{century}. Jh."
    return value


def _date_text(m: re.Match, year: int) -> str:
    if m["month"]:
        month = f"{MONTH_NAMES[int(m['month']) - 1]} {year}"
        if not m["day"]:
            return month
        day = f"{int(m['day'])}. {month}"
        if m["time"]:
            return f"{day}, {m['time']} Uhr"
        if m["part"]:
            return f"{day}, {DAY_PART_NAMES[m['part']]}"
        return day
    if m["week"]:
        week = f"KW {int(m['week'])}/{year}"
        return f"Wochenende {week}" if m["weekend"] else week
    if m["quarter"]:
        return f"{m['quarter']}. Quartal {year}"
    if m["half"]:
        return f"{m['half']}. Halbjahr {year}"
    if m["season"]:
        return f"{SEASON_NAMES[m['season']]} {year}"
    return str(year)


def span_text(value: str, end_value: str = "") -> str:
    """A date or a range of two dates, sharing what both ends share as a person writes it:
    ``5.–22. November 2013``, ``16. Juni – 23. September 2025``, ``1995 – 1999``,
    ``1500 – 1200 v. Chr.``; a range from before to after Christ says so at both ends
    (``27 v. Chr. – 14 n. Chr.``)."""
    start = when_text(value)
    if not end_value or end_value == value:
        return start
    end = when_text(end_value)
    if start.endswith(_BC):
        if end.endswith(_BC):
            return f"{start.removesuffix(_BC)} – {end}"
        if (end != end_value or end_value.isdigit()) and not end.endswith(_AD):  # a date after Christ
            return f"{start} – {end}{_AD}"
    a, b = _VALUE.match(value or ""), _VALUE.match(end_value or "")
    plain = a and b and not a["bc"] and not b["bc"] and not a["time"] and not b["time"]
    if plain and a["year"] == b["year"] and a["month"] and b["month"]:
        if a["month"] == b["month"] and a["day"] and b["day"]:
            return f"{int(a['day'])}.–{end}"
        start = start.removesuffix(_AD).rsplit(" ", 1)[0]
    return f"{start} – {end}"
