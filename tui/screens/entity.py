"""One entity across the corpus: the articles that mention it and each mention in context."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Static

from newsdesk.tui import entity_styles
from newsdesk.tui.list_sources import MentionRows, SummaryRows, display_name
from newsdesk.tui.loaders import LoadFailed, loader
from newsdesk.tui.widgets.virtual_list import EmptySource, VirtualList

MENTION_LIMIT = 500


@dataclass(frozen=True)
class OpenMention:
    """Open the article at this mention of the entity (offsets into its text)."""

    article_id: str
    start: int
    end: int


@dataclass(frozen=True)
class OpenArticle:
    """Open the article at its first mention of the entity ``key``."""

    article_id: str
    key: str


class EntityScreen(Screen["OpenMention | OpenArticle | OpenAt | None"]):
    """Dismisses with OpenMention, OpenArticle, OpenAt (an event picked in the entity's
    timeline) or None (back)."""

    BINDINGS = [
        Binding("escape", "dismiss(None)", "Back"),
        Binding("t", "timeline", "Timeline of this entity", id="entity_timeline"),
    ]

    def __init__(self, key: str, label: str | None = None, name: str | None = None) -> None:
        super().__init__()
        self.key = key
        self.label = label
        self.name_hint = name

    def compose(self) -> ComposeResult:
        yield Static(id="entity-header")
        with Horizontal(id="entity-panes"):
            with Vertical(id="entity-mentions-pane"):
                yield VirtualList(id="entity-mentions", select_label="Open at the mention")
            with Vertical(id="entity-articles-pane"):
                yield VirtualList(id="entity-articles", select_label="Open the article")
        yield Footer()

    def on_mount(self) -> None:
        self._show_header(None)
        mlist = self.query_one("#entity-mentions", VirtualList)
        alist = self.query_one("#entity-articles", VirtualList)
        mlist.set_source(EmptySource("Loading mentions…"), announce=False)
        alist.set_source(EmptySource("Loading…"), announce=False)
        self.query_one("#entity-mentions-pane").border_title = "Mentions in context"
        self.query_one("#entity-mentions-pane").border_subtitle = "Enter: open at mention"
        self.query_one("#entity-articles-pane").border_title = "Articles"
        mlist.focus()
        if self.app.store is not None:
            # A common entity of a big corpus takes the store a while: keep the screen live.
            self._load(self.app.store)

    @loader(group="entity", failure="Cannot load the entity")
    def _load(self, store) -> None:
        info = store.entity_summary(self.key)
        mentions = store.entity_mentions(self.key, limit=MENTION_LIMIT)
        articles = store.entity_articles(self.key)
        self.app.call_from_thread(self._loaded, info, mentions, articles)

    def _loaded(self, info, mentions: list, articles: list) -> None:
        if not self.is_attached:
            return
        self._show_header(info)
        mlist = self.query_one("#entity-mentions", VirtualList)
        alist = self.query_one("#entity-articles", VirtualList)
        mlist.set_source(MentionRows(mentions), announce=False)
        alist.set_source(SummaryRows(articles, "No articles."), announce=False)
        more = "+" if len(mentions) >= MENTION_LIMIT else ""
        self.query_one("#entity-mentions-pane").border_title = f"Mentions in context · {len(mentions)}{more}"
        self.query_one("#entity-articles-pane").border_title = f"Articles · {len(articles):,}"

    @on(LoadFailed)
    def _load_failed(self, message: LoadFailed) -> None:
        """Say it where the mentions would be; the app notifies too."""
        if not self.is_attached:
            return
        failed = EmptySource(f"{message.title}: {message.reason}")
        self.query_one("#entity-mentions", VirtualList).set_source(failed, announce=False)
        self.query_one("#entity-articles", VirtualList).set_source(EmptySource("—"), announce=False)

    def _show_header(self, info) -> None:
        label = (info.label if info else None) or self.label or "?"
        name = (info.name if info else None) or self.name_hint or display_name(self.key)
        look = entity_styles.look(label)
        dark = self.app.current_theme.dark
        header = Text()
        header.append(display_name(name), style=look.style(dark) + entity_styles.cursor_style(dark))
        header.append(f"   {label} · {look.name}", style="dim")
        if info is not None:
            header.append(
                f"   mentioned {info.mention_count}× in {info.article_count} article"
                f"{'s' if info.article_count != 1 else ''}"
            )
            if info.aliases:
                # the same person named differently in other articles (a bare surname, the full name)
                header.append("   also as " + ", ".join(display_name(a) for a in info.aliases), style="dim")
        self.query_one("#entity-header", Static).update(header)

    def action_timeline(self) -> None:
        from newsdesk.tui.screens.timeline import TimelineFilter, TimelineScreen

        name = self.name_hint or display_name(self.key)
        wanted = TimelineFilter(entity_key=self.key, entity_name=name)

        def chosen(result) -> None:
            if result is not None:
                self.dismiss(result)

        self.app.push_screen(TimelineScreen(wanted), chosen)

    @on(VirtualList.Selected, "#entity-mentions")
    def _mention_selected(self, event: VirtualList.Selected) -> None:
        m = event.item
        self.dismiss(OpenMention(m.summary.id, m.start, m.end))

    @on(VirtualList.Selected, "#entity-articles")
    def _article_selected(self, event: VirtualList.Selected) -> None:
        self.dismiss(OpenArticle(event.item.id, self.key))
