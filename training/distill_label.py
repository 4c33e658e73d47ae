"""Silver labels for distillation: the accurate tier (de_newsdesk_e5) tags German text from ../shared.

  python training/distill_label.py                       # all sources, in order, resumable
  python training/distill_label.py --sources smartdata,wikiann --max-minutes 40

Each source is tagged in parts of about ``--part-words`` words, written as
``training/corpus/silver/<source>-NNNN.spacy`` (gitignored) as soon as they are
done, so training can start on the parts that exist while tagging goes on. An
existing part is not tagged again. Every token gets a label (O outside the
teacher's entities); sentence starts are those of the teacher's sentencizer
(raw text) or the corpus' sentences (pre-tokenised corpora). Docs are cut into
pieces of at most ``SENTS_PER_DOC`` sentences, like the gold corpora.

Sources (read from ../shared/data, never copied):
  smartdata  DFKI SmartData v1 train: German news, RSS items, tweets (CC BY 4.0), raw text
  wikiwars   WikiWarsDE: 22 German Wikipedia articles on wars (CC BY-SA), raw text
  wikiann    WikiANN de train sentences (Wikipedia, CC BY-SA), the corpus' tokens; the teacher's
             labels replace WikiANN's own (which lack MISC and derivations)
  mobie      MobIE train sentences (CC BY 4.0), the corpus' tokens (its gold lacks MISC)
  europarl   Europarl NER sentences, the corpus' tokens
Not used: KRAUTS Dolomiten-42 (CC BY-NC: a model trained on it could not be shipped
under the model's licence) and GermEval (gold labels exist).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from html import unescape
from pathlib import Path
from typing import Iterator

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

sys.path.insert(0, str(Path(__file__).resolve().parent))
from prepare_data import clean_token, data_root, read_columns  # noqa: E402

import spacy  # noqa: E402
from spacy.tokens import Doc, DocBin  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "training" / "corpus" / "silver"
SENTS_PER_DOC = 10
SOURCES = ("smartdata", "wikiwars", "wikiann", "mobie", "europarl")


def shared_root() -> Path:
    return data_root().parent  # ../shared/data


def smartdata_texts() -> Iterator[str]:
    text = (shared_root() / "ner" / "smartdata-v1" / "train.json").read_text(encoding="utf-8")
    decoder, i = json.JSONDecoder(), 0
    while True:
        while i < len(text) and text[i].isspace():
            i += 1
        if i >= len(text):
            return
        obj, i = decoder.raw_decode(text, i)
        body = (obj.get("text") or {}).get("string") or ""
        if body.strip():
            yield body


def wikiwars_texts() -> Iterator[str]:
    folder = shared_root() / "timex" / "wikiwarsde" / "WikiWarsDE_20110412" / "in"
    for path in sorted(folder.glob("*.sgm")):
        raw = path.read_text(encoding="utf-8")
        m = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
        body = unescape(re.sub(r"<[^>]+>", "", m.group(1) if m else raw))
        # paragraphs one by one: the teacher's batches stay small, parts come out steadily
        for para in re.split(r"\n\s*\n", body):
            if para.strip():
                yield para.strip()


def column_sentences(name: str) -> Iterator[list[str]]:
    root = data_root()
    if name == "wikiann":
        for rows in read_columns(root / "wikiann-de" / "train"):
            yield [clean_token(r[0][3:] if r[0].startswith("de:") else r[0]) for r in rows]
    elif name == "mobie":
        for rows in read_columns(root / "mobie" / "train.conll2003", skip_docstart=True):
            yield [clean_token(r[0]) for r in rows]
    elif name == "europarl":
        for rows in read_columns(root / "europarl" / "train.tsv"):
            yield [clean_token(r[0]) for r in rows]


def inputs(vocab, name: str) -> Iterator[Doc | str]:
    if name == "smartdata":
        yield from smartdata_texts()
    elif name == "wikiwars":
        yield from wikiwars_texts()
    else:
        for words in column_sentences(name):
            yield Doc(vocab, words=words, sent_starts=[True] + [False] * (len(words) - 1))


def pieces(doc: Doc) -> list[Doc]:
    """``doc`` cut into docs of at most SENTS_PER_DOC sentences (entities and sentence starts kept)."""
    sents = list(doc.sents)
    out = []
    for i in range(0, len(sents), SENTS_PER_DOC):
        group = sents[i : i + SENTS_PER_DOC]
        piece = doc[group[0].start : group[-1].end].as_doc()
        if any(not t.is_space for t in piece):
            out.append(piece)
    return out


def label_source(nlp, name: str, out: Path, part_words: int, deadline: float) -> bool:
    """Tag ``name`` part by part; False when the deadline stopped it."""
    items = list(inputs(nlp.vocab, name))
    # cut the input into parts of ~part_words words (deterministic, so existing parts are skipped)
    parts, cur, words = [], [], 0
    for item in items:
        cur.append(item)
        words += len(item) if isinstance(item, Doc) else len(item.split())
        if words >= part_words:
            parts.append(cur)
            cur, words = [], 0
    if cur:
        parts.append(cur)
    for n, part in enumerate(parts):
        path = out / f"{name}-{n:04d}.spacy"
        if path.exists():
            continue
        if time.monotonic() > deadline:
            print(f"time limit: {name} stopped before part {n} of {len(parts)}", flush=True)
            return False
        t0 = time.process_time()
        docs, ntok = [], 0
        for doc in nlp.pipe(part, batch_size=32):
            ntok += sum(not t.is_space for t in doc)
            docs.extend(pieces(doc))
        tmp = path.with_suffix(".tmp")
        DocBin(docs=docs, attrs=["ORTH", "ENT_IOB", "ENT_TYPE", "SENT_START"], store_user_data=False).to_disk(tmp)
        tmp.rename(path)
        cpu = time.process_time() - t0
        ents = sum(len(d.ents) for d in docs)
        print(f"{path.name}: {len(docs)} docs, {ntok} tokens, {ents} entities, "
              f"{ntok / max(cpu, 1e-9):.0f} tokens/s CPU", flush=True)
    return True


def record_teacher(out: Path, meta: dict) -> None:
    """Write which model labels the parts in ``out`` (``teacher.json``, read by distill.py for the
    student's meta); parts of two teachers are never mixed in one folder."""
    teacher = {"name": f"{meta.get('lang')}_{meta.get('name')}", "version": meta.get("version")}
    file = out / "teacher.json"
    if file.is_file() and any(out.glob("*.spacy")):
        before = json.loads(file.read_text(encoding="utf-8"))
        if before != teacher:
            raise SystemExit(f"{out} holds parts labelled by {before['name']} {before['version']}; "
                             f"label with {teacher['name']} {teacher['version']} into another --out folder")
    file.write_text(json.dumps(teacher) + "\n", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sources", default=",".join(SOURCES), help=f"comma list of {', '.join(SOURCES)}")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--part-words", type=int, default=15000)
    ap.add_argument("--max-minutes", type=float, default=None, help="stop starting new parts after this")
    args = ap.parse_args()
    names = [s for s in args.sources.split(",") if s]
    unknown = [s for s in names if s not in SOURCES]
    if unknown:
        raise SystemExit(f"unknown source(s): {', '.join(unknown)} (known: {', '.join(SOURCES)})")
    from newsdesk.index.analysis.pipeline import load_pipeline

    teacher = load_pipeline("de_newsdesk_e5")
    for unused in ("tok2vec", "tagger"):  # the e5 NER reads neither
        if unused in teacher.pipe_names:
            teacher.disable_pipe(unused)
    print(f"teacher: {teacher.meta.get('name')} {teacher.meta.get('version')}, pipes {teacher.pipe_names}", flush=True)
    args.out.mkdir(parents=True, exist_ok=True)
    record_teacher(args.out, teacher.meta)
    deadline = time.monotonic() + args.max_minutes * 60 if args.max_minutes else float("inf")
    for name in names:
        if not label_source(teacher, name, args.out, args.part_words, deadline):
            break


if __name__ == "__main__":
    main()
