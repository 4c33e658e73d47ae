"""newsdesk's reader: a Textual app over an existing index (indexing, if needed, in the background).

``NewsdeskApp(corpus, index_dir, model=None, config=None, accurate=False)``: ``corpus`` is the
list of paths the index is built from (None: only read the index at
``index_dir``). With ``accurate``, a second pass follows the fast one: one
low-priority process re-analyses every article with the accurate tier, and
each article switches to it when its batch is committed (the fast default
never takes it back). The UI process never imports spaCy: indexing runs in a separate
process (:mod:`tui.background_index`) and the reader only reads the store.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Iterable

from textual import on
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from newsdesk.tui.background_index import BackgroundIndexer, IndexFailed, IndexFinished, IndexProgress
from newsdesk.tui.loaders import LoadFailed, loader
from newsdesk.tui.store_access import StoreAccess

STYLES = Path(__file__).parent / "styles"

DARK_THEME = "textual-dark"
LIGHT_THEME = "textual-light"
POLL_SECONDS = 0.25
REFRESH_SECONDS = 1.0


def theme_from_config(config) -> str:
    value = getattr(config, "theme", None) if config is not None else None
    if not value:
        return DARK_THEME
    value = str(value).strip()
    return {"dark": DARK_THEME, "light": LIGHT_THEME}.get(value.lower(), value)


class NewsdeskApp(App):
    TITLE = "newsdesk"
    CSS_PATH = [
        STYLES / "app.tcss",
        STYLES / "main_screen.tcss",
        STYLES / "virtual_list.tcss",
        STYLES / "article_view.tcss",
        STYLES / "search_bar.tcss",
        STYLES / "index_status.tcss",
        STYLES / "entity_screen.tcss",
        STYLES / "article_entities_screen.tcss",
        STYLES / "help_screen.tcss",
        STYLES / "dialogs.tcss",
    ]
    BINDINGS = [
        Binding("question_mark", "help", "Help", id="help"),
        Binding("q", "quit", "Quit", id="quit"),
        Binding("d", "toggle_theme", "Light/dark", show=False, id="theme"),
    ]

    def __init__(self, corpus: list[Path] | None, index_dir: Path, model: str | None = None, config=None,
                 accurate: bool = False) -> None:
        super().__init__()
        self.corpus = list(corpus) if corpus is not None else None
        self.index_dir = Path(index_dir)
        self.model = model
        self.accurate = accurate
        self.accurate_pass = False  # the running (or last) indexer is the accurate pass
        self._accurate_due = False  # the fast pass finished: the accurate pass starts when its process is gone
        self.config = config
        self.store: StoreAccess | None = None
        self.store_error: str | None = None
        self.indexer: BackgroundIndexer | None = None
        self._last_refresh = 0.0
        self._refresh_failing = False
        self._poll_timer = None
        self._initial_theme = theme_from_config(config)

    # --- start-up ---------------------------------------------------------------------------

    def on_mount(self) -> None:
        try:
            self.theme = self._initial_theme
        except Exception:
            self.theme = DARK_THEME
            self.notify(f"Unknown theme {self._initial_theme!r}; using {DARK_THEME}.", severity="warning")
        keys = getattr(self.config, "keys", None)
        if keys:
            self.set_keymap({str(k): str(v) for k, v in dict(keys).items()})
        self.open_store()
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        from newsdesk.tui.screens.main import MainScreen

        self.push_screen(MainScreen())
        if self.corpus is not None:
            self.call_after_refresh(self.start_indexing)

    def open_store(self) -> bool:
        from newsdesk.index.store import IndexNotFoundError, StoreError

        try:
            self.store = StoreAccess.open(self.index_dir)
            self.store_error = None
            return True
        except IndexNotFoundError as exc:
            self.store = None
            # "no index here" is expected before a first indexing; anything else is worth saying
            self.store_error = None if not self.index_dir.exists() else str(exc)
        except StoreError as exc:
            self.store = None
            self.store_error = str(exc)
        return False

    def empty_index_message(self) -> str:
        if self.indexer is not None and self.indexer.running:
            return "Indexing… articles appear here as they are analysed."
        if self.store_error:
            return self.store_error
        if self.corpus is None:
            return f"No index at {self.index_dir}. Run `newsdesk index PATH` first."
        return "No articles yet."

    @property
    def main_screen(self):
        from newsdesk.tui.screens.main import MainScreen

        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                return screen
        return None

    # --- background indexing ----------------------------------------------------------------

    def start_indexing(self, accurate_pass: bool = False) -> None:
        """Bring the index up to date in a background process (``accurate_pass``: re-analyse with the
        accurate tier, one process at low priority)."""
        if self.corpus is None:
            return
        if self.indexer is not None and self.indexer.running:
            self.notify("The index is being updated already.", timeout=3)
            return
        if self._poll_timer is not None:
            self._poll_timer.stop()
        from newsdesk.index.analysis.signature import ACCURATE_NAME

        self.accurate_pass = accurate_pass
        self.indexer = (BackgroundIndexer(self.corpus, self.index_dir, ACCURATE_NAME, background=True)
                        if accurate_pass else BackgroundIndexer(self.corpus, self.index_dir, self.model))
        self.indexer.start()
        main = self.main_screen
        if main is not None and self.store is None and not accurate_pass:
            # first run: say what is happening; an existing index shows progress only when
            # the worker finds files to (re)analyse
            main.show_index_starting()
            main.load_articles()
        self._poll_timer = self.set_interval(POLL_SECONDS, self._poll_indexer, name="index-poll")

    def _poll_indexer(self) -> None:
        indexer = self.indexer
        if indexer is None:
            return
        main = self.main_screen
        progressed = False
        finished = False
        what = "Accurate pass" if self.accurate_pass else "Indexing"
        for message in indexer.poll():
            if isinstance(message, IndexProgress):
                progressed = True
                if main is not None and message.articles_total:
                    main.show_index_progress(message, accurate=self.accurate_pass)
            elif isinstance(message, IndexFinished):
                finished = True
                self._refresh_store(force=True)
                if main is not None:
                    main.hide_index_status()
                if message.summary != "index up to date" or message.skipped:
                    skipped = message.skipped
                    extra = f"; {skipped} file{'s' if skipped != 1 else ''} skipped" if skipped else ""
                    self.notify(f"{what} finished: {message.summary}{extra}.", title="newsdesk", timeout=6)
            elif isinstance(message, IndexFailed):
                if main is not None:
                    main.hide_index_status()
                self._refresh_store(force=True)
                self.notify(message.message, title=f"{what} failed", severity="error", timeout=15)
        if progressed:
            self._refresh_store()
        if finished and self.accurate and not self.accurate_pass:
            self._accurate_due = True
        if indexer.finished and indexer.exited and self._poll_timer is not None:
            self._poll_timer.stop()
            self._poll_timer = None
            if self._accurate_due:
                # the fast pass is complete and its process gone (the index lock is free)
                self._accurate_due = False
                self.start_indexing(accurate_pass=True)

    def _refresh_store(self, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self._last_refresh < REFRESH_SECONDS:
            return
        # (a refresh while a screen reads the store in a thread is safe: StoreAccess serialises them)
        self._last_refresh = now
        if self.store is None:
            self._after_refresh(None, self.open_store())
            return
        from newsdesk.index.store import StoreError
        from newsdesk.tui.screens.main import BACKGROUND_FIRST_PAGE

        try:
            big = self.store.article_count() >= BACKGROUND_FIRST_PAGE
            if not big:
                self._after_refresh(self.store, self.store.refresh())
                return
        except StoreError as exc:
            self._refresh_failed(str(exc))
            return
        # a big index: re-sorting the list after a commit takes a while; not on the UI thread
        self._refresh_in_thread(self.store)

    @loader(group="refresh", failure="Cannot re-read the index")
    def _refresh_in_thread(self, store: StoreAccess) -> None:
        changed = store.refresh()
        if changed:
            store.list_articles(0, 1)  # the store sorts its list now, off the UI thread
        self.call_from_thread(self._after_refresh, store, changed)

    def _refresh_failed(self, reason: str) -> None:
        """Say once that the index cannot be re-read; the next indexer message tries again."""
        self.log.warning(f"refresh failed: {reason}")
        if not self._refresh_failing:
            self._refresh_failing = True
            self.notify(reason, title="Cannot re-read the index", severity="error", timeout=10)

    @on(LoadFailed)
    def _load_failed(self, message: LoadFailed) -> None:
        """Any background loader that failed (the screens show it in place; this says it once)."""
        if message.group == "refresh":
            self._refresh_failed(message.reason)
            return
        self.notify(message.reason, title=message.title, severity="error", timeout=10)

    def _after_refresh(self, store: StoreAccess | None, changed: bool) -> None:
        self._refresh_failing = False
        main = self.main_screen
        if changed and main is not None and (store is None or store is self.store):
            main.load_articles(keep_position=True)
            main.invalidate_timeline()

    def on_unmount(self) -> None:
        if self.indexer is not None:
            self.indexer.stop()
        if self.store is not None:
            self.store.close()

    # --- themes -----------------------------------------------------------------------------

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT_THEME if self.current_theme.dark else DARK_THEME

    def _theme_changed(self, theme) -> None:
        from newsdesk.tui.widgets.article_view import ArticleView
        from newsdesk.tui.widgets.entity_legend import EntityLegend

        for screen in self.screen_stack:
            for view in screen.query(ArticleView):
                view.refresh_theme()
            for legend in screen.query(EntityLegend):
                legend.refresh_legend()

    # --- help and commands ------------------------------------------------------------------

    def action_help(self) -> None:
        from newsdesk.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def _main_action(self, name: str):
        def run() -> None:
            main = self.main_screen
            if main is None:
                return
            while self.screen is not main:
                self.pop_screen()
            getattr(main, name)()

        return run

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield SystemCommand("Search", "Focus the search field (/)", self._main_action("action_focus_search"))
        yield SystemCommand("Clear search", "Show all articles again (Esc)", self._main_action("clear_search"))
        yield SystemCommand("Toggle events list", "Show or hide the article's events (s)", self._main_action("action_toggle_side"))
        yield SystemCommand("Timeline", "Events of the corpus (or of the search), by year and month (t)", self._main_action("action_timeline"))
        yield SystemCommand("Entities of this article", "Grouped by label, with counts (e)", self._main_action("action_entity_list"))
        yield SystemCommand("Open source", "Open the article's URL or file (o)", self._main_action("action_open_source"))
        yield SystemCommand("Copy citation", "Title, source and date to the clipboard (c)", self._main_action("action_copy_citation"))
        yield SystemCommand("Toggle light/dark", "Switch the theme (d)", self.action_toggle_theme)
        yield SystemCommand("Help", "Every key (?)", self.action_help)
        if self.corpus is not None:
            yield SystemCommand("Update index", "Index new or changed files in the background", self.start_indexing)
        yield from super().get_system_commands(screen)
