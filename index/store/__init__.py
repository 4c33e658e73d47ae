"""newsdesk's index: a Whoosh index of analysed articles, built incrementally.

Public API (see each name's docstring)::

    from newsdesk.index.store import Store, build_index, index_dir_for, default_corpus

The reader uses ``Store`` only; ``build_index`` is the one writer.
"""

from .builder import build_index
from .errors import ArticleNotFoundError, IndexBusyError, IndexNotFoundError, IndexReadError, QueryError, StoreError
from .locations import (
    IndexInfo,
    data_dir,
    default_corpus,
    index_dir_for,
    list_indexes,
    read_info,
    remove_index,
)
from .records import (
    ArticleSummary,
    BuildProgress,
    BuildReport,
    DatedEvent,
    EntityInfo,
    Hit,
    Mention,
    SearchResults,
    StoredArticle,
)
from .search import match_spans
from .store import Store

__all__ = [
    "ArticleNotFoundError",
    "ArticleSummary",
    "BuildProgress",
    "BuildReport",
    "DatedEvent",
    "EntityInfo",
    "Hit",
    "IndexBusyError",
    "IndexReadError",
    "IndexInfo",
    "IndexNotFoundError",
    "Mention",
    "QueryError",
    "SearchResults",
    "Store",
    "StoreError",
    "StoredArticle",
    "build_index",
    "data_dir",
    "default_corpus",
    "index_dir_for",
    "list_indexes",
    "match_spans",
    "read_info",
    "remove_index",
]
