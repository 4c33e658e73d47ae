"""How long ``newsdesk search`` takes as a whole process, and its first query in a fresh process.

    python bench/search_startup.py [--articles 10000] [--runs 15] [--before-rev REV]

The index is ``bench/engines.py``'s newsdesk index of its synthetic corpus (built and cached
there; ``--index DIR`` takes another). Five queries, one of each kind: a frequent word, a
rare word, two words (AND), a phrase, and one in other syntax (OR: the store answers it).

Printed, as medians of ``--runs`` runs interleaved with each other (the machine is shared):

- the whole process ``python -m newsdesk search --index DIR QUERY`` (wall and CPU ms: interpreter
  start-up, imports, search, output), beside ``python -c pass`` (the interpreter alone, the
  baseline of the same run) and, with ``--before-rev REV``, beside the newsdesk of that git
  revision run the same way (its ``index/``, ``tui/`` and seeds exported to ``bench/.work``,
  put first on ``PYTHONPATH``); the installed ``newsdesk`` command too;
- the first query in a fresh process, after the imports: CPU ms of ``quick_search`` (what
  ``newsdesk search`` runs for words and phrases), of ``Store.open(single_query=True)`` +
  ``search`` (its path for other queries) and of the reader's store (``Store.open`` + ``search``,
  numpy imported before), the 20 hits' snippets included, and the CPU ms of the imports before each;
  with ``--before-rev``, the same three of that revision, the variants interleaved run by run.

Bytecode caching is on (as in an installed newsdesk).
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.corpus import NOUNS, PEOPLE, PLACES  # noqa: E402
from bench.revisions import export_revision, revision_env  # noqa: E402

QUERIES = {
    "frequent": NOUNS[0],
    "rare": NOUNS[-1],
    "and": f"{NOUNS[1]} {PLACES[0]}",
    "phrase": f'"{PEOPLE[0]}"',
    "other (OR)": f"{NOUNS[0]} OR {NOUNS[2]}",
}

FIRST_QUERY = """
import sys, time
c0 = time.process_time()
mode, index_dir, query = sys.argv[1:4]
if mode == "quick":  # as newsdesk search: the store answers what quick_search leaves to it
    from newsdesk.index.store.quick_search import quick_search
    c1 = time.process_time()
    results = quick_search(index_dir, query, limit=20)
    if results is None:
        from newsdesk.index.store import Store
        results = Store.open(index_dir, single_query=True).search(query, limit=20)
else:
    from newsdesk.index.store import Store
    if mode == "arrays":
        import numpy  # the reader's store ranks with numpy: part of its start-up
    c1 = time.process_time()
    results = Store.open(index_dir, single_query=mode == "store").search(query, limit=20)
[h.snippet for h in results.hits]
print(time.process_time() - c1, c1 - c0, "numpy" in sys.modules)
"""


def _timed(command: list[str], env: dict) -> tuple[float, float]:
    """(wall ms, CPU ms) of one process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, env=env, cwd="/")
    wall = (time.perf_counter() - t) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) * 1000


def whole_process(index_dir: Path, runs: int, before: Path | None) -> None:
    python = [sys.executable]
    commands: dict[str, tuple[list[str] | None, dict]] = {"python -c pass": (python + ["-c", "pass"], revision_env())}
    for kind, query in QUERIES.items():
        args = ["search", "--index", str(index_dir), query]
        commands[f"after  {kind}"] = (python + ["-m", "newsdesk", *args], revision_env())
        if before is not None:
            commands[f"before {kind}"] = (python + ["-m", "newsdesk", *args], revision_env(before))
    script = Path(sys.executable).parent / "newsdesk"
    if script.is_file():
        commands["installed newsdesk, phrase"] = ([str(script), "search", "--index", str(index_dir),
                                                    QUERIES["phrase"]], revision_env())
    for command, env in commands.values():  # write the .pyc files
        _timed(command, env)
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, (command, env) in commands.items():
            times[name].append(_timed(command, env))
    base_wall = statistics.median(w for w, _c in times["python -c pass"])
    print(f"\nwhole process 'newsdesk search --index DIR QUERY' (python -m newsdesk), medians of {runs} "
          f"interleaved runs:")
    print(f"{'':30}{'wall ms':>9}{'CPU ms':>9}{'wall - python -c pass':>24}")
    for name, ts in times.items():
        wall, cpu = statistics.median(w for w, _c in ts), statistics.median(c for _w, c in ts)
        print(f"{name:30}{wall:9.0f}{cpu:9.0f}{wall - base_wall:24.0f}")
    print(f"load average after: {os.getloadavg()[0]:.1f} (1 min) on {os.cpu_count()} cores")
    if before is not None:
        print("after / before (wall, median):  " + "  ".join(
            f"{kind} {statistics.median(w for w, _ in times[f'after  {kind}']) / statistics.median(w for w, _ in times[f'before {kind}']):.2f}"
            for kind in QUERIES))


def first_query(index_dir: Path, runs: int, before: Path | None) -> None:
    print(f"\nfirst query in a fresh process (CPU ms after the imports; the imports' CPU ms; *: numpy imported "
          f"to rank it, more postings than the plain ranker takes on), medians of {runs}:")
    variants = [("quick_search", "quick", revision_env()), ("Store single_query", "store", revision_env()),
                ("reader's Store", "arrays", revision_env())]
    if before is not None:
        variants += [("before: quick_search", "quick", revision_env(before)),
                     ("before: Store single_query", "store", revision_env(before)),
                     ("before: reader's Store", "arrays", revision_env(before))]
    for kind, query in QUERIES.items():
        if kind.startswith("other"):
            continue
        searched = {label: [] for label, _mode, _env_ in variants}
        imported = {label: [] for label, _mode, _env_ in variants}
        numpy_used = {}
        for _ in range(runs):  # the variants interleaved, run after run
            for label, mode, env in variants:
                out = subprocess.run([sys.executable, "-c", FIRST_QUERY, mode, str(index_dir), query],
                                     capture_output=True, text=True, check=True, env=env, cwd="/").stdout.split()
                searched[label].append(float(out[0]) * 1000)
                imported[label].append(float(out[1]) * 1000)
                numpy_used[label] = out[2] == "True" and mode != "arrays"
        cells = [f"{label} {statistics.median(searched[label]):.1f}{'*' if numpy_used[label] else ''} "
                 f"({statistics.median(imported[label]):.0f})" for label, _mode, _env_ in variants]
        print(f"  {kind:9} " + " | ".join(cells))
    print(f"  load average after: {os.getloadavg()[0]:.1f} (1 min) on {os.cpu_count()} cores")


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--articles", type=int, default=10_000)
    p.add_argument("--index", type=Path, help="an index to search (default: bench/engines.py's)")
    p.add_argument("--runs", type=int, default=15)
    p.add_argument("--before-rev", help="also time the newsdesk of this git revision (e.g. main)")
    p.add_argument("--first-query-only", action="store_true", help="skip the whole-process timings")
    args = p.parse_args(argv)
    if args.index is None:
        from bench.engines import Newsdesk

        engine = Newsdesk(args.articles)
        engine.build()
        index_dir = engine.dir
    else:
        index_dir = args.index.resolve()
    before = export_revision(args.before_rev) if args.before_rev else None
    print(f"index: {index_dir}" + (f"; before: {args.before_rev} ({before.name})" if before else ""))
    if not args.first_query_only:
        whole_process(index_dir, args.runs, before)
    first_query(index_dir, max(5, args.runs // 2), before)
    return 0


if __name__ == "__main__":
    sys.exit(main())
