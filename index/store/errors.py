"""Errors raised by the store; each carries a short message fit for the user.

One hierarchy, rooted at :class:`StoreError`: whoever reads the index catches
that and nothing else (the reader's typed interface to the store maps whatever
Whoosh or the file system raises onto it).
"""


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


class ArticleNotFoundError(StoreError, KeyError):
    """The index holds no article with that id (a KeyError too, for ``except KeyError`` callers)."""

    def __init__(self, article_id: str):
        super().__init__(article_id)
        self.article_id = article_id

    def __str__(self) -> str:
        return f"no article {self.article_id!r} in the index"


class IndexReadError(StoreError):
    """The index could not be read (a damaged or half-written file, a vanished folder)."""
