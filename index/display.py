"""How the library writes values for people: text on one line, file sizes.

One definition each, used by the store (snippets, mention contexts), ingest
(reasons a file was skipped) and the command line.
"""

from __future__ import annotations

import re

_WHITESPACE = re.compile(r"\s+")


def one_line(text: str) -> str:
    """``text`` with every run of whitespace (line breaks included) as one space; not stripped,
    so a fragment cut from a sentence keeps the space at its edge."""
    return _WHITESPACE.sub(" ", text)


def format_size(n: int) -> str:
    """A size in bytes as people read it, in decimal units: ``512 bytes``, ``1.5 kB``, ``20.0 MB``, ``3.2 GB``."""
    if n >= 1_000_000_000:
        return f"{n / 1_000_000_000:.1f} GB"
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} MB"
    if n >= 1_000:
        return f"{n / 1_000:.1f} kB"
    return f"{n} byte" if n == 1 else f"{n} bytes"
