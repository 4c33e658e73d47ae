"""Serialised access to the store from the UI thread and the reader's worker threads.

A Whoosh searcher is not thread-safe (its files are shared, with a read
position). The reader does slow store calls (the first page of a big index, an
entity's mentions across the corpus) in threads so the screen stays live; every
call goes through one lock, so they never interleave with the UI's own calls.
"""

from __future__ import annotations

import threading


class LockedStore:
    """Wraps a Store: each method call holds the same re-entrant lock."""

    def __init__(self, store) -> None:
        self._store = store
        self.lock = threading.RLock()

    @property
    def wrapped(self):
        return self._store

    def __getattr__(self, name: str):
        attr = getattr(self._store, name)
        if not callable(attr):
            return attr
        lock = self.lock

        def call(*args, **kwargs):
            with lock:
                return attr(*args, **kwargs)

        call.__name__ = name
        return call
