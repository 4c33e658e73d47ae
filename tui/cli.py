"""The ``newsdesk`` command.

    newsdesk [PATH...]                 read articles (default: the bundled seeds) in the reader
    newsdesk index [PATH...]           build or update the index (progress on stderr)
    newsdesk index --list              the indexes in the data dir
    newsdesk index --remove [PATH...]  delete the index of a corpus (or --index DIR)
    newsdesk search QUERY [PATH...]    ranked results (--json, --limit)
    newsdesk events [QUERY] [PATH...]  dated events in date order (--json)
    newsdesk analyze FILE | --jsonl    entities, temporal expressions and events
    newsdesk config                    the config file and the settings in force

Every command that reads an index takes the corpus as ``PATH...`` (default: the
bundled seeds) or ``--index DIR``. ``search`` and ``events`` build the index of
a corpus first when it has none.

Exit status: 0 success; 1 error (no index, index busy, unreadable files or
folders, ...); 2 usage error, malformed query, bad config or missing model;
3 ``index`` finished but skipped some files (each listed as "path: reason");
130 interrupted (Ctrl-C or SIGTERM; committed work stays in the index).

All article text is printed literally: never as Rich markup, with terminal
escape sequences and control characters (except newline and tab) removed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path

from newsdesk.index.display import one_line

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_SKIPPED = 3
EXIT_INTERRUPTED = 130

COMMANDS = ("index", "search", "events", "analyze", "config")

# --- safe output ---------------------------------------------------------------------------

# Escape sequences: CSI (ESC [ ... final), OSC (ESC ] ... BEL or ESC \), DCS/SOS/PM/APC strings,
# two-character ESC sequences; and the 8-bit forms (C1 CSI/OSC/...).
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b[\]PX^_][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -/]*[0-~]"
    r"|\x9b[0-?]*[ -/]*[@-~]"
    r"|[\x9d\x90\x98\x9e\x9f][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """``text`` without terminal escape sequences and control characters (newline and tab stay)."""
    return _CONTROL.sub("", _ESCAPE_SEQUENCE.sub("", text))


def printable_line(text: str) -> str:
    """``text`` fit for one terminal line: printable, whitespace runs as one space, stripped."""
    return one_line(printable(text)).strip()


def _json_line(obj) -> str:
    """Compact JSON; C1 controls and line/paragraph separators written as \\u escapes."""
    s = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    return re.sub(r"[\x7f-\x9f\u2028\u2029]", lambda m: "\\u%04x" % ord(m.group()), s)


# SGR codes of the few styles the line output uses (``Lines``)
_SGR = {"bold": "1", "dim": "2", "cyan": "36", "bold reverse": "1;7"}


def _wants_colour(stream) -> bool:
    """Styles on ``stream``: a terminal, unless NO_COLOR is set or TERM is dumb (FORCE_COLOR: always)."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    if os.environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class Lines:
    """Lines to stdout (or stderr), styled on a colour terminal, plain otherwise: the output of
    ``search`` and of errors, without Rich (its import is a third of a search's start-up).

    Text handed in must already be :func:`printable`; only the style codes added here reach
    the terminal.
    """

    def __init__(self, stderr: bool = False):
        self.stream = sys.stderr if stderr else sys.stdout
        self.colour = _wants_colour(self.stream)

    def styled(self, text: str, style: str = "") -> str:
        if not (style and self.colour and text):
            return text
        return f"\x1b[{_SGR[style]}m{text}\x1b[0m"

    def print(self, *parts: str) -> None:
        """One line made of ``parts`` (each plain or ``styled``)."""
        self.stream.write("".join(parts) + "\n")


def _console(stderr: bool = False):
    from rich.console import Console

    return Console(stderr=stderr, markup=False, emoji=False, highlight=False, soft_wrap=True)


def _text(s: str = "", style: str = ""):
    from rich.text import Text

    return Text(printable(s), style=style)


class UsageError(Exception):
    pass


# --- argument parsing ------------------------------------------------------------------------


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("newsdesk")
    except Exception:
        from newsdesk.index import __version__

        return __version__


