import datetime as dt

import pytest
import spacy

from newsdesk.index.analysis.events import extract_events, period_start
from newsdesk.index.analysis.headline import MAX_LINE_WORDS as MAX_WHAT_WORDS
from newsdesk.index.annotations import Timex

from .handmade import entities_of, make_doc, timex_at

RUBIO = (
    "Rubio/NE/PER und/KON Lawrow/NE/PER hatten/VAFIN am/APPRART Montag/NN telefoniert/VVPP ./$. || "
    "Dieses/PDAT Gespräch/NN werde/VAFIN nun/ADV nachbereitet/VVPP ./$."
)
GIPFEL = (
    "Aus/APPR diplomatischen/ADJA Kreisen/NN tönt/VVFIN es/PPER ,/$, der/ART Gipfel/NN zwischen/APPR "
    "Trump/NE/PER und/KON Putin/NE/PER in/APPR Budapest/NE/LOC könnte/VMFIN am/APPRART 8./ADJA "
    "November/NN stattfinden/VVINF ./$."
)
TWO_DATES = (
    "Rubio/NE/PER und/KON Lawrow/NE/PER könnten/VMFIN aber/ADV diese/PDAT Woche/NN noch/ADV einmal/ADV "
    "telefonieren/VVINF ,/$, nachdem/KOUS sie/PPER am/APPRART Montag/NN ein/ART von/APPR Russland/NE/LOC "
    "als/APPR konstruktiv/ADJD bezeichnetes/ADJA Telefonat/NN geführt/VVPP hätten/VAFIN ./$."
)
ALASKA = (
    "Trump/NE/PER und/KON Putin/NE/PER hatten/VAFIN sich/PRF Mitte/NN August/NN im/APPRART "
    "US-Bundesstaat/NN Alaska/NE/LOC getroffen/VVPP ./$."
)
SELENSKYJ = (
    "Selenskyj/NE/PER wird/VAFIN am/APPRART Freitag/NN zu/APPR einem/ART Treffen/NN mit/APPR Trump/NE/PER "
    "im/APPRART Weißen/ADJA/LOC Haus/NN/LOC erwartet/VVPP ./$."
)
VIDEO_CAPTION = (
    "Trump/NE/PER hatte/VAFIN bereits/ADV im/APPRART September/NN angekündigt/VVPP ,/$, wieder/ADV mit/APPR "
    "Putin/NE/PER sprechen/VVINF zu/PTKZU wollen/VMINF 10.09.2025/CARD |/$( 0:21/CARD min/NN"
)
PHOTO_CAPTION = (
    "Zeigt/VVFIN sich/PRF am/APPRART Montag/NN zufrieden/ADJD :/$. Donald/NE/PER Trump/NE/PER ./$. || "
    "(/$( Archivbild/NN )/$( Quelle/NN :/$. AP/NE/ORG"
)


@pytest.mark.parametrize(
    "value, date, granularity",
    [
        ("2025-10-20", "2025-10-20", "day"),
        ("2025-10-20TEV", "2025-10-20", "day"),
        ("2025-10-20T14:30", "2025-10-20", "day"),
        ("2025-W43", "2025-10-20", "week"),
        ("2025-W43-5", "2025-10-24", "day"),
        ("2025-W42-WE", "2025-10-18", "weekend"),
        ("2025-08", "2025-08-01", "month"),
        ("2025-Q3", "2025-07-01", "quarter"),
        ("2025-SU", "2025-06-01", "season"),
        ("2025-WI", "2025-12-01", "season"),
        ("2025-H2", "2025-07-01", "half"),
        ("2025", "2025-01-01", "year"),
        ("202", "2020-01-01", "decade"),
        ("19", "1900-01-01", "century"),
    ],
)
def test_period_start_maps_timex3_values_to_the_first_day_and_granularity(value, date, granularity):
    assert period_start(value) == (dt.date.fromisoformat(date), granularity)


@pytest.mark.parametrize(
    "value",
    ["P2W", "XXXX-WXX-1", "PAST_REF", "PRESENT_REF", "XXXX-10-20", "2025-10-XX", "2025-13", "2025-02-30", "2025-W54", "00", ""],
)
def test_period_start_rejects_values_without_a_calendar_date(value):
    assert period_start(value) is None


def test_event_of_a_dated_sentence():
    doc = make_doc(RUBIO)
    timex = timex_at(doc, "am Montag", "2025-10-20")
    (event,) = extract_events(doc, [timex], entities_of(doc))
    assert (event.date, event.granularity, event.value) == ("2025-10-20", "day", "2025-10-20")
    assert event.text == "Rubio und Lawrow hatten am Montag telefoniert."
    assert doc.text[event.start : event.end] == event.text
    assert (event.timex_start, event.timex_end) == (timex.start, timex.end)
    assert event.who == ["PER:Rubio", "PER:Lawrow"]
    assert event.where == []
    assert event.what == "Rubio und Lawrow hatten telefoniert"


def test_event_is_the_clause_with_the_date_and_its_place():
    doc = make_doc(GIPFEL)
    (event,) = extract_events(doc, [timex_at(doc, "am 8. November", "2025-11-08")], entities_of(doc))
    assert event.text == "der Gipfel zwischen Trump und Putin in Budapest könnte am 8. November stattfinden."
    assert event.date == "2025-11-08"
    assert event.where == ["LOC:Budapest"]
    assert event.who == ["PER:Trump", "PER:Putin"]
    assert event.what.startswith("Gipfel") and event.what.endswith("stattfinden")
    assert "tönt" not in event.what and "November" not in event.what


def test_one_event_per_date_in_a_sentence_each_with_its_clause():
    doc = make_doc(TWO_DATES)
    week = timex_at(doc, "diese Woche", "2025-W43")
    monday = timex_at(doc, "am Montag", "2025-10-20")
    events = extract_events(doc, [week, monday], entities_of(doc))
    assert [(e.date, e.granularity) for e in events] == [("2025-10-20", "week"), ("2025-10-20", "day")]
    this_week, on_monday = events
    assert this_week.text == "Rubio und Lawrow könnten aber diese Woche noch einmal telefonieren"
    assert "telefonieren" in this_week.what and "Rubio und Lawrow" in this_week.what
    assert on_monday.text.startswith("nachdem sie am Montag")
    assert "geführt" in on_monday.what and "Telefonat" in on_monday.what
    # a plural "sie" stands for the people its sentence named before it
    assert on_monday.who == ["PER:Rubio", "PER:Lawrow"]
    assert this_week.status == "planned" and on_monday.status == "reported"
    assert on_monday.where == ["LOC:Russland"]


def test_month_event_keeps_its_mod_free_period_start_and_place():
    doc = make_doc(ALASKA)
    timex = timex_at(doc, "Mitte August", "2025-08", mod="MID")
    (event,) = extract_events(doc, [timex], entities_of(doc))
    assert (event.date, event.granularity, event.value) == ("2025-08-01", "month", "2025-08")
    assert event.where == ["LOC:Alaska"]
    assert event.what == "Trump und Putin hatten sich im US-Bundesstaat Alaska getroffen"


def test_object_with_preposition_and_name_adjective():
    doc = make_doc(SELENSKYJ)
    (event,) = extract_events(doc, [timex_at(doc, "am Freitag", "2025-10-17")], entities_of(doc))
    assert event.date == "2025-10-17"
    assert event.what == "Selenskyj wird im Weißen Haus erwartet"
    assert event.who == ["PER:Selenskyj", "PER:Trump"]
    assert event.where == ["LOC:Weißen Haus"]


def test_separable_particle_and_negation_are_kept():
    doc = make_doc(
        "Trump/NE/PER kündigte/VVFIN am/APPRART Montag/NN ein/ART Treffen/NN an/PTKVZ ./$. || "
        "Das/ART Treffen/NN werde/VAFIN vorerst/ADV nicht/PTKNEG stattfinden/VVINF ,/$, "
        "hieß/VVFIN es/PPER am/APPRART Dienstag/NN ./$."
    )
    events = extract_events(
        doc,
        [timex_at(doc, "am Montag", "2025-10-20"), timex_at(doc, "am Dienstag", "2025-10-21")],
        entities_of(doc),
    )
    assert [e.what for e in events] == ["Trump kündigte Treffen an", "hieß es: Treffen werde nicht stattfinden"]
    doc2 = make_doc("Das/ART Treffen/NN werde/VAFIN am/APPRART Freitag/NN nicht/PTKNEG stattfinden/VVINF ./$.")
    (event,) = extract_events(doc2, [timex_at(doc2, "am Freitag", "2025-10-24")], [])
    assert event.what == "Treffen werde nicht stattfinden"
    assert event.status == "negated"


def test_dates_in_media_captions_make_no_events():
    doc = make_doc(ALASKA, VIDEO_CAPTION, PHOTO_CAPTION)
    timexes = [
        timex_at(doc, "Mitte August", "2025-08", mod="MID"),
        timex_at(doc, "im September", "2025-09"),
        timex_at(doc, "10.09.2025", "2025-09-10"),
        timex_at(doc, "am Montag", "2025-10-20"),
    ]
    events = extract_events(doc, timexes, entities_of(doc))
    assert [e.value for e in events] == ["2025-08"]


def test_only_dated_date_and_time_expressions_make_events():
    doc = make_doc(RUBIO)
    start = doc.text.index("am Montag")
    timexes = [
        Timex(start, start + 9, "am Montag", "DURATION", "P1D"),
        Timex(start, start + 9, "am Montag", "SET", "XXXX-WXX-1"),
        Timex(start, start + 9, "am Montag", "DATE", "PAST_REF"),
        Timex(start, start + 9, "am Montag", "DATE", "XXXX-WXX-1"),
    ]
    assert extract_events(doc, timexes, entities_of(doc)) == []
    (event,) = extract_events(doc, [Timex(start, start + 9, "am Montag", "TIME", "2025-10-20TEV")], [])
    assert (event.date, event.granularity) == ("2025-10-20", "day")


def test_same_expression_twice_gives_one_event_and_events_sort_by_date():
    doc = make_doc(RUBIO, ALASKA)
    monday = timex_at(doc, "am Montag", "2025-10-20")
    august = timex_at(doc, "Mitte August", "2025-08", mod="MID")
    events = extract_events(doc, [monday, monday, august], entities_of(doc))
    assert [e.date for e in events] == ["2025-08-01", "2025-10-20"]


def test_what_stays_short_for_long_clauses():
    nouns = " ".join(f"Wort{n}/NN" for n in range(30))
    doc = make_doc(f"Die/ART Kommission/NN hat/VAFIN am/APPRART Montag/NN {nouns} beschlossen/VVPP ./$.")
    (event,) = extract_events(doc, [timex_at(doc, "am Montag", "2025-10-20")], [])
    words = [w for w in event.what.split() if w != "…"]
    assert len(words) <= MAX_WHAT_WORDS
    assert words[-1] == "beschlossen" and "Kommission" in words


def test_sentence_without_verb_is_described_by_its_nouns():
    doc = make_doc("Gipfel/NN in/APPR Budapest/NE/LOC am/APPRART 8./ADJA November/NN")
    (event,) = extract_events(doc, [timex_at(doc, "am 8. November", "2025-11-08")], entities_of(doc))
    assert event.what == "Gipfel in Budapest"
    assert event.where == ["LOC:Budapest"]


