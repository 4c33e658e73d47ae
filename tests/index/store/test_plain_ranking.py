"""A store opened for a single query ranks without numpy: the same hits, scores and order as the ranker."""

import random
import subprocess
import sys

import pytest

from newsdesk.index.store import Store
from newsdesk.index.store.plain_ranking import PlainRanker, Unsupported
from newsdesk.index.store.search import prepare

from .helpers import article, three_segment_index, write_index

NOUNS = ["Haus", "Baum", "Stadt", "Fluss", "Brücke", "Rente", "Kosten", "Bundesregierung", "München", "Wahl"]
WEIGHTS = [9, 7, 5, 4, 2, 3, 3, 2, 1, 1]
QUERIES = [
    "Haus", "Brücke", "Wahl", "Bundesregierungen", "Muenchen", "Haus Baum", "Brücke Rente Kosten", "Haus OR Wahl",
    "Stadt NOT Fluss", "NOT Haus", "Fluss ANDNOT Baum", "(Haus OR Baum) Wahl", "Kost*", "title:Meldung",
    '"Kosten für Rente"', '"Haus Baum"', '"Baum Haus Baum"', '"Brücke Haus Haus"', '"Haus Brücke Haus"',
    "Haus date:2025-02", "Baum date:[2025-01-10 to 2025-02-20]", "Rente date:[to 2025-01-20]", "Haus Nirgendwo",
    "Nirgendwo", "der", '"Wahl"',
]


def _texts(rng, n):
    out = []
    for _ in range(n):
        words = rng.choices(NOUNS, WEIGHTS, k=rng.randint(3, 60))
        if rng.random() < 0.3:
            words.insert(rng.randrange(len(words) + 1), "Kosten für Rente")
        out.append(" ".join(words))
    return out


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory):
    """Three segments with postings arrays, some documents deleted, some undated, equal scores aplenty."""
    rng = random.Random(7)
    d = tmp_path_factory.mktemp("plain")
    three_segment_index(d, rng, 60, _texts, lambda part, i: f"Meldung {part} {i}")
    assert len(list((d / "whoosh").glob("*.ndpost_body.bin"))) == 3  # each segment wrote its arrays
    return d


def _answer(store, q, limit):
    r = store.search(q, limit=limit)
    return r.total, [(h.summary.id, h.score) for h in r.hits], r.terms


@pytest.mark.parametrize("limit", [1, 7, 500])
def test_single_query_store_gives_the_rankers_answer(index_dir, limit):
    arrays, plain = Store.open(index_dir), Store.open(index_dir, single_query=True)
    assert len(list(arrays._searcher.reader().leaf_readers())) >= 2
    assert arrays._searcher.reader().has_deletions()
    taken = 0
    for q in QUERIES:
        expected = _answer(arrays, q, limit)
        assert _answer(plain, q, limit) == expected, q  # scores equal to the last bit, same order
        taken += plain._plain_search(plain.parse(prepare(q)[0]), [], limit, [], "") is not None
    assert taken >= len(QUERIES) - 3  # date filters and the like aside, the plain ranker answered
    if limit < 100:
        assert sum(_answer(arrays, q, limit)[0] > limit for q in QUERIES) > 10  # the best of more were chosen


def test_plain_ranker_gives_up_beyond_its_budget_and_on_other_shapes(index_dir):
    store = Store.open(index_dir)
    q = store.parse("Haus")
    assert PlainRanker(store._searcher, store._segments).run(q)
    with pytest.raises(Unsupported):
        PlainRanker(store._searcher, store._segments, budget=10).run(q)
    with pytest.raises(Unsupported):
        PlainRanker(store._searcher, store._segments).run(store.parse('"Haus Baum"~3'))
    # a single-query store then answers through the ranker, the same answer
    plain = Store.open(index_dir, single_query=True)
    assert _answer(plain, '"Haus Baum"~3', 20) == _answer(store, '"Haus Baum"~3', 20)


def test_segment_without_postings_arrays_goes_to_the_ranker(tmp_path):
    write_index(tmp_path, [article(f"a{i}", f"Meldung {i}", "Haus Baum Stadt " * (i + 1)) for i in range(20)])
    for path in (tmp_path / "whoosh").glob("*.ndpost_*.bin"):
        path.unlink()
    store = Store.open(tmp_path, single_query=True)
    assert store._plain_search(store.parse("Haus"), [], 5, [], "") is None
    assert _answer(store, "Haus", 5) == _answer(Store.open(tmp_path), "Haus", 5)


def test_a_single_query_search_imports_no_numpy(index_dir):
    script = (
        "import sys\n"
        "from newsdesk.index.store import Store\n"
        f"store = Store.open({str(index_dir)!r}, single_query=True)\n"
        "for q in ('Haus', '\"Kosten für Rente\"', 'Haus OR Wahl NOT Baum', 'Kost*'):\n"
        "    r = store.search(q, limit=5)\n"
        "    assert r.total and r.hits[0].snippet, q\n"
        "print('numpy' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["False"]


def test_unreadable_postings_file_goes_to_the_ranker(tmp_path):
    write_index(tmp_path, [article(f"a{i}", f"Meldung {i}", "Haus Baum Stadt " * (i + 1)) for i in range(20)])
    assert list((tmp_path / "whoosh").glob("*.ndpost_body.bin"))
    expected = _answer(Store.open(tmp_path), "Haus Baum", 5)
    for path in (tmp_path / "whoosh").glob("*.ndpost_body.bin"):
        path.write_bytes(path.read_bytes()[:-64])  # cut short
    store = Store.open(tmp_path, single_query=True)
    assert store._plain_search(store.parse("Haus Baum"), [], 5, [], "") is None
    assert _answer(store, "Haus Baum", 5)[:2] == expected[:2]
