"""Plain-text articles, with or without the seed format's date line.

The seed format: the first line starts (after optional white space) with
``date YYYY-MM-DD`` and the article text follows on the same line; blank lines
separate paragraphs. Without a date line the file is plain text (date unknown)
whose first line may be its headline. Line breaks inside a paragraph are
joined (hard-wrapped text).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .dates import looks_like_date, parse_date
from .normalise import split_blocks

_DATE_LINE = re.compile(r"\A[ \t]*(?:date|datum)(?:[ \t]*[:=][ \t]*|[ \t]+)(\S+)[ \t]*", re.IGNORECASE)


@dataclass
class DatedText:
    date: dt.date | None
    body: str  # the text after the date line (or all of it)
    has_date_line: bool = False
    warnings: list[str] = field(default_factory=list)


def split_date_line(text: str) -> DatedText:
    """Separate a leading ``date YYYY-MM-DD`` from the text (``text`` is cleaned)."""
    stripped = text.lstrip("\n")
    match = _DATE_LINE.match(stripped)
    if not match or not looks_like_date(match.group(1)):
        return DatedText(None, text)
    token = match.group(1)
    body = stripped[match.end() :]
    date = parse_date(token)
    if date is None:
        return DatedText(None, body, True, [f"invalid date line {token!r}: date unknown"])
    return DatedText(date, body, True)


def read_text_article(text: str) -> tuple[dt.date | None, list[str], list[str], bool]:
    """Parse cleaned plain text: ``(date, paragraphs, warnings, has_date_line)``."""
    dated = split_date_line(text)
    return dated.date, split_blocks(dated.body), dated.warnings, dated.has_date_line