def _add_corpus_args(p: argparse.ArgumentParser, paths: bool = True) -> None:
    if paths:
        p.add_argument("paths", nargs="*", metavar="PATH", type=Path,
                       help="article files or folders (default: the bundled seed articles)")
    p.add_argument("--index", dest="index_dir", metavar="DIR", type=Path,
                   help="use the index in DIR (instead of the one kept for the corpus in the data dir)")


def _add_model_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--model", metavar="NAME_OR_PATH",
                   help="spaCy pipeline for the analysis (default: config, else newsdesk's bundled fast "
                        "pipeline; de_newsdesk_e5: the accurate, slower NER tier)")


def _reader_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="newsdesk",
        description="A terminal reader for (German) news articles: full-text search, highlighted "
        "people/places/organisations and dated events.",
        epilog="commands:\n"
        "  index     build or update an index (--list, --remove)\n"
        "  search    search an index\n"
        "  events    dated events in date order\n"
        "  analyze   analyse one file or JSONL on stdin\n"
        "  config    show the config file and settings\n\n"
        "'newsdesk COMMAND --help' describes a command. Without a command, newsdesk opens the "
        "reader on PATH... (default: the bundled seed articles), indexing them in the background.\n"
        "Exit status: 0 ok, 1 error, 2 usage/query/model error, 3 files skipped, 130 interrupted.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--version", action="version", version=f"newsdesk {_version()}")
    _add_corpus_args(p)
    _add_model_arg(p)
    p.add_argument("--accurate", action="store_true",
                   help="after the fast pass, re-analyse every article with the accurate tier (de_newsdesk_e5) "
                        "in the background, on one core at low priority; articles switch to it as its "
                        "batches are committed (config: accurate = true)")
    return p


def _command_parser(command: str) -> argparse.ArgumentParser:
    fmt = argparse.RawDescriptionHelpFormatter
    if command == "index":
        from newsdesk.index.display import format_size
        from newsdesk.index.ingest.files import DEFAULT_MAX_BYTES

        p = argparse.ArgumentParser(
            prog="newsdesk index", formatter_class=fmt,
            description="Build or update the index of PATH... (default: the bundled seeds). Unchanged files "
            "are skipped, changed ones re-read, deleted ones removed.",
            epilog="Exit status: 0 all files indexed, 3 done but some files skipped (listed as 'path: reason'), "
            "1 error (e.g. index busy), 2 usage error or missing model, 130 interrupted (committed work stays).",
        )
        _add_corpus_args(p)
        _add_model_arg(p)
        p.add_argument("--list", action="store_true", help="list the indexes in the data dir")
        p.add_argument("--remove", action="store_true",
                       help="delete the index of PATH... (or the one in --index DIR)")
        p.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, metavar="N",
                       help=f"skip files larger than N bytes (default: {DEFAULT_MAX_BYTES}, {format_size(DEFAULT_MAX_BYTES)})")
        p.add_argument("--wait", type=float, default=10.0, metavar="SECONDS",
                       help="how long to wait for another process using the index (default: 10)")
        p.add_argument("--workers", type=int, default=None, metavar="N",
                       help="processes analysing articles (default: one per core)")
        p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    elif command == "search":
        p = argparse.ArgumentParser(
            prog="newsdesk search", formatter_class=fmt,
            description="Search the index of PATH... (default: the bundled seeds).",
            epilog="Query syntax: words (all must match), OR, NOT, \"phrases\", (groups), prefix*, "
            "title:WORD, entity:putin or entity:\"PER:Wladimir Putin\", date:2025-10, "
            "date:[2025-10-01 to 2025-10-31]. German words match their inflected forms; umlauts and "
            "ß may be written as a/o/u, ae/oe/ue and ss; an unclosed phrase is searched as if closed (said on "
            "stderr).\nExit status: 0 ok (also with no results), 2 malformed query, 1 error.",
        )
        p.add_argument("query", metavar="QUERY")
        _add_corpus_args(p)
        p.add_argument("--limit", type=int, default=20, metavar="N", help="at most N results (default: 20)")
        p.add_argument("--json", action="store_true", help="print JSON (one object) for scripts")
    elif command == "events":
        p = argparse.ArgumentParser(
            prog="newsdesk events", formatter_class=fmt,
            description="The dated events reported by the articles of PATH... (or of those matching QUERY), "
            "in date order.",
            epilog="When the first argument names an existing file or folder, all arguments are paths "
            "(no query); use --query to be explicit.",
        )
        p.add_argument("args", nargs="*", metavar="[QUERY] [PATH]")
        p.add_argument("--query", "-Q", dest="query_opt", metavar="QUERY", help="only articles matching QUERY")
        _add_corpus_args(p, paths=False)
        p.add_argument("--json", action="store_true", help="print JSON lines (one event a line)")
        p.add_argument("--limit", type=int, default=0, metavar="N", help="at most N events (default: all)")
    elif command == "analyze":
        p = argparse.ArgumentParser(
            prog="newsdesk analyze", formatter_class=fmt,
            description="Entities, temporal expressions and events of one article file, or of JSONL on stdin.",
            epilog="--jsonl reads lines {\"id\": ..., \"text\": ..., \"date\": \"YYYY-MM-DD\"} (date optional) and "
            "writes one line per input line: {\"id\": ..., \"entities\": [...], \"timexes\": [...], "
            "\"events\": [...]}. A broken input line is reported on stderr ('line N: reason') and answered "
            "with {\"id\": ID-or-null, \"error\": REASON}; the stream goes on.\n"
            "Exit status: 0 ok, 1 some input lines were broken or the file unreadable, 2 usage error or missing model.",
        )
        p.add_argument("file", nargs="?", type=Path, metavar="FILE", help="an article file (.txt, .md, .json, .html)")
        p.add_argument("--jsonl", action="store_true", help="read JSONL from stdin, write JSONL to stdout")
        p.add_argument("--json", action="store_true", help="with FILE: print JSON instead of tables")
        p.add_argument("--batch-size", type=int, default=64, metavar="N", help="texts per pipeline batch")
        _add_model_arg(p)
    elif command == "config":
        p = argparse.ArgumentParser(
            prog="newsdesk config", formatter_class=fmt,
            description="Print the config file's path and the settings in force (model, theme, key bindings). "
            "The environment variable NEWSDESK_CONFIG names another file.",
        )
        p.add_argument("--json", action="store_true", help="print JSON")
    else:  # pragma: no cover - COMMANDS is fixed
        raise ValueError(command)
    return p


