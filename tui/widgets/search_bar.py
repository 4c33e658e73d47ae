"""The search field: debounced queries, match count or a short error in place."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input, Static

from newsdesk.tui.safe_text import clean_line

DEBOUNCE_SECONDS = 0.2


class SearchBar(Horizontal):
    """An Input plus a status line; posts QueryChanged after the user pauses typing."""

    BINDINGS = [
        Binding("escape", "clear", "Clear search"),
        Binding("down", "to_results", "Results", show=False),
    ]

    class QueryChanged(Message):
        def __init__(self, query: str) -> None:
            self.query = query
            super().__init__()

    class Submitted(Message):
        pass

    class Cleared(Message):
        pass

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Input(placeholder="Search  (/)   e.g.  gipfel budapest · \"kein termin\" · entity:putin", id="search-input")
        status = Static("", id="search-status")
        status.display = False
        yield status

    @property
    def input(self) -> Input:
        return self.query_one("#search-input", Input)

    @property
    def value(self) -> str:
        return self.input.value

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DEBOUNCE_SECONDS, self._fire)

    def _fire(self) -> None:
        self._timer = None
        self.post_message(self.QueryChanged(self.input.value))

    def flush(self) -> None:
        """Run a pending query now (used on Enter)."""
        if self._timer is not None:
            self._timer.stop()
            self._fire()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.flush()
        self.post_message(self.Submitted())

    def action_clear(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self.input.value = ""
        self.set_status("")
        self.post_message(self.Cleared())

    def action_to_results(self) -> None:
        self.flush()
        self.post_message(self.Submitted())

    def set_status(self, message: str, *, error: bool = False) -> None:
        status = self.query_one("#search-status", Static)
        status.set_class(error, "-error")
        status.display = bool(message)
        status.update(Text(clean_line(message)))  # store messages may quote the query