def test_untagged_doc_without_sentences_uses_the_paragraph():
    nlp = spacy.blank("de")
    doc = nlp("Erster Absatz ohne Datum.\n\nDas Treffen ist am 8. November.")
    (event,) = extract_events(doc, [timex_at(doc, "am 8. November", "2025-11-08")], [])
    assert event.text == "Das Treffen ist am 8. November."
    assert event.what
    assert event.date == "2025-11-08"


def test_empty_doc_has_no_events():
    assert extract_events(spacy.blank("de")(""), [], []) == []


def test_expression_cut_by_the_sentence_splitter_keeps_its_whole_clause():
    doc = make_doc(
        "Der/ART Gipfel/NN könnte/VMFIN am/APPRART 8./ADJA || November/NN stattfinden/VVINF ./$."
    )
    (event,) = extract_events(doc, [timex_at(doc, "am 8. November", "2025-11-08")], [])
    assert event.text == "Der Gipfel könnte am 8. November stattfinden."
    assert event.what == "Gipfel könnte stattfinden"


def test_names_inside_dates_take_no_part_and_other_dates_are_not_described():
    doc = make_doc(
        "Trump/NE/PER und/KON Putin/NE/PER hatten/VAFIN sich/PRF Mitte/NN August/NN/PER im/APPRART "
        "Alaska/NE/LOC getroffen/VVPP ./$. || "
        "Er/PPER werde/VAFIN den/ART Krieg/NN im/APPRART Januar/NN innerhalb/APPR von/APPR 24/CARD "
        "Stunden/NN beenden/VVINF ./$."
    )
    timexes = [
        timex_at(doc, "Mitte August", "2025-08", mod="MID"),
        timex_at(doc, "Januar", "2025-01"),
        timex_at(doc, "24 Stunden", "PT24H", type="DURATION"),
    ]
    january, august = extract_events(doc, timexes, entities_of(doc))
    assert august.who == ["PER:Trump", "PER:Putin"]
    # "Er" is the person the sentence before names first
    assert january.what == "Trump werde Krieg beenden"
    assert january.who == ["PER:Trump"]
    assert "Stunden" not in january.what and "PER:August" not in august.who


def test_a_pronoun_before_the_first_noun_is_the_subject():
    doc = make_doc(
        "Nachdem/KOUS sie/PPER am/APPRART Montag/NN ein/ART Telefonat/NN geführt/VVPP hatten/VAFIN ,/$, "
        "reisten/VVFIN sie/PPER ab/PTKVZ ./$."
    )
    (event,) = extract_events(doc, [timex_at(doc, "am Montag", "2025-10-20")], [])
    assert event.what == "sie hatten Telefonat geführt"


def test_a_mistagged_modal_is_the_finite_verb_after_fronted_verbs():
    doc = make_doc(
        "Vorbereitet/VVPP werden/VAFIN solle/VVFIN das/ART Treffen/NN in/APPR der/ART kommenden/ADJA "
        "Woche/NN ./$. || "
        "Am/APPRART Wochenende/NN hatte/VAFIN Trump/NE/PER mit/APPR dem/ART ukrainischen/ADJA "
        "Präsidenten/NN Selenskyj/NE/PER gesagt/VVPP ./$."
    )
    timexes = [timex_at(doc, "der kommenden Woche", "2025-W43"), timex_at(doc, "Wochenende", "2025-W41-WE")]
    weekend, week = extract_events(doc, timexes, entities_of(doc))
    assert week.what == "Treffen solle vorbereitet werden"
    assert weekend.what == "Trump hatte mit dem ukrainischen Präsidenten Selenskyj gesagt"


def test_expressions_naming_one_day_in_one_clause_make_one_event():
    doc = make_doc(
        "Der/ART Verein/NN lädt/VVFIN am/APPRART Donnerstag/NN ,/$, 25./ADJA Februar/NN um/APPR 20.30/CARD "
        "Uhr/NN nach/APPR Bozen/NE/LOC ./$."
    )
    timexes = [
        timex_at(doc, "Donnerstag", "2010-02-25"),
        timex_at(doc, "25. Februar", "2010-02-25"),
        timex_at(doc, "25. Februar um 20.30 Uhr", "2010-02-25T20:30", type="TIME"),
    ]
    (event,) = extract_events(doc, timexes, entities_of(doc))
    assert (event.value, event.timex_start) == ("2010-02-25", timexes[0].start)
    assert event.text == doc.text and event.where == ["LOC:Bozen"]


def test_a_coordinated_subject_after_a_fronted_date_comes_first():
    doc = make_doc(
        "Am/APPRART Montag/NN trafen/VVFIN sich/PRF Präsident/NN Karl/NE/PER Huber/NE/PER und/KON "
        "Direktor/NN Anna/NE/PER Berger/NE/PER ./$."
    )
    (event,) = extract_events(doc, [timex_at(doc, "Am Montag", "2025-10-20")], entities_of(doc))
    assert event.what == "Präsident Karl Huber und Direktor Anna Berger trafen sich"
    assert event.who == ["PER:Karl Huber", "PER:Anna Berger"]


# --- which dates make no event ---------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, phrase, value",
    [
        # a comparison
        ("Die/ART Zahl/NN ist/VAFIN gegenüber/APPR 2019/CARD gestiegen/VVPP ./$.", "2019", "2019"),
        ("Die/ART Beteiligung/NN war/VAFIN niedriger/ADJD als/KOKOM 2015/CARD ./$.", "2015", "2015"),
        # a reference to a thing of that date
        ("Die/ART Zahl/NN liegt/VVFIN unter/APPR der/PDS von/APPR 2017/CARD ./$.", "2017", "2017"),
        # an origin
        ("Das/ART Gebäude/NN stammt/VVFIN aus/APPR dem/ART Jahr/NN 1905/CARD ./$.", "dem Jahr 1905", "1905"),
        # a generic period
        (
            "Am/APPRART 1./ADJA Oktober/NN beginnt/VVFIN eine/ART Schau/NN über/APPR den/ART Sound/NN "
            "der/ART 80er/ADJA Jahre/NN ./$.",
            "der 80er Jahre",
            "198",
        ),
        # a state, a negated state
        ("Die/ART Stadt/NN ist/VAFIN heute/ADV eine/ART Metropole/NN ./$.", "heute", "2025-10-21"),
        ("Das/ART Geld/NN ist/VAFIN bis/APPR heute/ADV nicht/PTKNEG aufgetaucht/VVPP ./$.", "heute", "2025-10-21"),
        # what lasts until a date
        ("Die/ART Schau/NN läuft/VVFIN bis/APPR zum/APPRART 31./ADJA Januar/NN ./$.", "31. Januar", "2026-01-31"),
        # a state or a trend since a year
        ("Die/ART Zahl/NN ist/VAFIN seit/APPR 2019/CARD rückläufig/ADJD ./$.", "2019", "2019"),
        ("Der/ART Verkehr/NN nimmt/VVFIN seit/APPR dem/ART Jahr/NN 2015/CARD zu/PTKVZ ./$.", "dem Jahr 2015", "2015"),
        # a yearly statistic
        ("2022/CARD wurden/VAFIN 340/CARD Unfälle/NN gezählt/VVPP ./$.", "2022", "2022"),
        ("2023/CARD waren/VAFIN es/PPER noch/ADV 35/CARD ./$.", "2023", "2023"),
        # what should have happened and did not (a past subjunctive with a modal's infinitive)
        ("Die/ART Konferenz/NN hätte/VAFIN eigentlich/ADV am/APPRART Freitag/NN enden/VVINF sollen/VMINF ./$.",
         "Freitag", "2025-10-17"),
        ("Man/PIS hätte/VAFIN am/APPRART Montag/NN handeln/VVINF müssen/VMFIN ./$.", "Montag", "2025-10-20"),
        # a heading of place and date
        ("Lexington/NE ,/$, 19./ADJA April/NN 1775/CARD", "19. April 1775", "1775-04-19"),
    ],
)
def test_comparisons_references_origins_generic_periods_and_states_make_no_event(sentence, phrase, value):
    doc = make_doc(sentence)
    events = extract_events(doc, [timex_at(doc, phrase, value)], [])
    assert [e.value for e in events if e.value == value] == []


def test_the_first_of_two_dates_in_a_sentence_still_makes_its_event():
    # (a decision: "Die Zahl ist 2024 gegenüber 2019 gestiegen" is a yearly figure, no event at all)
    doc = make_doc("Die/ART Stadt/NN hat/VAFIN 2024/CARD gegenüber/APPR 2019/CARD die/ART Gebühren/NN gesenkt/VVPP ./$.")
    events = extract_events(doc, [timex_at(doc, "2024", "2024"), timex_at(doc, "2019", "2019")], [])
    assert [e.value for e in events] == ["2024"]
    doc = make_doc("Die/ART Zahl/NN ist/VAFIN 2024/CARD gegenüber/APPR 2019/CARD gestiegen/VVPP ./$.")
    assert extract_events(doc, [timex_at(doc, "2024", "2024"), timex_at(doc, "2019", "2019")], []) == []


def test_a_range_is_one_event_with_its_end():
    doc = make_doc(
        "Balldini/NE/PER kommt/VVFIN vom/APPRART 5./ADJA bis/APPR 22./ADJA November/NN nach/APPR "
        "Bozen/NE/LOC ./$."
    )
    timexes = [timex_at(doc, "5.", "2013-11-05"), timex_at(doc, "22. November", "2013-11-22")]
    (event,) = extract_events(doc, timexes, entities_of(doc))
    assert (event.date, event.end_date, event.end_value) == ("2013-11-05", "2013-11-22", "2013-11-22")
    assert event.when.endswith("22. November 2013") and event.when.startswith("5.")
    assert event.what == "Balldini kommt nach Bozen"


# --- status ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, phrase, value, status",
    [
        ("Die/ART Armee/NN soll/VMFIN bis/APPR Freitag/NN Zelte/NN bringen/VVINF ./$.", "Freitag", "2025-10-24", "planned"),
        ("Das/ART Kabinett/NN billigte/VVFIN am/APPRART Montag/NN die/ART Pässe/NN ./$.", "am Montag", "2025-10-20", "asserted"),
        ("Der/ART Gipfel/NN findet/VVFIN am/APPRART Freitag/NN statt/PTKVZ ./$.", "am Freitag", "2025-10-24", "planned"),
        (
            "Laut/APPR Polizei/NN wurde/VAFIN am/APPRART Montag/NN ein/ART Auto/NN gestohlen/VVPP ./$.",
            "am Montag",
            "2025-10-20",
            "reported",
        ),
        (
            "Die/ART Sitzung/NN fand/VVFIN am/APPRART Montag/NN nicht/PTKNEG statt/PTKVZ ./$.",
            "am Montag",
            "2025-10-20",
            "negated",
        ),
    ],
)
def test_status_from_the_text_and_the_publication_date(sentence, phrase, value, status):
    doc = make_doc(sentence)
    (event,) = extract_events(doc, [timex_at(doc, phrase, value)], [], published=dt.date(2025, 10, 21))
    assert event.status == status


def test_a_reported_event_names_its_source():
    doc = make_doc(
        "Dreesen/NE/PER sagte/VVFIN ,/$, die/ART Entscheidung/NN sei/VAFIN am/APPRART Samstag/NN "
        "gefallen/VVPP ./$."
    )
    (event,) = extract_events(doc, [timex_at(doc, "am Samstag", "2025-10-18")], entities_of(doc))
    assert event.status == "reported"
    assert event.what == "Entscheidung sei gefallen"
    assert event.who == ["PER:Dreesen"]
    assert event.sentence_start == 0 and event.sentence_end == len(doc.text)


