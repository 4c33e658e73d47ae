"""Accuracy of the German temporal tagger on two gold corpora (TempEval-3 style), per split.

Corpora, read from the shared data folder (``<repo>/../shared/data/timex/...``, or
$NEWSDESK_SHARED/data/timex/...), never copied into the repository:

- ``dolomiten``: KRAUTS Dolomiten-42, 42 South Tyrolean news articles, TIMEX3 (TimeML .tml);
- ``wikiwarsde``: WikiWarsDE, 22 German Wikipedia war narratives, TIMEX2 (ACE TERN inline
  ``keyinline/*.key.xml``), mapped to TIMEX3 as described at ``read_wikiwars``.

Split (fixed, documented, never changed after the baseline was recorded): a document is
*held out* when the first byte of the SHA-1 of ``<corpus>/<document name>`` is divisible
by 3, else it is in the *tune* part.  Rules are tuned on the tune part only; ``--errors``
lists tune errors unless ``--split heldout`` is asked for explicitly.

For each corpus and split, the tagger tags each document's text with its DCT and prints:

- strict extent P/R/F1 (same start and end) and relaxed extent P/R/F1 (overlap),
- type accuracy and value accuracy on the relaxed matches,
- value F1 (relaxed match with the right value),
- the same per TIMEX3 type (recall by gold type, precision by system type).

    python bench/timex_eval.py [--corpus dolomiten|wikiwarsde] [--split tune|heldout|all]
                               [--errors] [--full]

Gold values are compared after a light normalisation of clock times (the corpus
writes both ``T8:30`` and ``T20.30`` for ``T08:30`` / ``T20:30``).
"""

from __future__ import annotations

import argparse
import hashlib
import html
import os
import re
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from newsdesk.index.analysis.timex import tag  # noqa: E402

TYPES = ("DATE", "TIME", "DURATION", "SET")


SPLITS = ("tune", "heldout")


def shared_dir() -> Path:
    """$NEWSDESK_SHARED, else the nearest ``shared`` folder beside the repository or above it."""
    if os.environ.get("NEWSDESK_SHARED"):
        return Path(os.environ["NEWSDESK_SHARED"]) / "data" / "timex"
    for parent in REPO.parents:
        if (parent / "shared" / "data").is_dir():
            return parent / "shared" / "data" / "timex"
    return REPO.parent / "shared" / "data" / "timex"


def corpus_dir() -> Path:
    """The KRAUTS Dolomiten-42 gold folder."""
    return shared_dir() / "krauts-dolomiten-42" / "KRAUTS_Dolomiten-42"


def wikiwars_dir() -> Path:
    """The WikiWarsDE inline gold folder."""
    return shared_dir() / "wikiwarsde" / "WikiWarsDE_20110412" / "keyinline"


def split_of(corpus: str, name: str) -> str:
    """``heldout`` or ``tune``: a fixed function of the corpus and document name."""
    return "heldout" if hashlib.sha1(f"{corpus}/{name}".encode()).digest()[0] % 3 == 0 else "tune"


@dataclass
class Span:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class Document:
    name: str
    dct: date
    text: str
    gold: list[Span]


_TAG = re.compile(r"<TIMEX3\b([^>]*)>(.*?)</TIMEX3>|<[^>]+>", re.S)
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def read_tml(path: Path) -> Document:
    raw = path.read_text(encoding="utf-8")
    dct_m = re.search(r'<DCT>.*?value="(\d{4}-\d{2}-\d{2})', raw, re.S)
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S).group(1)
    out: list[str] = []
    gold: list[Span] = []
    pos = 0
    length = 0
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos:m.start()])
        out.append(chunk)
        length += len(chunk)
        if m.group(1) is not None:
            attrs = dict(_ATTR.findall(m.group(1)))
            inner = html.unescape(m.group(2))
            gold.append(Span(length, length + len(inner), inner, attrs.get("type", ""),
                             attrs.get("value", "")))
            out.append(inner)
            length += len(inner)
        pos = m.end()
    out.append(html.unescape(body[pos:]))
    return Document(path.name, date.fromisoformat(dct_m.group(1)), "".join(out), gold)


_TIMEX2 = re.compile(r"<TIMEX2\b([^>]*)>|</TIMEX2>|<[^>]+>", re.S)
_TIME_VALUE = re.compile(r"T(?:\d|MO|MI|AF|EV|NI|DT)")


