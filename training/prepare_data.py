"""Convert the shared NER corpora into spaCy DocBins under training/corpus/.

Coarse labels PER/LOC/ORG/MISC. GermEval 2014: OTH -> MISC, *deriv and *part
-> O. Every source sentence keeps its corpus tokenisation; ten consecutive
sentences make one Doc (with sentence starts set).

Outputs (training/corpus/, gitignored):
  train.spacy     GermEval train minus the held-out slice, plus the extra corpora
  dev.spacy       GermEval dev (model selection)
  holdout.spacy   the last HOLDOUT sentences of GermEval train (never trained on)
  tagged_dev.spacy  MobIE dev with its STTS POS tags (never trained on): a
                  check of the tagger's accuracy

Extra corpora (``--extra``, default ``wikiann,europarl,mobie``):
  wikiann   WikiANN/PAN-X de train (silver PER/LOC/ORG). It has no MISC, so
            capitalised tokens outside its entities are left *missing* rather
            than O (they may be MISC or GermEval-style derivations).
  wikiann-dev  the same for WikiANN's dev split (more silver data; not used
            for evaluation here).
  europarl  Europarl (IOB1 -> BIO) with STTS POS; MISC spans that start with a
            lower-case word (nationality adjectives, "europäischen") -> O, as
            GermEval tags those as *deriv.
  mobie     MobIE train with STTS POS; location* -> LOC, organization* -> ORG,
            person -> PER, other types O; capitalised O tokens missing (no MISC).
SmartData is not used: it tags place adjectives ("deutschen") as locations,
against GermEval's deriv -> O, and has no tokens or POS.

Data root: <repo>/../shared/data/ner, or $NEWSDESK_SHARED/data/ner.
"""

from __future__ import annotations

import argparse
import os
import random
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "training" / "corpus"
HOLDOUT = 1200
SENTS_PER_DOC = 10
CONTROL = {"\u0096": "\u2013", "\u0092": "'", "\u0080": "\u20ac", "\u0084": "\u201e", "\u0093": "\u201c", "\u0094": "\u201d"}

Sentence = tuple[list[str], list[str], list[str] | None]  # words, BIO tags ("" = missing), STTS tags


def data_root() -> Path:
    shared = os.environ.get("NEWSDESK_SHARED")
    base = Path(shared) if shared else ROOT.parent / "shared"
    return base / "data" / "ner"


def clean_token(tok: str) -> str:
    tok = "".join(CONTROL.get(c, c) for c in tok).replace("\u00ad", "")
    return tok or "-"


def read_columns(path: Path, skip_docstart: bool = False) -> list[list[list[str]]]:
    sents, cur = [], []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip():
                if cur:
                    sents.append(cur)
                    cur = []
                continue
            if skip_docstart and line.startswith("-DOCSTART-"):
                continue
            cur.append(line.split("\t"))
    if cur:
        sents.append(cur)
    return sents


def germeval_label(tag: str) -> str:
    if tag == "O":
        return "O"
    prefix, label = tag.split("-", 1)
    if label.endswith("deriv") or label.endswith("part"):
        return "O"
    return f"{prefix}-{'MISC' if label == 'OTH' else label}"


def fix_bio(tags: list[str]) -> list[str]:
    """Make every span start with B- (also converts IOB1 to BIO)."""
    out, prev = [], "O"
    for tag in tags:
        if tag.startswith("I-") and (prev in ("O", "") or prev[2:] != tag[2:]):
            tag = "B-" + tag[2:]
        out.append(tag)
        prev = tag
    return out


def spans(tags: list[str]) -> list[tuple[int, int, str]]:
    result, start = [], None
    for i, tag in enumerate(tags + ["O"]):
        if start is not None and not tag.startswith("I-"):
            result.append((start, i, tags[start][2:]))
            start = None
        if tag.startswith("B-"):
            start = i
    return result


def capitalised_o_missing(words: list[str], tags: list[str]) -> list[str]:
    return ["" if t == "O" and w[:1].isupper() else t for w, t in zip(words, tags)]


def read_germeval(path: Path) -> list[Sentence]:
    out = []
    for rows in read_columns(path):
        words = [clean_token(r[0]) for r in rows]
        tags = fix_bio([germeval_label(r[1]) for r in rows])
        out.append((words, tags, None))
    return out


