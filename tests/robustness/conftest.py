"""Helpers for the robustness suite: a synthetic corpus and a CLI runner."""

from __future__ import annotations

import datetime as dt
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SEEDS = sorted((REPO / "seeds").glob("*.txt"))


def seed_paragraphs() -> list[str]:
    paragraphs = []
    for path in SEEDS:
        text = path.read_text(encoding="utf-8").strip()
        text = text.split(" ", 2)[2] if text.startswith("date ") else text
        paragraphs += [p.strip() for p in text.split("\n\n") if len(p.strip()) > 80]
    return paragraphs


def write_synthetic_corpus(folder: Path, n: int, seed: int = 1) -> list[Path]:
    """``n`` seed-format articles (one a file) made of shuffled seed paragraphs."""
    rng = random.Random(seed)
    paragraphs = seed_paragraphs()
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for i in range(n):
        date = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randrange(300))
        body = "\n\n".join(rng.sample(paragraphs, 3))
        path = folder / f"artikel-{i:05d}.txt"
        path.write_text(f" date {date.isoformat()} Meldung Nummer {i} aus dem Archiv.\n\n{body}\n", encoding="utf-8")
        files.append(path)
    return files


def newsdesk(*args: str, timeout: float = 300, **kw) -> subprocess.CompletedProcess:
    """Run the ``newsdesk`` command line in a child process."""
    return subprocess.run([sys.executable, "-m", "newsdesk.tui.cli", *args], capture_output=True, timeout=timeout,
                          cwd=REPO, env=child_env(), **kw)


def newsdesk_process(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "newsdesk.tui.cli", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, cwd=REPO, env=child_env())


def child_env() -> dict:
    env = dict(os.environ)
    env.setdefault("NEWSDESK_DATA_DIR", str(Path(os.environ.get("PYTEST_TMPDIR", "/tmp")) / "newsdesk-test-data"))
    env["NO_COLOR"] = "1"
    env["COLUMNS"] = "200"
    return env


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    d = tmp_path / "data"
    monkeypatch.setenv("NEWSDESK_DATA_DIR", str(d))
    return d
