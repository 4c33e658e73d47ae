"""The background indexer runs build_index in another process and reports over a pipe."""

from __future__ import annotations

import time

from newsdesk.tui.background_index import BackgroundIndexer, IndexFailed, IndexMessage


def _wait(indexer: BackgroundIndexer, seconds: float = 120.0) -> list[IndexMessage]:
    messages: list[IndexMessage] = []
    deadline = time.monotonic() + seconds
    while not indexer.finished and time.monotonic() < deadline:
        messages += indexer.poll()
        time.sleep(0.05)
    indexer.stop()
    return messages


def test_worker_reports_an_error_instead_of_crashing(tmp_path):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    indexer = BackgroundIndexer([tmp_path / "missing-corpus"], blocker / "index")
    indexer.start()
    assert indexer.process.pid != 0
    messages = _wait(indexer)
    assert indexer.finished
    assert messages and isinstance(messages[-1], IndexFailed)
    assert isinstance(messages[-1].message, str) and messages[-1].message


def test_stop_ends_the_worker(tmp_path):
    indexer = BackgroundIndexer([tmp_path], tmp_path / "index")
    indexer.start()
    indexer.stop()
    assert indexer.process.poll() is not None
    assert not indexer.running


async def test_app_indexes_seeds_in_background_and_shows_them(tmp_path):
    """First run on the bundled seeds: the list fills when the worker has committed."""
    import pytest

    from newsdesk.index.store import default_corpus
    from newsdesk.tui.app import NewsdeskApp

    app = NewsdeskApp(default_corpus(), tmp_path / "index")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        main = app.main_screen
        assert app.indexer is not None and app.indexer.process.poll() is None
        assert main.query_one("#index-status").display
        deadline = time.monotonic() + 240
        while app.indexer.running and time.monotonic() < deadline:
            await pilot.pause(0.2)
        errors = [n.message for n in app._notifications if n.severity == "error"]
        if errors and "model" in errors[0].lower():
            pytest.skip(f"no NER model available: {errors[0]}")
        assert not errors
        await pilot.pause(0.3)
        assert app.store is not None and app.store.article_count() == 2
        assert len(main.article_list.source) == 2
        assert main.current is not None
        assert not main.query_one("#index-status").display
        deadline = time.monotonic() + 30
        while not app.indexer.exited and time.monotonic() < deadline:
            await pilot.pause(0.2)
        assert app.indexer.exited  # reaped while the reader runs: no zombie process


async def test_refresh_of_a_big_index_runs_in_a_thread(sample_index, monkeypatch):
    from newsdesk.tui.app import NewsdeskApp
    from newsdesk.tui.screens import main as main_module

    app = NewsdeskApp(None, sample_index)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        monkeypatch.setattr(main_module, "BACKGROUND_FIRST_PAGE", 1)
        calls = []
        main = app.main_screen
        original = main.load_articles
        monkeypatch.setattr(main, "load_articles", lambda **kw: calls.append(kw) or original(**kw))
        monkeypatch.setattr(app.store, "refresh", lambda: True)
        app._refresh_store(force=True)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert calls == [{"keep_position": True}]
        assert main.current_id == "gipfel-budapest"


def test_the_accurate_pass_runs_one_worker_at_low_priority(tmp_path):
    indexer = BackgroundIndexer([tmp_path / "corpus"], tmp_path / "index", "de_newsdesk_e5", background=True)
    assert indexer.command()[-3:] == ["--model", "de_newsdesk_e5", "--background"]


async def test_accurate_reader_re_analyses_the_seeds_after_the_fast_pass(tmp_path):
    """With ``accurate``, the fast pass is followed by the accurate one; every article then says which
    model analysed it, and a later fast run keeps the accurate analyses."""
    import pytest

    from newsdesk.index.analysis.signature import model_label
    from newsdesk.index.store import Store, build_index, default_corpus
    from newsdesk.tui.app import NewsdeskApp

    app = NewsdeskApp(default_corpus(), tmp_path / "index", accurate=True)
    labels = []
    async with app.run_test(size=(120, 40)) as pilot:
        deadline = time.monotonic() + 400
        while time.monotonic() < deadline:
            if app.accurate_pass and app.main_screen.query_one("#index-status").display:
                labels.append(str(app.main_screen.query_one("#index-status-label").render()))
            if app.accurate_pass and app.indexer.finished and app.indexer.exited:
                break
            await pilot.pause(0.2)
        errors = [n.message for n in app._notifications if n.severity == "error"]
        if errors and "model" in errors[0].lower():
            pytest.skip(f"no NER model available: {errors[0]}")
        assert not errors and app.accurate_pass and app.indexer.exited
        notes = [n.message for n in app._notifications]
        assert any(m.startswith("Accurate pass finished: 2 updated") for m in notes), notes
    assert all(label.startswith("Accurate pass") for label in labels)
    store = Store.open(tmp_path / "index")
    accurate = model_label("de_newsdesk_e5")
    assert {store.get_article(s.id).model for s in store.list_articles(0, 10)} == {accurate}
    report = build_index(default_corpus(), tmp_path / "index")  # the fast default, as `newsdesk index` runs it
    assert not report.changed
