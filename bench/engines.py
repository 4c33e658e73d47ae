"""newsdesk's store side by side with SQLite FTS5 and tantivy: build and search on one corpus.

    python bench/engines.py [--articles 10000] [--queries 300] [--engines newsdesk,fts5,tantivy]
    python bench/engines.py --articles 100000 --build-only     # build and cache, nothing else

The corpus is the NEWS style of ``bench/corpus.py`` (seed 7): newsdesk indexes it as
files (``write_corpus``) with the analysis left empty (the store alone, as in
``bench/index_bench.py``); FTS5 (stdlib ``sqlite3``, ``unicode61`` with diacritics removed,
no stemming) and tantivy (PyPI ``tantivy``, the ``bench`` extra; lowercase, ASCII folding and
its German stemmer) index the same articles' title and text. Corpora and indexes are
cached under ``bench/.work/engines`` (the newsdesk index under a key of the store's
schema and analyzer sources, so a change to either builds it again; delete the folder
after a change to how the builder writes documents).

The same queries, in four kinds of equal number, go to every engine in one process,
interleaved (the engine order rotates from query to query):

- ``frequent``: one word among the most frequent topic nouns and places;
- ``rare``: one word from the tails of those lists;
- ``and``: two words, both required;
- ``phrase``: two or three words in a row (names, organisations, "Kosten für X").

Each engine returns the 50 best hits and the number of matches. ``newsdesk-1q`` is newsdesk's
store as ``newsdesk search`` opens it (``single_query``: first pages of few postings ranked in
plain Python, without numpy; more go to the numpy ranker). Printed: CPU ms p50/p95
per kind and overall, build CPU seconds and index size, and newsdesk's ratios to each
engine; then newsdesk's first query in a fresh process (the imports, then open + first search;
for the reader's store with numpy, and as ``newsdesk search`` does it) and the whole
``newsdesk search`` process against ``python -c pass`` (wall and CPU, medians of --runs
interleaved runs; bytecode caching on, as in an installed newsdesk).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.corpus import FIRST, LAST, NOUNS, PEOPLE, PLACES, synthetic_articles, write_corpus  # noqa: E402

WORK = ROOT / "bench" / ".work" / "engines"
KINDS = ("frequent", "rare", "and", "phrase")
LIMIT = 50
ENGINES = ("newsdesk", "newsdesk-1q", "fts5", "tantivy")


# --- helpers ---------------------------------------------------------------------------------


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def tree_size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def article_text(article) -> tuple[str, str]:
    return article.title, "\n\n".join(article.paragraphs)


def store_key() -> str:
    """Changes whenever what the newsdesk index holds may change: its schema or its analyzer."""
    h = hashlib.blake2b(digest_size=6)
    for name in ("schema.py", "german.py", "segment_writer.py", "records.py"):
        h.update((ROOT / "index" / "store" / name).read_bytes())
    return h.hexdigest()


def _cached_build(meta_path: Path, target: Path, build) -> dict:
    """Build ``target`` with ``build()`` unless a finished build is recorded in ``meta_path``."""
    if meta_path.exists() and target.exists():
        return json.loads(meta_path.read_text())
    if target.exists():
        shutil.rmtree(target) if target.is_dir() else target.unlink()
    cpu, wall = cpu_seconds(), time.perf_counter()
    build()
    meta = {"cpu": cpu_seconds() - cpu, "wall": time.perf_counter() - wall, "bytes": tree_size(target)}
    meta_path.write_text(json.dumps(meta))
    return meta


# --- the corpus and the queries ----------------------------------------------------------------


def corpus_dir(n: int) -> Path:
    folder = WORK / f"corpus-{n}"
    done = WORK / f"corpus-{n}.done"
    if not done.exists():
        if folder.exists():
            shutil.rmtree(folder)
        write_corpus(folder, n)
        done.write_text("ok")
    return folder


def make_queries(n: int, seed: int = 5) -> list[tuple[str, list[str]]]:
    """(kind, words) of ``n`` queries, the kinds in turn."""
    rng = random.Random(seed)
    frequent = NOUNS[:15] + PLACES[:10]
    rare = NOUNS[-40:] + PLACES[-25:]
    both = NOUNS[:60] + PLACES[:30] + [p.split()[-1] for p in PEOPLE] + LAST
    orgs = [["Deutsche", "Bahn"], ["Europäische", "Union"], ["Vereinten", "Nationen"], ["Weiße", "Haus"],
            ["Gewerkschaft", "Verdi"]]
    out = []
    for i in range(n):
        kind = KINDS[i % len(KINDS)]
        if kind == "frequent":
            words = [rng.choice(frequent)]
        elif kind == "rare":
            words = [rng.choice(rare)]
        elif kind == "and":
            a, b = rng.sample(both, 2)
            words = [a, b]
        else:
            r = rng.random()
            if r < 0.3:
                words = rng.choice(PEOPLE).split()[-2:]
            elif r < 0.55:
                words = [rng.choice(FIRST), rng.choice(LAST)]
            elif r < 0.7:
                words = rng.choice(orgs)
            elif r < 0.85:
                words = ["Kosten", "für", rng.choices(NOUNS, [1.0 / (k + 1) ** 0.9 for k in range(len(NOUNS))])[0]]
            else:
                words = ["sagte", rng.choice(PEOPLE).split()[0]]
        out.append((kind, words))
    return out


# --- the engines -----------------------------------------------------------------------------


class Newsdesk:
    name = "newsdesk"

    def __init__(self, n: int, direct: bool = False):
        self.n = n
        self.direct = direct
        kind = "direct" if direct else "builder"
        self.dir = WORK / f"newsdesk-{n}-{kind}-{store_key()}"
        self.meta = WORK / f"newsdesk-{n}-{kind}-{store_key()}.json"

    def _build_direct(self, corpus: Path) -> None:
        """The same documents as the builder writes, through one Whoosh writer and one commit."""
        from newsdesk.index.annotations import Analysis
        from newsdesk.index.ingest import Skipped, read_paths
        from newsdesk.index.store.builder import open_or_create
        from newsdesk.index.store.locations import corpus_key, write_info
        from newsdesk.index.store.records import article_document, indexed_path
        from newsdesk.index.store.schema import SCHEMA_VERSION
        from newsdesk.index.store.segment_writer import open_writer

        ix, _created = open_or_create(self.dir)
        write_info(self.dir, corpus_key([corpus]), SCHEMA_VERSION)
        writer = open_writer(ix, limitmb=256)
        for item in read_paths([corpus]):
            if not isinstance(item, Skipped):
                writer.add_document(**article_document(item, Analysis(), indexed_path(item.source), ""))
        writer.commit()

    def build(self) -> dict:
        from bench.index_bench import EmptyAnalysis
        from newsdesk.index.store import build_index

        corpus = corpus_dir(self.n)
        if self.direct:
            return _cached_build(self.meta, self.dir, lambda: self._build_direct(corpus))
        # the builder writes each segment's postings arrays as it flushes it: its CPU is in the build's
        return _cached_build(self.meta, self.dir, lambda: build_index([corpus], self.dir, analyzer=EmptyAnalysis()))

    def open(self) -> None:
        from newsdesk.index.store import Store

        self.store = Store.open(self.dir)

    @staticmethod
    def text(kind: str, words: list[str]) -> str:
        return f'"{" ".join(words)}"' if kind == "phrase" else " ".join(words)

    def search(self, kind: str, words: list[str]) -> int:
        return self.store.search(self.text(kind, words), limit=LIMIT).total


class NewsdeskSingleQuery(Newsdesk):
    """The same index, opened as ``newsdesk search`` opens it."""

    name = "newsdesk-1q"

    def build(self) -> dict:
        return json.loads(self.meta.read_text())  # built by the newsdesk engine (listed before)

    def open(self) -> None:
        from newsdesk.index.store import Store

        self.store = Store.open(self.dir, single_query=True)


class Fts5:
    name = "fts5"

    def __init__(self, n: int):
        self.path = WORK / f"fts5-{n}.db"
        self.meta = WORK / f"fts5-{n}.json"
        self.n = n

    def build(self) -> dict:
        articles = [article_text(a) for a in synthetic_articles(self.n)]

        def build():
            db = sqlite3.connect(self.path)
            db.execute("CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize='unicode61 remove_diacritics 2')")
            db.executemany("INSERT INTO docs(title, body) VALUES (?, ?)", articles)
            db.execute("INSERT INTO docs(docs) VALUES ('optimize')")
            db.commit()
            db.close()

        return _cached_build(self.meta, self.path, build)

    def open(self) -> None:
        self.db = sqlite3.connect(self.path)

    @staticmethod
    def text(kind: str, words: list[str]) -> str:
        if kind == "phrase":
            return '"%s"' % " ".join(words)
        return " AND ".join('"%s"' % w for w in words)

    def search(self, kind: str, words: list[str]) -> int:
        q = self.text(kind, words)
        self.db.execute("SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT ?", (q, LIMIT)).fetchall()
        return self.db.execute("SELECT count(*) FROM docs WHERE docs MATCH ?", (q,)).fetchone()[0]


class Tantivy:
    name = "tantivy"

    def __init__(self, n: int):
        self.dir = WORK / f"tantivy-{n}"
        self.meta = WORK / f"tantivy-{n}.json"
        self.n = n

    @staticmethod
    def _index(path: Path, create: bool):
        import tantivy

        sb = tantivy.SchemaBuilder()
        sb.add_text_field("title", stored=False, tokenizer_name="de_stem")
        sb.add_text_field("body", stored=False, tokenizer_name="de_stem")
        index = tantivy.Index(sb.build(), path=str(path), reuse=not create)
        analyzer = (tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
                    .filter(tantivy.Filter.remove_long(40)).filter(tantivy.Filter.lowercase())
                    .filter(tantivy.Filter.ascii_fold()).filter(tantivy.Filter.stemmer("german")).build())
        index.register_tokenizer("de_stem", analyzer)
        return index

    def build(self) -> dict:
        import tantivy

        articles = [article_text(a) for a in synthetic_articles(self.n)]

        def build():
            self.dir.mkdir(parents=True)
            index = self._index(self.dir, create=True)
            writer = index.writer(heap_size=200_000_000, num_threads=1)
            for title, body in articles:
                writer.add_document(tantivy.Document(title=title, body=body))
            writer.commit()
            writer.wait_merging_threads()

        return _cached_build(self.meta, self.dir, build)

    def open(self) -> None:
        self.index = self._index(self.dir, create=False)
        self.index.reload()
        self.searcher = self.index.searcher()

    @staticmethod
    def text(kind: str, words: list[str]) -> str:
        if kind == "phrase":
            return '"%s"' % " ".join(words)
        return " AND ".join(words)

    def search(self, kind: str, words: list[str]) -> int:
        q = self.index.parse_query(self.text(kind, words), ["title", "body"])
        return self.searcher.search(q, LIMIT).count


# --- fresh processes -------------------------------------------------------------------------

FIRST_QUERY = """
import sys, time
t0 = time.perf_counter(); c0 = time.process_time()
single = sys.argv[3] == "single"
if single:  # as newsdesk search: words and phrases from the index files, anything else by the store
    from newsdesk.index.store.quick_search import quick_search
