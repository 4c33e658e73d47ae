"""quick_ranking.best_documents gives what the plain ranker gives for the same AND of words and
phrases (total, documents, scores to the last bit, order), through each of its ways: binary
searches or passes over the postings, keys packed in bytes or by arithmetic, phrases found at
the first positions or elsewhere."""

import random
from array import array

import pytest

from newsdesk.index.store import quick_ranking
from newsdesk.index.store.column_files import SegmentCache
from newsdesk.index.store.plain_ranking import PlainRanker, plain_top
from newsdesk.index.store.query_text import plain_query, prepare
from newsdesk.index.store.quick_ranking import best_documents, gather, where_sorted
from newsdesk.index.store.quick_search import open_segments

from .helpers import three_segment_index
from .test_quick_search import NOUNS, PLAIN, _texts

LIMITS = (1, 2, 3, 7, 20, 1000)


@pytest.fixture(scope="module")
def searcher(tmp_path_factory):
    """Three segments (the second with deletions), words repeated in documents, phrases inserted."""
    rng = random.Random(23)
    d = tmp_path_factory.mktemp("ranking")
    three_segment_index(d, rng, 80, _texts, lambda part, i: f"Meldung {part} {rng.choice(NOUNS)}")
    found = open_segments(d)
    assert len(found.leaves) == 3 and any(seg.has_deletions() for seg, _offset in found.leaves)
    return found


def _queries():
    parts = [plain_query(prepare(q)[0].replace("\x00", " ")) for q in PLAIN]
    extra = ['"Haus Haus"', '"Haus Baum Haus Baum"', '"Olaf Scholz Haus"', "Zebra Haus", '"Zebra Haus" Baum',
             '"Baum Haus" "Haus Baum" Stadt', '"Kosten für Rente" "Olaf Scholz" Haus Baum Stadt Fluss Brücke Wahl']
    parts += [plain_query(q) for q in extra]
    return [p for p in parts if p]


def _expected(searcher, parts, limit):
    ranker = PlainRanker(searcher, SegmentCache(), budget=10**9)
    evaluations = [(lambda p=p: ranker.term("body", p[0])) if len(p) == 1 else (lambda p=p: ranker.phrase("body", p))
                   for p in parts]
    scores = ranker.live(PlainRanker.all_of(evaluations))
    return len(scores), plain_top(scores, limit, ranker.day_of)


@pytest.mark.parametrize("search_ratio", [0, 16, 10**9])  # every lookup a pass, the default, every one a search
def test_best_documents_are_the_plain_rankers(searcher, monkeypatch, search_ratio):
    monkeypatch.setattr(quick_ranking, "SEARCH_RATIO", search_ratio)
    elsewhere = []
    original = quick_ranking._phrase_elsewhere

    def counted(part, docs, *rest):
        elsewhere.append(len(docs))
        return original(part, docs, *rest)

    monkeypatch.setattr(quick_ranking, "_phrase_elsewhere", counted)
    queries = _queries()
    assert len(queries) > 40
    matched = 0
    for parts in queries:
        for limit in LIMITS:
            expected = _expected(searcher, parts, limit)
            got = best_documents(PlainRanker(searcher, SegmentCache()), "body", parts, limit)
            assert got == expected, (parts, limit)
        matched += expected[0] > 0
    assert matched > 30
    assert sum(elsewhere) > 5  # phrases found beyond their words' first positions were checked


def test_more_than_a_limits_worth_of_equal_scores(searcher):
    """A one-word query whose documents share few keys: the best are cut among equal scores by date."""
    for limit in LIMITS:
        total, best = best_documents(PlainRanker(searcher, SegmentCache()), "body", [("haus",)], limit)
        assert (total, best) == _expected(searcher, [("haus",)], limit)
        assert total > limit or limit == 1000
    scores = [s for _d, s in best]
    assert len(set(scores)) < len(scores)  # equal scores among them


def test_the_budget_is_the_work_taken_on(searcher):
    ranker = PlainRanker(searcher, SegmentCache())
    with pytest.raises(quick_ranking.Unsupported):
        best_documents(ranker, "body", [("haus",), ("olaf", "scholz")], 5, budget=50)
    assert best_documents(ranker, "body", [("haus",), ("olaf", "scholz")], 5, budget=10**6)[0] > 0


def test_gather_and_where_sorted_against_plain_loops():
    rng = random.Random(5)
    for n in (1, 2, 3, 50, 1000):
        ids = sorted(rng.sample(range(5 * n), n))
        docs = sorted(rng.sample(range(5 * n + 3), min(5 * n + 3, 40)))
        at, hit = where_sorted(memoryview(array("I", ids)), docs)  # as the postings are read
        assert hit == [d in ids for d in docs]
        assert [at[i] for i, h in enumerate(hit) if h] == [ids.index(d) for d in docs if d in ids]
        assert gather(ids, [0]) == (ids[0],)
        assert gather(ids, []) == ()
        assert gather(ids, list(range(n))[::-1]) == tuple(reversed(ids))


def test_term_frequencies_of_two_bytes(tmp_path):
    """A word more than 255 times in an article: its segment's frequencies take two bytes, the keys
    are packed wider (and by arithmetic past 8 bytes) and still give the plain ranker's answer."""
    from .helpers import article, write_index

    rng = random.Random(3)
    write_index(tmp_path, [article(f"a{i}", f"Meldung {i}", t) for i, t in enumerate(_texts(rng, 30))])
    write_index(tmp_path, [article(f"b{i}", f"Meldung {i}", t) for i, t in enumerate(_texts(rng, 30))]
                + [article("many", "Viele Häuser", "Haus Baum " * 300 + "Olaf Scholz Stadt Fluss")])
    searcher = open_segments(tmp_path)
    assert len(searcher.leaves) == 2
    assert {PlainRanker(searcher, SegmentCache())._postings(seg, "body").tf.itemsize
            for seg, _offset in searcher.leaves} == {1, 2}
    for q in ["Haus", "Haus Baum", '"Haus Baum"', '"Baum Haus Baum"', "Haus Baum Stadt Fluss", '"Olaf Scholz" Haus']:
        parts = plain_query(q)
        for limit in (1, 3, 20):
            got = best_documents(PlainRanker(searcher, SegmentCache()), "body", parts, limit)
            assert got == _expected(searcher, parts, limit), (q, limit)
            assert got[0] > 0
