"""One writer per index: a file lock next to the index, waited for a bounded time.

On POSIX systems the lock is ``flock`` on the lock file, taken without blocking and tried
again every ``POLL_SECONDS`` (what ``filelock`` does there, without its import: logging,
decimal, platform and its own modules are a tenth of a run with nothing to do); the
system releases it when the process ends, however it ends. Elsewhere ``filelock`` is used.
"""

from __future__ import annotations

import os
import time
from contextlib import contextmanager
from pathlib import Path

from .errors import IndexBusyError

try:
    import fcntl
except ImportError:  # not POSIX (Windows): filelock
    fcntl = None

LOCK_NAME = "build.lock"
DEFAULT_TIMEOUT = 10.0
POLL_SECONDS = 0.05


def _busy(index_dir: Path, timeout: float) -> IndexBusyError:
    return IndexBusyError(
        f"the index at {index_dir} is busy: another newsdesk process is updating it "
        f"(waited {timeout:g} s); try again when it has finished"
    )


@contextmanager
def _flock(path: Path, index_dir: Path, timeout: float):
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + max(0.0, timeout)
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise _busy(index_dir, timeout) from None
                time.sleep(POLL_SECONDS)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


@contextmanager
def _filelock(path: Path, index_dir: Path, timeout: float):
    from filelock import FileLock, Timeout

    lock = FileLock(str(path))
    try:
        lock.acquire(timeout=timeout)
    except Timeout:
        raise _busy(index_dir, timeout) from None
    try:
        yield
    finally:
        lock.release()


@contextmanager
def index_lock(index_dir: Path, timeout: float = DEFAULT_TIMEOUT):
    """Hold the index's build lock; raise IndexBusyError after ``timeout`` seconds."""
    index_dir = Path(index_dir)
    index_dir.mkdir(parents=True, exist_ok=True)
    hold = _flock if fcntl is not None else _filelock
    with hold(index_dir / LOCK_NAME, index_dir, timeout):
        yield
