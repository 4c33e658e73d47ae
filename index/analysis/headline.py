"""A clause as a headline fragment, from STTS tags and the topological fields of German.

No parser for German can be installed here, so the line is built from the part-of-speech tags
(``token.tag_``) and the word order German clauses follow:

- a main clause puts its finite verb second: the **Vorfeld** before it (the subject, an adverb
  or a prepositional phrase), the **Mittelfeld** after it, and the **right bracket** at the end
  (participle, infinitive, separable particle): "Rubio und Lawrow | hatten | am Montag |
  telefoniert";
- a subordinate clause (after "dass", "nachdem", "wie", a relative pronoun ...) puts all its
  verbs at the end: "nachdem | sie am Montag ein Telefonat | geführt hätten".

``headline(clause)`` finds the fields, then writes the subject, the finite verb with its
reflexive pronoun and negation, the objects and the rest of the verb in the order of a German
main clause, as a person writes a headline: no leading articles, no dates (the line stands next
to its date), at most ``MAX_LINE_WORDS`` words. "Das Bundeskabinett hat am Mittwoch biometrische
Pässe beschlossen" -> "Bundeskabinett hat biometrische Pässe beschlossen"; "den die
EU-Kommission gestern in Brüssel präsentierte" (after "... einen Vorschlag zum Grenzschutz")
-> "EU-Kommission präsentierte Vorschlag"; "die am 1. Mai stattfindet" (after "die
Seligsprechung von Papst Johannes Paul II.") -> "Seligsprechung von Papst Johannes Paul II.
findet statt". A clause without a finite verb (an entry of a listing: "Bozen: Konzert von
Christina Stürmer, in der Stadthalle, ab 20.30 Uhr") is written as its first phrase.
"""

from __future__ import annotations

import re

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = [
    "MAX_LINE_WORDS", "Fields", "Parsed", "attribute_line", "fields_of", "group_text", "headline", "negation_of", "nominalised",
    "noun_groups", "object_antecedents", "parse", "plain_line", "subject_of",
]

MAX_LINE_WORDS = 12

FINITE_TAGS = frozenset({"VVFIN", "VAFIN", "VMFIN", "VVIMP", "VAIMP"})
NONFINITE_TAGS = frozenset({"VVINF", "VVIZU", "VVPP", "VAINF", "VAPP", "VMINF", "VMPP"})
VERB_TAGS = FINITE_TAGS | NONFINITE_TAGS
_NOUN = frozenset({"NN", "NE", "FM"})
_DETERMINER = frozenset({"ART", "PDAT", "PPOSAT", "PIAT", "PIDAT", "PWAT", "PRELAT"})
_PRENOMINAL = _DETERMINER | {"ADJA", "CARD", "ADV"}
_PREPOSITION = frozenset({"APPR", "APPRART", "APPO", "APZR"})
_SUBORDINATOR = frozenset({"KOUS", "KOUI", "PRELS", "PRELAT", "PWAV", "PWS", "KOKOM"})
_COORDINATOR = frozenset({"und", "oder", "sowie", "aber", "doch", "sondern", "denn"})
_NOT_SUBJECT_ARTICLES = frozenset({"den", "dem", "des", "einen", "einem", "eines", "einer"})
_NOT_SUBJECT_RELATIVES = frozenset({"den", "dem", "denen", "deren", "dessen"})
_GENITIVE_ARTICLES = frozenset({"des", "der"})
# articles that open a genitive attribute right after a noun ("zur Abhaltung einer Volksbefragung")
_ATTRIBUTE_GENITIVE_ARTICLES = _GENITIVE_ARTICLES | {"eines", "einer"}
_SUBJECT_PRONOUNS = frozenset({"ich", "du", "er", "sie", "wir", "ihr", "man", "beide", "alle"})
# determiners whose nominative and accusative are one form: a group they open can be the object
_NOM_ACC_DETERMINERS = frozenset(
    "das die ein eine dieses diese jenes jene kein keine sein seine ihr ihre unser unsere euer eure".split())
# endings of feminine nouns: "der" before them is a dative or genitive ("der Regierung"), not a
# nominative; "-e" and "-a" are left out as both (der Kollege / der Gemeinde)
_FEMININE_ENDINGS = ("ung", "heit", "keit", "schaft", "ion", "tät", "ei", "ie", "ik", "in", "innen", "ur",
                     "enz", "anz", "e", "a", "kunft", "arbeit", "fahrt", "schrift", "macht", "kraft", "stadt",
                     "welt", "zeit", "nacht")
_FEMININE_NOUNS = frozenset("frau hand bahn post wahl flut not bank tür uhr angst kunst last lust wut".split())
_COPULA = frozenset("ist sind war waren sei seien wäre wären bleibt bleiben blieb blieben wird werden wurde wurden".split())
_DURATION_OPENERS = frozenset({"nach", "vor", "seit", "binnen", "innerhalb"})
_ATTACHING = frozenset({"über", "zwischen", "gegen", "von", "zur", "zum"})
_LOCAL = frozenset({"in", "im", "nach", "aus", "am", "an", "auf", "bei", "vor", "ins"})
_SCORE = re.compile(r"\d{1,3}:\d{1,3}\.?$")
_QUOTE_MARKS = frozenset("„“”\"'»«‚‘’")
# adverbs that change what the verb says and stay with it ("will sie wieder aufbauen")
_KEPT_ADVERBS = frozenset({"wieder", "erneut", "zurück", "erstmals", "endgültig"})
# an object pronoun and the article of the noun it can stand for ("Die Halle ... will sie aufbauen")
_PRONOUN_ARTICLES = {"es": frozenset({"das"}), "sie": frozenset({"die"}), "ihn": frozenset({"der"})}
# verbs with an "es" that stands for nothing ("gibt es", "geht es um")
_EXPLETIVE_ES_VERBS = frozenset("gibt gab gäbe geht ging hieß heißt handelt handelte kommt kam".split())
# nouns that stand next to a date and are not the object of anything ("gegen 22 Uhr Ortszeit")
_DATE_NOUNS = frozenset({"ortszeit", "uhr", "mez", "mesz", "utc"})
# adjectives that make one verb with a full verb and stand in its right bracket ("bekannt geben")
_BRACKET_ADJECTIVES = frozenset(
    "bekannt fest frei offen öffentlich deutlich klar kund gut schuldig geltend kaputt krank tot "
    "wahr verloren gefangen".split()
)
# adverbs that end a clause without saying what the subject is ("war es schon", "ist es auch")
_NOT_PREDICATE_ADVERBS = frozenset(
    "noch schon bereits auch nur dann nun jetzt heute gestern morgen dort hier so sehr wieder erneut "
    "damals zuletzt bisher immer nie oft".split()
)
# prepositions that name the source of a report, not a part of the event ("laut Vereinskreisen")
_SOURCE_PREPOSITIONS = frozenset({"laut", "zufolge", "gemäß"})
# prepositions that follow their noun (the tagger reads "zufolge" as APPR in the Mittelfeld too)
_POSTPOSITIONS = frozenset({"zufolge"})
_AMOUNT_DEGREES = frozenset({"mehr", "weniger"})
# prepositions of a phrase that completes a verb when it closes the Mittelfeld (see _verb_complement)
_COMPLEMENT_PREPOSITIONS = frozenset({"zu", "auf", "in", "an", "über", "um", "gegen", "unter"})
# prepositions whose phrase right after an object noun belongs to it ("Tickets für die Zusatzvorstellung")
_OBJECT_ATTACHING = frozenset({"für", "über", "gegen", "zwischen", "um", "von"})
_KEPT_DETERMINERS = frozenset(
    "kein keine keinen keinem keiner keines alle allen beide beiden zwei drei vier fünf".split()
)
# separable prefixes of verbs written as one word at the end of a subordinate clause ("stattfindet")
_PARTICLES = (
    "zurück", "zusammen", "statt", "weiter", "vorbei", "fest", "frei", "teil", "hinzu", "heraus",
    "voran", "vor", "nach", "mit", "ab", "an", "auf", "aus", "bei", "ein", "los", "zu", "her", "hin", "fort",
)


