from pathlib import Path

import pytest
import spacy

from newsdesk.index.analysis.pipeline import ModelNotFoundError, load_pipeline, pipeline_signature

BUNDLED = Path(__file__).resolve().parents[3] / "index" / "models" / "de_newsdesk" / "config.cfg"
needs_model = pytest.mark.skipif(not BUNDLED.exists(), reason="bundled model not built")


def test_missing_pipeline_says_how_to_install():
    with pytest.raises(ModelNotFoundError) as err:
        load_pipeline("de_core_news_doesnotexist")
    assert "python -m spacy download de_core_news_doesnotexist" in str(err.value)


def test_missing_path_is_reported(tmp_path):
    with pytest.raises(ModelNotFoundError):
        load_pipeline(str(tmp_path / "no_model_here"))


def test_signature_changes_with_meta():
    nlp = spacy.blank("de")
    nlp.meta["name"], nlp.meta["version"] = "demo", "1.2.3"
    sig = pipeline_signature(nlp)
    assert sig.startswith("de_demo-1.2.3-")
    assert pipeline_signature(nlp) == sig
    nlp.meta["performance"] = {"ents_f": 0.5}
    assert pipeline_signature(nlp) != sig


@needs_model
def test_bundled_pipeline_has_sentences_tags_and_entities():
    nlp = load_pipeline()
    assert load_pipeline() is nlp  # cached
    assert {"ner", "tagger"} <= set(nlp.pipe_names)
    assert set(nlp.get_pipe("ner").labels) == {"PER", "LOC", "ORG", "MISC"}
    doc = nlp("Bundeskanzler Friedrich Merz reiste am Montag nach Paris. Dort traf er Emmanuel Macron.")
    assert len(list(doc.sents)) == 2
    tags = {t.text: t.tag_ for t in doc}
    assert tags["reiste"] == "VVFIN"
    assert tags["Montag"] == "NN"
    assert tags["."] == "$."
    assert ("Paris", "LOC") in {(e.text, e.label_) for e in doc.ents}


@needs_model
def test_bundled_pipeline_sentence_boundaries_on_news_text():
    nlp = load_pipeline()
    text = (
        "Am 8. November trifft Dr. Müller die Delegation in Raum Nr. 5 der Botschaft. "
        "Das Treffen war bis zum 3.10.2025 geplant.\n\nNeue Gespräche\n\nDie Gespräche dauern an."
    )
    sents = [s.text.strip() for s in nlp(text).sents if s.text.strip()]
    assert sents == [
        "Am 8. November trifft Dr. Müller die Delegation in Raum Nr. 5 der Botschaft.",
        "Das Treffen war bis zum 3.10.2025 geplant.",
        "Neue Gespräche",
        "Die Gespräche dauern an.",
    ]


@needs_model
def test_bundled_signature_names_the_model():
    assert pipeline_signature(load_pipeline()).startswith("de_newsdesk-")


def test_a_sentence_glued_to_the_next_by_its_quote_is_split_into_its_words():
    from newsdesk.index.analysis.pipeline import load_pipeline

    nlp = load_pipeline(None)
    words = [t.text for t in nlp('Der Rat sprach sich dafür aus."Warum nicht gleich so?", fragt man. Er sagte.»Wir kommen«')]
    assert words[:9] == ["Der", "Rat", "sprach", "sich", "dafür", "aus", ".", '"', "Warum"]
    assert words[-6:] == ["sagte", ".", "»", "Wir", "kommen", "«"]
    # abbreviations, ordinals with a following word and clock times keep their tokens
    assert [t.text for t in nlp("Herr Dr. Müller kam z.B. um 10.30 Uhr.")] == \
        ["Herr", "Dr.", "Müller", "kam", "z.B.", "um", "10.30", "Uhr", "."]
