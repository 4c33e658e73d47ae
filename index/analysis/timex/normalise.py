"""Turn candidates into TIMEX3 annotations: type, value and mod, relative to the publication date.

Granularity follows the text: a month stays a month (2025-08), a week a week
(2025-W43), "Mitte August" is 2025-08 with mod MID.  Weekdays, months and dates
without a year are placed before or after the publication date (dct) by the
tense of their sentence (see ``tense.py``); with no tense cue the nearer
occurrence wins.  With dct None, relative expressions get values with X
placeholders (XXXX-XX-XX, XXXX-WXX, XXXX-09, XXXX-WXX-1).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from newsdesk.index.annotations import Timex

from .lexicon import (
    AMBIGUOUS_MONTHS, CARDINALS, DAY_PARTS, DECADE_WORDS, EASTER_HOLIDAYS, FIXED_HOLIDAYS,
    FREQUENCY_WORDS, HALVES, MONTHS, ORDINALS, PART_OF_PERIOD, REFERENCE_WORDS,
    RELATIVE_ADJECTIVES, RELATIVE_DAYS, SEASONS, UNITS, VAGUE_AMOUNTS, WEEKDAYS,
)
from .patterns import MONTH, Candidate
from .tense import FUTURE, NEUTRAL, PAST, sentence_bounds, tense_direction

_SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
# After a year named in passing: "1870/71", "(1908)", "1912–1913", "1908, 1911 und"
_IN_PASSING_AFTER = re.compile(r"\s*(?:/\d|\)|[-–]\d|,\s*\d)")
# Before a bare year that sets the story's year: "Im Jahr 1917", "Kriegsjahr 1917", a heading, a
# sentence's first word ("1917 zogen sich ..."); not "ab 1929", "seit 1912" (references aside)
_STORY_YEAR_BEFORE = re.compile(
    r"(?:[Jj]ahr(?:e|es|s)?\s+|(?:^|\n|[.!?]\s+)\s*(?:(?:Erst|Schon|Bereits|Noch|Zuletzt)\s+)?)$")
# How far (characters) a year written out keeps dating the year-less dates after it.
STORY_REACH = 3000
# A year-less day this close before the publication date, in a new paragraph, is the article's own time
RECENT_DAYS = 62
# A year that frames a figure ("Im Geschäftsjahr 2023 sank der Umsatz um 18 Prozent", "Im Jahr 2023
# gab es 120 Insolvenzen", "2022 waren es noch 35"): a statistic or comparison, not the narrative's time.
# A noun that names a year of accounts right before the year, or a count in the year's sentence: a
# number (not a day "5.", not a year, not a clock time or a span of time) of a unit or a thing.
_ACCOUNTS_YEAR_BEFORE = re.compile(
    r"\b(?:Geschäfts|Haushalts|Wirtschafts|Kalender|Berichts|Bilanz|Steuer|Rechnungs|Finanz)jahr(?:e?s)?\s+$")
# a year that a comparison refers to ("gegenüber 2022", "im Vergleich zu 2022", "mehr als 2022", "wie 2022")
_COMPARED_YEAR_BEFORE = re.compile(
    r"\b(?:gegenüber|[Vv]ergleich\s+(?:zu[mr]?|mit)|verglichen\s+mit|als|wie)\s+(?:(?:de[mn]|im)\s+)?"
    r"(?:(?:Vor)?[Jj]ahre?s?\s+)?$")
_FIGURE = re.compile(
    r"(?<![\d.,])(?:\d{1,3}(?:\.\d{3})+|\d{1,3}|\d+,\d+)(?![\d.,]?\d)"
    r"(?!\.\s*(?:" + MONTH + r"|\d))"
    r"(?!\s*(?:Uhr|Jahre|Jahren|Monate|Monaten|Wochen|Tage|Tagen|Stunden|Minuten|Jahrhundert|Jahrzehnt|"
    r"er\b|\.\s+[A-ZÄÖÜ][a-zäöüß]+\s+\d))"
    r"(?=\s*(?:Prozent|%|Euro|€|Dollar|Franken|Mio|Mrd|Million|Milliard|Tonnen|Grad|[A-ZÄÖÜ][a-zäöüß]*(?:en|n|e|s|er)\b"
    r"|[.!?,;]|$))"
)
# A holiday named after a church, a parish or a street is part of that name
_HOLIDAY_AS_NAME_BEFORE = re.compile(
    r"\b(?:Pfarre|Pfarrei|Pfarrkirche|Kirche|Kapelle|Dom|Münster|Kloster|Stift|Basilika|Wallfahrtskirche|"
    r"Pfarrgemeinde|Seelsorgeeinheit|Schule|Kindergarten|Gymnasium|Krankenhaus|Spital)\s+(?:zu\s+|zur\s+)?$"
)
# how far back a clock time without a day looks for the day of the story told before it
CLOCK_STORY_REACH = 600
# A text that has written out this many years, (almost) none of them within a year of the
# publication date, tells a history: its own last year dates what follows, however far.
HISTORY_YEARS = 3
# A story told before Christ ("490 v. Chr. ... am 12. September ... im folgenden Jahr") counts its
# year-less and relative dates in a stand-in year after Christ: the year plus BC_SHIFT, a multiple
# of 400, so that the calendar (leap years, weekdays) is the same; values come back as BC values.
# Stand-in years start at BC_STAND_IN_MIN (5899 v. Chr.), above every year a text writes out.
BC_SHIFT = 8000
BC_STAND_IN_MIN = 1 - 5899 + BC_SHIFT
# present-tense auxiliaries and copulas, and verbs a museum or a site is described with
_PRESENT_CUE = re.compile(
    r"\b(?:ist|sind|hat|haben|wird|werden|kann|können|gibt|liegt|liegen|steht|stehen|zeigt|zeigen|"
    r"bleibt|bleiben|gilt|gelten|heißt|zählt|zählen)\b")
# the future of the reader's time: a present-tense future, a plan ("wird", "soll", "geplant", "bald")
_READER_FUTURE = re.compile(
    r"\b(?:wird|werden|wirst|soll|sollen|will|wollen|plant|planen|geplant|voraussichtlich|künftig|"
    r"demnächst|bald|morgen|übermorgen)\b")
_SEASON_VALUE = re.compile(r"\d-(SP|SU|FA|WI)$")
# the era, year and month of a value of the "bc" family: BC0031, BC0031-09-02, 0014-08-19
_ERA_YEAR = re.compile(r"(BC)?(\d{4})(?:-(\d{2}))?(?![\d])")
# "um 500 v. Chr.", "etwa 460 v. Chr.", "um das Jahr 500 v. Chr.": an approximate date
_APPROX_BEFORE = re.compile(r"\b(?:[Uu]m|[Ee]twa|[Gg]egen|[Cc]a\.|[Cc]irca|[Zz]irka|[Rr]und|[Uu]ngefähr)\s+$")
_STAND_IN = re.compile(r"(\d{4})(.*)")

# Words before a bare 4-digit number that make it a quantity, not a year.
_QUANTITY_BEFORE = re.compile(
    r"(?:\b(?:rund|etwa|ca\.|circa|über|mehr\s+als|weniger\s+als|knapp|fast|insgesamt|nur|"
    r"bis\s+zu|weitere|exakt|genau|mindestens|höchstens|zirka|gut|davon|alle|mit|"
    r"Nr\.|Nummer|Platz|Seite|Zimmer|PLZ|von\s+über|Artikel|Paragra(?:f|ph)|Tel\.|Telefon|Linie|"
    r"Route|Flug|Zug|Bus|Kanal|Modell|Typ|Code|Version|Zimmer|Haus|Halle|Gleis|Tor|Block|"
    r"[A-ZÄÖÜ][a-zäöüß]*(?:nummer|straße|strasse|gasse|weg|platz|linie)|"
    # file and resolution numbers: "Az. 1635/12", "Zl. 4 Ob 1635", "Resolution 1973", "Drucksache 1765"
    r"Az\.|Aktenzeichen|Zl\.|GZ|Geschäftszahl|Drucksache|Postfach|Hausnummer|Durchwahl|Fax|"
    r"[A-Za-zÄÖÜäöüß]*-?[Rr]esolution(?:en)?|Nrn?\.?|Ob|Os|Bs)|[€$#§]|\d\s*(?:[*×/:]|x))\s*$"
)
# Words before a bare 4-digit number that make it a year even before a noun ("seit 2008 Mitglied").
_YEAR_BEFORE = re.compile(
    r"\b(?:[Ss]eit|Jahr|Jahres|Jahre|Jahren|Anfang|Mitte|Ende|Beginn|Frühjahr|Sommer|Herbst|Winter|"
    r"Saison|" + MONTH + r"|Quartal|Halbjahr)\s*$"
)
# Evidence that a bare number before 1900 is a year: a word that takes a year ("um 1500", "bis 1871",
# "Kriegsjahr 1914", "Jahrgang 1890"), or it stands in brackets "(1908)", or as a heading on its own.
_OLD_YEAR_BEFORE = re.compile(
    r"(?:\b(?:[Uu]m|[Bb]is|[Aa]b|[Vv]or|[Nn]ach|[Vv]on|[Zz]wischen|[Ii]m\s+Jahre?|[Ss]eit|"
    r"[A-ZÄÖÜ][a-zäöüß]*jahr(?:e|es|s)?|Jahrgang|[Jj]ahrgangs|geboren|gestorben|gegründet|erbaut)"
    r"|[Jj]ahr(?:e|es|s)?|[(\[]|^|\n)\s*$"
)
# Adverbs and prepositions of time: a year after them stays a year before a noun, when it is a
# plausible, not a round number
_TIME_ADVERB_BEFORE = re.compile(
    r"\b(?:[Bb]is|[Aa]b|[Bb]ereits|[Ss]chon|[Ee]rst|[Nn]och|[Ss]pätestens|[Ff]rühestens|[Zz]uletzt)\s+$")
_OLD_YEAR_AFTER_BRACKET = re.compile(r"\s*[)\],;]")
# A bare year before 1900 that opens a verb-second clause, alone ("1625 griff Dänemark ...", "1821 erhoben
# sich die Griechen") or after a time adverb ("Erst 1648 unterzeichneten die Gesandten ..."): the finite
# verb follows, then the subject (a name, an article, a pronoun), so the number counts nothing.
_CLAUSE_OPENING_BEFORE = re.compile(
    r"(?:^|[.!?;:]\s+|\n\s*|,\s*|\b(?:und|aber|doch|denn|sondern)\s+)"
    r"(?:(?:[Ee]rst|[Ss]chon|[Bb]ereits|[Nn]och|[Ss]pätestens|[Ff]rühestens|[Zz]uletzt)\s+)?$")
_DETERMINER = r"(?:der|die|das|den|dem|des|ein|eine[mnrs]?|sein(?:e[mnrs]?)?|ihr(?:e[mnrs]?)?)"
_VERB_THEN_SUBJECT_AFTER = re.compile(
    r"\s+[a-zäöüß]{2,}\s+(?:sich\s+)?(?:[A-ZÄÖÜ]|(?:" + _DETERMINER[3:-1] + r"|er|sie|es|man)\s)")
# ... where the word after the year could also be an adjective ("1822 entzifferte Champollion die
# Hieroglyphen", not "1500 entlassene Mitarbeiter"): a name and then the object's determiner or "sich"
_VERB_NAME_OBJECT_AFTER = re.compile(
    r"\s+[a-zäöüß]{2,}\s+(?:sich\s+(?:" + _DETERMINER[3:-1] + r")\s|[A-ZÄÖÜ][\w.-]*\s+(?:[A-ZÄÖÜ][\w.-]*\s+)?"
    r"(?:die|das|den|dem|ein|eine[mn]?|sich|seine[mn]?|ihre[mn]?)\s)")
# A bare year before 1900 in the Mittelfeld, after the finite verb and its subject, before an object
# ("entzifferte Champollion 1822 die Hieroglyphen", "gründete er 1848 eine Zeitung")
_VERB_SUBJECT_BEFORE = re.compile(
    r"\b(?!(?:der|die|das|den|dem|des|ein|eine[mnrs]?|in|im|am|an|auf|aus|bei|mit|nach|von|vom|zu|zum|zur|"
    r"und|oder|als|wie|für|über|unter|gegen|um)\s)[a-zäöüß]{3,}\s+"
    r"(?:er|sie|es|man|[A-ZÄÖÜ][a-zäöüß]{2,}(?:\s+[A-ZÄÖÜ][a-zäöüß]+)?)\s+$")
_OBJECT_AFTER = re.compile(r"\s+(?:die|das|den|dem|ein|eine[mn]?|seine[mn]?|ihre[mn]?)\s+[A-Za-zÄÖÜäöüß]")
_LINE_AFTER = re.compile(r"[ \t]*(?:\n|$)")
_UNIT_AFTER = re.compile(
    r"\s*(?:Euro|EUR|€|Dollar|US-Dollar|Franken|Pfund|Prozent|%|Meter|Kilometer|km|m|kg|t|"
    r"Tonnen|Liter|Hektar|ha|qm|m²|Stück|Mal|mal|Punkte|x|[.,]\d|"
    r"im\s+(?:Jahr|vergangenen|letzten|Vorjahr))(?![A-Za-zÄÖÜäöüß])"
    # an amount "1500,-", a product or score "1920*1080", "1920 x 1080", "1998:1999"
    r"|\s*,[-–]|\s*[*×:]\s*\d|\s+x\s+\d"
)
# a number paired with the bare one that cannot be a year (below 1000, or "1.500"), before a word: both
# count what that word names ("statt von 1207 eher von 600 Schiffen", "1500 oder 800 Mann")
_COUNT_PARTNER_AFTER = re.compile(
    r"\s+(?:eher|oder|und|bis|statt|als|auf)\s+(?:(?:von|auf|zu|rund|etwa|nur|knapp)\s+)?"
    r"(?:\d{1,3}(?:\.\d{3})+|\d{1,3})\s+"
    r"(?!(?:Jahr|Monat|Woche|Tag|Stunde|Minute|Jahrzehnt|Jahrhundert)\w*)[A-Za-zÄÖÜäöüß]"  # "1207 und 80 Jahre später"
)
_CAPITAL_WORD_AFTER = re.compile(r"[ \t]+[A-ZÄÖÜ][a-zäöüß]")  # on the same line: not a heading's next line
_SLASH_AFTER = re.compile(r"/(\d{2}|\d{4})(?!\d)")
_RANGE_AFTER = re.compile(r"\s*(?:bis|-|–|/)\s*(\d{4})(?!\d)")
_RANGE_END_BEFORE = re.compile(r"\d\s*(?:bis|und|-|–|/)\s*$")  # the end of "1500 bis 2000 ..."
_RANGE_FROM_BEFORE = re.compile(
    r"\b(?:[Vv]on|[Zz]wischen|[Ss]eit)\s+(?:de[mn]\s+)?(?:Jahre?n?\s+)?\d{4}\s*(?:bis|und|-|–)\s*$"
)
_RANGE_START_BEFORE = re.compile(r"\b(?:[Vv]on|[Zz]wischen)\s+(?:de[mn]\s+)?(?:Jahre?n?\s+)?$")
_ADJECTIVE_NOUN_AFTER = re.compile(
    r"\s+(?!(?:die|der|den|dem|des|eine[mnrs]?|seine[mnrs]?|ihre[mnrs]?|unsere[mnrs]?|diese[mnrs]?|"
    r"jene[mnrs]?|keine[mnrs]?|alle|jede[mnrs]?|sie|er|es|wieder|immer|aber|oder|oben|unten)\s)"
    r"([a-zäöüß]+(?:e|en|er|es|em))\s+[A-ZÄÖÜ][a-zäöüß]"
)
_VERBS_AFTER_YEAR = frozenset("""
    wurde wurden werden hatte hatten haben waren kamen gingen gaben fanden standen sprachen trafen
    hielten nahmen sahen blieben lagen ließen riefen schrieben traten zogen fielen baten begannen
    gewannen verloren starben fuhren flogen liefen brachte brachten dachte nannte nannten erhielten
    bekamen beschlossen boten konnte konnten musste mussten wollte wollten sollte sollten durfte
    brachte sandte kaufte kauften gründete gründeten baute bauten zählte zählten folgte folgten
    lebte lebten heiratete wechselte wechselten zog zogen trat