def _is_punct(t: "Token") -> bool:
    tag = t.tag_
    return tag.startswith("$") if tag else t.is_punct


def nominalised(toks: Sequence["Token"], i: int) -> bool:
    """``toks[i]`` is an adjective used as a noun ("der Angeklagte", "Der 54-Jährige", "die
    Deutschen"): tagged ADJA (or CARD: "19-Jährigen"), written with a capital (after any digits: "34-Jährige"), after a
    determiner or number, and no noun or adjective follows it."""
    t = toks[i]
    if t.tag_ not in ("ADJA", "CARD") or i == 0 or toks[i - 1].tag_ not in _PRENOMINAL:
        return False
    if t.tag_ == "CARD" and "-" not in t.text:
        return False  # "die 34-Jährige" read as a number; "die 35" is one
    letter = next((c for c in t.text if c.isalpha()), "")
    if not letter.isupper():
        return False
    return not (i + 1 < len(toks) and toks[i + 1].tag_ in _NOUN | {"ADJA", "TRUNC"})


# degree words after "nicht" that make it negate a degree, not the event ("nicht nur", "nicht
# mehr so stark wie im Januar", "nicht weniger als 30")
_DEGREE_AFTER_NEGATION = frozenset({"so", "ganz", "besonders", "sehr", "weniger"})
_COMPARATIVE_WORDS = frozenset({"als", "wie"})


def negation_of(tokens: Sequence["Token"]) -> "Token | None":
    """The "nicht" that negates what the clause says, or None.

    "nicht nur" adds, it does not deny; "nicht mehr/so/weniger ... als/wie" compares a degree
    ("die Preise sind nicht mehr so stark gestiegen wie im Januar": they rose); a bare
    "nicht mehr" ("er ist nicht mehr im Amt") still negates."""
    if not any(t.tag_ == "PTKNEG" for t in tokens):
        return None
    toks = [t for t in tokens if not _is_punct(t)]
    for n, t in enumerate(toks):
        if t.tag_ != "PTKNEG":
            continue
        nxt = toks[n + 1].lower_ if n + 1 < len(toks) else ""
        if nxt == "nur":
            continue
        if (nxt == "mehr" or nxt in _DEGREE_AFTER_NEGATION) and any(
            x.lower_ in _COMPARATIVE_WORDS and x.tag_ in ("KOKOM", "KOUS") for x in toks[n + 2 :]
        ):
            continue
        return t
    return None


@dataclass
class Fields:
    """The topological fields of one clause (tokens without punctuation and dates)."""

    tokens: list["Token"]
    subordinate: bool = False
    introducer: list["Token"] = field(default_factory=list)  # "dass", "nachdem", "den", "in der"
    finite: "Token | None" = None
    vorfeld: list["Token"] = field(default_factory=list)
    mittelfeld: list["Token"] = field(default_factory=list)
    right: list["Token"] = field(default_factory=list)  # participles, infinitives, particle, "zu"


def fields_of(tokens: Sequence["Token"]) -> Fields:
    """Cut a clause into its fields (``tokens``: the clause without punctuation)."""
    toks = list(tokens)
    while toks and toks[0].tag_ == "KON" and toks[0].lower_ in _COORDINATOR:
        toks = toks[1:]
    f = Fields(toks)
    if not toks:
        return f
    n = 0
    # a subordinate clause: "dass ...", "wie ...", "der ...", "in der ...", "mit dem ..."
    if toks[0].tag_ in _SUBORDINATOR and toks[0].tag_ != "KOKOM" or (
        toks[0].tag_ == "KOKOM" and toks[0].lower_ == "wie"
    ):
        n = 1
    elif len(toks) > 1 and toks[0].tag_ in _PREPOSITION and toks[1].tag_ in ("PRELS", "PRELAT", "PWS"):
        n = 2
    finites = [i for i, t in enumerate(toks) if t.tag_ in FINITE_TAGS]
    if n and not finites:  # "dass die Schulen geschlossen bleiben/VVINF": the last verb is finite
        verbs = [i for i, t in enumerate(toks) if t.tag_ in VERB_TAGS and i >= n]
        finites = verbs[-1:]
    if n and finites and finites[-1] >= n:
        f.subordinate = True
        f.introducer = toks[:n]
        last = finites[-1]
        f.finite = toks[last]
        body = toks[n:last]
        cut = next((i for i, t in enumerate(body) if t.tag_ in NONFINITE_TAGS or t.tag_ == "PTKZU"), len(body))
        # the verb cluster: the non-finite verbs before the finite one ("geführt hätten")
        while cut > 0 and body[cut - 1].tag_ in ("PTKZU",):
            cut -= 1
        f.mittelfeld = body[:cut]
        f.right = [t for t in body[cut:] if t.tag_ in NONFINITE_TAGS or t.tag_ == "PTKZU"] + [
            t for t in toks[last + 1 :] if t.tag_ in NONFINITE_TAGS
        ]
        return f
    if not finites:
        f.mittelfeld = toks
        f.right = [t for t in toks if t.tag_ in NONFINITE_TAGS]
        return f
    first = finites[0]
    # "Vorbereitet werden solle das Treffen": in a run of verbs opening the clause the last is finite
    if all(t.tag_ in VERB_TAGS for t in toks[:first]):
        while first + 1 < len(toks) and toks[first + 1].tag_ in FINITE_TAGS:
            first += 1
    tail = toks[first + 1 :]
    if first > 2 and all(t.tag_ in VERB_TAGS or t.tag_ == "PTKZU" for t in tail) and (
        not tail or tail[-1].tag_ == "VMINF"
    ):
        # verb last without a subordinator (the second of two coordinated "dass" clauses; "...,
        # dass er hätte kommen sollen"): a finite verb followed by a participle or infinitive alone
        # is the second of a main clause ("Das Amt für ländliche Entwicklung hat ... getagt")
        f.subordinate = True
        f.finite = toks[first]
        cut = first
        while cut > 0 and toks[cut - 1].tag_ in VERB_TAGS | {"PTKZU"}:
            cut -= 1
        f.mittelfeld = toks[:cut]
        f.right = [t for t in toks[cut:first] if t.tag_ != "PTKZU" or True] + list(tail)
        return f
    f.finite = toks[first]
    f.vorfeld = toks[:first]
    rest = list(tail)
    # the right bracket: from the first non-finite verb or separable particle on
    cut = next(
        (
            i for i, t in enumerate(rest)
            if t.tag_ in NONFINITE_TAGS or t.tag_ in ("PTKVZ", "PTKZU")
            or (t.tag_ in FINITE_TAGS and all(x.tag_ in VERB_TAGS or x.tag_ == "PTKVZ" for x in rest[i:]))
        ),
        len(rest),
    )
    # "hat ... bekannt gegeben": an adjective that forms the verb opens the right bracket
    if 0 < cut < len(rest) and rest[cut - 1].tag_ == "ADJD" and rest[cut - 1].lower_ in _BRACKET_ADJECTIVES:
        cut -= 1
    f.mittelfeld = rest[:cut]
    closing = rest[cut:]
    # "hatte eine Trafik überfallen und dabei 600 Euro erbeutet": the first of coordinated verbs
    # keeps the clause's objects; the verbs after "und" belong to another event
    coordination = next(
        (n for n, t in enumerate(closing) if n and t.tag_ == "KON" and t.lower_ in ("und", "oder", "sowie")), None
    )
    if coordination is not None and any(t.tag_ not in VERB_TAGS for t in closing[coordination + 1 :]):
        closing = closing[:coordination]
    # mis-tagged infinitives and participles ("könnte ... stattfinden/VVFIN", "ausgegeben werden/VAFIN")
    f.right = [
        t for t in closing if t.tag_ in VERB_TAGS or t.tag_ in ("PTKVZ", "PTKZU") or t.lower_ in _BRACKET_ADJECTIVES
    ]
    if f.vorfeld and all(t.tag_ in VERB_TAGS for t in f.vorfeld):
        # "Vorbereitet werden solle das Treffen ...": the verbs stand in the Vorfeld
        f.right = list(f.vorfeld) + f.right
        f.vorfeld = []
    if (
        not f.right and f.finite.tag_ == "VVFIN" and f.mittelfeld and f.mittelfeld[-1].tag_ == "ADJD"
        and f.mittelfeld[-1].lower_ in _BRACKET_ADJECTIVES
    ):
        # "gab die Bilanz bekannt", "machte den Fall öffentlich": an adjective that forms the verb
        # closes the clause in the right bracket, like a separable particle
        f.right = [f.mittelfeld.pop()]
    return f


