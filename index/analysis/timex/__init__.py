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

What the events code can rely on:

- Ranges are two expressions, start and end ("vom [16. Juni] bis zum [23. September 2025]",
  "[1995] bis [1999]", "zwischen [August] und [Oktober 1914]", "[1912]/[13]"); the start takes
  the year its end writes out.  ``pair_ranges(text, timexes)`` gives the index pairs.
- Years before Christ are ``BC`` + the year as written, four digits (``BC1500``; ``BC0479-SP``
  for a season), as in TIMEX2 and WikiWarsDE; decades before Christ ``BC`` + three digits
  (``BC046`` = 460er Jahre v. Chr.), centuries ``BC`` + two (``BC07`` = 8. Jh. v. Chr.); decades
  have three digits (``193``), centuries two (``12`` = 13. Jahrhundert).  ``index/dates.py``
  writes them; ``index/periods.py`` gives their first and last days (event dates before Christ
  are ISO dates with astronomical years, ``-1499-01-01``).  A day or month of such a year is one
  date ("2. September 31 v. Chr." ``BC0031-09-02``, "19. August 14 n. Chr." ``0014-08-19``), as is a
  winter across two years ("Winter 218/217 v. Chr." ``BC0218-WI``); "um 500 v. Chr." has mod APPROX.
- A year before Christ written out is the story's year like any other: year-less and relative
  dates of past-tense clauses after it ("am 2. August", "im folgenden Jahr", "Mitte des Jahres")
  get BC values (``BC0216-08-02``), counted in a stand-in year 8000 years later (the calendar
  repeats every 400 years); a year after Christ written out ends it.  "des folgenden / desselben
  Jahres" after a month or season, "im folgenden Frühjahr" and, in a history, "in diesem Jahr" count
  from the story's year too; years after Christ below 1000 are counted the same way.
- A range before Christ runs forward in time ("von 1500 bis 1200 v. Chr."); the first year takes
  the era of the second ("[490]–[479 v. Chr.]", "[478]/[477 v. Chr.]").
- A bare number is a year only with evidence (see ``normalise._year``): no amounts, products,
  scores, file or resolution numbers; before 1900 only after a word that takes a year.
- Dates without a year take the year of their range's end, else the year the article's own
  dates point to (the last year written out, within 3,000 characters, or anywhere in a text
  that tells a history; only when it lies more than a year from the publication date and the
  clause does not speak of the future), else the publication date's, placed by tense.
- "bis heute", and "heute" in a history, is PRESENT_REF (nowadays), not a day.
- "zwei Tage später", "einen Monat zuvor" are DATEs counted from the day / month / year the
  text talks about; "am Morgen des 4. November 2006" is one TIME (2006-11-04TMO), and a clock
  time before it takes that day; "Am Freitag (28.06.)" is the Friday of the bracket.
"""

from __future__ import annotations

from datetime import date, datetime

from newsdesk.index.annotations import Timex

from .normalise import Resolver
from .patterns import Candidate, find_candidates
from .ranges import pair_ranges
from .tense import FUTURE, NEUTRAL, PAST, sentence_bounds, tense_direction

# Part of the analyzer signature (bump it there when the output of ``tag`` changes).
from newsdesk.index.analysis.signature import TAGGER_VERSION  # noqa: E402

__all__ = [
    "TAGGER_VERSION", "tag", "find_candidates", "Candidate", "sentence_bounds",
    "tense_direction", "PAST", "NEUTRAL", "FUTURE", "pair_ranges",
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
