"""NER step speed on ONE core and pipeline load time (prints figures).

  python bench/ner_speed.py [--model NAME_OR_PATH] [--repeat N]

Text: the bundled seed articles plus, when the shared data is there, GermEval 2014 dev
sentences (Wikipedia and news) joined into ten-sentence paragraphs.
Load time is measured in a fresh interpreter (import + load_pipeline).
"""

from __future__ import annotations

import os

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.corpus import seed_articles  # noqa: E402


def news_texts() -> list[str]:
    texts = [text for text, _ in seed_articles()]
    shared = Path(os.environ.get("NEWSDESK_SHARED", ROOT.parent / "shared"))
    dev = shared / "data" / "ner" / "germeval2014" / "dev.bio.tsv"
    if dev.exists():
        sents, cur = [], []
        for line in dev.read_text(encoding="utf-8").splitlines():
            if line.strip():
                cur.append(line.split("\t")[0])
            elif cur:
                sents.append(" ".join(cur))
                cur = []
        texts += [" ".join(sents[i : i + 10]) for i in range(0, len(sents), 10)]
    return texts


def load_time(model: str | None) -> tuple[float, float, float, float]:
    """(import wall, load wall, import CPU, load CPU) seconds in a fresh interpreter.

    "Load" is ``load_pipeline()`` plus the first (one-sentence) text, which reads the lexicon.
    """
    code = (
        "import time; t0 = time.perf_counter(); c0 = time.process_time(); "
        "from newsdesk.index.analysis.pipeline import load_pipeline; t1 = time.perf_counter(); c1 = time.process_time(); "
        # the first text loads the lexicon behind the lexical feature: part of getting ready
        f"load_pipeline({model!r})('Putin trifft Trump in Budapest.'); "
        "t2 = time.perf_counter(); c2 = time.process_time(); "
        "print(t1 - t0, t2 - t1, c1 - c0, c2 - c1)"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    return tuple(map(float, out.stdout.split()))


def main() -> None:
    ap = argparse.ArgumentParser(description="NER speed on one core")
    ap.add_argument("--model", default=None)
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()

    loads = [load_time(args.model) for _ in range(3)]
    imp, load, imp_cpu, load_cpu = min(loads, key=lambda x: x[0] + x[1])
    print(f"model: {args.model or 'bundled de_newsdesk'}")
    print(f"load (fresh process, best of 3): import {imp:.2f} s + load_pipeline and first text {load:.2f} s "
          f"= {imp + load:.2f} s wall")
    imp_cpu, load_cpu = min(x[2] for x in loads), min(x[3] for x in loads)
    print(f"  CPU time: import {imp_cpu:.2f} s + load {load_cpu:.2f} s = {imp_cpu + load_cpu:.2f} s "
          "(what an idle core needs)")

    from newsdesk.index.analysis.pipeline import load_pipeline

    nlp = load_pipeline(args.model)
    texts = news_texts()
    docs = list(nlp.pipe(texts[:20]))  # warm-up
    ntok = sum(len(d) for d in nlp.tokenizer.pipe(texts))
    # CPU time of this (single-threaded) process: what one core does, even on a busy machine
    timings: dict[str, float] = {}
    for _ in range(args.repeat):
        t0 = time.process_time()
        docs = list(nlp.tokenizer.pipe(texts))
        timings["tokenizer"] = min(timings.get("tokenizer", 1e9), time.process_time() - t0)
        for name, proc in nlp.pipeline:
            t = time.process_time()
            docs = list(proc.pipe(docs, batch_size=64)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
            timings[name] = min(timings.get(name, 1e9), time.process_time() - t)
    wall0, cpu0 = time.perf_counter(), time.process_time()
    list(nlp.pipe(texts, batch_size=64))
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    print(f"text: {len(texts)} texts, {ntok} tokens; 1 thread; CPU seconds per step (best of {args.repeat})")
    for name, secs in timings.items():
        print(f"  {name:<12} {secs:6.2f} s  {ntok / secs:>10,.0f} tokens/s")
    ner_steps = sum(timings.values())
    print(f"NER step (tokenizer + all components): {ntok / ner_steps:,.0f} tokens/s per core")
    print(f"nlp.pipe(batch 64): {cpu:.2f} CPU s = {ntok / cpu:,.0f} tokens/s per core "
          f"(wall {wall:.2f} s = {ntok / wall:,.0f} tokens/s on this machine now)")
    ents = sum(len(d.ents) for d in docs)
    print(f"entities found: {ents}")


if __name__ == "__main__":
    main()
