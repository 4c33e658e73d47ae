"""newsdesk's index: a Whoosh index of analysed articles, built incrementally.

Public API (see each name's docstring)::

    from newsdesk.index.store import Store, build_index, index_dir_for, default_corpus

The reader uses ``Store`` only; ``build_index`` is the one writer.

Names are imported on first use (PEP 562), so that searching does not import
the builder (and its file locks), nor the package's other parts it does not need.
"""

from __future__ import annotations

from importlib import import_module

from .errors import ArticleNotFoundError, IndexBusyError, IndexNotFoundError, IndexReadError, QueryError, StoreError

# name -> submodule that defines it
_LAZY = {
    "build_index": "builder",
    "IndexInfo": "locations",
    "data_dir": "locations",
    "default_corpus": "locations",
    "index_dir_for": "locations",
    "list_indexes": "locations",
    "read_info": "locations",
    "remove_index": "locations",
    "ArticleSummary": "summary",
    "BuildProgress": "records",
    "BuildReport": "records",
    "DatedEvent": "records",
    "EntityInfo": "records",
    "Hit": "summary",
    "Mention": "records",
    "SearchResults": "summary",
    "StoredArticle": "records",
    "match_spans": "search",
    "Store": "store",
}


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(_LAZY))


__all__ = sorted(["ArticleNotFoundError", "IndexBusyError", "IndexNotFoundError", "IndexReadError", "QueryError",
                  "StoreError", *_LAZY])
