"""The open article's entities, grouped by label, with mention counts."""

from __future__ import annotations

from collections import Counter

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from newsdesk.index.annotations import LABELS, Entity, split_entity_key
from newsdesk.tui import entity_styles
from newsdesk.tui.list_sources import display_name
from newsdesk.tui.safe_text import clean_line


def group_entities(entities: list[Entity]) -> list[tuple[str, list[tuple[str, str, int]]]]:
    """[(label, [(key, name, mentions), ...]), ...]: labels in LABELS order, most mentioned first."""
    counts: Counter[str] = Counter(e.key for e in entities)
    first: dict[str, Entity] = {}
    for e in sorted(entities, key=lambda e: e.start):
        first.setdefault(e.key, e)
    groups: dict[str, list[tuple[str, str, int]]] = {}
    for key, e in first.items():
        name = display_name(key) if split_entity_key(key)[0] else clean_line(e.text)
        groups.setdefault(e.label, []).append((key, name, counts[key]))
    order = [*LABELS, *sorted(set(groups) - set(LABELS))]
    return [
        (label, sorted(groups[label], key=lambda row: (-row[2], row[1].lower())))
        for label in order
        if label in groups
    ]


class ArticleEntitiesScreen(ModalScreen[str | None]):
    """Pick one of the article's entities; dismisses with its canonical key."""

    BINDINGS = [
        # priority: the option list's own Enter is not shown in the footer
        Binding("enter", "select", "Articles with it", key_display="⏎", priority=True),
        Binding("escape", "dismiss(None)", "Back"),
        Binding("j", "down", "Down", show=False),
        Binding("k", "up", "Up", show=False),
        Binding("g", "first", "First", show=False),
        Binding("G", "last", "Last", show=False),
    ]

    def __init__(self, title: str, entities: list[Entity]) -> None:
        super().__init__()
        self.article_title = title
        self.entities = entities

    def compose(self) -> ComposeResult:
        dark = self.app.current_theme.dark
        options: list[Option | None] = []
        for label, rows in group_entities(self.entities):
            look = entity_styles.look(label)
            head = Text(f"{label} · {look.name} · {len(rows)}", style="bold")
            if options:
                options.append(None)
            options.append(Option(head, disabled=True))
            for key, name, count in rows:
                # the colour goes on a bullet only, so the highlighted row stays readable;
                # the name keeps the label's text style (bold, underline, italic, marks)
                prompt = Text("  ")
                prompt.append("● ", style=Style(color=look.dark if dark else look.light))
                plain_look = Style(bold=look.bold or None, underline=look.underline or None, italic=look.italic or None)
                if look.marks:
                    prompt.append(look.marks[0])
                prompt.append(name, style=plain_look)
                if look.marks:
                    prompt.append(look.marks[1])
                prompt.append(f"  ×{count}", style="dim")
                options.append(Option(prompt, id=key))
        with Vertical(id="entities-dialog") as dialog:
            dialog.border_title = "Entities in this article"
            dialog.border_subtitle = "Enter: all articles · Esc: back"
            yield Static(Text(clean_line(self.article_title), style="bold"), id="entities-article")
            if options:
                yield OptionList(*options, id="entities-options")
            else:
                yield Static("No entities were found in this article.", id="entities-none")
        yield Footer()

    def on_mount(self) -> None:
        options = self.query(OptionList)
        if options:
            ol = options.first()
            ol.focus()
            ol.action_first()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def _options(self) -> OptionList | None:
        found = self.query(OptionList)
        return found.first() if found else None

    def action_select(self) -> None:
        if (ol := self._options()) is not None:
            ol.action_select()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "select":
            return self._options() is not None
        return True

    def action_down(self) -> None:
        if (ol := self._options()) is not None:
            ol.action_cursor_down()

    def action_up(self) -> None:
        if (ol := self._options()) is not None:
            ol.action_cursor_up()

    def action_first(self) -> None:
        if (ol := self._options()) is not None:
            ol.action_first()

    def action_last(self) -> None:
        if (ol := self._options()) is not None:
            ol.action_last()
