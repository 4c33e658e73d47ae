"""Entities from a spaCy Doc, with canonical keys that join the mentions of one thing.

``canonical_key(text, label)`` normalises one mention on its own: whitespace,
surrounding quotes and punctuation, and the German genitive ``-s``
(``Putins`` -> ``Putin``, ``Russlands`` -> ``Russland``; ``Paris``, ``Texas``,
``Hans`` stay). The key is ``LABEL:canonical string``, so the same name gives
the same key in every article.

``extract_entities(doc)`` also applies rules after the model, each named in
``RULES`` (``training/entity_rules.py`` measures what each changes on GermEval
dev):

* ``join_surnames``: ``Putin`` gets the key of ``Wladimir Putin`` when the
  document names him in full (before or after);
* ``one_label``: one name gets one label within the document (the label most
  of its mentions have; a tie goes to the label the lexicon knows it by);
* ``common_noun``: a lone word the lexicon knows only as a common noun
  (``Papst``, ``Stürmer``) is no person or place unless the tagger, the
  model's second opinion, reads it as a proper noun (STTS ``NE``).
  Organisations and other names stay: there, a common noun alone is often
  the name (``Allianz``, ``Sparkasse``, ``Spiegel``, ``Euro``).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newsdesk.index.annotations import LABELS, Entity, entity_key
from newsdesk.index.analysis.lexical_features import name_classes

# labels of other pipelines that mean one of ours
_LABEL_MAP = {"PERSON": "PER", "GPE": "LOC", "LOCATION": "LOC", "ORGANIZATION": "ORG", "NORP": "MISC"}

_OPEN = "\"'„“”‚‘’»«‹›([{<*-–—•·/"
_CLOSE = "\"'„“”‚‘’»«‹›)]}>*-–—•·/,;:!?"
_PAIRS = {")": "(", "]": "[", "}": "{", ">": "<"}
_SPACE = re.compile(r"\s+")

# names that end in -s in the nominative, beyond what the lexicon knows
_KEEP_S = {
    "hans", "jens", "lars", "mats", "nils", "niels", "jonas", "reuters", "siemens", "cannes",
    "news", "times", "games", "sports", "airlines", "motors", "systems", "partners", "records",
    "brothers", "studios", "islands", "nations", "states", "holdings", "services", "networks",
    "industries", "technologies", "communications", "bros", "wales", "mars", "vereinigtes",
    "paris", "texas", "los", "angeles", "las", "vegas", "kansas", "arkansas", "honduras",
}
# a final -s after these letters is part of the name (Klaus, Paris, Texas, Carlos, Moses, Vilnius)
_NOT_GENITIVE_BEFORE_S = set("aeiouyäöüsxzß")


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Narrow [start, end) of ``text`` past whitespace, quotes and punctuation around it."""
    while True:
        before = (start, end)
        while start < end and (text[start].isspace() or text[start] in _OPEN):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in _CLOSE):
            ch = text[end - 1]
            if ch in _PAIRS and _PAIRS[ch] in text[start:end - 1]:
                break
            end -= 1
        # a stray sentence full stop (not "Inc." or "U.S."): drop it
        if end - start > 1 and text[end - 1] == "." and "." not in text[start:end - 1] and text[end - 2].islower() \
                and len(text[start:end].split()[-1]) > 4:
            end -= 1
        if (start, end) == before:
            return start, end


def _strip_genitive(word: str) -> str:
    """``Putins`` -> ``Putin``; ``Hans'`` -> ``Hans``; ``Paris`` stays."""
    if len(word) > 3 and word[-1] in "'’":
        return word[:-1]
    if len(word) < 4 or not word.endswith("s") or not word[-2].isalpha() or word.isupper():
        return word
    if word.lower() in _KEEP_S:
        return word
    own, stem = name_classes(word), name_classes(word[:-1])
    if stem.strip("C-"):
        return word[:-1]  # the lexicon knows the form without -s as a name (Deutschlands, Merkels)
    if own.strip("C-"):
        return word  # ... or the form itself (Hans, Paris)
    if word[-2].lower() in _NOT_GENITIVE_BEFORE_S:
        return word
    return word[:-1]


