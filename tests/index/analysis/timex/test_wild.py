"""Temporal expressions in the wild: German news sentences written for these tests (not taken
from the gold corpora), so that the rules are not fitted to two papers."""

from __future__ import annotations

from datetime import date

import pytest

from newsdesk.index.analysis.timex import pair_ranges, tag

from .helpers import only, tagged

DCT = date(2024, 6, 20)  # a Thursday


@pytest.mark.parametrize("text", [
    "Der neue Monitor löst mit 1920*1080 Bildpunkten auf.",
    "Die Auflösung beträgt 1920 x 1080, das reicht für Videos.",
    "Die Auflösung liegt bei 2560×1440.",
    "Das Ticket kostet 1200 Euro, ermäßigt 1500,- Euro.",
    "Für die Reparatur zahlte sie 1500 €.",
    "Der Schaden beträgt 1800 Franken.",
    "Das Landesgericht (Az. 1635/12) wies die Klage ab.",
    "Die Geschäftszahl lautet Zl. 1635, das Urteil ist rechtskräftig.",
    "Der Sicherheitsrat verabschiedete die Resolution 1973 einstimmig.",
    "Gemäß UN-Resolution 1244 bleibt der Kosovo unter internationaler Verwaltung.",
    "Die Familie wohnt in der Hauptstraße 1750 in Bozen.",
    "Das Büro ist unter Postfach 1120 zu erreichen.",
    "Die Partie endete nach Verlängerung 1998:1999 in Punkten der Gesamtwertung.",
    "Der Antrag steht in Drucksache 1847 des Landtags.",
    "Die 1500 Teilnehmer kamen aus 40 Ländern.",
    "Die Gemeinde hat 1850 Einwohner.",
    "Er verschob die Akte 1635/2012 ins Archiv.",
])
def test_numbers_that_are_not_years(text):
    assert tagged(text, DCT) == []


@pytest.mark.parametrize("text, span, value", [
    ("Die Kirche wurde um 1500 erbaut.", "1500", "1500"),
    ("Das Haus steht seit 1871 am Platz.", "1871", "1871"),
    ("Im Kriegsjahr 1916 hungerte die Stadt.", "1916", "1916"),
    ("Der Komponist (1756) wurde in Salzburg geboren.", "1756", "1756"),
    ("Er wurde 1985 Weltmeister und blieb es bis 1987.", "1987", "1987"),
    ("Seit 2015 leitet sie das Amt.", "2015", "2015"),
])
def test_years_with_evidence(text, span, value):
    found = [(s, v) for s, _, v in tagged(text, DCT)]
    assert (span, value) in found


def test_no_year_before_1900_from_a_bare_number():
    assert tagged("Der Verein zählt 1650 Mitglieder und 1200 Förderer.", DCT) == []
    assert tagged("Insgesamt wurden 1780 gezählt.", DCT) == []


@pytest.mark.parametrize("text, span, value", [
    ("In den 80er Jahren boomte die Wirtschaft im Tal.", "den 80er Jahren", "198"),
    ("Der Sound der 1930er Jahre ist zurück.", "der 1930er Jahre", "193"),
    ("In den 70ern wuchs die Stadt.", "den 70ern", "197"),
    ("Die Burg stammt aus dem 13. Jahrhundert.", "dem 13. Jahrhundert", "12"),
    ("Die Siedlung wurde 1500 v. Chr. gegründet.", "1500 v. Chr.", "BC1500"),
    ("Um das Jahr 500 v. Chr. wuchs die Stadt.", "das Jahr 500 v. Chr.", "BC0500"),
    # the article inside, as in "dem 13. Jahrhundert" after Christ
    ("Die Funde stammen aus dem 8. Jh. v. Chr. und sind gut erhalten.", "dem 8. Jh. v. Chr.", "BC07"),
    ("Ein Schwert aus dem 14. Jahrhundert v. Chr. wurde gefunden.", "dem 14. Jahrhundert v. Chr.", "BC13"),
    ("In den 460er Jahren v. Chr. eroberte Athen Zypern.", "460er Jahren v. Chr.", "BC046"),
    ("Anfang der 460er Jahre v. Chr. kam es zum Aufstand.", "Anfang der 460er Jahre v. Chr.", "BC046"),
    ("Im Frühjahr 479 v. Chr. zogen die Truppen ab.", "Frühjahr 479 v. Chr.", "BC0479-SP"),
    ("Im letzten Quartal des Jahres 2007 sank der Umsatz.", "letzten Quartal des Jahres 2007", "2007-Q4"),
    ("Im dritten Quartal 2023 stieg der Gewinn.", "dritten Quartal 2023", "2023-Q3"),
    ("Im Herbst 2011 begann der Umbau.", "Herbst 2011", "2011-FA"),
])
def test_periods_get_their_timex3_values(text, span, value):
    t = only(text, DCT)
    assert (t.text, t.value) == (span, value)


