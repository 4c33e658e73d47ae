"""German text analysis for the index: tokens, lowercase, folding, stop words, stemming.

Folding maps umlauts and accented letters to their base letter, ß to "ss" and the
spellings ae, oe, ue (written for ä, ö, ü) to a, o, u before the Snowball German
stemmer runs, so ``Gespräche``, ``Gespräch``, ``Gesprache`` and ``Gespraeche`` share
one index term, ``München``, ``Munchen`` and ``Muenchen`` too, ``Straße`` and
``Strasse`` too, and ``Russlands`` meets ``Russland``. The same folding runs on the
index and on queries; a change to it changes what the index holds (see
``FOLDING_VERSION``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from whoosh.analysis import Filter, LowercaseFilter, RegexTokenizer, StemFilter, StopFilter
from whoosh.lang import stopwords_for_language

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
        # stemfn=None: the default, Whoosh's English stemmer, would be pickled with the schema by
        # reference, and every process opening the index would import it (lang="de" overrides it)
        | StemFilter(stemfn=None, lang="de", cachesize=200_000)
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


_WORD = re.compile(WORD_PATTERN)
_TERM_CACHE_SIZE = 500_000  # distinct surface words kept (a news corpus of 100,000 articles has ~400,000)


class IndexTerms:
    """The index terms of a text, in order: what :func:`german_analyzer` makes of it (the same
    terms; stop words dropped, the word after one is the next position, as Whoosh's StopFilter
    renumbers them), without a token object per word. A term's position is its index in the list. Each distinct surface word is folded, checked and stemmed
    once (the mapping is cached)."""

    def __init__(self, cache_size: int = _TERM_CACHE_SIZE):
        from whoosh.lang import stemmer_for_language

        self._stem = stemmer_for_language("de")
        self._stop = _stopwords()
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
