"""The manifest: which files an index holds, so unchanged files are not even read.

It maps a file's absolute path to its size, mtime (ns), content hash, the ids
of the articles it produced and the analysis signature they were annotated
with. The builder writes it only after the Whoosh commit that holds those
articles, atomically (temp file + ``os.replace``), so it never claims a file
the index does not hold.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

MANIFEST_NAME = "manifest.json"
MANIFEST_VERSION = 1


@dataclass
class FileEntry:
    size: int
    mtime_ns: int
    hash: str
    ids: list[str] = field(default_factory=list)
    signature: str = ""

    def to_list(self) -> list:
        return [self.size, self.mtime_ns, self.hash, self.ids, self.signature]

    @classmethod
    def from_list(cls, v: list) -> "FileEntry":
        return cls(int(v[0]), int(v[1]), str(v[2]), list(v[3]), str(v[4]))


@dataclass
class Manifest:
    files: dict[str, FileEntry] = field(default_factory=dict)

    @classmethod
    def load(cls, index_dir: Path) -> "Manifest":
        path = Path(index_dir) / MANIFEST_NAME
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError):
            # An unreadable manifest only costs speed: every file is checked again.
            return cls()
        if data.get("version") != MANIFEST_VERSION:
            return cls()
        files = {}
        for p, v in data.get("files", {}).items():
            try:
                files[p] = FileEntry.from_list(v)
            except (IndexError, TypeError, ValueError):
                continue
        return cls(files)

    def save(self, index_dir: Path) -> None:
        index_dir = Path(index_dir)
        data = {"version": MANIFEST_VERSION, "files": {p: e.to_list() for p, e in self.files.items()}}
        write_json_atomically(index_dir / MANIFEST_NAME, data)


def write_json_atomically(path: Path, data) -> None:
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
