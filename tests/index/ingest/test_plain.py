"""The bundled seeds and plain-text files, read end to end."""

import datetime as dt
from pathlib import Path

import pytest

from newsdesk.index.article import BODY, CAPTION, HEADING
from newsdesk.index.ingest import Skipped, read_file

SEEDS = Path(__file__).resolve().parents[3] / "seeds"
DISCLAIMER = "Wir nutzen künstliche Intelligenz, um Zusammenfassungen unserer Artikel zu erstellen."


def seed(prefix):
    [path] = SEEDS.glob(prefix + "_*.txt")
    [article] = read_file(path)
    return article


def kinds(article):
    return [(article.text[p.start : p.end], p.kind) for p in article.paragraphs]


def run_in_headings(article):
    return [article.text[p.start : p.heading_end] for p in article.paragraphs if p.heading_end]


def test_seed_000_date_title_and_run_in_headings():
    article = seed("000")
    assert article.date == dt.date(2025, 10, 21)
    assert "künstliche Intelligenz" not in article.title
    assert article.title.startswith('"Wahrscheinlich in den nächsten zwei Wochen" werde er')
    assert len(article.title) <= 80 and article.title.endswith("…")
    assert run_in_headings(article) == ["Vorbereitungstreffen zwischen Rubio und Lawrow", "Differenzen über Beendigung des Krieges"]
    # the disclaimer stays in the text, as a caption
    assert article.text.startswith(DISCLAIMER)
    assert article.paragraphs[0].kind == CAPTION
    assert [p.kind for p in article.paragraphs[1:]] == [BODY, BODY, BODY]
    assert article.source.endswith("000_679100aab88e780d.txt") and not article.warnings


def test_seed_003_title_headings_and_captions():
    article = seed("003")
    assert article.date == dt.date(2025, 10, 16)
    assert article.title == "Trump will Russlands Staatschef Putin in Budapest treffen."
    headings = [t for t, k in kinds(article) if k == HEADING]
    assert headings == ["Trump stellte Tomahawk-Lieferung an Kiew in Aussicht", "Treffen in Alaska brachte keine Fortschritte"]
    captions = [t for t, k in kinds(article) if k == CAPTION]
    assert captions[0] == "Zeigt sich nach dem Gespräch mit Wladimir Putin zufrieden: Donald Trump. (Archivbild) Quelle: AP"
    assert captions[1].endswith("10.09.2025 | 0:21 min")
    assert all(c.endswith(" min") for c in captions[1:])
    assert len(captions) == 4
    assert run_in_headings(article) == []
    # the lead is part of the text; offsets are consistent
    assert article.text.startswith("Trump will Russlands Staatschef Putin in Budapest treffen. Das kündigte")
    assert "\n\n".join(article.paragraph_texts()) == article.text


def test_plain_text_without_date_line(tmp_path):
    path = tmp_path / "notiz.txt"
    path.write_text("Gipfel in Budapest\n\nDer Gipfel zwischen Trump und Putin\nkönnte am 8. November stattfinden.\n", encoding="utf-8")
    [article] = read_file(path)
    assert article.date is None and not article.warnings
    assert article.title == "Gipfel in Budapest"
    assert article.text == "Der Gipfel zwischen Trump und Putin könnte am 8. November stattfinden."


def test_bogus_date_line(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(" date 2025-13-45 Ein Artikel mit unmöglichem Datum.\n\nZweiter Absatz.", encoding="utf-8")
    [article] = read_file(path)
    assert article.date is None
    assert article.warnings == ["invalid date line '2025-13-45': date unknown"]
    assert article.text.startswith("Ein Artikel mit unmöglichem Datum.")


def test_only_a_date_line_is_skipped(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(" date 2025-10-21   \n\n", encoding="utf-8")
    [skipped] = read_file(path)
    assert isinstance(skipped, Skipped) and "no text" in skipped.reason


@pytest.mark.parametrize("title_line", ["Wir nutzen KI, um Zusammenfassungen unserer Artikel zu erstellen", "Lesen Sie auch"])
def test_boilerplate_first_line_is_no_title(tmp_path, title_line):
    path = tmp_path / "a.txt"
    path.write_text(f"{title_line}\n\nDer Kanzler reist nach Paris. Dort trifft er Macron.", encoding="utf-8")
    [article] = read_file(path)
    assert article.title == "Der Kanzler reist nach Paris."
