"""The reader's indexing status line counts articles, says when a run resumes, and has a moving bar."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import ProgressBar, Static

from newsdesk.index.store import BuildProgress
from newsdesk.tui.widgets.index_status import IndexStatus


class StatusApp(App):
    def compose(self) -> ComposeResult:
        yield IndexStatus(id="index-status")


def _label(app) -> str:
    return str(app.query_one("#index-status-label", Static).render())


async def test_status_line_counts_articles_with_rate_and_time_left():
    app = StatusApp()
    async with app.run_test(size=(120, 5)) as pilot:
        status = app.query_one(IndexStatus)
        assert not status.display
        status.show_starting()
        await pilot.pause()
        assert status.display and _label(app) == "Indexing: reading the corpus…"
        status.show_progress(BuildProgress(1, 0, 0, 998))
        await pilot.pause()
        assert _label(app) == "Indexing 0/998 articles"
        status.show_progress(BuildProgress(1, 0, 412, 998, seconds=14.17))
        await pilot.pause()
        assert _label(app) == "Indexing 412/998 articles · 29/s · ~20 s left"
        bar = app.query_one(ProgressBar)
        assert (bar.total, bar.progress) == (998, 412)
        status.hide()
        await pilot.pause()
        assert not status.display


async def test_resumed_run_says_it_is_updating():
    app = StatusApp()
    async with app.run_test(size=(120, 5)) as pilot:
        status = app.query_one(IndexStatus)
        status.show_progress(BuildProgress(1, 0, 120, 293, articles_kept=705, seconds=4.0))
        await pilot.pause()
        assert _label(app) == "Updating the index 120/293 articles · 30/s · ~6 s left (705 indexed before)"


class ScriptedIndexer:
    """Stands in for the indexing process: hands out the messages of a script, one poll at a time."""

    def __init__(self, script):
        self.script = list(script)
        self.finished = False
        self.process = None

    def start(self) -> None:
        pass

    @property
    def running(self) -> bool:
        return not self.finished

    @property
    def exited(self) -> bool:
        return self.finished

    def poll(self):
        if not self.script:
            return []
        message = self.script.pop(0)
        from newsdesk.tui.background_index import IndexProgress

        self.finished = not isinstance(message, IndexProgress)
        return [message]

    def stop(self) -> None:
        self.finished = True


def _progress(*args, **kw):
    from newsdesk.tui.background_index import IndexProgress

    return IndexProgress(*args, **kw)


async def _run_script(sample_index, monkeypatch, script, tmp_path):
    from newsdesk.tui import app as app_module
    from newsdesk.tui.app import NewsdeskApp
    from newsdesk.tui.background_index import IndexFinished

    monkeypatch.setattr(app_module, "POLL_SECONDS", 0.05)
    monkeypatch.setattr(app_module, "BackgroundIndexer", lambda *a, **kw: ScriptedIndexer(script + [
        IndexFinished("998 added from 1 file", 0)]))
    app = NewsdeskApp([tmp_path], sample_index)
    lines = []
    shown = IndexStatus.show_progress

    def show_progress(self, progress, accurate=False):
        shown(self, progress, accurate)
        lines.append(str(self.query_one("#index-status-label", Static).render()))

    monkeypatch.setattr(IndexStatus, "show_progress", show_progress)
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(len(script) + 5):
            await pilot.pause(0.06)
        await pilot.pause(0.1)
        assert not app.main_screen.query_one(IndexStatus).display  # hidden when the run is done
        notes = [n.message for n in app._notifications]
    return lines, notes


async def test_reader_status_counts_articles_from_the_indexer(sample_index, monkeypatch, tmp_path):
    script = [_progress(1, 0, 0, 998), _progress(1, 0, 412, 998, seconds=14.17),
              _progress(1, 1, 998, 998, articles_committed=998, seconds=34.4)]
    lines, notes = await _run_script(sample_index, monkeypatch, script, tmp_path)
    assert "Indexing 412/998 articles · 29/s · ~20 s left" in lines
    assert not any("files" in line for line in lines)
    assert any("998 added from 1 file" in n for n in notes)


async def test_reader_status_says_a_resumed_run_is_updating(sample_index, monkeypatch, tmp_path):
    script = [_progress(1, 0, 120, 293, articles_kept=705, seconds=4.0)]
    lines, _notes = await _run_script(sample_index, monkeypatch, script, tmp_path)
    assert "Updating the index 120/293 articles · 30/s · ~6 s left (705 indexed before)" in lines


async def test_the_accurate_pass_says_so():
    app = StatusApp()
    async with app.run_test(size=(120, 5)) as pilot:
        status = app.query_one(IndexStatus)
        status.show_progress(BuildProgress(1, 0, 120, 998, seconds=100.0), accurate=True)
        await pilot.pause()
        assert _label(app).startswith("Accurate pass 120/998 articles")
