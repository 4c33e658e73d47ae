import datetime as dt
import json

from newsdesk.index.article import Article
from newsdesk.index.ingest import Skipped, read_file, read_paths

TEXT = "Die Bürgermeisterin von Köln äußerte sich am Montag über die Straßenbahn.\n\nZweiter Absatz über Berlin."


def write_jsonl(path, records):
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")


def test_json_object_with_all_fields(tmp_path):
    path = tmp_path / "a.json"
    path.write_text(json.dumps({
        "id": "zdf-123", "title": "Köln plant neue Straßenbahn", "date": "2025-10-21T08:00:00Z",
        "text": TEXT, "url": "https://example.org/a", "source": "ZDF",
    }), encoding="utf-8")
    [article] = read_file(path)
    assert article.title == "Köln plant neue Straßenbahn"
    assert article.date == dt.date(2025, 10, 21)
    assert article.paragraph_texts() == ["Die Bürgermeisterin von Köln äußerte sich am Montag über die Straßenbahn.", "Zweiter Absatz über Berlin."]
    assert (article.url, article.publisher, article.source) == ("https://example.org/a", "ZDF", str(path))


def test_json_array_paragraphs_publisher_and_german_dates(tmp_path):
    path = tmp_path / "many.json"
    path.write_text(json.dumps([
        {"paragraphs": ["Erster Absatz.", "Zweiter Absatz."], "date": "21.10.2025", "publisher": {"name": "Tagesschau"}},
        {"text": "Zeile eins.\nZeile zwei.", "headline": "Schlagzeile"},
        {"title": "Ohne Text"},
        "kein Objekt",
    ]), encoding="utf-8")
    results = list(read_file(path))
    first, second, no_text, not_object = results
    assert first.paragraph_texts() == ["Erster Absatz.", "Zweiter Absatz."] and first.date == dt.date(2025, 10, 21)
    assert first.publisher == "Tagesschau" and first.title == "Erster Absatz."
    assert second.paragraph_texts() == ["Zeile eins.", "Zeile zwei."] and second.title == "Schlagzeile"
    assert str(no_text) == f"{path}:item 3: no text (a 'text' or 'paragraphs' field is required)"
    assert isinstance(not_object, Skipped) and "not an article object" in not_object.reason
    assert len({first.id, second.id}) == 2


def test_json_wrapper_object_and_invalid_date(tmp_path):
    path = tmp_path / "feed.json"
    path.write_text(json.dumps({"articles": [{"text": "Ein Satz.", "date": "2025-13-45"}]}))
    [article] = read_file(path)
    assert article.date is None and article.warnings == ["invalid date '2025-13-45': date unknown"]


def test_jsonl_broken_line_is_skipped_and_the_rest_read(tmp_path):
    path = tmp_path / "a.jsonl"
    write_jsonl(path, [
        {"id": "ok-0", "title": "Meldung 0", "date": "2025-10-20", "text": TEXT},
        '{"id": "broken", "text": "unterminated',
        "",
        {"id": "ok-1", "title": "Meldung 1", "date": "2025-10-21", "text": TEXT},
        {"id": "no-text"},
        "[1, 2]",
    ])
    results = list(read_file(path))
    assert [r.title for r in results if isinstance(r, Article)] == ["Meldung 0", "Meldung 1"]
    skipped = [str(r) for r in results if isinstance(r, Skipped)]
    assert skipped[0].startswith(f"{path}:line 2: invalid JSON")
    assert skipped[1] == f"{path}:line 5: no text (a 'text' or 'paragraphs' field is required)"
    assert skipped[2] == f"{path}:line 6: not an article object (a JSON list)"


def test_jsonl_ids_follow_the_id_field_not_the_line(tmp_path):
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    write_jsonl(a, [{"id": "x", "text": "Eins."}, {"text": "Zwei."}, {"id": "x", "text": "Doppelt."}])
    write_jsonl(b, [{"text": "Null."}, {"id": "x", "text": "Eins."}])
    ida = [r.id for r in read_file(a)]
    assert ida == [r.id for r in read_file(a)]  # stable across runs
    assert len(set(ida)) == 3
    idb = [r.id for r in read_file(b)]
    assert not set(ida) & set(idb)  # different files never share ids
    a2 = tmp_path / "a2.jsonl"
    write_jsonl(a2, [{"text": "Neu."}, {"id": "x", "text": "Eins."}])
    a2.replace(a)  # same file, a line inserted before the article with id "x"
    assert [r.id for r in read_file(a)][1] == ida[0]
    duplicate = list(read_file(tmp_path / "b.jsonl"))
    assert not duplicate[0].warnings


