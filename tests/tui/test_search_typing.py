"""The search field as the reader types: prefixes that only narrow, spellings, unclosed phrases, paging."""

from __future__ import annotations

import datetime as dt

import pytest

from newsdesk.index.article import Article
from newsdesk.tui.list_sources import SearchHits
from tests.tui.sample_index import BODY, write_sample_index


async def _settle(pilot) -> None:
    await pilot.pause(0.3)
    await pilot.pause()


def _status(main) -> str:
    return str(main.search_bar.query_one("#search-status").render())


def _articles(texts: list[str]) -> list[Article]:
    return [Article.from_paragraphs(f"a{i:03d}", f"Meldung {i}", [(text, BODY, None)],
                                    date=dt.date(2025, 1, 1) + dt.timedelta(days=i), source=f"/corpus/a{i:03d}.txt")
            for i, text in enumerate(texts)]


TEXTS = (["Die Bundesregierung berät."] * 7 + ["Die Bundesregierungen streiten."] * 2 + ["Der Bundesrat tagt."] * 5
         + ["Der Bund zahlt."] * 4 + ["Bunte Blumen blühen."] * 3 + ["Budapest und Buchmesse."] * 6
         + ["In München schneit es."] * 3 + ["Ein kein Termin ohne Ort."] * 2)


@pytest.fixture(scope="module")
def typing_index(tmp_path_factory):
    return write_sample_index(tmp_path_factory.mktemp("typing") / "index", _articles(TEXTS))


@pytest.fixture(scope="module")
def big_index(tmp_path_factory):
    return write_sample_index(tmp_path_factory.mktemp("big") / "index", _articles(["Eine Meldung."] * 450))


async def test_count_only_narrows_while_typing_a_word(typing_index):
    from newsdesk.tui.app import NewsdeskApp

    app = NewsdeskApp(None, typing_index)
    async with app.run_test(size=(120, 40)) as pilot:
        main = app.screen
        await pilot.press("slash")
        counts = []
        for ch in "Bundesregierung":
            await pilot.press(ch)
            await _settle(pilot)
            if main.search_results is not None and main.search_query.endswith(ch):
                counts.append(main.search_results.total)
                assert "No matches" not in _status(main)
        # "Bu" 29, "Bun" 21, ... "Bundesregieru" 9, "Bundesregierung" 9: never up, never 0
        assert counts[0] > counts[-1] == 9
        assert all(a >= b for a, b in zip(counts, counts[1:])), counts
        assert 0 not in counts


async def test_ae_oe_ue_spelling_finds_umlauts(typing_index):
    from newsdesk.tui.app import NewsdeskApp

    app = NewsdeskApp(None, typing_index)
    async with app.run_test(size=(120, 40)) as pilot:
        main = app.screen
        await pilot.press("slash", *"Muenchen", "space")
        await _settle(pilot)
        assert main.search_results.total == 3
        assert "3 matches" in _status(main)


async def test_unclosed_phrase_says_how_it_was_searched(typing_index):
    from newsdesk.tui.app import NewsdeskApp

    app = NewsdeskApp(None, typing_index)
    async with app.run_test(size=(120, 40)) as pilot:
        main = app.screen
        await pilot.press("slash", "quotation_mark", *"kein", "space", *"termin")
        await _settle(pilot)
        assert main.search_results.total == 2
        assert "not closed" in _status(main)
        await pilot.press("space")
        await _settle(pilot)
        assert main.search_results.total == 2
        assert "no closing quote" in _status(main) and "kein termin" in _status(main)
        await pilot.press("quotation_mark")
        await _settle(pilot)
        assert main.search_results.total == 2
        assert "quote" not in _status(main)


async def test_results_page_on_past_the_first_page(big_index):
    from newsdesk.tui.app import NewsdeskApp

    app = NewsdeskApp(None, big_index)
    async with app.run_test(size=(120, 40)) as pilot:
        main = app.screen
        await pilot.press("slash", "asterisk")
        await _settle(pilot)
        source = main.article_list.source
        assert isinstance(source, SearchHits)
        assert len(source) == 450 and len(source.results.hits) < 450
        assert "450 matches" in _status(main)
        await pilot.press("enter")  # to the results
        await pilot.press("G")
        await pilot.pause()
        assert main.article_list.cursor == 449
        assert main.article_list.current.id == "a000"  # the oldest, last
        await pilot.press("k")
        await pilot.pause()
        assert main.article_list.current.id == "a001"
        # a ranked search pages the same way
        await pilot.press("slash")
        main.search_bar.input.value = "Meldung"
        await _settle(pilot)
        assert len(main.article_list.source) == 450
        await pilot.press("enter", "G")
        await pilot.pause()
        assert main.article_list.current is not None and main.article_list.cursor == 449