def normalize_label(label: str) -> str | None:
    label = _LABEL_MAP.get(label, label)
    return label if label in LABELS else None


def canonical_name(text: str, label: str, genitive: bool | None = None) -> str:
    """The canonical string of one mention: clean, single-spaced, genitive -s removed.

    ``genitive`` says whether the mention stands where a genitive can (right before the noun it
    qualifies: "Putins Sprecher"): False keeps a final -s ("Tom Downs sagte", "in New
    Orleans"), None (unknown) lets the lexicon and the spelling decide. A regnal number keeps
    no full stop ("Benedikt XVI." and "Benedikt XVI" are one name).
    """
    text = _SPACE.sub(" ", text).replace("’", "'")
    start, end = _strip_span(text, 0, len(text))
    text = text[start:end]
    if not text:
        return text
    words = text.split(" ")
    if len(words) > 1 and _REGNAL.fullmatch(words[-1]):
        words[-1] = words[-1].rstrip(".")
    elif label in ("PER", "LOC") or (label == "ORG" and len(words) == 1):
        if genitive is False:
            if len(words[-1]) > 3 and words[-1][-1] == "'":
                words[-1] = words[-1][:-1]
        else:
            words[-1] = _strip_genitive(words[-1])
    return " ".join(words)


_REGNAL = re.compile(r"[IVXL]{1,6}\.?")


def canonical_key(text: str, label: str, genitive: bool | None = None) -> str:
    """``LABEL:canonical name`` of one mention, e.g. ``PER:Putin`` for ``Putins``."""
    label = normalize_label(label) or label
    return entity_key(label, canonical_name(text, label, genitive))


_CALENDAR = {
    "januar", "jänner", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober",
    "november", "dezember", "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend",
    "sonntag",
}


def _full_name_for(i: int, surname: str, full: list[tuple[int, str]]) -> str | None:
    """The full person name (``Wladimir Putin``) that mention ``i`` (``Putin``) refers to, if any."""
    candidates = [(j, f) for j, f in full if f.split(" ")[-1] == surname]
    if not candidates:
        return None
    if len({f for _, f in candidates}) == 1:
        return candidates[0][1]
    # several people share the surname: the nearest full mention before it, else the first after it
    before = [f for j, f in candidates if j < i]
    return before[-1] if before else candidates[0][1]


_NOUN_GROUP_START = frozenset({"NN", "NE", "ADJA", "CARD", "TRUNC", "FM"})


def _genitive_position(doc: Doc, start: int, end: int, label: str) -> bool | None:
    """Whether a mention (tokens ``start``..``end``) stands where a genitive can.

    Before the noun it would qualify ("Putins Sprecher"), or, for a place or an organisation,
    after one ("den Süden Mexikos"; a noun before a person is mostly a title: "Trainer Tom
    Downs"). None when the Doc has no part-of-speech tags.
    """
    if not doc.has_annotation("TAG"):
        return None
    if end < len(doc) and doc[end].tag_ in _NOUN_GROUP_START:
        return True
    return label != "PER" and start > 0 and doc[start - 1].tag_ == "NN"


JOIN_SURNAMES = "join_surnames"
ONE_LABEL = "one_label"
COMMON_NOUN = "common_noun"
# the rules extract_entities applies by default (all of them: each one raised dev F1)
RULES = frozenset({JOIN_SURNAMES, ONE_LABEL, COMMON_NOUN})


def _only_common_noun(word: str) -> bool:
    """Whether the lexicon knows ``word`` (or, unknown itself, its form without a genitive -s/-es)
    as a common noun and as nothing else: ``Papst``, ``Papstes``, ``Taktfrequenz``; not ``Fischer``
    (also a surname), not ``Berlin``."""
    classes = name_classes(word)
    if classes == "-" and len(word) > 4 and word.endswith("s"):
        classes = name_classes(word[:-1])
        if classes == "-" and word.endswith("es"):
            classes = name_classes(word[:-2])
    return classes == "C"