def test_jsonl_duplicate_id_warns(tmp_path):
    path = tmp_path / "a.jsonl"
    write_jsonl(path, [{"id": 7, "text": "Eins."}, {"id": 7, "text": "Zwei."}])
    first, second = read_file(path)
    assert first.id != second.id and second.warnings == ["duplicate id '7' in this file"]


def test_jsonl_limit_applies_per_line_and_long_lines_are_not_kept(tmp_path):
    path = tmp_path / "big.jsonl"
    small = json.dumps({"text": "Kurze Meldung aus Köln."})
    with open(path, "w", encoding="utf-8") as f:
        f.write(small + "\n")
        f.write(json.dumps({"text": "x" * 5000}) + "\n")
        for _ in range(200):
            f.write(small + "\n")
    results = list(read_file(path, max_bytes=1000))  # the file is far larger than the limit
    assert sum(isinstance(r, Article) for r in results) == 201
    [skipped] = [r for r in results if isinstance(r, Skipped)]
    assert skipped.path == f"{path}:line 2" and "larger than the size limit" in skipped.reason


def test_jsonl_bom_utf16_and_cp1252_lines(tmp_path):
    record = {"title": "Grüße", "text": "„Köln“ – 5 €."}
    (tmp_path / "bom.jsonl").write_bytes(b"\xef\xbb\xbf" + json.dumps(record, ensure_ascii=False).encode() + b"\n")
    (tmp_path / "utf16.jsonl").write_bytes((json.dumps(record, ensure_ascii=False) + "\n").encode("utf-16"))
    (tmp_path / "cp1252.jsonl").write_bytes((json.dumps(record, ensure_ascii=False) + "\n").encode("cp1252"))
    for article in read_paths(tmp_path):
        assert isinstance(article, Article), article
        assert article.title == "Grüße" and article.text == "„Köln“ – 5 €."


def test_jsonl_binary_file_is_one_skip(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_bytes(bytes(range(256)) * 100)
    [skipped] = read_file(path)
    assert skipped.path == str(path) and "binary" in skipped.reason


def test_text_is_cleaned_in_json(tmp_path):
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"title": "T\x1b[31mitel\x1b[0m", "text": "Stra\u00adße [bold]bleibt[/bold]\u202e."}))
    [article] = read_file(path)
    assert article.title == "Titel" and article.text == "Straße [bold]bleibt[/bold]."


def test_deeply_nested_text_field_does_not_crash(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text('{"text": ' + "[" * 50_000 + "]" * 50_000 + "}\n" + json.dumps({"text": "Gut."}) + "\n")
    first, second = read_file(path)
    assert isinstance(first, Skipped) and "nested too deeply" in first.reason
    assert second.text == "Gut."


def test_jsonl_stray_nul_skips_only_its_line(tmp_path):
    path = tmp_path / "nul.jsonl"
    lines = [json.dumps({"text": f"Meldung {i} aus Köln."}).encode() for i in range(200)]
    lines[3] = b'{"text": "kaputt\x00"}'
    path.write_bytes(b"\n".join(lines) + b"\n")
    results = list(read_file(path))
    assert sum(isinstance(r, Article) for r in results) == 199
    [skipped] = [r for r in results if isinstance(r, Skipped)]
    assert skipped.path == f"{path}:line 4" and "NUL" in skipped.reason


def test_jsonl_utf16_without_bom(tmp_path):
    path = tmp_path / "u16.jsonl"
    path.write_bytes((json.dumps({"text": "Grüße aus Köln."}, ensure_ascii=False) + "\n").encode("utf-16-le") * 3)
    assert [a.text for a in read_file(path)] == ["Grüße aus Köln."] * 3


def test_json_lines_in_a_json_file(tmp_path):
    path = tmp_path / "lines.json"
    write_jsonl(path, [{"text": "Eins."}, "{kaputt", {"text": "Zwei."}])
    first, broken, second = read_file(path)
    assert (first.text, second.text) == ("Eins.", "Zwei.")
    assert broken.path == f"{path}:line 2" and "invalid JSON" in broken.reason
    (tmp_path / "two.json").write_text('{"text": "a"} {"text": "b"}')
    [skipped] = read_file(tmp_path / "two.json")
    assert "Extra data" in skipped.reason
