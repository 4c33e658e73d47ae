"""Pattern families: extents (prepositions outside, articles inside), types and values.

Publication date for all: Tuesday 2025-10-21 (ISO week 43).
"""

from __future__ import annotations

from datetime import date

import pytest

from newsdesk.index.analysis.timex.patterns import candidate_re, iter_spans

from .helpers import DCT, only, tagged


FAMILY_CASES = [
    # calendar dates in words and digits
    ("Das Treffen ist am 3. Oktober 2025 geplant.", "3. Oktober 2025", "DATE", "2025-10-03"),
    ("Er kam am 8. November 1989 an.", "8. November 1989", "DATE", "1989-11-08"),
    ("Die Frist endet am 03.10.2025.", "03.10.2025", "DATE", "2025-10-03"),
    ("Die Frist endete am 3.10.25 in Berlin.", "3.10.25", "DATE", "2025-10-03"),
    ("Stand: 2025-10-03", "2025-10-03", "DATE", "2025-10-03"),
    ("Am 24. Dez. 2024 war Ruhe.", "24. Dez. 2024", "DATE", "2024-12-24"),
    ("Die Sitzung vom 3.10. wurde vertagt.", "3.10.", "DATE", "2025-10-03"),
    ("Wir treffen uns am Donnerstag, 25. Februar 2027.", "Donnerstag, 25. Februar 2027", "DATE", "2027-02-25"),
    ("Am Freitag, den 3.10.2025, war Feiertag.", "Freitag, den 3.10.2025", "DATE", "2025-10-03"),
    # months and years
    ("Er wurde im November 1970 geboren.", "November 1970", "DATE", "1970-11"),
    ("Das war im Jahr 2019.", "Jahr 2019", "DATE", "2019"),
    ("Seit 2008 hat sich das verdoppelt.", "2008", "DATE", "2008"),
    ("2024 war ein gutes Jahr.", "2024", "DATE", "2024"),
    ("Der Vertrag läuft bis Juli dieses Jahres.", "Juli dieses Jahres", "DATE", "2025-07"),
    ("Die Zahlen des Jahres 2019 sind da.", "des Jahres 2019", "DATE", "2019"),
    # parts of periods
    ("Sie trafen sich Mitte August.", "Mitte August", "DATE", "2025-08"),
    ("Anfang 2024 begann der Umbau.", "Anfang 2024", "DATE", "2024"),
    ("Das soll bis Ende des Jahres erledigt sein.", "Ende des Jahres", "DATE", "2025"),
    ("Er kündigte das Mitte vergangener Woche an.", "Mitte vergangener Woche", "DATE", "2025-W42"),
    ("Anfang Dezember wurde gewählt.", "Anfang Dezember", "DATE", "2024-12"),
    ("Anfang nächsten Jahres wird gewählt.", "Anfang nächsten Jahres", "DATE", "2026"),
    ("Das war Ende der 1990er Jahre.", "Ende der 1990er Jahre", "DATE", "199"),
    ("Ende des 19. Jahrhunderts entstand das Haus.", "Ende des 19. Jahrhunderts", "DATE", "18"),
    # seasons, quarters, decades, centuries
    ("Im Frühjahr hatte er gewarnt.", "Frühjahr", "DATE", "2025-SP"),
    ("Das Werk öffnet im Herbst 2026.", "Herbst 2026", "DATE", "2026-FA"),
    ("Der Umsatz stieg im dritten Quartal.", "dritten Quartal", "DATE", "2025-Q3"),
    ("Im ersten Halbjahr 2024 sank der Absatz.", "ersten Halbjahr 2024", "DATE", "2024-H1"),
    ("In den 1980er Jahren war das anders.", "den 1980er Jahren", "DATE", "198"),
    ("In den Achtzigerjahren war das anders.", "den Achtzigerjahren", "DATE", "198"),
    ("Im 20. Jahrhundert wuchs die Stadt.", "20. Jahrhundert", "DATE", "19"),
    # relative days and weeks
    ("Gestern hat der Rat getagt.", "Gestern", "DATE", "2025-10-20"),
    ("Das Gesetz tritt heute in Kraft.", "heute", "DATE", "2025-10-21"),
    ("Das Urteil fällt morgen.", "morgen", "DATE", "2025-10-22"),
    ("Vorgestern kam es zum Streit.", "Vorgestern", "DATE", "2025-10-19"),
    ("Übermorgen wird gewählt.", "Übermorgen", "DATE", "2025-10-23"),
    ("Vergangene Woche gab es Streit.", "Vergangene Woche", "DATE", "2025-W42"),
    ("Die Abstimmung ist in der kommenden Woche.", "der kommenden Woche", "DATE", "2025-W44"),
    ("Diese Woche wird verhandelt.", "Diese Woche", "DATE", "2025-W43"),
    ("Nächste Woche wird verhandelt.", "Nächste Woche", "DATE", "2025-W44"),
    ("Im vergangenen Jahr sank die Zahl.", "vergangenen Jahr", "DATE", "2024"),
    ("Im kommenden Monat startet der Bau.", "kommenden Monat", "DATE", "2025-11"),
    ("Im Vorjahr waren es mehr.", "Vorjahr", "DATE", "2024"),
    ("Heuer gab es weniger Schnee.", "Heuer", "DATE", "2025"),
    # times of day
    ("Die Feier beginnt um 18 Uhr.", "18 Uhr", "TIME", "2025-10-21T18:00"),
    ("Beginn ist um 20.30 Uhr im Saal.", "20.30 Uhr", "TIME", "2025-10-21T20:30"),
    ("Beginn ist um 9:15 Uhr im Saal.", "9:15 Uhr", "TIME", "2025-10-21T09:15"),
    ("Das Konzert ist heute Abend.", "heute Abend", "TIME", "2025-10-21TEV"),
    ("Gestern Abend kam es zu einem Unfall.", "Gestern Abend", "TIME", "2025-10-20TEV"),
    ("Er reist morgen früh ab.", "morgen früh", "TIME", "2025-10-22TMO"),
    ("Am Abend wird gefeiert.", "Abend", "TIME", "2025-10-21TEV"),
    ("Die Einbrecher kamen in der Nacht.", "der Nacht", "TIME", "2025-10-21TNI"),
    ("Er kam am Dienstagabend zurück.", "Dienstagabend", "TIME", "2025-10-21TEV"),
    ("In der Nacht zu Montag brannte es.", "der Nacht zu Montag", "TIME", "2025-10-19TNI"),
    ("In der Früh war es neblig.", "der Früh", "TIME", "2025-10-21TMO"),
    # durations
    ("Sie leben seit drei Jahren hier.", "drei Jahren", "DURATION", "P3Y"),
    ("Das klären wir in den nächsten zwei Wochen.", "den nächsten zwei Wochen", "DURATION", "P2W"),
    ("Der Krieg dauert dreieinhalb Jahre.", "dreieinhalb Jahre", "DURATION", "P3.5Y"),
    ("Er wollte den Krieg in 24 Stunden beenden.", "24 Stunden", "DURATION", "PT24H"),
    ("Die Sitzung dauerte 90 Minuten.", "90 Minuten", "DURATION", "PT90M"),
    ("Er arbeitet seit Jahren hier.", "Jahren", "DURATION", "PXY"),
    ("Das dauerte ein halbes Jahr.", "ein halbes Jahr", "DURATION", "P6M"),
    ("In den vergangenen Monaten stieg der Preis.", "den vergangenen Monaten", "DURATION", "PXM"),
    ("Er war einige Tage weg.", "einige Tage", "DURATION", "PXD"),
    ("Die Frist beträgt eineinhalb Stunden.", "eineinhalb Stunden", "DURATION", "PT1.5H"),
    ("Das ist die 14-Tage-Frist.", "14-Tage", "DURATION", "P14D"),
    ("Er blieb zwei Jahrzehnte.", "zwei Jahrzehnte", "DURATION", "P2DE"),
    ("Die Stadt wurde vor 2000 Jahren gegründet.", "2000 Jahren", "DURATION", "P2000Y"),
    # sets
    ("Der Markt ist jeden Montag geöffnet.", "jeden Montag", "SET", "XXXX-WXX-1"),
    ("Die Zeitung erscheint täglich.", "täglich", "SET", "P1D"),
    ("Er berichtet wöchentlich.", "wöchentlich", "SET", "P1W"),
    ("Die monatlichen Gebühren steigen.", "monatlichen", "SET", "P1M"),
    ("Der Markt ist montags geöffnet.", "montags", "SET", "XXXX-WXX-1"),
    ("Der Bus fährt alle zwei Stunden.", "alle zwei Stunden", "SET", "PT2H"),
    ("Er kommt jedes Jahr wieder.", "jedes Jahr", "SET", "P1Y"),
    ("Die Sitzung findet zweimal im Monat statt.", "zweimal im Monat", "SET", "P1M"),
    ("Die Koalition will sich bis zum Sommer einigen.", "Sommer", "DATE", "2026-SU"),
    # reference words and holidays
    ("Jetzt muss gehandelt werden.", "Jetzt", "DATE", "PRESENT_REF"),
    ("Damals war alles anders.", "Damals", "DATE", "PAST_REF"),
    ("Die Entscheidung fällt bald.", "bald", "DATE", "FUTURE_REF"),
    ("Zu Weihnachten 2024 kam er heim.", "Weihnachten 2024", "DATE", "2024-12-25"),
    ("Dieser Tage wird verhandelt.", "Dieser Tage", "DATE", "PRESENT_REF"),
    ("Um Mitternacht war Schluss.", "Mitternacht", "TIME", "2025-10-21T24:00"),
    ("Im Jahre 1848 gab es Unruhen.", "Jahre 1848", "DATE", "1848"),
    ("Die Lieferung kommt in der Kalenderwoche 45.", "der Kalenderwoche 45", "DATE", "2025-W45"),
    ("Die Lieferung kam in KW 2/2024.", "KW 2/2024", "DATE", "2024-W02"),
    ("Die Wahl fand im Juni 2024 statt.", "Juni 2024", "DATE", "2024-06"),
]


