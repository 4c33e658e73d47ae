"""Dated events: the clauses of a story that say something happened at a date.

``extract_events(doc, timexes, entities, text, published)`` joins three layers of analysis:
the spaCy ``Doc`` (sentences, STTS part-of-speech tags in ``token.tag_``), the temporal
expressions the tagger found (``Timex``) and the named entities (``Entity``). Each DATE or TIME
expression whose value names a calendar period (``2025-10-20``, ``2025-W43``, ``2025-08``,
``2025-Q3``, ``2025-SU``, ``2025``, ``2025-10-20TEV`` …) gives one event of its clause (of the
coordinated part of it that holds the date: "Eurosur steht am Mittwoch zur Abstimmung | und
soll Anfang Dezember einsatzbereit sein"), with

- ``date``/``granularity``: the first day of the period and its size (``period_start``);
  lists of events sort by this date; a range ("vom 5. bis 22. November", "1943 bis 1945") is
  one event with ``end_date``/``end_value``;
- ``what``: the clause as a headline fragment in German word order ("Rubio und Lawrow hatten
  telefoniert", "Bundeskabinett hat biometrische Pässe beschlossen"), built from the tags and
  the topological fields (``index.analysis.headline``); a reporting clause carries what it
  reports ("Peskow betonte: Russlands Position habe sich nicht verändert");
- ``who``: keys of the people and organisations of the clause, its subject first: a pronoun
  subject ("er", "sie", "beide") resolved to the people named before, an organisation without a
  name ("das Bundeskabinett", "der Verein" after "FC Bayern München") as its own key or the club
  named before, a subject that names a role ("der Angeklagte", "die Landesrätin") as its noun
  (a key without a label), surnames the tagger missed, and the source of reported speech;
- ``where``: keys of the places of the clause, else the place of the dateline ("BOZEN.",
  "Meran (ki)."), else the first place of the lead sentence ("… der Eisackbrücke bei Klausen");
- ``status``: ``negated`` (nicht, kein), ``planned`` (soll, will, geplant, a future tense, or
  a date after publication), ``reported`` (laut, zufolge, the subjunctive of reported speech, a
  reporting verb in another clause), else ``asserted``;
- ``sentence_start``/``sentence_end``: the whole sentence, for a reader who wants it.

Some dates mark no event and make none: a comparison ("gegenüber 1990", "niedriger als
2015"), a reference ("die Zahlen von 1992", "der Leserbrief vom 24. August"), an origin
("stammt aus dem Jahr 1905"), a generic period ("der Sound der 80er Jahre"), a state now or a
negated state up to a date ("ist heute eine Metropole", "ist bis heute nicht aufgetaucht"),
what lasts until a date ("läuft bis zum 31. Januar"), a state or trend since a year ("ist seit
2019 rückläufig"), a yearly statistic ("2022 wurden 340 Unfälle gezählt"), a pending result ("stand noch aus") and a
gloss ("Heute (gestern, A.d.R.)"). One clause gives one event per date; a coarser period that
holds a finer one of the same clause gives none.

The main event of the lead: when the article's date is known and its lead paragraph gives no
date, the main clause of its first sentence that reports news ("Ein Erdbeben der Stärke 7,4 hat
den Süden Mexikos erschüttert") is an event dated the publication day, ``inferred``. Not for a
lead that states a view or a state, a habit, a possibility, or speaks as "wir".

A name inside a temporal expression ("Mitte August" read as a person) takes no part.

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
from typing import TYPE_CHECKING, Iterable, Sequence

from newsdesk.index.analysis.captions import is_caption as is_caption_text
from newsdesk.index.analysis.headline import (
    MAX_LINE_WORDS,
    NONFINITE_TAGS,
    attribute_line,
    Group,
    Parsed,
    fields_of,
    group_text,
    headline,
    negation_of,
    measure_noun,
    nominalised,
    noun_groups,
    object_antecedents,
    parse,
    passive_agent,
    plain_line,
    subject_of,
)
from newsdesk.index.analysis.timex.ranges import pair_ranges
from newsdesk.index.annotations import Entity, Event, Timex, entity_key, split_entity_key
from newsdesk.index.ingest.structure import DATELINE
from newsdesk.index.periods import Day, date_order, period_end, period_start

if TYPE_CHECKING:  # spaCy is only needed by the caller, who made the Doc
    from spacy.tokens import Doc, Token

__all__ = ["EVENTS_VERSION", "dateline_place", "extract_events", "period_end", "period_start"]

# Part of the analyzer signature (bump it there when the events found for the same input change).
from newsdesk.index.analysis.signature import EVENTS_VERSION  # noqa: E402

EVENT_TIMEX_TYPES = ("DATE", "TIME")
WHO_LABELS = ("PER", "ORG")
WHERE_LABELS = ("LOC",)

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
_PASSIVE_AUXILIARIES = frozenset("wird werden wurde wurden worden".split())
_RELATIVE_FORMS = frozenset("der die das dem den deren dessen denen".split())
_CLAUSE_BREAK_TEXT = {";", ":", "–", "—", "-"}

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")

def extract_events(
    doc: "Doc",
    timexes: Sequence[Timex],
    entities: Sequence[Entity],
    text: str | None = None,
    published: dt.date | None = None,
    lead: bool = True,
) -> list[Event]:
    """The dated events of ``doc``: one per clause and date.

    ``timexes`` and ``entities`` carry offsets into ``doc.text``; ``published`` is the
    article's date (it marks events after it as planned, and dates the main event of a lead
    that gives no date, unless ``lead`` is False: a later piece of a long text has no lead). Events are sorted by date, then by the position of their temporal
    expression. ``text``, when given, must be ``doc.text`` (spaCy rebuilds that string on every
    access; a caller that has it saves the time).
    """
    if len(doc) == 0:
        return []
    if text is None:
        text = doc.text
    dated = sorted(
        ((t, p) for t in timexes if t.type in EVENT_TIMEX_TYPES and (p := period_start(t.value)) is not None),
        key=lambda tp: (tp[0].start, tp[0].end),
    )
    paragraphs = _paragraph_spans(text)
    paragraph_starts = [start for start, _ in paragraphs]
    caption_paragraphs: dict[tuple[int, int], bool] = {}
    timex_spans = _Spans((t.start, t.end) for t in timexes)
    # a name inside a temporal expression ("Mitte August" read as a person) takes no part
    ents = sorted((e for e in entities if not timex_spans.overlaps(e.start, e.end)), key=lambda e: (e.start, e.end))
    tokens = _Tokens(doc, text)
    token_starts = tokens.starts
    sentences = _sentence_bounds(tokens, text)
    sent_starts = [start for start, _ in sentences]
    place = dateline_place(text, ents) or _lead_place(text, ents, sentences)
    context = _Context(doc, tokens, text, token_starts, ents, timex_spans, place, published)
    context.line_spans = _Spans((t.start, t.end) for t in timexes if not _amount_duration(t, text))
    context.timexes = [t for t, _ in dated]
    if published is not None and _is_history([p for _, p in dated], published):
        context.history_before = published.year - HISTORY_YEARS

    def is_caption(pos: int) -> bool:
        paragraph = _enclosing(pos, paragraphs, paragraph_starts)
        if paragraph not in caption_paragraphs:
            caption_paragraphs[paragraph] = is_caption_text(text[paragraph[0]:paragraph[1]])
        return caption_paragraphs[paragraph]

    range_ends = dict(pair_ranges(text, [t for t, _ in dated]))
    events: list[Event] = []
    seen_clauses: dict[tuple[int, int], list[Event]] = {}
    consumed: set[int] = set()  # ends of ranges, already part of an event
    for n, (timex, period) in enumerate(dated):
        if n in consumed or is_caption(timex.start):
            continue
        para_start, para_end = _enclosing(timex.start, paragraphs, paragraph_starts)
        # the sentence(s) the expression lies in: a splitter may cut "am 8. | November"
        first = bisect.bisect_right(sent_starts, timex.start) - 1
        last = max(first, bisect.bisect_left(sent_starts, timex.end) - 1)
        sent_start = sentences[first][0] if first >= 0 else 0
        sent_end = sentences[last][1] if last >= 0 else len(text)
        sent_start, sent_end = max(sent_start, para_start), min(sent_end, para_end)
        sent_tokens = _tokens_between(tokens, token_starts, sent_start, sent_end)
        clause = _clause_tokens(sent_tokens, timex, context.clauses(sent_tokens))
        # "vom 16. Juni bis zum 23. September", "zwischen 1943 bis 1945": one event with an end
        end_timex = None
        if n in range_ends:
            end_timex = dated[range_ends[n]][0]
            consumed.add(range_ends[n])
        if _is_non_event(context, _conjunct(clause, timex, timex_spans)[0] or clause, timex, end_timex):
            continue
        event = context.event(clause, timex, period, end_timex, sent_tokens, sent_start, sent_end)
        # one event per clause and date: a coarser period that holds a finer one of the clause goes
        same = seen_clauses.setdefault((event.start, event.end), [])
        if any(_covers(event, other) for other in same):
            continue  # the clause already has this day, or a finer date inside this period
        for coarser in [o for o in same if _covers(o, event)]:
            same.remove(coarser)
            events.remove(coarser)
        same.append(event)
        events.append(event)
    if published is not None and lead:
        main = context.lead_event(paragraphs, sentences, events, is_caption)
        if main is not None:
            events.append(main)
    events.sort(key=lambda e: (date_order(e.date), e.timex_start, e.timex_end))
    return events


HISTORY_YEARS = 20


def _is_history(periods: list[tuple["Day", str]], published: dt.date) -> bool:
    """An article that tells mostly of long ago: more than half of its dates lie more than
    ``HISTORY_YEARS`` years before publication (the Punic Wars, Egypt under the Ptolemies)."""
    if not periods:
        return False
    old = sum(1 for day, _ in periods if day.year < published.year - HISTORY_YEARS)
    return 2 * old > len(periods)


def _covers(a: Event, b: Event) -> bool:
    """``a`` names the same day as ``b`` or a longer period that holds it (same clause)."""
    if a.date == b.date and a.granularity == b.granularity:
        return True
    a_end, b_end = period_end(a.value), period_end(b.value)
    if a_end is None or b_end is None:
        return False
    a_start, b_start = Day.from_iso(a.date), Day.from_iso(b.date)
    if a_start is None or b_start is None:
        return False
    longer = (a_start, a_end) != (b_start, b_end)
    return longer and a_start <= b_start and b_end <= a_end and _GRAIN_ORDER.index(a.granularity) > _GRAIN_ORDER.index(
        b.granularity
    )


_GRAIN_ORDER = ("day", "weekend", "week", "month", "quarter", "season", "half", "year", "decade", "century")


# --- where an event's text lies ------------------------------------------------


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for brk in _PARAGRAPH_BREAK.finditer(text):
        spans.append((pos, brk.start()))
        pos = brk.end()
    spans.append((pos, len(text)))
    return spans


_GLUED_SENTENCE_END = re.compile(r"(?<=[a-zäöüß]{2})[.!?][\"“”„»«]?(?=[A-ZÄÖÜ][a-zäöüß])")


def _sentence_bounds(tokens: "_Tokens", text: str) -> list[tuple[int, int]]:
    """Character spans of the Doc's sentences (read from arrays: much faster than ``doc.sents``)."""
    if not tokens.has_sents:
        return [(0, len(text))]
    token_starts, lengths = tokens.starts, tokens.lengths
    firsts = tokens.sentence_firsts
    # a sentence glued to the next one without a space ('aus."Warum nicht'): the tokenizer keeps
    # it as one token, the parser one sentence; the next sentence starts after that token
    glued = set()
    for m in _GLUED_SENTENCE_END.finditer(text):
        i = bisect.bisect_right(token_starts, m.start()) - 1  # the token that holds the full stop
        if 0 <= i < len(tokens) - 1 and token_starts[i] + lengths[i] > m.end():
            glued.add(i + 1)
    if glued:
        firsts = sorted(set(firsts) | glued)
    bounds = []
    for n, first in enumerate(firsts):
        last = (firsts[n + 1] if n + 1 < len(firsts) else len(tokens)) - 1
        bounds.append((token_starts[first], token_starts[last] + lengths[last]))
    return bounds


