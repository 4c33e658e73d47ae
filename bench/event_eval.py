"""How far a reader can trust the event list: five rates from judged events.

    python bench/event_eval.py [--todo] [--show] [--part tune|held-out|all] [--corpus DIR]
                               [--events-rev GIT_REV] [--record FILE]

The articles are the KRAUTS Dolomiten-42 raw texts (read from the shared data folder,
``<repo>/../shared/data/timex/krauts-dolomiten-42``, or $NEWSDESK_SHARED/data/...; non-commercial,
so the repository keeps only their document ids, offsets and our judgments), the bundled seed
articles and the German news articles written for this set (``bench/event_judgments/articles``).

``bench/event_judgments/judgments.json`` holds, per article (``dolomiten/<id>``, ``seed/<name>``,
``own/<name>``):

- ``events``: one entry per judged event, found again by its anchor: ``timex`` = [start, end] of
  the temporal expression that dates it (a system event matches when its expression overlaps),
  or ``lead`` = the start of the sentence of an inferred main event. Judged once per anchor:
  ``value`` (the TIMEX3 value the event should carry: date and granularity; compared with the
  system's value through ``period_start``), ``event`` (worth a line in the list at all).
  Judged per output, so that changed output is judged again and unchanged output keeps its
  judgment: ``what`` maps each readable line seen to yes / partly / no, ``who_where`` maps each
  "who | where" seen to yes / no.
- ``editor`` (for some articles): the events an editor would list, each as ``at`` (an offset in
  the clause, usually the start of its date expression) and ``value``. One is found when a
  listed event's clause or expression holds ``at`` and its date equals the value's.

The five rates, on the tune part and on the held-out part (a third of the articles, chosen by a
hash of the document id; never looked at while changing the code):

- date right: listed events whose date and granularity are those of the judged value;
- readable: listed real events whose line is judged "yes" ("partly" counts as not readable);
- who/where: listed real events whose who/where is judged right and complete enough;
- non-events: listed events judged not worth a line, as a share of the list;
- recall: editor events found with the right date.

``--events-rev REV`` rates the event extraction of a git revision instead (the rest of the
analysis as it is now), for a before/after comparison on the same judgments.

Output that has not been judged yet is counted apart ("unjudged") and left out of the rates;
``--todo`` prints it with its context, ready to be judged. ``--record FILE`` adds judgments to the
file, read from lines of FILE that judge the output of the code as it is now:

    <doc id> <anchor> <value> <event> <what> <who/where>     e.g.  own/trainer_entlassen 420 2023-11-07 y y n
    editor <doc id> <at> <value>

``<anchor>`` is the start of the event's temporal expression, or ``lead:<sentence start>`` for an
inferred main event; ``<value>`` is the TIMEX3 value the event should carry (``-``: the expression
dates nothing); ``<event>`` y/n (worth a line); ``<what>`` y/p/n (readable: yes/partly/no);
``<who/where>`` y/n. A ``.`` keeps what is already recorded, so that re-judging changed output
is one line per change.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import html
import json
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsdesk.index.periods import period_start  # noqa: E402
from newsdesk.index.annotations import Event  # noqa: E402

JUDGMENTS_DIR = ROOT / "bench" / "event_judgments"
JUDGMENTS = JUDGMENTS_DIR / "judgments.json"
OWN_ARTICLES = JUDGMENTS_DIR / "articles"
SEEDS = ROOT / "seeds"
HELD_OUT_SHARE = 3  # one article in three is held out


@dataclass
class Article:
    doc_id: str
    text: str
    date: dt.date | None


def held_out(doc_id: str) -> bool:
    """The held-out part: fixed by a hash of the document id, not by anything the code does."""
    return int(hashlib.sha1(doc_id.encode("utf-8")).hexdigest(), 16) % HELD_OUT_SHARE == 0


def dolomiten_dir() -> Path:
    if "NEWSDESK_SHARED" in os.environ:
        candidates = [Path(os.environ["NEWSDESK_SHARED"])]
    else:  # next to the repository, or next to the folder of worktrees it stands in
        candidates = [ROOT.parent / "shared", ROOT.parent.parent / "shared"]
    found = next((c for c in candidates if c.is_dir()), candidates[0])
    return found / "data" / "timex" / "krauts-dolomiten-42" / "KRAUTS_Dolomiten-42_raw-text"


def read_raw_tml(path: Path) -> tuple[str, dt.date]:
    raw = path.read_text(encoding="utf-8")
    dct = re.search(r'<DCT>.*?value="(\d{4}-\d{2}-\d{2})', raw, re.S)
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    if dct is None or body is None:
        raise ValueError(f"{path.name}: no DCT or TEXT")
    return html.unescape(body.group(1)), dt.date.fromisoformat(dct.group(1))


def load_articles(corpus: Path | None = None) -> list[Article]:
    from newsdesk.index.ingest import Skipped, read_paths

    articles = []
    directory = corpus or dolomiten_dir()
    if directory.is_dir():
        for path in sorted(directory.glob("*.tml")):
            text, date = read_raw_tml(path)
            articles.append(Article(f"dolomiten/{path.name.split('_')[0]}", text, date))
    else:
        print(f"Dolomiten-42 not found at {directory}: its articles are left out", file=sys.stderr)
    for prefix, folder in (("seed", SEEDS), ("own", OWN_ARTICLES)):
        for a in read_paths(sorted(folder.glob("*.txt"))):
            if isinstance(a, Skipped):
                print(f"skipped {a}", file=sys.stderr)
                continue
            articles.append(Article(f"{prefix}/{Path(a.source).stem}", a.text, a.date))
    return articles


def load_judgments(path: Path = JUDGMENTS) -> dict:
    if not path.exists():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


# --- matching events to judgments ----------------------------------------------------------------


def who_where(event: Event) -> str:
    return f"{', '.join(event.who)} | {', '.join(event.where)}"


def find_judgment(event: Event, judged: list[dict]) -> dict | None:
    for j in judged:
        if "lead" in j:
            if event.inferred and event.sentence_start == j["lead"]:
                return j
        elif not event.inferred and event.timex_start < j["timex"][1] and j["timex"][0] < event.timex_end:
            return j
    return None


def same_period(value: str, gold: str) -> bool:
    a, b = period_start(value), period_start(gold)
    return a is not None and a == b


@dataclass
class Tally:
    listed: int = 0
    date_judged: int = 0
    date_right: int = 0
    real: int = 0
    what_judged: int = 0
    readable: int = 0
    partly: int = 0
    ww_judged: int = 0
    ww_right: int = 0
    non_events: int = 0
    event_judged: int = 0
    editor: int = 0
    found: int = 0
    unjudged: int = 0
    articles: int = 0

    def lines(self) -> list[str]:
        def rate(n: int, d: int) -> str:
            return f"{100 * n / d:5.1f} % ({n}/{d})" if d else "    - (0/0)"

        return [
            f"  date right   {rate(self.date_right, self.date_judged)}",
            f"  readable     {rate(self.readable, self.what_judged)}   partly {rate(self.partly, self.what_judged)}",
            f"  who/where    {rate(self.ww_right, self.ww_judged)}",
            f"  non-events   {rate(self.non_events, self.event_judged)}",
            f"  recall       {rate(self.found, self.editor)}",
            f"  ({self.articles} articles, {self.listed} listed events, {self.unjudged} unjudged items)",
        ]


def evaluate(article: Article, events: list[Event], doc: dict, tally: Tally, todo: list[str], show: list[str]) -> None:
    judged = doc.get("events", [])
    tally.articles += 1
    for e in events:
        tally.listed += 1
        j = find_judgment(e, judged)
        anchor = f"lead {e.sentence_start}" if e.inferred else f"timex [{e.timex_start}, {e.timex_end}]"
        if j is None:
            tally.unjudged += 1
            todo.append(_todo_entry(article, e, anchor, "event"))
            continue
        tally.date_judged += 1
        date_ok = same_period(e.value, j["value"])
        tally.date_right += date_ok
        tally.event_judged += 1
        if not j["event"]:
            tally.non_events += 1
            show.append(f"{article.doc_id} {anchor} NON-EVENT {e.when}: {e.what}")
            continue
        tally.real += 1
        verdict = j.get("what", {}).get(e.what)
        if verdict is None:
            tally.unjudged += 1
            todo.append(_todo_entry(article, e, anchor, "what"))
        else:
            tally.what_judged += 1
            tally.readable += verdict == "yes"
            tally.partly += verdict == "partly"
        ww = j.get("who_where", {}).get(who_where(e))
        if ww is None:
            tally.unjudged += 1
            todo.append(_todo_entry(article, e, anchor, "who_where"))
        else:
            tally.ww_judged += 1
            tally.ww_right += ww == "yes"
        flags = "".join(
            mark for ok, mark in ((date_ok, ""), (verdict == "yes", "W"), (ww == "yes", "P")) if not ok
        ) if date_ok else "D"
        show.append(f"{article.doc_id} {anchor} {flags or 'ok':3s} {e.when} [{e.status}]: {e.what} || {who_where(e)}")
    for wanted in doc.get("editor", []):
        tally.editor += 1
        at = wanted["at"]
        hit = any(
            (e.start <= at < e.end or e.timex_start <= at < e.timex_end) and same_period(e.value, wanted["value"])
            for e in events
        )
        tally.found += hit
        if not hit:
            show.append(f"{article.doc_id} MISSED at {at} {wanted['value']}: {_context(article.text, at, at)}")


def _context(text: str, start: int, end: int, width: int = 70) -> str:
    left = text[max(0, start - width):start]
    right = text[end:end + width]
    return " ".join(f"{left}[{text[start:end]}]{right}".split())


def _todo_entry(article: Article, e: Event, anchor: str, what: str) -> str:
    return (
        f"{article.doc_id} {anchor} needs {what}: value {e.value!r} ({e.when}) status {e.status}\n"
        f"    what {e.what!r}\n    who/where {who_where(e)!r}\n"
        f"    clause: {_context(article.text, e.timex_start, e.timex_end) if not e.inferred else article.text[e.start:e.end]}\n"
        f"    sentence: {' '.join(article.text[e.sentence_start:e.sentence_end].split())}"
    )


_VERDICTS = {"y": "yes", "p": "partly", "n": "no"}


def record(path: Path, articles: list[Article], analyses: list, judgments: dict) -> int:
    """Add the judgments of ``path`` (see the module doc) to ``judgments``; returns the lines recorded."""
    by_id = {a.doc_id: (a, an) for a, an in zip(articles, analyses)}
    recorded = 0
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        fields = line.split()
        if not fields or fields[0].startswith("#"):
            continue
        if fields[0] == "editor":
            _, doc_id, at, value = fields
            wanted = judgments.setdefault(doc_id, {}).setdefault("editor", [])
            wanted[:] = [w for w in wanted if w["at"] != int(at)] + [{"at": int(at), "value": value}]
            wanted.sort(key=lambda w: w["at"])
            recorded += 1
            continue
        doc_id, anchor, value, event, what, ww = fields
        if doc_id not in by_id:
            print(f"{path}:{n}: unknown document {doc_id}", file=sys.stderr)
            continue
        _, analysis = by_id[doc_id]
        if anchor.startswith("lead:"):
            start = int(anchor[5:])
            found = [e for e in analysis.events if e.inferred and e.sentence_start == start]
            key = {"lead": start}
        else:
            start = int(anchor)
            found = [e for e in analysis.events if not e.inferred and e.timex_start == start]
            key = {"timex": [start, found[0].timex_end]} if found else {}
        if not found:
            print(f"{path}:{n}: no event at {anchor} in {doc_id}", file=sys.stderr)
            continue
        e = found[0]
        judged = judgments.setdefault(doc_id, {}).setdefault("events", [])
        j = find_judgment(e, judged)
        if j is None:
            j = dict(key)
            judged.append(j)
        if value != ".":
            j["value"] = "" if value == "-" else value
        if event != ".":
            j["event"] = event == "y"
        if what != ".":
            j.setdefault("what", {})[e.what] = _VERDICTS[what]
        if ww != ".":
            j.setdefault("who_where", {})[who_where(e)] = "yes" if ww == "y" else "no"
        recorded += 1
    for doc in judgments.values():
        doc.get("events", []).sort(key=lambda j: j.get("timex", [j.get("lead", -1)])[0])
    return recorded


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--todo", action="store_true", help="print the output not judged yet, with its context")
    ap.add_argument("--show", action="store_true", help="print every listed event with its verdicts and every miss")
    ap.add_argument("--part", choices=("tune", "held-out", "all"), default="all", help="what --todo/--show print")
    ap.add_argument("--corpus", type=Path, default=None, help="folder of Dolomiten-42 raw .tml files")
    ap.add_argument("--record", type=Path, default=None, help="add the judgments of this file (see above)")
    ap.add_argument("--events-rev", default=None, metavar="GIT_REV", help="rate the events code of this revision")
    args = ap.parse_args(argv)

    from newsdesk.index.analysis.analyzer import Analyzer

    articles = load_articles(args.corpus)
    judgments = load_judgments()
    analyzer = Analyzer()
    print(f"analysis: {analyzer.signature}")
    if args.events_rev:
        if args.record is not None:
            print("--record judges the code as it is now, not --events-rev", file=sys.stderr)
            return 2
        from bench.revisions import module_at
        from newsdesk.index.analysis import analyzer as analyzer_module

        old = module_at(args.events_rev, "index/analysis/events.py")
        analyzer_module.extract_events = lambda doc, timexes, entities, text, *rest, **kw: old.extract_events(
            doc, timexes, entities, text
        )
        print(f"events of {args.events_rev}")
    tallies = {"tune": Tally(), "held-out": Tally()}
    todo: dict[str, list[str]] = {"tune": [], "held-out": []}
    show: dict[str, list[str]] = {"tune": [], "held-out": []}
    analyses = list(analyzer.analyze_many(((a.text, a.date) for a in articles), batch_size=16))
    if args.record is not None:
        count = record(args.record, articles, analyses, judgments)
        JUDGMENTS.write_text(json.dumps(judgments, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"recorded {count} judgments in {JUDGMENTS.relative_to(ROOT)}")
    for article, analysis in zip(articles, analyses):
        part = "held-out" if held_out(article.doc_id) else "tune"
        evaluate(article, analysis.events, judgments.get(article.doc_id, {}), tallies[part], todo[part], show[part])
    for part in ("tune", "held-out"):
        print(f"{part}:")
        print("\n".join(tallies[part].lines()))
    for part in ("tune", "held-out"):
        if args.part not in (part, "all"):
            continue
        if args.show:
            print(f"\n--- {part}: listed events (flags: D date wrong, W line not readable, P who/where wrong)")
            print("\n".join(show[part]))
        if args.todo:
            print(f"\n--- {part}: to judge")
            print("\n".join(todo[part]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
