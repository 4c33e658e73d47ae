"""The timeline: every event of the corpus (or of the current search / entity), full screen,
under year and month headings, each with its date as written, its status, its readable line,
who and the article it comes from. Enter opens the article at the event's sentence."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Static

from newsdesk.index.store import DatedEvent
from newsdesk.tui.list_sources import TimelineRows, display_name
from newsdesk.tui.loaders import LoadFailed, loader
from newsdesk.tui.safe_text import clean_line
from newsdesk.tui.store_access import StoreAccess
from newsdesk.tui.widgets.virtual_list import EmptySource, VirtualList


@dataclass(frozen=True)
class TimelineFilter:
    """What the timeline shows: the events of the articles a search finds, or the events an
    entity takes part in (as who or where); neither: every event."""

    query: str = ""
    entity_key: str = ""
    entity_name: str = ""

    @property
    def label(self) -> str:
        if self.entity_key:
            return f"with {self.entity_name or display_name(self.entity_key)}"
        if self.query:
            return f"in the articles found by “{clean_line(self.query)}”"
        return ""

    def __bool__(self) -> bool:
        return bool(self.query or self.entity_key)


@dataclass(frozen=True)
class OpenAt:
    """Open an article scrolled to a span of its text, which is marked."""

    article_id: str
    start: int
    end: int


def event_span(event) -> tuple[int, int]:
    """The event's whole sentence when the analysis kept it, else its clause."""
    if 0 <= event.sentence_start < event.sentence_end:
        return event.sentence_start, event.sentence_end
    return event.start, event.end


def filtered_events(store: StoreAccess, wanted: TimelineFilter) -> list[DatedEvent]:
    """The events the timeline shows, in date order."""
    if wanted.entity_key:
        # the entity under every key it has in the corpus ("PER:Putin" for "PER:Wladimir Putin")
        info = store.entity_summary(wanted.entity_key)
        keys = {wanted.entity_key, *(info.aliases if info is not None else ())}
        return [d for d in store.events() if keys.intersection(d.event.who) or keys.intersection(d.event.where)]
    return store.events(wanted.query or None)


class TimelineScreen(Screen[OpenAt | None]):
    BINDINGS = [
        Binding("escape", "dismiss(None)", "Back"),
        Binding("t", "dismiss(None)", "Back", show=False),
        Binding("a", "toggle_filter", "All / filtered", id="timeline_filter"),
    ]

    def __init__(self, wanted: TimelineFilter | None = None) -> None:
        super().__init__()
        self.wanted = wanted or TimelineFilter()
        self.showing_all = not self.wanted
        self._pairs: list | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="timeline-header")
        yield VirtualList(id="timeline", select_label="Open at the event", classes="pane")
        yield Footer()

    @property
    def timeline(self) -> VirtualList:
        return self.query_one("#timeline", VirtualList)

    def on_mount(self) -> None:
        self.timeline.focus()
        self.reload()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "toggle_filter":
            return bool(self.wanted)  # nothing to toggle without a search or an entity
        return True

    def reload(self) -> None:
        """(Re)read the events (the index changed, or the filter was toggled)."""
        store = self.app.store
        if store is None:
            self.timeline.set_source(EmptySource("No index yet."), announce=False)
            self._update_header()
            return
        if self._pairs is None:
            self.timeline.set_source(EmptySource("Loading the timeline…"), announce=False)
        self._load(store, TimelineFilter() if self.showing_all else self.wanted)

    @loader(group="timeline", failure="Cannot load the timeline")
    def _load(self, store: StoreAccess, wanted: TimelineFilter) -> None:
        # all events of a big corpus: hundreds of thousands, read off the UI thread
        self.app.call_from_thread(self._loaded, filtered_events(store, wanted))

    @on(LoadFailed)
    def _load_failed(self, message: LoadFailed) -> None:
        """Say it where the events would be (the app notifies too); the screen stays."""
        if self.is_attached and message.group == "timeline":
            self.timeline.set_source(EmptySource(f"{message.title}: {message.reason}"), announce=False)

    def _loaded(self, pairs: list[DatedEvent]) -> None:
        if not self.is_attached:
            return
        tlist = self.timeline
        keep = tlist.current if self._pairs is not None else None
        self._pairs = pairs
        empty = "No dated events " + (self.wanted.label if not self.showing_all and self.wanted else "in the index") + "."
        rows = TimelineRows(pairs, empty)
        cursor = 0
        if isinstance(keep, DatedEvent):
            found = rows.index_of_event(keep.summary.id, keep.event.start)
            cursor = found if found is not None else 0
        tlist.set_source(rows, cursor=cursor, announce=False)
        self._update_header()
        self._update_position()

    def _update_header(self) -> None:
        header = Text("Timeline", style="bold")
        count = len(self._pairs) if self._pairs is not None else None
        if count is not None:
            header.append(f" · {count:,} event{'s' if count != 1 else ''}")
        if self.wanted and not self.showing_all:
            header.append(f" {self.wanted.label}", style="italic")
            header.append("   a: all events", style="dim")
        elif self.wanted:
            header.append(f"   a: only those {self.wanted.label}", style="dim")
        self.query_one("#timeline-header", Static).update(header)

    def _update_position(self) -> None:
        tlist = self.timeline
        tlist.border_title = "Events by date"
        tlist.border_subtitle = tlist.position_text

    @on(VirtualList.Highlighted, "#timeline")
    def _highlighted(self) -> None:
        self._update_position()

    @on(VirtualList.Selected, "#timeline")
    def _selected(self, event: VirtualList.Selected) -> None:
        dated: DatedEvent = event.item
        start, end = event_span(dated.event)
        self.dismiss(OpenAt(dated.summary.id, start, end))

    def action_toggle_filter(self) -> None:
        if not self.wanted:
            return
        self.showing_all = not self.showing_all
        self.reload()
