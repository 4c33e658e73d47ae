"""Import Whoosh without the modules it imports for features newsdesk does not use.

- ``whoosh.compat`` imports ``urllib.request`` (for ``urlretrieve``, which nothing
  in newsdesk calls); that pulls in http, email, ssl and socket: about a third of
  the import time of a ``newsdesk search``.
- ``whoosh.query.terms`` imports ``whoosh.lang.morph_en`` (English word variations, for
  the ``Variations`` query newsdesk does not use), which compiles some hundreds of
  regular expressions: 15 ms.
- ``whoosh.compat`` imports ``html`` (for ``escape``, which only Whoosh's highlighting calls).
- ``whoosh.analysis`` imports ``whoosh.lang.porter``, the English stemmer (the default of
  ``StemFilter``; newsdesk's German analyzer has none: ``german.german_analyzer``), whose
  regular expressions are compiled on import.

:func:`import_whoosh` imports those two Whoosh modules (or the ones named) with a stand-in for each such
module, whose function imports the real module when called, then removes the stand-ins,
so any later import of them gets the real modules.
"""

from __future__ import annotations

import sys
import types
from importlib import import_module

# module -> the one name Whoosh takes from it
_DEFERRED = {"urllib.request": "urlretrieve", "whoosh.lang.morph_en": "variations", "html": "escape",
             "whoosh.lang.porter": "stem"}
_IMPORTS = ("whoosh.compat", "whoosh.query")


def _stand_in(module: str, name: str) -> types.ModuleType:
    def deferred(*args, **kwargs):
        return getattr(import_module(module), name)(*args, **kwargs)

    deferred.__name__ = name
    stand_in = types.ModuleType(module)
    setattr(stand_in, name, deferred)
    return stand_in


def import_whoosh(*names: str) -> None:
    """Import ``whoosh.compat`` (the first Whoosh module anything imports) and ``whoosh.query``
    (or the modules ``names``) without the modules of ``_DEFERRED``."""
    names = names or _IMPORTS
    if all(name in sys.modules for name in names):
        return
    stand_ins = {module: _stand_in(module, name) for module, name in _DEFERRED.items() if module not in sys.modules}
    sys.modules.update(stand_ins)
    try:
        for name in names:
            import_module(name)
    finally:
        for module, stand_in in stand_ins.items():
            if sys.modules.get(module) is stand_in:
                del sys.modules[module]


def import_alone(package: str, name: str) -> types.ModuleType:
    """Import the module ``name`` of ``package`` without running the package's ``__init__``
    (while it imports, a stand-in package with the real one's path is in ``sys.modules``; then
    it is removed, so a later import of the package runs its ``__init__``, which finds the
    module already imported). For ``whoosh.lang.snowball``, whose ``__init__`` imports the
    stemmers of 15 languages when newsdesk needs the German one."""
    full = f"{package}.{name}"
    if full in sys.modules or package in sys.modules:
        return import_module(full)
    from importlib.util import find_spec

    spec = find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return import_module(full)
    stand_in = types.ModuleType(package)
    stand_in.__path__ = list(spec.submodule_search_locations)
    stand_in.__spec__ = spec
    sys.modules[package] = stand_in
    try:
        return import_module(full)
    finally:
        if sys.modules.get(package) is stand_in:
            del sys.modules[package]
