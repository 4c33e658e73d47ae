import datetime as dt
import time

import pytest

from newsdesk.index.store import IndexNotFoundError, QueryError, Store, match_spans

from newsdesk.index.annotations import Analysis

from .helpers import FakeAnalyzer, TaggerAnalyzer, article, match_names, write_index

ARTICLES = [
    article("a", "Gespräche in Budapest",
            "Wladimir Putin trifft Donald Trump in Budapest am 2025-11-08. Die Gespräche über Russlands Krieg."
            "\n\nDie Straße ist voll.", dt.date(2025, 10, 21)),
    article("b", "Kreml schweigt", "Der Kreml sagt am 2025-10-30 nichts. Putin schweigt.", dt.date(2025, 10, 22)),
    article("c", "Ohne Datum", "Ein Artikel über Strassen in Russland.", None),
    article("d", "Alte Meldung", "Trump spricht am 2025-09-01 in Washington.", dt.date(2025, 9, 1)),
]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    d = tmp_path_factory.mktemp("ix")
    write_index(d, ARTICLES)
    return Store.open(d)


def hit_ids(store, q):
    return sorted(h.summary.id for h in store.search(q).hits)


def test_open_missing_index(tmp_path):
    with pytest.raises(IndexNotFoundError):
        Store.open(tmp_path / "nothing")


def test_list_newest_first_dateless_last(store):
    assert store.article_count() == 4
    assert [s.id for s in store.list_articles(0, 10)] == ["b", "a", "d", "c"]
    assert [s.id for s in store.list_articles(1, 2)] == ["a", "d"]
    assert store.list_articles(10, 5) == []


def test_get_article_round_trips_article_and_annotations(store):
    stored = store.get_article("a")
    assert stored.article == ARTICLES[0]
    assert [e.key for e in stored.analysis.entities][:2] == ["PER:Wladimir Putin", "PER:Donald Trump"]
    assert stored.analysis.events[0].date == "2025-11-08"
    with pytest.raises(KeyError):
        store.get_article("nope")


@pytest.mark.parametrize("query, expected", [
    ("Gespräch", ["a"]),
    ("Gesprache", ["a"]),
    ("Strasse", ["a", "c"]),
    ("Straße", ["a", "c"]),
    ("Russland", ["a", "c"]),
    ("Russlands", ["a", "c"]),
    ("Putin Trump", ["a"]),
    ("Kreml OR Washington", ["b", "d"]),
    ("Putin NOT Kreml", ["a"]),
    ('"Putin trifft"', ["a"]),
    ('"trifft Putin"', []),
    ("entity:putin", ["a", "b"]),
    ("entity:Putin", ["a", "b"]),
    ('entity:"PER:Wladimir Putin"', ["a", "b"]),
    ('entity:"wladimir putin"', ["a", "b"]),
    ("entity:budapest", ["a"]),
    ("date:2025-10", ["a", "b"]),
    ("date:2025", ["a", "b", "d"]),
    ("date:2025-10-22", ["b"]),
    ("date:[2025-10-01 to 2025-10-31]", ["a", "b"]),
    ("date:[2025-10-22 to 2025-10-31]", ["b"]),
    ("date:[2025-09 to 2025-10-21]", ["a", "d"]),
    ("date:[2025-10 to]", ["a", "b"]),
    ("Putin date:2025-10-22", ["b"]),
    ("title:Kreml", ["b"]),
    ("Buda*", ["a"]),
])
def test_search_syntax(store, query, expected):
    assert hit_ids(store, query) == expected


def test_total_counts_every_match(tmp_path):
    # Short articles that say "Putin" often outscore long ones that say "Trump" once: ranking
    # shortcuts must not drop the "Trump"-only articles from the count.
    many = [article(f"m{i}", f"Nummer {i}",
                    "Putin Putin Putin." if i % 2 else "Trump. " + "Viel anderer Text hier. " * 60,
                    dt.date(2025, 1, 1 + i % 28)) for i in range(300)]
    write_index(tmp_path, many)
    s = Store.open(tmp_path)
    for query, expected in [("Putin", 150), ("Trump", 150), ("Putin OR Trump", 300), ("Trump OR Putin", 300),
                            ("Nummer NOT Putin", 150), ("*", 300), ("Putin date:2025-01-02", 11)]:
        results = s.search(query, limit=5)
        assert (query, results.total) == (query, expected)
        assert len(results.hits) == 5