@dataclass
class Group:
    tokens: list["Token"]  # determiners, adjectives, nouns (and an attached genitive or "von" name)
    governed: bool  # a preposition governs it
    preposition: "Token | None" = None

    @property
    def head(self) -> "Token":
        toks = self.tokens
        for n, t in enumerate(toks):
            if (t.tag_ in _NOUN or nominalised(toks, n)) and not (n and toks[n - 1].tag_ == "CARD" and measure_noun(toks, n)):
                return t
        return toks[-1]

    @property
    def accusative_or_dative(self) -> bool:
        return bool(self.tokens) and self.tokens[0].lower_ in _NOT_SUBJECT_ARTICLES


def measure_noun(toks: Sequence["Token"], n: int) -> bool:
    """The unit of a measure before an adjective inside a noun group ("ein 41 Jahre alter Fahrer",
    "die 200 Meter lange Brücke"): not the group's head."""
    return (
        0 < n < len(toks) - 1 and toks[n].tag_ == "NN" and toks[n - 1].tag_ == "CARD"
        and toks[n + 1].tag_ == "ADJA" and toks[n + 1].text[:1].islower()
    )


def noun_groups(tokens: Sequence["Token"]) -> list[Group]:
    """The noun groups of ``tokens`` (no punctuation), with coordination and a genitive attribute."""
    toks = list(tokens)
    groups: list[Group] = []
    n = 0
    while n < len(toks):
        t = toks[n]
        if t.tag_ in ("PPER", "PIS", "PDS") and t.lower_ != "es" and t.tag_ != "PRF":
            prep = toks[n - 1] if n and toks[n - 1].tag_ in _PREPOSITION else None
            if t.tag_ == "PPER" or t.lower_ in ("man", "niemand", "jemand", "alle", "beide"):
                groups.append(Group([t], prep is not None, prep))
            n += 1
            continue
        if t.tag_ not in _PRENOMINAL and t.tag_ not in _NOUN and t.tag_ != "TRUNC":
            n += 1
            continue
        start = n
        end = _group_end(toks, n)
        if end == n:
            n += 1
            continue
        # "Rubio und Lawrow", "Zelte und Trinkwasser"
        while end + 1 < len(toks) and toks[end].tag_ == "KON" and toks[end].lower_ in ("und", "oder", "sowie"):
            nxt = _group_end(toks, end + 1)
            if nxt == end + 1:
                break
            end = nxt
        # a genitive attribute ("die Zahl der Opfer") or a name after "von" ("Seligsprechung von Papst ...")
        while end + 1 < len(toks) and toks[end].lower_ in _ATTRIBUTE_GENITIVE_ARTICLES and toks[end].tag_ == "ART" and (
            toks[end - 1].tag_ in _NOUN
        ):
            nxt = _group_end(toks, end)
            if nxt <= end + 1:
                break
            end = nxt
        if end + 1 < len(toks) and toks[end].lower_ == "von" and toks[end + 1].tag_ in ("NE", "NN"):
            nxt = _group_end(toks, end + 1)
            # not "von Spanien aus", "von Rom nach Capua": a way from a place, not a name
            if any(x.tag_ == "NE" for x in toks[end + 1 : nxt]) and not (
                nxt < len(toks) and toks[nxt].lower_ in ("aus", "nach", "bis")
            ):
                end = nxt
        prep = None
        before = start - 1
        if (
            before >= 1 and toks[before].lower_ in _COMPARATIVE_WORDS and toks[before - 1].lower_ in _AMOUNT_DEGREES
            and toks[start].tag_ == "CARD"
        ):
            # "mehr als 20 Menschen": the comparison is part of the number, not what the verb takes it as
            groups.append(Group(toks[before - 1:end], False, None))
            n = end
            continue
        if end < len(toks) and (toks[end].tag_ == "APPO" or toks[end].lower_ in _POSTPOSITIONS) and not (
            before >= 0 and toks[before].tag_ in _PREPOSITION and toks[before].lower_ not in _POSTPOSITIONS
        ):
            # "Dem Bericht zufolge", "Medienberichten zufolge", "dem Vertrag gemäß": a postposition governs
            # the group before it
            groups.append(Group(toks[start:end], True, toks[end]))
            n = end + 1
            continue
        if before >= 0 and toks[before].lower_ not in _POSTPOSITIONS and (toks[before].tag_ in _PREPOSITION or (
                toks[before].tag_ == "KOKOM" and toks[before].lower_ in _COMPARATIVE_WORDS)):
            prep = toks[before]  # "in Bozen"; "als Lehrer", "als kleine Konzertreihe": what the noun is taken as
        elif (
            before >= 0 and toks[before].tag_ == "NN" and toks[start].tag_ in ("ADJA", "PIAT", "PIDAT")
            and groups and groups[-1].governed and groups[-1].tokens[-1].i == toks[before].i
        ):
            # "bei einer Zusammenkunft ranghoher Berater": a genitive without article belongs to the phrase
            last_group = groups.pop()
            groups.append(Group(last_group.tokens + toks[start:end], True, last_group.preposition))
            n = end
            continue
        groups.append(Group(toks[start:end], prep is not None, prep))
        n = end
    return groups


def _group_end(toks: list["Token"], n: int) -> int:
    """End (exclusive) of the noun group starting at ``n`` (``n`` when none starts there)."""
    i = n
    while i < len(toks) and toks[i].tag_ in _PRENOMINAL:
        if toks[i].tag_ == "ADV" and not (i + 1 < len(toks) and toks[i + 1].tag_ in ("ADJA", "CARD")):
            break
        if i > n and nominalised(toks, i):
            return i + 1  # "Der 34-Jährige", "die Angeklagte": an adjective as the noun of the group
        i += 1
    last = n
    while i < len(toks):
        t = toks[i]
        if (
            t.tag_ == "NN" and i > n and toks[i - 1].tag_ == "NE" and i + 1 < len(toks) and toks[i + 1].tag_ == "NE"
            and not toks[i - 1].text.endswith("s")  # "Bozens Bürgermeister Luigi Spagnolli" is one group
        ):
            break  # "in Bozen | Bürgermeister Hans Huber": a title starts a new name
        if t.tag_ in _NOUN:
            i += 1
            last = i
        elif measure_noun(toks, i - 1) and last == i:
            # "Ein 41 Jahre alter Lastwagenfahrer": a measure before an adjective, the noun follows
            j = i
            while j < len(toks) and toks[j].tag_ == "ADJA":
                j += 1
            if j == len(toks) or toks[j].tag_ != "NN":
                break
            i = j
        elif t.tag_ == "CARD" and last > n and last == i and toks[i - 1].tag_ == "NN" and (
            i + 1 < len(toks) and toks[i + 1].tag_ in ("NN", "ADJA")
        ):
            break  # "die Polizei | drei Männer": a number before a noun opens the next group
        elif t.tag_ == "CARD" and last > n and last == i and toks[i - 1].tag_ == "NN":
            i += 1
            last = i  # "Erdbeben der Stärke 7,4", "Artikel 5"
        elif t.tag_ == "TRUNC" or (t.tag_ == "ADJA" and t.text[:1].isupper()) or t.tag_ == "CARD" and last > n:
            i += 1
        elif t.tag_ == "KON" and i + 1 < len(toks) and toks[i - 1].tag_ == "TRUNC":
            i += 1  # "Trink- und Löschwasserleitung"
        else:
            break
    return last


