"""Shows the background indexing: a progress bar and a line counting articles.

"Indexing 412/998 articles · 29/s · ~20 s left"; a run that goes on where an
interrupted one stopped says "Updating the index" and how many articles were
indexed before; the accurate pass (which re-analyses what the reader shows
already) says "Accurate pass 120/998 articles · 1.2/s · ~12 min left".
"""

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

    def show_progress(self, progress, accurate: bool = False) -> None:
        """Show a ``BuildProgress`` (articles written and to write, rate, time left) of the
        indexing, or with ``accurate`` of the accurate pass."""
        self.display = True
        bar = self.query_one(ProgressBar)
        if progress.articles_total:
            bar.update(total=progress.articles_total, progress=progress.articles_done)
        label = Text("Accurate pass " if accurate else
                     "Updating the index " if progress.articles_kept else "Indexing ", style="bold")
        label.append(progress.describe(), style="")
        self.query_one("#index-status-label", Static).update(label)

    def show_starting(self) -> None:
        self.display = True
        self.query_one("#index-status-label", Static).update(Text("Indexing: reading the corpus…"))

    def hide(self) -> None:
        self.display = False
