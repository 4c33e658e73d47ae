"""A module of the repository as it was at a git revision, for benchmarks that compare with it.

``module_at("da84f06", "index/analysis/events.py")`` imports that file's text at that revision
under another name (its own imports still resolve to the installed newsdesk), so a bench can
run the old and the new code on the same input in the same run.
"""

from __future__ import annotations

import importlib.util
import subprocess
import tempfile
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


def module_at(rev: str, path: str) -> ModuleType:
    """The module ``path`` (relative to the repository) as it is at git revision ``rev``."""
    source = subprocess.run(
        ["git", "-C", str(ROOT), "show", f"{rev}:{path}"], check=True, capture_output=True, text=True
    ).stdout
    name = f"{Path(path).stem}_at_{rev.replace('/', '_')}"
    file = Path(tempfile.mkdtemp()) / f"{name}.py"
    file.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location(name, file)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