def _display(group: Group) -> list["Token"]:
    """A group as a headline writes it: no leading article or demonstrative (a possessive stays:
    "seinen Höchststand")."""
    toks = list(group.tokens)
    measure = next((n for n in range(1, len(toks)) if toks[n - 1].tag_ == "CARD" and measure_noun(toks, n)), None)
    if measure is not None and toks[measure + 1:] and any(t.tag_ in _NOUN for t in toks[measure + 1:]):
        # "Ein 41 Jahre alter Lastwagenfahrer" -> "Lastwagenfahrer": the measure is a detail
        keep = measure + 1
        while keep < len(toks) and toks[keep].tag_ == "ADJA":
            keep += 1
        toks = toks[keep:]
    while (
        toks and toks[0].tag_ in _DETERMINER and toks[0].tag_ != "PPOSAT" and toks[0].lower_ not in _KEPT_DETERMINERS
        and len(toks) > 1
    ):
        toks = toks[1:]
    # "Raiffeisen und der Verein La Vispa Teresa": a coordinated group drops its article too
    return [
        t for n, t in enumerate(toks)
        if not (
            n > 0 and t.tag_ == "ART" and toks[n - 1].tag_ == "KON" and toks[n - 1].lower_ in ("und", "oder", "sowie")
            and t.lower_ not in _KEPT_DETERMINERS and n + 1 < len(toks)
        )
    ]


def group_text(group: Group) -> str:
    """A noun group as a line writes it ("die Bürgermeisterin" -> "Bürgermeisterin")."""
    return " ".join(t.text for t in _display(group))


def _split_particle(verb: "Token") -> tuple[str, str] | None:
    """``stattfindet`` -> (``findet``, ``statt``): a separable verb written as one word."""
    low = verb.text.lower()
    if verb.tag_ != "VVFIN":
        return None
    for p in _PARTICLES:
        if low.startswith(p) and len(low) - len(p) >= 4 and not low[len(p):].startswith(("ge", "zu")):
            return verb.text[len(p):], verb.text[: len(p)]
    return None


def antecedent_of(f: Fields, before: Sequence["Token"]) -> Group | None:
    """What the relative pronoun of a relative clause stands for: the last noun group before it."""
    if not (f.subordinate and f.introducer and f.introducer[-1].tag_ == "PRELS"):
        return None
    earlier = noun_groups(_content(before, set()))
    if not earlier:
        return None
    last = earlier[-1]
    pronoun = f.introducer[-1].lower_
    # "das Fazit der Ernennungen, die ...": a relative pronoun that fits the genitive, not the head
    for n, t in enumerate(last.tokens[1:], 1):
        if t.tag_ == "ART" and t.lower_ in _GENITIVE_ARTICLES and (
            (pronoun in ("die", "deren", "denen") and t.lower_ == "der" and last.tokens[0].lower_ in ("das", "der", "den", "dem", "des"))
            or (pronoun in ("der", "den", "dessen") and t.lower_ == "des" and last.tokens[0].lower_ in ("die", "das"))
        ):
            return Group(last.tokens[n:], False, None)
    return Group(last.tokens, False, None)


def subject_of(f: Fields, antecedent: Group | None = None) -> tuple[Group | None, list[Group]]:
    """The subject group of a clause and its other (bare or governed) groups."""
    if f.subordinate and f.introducer and f.introducer[-1].tag_ in ("PRELS",) and antecedent is not None:
        groups = noun_groups(f.mittelfeld)
        other_first = bool(groups) and not groups[0].governed and groups[0].tokens[0].i == f.introducer[-1].i + 1 and (
            groups[0].tokens[0].tag_ in ("ART", "NE") and f.introducer[-1].lower_ in ("die", "das")
        )
        if f.introducer[-1].lower_ in _NOT_SUBJECT_RELATIVES or len(f.introducer) > 1 or other_first:
            bare = [g for g in groups if not g.governed]
            subject = bare[0] if bare else None
            objects = [antecedent] if (f.introducer[-1].lower_ == "den" or other_first) and len(f.introducer) == 1 else []
            return subject, objects + [g for g in groups if g is not subject]
        return antecedent, groups
    if f.subordinate:
        groups = noun_groups(f.mittelfeld)
        bare = [g for g in groups if not g.governed and not g.accusative_or_dative]
        subject = bare[0] if bare else None
        return subject, [g for g in groups if g is not subject]
    vorfeld = noun_groups(f.vorfeld)
    middle = noun_groups(f.mittelfeld)
    subject = None
    if vorfeld and not vorfeld[0].governed and not vorfeld[0].accusative_or_dative and (
        f.vorfeld[0].tag_ not in _PREPOSITION
    ):
        subject = vorfeld[0]
        # "der Gipfel zwischen Trump und Putin": a phrase with a name right after the subject belongs to it
        if len(vorfeld) > 1 and vorfeld[1].governed and any(t.tag_ == "NE" for t in vorfeld[1].tokens) and (
            vorfeld[1].preposition is not None and vorfeld[1].preposition.i == subject.tokens[-1].i + 1
        ):
            subject = Group(subject.tokens + [vorfeld[1].preposition] + vorfeld[1].tokens, False, None)
            vorfeld = [subject] + vorfeld[2:]
            return subject, vorfeld[1:] + middle
    if f.finite.lower_ in ("gibt", "gab", "gäbe") and any(t.lower_ == "es" for t in f.vorfeld + f.mittelfeld):
        # "ab sofort gibt es Tickets": the existential "es gibt" keeps its "es"
        es = next(t for t in f.vorfeld + f.mittelfeld if t.lower_ == "es")
        return Group([es], False, None), [g for g in vorfeld + middle]
    pronoun = next((g for g in middle if g.tokens[0].tag_ in ("PPER", "PIS") and not g.governed), None)
    if subject is not None and subject.tokens[0].lower_ in _NOM_ACC_DETERMINERS and not _two_nominatives(f):
        # "Ein Gesetz hatte der Landtag beschlossen": a masculine "der" group in the Mittelfeld is the
        # nominative, so the fronted group that could be either is the object
        nominative = next((g for g in middle if not g.governed and _masculine_nominative(g)), None)
        if nominative is not None and (pronoun is None or pronoun.tokens[0].i > nominative.tokens[0].i):
            return nominative, [g for g in vorfeld + middle if g is not nominative]
    if subject is None and pronoun is not None and pronoun.tokens[0].lower_ in _SUBJECT_PRONOUNS:
        subject = pronoun
    if subject is None:
        bare = [g for g in middle if not g.governed and not g.accusative_or_dative]
        subject = bare[0] if bare else None
    others = [g for g in vorfeld + middle if g is not subject]
    return subject, others


