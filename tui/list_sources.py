"""Row sources for the reader's lists (see :class:`tui.widgets.virtual_list.VirtualList`).

Each source turns its items into a fixed number of ``rich.text.Text`` lines per
row. Titles, snippets and contexts are untrusted text: they go through
:func:`tui.safe_text.clean_line` and are appended as plain strings.
"""

from __future__ import annotations

from collections import OrderedDict
from pathlib import PurePath
from typing import Callable
from urllib.parse import urlsplit

from rich.style import Style
from rich.text import Text

from newsdesk.index.annotations import Event, split_entity_key
from newsdesk.index.store.errors import StoreError
from newsdesk.tui.safe_text import clean_line

StyleFor = Callable[[str], Style]


def display_name(key: str) -> str:
    """The readable part of a canonical entity key ("PER:Donald Trump" -> "Donald Trump")."""
    return clean_line(split_entity_key(key)[1])


def source_label(summary) -> str:
    """A short name for where an article comes from: the URL's host or the file name."""
    if getattr(summary, "url", None):
        host = urlsplit(summary.url).netloc
        if host:
            return clean_line(host.removeprefix("www."))
    if summary.source:
        return clean_line(PurePath(summary.source).name)
    return ""


def date_label(value) -> str:
    return value.isoformat() if value else "undated"


def event_when(event: Event) -> str:
    """The event's date at its granularity: 2025-11-08, 2025-11, 2025, 2025-W43, ..."""
    g = event.granularity
    if g == "day":
        return event.date[:10]
    if g == "month":
        return event.date[:7]
    if g == "year":
        return event.date[:4]
    return clean_line(event.value or event.date)


def _summary_lines(summary, style: StyleFor) -> list[Text]:
    title = Text()
    title.append(clean_line(summary.title) or "(untitled)", style=style("title"))
    meta = Text(date_label(summary.date), style=style("accent"))
    src = source_label(summary)
    if src:
        meta.append(" · ", style=style("dim"))
        meta.append(src, style=style("meta"))
    return [title, meta]


class SummaryRows:
    """A fixed list of ArticleSummary (an entity's articles)."""

    row_height = 2

    def __init__(self, summaries: list, empty_message: str = "No articles.") -> None:
        self.summaries = summaries
        self.empty_message = empty_message

    def __len__(self) -> int:
        return len(self.summaries)

    def item(self, index: int):
        return self.summaries[index]

    def lines(self, index: int, width: int, style: StyleFor) -> list[Text]:
        return _summary_lines(self.summaries[index], style)