# --- the main event of a lead without a date --------------------------------------------------------

QUAKE = (
    "Ein/ART Erdbeben/NN der/ART Stärke/NN 7,4/CARD hat/VAFIN den/ART Süden/NN Mexikos/NE/LOC "
    "erschüttert/VVPP ./$."
)


def test_a_lead_without_a_date_gets_an_inferred_event_on_the_publication_date():
    doc = make_doc(QUAKE, "Präsidentin/NN Sheinbaum/NE/PER rief/VVFIN am/APPRART Dienstag/NN den/ART Notstand/NN aus/PTKVZ ./$.")
    timex = timex_at(doc, "am Dienstag", "2024-03-12")
    events = extract_events(doc, [timex], entities_of(doc), published=dt.date(2024, 3, 12))
    lead = [e for e in events if e.inferred]
    assert len(lead) == 1 and len(events) == 2
    (lead,) = lead
    assert (lead.date, lead.granularity, lead.value) == ("2024-03-12", "day", "2024-03-12")
    assert (lead.timex_start, lead.timex_end) == (-1, -1)
    assert lead.what == "Erdbeben der Stärke 7,4 hat Süden Mexikos erschüttert"
    assert lead.where == ["LOC:Mexikos"]
    assert doc.text[lead.sentence_start : lead.sentence_end] == doc.text.split("\n\n")[0]


def test_no_inferred_event_when_the_lead_has_a_date_or_no_news_or_no_publication_date():
    dated = make_doc("Das/ART Erdbeben/NN hat/VAFIN am/APPRART Montag/NN Mexiko/NE/LOC erschüttert/VVPP ./$.")
    events = extract_events(dated, [timex_at(dated, "am Montag", "2024-03-11")], [], published=dt.date(2024, 3, 12))
    assert not any(e.inferred for e in events)
    assert extract_events(make_doc(QUAKE), [], []) == []  # no publication date
    we = make_doc("Wir/PPER nutzen/VVFIN künstliche/ADJA Intelligenz/NN für/APPR Zusammenfassungen/NN ./$.")
    assert extract_events(we, [], [], published=dt.date(2025, 10, 21)) == []
    state = make_doc("Die/ART Firma/NN ist/VAFIN ein/ART starker/ADJA Partner/NN der/ART Bank/NN ./$.")
    assert extract_events(state, [], [], published=dt.date(2025, 10, 21)) == []


# --- who and where -----------------------------------------------------------------------------------


def test_a_pronoun_subject_is_the_person_named_first_in_the_sentence_before():
    doc = make_doc(
        "Bürgermeister/NN Paul/NE/PER Rösch/NE/PER räumte/VVFIN seine/PPOSAT Niederlage/NN mit/APPR "
        "Anna/NE/PER Berger/NE/PER ein/PTKVZ ./$. || "
        "Er/PPER war/VAFIN 2015/CARD ins/APPRART Amt/NN gewählt/VVPP worden/VAPP ./$."
    )
    (event,) = extract_events(doc, [timex_at(doc, "2015", "2015")], entities_of(doc))
    assert event.who == ["PER:Paul Rösch"]
    assert event.what == "Rösch war ins Amt gewählt worden"


def test_an_organisation_without_a_name_and_the_dateline_place():
    doc = make_doc(
        "BOZEN/NE/LOC ./$. || Das/ART Bundeskabinett/NN hat/VAFIN am/APPRART Mittwoch/NN biometrische/ADJA "
        "Pässe/NN beschlossen/VVPP ./$."
    )
    (event,) = extract_events(doc, [timex_at(doc, "am Mittwoch", "2022-06-08")], entities_of(doc))
    assert event.what == "Bundeskabinett hat biometrische Pässe beschlossen"
    assert event.who == ["ORG:Bundeskabinett"]
    assert event.where == ["LOC:BOZEN"]


# --- the line in German word order ------------------------------------------------------------------


def test_a_relative_clause_is_written_in_main_clause_order_with_its_antecedent():
    doc = make_doc(
        "Die/ART Seligsprechung/NN von/APPR Papst/NN Johannes/NE/PER Paul/NE/PER ,/$, die/PRELS am/APPRART "
        "1./ADJA Mai/NN stattfindet/VVFIN ,/$, ist/VAFIN ein/ART Fest/NN ./$."
    )
    (event,) = extract_events(doc, [timex_at(doc, "am 1. Mai", "2011-05-01")], entities_of(doc))
    assert event.what == "Seligsprechung von Papst Johannes Paul findet statt"


def test_a_verb_final_clause_puts_its_finite_verb_second():
    doc = make_doc(
        "Er/PPER sagte/VVFIN ,/$, dass/KOUS die/ART Schulen/NN bis/APPR Donnerstag/NN geschlossen/VVPP "
        "bleiben/VVINF ./$."
    )
    (event,) = extract_events(doc, [timex_at(doc, "Donnerstag", "2024-06-06")], [])
    assert event.what == "Schulen bleiben geschlossen"


@pytest.mark.parametrize("previous, sentence, phrase, value, what", [
    ("Die/ART Halle/NN war/VAFIN eröffnet/VVPP worden/VAPP ./$.",
     "Der/ART Besitzer/NN will/VMFIN sie/PPER bis/APPR zum/APPRART Sommer/NN wieder/ADV aufbauen/VVINF ./$.",
     "bis zum Sommer", "2023-SU", "Besitzer will Halle wieder aufbauen"),
    ("Das/ART Gebäude/NN war/VAFIN ein/ART Lagerhaus/NN ./$.",
     "Die/ART Stadt/NN hatte/VAFIN es/PPER 2012/CARD gekauft/VVPP ./$.",
     "2012", "2012", "Stadt hatte Gebäude gekauft"),
    # an article that does not fit keeps the pronoun
    ("Der/ART Plan/NN war/VAFIN fertig/ADJD ./$.",
     "Die/ART Stadt/NN hatte/VAFIN es/PPER 2012/CARD gekauft/VVPP ./$.",
     "2012", "2012", "Stadt hatte es gekauft"),
    ("Der/ART Plan/NN war/VAFIN fertig/ADJD ./$.",
     "Die/ART Stadt/NN hatte/VAFIN ihn/PPER 2012/CARD gekauft/VVPP ./$.",
     "2012", "2012", "Stadt hatte Plan gekauft"),
])
def test_an_object_pronoun_is_written_as_the_subject_of_the_sentence_before(previous, sentence, phrase, value, what):
    doc = make_doc(previous + " || " + sentence)
    (event,) = extract_events(doc, [timex_at(doc, phrase, value)], entities_of(doc))
    assert event.what == what



@pytest.mark.parametrize("sentence, phrase, value, what", [
    ("Er/PPER ignoriert/VVFIN Art./NN 1/CARD des/ART am/APPRART 23./CARD 3./CARD 1976/CARD für/APPR "
     "Deutschland/NE/LOC in/APPR Kraft/NN getretenen/ADJA Menschenrechtspakts/NN der/ART UNO/NE/ORG ./$.",
     "23. 3. 1976", "1976-03-23", "Menschenrechtspakt der UNO für Deutschland in Kraft getreten"),
    ("Die/ART im/APPRART Mai/NN beschlossene/ADJA Reform/NN der/ART Pflege/NN wird/VAFIN teurer/ADJD ./$.",
     "Mai", "2024-05", "Reform der Pflege beschlossen"),
    # an adjective that is no participle, and a date outside an attribute, keep the clause's line
    ("Die/ART im/APPRART Mai/NN neue/ADJA Reform/NN wird/VAFIN teurer/ADJD ./$.",
     "Mai", "2024-05", "neue Reform wird teurer"),
])
def test_a_date_inside_a_participle_attribute_dates_what_the_participle_says(sentence, phrase, value, what):
    doc = make_doc(sentence)
    (event,) = extract_events(doc, [timex_at(doc, phrase, value)], entities_of(doc))
    assert event.what == what


def test_a_genitive_with_an_indefinite_article_belongs_to_its_noun():
    doc = make_doc(
        "Der/ART Rat/NN stimmte/VVFIN am/APPRART Dienstag/NN für/APPR die/ART Abhaltung/NN einer/ART "
        "Volksbefragung/NN ./$."
    )
    (event,) = extract_events(doc, [timex_at(doc, "am Dienstag", "2016-01-12")], entities_of(doc))
    assert event.what == "Rat stimmte für die Abhaltung einer Volksbefragung"


def test_a_coordinated_subject_drops_the_article_of_each_part():
    doc = make_doc(
        "Michaela/NE/PER Biancofiore/NE/PER und/KON der/ART Bozner/ADJA PdL/NE/ORG haben/VAFIN am/APPRART "
        "8./ADJA Juli/NN einen/ART Misstrauensantrag/NN eingebracht/VVPP ./$."
    )
    (event,) = extract_events(doc, [timex_at(doc, "am 8. Juli", "2010-07-08")], entities_of(doc))
    assert event.what == "Michaela Biancofiore und Bozner PdL haben Misstrauensantrag eingebracht"


def test_a_sentence_glued_to_the_next_without_a_space_ends_there():
    # the tokenizer keeps 'aus."Warum' as one token and the parser one sentence: the 'nicht'
    # of the next sentence must not negate the event
    doc = make_doc(
        'Der/ART Rat/NN sprach/VVFIN sich/PRF am/APPRART Dienstag/NN für/APPR die/ART Befragung/NN '
        'aus."Warum/CARD nicht/PTKNEG gleich/ADJD so/ADV ?/$.'
    )
    (event,) = extract_events(doc, [timex_at(doc, "am Dienstag", "2025-10-21")], entities_of(doc))
    assert event.status == "asserted"
    assert "nicht" not in event.what and "nicht" not in event.text
    assert doc.text[event.sentence_start:event.sentence_end].endswith('aus."Warum')


def test_a_zu_infinitive_clause_is_written_with_the_subject_and_verb_it_completes():
    doc = make_doc(
        "Muser/NE/PER kündigte/VVFIN an/PTKVZ ,/$, im/APPRART kommenden/ADJA Frühjahr/NN alle/PIAT "
        "Dekanate/NN des/ART Landes/NN zu/PTKZU besuchen/VVINF ./$."
    )
    (event,) = extract_events(doc, [timex_at(doc, "kommenden Frühjahr", "2026-SP")], entities_of(doc))
    assert event.what == "Muser kündigte an, alle Dekanate des Landes zu besuchen"
    # "um ... zu" is an adverbial: the clause before is not its controller
    doc2 = make_doc(
        "Der/ART Rat/NN tagte/VVFIN ,/$, um/KOUI im/APPRART Mai/NN den/ART Haushalt/NN zu/PTKZU beschließen/VVINF ./$."
    )
    (event2,) = extract_events(doc2, [timex_at(doc2, "Mai", "2026-05")], entities_of(doc2))
    assert not event2.what.startswith("Rat tagte,")


def test_an_event_in_a_year_with_a_number_is_not_a_statistic():
    doc = make_doc("Die/ART Brücke/NN wurde/VAFIN 1974/CARD nach/APPR 3/CARD Jahren/NN eröffnet/VVPP ./$.")
    assert [e.value for e in extract_events(doc, [timex_at(doc, "1974", "1974")], [])] == ["1974"]


