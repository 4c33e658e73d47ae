"""The analyzer: all of newsdesk's analysis of a text, in one pass.

``Analyzer`` runs the spaCy pipeline (sentences, STTS tags, named entities),
the temporal tagger and the event extraction, and returns an ``Analysis``
(entities, temporal expressions, events; offsets into the text given). The
index and ``newsdesk analyze`` both use it, so both give the same results: the
pipeline runs with fixed settings, one process, and texts are cut into the
same pieces whatever the batch size.

Texts longer than a piece the pipeline takes at once (``nlp.max_length``, and
at most ``MAX_PIECE_CHARS`` to bound memory) are cut at paragraph breaks
(blank lines), a paragraph longer than that at a sentence end or a space.
Each piece is analysed on its own and its offsets moved back into the whole
text. Sentences never cross paragraphs, so for all but monstrous paragraphs
nothing is lost.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import deque
from dataclasses import replace
from typing import TYPE_CHECKING, Iterable, Iterator

from newsdesk.index.analysis.entities import extract_entities
from newsdesk.index.analysis.events import extract_events
from newsdesk.index.analysis.pipeline import load_pipeline
from newsdesk.index.analysis.signature import analysis_signature, model_label
from newsdesk.index.analysis.timex import tag
from newsdesk.index.annotations import Analysis
from newsdesk.index.periods import date_order

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["Analyzer", "MAX_PIECE_CHARS", "split_for_pipeline"]

MAX_PIECE_CHARS = 100_000

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_SENTENCE_END = re.compile(r"[.!?…][\"'»«“”)\]]*\s+")
_SPACE = re.compile(r"\s+")


class Analyzer:
    """Entities, temporal expressions and events of texts.

    ``model`` names the spaCy pipeline (a package name or a path; None =
    newsdesk's bundled pipeline). It is loaded on first use, so making an
    ``Analyzer`` is cheap.
    """

    def __init__(self, model: str | None = None):
        self.model = model
        self._nlp: "Language | None" = None

    @property
    def nlp(self) -> "Language":
        if self._nlp is None:
            self._nlp = load_pipeline(self.model)
        return self._nlp

    @property
    def signature(self) -> str:
        """Names what makes the results: the pipeline, the tagger and the events versions.

        When it changes, stored analyses are out of date. Read from the model's meta on
        disk: getting it does not load the model.
        """
        return analysis_signature(self.model)

    @property
    def model_label(self) -> str:
        """The pipeline's name and version ("de_newsdesk 0.2.0"), read without loading it."""
        return model_label(self.model)

    @property
    def piece_limit(self) -> int:
        return max(1, min(self.nlp.max_length, MAX_PIECE_CHARS))

    def analyze(self, text: str, date: dt.date | None = None) -> Analysis:
        """The analysis of one text; ``date`` (the article's date) anchors relative dates."""
        return next(self.analyze_many([(text, date)], batch_size=1))

    def analyze_many(
        self, items: Iterable[tuple[str, dt.date | None]], batch_size: int = 64
    ) -> Iterator[Analysis]:
        """Analyses of ``(text, date)`` pairs, in order, streamed.

        Texts go through ``nlp.pipe`` in batches of ``batch_size`` pieces;
        ``items`` is consumed lazily, a batch ahead of what was yielded.
        """
        nlp = self.nlp
        limit = self.piece_limit
        queued: deque[tuple[dt.date | None, int]] = deque()  # (date, number of pieces) per text

        def pieces() -> Iterator[tuple[str, tuple[str, int]]]:
            for text, date in items:
                spans = split_for_pipeline(text, limit)
                queued.append((_as_date(date), len(spans)))
                for start, end in spans:
                    piece = text[start:end]
                    yield piece, (piece, start)

        docs = nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size)
        for doc, (piece, offset) in docs:
            date, count = queued.popleft()
            parts = [(doc, piece, offset)]
            for _ in range(count - 1):
                doc, (piece, offset) = next(docs)
                parts.append((doc, piece, offset))
            yield _analysis(parts, date)


def _as_date(value: dt.date | dt.datetime | None) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    return value


def _analysis(parts: list[tuple["Doc", str, int]], date: dt.date | None) -> Analysis:
    """Join the analyses of the pieces ``(doc, its text, its offset)`` of one text."""
    result = Analysis()
    for doc, text, offset in parts:
        entities = extract_entities(doc)
        timexes = tag(text, date)
        events = extract_events(doc, timexes, entities, text, date, lead=offset == 0)
        if offset:
            entities = [replace(e, start=e.start + offset, end=e.end + offset) for e in entities]
            timexes = [replace(t, start=t.start + offset, end=t.end + offset) for t in timexes]
            events = [
                replace(
                    e,
                    start=e.start + offset,
                    end=e.end + offset,
                    timex_start=e.timex_start + offset if e.timex_start >= 0 else -1,
                    timex_end=e.timex_end + offset if e.timex_end >= 0 else -1,
                    sentence_start=e.sentence_start + offset if e.sentence_start >= 0 else -1,
                    sentence_end=e.sentence_end + offset if e.sentence_end >= 0 else -1,
                )
                for e in events
            ]
        result.entities.extend(entities)
        result.timexes.extend(timexes)
        result.events.extend(events)
    if len(parts) > 1:
        result.events.sort(key=lambda e: (date_order(e.date), e.timex_start, e.timex_end))
    return result


def split_for_pipeline(text: str, limit: int) -> list[tuple[int, int]]:
    """Cut ``text`` into consecutive ``(start, end)`` pieces of at most ``limit`` characters.

    The pieces cover the text without gaps. Cuts fall after a paragraph
    break when one is in reach, else after a sentence end, else after a
    space, else at the limit. A text within the limit is one piece (an empty
    text too).
    """
    if limit < 1:
        raise ValueError("limit must be positive")
    spans: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = _last_end(_PARAGRAPH_BREAK, window) or _last_end(_SENTENCE_END, window) or _last_end(_SPACE, window)
        end = start + (cut or limit)
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    return spans


def _last_end(pattern: re.Pattern[str], window: str) -> int:
    """End of the last match of ``pattern`` in ``window`` (0 when none, or only at its start)."""
    last = 0
    for m in pattern.finditer(window):
        last = m.end()
    return last
