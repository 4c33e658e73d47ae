"""Incremental index build: files -> articles -> analysis -> Whoosh documents.

A run
1. lists the corpus files and compares each one's size and mtime with the
   manifest; files that match and were annotated by the current analysis are
   not read at all (the analysis signature comes from the model's meta: a run
   with nothing to do never loads spaCy);
2. reads the other files and hashes their bytes: same hash and analysis as in
   the manifest means unchanged (only the manifest's size/mtime are refreshed);
3. reads the changed and new files into articles (ingest). Every document
   carries its file's ``version`` (content hash and analysis signature), so
   the articles an interrupted run committed from the same file content are
   kept and skipped; the file's documents of other versions are deleted.
   Analyses under another signature of the same text (the accurate tier's
   over the fast one's) may count as current too (``kept_signatures``): a fast
   run does not undo an accurate pass. When only the analysis changed (same
   hash), each article's old document stays until its new one is committed:
   a re-analysis (a model upgrade, the accurate pass) never empties the reader;
4. analyses the rest (by default in worker processes, ``ParallelAnalyzer``)
   and writes them in input order;
5. removes the documents of files that are gone;
6. commits a first batch after ``first_commit_seconds`` (articles appear in
   the reader early), then every ``commit_every`` articles or after
   ``commit_seconds`` seconds, doubled at each commit up to ``MAX_COMMIT_SECONDS``
   (segments of similar size are merged a few at a time: ``segment_writer``), and writes the manifest rows of the files
   completed by a commit only after it. An interrupted run leaves an index
   that opens and holds every committed article; the next run completes it
   without duplicates and without analysing those articles again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import time
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from newsdesk.index.article import Article
from newsdesk.index.ingest.files import DEFAULT_MAX_BYTES
from newsdesk.index.ingest.skipped import Skipped

from .errors import StoreError
from .lock import DEFAULT_TIMEOUT, index_lock
from .locations import INDEX_NAME, SCHEMA_VERSION, WHOOSH_DIR, corpus_key, read_info, write_info
from .manifest import FileEntry, Manifest
from .records import BuildProgress, BuildReport, article_document, decode_summary, indexed_path

COMMIT_EVERY = 10_000  # articles (a commit also comes every COMMIT_SECONDS)
COMMIT_SECONDS = 10.0  # the second commit; later ones wait twice as long as the one before
MAX_COMMIT_SECONDS = 60.0
FIRST_COMMIT_SECONDS = 2.0  # the reader shows the first articles after about this long
PROGRESS_SECONDS = 0.2  # at most this often (and after each commit and file)
WRITER_MB = 64  # Whoosh's in-memory postings pool before it spills to disk
# Segments are merged by segment_writer.merge_tiers at every commit (a few of similar
# size at a time, never all of them into one).
ANALYSIS_BATCH = 32


def content_hash(path: Path, chunk: int = 1 << 20) -> str:
    """Hash of a file's bytes, read a chunk at a time (memory stays bounded for any file size)."""
    h = hashlib.blake2b(digest_size=16)
    with open(path, "rb") as fh:
        while block := fh.read(chunk):
            h.update(block)
    return h.hexdigest()


def file_version(digest: str, signature: str) -> str:
    """What a document's ``version`` field holds: its file's content hash and the analysis signature."""
    return digest + ":" + hashlib.blake2b(signature.encode("utf-8"), digest_size=8).hexdigest()


def estimate_articles(path: Path) -> int:
    """How many articles a file not read yet probably holds (a JSONL file: its non-blank lines)."""
    if path.suffix.lower() != ".jsonl":
        return 1
    try:
        count = 0
        with open(path, "rb") as fh:
            for line in fh:
                if line.strip():
                    count += 1
        return count
    except OSError:
        return 1


def _index_exists(index_dir: Path) -> bool:
    """An index of this schema is in ``index_dir`` (checked without importing Whoosh)."""
    wdir = Path(index_dir) / WHOOSH_DIR
    return read_info(index_dir).get("schema") == SCHEMA_VERSION and any(wdir.glob("_MAIN_*.toc"))


