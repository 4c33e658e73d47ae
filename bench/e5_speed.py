"""Speed, memory and load time of the accurate tier (de_newsdesk_e5) against the fast default (prints figures).

  python bench/e5_speed.py [--words 5000] [--depths 4,6,8,12] [--batch-tokens 1024,2048,4096]

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

The machine may be shared: CPU-time figures are what one idle core does, wall
figures what this run got.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ONE_THREAD = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
FAST, ACCURATE = "de_newsdesk", "de_newsdesk_e5"


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


def _child(args: list[str], env_extra: dict | None = None) -> dict:
    env = {**os.environ, **ONE_THREAD, **(env_extra or {})}
    proc = subprocess.run([sys.executable, __file__, *args], cwd=ROOT, env=env, capture_output=True, text=True)
    if proc.returncode:
        raise SystemExit(f"worker failed: {proc.stderr.strip().splitlines()[-1] if proc.stderr else proc.returncode}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def worker(mode: str, model: str, words: int, part: str, extra: str) -> None:
    import resource

    t0, c0 = time.perf_counter(), time.process_time()
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


def two_processes(model: str, words: int) -> dict:
    env = {**os.environ, **ONE_THREAD}
    procs = [subprocess.Popen([sys.executable, __file__, "--worker", "pipe", "--model", model, "--words", str(words),
                               "--part", f"{k}/2"], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
             for k in range(2)]
    outs = [json.loads(p.communicate()[0].strip().splitlines()[-1]) for p in procs]
    wall = max(o["end"] for o in outs) - min(o["start"] for o in outs)
    return {"words": sum(o["words"] for o in outs), "wall": wall, "peak_rss_mb": max(o["peak_rss_mb"] for o in outs)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--words", type=int, default=5000)
    ap.add_argument("--depths", default="4,6,8,12")
    ap.add_argument("--batch-tokens", default="1024,2048,4096")
    ap.add_argument("--worker", default=None, help=argparse.SUPPRESS)
    ap.add_argument("--model", default=ACCURATE, help=argparse.SUPPRESS)
    ap.add_argument("--part", default="all", help=argparse.SUPPRESS)
    ap.add_argument("--extra", default="", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        worker(args.worker, args.model, args.words, args.part, args.extra)
        return

    print(f"text: about {args.words} words; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print("\nload (fresh interpreter: import + load_pipeline + first text)")
    for model in (FAST, ACCURATE):
        r = _child(["--worker", "load", "--model", model])
        print(f"  {model:<16} import {r['import_wall']:.2f} s + load {r['load_wall']:.2f} s wall "
              f"(CPU {r['import_cpu'] + r['load_cpu']:.2f} s), peak RSS {r['peak_rss_mb']:.0f} MB")

    print("\nwhole pipeline, one core (one BLAS thread)")
    one = {}
    for model in (FAST, ACCURATE):
        r = one[model] = _child(["--worker", "pipe", "--model", model, "--words", str(args.words)])
        print(f"  {model:<16} {r['words'] / r['cpu']:8.0f} words/s CPU  {r['words'] / r['wall']:8.0f} words/s wall  "
              f"peak RSS {r['peak_rss_mb']:.0f} MB")
    ratio = (one[FAST]["words"] / one[FAST]["cpu"]) / (one[ACCURATE]["words"] / one[ACCURATE]["cpu"])
    print(f"  the accurate tier takes {ratio:.1f}x the CPU time of the fast one")

    print("\nwhole pipeline, two processes on halves of the text at once")
    r = two_processes(ACCURATE, args.words)
    print(f"  {ACCURATE:<16} {r['words'] / r['wall']:8.0f} words/s wall (both cores), peak RSS per process "
          f"{r['peak_rss_mb']:.0f} MB")

    r = _child(["--worker", "pipe", "--model", ACCURATE, "--words", str(args.words)],
               {"OPENBLAS_NUM_THREADS": "2", "OMP_NUM_THREADS": "2", "MKL_NUM_THREADS": "2"})
    print(f"  {ACCURATE:<16} {r['words'] / r['wall']:8.0f} words/s wall (one process, two BLAS threads)")

    print("\ne5 encoder alone (depth = layers computed; the shipped model reads layer 6), words/s CPU")
    for depth in map(int, args.depths.split(",")):
        cells = []
        for bt in map(int, args.batch_tokens.split(",")):
            r = _child(["--worker", "encoder", "--words", str(args.words), "--extra", f"{depth},{bt}"])
            cells.append(f"batch {bt}: {r['words'] / r['cpu']:6.0f}")
        print(f"  depth {depth:>2}  " + "   ".join(cells))


if __name__ == "__main__":
    main()
