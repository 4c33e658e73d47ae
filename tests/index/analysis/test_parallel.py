"""Analysis in worker processes: the same results as in one process, in input order; the
analysis signature is read without loading spaCy."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import subprocess
import sys

import pytest

from newsdesk.index.analysis.parallel import AnalysisError, ParallelAnalyzer, token_batches
from newsdesk.index.analysis.signature import BUNDLED_PATH, analysis_signature, meta_signature, model_directory

needs_model = pytest.mark.skipif(not (BUNDLED_PATH / "config.cfg").exists(), reason="bundled model not present")

TEXTS = [
    ("Wladimir Putin traf Donald Trump am 8. November in Budapest.", dt.date(2025, 10, 21)),
    ("Der Bundestag stimmte am Freitag über den Haushalt ab. Friedrich Merz sprach.", dt.date(2025, 3, 7)),
    ("", None),
    ("Die Gewerkschaft Verdi kündigte für Montag einen Streik in Berlin an.", dt.date(2024, 1, 12)),
] * 5


def test_token_batches_are_sized_in_words_and_keep_order():
    items = [("ein zwei drei", None), ("vier", None), ("fünf sechs", None), ("", None), ("sieben", None)]
    batches = list(token_batches(items, 4))
    assert batches == [items[:2], items[2:5]]
    assert [i for b in batches for i in b] == items
    assert list(token_batches([], 4)) == []


def test_signature_is_read_from_the_model_meta_without_spacy():
    code = ("import sys; from newsdesk.index.analysis.parallel import ParallelAnalyzer; "
            "print(ParallelAnalyzer().signature); print('spacy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split("\n")
    assert out[0] == analysis_signature() and out[1] == "False"
    assert model_directory(None) == BUNDLED_PATH
    assert meta_signature({"lang": "de", "name": "x", "version": "1"}).startswith("de_x-1-")


def test_a_missing_model_is_named(tmp_path):
    from newsdesk.index.analysis.pipeline import ModelNotFoundError

    with pytest.raises(ModelNotFoundError):
        ParallelAnalyzer(str(tmp_path / "no-model")).signature


@needs_model
def test_workers_give_the_results_of_one_process_in_order():
    from newsdesk.index.analysis.analyzer import Analyzer

    expected = [a.to_dict() for a in Analyzer().analyze_many(TEXTS, batch_size=4)]
    parallel = ParallelAnalyzer(workers=2, batch_tokens=12)  # several batches per worker
    got = [a.to_dict() for a in parallel.analyze_many(iter(TEXTS))]
    assert got == expected
    assert multiprocessing.active_children() == []  # the workers are gone
    one = ParallelAnalyzer(workers=1, batch_tokens=12)
    assert [a.to_dict() for a in one.analyze_many(iter(TEXTS))] == expected


@needs_model
def test_workers_replaced_after_their_words_give_the_same_results_in_order(monkeypatch):
    from newsdesk.index.analysis import parallel
    from newsdesk.index.analysis.analyzer import Analyzer

    expected = [a.to_dict() for a in Analyzer().analyze_many(TEXTS, batch_size=4)]
    if multiprocessing.get_start_method(allow_none=True) not in (None, "fork"):
        pytest.skip("workers are not forked on this platform")
    monkeypatch.setattr(parallel, "RECYCLE_WORDS", 25)  # a fresh worker every two or three batches
    got = [a.to_dict() for a in ParallelAnalyzer(workers=2, batch_tokens=12).analyze_many(iter(TEXTS))]
    assert got == expected
    assert multiprocessing.active_children() == []


@needs_model
def test_a_failing_worker_is_reported_and_the_workers_stop(monkeypatch):
    from newsdesk.index.analysis import analyzer as analyzer_module

    real = analyzer_module._analysis

    def broken(parts, date):
        if "Streik" in parts[0][1]:
            raise ValueError("kaputt")
        return real(parts, date)

    monkeypatch.setattr(analyzer_module, "_analysis", broken)  # inherited by the forked workers
    if multiprocessing.get_start_method(allow_none=True) not in (None, "fork"):
        pytest.skip("workers are not forked on this platform")
    with pytest.raises(AnalysisError, match="kaputt"):
        list(ParallelAnalyzer(workers=2, batch_tokens=12).analyze_many(iter(TEXTS)))
    assert multiprocessing.active_children() == []


def test_worker_matrix_products_on_one_blas_thread():
    import numpy  # noqa: F401  (loads the BLAS library)
    from threadpoolctl import threadpool_info, threadpool_limits

    from newsdesk.index.analysis.parallel import one_blas_thread

    before = {i["filepath"]: i["num_threads"] for i in threadpool_info()}
    try:
        one_blas_thread()
        infos = threadpool_info()
        assert infos and all(i["num_threads"] == 1 for i in infos)
    finally:
        for info in threadpool_info():
            threadpool_limits(before.get(info["filepath"], info["num_threads"]), user_api=info["user_api"])


@needs_model
def test_processes_started_before_the_texts_are_read_give_the_same_results_and_stop():
    from newsdesk.index.analysis.analyzer import Analyzer

    expected = [a.to_dict() for a in Analyzer().analyze_many(TEXTS, batch_size=4)]
    parallel = ParallelAnalyzer(workers=2, batch_tokens=12)
    parallel.expect(100)  # less than two batches' characters: nothing started
    assert multiprocessing.active_children() == []
    parallel.expect(50_000)  # as the builder does before it reads a large file
    assert len(multiprocessing.active_children()) == 1  # the process that loads the pipeline and forks the workers
    assert [a.to_dict() for a in parallel.analyze_many(iter(TEXTS))] == expected
    assert multiprocessing.active_children() == []
    parallel.expect(50_000)
    assert list(parallel.analyze_many(iter([]))) == []  # nothing came to analyse: the processes stop
    assert multiprocessing.active_children() == []
    parallel.expect(50_000)
    parallel.close()
    assert multiprocessing.active_children() == []


def test_the_temporal_grammar_is_compiled_before_the_workers_are_forked():
    from newsdesk.index.analysis.timex import patterns

    patterns.compile_all()
    compiled = patterns._combined.cache_info().currsize
    assert compiled == len(set(patterns.DISPATCH.values()))
    text = ("Am 8. November 2025 um 14 Uhr, jeden Montag, im Frühjahr 1990, seit drei Jahren, in der "
            "kommenden Woche, Anfang der 1930er Jahre, zu Ostern, 480 v. Chr., im zweiten Quartal, heute.")
    assert len(list(patterns.iter_spans(text))) >= 10
    assert patterns._combined.cache_info().currsize == compiled  # a worker compiles nothing more
