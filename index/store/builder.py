"""Incremental index build: files -> articles -> analysis -> Whoosh documents.

A run
1. lists the corpus files and compares each one's size and mtime with the
   manifest; files that match and were annotated by the current analysis are
   not read at all;
2. reads the other files, hashes their bytes: same hash and analysis as in the
   manifest means unchanged (only the manifest's size/mtime are refreshed);
3. reads the changed and new files into articles (ingest), analyses them in
   batches (``Analyzer.analyze_many``), replaces the file's documents;
4. removes the documents of files that are gone;
5. commits every ``commit_every`` articles or ``commit_seconds`` seconds and
   writes the manifest entries of the files completed by that commit only
   after it, so an interrupted run leaves an index that opens and holds every
   committed article, and the next run completes it without duplicates
   (a file's documents are always deleted by path before they are added).
"""

from __future__ import annotations

import hashlib
import os
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from whoosh import index as whoosh_index
from whoosh.query import Or, Term

from newsdesk.index.article import Article
from newsdesk.index.ingest.files import DEFAULT_MAX_BYTES
from newsdesk.index.ingest.skipped import Skipped

from .errors import StoreError
from .lock import DEFAULT_TIMEOUT, index_lock
from .locations import WHOOSH_DIR, corpus_key, read_info, write_info
from .manifest import FileEntry, Manifest
from .records import BuildProgress, BuildReport, article_document, indexed_path
from .schema import SCHEMA_VERSION, build_schema

COMMIT_EVERY = 500  # articles
COMMIT_SECONDS = 10.0
ANALYSIS_BATCH = 32


def content_hash(path: Path, chunk: int = 1 << 20) -> str:
    """Hash of a file's bytes, read a chunk at a time (memory stays bounded for any file size)."""
    h = hashlib.blake2b(digest_size=16)
    with open(path, "rb") as fh:
        while block := fh.read(chunk):
            h.update(block)
    return h.hexdigest()


def open_or_create(index_dir: Path):
    """Open the Whoosh index in ``index_dir`` (created, or rebuilt on a schema change)."""
    wdir = Path(index_dir) / WHOOSH_DIR
    info = read_info(index_dir)
    if wdir.is_dir() and whoosh_index.exists_in(str(wdir)) and info.get("schema") == SCHEMA_VERSION:
        return whoosh_index.open_dir(str(wdir)), False
    wdir.mkdir(parents=True, exist_ok=True)
    return whoosh_index.create_in(str(wdir), build_schema()), True


@dataclass
class _FileWork:
    key: str  # indexed_path of the file
    path: Path
    size: int
    mtime_ns: int
    hash: str
    ids: list[str] = field(default_factory=list)
    remaining: int = 0


