"""Compute and cache the e5 features of GermEval 2014 for training the accurate tier.

    python training/e5_features.py [--layers 8,12] [--out training/corpus/e5_features]

Order: the first 1,500 sentences of GermEval dev (checkpoint selection), then
train without its held-out slice (the last 1,200 sentences, as in
prepare_data.py) in a fixed shuffled order, then the rest of dev and the
held-out slice (only to speed up re-evaluations), in parts
of --part sentences; a part already on disk is skipped, so the command resumes
where it stopped, and training can start on the parts written so far. Prints
words/s as it goes. ``--done-in`` names folders whose parts count as done
(a cache another run still reads stays untouched; new parts go to --out).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from prepare_data import HOLDOUT, OUT, data_root, read_germeval  # noqa: E402

from newsdesk.index.analysis.e5.cache import write_part  # noqa: E402
from newsdesk.index.analysis.e5.encoder import E5Encoder  # noqa: E402


def germeval_order(seed: int = 0) -> list[list[str]]:
    root = data_root() / "germeval2014"
    train = [s[0] for s in read_germeval(root / "train.bio.tsv")]
    dev = [s[0] for s in read_germeval(root / "dev.bio.tsv")]
    holdout, rest = train[-HOLDOUT:], train[:-HOLDOUT]
    random.Random(seed).shuffle(rest)
    return dev[:1500] + rest + dev[1500:] + holdout


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--layers", default="8,12")
    ap.add_argument("--pool", default="first", choices=["first", "mean"])
    ap.add_argument("--out", type=Path, default=OUT / "e5_features")
    ap.add_argument("--part", type=int, default=500)
    ap.add_argument("--batch-tokens", type=int, default=2048)
    ap.add_argument("--limit", type=int, default=0, help="only the first N sentences")
    ap.add_argument("--done-in", type=Path, action="append", default=[],
                    help="a folder of parts already written (same layers, order and --part); repeatable")
    args = ap.parse_args()
    layers = [int(x) for x in args.layers.split(",")]
    sentences = germeval_order()
    if args.limit:
        sentences = sentences[: args.limit]
    t0 = time.time()
    encoder = E5Encoder(max_layer=max(layers))
    print(f"encoder loaded in {time.time() - t0:.1f}s; {len(sentences)} sentences, layers {layers}", flush=True)
    done_words, t_start = 0, time.time()
    for number, i in enumerate(range(0, len(sentences), args.part)):
        if any((folder / f"part-{number:04d}.json").exists() for folder in (args.out, *args.done_in)):
            continue
        chunk = sentences[i : i + args.part]
        feats = encoder.word_features(chunk, layers, batch_tokens=args.batch_tokens, pool=args.pool)
        write_part(args.out, number, chunk, feats)
        done_words += sum(len(s) for s in chunk)
        rate = done_words / (time.time() - t_start)
        print(f"part {number}: {i + len(chunk)}/{len(sentences)} sentences, {rate:.0f} words/s", flush=True)


if __name__ == "__main__":
    main()
