"""Files -> articles.

``read_paths(paths, max_bytes=DEFAULT_MAX_BYTES)`` (20 MB) walks files and folders and yields
an :class:`~index.article.Article` for every article found and a
:class:`Skipped` (``str()`` = "path: reason") for everything unreadable.
Supported: ``.txt`` (seed format with a ``date YYYY-MM-DD`` first line, or
plain text), ``.md``, ``.json`` (an object or an array), ``.jsonl``,
``.html``/``.htm``.
"""

from .files import DEFAULT_MAX_BYTES, SUPPORTED_EXTENSIONS, iter_files, read_file, read_paths, walk_paths
from .skipped import Skipped

__all__ = ["DEFAULT_MAX_BYTES", "SUPPORTED_EXTENSIONS", "Skipped", "iter_files", "read_file", "read_paths", "walk_paths"]