def test_a_definite_subject_without_a_name_is_the_who_and_the_dateline_the_where():
    doc = make_doc(
        "BOZEN/NE/LOC ./$. || Der/ART Angeklagte/NN wurde/VAFIN am/APPRART Donnerstag/NN verurteilt/VVPP ./$."
    )
    (event,) = extract_events(doc, [timex_at(doc, "am Donnerstag", "2024-03-14")], entities_of(doc))
    assert event.who == ["Angeklagte"]
    assert event.where == [e.key for e in entities_of(doc) if e.label == "LOC"] != []


def test_a_subject_that_names_no_role_is_no_who():
    doc = make_doc("Das/ART Urteil/NN ist/VAFIN am/APPRART Donnerstag/NN gefallen/VVPP ./$.")
    (event,) = extract_events(doc, [timex_at(doc, "am Donnerstag", "2024-03-14")], [])
    assert event.who == []


def test_an_article_without_a_dateline_reports_from_the_place_of_its_lead():
    doc = make_doc(
        "Die/ART Sanierung/NN der/ART Brücke/NN bei/APPR Klausen/NE/LOC hat/VAFIN begonnen/VVPP ./$. || "
        "Die/ART Baufirma/NN wird/VAFIN im/APPRART Oktober/NN die/ART Fahrbahn/NN erneuern/VVINF ./$."
    )
    (event,) = extract_events(doc, [timex_at(doc, "im Oktober", "2023-10")], entities_of(doc))
    assert event.who == ["ORG:Baufirma"]
    assert event.where == ["LOC:Klausen"]


def test_the_place_of_a_planned_lead_or_a_quoted_title_is_not_the_article_place():
    for lead in (
        "Trump/NE/PER will/VMFIN Putin/NE/PER in/APPR Budapest/NE/LOC treffen/VVINF ./$. || ",
        "„/$( Tante/NN aus/APPR Kalkutta/NE/LOC “/$( :/$. Schwank/NN der/ART Bühne/NN ./$. || ",
    ):
        doc = make_doc(lead + "Die/ART Berater/NN trafen/VVFIN sich/PRF am/APPRART Montag/NN ./$.")
        (event,) = extract_events(doc, [timex_at(doc, "am Montag", "2025-10-20")], entities_of(doc))
        assert event.where == []


# --- events 7: general rules of the line and of who/where ----------------------------------------

def _one(sentence: str, phrase: str, value: str, *more: "Timex"):
    doc = make_doc(sentence)
    events = extract_events(doc, [timex_at(doc, phrase, value), *more], entities_of(doc))
    assert len(events) == 1, events
    return events[0]


@pytest.mark.parametrize("sentence, what, who", [
    # an adjective (or a number word) written as a noun is the subject and names a role
    ("Der/ART 34-Jährige/ADJA hatte/VAFIN am/APPRART Montag/NN 2.800/CARD Euro/NN erbeutet/VVPP ./$.",
     "34-Jährige hatte 2.800 Euro erbeutet", ["34-Jährige"]),
    ("Der/ART 54-Jährige/CARD wurde/VAFIN am/APPRART Montag/NN festgenommen/VVPP ./$.",
     "54-Jährige wurde festgenommen", ["54-Jährige"]),
    # a neuter noun names no person, whatever its ending
    ("Das/ART Thermometer/NN zeigte/VVFIN am/APPRART Montag/NN 38/CARD Grad/NN ./$.", "Thermometer zeigte 38 Grad", []),
])
def test_a_nominalised_adjective_is_a_noun_and_a_neuter_noun_no_role(sentence, what, who):
    event = _one(sentence, "am Montag", "2024-03-11")
    assert (event.what, event.who) == (what, who)


@pytest.mark.parametrize("sentence, what", [
    # the phrase of a bare noun that closes the Mittelfeld completes the verb, next to a place
    ("Ein/ART Mann/NN ist/VAFIN am/APPRART Montag/NN bei/APPR Klausen/NE/LOC ums/APPRART Leben/NN gekommen/VVPP ./$.",
     "Mann ist bei Klausen ums Leben gekommen"),
    # an adjective that makes one verb with the finite one stands in the right bracket
    ("Der/ART Wetterdienst/NN gab/VVFIN am/APPRART Montag/NN die/ART Bilanz/NN bekannt/ADJD ./$.",
     "Wetterdienst gab Bilanz bekannt"),
    # a phrase right after the object belongs to its noun
    ("Der/ART Verein/NN verkauft/VVFIN am/APPRART Montag/NN Tickets/NN für/APPR die/ART Zusatzvorstellung/NN ./$.",
     "Verein verkauft Tickets für die Zusatzvorstellung"),
    # nothing after the verb: the phrase of the Vorfeld says what it is about
    ("Im/APPRART Prozess/NN ist/VAFIN am/APPRART Montag/NN das/ART Urteil/NN gefallen/VVPP ./$.",
     "Urteil ist im Prozess gefallen"),
    # the source of a report is not part of what happens
    ("Ein/ART Nachfolger/NN soll/VMFIN laut/APPR Vereinskreisen/NN am/APPRART Montag/NN vorgestellt/VVPP werden/VAINF ./$.",
     "Nachfolger soll vorgestellt werden"),
    # a predicate in the Vorfeld, an adverb as predicate
    ("Sehr/ADV glücklich/ADJD ist/VAFIN der/ART Bürgermeister/NN am/APPRART Montag/NN ./$.",
     "Bürgermeister ist glücklich"),
    ("Der/ART Fahrer/NN war/VAFIN am/APPRART Montag/NN auf/APPR der/ART Straße/NN unterwegs/ADV ./$.",
     "Fahrer war auf der Straße unterwegs"),
    ("Das/PDS hat/VAFIN der/ART Wetterdienst/NN am/APPRART Montag/NN bekannt/ADJD gegeben/VVPP ./$.",
     "Wetterdienst hat bekannt gegeben"),
    # the first of coordinated participles keeps the objects of the clause
    ("Der/ART Täter/NN hatte/VAFIN am/APPRART Montag/NN eine/ART Trafik/NN überfallen/VVPP und/KON dabei/PAV "
     "600/CARD Euro/NN erbeutet/VVPP ./$.", "Täter hatte Trafik überfallen"),
    # a clause without subject keeps its fronted dative
    ("Dem/ART 19-Jährigen/CARD wurde/VAFIN am/APPRART Montag/NN gekündigt/VVPP ./$.",
     "Dem 19-Jährigen wurde gekündigt"),
    # what the verb takes a noun as ("als Lehrer") stays with its "als"
    ("Er/PPER arbeitete/VVFIN am/APPRART Montag/NN als/KOKOM Lehrer/NN in/APPR Wien/NE/LOC ./$.",
     "Er arbeitete als Lehrer in Wien"),
    ("Das/ART Festival/NN war/VAFIN am/APPRART Montag/NN als/KOKOM kleine/ADJA Konzertreihe/NN "
     "entstanden/VVPP ./$.", "Festival war als kleine Konzertreihe entstanden"),
])
def test_general_rules_of_the_line(sentence, what):
    assert _one(sentence, "am Montag", "2024-03-11").what == what


def test_a_zu_infinitive_keeps_the_order_of_its_verbs():
    doc = make_doc(
        "Ihm/PPER wird/VAFIN vorgeworfen/VVPP ,/$, am/APPRART Montag/NN einen/ART Mitschüler/NN "
        "verletzt/VVPP zu/PTKZU haben/VAINF ./$."
    )
    (event,) = extract_events(doc, [timex_at(doc, "am Montag", "2024-03-11")], [])
    assert event.what.endswith("Mitschüler verletzt zu haben")


def test_a_number_of_units_the_verb_is_about_stays_in_the_line():
    sentence = "Der/ART Staatsanwalt/NN hatte/VAFIN im/APPRART Februar/NN sechs/CARD Jahre/NN gefordert/VVPP ./$."
    doc = make_doc(sentence)
    timexes = [timex_at(doc, "im Februar", "2024-02"), timex_at(doc, "sechs Jahre", "P6Y", type="DURATION")]
    (event,) = extract_events(doc, timexes, [])
    assert event.what == "Staatsanwalt hatte sechs Jahre gefordert"
    # after a time preposition it says when, and stays out
    doc = make_doc("Nach/APPR drei/CARD Tagen/NN wurde/VAFIN der/ART Mann/NN am/APPRART Montag/NN entlassen/VVPP ./$.")
    timexes = [timex_at(doc, "drei Tagen", "P3D", type="DURATION"), timex_at(doc, "am Montag", "2024-03-11")]
    (event,) = extract_events(doc, timexes, [])
    assert event.what == "Mann wurde entlassen"


@pytest.mark.parametrize("sentence, count, status", [
    # "nicht mehr so ... wie" compares a degree: the prices rose; the compared month is no event
    ("Die/ART Preise/NN sind/VAFIN im/APPRART Februar/NN nicht/PTKNEG mehr/ADV so/ADV stark/ADJD gestiegen/VVPP "
     "wie/KOKOM im/APPRART Januar/NN ./$.", 1, "asserted"),
    ("Der/ART Rat/NN hat/VAFIN im/APPRART Februar/NN nicht/PTKNEG nur/ADV den/ART Haushalt/NN beschlossen/VVPP ./$.",
     1, "asserted"),
    ("Der/ART Rat/NN hat/VAFIN im/APPRART Februar/NN nicht/PTKNEG mehr/ADV getagt/VVPP ./$.", 1, "negated"),
])
def test_a_negated_degree_is_not_a_negated_event(sentence, count, status):
    doc = make_doc(sentence)
    timexes = [timex_at(doc, "im Februar", "2024-02")]
    if "Januar" in doc.text:
        timexes.append(timex_at(doc, "im Januar", "2024-01"))
    events = extract_events(doc, timexes, [])
    assert len(events) == count and events[0].status == status and events[0].value == "2024-02"
    assert "nicht" not in events[0].what or status == "negated"


@pytest.mark.parametrize("text, what, who", [
    # the subject of the clause before, not the last name of the article
    ("Huber/NE/PER wurde/VAFIN verletzt/VVPP ./$. || Die/ART Frau/NN erlitt/VVFIN einen/ART Schock/NN ,/$, "
     "aber/KON sie/PPER konnte/VMFIN am/APPRART Montag/NN das/ART Krankenhaus/NN verlassen/VVPP ./$.",
     "Frau konnte Krankenhaus verlassen", []),
    # the subject of the sentence before, when article and verb agree
    ("Huber/NE/PER kam/VVFIN nach/APPR Bozen/NE/LOC ./$. || Die/ART Bürgermeisterin/NN begrüßte/VVFIN den/ART Gast/NN ./$. || "
     "Sie/PPER führte/VVFIN ihn/PPER am/APPRART Montag/NN durch/APPR die/ART Stadt/NN ./$.",
     None, ["Bürgermeisterin"]),
])
def test_a_pronoun_subject_takes_up_the_subject_before_it(text, what, who):
    doc = make_doc(text)
    (event,) = extract_events(doc, [timex_at(doc, "am Montag", "2024-03-11")], entities_of(doc))
    if what is not None:
        assert event.what == what
    assert event.who[: len(who) or 1] == who or (not who and "PER:Huber" not in event.who)
    assert event.what.startswith(("Frau", "Bürgermeisterin"))


def test_a_place_after_richtung_is_a_direction_not_where():
    doc = make_doc(
        "KLAUSEN/NE/LOC ./$. || Die/ART Autobahngesellschaft/NN sperrte/VVFIN am/APPRART Montag/NN die/ART "
        "Fahrspur/NN in/APPR Richtung/NN Brenner/NE/LOC ./$."
    )
    (event,) = extract_events(doc, [timex_at(doc, "am Montag", "2024-03-11")], entities_of(doc))
    assert event.where == ["LOC:KLAUSEN"] or event.where == ["LOC:Klausen"]


