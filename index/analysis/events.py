"""Dated events: the clauses of a story that say something happened at a date.

``extract_events(doc, timexes, entities)`` joins three layers of analysis:
the spaCy ``Doc`` (sentences, STTS part-of-speech tags in ``token.tag_``), the
temporal expressions the tagger found (``Timex``) and the named entities
(``Entity``). Each DATE or TIME expression whose value names a calendar period
(``2025-10-20``, ``2025-W43``, ``2025-08``, ``2025-Q3``, ``2025-SU``, ``2025``,
``2025-10-20TEV`` …) gives one event: the clause around it (or its sentence,
when the sentence has no clause boundary), with

- ``date``/``granularity``: the first day of the period and its size
  (``period_start``); lists of events sort by this date;
- ``what``: a few words built from the tags, no parser needed: the subject
  noun group, the finite verb, the nearest object noun group, a negation, the
  main verb and its separable particle, with "…" where words were skipped
  ("Rubio und Lawrow hatten … telefoniert", "Gipfel … in Budapest könnte …
  stattfinden");
- ``who``: keys of the PER and ORG entities of the clause (of the sentence,
  when the clause names none: "nachdem sie am Montag … telefoniert hatten");
- ``where``: keys of the LOC entities of the clause.

A name inside a temporal expression ("Mitte August" read as a person) takes
no part. Several expressions giving the same period in one clause ("am
Donnerstag, 25. Februar um 20.30 Uhr") make one event.

Expressions without a calendar date make no event: durations and sets
(``P2W``, ``XXXX-WXX-1``), references (``PAST_REF``, ``PRESENT_REF``) and
values with unknown parts (``XXXX-10-20``).

Media captions are left out. A date in a caption paragraph (a video teaser
ending in "10.09.2025 | 0:21 min", a photo line with "(Archivbild) Quelle:
AP"; see ``index.analysis.captions``) dates a picture or a video, and its
sentence summarises another piece, not this story. These expressions are
dropped rather than kept as marked events: the event list is the story's
timeline, and every consumer (the store's date-ordered event list, the
reader's side list, ``newsdesk analyze``) would otherwise have to know to
filter them. The expressions themselves stay in ``Analysis.timexes``, so the
reader still shows the dates in the text.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from typing import TYPE_CHECKING, Iterable, NamedTuple, Sequence

from newsdesk.index.analysis.captions import is_caption
from newsdesk.index.annotations import Entity, Event, Timex

if TYPE_CHECKING:  # spaCy is only needed by the caller, who made the Doc
    from spacy.tokens import Doc, Token

__all__ = ["EVENTS_VERSION", "describe", "extract_events", "period_start"]

# Part of the analyzer signature (bump it there when the events found for the same input change).
from newsdesk.index.analysis.signature import EVENTS_VERSION  # noqa: E402

EVENT_TIMEX_TYPES = ("DATE", "TIME")
WHO_LABELS = ("PER", "ORG")
WHERE_LABELS = ("LOC",)
MAX_WHAT_WORDS = 10
MAX_GROUP_WORDS = 4

# STTS tags
_FINITE = {"VVFIN", "VAFIN", "VMFIN", "VVIMP", "VAIMP"}
_FULL_VERB = {"VVFIN", "VVIMP", "VVINF", "VVIZU", "VVPP"}
_VERB = _FINITE | _FULL_VERB | {"VAINF", "VAPP", "VMINF", "VMPP"}
_NOUN = {"NN", "NE", "FM"}
_PREPOSITION = {"APPR", "APPRART"}
_PUNCT_PREFIX = "$"
_AUXILIARY_FORMS = frozenset(
    """
    sein bin bist ist sind seid war warst waren wart sei seiest seien wäre wärst wären gewesen
    haben habe hast hat habt hatte hattest hatten hätte hättest hätten gehabt
    werden werde wirst wird werdet wurde wurdest wurden würde würdest würden geworden worden
    können kann kannst könnt konnte konnten könne könnte könnten
    müssen muss musst müsst musste mussten müsse müsste müssten
    sollen soll sollst sollt sollte sollten solle sollest
    wollen will willst wollt wollte wollten wolle
    dürfen darf darfst dürft durfte durften dürfe dürfte dürften
    mögen mag magst mögt mochte mochten möge möchte möchten
    """.split()
)
_SUBJECT_PRONOUNS = {"ich", "du", "er", "sie", "wir", "ihr"}
_CLAUSE_BREAK_TEXT = {";", ":", "–", "—", "-"}

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")

# TIMEX3 values that name a calendar period; an optional time part ("T14:30",
# "TEV") keeps the day.
_TIME_PART = r"(?:T[0-9A-Z:.+\-]*)?"
_DAY = re.compile(rf"(\d{{4}})-(\d{{2}})-(\d{{2}}){_TIME_PART}")
_WEEKDAY = re.compile(rf"(\d{{4}})-W(\d{{2}})-([1-7]){_TIME_PART}")
_WEEKEND = re.compile(r"(\d{4})-W(\d{2})-WE")
_WEEK = re.compile(rf"(\d{{4}})-W(\d{{2}}){_TIME_PART}")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_QUARTER = re.compile(r"(\d{4})-Q([1-4])")
_HALF = re.compile(r"(\d{4})-H([12])")
_SEASON = re.compile(r"(\d{4})-(SP|SU|FA|AU|WI)")
_YEAR = re.compile(r"(\d{4})")
_DECADE = re.compile(r"(\d{3})")
_CENTURY = re.compile(r"(\d{2})")
# Meteorological seasons: the month each one starts (winter YYYY-WI: December of YYYY).
_SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "AU": 9, "WI": 12}


def period_start(value: str) -> tuple[dt.date, str] | None:
    """The first day of the period a TIMEX3 value names, and its granularity.

    ``2025-10-20`` and ``2025-10-20TEV`` -> (2025-10-20, "day");
    ``2025-W43`` -> (Monday 2025-10-20, "week"); ``2025-W43-5`` -> that Friday,
    "day"; ``2025-W42-WE`` -> its Saturday, "weekend"; ``2025-08`` -> "month";
    ``2025-Q3`` -> (2025-07-01, "quarter"); ``2025-SU`` -> (2025-06-01,
    "season"); ``2025-H2`` -> (2025-07-01, "half"); ``2025`` -> "year";
    ``202`` -> (2020-01-01, "decade"); ``20`` -> (2000-01-01, "century").
    None for anything else (durations, sets, references, unknown parts) and
    for impossible dates.
    """
    v = value.strip()
    try:
        if m := _DAY.fullmatch(v):
            return dt.date(int(m[1]), int(m[2]), int(m[3])), "day"
        if m := _WEEKDAY.fullmatch(v):
            return dt.date.fromisocalendar(int(m[1]), int(m[2]), int(m[3])), "day"
        if m := _WEEKEND.fullmatch(v):
            return dt.date.fromisocalendar(int(m[1]), int(m[2]), 6), "weekend"
        if m := _WEEK.fullmatch(v):
            return dt.date.fromisocalendar(int(m[1]), int(m[2]), 1), "week"
        if m := _MONTH.fullmatch(v):
            return dt.date(int(m[1]), int(m[2]), 1), "month"
        if m := _QUARTER.fullmatch(v):
            return dt.date(int(m[1]), 3 * int(m[2]) - 2, 1), "quarter"
        if m := _HALF.fullmatch(v):
            return dt.date(int(m[1]), 6 * int(m[2]) - 5, 1), "half"
        if m := _SEASON.fullmatch(v):
            return dt.date(int(m[1]), _SEASON_MONTH[m[2]], 1), "season"
        if m := _YEAR.fullmatch(v):
            return dt.date(int(m[1]), 1, 1), "year"
        if m := _DECADE.fullmatch(v):
            return dt.date(int(m[1]) * 10, 1, 1), "decade"
        if m := _CENTURY.fullmatch(v):
            return dt.date(int(m[1]) * 100, 1, 1), "century"
    except ValueError:  # month 13, week 54, year 0 ...
        return None
    return None


def extract_events(
    doc: "Doc", timexes: Sequence[Timex], entities: Sequence[Entity], text: str | None = None
) -> list[Event]:
    """The dated events of ``doc``: one per (sentence, dated temporal expression).

    Expressions that give the same period in the same clause ("am Donnerstag,
    25. Februar um 20.30 Uhr") make one event, from the first of them.

    ``timexes`` and ``entities`` carry offsets into ``doc.text``. Events are
    sorted by date, then by the position of their temporal expression.
    ``text``, when given, must be ``doc.text`` (spaCy rebuilds that string on
    every access; a caller that has it saves the time).
    """
    dated = [(t, p) for t in timexes if t.type in EVENT_TIMEX_TYPES and (p := period_start(t.value)) is not None]
    if not dated or len(doc) == 0:
        return []
    if text is None:
        text = doc.text
    paragraphs = _paragraph_spans(text)
    paragraph_starts = [start for start, _ in paragraphs]
    caption_paragraphs: dict[tuple[int, int], bool] = {}
    timex_spans = _Spans((t.start, t.end) for t in timexes)
    # a name inside a temporal expression ("Mitte August" read as a person) takes no part
    ents = sorted((e for e in entities if not timex_spans.overlaps(e.start, e.end)), key=lambda e: (e.start, e.end))
    token_starts = doc.to_array("IDX").tolist()
    sentences = _sentence_bounds(doc, token_starts, len(text))
    sent_starts = [start for start, _ in sentences]

    events: list[Event] = []
    seen: set[tuple[int, int, int]] = set()
    seen_clauses: set[tuple[int, int, dt.date, str]] = set()
    for timex, period in dated:
        para_start, para_end = paragraph = _enclosing(timex.start, paragraphs, paragraph_starts)
        if paragraph not in caption_paragraphs:
            caption_paragraphs[paragraph] = is_caption(text[para_start:para_end])
        if caption_paragraphs[paragraph]:
            continue
        # the sentence(s) the expression lies in: a splitter may cut "am 8. | November"
        first = bisect.bisect_right(sent_starts, timex.start) - 1
        last = max(first, bisect.bisect_left(sent_starts, timex.end) - 1)
        sent_start = sentences[first][0] if first >= 0 else 0
        sent_end = sentences[last][1] if last >= 0 else len(text)
        sent_start, sent_end = max(sent_start, para_start), min(sent_end, para_end)
        key = (sent_start, timex.start, timex.end)
        if key in seen:
            continue
        seen.add(key)
        sent_tokens = _tokens_between(doc, token_starts, sent_start, sent_end)
        clause = _clause_tokens(sent_tokens, timex)
        if clause:
            start, end = clause[0].idx, clause[-1].idx + len(clause[-1].text)
        else:  # no tokens (a Doc that does not cover the text): use the sentence
            start, end = sent_start, sent_end
        date, granularity = period
        # "am Donnerstag, 25. Februar um 20.30 Uhr": several expressions, one day, one clause: one event
        same = (start, end, date, granularity)
        if same in seen_clauses:
            continue
        seen_clauses.add(same)
        who = _keys(ents, start, end, WHO_LABELS) or _keys(ents, sent_start, sent_end, WHO_LABELS)
        what = describe(clause, _in_spans(clause, timex_spans)) or " ".join(text[start:end].split()[:MAX_WHAT_WORDS])
        events.append(
            Event(
                start=start,
                end=end,
                date=date.isoformat(),
                granularity=granularity,
                what=what,
                text=text[start:end],
                who=who,
                where=_keys(ents, start, end, WHERE_LABELS),
                value=timex.value,
                timex_start=timex.start,
                timex_end=timex.end,
            )
        )
    events.sort(key=lambda e: (e.date, e.timex_start, e.timex_end))
    return events


# --- where an event's text lies ------------------------------------------------


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for brk in _PARAGRAPH_BREAK.finditer(text):
        spans.append((pos, brk.start()))
        pos = brk.end()
    spans.append((pos, len(text)))
    return spans


def _sentence_bounds(doc: "Doc", token_starts: list[int], length: int) -> list[tuple[int, int]]:
    """Character spans of the Doc's sentences (read from arrays: much faster than ``doc.sents``)."""
    if not doc.has_annotation("SENT_START"):
        return [(0, length)]
    firsts = [i for i, flag in enumerate(doc.to_array("SENT_START").tolist()) if flag == 1 or i == 0]
    bounds = []
    for n, first in enumerate(firsts):
        last = (firsts[n + 1] if n + 1 < len(firsts) else len(doc)) - 1
        bounds.append((token_starts[first], token_starts[last] + len(doc[last].text)))
    return bounds


def _in_spans(tokens: Iterable["Token"], spans: "_Spans") -> set[int]:
    return {t.i for t in tokens if spans.overlaps(t.idx, t.idx + len(t.text))}


class _Spans:
    """Sorted character spans, asked whether a range overlaps any of them."""

    def __init__(self, spans: Iterable[tuple[int, int]]):
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        self._reach: list[int] = []  # the furthest end among the spans up to here
        furthest = -1
        for _, end in ordered:
            furthest = max(furthest, end)
            self._reach.append(furthest)

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self._starts, end)  # spans[:i] start before ``end``
        return i > 0 and self._reach[i - 1] > start


