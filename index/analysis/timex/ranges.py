"""Ranges: which two temporal expressions of a text are the start and the end of one period.

The tagger emits a range as two TIMEX3 expressions, as TimeML and the KRAUTS corpus do:
"vom [16. Juni] bis zum [23. September 2025]", "[1995] bis [1999]", "zwischen [August] und
[Oktober 1914]", "[1912]/[13]", "von [14] bis [18 Uhr]".  The start takes the year (and day)
the end writes out ("16. Juni" above is 2025-06-16).  ``pair_ranges`` says which neighbours
belong together, so that an event can carry one start and one end.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsdesk.index.annotations import Timex
from newsdesk.index.periods import period_start

# what stands between the start and the end of a range
_THROUGH = re.compile(
    r"\s*(?:bis(?:\s+(?:zu[mr]|einschließlich|in(?:\s+(?:den|die|das))?|Ende|Anfang|Mitte))?|[-–]|bzw\.)\s*"
    r"(?:(?:de[mn]|die|das)\s+)?$"
)
_AND = re.compile(r"\s*und\s*(?:(?:de[mn]|die|das)\s+)?$")
_SLASH = re.compile(r"/$")
_BETWEEN_BEFORE = re.compile(r"\b[Zz]wischen\s+(?:(?:de[mn]|der)\s+)?$")
_POINT_TYPES = ("DATE", "TIME")
_YEAR = re.compile(r"(?:BC)?\d{4}")


def pair_ranges(text: str, timexes: Sequence[Timex]) -> list[tuple[int, int]]:
    """Index pairs ``(i, i + 1)`` into ``timexes`` (sorted by offset, offsets into ``text``)
    whose expressions are the start and the end of one range.

    Both must be points in time (DATE or TIME) with a value that is not a reference word
    (PRESENT_REF, ...); the end must not come before the start when both values can be
    compared as text (ISO values of the same shape), nor when either lies before Christ
    ("von 1500 bis 1200 v. Chr." is a range, "1200 bis 1500 v. Chr." is not).  Joined by
    "bis", a dash, "bzw." (the start may follow von / vom / ab / seit), by "und" only after
    "zwischen", and by "/" only between two years ("1912/13", "478/477 v. Chr.")."""
    pairs = []
    used = -1
    for i in range(len(timexes) - 1):
        if i == used:
            continue
        a, b = timexes[i], timexes[i + 1]
        if a.type not in _POINT_TYPES or b.type not in _POINT_TYPES:
            continue
        if a.value.endswith("_REF") or b.value.endswith("_REF") or b.start < a.end:
            continue
        gap = text[a.end:b.start]
        if len(gap) > 40:
            continue
        if _THROUGH.fullmatch(gap):
            pass
        elif _AND.fullmatch(gap):
            if not _BETWEEN_BEFORE.search(text[max(0, a.start - 20):a.start]):
                continue
        elif _SLASH.fullmatch(gap):
            if not (_YEAR.fullmatch(a.value) and _YEAR.fullmatch(b.value)):
                continue
        else:
            continue
        if _comparable(a.value, b.value) and b.value < a.value:
            continue
        if _ends_before(a.value, b.value):
            continue
        pairs.append((i, i + 1))
        used = i + 1
    return pairs


def _ends_before(a: str, b: str) -> bool:
    """Either value lies before Christ and the period of ``b`` starts before that of ``a``."""
    if not (a.startswith("BC") or b.startswith("BC")):
        return False
    start, end = period_start(a), period_start(b)
    return start is not None and end is not None and end[0] < start[0]


def _comparable(a: str, b: str) -> bool:
    """ISO values of the same shape (both digits where either has digits) compare as text."""
    if a.startswith("BC") or b.startswith("BC"):
        return False
    return len(a) == len(b) and all(x.isdigit() == y.isdigit() for x, y in zip(a, b))