def test_the_finer_date_of_a_clause_is_kept_and_a_year_a_noun_plans_for_is_none():
    doc = make_doc("Der/ART Rat/NN tagte/VVFIN 2024/CARD am/APPRART Mittwoch/NN ./$.")
    timexes = [timex_at(doc, "2024", "2024"), timex_at(doc, "am Mittwoch", "2024-03-13")]
    assert [e.value for e in extract_events(doc, timexes, [])] == ["2024-03-13"]
    doc = make_doc("Der/ART Rat/NN genehmigte/VVFIN den/ART Haushalt/NN für/APPR 2025/CARD ./$.")
    assert extract_events(doc, [timex_at(doc, "2025", "2025")], []) == []
    doc = make_doc("Die/ART Gewerkschaften/NN haben/VAFIN für/APPR Freitag/NN zum/APPRART Streik/NN aufgerufen/VVPP ./$.")
    assert len(extract_events(doc, [timex_at(doc, "Freitag", "2024-03-15")], [])) == 1


def test_the_und_of_a_range_does_not_cut_the_clause():
    doc = make_doc(
        "Der/ART 47-Jährige/ADJA hatte/VAFIN zwischen/APPR 2020/CARD und/KON 2021/CARD Hilfen/NN "
        "beantragt/VVFIN ./$."
    )
    timexes = [timex_at(doc, "2020", "2020"), timex_at(doc, "2021", "2021")]
    events = extract_events(doc, timexes, [])
    assert events and events[0].what == "47-Jährige hatte Hilfen beantragt"


def test_a_shared_subject_gives_the_who_and_an_impersonal_clause_keeps_its_words():
    doc = make_doc(
        "Huber/NE/PER hielt/VVFIN eine/ART Rede/NN und/KON wurde/VAFIN am/APPRART Montag/NN geehrt/VVPP ./$."
    )
    (event,) = extract_events(doc, [timex_at(doc, "am Montag", "2024-03-11")], entities_of(doc))
    assert (event.what, event.who) == ("Huber wurde geehrt", ["PER:Huber"])
    doc = make_doc("Sportlich/ADJD ging/VVFIN es/PPER am/APPRART Montag/NN zu/PTKVZ ./$.")
    (event,) = extract_events(doc, [timex_at(doc, "am Montag", "2024-03-11")], [])
    assert event.what == "Sportlich ging es zu"


def test_the_plural_of_an_institution_is_the_who():
    doc = make_doc("Die/ART Behörden/NN haben/VAFIN am/APPRART Mittwoch/NN die/ART Suche/NN eingestellt/VVPP ./$.")
    (event,) = extract_events(doc, [timex_at(doc, "am Mittwoch", "2024-03-13")], [])
    assert event.who == ["ORG:Behörden"]


def test_a_past_subjunctive_without_a_modal_is_still_an_event():
    doc = make_doc("Die/ART Konferenz/NN hätte/VAFIN am/APPRART Freitag/NN begonnen/VVPP ,/$, sagte/VVFIN er/PPER ./$.")
    events = extract_events(doc, [timex_at(doc, "Freitag", "2025-10-17")], [])
    assert [e.value for e in events] == ["2025-10-17"]


def test_a_calendar_entry_without_a_verb_is_still_an_event():
    doc = make_doc("Sonntag/NN ,/$, 12./ADJA Mai/NN :/$. Konzert/NN der/ART Musikkapelle/NN")
    events = extract_events(doc, [timex_at(doc, "Sonntag, 12. Mai", "2025-05-12")], [])
    assert [e.value for e in events] == ["2025-05-12"]


@pytest.mark.parametrize("sentence, what", [
    # a duration's genitive ("zäher Verhandlungen") belongs to the duration, not to the line
    ("Nach/APPR zwei/CARD Wochen/NN zäher/ADJA Verhandlungen/NN hat/VAFIN die/ART Konferenz/NN am/APPRART "
     "Montag/NN eine/ART Einigung/NN erzielt/VVPP ./$.", "Konferenz hat Einigung erzielt"),
    # an object after a duration stays
    ("Die/ART Konferenz/NN hat/VAFIN am/APPRART Montag/NN nach/APPR zwei/CARD Wochen/NN neue/ADJA Regeln/NN "
     "beschlossen/VVPP ./$.", "Konferenz hat neue Regeln beschlossen"),
])
def test_a_duration_keeps_what_filled_it(sentence, what):
    doc = make_doc(sentence)
    timexes = [timex_at(doc, "am Montag", "2024-03-11"), Timex(*_span(doc, "zwei Wochen"), "DURATION", "P2W")]
    (event,) = [e for e in extract_events(doc, timexes, []) if e.value == "2024-03-11"]
    assert event.what == what


def _span(doc, phrase):
    start = doc.text.index(phrase)
    return start, start + len(phrase), phrase


def test_a_clause_without_a_verb_the_tagger_knows_is_written_without_its_date():
    # "aneinandergerieten" tagged as a zu-infinitive: no line from the fields, the clause's own words
    doc = make_doc("am/APPRART 19./ADJA April/NN 1775/CARD mit/APPR Siedlern/NN aneinandergerieten/VVIZU ./$.")
    (event,) = extract_events(doc, [timex_at(doc, "19. April 1775", "1775-04-19")], [])
    assert event.what == "mit Siedlern aneinandergerieten"


@pytest.mark.parametrize("sentence, dates", [
    # months of a noun in the Vorfeld, coordinated: both share "für"; the state is no event
    ("Die/ART Löhne/NN für/APPR März/NN und/KON April/NN sind/VAFIN gesichert/VVPP ./$.", ["März", "April"]),
    # a yearly figure told by a change verb and a quantity
    ("Im/APPRART Geschäftsjahr/NN 2023/CARD sank/VVFIN der/ART Umsatz/NN um/APPR 18/CARD Prozent/NN ./$.", ["2023"]),
    ("Im/APPRART Sommer/NN steigt/VVFIN die/ART Durchschnittstemperatur/NN deutlich/ADJD an/PTKVZ ./$.", ["Sommer"]),
    # a count compared with another period
    ("2023/CARD kamen/VVFIN 4.620/CARD Kinder/NN zur/APPRART Welt/NN ,/$, so/ADV wenige/PIS wie/KOKOM nie/ADV "
     "zuvor/ADV ./$.", ["2023"]),
    # a recurring duty until a year
    ("Die/ART Staaten/NN sollen/VMFIN bis/APPR 2035/CARD jährlich/ADJD 300/CARD Milliarden/NN zahlen/VVINF ./$.",
     ["2035"]),
])
def test_figures_states_and_duties_of_a_period_are_no_events(sentence, dates):
    doc = make_doc(sentence)
    values = {"März": "2025-03", "April": "2025-04", "2023": "2023", "Sommer": "2023-SU", "2035": "2035"}
    assert extract_events(doc, [timex_at(doc, d, values[d]) for d in dates], []) == []


@pytest.mark.parametrize("sentence, date, value", [
    # the month of a noun after the verb may be when it happens
    ("Der/ART Rat/NN hat/VAFIN die/ART Abstimmung/NN für/APPR März/NN angesetzt/VVPP ./$.", "März", "2025-03"),
    # a change verb with another particle means something else ("stieg aus": quit)
    ("2015/CARD stieg/VVFIN die/ART Firma/NN aus/PTKVZ dem/ART Projekt/NN aus/PTKVZ ./$.", "2015", "2015"),
    # a ship that sank: no figure
    ("1912/CARD sank/VVFIN die/ART Titanic/NE ./$.", "1912", "1912"),
    # "mehr als" before a number is an amount, not a comparison
    ("2019/CARD demonstrierten/VVFIN mehr/PIAT als/KOKOM 300.000/CARD Menschen/NN ./$.", "2019", "2019"),
])
def test_dated_happenings_like_figures_stay_events(sentence, date, value):
    doc = make_doc(sentence)
    assert [e.value for e in extract_events(doc, [timex_at(doc, date, value)], [])] == [value]


@pytest.mark.parametrize("sentence, who", [
    # a bare plural role noun before a plural verb names the actors
    ("Geologen/NN untersuchten/VVFIN am/APPRART Montag/NN den/ART Hang/NN ./$.", ["Geologen"]),
    ("Zwei/CARD Ermittler/NN kamen/VVFIN ihm/PPER am/APPRART Montag/NN auf/APPR die/ART Spur/NN ./$.", ["Ermittler"]),
    # a bare noun before a singular verb is a mass, not people
    ("Wasser/NN drang/VVFIN am/APPRART Montag/NN in/APPR den/ART Keller/NN ./$.", []),
    # things in -ten / -te are no roles
    ("Die/ART Arbeiten/NN sollen/VMFIN am/APPRART Montag/NN beginnen/VVINF ./$.", []),
    ("Die/ART Staaten/NN haben/VAFIN am/APPRART Montag/NN unterschrieben/VVPP ./$.", []),
    ("Die/ART Beamten/NN haben/VAFIN am/APPRART Montag/NN zwei/CARD Männer/NN festgenommen/VVPP ./$.", ["Beamten"]),
])
def test_a_role_subject_is_the_who(sentence, who):
    doc = make_doc(sentence)
    (event,) = extract_events(doc, [timex_at(doc, "am Montag", "2024-03-11")], [])
    assert event.who == who


@pytest.mark.parametrize("sentence, what", [
    # "zufolge" names the source after its noun, in the Vorfeld and (tagged APPR) in the Mittelfeld
    ("Dem/ART Bericht/NN zufolge/APPO hat/VAFIN die/ART Polizei/NN am/APPRART Montag/NN drei/CARD Männer/NN "
     "festgenommen/VVPP ./$.", "Polizei hat drei Männer festgenommen"),
    ("Die/ART Polizei/NN hat/VAFIN am/APPRART Montag/NN Medienberichten/NN zufolge/APPR drei/CARD Männer/NN "
     "festgenommen/VVPP ./$.", "Polizei hat drei Männer festgenommen"),
    # a number before a noun opens a new group; after a noun it closes it ("der Stärke 7,4")
    ("Am/APPRART Montag/NN hat/VAFIN die/ART Polizei/NN drei/CARD Männer/NN festgenommen/VVPP ./$.",
     "Polizei hat drei Männer festgenommen"),
    ("Ein/ART Erdbeben/NN der/ART Stärke/NN 7,4/CARD hat/VAFIN am/APPRART Montag/NN Mexiko/NE erschüttert/VVPP ./$.",
     "Erdbeben der Stärke 7,4 hat Mexiko erschüttert"),
])
def test_a_source_after_its_noun_and_a_counted_object_in_the_line(sentence, what):
    doc = make_doc(sentence)
    (event,) = extract_events(doc, [timex_at(doc, "am Montag" if "am Montag" in doc.text else "Am Montag", "2024-03-11")], [])
    assert event.what == what