def _enclosing(pos: int, spans: list[tuple[int, int]], starts: list[int]) -> tuple[int, int]:
    """The span of sorted ``spans`` (with their ``starts``) that holds ``pos``; (pos, pos) if none."""
    i = bisect.bisect_right(starts, pos) - 1
    if i >= 0 and pos <= spans[i][1]:
        return spans[i]
    return pos, pos


def _tokens_between(doc: "Doc", token_starts: list[int], start: int, end: int) -> list["Token"]:
    lo = bisect.bisect_left(token_starts, start)
    hi = bisect.bisect_left(token_starts, end)
    return [t for t in doc[lo:hi] if not t.is_space]


def _is_punct(token: "Token") -> bool:
    return token.tag_.startswith(_PUNCT_PREFIX) or (not token.tag_ and token.is_punct)


def _is_clause_break(token: "Token") -> bool:
    if token.tag_ == "$,":
        return True
    return _is_punct(token) and token.text in _CLAUSE_BREAK_TEXT


def _has_verb(tokens: list["Token"]) -> bool:
    return any(t.tag_ in _VERB for t in tokens)


def _clause_tokens(sentence: list["Token"], timex: Timex) -> list["Token"]:
    """The tokens of the clause of ``sentence`` that holds ``timex``.

    The sentence is cut at commas, semicolons, colons and dashes; a piece
    without a verb (an apposition, a list, a fronted phrase) joins the clause
    before it, or the first clause when it opens the sentence. The result has
    no leading or trailing comma.
    """
    pieces: list[list["Token"]] = [[]]
    for token in sentence:
        if _is_clause_break(token):
            pieces.append([])
        else:
            pieces[-1].append(token)
    clauses: list[list["Token"]] = []
    prefix: list["Token"] = []
    for piece in pieces:
        if not piece:
            continue
        if _has_verb(piece):
            clauses.append(prefix + piece)
            prefix = []
        elif clauses:
            clauses[-1].extend(piece)
        else:
            prefix.extend(piece)
    if not clauses:
        return _trim_breaks(sentence)
    touched = [c for c in clauses if c[0].idx < timex.end and c[-1].idx + len(c[-1].text) > timex.start]
    if not touched:  # the expression sits on a comma between clauses
        touched = [min(clauses, key=lambda c: abs(c[0].idx - timex.start))]
    first, last = touched[0][0].i, touched[-1][-1].i
    return _trim_breaks([t for t in sentence if first <= t.i <= last])


