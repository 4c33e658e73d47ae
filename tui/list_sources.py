"""Row sources for the reader's lists (see :class:`tui.widgets.virtual_list.VirtualList`).

Each source turns its items into a fixed number of ``rich.text.Text`` lines per
row. Titles, snippets and contexts are untrusted text: they go through
:func:`tui.safe_text.clean_line` and are appended as plain strings.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import PurePath
from typing import Callable
from urllib.parse import urlsplit

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text

from newsdesk.index.annotations import Event, split_entity_key
from newsdesk.index.dates import MONTH_NAMES, when_text
from newsdesk.index.periods import Day, date_order, year_value
from newsdesk.index.store.errors import StoreError
from newsdesk.tui.safe_text import clean_line

StyleFor = Callable[[str], Style]


def display_name(key: str) -> str:
    """The readable part of a canonical entity key ("PER:Donald Trump" -> "Donald Trump")."""
    return clean_line(split_entity_key(key)[1])


def source_label(summary) -> str:
    """A short name for where an article comes from: its publisher, the URL's host, or the file name."""
    publisher = getattr(summary, "publisher", None)
    if publisher and publisher.strip():
        return clean_line(publisher).strip()
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
    """The event's date (or range) as a person writes it, on one line: 8. November 2025,
    November 2025, KW 43/2025, 1930er, 13. Jh., 1500 v. Chr., 1500 – 1200 v. Chr."""
    return clean_line(event.when)


_REPORTER = re.compile(
    r"\blaut\s+(?:(?:de[rmns]|einer?|eine[mnrs]?)\s+)?(?P<a>[A-ZÄÖÜ][\w-]+(?:\s+[A-ZÄÖÜ][\w-]+)?)"
    r"|\b(?:sagte|sagten|erklärte|erklärten|teilte|teilten|berichtete|berichteten|meldete|meldeten)"
    r"\s+(?:de[rmns]\s+|die\s+)?(?P<b>[A-ZÄÖÜ][\w-]+(?:\s+[A-ZÄÖÜ][\w-]+)?)"
)


def status_label(event: Event) -> str:
    """What the text says of the event, where it is not a plain statement: "geplant",
    "laut Peskow", "nicht", "erschlossen" (dated from the publication date); "" otherwise."""
    if event.inferred:
        return "erschlossen"
    if event.status == "planned":
        return "geplant"
    if event.status == "negated":
        return "nicht"
    if event.status == "reported":
        m = _REPORTER.search(event.text or "")
        name = (m["a"] or m["b"]) if m else ""
        return f"laut {clean_line(name)}" if name else "laut …"
    return ""


def _wrap_words(text: str, width: int, lines: int) -> list[str]:
    """``text`` in at most ``lines`` lines of ``width`` columns, broken between words (the
    last line keeps the rest; the list cuts it with an ellipsis)."""
    words = text.split()
    out: list[str] = []
    current = ""
    for i, word in enumerate(words):
        if len(out) == lines - 1:
            rest = " ".join(words[i:])
            out.append(f"{current} {rest}" if current else rest)
            return out
        if not current:
            current = word
        elif cell_len(current) + 1 + cell_len(word) <= width:
            current = f"{current} {word}"
        else:
            out.append(current)
            current = word
    if current or not out:
        out.append(current)
    return out


def summary_meta(summary, width: int, style: StyleFor) -> Text:
    """Date · source · place · counts: as many as fit in ``width``, most telling first."""
    parts = [(date_label(summary.date), "accent")]
    src = source_label(summary)
    # a publisher or a host is short and tells sources apart; a bare file name (the same for
    # every article of a JSONL file) comes last, after the place and the counts
    named = bool(getattr(summary, "publisher", None) or getattr(summary, "url", None))
    if src and named:
        parts.append((src, "meta"))
    place = clean_line(getattr(summary, "place", "") or "")
    if place and not (named and place.casefold() in src.casefold()):
        parts.append((place, "meta"))
    events = getattr(summary, "event_count", -1)
    if events >= 0:
        parts.append((f"{events} event{'s' if events != 1 else ''}", "dim"))
    entities = getattr(summary, "entity_count", -1)
    if entities >= 0:
        parts.append((f"{entities} entit{'ies' if entities != 1 else 'y'}", "dim"))
    if src and not named:
        parts.append((src, "dim"))
    meta = Text()
    for i, (part, name) in enumerate(parts):
        extra = cell_len(part) + (3 if i else 0)
        if i >= 2 and cell_len(meta.plain) + extra > width:
            continue  # too long here: a shorter part after it may fit
        if i:
            meta.append(" · ", style=style("dim"))
        meta.append(part, style=style(name))
    return meta