@pytest.mark.parametrize("query", ["Putin", "Putin Trump", "Kreml OR Washington", "Putin NOT Kreml", "NOT Putin",
                                   '"Putin trifft"', '"Straße ist voll"', '"Gespräche über Russlands"', "Tr*",
                                   "entity:putin", "title:Kreml OR Strassen", "(Putin OR Trump) NOT Budapest",
                                   "(Putin date:[2025-10-01 to 2025-11-30]) OR Kreml", "Putin OR date:2025"])
def test_ranker_agrees_with_whoosh(store, query):
    from newsdesk.index.store.ranking import Ranker

    q = store.parse(query)
    ids, scores = store._ranker().run(q)
    got = sorted(store._summary(int(n)).id for n in ids)
    if query.startswith('"'):
        # Whoosh keeps no positions (they are in the postings arrays): the analysed texts are the reference
        words = query.strip('"').split()
        expected = sorted(s.id for s in store.list_articles(0, 1000)
                          if _holds_phrase(_body(store.get_article(s.id).article), words))
        assert expected
        assert got == expected
    else:
        expected = store._whoosh_search(q, None, 0, 100, [], "")
        assert got == sorted(h.summary.id for h in expected.hits)
    assert isinstance(store._ranker(), Ranker)


def _body(a) -> str:
    return f"{a.title}\n{a.title}\n{a.text}" if a.title else a.text


def _holds_phrase(text: str, words: list[str]) -> bool:
    from newsdesk.index.store.german import german_analyzer

    analyzer = german_analyzer()
    terms = [t.text for t in analyzer(text)]
    wanted = [t.text for t in analyzer(" ".join(words))]
    return any(terms[i:i + len(wanted)] == wanted for i in range(len(terms) - len(wanted) + 1))


def test_phrase_with_slop(tmp_path):
    write_index(tmp_path, [article("p", "P", "Putin traf gestern Trump."), article("q", "Q", "Putin Trump.")])
    s = Store.open(tmp_path)
    assert hit_ids(s, '"Putin Trump"') == ["q"]
    assert hit_ids(s, '"Putin Trump"~3') == ["p", "q"]
    assert hit_ids(s, '"Trump Putin"~3') == []


def test_hits_have_snippets_and_terms(store):
    results = store.search("Gespräche")
    assert results.total == 1
    assert results.terms == ["gesprach"]
    hit = results.hits[0]
    assert hit.summary.title == "Gespräche in Budapest"
    assert ("Gespräche", True) in hit.snippet
    assert hit.score > 0
    text = store.get_article("a").article.text
    assert [text[s:e] for s, e in match_spans(text, results.terms)] == ["Gespräche"]


def test_star_and_date_only_queries_list_newest_first(store):
    assert [h.summary.id for h in store.search("*").hits] == ["b", "a", "d", "c"]
    assert [h.summary.id for h in store.search("date:2025").hits] == ["b", "a", "d"]
    assert store.search("* date:2025-10").total == 2


def test_not_alone_and_andnot(store):
    assert hit_ids(store, "NOT Putin") == ["c", "d"]
    assert hit_ids(store, "Putin ANDNOT Kreml") == ["a"]
    assert hit_ids(store, "Putin ANDMAYBE Kreml") == ["a", "b"]
    assert store.search("Putin ANDMAYBE Kreml").hits[0].summary.id == "b"  # the maybe-part adds to the score


def test_equal_scores_list_newest_first(store):
    # entity: filters score every match alike
    assert [h.summary.id for h in store.search("entity:putin").hits] == ["b", "a"]
    assert [h.summary.id for h in store.search("NOT Putin").hits] == ["d", "c"]


def test_title_ranks_above_body(store):
    hits = store.search("Kreml").hits
    assert hits[0].summary.id == "b"


@pytest.mark.parametrize("query", ["date:2025-13", "date:foo", "date:[foo to bar]", "", "   ", "AND", "x" * 5000])
def test_malformed_queries_raise_query_error(store, query):
    with pytest.raises(QueryError) as exc:
        store.search(query)
    assert exc.value.message and "\n" not in exc.value.message


@pytest.mark.parametrize("query", ['"Putin', "(Putin", "Putin)", "[a to", "Putin AND", "OR Putin", "NOT", "*", "a*",
                                   "date:", "entity:", ":", "\"\"", "((((((", "title:", "foo:bar", "*?*", "\x00"])
