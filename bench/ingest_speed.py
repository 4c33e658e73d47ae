"""Ingest speed and memory: generated corpora of each format, read with ``read_paths``.

Prints articles per second, MB per second and the peak traced memory for
* many small seed-format ``.txt`` files,
* one JSONL file of many small articles,
* HTML pages,
* one JSONL file whose single line is far over the size limit (must be
  skipped without being held in memory),
* one 19 MB single-paragraph text file (just under the limit).

Run: ``python bench/ingest_speed.py [--articles N]``.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newsdesk.index.ingest import Skipped, iter_files, read_paths  # noqa: E402

PARAGRAPHS = [
    "Trump will Russlands Staatschef Putin in Budapest treffen. Das kündigte der US-Präsident nach einem Telefonat an.",
    "Vorbereitungstreffen zwischen Rubio und Lawrow Das Vorbereitungstreffen der beiden Außenminister gilt als "
    "zentraler Schritt hin zu einer Begegnung Trumps und Putins. Doch schon dieses Treffen könnte sich verzögern.",
    "Zeigt sich nach dem Gespräch mit Wladimir Putin zufrieden: Donald Trump. (Archivbild) Quelle: AP",
    "Treffen in Alaska brachte keine Fortschritte",
    "Trump und Putin hatten sich Mitte August im US-Bundesstaat Alaska getroffen. Das Treffen brachte aber keinerlei "
    "Fortschritte in Richtung einer Waffenruhe im seit mehr als dreieinhalb Jahren andauernden Angriffskrieg.",
]
BODY = "\n\n".join(PARAGRAPHS)


def measure(label: str, paths: list[Path]) -> None:
    """Time one pass without tracing, then trace the memory of a second pass."""
    size = sum(p.stat().st_size for p in iter_files(paths))
    start = time.perf_counter()
    articles = skipped = 0
    for item in read_paths(paths):
        if isinstance(item, Skipped):
            skipped += 1
        else:
            articles += 1
    seconds = time.perf_counter() - start
    tracemalloc.start()
    for _ in read_paths(paths):
        pass
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(
        f"{label:<34} {articles:>6} articles {skipped:>2} skipped {seconds:7.2f} s "
        f"{articles / seconds:8.0f} articles/s {size / 1e6 / seconds:6.1f} MB/s  peak traced memory {peak / 1e6:6.1f} MB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args()
    n = args.articles
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        txt = root / "txt"
        txt.mkdir()
        for i in range(n):
            (txt / f"{i:06d}.txt").write_text(f" date 2025-10-{i % 28 + 1:02d} {BODY}\n", encoding="utf-8")
        measure(f"{n} seed-format .txt files", [txt])

        jsonl = root / "many.jsonl"
        with open(jsonl, "w", encoding="utf-8") as f:
            for i in range(n * 5):
                f.write(json.dumps({"id": i, "title": f"Meldung {i}", "date": "2025-10-21", "text": BODY}, ensure_ascii=False) + "\n")
        measure(f"JSONL, {n * 5} lines", [jsonl])

        html = root / "html"
        html.mkdir()
        page = "<html><head><title>Meldung</title><meta name='date' content='2025-10-21'></head><body><article>{}</article></body></html>"
        for i in range(n // 10):
            (html / f"{i:05d}.html").write_text(page.format("".join(f"<p>{p}</p>" for p in PARAGRAPHS)), encoding="utf-8")
        measure(f"{n // 10} HTML pages", [html])

        huge = root / "huge-line.jsonl"
        with open(huge, "w", encoding="utf-8") as f:
            f.write('{"text": "' + "Wort " * 10_000_000 + '"}\n')  # one 50 MB line
            f.write(json.dumps({"text": BODY}) + "\n")
        measure("JSONL with one 50 MB line", [huge])

        big = root / "big.txt"
        sentence = "Der Kreml warnte die US-Regierung nachdrücklich vor einer solchen Lieferung. "
        big.write_text(" date 2025-10-21 " + sentence * (19_000_000 // len(sentence.encode())), encoding="utf-8")
        measure("one 19 MB single-paragraph .txt", [big])


if __name__ == "__main__":
    main()
