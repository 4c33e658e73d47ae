"""The background indexing process: ``python -m tui.index_worker INDEX_DIR [--model M] [--background] PATH...``.

Started by the reader (:mod:`tui.background_index`) as a separate process, so
spaCy and the analysis never run in the UI process. It reports on its original
standard output, one JSON array a line:
``["progress", *BuildProgress.to_list()]`` (articles written and to write, files,
articles an interrupted earlier run left committed, rate; a few times a second),
``["done", summary_line, skipped_count]`` (the summary counts articles; it is
"index up to date" when nothing changed) or ``["error", message]``.
Everything else the libraries print goes to /dev/null, never to the reader's terminal.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path


def _private_channel():
    """Keep the original stdout for messages; send fds 0, 1, 2 to /dev/null."""
    channel = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        try:
            os.dup2(devnull, fd)
        except OSError:
            pass
    os.close(devnull)
    return channel


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tui.index_worker")
    parser.add_argument("index_dir")
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--model", default=None)
    parser.add_argument("--background", action="store_true",
                        help="one analysis process at low priority (the accurate pass behind the reader)")
    args = parser.parse_args(argv)
    if args.background:
        try:
            os.nice(10)
        except OSError:
            pass
    channel = _private_channel()

    def emit(*message) -> None:
        try:
            channel.write(json.dumps(message, ensure_ascii=False) + "\n")
            channel.flush()
        except (BrokenPipeError, OSError):
            # the reader is gone: stop
            os._exit(0)

    try:
        from newsdesk.index.store import build_index

        def progress(p) -> None:
            emit("progress", *p.to_list())

        report = build_index([Path(p) for p in args.paths], Path(args.index_dir), model=args.model,
                             progress=progress, workers=1 if args.background else None,
                             newest_first=args.background)
        emit("done", report.summary() if report.changed else "index up to date", len(report.skipped))
        return 0
    except BaseException as exc:  # everything goes back to the reader, which shows it
        emit("error", f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__)
        return 1


if __name__ == "__main__":
    sys.exit(main())
