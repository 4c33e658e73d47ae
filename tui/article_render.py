"""Turn a stored article and its analysis into styled ``rich.text.Text`` blocks.

Everything is built from plain strings with ``Text.append``/``Text.stylize``:
article text is never parsed as markup, and control characters are replaced
(see :mod:`tui.safe_text`). One block per displayed paragraph; a run-in
subheading becomes its own heading block. Each block knows which span of
``Article.text`` it shows, so entity, event and search-term offsets can be
mapped onto rendered positions (MISC mentions get ‹ › marks inserted).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from rich.style import Style
from rich.text import Text

from newsdesk.index.analysis.signature import model_tier
from newsdesk.index.annotations import Analysis, Entity
from newsdesk.index.article import BODY, CAPTION, HEADING, Article
from newsdesk.tui import entity_styles
from newsdesk.tui.safe_text import clean, clean_line

TITLE = "title"
META = "meta"


@dataclass
class Block:
    text: Text
    kind: str  # title | meta | body | heading | caption
    start: int = -1  # offset in Article.text of the block's first character (-1: not article text)
    end: int = -1
    inserts: list[int] = field(default_factory=list)  # article offsets where a mark char was inserted

    def position(self, offset: int, *, end: bool = False) -> int:
        """Rendered position in ``text`` of article offset ``offset`` (clamped to the block)."""
        offset = min(max(offset, self.start), self.end)
        shift = bisect_left(self.inserts, offset) if end else bisect_right(self.inserts, offset)
        return offset - self.start + shift


@dataclass
class RenderedArticle:
    blocks: list[Block]

    def locate(self, offset: int) -> tuple[int, int] | None:
        """(block index, rendered position) of an article offset, or None."""
        best = None
        for i, block in enumerate(self.blocks):
            if block.start < 0:
                continue
            if block.start <= offset < block.end:
                return i, block.position(offset)
            if block.start > offset:
                # offset falls in a gap (separator): use the start of the next block
                return (i, 0) if best is None else best
            best = (i, len(block.text))
        return best


def term_spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """Spans of the words of ``text`` that match the search's index terms (German stemming)."""
    if not terms:
        return []
    from newsdesk.index.store.search import match_spans

    return match_spans(text, terms)


def _display_spans(article: Article) -> list[tuple[str, int, int]]:
    """(kind, start, end) spans of Article.text to show, one per block."""
    spans: list[tuple[str, int, int]] = []
    paragraphs = article.paragraphs
    if not paragraphs and article.text:
        # No structure stored: split on blank lines.
        pos = 0
        for part in article.text.split("\n\n"):
            if part.strip():
                spans.append((BODY, pos, pos + len(part)))
            pos += len(part) + 2
        return spans
    for p in paragraphs:
        if p.kind == HEADING:
            spans.append((HEADING, p.start, p.end))
        elif p.heading_end is not None and p.start < p.heading_end < p.end:
            spans.append((HEADING, p.start, p.heading_end))
            body_start = p.heading_end
            while body_start < p.end and article.text[body_start] == " ":
                body_start += 1
            if body_start < p.end:
                spans.append((p.kind, body_start, p.end))
        else:
            spans.append((p.kind, p.start, p.end))
    return spans


def _base_style(kind: str) -> Style:
    if kind == HEADING:
        return Style(bold=True)
    if kind == CAPTION:
        return Style(dim=True, italic=True)
    return Style()


def meta_line(article: Article) -> str:
    parts = []
    if article.date:
        parts.append(article.date.isoformat())
    if article.publisher:
        parts.append(article.publisher)
    parts.append(article.url or article.source or "")
    return clean_line(" · ".join(p for p in parts if p))


def model_line(model: str) -> str:
    """Which pipeline analysed the article: "analysed with the fast model · de_newsdesk 0.2.0"
    ("" for an article of an index written before the model was stored)."""
    if not model:
        return ""
    tier = model_tier(model)
    return clean_line(f"analysed with {model}" if tier == model else f"analysed with the {tier} · {model}")


def render_article(
    article: Article,
    analysis: Analysis,
    *,
    dark: bool = True,
    terms: list[str] | None = None,
    cursor: Entity | None = None,
    marked: tuple[int, int] | None = None,
    model: str = "",
) -> RenderedArticle:
    """Render ``article`` as blocks of Text with entities, terms and marks styled; ``model``
    (the pipeline that made ``analysis``) becomes a dim line under the date and source."""
    terms = terms or []
    t_style = entity_styles.term_style(dark)
    blocks: list[Block] = []

    title = Text(clean_line(article.title) or "(untitled)", style=Style(bold=True))
    for a, b in term_spans(article.title, terms):
        title.stylize(t_style, a, b)
    blocks.append(Block(title, TITLE))
    blocks.append(Block(Text(meta_line(article), style=Style(dim=True)), META))
    if model:
        blocks.append(Block(Text(model_line(model), style=Style(dim=True, italic=True)), META))

    entities = sorted(analysis.entities, key=lambda e: (e.start, e.end))
    matches = term_spans(article.text, terms)
    for kind, start, end in _display_spans(article):
        blocks.append(
            _render_block(article.text, kind, start, end, entities, dark, matches, t_style, cursor, marked)
        )
    return RenderedArticle(blocks)


def _render_block(
    full_text: str,
    kind: str,
    start: int,
    end: int,
    entities: list[Entity],
    dark: bool,
    matches: list[tuple[int, int]],
    t_style: Style,
    cursor: Entity | None,
    marked: tuple[int, int] | None,
) -> Block:
    raw = clean(full_text[start:end]).replace("\n", " ")
    inside = [e for e in entities if e.start < end and e.end > start and e.end > e.start]

    # Marks (‹ ›) around MISC mentions: (offset, char, is_open)
    inserts: list[tuple[int, int, str]] = []  # (offset, order, char); closing marks sort before opening ones
    for e in inside:
        marks = entity_styles.look(e.label).marks
        if marks:
            inserts.append((max(e.start, start), 1, marks[0]))
            inserts.append((min(e.end, end), 0, marks[1]))
    inserts.sort()

    text = Text(style=_base_style(kind))
    mark = entity_styles.mark_style(dark)
    pos = start
    for offset, _order, char in inserts:
        text.append(raw[pos - start : offset - start])
        text.append(char, style=mark)
        pos = offset
    text.append(raw[pos - start :])
    block = Block(text, kind, start, end, [offset for offset, _o, _c in inserts])

    for e in inside:
        look = entity_styles.look(e.label)
        a, b = block.position(max(e.start, start)), block.position(min(e.end, end), end=True)
        text.stylize(look.style(dark), a, b)

    for a, b in matches:
        if a < end and b > start:
            text.stylize(t_style, block.position(max(a, start)), block.position(min(b, end), end=True))

    if marked is not None and marked[0] < end and marked[1] > start:
        text.stylize(
            entity_styles.marked_style(dark),
            block.position(max(marked[0], start)),
            block.position(min(marked[1], end), end=True),
        )

    if cursor is not None and cursor.start < end and cursor.end > start:
        text.stylize(
            entity_styles.cursor_style(dark),
            block.position(max(cursor.start, start)),
            block.position(min(cursor.end, end), end=True),
        )
    return block
