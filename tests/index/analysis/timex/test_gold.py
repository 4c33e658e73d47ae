"""Scores on the gold TimeML corpus stay above a floor (skipped when the shared data is absent)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[4]


def _eval_module():
    spec = importlib.util.spec_from_file_location("timex_eval", REPO / "bench" / "timex_eval.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


timex_eval = _eval_module()
CORPUS = timex_eval.corpus_dir()

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="gold TimeML corpus (shared data) not available")


@pytest.fixture(scope="module")
def scores():
    return timex_eval.evaluate(timex_eval.load_corpus(CORPUS))


def test_corpus_is_complete(scores):
    assert scores["n_gold"] == 186


def test_extent_scores(scores):
    assert scores["strict"][2] >= 0.89
    assert scores["relaxed"][2] >= 0.93


def test_value_scores(scores):
    assert scores["value"][2] >= 0.82
    assert scores["value_acc"] >= 0.85


def test_offsets_of_the_reader():
    docs = timex_eval.load_corpus(CORPUS)
    for doc in docs:
        for g in doc.gold:
            assert doc.text[g.start:g.end] == g.text


WIKIWARS = timex_eval.wikiwars_dir()


@pytest.mark.skipif(not WIKIWARS.is_dir(), reason="WikiWarsDE (shared data) not available")
def test_wikiwars_reader_and_floor():
    docs = timex_eval.load_wikiwars(WIKIWARS)
    assert len(docs) == 22
    for doc in docs:
        for g in doc.gold:
            assert doc.text[g.start:g.end] == g.text
    r = timex_eval.evaluate(docs)
    assert r["n_gold"] > 2100  # outermost of the 2,217 TIMEX2 in the texts
    assert r["strict"][2] >= 0.84
    assert r["value_acc"] >= 0.70


def test_split_is_fixed():
    assert timex_eval.split_of("dolomiten", "34487_text.txt.tml") == timex_eval.split_of(
        "dolomiten", "34487_text.txt.tml")
    tune = timex_eval.load_split("dolomiten", "tune")
    held = timex_eval.load_split("dolomiten", "heldout")
    assert len(tune) + len(held) == 42 and held and tune
    assert not {d.name for d in tune} & {d.name for d in held}
