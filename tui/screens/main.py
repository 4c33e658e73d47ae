"""The reader's main screen: article list, the open article, events / timeline."""

from __future__ import annotations


from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer

from newsdesk.index.annotations import Event
from newsdesk.index.store import StoreError
from newsdesk.tui.background_index import IndexProgress
from newsdesk.tui.list_sources import ArticleEvents, ArticlePages, SearchHits
from newsdesk.tui.loaders import LoadFailed, loader
from newsdesk.tui.screens.entity import OpenArticle, OpenMention
from newsdesk.tui.screens.timeline import OpenAt, TimelineFilter, TimelineScreen, event_span
from newsdesk.tui.store_access import StoreAccess
from newsdesk.tui.widgets.virtual_list import EmptySource
from newsdesk.tui.safe_text import clean_line
from newsdesk.tui.widgets.article_view import ArticleView
from newsdesk.tui.widgets.entity_legend import EntityLegend
from newsdesk.tui.widgets.index_status import IndexStatus
from newsdesk.tui.widgets.search_bar import SearchBar
from newsdesk.tui.widgets.virtual_list import VirtualList

NARROW = 100  # below this width the side list starts collapsed
WIDE = 160  # from this width the article keeps its measure and the lists take the rest
SEARCH_FIRST_PAGE = 200  # hits fetched with a search; the list fetches the rest as it reaches them
BACKGROUND_FIRST_PAGE = 20_000  # from this many articles the first page is fetched off the UI thread


def citation_for(article) -> str:
    """“Title”. Publisher, 21.10.2025. URL-or-file — one line, safe to paste."""
    parts = [f"„{clean_line(article.title).strip() or 'Ohne Titel'}“"]
    if article.publisher:
        parts.append(clean_line(article.publisher))
    parts.append(article.date.strftime("%d.%m.%Y") if article.date else "undatiert")
    where = article.url or article.source
    text = ", ".join(parts)
    return f"{text}. {clean_line(where)}" if where else text


