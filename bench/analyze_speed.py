"""Analyzer throughput: tokens/s and articles/s, batched vs one text at a time.

    python bench/analyze_speed.py [--articles 300] [--single 40] [--batch-size 64] [--model NAME_OR_PATH]
                                  [--events-before GIT_REV] [--jsonl NEWS.jsonl]

The corpus is the bundled seed articles, varied: each generated article takes
the paragraphs of a seed in a shuffled order (fixed random seed), so the
figures are repeatable (``--jsonl`` reads a user-shaped corpus instead, e.g. one made by
``bench/news_jsonl.py``: longer texts, more dates). Prints the load time, then for each way of running
the figures, and the share of time spent in each stage (pipeline, entities,
temporal tagger, events) measured on the same texts. With ``--events-before REV`` the event
extraction of that git revision (``index/analysis/events.py`` as it was there) runs on the same
Docs too, and the whole analysis is given in tokens/s with either, so that a change to the events
is measured against its baseline in the same run, on the same loaded machine.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.corpus import articles_in, shuffled_seed_articles  # noqa: E402
from bench.revisions import module_at  # noqa: E402
from newsdesk.index.analysis.analyzer import Analyzer  # noqa: E402
from newsdesk.index.analysis.entities import extract_entities  # noqa: E402
from newsdesk.index.analysis.events import extract_events  # noqa: E402
from newsdesk.index.analysis.timex import tag  # noqa: E402

def report(label: str, seconds: float, articles: int, tokens: int) -> None:
    print(
        f"{label:<28} {articles:>6} articles {seconds:8.2f} s  "
        f"{articles / seconds:8.1f} articles/s  {tokens / seconds:10.0f} tokens/s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--single", type=int, default=40, help="articles analysed one at a time")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--model", default=None)
    parser.add_argument("--events-before", default=None, metavar="GIT_REV", help="compare with the events of this revision")
    parser.add_argument("--jsonl", type=Path, default=None, help="the articles of this file instead of the seeds")
    args = parser.parse_args()

    analyzer = Analyzer(args.model)
    t0 = time.perf_counter()
    nlp = analyzer.nlp
    print(f"pipeline loaded in {time.perf_counter() - t0:.2f} s: {analyzer.signature}")
    print(f"components: {', '.join(nlp.pipe_names)}")

    items = articles_in([args.jsonl]) if args.jsonl else shuffled_seed_articles(args.articles)
    token_counts = [len(nlp.make_doc(text)) for text, _ in items]
    chars = sum(len(text) for text, _ in items)
    print(f"corpus: {len(items)} articles, {sum(token_counts)} tokens, {chars} characters")

    analyzer.analyze(*items[0])  # warm up
    single = items[: args.single]
    t0 = time.perf_counter()
    for text, date in single:
        analyzer.analyze(text, date)
    report("analyze (one by one)", time.perf_counter() - t0, len(single), sum(token_counts[: len(single)]))

    t0 = time.perf_counter()
    results = list(analyzer.analyze_many(items, batch_size=args.batch_size))
    report(f"analyze_many (batch {args.batch_size})", time.perf_counter() - t0, len(items), sum(token_counts))
    print(
        f"found: {sum(len(a.entities) for a in results)} entities, "
        f"{sum(len(a.timexes) for a in results)} temporal expressions, {sum(len(a.events) for a in results)} events"
    )

    t0 = time.perf_counter()
    docs = list(nlp.pipe((text for text, _ in items), batch_size=args.batch_size))
    t_pipe = time.perf_counter() - t0
    t0 = time.perf_counter()
    entities = [extract_entities(doc) for doc in docs]
    t_ent = time.perf_counter() - t0
    t0 = time.perf_counter()
    timexes = [tag(text, date) for text, date in items]
    t_tag = time.perf_counter() - t0
    t0 = time.perf_counter()
    for doc, tx, ents, (text, _) in zip(docs, timexes, entities, items):
        extract_events(doc, tx, ents, text)
    t_ev = time.perf_counter() - t0
    total = t_pipe + t_ent + t_tag + t_ev
    print("stage shares (same corpus, batched):")
    stages = (("spaCy pipeline", t_pipe), ("entities", t_ent), ("temporal tagger", t_tag), ("events", t_ev))
    for name, seconds in stages:
        print(f"  {name:<16} {seconds:8.2f} s  {100 * seconds / total:5.1f} %")
    tokens = sum(token_counts)
    print(f"whole analysis from the stages: {tokens / total:10.0f} tokens/s")
    if args.events_before:
        before = module_at(args.events_before, "index/analysis/events.py")
        t0 = time.perf_counter()
        for doc, tx, ents, (text, _) in zip(docs, timexes, entities, items):
            before.extract_events(doc, tx, ents, text)
        t_before = time.perf_counter() - t0
        base = t_pipe + t_ent + t_tag + t_before
        print(
            f"events of {args.events_before}: {t_before:.2f} s; whole analysis with them {tokens / base:10.0f} tokens/s, "
            f"now {tokens / total:10.0f} tokens/s ({100 * (base / total - 1):+.1f} % speed)"
        )


if __name__ == "__main__":
    main()
