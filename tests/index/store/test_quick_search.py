"""quick_search answers queries of words and phrases from the index files as the store does:
the same total, hits, scores (to the last bit), order, matched terms, notes and snippets."""

import random
import shutil

import pytest

from newsdesk.index.store import Store
from newsdesk.index.store.query_text import plain_query
from newsdesk.index.store.quick_search import quick_search

from .helpers import three_segment_index

NOUNS = ["Haus", "Häuser", "Baum", "Stadt", "Fluss", "Brücke", "Rente", "Kosten", "Bundesregierung", "München",
         "Wahl", "Straße", "Gespräche", "Olaf", "Scholz", "Zebra"]
WEIGHTS = [9, 3, 7, 5, 4, 2, 3, 3, 2, 1, 1, 2, 2, 2, 2, 0.05]
FILLERS = ["der", "die", "und", "für", "in"]

# queries quick_search answers: words, AND of words, phrases (stop words in them, one word, repeats),
# rare and unknown terms, spellings folded alike, whitespace and quotes of every sort
PLAIN = [
    "Haus", "Zebra", "Brücke", "Bundesregierungen", "Muenchen", "Strasse", "Häuser", "haus", "HAUS",
    "Haus Baum", "Brücke Rente Kosten", "Haus Haus", "Haus haus Häuser", "Haus Nirgendwo", "Nirgendwo",
    '"Kosten für Rente"', '"Haus Baum"', '"Baum Haus Baum"', '"Brücke Haus Haus"', '"Haus Brücke Haus"',
    '"Olaf Scholz"', '"Olaf Scholz" Rente', 'Rente "Olaf Scholz"', '"Olaf Scholz" "Kosten für Rente"',
    '"Wahl"', '"der Wahl"', '"Haus" Haus', 'Haus "Haus"', '"Haus Baum" "Haus Baum"', '  "  Olaf   Scholz "  ',
    "\tHaus\n Baum ", '"Kosten für', '"Olaf Scholz', '"Zebra Nirgendwo"', '"Nirgendwo Haus"', "Haus\x00Baum",
    '"der" Haus', "der Haus", '"" Haus', "Zebra Olaf Scholz Haus Baum Stadt Fluss Brücke Rente Kosten Wahl",
    "Haus AND Baum", 'Haus AND "Olaf Scholz"', "Haus AND Baum Stadt", "Haus AND Haus", '"Olaf Scholz" AND Rente AND Baum',
]
# queries it leaves to the store (other syntax, or stop words only)
OTHER = [
    "Haus OR Wahl", "Stadt NOT Fluss", "AND Haus", "Haus AND", "Haus AND AND Baum", "(Haus OR Baum) Wahl", "Kost*", "title:Haus",
    "Haus date:2025-02", '"Haus Baum"~2', "Haus^2", "Haus-Baum", 'Haus"Baum"', "Haus2025", "der", '"der die"',
    "", "   ", '""', "*", "x" * 600, "Haus'", "Ha?s",
]


def _texts(rng, n):
    out = []
    for _ in range(n):
        words = rng.choices(NOUNS, WEIGHTS, k=rng.randint(3, 60))
        for _k in range(rng.randint(0, 6)):
            words.insert(rng.randrange(len(words) + 1), rng.choice(FILLERS))
        if rng.random() < 0.3:
            words.insert(rng.randrange(len(words) + 1), "Kosten für Rente")
        if rng.random() < 0.2:
            words.insert(rng.randrange(len(words) + 1), "Olaf Scholz")
        out.append(" ".join(words))
    return out


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory):
    """Three segments with postings arrays, some documents deleted, some undated, equal scores aplenty."""
    rng = random.Random(11)
    d = tmp_path_factory.mktemp("quick")
    three_segment_index(d, rng, 70, _texts, lambda part, i: f"Meldung {part} {rng.choice(NOUNS)}")
    return d


def _answer(results):
    if results is None:
        return None
    return (results.total, [(h.summary, h.score, h.snippet) for h in results.hits], results.terms, results.note)


