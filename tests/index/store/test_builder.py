import multiprocessing
import os
import threading
import time

import pytest

from newsdesk.index.store import IndexBusyError, Store, build_index
from newsdesk.index.store.lock import index_lock
from newsdesk.index.store.manifest import MANIFEST_NAME, Manifest

from .helpers import FakeAnalyzer, write_article as write


@pytest.fixture()
def corpus(tmp_path):
    root = tmp_path / "corpus"
    write(root / "a.txt", "Gespräche in Budapest", "Wladimir Putin trifft Donald Trump am 2025-11-08 in Budapest.")
    write(root / "b.txt", "Der Kreml", "Der Kreml schweigt. Putin auch.")
    write(root / "sub" / "c.txt", "Strassen", "Ein Text über Straßen in Russland.")
    return root


def ids(store):
    return sorted(s.id for s in store.list_articles(0, 1000))


def test_full_then_unchanged(corpus, tmp_path):
    fa = FakeAnalyzer()
    r = build_index([corpus], tmp_path / "ix", analyzer=fa)
    assert (r.added, r.updated, r.removed, r.unchanged, r.skipped) == (3, 0, 0, 0, [])
    assert r.articles == 3 and fa.calls == 3
    store = Store.open(tmp_path / "ix")
    assert store.article_count() == 3
    r = build_index([corpus], tmp_path / "ix", analyzer=fa)
    assert (r.added, r.updated, r.removed, r.unchanged) == (0, 0, 0, 3)
    assert fa.calls == 3  # nothing analysed again
    assert store.refresh() is False or store.article_count() == 3


def test_touched_file_with_same_content_is_not_analysed(corpus, tmp_path):
    fa = FakeAnalyzer()
    build_index([corpus], tmp_path / "ix", analyzer=fa)
    st = os.stat(corpus / "a.txt")
    os.utime(corpus / "a.txt", ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))
    r = build_index([corpus], tmp_path / "ix", analyzer=fa)
    assert (r.updated, r.unchanged) == (0, 3) and fa.calls == 3


def test_changed_added_and_deleted_files(corpus, tmp_path):
    fa = FakeAnalyzer()
    build_index([corpus], tmp_path / "ix", analyzer=fa)
    store = Store.open(tmp_path / "ix")
    old_ids = ids(store)
    assert store.entity_summary("PER:Wladimir Putin").article_count == 2
    write(corpus / "a.txt", "Gespräche in Wien", "Putin trifft Trump in Wien. Neu.")
    (corpus / "b.txt").unlink()
    write(corpus / "d.txt", "Neu", "Ganz neuer Artikel über Budapest.")
    r = build_index([corpus], tmp_path / "ix", analyzer=fa)
    assert (r.added, r.updated, r.removed, r.unchanged) == (1, 1, 1, 1)
    assert store.refresh() is True
    assert store.article_count() == 3
    titles = sorted(s.title for s in store.list_articles(0, 10))
    assert titles == ["Gespräche in Wien", "Neu", "Strassen"]
    assert store.search("Wien").total == 1
    assert store.search("Kreml").total == 0
    assert store.search('"Putin trifft Trump"').total == 1
    assert store.search('"Wladimir Putin trifft"').total == 0  # the old version of a.txt is gone
    assert ids(store) != old_ids
    info = store.entity_summary("PER:Wladimir Putin")  # deleted documents do not count
    assert (info.article_count, info.mention_count) == (1, 1)
    assert [s.title for s in store.entity_articles("PER:Wladimir Putin")] == ["Gespräche in Wien"]
    manifest = Manifest.load(tmp_path / "ix")
    assert sorted(os.path.basename(p) for p in manifest.files) == ["a.txt", "c.txt", "d.txt"]


def test_new_analysis_signature_reanalyses_everything(corpus, tmp_path):
    build_index([corpus], tmp_path / "ix", analyzer=FakeAnalyzer("v1"))
    fa2 = FakeAnalyzer("v2")
    r = build_index([corpus], tmp_path / "ix", analyzer=fa2)
    assert (r.updated, r.unchanged) == (3, 0) and fa2.calls == 3
    assert Store.open(tmp_path / "ix").article_count() == 3
    r = build_index([corpus], tmp_path / "ix", analyzer=fa2)
    assert r.unchanged == 3 and fa2.calls == 3


