"""Entities from a spaCy Doc, with canonical keys that join the mentions of one thing.

``canonical_key(text, label)`` normalises one mention on its own: whitespace,
surrounding quotes and punctuation, and the German genitive ``-s``
(``Putins`` -> ``Putin``, ``Russlands`` -> ``Russland``; ``Paris``, ``Texas``,
``Hans`` stay). The key is ``LABEL:canonical string``, so the same name gives
the same key in every article.

``extract_entities(doc)`` also joins short and full person names within one
document: ``Putin`` gets the key of ``Wladimir Putin`` when the document names
him in full (before or after).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from index.annotations import LABELS, Entity
from index.analysis.lexical_features import name_classes

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


def canonical_name(text: str, label: str) -> str:
    """The canonical string of one mention: clean, single-spaced, genitive -s removed."""
    text = _SPACE.sub(" ", text).replace("’", "'")
    start, end = _strip_span(text, 0, len(text))
    text = text[start:end]
    if not text:
        return text
    words = text.split(" ")
    if label in ("PER", "LOC") or (label == "ORG" and len(words) == 1):
        words[-1] = _strip_genitive(words[-1])
    return " ".join(words)


def canonical_key(text: str, label: str) -> str:
    """``LABEL:canonical name`` of one mention, e.g. ``PER:Putin`` for ``Putins``."""
    label = normalize_label(label) or label
    return f"{label}:{canonical_name(text, label)}"


def _join_person_names(names: list[tuple[int, str]]) -> dict[int, str]:
    """Map mention index -> full name for short person mentions (``Putin`` -> ``Wladimir Putin``)."""
    full = [(i, n) for i, n in names if " " in n]
    out: dict[int, str] = {}
    for i, name in names:
        if " " in name:
            continue
        candidates = [(j, f) for j, f in full if f.split(" ")[-1] == name]
        if not candidates:
            continue
        distinct = {f for _, f in candidates}
        if len(distinct) == 1:
            out[i] = candidates[0][1]
            continue
        # several people share the surname: the nearest full mention before it, else the first after it
        before = [(j, f) for j, f in candidates if j < i]
        out[i] = before[-1][1] if before else candidates[0][1]
    return out


def extract_entities(doc: Doc) -> list[Entity]:
    """The PER/LOC/ORG/MISC entities of ``doc`` in text order, with canonical keys."""
    text = doc.text
    found: list[tuple[int, int, str, str]] = []  # start, end, label, canonical
    for ent in doc.ents:
        label = normalize_label(ent.label_)
        if label is None:
            continue
        start, end = _strip_span(text, ent.start_char, ent.end_char)
        if start >= end or not any(c.isalnum() for c in text[start:end]):
            continue
        found.append((start, end, label, canonical_name(text[start:end], label)))
    persons = [(i, f[3]) for i, f in enumerate(found) if f[2] == "PER"]
    full_names = _join_person_names(persons)
    entities = []
    for i, (start, end, label, name) in enumerate(found):
        name = full_names.get(i, name)
        entities.append(Entity(start, end, text[start:end], label, f"{label}:{name}"))
    return entities
