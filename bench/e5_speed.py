"""Speed, memory and load time of the accurate tier (de_newsdesk_e5) against the fast default (prints figures).

  python bench/e5_speed.py [--words 5000] [--depths 4,6,8,12] [--batch-tokens 1024,2048,4096]
                           [--before REV] [--rounds 3]

Text: the bundled seed articles (and GermEval 2014 dev paragraphs when the
shared data is there), cut to about --words words; words = whitespace-separated.
Every figure comes from a fresh interpreter:

* load: import + load_pipeline + the first one-sentence text (wall and CPU seconds);
* one core: the whole pipeline (nlp.pipe) with one BLAS thread: words/s of
  wall time and of CPU time, peak RSS;
* two cores: two such processes on halves of the text at once (what an
  indexer with two workers gets), wall words/s, against one process with two
  BLAS threads (threads inside the matrix products instead of processes);
* the e5 encoder alone at several depths (layers computed) and batch sizes,
  words/s of CPU time: the room for a faster configuration.

With ``--before REV`` (a git revision) the pipeline figures are measured for
the e5 package (index/analysis/e5) of REV too, alternating with the working
tree's, round by round (``--rounds``); each figure is the median of its rounds.

The machine may be shared: CPU-time figures are what one idle core does, wall
figures what this run got.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ONE_THREAD = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
FAST, ACCURATE = "de_newsdesk", "de_newsdesk_e5"
E5_PACKAGE = "newsdesk.index.analysis.e5"
# a worker started with this variable imports the e5 package from that folder instead of the working tree
PACKAGE_ENV = "NEWSDESK_BENCH_E5_PACKAGE"


def export_e5_package(rev: str, into: Path) -> Path:
    """index/analysis/e5 as it is at git revision ``rev``, written under ``into``."""
    archive = subprocess.run(["git", "archive", rev, "index/analysis/e5"], cwd=ROOT, capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)
    return into / "index" / "analysis" / "e5"


def use_e5_package(folder: str) -> None:
    """Make ``newsdesk.index.analysis.e5`` (and its modules) the package in ``folder``."""
    import importlib.util

    import newsdesk.index.analysis  # noqa: F401  (the parent package stays the working tree's)

    spec = importlib.util.spec_from_file_location(E5_PACKAGE, Path(folder) / "__init__.py",
                                                  submodule_search_locations=[folder])
    module = importlib.util.module_from_spec(spec)
    sys.modules[E5_PACKAGE] = module
    spec.loader.exec_module(module)


def texts(words: int) -> list[str]:
    sys.path.insert(0, str(ROOT))
    from bench.ner_speed import news_texts

    out, n = [], 0
    for text in news_texts():
        if n >= words:
            break
        out.append(text)
        n += len(text.split())
    return out


def _child(args: list[str], env_extra: dict | None = None, package: str | None = None) -> dict:
    env = {**os.environ, **ONE_THREAD, **(env_extra or {})}
    env.pop(PACKAGE_ENV, None)
    if package:
        env[PACKAGE_ENV] = package
    proc = subprocess.run([sys.executable, __file__, *args], cwd=ROOT, env=env, capture_output=True, text=True)
    if proc.returncode:
        raise SystemExit(f"worker failed: {proc.stderr.strip().splitlines()[-1] if proc.stderr else proc.returncode}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def worker(mode: str, model: str, words: int, part: str, extra: str) -> None:
    import resource

    t0, c0 = time.perf_counter(), time.process_time()
    if os.environ.get(PACKAGE_ENV):
        use_e5_package(os.environ[PACKAGE_ENV])
    if mode == "encoder":
        from newsdesk.index.analysis.e5.encoder import E5Encoder

        depth, batch_tokens = map(int, extra.split(","))
        enc = E5Encoder(max_layer=depth)
        sample = texts(words)
        sents = [t.split() for t in sample]
        enc.word_features(sents[:2], [depth])
        c1 = time.process_time()
        enc.word_features(sents, [depth], batch_tokens=batch_tokens)
        n = sum(len(s) for s in sents)
        print(json.dumps({"words": n, "cpu": time.process_time() - c1}))
        return
    from newsdesk.index.analysis.pipeline import load_pipeline

    t1, c1 = time.perf_counter(), time.process_time()
    nlp = load_pipeline(model)
    nlp("Putin trifft Trump in Budapest.")
    t2, c2 = time.perf_counter(), time.process_time()
    result = {"import_wall": t1 - t0, "load_wall": t2 - t1, "import_cpu": c1 - c0, "load_cpu": c2 - c1}
    if mode == "pipe":
        sample = texts(words)
        if part != "all":
            k, of = map(int, part.split("/"))
            sample = sample[k::of]
        t3, c3 = time.perf_counter(), time.process_time()
        for _ in nlp.pipe(sample, batch_size=16):
            pass
        result.update(words=sum(len(t.split()) for t in sample), wall=time.perf_counter() - t3,
                      cpu=time.process_time() - c3, start=t3, end=time.perf_counter())
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def two_processes(model: str, words: int, package: str | None = None) -> dict:
    env = {**os.environ, **ONE_THREAD}
    env.pop(PACKAGE_ENV, None)
    if package:
        env[PACKAGE_ENV] = package
    procs = [subprocess.Popen([sys.executable, __file__, "--worker", "pipe", "--model", model, "--words", str(words),
                               "--part", f"{k}/2"], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
             for k in range(2)]
    outs = [json.loads(p.communicate()[0].strip().splitlines()[-1]) for p in procs]
    wall = max(o["end"] for o in outs) - min(o["start"] for o in outs)
    return {"words": sum(o["words"] for o in outs), "wall": wall, "peak_rss_mb": max(o["peak_rss_mb"] for o in outs)}


def _median(runs: list[dict], key) -> float:
    return statistics.median(key(r) for r in runs)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--words", type=int, default=5000)
    ap.add_argument("--depths", default="4,6,8,12", help="encoder depths to time alone ('' for none)")
    ap.add_argument("--batch-tokens", default="1024,2048,4096")
    ap.add_argument("--before", default=None, metavar="REV", help="also measure the e5 package of this git revision")
    ap.add_argument("--rounds", type=int, default=3, help="rounds of the pipeline figures (medians reported)")
    ap.add_argument("--worker", default=None, help=argparse.SUPPRESS)
    ap.add_argument("--model", default=ACCURATE, help=argparse.SUPPRESS)
    ap.add_argument("--part", default="all", help=argparse.SUPPRESS)
    ap.add_argument("--extra", default="", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        worker(args.worker, args.model, args.words, args.part, args.extra)
        return

    with tempfile.TemporaryDirectory(prefix="e5-bench-") as tmp:
        variants: dict[str, str | None] = {"working tree": None}
        if args.before:
            variants = {f"before ({args.before})": str(export_e5_package(args.before, Path(tmp))), **variants}
        report(args, variants)


def report(args: argparse.Namespace, variants: dict[str, str | None]) -> None:
    rounds = max(1, args.rounds)
    print(f"text: about {args.words} words; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs; "
          f"{rounds} round(s), medians")
    load: dict[str, list[dict]] = {FAST: [], **{v: [] for v in variants}}
    one: dict[str, list[dict]] = {FAST: [], **{v: [] for v in variants}}
    two: dict[str, list[dict]] = {v: [] for v in variants}
    threads: dict[str, list[dict]] = {v: [] for v in variants}
    for _ in range(rounds):
        load[FAST].append(_child(["--worker", "load", "--model", FAST]))
        one[FAST].append(_child(["--worker", "pipe", "--model", FAST, "--words", str(args.words)]))
        for name, package in variants.items():  # alternating, round by round
            load[name].append(_child(["--worker", "load", "--model", ACCURATE], package=package))
            one[name].append(_child(["--worker", "pipe", "--model", ACCURATE, "--words", str(args.words)],
                                    package=package))
            two[name].append(two_processes(ACCURATE, args.words, package))
            threads[name].append(_child(["--worker", "pipe", "--model", ACCURATE, "--words", str(args.words)],
                                        {"OPENBLAS_NUM_THREADS": "2", "OMP_NUM_THREADS": "2", "MKL_NUM_THREADS": "2"},
                                        package))
    print(f"  load average after: {os.getloadavg()[0]:.1f}")

    print("\nload (fresh interpreter: import + load_pipeline + first text)")
    for name, runs in load.items():
        label = FAST if name == FAST else f"{ACCURATE} {name}"
        print(f"  {label:<34} import {_median(runs, lambda r: r['import_wall']):.2f} s + load "
              f"{_median(runs, lambda r: r['load_wall']):.2f} s wall (CPU "
              f"{_median(runs, lambda r: r['import_cpu'] + r['load_cpu']):.2f} s), peak RSS "
              f"{_median(runs, lambda r: r['peak_rss_mb']):.0f} MB")

    print("\nwhole pipeline, one core (one BLAS thread)")
    for name, runs in one.items():
        label = FAST if name == FAST else f"{ACCURATE} {name}"
        print(f"  {label:<34} {_median(runs, lambda r: r['words'] / r['cpu']):8.0f} words/s CPU  "
              f"{_median(runs, lambda r: r['words'] / r['wall']):8.0f} words/s wall  "
              f"peak RSS {_median(runs, lambda r: r['peak_rss_mb']):.0f} MB")
    fast_cpu = _median(one[FAST], lambda r: r["words"] / r["cpu"])
    for name in variants:
        ratio = fast_cpu / _median(one[name], lambda r: r["words"] / r["cpu"])
        print(f"  the accurate tier ({name}) takes {ratio:.1f}x the CPU time of the fast one")

    print("\nwhole pipeline on both cores")
    for name in variants:
        print(f"  {ACCURATE} {name:<18} two processes on halves of the text: "
              f"{_median(two[name], lambda r: r['words'] / r['wall']):6.0f} words/s wall, peak RSS per process "
              f"{_median(two[name], lambda r: r['peak_rss_mb']):.0f} MB; one process with two BLAS threads: "
              f"{_median(threads[name], lambda r: r['words'] / r['wall']):6.0f} words/s wall")
    if len(variants) == 2:
        (b, a) = variants
        for title, runs, key in (("one core, CPU", one, lambda r: r["words"] / r["cpu"]),
                                 ("two processes, wall", two, lambda r: r["words"] / r["wall"])):
            ratios = [key(x) / key(y) for x, y in zip(runs[a], runs[b])]
            print(f"  {a} / {b}, {title}: {statistics.median(ratios):.2f}x (per round: "
                  + ", ".join(f"{x:.2f}" for x in ratios) + ")")

    if not args.depths:
        return
    print("\ne5 encoder alone (working tree; depth = layers computed; the shipped model reads layer 6), words/s CPU")
    for depth in map(int, args.depths.split(",")):
        cells = []
        for bt in map(int, args.batch_tokens.split(",")):
            r = _child(["--worker", "encoder", "--words", str(args.words), "--extra", f"{depth},{bt}"])
            cells.append(f"batch {bt}: {r['words'] / r['cpu']:6.0f}")
        print(f"  depth {depth:>2}  " + "   ".join(cells))


if __name__ == "__main__":
    main()
