"""The mention-replacement augmenter used in training (training/augment.py)."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import spacy
from spacy.tokens import Doc
from spacy.training import Example

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "training"))

import augment  # noqa: E402


def _doc(nlp, words, ents, tags=None, starts=None):
    return Doc(nlp.vocab, words=words, ents=ents, tags=tags, sent_starts=starts)


def test_swap_keeps_labels_context_and_missing_values():
    nlp = spacy.blank("de")
    pool = augment.MentionPool(10, random.Random(0))
    pool.add("PER", (("Sergej", "Lawrow"), (True, True), ("NE", "NE")))
    pool.add("LOC", (("Budapest",), (True,), ("NE",)))
    ref = _doc(nlp, ["Putin", "reist", "nach", "Alaska", ".", "Dort", "schneit", "es"],
               ["B-PER", "O", "O", "B-LOC", "O", "", "", ""],
               starts=[True, False, False, False, False, True, False, False])
    doc = augment.swap_mentions(ref, pool, random.Random(1), probability=1.0)
    assert [t.text for t in doc] == ["Sergej", "Lawrow", "reist", "nach", "Budapest", ".", "Dort", "schneit", "es"]
    assert [(e.text, e.label_) for e in doc.ents] == [("Sergej Lawrow", "PER"), ("Budapest", "LOC")]
    # missing entity values of the silver corpora stay missing, sentence starts move with the tokens
    assert [t.ent_iob_ for t in doc][-3:] == ["", "", ""]
    assert [t.is_sent_start for t in doc] == [True, False, False, False, False, False, True, False, False]
    assert [t.tag_ for t in doc][:2] == ["NE", "NE"] and doc[2].tag_ == ""
    assert doc.text == "Sergej Lawrow reist nach Budapest . Dort schneit es "


def test_nothing_to_swap_gives_none():
    nlp = spacy.blank("de")
    pool = augment.MentionPool(10, random.Random(0))
    ref = _doc(nlp, ["Es", "regnet"], ["O", "O"])
    assert augment.swap_mentions(ref, pool, random.Random(0), probability=1.0) is None
    # an entity whose label the pool has not seen yet stays as it is
    ref = _doc(nlp, ["Die", "Nato", "tagt"], ["O", "B-ORG", "O"])
    assert augment.swap_mentions(ref, pool, random.Random(0), probability=1.0) is None


def test_augmenter_yields_the_original_and_learns_names_as_it_goes():
    nlp = spacy.blank("de")
    augmenter = augment.create_entity_swap(level=1.0, swap_probability=1.0, seed=3)
    first = _doc(nlp, ["Merkel", "spricht"], ["B-PER", "O"])
    second = _doc(nlp, ["Scholz", "schweigt"], ["B-PER", "O"])
    out1 = list(augmenter(nlp, Example(nlp.make_doc(first.text), first)))
    out2 = list(augmenter(nlp, Example(nlp.make_doc(second.text), second)))
    assert out1[0].reference is first and out2[0].reference is second
    swapped = [eg.reference for eg in out1[1:] + out2[1:]]
    assert swapped, "with level=1 every example with an entity gets a swapped copy"
    for doc in swapped:
        assert [e.label_ for e in doc.ents] == ["PER"]
        assert doc.ents[0].text in {"Merkel", "Scholz"}
        # the predicted side is tokenised like the reference, so the gold aligns one to one
        eg = next(e for e in out1[1:] + out2[1:] if e.reference is doc)
        assert eg.get_aligned_ner()[0] == "U-PER"
