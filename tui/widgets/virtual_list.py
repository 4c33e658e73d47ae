"""A keyboard-first list that renders only what is on screen (Line API).

Rows come from a :class:`RowSource`, which may hold 100,000 items fetched in
pages from the store: the widget asks for the rows it is about to draw and
nothing else. Every row has the same height (1-3 lines).
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any, Callable, Protocol

from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from newsdesk.tui.text_wrap import wrap_lines


class RowSource(Protocol):
    row_height: int
    empty_message: str

    def __len__(self) -> int: ...

    def item(self, index: int) -> Any: ...

    def lines(self, index: int, width: int, style: Callable[[str], Style]) -> list[Text]:
        """The row's lines (``row_height`` Texts); ``style(name)`` gives themed styles:
        "title", "meta", "match", "dim", "accent", "heading".

        A source may also define ``selectable(index) -> bool``: rows for which it returns
        False (group headings) are skipped by the cursor."""
        ...


def is_selectable(source: RowSource, index: int) -> bool:
    check = getattr(source, "selectable", None)
    return True if check is None else bool(check(index))


class EmptySource:
    row_height = 1

    def __init__(self, message: str = "Nothing here.") -> None:
        self.empty_message = message

    def __len__(self) -> int:
        return 0

    def item(self, index: int) -> Any:
        raise IndexError(index)

    def lines(self, index, width, style):
        return []


class VirtualList(ScrollView, can_focus=True):
    BINDINGS = [
        Binding("enter", "select", "Open"),
        Binding("j,down", "cursor_down", "Down", show=False),
        Binding("k,up", "cursor_up", "Up", show=False),
        Binding("g,home", "first", "First", show=False),
        Binding("G,end", "last", "Last", show=False),
        Binding("pagedown,space", "page_down", "Page down", show=False),
        Binding("pageup,b", "page_up", "Page up", show=False),
    ]

    COMPONENT_CLASSES = {
        "virtual-list--cursor",
        "virtual-list--cursor-blurred",
        "virtual-list--title",
        "virtual-list--meta",
        "virtual-list--match",
        "virtual-list--dim",
        "virtual-list--accent",
        "virtual-list--heading",
        "virtual-list--empty",
    }

    cursor: reactive[int] = reactive(0, always_update=True, init=False)

    class Highlighted(Message):
        """The cursor is on a new row. ``by_user``: the user moved it (a key, a click), as
        opposed to a new source being shown."""

        def __init__(self, vlist: "VirtualList", index: int, item: Any, by_user: bool = True) -> None:
            self.virtual_list = vlist
            self.index = index
            self.item = item
            self.by_user = by_user
            super().__init__()

        @property
        def control(self) -> "VirtualList":
            return self.virtual_list

    class Selected(Highlighted):
        pass

    def __init__(self, source: RowSource | None = None, *, select_on_click: bool = True,
                 select_label: str = "Open", name=None, id=None, classes=None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        # what Enter does in this list, as the footer shows it ("Open", "Go to the sentence")
        self._bindings.key_to_bindings["enter"] = [Binding("enter", "select", select_label, key_display="⏎")]
        self.source: RowSource = source or EmptySource()
        # False: a click only moves the cursor (Highlighted); a second click on the row selects it.
        self.select_on_click = select_on_click
        self._cache: OrderedDict[tuple[int, int], list[Strip]] = OrderedDict()

    # --- source -----------------------------------------------------------------------------

    def set_source(self, source: RowSource, *, cursor: int = 0, announce: bool = True) -> None:
        self.source = source
        self._cache.clear()
        self._update_virtual_size()
        self.set_reactive(VirtualList.cursor, self._selectable_near(max(0, min(cursor, len(source) - 1)), +1))
        self.scroll_to(y=0, animate=False, immediate=True)
        self._scroll_cursor_into_view()
        self.refresh()
        if announce and len(source):
            self._post_highlighted(by_user=False)

    def place_cursor(self, index: int) -> None:
        """Put the cursor on ``index`` and scroll it into view without announcing it (the
        program keeps the selection in place, e.g. after the list grew)."""
        n = len(self.source)
        if not n:
            return
        self.set_reactive(VirtualList.cursor, self._selectable_near(max(0, min(index, n - 1)), +1))
        self._cache.clear()
        self._update_virtual_size()
        self.refresh()
        self._scroll_cursor_into_view()
        self.call_after_refresh(self._scroll_cursor_into_view)

    def _selectable_near(self, index: int, step: int) -> int:
        """``index`` or the nearest selectable row in direction ``step`` (then the other way)."""
        n = len(self.source)
        if not n or is_selectable(self.source, index):
            return index
        for direction in (step, -step):
            i = index + direction
            while 0 <= i < n:
                if is_selectable(self.source, i):
                    return i
                i += direction
        return index

    def reload(self) -> None:
        """Redraw after the source's content changed (e.g. more articles were indexed)."""
        self._cache.clear()
        self._update_virtual_size()
        if len(self.source) and self.cursor >= len(self.source):
            self.set_reactive(VirtualList.cursor, len(self.source) - 1)
        self.refresh()
        self._scroll_cursor_into_view()

    @property
    def current(self) -> Any | None:
        if 0 <= self.cursor < len(self.source):
            try:
                return self.source.item(self.cursor)
            except IndexError:  # a row its source cannot read now (it shows why)
                return None
        return None

    def _update_virtual_size(self) -> None:
        rows = len(self.source)
        self.virtual_size = Size(self.scrollable_content_region.width, max(1, rows * self.source.row_height))

    def on_resize(self) -> None:
        self._cache.clear()
        self._update_virtual_size()
        if len(self.source):
            self._scroll_cursor_into_view()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cache.clear()

    def _style(self, name: str) -> Style:
        """A themed style for row text. Colours are resolved against the list's background
        (so "auto" colours work); only "match" keeps its own background, the others let the
        cursor's background show through."""
        full = self.get_component_rich_style(f"virtual-list--{name}")
        if name == "match":
            return full
        return Style(color=full.color, bold=full.bold, italic=full.italic, underline=full.underline, dim=full.dim)

    # --- rendering --------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        base = self.rich_style
        h = self.source.row_height
        absolute = scroll_y + y
        if not len(self.source):
            # the message, wrapped, from the second line on
            lines = wrap_lines(self.source.empty_message, max(4, width - 2))
            if 1 <= absolute <= len(lines):
                text = Text(" " + lines[absolute - 1], style=self.get_component_rich_style("virtual-list--empty"))
                return Strip(text.render(self.app.console)).crop_extend(0, width, base).apply_style(base)
            return Strip.blank(width, base)
        index, line = divmod(absolute, h)
        if index >= len(self.source):
            return Strip.blank(width, base)
        strips = self._row(index, width)
        strip = strips[line] if line < len(strips) else Strip.blank(width)
        if index == self.cursor:
            cursor = self.get_component_rich_style(
                "virtual-list--cursor" if self.has_focus else "virtual-list--cursor-blurred"
            )
            strip = strip.apply_style(cursor)
        return strip.apply_style(base)

    def _row(self, index: int, width: int) -> list[Strip]:
        key = (index, width)
        strips = self._cache.get(key)
        if strips is not None:
            self._cache.move_to_end(key)
            return strips
        console = self.app.console
        strips = []
        for text in self.source.lines(index, width - 1, self._style)[: self.source.row_height]:
            text = text.copy()
            text.no_wrap = True
            text.truncate(width - 1, overflow="ellipsis", pad=True)
            strips.append(Strip([*Text(" ").render(console), *text.render(console)]).crop_extend(0, width, None))
        while len(strips) < self.source.row_height:
            strips.append(Strip.blank(width))
        self._cache[key] = strips
        if len(self._cache) > 400:
            self._cache.popitem(last=False)
        return strips

    # --- cursor -----------------------------------------------------------------------------

    def watch_cursor(self, old: int, new: int) -> None:
        h = self.source.row_height
        self.refresh_lines(old * h, h)
        self.refresh_lines(new * h, h)
        self._scroll_cursor_into_view()
        self._post_highlighted()

    def _post_highlighted(self, by_user: bool = True) -> None:
        item = self.current
        if item is not None:
            self.post_message(self.Highlighted(self, self.cursor, item, by_user))

    @property
    def position_text(self) -> str:
        """"12/998": the cursor's row among the selectable rows (headings are not counted
        when the source says how many rows it holds, ``item_count``)."""
        n = len(self.source)
        if not n:
            return ""
        position = getattr(self.source, "item_position", None)
        count = getattr(self.source, "item_count", n)
        number = position(self.cursor) if position is not None else self.cursor + 1
        return f"{number:,}/{count:,}"

    def _scroll_cursor_into_view(self) -> None:
        """Scroll the least that shows the cursor's row, with the top on a row boundary (no
        half rows at the top)."""
        h = self.source.row_height
        visible = max(1, self.scrollable_content_region.height // h)
        first = int(self.scroll_y) // h
        if self.cursor < first:
            first = self.cursor
        elif self.cursor >= first + visible:
            first = self.cursor - visible + 1
        self.scroll_to(y=max(0, first * h), animate=False, immediate=True)

    def move_to(self, index: int) -> None:
        n = len(self.source)
        if not n:
            return
        step = 1 if index >= self.cursor else -1
        index = self._selectable_near(max(0, min(index, n - 1)), step)
        if index != self.cursor:
            self.cursor = index

    def _page(self) -> int:
        return max(1, self.scrollable_content_region.height // self.source.row_height - 1)

    def action_cursor_down(self) -> None:
        self.move_to(self.cursor + 1)

    def action_cursor_up(self) -> None:
        self.move_to(self.cursor - 1)

    def action_first(self) -> None:
        self.move_to(0)

    def action_last(self) -> None:
        self.move_to(len(self.source) - 1)

    def action_page_down(self) -> None:
        self.move_to(self.cursor + self._page())

    def action_page_up(self) -> None:
        self.move_to(self.cursor - self._page())

    def action_select(self) -> None:
        item = self.current
        if item is not None:
            self.post_message(self.Selected(self, self.cursor, item))

    def on_click(self, event) -> None:
        offset = event.get_content_offset(self)
        if not len(self.source) or offset is None:
            return
        index = (int(self.scroll_y) + offset.y) // self.source.row_height
        if 0 <= index < len(self.source) and is_selectable(self.source, index):
            again = index == self.cursor
            self.move_to(index)
            if self.select_on_click or again or event.chain >= 2:
                self.action_select()

    def on_focus(self) -> None:
        self.refresh_lines(self.cursor * self.source.row_height, self.source.row_height)

    def on_blur(self) -> None:
        self.refresh_lines(self.cursor * self.source.row_height, self.source.row_height)
