"""How fast the reader starts and how much memory it takes, for 1,000 / 10,000 / 100,000 articles.

Writes a synthetic corpus (JSON Lines; the KNOWN_NAMES style of ``bench/corpus.py``) and
indexes it with the store's own ``build_index`` and a cheap injected analysis (known
names, "am D. M. YYYY" dates: this measures the reader, not the NLP), then runs the
reader headless in a fresh interpreter per size and prints:

- start-up: process start (before importing newsdesk) to the first frame of the main screen,
  and the RSS at that moment; "list+article": until the list shows its first page and the
  newest article is open (big indexes fill the list from a thread after the first frame);
- key: the work of one key press in the list (move the cursor to a random row among all,
  fetch that page if needed, open the article, repaint list and article): median and max of 100;
- search: one full-text query, results and article repainted;
- peak RSS of the reader process over all of it (its own: VmHWM where /proc has it).

Usage: python bench/reader_bench.py [--sizes 1000,10000,100000] [--workdir DIR] [--runs N]
Indexes are cached in the work dir (default: a folder in the system temp dir) and reused
while the store's schema and builder code are unchanged.
Targets: start-up < 1.5 s and peak RSS < 400 MB at 100,000 articles.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.corpus import KNOWN_DATE, NAME_LABELS, synthetic_records  # noqa: E402


class BenchAnalyzer:
    """A cheap stand-in for the NLP analysis: known names and "am D. M. YYYY" dates."""

    signature = "reader-bench-1"

    def analyze(self, text: str, date):
        from newsdesk.index.annotations import Analysis, Entity, Event, Timex

        entities = []
        for name, label in NAME_LABELS:
            pos = text.find(name)
            while pos >= 0:
                entities.append(Entity(pos, pos + len(name), name, label, f"{label}:{name}"))
                pos = text.find(name, pos + len(name))
        entities.sort(key=lambda e: e.start)
        timexes, events = [], []
        for m in KNOWN_DATE.finditer(text):
            try:
                value = dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1))).isoformat()
            except ValueError:
                continue
            timexes.append(Timex(m.start(), m.end(), m.group(), "DATE", value))
            s = text.rfind(". ", 0, m.start()) + 2 if text.rfind(". ", 0, m.start()) >= 0 else 0
            e = min(len(text), m.end() + 60)
            who = [x.key for x in entities if s <= x.start < e and x.label in ("PER", "ORG")][:3]
            where = [x.key for x in entities if s <= x.start < e and x.label == "LOC"][:2]
            events.append(Event(s, e, value, "day", " ".join(text[s:m.start()].split()[:4]) or "am",
                                text[s:e], who, where, value, m.start(), m.end()))
        return Analysis(entities, timexes, events)

    def analyze_many(self, items, batch_size: int = 32):
        for text, date in items:
            yield self.analyze(text, date)


def _stamp(n: int) -> str:
    """What the cached index was made with: size, schema, the builder's code and the corpus generator."""
    import hashlib

    from newsdesk.index.store.schema import SCHEMA_VERSION

    sources = (REPO / "index" / "store" / "builder.py", REPO / "bench" / "corpus.py")
    code = hashlib.blake2b(b"".join(p.read_bytes() for p in sources), digest_size=8).hexdigest()
    return f"{n} articles, schema {SCHEMA_VERSION}, builder {code}"


def build(workdir: Path, index_dir: Path, n: int) -> float:
    """Write a JSONL corpus of ``n`` articles and index it with the store's build_index."""
    from newsdesk.index.store import build_index

    corpus = workdir / f"corpus-{n}"
    shutil.rmtree(corpus, ignore_errors=True)
    corpus.mkdir(parents=True)
    per_file = 1000
    handle = None
    for i, record in enumerate(synthetic_records(n)):
        if i % per_file == 0:
            if handle:
                handle.close()
            handle = open(corpus / f"part-{i // per_file:04d}.jsonl", "w", encoding="utf-8")
        handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    if handle:
        handle.close()
    t0 = time.perf_counter()
    last = [0.0]

    def progress(p) -> None:
        if time.perf_counter() - last[0] > 30:
            last[0] = time.perf_counter()
            print(f"  … {p.articles_done:,} articles indexed", file=sys.stderr, flush=True)

    report = build_index([corpus], index_dir, analyzer=BenchAnalyzer(), progress=progress)
    if report.skipped:
        print(f"  {len(report.skipped)} skipped, e.g. {report.skipped[0]}", file=sys.stderr)
    (index_dir / "bench-count").write_text(_stamp(n))
    return time.perf_counter() - t0