def timex2_to_timex3(attrs: dict) -> tuple[str, str]:
    """(TIMEX3 type, value) of a TIMEX2 annotation.

    TIMEX2 has no type: ``set="YES"`` is a SET, a ``P...`` value a DURATION, a value with a
    time of day (``T04:45``, ``TMO``) a TIME, anything else a DATE.  Values are kept as they
    are (TIMEX2 and TIMEX3 share their shapes; BC years stay ``BC0264``, newsdesk's
    convention too)."""
    value = attrs.get("val", "")
    if attrs.get("set", "").upper() == "YES":
        return "SET", value
    if re.match(r"P[\dXT]", value):  # not PRESENT_REF / PAST_REF
        return "DURATION", value
    if _TIME_VALUE.search(value):
        return "TIME", value
    return "DATE", value


def read_wikiwars(path: Path) -> Document:
    """A WikiWarsDE ``*.key.xml`` document: its <TEXT> without tags, and its outermost TIMEX2s.

    TIMEX2 may nest ("<TIMEX2>am Morgen des <TIMEX2>4. November</TIMEX2></TIMEX2>"); TIMEX3
    does not, so only the outermost annotation counts.  The DCT is the download time of the
    articles (2011-02-16) and is passed to the tagger as the publication date."""
    raw = path.read_text(encoding="utf-8")
    dct_m = re.search(r"<DATETIME>.*?val=\"(\d{4}-\d{2}-\d{2})", raw, re.S)
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S).group(1)
    out: list[str] = []
    gold: list[Span] = []
    stack: list[tuple[int, dict]] = []
    pos = length = 0
    for m in _TIMEX2.finditer(body):
        chunk = html.unescape(body[pos:m.start()])
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        tag_text = m.group(0)
        if tag_text.startswith("<TIMEX2"):
            stack.append((length, dict(_ATTR.findall(m.group(1)))))
        elif tag_text == "</TIMEX2>" and stack:
            start, attrs = stack.pop()
            if not stack:
                typ, value = timex2_to_timex3(attrs)
                gold.append(Span(start, length, "", typ, value))
    out.append(html.unescape(body[pos:]))
    text = "".join(out)
    for g in gold:
        g.text = text[g.start:g.end]
    return Document(path.name.split(".")[0], date.fromisoformat(dct_m.group(1)), text, gold)


def norm_value(v: str) -> str:
    return re.sub(r"T(\d{1,2})[.:](\d\d)", lambda m: f"T{int(m.group(1)):02d}:{m.group(2)}", v)


def prf(tp_p: int, n_sys: int, tp_r: int, n_gold: int) -> tuple[float, float, float]:
    p = tp_p / n_sys if n_sys else 0.0
    r = tp_r / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def match(gold: list[Span], system: list[Span]):
    """One-to-one relaxed matching (overlap), preferring exact then larger overlap."""
    pairs = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            ov = min(g.end, s.end) - max(g.start, s.start)
            if ov > 0:
                exact = g.start == s.start and g.end == s.end
                pairs.append((not exact, -ov, gi, si))
    pairs.sort()
    used_g, used_s, out = set(), set(), []
    for _, _, gi, si in pairs:
        if gi in used_g or si in used_s:
            continue
        used_g.add(gi)
        used_s.add(si)
        out.append((gold[gi], system[si]))
    return out


def evaluate(docs: list[Document]) -> dict:
    n_gold = n_sys = strict = relaxed = type_ok = value_ok = 0
    per_type = {t: {"gold": 0, "sys": 0, "rel_g": 0, "rel_s": 0, "val_g": 0, "val_s": 0} for t in TYPES}
    errors = []
    for doc in docs:
        system = [Span(t.start, t.end, t.text, t.type, t.value) for t in tag(doc.text, doc.dct)]
        n_gold += len(doc.gold)
        n_sys += len(system)
        for g in doc.gold:
            per_type.setdefault(g.type, dict.fromkeys(per_type["DATE"], 0))["gold"] += 1
        for s in system:
            per_type.setdefault(s.type, dict.fromkeys(per_type["DATE"], 0))["sys"] += 1
        pairs = match(doc.gold, system)
        matched_g = {id(g) for g, _ in pairs}
        matched_s = {id(s) for _, s in pairs}
        for g, s in pairs:
            relaxed += 1
            per_type[g.type]["rel_g"] += 1
            per_type[s.type]["rel_s"] += 1
            exact = g.start == s.start and g.end == s.end
            strict += exact
            type_ok += g.type == s.type
            vok = norm_value(g.value) == norm_value(s.value)
            value_ok += vok
            if vok:
                per_type[g.type]["val_g"] += 1
                per_type[s.type]["val_s"] += 1
            if not exact or not vok or g.type != s.type:
                errors.append((doc, "MISMATCH", g, s))
        for g in doc.gold:
            if id(g) not in matched_g:
                errors.append((doc, "MISSED", g, None))
        for s in system:
            if id(s) not in matched_s:
                errors.append((doc, "SPURIOUS", None, s))
    return {
        "n_gold": n_gold, "n_sys": n_sys,
        "strict": prf(strict, n_sys, strict, n_gold),
        "relaxed": prf(relaxed, n_sys, relaxed, n_gold),
        "type_acc": type_ok / relaxed if relaxed else 0.0,
        "value_acc": value_ok / relaxed if relaxed else 0.0,
        "value": prf(value_ok, n_sys, value_ok, n_gold),
        "per_type": per_type,
        "errors": errors,
    }


