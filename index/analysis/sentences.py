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
  opener follows (``... in Raum Nr. 5. Das Treffen ...``); a year or a full date with
  a full stop before a capitalised word ends the sentence (``am 19. September 1985.
  Zuletzt ...``, ``am 3.10.2025. Danach``): nobody writes the 1985th;
* a full stop glued to the last part of a dotted abbreviation (``A.d.R.``) does not end it;
* the full stop of an abbreviation before a number (``Speckbacherstr. 24``, ``Art. 1 des
  Paktes``) never ends a sentence;
* abbreviations that may close a sentence (``Washington, D.C.``, ``480 v. Chr.``,
  ``usw.``) end it only before a typical sentence opener; other abbreviations never;
* a run-in subheading (``Differenzen über Beendigung des Krieges Auch der ...``, the same
  rule as ingest's ``run_in_heading_length``) and a heading closed by a colon and a wide
  gap (``Europäische Flüchtlingspolitik:  In der EU ...``) are sentences of their own.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
import unicodedata

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from newsdesk.index.ingest.structure import SENTENCE_OPENERS as _HEADING_OPENERS
from newsdesk.index.ingest.structure import run_in_heading_length

_ENDS = {".", "!", "?", "…", "...", "?!", "!?", "!!", "??"}
_CLOSING = set("“”’‘»«›‹)]}'") | {"\""}
_OPENING = set("„“‚‘»«›‹([{")
# "5." is an ordinal ("am 5. Mai") unless a word follows that cannot follow one ("in Raum Nr. 5. Das ...")
_NUMBER_WITH_STOP = re.compile(r"^\d[\d:,./-]*\.$")
# a year or a full date with a full stop: never an ordinal, so the end of a sentence before a capital
_YEAR_OR_DATE_WITH_STOP = re.compile(r"^(?:1[0-9]{3}|20[0-9]{2}|\d{1,2}\.\d{1,2}\.(?:\d{2}|\d{4}))\.$")
# A paragraph that may open with a run-in heading: a capitalised word, then 1-10 more words without
# punctuation, then a capitalised sentence opener (a necessary condition of ingest's
# ``run_in_heading_length``, cheap enough to skip every other paragraph).
_MAY_OPEN_WITH_HEADING = re.compile(
    r"\s*(?=[A-ZÄÖÜ][^\s.!?:;,\"„“”»«()\[\]|/…]{2,}(?: [^\s.!?:;,\"„“”»«()\[\]|/…]+){1,10} (?:"
    + "|".join(sorted(_HEADING_OPENERS, key=len, reverse=True)) + r") )"
)
_ARTICLES = {"der", "die", "das", "den", "dem", "des", "zum", "zur", "beim", "vom"}  # "die 1985. Sitzung"
# abbreviations that can close a sentence (before a sentence opener)
_CLOSING_ABBREVIATIONS = {"D.C.", "Chr.", "usw.", "etc.", "u.ä.", "u.Ä.", "ff.", "v.Chr.", "n.Chr."}
# abbreviations written before a number ("Speckbacherstr. 24", "Art. 1 des Paktes", "S. 12"): their
# full stop never ends a sentence when a number follows
_BEFORE_NUMBER_ABBREVIATIONS = frozenset(
    "art abs nr bd s kap ziff tel pkt lit abb tab fig pos zl az hnr str".split()
)
# the last part of an abbreviation written with dots and no spaces ("A.d.R." -> "A.d" "." "R.")
_GLUED_ABBREVIATION_PART = re.compile(r"^[A-Za-zÄÖÜäöü]{1,3}\.$")
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


def sentence_starts(words: list[str], spaces: list[str], doc_text: str | None = None) -> list[bool]:
    """Which tokens start a sentence, from the tokens' texts and trailing whitespace (``doc_text``,
    their concatenation, may be given when the caller has it)."""
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
              and (_NUMBER_WITH_STOP.match(text) or text in _CLOSING_ABBREVIATIONS)):
            end = i + 1
        elif (text[-1:] == "." and i + 1 < n and spaces[i] and _YEAR_OR_DATE_WITH_STOP.match(text)
              and words[i + 1][:1].isupper() and (i == 0 or words[i - 1].lower() not in _ARTICLES)):
            end = i + 1
        elif (text == ":" and i + 1 < n and (spaces[i].startswith("  ") or (blank[i + 1] and spaces[i]))
              and _next_word(i + 1, words, blank)[:1].isupper()):
            end = i + 1  # "Europäische Flüchtlingspolitik:  In der EU ..."
        elif text == "." and i > 0 and not spaces[i - 1] and _abbreviation_before_number(i, words):
            end = None  # "Horazstr. 18", "aus Art. 1 des Paktes"
        elif text == "." and not spaces[i] and i + 1 < n and _GLUED_ABBREVIATION_PART.match(words[i + 1]):
            end = None  # "A.d.R." split as "A.d", ".", "R.": one abbreviation
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
    _mark_run_in_headings(words, spaces, starts, doc_text)
    # leading whitespace belongs to the first sentence
    k = 0
    while k < n - 1 and blank[k]:
        k += 1
        starts[k] = False
    return starts


def _abbreviation_before_number(i: int, words: list[str]) -> bool:
    """The full stop ``words[i]`` closes an abbreviation that a number follows ("Speckbacherstr. 24")."""
    if i + 1 >= len(words) or not words[i + 1][:1].isdigit():
        return False
    word = words[i - 1].lower()
    return word in _BEFORE_NUMBER_ABBREVIATIONS or (word.endswith("str") and len(word) > 4 and word.isalpha())


def _next_word(i: int, words: list[str], blank: list[bool]) -> str:
    while i < len(words) and blank[i]:
        i += 1
    return words[i] if i < len(words) else ""


def _mark_run_in_headings(words: list[str], spaces: list[str], starts: list[bool], text: str | None) -> None:
    """Start a sentence after a subheading run into a paragraph's first sentence."""
    if text is None:
        text = "".join(map(operator.add, words, spaces))
    offsets = None
    pos = 0
    for line in text.split("\n"):
        start = pos
        pos += len(line) + 1
        m = _MAY_OPEN_WITH_HEADING.match(line)
        if m is None:
            continue
        length = run_in_heading_length(line[m.end():])
        if not length:
            continue
        target = start + m.end() + length + 1
        if offsets is None:  # token start offsets, only for texts that have a run-in heading
            offsets = [0, *itertools.accumulate(map(len, map(operator.add, words, spaces)))]
        k = bisect.bisect_left(offsets, target)
        if k < len(words) and offsets[k] == target:
            starts[k] = True


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
    values = numpy.array([1 if start else -1 for start in sentence_starts(words, spaces, doc.text)], dtype="int64")
    doc.from_array([SENT_START], values.astype("uint64").reshape(-1, 1))
    return doc


@Language.component("newsdesk_sentencizer")
def newsdesk_sentencizer(doc: Doc) -> Doc:
    return set_sentence_starts(doc)
