"""Asked when the article's source is a file of many articles (JSON Lines, a JSON array):
opening it would show all of them, so the dialog says so and offers the citation instead."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from newsdesk.tui.safe_text import clean_line

COPY_CITATION = "cite"
OPEN_FILE = "file"


def _size(path: Path) -> str:
    try:
        n = path.stat().st_size
    except OSError:
        return "?"
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:,} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024
    return "?"


class SourceChoiceScreen(ModalScreen[str | None]):
    """Dismisses with COPY_CITATION, OPEN_FILE or None."""

    BINDINGS = [
        Binding("c,enter", f"dismiss('{COPY_CITATION}')", "Copy citation", key_display="c/⏎"),
        Binding("f", f"dismiss('{OPEN_FILE}')", "Open the whole file"),
        Binding("escape", "dismiss(None)", "Cancel"),
    ]

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def compose(self) -> ComposeResult:
        text = Text()
        text.append("This article has no URL. It is one record of\n")
        text.append(clean_line(self.path.name), style="bold")
        text.append(f" ({_size(self.path)}), a file of many articles:\n")
        text.append("opening it would show the whole file, not this article.\n\n")
        text.append("c", style="bold")
        text.append("  copy the citation instead\n")
        text.append("f", style="bold")
        text.append("  open the whole file anyway\n")
        text.append("Esc", style="bold")
        text.append("  cancel")
        with Vertical(id="source-dialog") as dialog:
            dialog.border_title = "Open source"
            yield Static(text, id="source-text")
        yield Footer()