class InterruptingAnalyzer(FakeAnalyzer):
    """Stops (as Ctrl+C would) after ``after`` texts."""

    def __init__(self, after: int, signature: str = "fake-1", model_label: str = "de_fake 1.0"):
        super().__init__(signature, model_label)
        self.after = after

    def analyze(self, text, date):
        if self.calls >= self.after:
            raise KeyboardInterrupt
        return super().analyze(text, date)


def test_interrupted_build_keeps_committed_articles_and_completes_without_duplicates(tmp_path):
    root = tmp_path / "corpus"
    for i in range(20):
        write(root / f"{i:02d}.txt", f"Artikel {i}", f"Putin und Trump, Folge {i}.", f"2025-10-{i + 1:02d}")
    with pytest.raises(KeyboardInterrupt):
        build_index([root], tmp_path / "ix", analyzer=InterruptingAnalyzer(after=7), commit_every=3,
                    batch_size=1)
    store = Store.open(tmp_path / "ix")
    committed = store.article_count()
    assert committed == 6  # two commits of three; the seventh article was never written
    manifest = Manifest.load(tmp_path / "ix")
    assert len(manifest.files) == 6
    r = build_index([root], tmp_path / "ix", analyzer=FakeAnalyzer(), commit_every=3)
    assert (r.added, r.unchanged) == (14, 6)
    store.refresh()
    assert store.article_count() == 20
    assert len(set(ids(store))) == 20


def test_index_is_consistent_when_manifest_write_is_lost(corpus, tmp_path):
    build_index([corpus], tmp_path / "ix", analyzer=FakeAnalyzer())
    (tmp_path / "ix" / MANIFEST_NAME).unlink()  # as if killed after the commit
    r = build_index([corpus], tmp_path / "ix", analyzer=FakeAnalyzer())
    assert r.added == 3
    assert Store.open(tmp_path / "ix").article_count() == 3  # no duplicates


def test_unreadable_file_is_skipped_and_tried_again(corpus, tmp_path):
    (corpus / "bad.json").write_text("{not json", encoding="utf-8")
    r = build_index([corpus], tmp_path / "ix", analyzer=FakeAnalyzer())
    assert r.added == 3 and len(r.skipped) == 1
    assert "bad.json" in str(r.skipped[0])
    assert not r.ok
    r = build_index([corpus], tmp_path / "ix", analyzer=FakeAnalyzer())
    assert r.unchanged == 3 and len(r.skipped) == 1
    # a good file that turns unreadable (empty): its articles leave the index
    (corpus / "b.txt").write_text("", encoding="utf-8")
    r = build_index([corpus], tmp_path / "ix", analyzer=FakeAnalyzer())
    assert (r.removed, r.updated, r.unchanged, len(r.skipped)) == (1, 0, 2, 2)
    assert Store.open(tmp_path / "ix").search("Kreml").total == 0


def test_second_writer_gets_busy_error(corpus, tmp_path):
    ix = tmp_path / "ix"
    held = threading.Event()
    release = threading.Event()

    def hold():
        with index_lock(ix):
            held.set()
            release.wait(5)

    t = threading.Thread(target=hold)
    t.start()
    try:
        held.wait(5)
        started = time.monotonic()
        with pytest.raises(IndexBusyError, match="busy"):
            build_index([corpus], ix, analyzer=FakeAnalyzer(), lock_timeout=0.3)
        assert time.monotonic() - started < 3
    finally:
        release.set()
        t.join()
    assert build_index([corpus], ix, analyzer=FakeAnalyzer()).added == 3


def test_schema_change_rebuilds_even_if_interrupted_at_once(corpus, tmp_path, monkeypatch):
    import newsdesk.index.store.builder as builder
    import newsdesk.index.store.locations as locations

    ix = tmp_path / "ix"
    build_index([corpus], ix, analyzer=FakeAnalyzer())
    monkeypatch.setattr(builder, "SCHEMA_VERSION", builder.SCHEMA_VERSION + 1)
    with pytest.raises(KeyboardInterrupt):
        build_index([corpus], ix, analyzer=InterruptingAnalyzer(after=0))
    assert locations.read_info(ix)["schema"] == builder.SCHEMA_VERSION
    r = build_index([corpus], ix, analyzer=FakeAnalyzer())
    assert (r.added, r.unchanged) == (3, 0)