def read_wikiann(path: Path) -> list[Sentence]:
    out = []
    for rows in read_columns(path):
        words = [clean_token(r[0][3:] if r[0].startswith("de:") else r[0]) for r in rows]
        tags = fix_bio([r[1] for r in rows])
        out.append((words, capitalised_o_missing(words, tags), None))
    return out


def read_europarl(path: Path) -> list[Sentence]:
    out = []
    for rows in read_columns(path):
        words = [clean_token(r[0]) for r in rows]
        pos = [r[2] for r in rows]
        tags = fix_bio([r[4] for r in rows])
        for start, end, label in spans(tags):
            if label == "MISC" and words[start][:1].islower():
                for i in range(start, end):
                    tags[i] = "O"
        out.append((words, tags, pos))
    return out


def mobie_label(tag: str) -> str:
    if tag == "O":
        return "O"
    prefix, label = tag.split("-", 1)
    if label.startswith("location"):
        return f"{prefix}-LOC"
    if label.startswith("organization"):
        return f"{prefix}-ORG"
    if label == "person":
        return f"{prefix}-PER"
    return "O"


def read_mobie(path: Path) -> list[Sentence]:
    out = []
    for rows in read_columns(path, skip_docstart=True):
        words = [clean_token(r[0]) for r in rows]
        pos = [r[1] for r in rows]
        tags = fix_bio([mobie_label(r[3]) for r in rows])
        out.append((words, capitalised_o_missing(words, tags), pos))
    return out


def to_docs(vocab, sents: list[Sentence]) -> list[Doc]:
    docs = []
    for i in range(0, len(sents), SENTS_PER_DOC):
        chunk = sents[i : i + SENTS_PER_DOC]
        words, ents, pos, starts = [], [], [], []
        has_pos = all(s[2] is not None for s in chunk)
        for w, t, p in chunk:
            words += w
            ents += [x if x else None for x in t]
            pos += p if p is not None else [""] * len(w)
            starts += [True] + [False] * (len(w) - 1)
        ents = [e if e is not None else "" for e in ents]
        docs.append(Doc(vocab, words=words, ents=ents, tags=pos if has_pos else None, sent_starts=starts))
    return docs


def save(docs: list[Doc], name: str, out: Path = OUT) -> None:
    out.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs, store_user_data=False).to_disk(out / f"{name}.spacy")
    ntok = sum(len(d) for d in docs)
    print(f"{name}.spacy: {len(docs)} docs, {ntok} tokens")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--extra", default="wikiann,europarl,mobie", help="comma list, or '' for GermEval only")
    ap.add_argument("--holdout", type=int, default=HOLDOUT)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    root = data_root()
    if not (root / "germeval2014" / "train.bio.tsv").exists():
        raise SystemExit(f"GermEval 2014 not found under {root} (set NEWSDESK_SHARED)")
    vocab = spacy.blank("de").vocab
    train = read_germeval(root / "germeval2014" / "train.bio.tsv")
    holdout = train[-args.holdout :] if args.holdout else []
    train = train[: len(train) - args.holdout]
    dev = read_germeval(root / "germeval2014" / "dev.bio.tsv")
    extras = {
        "wikiann": lambda: read_wikiann(root / "wikiann-de" / "train"),
        "wikiann-dev": lambda: read_wikiann(root / "wikiann-de" / "dev"),
        "europarl": lambda: read_europarl(root / "europarl" / "train.tsv"),
        "mobie": lambda: read_mobie(root / "mobie" / "train.conll2003"),
    }
    train_docs = to_docs(vocab, train)
    for name in [x for x in args.extra.split(",") if x]:
        sents = extras[name]()
        print(f"  + {name}: {len(sents)} sentences")
        train_docs += to_docs(vocab, sents)
    random.Random(0).shuffle(train_docs)
    save(train_docs, "train", args.out)
    save(to_docs(vocab, dev), "dev", args.out)
    if holdout:
        save(to_docs(vocab, holdout), "holdout", args.out)
    mobie_dev = root / "mobie" / "dev.conll2003"
    if mobie_dev.exists():
        save(to_docs(vocab, read_mobie(mobie_dev)), "tagged_dev", args.out)


if __name__ == "__main__":
    main()