# what follows a finite verb but never an attributive adjective
_NOT_AFTER_ADJECTIVE = frozenset({"NE", "ART", "PPER", "PPOSAT", "PDAT", "PIAT", "PRF", "PTKNEG", "APPR", "APPRART"})
_YEAR_WORD = re.compile(r"\d{3,4}$")
# ... and, in a clause without a finite verb, never an attributive adjective either
_NOT_AFTER_ADJECTIVE_TOO = frozenset({"ADV", "PTKVZ", "PDS", "PIS", "PWS", "PWAV"})
# what ends a Vorfeld right before the finite verb
_VORFELD_ENDS = frozenset({"NN", "NE", "FM", "PPER", "PDS", "PIS", "CARD"})
# the right bracket of a clause: a verb particle or a non-finite verb
_RIGHT_BRACKET_TAGS = NONFINITE_TAGS | {"PTKVZ"}
_CLAUSE_EDGE_TAGS = frozenset({"$,", "$.", "$("})


class _Token:
    """What the events read of a token, read once: a spaCy ``Token`` looks each attribute up in
    the Doc's arrays and string store on every access, and the events read them tens of times."""

    __slots__ = ("text", "tag_", "lower_", "i", "idx", "is_space", "is_punct", "is_sent_start", "punct")

    def __repr__(self) -> str:
        return f"{self.text}/{self.tag_}"


class _Tokens:
    """The tokens of a Doc as ``_Token``: the Doc's arrays are read at once, a token is built
    the first time the events look at it (they read the sentences that hold a date, not the
    whole text)."""

    def __init__(self, doc: "Doc", text: str):
        from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LENGTH, LOWER, SENT_START, TAG

        self._text = text
        self._strings = doc.vocab.strings
        self._names: dict[int, str] = {0: ""}
        self.has_sents = doc.has_annotation("SENT_START")
        if len(doc):
            columns = [c.tolist() for c in doc.to_array([TAG, LOWER, IDX, LENGTH, IS_SPACE, IS_PUNCT, SENT_START]).T]
        else:
            columns = [[] for _ in range(7)]
        self._tags, self._lowers, self.starts, self.lengths, self._spaces, self._puncts, sent_starts = columns
        # spaCy's SENT_START: 1 starts a sentence, -1 does not, 0 unknown
        self.sentence_firsts = [i for i, flag in enumerate(sent_starts) if flag == 1 or i == 0]
        self._firsts = set(self.sentence_firsts) if self.has_sents else set()
        self._made: list[_Token | None] = [None] * len(self.starts)

    def __len__(self) -> int:
        return len(self._made)

    def __getitem__(self, i: int) -> _Token:
        t = self._made[i]
        if t is None:
            self._build(i, i + 1)
            t = self._made[i]
        return t  # type: ignore[return-value]

    def span(self, lo: int, hi: int) -> list[_Token]:
        """The tokens lo .. hi - 1."""
        made = self._made
        hi = min(hi, len(made))
        if None in made[lo:hi]:
            self._build(lo, hi)
        return made[lo:hi]  # type: ignore[return-value]

    def _build(self, lo: int, hi: int) -> None:
        made, text, names, strings, firsts = self._made, self._text, self._names, self._strings, self._firsts
        starts, lengths, tags, lowers = self.starts, self.lengths, self._tags, self._lowers
        spaces, puncts = self._spaces, self._puncts
        for i in range(lo, hi):
            if made[i] is not None:
                continue
            t = _Token()
            idx = starts[i]
            t.text = text[idx:idx + lengths[i]]
            tag = tags[i]
            t.tag_ = names[tag] if tag in names else names.setdefault(tag, strings[tag])
            lower = lowers[i]
            t.lower_ = names[lower] if lower in names else names.setdefault(lower, strings[lower])
            t.i = i
            t.idx = idx
            t.is_space = spaces[i] == 1
            t.is_punct = puncts[i] == 1
            t.is_sent_start = i in firsts
            # punctuation by its tag ($, $. $(), or by spaCy's flag for a Doc without tags
            t.punct = t.tag_.startswith(_PUNCT_PREFIX) if t.tag_ else t.is_punct
            if t.tag_ in ("ADJA", "ADJD") and self._misread_finite(i, t.text):
                t.tag_ = "VVFIN"
            elif t.tag_ == "ART" and t.lower_ in _RELATIVE_FORMS and self._relative_after_comma(i):
                t.tag_ = "PRELS"
            elif t.tag_ == "KOKOM" and t.lower_ == "als" and self._temporal_als(i):
                t.tag_ = "KOUS"
            made[i] = t

    def _tag(self, i: int) -> str:
        tag = self._tags[i]
        return self._names[tag] if tag in self._names else self._names.setdefault(tag, self._strings[tag])

    def _relative_after_comma(self, i: int) -> bool:
        """An article form right after a comma that opens a verb-last clause is a relative pronoun
        (", den/ART Zeugen am Montag gesehen haben"): a clause after a comma with its finite verb last
        and no subordinator is a relative clause."""
        if i < 1 or self._tag(i - 1) != "$,":
            return False
        j, finites = i + 1, 0
        while j < len(self.starts) and self._tag(j) not in ("$,", "$.", "$("):
            if self._tag(j) in _FINITE:
                finites += 1
            j += 1
        last = j - 1
        # the finite verb last, after more than the article and a noun ("die Polizei kam" is V2)
        return finites == 1 and last >= i + 3 and self._tag(last) in _FINITE

    def _temporal_als(self, i: int) -> bool:
        """"Als" read as a comparison that opens a verb-last clause is the subordinator ("Als/KOKOM
        sein Vater ermordet wurde, übernahm ..."): first in its clause, the one finite verb last."""
        if not (i == 0 or i in self._firsts or self._tag(i - 1) in _CLAUSE_EDGE_TAGS):
            return False
        first, last = self._stretch(i)
        finites = sum(1 for j in range(i + 1, last + 1) if self._tag(j) in _FINITE)
        return finites == 1 and last >= i + 3 and self._tag(last) in _FINITE

    def _misread_finite(self, i: int, word: str) -> bool:
        """A lowercase word the tagger read as an adjective that is the finite verb of its clause.

        Right after a year that opens its clause, before what no adjective stands before (a name,
        an article, a pronoun): "1920 schloss/ADJA Polen ...", "1921 unterzeichnete/ADJA die
        Regierung ...". In a clause without a finite verb (between punctuation), an "adjective"
        is the verb too when it stands after a complete Vorfeld (a noun, a name, a pronoun, a
        number) and before what no attributive adjective stands before ("Am 12. Oktober 1920
        schloss/ADJA Polen ...", "Beide Unternehmen unterzeichneten/ADJA am Mittwoch ..."), or,
        written in -te/-ten, when the clause closes its verb bracket with a particle or a
        non-finite verb ("Das kündigte/ADJA Deutschland-Chef Sören Lund am Mittwoch an/PTKVZ").
        """
        if i < 1 or i + 1 >= len(self.starts) or not word[:1].islower():
            return False
        before, after = self._tag(i - 1), self._tag(i + 1)
        year = self._text[self.starts[i - 1]:self.starts[i - 1] + self.lengths[i - 1]]
        if before == "CARD" and _YEAR_WORD.match(year) and after in _NOT_AFTER_ADJECTIVE and (
            i < 2 or (i - 1) in self._firsts or self._tag(i - 2) in _CLAUSE_EDGE_TAGS
        ):
            return True
        if self._tag(i) != "ADJA":
            return False
        vorfeld = before in _VORFELD_ENDS
        if not (vorfeld and after in _NOT_AFTER_ADJECTIVE | _NOT_AFTER_ADJECTIVE_TOO) and not (
            word.endswith(("te", "ten")) and (vorfeld or before in ("ART", "PDS"))
        ):
            return False  # neither case can hold: no need to look at the clause
        first, last = self._stretch(i)
        if any(self._tag(j) in _FINITE for j in range(first, last + 1)):
            return False
        if before in _VORFELD_ENDS and after in _NOT_AFTER_ADJECTIVE | _NOT_AFTER_ADJECTIVE_TOO:
            return True
        if not word.endswith(("te", "ten")) or last <= i or self._tag(last) not in _RIGHT_BRACKET_TAGS:
            return False
        return before in _VORFELD_ENDS or (
            i - 1 == first and before in ("ART", "PDS") and self._lowers_at(i - 1) in ("das", "dies")
        )

    def _lowers_at(self, i: int) -> str:
        lower = self._lowers[i]
        return self._names[lower] if lower in self._names else self._names.setdefault(lower, self._strings[lower])

    def _stretch(self, i: int) -> tuple[int, int]:
        """The first and last index of the words around ``i`` between punctuation and sentence starts."""
        first = i
        while first > 0 and first not in self._firsts and self._tag(first - 1) not in _CLAUSE_EDGE_TAGS:
            first -= 1
        last = i
        while last + 1 < len(self.starts) and (last + 1) not in self._firsts and self._tag(last + 1) not in _CLAUSE_EDGE_TAGS:
            last += 1
        return first, last


_NUMBER_WORDS = (
    "ein eine einen einem einer zwei drei vier fünf sechs sieben acht neun zehn elf zwölf zwanzig dreißig "
    "vierzig fünfzig hundert"
)
_AMOUNT_DURATION = re.compile(rf"(?:\d+(?:[.,]\d+)?|{'|'.join(_NUMBER_WORDS.split())})\s+\w+", re.IGNORECASE)
# words before a duration that make it a time adverbial ("nach drei Tagen", "seit zwei Jahren")
_TIME_PHRASE_OPENERS = frozenset(
    "nach vor seit binnen innerhalb für in im über bis während ab um von vom mit knapp fast rund etwa "
    "gut nur erst schon noch".split()
)


def _amount_duration(timex: Timex, text: str) -> bool:
    """A duration that is what the verb is about, not when: a number of units with no time
    preposition before it, or after "zu" ("forderte sechs Jahre", "zu sechs Jahren Haft
    verurteilt", "soll zwei Jahre dauern"). The line keeps it."""
    if timex.type != "DURATION" or not _AMOUNT_DURATION.fullmatch(timex.text):
        return False
    before = text[max(0, timex.start - 30):timex.start].split()
    return not before or before[-1].lower().strip("„“\"(") not in _TIME_PHRASE_OPENERS


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


def _tokens_between(tokens: "_Tokens", token_starts: list[int], start: int, end: int) -> list["_Token"]:
    lo = bisect.bisect_left(token_starts, start)
    hi = bisect.bisect_left(token_starts, end)
    return [t for t in tokens.span(lo, hi) if not t.is_space]


def _is_clause_break(token: "Token") -> bool:
    if token.tag_ == "$,":
        return True
    return token.punct and token.text in _CLAUSE_BREAK_TEXT


def _has_verb(tokens: list["Token"]) -> bool:
    return any(t.tag_ in _VERB for t in tokens)


def _clause_tokens(sentence: list["Token"], timex: Timex, clauses: list[list["Token"]] | None = None) -> list["Token"]:
    """The tokens of the clause of ``sentence`` that holds ``timex`` (``clauses``: those of
    ``sentence``, see ``_clauses``). The result has no leading or trailing comma.
    """
    if clauses is None:
        clauses = _clauses(sentence)
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


def _keys(
    entities: Sequence[Entity], start: int, end: int, labels: tuple[str, ...], ends: Sequence[int] | None = None
) -> list[str]:
    """Keys of the entities with one of ``labels`` that overlap [start, end), in text order.

    ``entities`` are sorted by start; ``ends`` (the furthest end up to each entity, when the
    caller has it) lets the scan skip the entities that end before ``start``.
    """
    keys: list[str] = []
    first = bisect.bisect_right(ends, start) if ends is not None else 0
    for e in entities[first:]:
        if e.start >= end:
            break
        if e.end > start and e.label in labels and e.key not in keys:
            keys.append(e.key)
    return keys