@pytest.mark.parametrize("text, found, ranges", [
    ("Von 1500 bis 1200 v. Chr. herrschten die Hethiter.", [("1500", "BC1500"), ("1200 v. Chr.", "BC1200")], [(0, 1)]),
    ("490–479 v. Chr. kämpften Griechen und Perser.", [("490", "BC0490"), ("479 v. Chr.", "BC0479")], [(0, 1)]),
    ("Im Jahr 478/477 v. Chr. entstand der Seebund.", [("Jahr 478", "BC0478"), ("477 v. Chr.", "BC0477")], [(0, 1)]),
    # backwards before Christ: two years, no range
    ("Von 1200 bis 1500 v. Chr. lag die Stadt brach.", [("1200", "BC1200"), ("1500 v. Chr.", "BC1500")], []),
    ("Von 27 v. Chr. bis 14 n. Chr. regierte Augustus.", [("27 v. Chr.", "BC0027"), ("14 n. Chr.", "0014")], [(0, 1)]),
])
def test_ranges_before_christ_are_one_period_in_the_right_order(text, found, ranges):
    timexes = tag(text, DCT)
    assert [(t.text, t.value) for t in timexes] == found
    assert pair_ranges(text, timexes) == ranges


def test_a_story_before_christ_dates_its_year_less_and_relative_expressions():
    text = ("Im Jahr 216 v. Chr. kam Hannibal nach Apulien. Am 2. August schlug er die Römer bei Cannae. "
            "Im folgenden Jahr zog er nach Süden. Zwei Jahre später fiel Syrakus. "
            "Heute ist Cannae ein Museum, das am Montag eine Ausstellung eröffnet.")
    assert [(t.text, t.value) for t in tag(text, DCT)] == [
        ("Jahr 216 v. Chr.", "BC0216"), ("2. August", "BC0216-08-02"), ("folgenden Jahr", "BC0215"),
        ("Zwei Jahre später", "BC0213"), ("Heute", "2024-06-20"), ("Montag", "2024-06-24")]
    # a year after Christ written out ends the story before Christ
    text = "Um 479 v. Chr. endete der Krieg. Im Jahr 1453 fiel Konstantinopel. Im Mai wurde die Stadt geplündert."
    assert [t.value for t in tag(text, DCT)] == ["BC0479", "1453", "1453-05"]
    # a clause in the present speaks of the reader's time, not of the story's
    text = "Das Museum zeigt Funde aus dem Jahr 500 v. Chr. Die Schau ist bis zum 3. September geöffnet."
    assert [t.value for t in tag(text, DCT)] == ["BC0500", "2024-09-03"]


def test_the_date_in_the_same_phrase_wins():
    found = tagged("Gegen 7 Uhr am Morgen des 4. November 2006 brach das Feuer aus.", DCT)
    assert found == [("7 Uhr", "TIME", "2006-11-04T07:00"),
                     ("Morgen des 4. November 2006", "TIME", "2006-11-04TMO")]
    t = only("Am Freitag (28.06.) findet das Dorffest statt.", DCT)
    assert (t.text, t.value) == ("Freitag", "2024-06-28")