def open_or_create(index_dir: Path):
    """Open the Whoosh index in ``index_dir`` (created, or rebuilt on a schema change)."""
    from whoosh import index as whoosh_index

    from .schema import build_schema

    wdir = Path(index_dir) / WHOOSH_DIR
    info = read_info(index_dir)
    if wdir.is_dir() and whoosh_index.exists_in(str(wdir), INDEX_NAME) and info.get("schema") == SCHEMA_VERSION:
        return whoosh_index.open_dir(str(wdir), INDEX_NAME), False
    wdir.mkdir(parents=True, exist_ok=True)
    return whoosh_index.create_in(str(wdir), build_schema(), INDEX_NAME), True


@dataclass
class _FileWork:
    key: str  # indexed_path of the file
    size: int
    mtime_ns: int
    hash: str
    version: str  # file_version(hash, signature): the version field of its documents
    articles: int  # articles the file holds (kept from an earlier run included)
    remaining: int = 0  # articles still to be written in this run
    replaced: frozenset[str] = frozenset()  # ids whose old analysis goes when the new one is committed


class _Committed:
    """What the index held when the run started: documents by file, and their ids."""

    def __init__(self, ix):
        self.searcher = ix.searcher()
        reader = self.searcher.reader()
        self.paths = {t.decode("utf-8") for t in reader.lexicon("path")} if reader.doc_count_all() else set()
        self._summary = reader.column_reader("summary") if reader.doc_count_all() else None

    def ids(self, query) -> set[str]:
        if self._summary is None:
            return set()
        return {decode_summary(self._summary[n]).id for n in self.searcher.docs_for_query(query)}

    def of_path(self, key: str) -> set[str]:
        from whoosh.query import Term

        return self.ids(Term("path", key)) if key in self.paths else set()

    def of_versions(self, key: str, versions: Iterable[str]) -> set[str]:
        from whoosh.query import And, Or, Term

        if key not in self.paths:
            return set()
        return self.ids(And([Term("path", key), Or([Term("version", v) for v in sorted(versions)])]))

    def close(self) -> None:
        self.searcher.close()


def _small_segments(ix) -> int:
    """How many segments of the index have fewer than ``TIER_BASE`` live documents (and some)."""
    from .segment_writer import TIER_BASE

    return sum(1 for seg in ix._segments() if 0 < seg.doc_count() < TIER_BASE)


class _Batch:
    """The open Whoosh writer, the deletions due at its commit, and the files it completes."""

    def __init__(self, ix, index_dir: Path, commit_every: int, commit_seconds: float, first_commit_seconds: float):
        self.ix = ix
        self.index_dir = index_dir
        self.commit_every = commit_every
        self.commit_seconds = commit_seconds
        self.first_commit_seconds = first_commit_seconds
        self.writer = None
        self.deletions: list = []
        self.completed: list[tuple[str, FileEntry | None]] = []
        self.articles = 0
        self.commits = 0
        self.started = time.monotonic()
        self.dirty = False

    def w(self):
        if self.writer is None:
            from .segment_writer import open_writer

            self.writer = open_writer(self.ix, WRITER_MB)
            self.started = time.monotonic()
        return self.writer

    def delete(self, query) -> None:
        """Delete committed documents matching ``query`` (at the commit; not the ones added by this batch)."""
        self.deletions.append(query)
        self.w()
        self.dirty = True

    def add(self, doc: dict) -> None:
        self.w().add_document(**doc)
        self.articles += 1
        self.dirty = True

    def complete(self, key: str, entry: FileEntry | None) -> None:
        """Record the manifest change for a file whose documents are all in the index after this batch."""
        self.completed.append((key, entry))

    def due(self, seconds_left: float | None = None) -> bool:
        """Time for a commit: ``commit_every`` articles, or the time limit when the run will not
        end within that limit anyway (``seconds_left``: the estimate; a commit just before
        the last one would only add a segment to merge)."""
        if self.writer is None:
            return False
        if self.articles >= self.commit_every:
            return True
        # after the first, each commit waits twice as long as the one before (at most
        # MAX_COMMIT_SECONDS): a long run makes fewer, larger segments (less to merge, a smaller index)
        limit = (self.first_commit_seconds if self.commits == 0
                 else min(self.commit_seconds * 2 ** (self.commits - 1), max(self.commit_seconds, MAX_COMMIT_SECONDS)))
        return time.monotonic() - self.started >= limit and (seconds_left is None or seconds_left > limit)

    def commit(self, final: bool = False) -> bool:
        """Commit what is pending (the new segment and its postings arrays; segments of a similar
        size merged when there are enough of them, and at the ``final`` commit of a run the
        small ones); True when documents were committed."""
        from whoosh.query import Or

        from .segment_writer import merge_at_end, merge_tiers

        committed = False
        if self.writer is not None:
            if self.deletions:
                self.writer.delete_by_query(self.deletions[0] if len(self.deletions) == 1 else Or(self.deletions))
                self.deletions = []
            if self.dirty:
                self.writer.commit(mergetype=merge_at_end if final else merge_tiers)
                committed = True
                self.commits += 1
            else:
                self.writer.cancel()
            self.writer = None
        if final and _small_segments(self.ix) >= 2:
            # small segments the last commit left (its own new one among them, or nothing was
            # pending: the run's last batch was committed as it filled): merged by themselves
            from .segment_writer import open_writer

            open_writer(self.ix, WRITER_MB).commit(mergetype=merge_at_end)
        if self.completed:
            Manifest.write(self.index_dir, self.completed)
            self.completed = []
        self.articles = 0
        self.dirty = False
        return committed

    def cancel(self) -> None:
        self.deletions = []
        if self.writer is not None:
            try:
                self.writer.cancel()
            finally:
                self.writer = None