def load_corpus(directory: Path | None = None) -> list[Document]:
    """The Dolomiten-42 documents (all of them)."""
    directory = directory or corpus_dir()
    return [read_tml(p) for p in sorted(directory.glob("*.tml"))]


def load_wikiwars(directory: Path | None = None) -> list[Document]:
    """The WikiWarsDE documents (all of them)."""
    directory = directory or wikiwars_dir()
    return [read_wikiwars(p) for p in sorted(directory.glob("*.key.xml"))]


CORPORA = {"dolomiten": (corpus_dir, load_corpus), "wikiwarsde": (wikiwars_dir, load_wikiwars)}


def load_split(corpus: str, split: str = "all") -> list[Document]:
    """The documents of ``corpus`` in ``split`` (tune, heldout or all); [] when the data is absent."""
    folder, load = CORPORA[corpus]
    if not folder().is_dir():
        return []
    docs = load()
    return [d for d in docs if split == "all" or split_of(corpus, d.name) == split]


def _context(doc: Document, span: Span, n: int = 40) -> str:
    left = doc.text[max(0, span.start - n):span.start].replace("\n", " ")
    right = doc.text[span.end:span.end + n].replace("\n", " ")
    return f"…{left}[{span.text}]{right}…"


def _print_scores(label: str, docs: list[Document], r: dict, full: bool) -> None:
    sp, sr, sf = r["strict"]
    rp, rr, rf = r["relaxed"]
    vp, vr, vf = r["value"]
    print(f"{label:22s} docs {len(docs):3d} gold {r['n_gold']:5d} sys {r['n_sys']:5d}  "
          f"strict P {sp:.3f} R {sr:.3f} F1 {sf:.3f}  relaxed F1 {rf:.3f}  "
          f"value acc {r['value_acc']:.3f}  value F1 {vf:.3f}  type acc {r['type_acc']:.3f}")
    if full:
        for t, c in r["per_type"].items():
            tp, tr, tf = prf(c["rel_s"], c["sys"], c["rel_g"], c["gold"])
            qp, qr, qf = prf(c["val_s"], c["sys"], c["val_g"], c["gold"])
            print(f"    {t:9s} gold {c['gold']:4d} sys {c['sys']:4d}  relaxed P {tp:.3f} R {tr:.3f} "
                  f"F1 {tf:.3f}   value P {qp:.3f} R {qr:.3f} F1 {qf:.3f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", choices=sorted(CORPORA), action="append",
                    help="corpus to score (repeatable; default: all that are present)")
    ap.add_argument("--split", choices=("tune", "heldout", "all"), default=None,
                    help="one split only (default: tune and held-out, side by side)")
    ap.add_argument("--errors", action="store_true",
                    help="list every miss, spurious hit and mismatch (of the tune split unless --split)")
    ap.add_argument("--full", action="store_true", help="scores per TIMEX3 type too")
    args = ap.parse_args(argv)
    corpora = args.corpus or sorted(CORPORA)
    splits = [args.split] if args.split else list(SPLITS)
    found = False
    for corpus in corpora:
        if not CORPORA[corpus][0]().is_dir():
            print(f"{corpus}: gold corpus not found at {CORPORA[corpus][0]()}", file=sys.stderr)
            continue
        found = True
        for split in splits:
            docs = load_split(corpus, split)
            r = evaluate(docs)
            _print_scores(f"{corpus}/{split}", docs, r, args.full)
            if args.errors and (args.split or split == "tune"):
                for doc, kind, g, s in r["errors"]:
                    if kind == "MISSED":
                        print(f"MISSED   {doc.name}: {g.type} {g.value}  {_context(doc, g)}")
                    elif kind == "SPURIOUS":
                        print(f"SPURIOUS {doc.name}: {s.type} {s.value}  {_context(doc, s)}")
                    else:
                        print(f"MISMATCH {doc.name}: gold {g.type} {g.value} {g.text!r} / system {s.type} "
                              f"{s.value} {s.text!r}  {_context(doc, g)}")
    return 0 if found else 1


if __name__ == "__main__":
    raise SystemExit(main())
