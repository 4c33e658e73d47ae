"""The values the store hands out, and the encoding of an article as an index document."""

from __future__ import annotations

import datetime as dt
import json
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsdesk.index.annotations import Analysis, Entity, Event, Timex
    from newsdesk.index.article import Article

# what a search hands out is in ``summary`` (no dataclasses there: ``newsdesk search`` imports it alone)
from .summary import ArticleSummary, Hit, SearchResults, decode_summary, main_place  # noqa: E402,F401

# The annotation and article classes are imported where they are made: a process that only
# searches (``newsdesk search``) reads summaries and never imports them. Each dataclass here
# has a docstring: without one, ``dataclass`` makes it from ``inspect.signature`` (slow).


@dataclass
class StoredArticle:
    """An article as the store keeps it: the article, its analysis and the pipeline that made it."""

    article: Article
    analysis: Analysis
    model: str = ""  # the pipeline that made the analysis ("de_newsdesk 0.2.0"; "" in an older index)


@dataclass(frozen=True)
class EntityInfo:
    """An entity across the corpus: its name and how many articles and mentions it has."""

    key: str
    label: str
    name: str
    article_count: int
    mention_count: int
    # other keys of the same entity across the corpus (``PER:Putin`` for ``PER:Wladimir Putin``)
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class DatedEvent:
    """One dated event of the corpus and the article that reports it (a row of the timeline)."""

    summary: ArticleSummary
    event: Event


@dataclass(frozen=True)
class Mention:
    """One mention of an entity with a little context (offsets into the article's text)."""

    summary: ArticleSummary
    start: int  # offsets into the article's text
    end: int
    before: str  # a little context, on one line
    text: str
    after: str


@dataclass
class BuildReport:
    """What one ``build_index`` run did: files (``added`` ...) and articles (``articles_added`` ...)."""

    added: int = 0  # files
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    skipped: list = field(default_factory=list)  # index.ingest.skipped.Skipped items
    articles: int = 0  # articles analysed and written in this run
    articles_added: int = 0
    articles_updated: int = 0
    articles_removed: int = 0
    articles_unchanged: int = 0  # in unchanged files
    articles_kept: int = 0  # committed by an interrupted earlier run from the same file content: not analysed again
    seconds: float = 0.0
    model: str = ""  # the pipeline the index's analyses come from ("de_newsdesk 0.2.0")

    @property
    def ok(self) -> bool:
        return not self.skipped

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)

    def summary(self) -> str:
        """One line for people: "998 added from 1 file · de_newsdesk 0.2.0", "index up to date (998 articles in
        1 file) · de_newsdesk 0.2.0" (the model: what the index's analyses come from, when known)."""
        files = self.added + self.updated + self.removed
        if not files:
            held = self.unchanged
            return (f"index up to date ({_count(self.articles_unchanged, 'article')} in {_count(held, 'file')})"
                    + self._by_model() if held else "index up to date")
        parts = [f"{n:,} {what}" for n, what in ((self.articles_added, "added"), (self.articles_updated, "updated"),
                                                  (self.articles_removed, "removed")) if n]
        line = (", ".join(parts) or "nothing new") + f" from {_count(files, 'file')}"
        if self.articles_kept:
            line += f" (resumed: {self.articles_kept:,} were indexed already)"
        if self.unchanged:
            line += f"; {_count(self.articles_unchanged, 'article')} in {_count(self.unchanged, 'file')} unchanged"
        return line + self._by_model()

    def _by_model(self) -> str:
        return f" · {self.model}" if self.model else ""


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


@dataclass(frozen=True)
class BuildProgress:
    """Passed to ``build_index``'s progress callback while it writes articles (a few times a second)."""

    files_total: int  # files whose content must be (re)read in this run
    files_done: int
    articles_done: int  # articles written so far in this run
    articles_total: int = 0  # articles to write in this run (files not read yet are estimated)
    articles_kept: int = 0  # articles an interrupted earlier run committed: not written again
    articles_committed: int = 0  # of articles_done: committed, so visible to readers
    seconds: float = 0.0  # since the first article was written
    path: str = ""

    @property
    def rate(self) -> float | None:
        """Articles per second (None until there is something to go by)."""
        if self.articles_done < 2 or self.seconds <= 0:
            return None
        return (self.articles_done - 1) / self.seconds

    @property
    def seconds_left(self) -> float | None:
        rate = self.rate
        if rate is None:
            return None
        return max(0.0, (self.articles_total - self.articles_done) / rate)

    def describe(self) -> str:
        """"412/998 articles · 29/s · ~20 s left" (and what an earlier run left done)."""
        parts = [f"{self.articles_done:,}/{self.articles_total:,} articles"]
        rate = self.rate
        if rate is not None:
            parts.append(f"{rate:.0f}/s" if rate >= 10 else f"{rate:.1f}/s")
            parts.append(f"~{_duration(self.seconds_left or 0.0)} left")
        line = " · ".join(parts)
        if self.articles_kept:
            line += f" ({self.articles_kept:,} indexed before)"
        return line

    def to_list(self) -> list:
        return [self.files_total, self.files_done, self.articles_done, self.articles_total, self.articles_kept,
                self.articles_committed, round(self.seconds, 3), self.path]

    @classmethod
    def from_list(cls, v: list) -> "BuildProgress":
        return cls(int(v[0]), int(v[1]), int(v[2]), int(v[3]), int(v[4]), int(v[5]), float(v[6]), str(v[7]))


