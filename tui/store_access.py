"""The reader's one typed way into the index: :class:`StoreAccess`.

Every operation the reader uses is a method here, with the dataclasses of
:mod:`newsdesk.index.store.records` as results. Whatever goes wrong below
(Whoosh, the file system, a half-written segment) reaches the reader as one of
the store's errors (:mod:`newsdesk.index.store.errors`), never as anything
else: the reader catches ``StoreError`` and nothing wider.

A Whoosh searcher is not thread-safe (its files are shared, with a read
position). The reader does slow calls (the first page of a big index, an
entity's mentions across the corpus) in threads so the screen stays live:
every method holds one re-entrant lock, so those calls never interleave with
the UI thread's own calls or with a refresh after the indexer committed.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Callable, TypeVar

from newsdesk.index.store import (
    ArticleSummary,
    DatedEvent,
    EntityInfo,
    IndexReadError,
    Mention,
    SearchResults,
    Store,
    StoredArticle,
    StoreError,
)

T = TypeVar("T")


class StoreAccess:
    """An open index, read by the reader's UI thread and its workers alike."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._lock = threading.RLock()

    @classmethod
    def open(cls, index_dir: Path) -> "StoreAccess":
        """The index in ``index_dir``; IndexNotFoundError when there is none, StoreError when unreadable."""
        try:
            return cls(Store.open(index_dir))
        except StoreError:
            raise
        except Exception as exc:
            raise IndexReadError(f"cannot open the index at {index_dir}: {_reason(exc)}") from exc

    def _call(self, what: str, operation: Callable[[], T]) -> T:
        with self._lock:
            try:
                return operation()
            except StoreError:
                raise
            except Exception as exc:  # the boundary: nothing else leaves the store
                raise IndexReadError(f"cannot {what}: {_reason(exc)}") from exc

    # --- the index itself -------------------------------------------------------------

    @property
    def index_dir(self) -> Path:
        return self._store.index_dir

    def refresh(self) -> bool:
        """Pick up what the indexer committed; True when something changed."""
        return self._call("re-read the index", self._store.refresh)

    def close(self) -> None:
        with self._lock:
            try:
                self._store.close()
            except Exception:  # closing what is already gone is not worth a message
                pass

    # --- articles ---------------------------------------------------------------------

    def article_count(self) -> int:
        return self._call("count the articles", self._store.article_count)

    def list_articles(self, offset: int = 0, limit: int = 100) -> list[ArticleSummary]:
        """Articles newest first (undated ones last)."""
        return self._call("list the articles", lambda: self._store.list_articles(offset, limit))

    def get_article(self, article_id: str) -> StoredArticle:
        """The article with its annotations; ArticleNotFoundError when the index no longer has it."""
        return self._call("read the article", lambda: self._store.get_article(article_id))

    # --- search and events ------------------------------------------------------------

    def search(self, query: str, limit: int = 50, offset: int = 0, *, typing: bool = False) -> SearchResults:
        """Ranked hits ``offset`` to ``offset + limit`` (``total`` counts all); ``typing``: the last
        word is a prefix. QueryError (with a message for the user) for a query that cannot run."""
        return self._call("search", lambda: self._store.search(query, limit=limit, offset=offset, typing=typing))

    def events(self, query: str | None = None) -> list[DatedEvent]:
        """Every dated event of the corpus (or of the articles matching ``query``), in date order."""
        return self._call("read the events", lambda: self._store.events(query))

    # --- entities ---------------------------------------------------------------------

    def entity_summary(self, key: str) -> EntityInfo | None:
        """Counts and the shown name of one entity; None when no article mentions it."""
        return self._call("read the entity", lambda: self._store.entity_summary(key))

    def entity_mentions(self, key: str, limit: int = 200) -> list[Mention]:
        """The entity's mentions with a little context, newest articles first."""
        return self._call("read the mentions", lambda: self._store.entity_mentions(key, limit=limit))

    def entity_articles(self, key: str) -> list[ArticleSummary]:
        """The articles mentioning the entity, newest first."""
        return self._call("list the entity's articles", lambda: self._store.entity_articles(key))


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__
