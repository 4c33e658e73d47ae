"""Past or future from the sentence: weekdays, months and dates without a year."""

from __future__ import annotations

from datetime import date

import pytest

from newsdesk.index.analysis.timex import FUTURE, NEUTRAL, PAST, sentence_bounds, tense_direction

from .helpers import only

# Tuesday 2025-10-21 (helpers.DCT) and Thursday 2025-10-16
THURSDAY = date(2025, 10, 16)


def _direction(text: str, word: str) -> int:
    i = text.index(word)
    return tense_direction(text, i, i + len(word))


@pytest.mark.parametrize("text, word, expected", [
    ("Rubio und Lawrow hatten am Montag telefoniert.", "Montag", PAST),
    ("Selenskyj wird am Freitag zu einem Treffen erwartet.", "Freitag", FUTURE),
    ("Der Gipfel könnte am 8. November stattfinden.", "8. November", FUTURE),
    ("Peskow betonte am Montag, nichts habe sich geändert.", "Montag", PAST),
    ("Die Regierung hat am Montag beschlossen, die Steuer zu senken.", "Montag", PAST),
    ("Am Freitag soll abgestimmt werden.", "Freitag", FUTURE),
    ("Trump hatte im Wahlkampf erklärt, er werde den Krieg nach seinem Amtsantritt im Januar beenden.",
     "Januar", PAST),
    ("Er sagt, er werde im Januar kommen.", "Januar", FUTURE),
    ("Die Messe im März", "März", NEUTRAL),
    # a participle with a separable prefix, the auxiliary after the participle, a perfect infinitive
    ("Am Montag hat die Polizei in Innsbruck einen Mann festgenommen.", "Montag", PAST),
    ("Die Polizei sucht einen Mann, der am Montag eine Bank überfallen hat.", "Montag", PAST),
    ("Die Polizei sucht einen Mann, der am Montag eine Bank überfallen will.", "Montag", FUTURE),
    ("Ihm wird vorgeworfen, am Montag einen Mitschüler verletzt zu haben.", "Montag", PAST),
    ("Ihm wird vorgeworfen, im März sieben Überfälle begangen zu haben.", "März", PAST),
    # a day the clause appoints ("für den 22. März aufgerufen"): the perfect tells the appointing
    ("Sie haben für den 22. März zu einer Kundgebung aufgerufen.", "22. März", NEUTRAL),
])
def test_direction(text, word, expected):
    assert _direction(text, word) == expected


def test_clause_decides_before_sentence():
    text = ("Rubio und Lawrow könnten aber diese Woche noch einmal telefonieren, nachdem sie am Montag "
            "ein Telefonat geführt hätten.")
    assert _direction(text, "Montag") == PAST


def test_sentence_bounds_skip_ordinal_dots():
    text = "Er kam am 8. November an. Dann ging er."
    s, e = sentence_bounds(text, text.index("November"), text.index("November") + 8)
    assert text[s:e].strip() == "Er kam am 8. November an."


def test_a_number_ends_its_sentence_before_an_article():
    text = "2023 waren es noch 35. Das Landesgericht will im Mai einen Fall verhandeln."
    s, e = sentence_bounds(text, text.index("Mai"), text.index("Mai") + 3)
    assert text[s:e].strip() == "Das Landesgericht will im Mai einen Fall verhandeln."
    assert _direction(text, "Mai") == FUTURE


@pytest.mark.parametrize("text, dct, value", [
    ("Rubio und Lawrow hatten am Montag telefoniert.", date(2025, 10, 21), "2025-10-20"),
    ("Selenskyj wird am Freitag im Weißen Haus erwartet.", THURSDAY, "2025-10-17"),
    ("Der Gipfel könnte am 8. November stattfinden.", date(2025, 10, 21), "2025-11-08"),
    ("Trump hatte bereits im September angekündigt, mit Putin zu sprechen.", THURSDAY, "2025-09"),
    ("Die Wahl findet im September statt, wird erwartet.", THURSDAY, "2026-09"),
    ("Er hatte am 20. Dezember gesprochen.", date(2026, 1, 13), "2025-12-20"),
    ("Die Entscheidung soll im Januar fallen.", date(2025, 12, 10), "2026-01"),
    ("Am vergangenen Freitag wurde gewählt.", date(2025, 10, 21), "2025-10-17"),
    ("Am kommenden Dienstag wird gewählt.", date(2025, 10, 21), "2025-10-28"),
    ("Am Mittwoch", date(2025, 10, 21), "2025-10-22"),  # no tense cue: the nearer Wednesday
    ("Am Sonntag", date(2025, 10, 21), "2025-10-19"),
    ("Sie hatten sich Mitte August in Alaska getroffen.", THURSDAY, "2025-08"),
    ("Seit Montag gilt die neue Regel.", date(2025, 10, 21), "2025-10-20"),
    ("Der Prozess beginnt am Montag.", date(2025, 10, 21), "2025-10-27"),
    ("Die Ausstellung ist ab Freitag geöffnet.", date(2025, 10, 21), "2025-10-24"),
    ("Die Polizei teilte mit, der Mann sei am Montag festgenommen worden.", date(2025, 10, 21), "2025-10-20"),
    ("Seit März ist er im Amt.", date(2025, 10, 21), "2025-03"),
    ("Ab März gilt die Regel.", date(2025, 10, 21), "2026-03"),
    # verbs of saying date the report, not the reported event
    ("Er hat angekündigt, dass er am Freitag kommt.", date(2025, 10, 21), "2025-10-24"),
    ("Er sagte, er werde am Freitag kommen.", date(2025, 10, 21), "2025-10-24"),
    ("Er sagte, er werde im Januar kommen.", date(2025, 10, 21), "2026-01"),
    ("Er sagte, das Treffen habe am Montag stattgefunden.", date(2025, 10, 21), "2025-10-20"),
    ("Wie die Polizei mitteilte, wurde der Mann am Sonntag festgenommen.", date(2025, 10, 21), "2025-10-19"),
])
def test_placed_in_time(text, dct, value):
    assert only(text, dct).value == value


def test_reported_future_in_a_past_sentence():
    text = ("Trump hatte im Wahlkampf erklärt, er werde den Ukraine-Krieg nach seinem Amtsantritt "
            "im Januar innerhalb von \"24 Stunden\" beenden.")
    from .helpers import tagged
    assert ("Januar", "DATE", "2025-01") in tagged(text, THURSDAY)
