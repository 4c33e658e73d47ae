import datetime as dt

from newsdesk.index.ingest.seed_text import read_text_article, split_date_line


def test_date_line_with_leading_white_space_and_text_on_the_same_line():
    dated = split_date_line(" date 2025-10-21 Erster Satz. Zweiter Satz.\n\nZweiter Absatz.")
    assert dated.date == dt.date(2025, 10, 21) and dated.has_date_line and not dated.warnings
    assert dated.body == "Erster Satz. Zweiter Satz.\n\nZweiter Absatz."


def test_other_date_forms_on_the_date_line():
    assert split_date_line("date: 21.10.2025\nText.").date == dt.date(2025, 10, 21)
    assert split_date_line("\tDATE 2025-10-21 Text.").date == dt.date(2025, 10, 21)
    assert split_date_line("Datum:21.10.2025 Text.").body == "Text."


def test_bogus_date_line_gives_none_and_a_warning():
    dated = split_date_line(" date 2025-13-45 Ein Artikel mit unmöglichem Datum.")
    assert dated.date is None and dated.has_date_line
    assert dated.warnings == ["invalid date line '2025-13-45': date unknown"]
    assert dated.body == "Ein Artikel mit unmöglichem Datum."


def test_no_date_line():
    for text in ("Ein Artikel ohne Datumszeile.", "date night in Berlin war schön.", "Das date 2025-10-21 steht mitten drin."):
        dated = split_date_line(text)
        assert dated.date is None and not dated.has_date_line and not dated.warnings and dated.body == text


def test_read_text_article_paragraphs():
    date, paragraphs, warnings, has_line = read_text_article(" date 2025-10-16 Lead.\n\nZeile eins\nzeile zwei\n\n\n\nEnde.\n")
    assert date == dt.date(2025, 10, 16) and has_line and not warnings
    assert paragraphs == ["Lead.", "Zeile eins\nzeile zwei", "Ende."]