# --- helpers ---------------------------------------------------------------------------------


def _load_config():
    from newsdesk.index.config import load_config

    return load_config()


def _model(args, config) -> str | None:
    return getattr(args, "model", None) or config.model


def _corpus(paths: list[Path] | None) -> list[Path]:
    from newsdesk.index.store import default_corpus

    if not paths:
        return default_corpus()
    missing = [p for p in paths if not p.exists()]
    if missing:
        raise UsageError("no such file or folder: " + ", ".join(printable(str(p)) for p in missing))
    return list(paths)


def _index_dir(args, corpus: list[Path]) -> Path:
    from newsdesk.index.store import index_dir_for

    return args.index_dir if getattr(args, "index_dir", None) else index_dir_for(corpus)


def _make_analyzer(model: str | None, workers: int | None = 1):
    """The analyzer for ``model`` (loads its pipeline on first use); ``workers`` other than 1
    (None: one per core) analyses in that many processes."""
    if workers == 1:
        from newsdesk.index.analysis.analyzer import Analyzer

        return Analyzer(model)
    from newsdesk.index.analysis.parallel import ParallelAnalyzer

    return ParallelAnalyzer(model, workers)


def _store_location(args) -> tuple[Path, list | None]:
    """The index the command reads, and the corpus to index when it is missing (None: ``--index``
    was given without paths, so the index is read as it is)."""
    if args.index_dir and not getattr(args, "paths", None):
        return args.index_dir, None
    corpus = _corpus(getattr(args, "paths", None))
    return _index_dir(args, corpus), corpus


