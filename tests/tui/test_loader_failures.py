"""A store that fails inside a background loader: the reader says so and keeps running.

Each test makes one ``Store`` method raise (as a damaged or vanished index
would), drives the reader with Pilot to the loader that calls it, and checks
that the failure is shown (in place and as a notification) and that the reader
still answers keys afterwards. Before the loaders reported failures, each of
these ended the app (Textual's ``@work`` exits on an error by default).
"""

from __future__ import annotations

import ast
from pathlib import Path

from newsdesk.index.store.store import Store
from newsdesk.tui.list_sources import ArticlePages
from newsdesk.tui.screens.entity import EntityScreen
from newsdesk.tui.screens.main import MainScreen
from tests.tui.pilot_steps import open_timeline


def _broken(*_args, **_kwargs):
    raise OSError(5, "Input/output error")


def _errors(app) -> list[tuple[str, str]]:
    return [(n.title, n.message) for n in app._notifications if n.severity == "error"]


def _empty_message(vlist) -> str:
    assert not len(vlist.source)
    return vlist.source.empty_message


async def _still_reads(pilot, main: MainScreen) -> None:
    """The reader answers keys: back on the main screen, j moves to the next article."""
    app = pilot.app
    while app.screen is not main:
        await pilot.press("escape")
    main.article_list.focus()
    await pilot.pause()
    before = main.article_list.cursor
    await pilot.press("j")
    assert main.article_list.cursor == before + 1
    assert app.is_running and app.return_code is None


async def test_entity_view_reports_failed_mentions(make_app, monkeypatch):
    monkeypatch.setattr(Store, "entity_mentions", _broken)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        main = app.screen
        await pilot.press("enter", "e", "enter")
        assert isinstance(app.screen, EntityScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown = _empty_message(app.screen.query_one("#entity-mentions"))
        assert shown.startswith("Cannot load the entity: ") and "Input/output error" in shown
        assert [title for title, _ in _errors(app)] == ["Cannot load the entity"]
        await _still_reads(pilot, main)


async def test_first_page_of_a_big_index_reports_failure(make_app, monkeypatch):
    from newsdesk.tui.screens import main as main_module

    monkeypatch.setattr(main_module, "BACKGROUND_FIRST_PAGE", 1)
    monkeypatch.setattr(Store, "list_articles", _broken)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        main = app.screen
        assert not main.loading
        assert "Input/output error" in _empty_message(main.article_list)
        assert [title for title, _ in _errors(app)] == ["Cannot load the articles"]
        # a search still runs (it does not wait for a first page that never comes)
        main.run_search("Gipfel")
        assert len(main.article_list.source) >= 1
        assert app.is_running and app.return_code is None


async def test_timeline_reports_failure(make_app, monkeypatch):
    monkeypatch.setattr(Store, "events", _broken)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        main = app.screen
        await open_timeline(pilot)
        assert "Cannot load the timeline: " in _empty_message(app.screen.timeline)
        assert [title for title, _ in _errors(app)] == ["Cannot load the timeline"]
        await pilot.press("t")
        await _still_reads(pilot, main)


async def test_refresh_after_a_commit_reports_failure_once(make_app, monkeypatch):
    from newsdesk.tui.screens import main as main_module

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        main = app.screen
        monkeypatch.setattr(Store, "refresh", _broken)
        for big in (1, 10**9):  # in a thread (a big index), then on the UI thread
            monkeypatch.setattr(main_module, "BACKGROUND_FIRST_PAGE", big)
            app._refresh_store(force=True)
            await app.workers.wait_for_complete()
            await pilot.pause()
        # told once, not at every indexer message
        assert [title for title, _ in _errors(app)] == ["Cannot re-read the index"]
        await _still_reads(pilot, main)
        # the index reads again: the next failure is news again
        monkeypatch.undo()
        app._refresh_store(force=True)
        monkeypatch.setattr(Store, "refresh", _broken)
        app._refresh_store(force=True)
        await pilot.pause()
        assert len(_errors(app)) == 2


async def test_list_page_that_cannot_be_read_says_so(make_app, monkeypatch):
    monkeypatch.setattr(ArticlePages, "PAGE", 2)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        main = app.screen
        original = Store.list_articles
        monkeypatch.setattr(Store, "list_articles", _broken)
        main.load_articles()  # pages are read anew from here on
        await pilot.pause()
        vlist = main.article_list
        assert len(vlist.source) == 5
        assert vlist.source.failure and "Input/output error" in vlist.source.failure
        assert [title for title, _ in _errors(app)] == ["Cannot load the articles"]
        await pilot.press("j", "j", "G")
        await pilot.pause()
        assert app.is_running and app.return_code is None
        assert len(_errors(app)) == 1  # said once, not at every row drawn
        # the index reads again: the rows come back
        monkeypatch.setattr(Store, "list_articles", original)
        await pilot.press("g")
        await pilot.pause()
        assert vlist.current is not None and vlist.source.failure is None


async def test_article_and_search_failures_are_messages(make_app, monkeypatch):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        main = app.screen
        monkeypatch.setattr(Store, "get_article", _broken)
        await pilot.press("j")
        assert [title for title, _ in _errors(app)] == ["Cannot open the article"]
        monkeypatch.setattr(Store, "search", _broken)
        main.run_search("Gipfel")
        assert "cannot search" in str(main.search_bar.query_one("#search-status").render())
        assert app.is_running and app.return_code is None


def _work_decorators(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for deco in node.decorator_list:
                call = deco if isinstance(deco, ast.Call) else None
                func = call.func if call is not None else deco
                if (isinstance(func, ast.Name) and func.id == "work") or (
                    isinstance(func, ast.Attribute) and func.attr == "work"
                ):
                    yield node.name, call


def test_no_reader_worker_can_end_the_app():
    """Every thread worker of the reader is a ``loader`` (or at least never exits on an error)."""
    import newsdesk.tui as tui

    root = Path(tui.__file__).parent
    offenders = []
    for path in sorted(root.rglob("*.py")):
        for name, call in _work_decorators(ast.parse(path.read_text(encoding="utf-8"))):
            keywords = {k.arg: k.value for k in call.keywords} if call is not None else {}
            value = keywords.get("exit_on_error")
            if not (isinstance(value, ast.Constant) and value.value is False):
                offenders.append(f"{path.relative_to(root)}: {name}")
    # loaders.py itself wraps work(..., exit_on_error=False) in a call, not a decorator
    assert offenders == [], "use newsdesk.tui.loaders.loader for background work"

