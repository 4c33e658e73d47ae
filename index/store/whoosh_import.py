"""Import Whoosh without the modules it imports for features newsdesk does not use.

``whoosh.compat`` imports ``urllib.request`` (for ``urlretrieve``, which nothing
in newsdesk calls); that pulls in http, email, ssl and socket: about a third of
the import time of a ``newsdesk search``. :func:`import_whoosh` imports
``whoosh.compat`` with a stand-in ``urllib.request`` whose ``urlretrieve`` imports
the real one when called, then removes the stand-in, so any later
``import urllib.request`` gets the real module.
"""

from __future__ import annotations

import sys
import types


def _urlretrieve(*args, **kwargs):
    from urllib.request import urlretrieve

    return urlretrieve(*args, **kwargs)


def import_whoosh() -> None:
    """Import ``whoosh.compat`` (the first Whoosh module anything imports) without ``urllib.request``."""
    if "whoosh.compat" in sys.modules or "urllib.request" in sys.modules:
        return
    stand_in = types.ModuleType("urllib.request")
    stand_in.urlretrieve = _urlretrieve
    sys.modules["urllib.request"] = stand_in
    try:
        import whoosh.compat  # noqa: F401
    finally:
        if sys.modules.get("urllib.request") is stand_in:
            del sys.modules["urllib.request"]
