"""A file (or a part of one) that could not be read as an article, and why."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Skipped:
    """``path`` names the file (``file:line N`` for one line of a JSONL file); ``reason`` says why."""

    path: str
    reason: str

    def __str__(self) -> str:
        # one line, whatever the file name holds
        return f"{_one_line(self.path)}: {_one_line(self.reason)}"


def _one_line(text: str) -> str:
    return text.replace("\r", "\\r").replace("\n", "\\n")
