"""The reader's article header says which model analysed the article (nothing for an older index)."""

from __future__ import annotations

from rich.style import Style

from newsdesk.index.analysis.signature import model_label
from newsdesk.index.annotations import Analysis
from newsdesk.index.article import BODY, Article
from newsdesk.tui.article_render import META, model_line, render_article
from tests.tui.sample_index import write_sample_index


def _header(view) -> str:
    """The article view's lines down to the first blank one (title, date and source, model), joined."""
    lines = []
    for y in range(view.size.height):
        text = view.render_line(y).text.strip()
        if not text:
            break
        lines.append(text)
    return " ".join(lines)


def test_model_line_names_the_tier():
    fast, accurate = model_label(), model_label("de_newsdesk_e5")
    assert model_line(fast) == f"analysed with the fast model · {fast}"
    assert model_line(accurate) == f"analysed with the accurate model (e5) · {accurate}"
    assert model_line("de_core_news_md 3.7.0") == "analysed with de_core_news_md 3.7.0"
    assert model_line("") == ""
    assert "\x1b" not in model_line("x\x1b[31m y")  # no escape sequence reaches the terminal


def test_render_adds_a_dim_meta_line_only_when_the_model_is_known():
    art = Article.from_paragraphs("a", "Titel", [("Text.", BODY, None)], source="/x/a.txt")
    blocks = render_article(art, Analysis(), model=model_label()).blocks
    assert [b.kind for b in blocks[:3]] == ["title", META, META]
    assert blocks[2].text.plain == model_line(model_label()) and blocks[2].text.style == Style(dim=True, italic=True)
    assert [b.kind for b in render_article(art, Analysis()).blocks[:3]] == ["title", META, "body"]


async def test_reader_header_shows_the_model_of_each_article(tmp_path):
    from newsdesk.tui.app import NewsdeskApp

    accurate = model_label("de_newsdesk_e5")
    index = write_sample_index(tmp_path / "index", model=accurate)
    app = NewsdeskApp(None, index)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        main = app.screen
        assert main.current is not None and main.current.model == accurate
        header = _header(main.article_view)
        assert header.endswith(f"analysed with the accurate model (e5) · {accurate}")
        assert header.startswith(main.current.article.title)
        await pilot.press("j")
        await pilot.pause()
        assert main.current_id == "nato-wien"
        assert _header(main.article_view).endswith(f"analysed with the accurate model (e5) · {accurate}")


async def test_an_older_index_shows_no_model_line(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        header = _header(app.screen.article_view)
        assert app.screen.current.model == ""
        assert header.startswith(app.screen.current.article.title) and "budapest" in header
        assert "analysed with" not in header
