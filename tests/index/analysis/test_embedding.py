"""newsdesk.CharHashEmbed.v1: hashed word features plus the bytes at both ends of each word."""

from __future__ import annotations

import numpy
import pytest
import spacy

from newsdesk.index.analysis import embedding  # noqa: F401  (registers the architecture)


def _model(**kw):
    make = spacy.registry.architectures.get("newsdesk.CharHashEmbed.v1")
    args = dict(width=32, attrs=["NORM", "SHAPE"], rows=[500, 50], nM=8, nC=4)
    args.update(kw)
    return make(**args)


def test_one_vector_per_token_of_the_given_width():
    nlp = spacy.blank("de")
    docs = [nlp("Putin trifft Trump in Budapest."), nlp("Ein Satz")]
    model = _model()
    model.initialize(X=docs)
    out = model.predict(docs)
    assert [a.shape for a in out] == [(6, 32), (2, 32)]
    assert all(numpy.isfinite(a).all() for a in out)


def test_characters_reach_the_output():
    # Same NORM and SHAPE hash rows are impossible to tell apart without the byte embeddings:
    # with only SHAPE, "Putins" and "Merkel" share a row but differ in their letters.
    nlp = spacy.blank("de")
    docs = [nlp("Putins"), nlp("Merkel")]
    model = _model(attrs=["SHAPE"], rows=[50])
    model.initialize(X=docs)
    # spaCy starts the byte table at zero and training fills it: fill it here
    chars = next(node for node in model.walk() if node.name == "charembed")
    table = chars.get_param("E")
    chars.set_param("E", numpy.random.default_rng(0).normal(size=table.shape).astype(table.dtype))
    a, b = model.predict(docs)
    assert not numpy.allclose(a, b)


def test_rows_must_match_attrs():
    with pytest.raises(ValueError):
        _model(attrs=["NORM", "SHAPE"], rows=[500])


def _model_v2(**kw):
    make = spacy.registry.architectures.get("newsdesk.CharHashEmbed.v2")
    args = dict(width=24, attrs=["NORM", "SHAPE"], rows=[500, 50], nM=8, nC=4, embed_width=16, maxout_pieces=2)
    args.update(kw)
    return make(**args)


def test_v2_tables_and_pieces_set_the_mixing_layer():
    nlp = spacy.blank("de")
    docs = [nlp("Putin trifft Trump in Budapest."), nlp("Ein Satz")]
    model = _model_v2()
    model.initialize(X=docs)
    assert [a.shape for a in model.predict(docs)] == [(6, 24), (2, 24)]
    tables = [n for n in model.walk() if n.name == "hashembed"]
    assert [t.get_dim("nO") for t in tables] == [16, 16]
    mix = next(n for n in model.walk() if n.name == "maxout")
    # 2 tables of 16 plus 4 bytes of 8 in, 24 out, 2 pieces
    assert (mix.get_dim("nI"), mix.get_dim("nO"), mix.get_dim("nP")) == (2 * 16 + 4 * 8, 24, 2)


def test_v2_rows_must_match_attrs():
    with pytest.raises(ValueError):
        _model_v2(attrs=["NORM", "SHAPE"], rows=[500])