def test_progress_counts_articles(corpus, tmp_path):
    seen = []
    build_index([corpus], tmp_path / "ix", analyzer=FakeAnalyzer(), progress=seen.append)
    assert seen[-1].files_done == 3 and {p.files_total for p in seen} == {3}
    assert (seen[-1].articles_done, seen[-1].articles_total, seen[-1].articles_committed) == (3, 3, 3)
    assert [p.articles_done for p in seen] == sorted(p.articles_done for p in seen)
    assert all(p.path.endswith(".txt") for p in seen[:-1])
    seen.clear()
    build_index([corpus], tmp_path / "ix", analyzer=FakeAnalyzer(), progress=seen.append)
    assert seen == []  # nothing to read


def _jsonl(path, n, start=0):
    import json

    with open(path, "w", encoding="utf-8") as fh:
        for i in range(start, start + n):
            fh.write(json.dumps({"id": f"a{i}", "title": f"Artikel {i}", "date": "2025-10-01",
                                 "text": f"Putin und Trump, Folge {i}."}) + "\n")


def test_jsonl_progress_total_and_summary_count_articles(tmp_path):
    _jsonl(tmp_path / "news.jsonl", 40)
    seen = []
    r = build_index([tmp_path / "news.jsonl"], tmp_path / "ix", analyzer=FakeAnalyzer(), progress=seen.append)
    assert {p.articles_total for p in seen} == {40}  # known from the start, not "0/?"
    assert (r.articles_added, r.added, r.summary()) == (40, 1, "40 added from 1 file · de_fake 1.0")
    r = build_index([tmp_path / "news.jsonl"], tmp_path / "ix", analyzer=FakeAnalyzer())
    assert r.summary() == "index up to date (40 articles in 1 file) · de_fake 1.0"
    _jsonl(tmp_path / "news.jsonl", 40, start=2)  # two gone, two new, 38 rewritten
    r = build_index([tmp_path / "news.jsonl"], tmp_path / "ix", analyzer=FakeAnalyzer())
    assert (r.articles_added, r.articles_updated, r.articles_removed) == (2, 38, 2)
    assert r.summary() == "2 added, 38 updated, 2 removed from 1 file · de_fake 1.0"


def test_interrupted_jsonl_resumes_where_it_stopped(tmp_path):
    _jsonl(tmp_path / "news.jsonl", 30)
    with pytest.raises(KeyboardInterrupt):
        build_index([tmp_path / "news.jsonl"], tmp_path / "ix", analyzer=InterruptingAnalyzer(after=12),
                    commit_every=5, batch_size=1)
    store = Store.open(tmp_path / "ix")
    assert store.article_count() == 10  # two commits of five
    assert Manifest.load(tmp_path / "ix").files == {}  # the file is not complete
    fa = FakeAnalyzer()
    seen = []
    r = build_index([tmp_path / "news.jsonl"], tmp_path / "ix", analyzer=fa, progress=seen.append)
    assert fa.calls == 20  # the ten committed articles are not analysed again
    assert (r.articles_added, r.articles_kept) == (20, 10)
    assert r.summary() == "20 added from 1 file (resumed: 10 were indexed already) · de_fake 1.0"
    assert {p.articles_kept for p in seen} == {10} and seen[-1].articles_total == 20
    assert "(10 indexed before)" in seen[-1].describe()
    store.refresh()
    assert store.article_count() == 30 and len(set(ids(store))) == 30