def _lead_place(text: str, ents: Sequence[Entity], sentences: list[tuple[int, int]]) -> str | None:
    """The place an article without a dateline reports from: the first place its lead sentence names
    ("Die Sanierung der Eisackbrücke bei Klausen hat begonnen")."""
    if not sentences:
        return None
    start, end = sentences[0]
    if set(text[start:end].lower().split()) & _PLAN_WORDS:
        return None  # "Trump will Putin in Budapest treffen": the place of a plan, not of the story
    for e in ents:
        if e.start >= end:
            break
        quotes = sum(c in _QUOTES for c in text[start:e.start])
        genitive = e.text.endswith("s") and text[e.end:e.end + 2].strip()[:1].isupper()
        if e.start >= start and e.label in WHERE_LABELS and quotes % 2 == 0 and not genitive:
            # not a place inside a quoted title ("„Tante Jutta aus Kalkutta“"), nor one that only
            # qualifies a noun ("Russlands Staatschef")
            return e.key
    return None


# --- which clauses are events ----------------------------------------------------

_STATE_VERBS = frozenset(
    "ist sind war waren sei seien wäre wären liegt liegen lag lagen bleibt bleiben blieb blieben "
    "gilt gelten galt zeigt zeigen steht stehen hat haben".split()
)
_DURATION_VERBS = frozenset(
    "läuft laufen lief liefen gelaufen gilt gelten galt gegolten dauert dauern dauerte andauern".split()
)
_ORIGIN_VERBS = frozenset("stammt stammen stammte stammten datiert datieren datierte".split())
_NOW_WORDS = frozenset("heute jetzt derzeit zurzeit gegenwärtig inzwischen nun".split())
_NEGATIONS = frozenset(
    "nicht nie niemals kein keine keinen keinem keiner keines nichts niemand weder".split()
)
_NEGATIONS_BUT_NICHT = _NEGATIONS - {"nicht"}
_COMPARISON = frozenset({"gegenüber", "als"})
# words between "seit" and the date it opens ("seit dem Jahr 2019", "seit Anfang 2020")
_SINCE_FILLERS = frozenset("dem der anfang ende beginn mitte".split())
# a period the text counts something in ("2022 wurden 340 Unfälle gezählt")
_COUNT_VERBS = frozenset(
    "gezählt registriert gemessen angezeigt verzeichnet erfasst gemeldet zählte zählten registrierte "
    "registrierten verzeichnete verzeichneten".split()
)
# the finite verb of a past that did not happen, with a modal's infinitive ("hätte enden sollen")
_UNREAL_PAST_FINITE = frozenset("hätte hätten hättest hättet".split())
_MODAL_INFINITIVES = frozenset("sollen müssen können dürfen wollen".split())  # (often tagged VMFIN)
_NUMBER = re.compile(r"\d[\d.,]*$")  # "35." at the end of a sentence is a number, not an ordinal
_COUNT_FINITE = frozenset("war waren lag lagen".split())
_QUOTES = frozenset("„“”\"'»«‚‘’")


# verbs of a figure that rises or falls ("der Umsatz sank", "die Zahl ist gestiegen"), with the
# particle that keeps that sense ("stieg an"; "stieg aus", "wuchs auf" mean something else)
_CHANGE_VERBS = frozenset(
    "steigt steigen stieg stiegen gestiegen ansteigen angestiegen sinkt sinken sank sanken gesunken "
    "wächst wachsen wuchs wuchsen gewachsen schrumpft schrumpfen schrumpfte schrumpften geschrumpft "
    "zugenommen abgenommen zurückgegangen verdoppelt verdoppelte halbiert halbierte".split()
)
_CHANGE_PARTICLE_VERBS = {"nimmt": "zu", "nahm": "zu", "nahmen": "zu", "nehmen": "zu", "geht": "zurück",
                          "ging": "zurück", "gingen": "zurück"}
_CHANGE_PARTICLES = frozenset({"an"})
# nouns of a quantity a statistic gives ("die Zahl der Überfälle", "die Durchschnittstemperatur")
_QUANTITY_NOUNS = (
    "zahl", "zahlen", "umsatz", "umsätze", "preis", "preise", "quote", "rate", "temperatur", "anteil", "gewinn",
    "verlust", "einnahmen", "ausgaben", "index", "niveau", "durchschnitt", "menge", "bestand", "prozent",
)
_AMOUNT_COMPARISON = frozenset("mehr weniger wenige viele".split())
_COARSE_GRAINS = frozenset({"year", "quarter", "half", "season"})


def _is_non_event(ctx: "_Context", clause: list["Token"], timex: Timex, end: Timex | None) -> bool:
    """A date that marks no event of the clause: a comparison, a reference, an origin, a state."""
    # a date coordinated with one before it shares its preposition ("für März und April")
    before = ctx.words_before(_coordination_start(ctx, timex), 3)
    prev1 = before[-1].lower_ if before else ""
    prev2 = before[-2] if len(before) > 1 else None
    words = {t.lower_ for t in clause}
    head = timex.text.split()[0].lower() if timex.text.split() else ""
    if prev1 in _COMPARISON or (prev1 in ("zu", "zum") and prev2 is not None and prev2.lower_ == "vergleich"):
        return True  # "gegenüber 1990", "niedriger als 2015", "im Vergleich zu 2010"
    if (prev1 == "wie" and before[-1].tag_ == "KOKOM") or (
        prev2 is not None and prev2.lower_ in ("als", "wie") and prev2.tag_ == "KOKOM"
        and before[-1].tag_ in ("APPR", "APPRART")
    ):
        return True  # "stärker als im Vorjahr", "so stark wie im Januar": the date is compared with
    if prev1 == "mit" and prev2 is not None and prev2.lower_ == "verglichen":
        return True
    if prev1 in ("von", "vom") and end is None and prev2 is not None and (
        prev2.tag_ in ("NN", "NE", "PDS", "ART", "PIS") or prev2.text in _QUOTES
    ):
        return True  # "die Zahlen von 1992", "der Leserbrief vom 24. August"
    grain = (period_start(timex.value) or (None, ""))[1]
    if prev1 == "für" and end is None and prev2 is not None and prev2.tag_ == "NN" and (
        grain in _COARSE_GRAINS or grain == "month" and _before_finite(clause, prev2)
    ):
        # "den Haushalt für 2024", "die Prognose für das Jahr 2025": what the noun plans for; a month
        # of a noun in the Vorfeld is part of that noun ("Die Löhne für März sind gesichert": a state)
        return True
    if prev1 in ("bis", "ab") and words & _HABITUAL:
        return True  # "sollen bis 2035 jährlich 300 Milliarden zahlen": a recurring duty, not a happening
    if grain in _COARSE_GRAINS and end is None and (
        _changes(clause, timex) or _compares_amount(clause, timex) or _gives_figure(clause, timex)
    ):
        # "Im Geschäftsjahr 2023 sank der Umsatz", "Im Sommer steigt die Temperatur an", "2023 kamen
        # 4.620 Kinder zur Welt, so wenige wie nie": a yearly figure, not a dated happening
        return True
    if prev1 in ("von", "vom") and end is not None and prev2 is not None and prev2.tag_ in ("NN", "NE"):
        return True  # "Funde vom 13. Jahrhundert bis in die 1930er Jahre"
    if words & _ORIGIN_VERBS and prev1 in ("aus", "von", "vom"):
        return True  # "stammt aus dem Jahr 2005"
    if prev1 == "aus" and prev2 is not None and prev2.tag_ in ("NN", "NE"):
        return True  # "ein Schwert aus dem 14. Jahrhundert v. Chr.": where a thing comes from
    if prev1 in ("baujahr", "jahrgang"):
        return True
    period = period_start(timex.value)
    if period and period[1] in ("decade", "century") and head in ("der", "des") and prev1 and (
        before[-1].tag_ in ("NN", "NE")
    ):
        return True  # "der Sound der 80er Jahre"
    if period and period[1] not in ("day", "week") and _after_since(before):
        return True  # "ist seit 2019 rückläufig", "nimmt seit 2015 zu": a state or trend since then
    if period and period[1] == "year" and _counts(clause, timex):
        return True  # "2022 wurden 340 Unfälle gezählt", "2023 waren es noch 35"
    negated = _negated(clause, words)
    if prev1 in ("bis", "seit") and negated:
        return True  # "ist bis heute nicht aufgetaucht", "bis gestern gab es keinen Hinweis"
    verbs = [t for t in clause if t.tag_ in _VERB]
    finite = [t for t in verbs if t.tag_ in _FINITE]
    nonfinite = [t for t in verbs if t.tag_ not in _FINITE]
    state = bool(finite) and all(t.lower_ in _STATE_VERBS for t in finite) and not nonfinite
    if state and (head in _NOW_WORDS or (prev1 == "bis" and head in _NOW_WORDS)):
        return True  # "ist heute eine Metropole", "liegt heute unter ..."
    if prev1 in ("bis", "zum", "zur") and words & _DURATION_VERBS and end is None:
        return True  # "die Ausstellung läuft bis zum 31. Januar"
    if not verbs and any(t.tag_ for t in clause) and not any(
            t.tag_ == "NN" and not timex.start <= t.idx < timex.end for t in clause):
        return True  # a heading: "Lexington, 19. April 1775" names where and when, not what
    if any(t.lower_ in _UNREAL_PAST_FINITE for t in finite) and words & _MODAL_INFINITIVES:
        return True  # "hätte am Freitag enden sollen", "hätten früher handeln müssen": what did not happen
    if words & {"stand", "steht", "standen", "stehen"} and any(t.lower_ == "aus" and t.tag_ == "PTKVZ" for t in clause):
        return True  # "das Ergebnis stand gestern noch aus"
    after = ctx.words_before(timex.start, 1)
    if after and after[-1].text == "(" or ctx.text[max(0, timex.start - 2):timex.start].strip() == "(":
        # "Heute (gestern, A.d.R.)": a gloss on the date before it
        opening = ctx.text.rfind("(", 0, timex.start)
        if opening >= 0 and any(t.end <= opening and opening - t.end <= 2 for t in ctx.timexes):
            return True
    return False


def _coordination_start(ctx: "_Context", timex: Timex) -> int:
    """Where the first of coordinated dates starts ("für März und April": the start of "März" for
    "April"); the date's own start when it follows no other date and "und"/"oder"."""
    start = timex.start
    while True:
        before = ctx.words_before(start, 2)
        if len(before) < 2 or before[-1].lower_ not in ("und", "oder"):
            return start
        other = next((t for t in ctx.timexes if t.start < before[-2].idx + 1 and t.end >= before[-2].idx + len(before[-2].text)), None)
        if other is None or other.start >= start:
            return start
        start = other.start


def _before_finite(clause: list["Token"], token: "Token") -> bool:
    """The token stands before the clause's finite verb (in the Vorfeld of a main clause)."""
    finite = next((t for t in clause if t.tag_ in _FINITE), None)
    return finite is not None and token.i < finite.i and clause[0].tag_ not in ("KOUS", "PRELS", "PWAV")


def _outside_numbers(clause: list["Token"], timex: Timex) -> list["Token"]:
    return [
        t for t in clause
        if (t.tag_ == "CARD" or _NUMBER.match(t.text)) and not timex.start <= t.idx < timex.end
    ]


def _changes(clause: list["Token"], timex: Timex) -> bool:
    """The clause tells how a figure rose or fell: a change verb with a number or a noun of a quantity."""
    particles = {t.lower_ for t in clause if t.tag_ == "PTKVZ"}
    change = False
    for t in clause:
        if t.tag_ not in _VERB:
            continue
        if t.lower_ in _CHANGE_VERBS and not particles - _CHANGE_PARTICLES:
            change = True
        elif _CHANGE_PARTICLE_VERBS.get(t.lower_) in particles:
            change = True
    if not change:
        return False
    return bool(_outside_numbers(clause, timex)) or any(
        t.tag_ == "NN" and t.lower_.endswith(_QUANTITY_NOUNS) for t in clause
    )