# The measured reader runs in a fresh interpreter: nothing imported beforehand.
# Key handling is measured as the work a key press causes (the handler plus rendering
# the visible lines), not through Pilot, whose own pauses would dominate the figures.
PROBE = r"""
import time
T0 = time.perf_counter()
import asyncio, json, random, resource, sys
from pathlib import Path

def rss_mb():
    # the peak of this process's own memory: VmHWM (ru_maxrss would keep the peak of the parent
    # it was forked from, e.g. a bench that has just built the index)
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

def paint(widget):
    for y in range(widget.size.height):
        widget.render_line(y)

async def main():
    from newsdesk.tui.app import NewsdeskApp
    from newsdesk.tui.screens.main import MainScreen
    out = {}
    app = NewsdeskApp(None, Path(sys.argv[1]))
    first = asyncio.get_running_loop().create_future()

    def painted():
        if not first.done():
            first.set_result(time.perf_counter() - T0)

    async with app.run_test(size=(120, 40)) as pilot:
        while not isinstance(app.screen, MainScreen):
            await asyncio.sleep(0)
        main = app.screen
        main.call_after_refresh(painted)
        out["startup"] = await first
        out["rss_start_mb"] = rss_mb()
        while main.loading or main.current is None:  # big indexes fill the list from a thread
            await asyncio.sleep(0.005)
        out["list_ready"] = time.perf_counter() - T0
        await pilot.pause()
        vlist, view = main.article_list, main.article_view
        n = len(vlist.source)
        rng = random.Random(1)
        # one key press down the list: cursor moves, the highlighted article opens, both repaint
        times = []
        for _ in range(100):
            i = rng.randrange(n)
            t = time.perf_counter()
            vlist.set_reactive(type(vlist).cursor, i)
            vlist._scroll_cursor_into_view()
            main.open_article(vlist.current.id)
            paint(vlist)
            paint(view)
            times.append(time.perf_counter() - t)
        times.sort()
        out["key_median"] = times[len(times) // 2]
        out["key_max"] = times[-1]
        t = time.perf_counter()
        main.run_search("gipfel wien")
        paint(vlist)
        paint(view)
        out["search"] = time.perf_counter() - t
        out["hits"] = main.search_results.total
        out["articles"] = app.store.article_count()
    out["peak_rss_mb"] = rss_mb()
    out["spacy_loaded"] = "spacy" in sys.modules
    print(json.dumps(out))

asyncio.run(main())
"""


def measure(index_dir: Path) -> dict:
    result = subprocess.run([sys.executable, "-c", PROBE, str(index_dir)], cwd=REPO, capture_output=True,
                            text=True, timeout=600)
    if result.returncode != 0:
        raise SystemExit(f"reader probe failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "newsdesk-reader-bench")
    parser.add_argument("--runs", type=int, default=2, help="reader runs per size (the best start-up is kept)")
    args = parser.parse_args()
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    args.workdir.mkdir(parents=True, exist_ok=True)
    rows = []
    for n in sizes:
        index_dir = args.workdir / f"index-{n}"
        count_file = index_dir / "bench-count"
        if not (count_file.exists() and count_file.read_text() == _stamp(n)):
            shutil.rmtree(index_dir, ignore_errors=True)
            index_dir.mkdir(parents=True)
            print(f"building a synthetic index of {n:,} articles …", file=sys.stderr, flush=True)
            seconds = build(args.workdir, index_dir, n)
            print(f"  built in {seconds:.1f} s", file=sys.stderr, flush=True)
        runs = [measure(index_dir) for _ in range(max(1, args.runs))]
        best = min(runs, key=lambda r: r["startup"])
        best["peak_rss_mb"] = max(r["peak_rss_mb"] for r in runs)
        rows.append((n, best))
    print()
    print(f"{'articles':>9}  {'1st frame':>9}  {'list+article':>12}  {'RSS@start':>9}  {'key (median/max)':>17}  "
          f"{'search':>7}  {'peak RSS':>9}  spaCy")
    for n, r in rows:
        print(f"{r['articles']:>9,}  {r['startup']:>8.2f}s  {r['list_ready']:>11.2f}s  {r['rss_start_mb']:>6.0f} MB  "
              f"{r['key_median'] * 1000:>7.1f} / {r['key_max'] * 1000:>5.1f}ms  {r['search'] * 1000:>5.0f}ms  "
              f"{r['peak_rss_mb']:>6.0f} MB  {'loaded!' if r['spacy_loaded'] else 'no'}")
    print("\ntargets at 100,000 articles: start-up < 1.5 s, peak RSS < 400 MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
