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


def resolved_path(path: str | Path) -> str:
    """The absolute, symlink-resolved form of ``path``: what a file's article ids are made from
    (they depend neither on the working directory nor on the link a file was reached by).

    Not to be confused with :func:`newsdesk.index.store.records.indexed_path`, the name
    the index's manifest gives a file (as the corpus walk reached it, links not resolved).
    """
    try:
        return str(Path(path).resolve())
    except (OSError, RuntimeError):  # a symlink loop or an unreadable parent
        return os.path.abspath(path)


def article_id(key: str, *parts: object) -> str:
    digest = hashlib.sha1("\x1f".join([key, *(str(p) for p in parts)]).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:16]