def test_resumed_file_that_changed_meanwhile_is_redone(tmp_path):
    _jsonl(tmp_path / "news.jsonl", 30)
    with pytest.raises(KeyboardInterrupt):
        build_index([tmp_path / "news.jsonl"], tmp_path / "ix", analyzer=InterruptingAnalyzer(after=12),
                    commit_every=5, batch_size=1)
    _jsonl(tmp_path / "news.jsonl", 25, start=100)
    fa = FakeAnalyzer()
    r = build_index([tmp_path / "news.jsonl"], tmp_path / "ix", analyzer=fa)
    assert fa.calls == 25 and r.articles_kept == 0 and r.articles_removed == 10
    store = Store.open(tmp_path / "ix")
    assert store.article_count() == 25
    assert sorted(s.title for s in store.list_articles(0, 100)) == sorted(f"Artikel {i}" for i in range(100, 125))


def test_first_commit_comes_early_so_the_reader_sees_articles(tmp_path):
    _jsonl(tmp_path / "news.jsonl", 20)

    class Slow(FakeAnalyzer):
        def analyze(self, text, date):
            time.sleep(0.05)
            return super().analyze(text, date)

    seen = []
    build_index([tmp_path / "news.jsonl"], tmp_path / "ix", analyzer=Slow(), progress=seen.append,
                first_commit_seconds=0.2, commit_seconds=0.5)
    partial = [p.articles_committed for p in seen if 0 < p.articles_committed < 20]
    assert partial, "nothing was committed before the end"


def test_report_summary_lines():
    from newsdesk.index.store import BuildProgress, BuildReport

    assert BuildReport().summary() == "index up to date"
    assert BuildReport(added=1, articles_added=998).summary() == "998 added from 1 file"
    assert (BuildReport(added=1, articles_added=998, model="de_newsdesk 0.2.0").summary()
            == "998 added from 1 file · de_newsdesk 0.2.0")
    assert (BuildReport(unchanged=1, articles_unchanged=998, model="de_newsdesk 0.2.0").summary()
            == "index up to date (998 articles in 1 file) · de_newsdesk 0.2.0")
    assert BuildReport(model="de_newsdesk 0.2.0").summary() == "index up to date"
    r = BuildReport(updated=2, removed=1, unchanged=3, articles_updated=5, articles_removed=4, articles_unchanged=7)
    assert r.summary() == "5 updated, 4 removed from 3 files; 7 articles in 3 files unchanged"
    p = BuildProgress(1, 0, 412, 998, seconds=14.17)
    assert p.describe() == "412/998 articles · 29/s · ~20 s left"
    assert BuildProgress(1, 0, 0, 998).describe() == "0/998 articles"
    assert BuildProgress.from_list(p.to_list()) == p


def test_missing_corpus_folder_removes_its_files(corpus, tmp_path):
    build_index([corpus], tmp_path / "ix", analyzer=FakeAnalyzer())
    import shutil

    shutil.rmtree(corpus / "sub")
    r = build_index([corpus], tmp_path / "ix", analyzer=FakeAnalyzer())
    assert (r.removed, r.unchanged) == (1, 2)
    assert Store.open(tmp_path / "ix").search("Strassen").total == 0


def test_a_linked_file_is_named_by_its_link_and_identified_by_its_target(tmp_path):
    """The two path keys: the index names a file as the corpus reaches it (indexed_path), an
    article's id comes from the file itself (resolved_path), so re-pointing the link replaces
    the articles and leaves none behind."""
    from newsdesk.index.ingest.ids import article_id, resolved_path
    from newsdesk.index.store.records import indexed_path

    corpus, elsewhere = tmp_path / "corpus", tmp_path / "elsewhere"
    write(elsewhere / "first.txt", "Erster", "Ein Text über Budapest.")
    write(elsewhere / "second.txt", "Zweiter", "Ein Text über Wien.")
    corpus.mkdir()
    link = corpus / "linked.txt"
    link.symlink_to(elsewhere / "first.txt")
    assert indexed_path(link) == str(link) != resolved_path(link) == str(elsewhere / "first.txt")

    fa = FakeAnalyzer()
    build_index([corpus], tmp_path / "ix", analyzer=fa)
    store = Store.open(tmp_path / "ix")
    (summary,) = store.list_articles(0, 10)
    assert summary.id == article_id(resolved_path(elsewhere / "first.txt"))
    assert Manifest.load(tmp_path / "ix").files.keys() == {str(link)}
    r = build_index([corpus], tmp_path / "ix", analyzer=fa)
    assert (r.added, r.updated, r.unchanged) == (0, 0, 1)

    link.unlink()
    link.symlink_to(elsewhere / "second.txt")
    build_index([corpus], tmp_path / "ix", analyzer=fa)
    store.refresh()
    assert [s.title for s in store.list_articles(0, 10)] == ["Zweiter"]


