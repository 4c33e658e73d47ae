"""spaCy Docs and annotations written by hand, for tests that must not depend on a trained model.

A paragraph is written as sentences separated by " || ", each token as
``word/TAG`` or ``word/TAG/LABEL`` (STTS tag, entity label); neighbouring
tokens with the same label form one entity. Paragraphs are joined with
"\\n\\n" like ``Article.text``. Punctuation ($. and $,) attaches to the word
before it.
"""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from newsdesk.index.annotations import Entity, Timex

_NLP = spacy.blank("de")


def make_doc(*paragraphs: str) -> Doc:
    words: list[str] = []
    spaces: list[bool] = []
    tags: list[str] = []
    labels: list[str] = []
    sent_starts: list[bool] = []
    for p, paragraph in enumerate(paragraphs):
        if p:
            spaces[-1] = False
            words.append("\n\n")
            spaces.append(False)
            tags.append("_SP")
            labels.append("")
            sent_starts.append(False)
        for sentence in paragraph.split(" || "):
            for n, item in enumerate(sentence.split()):
                parts = item.split("/")
                word, tag = parts[0], parts[1]
                label = parts[2] if len(parts) > 2 else ""
                if tag in ("$.", "$,") and words and words[-1] != "\n\n":
                    spaces[-1] = False
                words.append(word)
                spaces.append(True)
                tags.append(tag)
                labels.append(label)
                sent_starts.append(n == 0)
    spaces[-1] = False
    iob: list[str] = []
    for n, label in enumerate(labels):
        if not label:
            iob.append("O")
        elif n > 0 and labels[n - 1] == label:
            iob.append(f"I-{label}")
        else:
            iob.append(f"B-{label}")
    return Doc(_NLP.vocab, words=words, spaces=spaces, tags=tags, sent_starts=sent_starts, ents=iob)


def entities_of(doc: Doc) -> list[Entity]:
    """The Doc's entities, keyed ``LABEL:text``."""
    return [Entity(e.start_char, e.end_char, e.text, e.label_, f"{e.label_}:{e.text}") for e in doc.ents]


def timex_at(doc: Doc, phrase: str, value: str, type: str = "DATE", mod: str | None = None, occurrence: int = 0) -> Timex:
    """A Timex over the ``occurrence``-th appearance of ``phrase`` in the Doc's text."""
    start = -1
    for _ in range(occurrence + 1):
        start = doc.text.index(phrase, start + 1)
    return Timex(start, start + len(phrase), phrase, type, value, mod)