class MainScreen(Screen):
    BINDINGS = [
        Binding("slash", "focus_search", "Search", id="search"),
        Binding("t", "timeline", "Timeline", id="timeline",
                tooltip="Timeline of the corpus (of the search, when one is active), full screen"),
        Binding("e", "entity_list", "Entities", id="entities", tooltip="The open article's entities, by label"),
        Binding("o", "open_source", "Source", id="open_source", tooltip="Open the article's URL or its own file"),
        Binding("c", "copy_citation", "Cite", id="cite", tooltip="Copy the citation (title, source, date)"),
        Binding("s", "toggle_side", "Show/hide events", show=False, id="side_list"),
        Binding("escape", "back", "Back", show=False, tooltip="Back to the list; in the list: clear the search"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.current_id: str | None = None
        self.current = None  # StoredArticle
        self.search_query: str = ""
        self.search_results = None
        self._side_user_choice: bool | None = None
        # the user picked the open article (moved the list's cursor, opened one from a view,
        # read it): an index update keeps it; else the selection stays on the first row
        self.chosen = False
        self.loading = False  # the first page of a big index is being fetched in a thread
        self._index_changed_while_loading = False
        self._pending_query: str | None = None

    def compose(self) -> ComposeResult:
        yield SearchBar(id="search")
        with Horizontal(id="panes"):
            yield VirtualList(id="articles", select_on_click=False, select_label="Read")
            with Vertical(id="reader"):
                yield EntityLegend(id="legend")
                yield ArticleView(id="article")
            with Vertical(id="side"):
                yield VirtualList(id="events", select_label="Go to the sentence")
        yield IndexStatus(id="index-status")
        yield Footer()

    # --- parts ------------------------------------------------------------------------------

    @property
    def article_list(self) -> VirtualList:
        return self.query_one("#articles", VirtualList)

    @property
    def article_view(self) -> ArticleView:
        return self.query_one("#article", ArticleView)

    @property
    def side_list(self) -> VirtualList:
        return self.query_one("#events", VirtualList)

    @property
    def search_bar(self) -> SearchBar:
        return self.query_one(SearchBar)

    @property
    def store(self) -> StoreAccess | None:
        return self.app.store

    def on_mount(self) -> None:
        self.query_one("#reader").border_title = "Article"
        self.side_list.set_source(EmptySource("The events of the open article appear here."), announce=False)
        self._update_side_title()
        self.article_list.focus()
        self._apply_width(self.app.size.width)
        store = self.store
        if store is not None and store.article_count() >= BACKGROUND_FIRST_PAGE:
            # A big index: the store's first listing sorts every article by date. Draw the
            # screen now and fill the list when that is done (the store is not touched
            # by the UI meanwhile: searches wait, see run_search).
            self.loading = True
            self.article_list.set_source(EmptySource("Loading articles…"))
            self.article_list.border_title = f"Articles · {store.article_count():,}"
            self._load_first_page(store)
        else:
            self.load_articles()

    @loader(group="first-page", failure="Cannot load the articles")
    def _load_first_page(self, store: StoreAccess) -> None:
        page = store.list_articles(0, ArticlePages.PAGE)
        self.app.call_from_thread(self._first_page_ready, store, page)

    def _first_page_ready(self, store: StoreAccess, page: list) -> None:
        if self._index_changed_while_loading and store is self.store:
            # the indexer committed meanwhile: this page may be stale; read it again
            self._index_changed_while_loading = False
            self._load_first_page(store)
            return
        self.loading = False
        if store is not self.store:
            self.load_articles()
            return
        self.article_list.set_source(ArticlePages(store, first_page=page, failed=self._page_failed))
        self._update_list_title()
        if self._pending_query is not None:
            query, self._pending_query = self._pending_query, None
            self.run_search(query)

    @on(LoadFailed)
    def _load_failed(self, message: LoadFailed) -> None:
        """Show a failed loader's message where its data would have been (the app notifies too)."""
        if message.group == "first-page":
            self.loading = False
            self._index_changed_while_loading = False
            self._pending_query = None
            self.article_list.set_source(EmptySource(f"Cannot load the articles: {message.reason}"))

    def _page_failed(self, reason: str) -> None:
        self.post_message(LoadFailed("list-page", "Cannot load the articles", reason))

    # --- background indexing ----------------------------------------------------------------

    def show_index_starting(self) -> None:
        self.query_one(IndexStatus).show_starting()

    def show_index_progress(self, progress: IndexProgress, accurate: bool = False) -> None:
        self.query_one(IndexStatus).show_progress(progress, accurate)

    def hide_index_status(self) -> None:
        self.query_one(IndexStatus).hide()

    def on_resize(self, event) -> None:
        self._apply_width(event.size.width)

    def _apply_width(self, width: int) -> None:
        narrow = width < NARROW
        self.set_class(narrow, "-narrow")
        self.set_class(width >= WIDE, "-wide")
        show = self._side_user_choice if self._side_user_choice is not None else not narrow
        self.set_class(not show, "-side-hidden")

    # --- article list -----------------------------------------------------------------------

    def load_articles(self, *, keep_position: bool = False) -> None:
        """(Re)load the list of all articles (or re-run the active search)."""
        if self.loading:
            self._index_changed_while_loading = True
            return
        if self.search_query:
            self.run_search(self.search_query, keep_position=keep_position)
            return
        vlist = self.article_list
        if self.store is None:
            vlist.set_source(EmptySource(self.app.empty_index_message()))
            self._update_list_title()
            return
        source = ArticlePages(self.store, failed=self._page_failed)
        if keep_position and isinstance(vlist.source, ArticlePages):
            # The index grew (or changed) under the list: the selection stays on the article
            # the user picked, wherever it is now, or else on the first row; either way in view.
            cursor = 0
            if self.chosen and self.current_id is not None:
                found = source.index_of(self.current_id, self.current.article.date if self.current else None)
                cursor = found if found is not None else vlist.cursor
            vlist.source = source
            vlist.place_cursor(cursor)
            if len(source) and not self.chosen:
                self.open_article(source.item(vlist.cursor).id)
        else:
            vlist.set_source(source)
        self._update_list_title()

    def _update_list_title(self) -> None:
        vlist = self.article_list
        vlist.border_subtitle = vlist.position_text
        if self.search_query and self.search_results is not None:
            vlist.border_title = f"Search · {self.search_results.total} match{'es' if self.search_results.total != 1 else ''}"
        elif self.search_query:
            vlist.border_title = "Search"
        else:
            count = len(vlist.source)
            vlist.border_title = f"Articles · {count:,}" if count else "Articles"

    @on(VirtualList.Highlighted, "#articles")
    def _article_highlighted(self, event: VirtualList.Highlighted) -> None:
        if event.by_user:
            self.chosen = True
        self.article_list.border_subtitle = self.article_list.position_text
        self.open_article(event.item.id)

    @on(VirtualList.Selected, "#articles")
    def _article_selected(self, event: VirtualList.Selected) -> None:
        self.chosen = True
        self.open_article(event.item.id)
        self.article_view.focus()

    def on_descendant_focus(self, event) -> None:
        if event.widget is self.article_view and self.current_id is not None:
            self.chosen = True  # reading it: an index update must not swap it

    # --- the article ------------------------------------------------------------------------

    def open_article(self, article_id: str, *, force: bool = False) -> bool:
        if self.store is None:
            return False
        if article_id == self.current_id and not force:
            return True
        try:
            stored = self.store.get_article(article_id)
        except KeyError:  # ArticleNotFoundError
            self.notify("That article is no longer in the index.", severity="warning")
            return False
        except StoreError as exc:  # a damaged document must not take the reader down
            self.notify(str(exc), title="Cannot open the article", severity="error")
            return False
        self.current_id = article_id
        self.current = stored
        terms = self.search_results.terms if self.search_results is not None else []
        view = self.article_view
        view.show(stored.article, stored.analysis, terms=terms, model=stored.model)
        if terms:
            view.reveal_first_match()
        reader = self.query_one("#reader")
        entities = len({e.key for e in stored.analysis.entities})
        reader.border_title = "Article"
        reader.border_subtitle = f"{entities} entities · {len(stored.analysis.events)} events"
        self._show_article_events()
        return True

    def open_at(self, article_id: str, start: int, end: int, *, entity: bool = False) -> None:
        """Open an article scrolled to a span, which is marked; the list's cursor goes to it
        when it is among the rows the list holds."""
        if not self.open_article(article_id):
            return
        self.chosen = True
        self._cursor_to_current()
        view = self.article_view
        if entity:
            view.select_entity_at(start, end)
        view.focus()
        view.scroll_to_span(start, end)
        # the screen may come back from another one: lay out first, then scroll there again
        self.call_after_refresh(view.scroll_to_span, start, end, mark=False)

    def _cursor_to_current(self) -> None:
        vlist = self.article_list
        source = vlist.source
        found = None
        if isinstance(source, ArticlePages):
            found = source.index_of(self.current_id, self.current.article.date if self.current else None)
        elif isinstance(source, SearchHits):
            ids = [hit.summary.id for hit in source.results.hits]
            found = ids.index(self.current_id) if self.current_id in ids else None
        if found is not None:
            vlist.place_cursor(found)
            vlist.border_subtitle = vlist.position_text

    def _names(self) -> dict[str, str]:
        names: dict[str, str] = {}
        if self.current is not None:
            for e in self.current.analysis.entities:
                names.setdefault(e.key, clean_line(e.text))
        return names

    def _show_article_events(self) -> None:
        events = self.current.analysis.events if self.current is not None else []
        self.side_list.set_source(ArticleEvents(events, self._names()), announce=False)
        self._update_side_title()

    def _update_side_title(self) -> None:
        side = self.query_one("#side")
        side.border_title = f"Events · {len(self.side_list.source)}"
        side.border_subtitle = "t: timeline"

    @on(VirtualList.Selected, "#events")
    def _event_selected(self, event: VirtualList.Selected) -> None:
        ev: Event = event.item
        self.article_view.scroll_to_span(*event_span(ev))
        self.article_view.focus()

    # --- side list and timeline -------------------------------------------------------------

    def action_toggle_side(self) -> None:
        hidden = self.has_class("-side-hidden")
        self._side_user_choice = hidden
        self.set_class(not hidden, "-side-hidden")
        if hidden:
            self.side_list.focus()
        elif self.side_list.has_focus:
            self.article_view.focus()

    def timeline_filter(self) -> TimelineFilter:
        return TimelineFilter(query=self.search_query) if self.search_query else TimelineFilter()

    def action_timeline(self, wanted: TimelineFilter | None = None) -> None:
        """The timeline, full screen: of the current search, or of the whole corpus."""
        self.app.push_screen(TimelineScreen(wanted or self.timeline_filter()), self.open_result)

    def open_result(self, result: OpenAt | None) -> None:
        if result is not None:
            self.open_at(result.article_id, result.start, result.end)

    def invalidate_timeline(self) -> None:
        """The index changed: an open timeline reads its events again."""
        for screen in self.app.screen_stack:
            if isinstance(screen, TimelineScreen):
                screen.reload()

    # --- search -----------------------------------------------------------------------------

    def action_focus_search(self) -> None:
        self.search_bar.input.focus()

    @on(SearchBar.QueryChanged)
    def _query_changed(self, event: SearchBar.QueryChanged) -> None:
        self.run_search(event.query)

    def run_search(self, query: str, *, keep_position: bool = False) -> None:
        """Search and list the hits; ``keep_position``: re-run after an index update without
        moving the cursor off (or closing) the article being read."""
        from newsdesk.index.store import QueryError

        query = query.lstrip()  # a space after the last word ends it: it is no longer a prefix
        if not query.strip():
            self.clear_search(refocus=False)
            return
        bar = self.search_bar
        if self.store is None:
            bar.set_status("no index yet", error=True)
            return
        if self.loading:
            self._pending_query = query
            bar.set_status("loading…")
            return
        store = self.store
        try:
            # the search field's text as typed: its last word is a prefix until a space follows it
            results = store.search(query, limit=SEARCH_FIRST_PAGE, typing=True)
        except QueryError as exc:
            bar.set_status(exc.message, error=True)
            return
        except StoreError as exc:  # never a crash for what the user types
            bar.set_status(f"cannot search: {exc}", error=True)
            self.log.error(f"search {query!r} failed: {exc!r}")
            return
        self.search_query = query
        self.search_results = results
        note = f" · {results.note}" if results.note else ""
        bar.set_status(f"{results.total:,} match{'es' if results.total != 1 else ''}{note}")

        def fetch(offset: int, limit: int):
            return store.search(query, limit=limit, offset=offset, typing=True)

        source = SearchHits(results, f"No matches for “{clean_line(query)}”.", fetch=fetch)
        if keep_position:
            ids = [hit.summary.id for hit in results.hits]
            cursor = ids.index(self.current_id) if self.current_id in ids else 0
            self.article_list.set_source(source, cursor=cursor, announce=False)
        else:
            self.article_list.set_source(source, announce=True)
        self.article_view.set_terms(results.terms)
        if not keep_position:
            self.article_view.reveal_first_match()
        self._update_list_title()

    @on(SearchBar.Submitted)
    def _search_submitted(self) -> None:
        self.article_list.focus()

    @on(SearchBar.Cleared)
    def _search_cleared(self) -> None:
        self.clear_search()

    def clear_search(self, *, refocus: bool = True) -> None:
        was_searching = bool(self.search_query)
        self.search_query = ""
        self.search_results = None
        self.search_bar.set_status("")
        self.article_view.set_terms([])
        if was_searching:
            self.load_articles()
            if self.current_id is not None and isinstance(self.article_list.source, ArticlePages):
                date = self.current.article.date if self.current else None
                found = self.article_list.source.index_of(self.current_id, date)
                if found is not None:
                    self.article_list.move_to(found)
        if refocus:
            self.article_list.focus()

    # --- entities ---------------------------------------------------------------------------

    def action_entity_list(self) -> None:
        if self.current is None:
            self.notify("Open an article first.", timeout=2)
            return
        from newsdesk.tui.screens.article_entities import ArticleEntitiesScreen

        def chosen(key: str | None) -> None:
            if key:
                self.show_entity(key)

        self.app.push_screen(ArticleEntitiesScreen(self.current.article.title, self.current.analysis.entities), chosen)

    @on(ArticleView.EntityChosen)
    def _entity_chosen(self, event: ArticleView.EntityChosen) -> None:
        self.show_entity(event.entity.key, event.entity.label, event.entity.text)

    def show_entity(self, key: str, label: str | None = None, name: str | None = None) -> None:
        from newsdesk.tui.screens.entity import EntityScreen

        if label is None and self.current is not None:
            for e in self.current.analysis.entities:
                if e.key == key:
                    label, name = e.label, e.text
                    break
        self.app.push_screen(EntityScreen(key, label, name), self._entity_result)

    def _entity_result(self, result: OpenMention | OpenArticle | OpenAt | None) -> None:
        if isinstance(result, OpenAt):  # an event picked in the entity's timeline
            self.open_at(result.article_id, result.start, result.end)
        elif isinstance(result, OpenMention):
            self.open_at(result.article_id, result.start, result.end, entity=True)
        elif isinstance(result, OpenArticle):
            article_id, key = result.article_id, result.key
            if self.open_article(article_id):
                first = next((e for e in self.article_view.entities if e.key == key), None)
                if first is not None:
                    self.open_at(article_id, first.start, first.end, entity=True)
                else:
                    self.article_view.focus()

    # --- source and citation ----------------------------------------------------------------

    def action_open_source(self) -> None:
        if self.current is None:
            self.notify("Open an article first.", timeout=2)
            return
        from pathlib import Path

        from newsdesk.tui.screens.source_choice import COPY_CITATION, OPEN_FILE, SourceChoiceScreen
        from newsdesk.tui.system_open import OpenError, holds_many_articles, target_for

        article = self.current.article
        try:
            target = target_for(article.url, article.source)
        except OpenError as exc:
            self.notify(str(exc), title="Cannot open the source", severity="warning")
            return
        if not article.url and holds_many_articles(Path(target)):
            # one record of a JSONL / JSON file: the file is not this article
            def chosen(choice: str | None) -> None:
                if choice == COPY_CITATION:
                    self.action_copy_citation()
                elif choice == OPEN_FILE:
                    self._open_in_background(target)

            self.app.push_screen(SourceChoiceScreen(Path(target)), chosen)
            return
        self._open_in_background(target)

    @loader(group="open-source", failure="Cannot open the source")
    def _open_in_background(self, target: str) -> None:
        from newsdesk.tui.system_open import OpenError, open_target

        try:
            open_target(target)
        except OpenError as exc:
            self.app.call_from_thread(
                self.notify, f"{exc}\n{clean_line(target)}", title="Cannot open the source", severity="warning"
            )
        else:
            self.app.call_from_thread(self.notify, clean_line(target), title="Opened", timeout=3)

    def action_copy_citation(self) -> None:
        if self.current is None:
            self.notify("Open an article first.", timeout=2)
            return
        citation = citation_for(self.current.article)
        self.app.copy_to_clipboard(citation)
        self.notify(citation, title="Citation copied", timeout=4)

    # --- going back -------------------------------------------------------------------------

    def action_back(self) -> None:
        focused = self.focused
        if focused is self.article_view and self.article_view.marked is not None:
            self.article_view.marked = None
            self.article_view.refresh_theme()
        elif focused is self.article_list and self.search_query:
            self.search_bar.input.value = ""
            self.clear_search()
        elif focused is not self.article_list:
            self.article_list.focus()