def _gives_figure(clause: list["Token"], timex: Timex) -> bool:
    """The clause gives a quantity its number ("erzielte einen Umsatz von 96 Millionen Euro")."""
    return bool(_outside_numbers(clause, timex)) and any(
        t.tag_ == "NN" and t.lower_.endswith(_QUANTITY_NOUNS) and t.lower_ not in ("prozent",) for t in clause
    )


def _compares_amount(clause: list["Token"], timex: Timex) -> bool:
    """The clause gives a number and compares the amount ("sechs Menschen ..., mehr als im Jahr 2022",
    "4.620 Kinder, so wenige wie nie zuvor")."""
    if not _outside_numbers(clause, timex):
        return False
    for n, t in enumerate(clause[:-1]):
        if t.lower_ not in _AMOUNT_COMPARISON:
            continue
        for m in range(n + 1, min(n + 3, len(clause))):
            if clause[m].lower_ in ("als", "wie"):
                after = clause[m + 1] if m + 1 < len(clause) else None
                # "mehr als im Vorjahr", "so wenige wie nie"; "mehr als 300 Menschen" is an amount
                if after is not None and after.tag_ != "CARD" and not _NUMBER.match(after.text):
                    return True
    return False


def _negated(clause: list["Token"], words: set[str]) -> bool:
    """The clause denies what it says: "kein", "nie", or a "nicht" that is not "nicht nur" nor
    the degree of a comparison ("nicht mehr so stark wie")."""
    if words & _NEGATIONS_BUT_NICHT:
        return True
    return "nicht" in words and negation_of(clause) is not None


def _after_since(before: list["Token"]) -> bool:
    """The date follows "seit", directly or after an article or "Anfang"/"Ende" ("seit dem Jahr")."""
    for t in reversed(before):
        if t.lower_ == "seit":
            return True
        if t.lower_ not in _SINCE_FILLERS:
            return False
    return False


def _counts(clause: list["Token"], timex: Timex) -> bool:
    """The clause gives a number counted or measured in the period: a yearly statistic."""
    numbers = [
        t for t in clause
        if (t.tag_ == "CARD" or _NUMBER.match(t.text)) and not timex.start <= t.idx < timex.end
    ]
    if not numbers:
        return False
    lows = {t.lower_ for t in clause}
    finite = [t.lower_ for t in clause if t.tag_ in _FINITE]
    if lows & _COUNT_VERBS:
        return True
    # "2023 waren es noch 35", "2010 lag es noch bei 30,9 Jahren"
    return bool(finite) and all(f in _COUNT_FINITE for f in finite) and "es" in lows and not any(
        t.tag_ in _VERB and t.tag_ not in _FINITE for t in clause
    )


# --- status ---------------------------------------------------------------------

_PLAN_WORDS = frozenset(
    "soll sollen sollte sollten solle will wollen wollte wolle plant planen plante geplant voraussichtlich "
    "vorgesehen erwartet könnte könnten dürfte dürften".split()
)
_FUTURE_AUX = frozenset("wird werden werde wirst".split())
_REPORT_WORDS = frozenset("laut zufolge".split())
_SOURCE_NOUNS = frozenset("angaben informationen erkenntnissen darstellung".split())
_REPORTING_VERBS = frozenset(
    "sagte sagt sagten sagen erklärte erklärt erklärten betonte betont betonten teilte teilt mitteilte "
    "berichtete berichtet meldete meldet hieß heißt schrieb schreibt verkündete kündigte "
    "bestätigte bestätigt räumte warnte kritisierte forderte ortet tönt gesagt erklärt betont mitgeteilt "
    "berichtet gemeldet verkündet geschrieben gewarnt kritisiert gefordert".split()
)
# "gab ... bekannt", "hat ... bekannt gegeben": an announcement reports like "teilte ... mit"
_GIVE_FORMS = frozenset("gab gaben gibt geben gegeben".split())
_SUBJUNCTIVE_I = frozenset(
    "sei seien habe werde könne müsse solle wolle dürfe gebe stehe liege gehe komme "
    "hätten stünden".split()
)


def _status(clause: list["Token"], sentence: list["Token"], date: dt.date, published: dt.date | None) -> str:
    words = {t.lower_ for t in clause}
    if _negated(clause, words):
        return "negated"
    finite = [t for t in clause if t.tag_ in _FINITE]
    infinitive = any(t.tag_ in ("VVINF", "VAINF") for t in clause)
    if words & _PLAN_WORDS or (infinitive and any(t.lower_ in _FUTURE_AUX for t in finite)):
        return "planned"
    if published is not None and date > published:
        return "planned"
    if words & _REPORT_WORDS or any(t.lower_ in _SUBJUNCTIVE_I for t in finite):
        return "reported"
    if any(t.lower_ in _SOURCE_NOUNS and n and clause[n - 1].lower_ == "nach" for n, t in enumerate(clause)):
        return "reported"  # "nach Angaben der Polizei", "nach Informationen des Senders"
    clause_ids = {t.i for t in clause}
    if not words & _REPORTING_VERBS and any(
        t.lower_ in _REPORTING_VERBS and t.i not in clause_ids for t in sentence
    ):
        return "reported"
    return "asserted"


# --- the dateline ------------------------------------------------------------------

def dateline_place(text: str, entities: Sequence[Entity]) -> str | None:
    """The key of the place an article reports from ("BOZEN.", "Meran (ki).", "Aachen (dpa)."), or None."""
    m = DATELINE.match(text)
    if m is None:
        return None
    start, end = m.span("place")
    for e in entities:
        if e.start >= end:
            break
        if e.start < end and e.end > start and e.label == "LOC":
            return e.key
    from newsdesk.index.analysis.lexical_features import name_classes  # loads spaCy: only when asked

    name = m["place"]
    if name.isupper() or m["agency"] or "T" in name_classes(name) or any(e.start < end and e.end > start for e in entities):
        return f"LOC:{name.title() if name.isupper() else name}"
    return None


# --- building an event ----------------------------------------------------------------

# nouns that name an organisation acting as the subject ("das Bundeskabinett", "die EU-Kommission")
_INSTITUTION_ENDINGS = (
    "kabinett", "regierung", "kommission", "parlament", "bundestag", "landtag", "gemeinderat", "stadtrat",
    "armee", "bundeswehr", "polizei", "feuerwehr", "gericht", "behörde", "ministerium", "gewerkschaft",
    "senat", "kongress", "agentur", "staatsanwaltschaft", "fraktion", "ausschuss", "vorstand", "kreml",
    "carabinieri", "finanzwache", "landesregierung", "verband", "gesellschaft", "institut", "dienst",
    "zivilschutz", "firma", "gemeinde", "versicherung", "verteidigung", "anwaltschaft", "verwaltung",
    # offices, boards, banks, chambers ("das Landesstatistikamt", "der Aufsichtsrat", "die Notenbank")
    "amt", "rat", "bank", "kammer", "stiftung", "koalition", "opposition", "präsidium", "direktion", "anklage",
    "bund",
)
# people and things whose noun ends like an institution's ("die Beamten": -amt; "der Vorrat": -rat)
_NOT_INSTITUTIONS = ("beamte", "beamten", "beamter", "beamtin", "beamtinnen", "vorrat", "apparat", "heirat")
# a subject without a name that names a person by role ("der Angeklagte", "die Landesrätin",
# "der 34-Jährige", "die Beamten"): its noun, shown as written, is the "who" (a key without a label)
_DEFINITE_ARTICLES = frozenset("der die das".split())
# "Ein 63 Jahre alter Wanderer wurde ... getroffen", "eine Joggerin": a person by role all the same
_SUBJECT_ARTICLES = _DEFINITE_ARTICLES | {"ein", "eine"}
_REGNAL = re.compile(r"[IVXL]{1,6}\.?")
_ROLE_ENDINGS = ("er", "rin", "tin", "gin", "nin", "innen", "te", "ten", "ige", "igen", "ant", "anten", "ent",
                 "enten", "ist", "isten", "anwalt", "anwälte", "loge", "logen", "nom", "nomen", "graf", "grafen",
                 "graph", "graphen", "mann", "männer", "frau", "frauen", "chef", "chefin", "chefs", "direktor",
                 "direktoren", "direktorin", "arzt", "ärzte", "ärztin", "vorsitzende", "vorsitzenden", "ierende",
                 "ierenden")
_NOT_ROLES = tuple(
    "zahl hälfte mehrheit wetter verkehr wasser feuer winter sommer theater zentrum ergebnis".split()
    # things and abstracts in -te/-ten ("die Arbeiten", "die Staaten", "die Projekte"), not people
    + "heiten keiten schaften täten arbeiten zeiten seiten staaten kosten daten fakten karten welten rechte "
      "richten pflichten schichten projekte produkte objekte effekte konflikte kontakte märkte konzerte werte "
      "orte worte städte gebiete inhalte pakete bauten texte feste reste tests".split()
    # things in -er: vehicles ("Ein Kleintransporter prallte ..."), machines, containers, measures, rooms
    + "transporter laster bagger tanker frachter dampfer kutter bomber hubschrauber container computer "
      "filter center meter liter zimmer fenster keller lager".split()
)
# a subject without a determiner in front of a plural verb that names people by role ("Geologen
# untersuchten den Hang", "Ermittler kamen ihm auf die Spur"): its noun is the "who" as well
_BARE_SUBJECT_PREFIX = frozenset({"ADJA", "CARD", "ADV", "PIAT", "PIDAT"})
_FRONTED_OBJECT_ARTICLES = frozenset({"dem", "den"})
# an institution with the field it is for: "Amt für Jagd und Fischerei", "Landesinstitut für
# Statistik", "Amt für ländliche Entwicklung", "Dachverband für Natur- und Umweltschutz"
_FIELD_NOUN = (
    r"(?:(?!(?:ein|kein|sein|ihr|unser|euer|eur|dies|jen|mein|dein|der|die|das|den|dem|des)\w*\s)"
    r"[a-zäöü]\w*e[nrs]?\s+)?[A-ZÄÖÜ][\wäöüß]*"
)
_COMPLEMENTED_INSTITUTION = re.compile(
    rf"\b([A-ZÄÖÜ][\wäöüß-]*)\s+für\s+(?:[A-ZÄÖÜ][\wäöüß]*-\s+(?:und|sowie)\s+)?{_FIELD_NOUN}"
    rf"(?:(?:\s*,\s*|\s+(?:und|sowie)\s+){_FIELD_NOUN})?"
)
# the endings of the names of valleys, regions, passes and lakes ("Vinschgau", "Passeiertal",
# "Brennerpass", "Schwarzwald"), after a local preposition
_LANDSCAPE_ENDINGS = ("tal", "gau", "pass", "joch", "gebirge", "wald", "see")
_LANDSCAPE_WORD = re.compile(rf"\w(?:{'|'.join(_LANDSCAPE_ENDINGS)})\b")
_NOT_LANDSCAPES = ("reisepass", "personalpass", "impfpass", "überblick", "rundgang")
_PLACE_PREPOSITIONS = frozenset({"im", "in", "am", "ins", "vom", "zum", "über", "durch", "bei"})
# nouns that take up an organisation named before ("der Verein" after "der FC Bayern München")
_ANAPHORIC_INSTITUTIONS = frozenset(
    "verein klub club partei unternehmen konzern firma organisation mannschaft team gruppe".split()
)
# "auszuradieren", "anzutreten": a zu-infinitive written as one word (often tagged VVINF)
_ZU_INFINITIVE = re.compile(r"(?:ab|an|auf|aus|bei|ein|fest|her|hin|mit|nach|vor|weg|zurück|zusammen)zu\w{3,}en$")
# a lead whose main verb is one of these in the present tense quotes a view
_OPINION_VERBS = frozenset("sagt meint betont findet glaubt fordert kritisiert warnt erklärt".split())
_HABITUAL = frozenset("stets immer jährlich regelmäßig oft häufig meist meistens jeweils".split())
_NO_NEWS_FINITE = frozenset(
    "wäre wären hätte hätten würde würden ginge könnte könnten sollte sollten müsste müssten dürfte "
    "kann können muss müssen darf dürfen mag".split()
)
_NO_NEWS_SUBJECTS = frozenset({"ich", "wir", "wer", "man", "du", "ihr"})


