"""German temporal expressions, normalised to TimeML TIMEX3 values.

    >>> from datetime import date, datetime
    >>> [(t.text, t.type, t.value) for t in tag("Sie hatten am Montag telefoniert.", date(2025, 10, 21))]
    [('Montag', 'DATE', '2025-10-20')]

``tag(text, dct)`` works on plain text (no spaCy): a compiled grammar finds
candidates (``patterns``), ``normalise`` resolves them against the publication
date ``dct`` (None = unknown: relative values get X placeholders), and ``tense``
decides past or future for weekdays, months and dates without a year.
"""

from __future__ import annotations

from datetime import date, datetime

from index.annotations import Timex

from .normalise import Resolver
from .patterns import Candidate, find_candidates
from .tense import FUTURE, NEUTRAL, PAST, sentence_bounds, tense_direction

# Part of the analyzer signature: bump when the output of ``tag`` changes.
TAGGER_VERSION = "timex-de-1"

__all__ = [
    "TAGGER_VERSION", "tag", "find_candidates", "Candidate", "sentence_bounds",
    "tense_direction", "PAST", "NEUTRAL", "FUTURE",
]


def tag(text: str, dct: date | None) -> list[Timex]:
    """The TIMEX3 expressions in ``text`` (offsets are str indices), left to right."""
    candidates = find_candidates(text)
    if not candidates:
        return []
    if isinstance(dct, datetime):
        dct = dct.date()
    resolver = Resolver(text, dct)
    out = []
    for c in candidates:
        t = resolver.resolve(c)
        if t is not None:
            out.append(t)
    return out
