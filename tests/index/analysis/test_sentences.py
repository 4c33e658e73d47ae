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
