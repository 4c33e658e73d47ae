"""`newsdesk search` imports only what searching needs (start-up time): no builder, urllib, spaCy,
no numpy, Rich or Textual; a query of words and phrases (quick_search) none of Whoosh's index,
reading, query, parsing, field or analysis modules either."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
NOT_ON_THE_SEARCH_PATH = ["newsdesk.index.store.builder", "newsdesk.index.analysis", "spacy", "urllib.request",
                          "filelock", "newsdesk.index.config", "newsdesk.index.ingest"]
# what the whole `newsdesk search` process must not import (each with its submodules)
NOT_IN_THE_SEARCH_PROCESS = ["spacy", "textual", "rich", "numpy", "urllib.request", "dateparser", "filelock",
                             "newsdesk.index.store.builder", "newsdesk.index.analysis", "newsdesk.index.ingest",
                             "whoosh.lang.morph_en", "whoosh.collectors"]
# what it does not import either when it answers a query of words and phrases (quick_search)
NOT_ON_THE_QUICK_PATH = ["whoosh.index", "whoosh.reading", "whoosh.searching", "whoosh.query", "whoosh.qparser",
                         "whoosh.fields", "whoosh.analysis", "whoosh.codec", "whoosh.filedb", "whoosh.columns",
                         "whoosh.lang.porter", "newsdesk.index.store.store", "newsdesk.index.store.schema",
                         "newsdesk.index.store.search", "newsdesk.index.store.german", "newsdesk.index.store.ranking",
                         "newsdesk.index.store.manifest", "sqlite3", "hashlib", "platformdirs"]


def _imported(stderr: str) -> set[str]:
    """The modules a ``python -X importtime`` run imported, from its report on stderr."""
    names = set()
    for line in stderr.splitlines():
        if line.startswith("import time:") and line.count("|") == 2:
            name = line.rsplit("|", 1)[1].strip()
            if name != "imported package":
                names.add(name)
    return names


@pytest.fixture(scope="module")
def built_index(sample_index, tmp_path_factory):
    """A copy of the sample index, with the postings arrays its writer left beside each segment."""
    import shutil

    index_dir = tmp_path_factory.mktemp("built") / "index"
    shutil.copytree(sample_index, index_dir)
    assert list(index_dir.rglob("*.ndpost_body.bin"))
    return index_dir


@pytest.mark.parametrize("query, options, quick", [("wien", [], True), ("wien", ["--json"], True),
                                                   ('"in wien"', [], True), ('"wien bozen" wien', [], True),
                                                   ("wien OR bozen", ["--limit", "3"], False)])
def test_search_process_import_closure(built_index, query, options, quick):
    """The whole process, as a user starts it: interpreter start-up, parsing, search, output."""
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "newsdesk", "search", "--index",
                             str(built_index), query, *options], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    imported = _imported(result.stderr)
    assert "newsdesk.index.store.plain_ranking" in imported  # the report was read
    unwanted = sorted(m for m in imported if any(m == u or m.startswith(u + ".") for u in NOT_IN_THE_SEARCH_PROCESS))
    assert unwanted == []
    # a query of words and phrases is answered from the files; any other opens the store
    assert ("whoosh.index" not in imported) == quick
    if quick:
        assert sorted(m for m in imported if any(m == u or m.startswith(u + ".") for u in NOT_ON_THE_QUICK_PATH)) == []
    assert "result" in result.stdout or '"total"' in result.stdout


def test_search_command_imports_little(sample_index):
    script = (
        "import sys\n"
        "from newsdesk.tui.cli import main\n"
        f"status = main(['search', '--index', {str(sample_index)!r}, 'wien'])\n"
        f"print('LOADED', [m for m in {NOT_ON_THE_SEARCH_PATH!r} if m in sys.modules], status)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().splitlines()[-1] == "LOADED [] 0"
    assert "result" in result.stdout


def test_urllib_request_still_imports_after_whoosh():
    script = (
        "from newsdesk.index.store.whoosh_import import import_whoosh\n"
        "import_whoosh()\n"
        "import whoosh.compat, urllib.request\n"
        "print(urllib.request.urlopen.__module__, callable(whoosh.compat.urlretrieve))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert result.stdout.split() == ["urllib.request", "True"], result.stderr[-2000:]


def test_search_json_needs_no_rich(sample_index):
    script = (
        "import sys\n"
        "from newsdesk.tui.cli import main\n"
        f"status = main(['search', '--json', '--index', {str(sample_index)!r}, 'wien'])\n"
        "print('RICH' if 'rich.console' in sys.modules else 'NO-RICH', status)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().splitlines()[-1] == "NO-RICH 0"


def test_search_process_ends_with_its_output_and_status(built_index):
    """`newsdesk search` ends its process itself (no interpreter teardown): all output written, exit status kept."""
    import json

    ok = subprocess.run([sys.executable, "-m", "newsdesk", "search", "--index", str(built_index), "wien", "--json"],
                        cwd=REPO, capture_output=True, text=True, timeout=120)
    assert ok.returncode == 0 and ok.stdout.endswith("\n")
    result = json.loads(ok.stdout)
    assert result["total"] >= 1 and len(result["hits"]) == min(result["total"], 20)  # --limit 20 by default
    bad = subprocess.run([sys.executable, "-m", "newsdesk", "search", "--index", str(built_index), "date:2025-13"],
                         cwd=REPO, capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and bad.stderr.startswith("newsdesk: ") and bad.stdout == ""


@pytest.mark.parametrize("query", ["wien", '"in wien" bozen'])
def test_quick_search_path_modules(built_index, query):
    """What sys.modules holds after a `newsdesk search` of words and phrases: none of the modules
    the search process or its quick path leaves out (dataclasses and inspect neither)."""
    unwanted = NOT_IN_THE_SEARCH_PROCESS + NOT_ON_THE_QUICK_PATH + ["dataclasses", "inspect"]
    script = (
        "import sys\n"
        "from newsdesk.tui.cli import main\n"
        f"status = main(['search', '--json', '--index', {str(built_index)!r}, {query!r}])\n"
        "loaded = sorted(m for m in sys.modules if any(m == u or m.startswith(u + '.') for u in "
        f"{unwanted!r}))\n"
        "print('QUICK' if 'newsdesk.index.store.quick_search' in sys.modules else 'STORE', loaded, status)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().splitlines()[-1] == "QUICK [] 0"
    assert '"total"' in result.stdout