@pytest.mark.parametrize("sentence, what", [
    ("Die/ART Stadt/NN ,/$, die/PRELS 2012/CARD das/ART Gebäude/NN gekauft/VVPP hatte/VAFIN ,/$, eröffnete/VVFIN "
     "am/APPRART Montag/NN das/ART Museum/NN ./$.", "Stadt eröffnete Museum"),
    # the relative pronoun read as an article: the verb that ends the clause tells it
    ("Der/ART Bürgermeister/NN ,/$, der/ART seit/APPR Jahren/NN im/APPRART Amt/NN ist/VAFIN ,/$, trat/VVFIN "
     "am/APPRART Montag/NN zurück/PTKVZ ./$.", "Bürgermeister trat zurück"),
    # a reporting verb after a comma is no continued main clause
    ("Die/ART Strecke/NN ist/VAFIN zu/PTKVZ ,/$, sagte/VVFIN er/PPER am/APPRART Montag/NN ./$.", None),
])
def test_a_main_clause_goes_on_after_the_clause_embedded_in_it(sentence, what):
    doc = make_doc(sentence)
    events = extract_events(doc, [timex_at(doc, "am Montag", "2024-03-11")], [])
    (event,) = [e for e in events if e.value == "2024-03-11"]
    if what is None:
        assert not event.what.startswith("Strecke sagte")
    else:
        assert event.what == what


@pytest.mark.parametrize("sentence, what, who", [
    # a masculine "der" group in the Mittelfeld is the nominative: the fronted group is the object
    ("Ein/ART Gesetz/NN ,/$, das/PRELS den/ART Abschuss/NN erlaubt/VVFIN ,/$, hatte/VAFIN der/ART Landtag/NN "
     "am/APPRART Montag/NN beschlossen/VVPP ./$.", "Landtag hatte Gesetz beschlossen", ["ORG:Landtag"]),
    ("Die/ART Regeln/NN hat/VAFIN der/ART neue/ADJA Rat/NN am/APPRART Montag/NN geändert/VVPP ./$.",
     "neue Rat hat Regeln geändert", ["ORG:Rat"]),
    # "der" before a feminine noun or a weak adjective is a dative: the fronted group stays the subject
    ("Das/ART Museum/NN hatte/VAFIN der/ART Stadt/NN am/APPRART Montag/NN gehört/VVPP ./$.",
     "Museum hatte Stadt gehört", []),
    ("Das/ART Gesetz/NN hat/VAFIN der/ART neuen/ADJA Regierung/NN am/APPRART Montag/NN geschadet/VVPP ./$.",
     "Gesetz hat neuen Regierung geschadet", []),
    # a copula takes two nominatives
    ("Das/ART Problem/NN ist/VAFIN am/APPRART Montag/NN der/ART Verkehr/NN gewesen/VAPP ./$.",
     "Problem ist Verkehr gewesen", []),
])
def test_a_nominative_in_the_mittelfeld_makes_the_fronted_group_the_object(sentence, what, who):
    doc = make_doc(sentence)
    (event,) = extract_events(doc, [timex_at(doc, "am Montag", "2024-03-11")], [])
    assert (event.what, event.who) == (what, who)


def test_a_verb_the_tagger_read_as_an_adjective_after_a_year_is_the_finite_verb():
    # "schloss/ADJA": without the fix the clause has no verb and runs into the next one
    doc = make_doc(
        "1920/CARD schloss/ADJA Polen/NE/LOC mit/APPR Litauen/NE/LOC einen/ART Waffenstillstand/NN ,/$, "
        "1921/CARD machte/VVFIN es/PPER Frieden/NN ./$."
    )
    events = extract_events(doc, [timex_at(doc, "1920", "1920"), timex_at(doc, "1921", "1921")], entities_of(doc))
    first = next(e for e in events if e.value == "1920")
    assert first.what == "Polen schloss Waffenstillstand"
    assert "machte" not in first.what
    # an adjective before a noun stays an adjective
    doc = make_doc("1990/CARD deutsche/ADJA Einheit/NN wurde/VAFIN gefeiert/VVPP ./$.")
    (event,) = extract_events(doc, [timex_at(doc, "1990", "1990")], [])
    assert "deutsche" in event.what


@pytest.mark.parametrize("sentence, what", [
    # the phrase with an article right before the right bracket completes the verb
    ("Die/ART Gewerkschaft/NN rief/VVFIN am/APPRART Montag/NN die/ART Beschäftigten/NN zu/APPR einer/ART "
     "Versammlung/NN auf/PTKVZ ./$.", "Gewerkschaft rief Beschäftigten zu einer Versammlung auf"),
    ("Gestein/NN war/VAFIN am/APPRART Montag/NN auf/APPR die/ART Fahrbahn/NN gestürzt/VVPP ./$.",
     "Gestein war auf die Fahrbahn gestürzt"),
    # a phrase before the object is not the verb's: left out as before
    ("Der/ART Rat/NN hat/VAFIN am/APPRART Montag/NN in/APPR der/ART Aula/NN den/ART Haushalt/NN "
     "beschlossen/VVPP ./$.", "Rat hat Haushalt beschlossen"),
])
def test_the_phrase_that_closes_the_mittelfeld_completes_the_verb(sentence, what):
    doc = make_doc(sentence)
    (event,) = extract_events(doc, [timex_at(doc, "am Montag", "2024-03-11")], [])
    assert event.what == what


def test_a_pronoun_that_does_not_agree_with_the_quote_takes_up_the_sentence_before():
    doc = make_doc(
        "Der/ART Landeshauptmann/NN kritisierte/VVFIN den/ART Betreiber/NN ./$. || „/$( Die/ART Frächter/NN "
        "haben/VAFIN es/PPER erfahren/VVPP ,/$, dass/KOUS die/ART Strecke/NN zu/PTKVZ ist/VAFIN “/$( ,/$, "
        "sagte/VVFIN er/PPER am/APPRART Dienstag/NN ./$."
    )
    (event,) = extract_events(doc, [timex_at(doc, "am Dienstag", "2024-02-13")], [])
    assert event.who == ["Landeshauptmann"]
    # what was said is the main clause of the quote, not the clause that depends on it
    assert event.what.startswith("Landeshauptmann sagte: Frächter haben")


@pytest.mark.parametrize("sentence, what", [
    # with a pronoun object alone, the phrase that closes the clause completes the verb
    ("Ermittler/NN kamen/VVFIN ihm/PPER am/APPRART Montag/NN auf/APPR die/ART Spur/NN ./$.",
     "Ermittler kamen ihm auf die Spur"),
    # a kept adverb stays before the objects it precedes
    ("Das/ART Festival/NN wird/VAFIN am/APPRART Montag/NN erstmals/ADV in/APPR Innsbruck/NE/LOC Station/NN "
     "machen/VVINF ./$.", "Festival wird erstmals in Innsbruck Station machen"),
    ("Sie/PPER konnte/VMFIN am/APPRART Montag/NN das/ART Krankenhaus/NN wieder/ADV verlassen/VVINF ./$.",
     "Sie konnte Krankenhaus wieder verlassen"),
])
def test_a_closing_phrase_and_an_adverb_in_their_places(sentence, what):
    doc = make_doc(sentence)
    (event,) = extract_events(doc, [timex_at(doc, "am Montag", "2024-03-11")], entities_of(doc))
    assert event.what == what


@pytest.mark.parametrize("sentence, who", [
    # offices, boards and the prosecution act as organisations
    ("Das/ART Landesstatistikamt/NN hat/VAFIN am/APPRART Montag/NN die/ART Zahlen/NN veröffentlicht/VVPP ./$.",
     ["ORG:Landesstatistikamt"]),
    ("Der/ART Aufsichtsrat/NN hat/VAFIN am/APPRART Montag/NN den/ART Chef/NN entlassen/VVPP ./$.", ["ORG:Aufsichtsrat"]),
    ("Die/ART Anklage/NN will/VMFIN am/APPRART Montag/NN den/ART Prozess/NN eröffnen/VVINF ./$.", ["ORG:Anklage"]),
    # "die Beamten" are people, not an office
    ("Die/ART Beamten/NN nahmen/VVFIN am/APPRART Montag/NN zwei/CARD Männer/NN fest/PTKVZ ./$.", ["Beamten"]),
    # a clause without subject is about its fronted dative
    ("Dem/ART Mann/NN wurde/VAFIN am/APPRART Montag/NN gekündigt/VVPP ./$.", ["Mann"]),
])
def test_institutions_and_fronted_roles_are_the_who(sentence, who):
    doc = make_doc(sentence)
    (event,) = extract_events(doc, [timex_at(doc, "am Montag", "2024-03-11")], [])
    assert event.who == who


def test_a_quotation_that_is_the_clause_is_speech_and_its_speaker_the_who():
    doc = make_doc(
        "„/$( Wir/PPER werden/VAFIN am/APPRART Montag/NN den/ART Antrag/NN stellen/VVINF “/$( ,/$, sagte/VVFIN "
        "Hans/NE/PER Huber/NE/PER ./$."
    )
    (event,) = extract_events(doc, [timex_at(doc, "am Montag", "2024-03-11")], entities_of(doc))
    assert event.what == "Wir werden Antrag stellen"
    assert event.who == ["PER:Hans Huber"]


def test_nach_angaben_marks_a_report():
    doc = make_doc("Nach/APPR Angaben/NN der/ART Polizei/NN wurde/VAFIN der/ART Mann/NN am/APPRART Montag/NN "
                   "festgenommen/VVPP ./$.")
    (event,) = extract_events(doc, [timex_at(doc, "am Montag", "2024-03-11")], [])
    assert event.status == "reported"


def test_a_figure_of_a_year_is_no_event_but_a_purchase_for_a_sum_is():
    doc = make_doc("2023/CARD erzielte/VVFIN der/ART Konzern/NN einen/ART Gewinn/NN von/APPR 8/CARD Milliarden/NN "
                   "Euro/NN ./$.")
    assert extract_events(doc, [timex_at(doc, "2023", "2023")], []) == []
    doc = make_doc("2015/CARD kaufte/VVFIN die/ART Stadt/NN das/ART Gebäude/NN für/APPR 2/CARD Millionen/NN "
                   "Euro/NN ./$.")
    assert [e.value for e in extract_events(doc, [timex_at(doc, "2015", "2015")], [])] == ["2015"]


def test_mehr_als_before_a_number_is_part_of_the_subject():
    doc = make_doc("Am/APPRART Montag/NN wurden/VAFIN mehr/ADV als/KOKOM 20/CARD Menschen/NN verletzt/VVPP ./$.")
    (event,) = extract_events(doc, [timex_at(doc, "Am Montag", "2024-03-11")], [])
    assert event.what == "mehr als 20 Menschen wurden verletzt"


def test_an_article_form_opening_a_verb_last_clause_after_a_comma_is_a_relative_pronoun():
    doc = make_doc(
        "Die/ART Polizei/NN sucht/VVFIN einen/ART Mann/NN ,/$, den/ART Zeugen/NN am/APPRART Montag/NN "
        "gesehen/VVPP haben/VAFIN ./$."
    )
    (event,) = extract_events(doc, [timex_at(doc, "am Montag", "2024-03-11")], [])
    assert event.what == "Zeugen haben Mann gesehen"
    # a short main clause after a comma is no relative clause
    doc = make_doc("Es/PPER regnete/VVFIN am/APPRART Montag/NN ,/$, die/ART Polizei/NN kam/VVFIN ./$.")
    (event,) = extract_events(doc, [timex_at(doc, "am Montag", "2024-03-11")], [])
    assert event.what == "Es regnete"


