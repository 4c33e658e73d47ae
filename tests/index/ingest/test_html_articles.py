import datetime as dt

from newsdesk.index.article import BODY, HEADING
from newsdesk.index.ingest import Skipped, read_file

PAGE = """<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8">
<title>Trump will Putin in Budapest treffen | Beispielnachrichten</title>
<meta property="og:title" content="Trump will Putin in Budapest treffen">
<meta property="og:site_name" content="Beispielnachrichten">
<link rel="canonical" href="https://nachrichten.example/politik/trump-putin-budapest">
<meta property="article:published_time" content="2025-10-16T10:00:00+02:00">
</head><body>
<nav><a href="/">Startseite</a> <a href="/politik">Politik</a></nav>
<article>
<h1>Trump will Putin in Budapest treffen</h1>
<p>Trump will Russlands Staatschef Putin in Budapest treffen. Das kündigte der US-Präsident nach einem Telefonat
mit dem Kremlchef an. Einen Zeitpunkt nannte er nicht.</p>
<p>US-Präsident Donald Trump plant nach eigenen Angaben ein weiteres Treffen mit dem russischen Staatschef
Wladimir Putin. Das schrieb der Republikaner nach einem Telefongespräch mit dem Kremlchef.</p>
<h2>Treffen in Alaska brachte keine Fortschritte</h2>
<p>Trump und Putin hatten sich Mitte August im US-Bundesstaat Alaska getroffen. Das Treffen brachte aber keinerlei
Fortschritte in Richtung einer Waffenruhe, und Russland setzte seine Angriffe fort.</p>
</article>
<footer>Alle Rechte vorbehalten. Impressum. Datenschutz.</footer>
</body></html>"""


def test_html_page(tmp_path):
    path = tmp_path / "seite.html"
    path.write_text(PAGE, encoding="utf-8")
    [article] = read_file(path)
    assert article.title == "Trump will Putin in Budapest treffen"
    assert article.date == dt.date(2025, 10, 16)
    assert article.publisher == "Beispielnachrichten"
    assert article.url == "https://nachrichten.example/politik/trump-putin-budapest"
    texts = article.paragraph_texts()
    assert texts[0].startswith("Trump will Russlands Staatschef Putin in Budapest treffen. Das kündigte der US-Präsident nach")
    assert "Startseite" not in article.text and "Impressum" not in article.text
    assert [p.kind for p in article.paragraphs] == [BODY, BODY, HEADING, BODY]
    assert texts[2] == "Treffen in Alaska brachte keine Fortschritte"


def test_html_in_cp1252_with_date_in_markup(tmp_path):
    page = PAGE.replace('<meta charset="utf-8">', '<meta charset="windows-1252">').replace(
        '<meta property="article:published_time" content="2025-10-16T10:00:00+02:00">',
        '<meta name="date" content="2025-10-17">',
    ).replace("Einen Zeitpunkt", "„Einen Zeitpunkt“ – 5 €")
    path = tmp_path / "seite.htm"
    path.write_bytes(page.encode("cp1252"))
    [article] = read_file(path)
    assert article.date == dt.date(2025, 10, 17)
    assert "Präsident" in article.text and "„Einen Zeitpunkt“ – 5 €" in article.text


def test_html_without_date_or_text(tmp_path):
    path = tmp_path / "ohne.html"
    path.write_text("<html><body><p>Ein kurzer Text ohne Datum, aber mit Inhalt über Köln.</p></body></html>", encoding="utf-8")
    [article] = read_file(path)
    assert article.date is None and article.text == "Ein kurzer Text ohne Datum, aber mit Inhalt über Köln."
    path.write_text("<html><head><title>Leer</title></head><body><nav>Menü</nav></body></html>")
    [skipped] = read_file(path)
    assert isinstance(skipped, Skipped) and "no article text" in skipped.reason


def test_html_escapes_stripped(tmp_path):
    path = tmp_path / "bad.html"
    path.write_text("<html><body><p>Text \x1b]0;pwned\x07mit \x1b[31mFarbe\x1b[0m und [bold]Markup[/bold].</p></body></html>")
    [article] = read_file(path)
    assert article.text == "Text mit Farbe und [bold]Markup[/bold]."


def test_html_declared_charset_is_honoured(tmp_path):
    # ISO-8859-2 (Central European): "Łódź" cannot be read right by guessing cp1252
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-2"></head><body>'
        "<p>Die Stadt Łódź in Polen feierte am Wochenende ihr Jubiläum mit einem großen Fest und vielen Gästen.</p>"
        "</body></html>"
    )
    path = tmp_path / "pl.html"
    path.write_bytes(page.encode("iso-8859-2"))
    [article] = read_file(path)
    assert "Łódź" in article.text and "großen" in article.text


def test_html_wrong_declaration_falls_back_to_detection(tmp_path):
    page = '<html><head><meta charset="utf-8"></head><body><p>Grüße aus Köln – „Straßenbahn“ für 5 €.</p></body></html>'
    path = tmp_path / "wrong.html"
    path.write_bytes(page.encode("cp1252"))
    [article] = read_file(path)
    assert article.text == "Grüße aus Köln – „Straßenbahn“ für 5 €."


def test_deeply_nested_html_does_not_crash(tmp_path):
    path = tmp_path / "deep.html"
    path.write_text("<html><body>" + "<div>" * 50_000 + "<p>Tief verschachtelter Text über Köln und Berlin.</p>" + "</div>" * 50_000 + "</body></html>")
    [item] = read_file(path)
    if isinstance(item, Skipped):  # lxml gives up on such depth: a clear reason, not a crash
        assert item.reason == "no article text found in the HTML page"
    else:
        assert "Tief verschachtelter Text" in item.text


def test_html_line_breaks_lists_and_quotes(tmp_path):
    path = tmp_path / "br.html"
    path.write_text(
        "<html><body><article><p>Zeile eins<br>Zeile zwei mit <b>fett</b>em Wort und <a href='x'>Link</a>.</p>"
        + "<p>" + "Mehr Text über Köln und Berlin. " * 10 + "</p>"
        + "<ul><li>Punkt <i>eins</i></li><li>Punkt zwei</li></ul><blockquote><p>Zitat über den Gipfel hier</p></blockquote>"
        + "</article></body></html>",
        encoding="utf-8",
    )
    [article] = read_file(path)
    texts = article.paragraph_texts()
    assert texts[0] == "Zeile eins Zeile zwei mit fettem Wort und Link."
    assert texts[2:] == ["Punkt eins", "Punkt zwei", "Zitat über den Gipfel hier"]
