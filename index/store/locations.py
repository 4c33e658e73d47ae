"""Where indexes live, which corpus each one holds, and the bundled seed corpus.

An index for a corpus lives in ``<data dir>/indexes/<hash of the resolved
corpus paths>`` unless the user names a directory. The data dir is
platformdirs' ``user_data_dir("newsdesk")``; the environment variable
``NEWSDESK_DATA_DIR`` replaces it. Each index directory records its corpus
paths in ``index.json``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from pathlib import Path

from .errors import StoreError

# platformdirs, hashlib and the manifest (sqlite3) are imported where they are used:
# a search of an index named by its folder needs none of them.

INFO_NAME = "index.json"
# The version of the schema and stored forms (schema.py, records.py) recorded in index.json:
# bump it when they change, and older indexes are rebuilt.
SCHEMA_VERSION = 7
WHOOSH_DIR = "whoosh"
INDEX_NAME = "MAIN"  # the Whoosh index's name in WHOOSH_DIR (the builder writes it, the store and quick search read it)
DEFAULT_FIELD = "body"  # the field a query searches unless it names another
TERM_FIELDS = ("title", "body")  # fields whose matched terms are highlighted
# the per-document columns the schema keeps zlib-compressed (schema.py's CompressedBytesColumn;
# named here for quick_search, which reads them without the schema; a test keeps the two equal)
COMPRESSED_COLUMNS = frozenset({"summary", "events", "text"})
DATA_DIR_ENV = "NEWSDESK_DATA_DIR"


def data_dir() -> Path:
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_data_dir("newsdesk"))


def indexes_dir() -> Path:
    return data_dir() / "indexes"


def corpus_key(paths) -> list[str]:
    """The resolved, de-duplicated, sorted corpus paths."""
    return sorted({str(Path(p).expanduser().resolve()) for p in paths})


def index_dir_for(paths) -> Path:
    """The default index directory for a corpus (a list of files and folders)."""
    import hashlib

    key = "\n".join(corpus_key(paths))
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
    return indexes_dir() / digest


def default_corpus() -> list[Path]:
    """The bundled seed articles: ``seeds/`` of a checkout or ``index/seeds`` of a wheel."""
    here = Path(__file__).resolve()
    for candidate in (here.parents[1] / "seeds", here.parents[2] / "seeds"):
        if candidate.is_dir():
            return [candidate]
    raise StoreError("the bundled seed articles are missing from this installation")


class IndexInfo:
    """An index in the data dir: its folder, corpus paths, creation time, size and article count
    (None when the index cannot be opened). A plain class: ``newsdesk search`` imports this module,
    and ``dataclasses`` imports ``inspect`` (a sixth of that command's imports)."""

    __slots__ = ("index_dir", "corpus", "created", "size_bytes", "article_count")

    def __init__(self, index_dir: Path, corpus: list[str], created: str, size_bytes: int, article_count: int | None):
        self.index_dir = index_dir
        self.corpus = corpus
        self.created = created
        self.size_bytes = size_bytes
        self.article_count = article_count

    def _values(self) -> tuple:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other) -> bool:
        return other.__class__ is self.__class__ and self._values() == other._values()

    __hash__ = None  # its corpus is a list

    def __repr__(self) -> str:
        return "IndexInfo(" + ", ".join(f"{n}={v!r}" for n, v in zip(self.__slots__, self._values())) + ")"


def write_info(index_dir: Path, corpus: list[str], schema_version: int) -> None:
    index_dir = Path(index_dir)
    old = read_info(index_dir)
    data = {
        "corpus": corpus,
        "schema": schema_version,
        "created": old.get("created") or dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
    }
    if old != data:
        from .manifest import write_json_atomically

        write_json_atomically(index_dir / INFO_NAME, data)


def read_info(index_dir: Path) -> dict:
    try:
        return json.loads((Path(index_dir) / INFO_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def is_index_dir(index_dir: Path) -> bool:
    return (Path(index_dir) / INFO_NAME).is_file()


def dir_size(path: Path) -> int:
    total = 0
    for root, _dirs, files in os.walk(path):
        for name in files:
            try:
                total += os.path.getsize(os.path.join(root, name))
            except OSError:
                pass
    return total


def list_indexes() -> list[IndexInfo]:
    """The indexes in the data dir, in directory-name order."""
    from .store import Store  # the read API, only to count articles

    base = indexes_dir()
    if not base.is_dir():
        return []
    result = []
    for d in sorted(base.iterdir()):
        if not d.is_dir() or not is_index_dir(d):
            continue
        info = read_info(d)
        try:
            count = Store.open(d).article_count()
        except Exception:
            count = None
        result.append(IndexInfo(d, list(info.get("corpus", [])), info.get("created", ""), dir_size(d), count))
    return result


def remove_index(index_dir: Path) -> None:
    """Delete an index directory (only one that looks like a newsdesk index)."""
    from .lock import index_lock

    index_dir = Path(index_dir)
    if not index_dir.is_dir():
        raise StoreError(f"no index at {index_dir}")
    if not is_index_dir(index_dir):
        raise StoreError(f"{index_dir} is not a newsdesk index (no {INFO_NAME}); not removing it")
    with index_lock(index_dir):
        for child in index_dir.iterdir():
            if child.name == "build.lock":
                continue
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)
            else:
                child.unlink()
    shutil.rmtree(index_dir, ignore_errors=True)
