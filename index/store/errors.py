"""Errors raised by the store; each carries a short message fit for the user."""


class StoreError(Exception):
    """Base class of the store's errors."""


class QueryError(StoreError):
    """A search query that cannot be run (malformed, too long, too broad)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class IndexNotFoundError(StoreError):
    """There is no index at the given directory (yet)."""


class IndexBusyError(StoreError):
    """Another process is updating the same index."""