class _Context:
    """What extract_events knows of one document, and how it builds an event from a clause."""

    def __init__(self, doc, tokens, text, token_starts, ents, timex_spans, place, published):
        self.doc = doc
        self.tokens = tokens
        self.has_sents = tokens.has_sents
        self.text = text
        self.token_starts = token_starts
        self.ents = ents
        self.ent_starts = [e.start for e in ents]
        self.ent_reach: list[int] = []  # the furthest end among the entities up to each one
        for e in ents:
            self.ent_reach.append(max(e.end, self.ent_reach[-1]) if self.ent_reach else e.end)
        # the surnames of people named in full ("Trump" -> PER:Donald Trump), when only one has it
        by_surname: dict[str, set[str]] = {}
        for e in ents:
            if e.label == "PER" and " " in e.key:
                by_surname.setdefault(e.key.rsplit(" ", 1)[1], set()).add(e.key)
        self.surnames = {name: next(iter(keys)) for name, keys in by_surname.items() if len(keys) == 1 and len(name) > 2}
        self.timex_spans = timex_spans
        self.place = place
        self.published = published
        self.line_spans = timex_spans  # the expressions a line leaves out (see _amount_duration)
        self.timexes: list[Timex] = []  # the dated expressions, for glosses ("Heute (gestern, A.d.R.)")
        self._clause_cache: dict[tuple[int, int], list[list["Token"]]] = {}
        self._complemented_names: dict[int, str] | None = None
        self.history_before: int | None = None  # in a history: the year before which no article place applies

    def clauses(self, sentence: list["Token"]) -> list[list["Token"]]:
        """``_clauses`` of a sentence of this document, split once."""
        if not sentence:
            return []
        key = (sentence[0].i, sentence[-1].i)
        if key not in self._clause_cache:
            self._clause_cache[key] = _clauses(sentence)
        return self._clause_cache[key]

    def words_before(self, pos: int, count: int) -> list["Token"]:
        """Up to ``count`` non-space tokens before character ``pos`` (quotes kept, other punctuation not)."""
        i = bisect.bisect_left(self.token_starts, pos) - 1
        out: list["Token"] = []
        while i >= 0 and len(out) < count:
            t = self.tokens[i]
            if not t.is_space and (not t.punct or t.text in _QUOTES):
                out.append(t)
            if t.punct and t.text not in _QUOTES:
                break
            i -= 1
        return out[::-1]

    def event(self, clause, timex, period, end_timex, sent_tokens, sent_start, sent_end) -> Event:
        part, inherited = _conjunct(clause, timex, self.timex_spans)
        if part:
            start, end = part[0].idx, part[-1].idx + len(part[-1].text)
        else:  # no tokens (a Doc that does not cover the text): use the sentence
            start, end = sent_start, sent_end
        date, granularity = period
        before = [t for t in sent_tokens if clause and t.i < clause[0].i]
        skip = _in_spans(part, self.line_spans)
        front = self._front_before_embedded(part, sent_tokens) if inherited is None else []
        if front:
            # "Die Stadt, die 2012 das Gebäude gekauft hatte, eröffnete am Montag das Museum": the
            # main clause goes on after the clause embedded in it; its Vorfeld stands before that
            part = front + part
            skip = skip | _in_spans(front, self.line_spans)
        parsed = parse(part, skip, before)
        if inherited is not None and _object_after_verb(parsed):
            # "Scipio setzte nach Afrika über und schlug Hannibal bei Zama": the clause shares the
            # subject before; the name after its verb is its object
            others = sorted([parsed.subject] + parsed.others, key=lambda g: g.tokens[0].i)
            parsed = Parsed(parsed.tokens, parsed.fields, None, others)
        if inherited is None and not front and parsed.subject is None:
            inherited = self._shared_subject(part, sent_tokens)
        antecedent = inherited if parsed.subject is None else self._subject_before(parsed, part, inherited, sent_tokens)
        who, subject_name = self._who(parsed, start, end, antecedent)
        names = {t.i for t in part if self._in_entity(t)}
        pronoun_objects = self._pronoun_objects(parsed, sent_tokens)
        what = attribute_line(part, skip) or headline(
            part, skip, before, subject_name, inherited, names, parsed=parsed, pronoun_objects=pronoun_objects
        ) or plain_line(part, skip) or " ".join(
            self.text[start:end].split()[:MAX_LINE_WORDS]
        )
        what = self._with_infinitive(what, part, sent_tokens)
        if parsed.fields.finite is None:
            what = self._with_controller(what, part, sent_tokens)
        elaborated = self._elaborated(what, part, clause, sent_tokens) if len(what.split()) <= 4 else what
        what = elaborated if elaborated != what else self._with_report(what, part, sent_tokens, skip, subject_name)
        status = _status(part, sent_tokens, date, self.published)
        first_person = parsed.subject is not None and len(parsed.subject.tokens) == 1 and (
            parsed.subject.tokens[0].lower_ in ("ich", "wir")
        )
        if status == "reported" or first_person:
            # "„Wir werden den Antrag stellen“, sagte Huber": the speaker is who speaks as "wir"
            who = who + [k for k in self._speakers(part, sent_tokens) if k not in who]
        end_date = ""
        end_value = ""
        if end_timex is not None:
            last = period_end(end_timex.value)
            end_date = last.isoformat() if last else ""
            end_value = end_timex.value
        return Event(
            start=start,
            end=end,
            date=date.isoformat(),
            granularity=granularity,
            what=what,
            text=self.text[start:end],
            who=who,
            where=self._where(start, end, date.year),
            value=timex.value,
            timex_start=timex.start,
            timex_end=timex.end,
            status=status,
            end_date=end_date,
            end_value=end_value,
            sentence_start=sent_start,
            sentence_end=sent_end,
        )

    def _shared_subject(self, part: list["Token"], sentence: list["Token"]) -> "Group | None":
        """The subject of the main clause before a comma that a clause opening with its finite verb
        and without a subject of its own shares ("Ein Investor hatte Interesse gezeigt, | zog sich
        aber im Januar zurück")."""
        words = [t for t in part if not t.punct]
        if not words or words[0].tag_ not in _FINITE or words[0].i == 0 or self.tokens[words[0].i - 1].tag_ != "$,":
            return None
        if len(words) > 1 and words[1].tag_ in ("PPER", "PIS"):
            return None  # "hieß es", "sagte er": the clause has its own subject
        if words[0].i >= 2 and self.tokens[words[0].i - 2].text in _QUOTES:
            return None  # "„Die Piraten sind los“, hieß es": a quotation is not the clause it goes on
        previous = next((c for c in reversed(self.clauses(sentence)) if c and c[-1].i < words[0].i), None)
        if not previous or previous[-1].i < words[0].i - 2:
            return None
        found = parse(previous, _in_spans(previous, self.line_spans))
        if found.fields.subordinate or found.fields.finite is None or found.subject is None:
            return None
        return found.subject

    def _front_before_embedded(self, part: list["Token"], sentence: list["Token"]) -> list["Token"]:
        """The Vorfeld of a main clause that goes on after a clause embedded in it ("Die Stadt,
        die ... hatte, | eröffnete am Montag ..."): the tokens before the comma that opens the
        embedded clause, when ``part`` opens with the finite verb right after a comma. [] otherwise."""
        words = [t for t in part if not t.punct]
        if not words or words[0].tag_ not in _FINITE or words[0].i == 0:
            return []
        previous = self.tokens[words[0].i - 1]
        if previous.tag_ != "$,":
            return []
        embedded = next((c for c in reversed(self.clauses(sentence)) if c and c[-1].i < words[0].i), None)
        if not embedded or not embedded[0].is_sent_start:
            return []
        comma = next((t.i for t in sentence if embedded[0].i < t.i < embedded[-1].i and t.tag_ == "$,"), None)
        if comma is None:
            return []
        front = [t for t in embedded if t.i < comma]
        rest = [t for t in embedded if t.i > comma and not t.punct]
        if _has_verb(front) or not any(t.tag_ in _NOUN or t.tag_ == "PPER" for t in front) or not rest:
            return []
        # a subordinate clause, or a relative one whose pronoun the tagger read as an article
        # ("die/ART 2012 das Gebäude gekauft hatte"): verb last
        if not (_opens_subordinate(rest) or rest[0].lower_ in _RELATIVE_FORMS and rest[-1].tag_ in _FINITE):
            return []
        return [t for t in front if not t.punct]

    def _who(
        self, parsed: "Parsed", start: int, end: int, antecedent: "Group | None" = None
    ) -> tuple[list[str], str | None]:
        """Keys of the people and organisations of the clause, its subject first; a pronoun subject
        resolved (to ``antecedent``, the subject before it that agrees, when there is one); a clause
        that shares the subject of the clause before ("... und soll im Dezember einsatzbereit sein")
        has that subject's people (``antecedent``)."""
        keys = _keys(self.ents, start, end, WHO_LABELS, self.ent_reach)
        tokens = parsed.tokens
        if not tokens:
            return keys, None
        f = parsed.fields
        subject = parsed.subject
        keys = keys + [k for k in self._named_again(tokens) if k not in keys]
        if subject is None and antecedent is None:
            # "Dem Mann wird vorgeworfen ...", "Den Beamten gelang ...": a clause without subject is
            # about its fronted dative or accusative, a role noun
            front = noun_groups(f.vorfeld) if not f.subordinate else []
            if front and not front[0].governed and front[0].accusative_or_dative and f.vorfeld[0].tag_ == "ART":
                role = _role(front[0], self.doc, articles=_FRONTED_OBJECT_ARTICLES)
                return role + [k for k in keys if k not in role], None
            return keys, None
        if subject is None and antecedent is not None and antecedent.tokens[0].tag_ in ("PPER", "PIS"):
            subject, antecedent = antecedent, None  # "Er kam und wurde ...": resolve the shared pronoun
        if antecedent is not None:
            a_start = antecedent.tokens[0].idx
            a_end = antecedent.tokens[-1].idx + len(antecedent.tokens[-1].text)
            first = (
                self._named_institution(antecedent)
                or _keys(self.ents, a_start, a_end, WHO_LABELS, self.ent_reach)
                or self._institution(antecedent) or _role(antecedent, self.doc, f.finite)
            )
            return first + [k for k in keys if k not in first], group_text(antecedent)
        s_start = subject.tokens[0].idx
        s_end = subject.tokens[-1].idx + len(subject.tokens[-1].text)
        if len(subject.tokens) == 1 and subject.tokens[0].tag_ in ("PPER", "PIS"):
            resolved = self._resolve(subject.tokens[0], f.finite)
            if not resolved:
                return keys, None
            first = list(dict.fromkeys(e.key for e in resolved))
            keys = first + [k for k in keys if k not in first]
            if len(resolved) > 1:
                return keys, None
            name = split_entity_key(resolved[0].key)[1]
            words = name.split()
            if resolved[0].label == "PER" and not (len(words) > 2 and words[-2][:1].islower()) and not (
                _REGNAL.fullmatch(words[-1])
            ):
                name = words[-1]  # the surname; a name with "von", "de" ... or a regnal number stays whole
            return keys, name
        first: list[str] = []
        if subject.tokens[0].lower_ == "beide" and len(subject.tokens) > 1:
            # "Beide Unternehmen unterzeichneten ...": the two named before, like the pronoun "beide"
            first = list(dict.fromkeys(e.key for e in self._resolve(subject.tokens[0], f.finite)))
        for part in _conjuncts(subject) if not first else []:
            # "Die Grünen und die Bürgerliste hatten ...": each of coordinated subjects
            p_start, p_end = part.tokens[0].idx, part.tokens[-1].idx + len(part.tokens[-1].text)
            found = (
                self._named_institution(part)
                or _keys(self.ents, p_start, p_end, WHO_LABELS, self.ent_reach)
                or self._institution(part)
                or _role(part, self.doc, f.finite, articles=_SUBJECT_ARTICLES)
                or self._acting_place(part, f)
            )
            first += [k for k in found if k not in first]
        first = first + [k for k in self._agent(parsed) if k not in first]
        return first + [k for k in keys if k not in first], None

    def _agent(self, parsed: "Parsed") -> list[str]:
        """Who did what a passive clause tells ("wurde von der Polizei festgenommen": the police,
        "von Mitarbeitern des Amtes": the staff), when the agent is an institution or a role; a
        name among the agent's words is among the clause's keys already."""
        agent = passive_agent(parsed)
        if agent is None:
            return []
        free = Group(agent.tokens, False, None)
        found = self._institution(free)
        if found:
            return found
        head = agent.head
        low = head.lower_
        if head.tag_ != "NN" or low.endswith(_NOT_ROLES):
            return []
        if low.endswith(_ROLE_ENDINGS):
            return [head.text]
        if low.endswith("n") and low[:-1].endswith(_ROLE_ENDINGS):
            return [head.text[:-1]]  # a dative plural: "von Mitarbeitern"
        return []

    def _acting_place(self, subject: "Group", f: "Fields") -> list[str]:
        """A country or city that is the subject of a deed ("Polen schloss einen Waffenstillstand",
        "Russland hat ... angegriffen"): it acts, so it is the who; not with a verb of state or
        a passive ("Bozen ist eine Stadt", "Bozen wurde gegründet")."""
        if f.finite is None or (f.finite.lower_ in _STATE_VERBS and not f.right) or (
            f.finite.lower_ in _PASSIVE_AUXILIARIES and any(t.tag_ == "VVPP" for t in f.right)
        ):
            return []
        if any(t.tag_ not in ("NE", "ART") for t in subject.tokens):
            return []
        start = subject.tokens[0].idx
        end = subject.tokens[-1].idx + len(subject.tokens[-1].text)
        return _keys(self.ents, start, end, WHERE_LABELS, self.ent_reach)[:1]

    def _subject_before(
        self, parsed: "Parsed", part: list["Token"], inherited: "Group | None", sentence: list["Token"]
    ) -> "Group | None":
        """The noun subject a pronoun subject ("er", "sie") takes up: the subject of the clause
        before it in its sentence ("Die Frau erlitt einen Schock, aber sie konnte ..."), else of the
        main clause of the sentence before, when article and verb agree with the pronoun ("er":
        der/ein; "sie" with a singular verb: die/eine). None for a name (the entities resolve it),
        another pronoun or no agreement."""
        subject = parsed.subject
        if subject is None or len(subject.tokens) != 1 or subject.tokens[0].tag_ != "PPER" or parsed.fields.finite is None:
            return None
        pronoun = subject.tokens[0].lower_
        if pronoun not in ("er", "sie") or not part:
            return None
        plural = parsed.fields.finite.lower_.endswith("n")
        candidates: list["Group"] = [inherited] if inherited is not None else []
        if not candidates:
            earlier = [c for c in self.clauses(sentence) if c and c[-1].i < part[0].i]
            for clause in reversed(earlier):
                found = parse(clause, _in_spans(clause, self.line_spans))
                if found.subject is not None and not found.fields.subordinate:
                    candidates.append(found.subject)
                    break
        if len(candidates) < 2:
            # the sentence before as well: "„Die Frächter haben ...“, sagte er" does not take up
            # "die Frächter" but "Der Landeshauptmann" before it
            previous = self._previous_sentence(sentence)
            main = next((c for c in self.clauses(previous) if c and _has_verb(c)), None) if previous else None
            if main is not None:
                found = parse(main, _in_spans(main, self.line_spans))
                if found.subject is not None and not found.fields.subordinate:
                    candidates.append(found.subject)
        speaks = parsed.fields.finite.lower_ in _REPORTING_VERBS or parsed.fields.finite.lower_ in _OPINION_VERBS
        for group in candidates:
            head = group.head
            institution = head.tag_ == "NN" and not self._in_entity(head) and bool(self._institution(group)) and (
                not any(t.tag_ == "NE" for t in group.tokens) or bool(self._named_institution(group))
            )
            if not institution and (
                group.governed or any(t.tag_ == "NE" or self._in_entity(t) for t in group.tokens) or (
                    head.tag_ != "NN" and not nominalised(group.tokens, group.tokens.index(head))
                )
            ):
                return None  # a name, a pronoun: the entities resolve it
            if speaks and not institution and not _role(group, self.doc, articles=_SUBJECT_ARTICLES):
                continue  # "sagte er": who speaks is a person or an organisation, not "der Windpark"
            article = group.tokens[0].lower_
            if pronoun == "er":
                agrees = article in ("der", "ein") and not plural
            else:
                agrees = article in ("die", "eine") and not plural
            if agrees:
                return group
            if inherited is not None:
                return None  # the shared subject of "..., und er": no other
        return None

    def _speakers(self, part: list["Token"], sentence: list["Token"]) -> list[str]:
        """The people and organisations a report is attributed to ("sagte Dreesen", "laut Eurostat")."""
        ids = {t.i for t in part}
        keys: list[str] = []
        for clause in self.clauses(sentence):
            if ids & {t.i for t in clause} and not any(t.lower_ in _REPORT_WORDS for t in clause):
                continue
            if any(t.lower_ in _REPORTING_VERBS or t.lower_ in _REPORT_WORDS for t in clause):
                start, end = clause[0].idx, clause[-1].idx + len(clause[-1].text)
                keys += [k for k in _keys(self.ents, start, end, WHO_LABELS, self.ent_reach) if k not in keys]
        return keys

    def _named_again(self, tokens: list["Token"]) -> list[str]:
        """Keys of people named in full elsewhere whose surname the tagger missed here ("Trump")."""
        found = []
        for t in tokens:
            key = self.surnames.get(t.text)
            if key is not None and t.text[:1].isupper() and not self._in_entity(t) and key not in found:
                found.append(key)
        return found

    def _institution(self, subject: "Group") -> list[str]:
        """The organisation a subject without a name stands for ("das Bundeskabinett", "der Verein"),
        with the complement that names its field ("das Amt für Jagd und Fischerei"); a definite
        institution noun alone takes up the institution of that noun named before in the article
        ("das Amt" after "das Amt für Jagd und Fischerei", "der Verband" after "der
        Mieterschutzverband")."""
        toks = subject.tokens
        first = next(
            (
                n for n, t in enumerate(toks)
                # "Bauernbund/NE": a noun of an institution the tagger read as a name
                if (t.tag_ == "NN" or t.tag_ == "NE" and len(t.text) > 6 and t.lower_.endswith(_INSTITUTION_ENDINGS))
                and not _place_adjective(toks, n)
            ),
            None,
        )
        if first is None or subject.governed:
            return []
        head = toks[first]
        low = head.lower_
        if low.endswith(_NOT_INSTITUTIONS):
            return []
        if low in _ANAPHORIC_INSTITUTIONS:
            earlier = [e for e in self.ents if e.label == "ORG" and e.end <= head.idx]
            if earlier:
                return [earlier[-1].key]
        if low in _ANAPHORIC_INSTITUTIONS or low.endswith(_INSTITUTION_ENDINGS) or low.endswith("n") and (
            low[:-1].endswith(_INSTITUTION_ENDINGS) or low[:-2].endswith(_INSTITUTION_ENDINGS)
        ):  # "die Behörden", "die Gewerkschaften": the plural of an institution
            named = self._complemented().get(head.idx)
            if named is not None:
                return [entity_key("ORG", named)]
            # the head and the name after it ("Gemeinderat Feldthurns"), not its adjectives but the
            # place it belongs to ("Südtiroler Bauernbund")
            named = [toks[first - 1]] if first and _place_adjective(toks, first - 1) else []
            words = [head]
            for t in toks[first + 1 :]:
                if t.tag_ not in ("NE", "NN") or len(words) >= 3:
                    break
                words.append(t)
            if len(words) == 1 and not named and toks[0] is not head and toks[0].lower_ in _DEFINITE_ARTICLES and (
                toks[1] is head
            ):
                before = self._named_before(head)
                if before is not None:
                    return [before]
            return [entity_key("ORG", " ".join(t.text for t in named + words))]
        return []

    def _named_institution(self, group: "Group") -> list[str]:
        """An institution noun that heads its group ahead of a name ("die Freiwillige Feuerwehr
        Schlanders", "das Landesgericht Trient"): the institution, not the place or person the
        tagger may see in the name; [] when the noun is inside a name the tagger found."""
        if not any(t.tag_ == "NE" for t in group.tokens):
            return []
        head = group.head
        if head.tag_ != "NN" or self._in_entity(head):
            return []
        start, end = group.tokens[0].idx, group.tokens[-1].idx + len(group.tokens[-1].text)
        if _keys(self.ents, start, end, ("ORG",), self.ent_reach):
            return []  # "Gewerkschaft IG Metall": the name is the organisation's
        people = _keys(self.ents, start, end, ("PER",), self.ent_reach)
        places = {e.text for e in self.ents if e.label in WHERE_LABELS}
        if any(split_entity_key(k)[1] not in places for k in people):
            return []  # "verlieh der Senat Octavian den Ehrennamen": a person after it is another phrase
        return self._institution(group)

    def _complemented(self) -> dict[int, str]:
        """Institutions named with the field they are for, by the start of their noun ("Amt für Jagd
        und Fischerei", "Landesinstitut für Statistik", "Dachverband für Natur- und Umweltschutz")."""
        if self._complemented_names is None:
            found: dict[int, str] = {}
            for m in _COMPLEMENTED_INSTITUTION.finditer(self.text):
                noun = m.group(1).lower()
                if noun.endswith(_INSTITUTION_ENDINGS) and not noun.endswith(_NOT_INSTITUTIONS):
                    found[m.start(1)] = " ".join(m.group(0).split())
            self._complemented_names = found
        return self._complemented_names

    def _named_before(self, head: "Token") -> str | None:
        """The key of the institution a definite noun alone takes up ("das Amt", "der Verband"): the
        nearest one before it named with that noun, with its field or as the end of a compound or
        of an organisation's name."""
        low = head.lower_
        best: tuple[int, str] | None = None
        for start, named in self._complemented().items():
            if start < head.idx and named.split()[0].lower() == low:
                best = max(best or (start, named), (start, named))
        for e in self.ents:
            if e.end > head.idx:
                break
            if e.label == "ORG" and e.text.split()[0].lower().endswith(low) and len(e.text) > len(head.text):
                best = max(best or (e.start, e.key), (e.start, e.key))
        for m in re.finditer(rf"\b[A-ZÄÖÜ][\wäöüß]+{re.escape(low)}\b", self.text[: head.idx]):
            best = max(best or (m.start(), m.group(0)), (m.start(), m.group(0)))
        if best is None:
            return None
        _, named = best
        return named if ":" in named else entity_key("ORG", named)

    def _resolve(self, pronoun: "Token", finite: "Token | None") -> list[Entity]:
        """What a pronoun subject most likely stands for.

        "er": the nearest person before it, preferring the first one of the nearest sentence that
        names one (the subject of that sentence, most often); "sie" with a singular verb: the same
        for a person or an organisation; "sie" with a plural verb: the people and organisations
        named before it in its own sentence, when there are at least two.
        """
        low = pronoun.lower_
        plural = finite is not None and finite.lower_.endswith("n")
        before = [e for e in self.ents if e.end <= pronoun.idx]
        if (low == "sie" and plural) or low == "beide":
            if not self.has_sents:
                return []
            sent = self.doc[pronoun.i].sent
            for start, stop in ((sent.start_char, pronoun.idx), (self._previous_sentence_start(sent), sent.start_char)):
                group = [e for e in before if start <= e.start < stop and e.label in WHO_LABELS]
                keys = list(dict.fromkeys(e.key for e in group))
                if len(keys) >= 2:
                    return [next(e for e in group if e.key == k) for k in keys]
            return []
        if low == "er":
            labels: tuple[str, ...] = ("PER",)
        elif low == "sie":
            labels = ("PER", "ORG")
        else:
            return []
        fitting = [e for e in before if e.label in labels]
        if not fitting:
            return []
        last = fitting[-1]
        if not self.has_sents:
            return [last]
        # the first fitting name of the sentence the nearest one stands in
        sent = self.doc.char_span(last.start, last.end, alignment_mode="expand")
        if sent is None:
            return [last]
        start = sent.sent.start_char
        same = [e for e in fitting if e.start >= start]
        if len(same) > 1:
            # "Als sein Vater Philipp II. ermordet wurde, übernahm Alexander ...": a person of a
            # subordinate clause is not the one the next "er" takes up when the main clause names one
            main = self._outside_subordinate(same, sent.sent.start, sent.sent.end)
            if main:
                return [main[0]]
        return [same[0]]

    def _outside_subordinate(self, ents: list[Entity], lo: int, hi: int) -> list[Entity]:
        """Those of ``ents`` that do not stand in a subordinate clause of the sentence of tokens [lo, hi)."""
        sentence = [t for t in self.tokens.span(lo, hi) if not t.is_space]
        spans = []
        for clause in self.clauses(sentence):
            words = [t for t in clause if not t.punct]
            if words and _opens_subordinate(words):
                spans.append((clause[0].idx, clause[-1].idx + len(clause[-1].text)))
        if not spans:
            return []
        return [e for e in ents if not any(a <= e.start < b for a, b in spans)]

    def _with_report(self, what: str, part: list["Token"], sentence: list["Token"], skip, subject_name) -> str:
        """A reporting clause ("Peskow betonte", "Das teilte der Verein mit") with what was reported.

        The report is the clause before a reporting verb that opens its clause ("..., betonte
        Peskow"), else the clause after it ("Trump sagte, er werde ..."); "das"/"dies" as the object
        points to the sentence before.
        """
        verbs = [t for t in part if t.tag_ in _VERB]
        content = [t for t in part if not t.punct]
        announces = any(t.lower_ in _GIVE_FORMS for t in verbs) and any(t.lower_ == "bekannt" for t in content)
        if not announces and not any(t.lower_ in _REPORTING_VERBS for t in verbs):
            return what
        if any(t.tag_ in ("NN", "NE") and t.i > verbs[0].i and not self._in_entity(t) and t.i not in skip
               and t.lower_ not in ("angaben",) for t in content[:0]):
            return what
        ids = {t.i for t in part}
        clauses = [c for c in self.clauses(sentence) if c and _has_verb(c)]
        mine = next((n for n, c in enumerate(clauses) if ids & {t.i for t in c}), None)
        other = None
        if any(
            t.lower_ in ("das", "dies") and (t.tag_ == "PDS" or (n + 1 < len(content) and content[n + 1].tag_ in _FINITE))
            or (t.lower_ == "es" and n > 0 and content[n - 1].tag_ in _FINITE and content[0].lower_ == "so")
            for n, t in enumerate(content)
        ):  # "Das teilte der Verein mit", "So verkündete es der US-Präsident": what was said before
            if mine is not None and mine > 0:
                other = clauses[mine - 1]
            else:
                previous = self._previous_sentence(sentence)
                main = [c for c in self.clauses(previous) if c and _has_verb(c)] if previous else []
                other = main[0] if main else None
        elif mine is not None and mine > 0 and content and content[0].lower_ == "wie" and content[-1].tag_ in _VERB:
            # "Das Tier wurde betäubt, wie die Landesverwaltung mitteilte": what the main clause before says
            back = mine - 1
            while back > 0 and _opens_subordinate([t for t in clauses[back] if not t.punct and t.text not in _QUOTES] or [clauses[back][0]]):
                back -= 1
            other = clauses[back]
        elif mine is not None and len(clauses) > 1:
            verb_first = content[:1] == verbs[:1]
            if verb_first and mine > 0:
                # the main clause of what was said, not a clause that depends on it ("„Die Frächter
                # haben erfahren, dass die Strecke zu ist“, sagte er")
                back = mine - 1
                while back > 0 and _opens_subordinate([t for t in clauses[back] if not t.punct and t.text not in _QUOTES] or [clauses[back][0]]):
                    back -= 1
                other = clauses[back]
            elif mine + 1 < len(clauses):
                other = clauses[mine + 1]
        if other is None:
            return what
        reported = headline(other, _in_spans(other, self.timex_spans), [], None, None, set())
        core = headline(part, skip, [], subject_name, None, set(), core_only=True) or what
        if not reported or len(core.split()) + len(reported.split()) > MAX_LINE_WORDS + 2:
            return what
        return f"{core}: {reported}"

    def _elaborated(self, what: str, part: list["Token"], clause: list["Token"], sentence: list["Token"]) -> str:
        """A line that says nothing ("hieß es", "ging es zu") replaced by the relative clause that
        says what happened then ("..., in der die Kinder einen Ausflug machten")."""
        content = [t for t in part if not t.punct]
        f = fields_of(content)
        if f.finite is None:
            return what
        subject = subject_of(f)[0]
        if subject is not None and not (len(subject.tokens) == 1 and subject.tokens[0].lower_ == "es"):
            return what
        if any(t.tag_ in ("NN", "NE") for t in f.mittelfeld if not self.timex_spans.overlaps(t.idx, t.idx + 1)):
            return what
        clauses = self.clauses(sentence)
        last = clause[-1].i if clause else -1
        following = next((c for c in clauses if c and c[0].i > last), None)
        if following is None:
            return what
        words = [t for t in following if not t.punct]
        if not words or not _opens_subordinate(words) or words[0].tag_ not in ("APPR", "APPRART"):
            return what
        line = headline(following, _in_spans(following, self.timex_spans), clause, None, None, set())
        return line or what

    def _with_infinitive(self, what: str, part: list["Token"], sentence: list["Token"]) -> str:
        """A line whose verb goes on in the next clause as a zu-infinitive ("Faschisten haben begonnen,
        unsere deutsche Kultur auszuradieren"), with that infinitive when it fits."""
        if not part or len(what.split()) > 6:
            return what
        clauses = self.clauses(sentence)
        following = next((c for c in clauses if c and c[0].i > part[-1].i), None)
        if following is None or following[0].i > part[-1].i + 2:
            return what  # not right after the clause (", und hatte ... angekündigt, erneut anzutreten")
        words = [t for t in following if not t.punct]
        if not words or any(t.tag_ in _FINITE for t in words) or words[0].tag_ in ("KOUI", "KOUS", "PRELS"):
            return what  # "um ... zu", a subordinate clause: not the verb's complement
        if not any(t.tag_ in ("VVIZU", "PTKZU") or (t.tag_ == "VVINF" and _ZU_INFINITIVE.match(t.lower_)) for t in words):
            return what
        rest = headline(following, _in_spans(following, self.timex_spans))
        if not rest or len(what.split()) + len(rest.split()) > MAX_LINE_WORDS + 1:
            return what
        return f"{what}, {rest}"

    def _with_controller(self, what: str, part: list["Token"], sentence: list["Token"]) -> str:
        """A zu-infinitive clause with the clause it completes, right before it, cut to its subject
        and verb: "Roland Lang regt an, eine Partnerschaft mit einer nördlichen Stadt zu wählen"."""
        words = [t for t in part if not t.punct]
        if not words or not any(
            t.tag_ in ("VVIZU", "PTKZU") or (t.tag_ == "VVINF" and _ZU_INFINITIVE.match(t.lower_)) for t in words
        ):
            return what
        if words[0].tag_ in ("KOUI", "KOUS"):
            return what  # "um ... zu", "ohne ... zu": an adverbial, not what the verb before says
        previous = next((c for c in reversed(self.clauses(sentence)) if c and c[-1].i < part[0].i), None)
        if previous is None or previous[-1].i < part[0].i - 2:
            return what
        content = [t for t in previous if not t.punct]
        if not any(t.tag_ in _FINITE for t in content):
            return what
        core = headline(previous, _in_spans(previous, self.timex_spans), core_only=True)
        if not core or len(core.split()) < 2 or len(core.split()) + len(what.split()) > MAX_LINE_WORDS + 1:
            return what
        return f"{core}, {what}"

    def _pronoun_objects(self, parsed: "Parsed", sentence: list["Token"]) -> dict[int, str]:
        """The nouns an object pronoun of the clause stands for (see ``object_antecedents``)."""
        if not any(t.tag_ == "PPER" and t.lower_ in ("es", "sie", "ihn") for t in parsed.fields.mittelfeld):
            return {}
        previous = self._previous_sentence(sentence)
        if not previous:
            return {}
        main = next((c for c in self.clauses(previous) if c and _has_verb(c)), None)
        if main is None:
            return {}
        return object_antecedents(parsed, parse(main, _in_spans(main, self.timex_spans)))

    def _previous_sentence(self, sentence: list["Token"]) -> list["Token"]:
        if not sentence or not self.has_sents or sentence[0].i == 0:
            return []
        prev = self.doc[sentence[0].i - 1].sent
        return [t for t in self.tokens.span(prev.start, prev.end) if not t.is_space]

    def _in_entity(self, token: "Token") -> bool:
        i = bisect.bisect_right(self.ent_starts, token.idx) - 1
        return i >= 0 and self.ents[i].end > token.idx

    def _previous_sentence_start(self, sent) -> int:
        if sent.start == 0:
            return sent.start_char
        return self.doc[sent.start - 1].sent.start_char

    def _where(self, start: int, end: int, year: int | None = None) -> list[str]:
        """The places of [start, end), else the place the article reports from; in a history (see
        ``_is_history``) that place is not where events long before publication happened (the
        battles of a text dated "ROM." or opening in Rome)."""
        places = _keys(self.ents, start, end, WHERE_LABELS, self.ent_reach)
        if places and "ichtung" in self.text[start:end]:
            # "in Richtung Brenner", "Richtung Süden": a direction, not where it happens
            towards = {
                e.key for e in self.ents
                if start <= e.start < end and e.key in places
                and self.text[max(start, e.start - 12):e.start].rstrip().lower().endswith("richtung")
            }
            places = [k for k in places if k not in towards]
        if not places:
            places = self._landscapes(start, end)
        if not places and self.place:
            if self.history_before is not None and year is not None and year < self.history_before:
                return []
            return [self.place]
        return places

    def _landscapes(self, start: int, end: int) -> list[str]:
        """Valleys, regions, passes and lakes the tagger did not take for places, named after a local
        preposition ("im Vinschgau", "im Passeiertal", "am Brennerpass"): a word that ends like one."""
        if not _LANDSCAPE_WORD.search(self.text, start, end):
            return []
        toks = _tokens_between(self.tokens, self.token_starts, start, end)
        found: list[str] = []
        for before, t in zip(toks, toks[1:]):
            low = t.lower_
            if before.lower_ not in _PLACE_PREPOSITIONS or t.tag_ not in ("NN", "NE") or not t.text[:1].isupper():
                continue
            ending = next((e for e in _LANDSCAPE_ENDINGS if low.endswith(e)), None)
            if ending is not None and len(low) >= len(ending) + 3 and not low.endswith(_NOT_LANDSCAPES):
                key = entity_key("LOC", t.text)
                if key not in found:
                    found.append(key)
        return found

    def lead_event(self, paragraphs, sentences, events, is_caption) -> Event | None:
        """The main event of a lead sentence that reports news without a date, dated from publication."""
        assert self.published is not None
        sent_starts = [s for s, _ in sentences]
        tried = 0
        for para_start, para_end in paragraphs:
            if tried >= 2:
                return None
            if para_end - para_start < 40 or is_caption(para_start):
                continue
            tried += 1
            if any(para_start <= e.timex_start < para_end for e in events):
                return None  # the lead gives its date
            first = bisect.bisect_right(sent_starts, para_start) - 1
            first = max(first, 0)
            s_start, s_end = sentences[first]
            s_start, s_end = max(s_start, para_start), min(s_end, para_end)
            m = DATELINE.match(self.text, s_start)
            if m is not None and m.start() == s_start and s_end - m.end() < 3:
                # the splitter cut after the dateline: the lead is the next sentence
                if first + 1 >= len(sentences):
                    return None
                s_start, s_end = sentences[first + 1][0], min(sentences[first + 1][1], para_end)
            sentence = _tokens_between(self.tokens, self.token_starts, s_start, s_end)
            if m is not None and m.start() <= s_start < m.end():
                sentence = [t for t in sentence if t.idx >= m.end()]
            verdict = self._lead_clause(sentence)
            if verdict is None:
                continue
            clause = verdict
            start, end = clause[0].idx, clause[-1].idx + len(clause[-1].text)
            parsed = parse(clause)
            who, subject_name = self._who(parsed, start, end)
            what = headline(clause, set(), [], subject_name, parsed=parsed)
            if not what:
                return None
            retold = self._retold(parsed, s_end, sentences, events)
            date = retold.date if retold is not None else self.published.isoformat()
            return Event(
                start=start,
                end=end,
                date=date,
                granularity="day",
                what=what,
                text=self.text[start:end],
                who=who,
                where=self._where(start, end),
                value=retold.value if retold is not None else self.published.isoformat(),
                status=_status(clause, sentence, self.published, self.published),
                inferred=True,
                sentence_start=s_start,
                sentence_end=s_end,
            )
        return None

    def _retold(self, lead: "Parsed", lead_end: int, sentences, events: list[Event]) -> Event | None:
        """A dated event of the next three sentences that tells the lead's happening again: its
        subject's noun is the lead subject's or its head ("Ein Erdbeben ... hat ... erschüttert. |
        Das Beben ereignete sich am Montagabend"), on a day not after publication."""
        if lead.subject is None or lead.subject.head.tag_ != "NN":
            return None
        noun = lead.subject.head.lower_
        following = [s for s in sentences if s[0] >= lead_end][:3]
        if not following:
            return None
        limit = following[-1][1]
        for e in events:
            if not lead_end <= e.timex_start < limit or e.granularity != "day" or e.inferred:
                continue
            if self.published is not None and e.date > self.published.isoformat():
                continue
            clause = _tokens_between(self.tokens, self.token_starts, e.start, e.end)
            parsed = parse(clause, _in_spans(clause, self.line_spans))
            if parsed.subject is None or parsed.subject.head.tag_ != "NN":
                continue
            other = parsed.subject.head.lower_
            if len(other) >= 4 and (noun.endswith(other) or other.endswith(noun)):
                return e
        return None

    def _lead_clause(self, sentence: list["Token"]) -> list["Token"] | None:
        """The main clause of a lead sentence that reports news, or None (a state, a question, a "we")."""
        if not sentence or any(t.text == "?" for t in sentence) or len(sentence) < 5:
            return None
        main = None
        for clause in self.clauses(sentence):
            f = fields_of([t for t in clause if not t.punct])
            if f.finite is not None and not f.subordinate:
                main = (clause, f)
                break
        if main is None:
            return None
        clause, f = main
        words = {t.lower_ for t in clause}
        if f.finite.lower_ in _NO_NEWS_FINITE or words & _HABITUAL or "seit" in words:
            return None  # a possibility, a habit, a state or trend since a time ("steigt seit Jahren")
        if f.finite.lower_ in _OPINION_VERBS:
            return None  # "..., sagt Helmuth Sinn": an interview's voice, not a dated happening
        subject, _ = subject_of(f)
        if subject is None or subject.tokens[0].lower_ in _NO_NEWS_SUBJECTS:
            return None
        nonfinite = [t for t in clause if t.tag_ in _VERB and t.tag_ not in _FINITE]
        if f.finite.lower_ in _STATE_VERBS and not nonfinite:
            return None  # "ist ein starker Partner", "steht unter neuer Leitung"
        return clause


