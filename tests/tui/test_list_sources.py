import datetime as dt

from rich.style import Style

from newsdesk.index.annotations import Event
from newsdesk.index.store import ArticleSummary, DatedEvent, Hit, Mention, SearchResults
from newsdesk.tui.list_sources import (
    ArticleEvents,
    MentionRows,
    SearchHits,
    SummaryRows,
    TimelineHeading,
    TimelineRows,
    display_name,
    event_when,
    source_label,
    status_label,
)


def style(name: str) -> Style:
    return Style(bold=True) if name == "match" else Style()


UNSAFE = ArticleSummary("x", "[bold red]Titel[/] \x1b[2J\x07", dt.date(2025, 10, 17), "/c/x.txt", None)


def test_titles_and_snippets_are_literal_and_free_of_control_characters():
    results = SearchResults(1, [Hit(UNSAFE, 1.0, [("vor [link=x]", False), ("Treffer", True), ("\x1b[31m nach", False)])],
                            ["treff"])
    lines = SearchHits(results).lines(0, 80, style)
    plain = [t.plain for t in lines]
    assert plain[0].startswith("[bold red]Titel[/]")
    assert "[link=x]Treffer" in plain[2]
    for t in lines:
        assert not any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 for c in t.plain)
    # the match is the only bold segment of the snippet
    snippet = lines[2]
    bold = [snippet.plain[s.start:s.end] for s in snippet.spans if Style.parse(str(s.style)).bold]
    assert bold == ["Treffer"]


def test_snippet_is_trimmed_so_the_match_shows_in_a_narrow_list():
    long_before = "wort " * 40
    results = SearchResults(1, [Hit(UNSAFE, 1.0, [(long_before, False), ("Budapest", True)])], ["budap"])
    snippet = SearchHits(results).lines(0, 30, style)[2].plain
    assert snippet.startswith("…") and snippet.index("Budapest") < 30


def test_event_rows_show_the_date_as_written_status_line_and_names():
    event = Event(0, 10, "2025-11-01", "month", "treffen", "Sie treffen sich", ["PER:Donald Trump"], ["LOC:Wien"],
                  "2025-11")
    rows = ArticleEvents([event]).lines(0, 40, style)
    assert [r.plain for r in rows] == ["November 2025", "treffen", "Donald Trump, Wien"]
    planned = Event(0, 10, "2026-03-01", "day", "Gipfel soll stattfinden", "", value="2026-03-01", status="planned")
    assert ArticleEvents([planned]).lines(0, 40, style)[0].plain == "1. März 2026  geplant"
    decade = Event(0, 1, "1930-01-01", "decade", "", "in den 1930er Jahren", value="193")
    assert ArticleEvents([decade]).lines(0, 40, style)[:2][0].plain == "1930er"
    assert event_when(Event(0, 1, "2025-01-01", "year", "", "", value="2025")) == "2025"
    assert event_when(Event(0, 1, "2025-10-13", "week", "", "", value="2025-W42")) == "KW 42/2025"
    assert event_when(Event(0, 1, "-1499-01-01", "year", "", "", value="BC1500", end_date="-1199-12-31",
                            end_value="BC1200")) == "1500 – 1200 v. Chr."
    assert display_name("ORG:Kreml") == "Kreml" and display_name("plain key") == "plain key"


def test_status_labels():
    def label(**kw):
        return status_label(Event(0, 1, "2025-01-01", "day", "", kw.pop("text", ""), **kw))

    assert label() == ""
    assert label(status="planned") == "geplant"
    assert label(status="negated") == "nicht"
    assert label(status="asserted", inferred=True) == "erschlossen"
    assert label(status="reported", text="Das Treffen fand statt, sagte Dmitri Peskow.") == "laut Dmitri Peskow"
    assert label(status="reported", text="Laut der Polizei wurde niemand verletzt.".replace("Laut", "laut")) == "laut Polizei"
    assert label(status="reported", text="Es hieß, es gebe Tote.") == "laut …"


def _pair(article_id: str, date: str, granularity: str, value: str, what: str = "x"):
    summary = ArticleSummary(article_id, f"Titel {article_id}", dt.date(2025, 1, 1), "/a.txt")
    return DatedEvent(summary, Event(0, 5, date, granularity, what, what, value=value))