@pytest.mark.parametrize("text, span, typ, value", FAMILY_CASES)
def test_family(text, span, typ, value):
    t = only(text)
    assert (t.text, t.type, t.value) == (span, typ, value)


@pytest.mark.parametrize("text, span", [
    ("Wir treffen uns am Samstag.", "Samstag"),
    ("Er wurde im November 1970 geboren.", "November 1970"),
    ("Beginn um 20.30 Uhr.", "20.30 Uhr"),
    ("Das passiert in der ersten Woche.", "der ersten Woche"),
    ("Anfang Dezember ist es so weit.", "Anfang Dezember"),
    ("Er wohnt seit drei Jahren dort.", "drei Jahren"),
    ("Wir klären das in den nächsten zwei Wochen.", "den nächsten zwei Wochen"),
    ("Er kam vom 3. Oktober an.", "3. Oktober"),
    ("Bis zum 3. Oktober bleibt er.", "3. Oktober"),
    ("Er hat es auf den 7. Dezember verschoben.", "7. Dezember"),
    ("Am vergangenen Freitag hat er gesprochen.", "vergangenen Freitag"),
    ("Am heutigen Samstag ist Markt.", "Samstag"),
])
def test_extent_conventions(text, span):
    assert only(text).text == span


@pytest.mark.parametrize("text, dct, value", [
    ("Im vergangenen Winter war es kalt.", date(2025, 10, 21), "2024-WI"),
    ("Diesen Winter wird es kalt.", date(2025, 10, 21), "2025-WI"),
    ("Diesen Winter ist es kalt.", date(2025, 1, 10), "2024-WI"),
    ("Im vergangenen Winter war es kalt.", date(2025, 1, 10), "2023-WI"),
    ("Im nächsten Sommer wird gebaut.", date(2025, 7, 1), "2026-SU"),
    ("Im vergangenen Herbst wurde gewählt.", date(2025, 12, 15), "2025-FA"),
    ("Im vergangenen Herbst wurde gewählt.", date(2025, 10, 21), "2024-FA"),
])
def test_relative_seasons(text, dct, value):
    assert only(text, dct).value == value


