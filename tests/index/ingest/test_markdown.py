import datetime as dt

from newsdesk.index.article import BODY, HEADING
from newsdesk.index.ingest import read_file
from newsdesk.index.ingest.markdown import parse_markdown, strip_inline


def test_strip_inline_markdown():
    assert strip_inline("Der **Gipfel** in *Budapest* mit [Trump](https://x.example/a_(b)) und `Putin`") == (
        "Der Gipfel in Budapest mit Trump und Putin"
    )
    assert strip_inline("__fett__ _kursiv_ ~~weg~~ ***beides*** snake_case_name 2*3*4") == (
        "fett kursiv weg beides snake_case_name 2*3*4"
    )
    assert strip_inline("![Foto von Trump](bild.jpg) <span>Text</span> [Ref][1] \\*kein\\* <https://example.org>") == (
        "Foto von Trump Text Ref *kein* https://example.org"
    )


def test_parse_markdown_blocks():
    fields, blocks = parse_markdown(
        "---\ntitle: \"Vorspann\"\ndate: 2025-10-21\n---\n# Titel\n\nAbsatz\nzweite Zeile.\n\n## Unter\n\n"
        "- eins\n- zwei\n\n> Zitat\n> weiter\n\n```\ncode block\n```\n\n***\n\n[1]: https://example.org\nUnter zwei\n===\n"
    )
    assert fields == {"title": "Vorspann", "date": "2025-10-21"}
    assert blocks == [
        ("Titel", "heading1"), ("Absatz zweite Zeile.", None), ("Unter", "heading2"), ("eins", None), ("zwei", None),
        ("Zitat weiter", None), ("code block", None), ("Unter zwei", "heading1"),
    ]


def test_markdown_article(tmp_path):
    path = tmp_path / "gipfel.md"
    path.write_text(
        "# Gipfel in *Budapest*\n\nDer **Gipfel** zwischen [Trump](https://x.example) und Putin könnte am 8. November "
        "stattfinden.\n\n## Zweifel in Moskau\n\nDer Kreml sieht noch _viele_ offene Fragen.\n",
        encoding="utf-8",
    )
    [article] = read_file(path)
    assert article.title == "Gipfel in Budapest" and article.date is None
    assert [(t, p.kind) for t, p in zip(article.paragraph_texts(), article.paragraphs)] == [
        ("Der Gipfel zwischen Trump und Putin könnte am 8. November stattfinden.", BODY),
        ("Zweifel in Moskau", HEADING),
        ("Der Kreml sieht noch viele offene Fragen.", BODY),
    ]


def test_markdown_with_front_matter_or_date_line(tmp_path):
    (tmp_path / "a.md").write_text("---\ntitle: Vom Vorspann\ndate: 21.10.2025\nsource: ZDF\n---\nText hier.\n")
    [a] = read_file(tmp_path / "a.md")
    assert (a.title, a.date, a.publisher, a.text) == ("Vom Vorspann", dt.date(2025, 10, 21), "ZDF", "Text hier.")
    (tmp_path / "b.md").write_text(" date 2025-10-16 Trump will Putin **treffen**. Mehr dazu später.\n\nZweiter Absatz.")
    [b] = read_file(tmp_path / "b.md")
    assert (b.title, b.date) == ("Trump will Putin treffen.", dt.date(2025, 10, 16))


def test_markdown_without_heading_uses_first_sentence(tmp_path):
    (tmp_path / "c.md").write_text("Erster *Satz* ist hier. Zweiter folgt.\n")
    [c] = read_file(tmp_path / "c.md")
    assert c.title == "Erster Satz ist hier." and c.text == "Erster Satz ist hier. Zweiter folgt."