def _duration(seconds: float) -> str:
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min {seconds % 60:02d} s"
    return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min"


# --- the index document -----------------------------------------------------------------
#
# The article text is stored once, in the ``text`` column; the events once, in the
# ``events`` column (their text is the article text's span: not stored again). The
# record's article leaves out empty fields and gives each paragraph as a short list. The stored ``record`` holds the rest of the article and its
# entities and temporal expressions, in a compact form (lists instead of objects, no
# copies of text the offsets point into).

RECORD_LEVEL = 9  # zlib level of the stored record (written once, read per article opened)


def _pack(obj) -> bytes:
    return zlib.compress(json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), RECORD_LEVEL)


def _unpack(data: bytes):
    return json.loads(zlib.decompress(data).decode("utf-8"))


def entity_search_terms(entity: Entity) -> list[str]:
    """Terms of the ``entity`` field for one entity: key, name, and the words of the name."""
    terms = [entity.key]
    from newsdesk.index.annotations import split_entity_key

    label, name = split_entity_key(entity.key)
    if label:
        terms.append(name)
    for candidate in (name, entity.text):
        terms.append(candidate)
        words = candidate.replace("_", " ").replace("-", " ").split()
        if len(words) > 1:
            terms.extend(words)
    return terms


def _entity_row(e: Entity, text: str) -> list:
    """[start, end, label, key]; the key left out (0) when it is ``LABEL:surface``; the surface
    given only when it is not ``text[start:end]``."""
    row: list = [e.start, e.end, e.label, 0 if e.key == f"{e.label}:{e.text}" else e.key]
    if text[e.start : e.end] != e.text:
        row.append(e.text)
    return row


def _entity_of(row: list, text: str) -> Entity:
    from newsdesk.index.annotations import Entity

    start, end, label, key = row[:4]
    surface = row[4] if len(row) > 4 else text[start:end]
    return Entity(start, end, surface, label, key or f"{label}:{surface}")


def _timex_row(t: Timex, text: str) -> list:
    row: list = [t.start, t.end, t.type, t.value, t.mod or 0]
    if text[t.start : t.end] != t.text:
        row.append(t.text)
    return row


def _timex_of(row: list, text: str) -> Timex:
    from newsdesk.index.annotations import Timex

    start, end, kind, value, mod = row[:5]
    return Timex(start, end, row[5] if len(row) > 5 else text[start:end], kind, value, mod or None)


def _paragraph_row(p: dict) -> list:
    """[start, end], then the kind when it is not body, then the heading end when there is one."""
    from newsdesk.index.article import BODY

    row: list = [p["start"], p["end"]]
    if p.get("heading_end") is not None:
        row += [p.get("kind", BODY), p["heading_end"]]
    elif p.get("kind", BODY) != BODY:
        row.append(p["kind"])
    return row


def _paragraph_of(row) -> dict:
    if isinstance(row, dict):
        return row
    from newsdesk.index.article import BODY

    d = {"start": row[0], "end": row[1], "kind": row[2] if len(row) > 2 else BODY}
    if len(row) > 3:
        d["heading_end"] = row[3]
    return d


def _as_gaps(rows: list[list]) -> list[list]:
    """Rows starting [start, end, ...] as [start - the previous row's start, end - start, ...]
    (small numbers: the record compresses about a sixth better)."""
    last = 0
    for row in rows:
        start, end = row[0], row[1]
        row[0], row[1] = start - last, end - start
        last = start
    return rows


def _from_gaps(rows: list[list]) -> list[list]:
    """The rows :func:`_as_gaps` made, with their offsets back."""
    last = 0
    for row in rows:
        start = last + row[0]
        row[0], row[1] = start, start + row[1]
        last = start
    return rows


def _record(article: Article, analysis: Analysis, model: str) -> dict:
    meta = {k: v for k, v in article.to_dict().items() if v not in (None, [], "") or k in ("id", "title")}
    del meta["text"]
    meta["paragraphs"] = [_paragraph_row(p) for p in meta.get("paragraphs", [])]
    text = article.text
    record = {
        "article": meta,
        "entities": _as_gaps([_entity_row(e, text) for e in analysis.entities]),
        "timexes": _as_gaps([_timex_row(t, text) for t in analysis.timexes]),
    }
    if model:
        record["model"] = model
    return record


