"""A folder of hostile files together with good articles: every good article is
indexed (and decoded right), every bad file is reported in one line, nothing
hangs, memory stays bounded."""

from __future__ import annotations

import resource

from newsdesk.index.article import Article
from newsdesk.index.ingest import Skipped, read_paths
from newsdesk.index.store import Store

from .conftest import newsdesk, write_synthetic_corpus
from .hostile_inputs import make_corpus


def _by_name(items, folder):
    out: dict[str, list] = {}
    for item in items:
        source = item.source if isinstance(item, Article) else item.path.split(":line ")[0]
        rel = source[len(str(folder)) + 1:]
        out.setdefault(rel, []).append(item)
    return out


def test_ingest_reads_awkward_files_and_skips_bad_ones(tmp_path):
    folder = tmp_path / "corpus"
    manifest = make_corpus(folder)
    found = _by_name(read_paths([folder]), folder)
    for name, phrase in manifest.good.items():
        articles = [a for a in found.get(name, []) if isinstance(a, Article)]
        assert articles, f"{name!r} was not read"
        assert any(phrase in a.text for a in articles), f"{name!r} decoded wrong: {articles[0].text[:120]!r}"
    for name in manifest.bad:
        items = found.get(name, [])
        assert items and all(isinstance(i, Skipped) for i in items), f"{name!r} must be skipped, got {items!r}"
    for items in found.values():
        for item in items:
            if isinstance(item, Skipped):
                line = str(item)
                assert "\n" not in line and "\r" not in line and len(line) < 500
    impossible = found["impossible-date.txt"][0]
    assert impossible.date is None and impossible.warnings


def test_index_command_on_hostile_folder(tmp_path, data_dir):
    folder = tmp_path / "corpus"
    manifest = make_corpus(folder)
    write_synthetic_corpus(folder / "good", 20)
    index_dir = tmp_path / "index"
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    run = newsdesk("index", "-q", "--index", str(index_dir), str(folder), timeout=600)
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    err = (run.stdout + run.stderr).decode("utf-8", "replace")
    assert run.returncode == 3, err  # done, with files skipped
    for name in manifest.bad:
        shown = name.replace("\n", "\\n")
        lines = [ln for ln in err.splitlines() if shown in ln]
        assert len(lines) >= 1, f"no line for {name!r} in:\n{err}"
    # a 50 MB file is never read into memory whole: the child stays small
    assert max(peak_kb, before) < 1_500_000, f"peak RSS {peak_kb} kB"
    store = Store.open(index_dir)
    sources = {s.source for s in store.list_articles(0, 10_000)}
    for name in manifest.good:
        assert any(src.endswith(name) for src in sources), f"{name!r} not in the index"
    assert sum(1 for s in sources if "/good/" in s) == 20
    # the next run has nothing to do and loses nothing
    again = newsdesk("index", "-q", "--index", str(index_dir), str(folder), timeout=600)
    assert again.returncode == 3
    store.refresh()
    assert {s.source for s in store.list_articles(0, 10_000)} == sources


def test_hostile_text_is_printed_literally(tmp_path, data_dir):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(
        " date 2025-10-21 Markup [bold red]rot[/bold red] und [link=https://evil.example]klick[/link]. "
        "ANSI \x1b[31mrot\x1b[0m OSC \x1b]8;;https://evil.example\x07Link\x1b]8;;\x07 Bidi \u202eesrever\u202c.\n",
        encoding="utf-8")
    index_dir = tmp_path / "index"
    assert newsdesk("index", "-q", "--index", str(index_dir), str(folder)).returncode == 0
    for args in (("search", "Markup"), ("search", "--json", "Markup"), ("events",)):
        out = newsdesk(*args, "--index", str(index_dir)).stdout
        assert b"\x1b" not in out and b"\x07" not in out and "\u202e".encode() not in out, args
    out = newsdesk("search", "Markup", "--index", str(index_dir)).stdout.decode()
    assert "[bold red]rot[/bold red]" in out
