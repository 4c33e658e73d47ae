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
_SENTENCE_END = re.compile(r"(?<![0-9])[.!?][\"“”»«']?\s+(?=[\"„“»«']?[A-ZÄÖÜ0-9])|\n")
_WINDOW = 800

# Clause limits inside a sentence.
_CLAUSE_END = re.compile(r"[,;:()\"„“”»«–—]")

_FUTURE = re.compile(
    r"\b(?:wird|werden|wirst|werdet|soll|sollen|solle|sollten?|will|wollen|plant|planen|"
    r"geplanten?|könnten?|dürften?|möchten?|erwartet|erwarten|voraussichtlich|künftig|"
    r"bevorstehenden?|anstehenden?|demnächst|kommenden?|nächsten?|bald|morgen|übermorgen|"
    r"stattfinden|beginnen|starten|"
    # present tense of scheduling verbs: "Der Prozess beginnt am Montag"
    r"beginnt|startet|tagt|tagen|berät|beraten|eröffnet|endet|öffnet|schließt|"
    r"reist|trifft|empfängt|besucht|stimmt|entscheidet|wählt)\b"
)
# A preposition right before the expression: "seit Montag" looks back, "ab/bis Montag" ahead.
_SINCE_BEFORE = re.compile(r"\b[Ss]eit\s+(?:de[mn]\s+|vergangene[mn]?\s+|letzte[mn]?\s+)?$")
_UNTIL_BEFORE = re.compile(r"\b(?:[Aa]b|[Bb]is(?:\s+zum|\s+spätestens)?|[Ss]pätestens|[Vv]on)\s+(?:am\s+)?$")
# Reported future in indirect speech ("er werde ... beenden"): its time is that of the report.
_WEAK_FUTURE = frozenset({"werde", "würde", "würden"})
_WEAK_FUTURE_RE = re.compile(r"\b(?:werde|würde|würden)\b")

_PAST_STRONG = re.compile(
    r"\b(?:war|waren|warst|wurde|wurden|hatte|hatten|hätte|hätten|worden|gewesen|damals|"
    r"gestern|vorgestern|vergangenen?|letzten|zuletzt|kürzlich|bereits|"
    r"kam|kamen|ging|gingen|gab|gaben|fand|fanden|stand|standen|sprach|sprachen|traf|trafen|"
    r"hielt|hielten|nahm|nahmen|sah|sahen|blieb|blieben|lag|lagen|ließ|ließen|rief|riefen|"
    r"schrieb|schrieben|trat|traten|zog|zogen|fiel|fielen|wies|bat|baten|begann|begannen|"
    r"gewann|gewannen|verlor|verloren|starb|starben|fuhr|fuhren|flog|flogen|lief|liefen|"
    r"schlug|brach|brachte|brachten|dachte|kannte|nannte|nannten|wusste|stieg|sank|wuchs|"
    r"verließ|erhielt|erhielten|bekam|bekamen|entschied|beschloss|beschlossen|bot|boten|"
    r"ergab|gelang|geschah|erschien|konnte|konnten|musste|mussten|wollte|wollten|durfte)\b"
)
# Perfect tense: auxiliary plus a participle later in the clause.
_PERFECT = re.compile(
    r"\b(?:hat|haben|habe|hast|ist|sind|sei|seien)\b[^.!?]*?\b(?:ge[a-zäöüß]{2,}(?:t|en)|"
    r"[a-zäöüß]{3,}iert|(?:be|er|ver|zer|ent|emp|miss|über|unter)[a-zäöüß]{2,}t)\b"
)
# Simple past of weak verbs: "sagte", "erklärte", "telefonierten" (not adjectives before a noun).
_WEAK_PAST = re.compile(r"\b[a-zäöüß]{3,}(?:te|ten)\b(?!\s+[A-ZÄÖÜ])")
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


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The (start, end) of the sentence around text[start:end]."""
    lo = max(0, start - _WINDOW)
    s = lo
    for m in _SENTENCE_END.finditer(text, lo, start):
        s = m.end()
    if s == lo and lo > 0:
        s = start - _WINDOW  # a very long sentence: the window is enough
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


def _cues(part: str) -> tuple[int, int, int]:
    """(past, future, weak future) cue counts in a piece of text."""
    past = len(_PAST_STRONG.findall(part)) + len(_PERFECT.findall(part))
    past += sum(1 for w in _WEAK_PAST.findall(part) if w not in _NOT_PAST)
    future = len(_FUTURE.findall(part))
    weak = len(_WEAK_FUTURE_RE.findall(part))
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
    cs, ce = clause_bounds(text, s, e, start, end)
    clause = text[cs:start] + " " + text[end:ce]
    sentence = text[s:start] + " " + text[end:e]
    cp, cf, cw = _cues(clause)
    sp, sf, sw = _cues(sentence)
    if _UNTIL_BEFORE.search(before):
        cf += 1
        sf += 1
    if cw and not cf and not cp:
        return PAST if sp else FUTURE
    d = _decide(cp, cf + cw)
    if d != NEUTRAL:
        return d
    if sw and not sf and sp:
        return PAST
    return _decide(sp, sf + sw)
