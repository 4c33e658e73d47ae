"""NER step speed on ONE core and pipeline load time (prints figures).

  python bench/ner_speed.py [--model NAME_OR_PATH] [--repeat N]
  python bench/ner_speed.py --model training/output/de_newsdesk-0.2.0 --model de_newsdesk   # before/after

With several ``--model``, each is measured in turn on the same text in the same
process and the last lines give each one's tokens/s as a ratio to the first's.

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
    ap.add_argument("--model", action="append", default=None,
                    help="pipeline name or path; repeat to compare (ratios against the first)")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    models = args.model or [None]
    for model in models:
        loads = [load_time(model) for _ in range(3)]
        imp, load, _, _ = min(loads, key=lambda x: x[0] + x[1])
        imp_cpu, load_cpu = min(x[2] for x in loads), min(x[3] for x in loads)
        print(f"model: {model or 'bundled de_newsdesk'}: load (fresh process, best of 3): import {imp:.2f} s + "
              f"load_pipeline and first text {load:.2f} s = {imp + load:.2f} s wall; CPU {imp_cpu:.2f} + "
              f"{load_cpu:.2f} = {imp_cpu + load_cpu:.2f} s (what an idle core needs)")

    from newsdesk.index.analysis.pipeline import load_pipeline

    texts = news_texts()
    nlps = [load_pipeline(model) for model in models]
    for nlp in nlps:
        list(nlp.pipe(texts[:20]))  # warm-up
    ntok = sum(len(d) for d in nlps[0].tokenizer.pipe(texts))
    # CPU time of this (single-threaded) process: what one core does, even on a busy machine. The
    # models take turns within each round, so a change in the machine's load hits all of them.
    timings: list[dict[str, float]] = [{} for _ in models]
    pipe_cpu = [1e9 for _ in models]
    for _ in range(args.repeat):
        for k, nlp in enumerate(nlps):
            t0 = time.process_time()
            docs = list(nlp.tokenizer.pipe(texts))
            timings[k]["tokenizer"] = min(timings[k].get("tokenizer", 1e9), time.process_time() - t0)
            for name, proc in nlp.pipeline:
                t = time.process_time()
                docs = list(proc.pipe(docs, batch_size=64)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
                timings[k][name] = min(timings[k].get(name, 1e9), time.process_time() - t)
            cpu0 = time.process_time()
            docs = list(nlp.pipe(texts, batch_size=64))
            pipe_cpu[k] = min(pipe_cpu[k], time.process_time() - cpu0)
            timings[k]["entities"] = sum(len(d.ents) for d in docs)
    print(f"text: {len(texts)} texts, {ntok} tokens; 1 thread; CPU seconds per step (best of {args.repeat})")
    results = []
    for model, timing, cpu in zip(models, timings, pipe_cpu):
        ents = int(timing.pop("entities"))
        print(f"model: {model or 'bundled de_newsdesk'} ({ents} entities found)")
        for name, secs in timing.items():
            print(f"  {name:<12} {secs:6.2f} s  {ntok / secs:>10,.0f} tokens/s")
        step = ntok / sum(timing.values())
        print(f"  NER step (tokenizer + all components): {step:,.0f} tokens/s per core")
        print(f"  nlp.pipe(batch 64): {cpu:.2f} CPU s = {ntok / cpu:,.0f} tokens/s per core")
        results.append((model, step, ntok / cpu))
    if len(results) > 1:
        _, base_step, base_pipe = results[0]
        for model, step, pipe in results:
            print(f"{model}: NER step {step:,.0f} tokens/s ({step / base_step:.2f}x), "
                  f"nlp.pipe {pipe:,.0f} tokens/s ({pipe / base_pipe:.2f}x the first)")


if __name__ == "__main__":
    main()
