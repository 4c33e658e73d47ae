"""Index the corpus in a separate process while the reader stays responsive.

The NLP pipeline runs in a child process started with the ``spawn`` context
(a fresh interpreter: nothing of the UI's state, and spaCy is never imported
into the UI process). The child reports over a queue; the UI polls it without
blocking (:meth:`BackgroundIndexer.poll`).

Messages are plain tuples:
``("progress", files_done, files_total, articles_done, path)``,
``("done", summary_line, skipped_count)``, ``("error", message)``.
"""

from __future__ import annotations

import multiprocessing as mp
import queue as queue_module
from pathlib import Path


def _run(paths: list[str], index_dir: str, model: str | None, messages) -> None:
    """The child process: build/update the index and report."""
    try:
        from index.store import build_index

        def progress(p) -> None:
            messages.put(("progress", p.files_done, p.files_total, p.articles_done, str(p.path)))

        report = build_index([Path(p) for p in paths], Path(index_dir), model=model, progress=progress)
        changed = report.added + report.updated + report.removed
        line = (
            f"{report.added} added, {report.updated} updated, {report.removed} removed"
            if changed
            else "index up to date"
        )
        messages.put(("done", line, len(report.skipped)))
    except BaseException as exc:  # report everything; the UI shows it
        messages.put(("error", f"{type(exc).__name__}: {exc}"))


class BackgroundIndexer:
    def __init__(self, paths: list[Path], index_dir: Path, model: str | None = None) -> None:
        self.paths = [str(p) for p in paths]
        self.index_dir = str(index_dir)
        self.model = model
        self._ctx = mp.get_context("spawn")
        self._queue = None
        self.process = None
        self.finished = False

    def start(self) -> None:
        self._queue = self._ctx.Queue()
        self.process = self._ctx.Process(
            target=_run, args=(self.paths, self.index_dir, self.model, self._queue), daemon=True,
            name="newsdesk-index",
        )
        self.process.start()

    @property
    def running(self) -> bool:
        return self.process is not None and not self.finished

    def poll(self) -> list[tuple]:
        """All messages that arrived since the last poll (never blocks)."""
        out: list[tuple] = []
        if self._queue is None:
            return out
        while True:
            try:
                message = self._queue.get_nowait()
            except queue_module.Empty:
                break
            except (EOFError, OSError):
                break
            out.append(message)
            if message[0] in ("done", "error"):
                self.finished = True
        if not self.finished and self.process is not None and not self.process.is_alive():
            # The child died without a last word (killed, crashed in C code).
            try:
                message = self._queue.get(timeout=0.2)
                out.append(message)
            except Exception:
                out.append(("error", f"indexing process ended unexpectedly (exit code {self.process.exitcode})"))
            self.finished = True
        return out

    def stop(self) -> None:
        if self.process is not None and self.process.is_alive():
            self.process.terminate()
            self.process.join(timeout=2)
        self.finished = True
