"""The analysis on every core: worker processes fed batches of texts, results in input order.

``ParallelAnalyzer(model, workers)`` has the interface of ``Analyzer`` that the
index builder uses (``signature``, ``analyze_many``) and gives the same
results. Texts are grouped into batches of about ``batch_tokens`` words
(a batch is one ``nlp.pipe`` call in a worker, which bounds a worker's
memory whatever the length of the texts); a few batches per worker are in
flight at a time, and the analyses come back in the order of the input.

Where the platform can fork, one process loads the pipeline and forks the
workers from itself, and they share its memory (copy-on-write); the caller
never loads it, so what the caller allocates while the workers run (the
index writer's buffers) copies no shared page. Elsewhere each worker loads
it. A job that fits in one batch, or ``workers=1``, is analysed in this
process. Workers ignore Ctrl-C (the caller stops them), die with the process
that started them (Linux: PR_SET_PDEATHSIG; elsewhere they notice within a
second) and never write to the terminal.
"""

from __future__ import annotations

import functools
import gc
import multiprocessing
import os
import queue
import signal
import sys
import time
from collections import deque
from typing import Iterable, Iterator

from newsdesk.index.analysis.signature import analysis_signature, model_label

BATCH_TOKENS = 600  # words per batch sent to a worker (and per nlp.pipe call: bounds its memory)
CHARS_PER_WORD = 7  # about, in German news text (with the space): ``expect`` guesses batches from characters
MAX_WORKERS = 4  # each worker holds a pipeline's working memory
IN_FLIGHT_PER_WORKER = 8  # results are yielded in order: a slow batch must not leave the other workers idle
POLL_SECONDS = 0.5
# A forked worker ends after analysing this many words and a fresh one is forked in its place: a
# worker's memory grows with what it analyses (the words spaCy adds to its vocabulary, and each page
# of the shared pipeline it writes to - a reference count is enough - becomes its own copy); a fresh
# one starts from the shared pages again.
RECYCLE_WORDS = 25_000
RECYCLED = 75  # the exit code of a worker to be replaced
HOLDER_POLL_SECONDS = 0.05  # the process that holds the pipeline looks after its workers this often
WARM_UP_TEXT = ("Bundeskanzler Friedrich Merz traf am Dienstag in Berlin den französischen Präsidenten. "
                "Die Gespräche sollen im kommenden Jahr in Paris fortgesetzt werden, sagte ein Sprecher.")


class AnalysisError(RuntimeError):
    """A worker failed (its message says why) or ended without answering."""