@pytest.mark.parametrize("limit", [1, 7, 500])
def test_quick_search_gives_the_stores_answer(index_dir, limit):
    store = Store.open(index_dir, single_query=True)
    assert len(list(store._searcher.reader().leaf_readers())) == 3 and store._searcher.reader().has_deletions()
    matched = 0
    for q in PLAIN:
        quick = _answer(quick_search(index_dir, q, limit))
        assert quick is not None, q
        assert quick == _answer(store.search(q, limit=limit)), q
        matched += quick[0] > 0
    assert matched >= len(PLAIN) - 6


def test_quick_search_leaves_a_query_past_its_budget_to_the_store(index_dir):
    """Past ``budget`` units of work the store answers (numpy's ranker in the reader, the plain
    ranker here): a tiny budget sends every query with postings there, the default none of these."""
    store = Store.open(index_dir, single_query=True)
    for q in ("Haus", "Haus Baum", '"Olaf Scholz"', '"Kosten für Rente" Haus'):
        assert quick_search(index_dir, q, 7, budget=10) is None, q
        assert _answer(quick_search(index_dir, q, 7)) == _answer(store.search(q, limit=7)), q


def test_quick_search_leaves_other_queries_to_the_store(index_dir):
    for q in OTHER:
        assert quick_search(index_dir, q) is None, q


def test_plain_query_is_what_whooshs_parser_makes(index_dir):
    """The parts of each plain query are the terms and phrases of the store's parsed query, in order."""
    from whoosh import query as wq

    from newsdesk.index.store.search import prepare

    def parts(q):
        if q is wq.NullQuery:
            return None
        if isinstance(q, wq.And):
            return [p for c in q.subqueries for p in parts(c)]
        if isinstance(q, wq.Term):
            assert q.fieldname == "body" and q.boost == 1.0
            return [(q.text,)]
        assert isinstance(q, wq.Phrase) and q.fieldname == "body" and q.slop == 1 and q.boost == 1.0
        return [tuple(q.words)]

    store = Store.open(index_dir)
    for q in PLAIN:
        text = prepare(q)[0]
        assert plain_query(text.replace("\x00", " ")) == parts(store.parse(text)), q


def test_quick_search_stands_aside_for_an_index_it_does_not_know(index_dir, tmp_path):
    assert quick_search(tmp_path / "nothing", "Haus") is None
    copy = tmp_path / "copy"
    shutil.copytree(index_dir, copy)
    import json

    info = (copy / "index.json").read_text()
    (copy / "index.json").write_text(json.dumps({**json.loads(info), "schema": 1000}))
    assert quick_search(copy, "Haus") is None
    (copy / "index.json").write_text(info)
    assert quick_search(copy, "Haus") is not None
    toc = next((copy / "whoosh").glob("_MAIN_*.toc"))
    toc.write_bytes(toc.read_bytes()[:40])  # cut short
    assert quick_search(copy, "Haus") is None
    toc.write_bytes(b"")
    assert quick_search(copy, "Haus") is None


def test_quick_search_stands_aside_when_a_segment_lacks_its_arrays(index_dir, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(index_dir, copy)
    next((copy / "whoosh").glob("*.ndpost_body.bin")).unlink()
    assert quick_search(copy, "Haus") is None


def test_what_quick_search_knows_of_the_schema_is_the_schemas():
    from whoosh.columns import CompressedBytesColumn

    from newsdesk.index.store.locations import COMPRESSED_COLUMNS, DEFAULT_FIELD, TERM_FIELDS
    from newsdesk.index.store.quick_search import _Field
    from newsdesk.index.store.schema import build_schema

    schema = build_schema()
    assert COMPRESSED_COLUMNS == {name for name, field in schema.items()
                                  if isinstance(field.column_type, CompressedBytesColumn)}
    assert DEFAULT_FIELD in TERM_FIELDS
    for name in TERM_FIELDS:
        assert schema[name].scorable == _Field.scorable and (schema[name].format is not None) == bool(_Field.format)
