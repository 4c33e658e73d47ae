"""Packaging the bundled pipeline (training/train.py)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import spacy

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "training"))

import train  # noqa: E402


def test_a_packaged_pipeline_keeps_only_its_labels_strings_and_analyses_the_same(tmp_path):
    nlp = spacy.blank("de")
    tagger = nlp.add_pipe("tagger")
    for tag in ("NN", "NE", "VVFIN"):
        tagger.add_label(tag)
    nlp.initialize()
    doc = nlp("Merkel reist nach Paris")  # adds the text's strings to the store
    assert "Merkel" in nlp.vocab.strings
    train.write_runtime_parts(nlp, tmp_path / "model", ("config.cfg", "meta.json", "tagger", "vocab", "tokenizer"))
    assert json.loads((tmp_path / "model" / "vocab" / "strings.json").read_text()) == ["NE", "NN", "VVFIN"]
    loaded = spacy.load(tmp_path / "model")
    assert [t.tag_ for t in loaded("Merkel reist nach Paris")] == [t.tag_ for t in nlp(doc.text)]


def test_the_bundled_pipeline_loads_only_the_strings_it_needs():
    from newsdesk.index.analysis.pipeline import load_pipeline
    from newsdesk.index.analysis.signature import BUNDLED_PATH

    strings = json.loads((BUNDLED_PATH / "vocab" / "strings.json").read_text(encoding="utf-8"))
    assert strings == train.runtime_strings(load_pipeline(None))
