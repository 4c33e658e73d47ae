"""The open article: wrapped paragraphs with highlighted entities (Line API).

A ScrollView that lays out the blocks of :mod:`tui.article_render` for the
current width and renders only the visible lines. It keeps a keyboard cursor on
entity mentions (n/N, ]/[), and can scroll to and mark any span of the article
(an event's sentence, a mention picked elsewhere).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from newsdesk.index.annotations import Analysis, Entity
from newsdesk.index.article import Article
from newsdesk.tui.article_render import META, TITLE, RenderedArticle, render_article
from newsdesk.tui.text_wrap import line_breaks

GUTTER = 2  # columns left of the text; a bar marks lines of the marked span
MAX_TEXT_WIDTH = 76  # a readable measure: longer lines are hard to read (wide terminals give the room to the lists)


@dataclass
class _Line:
    block: int
    start: int  # rendered position in the block's Text
    end: int


class ArticleView(ScrollView, can_focus=True):
    """Shows one article."""

    BINDINGS = [
        Binding("j,down", "scroll_down", "Down", show=False),
        Binding("k,up", "scroll_up", "Up", show=False),
        Binding("g,home", "scroll_home", "Top", show=False),
        Binding("G,end", "scroll_end", "Bottom", show=False),
        Binding("space,pagedown", "page_down", "Page down", show=False),
        Binding("b,pageup", "page_up", "Page up", show=False),
        Binding("n", "next_entity", "Entity", id="next_entity", tooltip="Next entity mention"),
        Binding("N", "previous_entity", "Previous entity", show=False, id="previous_entity",
                tooltip="Previous entity mention"),
        # shown in the footer only while the cursor is on an entity (see check_action)
        Binding("]", "next_same", "Next same", key_display="]", id="next_same",
                tooltip="Next mention of the same entity"),
        Binding("[", "previous_same", "Prev same", key_display="[", id="previous_same",
                tooltip="Previous mention of the same entity"),
        Binding("enter", "entity_details", "Details", key_display="⏎",
                tooltip="The entity under the cursor across the corpus"),
    ]
    ENTITY_ACTIONS = ("next_same", "previous_same", "entity_details")

    COMPONENT_CLASSES = {"article-view--gutter", "article-view--empty"}

    class EntityChosen(Message):
        """Enter on an entity mention: show that entity across the corpus."""

        def __init__(self, entity: Entity) -> None:
            self.entity = entity
            super().__init__()

    def __init__(self, *, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.article: Article | None = None
        self.analysis: Analysis = Analysis()
        self.terms: list[str] = []
        self.model = ""  # the pipeline that analysed the article ("" when the index does not say)
        self.marked: tuple[int, int] | None = None
        self.cursor_index: int | None = None
        self._entities: list[Entity] = []
        self._rendered: RenderedArticle | None = None
        self._lines: list[_Line] = []
        self._block_first_line: list[int] = []
        self._block_line_starts: list[list[int]] = []
        self._layout_width = -1
        self._strips: dict[int, Strip] = {}
        self.empty_message = "No article open. Pick one from the list (Enter), or search with /."

    # --- content -------------------------------------------------------------------------

    def show(self, article: Article, analysis: Analysis, *, terms: list[str] | None = None, model: str = "") -> None:
        """Show a new article from the top; ``model`` (the pipeline that made ``analysis``) is shown in its header."""
        self.article = article
        self.analysis = analysis
        self.model = model
        self.terms = list(terms or [])
        self.marked = None
        self.cursor_index = None
        self._entities = sorted(
            (e for e in analysis.entities if e.end > e.start), key=lambda e: (e.start, e.end)
        )
        self._rerender()
        self.scroll_to(y=0, animate=False, immediate=True)

    def clear(self, message: str | None = None) -> None:
        self.article = None
        self.analysis = Analysis()
        self.model = ""
        self._entities = []
        self.cursor_index = None
        self.marked = None
        if message:
            self.empty_message = message
        self._rerender()

    def set_terms(self, terms: list[str]) -> None:
        if list(terms) != self.terms:
            self.terms = list(terms)
            self._rerender()

    @property
    def entities(self) -> list[Entity]:
        return self._entities

    @property
    def cursor_entity(self) -> Entity | None:
        if self.cursor_index is None or not self._entities:
            return None
        return self._entities[self.cursor_index]

    def _dark(self) -> bool:
        try:
            return self.app.current_theme.dark
        except Exception:
            return True

    def _rerender(self) -> None:
        if self.is_mounted:
            self.refresh_bindings()  # ] [ Enter act only while the cursor is on an entity
        if self.article is None:
            self._rendered = None
        else:
            self._rendered = render_article(
                self.article,
                self.analysis,
                dark=self._dark(),
                terms=self.terms,
                cursor=self.cursor_entity,
                marked=self.marked,
                model=self.model,
            )
        self._layout_width = -1
        self._relayout()

    def on_resize(self) -> None:
        self._relayout()

    def _text_width(self) -> int:
        return max(10, min(MAX_TEXT_WIDTH, self.scrollable_content_region.width - GUTTER - 1))

    def _relayout(self) -> None:
        width = self._text_width()
        if width == self._layout_width and self._lines:
            return
        self._layout_width = width
        self._strips.clear()
        self._lines = []
        self._block_first_line = []
        self._block_line_starts = []
        if self._rendered is None:
            self.virtual_size = Size(width, 1)
            self.refresh()
            return
        for b, block in enumerate(self._rendered.blocks):
            if b > 0 and block.kind != META:
                self._lines.append(_Line(-1, 0, 0))  # blank line between blocks
            self._block_first_line.append(len(self._lines))
            plain = block.text.plain
            offsets = line_breaks(plain, width) if plain else []
            starts = [0, *offsets]
            self._block_line_starts.append(starts)
            for i, s in enumerate(starts):
                e = starts[i + 1] if i + 1 < len(starts) else len(plain)
                self._lines.append(_Line(b, s, e))
        self.virtual_size = Size(width + GUTTER, len(self._lines))
        self.refresh()

    def line_of(self, offset: int) -> int | None:
        """The layout line that shows article offset ``offset``."""
        if self._rendered is None:
            return None
        found = self._rendered.locate(offset)
        if found is None:
            return None
        b, pos = found
        starts = self._block_line_starts[b]
        return self._block_first_line[b] + max(0, bisect_right(starts, pos) - 1)

    # --- rendering ------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.size.width
        base = self.rich_style
        index = scroll_y + y
        if self._rendered is None:
            # the message, broken between words to the pane's width, from the second line on
            message = self.empty_message
            room = max(8, width - GUTTER - 1)
            starts = [0, *line_breaks(message, room)]
            if 1 <= y <= len(starts):
                i = y - 1
                piece = message[starts[i] : starts[i + 1] if i + 1 < len(starts) else len(message)].rstrip()
                text = Text(" " * GUTTER + piece, style=self.get_component_rich_style("article-view--empty"))
                return Strip(text.render(self.app.console)).crop_extend(0, width, base).apply_style(base)
            return Strip.blank(width, base)
        if index >= len(self._lines):
            return Strip.blank(width, base)
        strip = self._strips.get(index)
        if strip is None:
            strip = self._render_layout_line(index)
            self._strips[index] = strip
        return strip.crop_extend(scroll_x, scroll_x + width, base).apply_style(base)

    def _render_layout_line(self, index: int) -> Strip:
        line = self._lines[index]
        if line.block < 0:
            return Strip([])
        block = self._rendered.blocks[line.block]
        piece = block.text[line.start : line.end]
        piece.rstrip()
        if block.kind == TITLE:
            piece.stylize(Style(bold=True))
        gutter_char = " "
        if self.marked is not None and block.start >= 0:
            a, b = block.position(self.marked[0]), block.position(self.marked[1], end=True)
            if a < line.end and b > line.start and self.marked[0] < block.end and self.marked[1] > block.start:
                gutter_char = "▌"
        gutter = Segment(gutter_char + " " * (GUTTER - 1), self.get_component_rich_style("article-view--gutter"))
        segments = [gutter, *piece.render(self.app.console)]
        return Strip(segments)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()

    def refresh_theme(self) -> None:
        """Re-render for a new theme (entity colours depend on dark/light)."""
        self._rerender()

    # --- navigation -----------------------------------------------------------------------

    def scroll_to_span(self, start: int, end: int, *, mark: bool = True) -> None:
        """Scroll so the span is visible (a third from the top) and mark it."""
        if mark:
            self.marked = (start, end)
            self._rerender()
        line = self.line_of(start)
        if line is None:
            return
        top = max(0, line - max(1, self.scrollable_content_region.height // 3))
        self.scroll_to(y=top, animate=False, immediate=True)

    def reveal_first_match(self) -> None:
        """Scroll to the first search match in the text when it is below the first screen."""
        from newsdesk.tui.article_render import term_spans

        if self.article is None or not self.terms:
            return
        spans = term_spans(self.article.text, self.terms)
        if spans:
            line = self.line_of(spans[0][0])
            if line is not None and line >= self.scrollable_content_region.height - 1:
                self.scroll_to(y=max(0, line - 3), animate=False, immediate=True)

    def _ensure_visible(self, line: int) -> None:
        height = self.scrollable_content_region.height
        top = int(self.scroll_y)
        if line < top or line >= top + height:
            self.scroll_to(y=max(0, line - height // 3), animate=False, immediate=True)

    def _move_cursor(self, index: int | None) -> None:
        if index is None:
            self.app.bell()
            return
        self.cursor_index = index
        self._rerender()
        entity = self._entities[index]
        line = self.line_of(entity.start)
        if line is not None:
            self._ensure_visible(line)

    def _first_visible_entity(self) -> int | None:
        top = int(self.scroll_y)
        for i, e in enumerate(self._entities):
            line = self.line_of(e.start)
            if line is not None and line >= top:
                return i
        return None

    def select_entity_at(self, start: int, end: int | None = None) -> None:
        """Put the cursor on the mention at ``start`` (if one is there)."""
        for i, e in enumerate(self._entities):
            if e.start == start and (end is None or e.end == end):
                self.cursor_index = i
                self._rerender()
                return

    def action_next_entity(self) -> None:
        if not self._entities:
            return self.app.bell()
        if self.cursor_index is None:
            return self._move_cursor(self._first_visible_entity() or 0)
        self._move_cursor(self.cursor_index + 1 if self.cursor_index + 1 < len(self._entities) else None)

    def action_previous_entity(self) -> None:
        if not self._entities:
            return self.app.bell()
        if self.cursor_index is None:
            return self._move_cursor(self._first_visible_entity() or 0)
        self._move_cursor(self.cursor_index - 1 if self.cursor_index > 0 else None)

    def _same(self, step: int) -> None:
        current = self.cursor_entity
        if current is None:
            return self.action_next_entity()
        n = len(self._entities)
        i = self.cursor_index
        for _ in range(n - 1):
            i = (i + step) % n
            if self._entities[i].key == current.key:
                return self._move_cursor(i)
        self.app.bell()
        self.notify(f"“{current.text}” is mentioned only once here.", timeout=2)

    def action_next_same(self) -> None:
        self._same(+1)

    def action_previous_same(self) -> None:
        self._same(-1)

    def action_entity_details(self) -> None:
        entity = self.cursor_entity
        if entity is None:
            self.notify("Move to an entity first (n / N).", timeout=2)
            return
        self.post_message(self.EntityChosen(entity))

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action in self.ENTITY_ACTIONS:
            return self.cursor_entity is not None  # hidden from the footer until n / N / a click
        return True

    def action_scroll_down(self) -> None:
        self.scroll_relative(y=1, animate=False)

    def action_scroll_up(self) -> None:
        self.scroll_relative(y=-1, animate=False)

    def action_scroll_home(self) -> None:
        self.scroll_to(y=0, animate=False)

    def action_scroll_end(self) -> None:
        self.scroll_to(y=self.max_scroll_y, animate=False)

    def on_click(self, event) -> None:
        """Clicking a mention puts the cursor on it; clicking it again opens its details."""
        offset = event.get_content_offset(self)
        if self._rendered is None or offset is None:
            return
        index = int(self.scroll_y) + offset.y
        if index >= len(self._lines) or offset.x < GUTTER:
            return
        line = self._lines[index]
        if line.block < 0:
            return
        block = self._rendered.blocks[line.block]
        if block.start < 0:
            return
        # Find the entity whose rendered span covers the clicked column.
        col = line.start + offset.x - GUTTER + int(self.scroll_x)
        for i, e in enumerate(self._entities):
            if e.end <= block.start or e.start >= block.end:
                continue
            a, b = block.position(max(e.start, block.start)), block.position(min(e.end, block.end), end=True)
            if a <= col < b:
                if self.cursor_index == i:
                    self.action_entity_details()
                else:
                    self._move_cursor(i)
                return
