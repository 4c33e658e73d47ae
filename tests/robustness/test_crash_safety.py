"""SIGKILL ``newsdesk index`` at random points of a large build, many times: the
index always opens, holds a consistent set of complete articles, and the next
run completes it without duplicates."""

from __future__ import annotations

import collections
import os
import random
import signal
import time

from newsdesk.index.ingest import read_paths
from newsdesk.index.store import Store

from .conftest import newsdesk, newsdesk_process, write_synthetic_corpus

KILLS = int(os.environ.get("NEWSDESK_ROBUSTNESS_KILLS", "6"))


def _check_consistent(index_dir, expected_text: dict[str, str]) -> int:
    store = Store.open(index_dir)
    count = store.article_count()
    summaries = store.list_articles(0, count + 10)
    ids = [s.id for s in summaries]
    assert len(ids) == count
    assert len(set(ids)) == count, [i for i, n in collections.Counter(ids).items() if n > 1]
    for s in summaries:
        stored = store.get_article(s.id)
        assert stored.article.text == expected_text[s.id], s.id  # complete, not half-written
    store.close()
    return count


def test_sigkill_during_build_never_corrupts(tmp_path, data_dir):
    corpus = tmp_path / "corpus"
    write_synthetic_corpus(corpus, 600)
    expected = {a.id: a.text for a in read_paths([corpus])}
    index_dir = tmp_path / "index"
    rng = random.Random(42)
    counts = []
    for _ in range(KILLS):
        proc = newsdesk_process("index", "-q", "--index", str(index_dir), str(corpus))
        time.sleep(rng.uniform(0.5, 8.0))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=60)
        if index_dir.exists() and any(index_dir.iterdir()):
            try:
                counts.append(_check_consistent(index_dir, expected))
            except Exception as exc:  # the index not existing yet is fine; anything else is not
                if type(exc).__name__ != "IndexNotFoundError":
                    raise
    final = newsdesk("index", "-q", "--index", str(index_dir), str(corpus), timeout=900)
    assert final.returncode == 0, final.stderr.decode()
    assert _check_consistent(index_dir, expected) == len(expected)
    assert counts == sorted(counts), "a killed run lost articles an earlier run had committed"