class _Progress:
    """Counts for the progress callback, sent at most every ``PROGRESS_SECONDS``."""

    def __init__(self, callback, files_total: int, estimated: dict[str, int]):
        self.callback = callback
        self.files_total = files_total
        self.files_done = 0
        self.estimated = estimated  # path -> articles expected from a file not read yet
        self.known = 0  # articles to write, of the files read so far
        self.done = 0
        self.kept = 0
        self.committed = 0
        self.path = ""
        self.first_done: float | None = None
        self.last_sent = 0.0

    @property
    def total(self) -> int:
        return self.known + sum(self.estimated.values())

    def read(self, key: str, to_write: int, kept: int) -> None:
        self.estimated.pop(key, None)
        self.known += to_write
        self.kept += kept

    def seconds_left(self) -> float | None:
        """Estimated from the rate so far (None until there is one)."""
        if self.first_done is None or self.done < 2:
            return None
        elapsed = time.monotonic() - self.first_done
        return (self.total - self.done) * elapsed / (self.done - 1) if elapsed > 0 else None

    def wrote(self) -> None:
        self.done += 1
        if self.first_done is None:
            self.first_done = time.monotonic()

    def tell(self, path: str = "", force: bool = False) -> None:
        if self.callback is None:
            return
        now = time.monotonic()
        if path:
            self.path = path
        if not force and now - self.last_sent < PROGRESS_SECONDS:
            return
        self.last_sent = now
        seconds = now - self.first_done if self.first_done is not None else 0.0
        self.callback(BuildProgress(
            files_total=self.files_total, files_done=self.files_done, articles_done=self.done,
            articles_total=max(self.total, self.done), articles_kept=self.kept, articles_committed=self.committed,
            seconds=seconds, path=self.path,
        ))


