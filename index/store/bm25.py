"""BM25 as Whoosh's default BM25F scores a term in one field, written once for numbers and numpy arrays alike.

``ranking`` (numpy arrays) and ``plain_ranking`` (Python numbers) both score with these
functions, so the two give the same scores to the last bit.
"""

from __future__ import annotations

import math

B = 0.75
K1 = 1.2


def idf(doc_count_all: int, df: int) -> float:
    """Whoosh's idf: log(N / (df + 1)) + 1 (deleted documents count, as in Whoosh)."""
    return math.log(doc_count_all / (df + 1)) + 1


def norm(length, avg: float):
    """The length normalisation of a document whose field has ``length`` (average ``avg``)."""
    return (1 - B) + B * length / avg


def weight(tf, doc_norm, term_idf):
    """The score of a term occurring ``tf`` times in a document of normalisation ``doc_norm``
    (pass ``boost * idf`` as ``term_idf`` for a boosted term)."""
    return term_idf * (tf * (K1 + 1)) / (tf + K1 * doc_norm)
