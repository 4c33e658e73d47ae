import datetime as dt
import itertools
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from newsdesk.index.analysis import analyzer as analyzer_module
from newsdesk.index.analysis.analyzer import Analyzer, split_for_pipeline
from newsdesk.index.analysis.events import EVENTS_VERSION
from newsdesk.index.analysis.timex import TAGGER_VERSION
from newsdesk.index.annotations import Analysis

ROOT = Path(__file__).resolve().parents[3]
DCT = dt.date(2025, 10, 21)

# A small rule-based pipeline (no trained weights): sentences, STTS tags and
# entities for the words of TEXT, enough to run the whole analysis.
TAGS = {
    "Rubio": "NE", "und": "KON", "Lawrow": "NE", "hatten": "VAFIN", "am": "APPRART", "Montag": "NN",
    "telefoniert": "VVPP", ".": "$.", "Der": "ART", "Gipfel": "NN", "in": "APPR", "Budapest": "NE",
    "könnte": "VMFIN", "8.": "ADJA", "November": "NN", "stattfinden": "VVINF", ",": "$,",
    "sagte": "VVFIN", "Peskow": "NE",
}
ENTITIES = {"Rubio": "PER", "Lawrow": "PER", "Peskow": "PER", "Budapest": "LOC"}
TEXT = (
    "Rubio und Lawrow hatten am Montag telefoniert.\n\n"
    "Der Gipfel in Budapest könnte am 8. November stattfinden, sagte Peskow."
)


@Language.component("newsdesk_test_word_tags")
def word_tags(doc):
    for token in doc:
        token.tag_ = TAGS.get(token.text, "")
    return doc


@pytest.fixture(scope="module")
def rule_model(tmp_path_factory) -> str:
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("newsdesk_test_word_tags")
    nlp.add_pipe("entity_ruler").add_patterns([{"label": l, "pattern": w} for w, l in ENTITIES.items()])
    path = tmp_path_factory.mktemp("rule_model") / "pipeline"
    nlp.to_disk(path)
    return str(path)


@pytest.fixture(scope="module")
def analyzer(rule_model) -> Analyzer:
    return Analyzer(rule_model)


def test_importing_the_analysis_package_does_not_load_spacy():
    code = (
        "import sys, index.analysis, index.analysis.events, index.analysis.captions; "
        "assert 'spacy' not in sys.modules, 'spacy loaded'; "
        "assert callable(index.analysis.Analyzer); assert 'spacy' in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


def test_analyzer_is_cheap_to_make_and_loads_its_pipeline_on_use(rule_model):
    fresh = Analyzer(rule_model)
    assert fresh._nlp is None
    assert fresh.nlp.pipe_names == ["sentencizer", "newsdesk_test_word_tags", "entity_ruler"]


def test_analyze_finds_entities_timexes_and_events(analyzer):
    analysis = analyzer.analyze(TEXT, DCT)
    assert isinstance(analysis, Analysis)
    for item in analysis.entities + analysis.timexes + analysis.events:
        assert TEXT[item.start : item.end] == item.text
    assert [(e.text, e.label) for e in analysis.entities] == [
        ("Rubio", "PER"), ("Lawrow", "PER"), ("Budapest", "LOC"), ("Peskow", "PER")
    ]
    dates = {e.date: e for e in analysis.events}
    assert set(dates) == {"2025-10-20", "2025-11-08"}
    keys = {e.text: e.key for e in analysis.entities}
    assert dates["2025-10-20"].who == [keys["Rubio"], keys["Lawrow"]]
    assert dates["2025-11-08"].where == [keys["Budapest"]]
    assert "stattfinden" in dates["2025-11-08"].what
    assert [e.date for e in analysis.events] == sorted(e.date for e in analysis.events)


def test_analyze_many_gives_the_same_results_as_analyze_whatever_the_batch(analyzer):
    texts = [(TEXT, DCT), ("", None), ("Peskow sagte am Montag nichts.", dt.date(2025, 10, 22)), (TEXT, None)]
    one_by_one = [analyzer.analyze(text, date).to_dict() for text, date in texts]
    for batch_size in (1, 2, 64):
        assert [a.to_dict() for a in analyzer.analyze_many(texts, batch_size=batch_size)] == one_by_one
    assert one_by_one[1] == Analysis().to_dict()


def test_analyze_many_streams_its_input(analyzer):
    endless = ((f"{TEXT} Nummer {n}.", DCT) for n in itertools.count())
    results = list(itertools.islice(analyzer.analyze_many(endless, batch_size=4), 10))
    assert len(results) == 10
    assert all(len(a.events) == 2 for a in results)


def test_long_text_is_analysed_in_pieces_with_offsets_into_the_whole_text(analyzer, monkeypatch):
    paragraphs = [TEXT] * 12
    long_text = "\n\n".join(paragraphs)
    whole = analyzer.analyze(long_text, DCT)
    monkeypatch.setattr(analyzer_module, "MAX_PIECE_CHARS", 300)
    assert analyzer.piece_limit == 300
    pieces = analyzer.analyze(long_text, DCT)
    for item in pieces.entities + pieces.timexes + pieces.events:
        assert long_text[item.start : item.end] == item.text
    for event in pieces.events:
        assert long_text[event.timex_start : event.timex_end] in ("Montag", "8. November")
    assert pieces.to_dict() == whole.to_dict()
    assert len(pieces.events) == 24


def test_signature_names_pipeline_tagger_and_events_versions(analyzer):
    from newsdesk.index.analysis.pipeline import pipeline_signature

    signature = analyzer.signature
    assert pipeline_signature(analyzer.nlp) in signature
    assert TAGGER_VERSION in signature and f"events {EVENTS_VERSION}" in signature
    assert Analyzer(analyzer.model).signature == signature


def test_split_for_pipeline_keeps_short_texts_whole():
    assert split_for_pipeline("", 10) == [(0, 0)]
    assert split_for_pipeline("kurz", 10) == [(0, 4)]


def _check_cover(text, spans, limit):
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))
    assert all(0 < end - start <= limit for start, end in spans)