""".split())
_ARTICLE_BEFORE = re.compile(r"\b(?:[Dd](?:er|ie|as|en|em|es)|[Ee]ine[mnrs]?|[Ss]eine[mnrs]?|[Ii]hre[mnrs]?)\s+$")
_PARTICIPLE = re.compile(r"ge[a-zäöüß]+|[a-zäöüß]+(?:iert|t|en)e[nmrs]?")
_MONTH_CONTEXT_BEFORE = re.compile(
    r"(?:\b(?:im|Im|seit|Seit|bis|Bis|ab|Ab|vom|Vom|zum|Zum|Anfang|Mitte|Ende|Beginn|Monat|"
    r"Monats|Ende|Mitte|in|In|diesen|diesem|kommenden|vergangenen|letzten|nächsten|von|Von|zwischen|"
    r"Zwischen)"
    r"|\d\.)\s*$"
)
# Quantifiers before a duration stay outside its span (as prepositions do) but set its mod.
_QUANTIFIER_MODS = {
    "rund": "APPROX", "etwa": "APPROX", "ca.": "APPROX", "circa": "APPROX", "zirka": "APPROX",
    "ungefähr": "APPROX", "gut": "APPROX", "mehr als": "MORE_THAN", "über": "MORE_THAN",
    "weniger als": "LESS_THAN", "unter": "LESS_THAN", "knapp": "LESS_THAN", "fast": "LESS_THAN",
    "beinahe": "LESS_THAN", "mindestens": "EQUAL_OR_MORE", "höchstens": "EQUAL_OR_LESS",
}
_QUANTIFIER_BEFORE = re.compile(
    r"\b(rund|etwa|ca\.|circa|zirka|ungefähr|gut|mehr\s+als|über|weniger\s+als|unter|knapp|fast|"
    r"beinahe|mindestens|höchstens)\s+$", re.I
)
# The end of a range that writes the year only once: "vom 16. Juni bis zum 23. September 2025",
# "von Mai bis November 1915": (end month name or number, year)
_RANGE_END_YEAR = re.compile(
    r"\s*(?:bis(?:\s+(?:zu[mr]|einschließlich|Ende|Anfang|Mitte))?|[-–]|und|/)\s*(?:de[mn]\s+)?"
    r"(?:(?:0?[1-9]|[12][0-9]|3[01])\.\s*)?"
    r"(?P<month>" + MONTH + r"|(?:0?[1-9]|1[0-2])\.)\s*(?P<year>(?:1[0-9]|20)[0-9]{2})(?!\d)"
)
_YEAR_MONTH = re.compile(r"(\d{4})(?:-(0[1-9]|1[0-2])(?![\d]))?")
_PAREN_DATE = re.compile(r"\s*\(\s*(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})?\s*\)")
_DATE_AHEAD = re.compile(
    r"\s*,?\s*(?:(?:am|des|vom)\s+)?(?:(?:frühen|späten)\s+)?(?:(?:Morgen|Vormittag|Mittag|Nachmittag|Abend|Nacht)"
    r"\s+des\s+)?(?:(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag),?\s+"
    r"(?:de[mn]\s+)?)?(?P<day>0?[1-9]|[12][0-9]|3[01])\.\s*(?P<month>" + MONTH + r"|(?:0?[1-9]|1[0-2])\.)"
    r"(?:\s*(?P<year>(?:1[0-9]|20)[0-9]{2})(?!\d))?"
)
_CLOCK_BEFORE = re.compile(
    r"(?:\b(?:[Uu]m|[Aa]b|[Gg]egen|[Bb]is|[Ss]eit|[Zz]wischen)\s+(?:ca\.\s+|etwa\s+)?|\d\.\d{2,4}\s+|^\s*)$"
)
_NOT_CLOCK_AFTER = re.compile(
    r"\s*(?:Prozent|%|Euro|EUR|€|Dollar|\$|Franken|Meter|Kilometer|km|m\b|kg|Tonnen|Punkte|Grad|°|Mio|Mrd)"
)
_EVERYDAY_AFTER = re.compile(r"\s+(?:Leben|Lebens|Bedarfs?|Gebrauchs?|Brot|Umgang|Routine|Miteinander)\b")
_GENITIVE_AFTER = re.compile(r"\s+(?:der|des)\b")
_SENTENCE_START = re.compile(r"(?:^|[.!?:\"„“»]\s*|\n\s*)$")


def _add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def _week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _easter(y: int) -> date:
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return date(y, month, day)


def _num(word: str) -> float | None:
    """A number word or digits as a number; None for vague amounts ("einige")."""
    w = word.lower()
    if w[0].isdigit():
        return float(w.replace(",", "."))
    if w in HALVES:
        return HALVES[w]
    if w.endswith("einhalb"):
        return CARDINALS.get(w[: -len("einhalb")], 0) + 0.5
    if w in VAGUE_AMOUNTS:
        return None
    return CARDINALS.get(w)


def _fmt(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


def _duration(n: float | None, unit_word: str) -> str:
    u = unit_word.lower()
    for stem in ("wochenende", "sekunde", "minute", "stunde", "halbjahr", "quartal", "jahrzehnt",
                 "jahrhundert", "monat", "woche", "jahr", "tag"):
        if u.startswith(stem):
            letter, is_time = UNITS[stem]
            break
    else:
        return "PX"
    if letter == "Q" and not is_time:
        letter, n = "M", (None if n is None else n * 3)
    elif stem == "halbjahr":
        letter, n = "M", (None if n is None else n * 6)
    amount = "X" if n is None else _fmt(n)
    return ("PT" if is_time else "P") + amount + letter


def _rel_adj_offset(word: str) -> int:
    w = word.lower()
    for stem, off in RELATIVE_ADJECTIVES.items():
        if w.startswith(stem):
            return off
    return 0



def _dates_on_weekday(years, month: int, day: int, weekday: int) -> list[date]:
    """The dates ``day``.``month``. of ``years`` (in that order) that fall on ISO ``weekday``."""
    fits = []
    for year in years:
        try:
            d = date(year, month, day)
        except ValueError:
            continue
        if d.isoweekday() == weekday:
            fits.append(d)
    return fits

class Resolver:
    """Normalises the candidates of one text, in order (it remembers the day talked about)."""

    def __init__(self, text: str, dct: date | None):
        self.text = text
        self.dct = dct
        self._ref_day: date | None = None  # last day-precise date, for "20 Uhr", "am nächsten Tag"
        self._ref_day_pos = -1
        self._ref_month: tuple[int, int] | None = None  # last month, for "in der ersten Woche"
        self._ref_year: int | None = None  # last year named, for "im selben Jahr"
        self._ref_season: tuple[int, int] | None = None  # year and first month of the last season named
        # the morning after the last night named ("in der Nacht auf Montag": Monday), for "gegen 2 Uhr"
        self._night_morning: date | None = None
        self._night_pos = -1
        self._sent_cache: tuple[int, int] | None = None
        # The story's own time: the year (and month) of the last expression that wrote a year out
        # ("am 19. September 1985", "im Sommer 2010"), and where it ended.  Year-less dates near it
        # go to that year when it lies away from the publication date (a narrative of the past).
        self._story_year: int | None = None
        self._story_month: int | None = None
        self._story_pos = -1
        # years written out near the publication year and away from it: a text that only
        # writes far years (a history) keeps its story's year beyond STORY_REACH
        self._near_years = self._far_years = 0
        # the story's year was written before Christ: _ref_year / _story_year are stand-ins
        self._bc_story = False
        # a day within a week of the publication date has been told: the article has a present
        self._told_present = False

    # ------------------------------------------------------------ context helpers

    def _direction(self, c: Candidate) -> int:
        return tense_direction(self.text, c.start, c.end, self._sentence(c))

    def _sentence(self, c: Candidate) -> tuple[int, int]:
        sc = self._sent_cache
        if sc is None or not (sc[0] <= c.start and c.end <= sc[1]):
            sc = self._sent_cache = sentence_bounds(self.text, c.start, c.end)
        return sc

    def _before(self, c: Candidate, n: int = 40) -> str:
        return self.text[max(0, c.start - n):c.start]

    def _after(self, c: Candidate, n: int = 30) -> str:
        return self.text[c.end:c.end + n]

    def _anchor_day(self, c: Candidate, same_sentence: bool = False, any_paragraph: bool = False) -> date | None:
        """The day a clock time or "am nächsten Tag" refers to: the last day named before it in
        the same sentence (clock times) or paragraph (next/previous day; with ``any_paragraph``,
        as for "am selben Tag", which always takes up a day told before: anywhere before it),
        else the publication date."""
        if self._ref_day is not None and (any_paragraph or "\n" not in self.text[self._ref_day_pos:c.start]):
            if not same_sentence or self._sentence(c)[0] <= self._ref_day_pos - 1:
                return self._ref_day
        return self.dct

    def _story_clock_day(self, c: Candidate, hour: int) -> date | None:
        """The day of a clock time whose sentence names no day, in a clause that tells the past:
        the day of the story told just before (within ``CLOCK_STORY_REACH`` characters), when it
        lies before the publication date. "In der Nacht auf Montag brannte eine Halle ... Die
        Feuerwehr rückte gegen 2 Uhr aus": Monday; "Am Sonntag ... Gegen 14 Uhr ...": Sunday."""
        if self.dct is None or self._direction(c) != PAST:
            return None
        night = self._night_morning is not None and c.start - self._night_pos <= CLOCK_STORY_REACH
        if night and self._night_pos >= self._ref_day_pos:
            d = self._night_morning if hour < 12 else self._night_morning - timedelta(days=1)
        elif self._ref_day is not None and c.start - self._ref_day_pos <= CLOCK_STORY_REACH:
            d = self._ref_day
        else:
            return None
        return d if d < self.dct else None

    def _remember_day(self, d: date, c: Candidate) -> None:
        self._ref_day, self._ref_day_pos = d, c.end
        if self.dct is not None and abs((d - self.dct).days) <= 7:
            self._told_present = True
        self._ref_month = (d.year, d.month)

    # ------------------------------------------------------------ placing things in time

    def _range_end_year(self, c: Candidate, month: int) -> int | None:
        """The year of a range's start taken from its end ("vom 16. Juni bis zum 23. September 2025"):
        the end's year, or the year before when the end's month comes earlier in the year."""
        m = _RANGE_END_YEAR.match(self.text, c.end)
        if m is None:
            return None
        name = m["month"].lower()
        end_month = MONTHS[name] if name in MONTHS else int(name.rstrip("."))
        year = int(m["year"])
        return year - 1 if end_month < month else year

    def _history(self) -> bool:
        """The text tells a history: it has written out ``HISTORY_YEARS`` years or more away from
        the publication date, and at most one in four near it (a war narrative that mentions
        the last reparations paid in 2010 is still a history)."""
        return self._far_years >= HISTORY_YEARS and self._near_years * 4 <= self._far_years

    def _near_dct(self, year: int) -> bool:
        """A year written out within a year of the publication date: the text is back in its present."""
        return self.dct is not None and abs(year - self.dct.year) <= 1

    def _story_year_at(self, c: Candidate) -> int | None:
        """The year the article's own dates point to at ``c``, when they tell of another time
        than the publication date's: the last year written out within ``STORY_REACH`` characters
        before (any distance in a history, or in a text that has neither written a year near the
        publication date nor told a day of its week), if it lies more than a year away from the
        publication year (or dct is None)."""
        y = self._story_year
        if y is None:
            return None
        history = self._history()
        if c.start - self._story_pos > STORY_REACH and not history and (
                self._near_years or self._told_present):
            return None
        if self._bc_story:
            # a story before Christ is told in the past: a clause in the present or the future
            # ("die Funde sind ab dem 3. Mai zu sehen") speaks of the reader's time; a clause without
            # a tense cue (a verb the tense check does not know: "erstachen") is the story's, unless
            # it has a present-tense auxiliary or copula
            direction = self._direction(c)
            if direction == NEUTRAL:
                s, e = self._sentence(c)
                return None if _PRESENT_CUE.search(self.text, s, e) else y
            return y if direction == PAST else None
        if self.dct is not None:
            if abs(y - self.dct.year) <= 1:
                return None
            if y < self.dct.year and self._direction(c) == FUTURE and not (
                    history and self._future_in_the_past(c)):
                return None  # "soll Anfang Dezember einsatzbereit sein": the coming December
            if y > self.dct.year and self._story_pos < self._sentence(c)[0]:
                # a future year is a plan, not a narrative: "ab dem 1. Januar 2024 ... Die erste
                # Lesung ist für den 23. Juni geplant" is the coming 23 June
                return None
        return y

    def _future_in_the_past(self, c: Candidate) -> bool:
        """In a history, a clause that looks ahead only by a past modal or a preposition ("Die
        Kavallerie sollte am 1. Februar aufbrechen", "griff ab Mai nach Norden an") looks ahead
        from the story's time: its sentence has no future or present tense of the reader's time."""
        s, e = self._sentence(c)
        return not (_READER_FUTURE.search(self.text, s, e) or _PRESENT_CUE.search(self.text, s, e))

    def _place_month(self, month: int, direction: int) -> int | None:
        """The year of a month named without one."""
        if self.dct is None:
            return None
        y, m = self.dct.year, self.dct.month
        if direction == PAST:
            return y if month <= m else y - 1
        if direction == FUTURE:
            return y if month >= m else y + 1
        return min((y - 1, y, y + 1), key=lambda yy: (abs((yy * 12 + month) - (y * 12 + m)), -(yy <= y)))

    def _place_day(self, month: int, day: int, direction: int) -> date | None:
        """The date of a day and month named without a year."""
        if self.dct is None:
            return None
        options = []
        for yy in (self.dct.year - 1, self.dct.year, self.dct.year + 1):
            try:
                options.append(date(yy, month, day))
            except ValueError:
                pass
        if not options:
            return None
        if direction == PAST:
            past = [d for d in options if d <= self.dct]
            return max(past) if past else min(options)
        if direction == FUTURE:
            fut = [d for d in options if d >= self.dct]
            return min(fut) if fut else max(options)
        return min(options, key=lambda d: (abs((d - self.dct).days), d > self.dct))

    def _place_weekday(self, wd: int, direction: int, strict: bool = False) -> date | None:
        if self.dct is None:
            return None
        d = self.dct.isoweekday()
        back = (d - wd) % 7
        fwd = (wd - d) % 7
        if strict:
            back, fwd = back or 7, fwd or 7
        if direction == PAST:
            return self.dct - timedelta(days=back)
        if direction == FUTURE:
            return self.dct + timedelta(days=fwd)
        return self.dct - timedelta(days=back) if back <= fwd else self.dct + timedelta(days=fwd)

    def _day_value(self, d: date | None, c: Candidate) -> str:
        if d is None:
            return "XXXX-XX-XX"
        self._remember_day(d, c)
        return d.isoformat()

    def _ymd(self, y: int | None, month: int, day: int, c: Candidate) -> str | None:
        try:
            date(2000 if y is None else y, month, day)  # 2000: a leap year, for "29. Februar"
        except ValueError:
            return None
        if y is None:
            y = self._range_end_year(c, month)
        if y is None:
            y = self._story_year_at(c)
            if y is not None and self._recent_in_new_paragraph(c, month, day):
                y = None
        if y is None:
            d = self._place_day(month, day, self._direction(c))
            if d is None:
                return f"XXXX-{month:02d}-{day:02d}"
            return self._day_value(d, c)
        try:
            d = date(y, month, day)
        except ValueError:
            return None
        return self._day_value(d, c)

    def _recent_in_new_paragraph(self, c: Candidate, month: int, day: int) -> bool:
        """A year-less day in a past clause of a later paragraph than the story's year, that falls within
        ``RECENT_DAYS`` before the publication date, in an article that has told a day of its own week
        ("hat am Donnerstag ... verurteilt. ... im August 2021 ...\n\nDer Angeklagte hatte am 2.
        September ein Geständnis abgelegt": the September before the verdict): the article is back
        in its own time."""
        if not self._told_present or self._history() or "\n" not in self.text[self._story_pos:c.start]:
            return False
        if self._direction(c) != PAST:
            return False
        d = self._place_day(month, day, PAST)
        return d is not None and 0 <= (self.dct - d).days <= RECENT_DAYS

    def _genitive_year(self, gen: str, c: Candidate) -> int | None:
        """The year of "des folgenden / desselben / vorigen / dieses Jahres" after a month, season or
        quarter. "folgenden" and "desselben" count from the year talked about (the story's, else the
        last year named: "im Mai 1630 ... im Mai des folgenden Jahres" is 1631; in a story before
        Christ, "des folgenden Jahres" after 31 v. Chr. is 30 v. Chr.), "vorigen" from the story's
        year, "dieses" in a history from the story's year; else from the publication date."""
        w = gen.lower()
        off = _rel_adj_offset(w)
        story = self._story_year_at(c)
        fallback = self.dct.year if self.dct is not None else None
        if w.startswith(("folgend", "darauffolgend", "desselb", "selb", "gleich")):
            base = story if story is not None else self._ref_year if self._ref_year is not None else fallback
        elif w.startswith("vorig") or (w.startswith("dies") and (self._history() or self._bc_story)):
            base = story if story is not None else fallback
        else:
            base = fallback
        return None if base is None else base + off

    def _month_value(self, month: int, year: int | None, gen: str | None, c: Candidate) -> str:
        if year is None and gen:
            year = self._genitive_year(gen, c)
            if year is None:
                return f"XXXX-{month:02d}"
        if year is None:
            year = self._range_end_year(c, month)
        if year is None:
            year = self._story_year_at(c)
        if year is None:
            year = self._place_month(month, self._direction(c))
        if year is None:
            return f"XXXX-{month:02d}"
        self._ref_month = (year, month)
        return f"{year}-{month:02d}"

    # ------------------------------------------------------------ families

    def resolve(self, c: Candidate) -> Timex | None:
        handler = getattr(self, "_" + c.family)
        r = handler(c, c.match)
        if r is None:
            return None
        typ, value, mod, start, end = (*r, c.start, c.end) if len(r) == 3 else r
        if value is None:
            return None
        if typ in ("DATE", "TIME"):
            ym = _YEAR_MONTH.match(value)
            if ym:
                self._ref_year = int(ym.group(1))
                if ym.group(2):
                    self._ref_month = (self._ref_year, int(ym.group(2)))
                if ym.group(1) in self.text[start:end] and (
                        ym.group(2) or self._near_dct(self._ref_year)
                        or (not _IN_PASSING_AFTER.match(self.text, end) and (
                            typ != "DATE" or value != self.text[start:end]
                            or _STORY_YEAR_BEFORE.search(self.text, max(0, start - 30), start)
                            or _LINE_AFTER.match(self.text, end)))):
                    # the year is written out: the story's time (not a year named in passing,
                    # "im Krieg 1870/71", "(1908)"); in an article of the present (not a history),
                    # a year that frames a figure is a statistic: the story is back in the
                    # article's present ("Im Geschäftsjahr 2023 sank der Umsatz ... Ein Investor
                    # hatte im Herbst Interesse gezeigt": the last autumn)
                    if self.dct is not None:
                        if abs(self._ref_year - self.dct.year) <= 1:
                            self._near_years += 1
                        else:
                            self._far_years += 1
                    if not ym.group(2) and not self._history() and self._frames_a_figure(start, end):
                        self._story_year = None
                    else:
                        self._story_year = self._ref_year
                    self._story_pos = end
                    self._story_month = int(ym.group(2)) if ym.group(2) else None
                    self._bc_story = False
            if self._bc_story:
                value = self._from_stand_in(value, start, end)
            if c.family == "bc":
                self._era_story(value, end)
            season = _SEASON_VALUE.search(value)
            if season and self._ref_year is not None:
                self._ref_season = (self._ref_year, _SEASON_MONTH[season.group(1)])
        if typ == "DURATION" and mod is None:
            q = _QUANTIFIER_BEFORE.search(self.text[max(0, start - 20):start])
            if q:
                mod = _QUANTIFIER_MODS[re.sub(r"\s+", " ", q.group(1)).lower()]
        return Timex(start, end, self.text[start:end], typ, value, mod)

    def _era_story(self, value: str, end: int) -> None:
        """A year with its era written out ("31 v. Chr.", "2. September 31 v. Chr.", "14 n. Chr.") is
        the story's time. Years before Christ and years after Christ below 1000 are counted in a
        stand-in year ``BC_SHIFT`` years later (the calendar repeats every 400 years), whose values
        come back in the era's form."""
        bc = _ERA_YEAR.match(value)
        if bc is None:
            return
        year = int(bc.group(2))
        if bc.group(1):  # before Christ
            if not 1 <= year <= 1 - BC_STAND_IN_MIN + BC_SHIFT:
                return
            stand_in, shifted = 1 - year + BC_SHIFT, True
        elif year < 1000:
            stand_in, shifted = year + BC_SHIFT, True
        else:  # "1453 n. Chr.": written out, the story's year like any other (see ``resolve``)
            return
        self._ref_year = self._story_year = stand_in
        if bc.group(3):
            self._ref_month = (stand_in, int(bc.group(3)))
        self._story_pos, self._story_month, self._bc_story = end, None, shifted
        self._far_years += 1

    def _frames_a_figure(self, start: int, end: int) -> bool:
        """The year at text[start:end] frames a statistic: a noun of a year of accounts before it
        ("Geschäftsjahr 2023"), a comparison ("gegenüber 2022", "mehr als 2022"), or a figure in its sentence other than a date ("um 18 Prozent",
        "120 Insolvenzen", "waren es noch 35")."""
        if _ACCOUNTS_YEAR_BEFORE.search(self.text, max(0, start - 30), start) or \
                _COMPARED_YEAR_BEFORE.search(self.text, max(0, start - 40), start):
            return True
        s, e = sentence_bounds(self.text, start, end)
        return bool(_FIGURE.search(self.text[s:start]) or _FIGURE.search(self.text[end:e]))

    def _from_stand_in(self, value: str, start: int, end: int) -> str:
        """A value counted in the stand-in year of a story before Christ, as a BC value
        (``7785-08-02`` -> ``BC0216-08-02``); other values as they are."""
        m = _STAND_IN.fullmatch(value)
        if not m or int(m.group(1)) < BC_STAND_IN_MIN or m.group(1) in self.text[start:end]:
            return value
        year = int(m.group(1)) - BC_SHIFT
        return f"BC{1 - year:04d}{m.group(2)}" if year <= 0 else f"{year:04d}{m.group(2)}"

    def _bc(self, c, m):
        """Years and centuries before Christ: TIMEX2's ``BC0499`` / ``BC07`` (newsdesk's convention);
        a day or month of an era's year is one date ("2. September 31 v. Chr.": ``BC0031-09-02``,
        "19. August 14 n. Chr.": ``0014-08-19``); "um 500 v. Chr." is approximate (mod APPROX)."""
        mod = PART_OF_PERIOD[m["bcmod"].lower()] if m["bcmod"] else None
        if mod is None and _APPROX_BEFORE.search(self.text, max(0, c.start - 12), c.start):
            mod = "APPROX"
        if m["bccn"]:
            if "tausend" in c.match.group(0):  # "2. Jahrtausend v. Chr." is not a TIMEX3 century
                return None
            return "DATE", f"BC{int(m['bccn']) - 1:02d}", mod
        if m["bcdecade"]:  # "460er Jahre v. Chr.": BC046
            return "DATE", f"BC{int(m['bcdecade']):03d}", mod
        if m["adn"]:
            year = int(m["adn"])
            value, stand_in = f"{year:04d}", year + BC_SHIFT
        else:
            year = int(m["bcn"] or m["bcfirst"] or m["bcwinter"])
            value, stand_in = f"BC{year:04d}", 1 - year + BC_SHIFT
        if m["bcmonth"]:
            month = MONTHS[m["bcmonth"].lower()]
            if not m["bcday"]:
                self._ref_month = (stand_in, month)
                return "DATE", f"{value}-{month:02d}", mod
            try:
                day = date(stand_in, month, int(m["bcday"]))
            except ValueError:
                return None
            self._remember_day(day, c)  # "am nächsten Tag" counts from it (in the stand-in year)
            return "DATE", f"{value}-{month:02d}-{day.day:02d}", mod
        if m["bcseason"] or m["bcwinter"]:
            value += "-" + SEASONS[(m["bcseason"] or "winter").lower()]
        return "DATE", value, mod

    def _set(self, c, m):
        if m["sunit"]:
            u = m["sunit"].lower()
            if m["sof"]:
                return "SET", "P1M" if m["sof"].lower().startswith("monat") else "P1Y", None
            if u in WEEKDAYS:
                return "SET", f"XXXX-WXX-{WEEKDAYS[u]}", None
            if u in ("abend", "morgen", "vormittag", "nachmittag", "nacht"):
                return "SET", f"XXXX-XX-XXT{DAY_PARTS[u]}", None
            return "SET", _duration(1, u), None
        if m["freq"]:
            w = m["freq"].lower()
            if _EVERYDAY_AFTER.match(self._after(c, 20)):
                return None  # "im täglichen Leben": everyday, not every day
            for k, v in FREQUENCY_WORDS.items():
                if w == k or (w.startswith(k) and k not in ("werktags", "wochentags")) \
                        or (w.startswith("all") and w[3:].startswith(k)):
                    return "SET", v, None
            return None
        if m["times"]:  # "zweimal im Monat": every month (TIMEX3 keeps the frequency in freq)
            return "SET", _duration(1, m["tunit"]), None
        if m["wdays"]:
            return "SET", f"XXXX-WXX-{WEEKDAYS[m['wdays'].lower()[:-1]]}", None
        n = _num(m["anum"])
        return "SET", _duration(n, m["aunit"]), None

    def _partof(self, c, m):
        mod = PART_OF_PERIOD[m["pmod"].lower()]
        if m["pmonth"]:
            month = MONTHS[m["pmonth"].lower()]
            year = int(m["pmyear"]) if m["pmyear"] else None
            return "DATE", self._month_value(month, year, None, c), mod
        if m["pyear"]:
            return "DATE", m["pyear"], mod
        if m["pwadj"]:
            adj = m["pwadj"].lower()
            off = 0 if adj in ("der", "dieser") else _rel_adj_offset(adj)
            if self.dct is None:
                return "DATE", "XXXX-WXX", mod
            return "DATE", _week(self.dct + timedelta(weeks=off)), mod
        if m["pthe"]:
            if m["ptheyear"]:
                return "DATE", m["ptheyear"], mod
            if self.dct is None:
                return "DATE", "XXXX" if m["pthe"] == "Jahres" else "XXXX-XX", mod
            if m["pthe"] == "Jahres":
                return "DATE", str(self._story_year_at(c) or self.dct.year), mod
            if self._story_year_at(c) is not None and self._ref_month is not None:
                return "DATE", f"{self._ref_month[0]}-{self._ref_month[1]:02d}", mod  # the month told of
            return "DATE", f"{self.dct.year}-{self.dct.month:02d}", mod
        if m["pgunit"]:
            off = _rel_adj_offset(m["pgadj"])
            if self.dct is None:
                return "DATE", "XXXX" if m["pgunit"].startswith("Jahr") else "XXXX-XX", mod
            if m["pgunit"].startswith("Jahr"):
                return "DATE", str((self._story_year_at(c) or self.dct.year) + off), mod
            y, mo = _add_months(self.dct.year, self.dct.month, off)
            return "DATE", f"{y}-{mo:02d}", mod
        if m["pcent"]:
            return "DATE", f"{int(m['pcent']) - 1:02d}", mod
        if m["pdsmall"]:
            return "DATE", self._small_decade_value(m["pdsmall"], c), mod
        return "DATE", self._decade_value(m["pdc"], m["pdd"], m["pdw"]), mod

    def _small_decade_value(self, digits: str, c: Candidate) -> str:
        """A decade of a year below 1000 without its era ("in den 460er Jahren"): before Christ in a
        story told before Christ (``BC046``), else after Christ (``046``)."""
        bc = self._bc_story and self._story_year_at(c) is not None and self._story_year <= BC_SHIFT
        return f"BC{int(digits):03d}" if bc else f"{int(digits):03d}"

    def _decade_value(self, century, digit, word) -> str:
        if word:
            return f"19{DECADE_WORDS[word.lower()]}"
        if century:
            return f"{century}{digit}"
        return f"19{digit}"

    def _weekday(self, c, m):
        wd = WEEKDAYS[m["wd"].lower()]
        part = m["wdp"] or m["wdp2"]
        adj = (m["wadj"] or "").lower()
        if m["wday"]:
            day = int(m["wday"])
            if m["wmonth"]:
                month = MONTHS.get(m["wmonth"].lower()) or _abbr_month(m["wmonth"])
            else:
                month = int(m["wmnum"])
            year = int(m["wyear"]) if m["wyear"] else None
            if year is None and self.dct is not None:
                # "Donnerstag, 25. Februar": the year in which that day is a Thursday, if near
                fits = _dates_on_weekday((self.dct.year - 1, self.dct.year, self.dct.year + 1), month, day, wd)
                if len(fits) == 1:
                    year = fits[0].year
            value = self._ymd(year, month, day, c)
        else:
            if adj.startswith(("vergangen", "letzt", "vorig")):
                d = self._place_weekday(wd, PAST, strict=True)
            elif adj.startswith(("kommend", "nächst")):
                d = self._place_weekday(wd, FUTURE, strict=True)
            elif adj.startswith(("morgig", "gestrig", "heutig")) and self.dct is not None:
                off = {"m": 1, "g": -1, "h": 0}[adj[0]]
                d = self.dct + timedelta(days=off)
                if d.isoweekday() != wd:  # "am morgigen Sonntag" on a Friday: trust the weekday
                    d = self._place_weekday(wd, FUTURE if off > 0 else PAST if off < 0 else NEUTRAL)
            elif adj.startswith("dies"):
                d = None if self.dct is None else \
                    self.dct + timedelta(days=wd - self.dct.isoweekday())
            else:
                d = self._place_weekday(wd, self._direction(c))
            paren = _PAREN_DATE.match(self.text, c.end)
            if paren:  # "am Dienstagabend (12.04.2016)", "Am Freitag (28.06.)": the date in brackets wins
                d = self._paren_day(paren, wd, c) or d
            value = f"XXXX-WXX-{wd}" if d is None else self._day_value(d, c)
        if value is None:
            return None
        start = c.start
        if adj.startswith(("morgig", "gestrig", "heutig")):  # an adjective, not a determiner
            start = m.start("wd")
        if part:
            return "TIME", f"{value}T{DAY_PARTS[part.lower()]}", None, start, c.end
        return "DATE", value, None, start, c.end

    def _paren_day(self, paren: re.Match, wd: int, c: Candidate) -> date | None:
        """The day in brackets after a weekday; without a year, the nearest year in which it is
        that weekday (else the year the tense points to)."""
        day, month = int(paren.group(1)), int(paren.group(2))
        if paren.group(3):
            y = int(paren.group(3))
            y += 2000 if y < 100 else 0
            try:
                return date(y, month, day)
            except ValueError:
                return None
        base = self._story_year_at(c) or (self.dct.year if self.dct else None)
        if base is None:
            return None
        fits = _dates_on_weekday((base, base - 1, base + 1), month, day, wd)
        if fits:
            return fits[0]
        return self._place_day(month, day, self._direction(c))

    def _daymonth(self, c, m):
        month = MONTHS.get(m["month"].lower()) or _abbr_month(m["month"])
        year = int(m["year"]) if m["year"] else None
        value = self._ymd(year, month, int(m["day"]), c)
        return "DATE", value, None

    def _dayfirst(self, c, m):
        if m["fmonth"]:
            month = MONTHS[m["fmonth"].lower()]
            year = int(m["fyear"]) if m["fyear"] else None
        else:
            month = int(m["fmnum"])
            year = int(m["fnyear"]) if m["fnyear"] else None
        if int(m["fday"]) >= int(m["lday"]):
            return None
        return "DATE", self._ymd(year, month, int(m["fday"]), c), None

    def _numdate(self, c, m):
        day, month = int(m["nd"]), int(m["nm"])
        if m["ny"]:
            y = int(m["ny"])
            if len(m["ny"]) == 2:
                y += 2000 if y < 50 else 1900
            if not 1000 <= y <= 2099:
                return None
            return "DATE", self._ymd(y, month, day, c), None
        before = self._before(c, 20)
        if not re.search(r"(?:\b(?:am|Am|vom|Vom|zum|bis|ab|seit|den|dem)|"
                         r"(?:tag|woch|Sonnabend),)\s*$", before):
            return None
        if re.match(r"\s*\d", self._after(c, 3)):
            return None
        return "DATE", self._ymd(None, month, day, c), None

    def _iso(self, c, m):
        return "DATE", self._ymd(int(m["iy"]), int(m["im"]), int(m["id"]), c), None

    def _date_ahead(self, c: Candidate) -> str | None:
        """The day written out right after a clock time, in the same phrase ("gegen 7 Uhr am Morgen
        des 4. November 2006", "um 20 Uhr, am 3. Mai"), as an ISO date."""
        m = _DATE_AHEAD.match(self.text, c.end)
        if m is None:
            return None
        name = m["month"].lower()
        month = MONTHS[name] if name in MONTHS else int(name.rstrip("."))
        value = self._ymd(int(m["year"]) if m["year"] else None, month, int(m["day"]), c)
        return None if value is None or value.startswith("X") else value

    def _time_value(self, c, hour: int, minute: int) -> str | None:
        if hour > 24:
            return None
        ahead = self._date_ahead(c)
        if ahead is not None:
            return f"{ahead}T{hour:02d}:{minute:02d}"
        d = self._anchor_day(c, same_sentence=True)
        if d is not None and d == self.dct:
            d = self._story_clock_day(c, hour) or d
        day = d.isoformat() if d else "XXXX-XX-XX"
        return f"{day}T{hour:02d}:{minute:02d}"

    def _clock(self, c, m):
        if not _CLOCK_BEFORE.search(self._before(c, 12)) or _NOT_CLOCK_AFTER.match(self._after(c, 12)):
            return None  # "28:25" is a score, "4.40" a price, "bis 12.50 Prozent" a share
        return "TIME", self._time_value(c, int(m["ch"]), int(m["cm"])), None

    def _time(self, c, m):
        h = int(m["th"])
        mi = int(m["tm"]) if m["tm"] else 0
        sfx = (m["tsfx"] or "")
        if sfx in ("nachmittags", "abends", "nachts") and h < 12 and not (sfx == "nachts" and h < 5):
            h += 12
        return "TIME", self._time_value(c, h, mi), None

    def _timefirst(self, c, m):
        h = int(m["fh"])
        mi = int(m["fm"]) if m["fm"] else 0
        return "TIME", self._time_value(c, h, mi), None

    def _relday(self, c, m):
        word = m["rd"]
        if re.match(r"-[A-Za-zÄÖÜäöü]", self._after(c, 2)):
            return None  # "Heute-Show", "heute-journal": names
        if word == "Morgen" and not _SENTENCE_START.search(self._before(c, 3)):
            return None  # the noun "der Morgen", not "morgen" (tomorrow)
        if word.lower() == "heute" and not m["rdp"] and (
                self._history() or re.search(r"\b[Bb]is\s+$", self._before(c, 6))):
            return "DATE", "PRESENT_REF", None  # "bis heute", and "heute" in a history: nowadays
        off = RELATIVE_DAYS[word.lower()]
        if self.dct is None:
            value = "XXXX-XX-XX"
        else:
            value = self._day_value(self.dct + timedelta(days=off), c)
        if m["rdp"]:
            return "TIME", f"{value}T{DAY_PARTS[m['rdp'].lower()]}", None
        return "DATE", value, None

    def _daypart(self, c, m):
        d = self._anchor_day(c)  # "Gestern früh ... Am Nachmittag ...": the day of the story
        if m["nwd"]:  # "die Nacht zum Sonntag": the night before that Sunday
            wd = WEEKDAYS[m["nwd"].lower()]
            nd = self._place_weekday(wd, self._direction(c))
            d = None if nd is None else nd - timedelta(days=1)
            if nd is not None:
                self._night_morning, self._night_pos = nd, c.end
            code = "NI"
        elif m["dpmid"]:
            day = d.isoformat() if d else "XXXX-XX-XX"
            return "TIME", f"{day}T24:00", None
        elif m["dph"]:
            code = DAY_PARTS[m["dph"].lower()]
        else:
            code = DAY_PARTS[(m["dp"] or m["dpn"]).lower()]
        start = c.start
        if m["dpd"]:  # "am Morgen des 4. November 2006": the day written out wins
            month = MONTHS[m["dpm"].lower()] if m["dpm"] else int(m["dpmn"])
            value = self._ymd(int(m["dpy"]) if m["dpy"] else None, month, int(m["dpd"]), c)
            if value is None:
                return None
            if m["dpadj"]:
                start = m.start("dpadj")
            return "TIME", f"{value}T{code}", None, start, c.end
        if m["dpdeixis"]:  # "am gestrigen Abend": the adjective says the day, and stays outside
            off = {"h": 0, "g": -1, "m": 1}[m["dpdeixis"][0]]
            d = None if self.dct is None else self.dct + timedelta(days=off)
            start = m.start("dpadj") if m["dpadj"] else m.start("dp")
            if d is not None:
                self._remember_day(d, c)
        day = d.isoformat() if d else "XXXX-XX-XX"
        if start != c.start:
            return "TIME", f"{day}T{code}", None, start, c.end
        return "TIME", f"{day}T{code}", None

    def _dayafter(self, c, m):
        if m["dasame"]:
            off = 0
        elif m["davor"]:
            off = -1 if m["davor"] == "Vortag" else 1
        elif m["dadir"] or m["tagsdir"]:
            off = -1 if (m["dadir"] or m["tagsdir"]) in ("zuvor", "davor") else 1
        else:
            off = 1
        d = self._anchor_day(c, any_paragraph=bool(m["dasame"]))
        if d is None:
            return "DATE", "XXXX-XX-XX", None
        return "DATE", self._day_value(d + timedelta(days=off), c), None

    def _calweek(self, c, m):
        week = int(m["kw"])
        if m["kwy"]:
            year = int(m["kwy"])
        elif self.dct is not None:
            # the nearest year with that week: "KW 2" read in late December is next year's
            year = self.dct.isocalendar()[0]
            cur = self.dct.isocalendar()[1]
            if week - cur > 26:
                year -= 1
            elif cur - week > 26:
                year += 1
        else:
            return "DATE", f"XXXX-W{week:02d}", None
        try:
            date.fromisocalendar(year, week, 1)
        except ValueError:
            return None
        return "DATE", f"{year}-W{week:02d}", None

    def _ordweek(self, c, m):
        if m["owafter"]:
            d = self._anchor_day(c)
            if d is None:
                return "DATE", "XXXX-WXX", None
            return "DATE", _week(d + timedelta(weeks=1)), None
        n = ORDINALS[m["ow"].lower()]
        if self._ref_month is None:
            return "DATE", "XXXX-WXX", None
        y, mo = self._ref_month
        return "DATE", _week(date(y, mo, 1) + timedelta(weeks=n - 1)), None

    def _relunit(self, c, m):
        if m["rsame"] or m["rafter"]:
            return self._anaphoric_period(c, m)
        off = _rel_adj_offset(m["radj"])
        unit = m["runit"].lower()
        dct = self.dct
        if unit.startswith("wochenende"):
            if dct is None:
                return "DATE", "XXXX-WXX-WE", None
            return "DATE", _week(dct + timedelta(weeks=off)) + "-WE", None
        if unit.startswith("woche"):
            return "DATE", "XXXX-WXX" if dct is None else _week(dct + timedelta(weeks=off)), None
        if unit.startswith("monat"):
            if dct is None:
                return "DATE", "XXXX-XX", None
            y, mo = _add_months(dct.year, dct.month, off)
            self._ref_month = (y, mo)
            return "DATE", f"{y}-{mo:02d}", None
        if unit.startswith("quartal"):
            if dct is None:
                return "DATE", "XXXX-QX", None
            q = (dct.month - 1) // 3 + off
            y = dct.year + q // 4
            return "DATE", f"{y}-Q{q % 4 + 1}", None
        if unit.startswith("halbjahr"):
            if dct is None:
                return "DATE", "XXXX-HX", None
            h = (dct.month - 1) // 6 + off
            return "DATE", f"{dct.year + h // 2}-H{h % 2 + 1}", None
        if unit.startswith("jahrzehnt"):
            return "DATE", "XXX" if dct is None else str(dct.year // 10 + off), None
        if unit.startswith("jahrhundert"):
            return "DATE", "XX" if dct is None else f"{dct.year // 100 + off:02d}", None
        if unit.startswith("jahr"):
            adj = m["radj"].lower()
            narrative = adj.startswith(("vorig", "folgend")) or (
                adj.startswith("dies") and (self._history() or self._bc_story))
            story = self._story_year_at(c) if narrative else None
            if story is not None:
                # "im vorigen Jahr" of a story told about 1987 ("vergangen" counts from now); "in diesem
                # Jahr" of a history is the year it tells of ("1864 ... In diesem Jahr fanden ...")
                return "DATE", str(story + off), None
            return "DATE", "XXXX" if dct is None else str(dct.year + off), None
        for stem, code in SEASONS.items():
            if unit.startswith(stem):
                break
        if dct is None:
            return "DATE", f"XXXX-{code}", None
        return "DATE", f"{self._season_year(code, off)}-{code}", None

    def _anaphoric_period(self, c, m):
        """"im selben Jahr", "im Jahr darauf": the year/month/week talked about (else the dct's)."""
        off = 0 if (m["rsame"] or "").lower() in ("gleich", "selb") else 1
        unit = (m["sunit2"] or m["rafter"]).lower()
        for stem, code in SEASONS.items():
            if unit.startswith(stem):
                return "DATE", self._anaphoric_season(code, off), None
        if unit.startswith("jahr"):
            base = self._ref_year if self._ref_year is not None else (self.dct.year if self.dct else None)
            return "DATE", "XXXX" if base is None else str(base + off), None
        if unit.startswith("monat"):
            base = self._ref_month or ((self.dct.year, self.dct.month) if self.dct else None)
            if base is None:
                return "DATE", "XXXX-XX", None
            y, mo = _add_months(base[0], base[1], off)
            return "DATE", f"{y}-{mo:02d}", None
        d = self._anchor_day(c)
        return "DATE", "XXXX-WXX" if d is None else _week(d + timedelta(weeks=off)), None

    def _anaphoric_season(self, code: str, off: int) -> str:
        """"im selben Sommer", "im folgenden Frühjahr": the season of the year talked about, or the
        next such season after the month or season told last ("Im Herbst 332 v. Chr. ... Im
        folgenden Frühjahr": spring 331 v. Chr.; "Im Frühjahr 218 ... im folgenden Sommer": 218)."""
        base = self._ref_year if self._ref_year is not None else (self.dct.year if self.dct else None)
        if base is None:
            return f"XXXX-{code}"
        if off:
            told = [mo for y, mo in (self._ref_month or (None, None), self._ref_season or (None, None))
                    if y == base and mo is not None]
            if told and max(told) >= _SEASON_MONTH[code]:
                base += 1
        return f"{base}-{code}"

    def _season_year(self, code: str, off: int) -> int:
        """The year of this (off=0), the last (-1) or the next (+1) season ``code``.

        A season's year is the year it starts in (winter 2024 = December 2024 to February 2025)."""
        y, m = self.dct.year, self.dct.month
        start = _SEASON_MONTH[code]
        latest = y if m >= start else y - 1  # the latest occurrence that has started
        running = (m - start) % 12 < 3
        if off < 0:
            return latest - 1 if running else latest
        if off > 0:
            return latest + 1
        if code == "WI":
            return latest if running else latest + 1
        return y

    def _duration(self, c, m):
        if m["num"]:
            word = m["num"]
            n = _num(word)
            if n is None and word.lower() not in VAGUE_AMOUNTS:
                return None
            if m["dlater"] and n is not None and n == int(n):
                return self._counted_from_story(c, m, int(n))
            if word.lower() in ("ein", "eine", "einen", "einem", "einer", "eines") and not m["dadj"] \
                    and m["unit"].lower().startswith("tag") and _GENITIVE_AFTER.match(self._after(c, 6)):
                return None  # "ein Tag der offenen Tür" names a day, it does not measure one
            start = c.start
            return "DURATION", _duration(n, m["unit"]), None, start, c.end
        if m["unit2"]:
            return "DURATION", _duration(None, m["unit2"]), None
        if m["unit3"]:
            return "DURATION", _duration(None, m["unit3"]), None
        if m["hnum"]:
            return "DURATION", _duration(float(m["hnum"]), m["hunit"]), None
        unit = m["halfunit"].lower()
        return "DURATION", {"jahr": "P6M", "stunde": "PT30M", "tag": "PT12H"}[unit], None

    def _counted_from_story(self, c, m, n: int):
        """"zwei Tage später", "einen Monat zuvor": a date counted from the day (month, year)
        the text talks about, in the unit's granularity; a vague amount stays a duration."""
        sign = -1 if m["dlater"] in ("zuvor", "früher", "davor") else 1
        unit = m["unit"].lower()
        if unit.startswith(("tag", "woche")) and not unit.startswith("wochenende"):
            d = self._anchor_day(c)
            if d is None:
                return "DATE", "XXXX-XX-XX" if unit.startswith("tag") else "XXXX-WXX", None
            if unit.startswith("tag"):
                return "DATE", self._day_value(d + timedelta(days=sign * n), c), None
            return "DATE", _week(d + timedelta(weeks=sign * n)), None
        if unit.startswith("monat"):
            base = self._ref_month or ((self.dct.year, self.dct.month) if self.dct else None)
            if base is None:
                return "DATE", "XXXX-XX", None
            y, mo = _add_months(base[0], base[1], sign * n)
            return "DATE", f"{y}-{mo:02d}", None
        if unit.startswith("jahr") and not unit.startswith(("jahrzehnt", "jahrhundert")):
            base = self._ref_year if self._ref_year is not None else (self.dct.year if self.dct else None)
            return "DATE", "XXXX" if base is None else str(base + sign * n), None
        return "DURATION", _duration(n, m["unit"]), None, c.start, m.end("unit")

    def _quarter(self, c, m):
        if m["qq"]:
            return "DATE", f"{m['qqyear']}-Q{m['qq']}", None
        n = ORDINALS.get(m["qord"].lower(), 0) if m["qord"] else int(m["qnum"])
        unit = m["qunit"].lower()
        halves = 2 if unit != "quartal" else 4
        if m["qord"] and m["qord"].lower() == "letzt":
            n = halves
        if n < 1 or n > halves:
            return None
        letter = "Q" if halves == 4 else "H"
        if m["qyear"]:
            y = m["qyear"]
        elif self.dct is None:
            y = "XXXX"
        elif m["qgen"]:
            y = str(self._genitive_year(m["qgen"], c))
        else:  # "im 1. Halbjahr" of a story told about 1863
            story = self._story_year_at(c)
            y = str(self.dct.year if story is None else story)
        return "DATE", f"{y}-{letter}{n}", None

    def _season(self, c, m):
        code = SEASONS[(m["season"] or m["season2"]).lower()]
        if m["syear"]:
            return "DATE", f"{m['syear']}-{code}", None
        if m["sgen"]:
            year = self._genitive_year(m["sgen"], c)
            return "DATE", f"{'XXXX' if year is None else year}-{code}", None
        story = self._story_year_at(c)
        if story is not None:
            return "DATE", f"{story}-{code}", None
        if self.dct is None:
            return "DATE", f"XXXX-{code}", None
        direction = self._direction(c)
        y = self._place_month(_SEASON_MONTH[code], direction)
        if code == "WI" and direction == PAST and self.dct.month <= 2:
            y = self.dct.year - 1
        return "DATE", f"{y}-{code}", None

    def _decade(self, c, m):
        if m["dsmall"]:
            return "DATE", self._small_decade_value(m["dsmall"], c), None
        return "DATE", self._decade_value(m["dc"], m["dd"] or m["dd2"] or m["dd3"], m["dw"]), None

    def _century(self, c, m):
        return "DATE", f"{int(m['cn']) - 1:02d}", None

    def _month(self, c, m):
        name = m["month"].lower()
        year = int(m["myear"]) if m["myear"] else None
        if name in AMBIGUOUS_MONTHS and year is None and not m["mgen"]:
            if re.match(r"-[A-ZÄÖÜ]", self._after(c, 2)):
                return None  # "August-Bebel-Haus"
            if not _MONTH_CONTEXT_BEFORE.search(self._before(c, 25)):
                # "August Bebel", "Juli Zeh": only "und/oder" after another month counts
                if not re.search(MONTH + r"\s*(?:und|oder|bis|-|–|/)\s*$",
                                 self._before(c, 30)):
                    return None
            if re.match(r"\s+[A-ZÄÖÜ][a-zäöüß]+", self._after(c)) and \
                    not _MONTH_CONTEXT_BEFORE.search(self._before(c, 25)):
                return None
        return "DATE", self._month_value(MONTHS[name], year, m["mgen"], c), None

    def _year(self, c, m):
        """A bare 4-digit number is a year unless its neighbours make it a quantity or a label."""
        if m["year"]:
            return "DATE", m["year"], None
        before = self._before(c, 30)
        after = self._after(c, 40)
        if m["ryy"]:  # "1912/13": the year after the one before the slash, else a file number
            first = re.search(r"(\d{4})/$", before)
            if first is None:
                return None
            y = int(first.group(1))
            nxt = y - y % 100 + int(m["ryy"])
            return ("DATE", str(nxt), None) if nxt == y + 1 else None
        value = m["byear"] or m["ryear"]
        if _UNIT_AFTER.match(after) or (_QUANTITY_BEFORE.search(before) and not _YEAR_BEFORE.search(before)):
            return None
        slash = _SLASH_AFTER.match(after)
        if slash:  # "1912/13", "1914/1915" are years; "1635/12" is a file number
            n = int(slash.group(1))
            if (len(slash.group(1)) == 2 and n != (int(value) + 1) % 100) or \
                    (len(slash.group(1)) == 4 and n != int(value) + 1):
                return None
        if not self._plausible_bare_year(int(value), c, before, after, bool(slash)):
            return None
        if re.search(r"\bvon\s+\d+\s+auf\s*$", before) or (
                re.match(r"\s+auf\s+\d", after) and re.search(r"\bvon\s*$", before)):
            return None  # "stieg von 1800 auf 1900": quantities
        if _COUNT_PARTNER_AFTER.match(after):
            return None  # "statt von 1207 eher von 600 Schiffen", "1500 oder 800 Mann": one noun counts both
        rng = _RANGE_AFTER.match(after)
        if rng:  # "1983 bis 1987": the end of the range and what follows it decide
            rest = after[rng.end():]
            if int(rng.group(1)) <= int(value) or _UNIT_AFTER.match(rest):
                return None
            if _RANGE_START_BEFORE.search(before):
                return "DATE", value, None  # "von 1983 bis 1987"
            after = rest
        if _RANGE_FROM_BEFORE.search(before):
            return "DATE", value, None  # "von 1983 bis 1987"
        strong = bool(_YEAR_BEFORE.search(before)) and not _RANGE_END_BEFORE.search(before)
        y = int(value)
        if not strong and _TIME_ADVERB_BEFORE.search(before) and y % 50 and \
                1900 <= y <= (self.dct.year if self.dct else 2030) + 5:
            strong = True  # "bereits 1917 Meutereien", "ab 1929 Jugoslawien" (not "bereits 2000 Menschen")
        if m["ryear"]:
            strong = False
        if not strong:
            if _CAPITAL_WORD_AFTER.match(after) and not re.match(r"\s*[,;:)]", after):
                return None  # "1200 Demonstranten", "1500 bis 2000 Menschen"
            adj = _ADJECTIVE_NOUN_AFTER.match(after)
            if adj and adj.group(1) not in _VERBS_AFTER_YEAR and not (
                    _ARTICLE_BEFORE.search(before) and _PARTICIPLE.fullmatch(adj.group(1))) and not (
                    _CLAUSE_OPENING_BEFORE.search(before) and _VERB_NAME_OBJECT_AFTER.match(after)):
                return None  # "1200 neue Stellen" (but "1983 wurden Agenturen", "das 1906 gegründete Museum")
        return "DATE", value, None

    def _plausible_bare_year(self, year: int, c: Candidate, before: str, after: str, span: bool) -> bool:
        """A bare number is a year before 1900 or far after the publication only with evidence."""
        if re.search(r"\d{4}\s*[-–]\s*$", before):  # the end of "1857–1858" follows its start
            return True
        low = 1900
        high = (self.dct.year if self.dct else 2030) + 30
        if low <= year <= high:
            return True
        if span or _YEAR_BEFORE.search(before) or _RANGE_FROM_BEFORE.search(before) \
                or _RANGE_AFTER.match(after) or _LINE_AFTER.match(after):
            return True
        if (_CLAUSE_OPENING_BEFORE.search(before) and _VERB_THEN_SUBJECT_AFTER.match(after)) or \
                (_VERB_SUBJECT_BEFORE.search(before) and _OBJECT_AFTER.match(after)):
            return True  # "Erst 1821 erhoben sich die Griechen", "entzifferte Champollion 1822 die ..."
        ob = _OLD_YEAR_BEFORE.search(before)
        if ob is None:
            return False
        if ob.group(0).strip() in ("(", "["):  # "(1908)", "(1884, London)"
            return bool(_OLD_YEAR_AFTER_BRACKET.match(after))
        return True

    def _holiday(self, c, m):
        name = re.sub(r"\s+", " ", m["hol"]).lower()
        if not m["hyear"] and _HOLIDAY_AS_NAME_BEFORE.search(self._before(c, 30)):
            # "Pfarre Maria Himmelfahrt", "Kirche Mariä Himmelfahrt": a name, no day of the calendar
            return "DATE", "XXXX-XX-XX", None
        if m["hyear"]:
            years = [int(m["hyear"])]
        elif self.dct is None:
            years = []
        else:
            years = [self.dct.year - 1, self.dct.year, self.dct.year + 1]
        days = []
        for y in years:
            if name in FIXED_HOLIDAYS:
                mo, d = FIXED_HOLIDAYS[name]
                days.append(date(y, mo, d))
            else:
                days.append(_easter(y) + timedelta(days=EASTER_HOLIDAYS[name]))
        if not days:
            if name in FIXED_HOLIDAYS:
                mo, d = FIXED_HOLIDAYS[name]
                return "DATE", f"XXXX-{mo:02d}-{d:02d}", None
            return "DATE", "XXXX-XX-XX", None
        if len(days) == 1:
            return "DATE", self._day_value(days[0], c), None
        direction = self._direction(c)
        if direction == PAST:
            pick = max((d for d in days if d <= self.dct), default=days[0])
        elif direction == FUTURE:
            pick = min((d for d in days if d >= self.dct), default=days[-1])
        else:
            pick = min(days, key=lambda d: (abs((d - self.dct).days), d > self.dct))
        return "DATE", self._day_value(pick, c), None

    def _word(self, c, m):
        dct = self.dct
        if m["we"] or m["we2"]:
            if dct is None:
                return "DATE", "XXXX-WXX-WE", None
            direction = self._direction(c)
            d = dct.isoweekday()
            back = d % 7 if d != 6 else 0  # days since the last weekend's Sunday (0 on a weekend)
            fwd = (6 - d) % 7
            if d in (6, 7):
                target = dct
            elif direction == PAST or (direction == NEUTRAL and back <= fwd):
                target = dct - timedelta(days=back)
            else:
                target = dct + timedelta(days=fwd)
            return "DATE", _week(target) + "-WE", None
        w = m["lex"].lower()
        if dct is None:
            return "DATE", ("XXXX-WXX" if "woch" in w else "XXXX-XX" if "monat" in w else "XXXX"), \
                ("END" if "ende" in w else "START" if ("beginn" in w or "anfang" in w) else
                 "MID" if "mitte" in w else None)
        if w.startswith("vorjahresmonat"):  # the month talked about, a year earlier
            y, mo = self._ref_month or (dct.year, dct.month)
            return "DATE", f"{y - 1}-{mo:02d}", None
        if w.startswith("vorjahresquartal"):
            y, mo = self._ref_month or (dct.year, dct.month)
            return "DATE", f"{y - 1}-Q{(mo - 1) // 3 + 1}", None
        if w.startswith("vorjahr"):
            return "DATE", str((self._story_year_at(c) or dct.year) - 1), None
        if w.startswith("folgejahr"):
            return "DATE", str((self._story_year_at(c) or dct.year) + 1), None
        if w == "heuer":
            return "DATE", str(dct.year), None
        if w.startswith("vormonat"):
            y, mo = _add_months(dct.year, dct.month, -1)
            return "DATE", f"{y}-{mo:02d}", None
        if w == "vorwoche":
            return "DATE", _week(dct - timedelta(weeks=1)), None
        if w.startswith("jahreswechsel"):
            return "DATE", str(dct.year if dct.month >= 7 else dct.year - 1), "END"
        mod = "END" if "ende" in w else "MID" if "mitte" in w else "START"
        if w.startswith("jahres"):
            return "DATE", str(self._story_year_at(c) or dct.year), mod
        if w.startswith("monats"):
            return "DATE", f"{dct.year}-{dct.month:02d}", mod
        return "DATE", _week(dct), mod

    def _ref(self, c, m):
        if m["refz"]:
            return "DATE", "FUTURE_REF", None
        if m["refpres"]:
            return "DATE", "PRESENT_REF", None
        w = re.sub(r"\s+", " ", m["refw"]).lower()
        return "DATE", REFERENCE_WORDS[w], None


_ABBR = {"jan": 1, "feb": 2, "mär": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
         "sept": 9, "okt": 10, "nov": 11, "dez": 12}


def _abbr_month(word: str) -> int:
    return _ABBR[word.rstrip(".").lower()]
