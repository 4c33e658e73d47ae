"""Light sentence splitting and a tense check: does a sentence talk about the past or the future?

Used to place weekdays, months and dates without a year before or after the
publication date ("hatten am Montag telefoniert" = the Monday before, "wird am
Freitag erwartet" = the Friday after).  Works on plain text with a handful of
regular expressions; it only ever looks at sentences that hold a candidate.
"""

from __future__ import annotations

import re

PAST, NEUTRAL, FUTURE = -1, 0, 1

# A sentence ends at . ! ? (not after a digit: "8. November") before an upper-case
# start, or at a line break.
# After a digit a period ends the sentence only before a word that cannot follow an ordinal
# ("2023 waren es noch 35. Das Landesgericht will ...", not "am 8. November").
_SENTENCE_END = re.compile(
    r"(?<![0-9])[.!?][\"“”»«']?\s+(?=[\"„“»«']?[A-ZÄÖÜ0-9])"
    r"|(?<=[0-9])\.\s+(?=(?:Der|Die|Das|Den|Dem|Des|Ein|Eine|Einen|Einem|Er|Sie|Es|Wir|Ich|Man|Im|Am|In|"
    r"Auf|Nach|Bei|Mit|Seit|Für|Zum|Zur|Zuletzt|Damals|Dann|Danach|Doch|Aber|Auch)\s)"
    r"|\n"
)
_WINDOW = 400

# Clause limits inside a sentence.
_CLAUSE_END = re.compile(r"[,;:()\"„“”»«–—]")