def _open_store(args, build_if_missing: bool = True, single_query: bool = False, location=None):
    """The store for the command's corpus; builds the index first when it is missing.

    ``single_query``: the command asks one query (see ``Store.open``); ``location``: what
    ``_store_location`` gave for ``args``, when the caller has it already.
    """
    from newsdesk.index.store import IndexNotFoundError, Store

    index_dir, corpus = location or _store_location(args)
    if corpus is None:
        return Store.open(index_dir, single_query=single_query)
    try:
        return Store.open(index_dir, single_query=single_query)
    except IndexNotFoundError:
        if not build_if_missing:
            raise
    err = _console(stderr=True)
    err.print(_text(f"indexing {len(corpus)} path(s) first (index: {index_dir})", "dim"))
    report = _build(corpus, index_dir, model=_model(args, _load_config()), quiet=False)
    _print_report(report, Lines(stderr=True))
    return Store.open(index_dir, single_query=single_query)


def _build(corpus, index_dir, model, quiet: bool, max_bytes: int | None = None, wait: float = 10.0,
           workers: int | None = None):
    """Build or update the index; a progress bar on stderr when it is a terminal (and not ``quiet``)."""
    from newsdesk.index.ingest.files import DEFAULT_MAX_BYTES
    from newsdesk.index.store import build_index

    max_bytes = DEFAULT_MAX_BYTES if max_bytes is None else max_bytes

    analyzer = _make_analyzer(model, workers)
    if quiet:
        return build_index(corpus, index_dir, model=model, max_bytes=max_bytes, lock_timeout=wait, analyzer=analyzer)
    # Rich is imported when there is progress to show (a run with nothing to do never imports it)
    bar: dict = {}

    def tell(p) -> None:
        if not bar:
            err = _console(stderr=True)
            bar["progress"] = None
            if not err.is_terminal:
                return
            from rich.progress import BarColumn, Progress, TextColumn

            progress = Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.fields[line]}"),
                                console=err, transient=True)
            bar["task"] = progress.add_task("indexing", total=None, line="reading the corpus…")
            bar["progress"] = progress
            progress.start()
        progress = bar["progress"]
        if progress is not None:
            progress.update(bar["task"], total=max(p.articles_total, 1), completed=p.articles_done,
                            description="updating" if p.articles_kept else "indexing", line=printable(p.describe()))

    try:
        return build_index(corpus, index_dir, model=model, max_bytes=max_bytes, progress=tell, lock_timeout=wait,
                           analyzer=analyzer)
    finally:
        if bar.get("progress") is not None:
            bar["progress"].stop()


def _print_report(report, out: Lines) -> None:
    line = report.summary()
    if report.articles:
        line += f" · {report.articles:,} analysed in {report.seconds:.1f} s"
    if report.skipped:
        line += f" · {len(report.skipped):,} skipped"
    out.print(printable(line))
    for item in report.skipped:
        out.print(printable_line(str(item)))


# --- commands ----------------------------------------------------------------------------------


def cmd_reader(args) -> int:
    config = _load_config()
    corpus = None if (args.index_dir and not args.paths) else _corpus(args.paths)
    index_dir = args.index_dir if args.index_dir else _index_dir(args, corpus)
    from newsdesk.index.analysis.signature import fast_default

    model = _model(args, config)
    accurate = bool(args.accurate or config.accurate)
    if accurate and not fast_default(model):
        asked = "--accurate" if args.accurate else f"accurate = true ({config.path})"
        raise UsageError(f"{asked} re-analyses newsdesk's fast default; the model in use is {printable(model)}")
    from newsdesk.tui.app import NewsdeskApp

    NewsdeskApp(corpus=corpus, index_dir=index_dir, model=model, config=config,
                accurate=accurate and corpus is not None).run()
    return EXIT_OK


def cmd_index(args) -> int:
    from newsdesk.index.store import index_dir_for, list_indexes, remove_index

    if args.list:
        out = _console()
        from rich.table import Table

        from newsdesk.index.display import format_size

        table = Table("index", "corpus", "size", "articles", box=None, pad_edge=False)
        for info in list_indexes():
            table.add_row(
                _text(str(info.index_dir)),
                _text("\n".join(info.corpus)),
                _text(format_size(info.size_bytes)),
                _text("?" if info.article_count is None else str(info.article_count)),
            )
        if table.row_count:
            out.print(table)
        else:
            out.print(_text("no indexes yet"))
        return EXIT_OK
    if args.remove:
        index_dir = args.index_dir or index_dir_for(_corpus(args.paths) if args.paths else _corpus(None))
        remove_index(index_dir)
        Lines().print(printable(f"removed {index_dir}"))
        return EXIT_OK
    config = _load_config()
    corpus = _corpus(args.paths)
    index_dir = _index_dir(args, corpus)
    report = _build(corpus, index_dir, _model(args, config), args.quiet, args.max_bytes, args.wait, args.workers)
    _print_report(report, Lines())
    return EXIT_OK if report.ok else EXIT_SKIPPED