def article_document(article: Article, analysis: Analysis, path: str, version: str = "", model: str = "") -> dict:
    """The Whoosh document (field -> value) for one analysed article read from the file ``path``.

    ``version`` names the file content and analysis it was made from (``builder.file_version``),
    ``model`` the pipeline that analysed it (``Analyzer.model_label``; kept in the record).
    """
    summary = ArticleSummary.of(article, analysis)
    entity_terms: list[str] = []
    seen: set[str] = set()
    for ent in analysis.entities:
        for term in entity_search_terms(ent):
            term = " ".join(term.split())
            if term and term not in seen:
                seen.add(term)
                entity_terms.append(term)
    doc = {
        "id": article.id,
        "path": path,
        "version": version,
        "title": article.title,
        "body": f"{article.title}\n{article.title}\n{article.text}" if article.title else article.text,
        "source": article.source or path,
        "publisher": article.publisher or "",
        "entity": "\n".join(entity_terms),
        "entity_key": "\n".join(" ".join(e.key.split()) for e in analysis.entities if e.key.strip()),
        "record": _pack(_record(article, analysis, model)),
        "summary": json.dumps(summary.to_dict(), ensure_ascii=False),
        "sortdate": article.date.isoformat() if article.date else "",
        "events": encode_events(analysis.events, article.text),
        "text": article.text,
    }
    if article.date:
        doc["day"] = article.date.year * 10000 + article.date.month * 100 + article.date.day
    return doc


def decode_article(record: bytes, text: str) -> Article:
    """The article of a stored document: its ``record`` and ``text`` column values."""
    from newsdesk.index.article import Article

    meta = dict(_unpack(record)["article"])
    meta["paragraphs"] = [_paragraph_of(row) for row in meta.get("paragraphs", [])]
    meta["text"] = text
    return Article.from_dict(meta)


def decode_entities(record: bytes, text: str) -> list[Entity]:
    """The entities of a stored document: its ``record`` and ``text`` column values."""
    return [_entity_of(row, text) for row in _from_gaps(_unpack(record)["entities"])]


def decode_analysis(record: bytes, text: str, events: str) -> Analysis:
    """The analysis of a stored document: its ``record``, ``text`` and ``events`` column values."""
    from newsdesk.index.annotations import Analysis

    unpacked = _unpack(record)
    return Analysis(
        [_entity_of(row, text) for row in _from_gaps(unpacked["entities"])],
        [_timex_of(row, text) for row in _from_gaps(unpacked["timexes"])],
        decode_events(events, text),
    )


def decode_model(record: bytes) -> str:
    """The pipeline that analysed a stored document ("" when its record names none)."""
    model = _unpack(record).get("model")
    return model if isinstance(model, str) else ""


def _offset(n: int, base: int):
    """``n - base``; None for the default -1 (no such span)."""
    return None if n < 0 else n - base


def _back(d, base: int) -> int:
    return -1 if d is None else base + d


# An event in the events column: one JSON list, the fields in this order, the offsets as
# differences (to the clause start, or to the other end of the span), trailing fields at
# their defaults left out; the text is given only when it is not the article text's span.
# (Lists and differences: 24 % smaller compressed than objects with absolute offsets.)
_EVENT_DEFAULTS = (None, None, None, None, None, [], [], "", None, None, "asserted", 0, "", "", None, None, None)


def _event_row(e: Event, text: str) -> list:
    row = [e.start, e.end - e.start, e.date, e.granularity, e.what, e.who, e.where, e.value,
           _offset(e.timex_start, e.start), None if e.timex_end < 0 or e.timex_start < 0 else e.timex_end - e.timex_start,
           e.status, int(e.inferred), e.end_date, e.end_value,
           None if e.sentence_start < 0 else e.start - e.sentence_start, _offset(e.sentence_end, e.end),
           None if text[e.start : e.end] == e.text else e.text]
    while len(row) > 5 and row[-1] == _EVENT_DEFAULTS[len(row) - 1]:
        row.pop()
    return row


def _event_of(row: list, text: str) -> Event:
    from newsdesk.index.annotations import Event

    row = row + list(_EVENT_DEFAULTS[len(row):])
    start, end = row[0], row[0] + row[1]
    timex_start = _back(row[8], start)
    return Event(
        start, end, row[2], row[3], row[4], text[start:end] if row[16] is None else row[16],
        list(row[5]), list(row[6]), row[7], timex_start, -1 if row[9] is None or timex_start < 0 else timex_start + row[9],
        row[10], bool(row[11]), row[12], row[13], -1 if row[14] is None else start - row[14], _back(row[15], end),
    )


def encode_events(events: list[Event], text: str) -> str:
    """The events column value ("" when none): a JSON list of :func:`_event_row` lists."""
    if not events:
        return ""
    return json.dumps([_event_row(e, text) for e in events], ensure_ascii=False, separators=(",", ":"))


def decode_events(value: str, text: str) -> list[Event]:
    """The events of an events column value; ``text`` is the article's text column value."""
    if not value:
        return []
    return [_event_of(row, text) for row in json.loads(value)]


def indexed_path(path) -> str:
    """How the index names a file (manifest key, the ``path`` field of its articles): its absolute
    path as the corpus walk reached it; a symbolic link keeps its own name.

    Article ids use :func:`newsdesk.index.ingest.ids.resolved_path` instead (links resolved).
    """
    return str(Path(path).absolute())
