import json

import pytest

from newsdesk.index.store import Store, index_dir_for
from tests.index.store.helpers import FakeAnalyzer, TaggerAnalyzer, write_article as write
from newsdesk.tui import cli

EVIL_TITLE = "Böse [bold red]x[/] \x1b]8;;http://evil\x07Link\x1b]8;;\x07 \x1b[31mrot\x1b[0m"
EVIL_BODY = "Putin sagt [bold red]x[/] und \x1b]8;;http://evil\x07hier\x1b]8;;\x07 \x1b[31mrot\x1b[0m."


@pytest.fixture(autouse=True)
def environment(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSDESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("NEWSDESK_CONFIG", str(tmp_path / "config.toml"))
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setattr(cli, "_make_analyzer", lambda model, workers=1: FakeAnalyzer())


@pytest.fixture()
def corpus(tmp_path):
    root = tmp_path / "corpus"
    write(root / "a.txt", "Gespräche in Budapest", "Wladimir Putin trifft Donald Trump am 2025-11-08 in Budapest.",
          "2025-10-21")
    write(root / "b.txt", "Der Kreml", "Der Kreml sagt am 2025-10-30 nichts. Putin schweigt.", "2025-10-22")
    return root


def run(capsys, *argv):
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_index_then_search(capsys, corpus):
    code, out, err = run(capsys, "index", str(corpus))
    assert code == 0
    assert out.startswith("2 added from 2 files · de_fake 1.0 · 2 analysed in ")
    code, out, err = run(capsys, "index", str(corpus))
    assert code == 0 and out == "index up to date (2 articles in 2 files) · de_fake 1.0\n"
    code, out, err = run(capsys, "search", "Gespräch", str(corpus))
    assert code == 0
    assert out.splitlines()[:2] == ["1 result", "1. Gespräche in Budapest  2025-10-21"]
    code, out, err = run(capsys, "search", "Putin", str(corpus), "--json")
    data = json.loads(out)
    assert data["total"] == 2 and [h["title"] for h in data["hits"]] == ["Der Kreml", "Gespräche in Budapest"]
    assert ["Putin", True] in data["hits"][0]["segments"]


def test_search_builds_missing_index(capsys, corpus):
    code, out, err = run(capsys, "search", "Kreml", str(corpus))
    assert code == 0 and "1. Der Kreml" in out
    assert Store.open(index_dir_for([corpus])).article_count() == 2


def test_index_dir_option(capsys, corpus, tmp_path):
    ix = tmp_path / "myindex"
    assert run(capsys, "index", str(corpus), "--index", str(ix))[0] == 0
    code, out, _ = run(capsys, "search", "Kreml", "--index", str(ix))
    assert code == 0 and "1. Der Kreml" in out
    code, out, err = run(capsys, "search", "Kreml", "--index", str(tmp_path / "none"))
    assert code == 1 and "no index" in err


def test_malformed_query_exit_2_without_traceback(capsys, corpus):
    run(capsys, "index", str(corpus))
    code, out, err = run(capsys, "search", "date:2025-13", str(corpus))
    assert code == 2
    assert err.startswith("newsdesk: bad query:") and "Traceback" not in err
    assert out == ""


def test_skipped_files_exit_3(capsys, corpus):
    (corpus / "bad.json").write_text("{nope", encoding="utf-8")
    code, out, err = run(capsys, "index", str(corpus))
    assert code == 3
    assert "1 skipped" in out
    assert any(line.startswith(str(corpus / "bad.json") + ": ") for line in out.splitlines())


def test_missing_path_is_usage_error(capsys, tmp_path):
    code, out, err = run(capsys, "index", str(tmp_path / "missing"))
    assert code == 2 and "no such file or folder" in err


def test_output_is_literal_without_escape_sequences(capsys, tmp_path):
    root = tmp_path / "evil"
    write(root / "e.txt", EVIL_TITLE, EVIL_BODY, "2025-10-21")
    assert run(capsys, "index", str(root))[0] == 0
    code, out, err = run(capsys, "search", "Putin", str(root))
    assert code == 0
    source = str(root / "e.txt")
    assert out.encode("utf-8") == (
        "1 result\n"
        "1. Böse [bold red]x[/] Link rot  2025-10-21\n"
        "   Putin sagt [bold red]x[/] und hier rot.\n"
        f"   {source}\n"
    ).encode("utf-8")
    code, out, err = run(capsys, "search", "Putin", str(root), "--json")
    assert json.loads(out)["hits"][0]["title"].startswith("Böse [bold red]x[/]")
    assert "\x1b" not in out and "\x9b" not in out and "\x07" not in out


def test_json_output_escapes_c1_controls():
    line = cli._json_line({"t": "a\x1bb\x9bc\u2028"})
    assert line == '{"t":"a\\u001bb\\u009bc\\u2028"}'
    assert cli.json.loads(line)["t"] == "a\x1bb\x9bc\u2028"


def test_printable_removes_escape_sequences_and_controls():
    assert cli.printable("a\x1b[31mb\x1b[0m c\x1b]8;;http://evil\x07d\x1b]8;;\x1b\\ e\x9b2Jf\x07\x00g\n\th") == "ab cd ef" + "g\n\th"
    assert cli.printable("[bold red]x[/]") == "[bold red]x[/]"


def test_events(capsys, corpus):
    run(capsys, "index", str(corpus))
    code, out, err = run(capsys, "events", str(corpus), "--json")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(r["date"], r["article"]["title"]) for r in rows] == [
        ("2025-10-30", "Der Kreml"), ("2025-11-08", "Gespräche in Budapest")]
    code, out, err = run(capsys, "events", "Budapest", str(corpus), "--json")
    assert [json.loads(line)["date"] for line in out.splitlines()] == ["2025-11-08"]
    code, out, err = run(capsys, "events", str(corpus))
    assert code == 0
    row = next(line for line in out.splitlines() if line.startswith("30. Oktober 2025"))
    # when, what (the fake analyzer's first word of the sentence), who/where, the article's title
    assert row.split()[3] == "Der" and row.rstrip().endswith("Der Kreml")


