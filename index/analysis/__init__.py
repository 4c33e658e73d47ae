"""Analysis of article text: named entities, temporal expressions, dated events.

``from newsdesk.index.analysis import Analyzer`` gives the analyzer. The import is lazy:
importing this package (or its spaCy-free modules such as
``index.analysis.captions`` and ``index.analysis.events``) does not load
spaCy; only touching ``Analyzer`` does. The reader relies on that.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsdesk.index.analysis.analyzer import Analyzer

__all__ = ["Analyzer"]


def __getattr__(name: str):
    if name == "Analyzer":
        from newsdesk.index.analysis.analyzer import Analyzer

        return Analyzer
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
