"""The manifest: which files an index holds, so unchanged files are not even read.

A small SQLite database (``manifest.sqlite`` next to the Whoosh index) maps a
file's absolute path to its size, mtime (ns), content hash, the number of
articles it produced and the analysis signature they were annotated with.
The builder writes the rows of the files a Whoosh commit completed right
after that commit, in one transaction (only those rows: the manifest is never
rewritten whole), so it never claims a file the index does not hold. An
unreadable manifest only costs speed: it counts as empty and is made anew.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

MANIFEST_NAME = "manifest.sqlite"
MANIFEST_VERSION = 2  # PRAGMA user_version of the database

_CREATE = """CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, hash TEXT NOT NULL,
    articles INTEGER NOT NULL, signature TEXT NOT NULL) WITHOUT ROWID"""


@dataclass
class FileEntry:
    size: int
    mtime_ns: int
    hash: str
    articles: int = 0  # articles the file produced
    signature: str = ""  # the analysis signature they were annotated with


@dataclass
class Manifest:
    files: dict[str, FileEntry] = field(default_factory=dict)

    @classmethod
    def load(cls, index_dir: Path) -> "Manifest":
        path = Path(index_dir) / MANIFEST_NAME
        if not path.is_file():
            return cls()
        try:
            con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            try:
                if con.execute("PRAGMA user_version").fetchone()[0] != MANIFEST_VERSION:
                    return cls()
                rows = con.execute("SELECT path, size, mtime_ns, hash, articles, signature FROM files").fetchall()
            finally:
                con.close()
        except sqlite3.Error:
            return cls()
        return cls({p: FileEntry(int(s), int(m), str(h), int(n), str(sig)) for p, s, m, h, n, sig in rows})

    @staticmethod
    def write(index_dir: Path, changes: list[tuple[str, FileEntry | None]]) -> None:
        """Apply ``(path, entry)`` changes (None: the file is gone) in one transaction."""
        if not changes:
            return
        con = _connect(Path(index_dir) / MANIFEST_NAME)
        try:
            with con:
                for key, entry in changes:
                    if entry is None:
                        con.execute("DELETE FROM files WHERE path = ?", (key,))
                    else:
                        con.execute("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?)",
                                    (key, entry.size, entry.mtime_ns, entry.hash, entry.articles, entry.signature))
        finally:
            con.close()

    @staticmethod
    def clear(index_dir: Path) -> None:
        """An empty manifest (a new or rebuilt index holds nothing)."""
        path = Path(index_dir) / MANIFEST_NAME
        for p in (path, path.with_name(path.name + "-journal")):
            try:
                p.unlink()
            except FileNotFoundError:
                pass
        _connect(path).close()


def _connect(path: Path) -> sqlite3.Connection:
    """The manifest database, made (anew, when unreadable or of another version) as needed."""
    con = None
    try:
        con = sqlite3.connect(str(path))
        if con.execute("PRAGMA user_version").fetchone()[0] != MANIFEST_VERSION:
            con.execute("DROP TABLE IF EXISTS files")
            con.execute(_CREATE)
            con.execute(f"PRAGMA user_version = {MANIFEST_VERSION}")
            con.commit()
        return con
    except sqlite3.DatabaseError:
        if con is not None:
            con.close()
        path.unlink(missing_ok=True)
        con = sqlite3.connect(str(path))
        con.execute(_CREATE)
        con.execute(f"PRAGMA user_version = {MANIFEST_VERSION}")
        con.commit()
        return con


def write_json_atomically(path: Path, data) -> None:
    import json

    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix="." + path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False, separators=(",", ":"))
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
