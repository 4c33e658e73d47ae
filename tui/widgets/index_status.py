"""Shows the background indexing: a progress bar and what has been done."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import ProgressBar, Static


class IndexStatus(Horizontal):
    def compose(self) -> ComposeResult:
        yield Static("", id="index-status-label")
        yield ProgressBar(total=None, show_eta=False, id="index-progress")

    def on_mount(self) -> None:
        self.display = False

    def show_progress(self, files_done: int, files_total: int, articles: int) -> None:
        self.display = True
        bar = self.query_one(ProgressBar)
        if files_total:
            bar.update(total=files_total, progress=files_done)
        label = Text("Indexing ", style="bold")
        label.append(f"{files_done}/{files_total} files · {articles} articles analysed", style="")
        self.query_one("#index-status-label", Static).update(label)

    def show_starting(self) -> None:
        self.display = True
        self.query_one("#index-status-label", Static).update(Text("Indexing: checking the corpus…"))

    def hide(self) -> None:
        self.display = False