def test_each_article_records_the_model_that_analysed_it(corpus, tmp_path):
    r = build_index([corpus], tmp_path / "ix", analyzer=FakeAnalyzer("v1", model_label="de_fast 1.0"))
    assert r.model == "de_fast 1.0"
    store = Store.open(tmp_path / "ix")
    assert {store.get_article(i).model for i in ids(store)} == {"de_fast 1.0"}
    # another model (another signature): every article is analysed again and says so
    r = build_index([corpus], tmp_path / "ix", analyzer=FakeAnalyzer("v2", model_label="de_slow 2.0"))
    assert r.model == "de_slow 2.0" and r.updated == 3
    store = Store.open(tmp_path / "ix")
    assert {store.get_article(i).model for i in ids(store)} == {"de_slow 2.0"}


def test_an_index_written_before_models_were_recorded_names_none(tmp_path):
    from .helpers import article, write_index

    write_index(tmp_path / "ix", [article("alt", "Alt", "Putin in Wien.")])
    assert Store.open(tmp_path / "ix").get_article("alt").model == ""


def test_commits_merge_segments_by_tiers_and_keep_every_article(tmp_path, monkeypatch):
    """Many small commits: segments of a tier are merged (words, entities, phrases and deletions
    carried over, the postings arrays made from theirs), never all into one at the end."""
    from newsdesk.index.store import segment_writer

    monkeypatch.setattr(segment_writer, "MERGE_FACTOR", 3)
    monkeypatch.setattr(segment_writer, "TIER_BASE", 2)  # tiers: 2 articles, 6, 18, ...
    root = tmp_path / "corpus"
    for i in range(14):
        who = "Wladimir Putin" if i % 2 else "Donald Trump"
        write(root / f"n{i:02d}.txt", f"Meldung {i}", f"{who} spricht am 2025-11-{i + 1:02d} in Budapest. Nummer {i}.")
    one = build_index([root], tmp_path / "one", analyzer=FakeAnalyzer())
    many = build_index([root], tmp_path / "many", analyzer=FakeAnalyzer(), commit_every=2)
    assert one.articles == many.articles == 14
    a, b = Store.open(tmp_path / "one"), Store.open(tmp_path / "many")
    assert len(a._leaves) == 1
    # 7 commits of 2: the 4th finds three segments of a tier and writes them with its own two
    # articles into one of 8; the next three are left (two of them before the 7th commit)
    assert [seg.doc_count_all() for seg, _offset in b._leaves] == [8, 2, 2, 2]
    queries = ['"Wladimir Putin spricht"', "entity:putin", "Budapest Nummer", '"Nummer 7"', "title:Meldung",
               "date:2025-11", "Trump OR Putin"]
    for q in queries:
        assert sorted(h.summary.id for h in a.search(q, limit=100).hits) == \
            sorted(h.summary.id for h in b.search(q, limit=100).hits), q
    assert b.search('"Wladimir Putin spricht"').total == 7
    assert b.entity_summary("PER:Wladimir Putin").article_count == 7
    # a file removed: its article is deleted, and the index still answers the same for the rest
    (root / "n07.txt").unlink()
    build_index([root], tmp_path / "many", analyzer=FakeAnalyzer(), commit_every=2)
    b = Store.open(tmp_path / "many")
    assert b.search('"Nummer 7"').total == 0 and b.search('"Wladimir Putin spricht"').total == 6


