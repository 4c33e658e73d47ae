"""A corpus shaped like a user's real one: ~1,000 German news articles in one JSONL file (~1.9 MB).

    python bench/news_jsonl.py OUT.jsonl [--articles 998] [--seed 1]

The articles, in a shuffled order (``random.Random(seed)``):

- the KRAUTS Dolomiten-42 news texts (South Tyrolean newspaper, 2010), each with its
  creation date, read from ../shared (``$NEWSDESK_SHARED``);
- the WikiWarsDE texts cut into article-sized pieces (a few paragraphs each, where
  the cuts fall depends on ``seed``), dated at random in 2011;
- the bundled seed articles;
- synthetic news prose (``bench.corpus`` NEWS style, ``seed``) for the rest.

Without ../shared only the seeds and the synthetic articles are used (the script says so).
Different seeds give different corpora of the same shape: tune on one, report another.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import NEWS, ROOT, paragraphs, seed_articles, synthetic_articles  # noqa: E402

PIECE_CHARS = 2_400  # WikiWarsDE texts are cut into pieces of about this size
SECOND_SHARE = 0.55


def shared_dir() -> Path:
    """$NEWSDESK_SHARED, else the ``shared`` folder next to the checkout (or next to its parent)."""
    if os.environ.get("NEWSDESK_SHARED"):
        return Path(os.environ["NEWSDESK_SHARED"])
    for candidate in (ROOT.parent / "shared", ROOT.parent.parent / "shared"):
        if candidate.is_dir():
            return candidate
    return ROOT.parent / "shared"


def dolomiten_records() -> list[dict]:
    folder = shared_dir() / "data" / "timex" / "krauts-dolomiten-42" / "KRAUTS_Dolomiten-42_raw-text"
    out = []
    for path in sorted(folder.glob("*.tml")):
        raw = path.read_text(encoding="utf-8")
        text = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
        date = re.search(r'value="(\d{4}-\d{2}-\d{2})"', raw)
        if not text:
            continue
        parts = paragraphs(re.sub(r"<[^>]+>", "", text.group(1)))
        if not parts:
            continue
        title = re.split(r"(?<=[.!?])\s", parts[0], maxsplit=1)[0][:90]
        out.append({"id": f"dolomiten-{path.stem}", "title": title, "date": date.group(1) if date else None,
                    "source": "Dolomiten", "paragraphs": parts})
    return out


def wikiwars_records(rng: random.Random) -> list[dict]:
    folder = shared_dir() / "data" / "timex" / "wikiwarsde" / "WikiWarsDE_20110412" / "in"
    out = []
    for path in sorted(folder.glob("*.sgm")):
        raw = path.read_text(encoding="utf-8")
        text = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
        if not text:
            continue
        parts = paragraphs(re.sub(r"<[^>]+>", "", text.group(1)))
        piece: list[str] = []
        size = 0
        target = PIECE_CHARS * rng.uniform(0.5, 1.5)
        for part in parts:
            piece.append(part)
            size += len(part)
            if size >= target:
                out.append(_wiki_record(path.stem, len(out), piece, rng))
                piece, size, target = [], 0, PIECE_CHARS * rng.uniform(0.5, 1.5)
        if piece:
            out.append(_wiki_record(path.stem, len(out), piece, rng))
    return out


def _wiki_record(stem: str, n: int, parts: list[str], rng: random.Random) -> dict:
    # a short first paragraph is a heading: use it as the title
    title = parts[0] if len(parts[0]) < 80 and len(parts) > 1 else stem.split("_", 1)[-1]
    body = parts[1:] if title == parts[0] else parts
    date = dt.date(2011, 1, 1) + dt.timedelta(days=rng.randrange(365))
    return {"id": f"wikiwars-{n:04d}", "title": title, "date": date.isoformat(), "source": "WikiWarsDE",
            "paragraphs": body}


def records(n: int, seed: int) -> tuple[list[dict], str]:
    """``n`` article records and a line saying where they come from."""
    rng = random.Random(seed)
    real = dolomiten_records() + wikiwars_records(rng)
    seeds = [{"id": f"seed-{i}", "text": text, "date": date.isoformat() if date else None, "source": "Seeds"}
             for i, (text, date) in enumerate(seed_articles())]
    real = real[: max(0, n - len(seeds))]
    fill = max(0, n - len(real) - len(seeds))
    # a synthetic article is shorter than a news article: about half of them get a second one's paragraphs
    drawn = list(synthetic_articles(2 * fill, seed=seed, style=NEWS))
    synthetic = [{"id": f"syn-{i:05d}", "title": a.title, "date": a.date.isoformat(), "source": "Synthetik",
                  "paragraphs": a.paragraphs + (b.paragraphs if rng.random() < SECOND_SHARE else [])}
                 for i, (a, b) in enumerate(zip(drawn[0::2], drawn[1::2]))]
    out = (real + seeds + synthetic)[:n]
    rng.shuffle(out)
    note = f"{len(real)} real (Dolomiten-42, WikiWarsDE), {len(seeds)} seed, {len(synthetic)} synthetic articles"
    return out, note


def write(path: Path, n: int = 998, seed: int = 1) -> str:
    items, note = records(n, seed)
    with open(path, "w", encoding="utf-8") as fh:
        for item in items:
            fh.write(json.dumps(item, ensure_ascii=False) + "\n")
    return note


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("out", type=Path)
    p.add_argument("--articles", type=int, default=998)
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args(argv)
    note = write(args.out, args.articles, args.seed)
    print(f"{args.out}: {args.articles} articles, {args.out.stat().st_size / 1e6:.2f} MB ({note})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
