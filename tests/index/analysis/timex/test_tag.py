"""The tagger on whole texts: the seed articles, negatives, unknown publication dates."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from newsdesk.index.analysis.timex import TAGGER_VERSION, tag

from .helpers import tagged

SEEDS = Path(__file__).resolve().parents[4] / "seeds"


def _seed(prefix: str) -> tuple[str, date]:
    path = next(SEEDS.glob(prefix + "*.txt"))
    text = path.read_text(encoding="utf-8")
    m = re.match(r"\s*date (\d{4}-\d{2}-\d{2})\s*", text)
    return text[m.end():], date.fromisoformat(m.group(1))


def _find(timexes, text_of_span, after=0):
    for t in timexes:
        if t.text == text_of_span and t.start >= after:
            return t
    raise AssertionError(f"{text_of_span!r} not found in {[t.text for t in timexes]}")


def test_seed_article_one():
    text, dct = _seed("000_")
    assert dct == date(2025, 10, 21)
    found = tag(text, dct)
    assert (_find(found, "den nächsten zwei Wochen").type, _find(found, "den nächsten zwei Wochen").value) \
        == ("DURATION", "P2W")
    mid = _find(found, "Mitte vergangener Woche")
    assert (mid.value, mid.mod) == ("2025-W42", "MID")
    assert _find(found, "8. November").value == "2025-11-08"
    for t in found:
        if t.text == "Montag":
            assert t.value == "2025-10-20"
    assert _find(found, "diese Woche").value == "2025-W43"
    for t in found:
        assert text[t.start:t.end] == t.text


def test_seed_article_two():
    text, dct = _seed("003_")
    assert dct == date(2025, 10, 16)
    found = tag(text, dct)
    assert _find(found, "Freitag").value == "2025-10-17"
    august = _find(found, "Mitte August")
    assert (august.value, august.mod) == ("2025-08", "MID")
    assert _find(found, "der kommenden Woche").value == "2025-W43"
    assert _find(found, "September").value == "2025-09"
    assert _find(found, "10.09.2025").value == "2025-09-10"
    assert _find(found, "03.10.2025").value == "2025-10-03"
    assert _find(found, "Januar").value == "2025-01"
    assert (_find(found, "24 Stunden").type, _find(found, "24 Stunden").value) == ("DURATION", "PT24H")
    assert _find(found, "dreieinhalb Jahren").value == "P3.5Y"
    # "2.500 Kilometern" is no year; "Angriffe", "die", "mit", "So" are no weekdays
    assert not any(t.text in ("2.500", "500", "die", "mit", "So") for t in found)
    assert not any("Kilometer" in t.text for t in found)


@pytest.mark.parametrize("text", [
    "Die Sache mit dem Geld. So ist es eben.",
    "Mit die beste Wahl, so der Trainer.",
    "August Bebel gründete die Partei.",
    "Juli Zeh liest aus ihrem Roman.",
    "Die Autorin Mai Thi Nguyen-Kim spricht.",
    "Die Reichweite beträgt 2.500 Kilometer.",
    "Rund 2000 Menschen demonstrierten.",
    "Mehr als 1500 Euro kostet das Gerät.",
    "Die Stadt 1010 Wien liegt im Osten.",
    "Der Morgen graut, guten Morgen allerseits.",
    "Die politische Mitte ist gespalten.",
    "Am Ende des Tunnels ist Licht.",
    "Sie spielten 3:1 gegen Bayern.",
    "Das Gesetz Nr. 1234 gilt.",
    "Er wohnt in der Rovigostraße 42.",
    "Version 2.10 wurde veröffentlicht.",
    "Die Linie 1999 fährt nach Norden.",
    "Sie trug die Startnummer 2012.",
    "Die Bundesstraße 1934 ist gesperrt.",
    "Die Zahl stieg von 1800 auf 1900.",
    "Im August-Bebel-Haus tagte die SPD.",
    "Das Sonntagsblatt und die Freitagsgebete.",
    "Die Sommerferien und der Winterdienst.",
    "Die Tagesschau berichtete.",
    "Das hat keinen Bezug zum täglichen Leben.",
    "Es war ein Tag der offenen Tür.",
    "Das berichtete das heute-journal.",
    "Die Werke des August von Kotzebue.",
])
def test_no_expression_in_ordinary_words(text):
    assert tagged(text) == []


@pytest.mark.parametrize("text, span, value", [
    ("Die Reform trat im August in Kraft.", "August", "2025-08"),
    ("Im Mai hatte er gewonnen.", "Mai", "2025-05"),
    ("Am 1. Mai war Feiertag.", "1. Mai", "2025-05-01"),
    ("Der Bau hat im Juli und August gedauert.", "Juli", "2025-07"),
])
def test_name_like_months_with_calendar_context(text, span, value):
    assert (span, "DATE", value) in tagged(text)


def test_unknown_publication_date():
    found = tagged("Am Montag hatte er gestern im September vergangene Woche um 18 Uhr "
                   "am 8. November seit drei Jahren im Jahr 2019 gesprochen.", None)
    values = dict((t, v) for t, _, v in found)
    assert values["Montag"] == "XXXX-WXX-1"
    assert values["gestern"] == "XXXX-XX-XX"
    assert values["September"] == "XXXX-09"
    assert values["vergangene Woche"] == "XXXX-WXX"
    assert values["18 Uhr"] == "XXXX-XX-XXT18:00"
    assert values["8. November"] == "XXXX-11-08"
    assert values["drei Jahren"] == "P3Y"
    assert values["Jahr 2019"] == "2019"


def test_empty_and_plain_text():
    assert tag("", date(2025, 1, 1)) == []
    assert tag("Ein Satz ohne Zeitangabe.", None) == []


def test_offsets_and_order():
    text = "Am Montag kam er, am 3. Oktober 2025 ging er, seit drei Jahren wohnt er hier."
    found = tag(text, date(2025, 10, 21))
    assert [t.text for t in found] == ["Montag", "3. Oktober 2025", "drei Jahren"]
    assert all(text[t.start:t.end] == t.text for t in found)
    assert [t.start for t in found] == sorted(t.start for t in found)


def test_round_trip_through_dict():
    from newsdesk.index.annotations import Timex
    for t in tag("Mitte August und am Montag", date(2025, 10, 21)):
        assert Timex.from_dict(t.to_dict()) == t


def test_version_is_a_string():
    assert isinstance(TAGGER_VERSION, str) and TAGGER_VERSION


def test_module_doctest():
    import doctest

    import newsdesk.index.analysis.timex as timex

    assert doctest.testmod(timex).failed == 0


def test_publication_time_as_datetime():
    from datetime import datetime
    found = tag("Gestern kam er.", datetime(2025, 10, 21, 14, 30))
    assert [(t.text, t.value) for t in found] == [("Gestern", "2025-10-20")]