def test_relative_days_follow_the_story_not_the_publication_date():
    text = ("Am 19. September 1985 erreichte die Expedition das Lager. Zwei Tage später brach ein "
            "Sturm los. Am Abend kehrten die Bergsteiger zurück. Am darauffolgenden Tag stiegen sie ab.")
    assert tagged(text, DCT) == [
        ("19. September 1985", "DATE", "1985-09-19"),
        ("Zwei Tage später", "DATE", "1985-09-21"),
        ("Abend", "TIME", "1985-09-21TEV"),
        ("darauffolgenden Tag", "DATE", "1985-09-22"),
    ]


def test_year_less_dates_take_the_year_of_the_story():
    text = "Im März 1976 begann der Prozess. Am 12. April wurde das Urteil verkündet."
    assert tagged(text, DCT)[-1] == ("12. April", "DATE", "1976-04-12")
    # a story year does not move what the article plans
    text = "Das Gesetz stammt aus dem Jahr 2011. Es soll Anfang Dezember geändert werden."
    assert tagged(text, DCT)[-1] == ("Anfang Dezember", "DATE", "2024-12")


def test_weekdays_follow_the_tense_of_their_clause():
    assert only("Der Minister hatte am Montag in Bozen gesprochen.", DCT).value == "2024-06-17"
    assert only("Der Minister wird am Montag in Bozen sprechen.", DCT).value == "2024-06-24"


@pytest.mark.parametrize("text, values", [
    ("Die Ausstellung ist vom 16. Juni bis zum 23. September 2025 geöffnet.", ("2025-06-16", "2025-09-23")),
    ("Von 1995 bis 1999 war er Bürgermeister.", ("1995", "1999")),
    ("Zwischen August und Oktober 1914 flohen Tausende.", ("1914-08", "1914-10")),
    ("Der Balkankrieg 1912/13 veränderte die Grenzen.", ("1912", "1913")),
    ("Die Baustelle ruht vom 5. bis 8. Dezember 2024.", ("2024-12-05", "2024-12-08")),
    ("Die Sammlung zeigt Funde vom 13. Jahrhundert bis in die 1930er Jahre.", ("12", "193")),
])
def test_ranges_are_start_and_end(text, values):
    found = tag(text, DCT)
    assert pair_ranges(text, found) == [(0, 1)]
    assert (found[0].value, found[1].value) == values


def test_two_dates_are_not_always_a_range():
    text = "Am 3. Mai und am 5. Juni tagte der Rat; am 24. Dezember und den beiden folgenden Tagen ruhte er."
    assert pair_ranges(text, tag(text, DCT)) == []


def test_years_after_adverbs_of_time_and_colons():
    assert ("1917", "DATE", "1917") in tagged("So hatte es bereits 1917 Meutereien in der Armee gegeben.", DCT)
    assert ("1948", "DATE", "1948") in tagged("Der Plan hatte Erfolg: 1948 kapitulierten die letzten Truppen.", DCT)
    # round numbers after the same adverbs are amounts
    assert tagged("Bereits 2000 Menschen haben unterschrieben, bis 1500 Helfer kommen.", DCT) == []


def test_heute_until_now_and_in_a_history():
    assert tagged("Der Vertrag ist bis heute nicht unterzeichnet.", DCT) == [("heute", "DATE", "PRESENT_REF")]
    assert tagged("Heute beginnt das Fest.", DCT) == [("Heute", "DATE", "2024-06-20")]
    history = ("Im Jahr 1861 begann der Krieg. Im Jahr 1862 folgte die Blockade. Im Jahr 1863 kam die Wende. "
               "Die Schlacht gilt heute als Wendepunkt.")
    assert tagged(history, DCT)[-1] == ("heute", "DATE", "PRESENT_REF")


