"""Entity-level evaluation of a spaCy pipeline on GermEval 2014 dev (or any .spacy corpus).

Exact span + label match over coarse labels PER/LOC/ORG/MISC; prints precision,
recall and F1 per label and overall (micro average). The gold tokenisation is
kept (the pipeline runs on the gold tokens), as in the GermEval evaluation.

  python training/evaluate.py                       # the bundled model on GermEval dev
  python training/evaluate.py --model de_core_news_lg
  python training/evaluate.py --model training/runs/main1/model-best --corpus training/corpus/holdout.spacy
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

from spacy.tokens import Doc, DocBin  # noqa: E402

from newsdesk.index.analysis.pipeline import load_pipeline  # noqa: E402

LABELS = ("PER", "LOC", "ORG", "MISC")


def gold_docs(nlp, corpus: Path | None) -> list[Doc]:
    if corpus is None:
        sys.path.insert(0, str(ROOT / "training"))
        from prepare_data import data_root, read_germeval

        path = data_root() / "germeval2014" / "dev.bio.tsv"
        if not path.exists():
            raise SystemExit(f"GermEval dev not found: {path} (set NEWSDESK_SHARED)")
        docs = []
        for words, tags, _ in read_germeval(path):
            docs.append(Doc(nlp.vocab, words=words, ents=tags))
        return docs
    return list(DocBin().from_disk(corpus).get_docs(nlp.vocab))


def count_spans(gold: set, pred: set, tp: Counter, fp: Counter, fn: Counter) -> None:
    """Add the (start, end, label) spans of one document to the per-label counts."""
    for _, _, label in gold & pred:
        tp[label] += 1
    for _, _, label in pred - gold:
        fp[label] += 1
    for _, _, label in gold - pred:
        fn[label] += 1


def prf(tp: Counter, fp: Counter, fn: Counter, label: str | None = None) -> tuple[float, float, float]:
    """Precision, recall and F1 of ``label``, or over all labels (micro average) when None."""
    t = sum(tp.values()) if label is None else tp[label]
    f_p = sum(fp.values()) if label is None else fp[label]
    f_n = sum(fn.values()) if label is None else fn[label]
    p = t / (t + f_p) if t + f_p else 0.0
    r = t / (t + f_n) if t + f_n else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(nlp, docs: list[Doc], batch_size: int = 256) -> dict:
    tp, fp, fn = Counter(), Counter(), Counter()
    tags_right = tags_total = 0
    preds_in = (Doc(nlp.vocab, words=[t.text for t in d]) for d in docs)
    for gold, pred in zip(docs, nlp.pipe(preds_in, batch_size=batch_size)):
        count_spans({(e.start, e.end, e.label_) for e in gold.ents if e.label_ in LABELS},
                    {(e.start, e.end, e.label_) for e in pred.ents if e.label_ in LABELS}, tp, fp, fn)
        for gt, pt in zip(gold, pred):
            if gt.tag_:
                tags_total += 1
                tags_right += gt.tag_ == pt.tag_
    rows = {}
    for label in LABELS + ("ALL",):
        p, r, f = prf(tp, fp, fn, None if label == "ALL" else label)
        support = sum(tp.values()) + sum(fn.values()) if label == "ALL" else tp[label] + fn[label]
        rows[label] = {"p": round(p, 4), "r": round(r, 4), "f": round(f, 4), "support": support}
    result = {"ents": rows}
    if tags_total:
        result["tag_acc"] = round(tags_right / tags_total, 4)
    return result


def print_table(result: dict) -> None:
    print(f"{'label':<6} {'P':>7} {'R':>7} {'F1':>7} {'gold':>6}")
    for label, row in result["ents"].items():
        print(f"{label:<6} {row['p']:7.4f} {row['r']:7.4f} {row['f']:7.4f} {row['support']:6d}")
    if "tag_acc" in result:
        print(f"STTS tag accuracy: {result['tag_acc']:.4f}")


def main() -> None:
    ap = argparse.ArgumentParser(description="Entity-level P/R/F1 on GermEval 2014 dev")
    ap.add_argument("--model", default=None, help="pipeline name or path (default: the bundled model)")
    ap.add_argument("--corpus", type=Path, default=None, help=".spacy DocBin (default: GermEval dev)")
    ap.add_argument("--json", type=Path, default=None, help="also write the scores here")
    args = ap.parse_args()
    nlp = load_pipeline(args.model)
    docs = gold_docs(nlp, args.corpus)
    t0 = time.perf_counter()
    result = score(nlp, docs)
    print(f"model: {args.model or 'bundled'}  corpus: {args.corpus or 'GermEval 2014 dev'}  "
          f"({len(docs)} docs, {time.perf_counter() - t0:.1f} s)")
    print_table(result)
    if args.json:
        args.json.write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