# labels a lone common noun does not get: on GermEval dev's tuning half, of the one-word entities
# that are only common nouns in the lexicon, PER/LOC ones were mostly wrong (3 right, 10 wrong),
# ORG/MISC ones mostly right (20 right, 9 wrong)
_NOT_A_COMMON_NOUN = frozenset({"PER", "LOC"})


def _lone_common_noun(ent) -> bool:
    """A one-word person or place that is only a common noun in the lexicon and that the tagger
    does not tag NE."""
    if normalize_label(ent.label_) not in _NOT_A_COMMON_NOUN:
        return False
    words = [t for t in ent if not t.is_punct and not t.is_space]
    if len(words) != 1 or not words[0].text[:1].isupper():
        return False
    if ent.doc.has_annotation("TAG") and words[0].tag_ == "NE":
        return False
    return _only_common_noun(words[0].text)


# academic and professional titles before a name
_TITLE = re.compile(r"(?:(?:Dr|Prof|Mag|Ing|Dipl\.-Ing|DI|Univ\.-Prof)\.?(?:\s*(?:med|phil|jur|rer\.\s*nat|h\.\s*c)\.)*\s+)+(?=[A-ZÄÖÜ])")
# a person "X von Y" followed by what goes on a way from Y ("von Spanien aus", "von Rom nach Capua"):
# Y is where X set out from, not part of the name ("Franz von Assisi" stays one name)
_PERSON_FROM = re.compile(r"(\S+) von (\S+)")
_MOTION_AFTER = re.compile(r"\s+(?:aus\b|nach\s|bis\s|über\s|in\s+Richtung\b)")


# words of a battle in the sentence of "bei X" / "am X": X is where it was fought ("besiegte er
# Dareios bei Issos", "am Hydaspes"), a place the model reads as a person or an organisation
_BATTLE_WORDS = ("besieg", "sieg", "schlug", "geschlagen", "kämpf", "gekämpft", "unterlag", "schlacht", "gefecht")
_SITE_PREPOSITIONS = frozenset({"bei", "am"})


def _battle_site(doc: Doc, start: int, end: int) -> bool:
    """A one-word name [start, end) right after "bei" or "am" in a sentence about a battle."""
    if end - start != 1 or start < 1 or doc[start - 1].lower_ not in _SITE_PREPOSITIONS:
        return False
    lo = start - 1
    while lo > 0 and start - lo < 30 and doc[lo - 1].text not in (".", "!", "?", ";"):
        lo -= 1
    hi = end
    while hi < len(doc) and hi - end < 15 and doc[hi].text not in (".", "!", "?", ";"):
        hi += 1
    return any(t.lower_.startswith(_BATTLE_WORDS) and not t.ent_type for t in doc[lo:hi])  # not "Siegfried"


# the era of a year ("264 v. Chr.", "14 n. Chr."): the model reads "Chr." as a place
_ERA = re.compile(r"(?:[vn]\.\s*)?Chr\.?")
_ERA_BEFORE = re.compile(r"\b[vn]\.\s*$")


def _era_marker(text: str, start: int, surface: str) -> bool:
    """``surface`` at ``start`` is "Chr." of "v. Chr." / "n. Chr.", or the whole marker."""
    return _ERA.fullmatch(surface) is not None and (
        surface[0] in "vn" or _ERA_BEFORE.search(text, max(0, start - 4), start) is not None
    )


def _lexicon_label(name: str) -> str | None:
    """The label the lexicon suggests for a one-word name: LOC for a known place, PER for a known person name."""
    if " " in name:
        return None
    classes = name_classes(name)
    if "T" in classes:
        return "LOC"
    if "V" in classes or "S" in classes:
        return "PER"
    return None


