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

from whoosh.analysis import Filter, LowercaseFilter, RegexTokenizer, StemFilter, StopFilter

# the words' side of the analysis (no Whoosh analysis classes): the search process needs only it
from .german_words import FOLDING_VERSION, WORD_PATTERN, IndexTerms, fold, index_terms, stopwords  # noqa: F401


class FoldFilter(Filter):
    """Applies :func:`fold` to every token."""

    def __call__(self, tokens):
        for t in tokens:
            t.text = fold(t.text)
            yield t


def german_analyzer():
    """The analyzer of the title and body fields (index and query time)."""
    return (
        RegexTokenizer(WORD_PATTERN)
        | LowercaseFilter()
        | FoldFilter()
        | StopFilter(stoplist=stopwords(), minsize=1)
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