def _trim_breaks(tokens: list["Token"]) -> list["Token"]:
    lo, hi = 0, len(tokens)
    while lo < hi and _is_clause_break(tokens[lo]):
        lo += 1
    while hi > lo and _is_clause_break(tokens[hi - 1]):
        hi -= 1
    return tokens[lo:hi]


def _keys(entities: Sequence[Entity], start: int, end: int, labels: tuple[str, ...]) -> list[str]:
    keys: list[str] = []
    for e in entities:
        if e.start >= end:
            break
        if e.end > start and e.label in labels and e.key not in keys:
            keys.append(e.key)
    return keys


# --- what happened ---------------------------------------------------------------


def describe(clause: Sequence["Token"], skip: set[int] = frozenset()) -> str:
    """A few words saying what a clause reports, built from its STTS tags.

    Picks the subject (the first noun group not governed by a preposition,
    or a personal pronoun such as "er"/"sie" before it), the finite verb,
    the object (the noun group nearest to the main verb: after it when the
    main verb is finite, before it otherwise; one without preposition
    preferred), a negation, the main verb (the last full verb, else the last
    auxiliary or modal), its "zu" and its separable particle. Tokens in
    ``skip`` (temporal expressions) are never used. Words keep their
    order; "…" marks words left out. "" when nothing fits.
    """
    tokens = [t for t in clause if t.i not in skip and not _is_punct(t)]
    if not tokens:
        return ""
    verbs = [t for t in tokens if t.tag_ in _VERB]
    groups = _noun_groups(tokens)
    if not verbs:
        chosen = groups[0].tokens if groups else tokens[:MAX_GROUP_WORDS]
        return _join(chosen)
    # auxiliaries and modals mis-tagged as full verbs ("solle/VVFIN") are not the main verb
    full = [t for t in verbs if t.tag_ in _FULL_VERB and t.lower_ not in _AUXILIARY_FORMS]
    main = full[-1] if full else verbs[-1]
    finite = next((t for t in verbs if t.tag_ in _FINITE), None)

    picked: list["Token"] = [main]
    if finite is not None and finite.i != main.i:
        picked.append(finite)
    position = {t.i: n for n, t in enumerate(tokens)}
    n_main = position[main.i]
    if n_main > 0 and tokens[n_main - 1].tag_ == "PTKZU":
        picked.append(tokens[n_main - 1])
    if main.tag_ in _FINITE:
        particle = next((t for t in reversed(tokens) if t.tag_ == "PTKVZ" and t.i > main.i), None)
        if particle is not None:
            picked.append(particle)
    negation = next((t for t in tokens if t.tag_ == "PTKNEG"), None)
    if negation is not None:
        picked.append(negation)

    bare = [g for g in groups if not g.governed]
    subject = bare[0].tokens if bare else []
    pronoun = next((t for t in tokens if _is_subject_pronoun(t)), None)
    if pronoun is not None and (not subject or pronoun.i < subject[0].i):
        subject = [pronoun]
    if not subject:  # "hieß es"
        pronoun = next((t for t in tokens if t.tag_ == "PPER"), None)
        subject = [pronoun] if pronoun is not None else []
    subject_ids = {t.i for t in subject}
    others = [g for g in groups if not subject_ids & {t.i for t in g.tokens}]
    obj = _object_group(others, main)

    words = picked + subject + obj
    if len(words) > MAX_WHAT_WORDS:
        words = picked + subject + [t for t in obj if t.tag_ in _NOUN][-1:]
    if len(words) > MAX_WHAT_WORDS:
        words = picked + subject[-1:]
    return _join(words)