def test_split_for_pipeline_cuts_after_paragraphs_then_sentences_then_spaces():
    text = "Erster Absatz hier.\n\nZweiter Absatz. Mit zwei Sätzen.\n\nDritter."
    spans = split_for_pipeline(text, 40)
    _check_cover(text, spans, 40)
    assert text[spans[0][0] : spans[0][1]] == "Erster Absatz hier.\n\n"
    sentences = "Ein Satz hier. Noch ein Satz da. Und ein dritter Satz."
    spans = split_for_pipeline(sentences, 35)
    _check_cover(sentences, spans, 35)
    assert sentences[: spans[0][1]] == "Ein Satz hier. Noch ein Satz da. "
    words = "eins zwei drei vier fünf sechs"
    spans = split_for_pipeline(words, 12)
    _check_cover(words, spans, 12)
    assert words[: spans[0][1]] == "eins zwei "
    blob = "x" * 25
    spans = split_for_pipeline(blob, 10)
    assert spans == [(0, 10), (10, 20), (20, 25)]
    with pytest.raises(ValueError):
        split_for_pipeline("abc", 0)


# --- the bundled pipeline on the seed articles ---------------------------------------


@pytest.fixture(scope="module")
def seeds():
    from newsdesk.index.analysis.pipeline import ModelNotFoundError, load_pipeline
    from newsdesk.index.ingest import read_file

    try:
        load_pipeline()
    except ModelNotFoundError as exc:
        pytest.skip(str(exc))
    articles = {path.name[:3]: next(read_file(path)) for path in sorted((ROOT / "seeds").glob("*.txt"))}
    analyzer = Analyzer()
    return {name: (a, analyzer.analyze(a.text, a.date)) for name, a in articles.items()}


def _event(article, analysis, phrase):
    """The event whose source text holds ``phrase``."""
    found = [e for e in analysis.events if phrase in e.text]
    assert found, f"no event for {phrase!r}: {[e.text for e in analysis.events]}"
    return found[0]


def _key_at(article, analysis, event, name):
    """The key of the entity that covers ``name`` inside the event's text."""
    start = article.text.index(name, event.start)
    keys = [e.key for e in analysis.entities if e.start <= start < e.end]
    assert keys, f"{name!r} is not an entity"
    return keys[0]


