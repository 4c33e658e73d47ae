"""Walking paths and reading files into articles.

``read_paths`` is what the index uses: it walks files and folders and yields
an :class:`~index.article.Article` for every article read, or a
:class:`Skipped` for every file (or JSONL line) that could not be read. It
never raises for bad input: binary, undecodable, empty, oversized, broken,
unreadable or vanished files are all reported as ``Skipped``.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..article import Article
from ..display import format_size
from .decode import DecodeError, decode_bytes
from .skipped import Skipped

DEFAULT_MAX_BYTES = 20_000_000  # larger files are skipped (the one definition of the limit)
SUPPORTED_EXTENSIONS = (".txt", ".md", ".json", ".jsonl", ".html", ".htm")

PathLike = str | os.PathLike


def _supported(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED_EXTENSIONS


def walk_paths(paths: PathLike | Iterable[PathLike]) -> Iterator[Path | Skipped]:
    """Like :func:`iter_files`, but also yields a :class:`Skipped` for what cannot be walked.

    That is: a missing or unsupported path given explicitly, an unreadable
    folder, and (inside folders) supported files that vanished, dangling
    symbolic links and symbolic-link loops.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    seen_files: set[tuple[int, int]] = set()
    seen_dirs: set[tuple[int, int]] = set()
    for given in paths:
        path = Path(given)
        try:
            st = path.stat()
        except FileNotFoundError:
            kind = "broken symbolic link" if path.is_symlink() else "no such file or folder"
            yield Skipped(str(path), kind)
            continue
        except OSError as exc:
            yield Skipped(str(path), _os_reason(exc))
            continue
        if stat.S_ISDIR(st.st_mode):
            yield from _walk_dir(path, st, seen_dirs, seen_files)
        elif stat.S_ISREG(st.st_mode):
            if (st.st_dev, st.st_ino) in seen_files:
                continue
            seen_files.add((st.st_dev, st.st_ino))
            if _supported(path):
                yield path
            else:
                yield Skipped(str(path), f"unsupported file type (supported: {' '.join(SUPPORTED_EXTENSIONS)})")
        else:
            yield Skipped(str(path), "not a regular file")


def _walk_dir(root: Path, root_stat: os.stat_result, seen_dirs: set, seen_files: set) -> Iterator[Path | Skipped]:
    # depth-first in name order (like a sorted listing of all paths), without recursion;
    # symbolic links to folders are followed once: loops are cut by (device, inode)
    if (root_stat.st_dev, root_stat.st_ino) in seen_dirs:
        return
    seen_dirs.add((root_stat.st_dev, root_stat.st_ino))
    stack: list[Iterator[Path | Skipped]] = [_list_dir(root)]
    while stack:
        item = next(stack[-1], None)
        if item is None:
            stack.pop()
            continue
        if isinstance(item, Skipped):
            yield item
            continue
        path = item
        try:
            st = os.stat(path)  # follows symbolic links
        except OSError as exc:
            if _supported(path):  # a file that vanished, a dangling link or a link loop
                yield Skipped(str(path), _entry_reason(path, exc))
            continue
        if stat.S_ISDIR(st.st_mode):
            if (st.st_dev, st.st_ino) not in seen_dirs:
                seen_dirs.add((st.st_dev, st.st_ino))
                stack.append(_list_dir(path))
        elif stat.S_ISREG(st.st_mode) and _supported(path):
            if (st.st_dev, st.st_ino) not in seen_files:
                seen_files.add((st.st_dev, st.st_ino))
                yield path


def _list_dir(folder: Path) -> Iterator[Path | Skipped]:
    try:
        with os.scandir(folder) as it:
            names = sorted(entry.name for entry in it if not entry.name.startswith("."))
    except OSError as exc:
        yield Skipped(str(folder), f"cannot read folder ({_os_reason(exc)})")
        return
    for name in names:
        yield folder / name


def iter_files(paths: PathLike | Iterable[PathLike]) -> Iterator[Path]:
    """Supported files under ``paths`` (files or folders, recursively), in a deterministic sorted order.

    Hidden files and folders are skipped; symbolic-link loops, dangling links
    and unreadable folders are passed over without hanging or raising.
    """
    for item in walk_paths(paths):
        if isinstance(item, Path):
            yield item


def read_paths(paths: PathLike | Iterable[PathLike], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | Skipped]:
    """Every article under ``paths``, and a :class:`Skipped` for everything that could not be read."""
    for item in walk_paths(paths):
        if isinstance(item, Skipped):
            yield item
        else:
            yield from read_file(item, max_bytes)


def read_file(path: PathLike, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | Skipped]:
    """The articles of one file (a JSONL file or a JSON array holds many)."""
    path = Path(path)
    source = str(path)
    try:
        yield from _read_file(path, source, max_bytes)
    except OSError as exc:
        yield Skipped(source, _os_reason(exc))
    except RecursionError:
        yield Skipped(source, "too deeply nested")
    except Exception as exc:  # a last line of defence (parsers of hostile input): one file never stops the walk
        yield Skipped(source, f"cannot read ({type(exc).__name__}: {str(exc)[:200]})")


def _read_file(path: Path, source: str, max_bytes: int) -> Iterator[Article | Skipped]:
    suffix = path.suffix.lower()
    st = path.stat()
    if not stat.S_ISREG(st.st_mode):
        yield Skipped(source, "not a regular file")
        return
    if suffix == ".jsonl":
        from .json_articles import read_jsonl

        yield from read_jsonl(path, max_bytes, source)
        return
    if st.st_size > max_bytes:
        yield Skipped(source, f"file too large ({format_size(st.st_size)}; the limit is {format_size(max_bytes)})")
        return
    with open(path, "rb") as f:
        # bounded read; sized by stat (read(n) reserves n bytes), a file grown since is caught too
        data = f.read(st.st_size + 1)
        if len(data) > st.st_size:
            data += f.read(max_bytes + 1 - len(data))
    if len(data) > max_bytes:
        yield Skipped(source, f"file too large (over the limit of {format_size(max_bytes)})")
        return
    if not data.strip():
        yield Skipped(source, "empty file")
        return
    try:
        if suffix in (".html", ".htm"):
            from .html_articles import decode_html

            text = decode_html(data)
        else:
            text, _encoding = decode_bytes(data)
    except DecodeError as exc:
        yield Skipped(source, str(exc))
        return
    del data  # the bytes are not needed any more: free them before the text is parsed
    if not text.strip():
        yield Skipped(source, "empty file (only white space)")
        return
    if suffix == ".json":
        from .json_articles import read_json_text

        yield from read_json_text(text, source)
    elif suffix in (".html", ".htm"):
        from .html_articles import read_html

        yield from read_html(text, source)
    elif suffix == ".md":
        from .markdown import read_markdown

        yield from read_markdown(text, source)
    else:
        from .plain import read_plain

        yield from read_plain(text, source)


def _entry_reason(path: Path, exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError) and path.is_symlink():
        return "broken symbolic link"
    return _os_reason(exc)


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "file vanished (no such file)"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if isinstance(exc, IsADirectoryError):
        return "is a folder"
    return exc.strerror or str(exc)