def test_a_history_keeps_its_year_far_beyond_the_last_one_written():
    filler = "Die Truppen marschierten weiter und lagerten an den Flüssen der Ebene. " * 60
    text = ("Kriegsjahr 1915\n\nIm Jahr 1913 und im Jahr 1914 rüsteten die Staaten auf. Im Januar 1915 begann "
            "die Offensive. " + filler + "Am 7. Mai versenkte ein U-Boot den Dampfer.")
    assert tagged(text, DCT)[-1] == ("7. Mai", "DATE", "1915-05-07")
    # a news article about the present is no history: its dates stay near the publication date
    news = "Das Museum erinnert an 1915. " + filler + "Am 7. Mai wurde die Ausstellung eröffnet."
    assert tagged(news, DCT)[-1] == ("7. Mai", "DATE", "2024-05-07")


def test_a_clock_time_after_a_named_night_is_on_the_morning_after_it():
    # DCT is a Thursday: "die Nacht auf Dienstag" began on Monday 17 June
    text = ("Ein Großbrand hat in der Nacht auf Dienstag eine Halle zerstört.\n\n"
            "Die Feuerwehr rückte gegen 2 Uhr aus. Der Kommandant sagte, der Brand sei gegen 6 Uhr "
            "unter Kontrolle gewesen.")
    found = tagged(text, DCT)
    assert ("2 Uhr", "TIME", "2024-06-18T02:00") in found
    assert ("6 Uhr", "TIME", "2024-06-18T06:00") in found


def test_a_clock_time_in_a_past_story_takes_the_day_told_before():
    text = "Am Montag stürzte ein Kran um. Gegen 14 Uhr trafen die Retter ein."
    assert tagged(text, DCT)[-1] == ("14 Uhr", "TIME", "2024-06-17T14:00")
    # a plan for a clock time without a day stays on the publication day
    text = "Am Montag stürzte ein Kran um. Um 14 Uhr wird die Polizei informieren."
    assert tagged(text, DCT)[-1] == ("14 Uhr", "TIME", "2024-06-20T14:00")


def test_a_future_year_in_an_earlier_sentence_does_not_date_a_year_less_plan():
    text = ("Die neuen Ausweise sollen ab dem 1. Januar 2026 ausgegeben werden. "
            "Die erste Lesung ist für den 3. Juli geplant.")
    assert tagged(text, DCT)[-1] == ("3. Juli", "DATE", "2024-07-03")
    # in its own sentence, the year written out still counts
    text = "Im Jahr 2026 finden die Spiele statt, die Eröffnung ist für den 6. Februar angesetzt."
    assert tagged(text, DCT)[-1][2] == "2026-02-06"


def test_a_holiday_that_names_a_church_or_parish_is_no_day_of_the_calendar():
    found = tagged("Weihnachtsmarkt der Pfarre Maria Himmelfahrt in Meran, heute ab 15 Uhr.", DCT)
    assert found[0] == ("Maria Himmelfahrt", "DATE", "XXXX-XX-XX")
    assert tagged("Die Pfarrkirche Mariä Himmelfahrt wird renoviert.", DCT) == [("Mariä Himmelfahrt", "DATE", "XXXX-XX-XX")]
    assert tagged("Zu Maria Himmelfahrt kamen viele Pilger.", DCT) == [("Maria Himmelfahrt", "DATE", "2023-08-15")]


@pytest.mark.parametrize("text, value", [
    # "bereits" says nothing of the time: the performance is the coming one
    ("Die Vorstellung am 6. Juli in Bozen ist bereits ausverkauft.", "2024-07-06"),
    # a scheduled event in a relative clause, in a sentence told in the past
    ("Zur Feier, die am 1. Juli stattfindet, wurde gestern eine Skulptur aufgestellt.", "2024-07-01"),
    # "bereits" with a past verb stays past
    ("Bereits am 3. Juni hatte der Rat zugestimmt.", "2024-06-03"),
])
def test_year_less_dates_follow_the_verb_not_bereits(text, value):
    assert tagged(text, DCT)[0][2] == value


def test_a_number_paired_with_a_count_counts_too():
    assert tagged("Moderne Schätzungen gehen statt von 1207 eher von 600 Schiffen aus.") == []
    assert tagged("Das Heer zählte 1500 oder 800 Mann.") == []
    # a year range, and a year before a span of years, stay years
    assert [v for _t, _k, v in tagged("Von 1914 bis 1918 war er Soldat.")] == ["1914", "1918"]
    assert tagged("Die Burg wurde um 1207 und 80 Jahre später erweitert.")[0][:2] == ("1207", "DATE")