def test_timeline_rows_group_by_year_then_month_and_coarse_events_first():
    pairs = [
        _pair("a", "1930-01-01", "decade", "193"),
        _pair("b", "2025-03-04", "day", "2025-03-04"),
        _pair("c", "2025-03-01", "season", "2025-SP"),
        _pair("d", "2025-03-20", "day", "2025-03-20"),
        _pair("e", "2025-04-01", "month", "2025-04"),
    ]
    rows = TimelineRows(pairs)
    shown = [r.label if isinstance(r, TimelineHeading) else r.summary.id for r in rows.rows]
    assert shown == ["1930er", "a", "2025", "c", "März 2025", "b", "d", "April 2025", "e"]
    assert rows.item_count == 5
    assert [rows.selectable(i) for i in range(len(rows))] == [not isinstance(r, TimelineHeading) for r in rows.rows]
    assert rows.item_position(shown.index("d")) == 4
    first, second = rows.lines(shown.index("b"), 100, style)
    assert first.plain.strip().startswith("4. März 2025") and second.plain.strip() == "Titel b"


def test_article_rows_wrap_the_title_and_tell_articles_apart():
    summary = ArticleSummary("a", "Jürgen Werner lehnte im Januar in Berlin ein Treffen der Außenminister ab",
                             dt.date(2025, 11, 23), "/c/news.jsonl", None, "Alpenpost", "Berlin", 14, 6)
    title1, title2, meta = SummaryRows([summary]).lines(0, 38, style)
    assert title1.plain == "Jürgen Werner lehnte im Januar in"
    assert title2.plain.startswith("Berlin ein Treffen der Außenminister")
    assert meta.plain == "2025-11-23 · Alpenpost · Berlin"  # the counts do not fit in 38 columns
    # wide enough for the title on one line: the meta line right under it, then a gap
    wide = [t.plain for t in SummaryRows([summary]).lines(0, 80, style)]
    assert wide[1:] == ["2025-11-23 · Alpenpost · Berlin · 6 events · 14 entities", ""]
    # an index written before publisher / place / counts were stored: the file name
    old = ArticleSummary("b", "Kurz", None, "/c/news.jsonl")
    assert SummaryRows([old]).lines(0, 38, style)[1].plain == "undated · news.jsonl"
    # only a file name to go by: place and counts first, the file name where it fits
    seed = ArticleSummary("c", "Kurz", dt.date(2025, 10, 21), "/s/000_679100aab88e780d.txt", None, None, "Wien", 9, 2)
    assert SummaryRows([seed]).lines(0, 38, style)[1].plain == "2025-10-21 · Wien · 2 events"
    assert SummaryRows([seed]).lines(0, 80, style)[1].plain == (
        "2025-10-21 · Wien · 2 events · 9 entities · 000_679100aab88e780d.txt")


def test_mention_rows_show_the_mention_in_view():
    m = Mention(UNSAFE, 300, 306, "x" * 200, "Lawrow", " telefonierte.")
    head, context = MentionRows([m]).lines(0, 60, style)
    assert context.plain.startswith("…") and "Lawrow" in context.plain[:40]
    assert source_label(UNSAFE) == "x.txt"
    assert source_label(ArticleSummary("y", "t", None, "/a/b.txt", "https://www.example.at/a")) == "example.at"


class _ManyArticles:
    """A stand-in store listing 5,000 articles, ten a day, newest first; counts page reads."""

    def __init__(self) -> None:
        first = dt.date(2025, 12, 31)
        self.rows = [ArticleSummary(f"id{i}", "t", first - dt.timedelta(days=i // 10), "/a.txt") for i in range(5000)]
        self.reads = 0

    def article_count(self) -> int:
        return len(self.rows)

    def list_articles(self, offset: int, limit: int):
        self.reads += 1
        return self.rows[offset:offset + limit]


def test_article_position_beyond_the_first_pages_is_found_by_its_date():
    from newsdesk.tui.list_sources import ArticlePages

    store = _ManyArticles()
    pages = ArticlePages(store)
    target = store.rows[4321]
    assert pages.index_of(target.id) is None  # not among the first 2,000 rows, no date given
    store.reads = 0
    assert pages.index_of(target.id, target.date) == 4321
    assert store.reads <= 20 + 12  # the first 2,000 rows (20 pages, cached) and a few by halving
    assert pages.index_of("nope", target.date) is None
