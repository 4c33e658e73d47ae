"""Sentence boundaries for German news text (the ``newsdesk_sentencizer`` component).

Rules over spaCy's German tokens (which already keep ``Dr.``, ``Nr.``, ``z.B.``
and ordinals such as ``8.`` together):

* a line break ends a sentence (headings, captions and paragraphs without a
  full stop), and the whitespace token stays with the sentence before it;
* ``.``, ``!``, ``?``, ``…`` (and runs of them) end a sentence; closing quotes
  and brackets right after them stay with it;
* a new sentence does not start at a comma, another punctuation mark or a
  lower-case word (``"Wirklich?", fragte er``; ``Ziff. ... b``);
* an opening quote or bracket after the end starts the next sentence;
* a number with a full stop (``8.``) is an ordinal unless a typical sentence
  opener follows (``... in Raum Nr. 5. Das Treffen ...``).
"""

from __future__ import annotations

import re
import unicodedata

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

_ENDS = {".", "!", "?", "…", "...", "?!", "!?", "!!", "??"}
_CLOSING = set("“”’‘»«›‹)]}'") | {"\""}
_OPENING = set("„“‚‘»«›‹([{")
# "5." is an ordinal ("am 5. Mai") unless a word follows that cannot follow one ("in Raum Nr. 5. Das ...")
_NUMBER_WITH_STOP = re.compile(r"^\d[\d:,./-]*\.$")
_SENTENCE_OPENERS = {
    "Der", "Die", "Das", "Den", "Dem", "Des", "Ein", "Eine", "Einen", "Einem", "Einer", "Er", "Sie", "Es", "Ich",
    "Wir", "Ihr", "Man", "Dies", "Diese", "Dieser", "Dieses", "Doch", "Aber", "Und", "Dann", "Damit", "Dabei",
    "Dort", "Da", "Deshalb", "Daher", "Denn", "So", "Auch", "Nun", "Jetzt", "Zudem", "Außerdem", "Allerdings",
    "Trotzdem", "Wie", "Was", "Wer", "Wo", "Warum", "Wenn", "Als", "Nach", "Vor", "Seit", "Bis", "Im", "In",
    "Am", "An", "Auf", "Bei", "Mit", "Für", "Von", "Zum", "Zur", "Laut", "Unter", "Über", "Ob", "Zwar", "Noch",
}


def _is_closing(i: int, words: list[str], spaces: list[str]) -> bool:
    text = words[i]
    if text in ('"', "'"):
        # a straight quote followed by a space (or at the end) closes; glued to the next word it opens
        return bool(spaces[i]) or i == len(words) - 1 or not words[i + 1][:1].isalnum()
    return text in _CLOSING and text not in ("„", "‚")


def _is_opening_quote(i: int, words: list[str], spaces: list[str]) -> bool:
    return words[i] in ('"', "'") and not _is_closing(i, words, spaces)


def sentence_starts(words: list[str], spaces: list[str]) -> list[bool]:
    """Which tokens start a sentence, from the tokens' texts and trailing whitespace."""
    n = len(words)
    starts = [False] * n
    if n == 0:
        return starts
    starts[0] = True
    # whitespace-only tokens (spaCy's is_space)
    blank = [not w.strip() for w in words]
    i = 0
    while i < n:
        text = words[i]
        end = None
        if (blank[i] and "\n" in text) or "\n" in spaces[i]:
            end = i + 1
        elif (text[-1:] == "." and i + 1 < n and words[i + 1] in _SENTENCE_OPENERS and spaces[i]
              and _NUMBER_WITH_STOP.match(text)):
            end = i + 1
        elif text in _ENDS:
            j = i + 1
            while j < n and (words[j] in _ENDS or (not spaces[j - 1] and _is_closing(j, words, spaces))):
                j += 1
            end = j
        if end is not None:
            # skip whitespace tokens: they belong to the sentence before
            k = end
            while k < n and blank[k]:
                k += 1
            if k < n:
                nxt = words[k]
                first = nxt[:1]
                newline = blank[i] or "\n" in spaces[i] or any("\n" in words[m] for m in range(end, k))
                if newline or not (
                    first.islower()
                    or (_is_punct(nxt) and nxt not in _OPENING and not _is_opening_quote(k, words, spaces))
                ):
                    starts[k] = True
            i = max(k, i + 1)
        else:
            i += 1
    # leading whitespace belongs to the first sentence
    k = 0
    while k < n - 1 and blank[k]:
        k += 1
        starts[k] = False
    return starts


def _is_punct(text: str) -> bool:
    """spaCy's ``is_punct`` for one token text: every character is punctuation."""
    return bool(text) and all(unicodedata.category(c).startswith("P") for c in text)


def set_sentence_starts(doc: Doc) -> Doc:
    n = len(doc)
    if n == 0:
        return doc
    words, spaces = [], []
    for token in doc:
        words.append(token.text)
        spaces.append(token.whitespace_)
    # 1 starts a sentence, -1 does not (spaCy reads the array as uint64)
    values = numpy.array([1 if start else -1 for start in sentence_starts(words, spaces)], dtype="int64")
    doc.from_array([SENT_START], values.astype("uint64").reshape(-1, 1))
    return doc


@Language.component("newsdesk_sentencizer")
def newsdesk_sentencizer(doc: Doc) -> Doc:
    return set_sentence_starts(doc)
