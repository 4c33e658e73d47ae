"""Index benchmark: build, re-index and search speed on a synthetic German corpus.

    python bench/index_bench.py [--articles 10000] [--analysed 300] [--queries 300]
    python bench/index_bench.py --jsonl NEWS.jsonl      # a user's corpus, as ``newsdesk index`` runs it
    python bench/index_bench.py --scaling 1000,10000,100000   # store-only build CPU per article

``--jsonl`` (make one with ``bench/news_jsonl.py``) runs ``newsdesk index`` on the file in a
child process, three times: a fresh index, nothing changed, and a run resumed after the
first one was stopped (SIGTERM) half-way. It prints the wall and CPU time of each, the
peak memory of the process tree (the largest process's RSS, the sum of RSS and the sum
of PSS, which counts memory shared by the analysis workers once), whether the
nothing-changed run imported spaCy, and the index size against the input.

``--jsonl NEWS.jsonl --before-rev REV [--runs 3]`` alternates fresh indexes by the newsdesk of git
revision ``REV`` (exported by ``bench/revisions.py``) and by this checkout, and prints each run
(and whether the analyses it stored, entities, temporal expressions and events of every article,
are identical to the first run's), the medians and the ratios after/before (the machine is shared:
compare within one run).

``--scaling`` builds store-only indexes (analysis left empty) of each size and prints
the CPU time per article and its ratio to the smallest size's (target: within 1.5x).

Prints
1. the store alone: a full build of ``--articles`` files with the analysis
   left empty (articles/s, tokens/s: ingest + German analysis + Whoosh writing);
2. the full pipeline: a build of ``--analysed`` files with the real Analyzer
   (articles/s, tokens/s), and the analyzer's own share, timed separately;
3. a re-index with nothing changed (files/s; target >= 2,000), for both indexes
   (the real one includes loading the model to check the analysis signature);
4. search latency, median and p95 over ``--queries`` queries on the large
   index (target p95 < 20 ms at 10,000 articles), and list/events timings.

The corpus is generated (deterministic, seeded: the NEWS style of ``bench/corpus.py``)
into a temporary directory.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import NOUNS, PEOPLE, PLACES, TOPICS, write_corpus  # noqa: E402
from bench.revisions import export_revision, revision_env  # noqa: E402
from newsdesk.index.annotations import Analysis  # noqa: E402
from newsdesk.index.store import Store, build_index  # noqa: E402


class EmptyAnalysis:
    """Analysis left empty: isolates the store's own cost (bench only)."""

    signature = "bench-empty-analysis"

    def analyze_many(self, items, batch_size: int = 32):
        for _ in items:
            yield Analysis()


class TimedAnalyzer:
    """Wraps the real analyzer and adds up the time spent inside it."""

    def __init__(self, analyzer):
        self.analyzer = analyzer
        self.seconds = 0.0

    @property
    def signature(self) -> str:
        return self.analyzer.signature

    def analyze_many(self, items, batch_size: int = 32):
        it = iter(self.analyzer.analyze_many(items, batch_size=batch_size))
        while True:
            t = time.perf_counter()
            try:
                result = next(it)
            except StopIteration:
                self.seconds += time.perf_counter() - t
                return
            self.seconds += time.perf_counter() - t
            yield result


def _tree(pid: int) -> list[int]:
    out = [pid]
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as fh:
            for child in fh.read().split():
                out += _tree(int(child))
    except OSError:
        pass
    return out


def _rss_pss(pid: int) -> tuple[int, int]:
    rss = pss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Rss:"):
                    rss = int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss = int(line.split()[1])
    except OSError:
        pass
    return rss, pss


def run_measured(cmd: list[str], stop_after: float | None = None, env: dict | None = None) -> dict:
    """Run ``cmd`` (in ``env``; None: this checkout's newsdesk, bytecode caching on as in an installed
    newsdesk); wall and CPU seconds, peak memory of its process tree (MB), exit code, stdout."""
    import os
    import resource
    import signal
    import subprocess

    env = revision_env() if env is None else env
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    largest = rss_sum = pss_sum = 0
    while proc.poll() is None:
        mem = [_rss_pss(p) for p in _tree(proc.pid)]
        largest = max(largest, max((r for r, _p in mem), default=0))
        rss_sum = max(rss_sum, sum(r for r, _p in mem))
        pss_sum = max(pss_sum, sum(p for _r, p in mem))
        if stop_after is not None and time.perf_counter() - t >= stop_after:
            proc.send_signal(signal.SIGTERM)
            stop_after = None
        time.sleep(0.02)  # the wall time of a short run is known to this
    out = proc.stdout.read().decode("utf-8", "replace")
    proc.wait()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall": time.perf_counter() - t, "cpu": cpu, "largest": largest / 1024, "rss_sum": rss_sum / 1024,
            "pss_sum": pss_sum / 1024, "code": proc.returncode, "out": out.strip(), "load": os.getloadavg()[0]}