def test_a_year_that_frames_a_figure_is_no_story_year():
    dct = date(2025, 3, 6)
    text = ("Die Firma war 1952 gegründet worden. Im Geschäftsjahr 2023 sank der Umsatz um 18 Prozent. "
            "Ein Investor hatte im Herbst Interesse gezeigt, zog sich aber im Januar zurück.")
    assert tagged(text, dct)[-2:] == [("Herbst", "DATE", "2024-FA"), ("Januar", "DATE", "2025-01")]
    text = "Im Jahr 2022 gab es 120 Insolvenzen. Im Januar meldete auch die Firma Insolvenz an."
    assert tagged(text, dct)[-1] == ("Januar", "DATE", "2025-01")
    # a year that tells what happened stays the story's year, as does a history's year with a figure
    text = "Im Jahr 2021 begann der Bau. Im Januar wurde das Dach aufgesetzt."
    assert tagged(text, dct)[-1] == ("Januar", "DATE", "2021-01")
    history = ("Im Jahr 1861 begann der Krieg. Im Jahr 1862 folgte die Blockade. Im Jahr 1863 fielen "
               "20.000 Soldaten. Im Herbst kam die Wende.")
    assert tagged(history, dct)[-1] == ("Herbst", "DATE", "1863-FA")


def test_a_recent_day_in_a_new_paragraph_is_back_in_the_articles_own_time():
    dct = date(2024, 10, 18)  # a Friday
    text = ("Das Landgericht hat am Donnerstag einen Unternehmer verurteilt. Ermittler kamen ihm im August "
            "2021 auf die Spur.\n\nDer Angeklagte hatte am 2. September ein Geständnis abgelegt.")
    assert tagged(text, dct)[-1] == ("2. September", "DATE", "2024-09-02")
    # in the story's own paragraph, or in an article that told no day of its own week, the story's year stays
    text = "Das Landgericht hat am Donnerstag verurteilt. Im August 2021 begann es, am 2. September folgte mehr."
    assert tagged(text, dct)[-1] == ("2. September", "DATE", "2021-09-02")
    text = "Ermittler kamen ihm im August 2021 auf die Spur.\n\nDer Angeklagte hatte am 2. September gestanden."
    assert tagged(text, dct)[-1] == ("2. September", "DATE", "2021-09-02")


@pytest.mark.parametrize("frame", ["im Vergleich zum Jahr 2022", "gegenüber dem Jahr 2022", "als im Jahr 2022"])
def test_a_year_a_comparison_refers_to_is_no_story_year(frame):
    text = f"Es kamen mehr Gäste {frame}. Im Herbst hatte die Firma ein Werk eröffnet."
    assert tagged(text, date(2025, 3, 6))[-1] == ("Herbst", "DATE", "2024-FA")


# ---------------------------------------------------------------- histories (timex-de-13)


@pytest.mark.parametrize("text, found", [
    ("Am 2. September 31 v. Chr. siegte die Flotte bei Actium.", [("2. September 31 v. Chr.", "BC0031-09-02")]),
    ("Im August 30 v. Chr. nahm er Alexandria ein.", [("August 30 v. Chr.", "BC0030-08")]),
    ("Er starb am 19. August 14 n. Chr. in Nola.", [("19. August 14 n. Chr.", "0014-08-19")]),
    ("Im Winter 218/217 v. Chr. lagerte das Heer in der Poebene.", [("Winter 218/217 v. Chr.", "BC0218-WI")]),
    ("Schon in den 80er Jahren v. Chr. kämpften Marius und Sulla.", [("80er Jahren v. Chr.", "BC008")]),
])
def test_a_day_month_or_season_of_an_era_year_is_one_date(text, found):
    assert [(t.text, t.value) for t in tag(text, DCT)] == found


