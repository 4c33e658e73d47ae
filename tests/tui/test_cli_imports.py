"""`newsdesk search` imports only what searching needs (start-up time): no builder, urllib, spaCy."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
NOT_ON_THE_SEARCH_PATH = ["newsdesk.index.store.builder", "newsdesk.index.analysis", "spacy", "urllib.request",
                          "filelock", "newsdesk.index.config", "newsdesk.index.ingest"]


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