else:
    from newsdesk.index.store import Store
    import numpy  # the reader's store ranks with numpy: part of its start-up
t1 = time.perf_counter(); c1 = time.process_time()
results = quick_search(sys.argv[1], sys.argv[2], limit=50) if single else None
if results is None:
    from newsdesk.index.store import Store
    results = Store.open(sys.argv[1], single_query=single).search(sys.argv[2], limit=50)
print(time.perf_counter() - t1, time.process_time() - c1, t1 - t0, "numpy" in sys.modules)
"""


def _env() -> dict:
    """This environment with bytecode caching on (an installed newsdesk has its .pyc files)."""
    import os

    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def first_query(index_dir: Path, query: str, mode: str, runs: int = 5) -> tuple[float, float, float, bool]:
    """Median (wall ms, CPU ms) of the first search in a fresh process (opening the index and the
    search; snippets are made when shown), import ms, numpy imported.

    ``mode``: "arrays" (the reader's store: numpy imported with the store) or "single"
    (as ``newsdesk search``: ``quick_search``, else the store with ``single_query=True``).
    """
    walls, cpus, imports, numpy_loaded = [], [], [], False
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", FIRST_QUERY, str(index_dir), query, mode],
                             capture_output=True, text=True, check=True, env=_env()).stdout.split()
        walls.append(float(out[0]) * 1000)
        cpus.append(float(out[1]) * 1000)
        imports.append(float(out[2]) * 1000)
        numpy_loaded = out[3] == "True"
    return statistics.median(walls), statistics.median(cpus), statistics.median(imports), numpy_loaded


def _newsdesk_command() -> list[str]:
    """The installed ``newsdesk`` command next to this Python (as a user runs it), else ``python -m newsdesk``."""
    script = Path(sys.executable).parent / "newsdesk"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "newsdesk"]


def _timed(command: list[str]) -> tuple[float, float]:
    """(wall ms, CPU ms) of one process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run(command, capture_output=True, check=True, env=_env(), cwd="/")
    wall = (time.perf_counter() - t) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) * 1000


