"""Open an article's source (a URL or a file) with the system's opener."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path


class OpenError(Exception):
    pass


COLLECTION_SUFFIXES = (".jsonl", ".ndjson")  # one article a line: always many
_PEEK = 64 * 1024


def target_for(url: str | None, source: str) -> str:
    """What to open: the article's URL when known, else its file."""
    if url:
        return url
    if not source:
        raise OpenError("This article has no URL or file to open.")
    path = Path(source)
    if not path.exists():
        raise OpenError(f"File not found: {source}")
    return str(path.resolve())


def holds_many_articles(path: Path) -> bool:
    """Whether the file holds other articles too (JSON Lines, a JSON array, ``{"articles": [...]}``,
    one JSON object a line in a ``.json``): opening it would not show the one article."""
    suffix = path.suffix.lower()
    if suffix in COLLECTION_SUFFIXES:
        return True
    if suffix != ".json":
        return False
    try:
        with path.open("rb") as f:
            head = f.read(_PEEK)
    except OSError:
        return False
    text = head.decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n")
    if text.startswith("["):
        return True
    if '"articles"' in text[:200]:
        return True
    # JSON Lines in a file named .json: a second line that starts an object
    lines = [line for line in text.splitlines() if line.strip()]
    return len(lines) > 1 and lines[0].rstrip().endswith("}") and lines[1].lstrip().startswith("{")


def opener_command(target: str) -> list[str]:
    if sys.platform == "darwin":
        return ["open", target]
    for tool in ("xdg-open", "gio", "wslview"):
        exe = shutil.which(tool)
        if exe:
            return [exe, "open", target] if tool == "gio" else [exe, target]
    raise OpenError("No program to open it with (install xdg-utils for xdg-open).")


def open_target(target: str, timeout: float = 10.0) -> None:
    """Open ``target``; raise OpenError with a short reason on failure."""
    if sys.platform.startswith("win"):
        try:
            os.startfile(target)  # type: ignore[attr-defined]
        except OSError as exc:
            raise OpenError(str(exc)) from exc
        return
    command = opener_command(target)
    try:
        result = subprocess.run(
            command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            timeout=timeout, start_new_session=True,
        )
    except subprocess.TimeoutExpired:
        return  # still running: the opener took over
    except OSError as exc:
        raise OpenError(str(exc)) from exc
    if result.returncode != 0:
        reason = result.stderr.decode(errors="replace").strip().splitlines()
        raise OpenError(reason[-1] if reason else f"{Path(command[0]).name} failed ({result.returncode})")
