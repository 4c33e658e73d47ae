"""German text analysis for the index: tokens, lowercase, folding, stop words, stemming.

Folding maps umlauts and accented letters to their base letter and ß to "ss"
before the Snowball German stemmer runs, so ``Gespräche``, ``Gespräch`` and
``Gesprache`` share one index term, ``Straße`` and ``Strasse`` too, and
``Russlands`` meets ``Russland``.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from whoosh.analysis import Filter, LowercaseFilter, RegexTokenizer, StemFilter, StopFilter
from whoosh.lang import stopwords_for_language

# Words: runs of word characters, possibly joined by a single dot ("z.B") or
# apostrophe; hyphenated compounds are split into their parts.
WORD_PATTERN = r"\w+(?:[.']\w+)*"


@lru_cache(maxsize=100_000)
def fold(word: str) -> str:
    """Lowercase ``word``, map ß to "ss" and strip diacritics (ä -> a, é -> e)."""
    word = word.lower().replace("ß", "ss")
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


class FoldFilter(Filter):
    """Applies :func:`fold` to every token."""

    def __call__(self, tokens):
        for t in tokens:
            t.text = fold(t.text)
            yield t


def _stopwords() -> frozenset[str]:
    return frozenset(fold(w) for w in stopwords_for_language("de"))


def german_analyzer():
    """The analyzer of the title and body fields (index and query time)."""
    return (
        RegexTokenizer(WORD_PATTERN)
        | LowercaseFilter()
        | FoldFilter()
        | StopFilter(stoplist=_stopwords(), minsize=1)
        | StemFilter(lang="de", cachesize=200_000)
    )


def word_analyzer():
    """Words, lowercased and folded, not stemmed: the ``publisher`` field's analyzer."""
    return RegexTokenizer(WORD_PATTERN) | LowercaseFilter() | FoldFilter()


def line_analyzer():
    """One token per line, lowercased and folded: the ``entity`` field's analyzer."""
    return RegexTokenizer(r"[^\n]+") | LowercaseFilter() | FoldFilter()


def exact_line_analyzer():
    """One token per line, kept exactly: the ``entity_key`` field's analyzer."""
    return RegexTokenizer(r"[^\n]+")