def cmd_search(args) -> int:
    if args.limit < 1:
        raise UsageError("--limit must be at least 1")
    from newsdesk.index.store.quick_search import quick_search

    # a query of words and phrases is read from the index files without opening the store (the
    # same results in about half the time); any other query, or an index missing or unlike what
    # quick_search reads, goes to the store
    location = _store_location(args)
    results = quick_search(location[0], args.query, limit=args.limit)
    if results is None:
        store = _open_store(args, single_query=True, location=location)
        results = store.search(args.query, limit=args.limit)
    if results.note:  # the query was read otherwise than written (an unclosed phrase)
        err = Lines(stderr=True)
        err.print(err.styled(printable(f"newsdesk: {results.note}"), "dim"))
    if args.json:
        sys.stdout.write(_json_line({
            "query": args.query,
            "total": results.total,
            "note": results.note,
            "terms": results.terms,
            "hits": [
                {**h.summary.to_dict(), "score": round(h.score, 4),
                 "snippet": "".join(s for s, _m in h.snippet),
                 "segments": [[s, m] for s, m in h.snippet]}
                for h in results.hits
            ],
        }) + "\n")
        return EXIT_OK
    out = Lines()
    shown = len(results.hits)
    out.print(f"{results.total} result{'s' if results.total != 1 else ''}"
              + (f" (showing {shown})" if shown < results.total else ""))
    for i, hit in enumerate(results.hits, 1):
        s = hit.summary
        out.print(f"{i}. ", out.styled(printable_line(s.title) or "(untitled)", "bold"),
                  out.styled(f"  {s.date.isoformat() if s.date else 'no date'}", "cyan"))
        out.print("   ", *(out.styled(re.sub(r"\s+", " ", printable(segment)), "bold reverse" if is_match else "")
                         for segment, is_match in hit.snippet))
        out.print(out.styled(f"   {printable_line(s.source)}", "dim"))
    return EXIT_OK


def cmd_events(args) -> int:
    query = args.query_opt
    paths = [Path(a) for a in args.args]
    if paths and query is None and not Path(args.args[0]).exists():
        query, paths = args.args[0], paths[1:]
    args.paths = paths
    store = _open_store(args)
    events = store.events(query)
    if args.limit > 0:
        events = events[: args.limit]
    if args.json:
        lines = [_json_line({"article": d.summary.to_dict(), **d.event.to_dict()}) for d in events]
        sys.stdout.write("".join(line + "\n" for line in lines))
        return EXIT_OK
    from rich.table import Table

    out = _console()
    if not events:
        out.print(_text("no dated events"))
        return EXIT_OK
    from newsdesk.index.annotations import split_entity_key
    from newsdesk.tui.list_sources import event_when

    table = Table("when", "what", "who / where", "reported in", box=None, pad_edge=False)
    for dated in events:
        summary, event = dated.summary, dated.event
        names = [split_entity_key(key)[1] for key in [*event.who, *event.where]]
        table.add_row(_text(event_when(event)), _text(printable_line(event.what or event.text)),
                      _text(printable_line(", ".join(dict.fromkeys(names)))), _text(printable_line(summary.title)))
    out.print(table)
    return EXIT_OK


def cmd_analyze(args) -> int:
    if args.jsonl == (args.file is not None):
        raise UsageError("give either FILE or --jsonl (reading stdin)")
    if args.batch_size < 1:
        raise UsageError("--batch-size must be at least 1")
    config = _load_config()
    analyzer = _make_analyzer(_model(args, config))
    if args.jsonl:
        return _analyze_jsonl(analyzer, sys.stdin, sys.stdout, args.batch_size)
    return _analyze_file(analyzer, args.file, args.json)