def test_events_before_christ_in_order_as_a_person_writes_them(capsys, monkeypatch, tmp_path):
    monkeypatch.setattr(cli, "_make_analyzer", lambda model, workers=1: TaggerAnalyzer())
    root = tmp_path / "antike"
    write(root / "a.txt", "Hethiter", "Von 1500 bis 1200 v. Chr. herrschten die Hethiter.\n\n"
          "Das Museum öffnet am 3. März 2025.", "2025-03-01")
    write(root / "b.txt", "Karthago", "Karthago wurde 146 v. Chr. zerstört.\n\n"
          "Im 14. Jahrhundert v. Chr. entstand das Schwert.", "2025-02-01")
    run(capsys, "index", str(root))
    code, out, err = run(capsys, "events", str(root))
    assert code == 0 and err == ""
    rows = out.splitlines()
    assert rows[0].split()[0] == "when"
    assert [row[:20].rstrip() for row in rows[1:]] == [
        "1500 – 1200 v. Chr.", "14. Jh. v. Chr.", "146 v. Chr.", "3. März 2025"]
    assert rows[1].rstrip().endswith("Hethiter") and rows[3].rstrip().endswith("Karthago")
    code, out, err = run(capsys, "events", str(root), "--json")
    dates = [(r["date"], r["value"], r["end_date"]) for r in map(json.loads, out.splitlines())]
    assert dates == [("-1499-01-01", "BC1500", "-1199-12-31"), ("-1399-01-01", "BC13", ""),
                     ("-0145-01-01", "BC0146", ""), ("2025-03-03", "2025-03-03", "")]


def test_analyze_jsonl_keeps_going_after_broken_lines(capsys, monkeypatch):
    import io

    lines = [
        json.dumps({"id": 1, "text": "Putin in Budapest am 2025-11-08.", "date": "2025-10-21"}),
        "{broken",
        json.dumps({"id": "x", "text": 5}),
        json.dumps({"id": "y", "text": "Trump.", "date": "nope"}),
        json.dumps({"id": "z", "text": "Trump spricht."}),
    ]
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(lines) + "\n"))
    code, out, err = run(capsys, "analyze", "--jsonl", "--batch-size", "2")
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in rows] == [1, None, "x", "y", "z"]
    assert rows[0]["entities"][0]["key"] == "PER:Wladimir Putin"
    assert rows[0]["events"][0]["date"] == "2025-11-08"
    assert "error" in rows[1] and "error" in rows[2] and "error" in rows[3]
    assert rows[4]["entities"][0]["text"] == "Trump"
    assert set(rows[4]) == {"id", "model", "entities", "timexes", "events"}
    assert {r["model"] for r in rows if "error" not in r} == {"de_fake 1.0"}
    assert [l.split(":")[0] for l in err.splitlines()] == ["line 2", "line 3", "line 4"]
    assert code == 1


