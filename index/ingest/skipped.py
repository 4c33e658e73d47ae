"""A file (or a part of one) that could not be read as an article, and why."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Skipped:
    """``path`` names the file (``file:line N`` for one line of a JSONL file); ``reason`` says why."""

    path: str
    reason: str

    def __str__(self) -> str:
        # one line, whatever the file name holds: line breaks shown as \n, not folded into spaces,
        # so the name printed is the name on disk
        return f"{_escape_line_breaks(self.path)}: {_escape_line_breaks(self.reason)}"


def _escape_line_breaks(text: str) -> str:
    return text.replace("\r", "\\r").replace("\n", "\\n")
