"""StoreAccess: the reader's typed interface to the index (results, errors, threads)."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from newsdesk.index.annotations import Event
from newsdesk.index.store import (
    ArticleNotFoundError,
    ArticleSummary,
    DatedEvent,
    EntityInfo,
    IndexNotFoundError,
    IndexReadError,
    Mention,
    QueryError,
    SearchResults,
    StoredArticle,
    StoreError,
)
from newsdesk.index.store.store import Store
from newsdesk.tui.store_access import StoreAccess


@pytest.fixture
def access(sample_index):
    opened = StoreAccess.open(sample_index)
    yield opened
    opened.close()


def test_every_operation_returns_dataclasses(access):
    assert access.article_count() == 5
    summaries = access.list_articles(0, 10)
    assert len(summaries) == 5 and all(isinstance(s, ArticleSummary) for s in summaries)
    assert [s.id for s in access.list_articles(1, 2)] == [s.id for s in summaries[1:3]]
    stored = access.get_article(summaries[0].id)
    assert isinstance(stored, StoredArticle) and stored.article.id == summaries[0].id
    results = access.search("Putin")
    assert isinstance(results, SearchResults) and results.total >= 1
    assert all(isinstance(h.summary, ArticleSummary) for h in results.hits)
    events = access.events()
    assert events and all(isinstance(d, DatedEvent) and isinstance(d.event, Event) for d in events)
    assert [d.event.date for d in events] == sorted(d.event.date for d in events)
    info = access.entity_summary("PER:Wladimir Putin")
    assert isinstance(info, EntityInfo) and info.label == "PER" and info.article_count >= 1
    mentions = access.entity_mentions("PER:Wladimir Putin", limit=3)
    assert 1 <= len(mentions) <= 3 and all(isinstance(m, Mention) for m in mentions)
    articles = access.entity_articles("PER:Wladimir Putin")
    assert {m.summary.id for m in mentions} <= {a.id for a in articles}
    assert access.entity_summary("PER:Niemand") is None
    assert access.refresh() is False  # nothing was committed since opening


def test_open_without_an_index_is_index_not_found(tmp_path):
    with pytest.raises(IndexNotFoundError):
        StoreAccess.open(tmp_path / "nothing-here")


def test_unknown_article_is_article_not_found(access):
    with pytest.raises(ArticleNotFoundError) as caught:
        access.get_article("no-such-id")
    assert isinstance(caught.value, StoreError) and isinstance(caught.value, KeyError)
    assert str(caught.value) == "no article 'no-such-id' in the index"


def test_bad_query_keeps_its_message(access):
    with pytest.raises(QueryError) as caught:
        access.search('"' * 5000)
    assert caught.value.message


@pytest.mark.parametrize(
    "method, call",
    [
        ("list_articles", lambda a: a.list_articles(0, 10)),
        ("get_article", lambda a: a.get_article("x")),
        ("search", lambda a: a.search("Putin")),
        ("events", lambda a: a.events()),
        ("entity_summary", lambda a: a.entity_summary("PER:Wladimir Putin")),
        ("entity_mentions", lambda a: a.entity_mentions("PER:Wladimir Putin")),
        ("entity_articles", lambda a: a.entity_articles("PER:Wladimir Putin")),
        ("refresh", lambda a: a.refresh()),
        ("article_count", lambda a: a.article_count()),
    ],
)
def test_anything_else_becomes_the_stores_error(access, monkeypatch, method, call):
    def broken(*_args, **_kwargs):
        raise ValueError("damaged segment\nsecond line")

    monkeypatch.setattr(Store, method, broken)
    with pytest.raises(IndexReadError) as caught:
        call(access)
    message = str(caught.value)
    assert "ValueError: damaged segment" in message and "\n" not in message
    assert isinstance(caught.value.__cause__, ValueError)  # kept for the log


def test_calls_from_threads_never_overlap(access, monkeypatch):
    """The reader's workers and its UI thread share one searcher: one call at a time."""
    inside = 0
    most = 0
    guard = threading.Lock()
    original = Store.list_articles

    def slow_list(self, offset=0, limit=100):
        nonlocal inside, most
        with guard:
            inside += 1
            most = max(most, inside)
        time.sleep(0.002)
        try:
            return original(self, offset, limit)
        finally:
            with guard:
                inside -= 1

    monkeypatch.setattr(Store, "list_articles", slow_list)
    with ThreadPoolExecutor(max_workers=8) as pool:
        pages = list(pool.map(lambda i: access.list_articles(i % 5, 2), range(64)))
    assert most == 1
    assert all(1 <= len(page) <= 2 for page in pages)


def test_threads_reading_while_refreshing_get_consistent_answers(access):
    expected_ids = [s.id for s in access.list_articles(0, 10)]
    expected_events = len(access.events())
    errors: list[BaseException] = []

    def read(i: int) -> None:
        try:
            for _ in range(10):
                assert [s.id for s in access.list_articles(0, 10)] == expected_ids
                assert len(access.events()) == expected_events
                assert access.search("Putin").total >= 1
                assert access.entity_mentions("LOC:Budapest")
                if i == 0:
                    access.refresh()
        except BaseException as exc:  # collected: the assertion below names it
            errors.append(exc)

    threads = [threading.Thread(target=read, args=(i,)) for i in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert errors == []


def test_the_interface_is_explicit():
    """No attribute forwarding: what the reader may call is what the class defines."""
    assert "__getattr__" not in vars(StoreAccess)
    with pytest.raises(AttributeError):
        StoreAccess.parse  # noqa: B018 - Store.parse is not part of the reader's interface
