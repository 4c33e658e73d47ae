"""Index the corpus in a separate process while the reader stays responsive.

The NLP work runs in a child process (``python -m tui.index_worker``, see
:mod:`tui.index_worker`): a fresh interpreter, so spaCy is never imported into
the UI process and the interface never stutters. The child reports one JSON
message a line over a pipe; the UI polls it without blocking
(:meth:`BackgroundIndexer.poll`), and refreshes the store as batches are
committed.

:meth:`BackgroundIndexer.poll` turns the worker's lines into dataclasses:
:class:`IndexProgress`, :class:`IndexFinished` and :class:`IndexFailed`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from newsdesk.index.store.records import BuildProgress


@dataclass(frozen=True)
class IndexProgress(BuildProgress):
    """Articles were written (a few times a second): the worker's ``BuildProgress`` (articles
    done and to do, rate, time left, articles an interrupted earlier run left committed)."""


@dataclass(frozen=True)
class IndexFinished:
    """The index is up to date: ``summary`` says what changed, ``skipped`` files could not be read."""

    summary: str
    skipped: int


@dataclass(frozen=True)
class IndexFailed:
    """Indexing stopped; ``message`` says why (what was committed before stays in the index)."""

    message: str


IndexMessage = IndexProgress | IndexFinished | IndexFailed


def _message(fields: list) -> IndexMessage | None:
    """The dataclass for one line of the worker (a JSON array), None for a line it does not know."""
    kind, *args = fields
    try:
        if kind == "progress":
            return IndexProgress(*BuildProgress.from_list(args).to_list())
        if kind == "done":
            summary, skipped = args
            return IndexFinished(str(summary), int(skipped))
        if kind == "error":
            (message,) = args
            return IndexFailed(str(message))
    except (TypeError, ValueError, IndexError):
        return None
    return None


class BackgroundIndexer:
    def __init__(self, paths: list[Path], index_dir: Path, model: str | None = None,
                 background: bool = False) -> None:
        """``background``: one analysis process at low priority (the accurate pass, which re-analyses
        what the reader already shows), instead of one per core."""
        self.paths = [str(p) for p in paths]
        self.index_dir = str(index_dir)
        self.model = model
        self.background = background
        self.process: subprocess.Popen | None = None
        self.finished = False
        self._buffer = b""

    def command(self) -> list[str]:
        cmd = [sys.executable, "-m", "newsdesk.tui.index_worker", self.index_dir, *self.paths]
        if self.model:
            cmd += ["--model", self.model]
        if self.background:
            cmd.append("--background")
        return cmd

    def start(self) -> None:
        self.process = subprocess.Popen(
            self.command(),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # Ctrl+C in the terminal is the reader's, not the worker's
        )
        os.set_blocking(self.process.stdout.fileno(), False)

    @property
    def exited(self) -> bool:
        """The worker process has ended and been reaped (no zombie left behind)."""
        return self.process is None or self.process.poll() is not None

    @property
    def running(self) -> bool:
        return self.process is not None and not self.finished

    def _read(self) -> bytes:
        chunks = []
        fd = self.process.stdout.fileno()
        while True:
            try:
                chunk = os.read(fd, 65536)
            except BlockingIOError:
                break
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        return b"".join(chunks)

    def poll(self) -> list[IndexMessage]:
        """All messages that arrived since the last poll (never blocks)."""
        if self.process is None or self.finished:
            return []
        exited = self.process.poll() is not None
        self._buffer += self._read()
        *lines, self._buffer = self._buffer.split(b"\n")
        out: list[IndexMessage] = []
        for line in lines:
            try:
                fields = json.loads(line.decode("utf-8"))
            except (ValueError, UnicodeDecodeError):
                continue
            message = _message(fields) if isinstance(fields, list) and fields else None
            if message is not None:
                out.append(message)
                if not isinstance(message, IndexProgress):
                    self.finished = True
        if exited and not self.finished:
            out.append(IndexFailed(f"the indexing process ended unexpectedly (exit code {self.process.returncode})"))
            self.finished = True
        if self.finished:
            self._close()
        return out

    def _close(self) -> None:
        if self.process is not None and self.process.stdout is not None:
            try:
                self.process.stdout.close()
            except OSError:
                pass

    def stop(self) -> None:
        """Stop the worker (the reader is quitting); committed batches stay in the index."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=3)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=3)
        self._close()
        self.finished = True
