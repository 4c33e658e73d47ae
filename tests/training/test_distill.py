"""Silver data for distillation (training/distill_label.py) and the streamed, shuffled train corpus."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc, DocBin

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "training"))

import distill_label  # noqa: E402


def test_pieces_cut_a_tagged_doc_into_ten_sentence_docs_keeping_entities():
    nlp = spacy.blank("de")
    words, starts, ents = [], [], []
    for i in range(23):
        words += ["Merkel", "reist", "nach", "Paris", "."]
        starts += [True, False, False, False, False]
        ents += ["B-PER", "O", "O", "B-LOC", "O"]
    doc = Doc(nlp.vocab, words=words, sent_starts=starts, ents=ents)
    pieces = distill_label.pieces(doc)
    assert [len(list(p.sents)) for p in pieces] == [10, 10, 3]
    assert sum(len(p.ents) for p in pieces) == len(doc.ents) == 46
    assert [(e.text, e.label_) for e in pieces[2].ents][:2] == [("Merkel", "PER"), ("Paris", "LOC")]
    # every token is labelled: O outside the teacher's entities, not missing
    assert all(t.ent_iob_ in ("B", "I", "O") for p in pieces for t in p)


def test_pieces_drop_whitespace_only_docs():
    nlp = spacy.blank("de")
    doc = Doc(nlp.vocab, words=["\n\n"], spaces=[False], sent_starts=[True])
    assert distill_label.pieces(doc) == []


def test_shuffled_corpus_reads_parts_added_to_its_directory(tmp_path):
    import spacy_code  # noqa: F401  (registers newsdesk.ShuffledCorpus.v1)

    nlp = spacy.blank("de")
    make = spacy.registry.readers.get("newsdesk.ShuffledCorpus.v1")
    corpus = make(path=tmp_path)
    DocBin(docs=[Doc(nlp.vocab, words=["Eins", "."])]).to_disk(tmp_path / "gold.spacy")
    assert len(list(corpus(nlp))) == 1
    DocBin(docs=[Doc(nlp.vocab, words=["Zwei", "."]), Doc(nlp.vocab, words=["Drei"])]).to_disk(tmp_path / "silver-0000.spacy")
    assert sorted(eg.reference.text.strip() for eg in corpus(nlp)) == ["Drei", "Eins .", "Zwei ."]


def test_continue_config_sources_every_trained_component_and_keeps_its_tables():
    """Continuing a run must not re-initialise what it continues: every trained component of
    distill.cfg is sourced, and no warm start overwrites the sourced embedding tables."""
    from spacy.util import load_config

    training = Path(__file__).resolve().parents[2] / "training"
    fresh = load_config(training / "distill.cfg", interpolate=False)
    cont = load_config(training / "distill_continue.cfg", interpolate=False)
    assert cont["nlp"]["pipeline"] == fresh["nlp"]["pipeline"]
    trained = [name for name in fresh["nlp"]["pipeline"] if "model" in fresh["components"][name]]
    assert trained == ["tok2vec", "tagger", "ner"]
    assert all(cont["components"][name] == {"source": "${paths.source}"} for name in trained)
    assert cont["initialize"]["after_init"] is None
    assert fresh["initialize"]["after_init"]["@callbacks"] == "newsdesk.warm_start_embeddings.v1"
    assert cont["corpora"]["train"] == fresh["corpora"]["train"]
    assert cont["paths"]["dev"] == fresh["paths"]["dev"] == "training/corpus/dev_tune.spacy"


def test_gold_stage_needs_a_pipeline_to_continue(monkeypatch, capsys):
    import distill

    monkeypatch.setattr(sys, "argv", ["distill.py", "train", "--gold"])
    try:
        distill.main()
    except SystemExit as exit_:
        assert exit_.code == 2
    else:
        raise AssertionError("--gold without --source must stop")
    assert "--gold continues a trained pipeline: give --source" in capsys.readouterr().err


def test_tag_silver_adds_tags_keeps_entities_and_skips_tagged_parts(tmp_path, monkeypatch, capsys):
    import distill

    tagger_nlp = spacy.blank("de")
    tagger = tagger_nlp.add_pipe("tagger")
    for tag in ("NE", "VVFIN", "APPR", "$."):
        tagger.add_label(tag)
    tagger_nlp.initialize()
    tagger_nlp.to_disk(tmp_path / "tagger")
    silver = tmp_path / "silver"
    silver.mkdir()
    nlp = spacy.blank("de")
    doc = Doc(nlp.vocab, words=["Merkel", "reist", "nach", "Paris", "."], ents=["B-PER", "O", "O", "B-LOC", "O"])
    DocBin(docs=[doc]).to_disk(silver / "smartdata-0000.spacy")
    monkeypatch.setattr(distill, "SILVER", silver)

    distill.tag_silver(tmp_path / "tagger")
    (tagged,) = DocBin().from_disk(silver / "smartdata-0000.spacy").get_docs(nlp.vocab)
    assert [t.text for t in tagged] == ["Merkel", "reist", "nach", "Paris", "."]
    assert all(t.tag_ in ("NE", "VVFIN", "APPR", "$.") for t in tagged)
    assert [(e.text, e.label_) for e in tagged.ents] == [("Merkel", "PER"), ("Paris", "LOC")]
    before = (silver / "smartdata-0000.spacy").read_bytes()
    distill.tag_silver(tmp_path / "tagger")
    assert (silver / "smartdata-0000.spacy").read_bytes() == before
    assert "smartdata-0000.spacy: has tags already" in capsys.readouterr().out


def test_the_teacher_of_the_silver_parts_is_recorded_and_never_mixed(tmp_path, monkeypatch):
    import distill

    distill_label.record_teacher(tmp_path, {"lang": "de", "name": "newsdesk_e5", "version": "0.2.0"})
    monkeypatch.setattr(distill, "SILVER", tmp_path)
    assert distill.teacher_source()["name"].startswith("de_newsdesk_e5 0.2.0 ")
    (tmp_path / "smartdata-0000.spacy").write_bytes(b"")
    with pytest.raises(SystemExit, match="labelled by de_newsdesk_e5 0.2.0"):
        distill_label.record_teacher(tmp_path, {"lang": "de", "name": "newsdesk_e5", "version": "0.3.0"})