@pytest.mark.parametrize("text, expected", [
    ("Im Jahr 2007 kam er. Im selben Jahr starb sie.", [("Jahr 2007", "2007"), ("selben Jahr", "2007")]),
    ("Im Jahr 2007 kam er. Im Jahr darauf ging er.", [("Jahr 2007", "2007"), ("Jahr darauf", "2008")]),
    ("Im März 2008 begann es. Im selben Monat endete es.", [("März 2008", "2008-03"), ("selben Monat", "2008-03")]),
    ("1748 wurde das Schloss umgebaut.", [("1748", "1748")]),
    ("Wilhelm Epstein (1860–1941), Physiker", [("1860", "1860"), ("1941", "1941")]),
    ("Er war es, der 1960 die Frage stellte.", [("1960", "1960")]),
    ("Die Version kommt im Ersten Quartal 2010.", [("Ersten Quartal 2010", "2010-Q1")]),
    ("Die Version kommt Q2 2007.", [("Q2 2007", "2007-Q2")]),
    ("Es kamen 1200 neue Mitarbeiter.", []),
    ("Er kam mit 2000 dieser Kinder.", []),
])
def test_years_and_the_period_talked_about(text, expected):
    assert [(t[0], t[2]) for t in tagged(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Mit einer Unterbrechung von 1983 bis 1987 war er dort.", [("1983", "1983"), ("1987", "1987")]),
    ("Von 1983 bis 1987 Bürgermeister, dann Minister.", [("1983", "1983"), ("1987", "1987")]),
    ("Das Haus wurde 1857–1858 gebaut.", [("1857", "1857"), ("1858", "1858")]),
    ("Seit 2008 Mitglied der Partei.", [("2008", "2008")]),
    ("Nach 2010 wurde alles anders.", [("2010", "2010")]),
    ("Es kamen 1500 bis 2000 Menschen.", []),
    ("Das kostet 1500–2000 Euro.", []),
    ("Eine Gruppe von 2000 Menschen.", []),
    ("Er spielte vor 2000 Zuschauern.", []),
    ("Im Jahr 2000 kamen 1700 Menschen.", [("Jahr 2000", "2000")]),
    ("1983 wurden Agenturen in Kanada eröffnet.", [("1983", "1983")]),
    ("Das 1906 gegründete Museum ist klein.", [("1906", "1906")]),
    ("Es gibt 1200 neue Stellen.", []),
])
def test_year_or_quantity(text, expected):
    assert [(t[0], t[2]) for t in tagged(text)] == expected


