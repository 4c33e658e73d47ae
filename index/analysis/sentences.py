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


def _is_closing(token) -> bool:
    text = token.text
    if text in ('"', "'"):
        # a straight quote followed by a space (or at the end) closes; glued to the next word it opens
        return bool(token.whitespace_) or token.i == len(token.doc) - 1 or not token.nbor().text[:1].isalnum()
    return text in _CLOSING and text not in ("„", "‚")


def set_sentence_starts(doc: Doc) -> Doc:
    n = len(doc)
    if n == 0:
        return doc
    starts = [False] * n
    starts[0] = True
    i = 0
    while i < n:
        token = doc[i]
        end = None
        if token.is_space and "\n" in token.text:
            end = i + 1
        elif "\n" in token.whitespace_:
            end = i + 1
        elif (_NUMBER_WITH_STOP.match(token.text) and i + 1 < n and doc[i + 1].text in _SENTENCE_OPENERS
              and token.whitespace_):
            end = i + 1
        elif token.text in _ENDS:
            j = i + 1
            while j < n and (doc[j].text in _ENDS or (_is_closing(doc[j]) and not doc[j - 1].whitespace_)):
                j += 1
            end = j
        if end is not None:
            # skip whitespace tokens: they belong to the sentence before
            k = end
            while k < n and doc[k].is_space:
                k += 1
            if k < n:
                nxt = doc[k]
                first = nxt.text[:1]
                newline = token.is_space or "\n" in token.whitespace_ or any("\n" in doc[m].text for m in range(end, k))
                if newline or not (first.islower() or (nxt.is_punct and nxt.text not in _OPENING and not _is_opening_quote(nxt))):
                    starts[k] = True
            i = max(k, i + 1)
        else:
            i += 1
    # leading whitespace belongs to the first sentence
    k = 0
    while k < n - 1 and doc[k].is_space:
        k += 1
        starts[k] = False
    for token, start in zip(doc, starts):
        token.is_sent_start = start
    return doc


def _is_opening_quote(token) -> bool:
    return token.text in ('"', "'") and not _is_closing(token)


@Language.component("newsdesk_sentencizer")
def newsdesk_sentencizer(doc: Doc) -> Doc:
    return set_sentence_starts(doc)
