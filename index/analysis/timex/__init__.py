"""German temporal expressions, normalised to TimeML TIMEX3.

    >>> from datetime import date
    >>> [(t.text, t.type, t.value) for t in tag("Sie hatten am Montag telefoniert.", date(2025, 10, 21))]
    [('Montag', 'DATE', '2025-10-20')]

``tag(text, dct)`` works on plain text (no spaCy): a compiled grammar finds
candidates (``patterns``), ``normalise`` resolves them against the publication
date ``dct`` (None = unknown: relative values get X placeholders), and ``tense``
decides past or future for weekdays, months and dates without a year.

Values (TIMEX3): DATE 2025-10-20, 2025-W43, 2025-W43-WE, 2025-08, 2025-Q3,
2025-H1, 2025-SP/SU/FA/WI, 2025, 199 (decade), 19 (century), PRESENT_REF /
PAST_REF / FUTURE_REF, XXXX-WXX-1, XXXX-09, XXXX-XX-XX; TIME 2025-10-21T18:00,
2025-10-21TEV (MO MI AF EV NI); DURATION P3Y, P2W, PT24H, P3.5Y, PXY; SET P1D,
XXXX-WXX-1.  ``mod``: START / MID / END for "Anfang / Mitte / Ende ...", and
APPROX / MORE_THAN / LESS_THAN / EQUAL_OR_MORE / EQUAL_OR_LESS for durations
after "rund", "mehr als", "fast", ... (the quantifier stays outside the span).

Extents follow TimeML / the KRAUTS corpus: prepositions (also am, im, vom, zum)
outside, articles and determiners inside: am [Samstag], im [November 1970],
um [20.30 Uhr], in [der ersten Woche], [Anfang Dezember], seit [drei Jahren].
"vor drei Jahren" is the DURATION [drei Jahren], as in KRAUTS.
"""

from __future__ import annotations

from datetime import date, datetime

from newsdesk.index.annotations import Timex

from .normalise import Resolver
from .patterns import Candidate, find_candidates
from .tense import FUTURE, NEUTRAL, PAST, sentence_bounds, tense_direction

# Part of the analyzer signature (bump it there when the output of ``tag`` changes).
from newsdesk.index.analysis.signature import TAGGER_VERSION  # noqa: E402

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
