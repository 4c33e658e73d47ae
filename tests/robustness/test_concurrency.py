"""Two index runs on one corpus, and a reader open while a run adds articles."""

from __future__ import annotations

import time

from newsdesk.index.store import IndexNotFoundError, Store

from .conftest import newsdesk, newsdesk_process, write_synthetic_corpus


def test_two_index_runs_at_once(tmp_path, data_dir):
    corpus = tmp_path / "corpus"
    write_synthetic_corpus(corpus, 120)
    index_dir = tmp_path / "index"
    first = newsdesk_process("index", "-q", "--index", str(index_dir), str(corpus))
    time.sleep(0.3)
    second = newsdesk("index", "-q", "--wait", "0.5", "--index", str(index_dir), str(corpus), timeout=300)
    out1, err1 = first.communicate(timeout=600)
    assert first.returncode == 0, err1.decode()
    if second.returncode != 0:  # it did not wait long enough: it must say so clearly
        assert second.returncode == 1
        assert "busy" in second.stderr.decode().lower()
    waited = newsdesk("index", "-q", "--wait", "600", "--index", str(index_dir), str(corpus), timeout=900)
    assert waited.returncode == 0
    store = Store.open(index_dir)
    ids = [s.id for s in store.list_articles(0, 1000)]
    assert len(ids) == len(set(ids)) == 120


def test_reader_store_while_index_run_adds(tmp_path, data_dir):
    corpus = tmp_path / "corpus"
    write_synthetic_corpus(corpus, 300)
    index_dir = tmp_path / "index"
    proc = newsdesk_process("index", "-q", "--index", str(index_dir), str(corpus))
    store = None
    seen = []
    deadline = time.monotonic() + 900
    while proc.poll() is None and time.monotonic() < deadline:
        try:
            store = store or Store.open(index_dir)
        except IndexNotFoundError:
            time.sleep(0.2)
            continue
        store.refresh()
        n = store.article_count()
        seen.append(n)
        for summary in store.list_articles(0, 20):
            assert store.get_article(summary.id).article.text
        time.sleep(0.2)
    proc.communicate(timeout=60)
    assert proc.returncode == 0
    store = store or Store.open(index_dir)
    store.refresh()
    assert store.article_count() == 300
    assert seen == sorted(seen), "the reader saw articles disappear"
