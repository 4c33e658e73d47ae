"""What each rule after the model (``index.analysis.entities.RULES``) changes in entity F1.

  python training/entity_rules.py [--model NAME_OR_PATH] [--corpus training/corpus/dev_tune.spacy ...]

Runs the pipeline over the gold tokens of each corpus (ten-sentence docs, as
``prepare_data.py`` writes them: the unit the document-level rules see), then
scores ``extract_entities`` with no rule, each rule alone, all rules and all
rules but one: exact character span + label against the gold entities (both
trimmed of surrounding punctuation the same way), micro P/R/F1 per label.
Tune on ``dev_tune.spacy`` (first half of GermEval dev); report
``dev_report.spacy`` and ``holdout.spacy``.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from spacy.tokens import Doc, DocBin

from evaluate import LABELS, count_spans, prf  # one scorer for the model and for the rules (this folder)

from newsdesk.index.analysis.entities import RULES, _strip_span, extract_entities, normalize_label
from newsdesk.index.analysis.pipeline import load_pipeline

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPORA = [ROOT / "training" / "corpus" / f"{n}.spacy" for n in ("dev_tune", "dev_report", "holdout")]


def gold_spans(doc: Doc) -> set[tuple[int, int, str]]:
    out = set()
    for ent in doc.ents:
        label = normalize_label(ent.label_)
        start, end = _strip_span(doc.text, ent.start_char, ent.end_char)
        if label and start < end:
            out.add((start, end, label))
    return out


def settings() -> list[tuple[str, frozenset[str]]]:
    rules = sorted(RULES)
    out = [("no rule", frozenset())]
    out += [(f"only {r}", frozenset({r})) for r in rules]
    out += [(f"all but {r}", frozenset(set(rules) - {r})) for r in rules]
    out += [("all rules", frozenset(rules))]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--model", default=None)
    ap.add_argument("--corpus", type=Path, nargs="*", default=DEFAULT_CORPORA)
    args = ap.parse_args()
    nlp = load_pipeline(args.model)
    print(f"model: {args.model or 'bundled'} ({nlp.meta.get('name')} {nlp.meta.get('version')})")
    for corpus in args.corpus:
        gold = list(DocBin().from_disk(corpus).get_docs(nlp.vocab))
        inputs = (Doc(nlp.vocab, words=[t.text for t in d], spaces=[bool(t.whitespace_) for t in d]) for d in gold)
        preds = list(nlp.pipe(inputs, batch_size=64))
        golds = [gold_spans(d) for d in gold]
        print(f"== {corpus.name}: {len(gold)} docs, {sum(len(g) for g in golds)} gold entities")
        print(f"{'rules':<26} {'P':>6} {'R':>6} {'F1':>6}  " + " ".join(f"{lab:>5}" for lab in LABELS))
        base = None
        for name, rules in settings():
            tp, fp, fn = Counter(), Counter(), Counter()
            for g, doc in zip(golds, preds):
                count_spans(g, {(e.start, e.end, e.label) for e in extract_entities(doc, rules)}, tp, fp, fn)
            p, r, f = prf(tp, fp, fn)
            base = f if base is None else base
            per = " ".join(f"{prf(tp, fp, fn, lab)[2]:5.3f}" for lab in LABELS)
            print(f"{name:<26} {p:6.4f} {r:6.4f} {f:6.4f}  {per}  ({f - base:+.4f} vs no rule)")


if __name__ == "__main__":
    main()