def _dir_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def jsonl_bench(jsonl: Path, workers: int | None, resume: bool = True) -> int:
    """Fresh index, nothing changed, resumed run of ``newsdesk index`` on one JSONL file."""
    import json
    import os

    extra = ["--workers", str(workers)] if workers else []
    with tempfile.TemporaryDirectory(prefix="newsdesk-bench-") as tmp:
        index = Path(tmp) / "index"
        env_cmd = [sys.executable, "-m", "newsdesk", "index", "-q", "--index", str(index), str(jsonl), *extra]
        os.environ.setdefault("NEWSDESK_DATA_DIR", str(Path(tmp) / "data"))
        size_in = jsonl.stat().st_size

        def show(label: str, r: dict) -> None:
            print(f"{label}: wall {r['wall']:.2f} s, CPU {r['cpu']:.2f} s, peak RSS largest process "
                  f"{r['largest']:.0f} MB, sum RSS {r['rss_sum']:.0f} MB, sum PSS {r['pss_sum']:.0f} MB "
                  f"(load average {r['load']:.1f}; exit {r['code']}): {r['out']}")

        fresh = run_measured(env_cmd)
        show("fresh index", fresh)
        size = _dir_size(index)
        print(f"index size {size / 1e6:.2f} MB = {size / size_in:.2f}x the input ({size_in / 1e6:.2f} MB)")
        probe = ("import sys, json; from newsdesk.tui.cli import main; code = main(sys.argv[1:]); "
                 "print(json.dumps({'spacy': 'spacy' in sys.modules, 'whoosh': 'whoosh' in sys.modules}))")
        same = run_measured([sys.executable, "-c", probe, "index", "-q", "--index", str(index), str(jsonl), *extra])
        show("nothing changed", same)
        flags = json.loads(same["out"].splitlines()[-1])
        print(f"nothing changed: spaCy imported: {flags['spacy']}, Whoosh imported: {flags['whoosh']}")
        if not resume:
            return 0
        index2 = Path(tmp) / "index2"
        cmd2 = [c if c != str(index) else str(index2) for c in env_cmd]
        half = fresh["wall"] / 2
        stopped = run_measured(cmd2, stop_after=half)
        show(f"stopped after {half:.1f} s", stopped)
        resumed = run_measured(cmd2)
        show("resumed", resumed)
    return 0


def stored_analyses(index: Path) -> dict[str, dict]:
    """Each stored article's analysis (entities, temporal expressions, events) by article id."""
    store = Store.open(index)
    try:
        return {s.id: store.get_article(s.id).analysis.to_dict() for s in store.list_articles(0, store.article_count())}
    finally:
        store.close()


def compare_fresh(jsonl: Path, rev: str, runs: int, workers: int | None) -> int:
    """Fresh indexes of ``jsonl`` by the newsdesk of git revision ``rev`` and by this checkout's,
    alternated ``runs`` times each; medians and the ratios after/before."""
    import os
    import shutil

    before = export_revision(rev)
    extra = ["--workers", str(workers)] if workers else []
    keys = ("wall", "cpu", "largest", "pss_sum")
    figures: dict[str, list[dict]] = {"before": [], "after": []}
    reference = None
    with tempfile.TemporaryDirectory(prefix="newsdesk-bench-") as tmp:
        os.environ.setdefault("NEWSDESK_DATA_DIR", str(Path(tmp) / "data"))
        for n in range(runs):
            for label, env in (("before", revision_env(before)), ("after", revision_env())):
                index = Path(tmp) / f"{label}-{n}"
                r = run_measured([sys.executable, "-m", "newsdesk", "index", "-q", "--index", str(index), str(jsonl),
                                  *extra], env=env)
                figures[label].append(r)
                analyses = stored_analyses(index)
                same = "" if reference is None else (", stored analyses identical to the first run's" if analyses == reference
                                                     else ", STORED ANALYSES DIFFER from the first run's")
                reference = analyses if reference is None else reference
                shutil.rmtree(index)
                print(f"{label} ({rev if label == 'before' else 'this checkout'}) run {n + 1}: wall {r['wall']:.2f} s, "
                      f"CPU {r['cpu']:.2f} s, peak RSS largest process {r['largest']:.0f} MB, sum PSS "
                      f"{r['pss_sum']:.0f} MB (load average {r['load']:.1f}; exit {r['code']}){same}", flush=True)
    med = {label: {k: statistics.median(r[k] for r in rs) for k in keys} for label, rs in figures.items()}
    loads = [r["load"] for rs in figures.values() for r in rs]
    print(f"medians of {runs} alternated runs each (load average {min(loads):.1f}-{max(loads):.1f}):")
    for k, name in zip(keys, ("wall s", "CPU s", "peak RSS largest process MB", "sum PSS MB")):
        print(f"  {name:<30} before {med['before'][k]:8.2f}  after {med['after'][k]:8.2f}  "
              f"after/before {med['after'][k] / med['before'][k]:.3f}")
    return 0