def _role(
    subject: "Group", doc: "Doc | None" = None, finite: "Token | None" = None, articles: frozenset = _DEFINITE_ARTICLES
) -> list[str]:
    """The person a definite subject without a name stands for ("Der Angeklagte wurde verurteilt"),
    or the people a plural subject without a determiner names by role ("Ermittler gaben ... bekannt";
    ``finite``: the clause's finite verb, whose number tells the plural)."""
    toks = subject.tokens
    if subject.governed or not toks:
        return []
    bare = toks[0].tag_ in _BARE_SUBJECT_PREFIX or toks[0].tag_ == "NN"
    if bare:
        # "Geologen", "Zwei Ermittler", "Italienische Forscher" before a plural verb
        if finite is None or not finite.lower_.endswith("n") or any(t.tag_ == "NE" for t in toks):
            return []
        head = next((t for t in toks if t.tag_ == "NN"), None)
        if head is None or toks[-1] is not head or any(t.tag_ not in _BARE_SUBJECT_PREFIX for t in toks[:-1]):
            return []
        low = head.lower_
        if low.endswith(_NOT_ROLES) or not low.endswith(_ROLE_ENDINGS):
            return []
        return [head.text]
    if len(toks) < 2 or toks[0].lower_ not in articles or toks[0].tag_ != "ART":
        return []
    if toks[0].lower_ == "das":
        return []  # a person is not neuter: "das Thermometer", "das Wasser"
    head = next(
        (
            t for n, t in enumerate(toks)
            if n and (t.tag_ == "NN" or nominalised(toks, n)) and not measure_noun(toks, n) and not _place_adjective(toks, n)
        ),
        None,
    )
    if head is None or any(
        t.tag_ not in ("ADJA", "ADV", "CARD") and not measure_noun(toks, n)
        for n, t in enumerate(toks[:toks.index(head)]) if n
    ):
        return []
    low = head.lower_
    if low.endswith(_NOT_ROLES) or not low.endswith(_ROLE_ENDINGS):
        return []
    if doc is not None and "Neut" in doc[head.i].morph.get("Gender"):
        return []  # "die Thermometer" (plural): the noun's own gender
    return [head.text]


