"""The token embedding layer of newsdesk's German NER model: hashed word features plus characters.

spaCy's ``MultiHashEmbed`` embeds whole-string features (NORM, PREFIX, SUFFIX,
SHAPE, newsdesk's lexical class); its ``CharacterEmbed`` embeds the UTF-8
bytes at the start and end of each word but only one string feature. German
names and their inflections (``Putins``, ``Merkel-Regierung``,
``Bundesverband``) are told apart by their letters as much as by the whole
form, so ``newsdesk.CharHashEmbed.v1`` concatenates both (the hashed features
and ``nC`` byte embeddings of width ``nM``) and mixes them with one Maxout
layer into vectors of ``width``.

Importing this module registers the architecture; the bundled model's config
(``index/models/de_newsdesk/config.cfg``) refers to it.
"""

from __future__ import annotations

from typing import List, Union

import spacy
from spacy.attrs import intify_attr
from spacy.ml import _character_embed
from spacy.ml.featureextractor import FeatureExtractor
from spacy.tokens import Doc
from thinc.api import HashEmbed, Maxout, Model, chain, concatenate, list2ragged, ragged2list, with_array
from thinc.types import Floats2d


@spacy.registry.architectures("newsdesk.CharHashEmbed.v1")
def char_hash_embed(
    width: int,
    attrs: List[Union[str, int]],
    rows: List[int],
    nM: int,
    nC: int,
) -> Model[List[Doc], List[Floats2d]]:
    """Hash embeddings of ``attrs`` (one table of ``rows[i]`` rows each) and ``nC`` byte embeddings.

    nC bytes are taken half from the start and half from the end of each word
    (spaCy's ``Doc.to_utf8_array``), so the last letters always sit in the
    same slots. The tables are ``width`` wide and the mixing Maxout has 3 pieces.
    """
    return char_hash_embed_v2(width, attrs, rows, nM, nC, embed_width=width, maxout_pieces=3)


@spacy.registry.architectures("newsdesk.CharHashEmbed.v2")
def char_hash_embed_v2(
    width: int,
    attrs: List[Union[str, int]],
    rows: List[int],
    nM: int,
    nC: int,
    embed_width: int,
    maxout_pieces: int,
) -> Model[List[Doc], List[Floats2d]]:
    """``newsdesk.CharHashEmbed.v1`` with the cost made configurable: each hashed table is
    ``embed_width`` wide (v1: ``width``) and the mixing Maxout has ``maxout_pieces`` pieces (v1: 3).

    The mixing layer reads ``embed_width * len(attrs) + nM * nC`` values per token and is, with
    the encoder, what a token costs: narrower tables and fewer pieces make the fast model fast.
    """
    if len(rows) != len(attrs):
        raise ValueError(f"Mismatched lengths: {len(rows)} rows for {len(attrs)} attrs")
    attr_ids = [intify_attr(a) for a in attrs]
    embeddings = [
        HashEmbed(embed_width, rows[i], column=i, seed=8 + i, dropout=0.0) for i in range(len(attr_ids))
    ]
    hashed = chain(FeatureExtractor(attr_ids), list2ragged(), with_array(concatenate(*embeddings)))
    chars = chain(_character_embed.CharacterEmbed(nM=nM, nC=nC), list2ragged())
    n_in = embed_width * len(attr_ids) + nM * nC
    mix = with_array(Maxout(width, n_in, nP=maxout_pieces, dropout=0.0, normalize=True))
    return chain(concatenate(hashed, chars), mix, ragged2list())