def build_index(
    paths: Iterable,
    index_dir,
    model: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Callable[[BuildProgress], None] | None = None,
    analyzer=None,
    lock_timeout: float = DEFAULT_TIMEOUT,
    commit_every: int = COMMIT_EVERY,
    commit_seconds: float = COMMIT_SECONDS,
    batch_size: int = ANALYSIS_BATCH,
    workers: int | None = None,
    first_commit_seconds: float = FIRST_COMMIT_SECONDS,
    kept_signatures: Iterable[str] | None = None,
    newest_first: bool = False,
) -> BuildReport:
    """Build or update the index of ``paths`` (files and folders) in ``index_dir``.

    ``analyzer`` defaults to ``ParallelAnalyzer(model, workers)`` (``workers``
    None: one per core). Its ``signature`` is compared with the manifest's: a
    file annotated by another analysis counts as changed, unless its signature is
    one of ``kept_signatures`` (None: ``signature.kept_signatures(model)``, the
    accurate tier's when ``model`` is the fast default). ``newest_first``: each file's
    articles are analysed from the newest date to the oldest (undated last), as a
    reader looks at them: the accurate pass upgrades what is on top of the list first.
    Raises IndexBusyError when another process holds the index for longer than
    ``lock_timeout`` seconds. On KeyboardInterrupt the uncommitted batch is
    dropped, committed work stays, and the interrupt propagates.
    """
    from newsdesk.index.ingest import iter_files, read_file

    t0 = time.monotonic()
    roots = [Path(p) for p in paths]
    index_dir = Path(index_dir)
    report = BuildReport()
    with index_lock(index_dir, lock_timeout):
        exists = _index_exists(index_dir)
        manifest = Manifest.load(index_dir) if exists else Manifest()
        if analyzer is None:
            from newsdesk.index.analysis.parallel import ParallelAnalyzer

            analyzer = ParallelAnalyzer(model, workers)
        signature = analyzer.signature
        if kept_signatures is None:
            from newsdesk.index.analysis.signature import kept_signatures as kept_by_model

            kept_signatures = kept_by_model(model)
        current = {signature, *kept_signatures}
        # the analyses' pipeline, as shown with each article and in the summary (read without loading it)
        report.model = getattr(analyzer, "model_label", "")

        # 1. which files may have changed
        seen: set[str] = set()
        candidates: list[tuple[str, Path, os.stat_result]] = []
        resolved = [r.expanduser().resolve() if r.exists() else r for r in roots]
        for path in iter_files(resolved):
            key = indexed_path(path)
            if key in seen:
                continue
            seen.add(key)
            try:
                st = os.stat(key)
            except OSError as exc:
                report.skipped.append(Skipped(key, f"cannot read: {exc.strerror or exc}"))
                continue
            entry = manifest.files.get(key)
            if (entry is not None and entry.size == st.st_size and entry.mtime_ns == st.st_mtime_ns
                    and entry.signature in current):
                report.unchanged += 1
                report.articles_unchanged += entry.articles
            else:
                candidates.append((key, Path(key), st))
        gone = [key for key in manifest.files if key not in seen]
        if exists and not candidates and not gone:
            # nothing to do: Whoosh (and the model) were never loaded
            write_info(index_dir, corpus_key(roots), SCHEMA_VERSION)
            report.seconds = time.monotonic() - t0
            return report
        from whoosh.query import And, Not, Or, Term

        ix, created = open_or_create(index_dir)
        if created:
            # A new (or rebuilt) index holds nothing: the manifest must not claim anything either
            # (``exists`` was False, so every file is a candidate already).
            Manifest.clear(index_dir)
        write_info(index_dir, corpus_key(roots), SCHEMA_VERSION)

        committed = _Committed(ix)
        batch = _Batch(ix, index_dir, commit_every, commit_seconds, first_commit_seconds)
        counter = _Progress(progress, len(candidates), {key: estimate_articles(path) for key, path, _st in candidates})
        try:
            # 2. files that are gone
            for key in gone:
                batch.delete(Term("path", key))
                batch.complete(key, None)
                report.removed += 1
                report.articles_removed += len(committed.of_path(key))

            # 3. read, hash, analyse, write
            pending: deque[tuple[_FileWork, Article]] = deque()
            expect = getattr(analyzer, "expect", None)  # ParallelAnalyzer: start the processes early

            def file_done(work_key: str) -> None:
                counter.files_done += 1
                counter.tell(work_key, force=True)

            def texts():
                for key, path, st in candidates:
                    entry = manifest.files.get(key)
                    try:
                        digest = content_hash(path)
                    except OSError as exc:
                        report.skipped.append(Skipped(key, f"cannot read: {exc.strerror or exc}"))
                        counter.read(key, 0, 0)
                        file_done(key)
                        continue
                    if entry is not None and entry.hash == digest and entry.signature in current:
                        # Touched but not changed: refresh size/mtime only.
                        batch.complete(key, FileEntry(st.st_size, st.st_mtime_ns, digest, entry.articles,
                                                      entry.signature))
                        report.unchanged += 1
                        report.articles_unchanged += entry.articles
                        counter.read(key, 0, 0)
                        file_done(key)
                        continue
                    if expect is not None:
                        expect(st.st_size)  # the analysis processes load the pipeline while the file is read
                    articles = []
                    skipped_before = len(report.skipped)
                    for item in read_file(path, max_bytes=max_bytes):
                        if isinstance(item, Article):
                            articles.append(item)
                        else:
                            report.skipped.append(item)
                    version = file_version(digest, signature)
                    before = committed.of_path(key)
                    unreadable = not articles and len(report.skipped) > skipped_before
                    if unreadable:
                        # Listed in report.skipped; its old documents (if any) are gone, and
                        # without a manifest entry it is tried again next time.
                        if before:
                            batch.delete(Term("path", key))
                        if entry is not None or before:
                            report.removed += 1
                            report.articles_removed += len(before)
                        batch.complete(key, None)
                        counter.read(key, 0, 0)
                        file_done(key)
                        continue
                    kept = (committed.of_versions(key, {file_version(digest, s) for s in current})
                            if before else set())
                    ids = {a.id for a in articles}
                    # same text, another analysis: each old document goes with the commit of its new one
                    replaced = frozenset((before - kept) & ids) if entry is not None and entry.hash == digest \
                        else frozenset()
                    if replaced and before - kept - replaced:
                        batch.delete(And([Term("path", key), Or([Term("id", i) for i in sorted(before - kept - replaced)])]))
                    elif before - kept - replaced:
                        batch.delete(And([Term("path", key), Not(Term("version", version))]))
                    todo = [a for a in articles if a.id not in kept]
                    in_file = len(articles)
                    del articles  # each article is let go once written (a JSONL corpus is one file)
                    if newest_first:
                        todo.sort(key=lambda a: (a.date is not None, a.date or dt.date.min), reverse=True)
                    if entry is not None or (before and not kept):
                        report.updated += 1
                    else:
                        report.added += 1
                    report.articles_kept += len(kept & ids)
                    report.articles_removed += len(before - ids)
                    for a in todo:
                        if a.id in before:
                            report.articles_updated += 1
                        else:
                            report.articles_added += 1
                    counter.read(key, len(todo), len(kept & ids))
                    work = _FileWork(key, st.st_size, st.st_mtime_ns, digest, version, in_file, len(todo),
                                     replaced)
                    if not todo:  # empty, or all committed by an earlier run
                        batch.complete(key, FileEntry(work.size, work.mtime_ns, work.hash, work.articles, signature))
                        file_done(key)
                        continue
                    counter.tell(key)
                    queued = deque(todo)
                    del todo
                    while queued:
                        article = queued.popleft()
                        pending.append((work, article))
                        yield article.text, article.date
                        del article

            for analysis in analyzer.analyze_many(texts(), batch_size=batch_size):
                work, article = pending.popleft()
                if article.id in work.replaced:
                    # (deletions reach committed documents only, never the one added next)
                    batch.delete(Term("id", article.id))
                batch.add(article_document(article, analysis, work.key, work.version, report.model))
                report.articles += 1
                counter.wrote()
                work.remaining -= 1
                if work.remaining == 0:
                    batch.complete(work.key, FileEntry(work.size, work.mtime_ns, work.hash, work.articles, signature))
                    counter.files_done += 1
                if batch.due(counter.seconds_left()):
                    if batch.commit():
                        counter.committed = counter.done
                    counter.tell(work.key, force=True)
                else:
                    counter.tell(work.key)
            if pending:
                raise StoreError("the analyzer returned fewer analyses than it was given texts")
            if batch.commit(final=True):
                counter.committed = counter.done
            counter.tell(force=True)
        except BaseException:
            batch.cancel()
            raise
        finally:
            committed.close()
            if hasattr(analyzer, "close"):
                analyzer.close()  # processes started by ``expect`` when nothing came to analyse
    report.seconds = time.monotonic() - t0
    return report