def _is_subject_pronoun(token: "Token") -> bool:
    """A personal pronoun that is most likely a subject ("er", "sie", "wir", "man"; not expletive "es")."""
    return (token.tag_ == "PPER" and token.lower_ in _SUBJECT_PRONOUNS) or (
        token.tag_ == "PIS" and token.lower_ == "man"
    )


class _Group(NamedTuple):
    governed: bool  # a preposition governs it: not a subject, a weaker object
    prefix: list["Token"]  # the preposition, when it stands right before the nouns
    tokens: list["Token"]


def _noun_groups(tokens: list["Token"]) -> list[_Group]:
    """The noun groups of ``tokens``.

    A group is a run of nouns (NN, NE, FM), with capitalised adjectives inside
    names ("Weißen Haus") and truncations; "und"/"oder" between two runs
    joins them ("Rubio und Lawrow"). At most ``MAX_GROUP_WORDS`` words, the
    last ones (German noun groups end with their head).
    """
    groups: list[_Group] = []
    n = 0
    while n < len(tokens):
        run_end = _noun_run_end(tokens, n)
        if run_end == n:
            n += 1
            continue
        end = run_end
        while (
            end + 1 < len(tokens)
            and tokens[end].tag_ == "KON"
            and tokens[end].lower_ in ("und", "oder", "sowie")
            and _noun_run_end(tokens, end + 1) > end + 1
        ):
            end = _noun_run_end(tokens, end + 1)
        group = tokens[n:end][-MAX_GROUP_WORDS:]
        while group[0].tag_ == "KON":  # cut inside "A und B": start at a word
            group = group[1:]
        before = n - 1
        while before >= 0 and tokens[before].tag_ in ("ART", "ADJA", "PPOSAT", "CARD", "PIAT", "PDAT"):
            before -= 1
        governed = before >= 0 and tokens[before].tag_ in _PREPOSITION
        # the preposition is shown only right before its noun ("im Weißen Haus", not "mit … Präsidenten")
        prefix = [tokens[before]] if governed and before == n - 1 else []
        groups.append(_Group(governed, prefix, group))
        n = end
    return groups