def extract_entities(doc: Doc, rules: frozenset[str] = RULES) -> list[Entity]:
    """The PER/LOC/ORG/MISC entities of ``doc`` in text order, with canonical keys.

    Within the document, mentions of one thing are joined: a genitive whose base
    form is also mentioned (``Rubios`` next to ``Rubio``) gets the base's key;
    ``rules`` (see ``RULES``) says which of the rules after the model apply.
    """
    text = doc.text
    found: list[list] = []  # [start, end, label, canonical]
    for ent in doc.ents:
        label = normalize_label(ent.label_)
        if label is None:
            continue
        start, end = _strip_span(text, ent.start_char, ent.end_char)
        surface = text[start:end]
        if start >= end or not any(c.isalnum() for c in surface):
            continue
        if " " not in surface and surface.lower() in _CALENDAR:
            continue  # "August", "Montag": dates, not names
        if _era_marker(text, start, surface):
            continue  # "Chr." of "264 v. Chr.": an era, not a place
        if COMMON_NOUN in rules and _lone_common_noun(ent):
            continue  # "Papst", "Taktfrequenz": a noun, not a name
        alone = _TITLE.match(surface + " A")
        if alone is not None and alone.end() == len(surface) + 1:
            continue  # "Dr." alone: a title, not a name
        title = _TITLE.match(surface)
        if title is not None and title.end() < len(surface):
            # "Dr. Stefan Gamper" (read as an organisation): a title names a person, the key is the name
            start, label = start + title.end(), "PER"
            surface = text[start:end]
        origin = _PERSON_FROM.fullmatch(surface) if label == "PER" else None
        if origin is not None and _MOTION_AFTER.match(text, end):
            # "zog Hannibal von Spanien aus über die Alpen": a starting point, not a name "X von Y"
            found.append([start, start + origin.end(1), "PER", canonical_name(origin.group(1), "PER")])
            if _lexicon_label(origin.group(2)) == "LOC":
                found.append([start + origin.start(2), end, "LOC", canonical_name(origin.group(2), "LOC")])
            continue
        if label in ("PER", "ORG") and _battle_site(doc, ent.start, ent.end):
            label = "LOC"  # "bei Issos", "am Hydaspes" in a sentence about a battle
        found.append([start, end, label, canonical_name(surface, label, _genitive_position(doc, ent.start, ent.end, label))])

    # genitive -s the rules kept, but whose base form the document mentions too (Rubios / Rubio)
    names = {f[3] for f in found}
    surnames = {f[3].split(" ")[-1] for f in found if f[2] == "PER" and " " in f[3]}
    for f in found:
        name = f[3]
        if " " not in name and name.endswith("s") and len(name) > 3 and (name[:-1] in names or name[:-1] in surnames):
            f[3] = name[:-1]

    # a surname alone is the person named in full elsewhere in the document
    full = [(i, f[3]) for i, f in enumerate(found) if f[2] == "PER" and " " in f[3]] if JOIN_SURNAMES in rules else []
    for i, f in enumerate(found):
        if " " in f[3] or (f[2] == "LOC" and name_classes(f[3]).strip("C-S") and "T" in name_classes(f[3])):
            continue
        full_name = _full_name_for(i, f[3], full)
        if full_name is not None:
            f[2], f[3] = "PER", full_name

    # one name, one label: the most frequent one in this document; a tie goes to the label the
    # lexicon knows the name by ("China": a place), else to the first seen
    votes: dict[str, dict[str, float]] = {}
    for f in found:
        votes.setdefault(f[3], {}).setdefault(f[2], 0)
        votes[f[3]][f[2]] += 1
    for name, counts in votes.items():
        if len(counts) > 1:
            prior = _lexicon_label(name)
            if prior in counts:
                counts[prior] += 0.5
    entities = []
    for start, end, label, name in found:
        counts = votes[name]
        best = max(counts, key=lambda lab: counts[lab])  # dicts keep first-seen order for ties
        if ONE_LABEL in rules and counts[best] > counts[label]:
            label = best
        entities.append(Entity(start, end, text[start:end], label, entity_key(label, name)))
    return entities