def _analyze_jsonl(analyzer, stdin, stdout, batch_size: int) -> int:
    import datetime as dt
    from collections import deque

    pending: deque = deque()  # (id, error or None) in input order
    model = analyzer.model_label
    broken = 0
    err = sys.stderr

    def items():
        nonlocal broken
        for n, line in enumerate(stdin, 1):
            if not line.strip():
                continue
            ident = None
            try:
                obj = json.loads(line)
                if not isinstance(obj, dict):
                    raise ValueError("not a JSON object")
                ident = obj.get("id")
                text = obj.get("text")
                if not isinstance(text, str):
                    raise ValueError("\"text\" must be a string")
                date = obj.get("date")
                if date in (None, ""):
                    day = None
                elif isinstance(date, str):
                    try:
                        day = dt.date.fromisoformat(date[:10])
                    except ValueError:
                        raise ValueError(f"\"date\" must be YYYY-MM-DD, not {date!r}") from None
                else:
                    raise ValueError("\"date\" must be a string YYYY-MM-DD")
            except ValueError as exc:  # json.JSONDecodeError is a ValueError
                broken += 1
                reason = printable_line(str(exc))
                err.write(f"line {n}: {reason}\n")
                pending.append((ident if isinstance(ident, (str, int)) else None, reason))
                continue
            pending.append((ident, None))
            yield text, day

    def flush_errors():
        while pending and pending[0][1] is not None:
            ident, reason = pending.popleft()
            stdout.write(_json_line({"id": ident, "error": reason}) + "\n")

    for analysis in analyzer.analyze_many(items(), batch_size=batch_size):
        flush_errors()
        ident, _ = pending.popleft()
        stdout.write(_json_line({"id": ident, "model": model, **analysis.to_dict()}) + "\n")
    flush_errors()
    stdout.flush()
    return EXIT_ERROR if broken else EXIT_OK


def _analyze_file(analyzer, path: Path, as_json: bool) -> int:
    from rich.table import Table

    from newsdesk.index.analysis.signature import model_tier
    from newsdesk.index.article import Article
    from newsdesk.index.ingest import read_file

    if not path.exists():
        raise UsageError(f"no such file: {printable(str(path))}")
    out = _console()
    status = EXIT_OK
    model = analyzer.model_label
    tier = model_tier(model)
    made_by = model if tier == model else f"{model} ({tier})"
    for item in read_file(path):
        if not isinstance(item, Article):
            _console(stderr=True).print(_text(printable_line(str(item))))
            status = EXIT_ERROR
            continue
        analysis = analyzer.analyze(item.text, item.date)
        if as_json:
            sys.stdout.write(_json_line({"id": item.id, "model": model, **analysis.to_dict()}) + "\n")
            continue
        out.print(_text(printable_line(item.title) or "(untitled)", "bold"))
        out.print(_text(f"{item.date.isoformat() if item.date else 'no date'}  {printable_line(item.source)}"
                        f"  · analysed with {printable_line(made_by)}", "dim"))
        entities = Table("entity", "label", "key", "at", title="entities", box=None, pad_edge=False)
        for e in analysis.entities:
            entities.add_row(_text(printable_line(e.text)), _text(e.label), _text(printable_line(e.key)), _text(f"{e.start}-{e.end}"))
        timexes = Table("expression", "type", "value", "at", title="temporal expressions", box=None, pad_edge=False)
        for t in analysis.timexes:
            timexes.add_row(_text(printable_line(t.text)), _text(t.type),
                            _text(t.value + (f" ({t.mod})" if t.mod else "")), _text(f"{t.start}-{t.end}"))
        events = Table("date", "what", "sentence", title="events", box=None, pad_edge=False)
        for ev in analysis.events:
            events.add_row(_text(printable_line(ev.when)), _text(printable_line(ev.what)), _text(printable_line(ev.text)))
        for table in (entities, timexes, events):
            out.print()
            out.print(table)
    return status


