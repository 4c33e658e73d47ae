"""Model names and places, and what people see of a model, read from its meta without spaCy."""

from __future__ import annotations

import json
import subprocess
import sys

from newsdesk.index.analysis.signature import (
    ACCURATE_NAME,
    ACCURATE_PATH,
    BUNDLED_NAME,
    BUNDLED_PATH,
    model_directory,
    model_label,
    model_tier,
)


def _label(path) -> str:
    meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
    return f"{meta['lang']}_{meta['name']} {meta['version']}"


def test_the_accurate_name_is_newsdesks_own_directory_not_a_spacy_package():
    assert model_directory(ACCURATE_NAME) == ACCURATE_PATH
    assert model_directory(BUNDLED_NAME) == model_directory(None) == BUNDLED_PATH
    assert model_directory("no_such_pipeline_xyz") is None


def test_labels_come_from_the_meta_on_disk(tmp_path):
    assert model_label() == model_label(BUNDLED_NAME) == _label(BUNDLED_PATH)
    assert model_label().startswith(BUNDLED_NAME + " ")
    assert model_label(ACCURATE_NAME) == _label(ACCURATE_PATH)
    assert model_label(ACCURATE_NAME).startswith(ACCURATE_NAME + " ")
    (tmp_path / "meta.json").write_text(json.dumps({"lang": "de", "name": "mine", "version": "2.1"}), encoding="utf-8")
    assert model_label(str(tmp_path)) == "de_mine 2.1"
    # no meta to read: named as given
    assert model_label("no_such_pipeline_xyz") == "no_such_pipeline_xyz"
    assert model_label(str(tmp_path / "missing")) == str(tmp_path / "missing")


def test_tiers_for_readers():
    assert model_tier(model_label()) == "fast model"
    assert model_tier(model_label(ACCURATE_NAME)) == "accurate model (e5)"
    assert model_tier("de_core_news_md 3.7.0") == "de_core_news_md 3.7.0"
    assert model_tier("") == ""


def test_labels_and_the_accurate_signature_do_not_import_spacy():
    code = ("import sys; from newsdesk.index.analysis.signature import analysis_signature, model_label; "
            f"print(model_label({ACCURATE_NAME!r})); print(analysis_signature({ACCURATE_NAME!r})); "
            "print('spacy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split("\n")
    assert out[0] == _label(ACCURATE_PATH)
    assert out[1].startswith("de_newsdesk_e5-") and out[2] == "False"
