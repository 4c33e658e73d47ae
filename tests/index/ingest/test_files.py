import codecs
import json
import os
import unicodedata
from pathlib import Path

import pytest

from newsdesk.index.article import Article
from newsdesk.index.ingest import Skipped, iter_files, read_file, read_paths

GERMAN = (
    "Die Bürgermeisterin von Köln äußerte sich am Montag über die Straßenbahn. "
    "Größere Änderungen seien für das Frühjahr geplant, sagte sie."
)
CP1252 = "„Wir müssen jetzt handeln“ – sagte der Minister; die Kosten: 5 € pro Kopf."


def seed_text(body=GERMAN, date="2025-10-21"):
    return f" date {date} {body}\n\nZweiter Absatz mit weiteren Angaben über den Vorgang in Berlin.\n"


def only(items):
    items = list(items)
    assert len(items) == 1, items
    return items[0]


def read_one(path, **kw):
    return only(read_file(path, **kw))


# --- walking -----------------------------------------------------------------------------------


def test_iter_files_sorted_recursive_hidden_and_unsupported_skipped(tmp_path):
    for name in ["b.txt", "a.md", "sub/c.json", "sub/deeper/d.jsonl", "e.html", "f.htm", "g.TXT",
                 ".hidden.txt", ".git/x.txt", "notes.rst", "image.png"]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")
    found = [p.relative_to(tmp_path).as_posix() for p in iter_files(tmp_path)]
    assert found == ["a.md", "b.txt", "e.html", "f.htm", "g.TXT", "sub/c.json", "sub/deeper/d.jsonl"]
    assert list(iter_files(tmp_path)) == list(iter_files(str(tmp_path)))


def test_several_paths_in_given_order_without_duplicates(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "b.txt").write_text("x")
    found = list(iter_files([tmp_path / "d", tmp_path / "a.txt", tmp_path]))
    assert [p.name for p in found] == ["b.txt", "a.txt"]


def test_symlink_loops_and_dangling_links_do_not_hang(tmp_path):
    loop = tmp_path / "loop"
    loop.mkdir()
    (loop / "self").symlink_to(loop, target_is_directory=True)
    (loop / "a.txt").write_text(seed_text())
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "missing.txt")
    (tmp_path / "x").symlink_to(tmp_path / "y")
    (tmp_path / "y").symlink_to(tmp_path / "x")
    (tmp_path / "x.txt").symlink_to(tmp_path / "y.txt")
    (tmp_path / "y.txt").symlink_to(tmp_path / "x.txt")
    results = [r if isinstance(r, Article) else str(r) for r in read_paths(tmp_path)]
    assert results[0] == f"{tmp_path / 'dangling.txt'}: broken symbolic link"
    assert isinstance(results[1], Article) and results[1].source == str(loop / "a.txt")
    assert results[2:] == [f"{tmp_path / 'x.txt'}: symbolic link loop", f"{tmp_path / 'y.txt'}: symbolic link loop"]
    assert [p.name for p in iter_files(tmp_path)] == ["a.txt"]


def test_missing_and_unsupported_arguments_are_skipped(tmp_path):
    (tmp_path / "notes.rst").write_text("x")
    missing, unsupported = list(read_paths([tmp_path / "nope", tmp_path / "notes.rst"]))
    assert isinstance(missing, Skipped) and "no such file" in missing.reason
    assert isinstance(unsupported, Skipped) and "unsupported file type" in unsupported.reason


def test_unreadable_file_and_folder(tmp_path, monkeypatch):
    (tmp_path / "locked.txt").write_text(seed_text())
    (tmp_path / "dir").mkdir()
    (tmp_path / "dir" / "a.txt").write_text(seed_text())
    (tmp_path / "ok.txt").write_text(seed_text())
    real_scandir, real_open = os.scandir, open

    def scandir(path):  # as an unprivileged user would see a chmod 0 folder and file (tests run as root too)
        if Path(path).name == "dir":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    def guarded_open(path, *args, **kwargs):
        if Path(path).name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr("newsdesk.index.ingest.files.os.scandir", scandir)
    monkeypatch.setattr("newsdesk.index.ingest.files.open", guarded_open, raising=False)
    results = [r if isinstance(r, Article) else str(r) for r in read_paths(tmp_path)]
    assert results[0] == f"{tmp_path / 'dir'}: cannot read folder (permission denied)"
    assert results[1] == f"{tmp_path / 'locked.txt'}: permission denied"
    assert isinstance(results[2], Article) and len(results) == 3


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_chmod_0_file(tmp_path):
    path = tmp_path / "locked.txt"
    path.write_text(seed_text())
    path.chmod(0)
    assert str(read_one(path)) == f"{path}: permission denied"


def test_file_vanishing_between_walk_and_read(tmp_path):
    (tmp_path / "a.txt").write_text(seed_text())
    (tmp_path / "b.txt").write_text(seed_text())
    results = []
    for item in read_paths(tmp_path):
        results.append(item)
        (tmp_path / "b.txt").unlink(missing_ok=True)
    assert isinstance(results[0], Article)
    assert isinstance(results[1], Skipped) and "vanished" in results[1].reason
    assert str(only(read_file(tmp_path / "b.txt"))) == f"{tmp_path / 'b.txt'}: file vanished (no such file)"


