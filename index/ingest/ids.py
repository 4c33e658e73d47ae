"""Stable article ids.

An id is 16 hex digits of a SHA-1 over the file's absolute path and, where a
file holds several articles, the article's own ``id`` field or its position
(JSONL line number, JSON array index). The same file gives the same ids on
every run; different files never share one.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path


def path_key(path: str | Path) -> str:
    """The absolute, symlink-resolved form of ``path`` (ids do not depend on the working directory)."""
    try:
        return str(Path(path).resolve())
    except (OSError, RuntimeError):  # a symlink loop or an unreadable parent
        return os.path.abspath(path)


def article_id(key: str, *parts: object) -> str:
    digest = hashlib.sha1("\x1f".join([key, *(str(p) for p in parts)]).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:16]
