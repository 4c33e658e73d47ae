"""A few thousand random and malformed queries: each returns results or a clear
QueryError, fast, never another exception."""

from __future__ import annotations

import os
import random
import time

import pytest

from newsdesk.index.store import QueryError, Store, build_index

from .conftest import write_synthetic_corpus

QUERIES = int(os.environ.get("NEWSDESK_ROBUSTNESS_QUERIES", "3000"))

PIECES = ['"', "(", ")", "[", "]", "{", "}", "*", "?", "~", "^", ":", "AND", "OR", "NOT", "TO", "to", "-", "+",
          "\\", "/", "'", "entity:", "date:", "title:", "body:", "nosuchfield:", "date:[", "date:2025-10",
          "date:[2025-10-01 to 2025-10-31]", "date:[2025 to]", "date:yesterday", "date:2025-13-45",
          "Putin", "Trump", "Budapest", "Gespräche", "Straße", "Strasse", "ä", "ß", "Ü", "a*", "*a", "*", "**",
          "entity:putin", 'entity:"PER:Wladimir Putin"', "\x00", "\x1b[31m", "\u202e", "🙂", "‚", "„", "“"]


def random_query(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.6:
        return " ".join(rng.choice(PIECES) for _ in range(rng.randint(1, 8)))
    if kind < 0.8:
        return "".join(chr(rng.randint(32, 0x2FF)) for _ in range(rng.randint(1, 40)))
    if kind < 0.9:
        return rng.choice(PIECES) * rng.randint(50, 2000)
    return " OR ".join(rng.choice(["a*", "b*", "s*", "*e*", "Tr*"]) for _ in range(rng.randint(1, 30)))


class _Fixed:
    signature = "fixed-test-analysis"

    def analyze_many(self, items, batch_size=32):
        from newsdesk.index.annotations import Analysis, Entity

        for text, _date in items:
            i = text.find("Putin")
            yield Analysis(entities=[Entity(i, i + 5, "Putin", "PER", "PER:Wladimir Putin")] if i >= 0 else [])


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    root = tmp_path_factory.mktemp("queries")
    write_synthetic_corpus(root / "corpus", 200)
    build_index([root / "corpus"], root / "index", analyzer=_Fixed())
    return Store.open(root / "index")


def test_random_and_malformed_queries(store):
    rng = random.Random(7)
    worst, errors, answered = 0.0, 0, 0
    for _ in range(QUERIES):
        query = random_query(rng)
        t = time.perf_counter()
        try:
            results = store.search(query, limit=20)
            answered += 1
            assert results.total >= len(results.hits)
        except QueryError as exc:
            errors += 1
            message = str(exc)
            assert message and "\n" not in message and "Traceback" not in message
        worst = max(worst, time.perf_counter() - t)
    assert answered > QUERIES // 6 and errors > QUERIES // 60  # the generator covers both sides
    assert worst < 1.0, f"slowest query took {worst:.2f} s"


def test_sensible_queries_find_articles(store):
    assert store.search("Putin").total > 0
    assert store.search("entity:putin").total > 0
    assert store.search("Gespräche").total > 0