_FUTURE_WORDS = frozenset("""
    wird werden wirst werdet soll sollen solle sollte sollten will wollen plant planen geplant
    geplanten könnte könnten dürfte dürften möchte möchten erwartet erwarten voraussichtlich
    künftig bevorstehend bevorstehenden anstehend anstehenden demnächst kommende kommenden
    nächste nächsten bald morgen übermorgen stattfinden stattfindet beginnen starten
    beginnt startet tagt tagen berät beraten eröffnet endet öffnet schließt reist trifft
    empfängt besucht stimmt entscheidet wählt
""".split())  # the last two lines: present tense of scheduling verbs ("Der Prozess beginnt am Montag")
# Reported future in indirect speech ("er werde ... beenden"): its time is that of the report.
_WEAK_FUTURE = frozenset({"werde", "würde", "würden"})
_PAST_WORDS = frozenset("""
    war waren warst wurde wurden hatte hatten hätte hätten worden gewesen damals gestern vorgestern
    vergangene vergangenen letzten zuletzt kürzlich
    kam kamen ging gingen gab gaben fand fanden stand standen sprach sprachen traf trafen hielt
    hielten nahm nahmen sah sahen blieb blieben lag lagen ließ ließen rief riefen schrieb schrieben
    trat traten zog zogen fiel fielen wies bat baten begann begannen gewann gewannen verlor verloren
    starb starben fuhr fuhren flog flogen lief liefen schlug brach brachte brachten dachte kannte
    nannte nannten wusste stieg sank wuchs verließ erhielt erhielten bekam bekamen entschied
    beschloss beschlossen bot boten ergab gelang geschah erschien konnte konnten musste mussten
    wollte wollten durfte
""".split())
# a participle of a strong verb with an inseparable prefix ("überfallen", "verloren", "beschlossen"),
# counted only right before the auxiliary (otherwise it reads like an infinitive)
_STRONG_PARTICIPLE = re.compile(r"(?:be|er|ver|zer|ent|emp|miss|über|unter|hinter)[a-zäöüß]{2,}en")
_PERFECT_AUX = frozenset({"hat", "haben", "habe", "hast", "ist", "sind", "sei", "seien"})
_PARTICIPLE = re.compile(
    r"(?:ab|an|auf|aus|bei|ein|fest|fort|frei|her|hin|los|mit|nach|vor|weg|zu|zurück|zusammen|statt|teil)?"
    r"ge[a-zäöüß]{2,}(?:t|en)|[a-zäöüß]{3,}iert|(?:be|er|ver|zer|ent|emp|miss|über|unter)[a-zäöüß]{2,}t"
)  # "beschlossen", "festgenommen", "angekündigt" (a separable prefix before "ge")
# A preposition right before the expression: "seit Montag" looks back, "ab/bis Montag" ahead.
_SINCE_BEFORE = re.compile(r"\b[Ss]eit\s+(?:de[mn]\s+|vergangene[mn]?\s+|letzte[mn]?\s+)?$")
# "für" before a day the clause appoints: the tense of the clause is that of the appointing
_FOR_BEFORE = re.compile(r"\b[Ff]ür\s+(?:den\s+|kommenden\s+|nächsten\s+)?$")
_UNTIL_BEFORE = re.compile(r"\b(?:[Aa]b|[Bb]is(?:\s+zum|\s+spätestens)?|[Ss]pätestens|[Vv]on)\s+(?:am\s+)?$")
# Words ending in -te/-ten that are no simple past.
_NOT_PAST = frozenset({
    "heute", "bitte", "erste", "ersten", "letzte", "nächste", "nächsten", "meiste", "meisten",
    "beste", "besten", "zweite", "zweiten", "dritte", "dritten", "vierte", "fünfte", "sechste",
    "siebte", "achte", "neunte", "zehnte", "weite", "breite", "harte", "leichte", "rechte",
    "rechten", "mitten", "unten", "hinten", "oben", "neueste", "neuesten", "späte", "späten",
    "sollte", "sollten", "könnte", "könnten", "dürfte", "dürften", "möchte", "möchten",
    "hätte", "hätten", "würde", "würden", "arbeiten", "warten", "erwarten", "halten", "raten",
    "bitten", "gestalten", "beobachten", "verhalten", "achten", "leisten", "richten", "retten",
    "testen", "kosten", "starten", "antworten", "bieten", "gelten", "vertreten", "treten",
    "bedeuten", "berichten", "fürchten", "verzichten", "betrachten", "fasten", "töten",
    "melden", "zweiten", "mittlerweile", "weiten", "breiten", "guten", "alten", "rote",
    "bunte", "gute", "alte", "weitere", "weiteren", "rasante", "interessante", "konkrete",
    "konkreten", "komplette", "kompletten", "absolute", "absoluten", "mutmaßliche",
})
# Verbs of saying: outside the expression's own clause they date the report, not the event
# ("Er sagte, er komme am Freitag").
_REPORTING = frozenset("""
    sagte sagten erklärte erklärten betonte betonten teilte teilten berichtete berichteten meldete
    meldeten kündigte kündigten hieß schrieb schrieben verkündete verkündeten bekräftigte
    versicherte versicherten warnte warnten forderte forderten kritisierte bestätigte bestätigten
    sagt sagen erklärt betont berichtet meldet schreibt heißt kündigt
    gesagt angekündigt mitgeteilt berichtet betont bekräftigt versichert gewarnt gefordert bestätigt
    erklärt verkündet geschrieben gemeldet
""".split())
# Lower-case words, each with a flag: is the next word capitalised (then "-te" words are adjectives)?
_WORD = re.compile(r"\b([a-zäöüß]+)\b(\s+[A-ZÄÖÜ])?")
def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The (start, end) of the sentence around text[start:end]."""
    lo = max(0, start - _WINDOW)
    s = lo
    for m in _SENTENCE_END.finditer(text, lo, start):
        s = m.end()
    m = _SENTENCE_END.search(text, end, min(len(text), end + _WINDOW))
    e = m.start() + 1 if m else min(len(text), end + _WINDOW)
    return s, e


def clause_bounds(text: str, sent_start: int, sent_end: int, start: int, end: int) -> tuple[int, int]:
    """The (start, end) of the clause around text[start:end], inside its sentence."""
    s = sent_start
    for m in _CLAUSE_END.finditer(text, sent_start, start):
        s = m.end()
    m = _CLAUSE_END.search(text, end, sent_end)
    e = m.start() if m else sent_end
    return s, e


def _cues(part: str, reporting: bool = True) -> tuple[int, int, int]:
    """(past, future, weak future) cue counts in a piece of text (without verbs of saying
    when ``reporting`` is False)."""
    past = future = weak = 0
    aux_seen = False
    previous = ("", "")
    for word, capital_next in _WORD.findall(part):
        if not reporting and word in _REPORTING:
            continue
        if word in ("haben", "sein") and previous[1] == "zu" and (
            _PARTICIPLE.fullmatch(previous[0]) or _STRONG_PARTICIPLE.fullmatch(previous[0])
        ):
            past += 1  # a perfect infinitive: "wird vorgeworfen, ... verletzt zu haben"
        elif word in _PERFECT_AUX and (_PARTICIPLE.fullmatch(previous[1]) or _STRONG_PARTICIPLE.fullmatch(previous[1])):
            past += 1  # verb last: "..., der eine Bank überfallen hat", "die gekommen sind"
            previous = (previous[1], word)
            continue
        previous = (previous[1], word)
        if word in _PAST_WORDS:
            past += 1
        elif word in _FUTURE_WORDS:
            future += 1
        elif word in _WEAK_FUTURE:
            weak += 1
        elif word in _PERFECT_AUX:
            aux_seen = True
        elif aux_seen and _PARTICIPLE.fullmatch(word):
            past += 1  # perfect tense: "hat ... beschlossen"
            aux_seen = False
        elif (word.endswith("te") or word.endswith("ten")) and len(word) >= 5 and not capital_next \
                and word not in _NOT_PAST:
            past += 1  # simple past of a weak verb: "sagte", "erklärte"
    return past, future, weak


def _decide(past: int, future: int) -> int:
    if past > future:
        return PAST
    if future > past:
        return FUTURE
    return NEUTRAL


def tense_direction(text: str, start: int, end: int, bounds: tuple[int, int] | None = None) -> int:
    """PAST (-1), FUTURE (+1) or NEUTRAL (0) for the expression at text[start:end].

    The clause around the expression decides first, then the whole sentence. A
    reported future ("er werde ... beenden") inside a sentence told in the past
    counts as past: its time is seen from the report.
    """
    s, e = bounds or sentence_bounds(text, start, end)
    before = text[max(s, start - 30):start]
    if _SINCE_BEFORE.search(before):
        return PAST
    if _FOR_BEFORE.search(before):
        return NEUTRAL  # "haben für den 22. März zu einer Kundgebung aufgerufen": the date is set, not told
    cs, ce = clause_bounds(text, s, e, start, end)
    until = 1 if _UNTIL_BEFORE.search(before) else 0
    cp, cf, cw = _cues(text[cs:start] + " " + text[end:ce])
    cf += until
    if cp or cf or cw:
        if cw and not cf and not cp:
            sp = _cues(text[s:cs] + " " + text[ce:e], reporting=False)[0]
            return PAST if sp else FUTURE
        d = _decide(cp, cf + cw)
        if d != NEUTRAL:
            return d
    # the clause is undecided: the rest of the sentence counts too
    rp, rf, rw = _cues(text[s:cs] + " " + text[ce:e], reporting=False)
    sp, sf, sw = cp + rp, cf + rf, cw + rw
    if sw and not sf and sp:
        return PAST
    return _decide(sp, sf + sw)