def test_odd_queries_answer_quickly(store, query):
    started = time.monotonic()
    try:
        store.search(query)
    except QueryError:
        pass
    assert time.monotonic() - started < 5


def test_events_in_date_order_and_by_query(store):
    events = store.events()
    assert [(d.summary.id, d.event.date) for d in events] == [("d", "2025-09-01"), ("b", "2025-10-30"), ("a", "2025-11-08")]
    assert [d.summary.id for d in store.events("Kreml")] == ["b"]
    assert store.events("Artikel") == []  # only the undated article without events


def test_events_before_christ_sort_before_the_others_earliest_first(tmp_path):
    articles = [
        article("rom", "Rom", "Am 3. März 2025 eröffnete in Rom ein Museum.\n\nKarthago wurde 146 v. Chr. zerstört.",
                dt.date(2025, 3, 5)),
        article("hethiter", "Hethiter", "Von 1500 bis 1200 v. Chr. herrschten die Hethiter.\n\n"
                "Das Schwert wurde im 14. Jahrhundert v. Chr. geschmiedet.\n\nIm Jahr 9 n. Chr. geschah das.",
                dt.date(2025, 3, 1)),
        article("perser", "Perser", "Im Frühjahr 479 v. Chr. zogen die Spartaner nach Norden. Sie siegten 1500 Jahre "
                "vor dem 20. Januar 1021.", dt.date(2025, 3, 2)),
    ]
    write_index(tmp_path, articles, TaggerAnalyzer())
    with Store.open(tmp_path) as store:
        found = [(d.summary.id, d.event.value, d.event.date) for d in store.events()]
        assert found == [
            ("hethiter", "BC1500", "-1499-01-01"),  # as text "-1499" would sort after "-0145"
            ("hethiter", "BC13", "-1399-01-01"),
            ("perser", "BC0479-SP", "-0478-03-01"),
            ("rom", "BC0146", "-0145-01-01"),
            ("hethiter", "0009", "0009-01-01"),
            ("perser", "1021-01-20", "1021-01-20"),
            ("rom", "2025-03-03", "2025-03-03"),
        ]
        span = store.events("Hethiter")[0].event
        assert (span.end_value, span.end_date, span.when) == ("BC1200", "-1199-12-31", "1500 – 1200 v. Chr.")
        assert [d.event.value for d in store.events("Karthago")] == ["BC0146", "2025-03-03"]


def test_entities(store):
    info = store.entity_summary("PER:Wladimir Putin")
    assert (info.label, info.name, info.article_count, info.mention_count) == ("PER", "Wladimir Putin", 2, 2)
    assert [s.id for s in store.entity_articles("PER:Wladimir Putin")] == ["b", "a"]
    mentions = store.entity_mentions("PER:Wladimir Putin")
    assert [(m.summary.id, m.text) for m in mentions] == [("b", "Putin"), ("a", "Wladimir Putin")]
    assert mentions[0].before.endswith("nichts. ") and mentions[0].after == " schweigt."
    assert len(store.entity_mentions("PER:Wladimir Putin", limit=1)) == 1
    assert store.entity_summary("PER:Niemand") is None
    assert store.entity_articles("PER:Niemand") == []


def test_empty_index(tmp_path):
    from newsdesk.index.store.builder import open_or_create
    from newsdesk.index.store.locations import write_info
    from newsdesk.index.store.schema import SCHEMA_VERSION

    open_or_create(tmp_path)
    write_info(tmp_path, ["/corpus"], SCHEMA_VERSION)
    s = Store.open(tmp_path)
    assert s.article_count() == 0
    assert s.list_articles(0, 10) == []
    assert s.search("Putin").total == 0
    assert s.search("*").total == 0
    assert s.search("date:2025").total == 0
    assert s.events() == []
    assert s.entity_summary("PER:Wladimir Putin") is None


class _BareSurnames(FakeAnalyzer):
    """Gives a surname alone its own key, as the real analyzer does in an article without the full name."""

    NAMES = [
        ("Wladimir Putin", "PER", "PER:Wladimir Putin"),
        ("Donald Trump", "PER", "PER:Donald Trump"),
        ("Melania Trump", "PER", "PER:Melania Trump"),
        ("Marco Rubio", "PER", "PER:Marco Rubio"),
        ("Putin", "PER", "PER:Putin"),
        ("Trump", "PER", "PER:Trump"),
        ("Lawrow", "PER", "PER:Lawrow"),
    ]

    def analyze(self, text, date):
        return Analysis(match_names(text, self.NAMES), [], [])