def test_seed_000_events(seeds):
    article, analysis = seeds["000"]
    assert article.date == DCT
    call = _event(article, analysis, "Rubio und Lawrow hatten am Montag telefoniert")
    assert (call.date, call.granularity) == ("2025-10-20", "day")
    assert _key_at(article, analysis, call, "Rubio") in call.who
    assert _key_at(article, analysis, call, "Lawrow") in call.who
    assert "telefoniert" in call.what
    summit = _event(article, analysis, "am 8. November stattfinden")
    assert (summit.date, summit.granularity) == ("2025-11-08", "day")
    assert _key_at(article, analysis, summit, "Budapest") in summit.where
    assert "stattfinden" in summit.what
    assert len(summit.what.split()) <= 12


def test_seed_003_events_and_captions(seeds):
    article, analysis = seeds["003"]
    visit = _event(article, analysis, "Selenskyj wird am Freitag zu einem Treffen mit Trump im Weißen Haus erwartet")
    assert (visit.date, visit.granularity) == ("2025-10-17", "day")
    alaska = _event(article, analysis, "Mitte August im US-Bundesstaat Alaska getroffen")
    assert (alaska.date, alaska.granularity) == ("2025-08-01", "month")
    assert _key_at(article, analysis, alaska, "Alaska") in alaska.where
    captions = [p for p in article.paragraphs if p.kind == "caption"]
    assert len(captions) == 4
    for event in analysis.events:
        assert not any(p.start <= event.timex_start < p.end for p in captions), event
    stamped = {t.value for t in analysis.timexes}
    assert {"2025-09-10", "2025-10-03"} & stamped, "the caption dates are still found as dates"
    assert not {"2025-09-10", "2025-10-03", "2025-08-18"} & {e.date for e in analysis.events}


def test_seed_analysis_is_the_same_batched_and_alone(seeds):
    items = [(a.text, a.date) for a, _ in seeds.values()]
    batched = [x.to_dict() for x in Analyzer().analyze_many(items * 3, batch_size=4)]
    assert batched == [x.to_dict() for _, x in seeds.values()] * 3


# --- the bundled pipeline on dates before Christ ---------------------------------------

BEFORE_CHRIST = (
    "Hethiter-Schwert in Ankara vorgestellt\n\n"
    "Gestern wurde das Schwert in Ankara vorgestellt. "
    "Von 1500 bis 1200 v. Chr. herrschten die Hethiter über weite Teile Anatoliens. "
    "Um 1500 v. Chr. gründeten sie die Stadt Hattusa. "
    "Archäologen fanden dort ein Schwert aus dem 14. Jahrhundert v. Chr. "
    "Im Frühjahr 479 v. Chr. zogen die Spartaner nach Norden. "
    "Karthago wurde 146 v. Chr. von den Römern zerstört."
)


@pytest.fixture(scope="module")
def bundled():
    from newsdesk.index.analysis.pipeline import ModelNotFoundError, load_pipeline

    try:
        load_pipeline()
    except ModelNotFoundError as exc:
        pytest.skip(str(exc))
    return Analyzer()


def test_events_before_christ_are_listed_in_chronological_order(bundled):
    analysis = bundled.analyze(BEFORE_CHRIST, dt.date(2025, 3, 5))
    events = [(e.value, e.date, e.granularity, e.when) for e in analysis.events]
    assert events == [
        ("BC1500", "-1499-01-01", "year", "1500 – 1200 v. Chr."),
        ("BC1500", "-1499-01-01", "year", "1500 v. Chr."),
        ("BC0479-SP", "-0478-03-01", "season", "Frühjahr 479 v. Chr."),
        ("BC0146", "-0145-01-01", "year", "146 v. Chr."),
        ("2025-03-04", "2025-03-04", "day", "4. März 2025"),
    ]
    # the range is one event, its end after its start
    span = analysis.events[0]
    assert (span.end_value, span.end_date) == ("BC1200", "-1199-12-31")
    assert "Hethiter" in span.what and "herrschten" in span.what
    # where the sword comes from is no event; the spring campaign is not planned (it lies before publication)
    assert not any(e.value == "BC13" for e in analysis.events)
    assert all(e.status == "asserted" for e in analysis.events)
    # the publication date still anchors "gestern", after the years before Christ too
    assert [(t.text, t.value) for t in analysis.timexes][0] == ("Gestern", "2025-03-04")
    late = bundled.analyze(BEFORE_CHRIST + " Am Montag soll das Schwert nach Berlin reisen.", dt.date(2025, 3, 5))
    assert late.timexes[-1].value == "2025-03-10" and late.events[-1].status == "planned"