def cli_search(index_dir: Path, query: str, runs: int = 11) -> dict[str, tuple[float, float]]:
    """Median (wall ms, CPU ms) of whole ``newsdesk search`` processes and of ``python -c pass``,
    run in turn (the machine is shared: the baseline is measured alongside)."""
    commands = {"python -c pass": [sys.executable, "-c", "pass"],
                "newsdesk search": [*_newsdesk_command(), "search", "--index", str(index_dir), query]}
    _timed(commands["newsdesk search"])  # writes the .pyc files of a checkout
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            times[name].append(_timed(command))
    return {name: (statistics.median(w for w, _c in ts), statistics.median(c for _w, c in ts))
            for name, ts in times.items()}


# --- main ------------------------------------------------------------------------------------


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--articles", type=int, default=10_000)
    p.add_argument("--queries", type=int, default=300)
    p.add_argument("--engines", default=",".join(ENGINES), help="comma-separated subset of " + ", ".join(ENGINES))
    p.add_argument("--build-only", action="store_true", help="build (and cache) the indexes, then stop")
    p.add_argument("--runs", type=int, default=11, help="whole `newsdesk search` processes timed (median)")
    p.add_argument("--direct", action="store_true",
                   help="build newsdesk's index with one Whoosh writer (the builder's documents, without its "
                   "incremental bookkeeping and commits): for search figures on a large corpus when the builder "
                   "would take too long; its build time is then not the builder's")
    args = p.parse_args(argv)
    names = [e.strip() for e in args.engines.split(",") if e.strip()]
    unknown = set(names) - set(ENGINES)
    if unknown:
        p.error("unknown engine(s): " + ", ".join(sorted(unknown)))
    WORK.mkdir(parents=True, exist_ok=True)
    if "newsdesk-1q" in names and "newsdesk" not in names:
        names.insert(0, "newsdesk")
    classes = {"fts5": Fts5, "tantivy": Tantivy}
    engines = []
    for name in names:
        if name in ("newsdesk", "newsdesk-1q"):
            engine = (Newsdesk if name == "newsdesk" else NewsdeskSingleQuery)(args.articles, args.direct)
        else:
            engine = classes[name](args.articles)
        meta = engine.build()
        engine.built = meta
        how = " (one Whoosh writer, not the builder)" if name == "newsdesk" and args.direct else ""
        print(f"{name}: built {args.articles} articles{how}, {meta['cpu']:.1f} CPU s, "
              f"{meta['bytes'] / 1e6:.1f} MB", flush=True)
        engines.append(engine)
    if args.build_only:
        return 0

    for engine in engines:
        engine.open()
    queries = make_queries(args.queries)
    for kind, words in queries[:20]:  # warm up every engine (caches, first-use work)
        for engine in engines:
            engine.search(kind, words)
    cpu: dict[str, dict[str, list[float]]] = {e.name: {k: [] for k in KINDS} for e in engines}
    totals: dict[str, list[int]] = {e.name: [] for e in engines}
    for i, (kind, words) in enumerate(queries):
        order = engines[i % len(engines):] + engines[: i % len(engines)]
        for engine in order:
            t = time.process_time()
            total = engine.search(kind, words)
            cpu[engine.name][kind].append((time.process_time() - t) * 1000)
            totals[engine.name].append(total)

    print(f"\n{args.articles} articles, {len(queries)} queries ({len(queries) // len(KINDS)} of each kind), "
          f"top {LIMIT} + count, CPU ms")
    header = f"{'':24}" + "".join(f"{e.name:>18}" for e in engines)
    print(header)
    rows = {}
    for kind in KINDS + ("all",):
        cells = []
        for e in engines:
            values = [v for k in KINDS for v in cpu[e.name][k]] if kind == "all" else cpu[e.name][kind]
            p50, p95 = statistics.median(values), percentile(values, 0.95)
            rows[(e.name, kind)] = (p50, p95)
            cells.append(f"{p50:7.2f} / {p95:7.2f}")
        print(f"{'search ' + kind + ' p50 / p95':24}" + "".join(f"{c:>18}" for c in cells))
    print(f"{'median matches':24}" + "".join(f"{statistics.median(totals[e.name]):>18.0f}" for e in engines))
    print(f"{'build CPU s':24}" + "".join(f"{e.built['cpu']:>18.1f}" for e in engines))
    print(f"{'index MB':24}" + "".join(f"{e.built['bytes'] / 1e6:>18.1f}" for e in engines))
    if "newsdesk" in names and len(engines) > 1:
        print("\nnewsdesk / other (p95 per kind; build CPU; size):")
        for e in engines:
            if e.name.startswith("newsdesk"):
                continue
            ratios = "  ".join(f"{k} {rows[('newsdesk', k)][1] / max(rows[(e.name, k)][1], 1e-3):.1f}x"
                               for k in KINDS + ("all",))
            print(f"  vs {e.name:8} p95: {ratios}; build {engines[0].built['cpu'] / e.built['cpu']:.1f}x; "
                  f"size {engines[0].built['bytes'] / e.built['bytes']:.1f}x")
    if "newsdesk" in names:
        nd = next(e for e in engines if e.name == "newsdesk")
        for mode, how in (("arrays", "the reader's store"), ("single", "as newsdesk search")):
            for q in ("Haushalt", '"Olaf Scholz"'):
                wall, cpu_ms, imp, numpy_loaded = first_query(nd.dir, q, mode)
                print(f"newsdesk first query in a fresh process, {how} ({q}): open + search {wall:.1f} ms wall, "
                      f"{cpu_ms:.1f} ms CPU; imports before it {imp:.0f} ms"
                      f"{'' if numpy_loaded else ' (numpy never imported)'}")
        for q in ("Haushalt", '"Olaf Scholz"'):
            medians = cli_search(nd.dir, q, args.runs)
            (wall, cpu_ms), (base_wall, base_cpu) = medians["newsdesk search"], medians["python -c pass"]
            print(f"whole process 'newsdesk search --index DIR {q}': {wall:.0f} ms wall, {cpu_ms:.0f} ms CPU; "
                  f"'python -c pass' {base_wall:.0f} ms wall, {base_cpu:.0f} ms CPU (medians of {args.runs})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