def _summary_lines(summary, style: StyleFor, width: int = 80, title_lines: int = 2) -> list[Text]:
    """The title (wrapped over ``title_lines`` lines) and a line of date, source, place and counts."""
    title = clean_line(summary.title).strip() or "(untitled)"
    lines = [Text(line, style=style("title")) for line in _wrap_words(title, max(8, width), title_lines)]
    lines.append(summary_meta(summary, width, style))
    while len(lines) < title_lines + 1:
        lines.append(Text())  # a short title: the meta line right under it, a gap below
    return lines


class SummaryRows:
    """A fixed list of ArticleSummary (an entity's articles)."""

    row_height = 3

    def __init__(self, summaries: list, empty_message: str = "No articles.") -> None:
        self.summaries = summaries
        self.empty_message = empty_message

    def __len__(self) -> int:
        return len(self.summaries)

    def item(self, index: int):
        return self.summaries[index]

    def lines(self, index: int, width: int, style: StyleFor) -> list[Text]:
        return _summary_lines(self.summaries[index], style, width)


def _list_order(date) -> tuple[int, int]:
    """Sort key along the article list: newest first, undated last (ascending along the list)."""
    return (1, 0) if date is None else (0, -date.toordinal())


class ArticlePages:
    """All indexed articles, newest first, fetched from the store a page at a time."""

    row_height = 3
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

    def index_of(self, article_id: str, date=None, scan: int = 2000) -> int | None:
        """Position of an article (to keep the cursor on it after a refresh): among the first
        ``scan`` rows, else, given its ``date``, among the rows of that date, found by halving
        (the list is newest first, undated last), so a few pages are read, not all."""
        for number in range(min(self._count, scan) // self.PAGE + 1):
            for i, summary in enumerate(self._page(number)):
                if summary.id == article_id:
                    return number * self.PAGE + i
        if date is None or self._count <= scan:
            return None
        wanted = _list_order(date)
        try:
            lo, hi = 0, self._count
            while lo < hi:  # the first row not newer than ``date``
                mid = (lo + hi) // 2
                if _list_order(self.item(mid).date) < wanted:
                    lo = mid + 1
                else:
                    hi = mid
            index = lo
            while index < self._count:
                summary = self.item(index)
                if _list_order(summary.date) != wanted:
                    return None
                if summary.id == article_id:
                    return index
                index += 1
        except IndexError:  # a page that cannot be read: not found
            return None
        return None

    def lines(self, index: int, width: int, style: StyleFor) -> list[Text]:
        try:
            summary = self.item(index)
        except IndexError:
            if self.failure is not None:
                return [Text(f"Cannot read these articles: {self.failure}", style=style("dim"))]
            return [Text("…", style=style("dim"))]
        return _summary_lines(summary, style, width)


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
        title, meta = _summary_lines(hit.summary, style, width, title_lines=1)
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


def _when_and_status(event: Event, style: StyleFor) -> Text:
    line = Text(clean_line(event.when), style=style("accent"))
    status = status_label(event)
    if status:
        line.append("  ")
        line.append(status, style=style("heading"))
    return line


def event_line(event: Event) -> str:
    """The event's readable line, or its source text when it has none."""
    return clean_line(event.what).strip() or clean_line(event.text).strip()


def names_of(keys: list[str], names: dict[str, str] | None = None) -> str:
    """The shown names of entity keys; a key without a label is looked up in ``names``."""
    names = names or {}
    return ", ".join(display_name(k) if split_entity_key(k)[0] else names.get(k) or display_name(k) for k in keys)


class ArticleEvents:
    """The events of the open article, in date order: date as written and status, the
    readable line, who and where."""

    row_height = 3
    empty_message = "No dated events in this article."

    def __init__(self, events: list[Event], names: dict[str, str] | None = None) -> None:
        self.events = sorted(events, key=lambda e: (date_order(e.date), e.start))
        self.names = names or {}

    def __len__(self) -> int:
        return len(self.events)

    def item(self, index: int) -> Event:
        return self.events[index]

    def lines(self, index: int, width: int, style: StyleFor) -> list[Text]:
        event = self.events[index]
        what = Text(event_line(event), style=style("title"))
        who = names_of([*event.who, *event.where], self.names)
        return [_when_and_status(event, style), what, Text(who or "—", style=style("meta"))]


@dataclass(frozen=True)
class TimelineHeading:
    """A group heading of the timeline: a year, or a month of a year."""

    year: str
    month: int = 0  # 1-12; 0: the year's own heading
    count: int = 0  # events in the group

    @property
    def label(self) -> str:
        year = when_text(self.year) if self.year else "undated"
        return f"{MONTH_NAMES[self.month - 1]} {year}" if self.month else year


def _group_of(event: Event) -> tuple[str, int]:
    """(year, month) the event is listed under, the year as a TIMEX3 value ("2025", "BC1500"):
    month 0 for events coarser than a month (a season, a quarter, the year itself), which come
    first under their year."""
    day = Day.from_iso(event.date or "")
    year = year_value(event.date or "")
    if event.granularity in ("decade", "century"):
        # TIMEX3 writes them 193 / 12 / BC046: they head their own group ("1930er", "13. Jh.")
        value = (event.value or "").removeprefix("BC")
        return ((event.value or year) if value.isdigit() and len(value) in (2, 3) else year), 0
    month = day.month if day is not None and event.granularity in ("day", "week", "month") else 0
    return year, month


# groups of the same first year: the century, then the decade, then the year's own events
_GROUP_RANK = {"century": 0, "decade": 1}


def _group_order(pair_index: int, event: Event) -> tuple:
    """Sort key that keeps each group together and the groups in date order (years before
    Christ first, 1500 v. Chr. before 500 v. Chr.)."""
    _year, month = _group_of(event)
    first_year = date_order(event.date or "").rsplit("-", 2)[0]
    return (first_year, _GROUP_RANK.get(event.granularity, 2), month, pair_index)


class TimelineRows:
    """Events of the corpus (``DatedEvent`` rows in date order) under year and
    month headings; each row: date as written, status, readable line, then who and the
    article's title."""

    row_height = 2
    empty_message = "No dated events in the index."

    def __init__(self, dated: list, empty_message: str | None = None) -> None:
        if empty_message:
            self.empty_message = empty_message
        order = sorted(range(len(dated)), key=lambda i: _group_order(i, dated[i].event))
        dated = [dated[i] for i in order]
        self.rows: list = []
        self._positions: list[int] = []  # per row: number of events up to and including it
        groups: dict[tuple[str, int], int] = {}
        for row in dated:
            group = _group_of(row.event)
            groups[group] = groups.get(group, 0) + 1
        year_counts: dict[str, int] = {}
        for (year, _month), n in groups.items():
            year_counts[year] = year_counts.get(year, 0) + n
        last_year: str | None = None
        last_group: tuple[str, int] | None = None
        count = 0
        for row in dated:
            year, month = group = _group_of(row.event)
            if year != last_year:
                self.rows.append(TimelineHeading(year, 0, year_counts[year]))
                self._positions.append(count)
                last_year = year
            if group != last_group:
                if month:
                    self.rows.append(TimelineHeading(year, month, groups[group]))
                    self._positions.append(count)
                last_group = group
            self.rows.append(row)
            count += 1
            self._positions.append(count)
        self.item_count = count

    def __len__(self) -> int:
        return len(self.rows)

    def item(self, index: int):
        return self.rows[index]

    def selectable(self, index: int) -> bool:
        return not isinstance(self.rows[index], TimelineHeading)

    def item_position(self, index: int) -> int:
        return max(1, self._positions[index])

    def index_of_event(self, article_id: str, start: int) -> int | None:
        for i, row in enumerate(self.rows):
            if not isinstance(row, TimelineHeading) and row.summary.id == article_id and row.event.start == start:
                return i
        return None

    WHEN_WIDTH = 24  # the date column ("16. Juni – 23. September 2025" is longer and pushes on)

    def lines(self, index: int, width: int, style: StyleFor) -> list[Text]:
        row = self.rows[index]
        if isinstance(row, TimelineHeading):
            heading = Text(row.label, style=style("heading") if row.month else style("title"))
            heading.append(f"  · {row.count:,} event{'s' if row.count != 1 else ''}", style=style("dim"))
            if row.month:
                return [Text(), Text("  ") + heading]
            return [Text(), heading]
        summary, event = row.summary, row.event
        when = clean_line(event.when)
        column = self.WHEN_WIDTH if width >= 110 else self.WHEN_WIDTH - 6
        first = Text("  ")
        first.append(when.ljust(column), style=style("accent"))
        first.append(" ")
        status = status_label(event)
        if status:
            first.append(f"[{status}] ", style=style("heading"))
        first.append(event_line(event), style=style("title"))
        second = Text("  " + " " * (column + 1), style=style("meta"))
        who = names_of([*event.who, *event.where])
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