@pytest.fixture(scope="module")
def alias_store(tmp_path_factory):
    d = tmp_path_factory.mktemp("alias")
    write_index(d, [
        article("full", "Gipfel", "Wladimir Putin und Donald Trump reden.", dt.date(2025, 10, 1)),
        article("bare", "Kreml", "Putin schweigt. Putin lacht. Trump auch.", dt.date(2025, 10, 2)),
        article("wife", "Besuch", "Melania Trump reist. Lawrow bleibt. Marco Rubio auch.", dt.date(2025, 10, 3)),
    ], _BareSurnames())
    return Store.open(d)


def test_bare_surname_joins_the_one_full_name_across_articles(alias_store):
    s = alias_store
    assert s.entity_keys("PER:Putin") == ["PER:Putin", "PER:Wladimir Putin"]
    assert s.entity_keys("PER:Wladimir Putin") == ["PER:Wladimir Putin", "PER:Putin"]
    for key in ("PER:Putin", "PER:Wladimir Putin"):
        info = s.entity_summary(key)
        assert (info.name, info.article_count, info.mention_count) == ("Wladimir Putin", 2, 3)
        assert [a.id for a in s.entity_articles(key)] == ["bare", "full"]
        assert [(m.summary.id, m.text) for m in s.entity_mentions(key)] == [
            ("bare", "Putin"), ("bare", "Putin"), ("full", "Wladimir Putin")]
    assert s.entity_summary("PER:Putin").aliases == ("PER:Wladimir Putin",)


def test_ambiguous_or_unknown_surnames_stay_apart(alias_store):
    s = alias_store
    # two Trumps in the corpus: the bare surname is not joined to either
    assert s.entity_keys("PER:Trump") == ["PER:Trump"]
    assert s.entity_keys("PER:Donald Trump") == ["PER:Donald Trump"]
    info = s.entity_summary("PER:Trump")
    assert (info.name, info.article_count, info.aliases) == ("Trump", 1, ())
    # no full name at all, no bare surname at all, and keys of other labels
    assert s.entity_keys("PER:Lawrow") == ["PER:Lawrow"]
    assert s.entity_keys("PER:Marco Rubio") == ["PER:Marco Rubio"]
    assert s.entity_summary("PER:Marco Rubio").aliases == ()
    assert s.entity_keys("LOC:Putin") == ["LOC:Putin"]
    assert s.entity_summary("PER:Niemand") is None


@pytest.mark.parametrize("dates", [
    [dt.date(2025, 3, 9), dt.date(1999, 12, 31), dt.date(2024, 10, 1)],  # the dates one after another
    [dt.date(2025, 3, 9), None, dt.date(2024, 10, 1), None],  # undated articles (empty values) between them
])
def test_sort_days_read_every_date(tmp_path, dates):
    from newsdesk.index.store.segment_arrays import sort_days

    write_index(tmp_path, [article(f"d{i}", f"T {i}", "Text.", d) for i, d in enumerate(dates)])
    s = Store.open(tmp_path)
    [(seg, _offset)] = s._leaves
    by_id = {s._summary(n).id: int(day) for n, day in enumerate(sort_days(seg))}
    assert by_id == {f"d{i}": (int(d.strftime("%Y%m%d")) if d else 0) for i, d in enumerate(dates)}


def test_open_reads_the_table_of_contents_once_and_a_refresh_again(tmp_path, monkeypatch):
    """Whoosh's open reads the table of contents and its first reader read it again: once now;
    a refresh after a commit, and a query needing the parser, still see the index as it is."""
    from whoosh.index import TOC

    write_index(tmp_path, ARTICLES[:2])
    reads = []
    read = TOC.read.__func__
    monkeypatch.setattr(TOC, "read", classmethod(lambda cls, *a, **k: reads.append(1) or read(cls, *a, **k)))
    store = Store.open(tmp_path)
    assert len(reads) == 1
    assert store.search("Putin OR Trump").total == 2  # the parser's schema is the reader's
    assert len(reads) == 1
    write_index(tmp_path, ARTICLES[2:])
    reads.clear()
    assert store.refresh() is True
    assert len(reads) == 1
    assert store.article_count() == 4 and store.search("Trump OR Strassen").total == 3
