import pytest
import spacy

from newsdesk.index.analysis.sentences import set_sentence_starts


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("de")


def sents(nlp, text):
    return [s.text.strip() for s in set_sentence_starts(nlp(text)).sents]


def test_abbreviations_ordinals_and_dates_do_not_split(nlp):
    text = "Am 8. November trifft Dr. Müller die Delegation in Raum Nr. 5. Das war z.B. bis zum 3.10.2025 geplant."
    assert sents(nlp, text) == [
        "Am 8. November trifft Dr. Müller die Delegation in Raum Nr. 5.",
        "Das war z.B. bis zum 3.10.2025 geplant.",
    ]


def test_line_breaks_end_headings_and_whitespace_stays_behind(nlp):
    assert sents(nlp, "\nÜberschrift ohne Punkt\n\nErster Satz. Zweiter Satz") == [
        "Überschrift ohne Punkt", "Erster Satz.", "Zweiter Satz",
    ]


def test_quotes_and_brackets(nlp):
    text = '"Es ist spät", sagte er. "Wirklich?", fragte sie. „Nein!“ Donald Trump. (Archivbild) Quelle: AP'
    assert sents(nlp, text) == [
        '"Es ist spät", sagte er.', '"Wirklich?", fragte sie.', "„Nein!“", "Donald Trump.", "(Archivbild) Quelle: AP",
    ]


def test_no_split_before_lower_case_word(nlp):
    assert sents(nlp, "Er sagte ... und ging. Was nun?! Ende") == ["Er sagte ... und ging.", "Was nun?!", "Ende"]


def test_abbreviations_that_may_close_a_sentence(nlp):
    assert sents(nlp, "Er lebt seit 2003 in Washington, D.C. und arbeitet für die Weltbank. Danach nicht.") == [
        "Er lebt seit 2003 in Washington, D.C. und arbeitet für die Weltbank.", "Danach nicht.",
    ]
    assert sents(nlp, "Er lebt in Washington, D.C. Dort arbeitet er.") == [
        "Er lebt in Washington, D.C.", "Dort arbeitet er.",
    ]
    assert sents(nlp, "Die Stadt wurde um 1500 v. Chr. gegründet. Im Jahr 480 v. Chr. kamen die Perser.") == [
        "Die Stadt wurde um 1500 v. Chr. gegründet.", "Im Jahr 480 v. Chr. kamen die Perser.",
    ]


def test_a_date_or_year_ends_a_sentence(nlp):
    assert sents(nlp, "Er starb am 19. September 1985. Zuletzt lebte er in Rom.") == [
        "Er starb am 19. September 1985.", "Zuletzt lebte er in Rom.",
    ]
    assert sents(nlp, "Das war am 3.10.2025. Morgen kommt mehr.") == ["Das war am 3.10.2025.", "Morgen kommt mehr."]
    # an ordinal stays inside its sentence
    assert sents(nlp, "Der 100. Geburtstag wird am 8. Mai gefeiert. Die 1985. Sitzung auch.") == [
        "Der 100. Geburtstag wird am 8. Mai gefeiert.", "Die 1985. Sitzung auch.",
    ]


def test_run_in_headings_are_sentences_of_their_own(nlp):
    text = ("Einleitung.\nDifferenzen über Beendigung des Krieges Auch der US-Nachrichtendienst sieht das so "
            "und warnt vor einer Eskalation.")
    assert sents(nlp, text) == [
        "Einleitung.", "Differenzen über Beendigung des Krieges",
        "Auch der US-Nachrichtendienst sieht das so und warnt vor einer Eskalation.",
    ]
    assert sents(nlp, "Europäische Flüchtlingspolitik:  In der EU werden Schlüssel erstellt. Er sagte: Das ist gut.") == [
        "Europäische Flüchtlingspolitik:", "In der EU werden Schlüssel erstellt.", "Er sagte: Das ist gut.",
    ]


def test_an_abbreviation_before_a_number_does_not_end_the_sentence(nlp):
    text = ("Weihnachtsmarkt in Meran, Speckbacherstr. 24, im Pfarrzentrum. Er berief sich auf Art. 1 des "
            "Paktes. Das war eine neue Kunst. 25 Leute kamen.")
    assert sents(nlp, text) == [
        "Weihnachtsmarkt in Meran, Speckbacherstr. 24, im Pfarrzentrum.",
        "Er berief sich auf Art. 1 des Paktes.",
        "Das war eine neue Kunst.",
        "25 Leute kamen.",
    ]


def test_a_dotted_abbreviation_written_without_spaces_does_not_split(nlp):
    text = "Ich fahre nach Rom. Heute (gestern, A.d.R.) ist ein Feiertag. Dann kam er."
    assert sents(nlp, text) == ["Ich fahre nach Rom.", "Heute (gestern, A.d.R.) ist ein Feiertag.", "Dann kam er."]