def _masculine_nominative(group: Group) -> bool:
    """``group`` is "der" with a masculine noun, a nominative: "der Landtag", "der neue Rat" (not
    "der Regierung", "der neuen Regierung", "der Stadt": dative or genitive of a feminine noun)."""
    toks = group.tokens
    if toks[0].lower_ != "der" or toks[0].tag_ != "ART" or len(toks) < 2:
        return False
    adjectives = [t for t in toks[1:] if t.tag_ == "ADJA"]
    noun = next((t for t in toks[1:] if t.tag_ in ("NN", "NE")), None)
    if noun is None or any(t.tag_ not in ("ADJA", "NN", "NE", "ADV") for t in toks[1 : toks.index(noun) + 1]):
        return False
    if any(not a.lower_.endswith("e") for a in adjectives if a.i < noun.i):
        return False  # "der neuen Regierung": the weak ending -en is no nominative
    word = noun.lower_.rsplit("-", 1)[-1]
    return not word.endswith(_FEMININE_ENDINGS) and word not in _FEMININE_NOUNS


def _two_nominatives(f: Fields) -> bool:
    """The verb takes a second nominative: a copula without another verb ("Das Problem ist der
    Verkehr", "Sieger wurde der Favorit")."""
    return f.finite.lower_ in _COPULA and (
        not f.right or any(t.lower_ in ("sein", "bleiben", "werden", "gewesen", "geblieben", "geworden") for t in f.right))


@dataclass
class Parsed:
    """A clause read into its fields: its tokens (see ``_content``), fields, subject and other groups."""

    tokens: list["Token"]
    fields: Fields
    subject: Group | None
    others: list[Group]


def parse(clause: Sequence["Token"], skip: set[int] = frozenset(), before: Sequence["Token"] = ()) -> Parsed:
    """The fields and the subject of a clause, dates (``skip``) left out."""
    tokens = _content(clause, skip)
    f = fields_of(tokens)
    if f.finite is None:
        return Parsed(tokens, f, None, [])
    subject, others = subject_of(f, antecedent_of(f, before))
    return Parsed(tokens, f, subject, others)


_PASSIVE_FINITE = frozenset("wird werden wurde wurden werde würde würden".split())
_AGENT_PREPOSITIONS = frozenset({"von", "vom", "durch"})


def passive_agent(parsed: Parsed) -> Group | None:
    """The agent of a passive clause: its "von"/"durch" phrase in the Mittelfeld ("Ein Fahrer ist am
    Montag von der Polizei festgenommen worden", "Das Tier wurde von Mitarbeitern des Amtes
    betäubt"). Not a phrase right after a common noun, which it belongs to ("in der Nähe von
    Höfen gesichtet"); None when the clause is not passive."""
    f = parsed.fields
    if f.finite is None or not any(t.tag_ == "VVPP" for t in f.right):
        return None
    if f.finite.lower_ not in _PASSIVE_FINITE and not any(t.lower_ in ("worden", "werden") for t in f.right):
        return None
    previous = {b.i: a for a, b in zip(parsed.tokens, parsed.tokens[1:])}
    for g in parsed.others:
        p = g.preposition
        if not g.governed or p is None or p.lower_ not in _AGENT_PREPOSITIONS or p.i < f.finite.i:
            continue
        if p.i in previous and previous[p.i].tag_ == "NN":
            continue  # "in der Nähe von Höfen", "die Klage von drei Verbänden": the noun's attribute
        if g.tokens[-1].tag_ in ("NN", "NE"):
            return g
    return None


def object_antecedents(parsed: Parsed, previous: "Parsed | None") -> dict[int, str]:
    """Object pronouns of a clause ("es", "sie", "ihn") and the noun they stand for: the subject of
    the sentence before when its article fits ("Die Halle war eröffnet worden. Der Besitzer will
    sie wieder aufbauen" -> {sie: "Halle"}). Only pronouns after the finite verb of a clause with a
    participle or infinitive, not the clause's own subject, not the "es" of "gibt es"."""
    f = parsed.fields
    if f.finite is None or not f.right or previous is None or previous.subject is None:
        return {}
    if f.finite.lower_ in _EXPLETIVE_ES_VERBS:
        return {}
    antecedent = previous.subject
    article = antecedent.tokens[0].lower_
    head = antecedent.head
    if len(antecedent.tokens) < 2 or head.tag_ != "NN":
        return {}
    subject_ids = {t.i for t in parsed.subject.tokens} if parsed.subject is not None else set()
    if subject_ids & {t.i for t in antecedent.tokens}:
        return {}
    if parsed.subject is not None and parsed.subject.head.lower_ == head.lower_:
        return {}
    out: dict[int, str] = {}
    for t in f.mittelfeld:
        if t.tag_ == "PPER" and t.i not in subject_ids and article in _PRONOUN_ARTICLES.get(t.lower_, ()):
            out[t.i] = " ".join(x.text for x in _display(antecedent))
            break
    return out


_ATTRIBUTE_OPENERS = frozenset({"ART", "PDAT", "PPOSAT", "PIAT"})
_INFLECTIONS = ("en", "em", "er", "es", "e")


def _participle_of(adjective: "Token") -> str | None:
    """The past participle an attributive adjective inflects ("getretenen" -> "getreten",
    "beschlossene" -> "beschlossen", "gegründeten" -> "gegründet"); None for other adjectives."""
    low = adjective.text
    for ending in _INFLECTIONS:
        if low.endswith(ending):
            stem = low[: -len(ending)]
            break
    else:
        return None
    if not stem.endswith(("t", "en")) or len(stem) < 5:
        return None
    core = stem.lower()
    for prefix in ("ab", "an", "auf", "aus", "bei", "ein", "fest", "frei", "mit", "nach", "vor", "zu", "zurück", "statt"):
        if core.startswith(prefix + "ge"):
            core = core[len(prefix):]
            break
    if core.startswith("ge") or core.endswith("iert") or core.startswith(("be", "er", "ver", "zer", "ent", "über")):
        return stem
    return None


def _genitive_s(noun: str) -> bool:
    """A genitive "-s" that can go ("Menschenrechtspakts", "Vereins"; not "Paktes", "Kurs")."""
    return len(noun) > 5 and noun.endswith("s") and noun[-2] not in "esßxzu"


def attribute_line(clause: Sequence["Token"], skip: set[int]) -> str:
    """A date inside an attributive participle ("des am 23. 3. 1976 für Deutschland in Kraft
    getretenen Menschenrechtspakts der UNO", "der 2012 gegründete Verein") dates what the
    participle says of its noun, not the clause around it: "Menschenrechtspakts der UNO für
    Deutschland in Kraft getreten". "" when the date stands elsewhere."""
    toks = [t for t in clause if not t.is_space]
    first = next((n for n, t in enumerate(toks) if t.i in skip), None)
    if first is None:
        return ""
    k = first - 1
    if k >= 0 and toks[k].tag_ in ("APPR", "APPRART") and toks[k].lower_ not in ("bis", "seit", "von", "ab"):
        k -= 1
    if k < 0 or toks[k].tag_ not in _ATTRIBUTE_OPENERS:
        return ""
    n = first
    while n < len(toks) and toks[n].i in skip:
        n += 1
    modifiers: list["Token"] = []
    while n < len(toks) and toks[n].tag_ not in ("ADJA",) and len(modifiers) < 6:
        t = toks[n]
        if _is_punct(t) or t.tag_ in VERB_TAGS or t.tag_ in _SUBORDINATOR or t.tag_ in ("KON", "PTKNEG"):
            return ""
        modifiers.append(t)
        n += 1
    if n >= len(toks) or toks[n].tag_ != "ADJA":
        return ""
    participle = _participle_of(toks[n])
    if participle is None:
        return ""
    n += 1
    while n < len(toks) and toks[n].tag_ == "ADJA":
        n += 1
    if n >= len(toks) or toks[n].tag_ not in _NOUN:
        return ""
    head = [toks[n]]
    n += 1
    while n < len(toks) and toks[n].tag_ in _NOUN:
        head.append(toks[n])
        n += 1
    # a genitive attribute stays with its noun ("Menschenrechtspakts der UNO")
    if n + 1 < len(toks) and toks[n].tag_ == "ART" and toks[n].lower_ in _GENITIVE_ARTICLES:
        end = _group_end(toks, n)
        if end > n + 1 and all(t.tag_ in _PRENOMINAL or t.tag_ in _NOUN for t in toks[n:end]):
            head.extend(toks[n:end])
    names = [t.text for t in head]
    if toks[k].lower_ in ("des", "eines") and head[0].tag_ == "NN" and _genitive_s(head[0].text):
        names[0] = head[0].text[:-1]  # "des ... Menschenrechtspakts": the noun as a headline names it
    words = names + [t.text for t in modifiers] + [participle]
    if len(words) > MAX_LINE_WORDS:
        words = [t.text for t in head][: MAX_LINE_WORDS - 1] + [participle]
    return " ".join(words)


