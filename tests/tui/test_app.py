"""Behaviour of the reader, driven with Pilot on a small fixed index."""

from __future__ import annotations

from newsdesk.tui.list_sources import ArticlePages, SearchHits, TimelineHeading, TimelineRows
from newsdesk.tui.screens.article_entities import ArticleEntitiesScreen
from newsdesk.tui.screens.entity import EntityScreen
from newsdesk.tui.screens.help import HelpScreen
from newsdesk.tui.screens.main import MainScreen
from newsdesk.tui.screens.timeline import TimelineScreen, event_span
from tests.tui.pilot_steps import open_timeline


async def _settle(pilot) -> None:
    """Let the search debounce (0.2 s) fire; on a busy machine run the pending query now."""
    await pilot.pause(0.3)
    pilot.app.screen.search_bar.flush()
    await pilot.pause()


async def _type(pilot, text: str) -> None:
    await pilot.press(*[{" ": "space", "/": "slash", ":": "colon", "(": "left_parenthesis"}.get(c, c) for c in text])


async def test_opens_newest_article_first(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        main = app.screen
        assert isinstance(main, MainScreen)
        assert isinstance(main.article_list.source, ArticlePages)
        assert len(main.article_list.source) == 5
        # the article opened from the results stays open, and the list's cursor is on it
        assert main.current_id == main.article_list.current.id
        assert app.focused is main.article_list
        await pilot.press("j")
        assert main.current_id == "nato-wien"
        await pilot.press("G")
        assert main.current_id == "undatiert"
        await pilot.press("g", "enter")
        assert main.current_id == "gipfel-budapest"
        assert app.focused is main.article_view


async def test_search_updates_as_you_type_and_escape_clears(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        main = app.screen
        await pilot.press("slash")
        assert app.focused is main.search_bar.input
        await _type(pilot, "wien")
        await _settle(pilot)
        source = main.article_list.source
        assert isinstance(source, SearchHits)
        assert {h.summary.id for h in source.results.hits} == {"nato-wien", "song-contest"}
        assert "2 matches" in str(main.search_bar.query_one("#search-status").render())
        # the open article highlights the query's terms
        assert main.article_view.terms == source.results.terms
        await pilot.press("escape")
        assert isinstance(main.article_list.source, ArticlePages)
        assert main.article_view.terms == []
        assert app.focused is main.article_list


async def test_entity_filter_and_malformed_query(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        main = app.screen
        await pilot.press("slash")
        await _type(pilot, "entity:trump")
        await _settle(pilot)
        ids = {h.summary.id for h in main.article_list.source.results.hits}
        assert ids == {"gipfel-budapest", "unsafe-markup"}
        main.search_bar.input.value = "date:[2025 TO"
        await _settle(pilot)
        status = main.search_bar.query_one("#search-status")
        # the store's QueryError is shown in place; the last results stay
        assert app.is_running
        assert status.has_class("-error")
        assert "date" in str(status.render())
        assert {h.summary.id for h in main.article_list.source.results.hits} == ids


async def test_entity_keys_move_and_jump_between_same_mentions(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        main = app.screen
        view = main.article_view
        await pilot.press("enter")
        assert app.focused is view
        await pilot.press("n")
        first = view.cursor_entity
        assert first is not None and first.start == min(e.start for e in view.entities)
        await pilot.press("n")
        second = view.cursor_entity
        assert second.start > first.start
        await pilot.press("N")
        assert view.cursor_entity == first
        # ] jumps to the next mention of the same entity
        await pilot.press("right_square_bracket")
        same = view.cursor_entity
        assert same.key == first.key and same.start > first.start
        await pilot.press("left_square_bracket")
        assert view.cursor_entity == first


async def test_entity_list_and_entity_view_open_article_at_mention(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        main = app.screen
        await pilot.press("enter", "e")
        assert isinstance(app.screen, ArticleEntitiesScreen)
        # grouped by label: first group is PER, most-mentioned first
        await pilot.press("enter")
        assert isinstance(app.screen, EntityScreen)
        entity_screen = app.screen
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert entity_screen.key.startswith("PER:")
        mentions = entity_screen.query_one("#entity-mentions").source
        articles = entity_screen.query_one("#entity-articles").source
        assert len(mentions) >= 2 and len(articles) >= 1
        await pilot.press("j", "enter")
        assert app.screen is main
        chosen = mentions.item(1)
        assert main.current_id == chosen.summary.id
        view = main.article_view
        assert view.marked == (chosen.start, chosen.end)
        assert view.cursor_entity is not None and view.cursor_entity.start == chosen.start
        assert app.focused is view


async def test_enter_on_entity_opens_entity_view_and_escape_goes_back(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        main = app.screen
        await pilot.press("enter", "n", "enter")
        assert isinstance(app.screen, EntityScreen)
        assert app.screen.key == main.article_view.cursor_entity.key
        await pilot.press("escape")
        assert app.screen is main


async def test_selecting_an_event_scrolls_to_and_marks_its_sentence(make_app):
    app = make_app()
    async with app.run_test(size=(120, 24)) as pilot:
        main = app.screen
        events = main.side_list
        assert len(events.source) == 2
        events.focus()
        await pilot.press("j", "enter")
        event = events.source.item(1)
        view = main.article_view
        assert view.marked == (event.start, event.end)
        line = view.line_of(event.start)
        assert view.scroll_y <= line < view.scroll_y + view.scrollable_content_region.height


async def test_timeline_is_a_full_screen_by_year_and_month_and_opens_at_the_sentence(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        main = app.screen
        timeline = await open_timeline(pilot)
        source = timeline.timeline.source
        assert isinstance(source, TimelineRows)
        pairs = [row for row in source.rows if not isinstance(row, TimelineHeading)]
        dates = [d.event.date for d in pairs]
        assert dates == sorted(dates) and len(dates) == 4 == source.item_count
        # a year heading, then a month heading, before the first event; the cursor skips them
        assert isinstance(source.rows[0], TimelineHeading) and source.rows[0].month == 0
        assert isinstance(source.rows[1], TimelineHeading) and source.rows[1].month
        assert timeline.timeline.cursor == 2
        assert timeline.timeline.position_text == "1/4"
        assert app.focused is timeline.timeline
        await pilot.press("G", "enter")
        summary, event = pairs[-1].summary, pairs[-1].event
        assert app.screen is main
        assert summary.id == "song-contest"
        assert main.current_id == "song-contest"
        span = (event.sentence_start, event.sentence_end) if event.sentence_start >= 0 else (event.start, event.end)
        assert main.article_view.marked == span
        assert app.focused is main.article_view


async def test_help_screen_lists_keys(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
    from newsdesk.tui.screens.help import help_sections

    keys = {k for _t, rows in help_sections() for k, _d in rows}
    for expected in ("/", "n", "N", "]", "[", "e", "o", "c", "t", "s", "q", "?", "Esc", "j ↓", "k ↑"):
        assert expected in keys


async def test_side_list_collapses_and_narrow_terminal_starts_collapsed(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        main = app.screen
        side = main.query_one("#side")
        assert side.display and side.region.width > 0
        await pilot.press("s")
        await pilot.pause()
        assert side.region.width == 0
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        main = app.screen
        await pilot.pause()
        assert main.has_class("-narrow") and main.query_one("#side").region.width == 0
        await pilot.press("s")
        await pilot.pause()
        assert main.query_one("#side").region.width > 0


async def test_copy_citation_and_theme_toggle(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "c")
        assert app.clipboard.startswith("„Kreml bremst bei Gipfel in Budapest“, Beispielzeitung, 21.10.2025.")
        assert "https://www.example.at/politik/gipfel-budapest" in app.clipboard
        assert app.current_theme.dark
        await pilot.press("d")
        assert not app.current_theme.dark


async def test_open_source_failure_is_reported(make_app, monkeypatch):
    from newsdesk.tui import system_open

    def fail(target, timeout=10.0):
        raise system_open.OpenError("no opener here")

    monkeypatch.setattr(system_open, "open_target", fail)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "o")
        await app.workers.wait_for_complete()
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("no opener here" in m for m in messages)


async def test_command_palette_offers_reader_commands(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)):
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for t in ("Search", "Timeline", "Entities of this article", "Open source", "Copy citation", "Help"):
            assert t in titles


async def test_config_theme_and_key_bindings(make_app):
    from types import SimpleNamespace

    from newsdesk.tui.screens.help import help_sections

    app = make_app(config=SimpleNamespace(theme="light", keys={"search": "f", "timeline": "T"}))
    async with app.run_test(size=(120, 40)) as pilot:
        main = app.screen
        assert not app.current_theme.dark
        await pilot.press("T")
        assert isinstance(app.screen, TimelineScreen)
        await app.workers.wait_for_complete()
        await pilot.press("escape")
        assert app.screen is main
        await pilot.press("f")
        assert app.focused is main.search_bar.input
        rows = dict((d, k) for _t, section in help_sections(dict(app._keymap)) for k, d in section)
        assert rows["Search"] == "f"
        assert rows["Timeline of the corpus (of the search, when one is active), full screen"] == "T"


async def test_missing_index_without_corpus_says_so(tmp_path):
    from newsdesk.tui.app import NewsdeskApp

    app = NewsdeskApp(None, tmp_path / "nothing-here")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        main = app.screen
        assert app.store is None
        assert "No index at" in main.article_list.source.empty_message
        await pilot.press("slash", "x")
        await _settle(pilot)
        await pilot.press("escape", "t", "e", "question_mark")
        assert app.is_running


async def test_mouse_click_on_list_opens_article_and_event_click_marks(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        main = app.screen
        # offsets include the pane's border; rows are 3 lines high: y=4 is the second row
        await pilot.click("#articles", offset=(5, 4))
        assert main.current_id == "nato-wien"
        assert app.focused is main.article_list
        await pilot.click("#articles", offset=(5, 1))
        assert main.current_id == "gipfel-budapest"
        await pilot.click("#events", offset=(5, 1))
        event = main.side_list.source.item(0)
        assert main.article_view.marked == event_span(event)


async def test_click_on_entity_moves_cursor_then_opens_entity_view(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        main = app.screen
        view = main.article_view
        first = view.entities[0]
        line = view.line_of(first.start)
        block_index, pos = view._rendered.locate(first.start)
        starts = view._block_line_starts[block_index]
        column = pos - max(s for s in starts if s <= pos)
        region = view.content_region
        x = region.x - view.region.x + 2 + column + 1
        y = region.y - view.region.y + line
        await pilot.click("#article", offset=(x, y))
        assert view.cursor_entity == first
        await pilot.click("#article", offset=(x, y))
        assert isinstance(app.screen, EntityScreen)


async def test_big_index_draws_first_and_fills_the_list_from_a_thread(make_app, monkeypatch):
    from newsdesk.tui.screens import main as main_module

    monkeypatch.setattr(main_module, "BACKGROUND_FIRST_PAGE", 1)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        main = app.screen
        # a query typed while loading waits for the list
        main.run_search("wien")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not main.loading
        assert isinstance(main.article_list.source, SearchHits)
        await pilot.press("escape")
        assert len(main.article_list.source) == 5
        # the article opened from the results stays open, and the list's cursor is on it
        assert main.current_id == main.article_list.current.id


async def test_a_word_being_typed_matches_as_a_prefix(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        main = app.screen
        await pilot.press("slash", *"gastg")
        await _settle(pilot)
        assert main.search_results.total == 1
        assert "1 match" in str(main.search_bar.query_one("#search-status").render())
        assert main.article_list.current.id == "gipfel-budapest"


async def test_index_update_during_a_search_keeps_the_open_article(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        main = app.screen
        await pilot.press("slash", *"wien")
        await _settle(pilot)
        await pilot.press("enter", "j")
        reading = main.current_id
        assert reading == main.search_results.hits[1].summary.id
        main.load_articles(keep_position=True)  # what an index refresh does
        await pilot.pause()
        assert main.current_id == reading
        assert main.article_list.cursor == 1


async def test_no_color_terminal_renders_every_screen(make_app, monkeypatch):
    """NO_COLOR: Textual drops colours; every line we render must still carry a style."""
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.no_color
        app.screen.article_view.clear("nothing open")
        await pilot.pause()
        await pilot.press("g", "enter", "n", "e")
        await pilot.pause()
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("escape", "t")
        await app.workers.wait_for_complete()
        await pilot.press("question_mark")
        await pilot.pause()
        assert app.is_running
        assert app.save_screenshot()


async def test_odd_queries_never_crash(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        main = app.screen
        for query in ['"', "(", ")", "AND", "NOT", "title:", "*", "a*", "entity:", '"unclosed phrase',
                      "date:[2025 TO", "x" * 500, "[bold]x[/bold]", "\x1b[2J", "ü*ß", "OR OR OR"]:
            main.search_bar.input.value = query
            await pilot.pause(0.25)
            assert app.is_running
        status = main.search_bar.query_one("#search-status")
        assert "\x1b" not in str(status.render())


async def test_article_opened_from_a_search_scrolls_to_the_first_match(make_app):
    app = make_app()
    async with app.run_test(size=(120, 24)) as pilot:
        main = app.screen
        await pilot.press("slash", *"vermittler")
        await _settle(pilot)
        view = main.article_view
        assert main.current_id == "gipfel-budapest"
        line = view.line_of(view.article.text.index("Vermittler"))
        assert line >= view.scrollable_content_region.height  # below the first screen
        assert view.scroll_y <= line < view.scroll_y + view.scrollable_content_region.height