# --- encodings -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, data",
    [
        ("utf8.txt", seed_text().encode("utf-8")),
        ("utf8-bom.txt", codecs.BOM_UTF8 + seed_text().encode("utf-8")),
        ("latin1.txt", seed_text().encode("latin-1")),
        ("cp1252.txt", seed_text().encode("cp1252")),
        ("utf16-le-bom.txt", seed_text().encode("utf-16")),
        ("utf16-be-bom.txt", codecs.BOM_UTF16_BE + seed_text().encode("utf-16-be")),
        ("utf16-le.txt", seed_text().encode("utf-16-le")),
        ("utf16-be.txt", seed_text().encode("utf-16-be")),
        ("decomposed.txt", unicodedata.normalize("NFD", seed_text()).encode("utf-8")),
        ("crlf.txt", seed_text().replace("\n", "\r\n").encode("utf-8")),
    ],
)
def test_encodings(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    article = read_one(path)
    assert article.text.startswith("Die Bürgermeisterin von Köln äußerte sich am Montag über die Straßenbahn.")
    assert "Größere Änderungen seien für das Frühjahr" in article.text
    assert article.date is not None and len(article.paragraphs) == 2


def test_cp1252_punctuation(tmp_path):
    path = tmp_path / "cp.txt"
    path.write_bytes(seed_text(CP1252).encode("cp1252"))
    assert read_one(path).text.startswith(CP1252)


def test_escapes_and_invisibles_stripped_markup_kept(tmp_path):
    body = (
        "Markup [bold red]rot[/bold red] bleibt. ANSI \x1b[31mrot\x1b[0m, OSC \x1b]0;pwned\x07weg, "
        "Bidi \u202eesrever\u202c, Stra\u00adßen\u200bbahn\tTab."
    )
    path = tmp_path / "h.txt"
    path.write_text(seed_text(body), encoding="utf-8")
    article = read_one(path)
    assert article.text.startswith(
        "Markup [bold red]rot[/bold red] bleibt. ANSI rot, OSC weg, Bidi esrever, Straßenbahn Tab."
    )
    assert all(ch not in article.text for ch in "\x1b\x07\u202e\u00ad\u200b\t")


# --- bad input -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, data, reason",
    [
        ("binary.txt", bytes(range(256)) * 64, "binary"),
        ("png-as-text.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 16, "PNG"),
        ("nul-bytes.txt", b"Ein Text\x00mit\x00NUL\x00Bytes\x00" * 50, "NUL"),
        ("controls.md", b"\x01\x02\x03\x04\x05\x06abc" * 100, "control"),
        ("truncated-utf8.txt", seed_text().encode() + b"Stra\xc3", "invalid UTF-8"),
        ("empty.txt", b"", "empty"),
        ("whitespace.txt", b"   \n\n\t  \n", "empty"),
        ("bom-only.txt", codecs.BOM_UTF8 + b"\n \n", "empty"),
        ("broken.json", b'{"title": "Kaputt", "text": "Anf', "invalid JSON"),
        ("nested.json", b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        ("no-text.json", json.dumps({"title": "Ohne Text"}).encode(), "no text"),
        ("empty.jsonl", b"\n\n", "empty"),
        ("empty.html", b"<html><body></body></html>", "no article text"),
    ],
)
def test_bad_files_are_skipped_with_one_line(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    skipped = only(read_paths(tmp_path))
    assert isinstance(skipped, Skipped)
    assert skipped.path == str(path)
    assert reason in skipped.reason
    assert str(skipped) == f"{path}: {skipped.reason}" and "\n" not in str(skipped)


def test_file_over_the_limit_is_skipped_without_reading_it(tmp_path, monkeypatch):
    path = tmp_path / "big.txt"
    path.write_text(seed_text())
    size = path.stat().st_size

    def no_open(*a, **kw):
        raise AssertionError("a file over the limit must not be opened")

    monkeypatch.setattr("builtins.open", no_open)
    skipped = read_one(path, max_bytes=size - 1)
    assert isinstance(skipped, Skipped) and "too large" in skipped.reason
    monkeypatch.undo()
    assert isinstance(read_one(path, max_bytes=size), Article)


def test_sparse_huge_file_is_skipped(tmp_path):
    path = tmp_path / "huge-line.txt"
    with open(path, "wb") as f:
        f.truncate(50_000_000)  # sparse: 50 MB without using the disk
    skipped = read_one(path)
    assert isinstance(skipped, Skipped) and "too large" in skipped.reason and "20.0 MB" in skipped.reason


def test_skipped_str_is_one_line_for_odd_file_names():
    assert str(Skipped("a\nb.txt", "bad\nreason")) == "a\\nb.txt: bad\\nreason"


# --- ids --------------------------------------------------------------------------------------


def test_ids_are_stable_and_distinct(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(seed_text())
    (tmp_path / "b.txt").write_text(seed_text())  # same content, different file
    first = [a.id for a in read_paths(tmp_path)]
    again = [a.id for a in read_paths(tmp_path)]
    assert first == again and len(set(first)) == 2
    monkeypatch.chdir(tmp_path)
    assert [a.id for a in read_paths(".")] == first  # relative or absolute: same ids
    assert [a.source for a in read_paths(".")] == ["a.txt", "b.txt"]


def test_walk_paths_reports_what_iter_files_passes_over(tmp_path):
    from newsdesk.index.ingest import walk_paths

    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "dangling.md").symlink_to(tmp_path / "missing.md")
    items = [str(i) if isinstance(i, Skipped) else i.name for i in walk_paths([tmp_path, tmp_path / "nope.txt"])]
    assert items == ["a.txt", f"{tmp_path / 'dangling.md'}: broken symbolic link", f"{tmp_path / 'nope.txt'}: no such file or folder"]
    assert [p.name for p in iter_files([tmp_path, tmp_path / "nope.txt"])] == ["a.txt"]
