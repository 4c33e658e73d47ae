"""The help screen: every key, by the pane it works in (read from the bindings themselves)."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from newsdesk.tui.widgets.entity_legend import legend_text


SEARCH_SYNTAX = [
    ("gipfel budapest", "articles with both words (any form: Gipfels, Gipfel)"),
    ("trump OR putin", "either word; NOT excludes: gipfel NOT wien"),
    ('"kein termin"', "the exact phrase"),
    ("verhandl*", "words starting with verhandl (also while typing)"),
    ("entity:putin", "articles that mention the entity"),
    ("title:gipfel", "in the title; publisher: likewise"),
    ("date:2025-10", "published in October 2025; date:[2025-10-01 to 2025-10-15]"),
]


STATUS_ROWS = [
    ("geplant", "planned or expected (soll, will, geplant)"),
    ("laut …", "reported by somebody (laut, sagte), with the name where the text gives it"),
    ("nicht", "the text says it did not happen"),
    ("erschlossen", "inferred: the lead reports it without a date; dated from the publication"),
]


def _key_label(keys: str) -> str:
    names = {
        "slash": "/", "question_mark": "?", "space": "Space", "enter": "Enter", "escape": "Esc",
        "pagedown": "PgDn", "pageup": "PgUp", "home": "Home", "end": "End", "down": "↓", "up": "↑",
        "tab": "Tab", "shift+tab": "Shift+Tab", "ctrl+p": "Ctrl+P", "left_square_bracket": "[",
        "right_square_bracket": "]",
    }
    return " ".join(names.get(k.strip(), k.strip()) for k in keys.split(","))


def binding_rows(bindings, keymap: dict | None = None) -> list[tuple[str, str]]:
    """(keys, description) rows; ``keymap`` (binding id -> keys, from the config) overrides keys."""
    keymap = keymap or {}
    rows = []
    for b in bindings:
        if isinstance(b, Binding):
            keys = keymap.get(b.id, b.key) if b.id else b.key
            # the footer shows the short description; help the full one where there is one
            rows.append((_key_label(keys), b.tooltip or b.description or b.action))
        else:
            key, action, *rest = b
            rows.append((_key_label(key), rest[0] if rest else action))
    return rows


def help_sections(keymap: dict | None = None) -> list[tuple[str, list[tuple[str, str]]]]:
    from newsdesk.tui.app import NewsdeskApp
    from newsdesk.tui.screens.entity import EntityScreen
    from newsdesk.tui.screens.main import MainScreen
    from newsdesk.tui.screens.timeline import TimelineScreen
    from newsdesk.tui.widgets.article_view import ArticleView
    from newsdesk.tui.widgets.search_bar import SearchBar
    from newsdesk.tui.widgets.virtual_list import VirtualList

    return [
        ("Everywhere", binding_rows(NewsdeskApp.BINDINGS, keymap) + [("Tab Shift+Tab", "Next / previous pane"),
                                                             ("Ctrl+P", "Command palette (all commands)")]),
        ("Main screen", binding_rows(MainScreen.BINDINGS, keymap)),
        ("Lists (articles, results, events, timeline, mentions)", binding_rows(VirtualList.BINDINGS, keymap)),
        ("Article", binding_rows(ArticleView.BINDINGS, keymap) + [("click", "Entity: cursor, click again: details")]),
        ("Events (the side list, s)", [
            ("Enter", "Scroll the article to the event's sentence and mark it"),
            ("", "Each event: its date as written (3. Oktober 2025, 1930er, 13. Jh.), its status"),
            ("", "where the text is not a plain statement, the readable line, who and where"),
        ] + STATUS_ROWS),
        ("Timeline (t, full screen)", binding_rows(TimelineScreen.BINDINGS, keymap) + [
            ("Enter", "Open the article at the event's sentence"),
            ("", "Events by year and month, of the whole corpus, of the current search, or of"),
            ("", "an entity (t in the entity view); a shows all events / only the filtered ones"),
        ]),
        ("Search field", binding_rows(SearchBar.BINDINGS, keymap) + [("Enter", "Go to the results")]),
        ("Entity view", binding_rows(EntityScreen.BINDINGS, keymap) + [("Enter", "Open the article at the mention")]),
    ]


def help_renderable(dark: bool, keymap: dict | None = None) -> Table:
    outer = Table.grid(padding=(0, 0))
    outer.add_column()
    for title, rows in help_sections(keymap):
        outer.add_row(Text(title, style="bold underline"))
        table = Table(show_header=False, box=None, padding=(0, 2, 0, 1), expand=False)
        table.add_column(style="bold", no_wrap=True, min_width=14)
        table.add_column()
        seen = set()
        for key, description in rows:
            if (key, description) in seen:
                continue
            seen.add((key, description))
            table.add_row(key, description)
        outer.add_row(table)
        outer.add_row("")
    outer.add_row(Text("Search syntax", style="bold underline"))
    syntax = Table(show_header=False, box=None, padding=(0, 2, 0, 1), expand=False)
    syntax.add_column(style="bold", no_wrap=True, min_width=14)
    syntax.add_column()
    for example, meaning in SEARCH_SYNTAX:
        syntax.add_row(example, meaning)
    outer.add_row(syntax)
    outer.add_row("")
    outer.add_row(Text("Entity highlights (they differ in style too, not only in colour)", style="bold underline"))
    legend = Table(show_header=False, box=None, padding=(0, 2, 0, 1))
    legend.add_column()
    legend.add_row(legend_text(dark, verbose=True))
    legend.add_row(Text("‹ › mark MISC; reverse = entity cursor; underlined + tinted = search match; "
                        "▌ in the margin = marked event / mention", style="dim"))
    outer.add_row(legend)
    return outer


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,question_mark", "dismiss(None)", "Close", key_display="esc"),
        Binding("j,down", "scroll_down", "Down", show=False),
        Binding("k,up", "scroll_up", "Up", show=False),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-dialog") as dialog:
            dialog.border_title = "newsdesk · keys"
            dialog.border_subtitle = "Esc / ? : close"
            yield Static(help_renderable(self.app.current_theme.dark, dict(self.app._keymap)), id="help-body")
        yield Footer()

    def action_scroll_down(self) -> None:
        self.query_one("#help-dialog").scroll_down(animate=False)

    def action_scroll_up(self) -> None:
        self.query_one("#help-dialog").scroll_up(animate=False)