def test_same_month_a_year_earlier():
    found = tagged("Im September stiegen die Preise gegenüber dem Vorjahresmonat um 2,4 Prozent.")
    assert found == [("September", "DATE", "2025-09"), ("Vorjahresmonat", "DATE", "2024-09")]


def test_weekday_takes_the_date_in_brackets():
    found = tagged("Am Dienstagabend (12.04.2016) kam ein Auto von der Fahrbahn ab.", date(2016, 6, 15))
    assert found[0] == ("Dienstagabend", "TIME", "2016-04-12TEV")


def test_deictic_adjective_before_a_part_of_the_day():
    found = tagged("Am gestrigen Abend gegen 20 Uhr brannte es.", date(2016, 6, 15))
    assert found == [("Abend", "TIME", "2016-06-14TEV"), ("20 Uhr", "TIME", "2016-06-14T20:00")]


def test_weekday_picks_the_year_of_the_date():
    # 23 October is a Thursday in 2025 only (of 2024, 2025, 2026)
    assert only("Am Donnerstag, 23. Oktober, ist Markt.", date(2026, 1, 5)).value == "2025-10-23"


def test_impossible_dates_are_dropped():
    assert tagged("Am 31. Februar war nichts.") == []
    assert tagged("Am 30.02.2025 war nichts.") == []


def test_same_day_as_the_day_talked_about():
    found = tagged("Am 3. Oktober 2025 kam er an. Am selben Tag reiste er ab.")
    assert found[1] == ("selben Tag", "DATE", "2025-10-03")
    # "the same day" takes up the day told before, in the paragraph before too
    found = tagged("Am Montag stürzte ein Hang ab.\n\nGeologen untersuchten ihn noch am selben Tag.")
    assert found[1] == ("selben Tag", "DATE", found[0][2]) and found[0][2] != DCT.isoformat()


@pytest.mark.parametrize("text, mod", [
    ("Der Krieg dauert seit mehr als dreieinhalb Jahren.", "MORE_THAN"),
    ("Die Reise dauerte rund drei Wochen.", "APPROX"),
    ("Er wartete fast zwei Stunden.", "LESS_THAN"),
    ("Er wartete zwei Stunden.", None),
])
def test_quantifiers_outside_the_span_set_the_mod(text, mod):
    t = only(text)
    assert t.mod == mod
    assert not t.text.startswith(("mehr", "rund", "fast"))


def test_mods():
    assert only("Sie trafen sich Mitte August.").mod == "MID"
    assert only("Anfang 2024 begann es.").mod == "START"
    assert only("Ende des Jahres ist Schluss.").mod == "END"
    assert only("Am 3. Oktober war Ruhe.").mod is None


def test_time_ranges():
    found = tagged("Der Markt ist von 14 bis 18 Uhr geöffnet.")
    assert found == [("14", "TIME", "2025-10-21T14:00"), ("18 Uhr", "TIME", "2025-10-21T18:00")]
    found = tagged("Geöffnet 8.30-12 und 14.30-16.30 Uhr.")
    assert [f[0] for f in found] == ["8.30", "12", "14.30", "16.30 Uhr"]


@pytest.mark.parametrize("text, expected", [
    ("Die S3 fährt erst um 15:57 ab.", [("15:57", "TIME", "2025-10-21T15:57")]),
    ("Ab 16.21 fährt der Zug.", [("16.21", "TIME", "2025-10-21T16:21")]),
    ("Gültig ab: 10.03.2016 23:23 Uhr", [("10.03.2016", "DATE", "2016-03-10"), ("23:23 Uhr", "TIME", "2016-03-10T23:23")]),
    ("Der HSV gewann 28:25 (12:10).", []),
    ("Das kostet 4.40 Euro.", []),
    ("Die Quote stieg bis 12.50 Prozent.", []),
    ("Das Video dauert 0:21 min.", []),
])
def test_clock_times_without_uhr(text, expected):
    assert tagged(text) == expected


