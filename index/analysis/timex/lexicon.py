"""German words the temporal grammar is built from, with their meanings.

Only tables live here; the regular expressions that use them are in
``patterns.py`` and the code that turns matches into TIMEX3 values in
``normalise.py``.
"""

from __future__ import annotations

MONTHS = {
    "januar": 1, "jänner": 1, "jaenner": 1, "februar": 2, "feber": 2, "märz": 3, "maerz": 3,
    "april": 4, "mai": 5, "juni": 6, "juli": 7, "august": 8, "september": 9,
    "oktober": 10, "november": 11, "dezember": 12,
}
# Month names that are also ordinary first names or surnames ("August Bebel",
# "Juli Zeh", "Mai Thi"): read as months only with calendar context around them.
AMBIGUOUS_MONTHS = frozenset({"mai", "juni", "juli", "august", "april"})

WEEKDAYS = {
    "montag": 1, "dienstag": 2, "mittwoch": 3, "donnerstag": 4, "freitag": 5,
    "samstag": 6, "sonnabend": 6, "sonntag": 7,
}

# Parts of the day: TIMEX3 suffixes (MO morning, MI midday, AF afternoon, EV evening, NI night).
DAY_PARTS = {
    "morgen": "MO", "früh": "MO", "frühmorgens": "MO", "vormittag": "MO", "mittag": "MI",
    "nachmittag": "AF", "abend": "EV", "nacht": "NI", "morgenstunden": "MO",
    "abendstunden": "EV", "nachtstunden": "NI", "vormittagsstunden": "MO",
    "nachmittagsstunden": "AF", "mittagszeit": "MI",
}

RELATIVE_DAYS = {"vorgestern": -2, "gestern": -1, "heute": 0, "morgen": 1, "übermorgen": 2}

CARDINALS = {
    "ein": 1, "eine": 1, "einen": 1, "einem": 1, "einer": 1, "eines": 1,
    "zwei": 2, "beide": 2, "beiden": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6,
    "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12,
    "dreizehn": 13, "vierzehn": 14, "fünfzehn": 15, "sechzehn": 16, "siebzehn": 17,
    "achtzehn": 18, "neunzehn": 19, "zwanzig": 20, "dreißig": 30, "vierzig": 40,
    "fünfzig": 50, "sechzig": 60, "siebzig": 70, "achtzig": 80, "neunzig": 90,
    "hundert": 100, "tausend": 1000,
}
# "dreieinhalb" = 3.5; "anderthalb" = 1.5
HALVES = {"anderthalb": 1.5, "eineinhalb": 1.5, "einhalb": 0.5}
VAGUE_AMOUNTS = frozenset({
    "einige", "einigen", "mehrere", "mehreren", "wenige", "wenigen", "viele", "vielen",
    "etliche", "etlichen", "zahlreiche", "zahlreichen", "lange", "langen", "paar",
})

ORDINALS = {
    "erst": 1, "zweit": 2, "dritt": 3, "viert": 4, "fünft": 5, "sechst": 6,
    "siebt": 7, "acht": 8, "neunt": 9, "zehnt": 10, "elft": 11, "zwölft": 12,
}

# Duration units: TIMEX3 unit letter and whether it is a time unit (PT...).
UNITS = {
    "sekunde": ("S", True), "minute": ("M", True), "stunde": ("H", True),
    "tag": ("D", False), "woche": ("W", False), "wochenende": ("WE", False),
    "monat": ("M", False), "quartal": ("Q", False), "halbjahr": ("H", False),
    "jahr": ("Y", False), "jahrzehnt": ("DE", False), "jahrhundert": ("CE", False),
}

# Relative adjectives: offset from the anchor period (None = the same period as the anchor).
RELATIVE_ADJECTIVES = {
    "dies": 0, "laufend": 0, "heurig": 0, "aktuell": 0, "gleich": 0, "selb": 0,
    "nächst": 1, "kommend": 1, "folgend": 1, "bevorstehend": 1,
    "vergangen": -1, "letzt": -1, "vorig": -1, "abgelaufen": -1, "zurückliegend": -1,
}

SEASONS = {"frühjahr": "SP", "frühling": "SP", "sommer": "SU", "herbst": "FA", "winter": "WI"}

PART_OF_PERIOD = {
    "anfang": "START", "beginn": "START", "mitte": "MID", "ende": "END",
    "anfang/mitte": "START", "mitte/ende": "END", "ende/anfang": "END",
}

DECADE_WORDS = {
    "zwanziger": 2, "dreißiger": 3, "vierziger": 4, "fünfziger": 5, "sechziger": 6,
    "siebziger": 7, "achtziger": 8, "neunziger": 9,
}

REFERENCE_WORDS = {
    "jetzt": "PRESENT_REF", "derzeit": "PRESENT_REF", "zurzeit": "PRESENT_REF",
    "gegenwärtig": "PRESENT_REF", "momentan": "PRESENT_REF", "heutzutage": "PRESENT_REF",
    "damals": "PAST_REF", "einst": "PAST_REF", "kürzlich": "PAST_REF", "neulich": "PAST_REF",
    "jüngst": "PAST_REF", "unlängst": "PAST_REF", "vor kurzem": "PAST_REF",
    "bald": "FUTURE_REF", "demnächst": "FUTURE_REF", "zukunft": "FUTURE_REF",
}

# Words that make a period a SET: adverbs of frequency and their adjectives.
FREQUENCY_WORDS = {
    "stündlich": "PT1H", "täglich": "P1D", "wöchentlich": "P1W", "monatlich": "P1M",
    "vierteljährlich": "P3M", "halbjährlich": "P6M", "jährlich": "P1Y", "alljährlich": "P1Y",
    "werktags": "XXXX-WXX-WD", "wochentags": "XXXX-WXX-WD",
}

# Fixed and movable feasts: (month, day) or days after Easter Sunday.
FIXED_HOLIDAYS = {
    "neujahr": (1, 1), "neujahrstag": (1, 1), "heilige drei könige": (1, 6), "dreikönigstag": (1, 6),
    "valentinstag": (2, 14), "tag der arbeit": (5, 1),
    "mariä himmelfahrt": (8, 15), "maria himmelfahrt": (8, 15),
    "tag der deutschen einheit": (10, 3), "reformationstag": (10, 31),
    "allerheiligen": (11, 1), "allerseelen": (11, 2), "heiligabend": (12, 24),
    "heiligen abend": (12, 24), "weihnachten": (12, 25), "silvester": (12, 31),
}
EASTER_HOLIDAYS = {
    "rosenmontag": -48, "aschermittwoch": -46, "gründonnerstag": -3, "karfreitag": -2,
    "ostern": 0, "ostersonntag": 0, "ostermontag": 1, "christi himmelfahrt": 39,
    "pfingsten": 49, "pfingstsonntag": 49, "pfingstmontag": 50, "fronleichnam": 60,
}
