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