def test_small_segments_are_merged_at_the_end_of_a_build(tmp_path):
    """Each commit writes a segment; the last commit of a run merges the small ones (their term
    dictionaries hold most words again), and the index still holds every article."""
    _jsonl(tmp_path / "news.jsonl", 30)
    r = build_index([tmp_path / "news.jsonl"], tmp_path / "ix", analyzer=FakeAnalyzer(), commit_every=5)
    assert r.articles_added == 30
    store = Store.open(tmp_path / "ix")
    assert len(store._leaves) == 1
    assert store.article_count() == 30 and len(set(ids(store))) == 30
    assert store.search("Folge").total == 30 and store.search('"Putin und Trump"').total == 30
    # an update adds a segment and merges it with the small one there
    _jsonl(tmp_path / "more.jsonl", 3, start=100)
    build_index([tmp_path / "news.jsonl", tmp_path / "more.jsonl"], tmp_path / "ix", analyzer=FakeAnalyzer())
    store = Store.open(tmp_path / "ix")
    assert len(store._leaves) == 1 and store.article_count() == 33


def test_an_interrupted_build_leaves_its_segments_unmerged(tmp_path):
    _jsonl(tmp_path / "news.jsonl", 30)
    with pytest.raises(KeyboardInterrupt):
        build_index([tmp_path / "news.jsonl"], tmp_path / "ix", analyzer=InterruptingAnalyzer(after=12),
                    commit_every=5, batch_size=1)
    store = Store.open(tmp_path / "ix")
    assert len(store._leaves) == 2 and store.article_count() == 10


def _models(store):
    models = [store.get_article(i).model for i in ids(store)]
    return {m: models.count(m) for m in set(models)}


def test_reanalysis_keeps_each_article_until_its_new_analysis_is_committed(tmp_path):
    _jsonl(tmp_path / "news.jsonl", 30)
    build_index([tmp_path / "news.jsonl"], tmp_path / "ix", analyzer=FakeAnalyzer("fast", "de_fast 1"))
    # the accurate pass stops after two commits of five: no article left the reader meanwhile
    with pytest.raises(KeyboardInterrupt):
        build_index([tmp_path / "news.jsonl"], tmp_path / "ix", analyzer=InterruptingAnalyzer(12, "acc", "de_acc 1"),
                    commit_every=5, batch_size=1, kept_signatures=())
    store = Store.open(tmp_path / "ix")
    assert store.article_count() == 30 and len(set(ids(store))) == 30
    assert _models(store) == {"de_acc 1": 10, "de_fast 1": 20}
    # a fast run that keeps the accurate analyses redoes nothing
    fast = FakeAnalyzer("fast", "de_fast 1")
    r = build_index([tmp_path / "news.jsonl"], tmp_path / "ix", analyzer=fast, kept_signatures={"acc"})
    assert fast.calls == 0 and r.unchanged == 1
    # the accurate pass goes on where it stopped
    acc = FakeAnalyzer("acc", "de_acc 1")
    r = build_index([tmp_path / "news.jsonl"], tmp_path / "ix", analyzer=acc, kept_signatures=())
    assert acc.calls == 20 and (r.articles_kept, r.articles_updated) == (10, 20)
    store.refresh()
    assert store.article_count() == 30 and _models(store) == {"de_acc 1": 30}
    # and once it is complete, the fast default leaves it as it is
    fast = FakeAnalyzer("fast", "de_fast 1")
    r = build_index([tmp_path / "news.jsonl"], tmp_path / "ix", analyzer=fast, kept_signatures={"acc"})
    assert fast.calls == 0 and r.unchanged == 1 and not r.changed


def test_changed_text_is_reanalysed_even_under_a_kept_signature(tmp_path):
    _jsonl(tmp_path / "news.jsonl", 10)
    build_index([tmp_path / "news.jsonl"], tmp_path / "ix", analyzer=FakeAnalyzer("acc", "de_acc 1"))
    _jsonl(tmp_path / "news.jsonl", 8, start=5)  # five kept, three new, five gone
    fast = FakeAnalyzer("fast", "de_fast 1")
    r = build_index([tmp_path / "news.jsonl"], tmp_path / "ix", analyzer=fast, kept_signatures={"acc"})
    assert fast.calls == 8 and r.articles_removed == 5
    store = Store.open(tmp_path / "ix")
    assert sorted(s.title for s in store.list_articles(0, 100)) == sorted(f"Artikel {i}" for i in range(5, 13))
    assert _models(store) == {"de_fast 1": 8}


