"""The repository as it was at a git revision, for benchmarks that compare with it in the same run.

``module_at("da84f06", "index/analysis/events.py")`` imports that file's text at that revision
under another name (its own imports still resolve to the installed newsdesk), so a bench can
run the old and the new code on the same input in the same run. ``export_revision("main")`` exports
the whole newsdesk package of a revision (``index/``, ``tui/``, seeds) to ``bench/.work``, a folder to
put first on ``PYTHONPATH`` of a child process (``revision_env``) that runs ``python -m newsdesk``.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "bench" / ".work"


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


def export_revision(rev: str) -> Path:
    """The newsdesk package of git revision ``rev`` as a folder to put on PYTHONPATH."""
    sha = subprocess.run(["git", "rev-parse", "--short", rev], cwd=ROOT, capture_output=True, text=True,
                         check=True).stdout.strip()
    target = WORK / f"before-{sha}"
    if (target / "newsdesk" / "tui" / "cli.py").is_file():
        return target
    if target.exists():
        shutil.rmtree(target)
    data = subprocess.run(["git", "archive", sha, "index", "tui", "seeds"], cwd=ROOT, capture_output=True,
                          check=True).stdout
    staging = target / "staging"
    with tarfile.open(fileobj=BytesIO(data)) as tar:
        tar.extractall(staging)
    package = target / "newsdesk"
    shutil.move(str(staging / "tui" / "package_root"), str(package))
    shutil.move(str(staging / "index"), str(package / "index"))
    shutil.move(str(staging / "tui"), str(package / "tui"))
    shutil.move(str(staging / "seeds"), str(package / "index" / "seeds"))
    shutil.rmtree(staging)
    return target


def revision_env(before: Path | None = None) -> dict:
    """The environment of a child process running the newsdesk exported to ``before`` (None: this
    checkout's), with bytecode caching on (as in an installed newsdesk)."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("PYTHONPATH", None)
    if before is not None:
        env["PYTHONPATH"] = str(before)
    return env