class _Batch:
    """The open Whoosh writer and the files whose documents it holds completely."""

    def __init__(self, ix, index_dir: Path, manifest: Manifest, commit_every: int, commit_seconds: float):
        self.ix = ix
        with ix.reader() as reader:
            # Files the index holds documents of (the manifest may lag behind after an interruption).
            self.indexed_paths = {t.decode("utf-8") for t in reader.lexicon("path")}
        self.to_delete: set[str] = set()
        self.index_dir = index_dir
        self.manifest = manifest
        self.commit_every = commit_every
        self.commit_seconds = commit_seconds
        self.writer = None
        self.completed: list[tuple[str, FileEntry | None]] = []
        self.articles = 0
        self.started = time.monotonic()
        self.dirty = False

    def w(self):
        if self.writer is None:
            self.writer = self.ix.writer(limitmb=128, compound=False)  # compound segments are read whole into memory on open
            self.started = time.monotonic()
        return self.writer

    def delete_path(self, key: str) -> None:
        """Delete the file's committed documents (done at the commit, in one query)."""
        if key in self.indexed_paths:
            self.to_delete.add(key)
            self.w()
            self.dirty = True

    def add(self, doc: dict) -> None:
        self.w().add_document(**doc)
        self.articles += 1
        self.dirty = True

    def complete(self, key: str, entry: FileEntry | None) -> None:
        """Record the manifest change for a file whose documents are all in this batch."""
        self.completed.append((key, entry))

    def due(self) -> bool:
        return self.articles >= self.commit_every or (
            self.writer is not None and time.monotonic() - self.started >= self.commit_seconds
        )

    def commit(self) -> None:
        if self.writer is not None:
            if self.to_delete:
                # Documents added by this writer are not affected: deletion applies to committed segments.
                self.writer.delete_by_query(Or([Term("path", key) for key in sorted(self.to_delete)]))
                self.indexed_paths -= self.to_delete
                self.to_delete = set()
            if self.dirty:
                self.writer.commit()
            else:
                self.writer.cancel()
            self.writer = None
        if self.completed:
            for key, entry in self.completed:
                if entry is None:
                    self.manifest.files.pop(key, None)
                else:
                    self.manifest.files[key] = entry
            self.manifest.save(self.index_dir)
            self.completed = []
        self.articles = 0
        self.dirty = False

    def cancel(self) -> None:
        self.to_delete = set()
        if self.writer is not None:
            try:
                self.writer.cancel()
            finally:
                self.writer = None


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
) -> BuildReport:
    """Build or update the index of ``paths`` (files and folders) in ``index_dir``.

    ``analyzer`` defaults to ``Analyzer(model)``; its ``signature`` is read on
    every run (which loads the model) because a file annotated by another
    analysis counts as changed.
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
        ix, created = open_or_create(index_dir)
        if created:
            # A new (or rebuilt) index holds nothing: the manifest must not claim anything either.
            manifest = Manifest()
            manifest.save(index_dir)
        else:
            manifest = Manifest.load(index_dir)
        write_info(index_dir, corpus_key(roots), SCHEMA_VERSION)
        if analyzer is None:
            from newsdesk.index.analysis.analyzer import Analyzer

            analyzer = Analyzer(model)
        signature = analyzer.signature

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
                    and entry.signature == signature):
                report.unchanged += 1
            else:
                candidates.append((key, Path(key), st))
        gone = [key for key in manifest.files if key not in seen]

        batch = _Batch(ix, index_dir, manifest, commit_every, commit_seconds)
        try:
            # 2. files that are gone
            for key in gone:
                batch.delete_path(key)
                batch.complete(key, None)
                report.removed += 1

            # 3. read, hash, analyse, write
            pending: deque[tuple[_FileWork, Article]] = deque()
            files_done = 0

            def tell(path: str) -> None:
                if progress is not None:
                    progress(BuildProgress(len(candidates), files_done, report.articles, path))

            def texts():
                nonlocal files_done
                for key, path, st in candidates:
                    entry = manifest.files.get(key)
                    try:
                        digest = content_hash(path)
                    except OSError as exc:
                        report.skipped.append(Skipped(key, f"cannot read: {exc.strerror or exc}"))
                        files_done += 1
                        tell(key)
                        continue
                    if entry is not None and entry.hash == digest and entry.signature == signature:
                        # Touched but not changed: refresh size/mtime only.
                        entry_new = FileEntry(st.st_size, st.st_mtime_ns, digest, entry.ids, signature)
                        batch.complete(key, entry_new)
                        report.unchanged += 1
                        files_done += 1
                        tell(key)
                        continue
                    work = _FileWork(key, path, st.st_size, st.st_mtime_ns, digest)
                    articles = []
                    skipped_before = len(report.skipped)
                    for item in read_file(path, max_bytes=max_bytes):
                        if isinstance(item, Article):
                            articles.append(item)
                        else:
                            report.skipped.append(item)
                    batch.delete_path(key)
                    unreadable = not articles and len(report.skipped) > skipped_before
                    if unreadable:
                        # Listed in report.skipped; its old documents (if any) are gone, and
                        # without a manifest entry it is tried again next time.
                        if entry is not None:
                            report.removed += 1
                        batch.complete(key, None)
                        files_done += 1
                        tell(key)
                        continue
                    if entry is not None:
                        report.updated += 1
                    else:
                        report.added += 1
                    if not articles:  # an empty file: nothing to index, nothing to try again
                        batch.complete(key, FileEntry(work.size, work.mtime_ns, work.hash, [], signature))
                        files_done += 1
                        tell(key)
                        continue
                    work.remaining = len(articles)
                    work.ids = [a.id for a in articles]
                    for article in articles:
                        pending.append((work, article))
                        yield article.text, article.date

            for analysis in analyzer.analyze_many(texts(), batch_size=batch_size):
                work, article = pending.popleft()
                batch.add(article_document(article, analysis, work.key, work.hash))
                report.articles += 1
                work.remaining -= 1
                if work.remaining == 0:
                    batch.complete(work.key, FileEntry(work.size, work.mtime_ns, work.hash, work.ids, signature))
                    files_done += 1
                    tell(work.key)
                if batch.due():
                    batch.commit()
            if pending:
                raise StoreError("the analyzer returned fewer analyses than it was given texts")
            batch.commit()
        except BaseException:
            batch.cancel()
            raise
    report.seconds = time.monotonic() - t0
    return report