def headline(
    clause: Sequence["Token"],
    skip: set[int] = frozenset(),
    before: Sequence["Token"] = (),
    subject_text: str | None = None,
    inherited_subject: Group | None = None,
    names: set[int] = frozenset(),
    core_only: bool = False,
    parsed: "Parsed | None" = None,
    pronoun_objects: "dict[int, str] | None" = None,
) -> str:
    """The clause as a headline fragment ("" when nothing fits).

    ``skip``: indices of tokens to leave out (dates); ``before``: the tokens of the sentence
    before the clause (for the antecedent of a relative pronoun); ``subject_text``: what to write
    for a pronoun subject (the name it stands for); ``inherited_subject``: the subject of the
    first of two coordinated clauses ("Eurosur steht am Mittwoch zur Abstimmung und soll ...");
    ``names``: indices of tokens inside named entities ("im Weißen Haus" names a place);
    ``core_only``: subject and verb alone ("Trump hatte gesagt"), for a line that goes on with
    what was said; ``parsed``: ``parse(clause, skip, before)`` when the caller has it;
    ``pronoun_objects``: what to write for object pronouns (``object_antecedents``).
    """
    if parsed is None:
        parsed = parse(clause, skip, before)
    tokens, f = parsed.tokens, parsed.fields
    if not tokens:
        return ""
    if f.finite is None:
        if f.right and not any(t.text == ":" for t in clause):  # "im nächsten Jahr eine Partnerschaft mit einer Stadt zu wählen"
            groups = [g for g in noun_groups(f.mittelfeld) if not g.governed]
            words = [t.text for g in groups[:1] for t in _display(g)]
            zu = [t.text for t in f.mittelfeld if t.tag_ == "PTKZU"]
            verbs = [t.text for t in f.right][-2:]
            # the verbs that close the clause, in their order ("verletzt zu haben", "zu wählen")
            closing: list[str] = []
            for t in reversed(tokens):
                if t.tag_ not in NONFINITE_TAGS and t.tag_ != "PTKZU" or len(closing) == 3:
                    break
                closing.insert(0, t.text)
            if any(w in verbs for w in closing) and (not zu or zu[-1] in closing):
                line = words[-(MAX_LINE_WORDS - 3):] + closing
            else:
                line = words[-(MAX_LINE_WORDS - 2):] + zu[-1:] + verbs
            if len(line) >= 2:
                return " ".join(line)
        return _nominal_line(clause, skip)
    subject, others = parsed.subject, parsed.others
    others = [g for g in others if g.preposition is None or g.preposition.lower_ not in _SOURCE_PREPOSITIONS]
    if subject is None and inherited_subject is not None:
        subject = inherited_subject
    if subject is not None:
        subject = _without_way_from(subject, tokens)
        # "eine Ausstellung über den Sound", "der Gipfel zwischen Trump und Putin": the phrase belongs to the subject
        attached = next(
            (
                g for g in others
                if g.governed and g.preposition is not None and g.preposition.i == subject.tokens[-1].i + 1 and (
                    g.preposition.lower_ in _ATTACHING
                    # "Das Amt für Jagd und Fischerei hat ...", "Die Brauerei aus Freising war ...":
                    # the Vorfeld holds one phrase, so a phrase after the subject there is the subject's
                    or not f.subordinate and g.tokens[-1].i < f.finite.i and g.preposition.tag_ in ("APPR", "APPRART")
                )
            ),
            None,
        )
        if attached is not None and attached.preposition.lower_ == "von" and not core_only and passive_agent(parsed) is attached:
            attached = None  # "wurde Dareios von eigenen Leuten getötet": the passive's agent
        if attached is not None and attached.preposition.lower_ == "von":
            after_attached = next((t for t in tokens if t.i > attached.tokens[-1].i), None)
            if after_attached is not None and after_attached.lower_ in ("aus", "nach", "bis"):
                attached = None  # "zog Hannibal von Spanien aus": where he set out from, not his name
        if attached is not None and len(subject.tokens) + len(attached.tokens) < 7:
            subject = Group(subject.tokens + [attached.preposition] + attached.tokens, False, None)
            others = [g for g in others if g is not attached]
    subject_ids = {t.i for t in subject.tokens} if subject else set()
    bare = [
        g for g in others
        if not g.governed and not subject_ids & {t.i for t in g.tokens} and g.head.lower_ not in _DATE_NOUNS
    ]
    governed = [g for g in others if g.governed and not subject_ids & {t.i for t in g.tokens}]
    objects: list[Group] = bare[:2]
    after = [g for g in governed if f.subordinate or g.tokens[0].i > f.finite.i]
    # a phrase that names a place or a person ("im US-Bundesstaat Alaska", "nach Rom"): where
    # phrases first, the shortest of them
    named = sorted(
        (g for g in after if any(t.tag_ == "NE" or t.i in names for t in g.tokens)),
        key=lambda g: (g.preposition is None or g.preposition.lower_ not in _LOCAL, len(g.tokens)),
    )
    if not objects or (len(objects) == 1 and len(objects[0].tokens) == 1 and objects[0].tokens[0].tag_ == "PPER"):
        if not named and not objects:
            # the phrases nearest the verb complete it ("steht zur Abstimmung", "ist mit 600 Soldaten im Einsatz")
            objects = [g for g in after if g.tokens[-1].tag_ in ("NN", "NE")][:2]
        elif named:
            objects = objects + named[:1]
        else:
            # "Ermittler kamen ihm auf die Spur": with a pronoun alone, the phrase that closes the clause
            closing_phrase = _closing_phrase(f, after)
            objects = objects + ([closing_phrase] if closing_phrase is not None else [])
    elif (
        len(objects) == 1 and named and named[0].preposition is not None and named[0].preposition.lower_ in _LOCAL
        and len(_display(objects[0])) + len(named[0].tokens) < 6
    ):
        objects = sorted(objects + named[:1], key=lambda g: g.tokens[0].i)
    # "arbeitete als Lehrer", "war als kleine Konzertreihe entstanden": what the verb takes it as
    taken_as = next((g for g in after if g.preposition is not None and g.preposition.tag_ == "KOKOM"
                     and g.preposition.lower_ == "als" and g not in objects), None)
    if taken_as is not None:
        objects = sorted(objects + [taken_as], key=lambda g: g.tokens[0].i)
    objects = [_with_attribute(g, governed, objects) for g in objects]
    score = next(
        (Group([b], True, a) for a, b in zip(f.mittelfeld, f.mittelfeld[1:]) if a.lower_ == "mit" and _SCORE.match(b.text)),
        None,
    ) if not core_only else None
    if score is not None and score not in objects:
        # "besiegten den FC Bayern mit 3:1": the score is the result a sports report is about
        objects = sorted(objects[:2] + [score], key=lambda g: g.tokens[0].i)
    agent = passive_agent(parsed) if not core_only else None
    if agent is not None and subject is not None and agent.preposition.i <= subject.tokens[-1].i:
        agent = None  # already the subject's ("Dareios von eigenen Leuten")
    if agent is not None and agent not in objects and len(agent.tokens) < 6:
        # "wurde am Sonntag von einem Blitz getroffen": who did it belongs to a passive's line
        objects = sorted(objects[:1] + [agent], key=lambda g: g.tokens[0].i)
    # the phrase that closes the Mittelfeld, a noun without article ("ums Leben", "in Kraft", "zur
    # Abstimmung"), completes the verb: it stays, whatever else is chosen
    complement = _verb_complement(f, governed)
    if complement is not None and not core_only and all(complement.tokens[0].i not in {t.i for t in g.tokens} for g in objects):
        objects = sorted(objects[:2] + [complement], key=lambda g: g.tokens[0].i)
    present = {t.i for g in objects for t in g.tokens}
    extra = [Group([t], False, None) for t in f.mittelfeld if t.i in (pronoun_objects or {}) and t.i not in present]
    if not extra and not objects and f.right and f.finite.lower_ not in _EXPLETIVE_ES_VERBS:
        # "Die Stadt hatte es gekauft": an object "es" is better than no object
        extra = [t for t in f.mittelfeld if t.lower_ == "es" and t.tag_ == "PPER"][:1]
        extra = [Group(extra, False, None)] if extra and subject is not None else []
    if extra:
        objects = sorted(objects + extra, key=lambda g: g.tokens[0].i)[:2]
    finite = f.finite
    reflexive = next((t for t in f.mittelfeld if t.tag_ == "PRF"), None)
    negation = negation_of(tokens)
    predicate = (
        [t for t in f.mittelfeld if t.tag_ == "ADJD"][-1:]
        if (finite.lower_ in _COPULA and not f.right) or any(t.lower_ in ("sein", "bleiben") for t in f.right)
        else []
    )
    if not predicate and finite.lower_ in _COPULA and not f.right and f.mittelfeld and (
        f.mittelfeld[-1].tag_ == "ADV" and f.mittelfeld[-1].lower_ not in _NOT_PREDICATE_ADVERBS
    ):
        predicate = [f.mittelfeld[-1]]  # "war auf der Straße unterwegs", "ist wieder da"
    if not predicate and finite.lower_ in _COPULA and not f.right and not f.subordinate:
        # "Sehr glücklich ist er mit ...": the predicate can stand in the Vorfeld
        predicate = [t for t in f.vorfeld if t.tag_ == "ADJD"][-1:]
    if not objects and not predicate and not core_only and subject is not None and not f.subordinate:
        # "Im Prozess um den Überfall ist das Urteil gefallen": with nothing after the verb, the
        # phrase of the Vorfeld says what the event is about
        objects = [
            g for g in governed
            if g.tokens[0].i < f.finite.i and g.tokens[-1].tag_ in ("NN", "NE") and g.head.lower_ not in _DATE_NOUNS
            and g.preposition is not None and g.preposition.lower_ not in _DURATION_OPENERS
            and not any(t.tag_ in ("PDAT", "PIAT", "PIDAT") for t in g.tokens)
        ][:1]
    right = list(f.right)
    particle_words: list[str] = []
    finite_text = finite.text
    if f.subordinate:
        split = _split_particle(finite) if not right else None
        if split is not None:
            finite_text, particle = split
            particle_words = [particle]

    words: list[str] = []
    if subject is not None:
        if subject_text and len(subject.tokens) == 1 and subject.tokens[0].tag_ == "PPER":
            words.extend(subject_text.split())
        else:
            words.extend(t.text for t in _display(subject))
    elif not f.subordinate and f.vorfeld:
        # "Dem 19-Jährigen wird vorgeworfen": a clause without subject keeps its fronted dative or
        # accusative, article and all (it is what the clause is about)
        front = noun_groups(f.vorfeld)
        if front and not front[0].governed and front[0].accusative_or_dative and front[0].tokens[0].i == f.vorfeld[0].i:
            words.extend(t.text for t in front[0].tokens)
            objects = [g for g in objects if g.tokens[0].i != front[0].tokens[0].i]
    words.append(finite_text)
    if reflexive is not None:
        words.append(reflexive.text)
    body: list[str] = []
    if core_only:
        objects, predicate = [], []
    for g in objects:
        toks = _display(g)
        if pronoun_objects and len(g.tokens) == 1 and g.tokens[0].i in pronoun_objects:
            body.extend(pronoun_objects[g.tokens[0].i].split())
            continue
        if g.governed and g.preposition is not None:
            toks = [g.preposition] + list(g.tokens)
        body.extend(t.text.lower() if t.is_sent_start and t.tag_ in _PREPOSITION else t.text for t in toks)
    body.extend(t.text for t in predicate)
    tail = [t.text.lower() if t.is_sent_start and t.tag_ in VERB_TAGS else t.text for t in right] + particle_words
    kept = [t for t in f.mittelfeld if t.tag_ == "ADV" and t.lower_ in _KEPT_ADVERBS][:1]
    adverbs = [t.text for t in kept]
    if kept and body and (right or particle_words) and all(kept[0].i < g.tokens[0].i for g in objects):
        # "werde erstmals in Innsbruck Station machen": the adverb keeps its place before the objects
        body = adverbs + body
    elif right or particle_words:
        tail = adverbs + tail
    if negation is not None:
        tail = [negation.text] + tail
    room = MAX_LINE_WORDS - len(words) - len(tail)
    if len(body) > room:
        body = _shrink(objects, room)
    if len(words) + len(body) + len(tail) > MAX_LINE_WORDS and subject is not None:
        keep = max(1, MAX_LINE_WORDS - len(body) - len(tail) - (len(words) - len(_display(subject))))
        words = [t.text for t in _display(subject)][-keep:] + words[len(_display(subject)) :]
    line = words + body + tail
    if subject is None and not body and not f.subordinate and len(tokens) <= 8 and not core_only and (
        any(t.lower_ == "es" for t in tokens)
    ):
        # "Sportlich ging es zu": an impersonal clause is best in its own words, not as "ging zu"
        return " ".join(t.text for t in tokens)
    if len(line) < 2 and not body:
        # "hieß es": the clause's own words
        line = [t.text for t in tokens][:MAX_LINE_WORDS]
        return " ".join(line) if len(line) >= 2 else ""
    return " ".join(line[: MAX_LINE_WORDS + 2])


