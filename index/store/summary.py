"""What a search hands out: article summaries, hits and a page of results.

Plain classes, not dataclasses: ``newsdesk search`` imports this module and not ``records``,
whose dataclasses import ``inspect`` (about a sixth of that command's imports).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsdesk.index.annotations import Analysis
    from newsdesk.index.article import Article


class FrozenInstanceError(AttributeError):
    """Raised on an attempt to change an immutable value (as ``dataclasses.FrozenInstanceError``)."""


class _Frozen:
    """Immutable slots compared, hashed and shown by value (what ``dataclass(frozen=True)`` makes)."""

    __slots__ = ()

    def _values(self) -> tuple:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __setattr__(self, name, value):
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name):
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __eq__(self, other) -> bool:
        return other.__class__ is self.__class__ and self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        return f"{type(self).__name__}(" + ", ".join(f"{n}={v!r}" for n, v in zip(self.__slots__, self._values())) + ")"

    def __reduce__(self):
        return (type(self), self._values())


class ArticleSummary(_Frozen):
    """What a list shows of an article (read from the ``summary`` column, without the document).

    ``publisher``, ``place``, ``entity_count`` and ``event_count`` tell articles apart in a list
    (an index written before these were stored has None / "" / -1: unknown); ``place`` is the
    place the article is most about (its most mentioned LOC entity), ``entity_count`` the distinct
    entities. Immutable, compared and hashed by value.
    """

    __slots__ = ("id", "title", "date", "source", "url", "publisher", "place", "entity_count", "event_count")

    def __init__(self, id: str, title: str, date: dt.date | None, source: str, url: str | None = None,
                 publisher: str | None = None, place: str = "", entity_count: int = -1, event_count: int = -1):
        setter = object.__setattr__  # as dataclass(frozen=True) sets its fields
        setter(self, "id", id)
        setter(self, "title", title)
        setter(self, "date", date)
        setter(self, "source", source)
        setter(self, "url", url)
        setter(self, "publisher", publisher)
        setter(self, "place", place)
        setter(self, "entity_count", entity_count)
        setter(self, "event_count", event_count)

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


class SearchResults:
    """One page of a search: every match counted (``total``), the ``hits`` of the page, the index
    ``terms`` the query matches in title/body (see ``match_spans``) and a ``note`` on how the query
    was read, when not as written ("no closing quote: ...")."""

    __slots__ = ("total", "hits", "terms", "note")

    def __init__(self, total: int, hits: list[Hit], terms: list[str], note: str = ""):
        self.total = total
        self.hits = hits
        self.terms = terms
        self.note = note

    def _values(self) -> tuple:
        return (self.total, self.hits, self.terms, self.note)

    def __eq__(self, other) -> bool:
        return other.__class__ is self.__class__ and self._values() == other._values()

    __hash__ = None  # mutable

    def __repr__(self) -> str:
        return "SearchResults(" + ", ".join(f"{n}={v!r}" for n, v in zip(self.__slots__, self._values())) + ")"


def decode_summary(value: str) -> ArticleSummary:
    return ArticleSummary.from_dict(json.loads(value))