def test_day_ranges():
    found = tagged("Das Fest dauert vom 5. bis 8. Dezember 2025.")
    assert found == [("5.", "DATE", "2025-12-05"), ("8. Dezember 2025", "DATE", "2025-12-08")]


def test_day_ranges_in_digits():
    found = tagged("Die Messe läuft vom 3. bis 5.10.2025 in Köln.")
    assert found == [("3.", "DATE", "2025-10-03"), ("5.10.2025", "DATE", "2025-10-05")]


def test_midnight_after_prepositions():
    assert tagged("Kurz vor Mitternacht fiel der Strom aus.") == [("Mitternacht", "TIME", "2025-10-21T24:00")]
    assert tagged("Die Mitternacht der Seele.") == []


def test_clock_time_takes_the_day_named_in_its_sentence():
    found = tagged("Am Samstag, 25. Oktober 2025, beginnt um 11 Uhr der Markt. Um 15 Uhr ist Schluss.")
    assert found[1] == ("11 Uhr", "TIME", "2025-10-25T11:00")
    assert found[2] == ("15 Uhr", "TIME", "2025-10-21T15:00")


def test_next_day_relative_to_the_day_talked_about():
    found = tagged("Am 3. Oktober 2025 kam er an. Am nächsten Tag reiste er weiter.")
    assert found[1] == ("nächsten Tag", "DATE", "2025-10-04")


def test_ordinal_week_of_the_month_talked_about():
    found = tagged("Das Ferienprogramm begann am 1. Juli 2013. In der ersten Woche wurde gebastelt.")
    assert found[1] == ("der ersten Woche", "DATE", "2013-W27")


def test_fast_scan_equals_regex_scan():
    text = ("Am Montag, 3. Oktober 2025, um 20.30 Uhr, seit drei Jahren, jeden Montag, täglich, "
            "Mitte vergangener Woche, in den nächsten zwei Wochen, im Jahr 2019, 2.500 Kilometer, "
            "heute Abend, Anfang 2024, im Frühjahr, im dritten Quartal, den 1990er Jahren, "
            "vorgestern, am Wochenende, Weihnachten, jetzt, damals, von 14-18 Uhr, 14-Tage, "
            "Ende des Jahres, der Woche darauf, am Vortag, tags darauf, das Jahr 2011.")
    text += " ".join(case[0] for case in FAMILY_CASES)
    slow = [(m.start(), m.end(), m.lastgroup) for m in candidate_re().finditer(text)]
    assert list(iter_spans(text)) == slow
    assert len(slow) >= 25 + len(FAMILY_CASES)


def test_fast_scan_equals_regex_scan_on_random_word_sequences():
    import random

    from newsdesk.index.analysis.timex.lexicon import MONTHS, RELATIVE_DAYS, WEEKDAYS

    rnd = random.Random(7)
    words = ([w.capitalize() for w in MONTHS] + [w.capitalize() for w in WEEKDAYS] + list(RELATIVE_DAYS)
             + [w.capitalize() for w in RELATIVE_DAYS]
             + "am im der die das den dem des Die Der Am Im Mitte Anfang Ende vergangene kommenden nächsten "
               "Vergangene Woche Jahr Jahres Monats Quartal dritten seit drei Jahren Uhr bis - und , . jeden "
               "täglich Alljährlich Nacht zu Abend Frühjahr Winter Herbst 1990er Jahre 19. Jahrhunderts "
               "Weihnachten Ostern Christi Himmelfahrt Morgen früh Tag darauf Vortag tags Tags zuvor Wochenende "
               "Vorjahr heuer jetzt damals Dieser Tage diesen Tagen Mitternacht um gleichen selben Folgetag "
               "Achtzigerjahren 80er eineinhalb anderthalb Dreißig einige halbes ein halbe Stunde Minuten "
               "14-Tage erste Jahreshälfte Halbjahr montags jede alle zwei Wochen Vor kurzem in Zukunft "
               "frühen Morgenstunden Dienstagabend morgigen 8. 2025 1970 14 18 20.30 3.10.2025".split())
    for _ in range(1500):
        text = " ".join(rnd.choice(words) for _ in range(rnd.randint(1, 15)))
        slow = [(m.start(), m.end(), m.lastgroup) for m in candidate_re().finditer(text)]
        assert list(iter_spans(text)) == slow, text