def _without_way_from(group: Group, tokens: Sequence["Token"]) -> Group:
    """A group without the "von" name that starts a way ("Hannibal von Spanien | aus", "von Rom |
    nach Capua"): the place is where the subject set out from, not part of its name."""
    cut = next((n for n, t in enumerate(group.tokens) if n and t.lower_ == "von"), None)
    if cut is None:
        return group
    after = next((t for t in tokens if t.i > group.tokens[-1].i), None)
    if after is None or after.lower_ not in ("aus", "nach", "bis"):
        return group
    return Group(group.tokens[:cut], group.governed, group.preposition)


def _with_attribute(group: Group, governed: list[Group], objects: list[Group]) -> Group:
    """A bare object with the phrase right after it that belongs to its noun ("Tickets für die
    Zusatzvorstellung", "eine Strafe von 500 Euro")."""
    if group.governed:
        return group
    attached = next(
        (
            g for g in governed
            if g.preposition is not None and g.preposition.lower_ in _OBJECT_ATTACHING
            and g.preposition.i == group.tokens[-1].i + 1 and g not in objects
        ),
        None,
    )
    if attached is None or len(group.tokens) + len(attached.tokens) >= 7:
        return group
    return Group(group.tokens + [attached.preposition] + attached.tokens, False, None)