def default_workers() -> int:
    """One worker per core this process may use (at most ``MAX_WORKERS``)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return max(1, min(MAX_WORKERS, cores))


def token_batches(items: Iterable, batch_tokens: int) -> Iterator[list]:
    """``(text, date)`` items grouped into lists of about ``batch_tokens`` words (at least one item each)."""
    batch: list = []
    tokens = 0
    for item in items:
        batch.append(item)
        tokens += len(item[0].split())
        if tokens >= batch_tokens:
            yield batch
            batch, tokens = [], 0
    if batch:
        yield batch


class ParallelAnalyzer:
    """Entities, temporal expressions and events of texts, analysed by ``workers`` processes."""

    def __init__(self, model: str | None = None, workers: int | None = None, batch_tokens: int = BATCH_TOKENS):
        self.model = model
        self.workers = default_workers() if workers is None else max(1, int(workers))
        self.batch_tokens = max(1, batch_tokens)
        self._local = None
        self._running: tuple | None = None  # (processes, tasks queue, results queue) once started

    @property
    def signature(self) -> str:
        """As ``Analyzer.signature``; read from the model's meta without loading it."""
        return analysis_signature(self.model)

    @property
    def model_label(self) -> str:
        """As ``Analyzer.model_label``."""
        return model_label(self.model)

    def _analyzer(self):
        if self._local is None:
            from newsdesk.index.analysis.analyzer import Analyzer

            self._local = Analyzer(self.model)
        return self._local

    def analyze(self, text: str, date=None):
        return self._analyzer().analyze(text, date)

    def analyze_many(self, items: Iterable, batch_size: int | None = None) -> Iterator:
        """Analyses of ``(text, date)`` items, in order, streamed (``batch_size`` is not used: batches are sized in words)."""
        batches = token_batches(items, self.batch_tokens)
        first = next(batches, None)  # (reading the items may start the processes: ``expect``)
        if first is None:
            self.close()
            return
        if self._running is not None:
            yield from self._in_workers(_chain([first], batches))
            return
        if self.workers > 1:
            second = next(batches, None)
            if second is not None:
                yield from self._in_workers(_chain([first, second], batches))
                return
            todo: Iterable[list] = [first]  # one batch: not worth starting processes
        else:
            todo = _chain([first], batches)
        local = self._analyzer()
        for batch in todo:
            yield from local.analyze_many(batch, batch_size=len(batch))

    def expect(self, chars: int) -> None:
        """The caller is about to read texts of about ``chars`` characters: when they make more
        than one batch, start the processes now, so that loading the pipeline overlaps the
        reading (a 1.9 MB JSONL file takes about as long to read as the pipeline to load).
        ``analyze_many`` uses them; ``close`` (or the end of ``analyze_many``) stops them."""
        if self.workers > 1 and chars > 2 * self.batch_tokens * CHARS_PER_WORD:
            self.start()

    def start(self) -> None:
        """Start the analysis processes (they load the pipeline in the background)."""
        if self._running is not None:
            return
        methods = multiprocessing.get_all_start_methods()
        ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        tasks = ctx.Queue()
        results = ctx.Queue()
        if ctx.get_start_method() == "fork":
            # One process loads the pipeline and forks the workers from itself (they share its
            # memory, copy-on-write) and then only waits for them. This process, which builds the
            # index and so keeps allocating, shares no page of the pipeline with the workers: its
            # writes never turn shared pages into private copies.
            procs = [ctx.Process(target=_pipeline_holder, args=(self.model, self.workers, tasks, results, os.getpid()),
                                 daemon=True, name="newsdesk-analysis")]
        else:
            procs = [ctx.Process(target=_work, args=(self.model, tasks, results, os.getpid()), daemon=True,
                                 name=f"newsdesk-analysis-{n}") for n in range(self.workers)]
        self._running = (procs, tasks, results)
        for p in procs:
            p.start()

    def close(self) -> None:
        """Stop the analysis processes, if any are running."""
        running, self._running = self._running, None
        if running is not None:
            _stop(*running, self.workers)

    def _in_workers(self, batches: Iterator[list]) -> Iterator:
        self.start()
        procs, tasks, results = self._running
        sent = 0
        next_out = 0
        done: dict[int, list] = {}
        sizes: deque[int] = deque()
        exhausted = False
        limit = self.workers * IN_FLIGHT_PER_WORKER
        try:
            while True:
                while not exhausted and sent - next_out < limit:
                    batch = next(batches, None)
                    if batch is None:
                        exhausted = True
                        break
                    tasks.put((sent, batch))
                    sizes.append(len(batch))
                    sent += 1
                if exhausted and next_out == sent:
                    break
                while next_out not in done:
                    try:
                        seq, status, payload = results.get(timeout=POLL_SECONDS)
                    except queue.Empty:
                        dead = [p for p in procs if not p.is_alive()]
                        if dead:
                            raise AnalysisError(
                                f"an analysis process ended unexpectedly (exit code {dead[0].exitcode})") from None
                        continue
                    if status == "error":
                        raise AnalysisError(payload)
                    done[seq] = payload
                analyses = done.pop(next_out)
                if len(analyses) != sizes.popleft():
                    raise AnalysisError("an analysis process returned fewer analyses than it was given texts")
                next_out += 1
                yield from analyses
        finally:
            self.close()


def _chain(first: list, rest: Iterator) -> Iterator:
    yield from first
    yield from rest


def _stop(procs, tasks, results, workers: int) -> None:
    for _ in range(workers):
        try:
            tasks.put_nowait(None)
        except Exception:
            pass
    for p in procs:
        p.join(timeout=0.2 if p.is_alive() else 0)
    for p in procs:
        if p.is_alive():
            p.terminate()
    for p in procs:
        p.join(timeout=3)
        if p.is_alive():
            p.kill()
            p.join(timeout=3)
    for q in (tasks, results):
        q.cancel_join_thread()  # never wait for a dead reader on exit
        q.close()