def _conjuncts(group: "Group") -> list["Group"]:
    """The groups a coordinated group joins ("die Grünen und die Bürgerliste"), or the group."""
    toks = group.tokens
    cuts = [
        n for n, t in enumerate(toks)
        if 0 < n < len(toks) - 1 and t.tag_ == "KON" and t.lower_ in ("und", "sowie")
        and not any(w.lower_ == "zwischen" for w in toks[:n])  # "Gespräche zwischen Washington und Moskau"
    ]
    if not cuts or toks[cuts[0] - 1].tag_ == "TRUNC":
        return [group]  # "Natur- und Umweltschutz": one noun
    parts, start = [], 0
    for cut in cuts + [len(toks)]:
        if toks[start:cut]:
            parts.append(Group(toks[start:cut], group.governed, group.preposition))
        start = cut + 1
    # each with its own article or its own name; "die Kabarettistin und Sexualpädagogin Barbara
    # Balldini" is one person with two titles
    if all(p.tokens[0].tag_ in ("ART", "PPOSAT", "PDAT", "PIAT") for p in parts) or all(
        any(t.tag_ == "NE" for t in p.tokens) for p in parts
    ):
        return parts
    return [group]


def _place_adjective(toks: Sequence["Token"], n: int) -> bool:
    """A capitalised word in -er before a noun of its group is the adjective of a place ("der
    Südtiroler Bauernbund", "die Bozner Polizei"), not the group's noun or a role."""
    t = toks[n]
    if t.tag_ not in ("NN", "NE", "ADJA") or not t.text[:1].isupper() or not t.lower_.endswith("er"):
        return False
    if t.lower_.endswith(_INSTITUTION_ENDINGS) or n + 1 >= len(toks):
        return False  # "Arbeiterkammer Südtirol": the institution and its place
    after = toks[n + 1]
    return after.text[:1].isupper() and (
        after.tag_ == "NN" or after.tag_ == "NE" and after.lower_.endswith(_INSTITUTION_ENDINGS)
    )