def _closing_phrase(f: Fields, after: list[Group]) -> Group | None:
    """The prepositional phrase with article that ends a Mittelfeld without right bracket ("kamen
    ihm auf die Spur"), or None."""
    if f.right or not f.mittelfeld:
        return None
    last = f.mittelfeld[-1]
    return next(
        (
            g for g in after
            if g.tokens[-1].i == last.i and len(g.tokens) <= 3 and g.tokens[-1].tag_ == "NN"
            and g.preposition is not None and g.preposition.lower_ in _COMPLEMENT_PREPOSITIONS
            and g.tokens[-1].lower_ not in _DATE_NOUNS
        ),
        None,
    )


def _verb_complement(f: Fields, governed: list[Group]) -> Group | None:
    """The prepositional phrase of one noun without article that ends the Mittelfeld ("kam ums
    Leben", "ist in Kraft getreten", "steht zur Abstimmung"), or None."""
    if not f.mittelfeld:
        return None
    last = f.mittelfeld[-1]
    for g in governed:
        if (
            g.tokens[-1].i == last.i and len(g.tokens) == 1 and g.tokens[0].tag_ == "NN"
            and g.preposition is not None and g.preposition.lower_ not in _SOURCE_PREPOSITIONS
            and g.tokens[0].lower_ not in _DATE_NOUNS
        ):
            return g
        if (
            # "rief die Beschäftigten zu einer Betriebsversammlung auf", "waren auf die Fahrbahn gestürzt",
            # "kamen ihm auf die Spur": the phrase right before the right bracket is the verb's own
            f.right and g.tokens[-1].i == last.i and len(g.tokens) <= 3 and g.tokens[-1].tag_ == "NN"
            and g.tokens[0].tag_ == "ART" and g.preposition is not None
            and g.preposition.lower_ in _COMPLEMENT_PREPOSITIONS and g.tokens[-1].lower_ not in _DATE_NOUNS
            and g.preposition.i == g.tokens[0].i - 1
        ):
            return g
    return None


def _shrink(objects: list[Group], room: int) -> list[str]:
    """The objects cut to ``room`` words: each keeps its last words (the head of a German group)."""
    out: list[str] = []
    for g in objects:
        toks = [t.text for t in _display(g)]
        if g.governed and g.preposition is not None:
            toks = [g.preposition.text] + toks[-2:]
        left = room - len(out)
        if left <= 0 or (left < 2 and len(toks) > left):
            break
        cut = toks[-left:] if not g.governed else toks[:left]
        while cut and cut[0] in ("und", "oder", "sowie"):
            cut = cut[1:]
        out.extend(cut)
    return out


def plain_line(clause: Sequence["Token"], skip: set[int] = frozenset()) -> str:
    """The clause's own words when no line can be built from its fields (no verb found): without
    punctuation, dates and the preposition before them, at most ``MAX_LINE_WORDS`` words."""
    return " ".join(t.text for t in _content(clause, skip)[:MAX_LINE_WORDS])


def _content(clause: Sequence["Token"], skip: set[int]) -> list["Token"]:
    """The clause without punctuation, dates, the preposition before a date, parentheses,
    appositions (", italienischer Landeshauptmann-Stellvertreter,") and quoted titles that
    hold a verb ("„Wer reitet so spät?“")."""
    out: list["Token"] = []
    depth = 0
    toks = list(clause)
    quoted = _quoted_with_verb(toks)
    if quoted and all(t.i in quoted or t.i in skip or _is_punct(t) or t.text in _QUOTE_MARKS for t in toks):
        quoted = set()  # the clause is the quotation: speech ("„Wir werden den Antrag stellen“"), not a title
    drop = quoted | _appositions(toks)
    after_date = False
    opener = ""
    for n, t in enumerate(toks):
        if t.i in drop:
            continue
        if t.i in skip:
            if not after_date:
                opener = toks[n - 1].lower_ if n > 0 else ""
            after_date = True
            continue
        if after_date and t.tag_ == "NN" and (t.lower_ in _DATE_NOUNS or opener in _DURATION_OPENERS):
            continue  # "nach sieben Jahren Bauzeit", "gegen 22 Uhr Ortszeit": the noun belongs to the date
        if after_date and opener in _DURATION_OPENERS and t.tag_ == "ADJA" and t.lower_.endswith("er") \
                and n + 1 < len(toks) and toks[n + 1].tag_ == "NN":
            continue  # "nach zwei Wochen zäher Verhandlungen": a genitive of what filled the time
        after_date = False
        if t.text in ("(", "["):
            depth += 1
            continue
        if t.text in (")", "]"):
            depth = max(0, depth - 1)
            continue
        if depth or _is_punct(t) or t.i in skip or t.is_space or t.text in _QUOTE_MARKS:
            continue
        if t.tag_ in _PREPOSITION and n + 1 < len(toks) and toks[n + 1].i in skip:
            continue  # "am" of "am Montag"
        if t.tag_ in _PREPOSITION and n + 2 < len(toks) and toks[n + 1].tag_ in _PREPOSITION | {"ART"} and (
            toks[n + 2].i in skip
        ):
            continue  # "bis" of "bis in die Nacht", "ab" of "ab dem 1. Mai"
        if t.tag_ in ("ART",) and n + 1 < len(toks) and toks[n + 1].i in skip:
            continue
        out.append(t)
    return out


def _quoted_with_verb(toks: list["Token"]) -> set[int]:
    """Indices of the tokens of quotations that hold a finite verb (titles, not the clause's verb)."""
    out: set[int] = set()
    inside: list["Token"] = []
    opened = False
    for t in toks:
        if t.text in ("„", "»", "«", "“", '"') and (not opened or t.text in ("“", '"', "«")):
            if opened:
                if any(x.tag_ in FINITE_TAGS for x in inside):
                    out.update(x.i for x in inside)
                inside, opened = [], False
            else:
                opened = t.text in ("„", "»", '"', "“")
            continue
        if opened:
            inside.append(t)
    return out


def _appositions(toks: list["Token"]) -> set[int]:
    """Indices of appositions: a verbless piece between commas right after a name."""
    out: set[int] = set()
    commas = [n for n, t in enumerate(toks) if t.tag_ == "$,"]
    for a, b in zip(commas, commas[1:]):
        piece = toks[a + 1 : b]
        if (
            piece and a > 0 and toks[a - 1].tag_ == "NE" and piece[0].tag_ in ("ART", "ADJA", "NN")
            and not any(t.tag_ in VERB_TAGS for t in piece) and len(piece) <= (10 if piece[0].tag_ == "ART" else 6)
        ):
            out.update(t.i for t in piece)
    return out


_TRAILING = frozenset({"APPR", "APPRART", "ART", "KON", "KOKOM", "$(", "PTKZU"})


def _nominal_line(clause: Sequence["Token"], skip: set[int]) -> str:
    """A clause without a finite verb (a listing entry, a heading): its first phrase.

    A listing entry "Bozen / Umgebung Theater & Bühne Andrian: „Tingeltangel“: Satire der
    Theatergruppe Andrian, im Theatersaal, 20 Uhr" keeps its last two colon segments.
    """
    words: list["Token"] = []
    for t in clause:
        if t.tag_ == "$," or (t.i in skip and words):
            break
        if t.i in skip or t.text in _QUOTE_MARKS or t.text in ("(", ")"):
            continue
        if _is_punct(t) and t.text not in (":", "-", "/", "&"):
            continue
        words.append(t)
    colons = [n for n, t in enumerate(words) if t.text == ":"]
    if len(colons) >= 2:
        words = words[colons[-2] + 1 :]
    words = words[:MAX_LINE_WORDS]
    while words and (words[-1].text in (":", "-", "/", "&") or words[-1].tag_ in _TRAILING):
        words.pop()
    return " ".join(t.text for t in words).replace(" :", ":")
