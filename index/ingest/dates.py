"""Publication dates given as strings: ISO, German and other common formats."""

from __future__ import annotations

import datetime as dt
import re

_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_ISO_DATETIME = re.compile(r"(\d{4})-(\d{2})-(\d{2})[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?")
_GERMAN_DATE = re.compile(r"(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})(?:,?\s+(?:um\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*Uhr)?)?")
_SLASH_DATE = re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})")
_COMPACT_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})")


def parse_date(value: object) -> dt.date | None:
    """Parse a publication date; None when it is missing or not a real date.

    Accepted: ``2025-10-21``, ``2025-10-21T08:00:00Z`` (and other ISO 8601
    date-times), ``21.10.2025``, ``21.10.25``, ``2025/10/21``, ``20251021``,
    Unix timestamps (numbers), and written dates such as ``21. Oktober 2025``
    or ``Oct 21, 2025`` (via dateparser).
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)):
        return _from_timestamp(value)
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or len(text) > 100:
        return None
    for pattern, order in (
        (_ISO_DATETIME, "ymd"),
        (_ISO_DATE, "ymd"),
        (_GERMAN_DATE, "dmy"),
        (_SLASH_DATE, "ymd"),
        (_COMPACT_DATE, "ymd"),
    ):
        match = pattern.fullmatch(text)
        if match:
            return _make_date(match.groups(), order)
    if text.isdigit():
        return None
    return _dateparser(text)


def looks_like_date(token: str) -> bool:
    """True for a token shaped like a numeric date (valid or not), e.g. ``2025-13-45``."""
    return bool(re.fullmatch(r"\d{1,4}[-./]\d{1,2}[-./]\d{1,4}|\d{8}", token))


def _make_date(groups: tuple[str, ...], order: str) -> dt.date | None:
    parts = dict(zip(order, (int(g) for g in groups[:3])))
    year = parts["y"]
    if year < 100:
        year += 2000 if year < 70 else 1900
    try:
        return dt.date(year, parts["m"], parts["d"])
    except ValueError:
        return None


def _from_timestamp(value: float) -> dt.date | None:
    if value > 1e11:  # milliseconds
        value /= 1000
    try:
        return dt.datetime.fromtimestamp(value, tz=dt.timezone.utc).date()
    except (OverflowError, OSError, ValueError):
        return None


def _dateparser(text: str) -> dt.date | None:
    if not re.search(r"\d", text) or not re.search(r"[A-Za-zÄÖÜäöü]", text):
        return None  # written dates need a number and a month name
    try:
        import dateparser
    except ImportError:  # pragma: no cover - it is a dependency
        return None
    try:
        parsed = dateparser.parse(
            text,
            languages=["de", "en"],
            settings={"DATE_ORDER": "DMY", "STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]},
        )
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    return parsed.date() if parsed else None
