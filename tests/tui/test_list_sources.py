import datetime as dt

from rich.style import Style

from newsdesk.index.annotations import Event
from newsdesk.index.store import ArticleSummary, Hit, Mention, SearchResults
from newsdesk.tui.list_sources import ArticleEvents, MentionRows, SearchHits, display_name, event_when, source_label


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


def test_event_rows_and_names():
    event = Event(0, 10, "2025-11-01", "month", "treffen", "Sie treffen sich", ["PER:Donald Trump"], ["LOC:Wien"],
                  "2025-11")
    rows = ArticleEvents([event]).lines(0, 40, style)
    assert rows[0].plain == "2025-11  treffen"
    assert rows[1].plain == "Donald Trump, Wien"
    assert event_when(Event(0, 1, "2025-01-01", "year", "", "", value="2025")) == "2025"
    assert event_when(Event(0, 1, "2025-10-13", "week", "", "", value="2025-W42")) == "2025-W42"
    assert display_name("ORG:Kreml") == "Kreml" and display_name("plain key") == "plain key"


def test_mention_rows_show_the_mention_in_view():
    m = Mention(UNSAFE, 300, 306, "x" * 200, "Lawrow", " telefonierte.")
    head, context = MentionRows([m]).lines(0, 60, style)
    assert context.plain.startswith("…") and "Lawrow" in context.plain[:40]
    assert source_label(UNSAFE) == "x.txt"
    assert source_label(ArticleSummary("y", "t", None, "/a/b.txt", "https://www.example.at/a")) == "example.at"