def test_a_day_of_an_era_year_is_the_day_the_story_counts_from():
    text = ("Am 2. September 31 v. Chr. siegte die Flotte. Am nächsten Tag ergab sich das Heer. "
            "Im August des folgenden Jahres nahm Octavian Alexandria ein.")
    assert [t.value for t in tag(text, DCT)] == ["BC0031-09-02", "BC0031-09-03", "BC0030-08"]
    text = "Augustus starb am 19. August 14 n. Chr. Im folgenden Jahr wurde er zum Gott erklärt."
    assert [t.value for t in tag(text, DCT)] == ["0014-08-19", "0015"]


def test_about_a_year_before_christ_is_approximate():
    t = tag("Um 500 v. Chr. entstand die Demokratie.", DCT)[0]
    assert (t.text, t.value, t.mod) == ("500 v. Chr.", "BC0500", "APPROX")
    assert tag("Im Jahr 500 v. Chr. entstand die Demokratie.", DCT)[0].mod is None


def test_a_month_or_season_of_the_following_year_counts_from_the_story():
    text = "Im Mai 1630 landete Gustav Adolf auf Usedom. Im Mai des folgenden Jahres fiel Magdeburg."
    assert [t.value for t in tag(text, DCT)] == ["1630-05", "1631-05"]
    text = "Caesar kam 48 v. Chr. nach Ägypten. Er blieb bis zum Sommer des folgenden Jahres in Alexandria."
    assert [t.value for t in tag(text, DCT)] == ["BC0048", "BC0047-SU"]
    text = "Die Armee unterlag 1914 bei Zacatecas. Im Juni desselben Jahres trat Huerta zurück."
    assert [(t.text, t.value) for t in tag(text, DCT)][-1] == ("Juni desselben Jahres", "1914-06")
    # in the news, "des kommenden Jahres" stays the publication date's
    text = "Der Bau begann 2019. Die Brücke soll im Mai des kommenden Jahres eröffnet werden."
    assert tag(text, DCT)[-1].value == "2025-05"


def test_the_following_season_comes_after_the_season_told():
    text = "Im Herbst 332 v. Chr. zog Alexander in Ägypten ein. Im folgenden Frühjahr gründete er Alexandria."
    assert [t.value for t in tag(text, DCT)] == ["BC0332-FA", "BC0331-SP"]
    text = "Im Frühjahr 218 v. Chr. brach Hannibal auf. Im folgenden Sommer erreichte er die Rhone."
    assert [t.value for t in tag(text, DCT)] == ["BC0218-SP", "BC0218-SU"]


def test_this_year_of_a_history_is_the_year_it_tells_of():
    text = ("1861 begann der Krieg. 1862 siegte die Union am Tennessee. 1863 fiel Vicksburg.\n\n1864\n\n"
            "In diesem Jahr fanden die letzten Kämpfe am Red River statt.")
    assert tag(text, DCT)[-1].value == "1864"
    # an article of the present keeps "in diesem Jahr" for the publication year
    text = "Im Jahr 2019 wurden 120 Unfälle gezählt. In diesem Jahr waren es bisher 80."
    assert tag(text, DCT)[-1].value == "2024"


@pytest.mark.parametrize("text, span", [
    ("Die Griechen litten lange. Erst 1821 erhoben sich die Griechen gegen die Osmanen.", "1821"),
    ("Der Stein wurde gefunden. 1822 entzifferte Champollion die Hieroglyphen.", "1822"),
    ("Damals entzifferte Champollion 1822 die Hieroglyphen.", "1822"),
    ("Die Kriege dauerten an. Noch 1635 erklärte Frankreich Spanien den Krieg.", "1635"),
])
def test_a_bare_year_before_1900_opening_a_clause_or_after_the_verb(text, span):
    assert (span, "DATE", span) in tagged(text, DCT)


@pytest.mark.parametrize("text", [
    "Bereits 1850 haben sich angemeldet.",
    "Noch 1500 Menschen warteten vor dem Tor.",
    "Die Firma baut ab. 1500 entlassene Mitarbeiter klagten.",
    "Die Firma wächst. 1500 neue Stellen entstehen.",
    "Die Polizei zählte 1500, die Veranstalter 3000.",
])
def test_a_count_opening_a_clause_stays_a_count(text):
    assert tagged(text, DCT) == []