def test_the_fast_default_keeps_the_accurate_tiers_analyses():
    from newsdesk.index.analysis.signature import ACCURATE_NAME, analysis_signature, kept_signatures

    assert kept_signatures(None) == {analysis_signature(ACCURATE_NAME)}
    assert kept_signatures(ACCURATE_NAME) == frozenset()
    assert kept_signatures("de_core_news_md") == frozenset()


def test_newest_first_analyses_each_files_articles_from_the_newest_date(tmp_path):
    import json

    with open(tmp_path / "news.jsonl", "w", encoding="utf-8") as fh:
        for i, date in enumerate(["2025-03-01", None, "2025-11-20", "2024-12-31"]):
            fh.write(json.dumps({"id": f"a{i}", "title": f"Artikel {i}", "text": f"Putin, Folge {i}.",
                                 **({"date": date} if date else {})}) + "\n")

    class Recording(FakeAnalyzer):
        dates: list = []

        def analyze(self, text, date):
            self.dates.append(date and date.isoformat())
            return super().analyze(text, date)

    fa = Recording()
    build_index([tmp_path / "news.jsonl"], tmp_path / "ix", analyzer=fa, newest_first=True)
    assert fa.dates == ["2025-11-20", "2025-03-01", "2024-12-31", None]
    assert Store.open(tmp_path / "ix").article_count() == 4


def _news_jsonl(path, n):
    """German news-like articles: names, places, dates and events for the real analysis."""
    import json

    people = ["Friedrich Merz", "Olaf Scholz", "Annalena Baerbock", "Emmanuel Macron", "Ursula von der Leyen"]
    places = ["Berlin", "Bozen", "München", "Wien", "Brüssel", "Innsbruck"]
    verbs = ["traf", "besuchte", "kritisierte", "lobte"]
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            who, other = people[i % 5], people[(i + 2) % 5]
            where = places[i % 6]
            text = (f"{who} {verbs[i % 4]} am {1 + i % 27}. März {2020 + i % 6} in {where} {other}. "
                    f"Die Gespräche sollen im kommenden Jahr fortgesetzt werden, sagte ein Sprecher.\n\n"
                    f"Am Dienstag streikten in {places[(i + 3) % 6]} die Beschäftigten der Bahn. Folge {i}.")
            fh.write(json.dumps({"id": f"n{i}", "title": f"{who} in {where}", "date": f"2025-03-{1 + i % 28:02d}",
                                 "source": "Test", "text": text}, ensure_ascii=False) + "\n")


def _contents(index_dir):
    store = Store.open(index_dir)
    try:
        out = {}
        for s in store.list_articles(0, 1000):
            stored = store.get_article(s.id)
            out[s.id] = (s, stored.article.to_dict(), stored.analysis.to_dict(), stored.model)
        return out
    finally:
        store.close()


def test_analysis_workers_store_what_one_process_stores(tmp_path):
    """Worker processes (several batches each, several commits) store the same documents and
    annotations as the analysis in this process."""
    from newsdesk.index.analysis.analyzer import Analyzer
    from newsdesk.index.analysis.parallel import ParallelAnalyzer
    from newsdesk.index.analysis.signature import BUNDLED_PATH

    if not (BUNDLED_PATH / "config.cfg").exists():
        pytest.skip("bundled model not present")
    _news_jsonl(tmp_path / "news.jsonl", 30)
    build_index([tmp_path / "news.jsonl"], tmp_path / "one", analyzer=Analyzer())
    parallel = ParallelAnalyzer(workers=2, batch_tokens=60)
    expected: list[int] = []
    real_expect = parallel.expect
    parallel.expect = lambda chars: (expected.append(chars), real_expect(chars))  # told before the file is read
    r = build_index([tmp_path / "news.jsonl"], tmp_path / "two", commit_every=7, analyzer=parallel)
    assert r.articles == 30
    assert expected == [(tmp_path / "news.jsonl").stat().st_size]
    one, two = _contents(tmp_path / "one"), _contents(tmp_path / "two")
    assert len(one) == 30 and sum(len(c[2]["entities"]) for c in one.values()) > 30
    assert two == one
    assert multiprocessing.active_children() == []  # started before the file was read, stopped at the end
