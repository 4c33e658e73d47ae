"""Background loaders of the reader: thread workers whose failure is a message, never an exit.

Textual's ``@work`` ends the whole app when a worker raises
(``exit_on_error=True``). A loader of the reader (an entity's mentions, the
first page of a big index, the timeline, a refresh after the indexer
committed) runs with :func:`loader` instead: if anything in it raises, the
node that started it receives :class:`LoadFailed`, which bubbles up to the
app; the screen may show the failure where the data would have been, and the
app tells the user in a notification. The reader keeps running.
"""

from __future__ import annotations

import functools
from typing import Callable

from textual import work
from textual.message import Message

from newsdesk.index.store import StoreError


class LoadFailed(Message):
    """A background loader failed: its ``group``, a ``title`` for the user ("Cannot load the
    mentions") and the ``reason`` (one line)."""

    def __init__(self, group: str, title: str, reason: str) -> None:
        super().__init__()
        self.group = group
        self.title = title
        self.reason = reason


def loader(*, group: str, failure: str) -> Callable:
    """``@work(thread=True, exclusive=True, group=group)`` that reports failure as :class:`LoadFailed`.

    ``failure`` is the title the user sees when it fails ("Cannot load the
    mentions"). The decorated method runs in a thread; it hands its result to
    the UI with ``app.call_from_thread``.
    """

    def decorate(method: Callable) -> Callable:
        @functools.wraps(method)
        def run(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except Exception as exc:  # whatever it was: a message, not the end of the reader
                if not isinstance(exc, StoreError):
                    self.log.error(f"{failure}:", exc)
                self.post_message(LoadFailed(group, failure, failure_reason(exc)))
                return None

        return work(thread=True, exclusive=True, group=group, exit_on_error=False)(run)

    return decorate


def failure_reason(exc: BaseException) -> str:
    """One line for the user: the store's own message, else the exception's type and first line."""
    if isinstance(exc, StoreError):
        return str(exc)
    lines = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {lines[0]}" if lines else type(exc).__name__
