"""A disk cache of per-word e5 features, keyed by a sentence's words.

Training reads the same sentences for many epochs; their features are
computed once (``training/e5_features.py``) into parts of float16 arrays
(``part-NNNN.npy``, one row per word) with an index of which sentence sits
where (``part-NNNN.json``: key, first row, word count). The feature component
looks sentences up here before it runs the encoder.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Sequence

import numpy as np


def sentence_key(words: Sequence[str]) -> str:
    return hashlib.sha1("\x1f".join(words).encode("utf-8", "surrogatepass")).hexdigest()[:20]


class FeatureCache:
    """Read side: ``get(words)`` -> (n_words, dim) float16 array, or None when not cached.

    ``directories``: one folder of parts or several (a cache extended in a new
    folder while another run still reads the first); a sentence found in more
    than one is read from the last.
    """

    def __init__(self, directories: str | Path | Sequence[str | Path]) -> None:
        if isinstance(directories, (str, Path)):
            directories = [directories]
        self.directories = [Path(d) for d in directories]
        self._index: dict[str, tuple[np.ndarray, int, int]] = {}
        self.dim: int | None = None
        for directory in self.directories:
            for meta in sorted(directory.glob("part-*.json")):
                array = directory / (meta.stem + ".npy")
                if not array.exists():
                    continue  # a part still being written
                rows = np.load(array, mmap_mode="r")
                self.dim = rows.shape[1]
                for key, start, n in json.loads(meta.read_text(encoding="utf-8")):
                    self._index[key] = (rows, start, n)

    def __len__(self) -> int:
        return len(self._index)

    def get(self, words: Sequence[str]) -> np.ndarray | None:
        hit = self._index.get(sentence_key(words))
        if hit is None:
            return None
        rows, start, n = hit
        return np.asarray(rows[start:start + n])


def write_part(directory: str | Path, number: int, sentences: Sequence[Sequence[str]],
               features: Sequence[np.ndarray]) -> Path:
    """Store one part; the index is written last, the array first (readers skip half-written parts)."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    stem = f"part-{number:04d}"
    entries, start = [], 0
    for words, feats in zip(sentences, features):
        entries.append([sentence_key(words), start, len(words)])
        start += len(words)
    rows = np.concatenate(features).astype(np.float16) if features else np.zeros((0, 0), np.float16)
    tmp = directory / (stem + ".tmp.npy")
    np.save(tmp, rows)
    tmp.rename(directory / (stem + ".npy"))
    (directory / (stem + ".json")).write_text(json.dumps(entries), encoding="utf-8")
    return directory / (stem + ".npy")
