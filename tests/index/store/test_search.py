from newsdesk.index.store.search import match_spans, snippet


def test_match_spans_find_inflected_and_folded_forms():
    text = "Die Gespräche in der Strasse; ein Gespräch über Russlands Zukunft."
    spans = match_spans(text, ["gesprach", "strass", "russland"])
    assert [text[s:e] for s, e in spans] == ["Gespräche", "Strasse", "Gespräch", "Russlands"]


def test_match_spans_without_terms():
    assert match_spans("Gespräche", []) == []


def test_snippet_marks_matches_and_keeps_spaces():
    text = "Erster Satz. " * 30 + "Hier ist das Gespräch mit Putin. " + "Letzter Satz. " * 30
    spans = match_spans(text, ["gesprach", "putin"])
    segs = snippet(text, spans, width=120)
    joined = "".join(s for s, _ in segs)
    assert joined.startswith("…") and joined.endswith("…")
    assert [s for s, m in segs if m] == ["Gespräch", "Putin"]
    assert " mit " in joined
    assert len(joined) <= 125


def test_snippet_without_matches_is_the_beginning_on_one_line():
    segs = snippet("Eins\n\nzwei drei", [])
    assert segs == [("Eins zwei drei", False)]


def test_match_spans_find_ae_oe_ue_spellings():
    from newsdesk.index.store.german import german_analyzer

    term = [t.text for t in german_analyzer()("München")]
    text = "In Muenchen, München und Munchen."
    assert [text[s:e] for s, e in match_spans(text, term)] == ["Muenchen", "München", "Munchen"]


def test_plain_queries_are_read_as_whoosh_reads_them():
    from newsdesk.index.store.schema import build_schema
    from newsdesk.index.store.search import _plain, make_parser

    parser = make_parser(build_schema())
    for text in ["Haushalt", "Bahn Kiel", "die Bahn", "Gespräche über Russlands Zukunft", "Straße München Muenchen",
                 "Bahn Bahn", "und oder", '"Bahn"', '"Olaf Scholz"', '"Kosten für die Rente" Bahn', 'Bahn "die Bahn"',
                 '"die"', '"Bahn Kiel" "Bahn Kiel"', '" Bahn  Kiel "', '"der Bahn" Bahn', "Bahn AND Kiel",
                 'Bahn AND "Olaf Scholz" Kiel', "Bahn AND Bahn", '"Olaf Scholz" AND Kiel AND Bahn', "die AND Bahn"]:
        assert _plain(text) == parser.parse(text).normalize(), text
    for text in ["Bahn OR Kiel", "Bahn AND AND Kiel", "Bahn ANDNOT Kiel", "title:Bahn", "Bahn*", "G7", "Neu-Delhi", "(Bahn)", '"Bahn Kiel"~2', 'Bahn"Kiel"']:
        assert _plain(text) is None, text