def test_a_lead_told_again_with_a_date_takes_that_date():
    doc = make_doc(QUAKE, "Das/ART Beben/NN ereignete/VVFIN sich/PRF am/APPRART Montag/NN ./$.")
    events = extract_events(doc, [timex_at(doc, "am Montag", "2024-03-11")], entities_of(doc),
                            published=dt.date(2024, 3, 12))
    (lead,) = [e for e in events if e.inferred]
    assert (lead.date, lead.value) == ("2024-03-11", "2024-03-11")
    # another subject: the publication date as before
    doc = make_doc(QUAKE, "Die/ART Armee/NN half/VVFIN am/APPRART Montag/NN ./$.")
    events = extract_events(doc, [timex_at(doc, "am Montag", "2024-03-11")], entities_of(doc),
                            published=dt.date(2024, 3, 12))
    (lead,) = [e for e in events if e.inferred]
    assert lead.date == "2024-03-12"


@pytest.mark.parametrize("sentence, what", [
    # a clause that opens with its verb after a comma and has no subject shares the one before
    ("Ein/ART Investor/NN hatte/VAFIN Interesse/NN gezeigt/VVPP ,/$, zog/VVFIN sich/PRF aber/ADV am/APPRART "
     "Montag/NN zurück/PTKVZ ./$.", "Investor zog sich zurück"),
    # one with its own subject does not
    ("Die/ART Frächter/NN sind/VAFIN verärgert/ADJD ,/$, sagte/VVFIN er/PPER am/APPRART Montag/NN ./$.", None),
])
def test_a_verb_first_clause_after_a_comma_shares_the_subject_before(sentence, what):
    doc = make_doc(sentence)
    (event,) = extract_events(doc, [timex_at(doc, "am Montag", "2024-03-11")], [])
    if what is None:
        assert "Frächter sagte" not in event.what
    else:
        assert event.what == what


@pytest.mark.parametrize("sentence, who", [
    ("Russland/NE/LOC hat/VAFIN am/APPRART Montag/NN die/ART Ukraine/NE/LOC angegriffen/VVPP ./$.", ["LOC:Russland"]),
    # a place that is, or undergoes, is no actor
    ("Bozen/NE/LOC wurde/VAFIN am/APPRART Montag/NN gegründet/VVPP ./$.", []),
    ("Bozen/NE/LOC ist/VAFIN am/APPRART Montag/NN eine/ART Stadt/NN ./$.", []),
])
def test_a_country_that_acts_is_the_who(sentence, who):
    doc = make_doc(sentence)
    (event,) = extract_events(doc, [timex_at(doc, "am Montag", "2024-03-11")], entities_of(doc))
    assert event.who == who


@pytest.mark.parametrize("sentence, phrase, what", [
    # after a date that does not open the clause, before a name
    ("Am/APPRART 12./ADJA Oktober/NN 1920/CARD schloss/ADJA Polen/NE mit/APPR Litauen/NE einen/ART "
     "Waffenstillstand/NN ./$.", "Am 12. Oktober 1920", "Polen schloss Waffenstillstand"),
    # after the subject, before a preposition: no attributive adjective stands there
    ("Beide/PIAT Unternehmen/NN unterzeichneten/ADJA am/APPRART Mittwoch/NN einen/ART Vertrag/NN ./$.",
     "am Mittwoch", "Beide Unternehmen unterzeichneten Vertrag"),
    # in -te, in a clause whose bracket a particle closes
    ("Die/ART Firma/NN baut/VVFIN ./$. || Das/ART kündigte/ADJA der/ART Chef/NN am/APPRART Mittwoch/NN an/PTKVZ ./$.",
     "am Mittwoch", "Chef kündigte an"),
])
def test_a_finite_verb_the_tagger_read_as_an_adjective_is_the_verb(sentence, phrase, what):
    doc = make_doc(sentence)
    (event,) = extract_events(doc, [timex_at(doc, phrase, "2024-03-13")], [])
    assert event.what.startswith(what)


@pytest.mark.parametrize("sentence", [
    "Die/ART am/APPRART Mittwoch/NN beschlossene/ADJA Reform/NN wurde/VAFIN gelobt/VVPP ./$.",
    # a headline without a finite verb: "geplante" stays the adjective of "Halle"
    "Die/ART geplante/ADJA Halle/NN am/APPRART Mittwoch/NN eröffnet/VVPP ./$.",
])
def test_an_attributive_adjective_stays_an_adjective(sentence):
    doc = make_doc(sentence)
    (event,) = extract_events(doc, [timex_at(doc, "Mittwoch", "2024-03-13")], [])
    assert "Reform" in event.what or "Halle" in event.what


def test_a_measure_before_an_adjective_stays_in_its_noun_group():
    # "Ein 63 Jahre alter Wanderer": without the rule "63 Jahre" was the subject and "alter
    # Wanderer" came after the verb; the person is the "who" although the article is indefinite
    doc = make_doc(
        "Ein/ART 63/CARD Jahre/NN alter/ADJA Wanderer/NN wurde/VAFIN am/APPRART Sonntag/NN "
        "verletzt/VVPP ./$."
    )
    (event,) = extract_events(doc, [timex_at(doc, "am Sonntag", "2024-08-18")], [])
    assert (event.what, event.who) == ("Wanderer wurde verletzt", ["Wanderer"])


@pytest.mark.parametrize("sentence, what, who", [
    ("Ein/ART Fahrer/NN ist/VAFIN am/APPRART Montag/NN von/APPR der/ART Polizei/NN festgenommen/VVPP "
     "worden/VAPP ./$.", "Fahrer ist von der Polizei festgenommen worden", ["Fahrer", "ORG:Polizei"]),
    ("Das/ART Tier/NN wurde/VAFIN am/APPRART Montag/NN von/APPR Mitarbeitern/NN betäubt/VVPP ./$.",
     "Tier wurde von Mitarbeitern betäubt", ["Mitarbeiter"]),
    ("Der/ART Verdächtige/NN soll/VMFIN am/APPRART Montag/NN vom/APPRART Haftrichter/NN "
     "einvernommen/VVPP werden/VAINF ./$.", "Verdächtige soll vom Haftrichter einvernommen werden",
     ["Verdächtige", "Haftrichter"]),
    # a "von" phrase after a common noun belongs to it, not to the passive
    ("Der/ART Bär/NN war/VAFIN am/APPRART Montag/NN in/APPR der/ART Nähe/NN von/APPR Höfen/NN "
     "gesichtet/VVPP worden/VAPP ./$.", "Bär war in der Nähe von Höfen gesichtet worden", []),
])
def test_the_agent_of_a_passive_is_in_the_line_and_among_the_who(sentence, what, who):
    doc = make_doc(sentence)
    (event,) = extract_events(doc, [timex_at(doc, "am Montag", "2024-03-11")], [])
    assert (event.what, event.who) == (what, who)


def test_an_institution_keeps_the_field_it_is_for_and_is_taken_up_by_its_noun():
    doc = make_doc(
        "Das/ART Amt/NN für/APPR Jagd/NN und/KON Fischerei/NN hat/VAFIN am/APPRART Montag/NN "
        "getagt/VVPP ./$. || Kritik/NN kam/VVFIN vom/APPRART Mieterschutzverband/NN ./$. || "
        "Im/APPRART Mai/NN hatte/VAFIN das/ART Amt/NN einen/ART Bären/NN besendert/VVPP ./$. || "
        "Der/ART Verband/NN sammelte/VVFIN im/APPRART Juni/NN Unterschriften/NN ./$."
    )
    events = extract_events(doc, [
        timex_at(doc, "am Montag", "2024-03-11"), timex_at(doc, "Mai", "2024-05"), timex_at(doc, "Juni", "2024-06"),
    ], [])
    first, second, third = sorted(events, key=lambda e: e.start)
    # the finite verb before a participle alone is the second of a main clause, not verb-last
    assert (first.what, first.who) == ("Amt für Jagd und Fischerei hat getagt", ["ORG:Amt für Jagd und Fischerei"])
    assert second.who == ["ORG:Amt für Jagd und Fischerei"]
    assert third.who == ["ORG:Mieterschutzverband"]


def test_a_field_after_a_subject_in_the_mittelfeld_is_no_institution_name():
    doc = make_doc("Am/APPRART Montag/NN stimmte/VVFIN der/ART Rat/NN für/APPR den/ART Antrag/NN ./$.")
    (event,) = extract_events(doc, [timex_at(doc, "Am Montag", "2024-03-11")], [])
    assert event.who == ["ORG:Rat"]


def test_a_phrase_after_the_subject_in_the_vorfeld_belongs_to_the_subject():
    doc = make_doc(
        "Die/ART Brauerei/NN aus/APPR Freising/NE war/VAFIN am/APPRART Montag/NN verkauft/VVPP worden/VAPP ./$."
    )
    (event,) = extract_events(doc, [timex_at(doc, "am Montag", "2024-03-11")], [])
    assert event.what == "Brauerei aus Freising war verkauft worden"


def test_a_pronoun_that_speaks_takes_up_a_person_not_a_thing():
    # "der Windpark" agrees with "er", but a thing does not speak: the person named before does
    doc = make_doc(
        "Landesrat/NN Peter/NE/PER Brunner/NE/PER bedauerte/VVFIN das/ART Urteil/NN ./$. || "
        "Der/ART Windpark/NN sollte/VMFIN Strom/NN liefern/VVINF ./$. || "
        "Das/ART Land/NN werde/VAFIN prüfen/VVINF ,/$, sagte/VVFIN er/PPER am/APPRART Freitag/NN ./$."
    )
    (event,) = extract_events(doc, [timex_at(doc, "am Freitag", "2024-09-20")], entities_of(doc))
    assert event.who[0] == "PER:Peter Brunner"
    assert event.what.startswith("Brunner sagte")


def test_an_institution_before_a_name_is_the_who_and_what_a_pronoun_takes_up():
    # the tagger reads "Schlanders" as a person here, as a place elsewhere: the institution noun heads the group
    doc = make_doc(
        "In/APPR Schlanders/NE/LOC regnete/VVFIN es/PPER ./$. || "
        "Die/ART Feuerwehr/NN Schlanders/NE/PER rückte/VVFIN aus/PTKVZ ./$. || "
        "Sie/PPER pumpte/VVFIN bis/APPR in/APPR die/ART Nacht/NN Wasser/NN ab/PTKVZ ./$."
    )
    (event,) = extract_events(doc, [timex_at(doc, "die Nacht", "2024-08-18TNI")], entities_of(doc))
    assert (event.what, event.who) == ("Feuerwehr Schlanders pumpte Wasser ab", ["ORG:Feuerwehr Schlanders"])


def test_a_person_named_with_von_keeps_the_whole_name_for_a_pronoun():
    doc = make_doc(
        "Ursula/NE/PER von/NE/PER der/NE/PER Leyen/NE/PER reiste/VVFIN nach/APPR Rom/NE/LOC ./$. || "
        "Am/APPRART Montag/NN traf/VVFIN sie/PPER den/ART Papst/NN ./$."
    )
    (event,) = extract_events(doc, [timex_at(doc, "Am Montag", "2024-03-11")], entities_of(doc))
    assert event.what == "Ursula von der Leyen traf Papst"