@functools.lru_cache(maxsize=None)
def _libc():
    """The C library of this process (Linux only; None elsewhere or when it cannot be loaded)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        return ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None


def _release_memory() -> None:
    """Give the heap's free pages back to the system (glibc's malloc_trim): a worker's memory
    after a batch is its working set, not the peak of every batch so far (the peak PSS of
    parent and two workers on 300 news articles: 407 -> 369 MB). Elsewhere nothing happens."""
    libc = _libc()
    if libc is not None and hasattr(libc, "malloc_trim"):
        libc.malloc_trim(0)


def _die_with_parent() -> None:
    libc = _libc()
    if libc is not None:
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def one_blas_thread() -> None:
    """Matrix products of this process on one BLAS thread: the workers are the parallelism
    (two workers with a thread per core each would run four busy threads on two cores;
    the accurate tier's encoder is mostly matrix products)."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(1)


def _quiet_child() -> None:
    """Settings of an analysis process: Ctrl-C is the caller's, dies with its parent, never writes
    to the terminal, matrix products on one thread."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _die_with_parent()
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):  # libraries' output must not reach the terminal
        try:
            os.dup2(devnull, fd)
        except OSError:
            pass
    os.close(devnull)
    one_blas_thread()


def _work(model, tasks, results, parent_pid: int) -> None:
    """A worker that loads the pipeline itself (platforms without fork)."""
    _quiet_child()
    from newsdesk.index.analysis.analyzer import Analyzer

    _serve(Analyzer(model), tasks, results, parent_pid)


def _pipeline_holder(model, workers: int, tasks, results, parent_pid: int) -> None:
    """Load the pipeline, analyse a short text (what the analysis builds on first use, shared too),
    fork ``workers`` workers that share it, and wait for them, forking a fresh worker for each that
    ends after ``RECYCLE_WORDS``. A worker that dies is reported (the others are stopped); a
    worker's own error it reports itself."""
    import datetime as dt

    _quiet_child()
    try:
        from newsdesk.index.analysis.analyzer import Analyzer
        from newsdesk.index.analysis.timex.patterns import compile_all

        analyzer = Analyzer(model)
        analyzer.analyze(WARM_UP_TEXT, dt.date(2025, 10, 1))
        compile_all()  # the temporal grammar's alternations, compiled once here instead of in every worker
    except Exception as exc:
        _report(results, f"{type(exc).__name__}: {exc}")
        return
    gc.collect()
    _release_memory()
    gc.freeze()  # the workers' collector must not touch (and so copy) the shared objects
    holder = os.getpid()

    def fork_worker() -> int:
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                _die_with_parent()
                one_blas_thread()
                code = RECYCLED if _serve(analyzer, tasks, results, holder, RECYCLE_WORDS) else 0
            finally:
                try:
                    results.close()
                    results.join_thread()  # what the worker put reaches the pipe before it ends
                finally:
                    os._exit(code)
        return pid

    children = {fork_worker() for _ in range(workers)}
    while children:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            if os.getppid() != parent_pid:  # the caller is gone (where PR_SET_PDEATHSIG is not)
                _kill(children)
                return
            time.sleep(HOLDER_POLL_SECONDS)
            continue
        children.discard(pid)
        code = os.waitstatus_to_exitcode(status)
        if code == RECYCLED:
            children.add(fork_worker())
        elif code != 0:
            _kill(children)
            _report(results, f"an analysis process ended unexpectedly (exit code {code})")
            os._exit(1)


def _kill(pids) -> None:
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass


def _report(results, message: str) -> None:
    results.put((-1, "error", message))
    results.close()
    results.join_thread()


def _serve(analyzer, tasks, results, parent_pid: int, words: int | None = None) -> bool:
    """Analyse batches until told to stop (None) or the parent ``parent_pid`` is gone (False), or
    until batches of ``words`` words or more were analysed (True: to be replaced by a fresh worker)."""
    done = 0
    while True:
        try:
            task = tasks.get(timeout=1.0)
        except queue.Empty:
            if os.getppid() != parent_pid:
                return False
            continue
        if task is None:
            return False
        seq, batch = task
        try:
            out = list(analyzer.analyze_many(batch, batch_size=len(batch)))
        except Exception as exc:
            results.put((seq, "error", f"{type(exc).__name__}: {exc}"))
            return False
        results.put((seq, "ok", out))
        del out
        _release_memory()
        done += sum(len(text.split()) for text, _date in batch)
        if words is not None and done >= words:
            return True
