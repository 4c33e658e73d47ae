"""Accuracy of the German temporal tagger on a gold TimeML corpus (TempEval-3 style).

Reads the KRAUTS Dolomiten-42 documents from the shared data folder
(``<repo>/../shared/data/timex/krauts-dolomiten-42``, or $NEWSDESK_SHARED/data/...),
tags each document's text with its DCT and prints:

- strict extent P/R/F1 (same start and end) and relaxed extent P/R/F1 (overlap),
- type accuracy and value accuracy on the relaxed matches,
- value F1 (relaxed match with the right value),
- the same per TIMEX3 type (recall by gold type, precision by system type).

    python bench/timex_eval.py [--errors] [--corpus DIR]

Gold values are compared after a light normalisation of clock times (the corpus
writes both ``T8:30`` and ``T20.30`` for ``T08:30`` / ``T20:30``).
"""

from __future__ import annotations

import argparse
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


def corpus_dir() -> Path:
    shared = Path(os.environ.get("NEWSDESK_SHARED", REPO.parent / "shared"))
    return shared / "data" / "timex" / "krauts-dolomiten-42" / "KRAUTS_Dolomiten-42"


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
    directory = directory or corpus_dir()
    return [read_tml(p) for p in sorted(directory.glob("*.tml"))]


def _context(doc: Document, span: Span, n: int = 40) -> str:
    left = doc.text[max(0, span.start - n):span.start].replace("\n", " ")
    right = doc.text[span.end:span.end + n].replace("\n", " ")
    return f"…{left}[{span.text}]{right}…"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=None, help="folder of gold .tml files")
    ap.add_argument("--errors", action="store_true", help="list every miss, spurious hit and mismatch")
    args = ap.parse_args(argv)
    directory = args.corpus or corpus_dir()
    if not directory.is_dir():
        print(f"gold corpus not found: {directory}", file=sys.stderr)
        return 1
    docs = load_corpus(directory)
    r = evaluate(docs)
    print(f"documents {len(docs)}   gold spans {r['n_gold']}   system spans {r['n_sys']}")
    for name in ("strict", "relaxed", "value"):
        p, rc, f = r[name]
        label = {"strict": "strict extent", "relaxed": "relaxed extent", "value": "value (F1)"}[name]
        print(f"{label:16s} P {p:.3f}  R {rc:.3f}  F1 {f:.3f}")
    print(f"type accuracy    {r['type_acc']:.3f}   value accuracy {r['value_acc']:.3f}  (on relaxed matches)")
    print("per type (recall by gold type, precision by system type):")
    for t, c in r["per_type"].items():
        rp, rr, rf = prf(c["rel_s"], c["sys"], c["rel_g"], c["gold"])
        vp, vr, vf = prf(c["val_s"], c["sys"], c["val_g"], c["gold"])
        print(f"  {t:9s} gold {c['gold']:3d} sys {c['sys']:3d}  relaxed P {rp:.3f} R {rr:.3f} F1 {rf:.3f}"
              f"   value P {vp:.3f} R {vr:.3f} F1 {vf:.3f}")
    if args.errors:
        print()
        for doc, kind, g, s in r["errors"]:
            if kind == "MISSED":
                print(f"MISSED   {doc.name}: {g.type} {g.value}  {_context(doc, g)}")
            elif kind == "SPURIOUS":
                print(f"SPURIOUS {doc.name}: {s.type} {s.value}  {_context(doc, s)}")
            else:
                print(f"MISMATCH {doc.name}: gold {g.type} {g.value} {g.text!r} / system {s.type} "
                      f"{s.value} {s.text!r}  {_context(doc, g)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