def test_analyze_file(capsys, corpus):
    code, out, err = run(capsys, "analyze", str(corpus / "a.txt"))
    assert code == 0
    assert "Gespräche in Budapest" in out and "PER:Wladimir Putin" in out and "2025-11-08" in out
    assert "analysed with de_fake 1.0" in out
    code, out, err = run(capsys, "analyze", str(corpus / "a.txt"), "--json")
    assert json.loads(out)["entities"][0]["text"] == "Wladimir Putin"
    assert json.loads(out)["model"] == "de_fake 1.0"
    code, out, err = run(capsys, "analyze")
    assert code == 2


def test_index_list_and_remove(capsys, corpus):
    run(capsys, "index", str(corpus))
    code, out, err = run(capsys, "index", "--list")
    assert code == 0 and str(corpus) in out and index_dir_for([corpus]).name in out
    code, out, err = run(capsys, "index", "--remove", str(corpus))
    assert code == 0 and not index_dir_for([corpus]).exists()
    code, out, err = run(capsys, "index", "--list")
    assert "no indexes yet" in out


def test_config(capsys, tmp_path):
    (tmp_path / "config.toml").write_text('model = "de_test"\ntheme = "light"\n[keys]\nquit = "x"\n')
    code, out, err = run(capsys, "config")
    assert code == 0
    assert f"config file: {tmp_path / 'config.toml'}" in out
    assert "model: de_test" in out and "theme: light" in out and "quit = x" in out
    (tmp_path / "config.toml").write_text("theme = 5\n")
    code, out, err = run(capsys, "config")
    assert code == 2 and "theme" in err


def test_help_and_version(capsys):
    for argv in (["--help"], ["index", "--help"], ["search", "--help"], ["events", "--help"],
                 ["analyze", "--help"], ["config", "--help"]):
        with pytest.raises(SystemExit) as exc:
            cli.main(argv)
        assert exc.value.code == 0
        assert "usage: newsdesk" in capsys.readouterr().out
    with pytest.raises(SystemExit) as exc:
        cli.main(["--version"])
    assert exc.value.code == 0 and capsys.readouterr().out.startswith("newsdesk ")


def test_interrupt_exits_130(capsys, corpus, monkeypatch):
    def interrupted(*a, **k):
        raise KeyboardInterrupt

    monkeypatch.setattr("newsdesk.index.store.build_index", interrupted)
    code, out, err = run(capsys, "index", str(corpus))
    assert code == 130 and "interrupted" in err


def test_reader_gets_corpus_index_and_model(capsys, corpus, monkeypatch, tmp_path):
    import newsdesk.tui.app

    seen = {}

    class Recorder:
        def __init__(self, corpus, index_dir, model=None, config=None, accurate=False):
            seen.update(corpus=corpus, index_dir=index_dir, model=model, config=config, accurate=accurate)

        def run(self):
            seen["ran"] = True

    monkeypatch.setattr(newsdesk.tui.app, "NewsdeskApp", Recorder)
    assert cli.main([str(corpus), "--model", "de_x"]) == 0
    assert seen["corpus"] == [corpus] and seen["index_dir"] == index_dir_for([corpus])
    assert seen["model"] == "de_x" and seen["ran"]
    assert cli.main([]) == 0
    assert seen["corpus"][0].name == "seeds" and seen["model"] is None
    assert cli.main(["--index", str(tmp_path / "ix")]) == 0
    assert seen["corpus"] is None and seen["index_dir"] == tmp_path / "ix"
    assert not seen["accurate"]
    assert cli.main(["--accurate", str(corpus)]) == 0
    assert seen["accurate"] and seen["model"] is None
    # the accurate pass re-analyses the fast default, not another pipeline
    code, _out, err = run(capsys, "--accurate", "--model", "de_x", str(corpus))
    assert code == 2 and "--accurate" in err and "de_x" in err
    # asked for in the config file: the message says where
    config = tmp_path / "config.toml"
    config.write_text("accurate = true\n", encoding="utf-8")
    monkeypatch.setenv("NEWSDESK_CONFIG", str(config))
    code, _out, err = run(capsys, "--model", "de_x", str(corpus))
    assert code == 2 and "accurate = true" in err and str(config) in err
    assert cli.main([str(corpus)]) == 0 and seen["accurate"]