def cmd_config(args) -> int:
    from newsdesk.index.config import config_path

    config = _load_config()
    path = config_path()
    if args.json:
        sys.stdout.write(_json_line({"path": str(path), "exists": path.is_file(), **config.to_dict()}) + "\n")
        return EXIT_OK
    out = _console()
    out.print(_text(f"config file: {path}" + ("" if path.is_file() else " (not present: defaults)")))
    out.print(_text(f"model: {config.model or '(newsdesk bundled pipeline)'}"))
    out.print(_text(f"theme: {config.theme}"))
    out.print(_text(f"accurate: {'true (the reader re-analyses with de_newsdesk_e5 after the fast pass)' if config.accurate else 'false'}"))
    if config.keys:
        out.print(_text("keys:"))
        for action, key in sorted(config.keys.items()):
            out.print(_text(f"  {action} = {key}"))
    else:
        out.print(_text("keys: (defaults)"))
    return EXIT_OK


HANDLERS = {"index": cmd_index, "search": cmd_search, "events": cmd_events,
            "analyze": cmd_analyze, "config": cmd_config}


def main(argv: list[str] | None = None) -> int:
    """The command; ``argv`` None: the process's own arguments (the ``newsdesk`` command, ``python
    -m newsdesk``), and a ``search`` then ends the process itself (:func:`_end_process`)."""
    whole_process = argv is None
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in COMMANDS:
        command = argv[0]
        parser = _command_parser(command)
        args = parser.parse_args(argv[1:])
        handler = HANDLERS[command]
        _stop_on_sigterm()
    else:
        command = None
        parser = _reader_parser()
        args = parser.parse_args(argv)
        handler = cmd_reader
    status = run(handler, args)
    if whole_process and command == "search":
        _end_process(status)
    return status


def _end_process(status: int) -> None:
    """End the process at once, its output flushed: without the interpreter's teardown (freeing
    every module and Whoosh's objects: 25-30 ms, a sixth of a ``newsdesk search``). A search
    holds nothing that needs cleaning up (no lock, no temporary file; the index is only read)."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # the reader of our output went away: nothing more to say
            pass
    os._exit(status)


def _is_model_not_found(exc: BaseException) -> bool:
    # The pipeline module imports spaCy (slow): only look at it when something imported it.
    pipeline = sys.modules.get("newsdesk.index.analysis.pipeline")
    return pipeline is not None and isinstance(exc, pipeline.ModelNotFoundError)


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def _stop_on_sigterm() -> None:
    """SIGTERM stops a command like Ctrl-C does: uncommitted work dropped, committed work kept."""
    import signal

    try:
        signal.signal(signal.SIGTERM, _interrupt)
    except ValueError:  # not the main thread (e.g. called from a test thread)
        pass


def _is_config_error(exc: BaseException) -> bool:
    # Only commands that read the config import its module (it imports platformdirs and tomllib).
    config = sys.modules.get("newsdesk.index.config")
    return config is not None and isinstance(exc, config.ConfigError)


def run(handler, args) -> int:
    from newsdesk.index.store.errors import IndexBusyError, IndexNotFoundError, QueryError, StoreError

    def fail(message: str, status: int) -> int:
        Lines(stderr=True).print(f"newsdesk: {printable(message)}")
        return status

    try:
        return handler(args)
    except KeyboardInterrupt:
        return fail("interrupted; what was committed stays in the index (run again to finish)",
                    EXIT_INTERRUPTED)
    except BrokenPipeError:
        # The reader of our output went away (e.g. `| head`): stop quietly.
        import os

        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return EXIT_ERROR
    except UsageError as exc:
        return fail(str(exc), EXIT_USAGE)
    except QueryError as exc:
        return fail(f"bad query: {exc.message}", EXIT_USAGE)
    except IndexNotFoundError as exc:
        return fail(f"{exc} (build it with 'newsdesk index')", EXIT_ERROR)
    except IndexBusyError as exc:
        return fail(str(exc), EXIT_ERROR)
    except StoreError as exc:
        return fail(str(exc), EXIT_ERROR)
    except OSError as exc:
        return fail(f"{exc.strerror or exc}: {exc.filename}" if exc.filename else str(exc), EXIT_ERROR)
    except Exception as exc:
        if _is_config_error(exc):
            return fail(f"config: {exc}", EXIT_USAGE)
        if _is_model_not_found(exc):
            return fail(str(exc), EXIT_USAGE)
        raise


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