def _object_after_verb(parsed: "Parsed") -> bool:
    """A coordinated main clause that opens with its finite verb ("und schlug Hannibal ...") whose
    subject the parse found after the verb: a noun group, not a pronoun ("und sagte er")."""
    f, subject = parsed.fields, parsed.subject
    if subject is None or f.finite is None or f.subordinate or f.vorfeld:
        return False
    return subject.tokens[0].i > f.finite.i and subject.tokens[0].tag_ not in ("PPER", "PIS", "PDS", "PRF")


def _conjunct(
    clause: list["Token"], timex: Timex, spans: "_Spans | None" = None
) -> tuple[list["Token"], "Group | None"]:
    """The part of a clause of coordinated verbs that holds the date, and the subject it shares.

    "Eurosur steht am Mittwoch zur Abstimmung und soll Anfang Dezember einsatzbereit sein":
    "soll Anfang Dezember einsatzbereit sein", sharing "Eurosur".
    """
    cuts = [
        n for n, t in enumerate(clause)
        if t.tag_ == "KON" and t.lower_ in ("und", "aber", "oder", "sowie", "doch")
        and any(x.tag_ in _FINITE for x in clause[:n]) and any(x.tag_ in _FINITE for x in clause[n + 1:])
        and not (spans is not None and 0 < n < len(clause) - 1 and all(
            spans.overlaps(x.idx, x.idx + len(x.text)) for x in (clause[n - 1], clause[n + 1])
        ))  # "zwischen 2020 und 2021": the "und" of a range joins two dates, not two clauses
    ]
    if not cuts:
        return clause, None
    parts, last = [], 0
    for n in cuts:
        parts.append(clause[last:n])
        last = n + 1
    parts.append(clause[last:])
    for n, part in enumerate(parts):
        if part and part[0].idx <= timex.start < part[-1].idx + len(part[-1].text) + 1:
            if n == 0:
                return part, None
            f = fields_of([t for t in parts[0] if not t.punct])
            shared = subject_of(f)[0] if f.finite is not None else None
            return part, shared
    return clause, None


def _clauses(sentence: list["Token"]) -> list[list["Token"]]:
    """The clauses of a sentence, cut at commas, semicolons, colons and dashes.

    A piece without a verb (an apposition, a list, a fronted phrase) joins the clause before it,
    or the first clause when it opens the sentence; one that opens with a subordinator ("in der
    die Kinder mit dem Team Lukas, | Julia | ... bastelten") starts the clause the next pieces
    join; a piece of verbs alone (", des heiligen Sebastian, | gedacht") closes the clause before.
    """
    pieces: list[list["Token"]] = [[]]
    for token in sentence:
        if _is_clause_break(token):
            pieces.append([])
        else:
            pieces[-1].append(token)
    clauses: list[list["Token"]] = []
    prefix: list["Token"] = []
    open_clause = False  # the last clause opened with a subordinator and has no verb yet
    for piece in pieces:
        if not piece:
            continue
        words = [t for t in piece if not t.punct]
        verbs_only = bool(words) and all(t.tag_ in _VERB or t.tag_ in ("PTKVZ", "PTKZU") for t in words)
        if clauses and verbs_only and len(words) <= 3 and not open_clause:
            clauses[-1].extend(piece)
        elif _has_verb(piece):
            if open_clause:
                clauses[-1].extend(piece)
                open_clause = False
            else:
                clauses.append(prefix + piece)
                prefix = []
        elif words and _opens_subordinate(words):
            clauses.append(prefix + piece)
            prefix = []
            open_clause = True
        elif clauses:
            clauses[-1].extend(piece)
        else:
            prefix.extend(piece)
    if prefix:
        clauses.append(prefix)
    return clauses


def _opens_subordinate(words: list["Token"]) -> bool:
    first = words[0]
    if first.tag_ in ("KOUS", "PRELS", "PWAV"):
        return True
    return len(words) > 1 and first.tag_ in ("APPR", "APPRART") and words[1].tag_ in ("PRELS", "PRELAT")