class ArticlePages:
    """All indexed articles, newest first, fetched from the store a page at a time."""

    row_height = 2
    PAGE = 100
    KEEP_PAGES = 64

    def __init__(self, store, empty_message: str = "The index holds no articles yet.",
                 first_page: list | None = None, failed: Callable[[str], None] | None = None) -> None:
        self.store = store
        self.empty_message = empty_message
        self._count = store.article_count() if store is not None else 0
        self._pages: OrderedDict[int, list] = OrderedDict()
        if first_page is not None:
            self._pages[0] = first_page
        self.failed = failed  # told (once until a page reads again) why a page cannot be read
        self.failure: str | None = None

    def __len__(self) -> int:
        return self._count

    def _page(self, number: int) -> list:
        page = self._pages.get(number)
        if page is None:
            try:
                page = self.store.list_articles(number * self.PAGE, self.PAGE)
            except StoreError as exc:  # the rows say so; the page is read again on the next look
                if self.failure is None and self.failed is not None:
                    self.failed(str(exc))
                self.failure = str(exc)
                return []
            self.failure = None
            self._pages[number] = page
            if len(self._pages) > self.KEEP_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return page

    def item(self, index: int):
        page = self._page(index // self.PAGE)
        offset = index % self.PAGE
        if offset >= len(page):
            raise IndexError(index)
        return page[offset]

    def index_of(self, article_id: str, scan: int = 2000) -> int | None:
        """Position of an article among the first ``scan`` rows (to keep the cursor on it after a refresh)."""
        for number in range(min(self._count, scan) // self.PAGE + 1):
            for i, summary in enumerate(self._page(number)):
                if summary.id == article_id:
                    return number * self.PAGE + i
        return None

    def lines(self, index: int, width: int, style: StyleFor) -> list[Text]:
        try:
            summary = self.item(index)
        except IndexError:
            if self.failure is not None:
                return [Text(f"Cannot read these articles: {self.failure}", style=style("dim"))]
            return [Text("…", style=style("dim"))]
        return _summary_lines(summary, style)


class SearchHits:
    """The hits of one search, by relevance, with their snippets.

    ``results`` holds the first hits; with ``fetch(offset, limit) -> SearchResults``
    every match is a row and the hits past the first ones are fetched a page at a
    time as the list reaches them (the store keeps the query's ranking).
    """

    row_height = 3
    PAGE = 100
    KEEP_PAGES = 64

    def __init__(self, results, empty_message: str = "No matches.", fetch=None) -> None:
        self.results = results
        self.empty_message = empty_message
        self._fetch = fetch
        self._pages: OrderedDict[int, list] = OrderedDict()

    def __len__(self) -> int:
        return self.results.total if self._fetch is not None else len(self.results.hits)

    def hit(self, index: int):
        """The hit in row ``index`` (IndexError past the end)."""
        first = self.results.hits
        if index < len(first):
            return first[index]
        if self._fetch is None or index >= len(self):
            raise IndexError(index)
        number = (index - len(first)) // self.PAGE
        page = self._pages.get(number)
        if page is None:
            page = self._fetch(len(first) + number * self.PAGE, self.PAGE).hits
            self._pages[number] = page
            if len(self._pages) > self.KEEP_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        offset = (index - len(first)) % self.PAGE
        if offset >= len(page):  # the index changed under the search: fewer matches now
            raise IndexError(index)
        return page[offset]

    def item(self, index: int):
        return self.hit(index).summary

    def lines(self, index: int, width: int, style: StyleFor) -> list[Text]:
        try:
            hit = self.hit(index)
        except IndexError:
            return [Text("…", style=style("dim"))]
        title, meta = _summary_lines(hit.summary, style)
        snippet = Text(style=style("dim"))
        first_match = None
        for segment, is_match in hit.snippet:
            if is_match and first_match is None:
                first_match = len(snippet)
            snippet.append(clean_line(segment), style=style("match") if is_match else None)
        if not hit.snippet:
            snippet.append("(match in the title or the entities)")
        lead = max(6, width // 4)
        if first_match is not None and first_match > lead:
            cut = first_match - lead
            snippet = Text("…", style=style("dim")) + snippet[cut:]
        return [title, meta, snippet]


class ArticleEvents:
    """The events of the open article, in date order."""

    row_height = 2
    empty_message = "No dated events in this article."

    def __init__(self, events: list[Event], names: dict[str, str] | None = None) -> None:
        self.events = sorted(events, key=lambda e: (e.date, e.start))
        self.names = names or {}

    def __len__(self) -> int:
        return len(self.events)

    def item(self, index: int) -> Event:
        return self.events[index]

    def _who(self, event: Event) -> str:
        def name(key: str) -> str:
            return display_name(key) if split_entity_key(key)[0] else self.names.get(key) or display_name(key)

        return ", ".join(name(k) for k in [*event.who, *event.where])

    def lines(self, index: int, width: int, style: StyleFor) -> list[Text]:
        event = self.events[index]
        first = Text(event_when(event), style=style("accent"))
        first.append("  ")
        first.append(clean_line(event.what) or clean_line(event.text), style=style("title"))
        who = self._who(event)
        second = Text(who or "—", style=style("meta"))
        return [first, second]


class Timeline:
    """Every event of the corpus, in date order (DatedEvent rows)."""

    row_height = 2
    empty_message = "No dated events in the index."

    def __init__(self, pairs: list) -> None:
        self.pairs = pairs

    def __len__(self) -> int:
        return len(self.pairs)

    def item(self, index: int):
        return self.pairs[index]

    def lines(self, index: int, width: int, style: StyleFor) -> list[Text]:
        dated = self.pairs[index]
        summary, event = dated.summary, dated.event
        first = Text(event_when(event), style=style("accent"))
        first.append("  ")
        first.append(clean_line(event.what) or clean_line(event.text), style=style("title"))
        second = Text(style=style("meta"))
        who = ", ".join(display_name(k) for k in event.who)
        if who:
            second.append(who)
            second.append(" · ", style=style("dim"))
        second.append(clean_line(summary.title), style=style("dim"))
        return [first, second]


class MentionRows:
    """An entity's mentions across the corpus, each in a little context."""

    row_height = 2
    empty_message = "No mentions."

    def __init__(self, mentions: list) -> None:
        self.mentions = mentions

    def __len__(self) -> int:
        return len(self.mentions)

    def item(self, index: int):
        return self.mentions[index]

    def lines(self, index: int, width: int, style: StyleFor) -> list[Text]:
        m = self.mentions[index]
        head = Text(date_label(m.summary.date), style=style("accent"))
        head.append("  ")
        head.append(clean_line(m.summary.title), style=style("title"))
        before = clean_line(m.before)
        text = clean_line(m.text)
        after = clean_line(m.after)
        # keep the mention itself in view: trim the context before it to about a third of the row
        room = max(8, width // 3)
        if len(before) > room:
            before = "…" + before[-room:]
        context = Text(style=style("meta"))
        context.append(before)
        context.append(text, style=style("match"))
        context.append(after)
        return [head, context]
