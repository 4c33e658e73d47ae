"""Speed of the German temporal tagger on one core.

Prints tokens per second for
- finding candidates (the grammar scan over the text, spans only; then with their parts), and
- the whole tagger (candidates, normalisation, tense check of the sentences with a candidate),
- the sentence splitter (``newsdesk_sentencizer`` on spaCy's German tokens),
on German news text: the bundled seed articles, article by article, repeated.  Each line also
prints its share of the whole analysis's budget (15,000 tokens/s on one core: 67 us per token).

    python bench/timex_speed.py [--repeat N] [--rounds R]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.corpus import seed_articles  # noqa: E402
from newsdesk.index.analysis.sentences import set_sentence_starts  # noqa: E402
from newsdesk.index.analysis.timex import find_candidates, tag  # noqa: E402
from newsdesk.index.analysis.timex.patterns import iter_spans  # noqa: E402

_TOKEN = re.compile(r"\w+|[^\w\s]")
BUDGET = 15_000  # tokens/s of the whole analysis (spaCy + timex + events) on one core


def best_of(rounds: int, fn) -> float:
    best = float("inf")
    for _ in range(rounds):
        t0 = time.process_time()  # CPU time of this process: other jobs on the machine do not count
        fn()
        best = min(best, time.process_time() - t0)
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=200, help="copies of the seed articles")
    ap.add_argument("--rounds", type=int, default=5, help="timed rounds (best is reported)")
    args = ap.parse_args(argv)

    articles = seed_articles() * args.repeat
    tokens = sum(len(_TOKEN.findall(t)) for t, _ in articles)
    n_timex = sum(len(tag(t, d)) for t, d in articles)
    print(f"{len(articles)} articles, {tokens} tokens, {n_timex} temporal expressions")

    def candidates_only():
        for text, _ in articles:
            for _ in iter_spans(text):
                pass

    def candidates_with_parts():
        for text, _ in articles:
            find_candidates(text)

    def whole():
        for text, dct in articles:
            tag(text, dct)

    import spacy

    nlp = spacy.blank("de")
    docs = [nlp(text) for text, _ in articles[: len(articles) // args.repeat]] * args.repeat

    def sentences():
        for doc in docs:
            set_sentence_starts(doc)

    for label, fn in (("find candidates (grammar scan)", candidates_only),
                      ("find candidates + family parse", candidates_with_parts),
                      ("whole tagger", whole),
                      ("sentence splitting", sentences)):
        secs = best_of(args.rounds, fn)
        rate = tokens / secs
        print(f"{label:34s} {rate:12,.0f} tokens/s   ({secs:.3f} s)   "
              f"{100 * BUDGET / rate:5.1f} % of the analysis budget")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
