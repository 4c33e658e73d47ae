"""The reader on an index that grows while it is open, on long articles, at 80x24 and 200x50:
selection kept after index updates, open at a mention, o / c from any pane, footer keys per
pane, list rows and counter, the article's measure, line breaks, the empty state."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from newsdesk.index.article import BODY, Article
from newsdesk.tui.screens.entity import EntityScreen
from newsdesk.tui.screens.main import MainScreen
from newsdesk.tui.screens.source_choice import SourceChoiceScreen
from newsdesk.tui.text_wrap import SOFT_BREAKS, line_breaks
from tests.tui.pilot_steps import open_timeline
from tests.tui.sample_index import write_sample_index

FILLER = ("Die Verhandlungen über den Haushalt ziehen sich hin, und niemand in der Koalition rechnet mit "
          "einer schnellen Einigung über die strittigen Punkte.")


def _article(n: int, day: dt.date, *, long: bool = False, source: str | None = None, url: str | None = None) -> Article:
    paragraphs = [(f"Meldung {n}: Wladimir Putin sprach am 8. November 2025 in Wien.", BODY, None)]
    if long:
        paragraphs += [(f"{FILLER} Absatz {i}.", BODY, None) for i in range(30)]
        paragraphs.append(("Am Ende reiste Donald Trump nach Budapest weiter.", BODY, None))
    return Article.from_paragraphs(
        f"a{n:03d}", f"Meldung Nummer {n} über ein Treffen in Wien mit langen Verhandlungen", paragraphs,
        date=day, source=source or f"/corpus/a{n:03d}.txt", url=url, publisher="Testblatt",
    )


def _batch(first: int, count: int, newest: dt.date) -> list[Article]:
    return [_article(first + i, newest - dt.timedelta(days=i)) for i in range(count)]


@pytest.fixture
def growing_index(tmp_path):
    index = tmp_path / "index"
    write_sample_index(index, _batch(0, 30, dt.date(2025, 6, 30)))
    return index


def _app(index):
    from newsdesk.tui.app import NewsdeskApp

    return NewsdeskApp(None, index)


async def _refresh(pilot) -> None:
    pilot.app._refresh_store(force=True)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def _cursor_visible(vlist) -> bool:
    h = vlist.source.row_height
    top = int(vlist.scroll_y)
    return top <= vlist.cursor * h and (vlist.cursor + 1) * h <= top + vlist.scrollable_content_region.height


async def test_index_update_keeps_the_first_row_or_the_users_choice_in_view(growing_index):
    app = _app(growing_index)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        main: MainScreen = app.screen
        vlist = main.article_list
        assert vlist.cursor == 0 and main.current_id == "a000" and not main.chosen
        # newer articles arrive before the user did anything: the selection stays on the first row
        write_sample_index(growing_index, _batch(100, 10, dt.date(2025, 7, 30)))
        await _refresh(pilot)
        assert len(vlist.source) == 40
        assert vlist.cursor == 0 and main.current_id == "a100" and vlist.border_subtitle == "1/40"
        await pilot.press("j")
        assert vlist.cursor == 1 and main.current_id == "a101"
        # the user goes down the list; more articles arrive, newer than all: the selection
        # stays on the user's article (now further down) and in view, and j moves one row
        await pilot.press("j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j")
        assert vlist.cursor == 12
        chosen = main.current_id
        write_sample_index(growing_index, _batch(200, 25, dt.date(2025, 9, 30)))
        await _refresh(pilot)
        assert len(vlist.source) == 65
        assert main.current_id == chosen
        assert vlist.current.id == chosen and vlist.cursor == 37
        assert _cursor_visible(vlist)
        assert vlist.border_subtitle == "38/65"
        await pilot.press("j")
        assert vlist.cursor == 38 and _cursor_visible(vlist)


async def test_entity_view_enter_opens_the_article_scrolled_to_the_mention(tmp_path):
    index = tmp_path / "index"
    write_sample_index(index, [_article(1, dt.date(2025, 11, 2), long=True), _article(2, dt.date(2025, 11, 1))])
    app = _app(index)
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        main: MainScreen = app.screen
        main.show_entity("LOC:Budapest", "LOC", "Budapest")
        await pilot.pause()
        assert isinstance(app.screen, EntityScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        mention = app.screen.query_one("#entity-mentions").source.item(0)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is main and main.current_id == "a001"
        view = main.article_view
        line = view.line_of(mention.start)
        assert line > view.scrollable_content_region.height  # far below the first screen
        assert view.scroll_y <= line < view.scroll_y + view.scrollable_content_region.height
        assert view.marked == (mention.start, mention.end)
        assert view.cursor_entity is not None and view.cursor_entity.start == mention.start


async def test_cite_and_open_source_work_from_every_pane(tmp_path, monkeypatch):
    from newsdesk.tui import system_open

    opened = []
    monkeypatch.setattr(system_open, "open_target", lambda target, timeout=10.0: opened.append(target))
    jsonl = tmp_path / "news.jsonl"
    jsonl.write_text("\n".join(json.dumps({"title": f"t{i}", "text": "x"}) for i in range(3)) + "\n")
    index = tmp_path / "index"
    write_sample_index(index, [
        _article(1, dt.date(2025, 11, 2), url="https://example.org/a1"),
        _article(2, dt.date(2025, 11, 1), source=str(jsonl)),
    ])
    app = _app(index)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        main: MainScreen = app.screen
        # the list has the focus: c copies the citation, o opens the URL
        assert app.focused is main.article_list
        await pilot.press("c")
        assert app._clipboard.startswith("„Meldung Nummer 1") and "https://example.org/a1" in app._clipboard
        await pilot.press("o")
        await app.workers.wait_for_complete()
        assert opened == ["https://example.org/a1"]
        # from the events list too
        main.side_list.focus()
        app._clipboard = ""
        await pilot.press("c")
        assert app._clipboard.startswith("„Meldung Nummer 1")
        # an article that is one record of a JSONL file: say so, offer the citation
        main.article_list.focus()
        await pilot.press("j")
        assert main.current_id == "a002"
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, SourceChoiceScreen)
        assert "news.jsonl" in str(app.screen.query_one("#source-text").render())
        await pilot.press("c")
        await pilot.pause()
        assert app.screen is main and app._clipboard.startswith("„Meldung Nummer 2")
        assert opened == ["https://example.org/a1"]  # the whole file was not opened
        await pilot.press("o")
        await pilot.pause()
        await pilot.press("f")
        await app.workers.wait_for_complete()
        assert opened[-1] == str(jsonl.resolve())


def _footer(screen) -> dict[str, str]:
    """key -> description of what the footer shows for the focused widget."""
    return {key: b.binding.description for key, b in screen.active_bindings.items() if b.binding.show and b.enabled}


async def test_footer_follows_the_focus(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        main: MainScreen = app.screen
        assert _footer(main)["enter"] == "Read"
        assert {"o", "c", "t", "e"} <= set(_footer(main))
        main.side_list.focus()
        await pilot.pause()
        assert _footer(main)["enter"] == "Go to the sentence"
        main.article_view.focus()
        await pilot.pause()
        keys = _footer(main)
        assert "n" in keys and "right_square_bracket" not in keys and "enter" not in keys  # nothing under the cursor yet
        await pilot.press("n")
        keys = _footer(main)
        assert keys["right_square_bracket"] == "Next same" and keys["left_square_bracket"] == "Prev same"
        assert keys["enter"] == "Details"
        await open_timeline(pilot)
        keys = _footer(app.screen)
        assert keys["enter"] == "Open at the event" and keys["escape"] == "Back" and "o" not in keys
        await pilot.press("escape", "e")
        await pilot.pause()
        assert _footer(app.screen)["enter"] == "Articles with it"
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, EntityScreen)
        keys = _footer(app.screen)
        assert keys["enter"] == "Open at the mention" and keys["t"] == "Timeline of this entity"


async def test_wide_terminal_keeps_the_article_to_a_readable_measure(make_app):
    app = make_app()
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        main: MainScreen = app.screen
        view = main.article_view
        longest = max(line.end - line.start for line in view._lines)
        assert 60 <= longest <= 76
        # the room goes to the list and the events
        assert main.article_list.region.width >= 50 and main.query_one("#side").region.width >= 50
        assert main.query_one("#reader").region.width <= 86


async def test_narrow_terminal_breaks_lines_between_words_and_timeline_is_full_screen(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        main: MainScreen = app.screen
        view = main.article_view
        for line in view._lines:
            if line.block < 0:
                continue
            plain = view._rendered.blocks[line.block].text.plain
            if line.end < len(plain):
                assert plain[line.end - 1] == " " or plain[line.end - 1] in SOFT_BREAKS, plain[line.start:line.end]
        await open_timeline(pilot)
        assert app.screen.timeline.region.width == 80


def test_line_breaks_fall_between_words_and_inside_paths_only_after_a_slash():
    text = "Der Bundesrat bestätigte die Pläne. Quelle: /tmp/korpus/nachrichten/dewikinews.jsonl heute"
    starts = [0, *line_breaks(text, 20)]
    lines = [text[a:b] for a, b in zip(starts, [*starts[1:], len(text)])]
    assert all(len(line.rstrip()) <= 20 for line in lines)
    assert lines[0] == "Der Bundesrat "
    assert "/tmp/korpus/" in "".join(lines) and any(line.endswith("/") for line in lines)
    for line in lines[:-1]:
        assert line[-1] == " " or line[-1] in SOFT_BREAKS
    assert line_breaks("x" * 25, 10) == [10, 20]  # one word with nothing to break at: cut as a last resort


async def test_empty_state_fits_at_80x24_and_help_has_events_and_timeline(tmp_path):
    from newsdesk.tui.app import NewsdeskApp
    from newsdesk.tui.screens.help import help_sections

    app = NewsdeskApp(None, tmp_path / "none")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = app.screen.article_view
        shown = " ".join(
            "".join(seg.text for seg in view.render_line(y)).strip() for y in range(1, 6)
        ).split()
        assert " ".join(shown) == view.empty_message
    titles = [title for title, _rows in help_sections()]
    assert any(t.startswith("Events") for t in titles) and any(t.startswith("Timeline") for t in titles)


async def test_timeline_follows_the_search_and_the_entity(make_app):
    from newsdesk.tui.list_sources import TimelineHeading

    def shown_ids(screen) -> set[str]:
        return {row.summary.id for row in screen.timeline.source.rows if not isinstance(row, TimelineHeading)}

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        main: MainScreen = app.screen
        main.run_search("wien")
        await pilot.pause()
        main.article_list.focus()
        timeline = await open_timeline(pilot)
        assert shown_ids(timeline) == {"nato-wien", "song-contest"}
        assert "wien" in str(timeline.query_one("#timeline-header").render())
        # a: every event of the corpus, and back
        await pilot.press("a")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert shown_ids(timeline) == {"gipfel-budapest", "nato-wien", "song-contest"}
        await pilot.press("a")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert shown_ids(timeline) == {"nato-wien", "song-contest"}
        await pilot.press("escape")
        # from the entity view: the events the entity takes part in
        main.show_entity("PER:Marco Rubio", "PER", "Marco Rubio")
        await app.workers.wait_for_complete()
        await pilot.pause()
        timeline = await open_timeline(pilot)
        rows = [r for r in timeline.timeline.source.rows if not isinstance(r, TimelineHeading)]
        assert rows and all("PER:Marco Rubio" in r.event.who for r in rows)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is main and main.current_id == "gipfel-budapest"
        assert main.article_view.marked == (rows[0].event.sentence_start, rows[0].event.sentence_end)
