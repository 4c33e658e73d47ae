"""The values the store hands out, and the encoding of an article as an index document."""

from __future__ import annotations

import datetime as dt
import json
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from newsdesk.index.annotations import Analysis, Entity, Event, split_entity_key
from newsdesk.index.article import Article


@dataclass(frozen=True)
class ArticleSummary:
    id: str
    title: str
    date: dt.date | None
    source: str
    url: str | None = None
    # what tells articles apart in a list (an index written before these were stored has
    # None / "" / -1: unknown)
    publisher: str | None = None
    place: str = ""  # the place the article is most about: its most mentioned LOC entity
    entity_count: int = -1  # distinct entities
    event_count: int = -1

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "date": self.date.isoformat() if self.date else None,
            "source": self.source,
            "url": self.url,
            "publisher": self.publisher,
            "place": self.place,
            "entity_count": self.entity_count,
            "event_count": self.event_count,
        }

    @classmethod
    def from_dict(cls, d: dict) -> "ArticleSummary":
        return cls(
            d["id"], d.get("title", ""), dt.date.fromisoformat(d["date"]) if d.get("date") else None,
            d.get("source", ""), d.get("url"), d.get("publisher"), d.get("place") or "",
            int(d.get("entity_count", -1)), int(d.get("event_count", -1)),
        )

    @classmethod
    def of(cls, article: Article, analysis: Analysis | None = None) -> "ArticleSummary":
        if analysis is None:
            return cls(article.id, article.title, article.date, article.source, article.url, article.publisher)
        return cls(
            article.id, article.title, article.date, article.source, article.url, article.publisher,
            main_place(analysis), len({e.key for e in analysis.entities}), len(analysis.events),
        )


def main_place(analysis: Analysis) -> str:
    """The name of the most mentioned place (the first mentioned among equals), or ""."""
    counts: dict[str, int] = {}
    names: dict[str, str] = {}
    for e in sorted(analysis.entities, key=lambda e: e.start):
        if e.label == "LOC":
            counts[e.key] = counts.get(e.key, 0) + 1
            prefix, sep, name = e.key.partition(":")
            names.setdefault(e.key, name if sep and prefix.isupper() and name else e.text)
    if not counts:
        return ""
    key = max(counts, key=lambda k: counts[k])  # max keeps the first of equals (insertion order)
    return " ".join(names[key].split())


@dataclass
class StoredArticle:
    article: Article
    analysis: Analysis


class Hit:
    """One search result. ``snippet`` is a list of (segment, is_match), made on first use."""

    __slots__ = ("summary", "score", "_snippet", "_make")

    def __init__(self, summary: ArticleSummary, score: float, snippet=None, make_snippet=None):
        self.summary = summary
        self.score = score
        self._snippet = snippet
        self._make = make_snippet

    @property
    def snippet(self) -> list[tuple[str, bool]]:
        if self._snippet is None:
            self._snippet = self._make() if self._make is not None else []
            self._make = None
        return self._snippet

    def __eq__(self, other) -> bool:
        return isinstance(other, Hit) and (self.summary, self.score, self.snippet) == (
            other.summary, other.score, other.snippet)

    def __repr__(self) -> str:
        return f"Hit(summary={self.summary!r}, score={self.score!r}, snippet={self.snippet!r})"


@dataclass
class SearchResults:
    total: int
    hits: list[Hit]
    terms: list[str]  # index terms the query matches in title/body (see match_spans)
    note: str = ""  # how the query was read, when not as written ("no closing quote: ...")


@dataclass(frozen=True)
class EntityInfo:
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
    summary: ArticleSummary
    start: int  # offsets into the article's text
    end: int
    before: str  # a little context, on one line
    text: str
    after: str


@dataclass
class BuildReport:
    """What one ``build_index`` run did; counts are files."""

    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    skipped: list = field(default_factory=list)  # index.ingest.skipped.Skipped items
    articles: int = 0  # articles analysed and written in this run
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.skipped


@dataclass(frozen=True)
class BuildProgress:
    """Passed to ``build_index``'s progress callback after each file."""

    files_total: int  # files whose content must be (re)read in this run
    files_done: int
    articles_done: int  # articles written so far in this run
    path: str = ""


# --- the index document -----------------------------------------------------------------


def _pack(obj) -> bytes:
    return zlib.compress(json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 6)


def _unpack(data: bytes):
    return json.loads(zlib.decompress(data).decode("utf-8"))


def entity_search_terms(entity: Entity) -> list[str]:
    """Terms of the ``entity`` field for one entity: key, name, and the words of the name."""
    terms = [entity.key]
    label, name = split_entity_key(entity.key)
    if label:
        terms.append(name)
    for candidate in (name, entity.text):
        terms.append(candidate)
        words = candidate.replace("_", " ").replace("-", " ").split()
        if len(words) > 1:
            terms.extend(words)
    return terms


def article_document(article: Article, analysis: Analysis, path: str, content_hash: str) -> dict:
    """The Whoosh document (field -> value) for one analysed article."""
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
        "hash": content_hash,
        "title": article.title,
        "body": f"{article.title}\n{article.title}\n{article.text}" if article.title else article.text,
        "source": article.source or path,
        "publisher": article.publisher or "",
        "entity": "\n".join(entity_terms),
        "entity_key": "\n".join(" ".join(e.key.split()) for e in analysis.entities if e.key.strip()),
        "article": _pack(article.to_dict()),
        "analysis": _pack(analysis.to_dict()),
        "summary": json.dumps(summary.to_dict(), ensure_ascii=False),
        "sortdate": article.date.isoformat() if article.date else "",
        "events": json.dumps([e.to_dict() for e in analysis.events], ensure_ascii=False),
        "text": article.text,
    }
    if article.date:
        doc["day"] = article.date.year * 10000 + article.date.month * 100 + article.date.day
    return doc


def decode_article(stored: dict) -> Article:
    return Article.from_dict(_unpack(stored["article"]))


def decode_analysis(stored: dict) -> Analysis:
    return Analysis.from_dict(_unpack(stored["analysis"]))


def decode_events(value: str) -> list[Event]:
    return [Event.from_dict(e) for e in json.loads(value)] if value else []


def decode_summary(value: str) -> ArticleSummary:
    return ArticleSummary.from_dict(json.loads(value))


def indexed_path(path) -> str:
    """How the index names a file (manifest key, the ``path`` field of its articles): its absolute
    path as the corpus walk reached it; a symbolic link keeps its own name.

    Article ids use :func:`newsdesk.index.ingest.ids.resolved_path` instead (links resolved).
    """
    return str(Path(path).absolute())
