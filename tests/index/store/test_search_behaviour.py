"""Search as the reader uses it: typing, unclosed phrases, paging, spellings, postings arrays
(written by the index writer, merged with the segments)."""

import datetime as dt

import pytest

from newsdesk.index.store import QueryError, Store
from newsdesk.index.store.german import german_analyzer
from newsdesk.index.store.search import prepare

from .helpers import article, write_index

WORDS = ["Bundesregierung", "Bundesregierungen", "Bundesrat", "Bundesliga", "Bund", "des Bundes", "Bündnis",
         "Budapest", "Buch", "Muenchen", "München", "Munchen", "Bauer", "Kosten für Rente", "kein Termin"]


def _articles(n=60):
    out = []
    for i in range(n):
        words = " ".join(WORDS[j] for j in range(len(WORDS)) if (i >> (j % 6)) & 1 or j % 7 == i % 7)
        out.append(article(f"a{i:03d}", f"Meldung {i}", f"Heute: {words}. Ende {i}.",
                           dt.date(2025, 1, 1) + dt.timedelta(days=i)))
    return out


def write_in_parts(d, articles, parts: int) -> None:
    """The articles written in ``parts`` commits (segments)."""
    step = -(-len(articles) // parts)
    for k in range(0, len(articles), step):
        write_index(d, articles[k:k + step])


@pytest.fixture(scope="module", params=["one-segment", "three-segments"])
def store(request, tmp_path_factory):
    d = tmp_path_factory.mktemp("ix")
    write_in_parts(d, _articles(), 1 if request.param == "one-segment" else 3)
    return Store.open(d)


def test_typing_narrows_as_the_word_grows(store):
    counts = []
    for end in range(2, len("Bundesregierung") + 1):
        counts.append(store.search("Bundesregierung"[:end], typing=True).total)
    assert counts[-1] > 0
    assert all(a >= b for a, b in zip(counts, counts[1:])), counts
    # the word being typed finds the inflected word it starts ("Bundesregieru" -> Bundesregierung)
    assert store.search("Bundesregieru", typing=True).total == store.search("Bundesregierung*").total > 0


def test_typing_treats_only_the_last_word_as_a_prefix(store):
    assert store.search("Budapest Bu", typing=True).total <= store.search("Budapest", typing=True).total
    # a finished word (followed by a space) is a word, not a prefix
    assert store.search("Bund ", typing=True).total == store.search("Bund").total
    with pytest.raises(QueryError, match="keep typing"):
        store.search("B", typing=True)
    # a one-letter last word is left out until it grows
    assert store.search("Budapest B", typing=True).total == store.search("Budapest").total


def test_prefix_query_matches_inflected_words(store):
    stem_only = store.search("Bundesregieru*")
    assert stem_only.total == store.search("Bundesregierung").total > 0
    assert "bundesregier" in stem_only.terms


def test_unclosed_phrase_is_searched_as_closed_with_a_note(store):
    closed = store.search('"kein Termin"')
    unclosed = store.search('"kein Termin')
    assert closed.total > 0
    assert unclosed.total == closed.total
    assert "closing quote" in unclosed.note and "kein Termin" in unclosed.note
    assert closed.note == ""
    # typing inside a phrase: the words so far, the last a prefix beside them
    typing = store.search('"kein Ter', typing=True)
    assert typing.total >= closed.total and "not closed" in typing.note


def test_prepare():
    assert prepare('"kein termin') == ('"kein termin"', "no closing quote: searched as the phrase “kein termin”")
    assert prepare("Putin Bun", typing=True) == ("Putin Bun*", "")
    assert prepare("Putin Bun ", typing=True) == ("Putin Bun ", "")
    assert prepare("Putin AND", typing=True) == ("Putin AND", "")
    assert prepare('a "', typing=False) == ("a", "")


def test_ae_oe_ue_find_umlauts_and_back(store):
    muenchen, muenchen_umlaut = store.search("Muenchen"), store.search("München")
    assert muenchen.total == muenchen_umlaut.total == store.search("Munchen").total > 0
    assert store.search("Bauer").total > 0  # a real "ue" stays


def test_pages_reach_every_match_in_order(store):
    everything = store.search("*", limit=1000)
    assert everything.total == 60 and len(everything.hits) == 60
    paged = []
    for offset in range(0, 60, 25):
        page = store.search("*", limit=25, offset=offset)
        assert page.total == 60
        paged.extend(h.summary.id for h in page.hits)
    assert paged == [h.summary.id for h in everything.hits]
    ranked = store.search("Bund OR Budapest", limit=1000)
    paged = [h.summary.id for o in range(0, ranked.total, 7)
             for h in store.search("Bund OR Budapest", limit=7, offset=o).hits]
    assert paged == [h.summary.id for h in ranked.hits]
    assert store.search("Bund", limit=5, offset=10_000).hits == []


def _answers(store, queries):
    return [(r.total, [(h.summary.id, round(h.score, 6)) for h in r.hits])
            for r in (store.search(q, limit=100) for q in queries)]


def test_phrases_agree_in_one_segment_several_and_merged(tmp_path, monkeypatch):
    """The postings arrays of new segments, and of segments merged from them (deletions
    left out), answer as one segment written at once."""
    from whoosh.reading import SegmentReader

    from newsdesk.index.store.segment_writer import open_writer

    queries = ['"Kosten für Rente"', '"kein Termin"', '"des Bundes"', "Bund Budapest", "Bundes*", '"Rente Bauer"~3',
               'title:"Meldung 7"']
    articles = _articles()
    write_index(tmp_path / "one", articles)
    expected = _answers(Store.open(tmp_path / "one"), queries)
    assert expected[0][0] > 0 and expected[-1][0] == 1
    write_in_parts(tmp_path / "parts", articles, 4)
    parts = Store.open(tmp_path / "parts")
    assert len(parts._leaves) == 4
    assert _answers(parts, queries) == expected

    def merge_all(writer, segments):
        for seg in segments:
            writer.add_reader(SegmentReader(writer.storage, writer.schema, seg))
        return []

    # a deleted article, then every segment merged into one: the arrays are made from theirs
    from newsdesk.index.store.builder import open_or_create
    from whoosh.query import Term

    ix, _ = open_or_create(tmp_path / "parts")
    w = open_writer(ix)
    w.delete_by_query(Term("id", "a007"))
    w.commit(mergetype=merge_all)
    merged = Store.open(tmp_path / "parts")
    assert len(merged._leaves) == 1
    ranker = merged._ranker()
    assert ranker._arrays(merged._leaves[0][0], "body") is not None
    got = _answers(merged, queries)
    assert got[-1][0] == 0  # the deleted article's title phrase is gone
    for (total, hits), (total_merged, hits_merged) in zip(expected[:-1], got[:-1]):
        # (the scores change: one document fewer)
        assert sorted(i for i, _ in hits if i != "a007") == sorted(i for i, _ in hits_merged)
        assert total_merged == total - any(i == "a007" for i, _ in hits)


def _holds_phrase(text: str, words: list[str]) -> bool:
    """Whoosh's own analyzer as the reference: the words' terms side by side among the text's."""
    analyzer = german_analyzer()
    terms = [t.text for t in analyzer(text)]
    wanted = [t.text for t in analyzer(" ".join(words))]
    return any(terms[i:i + len(wanted)] == wanted for i in range(len(terms) - len(wanted) + 1))


def test_phrases_from_the_rarest_word_match_the_analysed_texts(tmp_path):
    """Adjacent phrases on postings arrays (rarest word first, the others found at their place)
    find the documents whose analysed text holds them: repeated words, the rarest word last or
    in the middle, two segments."""
    import random

    from newsdesk.index.store.ranking import Ranker

    rng = random.Random(14)
    nouns = ["Haus", "Baum", "Stadt", "Fluss", "Brücke"]
    weights = [8, 6, 3, 2, 1]  # Brücke rarest, Haus most frequent
    texts = [" ".join(rng.choices(nouns, weights, k=rng.randint(3, 40))) for _ in range(80)]
    write_index(tmp_path, [article(f"p{i:03d}", f"Meldung {i}", t) for i, t in enumerate(texts[:40])])
    write_index(tmp_path, [article(f"q{i:03d}", f"Meldung {i}", t) for i, t in enumerate(texts[40:])])
    store = Store.open(tmp_path)
    ranker = store._ranker()
    assert isinstance(ranker, Ranker)
    assert all(ranker._arrays(seg, "body") is not None for seg, _offset in ranker.leaves)
    phrases = ['"Haus Baum"', '"Haus Haus"', '"Baum Haus Baum"', '"Haus Baum Brücke"', '"Brücke Haus Haus"',
               '"Stadt Brücke Fluss"', '"Fluss Stadt Fluss Stadt"', '"Haus Brücke Haus"']
    matched = 0
    for text in phrases:
        q = store.parse(text)
        ids, _scores = ranker.run(q)
        words = text.strip('"').split()
        expected = sorted(f"{p}{i:03d}" for p, part in (("p", texts[:40]), ("q", texts[40:]))
                          for i, t in enumerate(part) if _holds_phrase(t, words))
        assert sorted(store._summary(int(n)).id for n in ids) == expected, text
        matched += len(ids) > 0
    assert matched >= 6
