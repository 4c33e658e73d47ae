"""What a query's text says, read without Whoosh: the text as typed made a query, its
operators, and the words of an article a search matched (highlights, snippets).

``search`` parses queries with Whoosh; ``quick_search`` answers the plain ones (words and
phrases) without it; both read the text with these functions.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsdesk.index.display import one_line

from .errors import QueryError
from .german_words import index_term

MAX_QUERY_LENGTH = 500
SNIPPET_WIDTH = 200

OPERATORS = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"}
_TYPED_WORD = re.compile(r"(?:^|(?<=[\s(:]))([^\W\d_][\w]*)$")


# A plain query: words of letters and phrases of such words, apart from each other.
_LETTERS = r"[^\W\d_]+"
_ITEM = r'(?:"\s*(?:%s(?:\s+%s)*)?\s*"|%s)' % (_LETTERS, _LETTERS, _LETTERS)
_PLAIN_QUERY = re.compile(r"\s*%s(?:\s+%s)*\s*" % (_ITEM, _ITEM))
_ITEMS = re.compile(r'"([^"]*)"|(%s)' % _LETTERS)


def plain_query(text: str) -> list[tuple[str, ...]] | None:
    """The index terms of a query of words and phrases on the default field, as Whoosh's parser
    reads it (an AND of its parts, normalized): each part ``(term,)`` or ``(word, word, ...)``
    (a phrase), in order, without repeats; [] when they are all stop words (Whoosh's NullQuery).
    An ``AND`` between two parts is what a space is. None for any other query."""
    if len(text) > MAX_QUERY_LENGTH or not _PLAIN_QUERY.fullmatch(text):
        return None
    items = [(m.group(1), m.group(2)) for m in _ITEMS.finditer(text)]
    parts: list[tuple[str, ...]] = []
    for i, (phrase, word) in enumerate(items):
        if word is not None:
            if word in OPERATORS:
                between = 0 < i < len(items) - 1 and items[i - 1][1] != "AND" and items[i + 1][1] != "AND"
                if word == "AND" and between:
                    continue
                return None
            words = [word]
        else:
            words = phrase.split()
        terms = tuple(t for t in (index_term(w) for w in words) if t is not None)
        if terms:  # a phrase or word of stop words only is Whoosh's NullQuery, which And drops
            parts.append(terms)
    return list(dict.fromkeys(parts))


def prepare(text: str, typing: bool = False) -> tuple[str, str]:
    """(query text to parse, a note for the user or "").

    An unclosed phrase is closed (the note says so). With ``typing``, the last
    word (not followed by a space) becomes a prefix; inside an unclosed phrase,
    the words before it stay a phrase and the last one is a prefix beside it.
    A one-letter word being typed is left out (it would match too much).
    """
    note = ""
    if text.count('"') % 2:
        head, _quote, phrase = text.rpartition('"')
        words = phrase.split()
        if not words:
            return head.rstrip(), ""
        if typing and not phrase[-1].isspace() and _TYPED_WORD.search(words[-1]):
            shown = " ".join(words)
            before = f'"{" ".join(words[:-1])}" ' if len(words) > 1 else ""
            last = words[-1] + "*" if len(words[-1]) > 1 else ""
            return f"{head}{before}{last}".strip(), f"phrase not closed yet: “{shown}…”"
        shown = " ".join(words)
        return f'{head}"{shown}"', f"no closing quote: searched as the phrase “{shown}”"
    if typing and text and not text[-1].isspace():
        m = _TYPED_WORD.search(text)
        if m and m.group(1) not in OPERATORS:
            word = m.group(1)
            if len(word) == 1:
                rest = text[: m.start(1)].rstrip()
                if rest.endswith(":"):  # a field filter with one letter so far
                    rest = rest.rsplit(None, 1)[0] if " " in rest else ""
                if not rest.strip():
                    raise QueryError("keep typing…")
                return rest, note
            text = text + "*"
    return text, note


def strip_dangling_operators(text: str) -> str:
    words = text.split()
    # A lone "*" means every article; beside other words it adds nothing (and Whoosh
    # would let it swallow the whole query).
    stars = [w for w in words if set(w) == {"*"}]
    if stars:
        words = [w for w in words if set(w) != {"*"}] or ["*"]
    while words and words[0] in OPERATORS and words[0] != "NOT":
        words.pop(0)
    while words and words[-1] in OPERATORS:
        words.pop()
    if words == ["NOT"] or all(w in OPERATORS for w in words):
        return ""
    return " ".join(words)


_FOLDS = {"a": "aàáâäå", "o": "oòóôöø", "u": "uùúûü", "e": "eèéêë", "i": "iìíîï", "c": "cç", "n": "nñ", "y": "yýÿ"}
_DIGRAPHS = {"a", "o", "u"}  # written ae, oe, ue for ä, ö, ü (german.fold)


@lru_cache(maxsize=4096)
def _term_pattern(term: str) -> str:
    """A regex matching words that may have ``term`` as their index term (it is a folded prefix)."""
    out = []
    i = 0
    while i < len(term):
        if term.startswith("ss", i):
            out.append("(?:ss|ß)")
            i += 2
            continue
        ch = term[i]
        letters = "[%s]" % re.escape(_FOLDS[ch]) if ch in _FOLDS else re.escape(ch)
        out.append("(?:%se|%s)" % (ch, letters) if ch in _DIGRAPHS else letters)
        i += 1
    return "".join(out)


@lru_cache(maxsize=512)
def _candidates(terms: frozenset) -> re.Pattern:
    alternatives = sorted((_term_pattern(t) for t in terms), key=len, reverse=True)
    return re.compile(r"(?<![\w.'])(?:%s)\w*(?:[.']\w+)*" % "|".join(alternatives), re.IGNORECASE)


def match_spans(text: str, terms) -> list[tuple[int, int]]:
    """Spans of the words of ``text`` whose index term is one of ``terms``.

    ``terms`` are index terms as in ``SearchResults.terms``; use this to
    highlight a search's matches in an article's text or title.
    """
    terms = frozenset(terms)
    if not terms:
        return []
    spans = []
    for m in _candidates(terms).finditer(text):
        if index_term(m.group()) in terms:
            spans.append((m.start(), m.end()))
    return spans


def snippet(text: str, spans: list[tuple[int, int]], width: int = SNIPPET_WIDTH) -> list[tuple[str, bool]]:
    """A one-line excerpt of ``text`` around the densest cluster of ``spans``."""
    if not text:
        return []
    if spans:
        best, best_count, j = 0, 0, 0
        reach = width * 3 // 4
        for i, (s, _e) in enumerate(spans):
            while s - spans[j][0] > reach:
                j += 1
            if i - j + 1 > best_count:
                best, best_count = j, i - j + 1
        first = spans[best][0]
        start = max(0, first - width // 4)
    else:
        start = 0
    # Align to a word start.
    if start > 0:
        space = text.rfind(" ", max(0, start - 20), start)
        start = space + 1 if space >= 0 else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start + width // 2, end)
        end = space if space > 0 else end
    segments: list[tuple[str, bool]] = []
    if start > 0:
        segments.append(("…", False))
    pos = start
    for s, e in spans:
        if e <= start or s >= end:
            continue
        s, e = max(s, start), min(e, end)
        if s > pos:
            segments.append((one_line(text[pos:s]), False))
        segments.append((one_line(text[s:e]), True))
        pos = e
    if pos < end:
        segments.append((one_line(text[pos:end]), False))
    if end < len(text):
        segments.append(("…", False))
    return _merge(segments)


def _merge(segments):
    out: list[tuple[str, bool]] = []
    for seg, is_match in segments:
        if not seg:
            continue
        if out and out[-1][1] == is_match:
            out[-1] = (out[-1][0] + seg, is_match)
        else:
            out.append((seg, is_match))
    return out
