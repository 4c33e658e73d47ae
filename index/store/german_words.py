"""German words to index terms, without Whoosh's analysis classes: folding, stop words, stemming.

What ``german.german_analyzer`` makes of a title or body, term by term (``german`` builds its
Whoosh analyzers from the same functions): a process that only searches (``newsdesk search``)
turns its query words into index terms with this module alone.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Bump when fold() changes: what an index holds depends on it, so indexes made with
# another folding must be built again.
FOLDING_VERSION = 2

# ae/oe written for ä/ö, and ue for ü except after a vowel or q (neue, Steuer, Bauer, Quelle
# keep theirs): the rule of Lucene's GermanNormalizationFilter. Runs after the umlauts are folded.
_DIGRAPH = re.compile(r"([ao]|(?<![aeiouyq])u)e")

# Words: runs of word characters, possibly joined by a single dot ("z.B") or
# apostrophe; hyphenated compounds are split into their parts.
WORD_PATTERN = r"\w+(?:[.']\w+)*"


@lru_cache(maxsize=100_000)
def fold(word: str) -> str:
    """Lowercase ``word``, map ß to "ss", strip diacritics (ä -> a, é -> e) and fold ae/oe/ue to a/o/u."""
    word = word.lower().replace("ß", "ss")
    if not word.isascii():
        decomposed = unicodedata.normalize("NFKD", word)
        word = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    if "e" in word:
        word = _DIGRAPH.sub(r"\1", word)
    return word


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Whoosh's German stop words, folded."""
    from whoosh.lang import stopwords_for_language

    return frozenset(fold(w) for w in stopwords_for_language("de"))


@lru_cache(maxsize=1)
def stemmer():
    """The Snowball German stemmer (Whoosh's: the one ``StemFilter(lang="de")`` uses, as
    ``whoosh.lang.stemmer_for_language("de")`` makes it), imported without the other languages'."""
    from .whoosh_import import import_alone, import_whoosh

    import_whoosh("whoosh.compat")  # the stemmer imports it (without urllib here)
    return import_alone("whoosh.lang.snowball", "german").GermanStemmer().stem


_WORD = re.compile(WORD_PATTERN)
_TERM_CACHE_SIZE = 500_000  # distinct surface words kept (a news corpus of 100,000 articles has ~400,000)


class IndexTerms:
    """The index terms of a text, in order: what ``german.german_analyzer`` makes of it (the same
    terms; stop words dropped, the word after one is the next position, as Whoosh's StopFilter
    renumbers them), without a token object per word. A term's position is its index in the list. Each distinct surface word is folded, checked and stemmed
    once (the mapping is cached)."""

    def __init__(self, cache_size: int = _TERM_CACHE_SIZE):
        self._stem = stemmer()
        self._stop = stopwords()
        self._cache: dict[str, str] = {}  # surface word -> term ("" for a stop word)
        self._cache_size = cache_size

    def _term(self, word: str) -> str:
        folded = fold(word)
        term = "" if folded in self._stop else self._stem(folded)
        if len(self._cache) >= self._cache_size:
            self._cache.clear()
        self._cache[word] = term
        return term

    def __call__(self, text: str) -> list[str]:
        cache = self._cache
        terms = [cache.get(w) for w in _WORD.findall(text)]
        if None in terms:
            words = _WORD.findall(text)
            terms = [t if t is not None else self._term(w) for t, w in zip(terms, words)]
        return [t for t in terms if t]


_index_terms: IndexTerms | None = None


def index_terms(text: str) -> list[str]:
    """The title/body index terms of ``text`` (one cached :class:`IndexTerms` per process)."""
    global _index_terms
    if _index_terms is None:
        _index_terms = IndexTerms()
    return _index_terms(text)


@lru_cache(maxsize=200_000)
def index_term(word: str) -> str | None:
    """The index term of ``word`` (its first word that is no stop word; None when it has none):
    the first token ``german.german_analyzer`` makes of it."""
    stop = stopwords()
    for m in _WORD.finditer(word):
        folded = fold(m.group())
        if folded not in stop:
            return stemmer()(folded)
    return None
