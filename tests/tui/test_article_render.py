import datetime as dt

from rich.console import Console

from newsdesk.index.annotations import Analysis, Entity
from newsdesk.index.article import BODY, CAPTION, HEADING, Article
from newsdesk.tui.article_render import render_article


def _article(paragraphs, **kw):
    return Article.from_paragraphs("a1", kw.pop("title", "Titel"), paragraphs, date=dt.date(2025, 10, 21),
                                   source="/x/a1.txt", **kw)


def _styles_at(text, pos):
    """All span styles that cover position ``pos`` of a Text."""
    return [str(s.style) for s in text.spans if s.start <= pos < s.end]


def test_markup_and_escape_sequences_are_literal_text():
    body = "Vorher [bold red]rot[/bold red] und [link=https://evil.example]klick[/link] \x1b[2J\x1b]52;c;QUJD\x07 Ende"
    art = _article([(body, BODY, None)], title="[blink]Titel[/blink]\x1b[31m")
    rendered = render_article(art, Analysis())
    title = rendered.blocks[0].text
    para = rendered.blocks[2].text
    # The markup is shown as typed; no span was created from it.
    assert title.plain.startswith("[blink]Titel[/blink]")
    assert "[bold red]rot[/bold red]" in para.plain
    assert "[link=https://evil.example]klick[/link]" in para.plain
    assert all("link" not in str(s.style) and "blink" not in str(s.style) for s in para.spans + title.spans)
    assert all("red" not in str(s.style) for s in para.spans)
    # No control character survives, so no escape sequence reaches the terminal.
    for t in (title, para):
        assert not any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 for c in t.plain)
    console = Console(force_terminal=True, color_system="truecolor", width=200)
    with console.capture() as capture:
        console.print(para)
    output = capture.get()
    assert "\x1b]52" not in output and "\x1b[2J" not in output and "\x07" not in output
    assert "[link=https://evil.example]" in output


def test_entities_get_label_styles_and_misc_marks_keep_offsets():
    body = "Putin traf in Wien die Nato beim Eurovision Song Contest."
    ents = [
        Entity(0, 5, "Putin", "PER", "PER:Putin"),
        Entity(14, 18, "Wien", "LOC", "LOC:Wien"),
        Entity(23, 27, "Nato", "ORG", "ORG:Nato"),
        Entity(33, 56, "Eurovision Song Contest", "MISC", "MISC:ESC"),
    ]
    art = _article([(body, BODY, None)])
    block = render_article(art, Analysis(ents)).blocks[2]
    plain = block.text.plain
    assert "‹Eurovision Song Contest›" in plain
    for e in ents:
        a, b = block.position(e.start), block.position(e.end, end=True)
        assert plain[a:b] == e.text
    assert any("bold" in s for s in _styles_at(block.text, block.position(0)))
    assert any("underline" in s for s in _styles_at(block.text, block.position(14)))
    assert any("italic" in s for s in _styles_at(block.text, block.position(23)))


def test_paragraph_structure_headings_and_captions():
    art = _article([
        ("Foto: APA", CAPTION, None),
        ("Zwischentitel", HEADING, None),
        ("Laufender Titel Der Text beginnt hier.", BODY, len("Laufender Titel")),
    ])
    blocks = render_article(art, Analysis()).blocks
    kinds = [(b.kind, b.text.plain) for b in blocks[2:]]
    assert kinds == [
        ("caption", "Foto: APA"),
        ("heading", "Zwischentitel"),
        ("heading", "Laufender Titel"),
        ("body", "Der Text beginnt hier."),
    ]
    assert "italic" in str(blocks[2].text.style) and "dim" in str(blocks[2].text.style)
    assert "bold" in str(blocks[3].text.style)
    assert blocks[0].kind == "title" and blocks[1].kind == "meta"
    assert blocks[1].text.plain == "2025-10-21 · /x/a1.txt"


def test_search_terms_cursor_and_marked_span_are_styled():
    body = "Der Gipfel in Budapest. Gespräche über Budapest folgen."
    ents = [Entity(14, 22, "Budapest", "LOC", "LOC:Budapest"), Entity(39, 47, "Budapest", "LOC", "LOC:Budapest")]
    art = _article([(body, BODY, None)])
    rendered = render_article(art, Analysis(ents), terms=["gesprach"], cursor=ents[1], marked=(0, 23))
    block = rendered.blocks[2]
    gesp = body.index("Gespräche")
    assert any("underline" in s and "on #" in s for s in _styles_at(block.text, gesp))
    assert any("reverse" in s for s in _styles_at(block.text, 40))
    assert not any("reverse" in s for s in _styles_at(block.text, 15))
    assert any("on #" in s for s in _styles_at(block.text, 3))
    assert rendered.locate(40) == (2, 40)