def test_a_clause_opening_year_after_an_adverb_is_the_story_year():
    text = "Die Griechen litten lange. Erst 1821 erhoben sich die Griechen. Im März eroberten sie Kalamata."
    assert tag(text, DCT)[-1].value == "1821-03"


def test_a_clause_without_tense_cue_in_a_story_before_christ_is_the_story():
    text = ("44 v. Chr. ließ sich Caesar zum Diktator ernennen. Im März erstachen ihn Verschwörer. "
            "Zwei Jahre später unterlagen die Mörder bei Philippi.")
    assert [t.value for t in tag(text, DCT)] == ["BC0044", "BC0044-03", "BC0042"]
    # a clause in the present keeps the reader's time
    text = "Die Funde stammen aus dem Jahr 44 v. Chr. Im März zeigt das Museum die Funde."
    assert tag(text, DCT)[-1].value == "2024-03"


def test_a_decade_below_1000_takes_the_era_of_its_story():
    text = "Um 479 v. Chr. endete der Krieg. Erst Anfang der 460er Jahre ergriffen die Perser die Initiative."
    t = tag(text, DCT)[-1]
    assert (t.text, t.value, t.mod) == ("Anfang der 460er Jahre", "BC046", "START")
    assert tag("In den 460er Jahren zerfiel das Weströmische Reich.", DCT)[0].value == "046"


def test_a_range_between_two_years_before_christ():
    text = "Zwischen 264 und 241 v. Chr. kämpften Rom und Karthago um Sizilien."
    timexes = tag(text, DCT)
    assert [(t.text, t.value) for t in timexes] == [("264", "BC0264"), ("241 v. Chr.", "BC0241")]
    assert pair_ranges(text, timexes) == [(0, 1)]


def test_a_story_year_reaches_far_when_the_text_names_no_year_of_its_present():
    filler = "Die Truppen marschierten weiter nach Süden und bauten Lager. " * 60  # > 3,000 characters
    text = "Der Krieg begann im April 1861 mit dem Angriff auf das Fort. " + filler + "Im Mai kam es zu Unruhen."
    assert tag(text, DCT)[-1].value == "1861-05"
    # an article that tells a day of its own week is back in its present
    text = ("Der Verein wurde im April 1861 gegründet. Am Montag feierte er sein Jubiläum. " + filler
            + "Im Mai kam es zu einem Streit.")
    assert tag(text, DCT)[-1].value == "2024-05"


def test_a_past_modal_or_preposition_in_a_history_looks_ahead_from_the_story():
    history = "1861 begann der Krieg. 1862 siegte die Union. 1863 fiel Vicksburg. "
    assert tag(history + "Die Kavallerie sollte am 1. Februar aufbrechen.", DCT)[-1].value == "1863-02-01"
    assert tag(history + "Banks griff ab Mai nach Norden an.", DCT)[-1].value == "1863-05"
    # a future or present of the reader's time in a history stays the reader's
    assert tag(history + "Die Ausstellung wird am 3. Mai eröffnet.", DCT)[-1].value == "2025-05-03"
    assert tag(history + "Das Museum zeigt die Funde ab Mai.", DCT)[-1].value == "2025-05"


def test_a_half_or_quarter_without_year_takes_the_story_year():
    text = "Im März 1863 fiel die Stadt. Die Union verlegte ihren Schwerpunkt im 1. Halbjahr nach Westen."
    assert tag(text, DCT)[-1].value == "1863-H1"
    assert tag("Der Umsatz stieg im dritten Quartal deutlich.", DCT)[-1].value == "2024-Q3"


def test_counting_across_the_birth_of_christ_skips_the_year_zero():
    text = "Augustus wurde 2 v. Chr. Vater des Vaterlandes. Im folgenden Jahr reiste er. Ein Jahr später starb sein Enkel."
    assert [t.value for t in tag(text, DCT)] == ["BC0002", "BC0001", "0001"]