def _noun_run_end(tokens: list["Token"], n: int) -> int:
    """End (exclusive) of the noun run starting at ``n``; ``n`` when none starts there."""
    end = n
    last_noun = n
    while end < len(tokens):
        t = tokens[end]
        if t.tag_ in _NOUN:
            end += 1
            last_noun = end
        elif t.tag_ == "TRUNC" or (t.tag_ == "ADJA" and t.text[:1].isupper() and not t.is_sent_start):
            end += 1
        else:
            break
    return last_noun


def _object_group(groups: list["_Group"], main: "Token") -> list["Token"]:
    if main.tag_ in _FINITE:  # verb second: the object follows
        ordered = [g for g in groups if g.tokens[0].i > main.i]
    else:  # verb last: the object precedes, nearest first
        ordered = [g for g in reversed(groups) if g.tokens[-1].i < main.i]
    if not ordered:
        return []
    best = next((g for g in ordered if not g.governed), ordered[0])
    return best.prefix + best.tokens


def _join(tokens: Iterable["Token"]) -> str:
    ordered = sorted({t.i: t for t in tokens}.values(), key=lambda t: t.i)
    words: list[str] = []
    previous = None
    for t in ordered:
        if previous is not None and t.i != previous + 1:
            words.append("…")
        words.append(t.text)
        previous = t.i
    return " ".join(words)
