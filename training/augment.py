"""Mention replacement: a spaCy training augmenter that swaps entity names for other names of the same label.

GermEval has about 24,000 sentences, and many names occur in only one context.
``newsdesk.entity_swap.v1`` yields every training example unchanged and, with
probability ``level``, a copy in which each entity (with probability
``swap_probability``) is replaced by another mention of the same label seen
earlier in training (``Ancelotti trainiert Real Madrid`` ->
``Kowalczyk trainiert Hertha BSC``). The model sees more names in each context,
which makes it lean on the context and the word shape rather than on
remembered names. Token annotations outside the swapped spans (POS tags,
missing entity values of the silver corpora, sentence starts) are kept; the
swapped tokens take the tags they had where they were seen.

Registered on import (``training/spacy_code.py`` imports this module).
"""

from __future__ import annotations

import random

import spacy
from spacy.tokens import Doc
from spacy.training import Example

LABELS = ("PER", "LOC", "ORG", "MISC")
POOL_SIZE = 30_000


class MentionPool:
    """A reservoir sample of (words, spaces, tags) per label."""

    def __init__(self, size: int, rng: random.Random):
        self.size = size
        self.rng = rng
        self.mentions: dict[str, list[tuple]] = {label: [] for label in LABELS}
        self.seen: dict[str, int] = dict.fromkeys(LABELS, 0)

    def add(self, label: str, mention: tuple) -> None:
        self.seen[label] += 1
        bucket = self.mentions[label]
        if len(bucket) < self.size:
            bucket.append(mention)
        else:
            i = self.rng.randrange(self.seen[label])
            if i < self.size:
                bucket[i] = mention

    def pick(self, label: str) -> tuple | None:
        bucket = self.mentions.get(label)
        return self.rng.choice(bucket) if bucket else None


def _bio(doc: Doc) -> list[str]:
    """Token-level BIO tags with "" for missing values (as spaCy's Doc(ents=...) takes them)."""
    out = []
    for t in doc:
        iob = t.ent_iob_
        out.append("" if iob == "" else "O" if iob == "O" else f"{iob}-{t.ent_type_}")
    return out


def swap_mentions(ref: Doc, pool: MentionPool, rng: random.Random, probability: float) -> Doc | None:
    """A copy of ``ref`` with some entities replaced from ``pool``; None when nothing was swapped."""
    words = [t.text for t in ref]
    spaces = [bool(t.whitespace_) for t in ref]
    tags = [t.tag_ for t in ref]
    bio = _bio(ref)
    starts = [bool(t.is_sent_start) for t in ref]
    out_words, out_spaces, out_tags, out_bio, out_starts = [], [], [], [], []
    swapped = False
    i = 0
    ents = {e.start: e for e in ref.ents if e.label_ in LABELS}
    while i < len(ref):
        ent = ents.get(i)
        new = pool.pick(ent.label_) if ent is not None and rng.random() < probability else None
        if ent is None or new is None:
            end = ent.end if ent is not None else i + 1
            out_words += words[i:end]
            out_spaces += spaces[i:end]
            out_tags += tags[i:end]
            out_bio += bio[i:end]
            out_starts += starts[i:end]
            i = end
            continue
        m_words, m_spaces, m_tags = new
        out_words += m_words
        out_spaces += list(m_spaces[:-1]) + [spaces[ent.end - 1]]
        out_tags += m_tags
        out_bio += [f"B-{ent.label_}"] + [f"I-{ent.label_}"] * (len(m_words) - 1)
        out_starts += [starts[i]] + [False] * (len(m_words) - 1)
        swapped = True
        i = ent.end
    if not swapped:
        return None
    has_tags = any(out_tags)
    return Doc(
        ref.vocab,
        words=out_words,
        spaces=out_spaces,
        tags=out_tags if has_tags else None,
        ents=out_bio,
        sent_starts=out_starts,
    )


@spacy.registry.augmenters("newsdesk.entity_swap.v1")
def create_entity_swap(level: float, swap_probability: float = 0.5, seed: int = 0):
    rng = random.Random(seed)
    pool = MentionPool(POOL_SIZE, rng)

    def augment(nlp, example: Example):
        ref = example.reference
        for ent in ref.ents:
            if ent.label_ in LABELS:
                pool.add(ent.label_, (
                    tuple(t.text for t in ent),
                    tuple(bool(t.whitespace_) for t in ent),
                    tuple(t.tag_ for t in ent),
                ))
        yield example
        if rng.random() < level:
            doc = swap_mentions(ref, pool, rng, swap_probability)
            if doc is not None:
                yield Example(nlp.make_doc(doc.text), doc)

    return augment
