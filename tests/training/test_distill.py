"""Silver data for distillation (training/distill_label.py) and the streamed, shuffled train corpus."""

from __future__ import annotations

import sys
from pathlib import Path

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
