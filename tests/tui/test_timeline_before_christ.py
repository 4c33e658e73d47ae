"""The timeline places events before Christ where they belong: before the others, earliest first,
under headings written as a person writes them ("1500 v. Chr.", "14. Jh. v. Chr.")."""

from __future__ import annotations

import datetime as dt

import pytest

from newsdesk.tui.list_sources import TimelineHeading, TimelineRows
from newsdesk.tui.screens.main import MainScreen
from tests.index.store.helpers import TaggerAnalyzer, article, write_index
from tests.tui.pilot_steps import open_timeline

ARTICLES = [
    article("museum", "Museum in Ankara", "Am 3. März 2025 eröffnete das Museum in Ankara.\n\n"
            "Karthago wurde 146 v. Chr. von den Römern zerstört.", dt.date(2025, 3, 5)),
    article("hethiter", "Die Hethiter", "Von 1500 bis 1200 v. Chr. herrschten die Hethiter über Anatolien.\n\n"
            "Im 14. Jahrhundert v. Chr. schmiedeten sie Schwerter aus Eisen.\n\n"
            "Im Frühjahr 479 v. Chr. zogen die Spartaner nach Norden.", dt.date(2025, 3, 1)),
    article("rom", "Rom", "Im März 2025 tagte der Rat.\n\nIm Jahr 1500 vor Christus lebte dort niemand.",
            dt.date(2025, 3, 20)),
]


@pytest.fixture(scope="module")
def antiquity_index(tmp_path_factory):
    path = tmp_path_factory.mktemp("antiquity") / "index"
    write_index(path, ARTICLES, TaggerAnalyzer())
    return path


async def test_timeline_puts_events_before_christ_first_under_their_years(antiquity_index):
    from newsdesk.tui.app import NewsdeskApp

    app = NewsdeskApp(None, antiquity_index)
    async with app.run_test(size=(120, 40)) as pilot:
        main = app.screen
        timeline = await open_timeline(pilot)
        source = timeline.timeline.source
        assert isinstance(source, TimelineRows)
        shown = [row.label if isinstance(row, TimelineHeading) else row.event.when for row in source.rows]
        assert shown == [
            "1500 v. Chr.", "1500 – 1200 v. Chr.", "1500 v. Chr.",
            "14. Jh. v. Chr.", "14. Jh. v. Chr.",
            "479 v. Chr.", "Frühjahr 479 v. Chr.",
            "146 v. Chr.", "146 v. Chr.",
            "2025", "März 2025", "März 2025", "3. März 2025",
        ]
        # the rows as drawn: the date as written in the first column, the article's title below
        lines = source.lines(1, 120, lambda name: "")
        assert lines[0].plain.startswith("  1500 – 1200 v. Chr.   ") and lines[0].plain.endswith("Von 1500 bis 1200")
        assert lines[1].plain.rstrip().endswith("Die Hethiter")
        # the cursor starts on the earliest event; Enter opens its article at its sentence
        assert timeline.timeline.cursor == 1
        assert timeline.timeline.position_text == "1/7"
        await pilot.press("enter")
        assert app.screen is main and isinstance(main, MainScreen)
        assert main.current_id == "hethiter"
        text = main.current.article.text
        start, end = main.article_view.marked
        assert text[start:end] == "Von 1500 bis 1200 v. Chr. herrschten die Hethiter über Anatolien."


def test_timeline_before_christ_snapshot(snap_compare, antiquity_index):
    from newsdesk.tui.app import NewsdeskApp

    async def run_before(pilot):
        await open_timeline(pilot)

    assert snap_compare(NewsdeskApp(None, antiquity_index), terminal_size=(100, 40), run_before=run_before)
