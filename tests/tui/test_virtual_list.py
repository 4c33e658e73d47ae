"""The list renders only the rows on screen, however long the source is."""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult

from newsdesk.tui.widgets.virtual_list import VirtualList


class CountingSource:
    row_height = 2
    empty_message = "empty"

    def __init__(self, n: int) -> None:
        self.n = n
        self.asked: set[int] = set()

    def __len__(self) -> int:
        return self.n

    def item(self, index: int):
        return index

    def lines(self, index, width, style):
        self.asked.add(index)
        return [Text(f"row {index}", style=style("title")), Text("meta", style=style("meta"))]


class ListApp(App):
    def __init__(self, source) -> None:
        super().__init__()
        self.source = source
        self.selected = []

    def compose(self) -> ComposeResult:
        yield VirtualList(self.source)

    def on_virtual_list_selected(self, event: VirtualList.Selected) -> None:
        self.selected.append(event.item)


async def test_only_visible_rows_are_rendered_for_a_huge_source():
    source = CountingSource(100_000)
    app = ListApp(source)
    async with app.run_test(size=(40, 20)) as pilot:
        vlist = app.query_one(VirtualList)
        vlist.focus()
        await pilot.pause()
        assert max(source.asked) < 20
        await pilot.press("G")
        await pilot.pause()
        assert vlist.cursor == 99_999
        assert len(source.asked) < 40
        assert 99_999 in source.asked
        await pilot.press("enter", "k", "enter", "g", "pagedown", "enter")
        assert app.selected[:2] == [99_999, 99_998]
        assert app.selected[2] > 0


async def test_click_selects_row_and_empty_message():
    source = CountingSource(10)
    app = ListApp(source)
    async with app.run_test(size=(40, 20)) as pilot:
        await pilot.click(VirtualList, offset=(3, 4))
        assert app.selected == [2]
        app.query_one(VirtualList).set_source(CountingSource(0))
        await pilot.pause()
        assert app.query_one(VirtualList).current is None