def test_missing_model_exit_2(capsys, corpus, monkeypatch):
    from newsdesk.index.analysis.pipeline import ModelNotFoundError

    class Missing:
        @property
        def signature(self):
            raise ModelNotFoundError("The spaCy pipeline 'nope' is not installed. Install it with ...")

    monkeypatch.setattr(cli, "_make_analyzer", lambda model, workers=1: Missing())
    code, out, err = run(capsys, "index", str(corpus), "--model", "nope")
    assert code == 2 and "not installed" in err and "Traceback" not in err


def test_busy_index_exit_1(capsys, corpus):
    from newsdesk.index.store.lock import index_lock

    run(capsys, "index", str(corpus))
    with index_lock(index_dir_for([corpus])):
        code, out, err = run(capsys, "index", str(corpus), "--wait", "0.2")
    assert code == 1 and "busy" in err


def test_remove_by_index_dir(capsys, corpus, tmp_path):
    ix = tmp_path / "ix"
    run(capsys, "index", str(corpus), "--index", str(ix))
    code, out, err = run(capsys, "index", "--remove", "--index", str(ix))
    assert code == 0 and not ix.exists()
    code, out, err = run(capsys, "index", "--remove", "--index", str(tmp_path))
    assert code == 1 and "not a newsdesk index" in err


def test_search_does_not_load_spacy(capsys, corpus, tmp_path):
    import subprocess
    import sys

    run(capsys, "index", str(corpus))
    code = (
        "import sys; from newsdesk.tui.cli import main; "
        f"status = main(['search', 'Putin', {str(corpus)!r}]); "
        "assert status == 0, status; assert 'spacy' not in sys.modules, 'spacy imported'"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "Gespräche in Budapest" in done.stdout


def test_index_progress_counts_articles_on_a_terminal(capsys, tmp_path, monkeypatch):
    import io

    from rich.console import Console

    jsonl = tmp_path / "news.jsonl"
    jsonl.write_text("".join(json.dumps({"id": f"n{i}", "title": f"Meldung {i}", "text": f"Putin sagt {i}."}) + "\n"
                             for i in range(30)), encoding="utf-8")
    screen = io.StringIO()
    seen = []
    real_console = cli._console

    def console(stderr=False):
        if not stderr:
            return real_console()
        return Console(file=screen, force_terminal=True, width=120, color_system=None)

    monkeypatch.setattr(cli, "_console", console)
    import newsdesk.index.store.builder as builder

    monkeypatch.setattr(builder, "PROGRESS_SECONDS", 0.0)
    real_describe = builder.BuildProgress.describe

    def describe(self):
        seen.append(real_describe(self))
        return seen[-1]

    monkeypatch.setattr(builder.BuildProgress, "describe", describe)
    code, out, err = run(capsys, "index", str(jsonl))
    assert code == 0
    assert out.startswith("30 added from 1 file · de_fake 1.0 · 30 analysed in ")
    assert seen and all("/30 articles" in line for line in seen)  # counted in articles from the start
    assert seen[-1].startswith("30/30 articles")
    assert "articles" in screen.getvalue() and "files" not in screen.getvalue()


def test_search_unclosed_phrase_and_umlaut_spellings(capsys, corpus):
    run(capsys, "index", str(corpus))
    code, out, err = run(capsys, "search", '"Donald Trump', str(corpus))
    assert code == 0 and out.startswith("1 result")
    assert "no closing quote" in err and "Donald Trump" in err
    code, out, err = run(capsys, "search", '"Donald Trump', str(corpus), "--json")
    assert "no closing quote" in json.loads(out)["note"]
    code, out, err = run(capsys, "search", "Gespraeche", str(corpus))
    assert code == 0 and out.startswith("1 result") and not err


def test_analyze_names_the_tier_of_newsdesks_models(capsys, corpus, monkeypatch):
    from newsdesk.index.analysis.signature import model_label
    from tests.index.store.helpers import FakeAnalyzer

    accurate = model_label("de_newsdesk_e5")
    monkeypatch.setattr(cli, "_make_analyzer", lambda model, workers=1: FakeAnalyzer(model_label=accurate))
    code, out, err = run(capsys, "analyze", str(corpus / "a.txt"))
    assert code == 0 and f"analysed with {accurate} (accurate model (e5))" in out


def test_analyzers_label_the_model_they_were_given():
    from newsdesk.index.analysis.analyzer import Analyzer
    from newsdesk.index.analysis.parallel import ParallelAnalyzer
    from newsdesk.index.analysis.signature import model_label

    for model in (None, "de_newsdesk_e5"):
        assert Analyzer(model).model_label == ParallelAnalyzer(model, 1).model_label == model_label(model)