@pytest.mark.parametrize("sentence, who", [
    ("Der/ART Südtiroler/NN Bauernbund/NE forderte/VVFIN am/APPRART Freitag/NN Hilfe/NN ./$.",
     ["ORG:Südtiroler Bauernbund"]),
    ("Die/ART Bozner/ADJA Polizei/NN nahm/VVFIN am/APPRART Freitag/NN zwei/CARD Männer/NN fest/PTKVZ ./$.",
     ["ORG:Bozner Polizei"]),
    # an institution whose noun ends in -er, and its place
    ("Die/ART Arbeiterkammer/NN Südtirol/NE legte/VVFIN am/APPRART Freitag/NN Zahlen/NN vor/PTKVZ ./$.",
     ["ORG:Arbeiterkammer Südtirol"]),
])
def test_the_adjective_of_a_place_before_an_institution_is_part_of_its_name(sentence, who):
    doc = make_doc(sentence)
    (event,) = extract_events(doc, [timex_at(doc, "am Freitag", "2024-11-08")], [])
    assert event.who == who


def test_a_long_apposition_after_a_name_is_left_out_of_the_line():
    doc = make_doc(
        "Das/PDS sagte/VVFIN Klaus/NE/PER Peer/NE/PER ,/$, der/ART Vorsitzende/NN des/ART Dachverbands/NN "
        "für/APPR Natur-/TRUNC und/KON Umweltschutz/NN ,/$, am/APPRART Donnerstag/NN ./$."
    )
    (event,) = extract_events(doc, [timex_at(doc, "am Donnerstag", "2024-09-19")], entities_of(doc))
    assert "Vorsitzende" not in event.what and event.what.startswith("Klaus Peer sagte")


def test_a_report_with_wie_gives_the_main_clause_before_it():
    doc = make_doc(
        "Das/ART Tier/NN wurde/VAFIN betäubt/VVPP ,/$, wie/KOUS die/ART Verwaltung/NN am/APPRART "
        "Donnerstag/NN mitteilte/VVFIN ./$."
    )
    (event,) = extract_events(doc, [timex_at(doc, "am Donnerstag", "2024-11-07")], [])
    assert event.what == "Verwaltung teilte mit: Tier wurde betäubt"


def test_an_announcement_with_bekannt_gives_what_was_announced():
    doc = make_doc(
        "Die/ART Preise/NN sind/VAFIN gestiegen/VVPP ./$. || Das/PDS hat/VAFIN das/ART Statistikamt/NN "
        "am/APPRART Montag/NN bekannt/ADJD gegeben/VVPP ./$."
    )
    (event,) = extract_events(doc, [timex_at(doc, "am Montag", "2024-03-04")], [])
    assert event.what == "Statistikamt hat bekannt gegeben: Preise sind gestiegen"


def test_a_history_does_not_place_old_events_where_the_article_reports_from():
    doc = make_doc(
        "ROM/NE/LOC ./$. || Im/APPRART Jahr/NN 218/CARD zog/VVFIN Hannibal/NE/PER über/APPR die/ART "
        "Alpen/NN ./$. || Im/APPRART Jahr/NN 216/CARD siegte/VVFIN er/PPER ./$. || "
        "Im/APPRART Jahr/NN 2019/CARD eröffnete/VVFIN ein/ART Museum/NN ./$."
    )
    timexes = [timex_at(doc, "Jahr 218", "0218"), timex_at(doc, "Jahr 216", "0216"), timex_at(doc, "Jahr 2019", "2019")]
    events = extract_events(doc, timexes, entities_of(doc), published=dt.date(2024, 5, 2), lead=False)
    by_value = {e.value: e for e in events}
    assert by_value["0218"].where == [] and by_value["0216"].where == []
    assert by_value["2019"].where == ["LOC:ROM"]


def test_a_von_phrase_on_a_way_from_a_place_is_not_part_of_the_subject():
    doc = make_doc(
        "Im/APPRART Frühjahr/NN zog/VVFIN Hannibal/NE/PER von/APPR Spanien/NE/LOC aus/PTKVZ "
        "nach/APPR Italien/NE/LOC ./$."
    )
    (event,) = extract_events(doc, [timex_at(doc, "Im Frühjahr", "0218-SP")], entities_of(doc))
    assert event.what.startswith("Hannibal zog")


@pytest.mark.parametrize("sentence, who", [
    ("Am/APPRART Montag/NN hatten/VAFIN die/ART Grünen/NN/ORG und/KON die/ART Bürgerliste/NN die/ART "
     "Zusammenarbeit/NN aufgekündigt/VVPP ./$.", ["ORG:Grünen", "Bürgerliste"]),
    # one person with two titles
    ("Die/ART Kabarettistin/NN und/KON Sexualpädagogin/NN Barbara/NE/PER Balldini/NE/PER kommt/VVFIN "
     "am/APPRART Montag/NN ./$.", ["PER:Barbara Balldini"]),
])
def test_each_of_coordinated_subjects_is_among_the_who(sentence, who):
    doc = make_doc(sentence)
    (event,) = extract_events(doc, [timex_at(doc, "Montag", "2024-03-11")], entities_of(doc))
    assert event.who == who


def test_zwischen_x_und_y_is_one_group_not_coordinated_subjects():
    # the talks are the subject; Moskau, second of the pair after "zwischen", is no actor
    doc = make_doc(
        "Die/ART Gespräche/NN zwischen/APPR Washington/NE/LOC und/KON Moskau/NE/LOC sollen/VMFIN am/APPRART "
        "Montag/NN beginnen/VVINF ./$."
    )
    (event,) = extract_events(doc, [timex_at(doc, "Montag", "2024-03-11")], entities_of(doc))
    assert event.who == [] and event.where == ["LOC:Washington", "LOC:Moskau"]


def test_the_score_of_a_match_stays_in_the_line():
    doc = make_doc(
        "Die/ART Gastgeber/NN besiegten/VVFIN am/APPRART Samstag/NN den/ART Meister/NN mit/APPR 3:1/CARD ./$."
    )
    (event,) = extract_events(doc, [timex_at(doc, "am Samstag", "2025-04-12")], [])
    assert event.what == "Gastgeber besiegten Meister mit 3:1"


def test_a_valley_after_a_local_preposition_is_where_it_happened():
    doc = make_doc(
        "SCHLANDERS/NE/LOC ./$. || Unwetter/NN haben/VAFIN am/APPRART Sonntag/NN im/APPRART Vinschgau/NE "
        "Schäden/NN angerichtet/VVPP ./$. || Am/APPRART Montag/NN ist/VAFIN er/PPER im/APPRART Tal/NN "
        "angekommen/VVPP ./$."
    )
    events = extract_events(doc, [timex_at(doc, "am Sonntag", "2024-08-18"), timex_at(doc, "Am Montag", "2024-08-19")],
                            entities_of(doc))
    first, second = sorted(events, key=lambda e: e.start)
    assert first.where == ["LOC:Vinschgau"]
    assert second.where == ["LOC:SCHLANDERS"]  # "im Tal": a word, not a name


def test_beide_before_a_noun_takes_up_the_two_named_before():
    doc = make_doc(
        "Carlsberg/NE/ORG übernimmt/VVFIN Hofmann/NE/ORG ./$. || Beide/PIAT Unternehmen/NN "
        "unterzeichneten/VVFIN am/APPRART Mittwoch/NN einen/ART Vertrag/NN ./$."
    )
    (event,) = extract_events(doc, [timex_at(doc, "am Mittwoch", "2025-04-02")], entities_of(doc))
    assert event.who == ["ORG:Carlsberg", "ORG:Hofmann"]


def test_a_person_after_an_institution_noun_is_not_part_of_its_name():
    # "verlieh der Senat Octavian den Ehrennamen": Octavian is the dative, "er" later is Octavian
    doc = make_doc(
        "Im/APPRART Januar/NN verlieh/VVFIN der/ART Senat/NN Octavian/NE/PER den/ART Ehrennamen/NN ./$. || "
        "Er/PPER regierte/VVFIN bis/APPR zum/APPRART August/NN in/APPR Nola/NE/LOC ./$."
    )
    events = extract_events(doc, [timex_at(doc, "Januar", "BC0027-01"), timex_at(doc, "August", "0014-08")],
                            entities_of(doc))
    first, second = sorted(events, key=lambda e: e.start)
    assert "ORG:Senat Octavian" not in first.who
    assert second.what.startswith("Octavian regierte")


def test_a_passive_agent_after_a_name_is_not_the_name_s():
    doc = make_doc("Am/APPRART Montag/NN wurde/VAFIN Dareios/NE/PER von/APPR eigenen/ADJA Leuten/NN getötet/VVPP ./$.")
    (event,) = extract_events(doc, [timex_at(doc, "Am Montag", "2024-03-11")], entities_of(doc))
    assert event.what == "Dareios wurde von eigenen Leuten getötet"


@pytest.mark.parametrize("als", ["KOUS", "KOKOM"])  # the tagger reads temporal "als" as a comparison
def test_er_takes_up_the_subject_of_the_main_clause_not_a_person_of_a_subordinate_one(als):
    # "Als sein Vater Philipp ermordet wurde, übernahm Alexander ...": the next "er" is Alexander
    doc = make_doc(
        f"Als/{als} sein/PPOSAT Vater/NN Philipp/NE/PER ermordet/VVPP wurde/VAFIN ,/$, übernahm/VVFIN "
        "der/ART junge/ADJA Alexander/NE/PER die/ART Herrschaft/NN ./$. || Im/APPRART Frühjahr/NN "
        "setzte/VVFIN er/PPER nach/APPR Kleinasien/NE/LOC über/PTKVZ ./$."
    )
    (event,) = extract_events(doc, [timex_at(doc, "Im Frühjahr", "0334-SP")], entities_of(doc), lead=False)
    assert event.who[0] == "PER:Alexander"
    assert event.what.startswith("Alexander setzte")


@pytest.mark.parametrize("sentence, who", [
    ("Ein/ART Kleintransporter/NN prallte/VVFIN am/APPRART Montag/NN gegen/APPR einen/ART Baum/NN ./$.", []),
    ("Der/ART Hubschrauber/NN landete/VVFIN am/APPRART Montag/NN ./$.", []),
    # a role noun in -er still names a person
    ("Ein/ART Wanderer/NN stürzte/VVFIN am/APPRART Montag/NN ab/PTKVZ ./$.", ["Wanderer"]),
])
def test_a_vehicle_in_er_is_no_role(sentence, who):
    doc = make_doc(sentence)
    (event,) = extract_events(doc, [timex_at(doc, "Montag", "2024-03-11")], entities_of(doc))
    assert event.who == who


def test_a_coordinated_clause_opening_with_its_verb_keeps_the_subject_before():
    # "Scipio setzte nach Afrika über und schlug Hannibal ...": Hannibal is the object, Scipio the subject
    doc = make_doc(
        "Scipio/NE/PER setzte/VVFIN nach/APPR Afrika/NE/LOC über/PTKVZ und/KON schlug/VVFIN Hannibal/NE/PER "
        "im/APPRART Jahr/NN 202/CARD bei/APPR Zama/NE/LOC ./$."
    )
    (event,) = extract_events(doc, [timex_at(doc, "Jahr 202", "0202")], entities_of(doc), lead=False)
    assert event.who[:2] == ["PER:Scipio", "PER:Hannibal"]
    assert event.what.startswith("Scipio schlug Hannibal")
    # a pronoun after the verb is the clause's own subject
    doc = make_doc(
        "Scipio/NE/PER setzte/VVFIN nach/APPR Afrika/NE/LOC über/PTKVZ und/KON schlug/VVFIN er/PPER "
        "im/APPRART Jahr/NN 202/CARD Hannibal/NE/PER ./$."
    )
    (event,) = extract_events(doc, [timex_at(doc, "Jahr 202", "0202")], entities_of(doc), lead=False)
    assert event.who[0] == "PER:Scipio"