def scaling_bench(sizes: list[int]) -> int:
    """Store-only build CPU per article at each size."""
    first = None
    with tempfile.TemporaryDirectory(prefix="newsdesk-bench-") as tmp:
        for n in sizes:
            corpus = Path(tmp) / f"corpus-{n}"
            write_corpus(corpus, n)
            ix = Path(tmp) / f"ix-{n}"
            c = time.process_time()
            t = time.perf_counter()
            report = build_index([corpus], ix, analyzer=EmptyAnalysis())
            cpu = time.process_time() - c
            wall = time.perf_counter() - t
            per = 1000 * cpu / max(1, report.articles)
            first = first or per
            print(f"store-only build of {report.articles} articles: CPU {cpu:.1f} s = {per:.2f} ms/article "
                  f"({per / first:.2f}x the {sizes[0]}-article figure), wall {wall:.1f} s, "
                  f"size {_dir_size(ix) / 1e6:.1f} MB", flush=True)
            import shutil

            shutil.rmtree(corpus)
            shutil.rmtree(ix)
    return 0


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def queries(rng: random.Random, n: int) -> list[str]:
    words = NOUNS + [p.split()[-1] for p in PEOPLE] + PLACES
    forms = [
        lambda: rng.choice(words),
        lambda: f"{rng.choice(words)} {rng.choice(words)}",
        lambda: f"{rng.choice(words)} OR {rng.choice(words)}",
        lambda: f"{rng.choice(words)} NOT {rng.choice(words)}",
        lambda: f'"{rng.choice(TOPICS).split(" ", 1)[1]}"',
        lambda: f"{rng.choice(words)} date:2025-{rng.randint(1, 12):02d}",
        lambda: f"{rng.choice(words)} date:[2024-03-01 to 2024-09-30]",
        lambda: f"{rng.choice(words)[:4]}*",
    ]
    return [rng.choice(forms)() for _ in range(n)]


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--articles", type=int, default=10_000, help="articles of the large (store-only) index")
    p.add_argument("--analysed", type=int, default=300, help="articles built with the real analyzer (0: skip)")
    p.add_argument("--queries", type=int, default=300)
    p.add_argument("--model", default=None, help="spaCy pipeline for the real analyzer")
    p.add_argument("--jsonl", type=Path, help="measure `newsdesk index` on this JSONL file (see above)")
    p.add_argument("--workers", type=int, default=None, help="with --jsonl: analysis processes")
    p.add_argument("--no-resume", action="store_true", help="with --jsonl: skip the stopped and resumed runs")
    p.add_argument("--scaling", help="comma-separated corpus sizes for the store-only scaling figures")
    p.add_argument("--before-rev", help="with --jsonl: fresh indexes by this git revision and by this checkout, "
                                        "alternated (--runs each), medians and ratios")
    p.add_argument("--runs", type=int, default=3, help="with --before-rev: runs of each")
    args = p.parse_args(argv)
    if args.jsonl and args.before_rev:
        return compare_fresh(args.jsonl, args.before_rev, args.runs, args.workers)
    if args.jsonl:
        return jsonl_bench(args.jsonl, args.workers, resume=not args.no_resume)
    if args.scaling:
        return scaling_bench([int(n) for n in args.scaling.split(",")])

    with tempfile.TemporaryDirectory(prefix="newsdesk-bench-") as tmp:
        tmp = Path(tmp)
        corpus = tmp / "corpus"
        t = time.perf_counter()
        words = write_corpus(corpus, args.articles)
        print(f"corpus: {args.articles} articles, {words} words, generated in {time.perf_counter() - t:.1f} s")

        # 1. store alone
        ix = tmp / "ix-store"
        t = time.perf_counter()
        report = build_index([corpus], ix, analyzer=EmptyAnalysis())
        secs = time.perf_counter() - t
        print(f"full build, store only (analysis empty): {report.articles} articles in {secs:.1f} s = "
              f"{report.articles / secs:.0f} articles/s, {words / secs:.0f} tokens/s")

        # 3a. re-index, nothing changed
        t = time.perf_counter()
        report = build_index([corpus], ix, analyzer=EmptyAnalysis())
        secs = time.perf_counter() - t
        assert report.unchanged == args.articles and report.articles == 0, report
        print(f"re-index, nothing changed: {report.unchanged} files in {secs:.2f} s = "
              f"{report.unchanged / secs:.0f} files/s (target >= 2000)")

        # 4. search latency
        store = Store.open(ix)
        rng = random.Random(3)
        qs = queries(rng, args.queries)
        for q in qs[:20]:  # warm caches
            store.search(q)
        times, page_times, totals = [], [], []
        for q in qs:
            t = time.perf_counter()
            results = store.search(q, limit=50)
            times.append((time.perf_counter() - t) * 1000)
            for hit in results.hits[:20]:  # the snippets of a screenful of results
                hit.snippet
            page_times.append((time.perf_counter() - t) * 1000)
            totals.append(results.total)
        print(f"search over {store.article_count()} articles, {len(qs)} queries (limit 50): "
              f"median {statistics.median(times):.1f} ms, p95 {percentile(times, 0.95):.1f} ms, "
              f"max {max(times):.1f} ms (target p95 < 20 ms); median hits {statistics.median(totals):.0f}")
        few = [t for t, n in zip(times, totals) if n < 1000]
        many = [t for t, n in zip(times, totals) if n >= 1000]
        for label, group in (("< 1000 hits", few), (">= 1000 hits", many)):
            if group:
                print(f"  queries with {label}: {len(group)}, median {statistics.median(group):.1f} ms, "
                      f"p95 {percentile(group, 0.95):.1f} ms")
        print(f"search + 20 snippets: median {statistics.median(page_times):.1f} ms, "
              f"p95 {percentile(page_times, 0.95):.1f} ms, max {max(page_times):.1f} ms")
        store2 = Store.open(ix)
        t = time.perf_counter()
        store2.list_articles(0, 100)
        first = (time.perf_counter() - t) * 1000
        t = time.perf_counter()
        store2.list_articles(5000, 100)
        later = (time.perf_counter() - t) * 1000
        print(f"list_articles(…, 100): first call {first:.1f} ms (sorts), later page {later:.2f} ms")

        # 2. real analyzer
        if args.analysed > 0:
            try:
                from newsdesk.index.analysis.analyzer import Analyzer

                real = Analyzer(args.model)
                t = time.perf_counter()
                real.signature  # loads the model
                load = time.perf_counter() - t
            except Exception as exc:  # the model may be missing on this machine
                print(f"real analyzer unavailable: {exc}")
                return 0
            small = tmp / "corpus-small"
            small_words = write_corpus(small, args.analysed, seed=11)
            timed = TimedAnalyzer(real)
            ix2 = tmp / "ix-real"
            t = time.perf_counter()
            report = build_index([small], ix2, analyzer=timed)
            secs = time.perf_counter() - t
            print(f"model load {load:.1f} s; full build with the real analyzer: {report.articles} articles in "
                  f"{secs:.1f} s = {report.articles / secs:.1f} articles/s, {small_words / secs:.0f} tokens/s "
                  f"(analysis {timed.seconds:.1f} s = {100 * timed.seconds / secs:.0f} %, "
                  f"store {secs - timed.seconds:.1f} s)")
            t = time.perf_counter()
            report = build_index([small], ix2, analyzer=real)
            secs = time.perf_counter() - t
            print(f"re-index with the real analyzer, nothing changed: {report.unchanged} files in {secs:.2f} s "
                  f"(model already loaded)")
            store3 = Store.open(ix2)
            t = time.perf_counter()
            ev = store3.events()
            print(f"events(): {len(ev)} events of {store3.article_count()} articles in "
                  f"{(time.perf_counter() - t) * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
