"""One writer per index: a file lock next to the index, waited for a bounded time."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from .errors import IndexBusyError

LOCK_NAME = "build.lock"
DEFAULT_TIMEOUT = 10.0


@contextmanager
def index_lock(index_dir: Path, timeout: float = DEFAULT_TIMEOUT):
    """Hold the index's build lock; raise IndexBusyError after ``timeout`` seconds."""
    index_dir = Path(index_dir)
    index_dir.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(index_dir / LOCK_NAME))
    try:
        lock.acquire(timeout=timeout)
    except Timeout:
        raise IndexBusyError(
            f"the index at {index_dir} is busy: another newsdesk process is updating it "
            f"(waited {timeout:g} s); try again when it has finished"
        ) from None
    try:
        yield
    finally:
        lock.release()
