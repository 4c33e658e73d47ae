"""The candidate finder: a hand-written grammar of German temporal expressions.

Each pattern family is one regular expression with named groups.  Families are
joined into alternations (groups stripped, one named group per family); the scan
walks the words of the text once and, at a word that can start an expression
(a set look-up on its first four letters, or a digit), tries the alternation of
just the families that can start with it.  The family's own regex then re-reads
a hit to get its parts (``Candidate.match``).  At one position the family
listed first wins, so longer and more specific families come first.

Extent conventions (TimeML / the KRAUTS corpus): prepositions, also contracted
ones (am, im, vom, zum), stay outside a span; articles and determiners are
inside: am [Samstag], im [November 1970], um [20.30 Uhr], in [der ersten Woche],
[Anfang Dezember], seit [drei Jahren], in [den nächsten zwei Wochen].
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

# ---------------------------------------------------------------- building blocks

MONTH = r"(?:Januar|Jänner|Februar|Feber|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)"
MONTH_ABBR = r"(?:Jan|Feb|Mär|Apr|Jun|Jul|Aug|Sept?|Okt|Nov|Dez)\."
WEEKDAY = r"(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag)"
DAY = r"(?:0?[1-9]|[12][0-9]|3[01])"
MONTHNUM = r"(?:0?[1-9]|1[0-2])"
YEAR = r"(?:1[0-9]{3}|20[0-9]{2})(?![\d.,]\d|\d)"
HOUR = r"(?:[01]?[0-9]|2[0-4])"
END = r"(?![A-Za-zÄÖÜäöüß])"  # end of a word (also before a hyphen or digit)
GEN_YEAR_ADJ = (r"(?:dieses|diesen|nächsten|kommenden|vergangenen|letzten|vorigen|laufenden|folgenden|"
                r"darauffolgenden|desselben|selben|gleichen)")
REL_ADJ = (r"(?i:dies|nächst|kommend|vergangen|letzt|vorig|laufend|heurig|abgelaufen|"
           r"bevorstehend)(?:e|er|en|es|em)")
NUM = (r"(?i:\d+(?:,\d+)?|(?:ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf)einhalb|"
       r"anderthalb|dreizehn|vierzehn|fünfzehn|sechzehn|siebzehn|achtzehn|neunzehn|zwanzig|"
       r"dreißig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig|hundert|"
       r"ein(?:e[mnrs]?)?|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|beiden?|"
       r"einigen?|mehreren?|wenigen?|vielen?|etlichen?|zahlreichen?|langen?|paar)")
UNIT = (r"(?:Sekunden?|Minuten?|Stunden?|Tag(?:e|en|es)?|Wochenenden?|Wochen?|Monat(?:e|en|s)?|"
        r"Quartale?n?|Halbjahre?n?|Jahr(?:e|en|es)?|Jahrzehnt(?:e|en)?|Jahrhundert(?:e|en)?)")
UNIT_PLURAL = (r"(?:Sekunden|Minuten|Stunden|Tagen?|Wochen|Monaten?|Quartalen?|Jahren?|"
               r"Jahrzehnten?|Jahrhunderten?)")
DAYPART = r"(?:morgen|früh|vormittag|mittag|nachmittag|abend|nacht)"
DAYPART_NOUN = r"(?:Morgen|Vormittag|Mittag|Nachmittag|Abend|Nacht)"
NO_NUMBER_BEFORE = r"(?<![\d.,:/\-–])"
NO_DIGIT_BEFORE = r"(?<![\d.,:])"  # clock times may follow a dash: "14-18 Uhr"
BC = r"(?:v\.\s*Chr\.|vor\s+Christus|v\.\s*u\.\s*Z\.|vor\s+unserer\s+Zeitrechnung)"
HOLIDAYS = (r"(?:Weihnachten|Heiligabend|Heiligen\s+Abend|Silvester|Neujahr(?:stag)?|Ostern|Ostersonntag|"
            r"Ostermontag|Karfreitag|Gründonnerstag|Rosenmontag|Aschermittwoch|Pfingsten|"
            r"Pfingstsonntag|Pfingstmontag|Christi\s+Himmelfahrt|Mari(?:ä|a)\s+Himmelfahrt|"
            r"Fronleichnam|Allerheiligen|Allerseelen|Dreikönigstag|Valentinstag|Reformationstag|"
            r"Tag\s+der\s+(?:[Dd]eutschen\s+Einheit|Arbeit))")

# ---------------------------------------------------------------- families (order matters)

FAMILIES: list[tuple[str, str]] = [
    # Years and centuries before (or explicitly after) Christ: "1500 v. Chr.", "Frühjahr 479 v. Chr.",
    # "Jahr 492 v. Chr.", "Anfang des 8. Jh. v. Chr.", "490" in "490–479 v. Chr." and "479" after it,
    # "in den 460er Jahren v. Chr.", "9 n. Chr.", a day or month of such a year ("2. September 31 v. Chr.",
    # "August 30 v. Chr.", "19. August 14 n. Chr."), a winter across two years ("Winter 218/217 v. Chr.")
    ("bc", rf"""
        \b(?:(?P<bcmod>Anfang|Mitte|Ende|Beginn)\s+(?:de[sr]\s+)?)?
        (?:(?P<bcseason>Frühjahr|Frühling|Sommer|Herbst|Winter)(?:e?s)?\s+|(?:[Dd](?:as|em|es)\s+)?Jahr(?:e|es|s)?\s+
         | (?:{NO_NUMBER_BEFORE}(?P<bcday>{DAY})\.\s*)?(?P<bcmonth>{MONTH})\s+)?
        (?:(?:[Dd](?:as|em|es)\s+)?(?P<bccn>[1-9]|[1-4][0-9])\.\s*(?:Jahrhunderts?|Jahrtausends?|Jh\.)\s*{BC}
         | {NO_NUMBER_BEFORE}(?P<bcdecade>[1-9][0-9]{{0,2}})0er(?:[- ]?Jahren?)?\s*{BC}
         | (?<=Winter\s)(?P<bcwinter>[1-9][0-9]{{0,3}})/[1-9][0-9]{{0,3}}\s*{BC}
         | (?:{NO_NUMBER_BEFORE}|(?<=[0-9][–/-]))(?P<bcn>[1-9][0-9]{{0,3}})\s*{BC}
         | {NO_NUMBER_BEFORE}(?P<bcfirst>[1-9][0-9]{{0,3}})(?=\s*(?:–|-|/|bis|und)\s*[1-9][0-9]{{0,3}}\s*{BC})
         | {NO_NUMBER_BEFORE}(?P<adn>[1-9][0-9]{{0,3}})\s*(?:n\.\s*Chr\.|nach\s+Christus)
        )"""),
    # SET: "jeden Montag", "jeden letzten Samstag im Monat", "täglich", "montags", "alle zwei Wochen"
    ("set", rf"""
        \b(?:
          [Jj]ede[nrms]?\s+(?:(?P<sord>erst|zweit|dritt|viert|letzt)en?\s+)?
            (?P<sunit>{WEEKDAY}|Tag|Woche|Wochenende|Monat|Jahr|Abend|Morgen|Vormittag|Nachmittag|Nacht|Stunde)
            (?:\s+(?:im|des)\s+(?P<sof>Monats?|Jahr(?:es)?))?{END}
        | (?P<freq>(?i:all)?(?i:täglich|wöchentlich|monatlich|vierteljährlich|halbjährlich|jährlich|stündlich)(?:e[nrms]?)?
                  |[Ww]erktags|[Ww]ochentags){END}
        | (?P<wdays>[Mm]ontags|[Dd]ienstags|[Mm]ittwochs|[Dd]onnerstags|[Ff]reitags|[Ss]amstags|[Ss]onntags){END}
        | [Aa]lle\s+(?P<anum>{NUM})\s+(?P<aunit>{UNIT_PLURAL}){END}
        | (?P<times>(?i:einmal|zweimal|dreimal|viermal|fünfmal|mehrmals|mehrfach)|\d+(?:-mal|\s+[Mm]al))\s+
            (?:im|pro|am|in\s+der|die|je)\s+(?P<tunit>Tag|Woche|Monat|Jahr){END}
        )"""),
    # Parts of periods: "Mitte August", "Anfang 2024", "Ende des Jahres", "Mitte vergangener Woche"
    ("partof", rf"""
        \b(?P<pmod>Anfang/Mitte|Mitte/Ende|Ende/Anfang|Anfang|Beginn|Mitte|Ende)\s+(?:
          (?P<pmonth>{MONTH})(?:\s+(?P<pmyear>{YEAR}))?{END}
        | (?P<pyear>{YEAR})
        | (?P<pwadj>der|dieser|vergangener|letzter|nächster|kommender|voriger)\s+Woche{END}
        | des\s+(?P<pthe>Monats|Jahres)(?:\s+(?P<ptheyear>{YEAR}))?{END}
        | (?:des\s+)?(?P<pgadj>{GEN_YEAR_ADJ})\s+(?P<pgunit>Jahres|Jahrs|Monats){END}
        | de[rs]\s+(?:(?P<pdc>1[0-9]|20)?(?P<pdd>[0-9])0er(?:[- ]?Jahre)?|(?P<pdsmall>[1-9][0-9])0er[- ]?Jahre|(?P<pdw>[Zz]wanziger|[Dd]reißiger|[Vv]ierziger|[Ff]ünfziger|[Ss]echziger|[Ss]iebziger|[Aa]chtziger|[Nn]eunziger)(?:[- ]?[Jj]ahre))
        | des\s+(?P<pcent>\d{{1,2}})\.\s*Jahrhunderts(?!\s*{BC})
        )"""),
    # Weekdays, optionally with a relative adjective, a part of the day and a date:
    # "am Montag", "vergangenen Freitag", "Montagabend", "Donnerstag, 25. Februar"
    ("weekday", rf"""
        \b(?:(?P<wadj>(?i:vergangen|letzt|kommend|nächst|dies|vorig|morgig|gestrig|heutig)en|[Dd]e[mn])\s+)?
        (?P<wd>{WEEKDAY})(?P<wdp>{DAYPART})?
        (?:\s+(?P<wdp2>Abend|Morgen|Vormittag|Nachmittag|Nacht|früh){END})?
        (?:(?:,\s*|\s+)(?:(?:de[nm]|der)\s+)?{NO_NUMBER_BEFORE}(?P<wday>{DAY})\.\s*
            (?:(?P<wmonth>{MONTH}|{MONTH_ABBR})|(?P<wmnum>{MONTHNUM})\.)(?:\s*(?P<wyear>{YEAR}))?)?
        {END}"""),
    # Day and month in words: "8. November", "den 3. Oktober 2025", "24. Dez. 2024"
    ("daymonth", rf"""
        {NO_NUMBER_BEFORE}\b(?P<day>{DAY})\.\s*(?P<month>{MONTH}{END}|{MONTH_ABBR})
        (?:\s+(?P<year>{YEAR}))?"""),
    # First day of a range: "5." in "5. bis 8. Dezember"
    ("dayfirst", rf"""
        {NO_NUMBER_BEFORE}\b(?P<fday>{DAY})\.(?=\s*(?:bis|und|-|–|/)\s*(?P<lday>{DAY})\.\s*
        (?:(?P<fmonth>{MONTH})(?:\s+(?P<fyear>{YEAR}))?|(?P<fmnum>{MONTHNUM})\.(?P<fnyear>\d{{4}})?))"""),
    # Dates in digits: "03.10.2025", "3.10.25", "am 3.10."
    ("numdate", rf"""
        {NO_NUMBER_BEFORE}\b(?P<nd>{DAY})\.\s?(?P<nm>{MONTHNUM})\.(?:\s?(?P<ny>\d{{4}}|\d{{2}})(?![\d.,]\d|\d))?"""),
    ("iso", rf"""
        {NO_NUMBER_BEFORE}\b(?P<iy>{YEAR})-(?P<im>0[1-9]|1[0-2])-(?P<id>0[1-9]|[12][0-9]|3[01])(?!\d)"""),
    # Clock times: "18 Uhr", "20.30 Uhr", "8 Uhr abends"
    ("time", rf"""
        {NO_DIGIT_BEFORE}\b(?:(?P<th>{HOUR})(?:[.:](?P<tm>[0-5][0-9]))?\s*Uhr
        (?:\s+(?P<tsfx>morgens|früh|vormittags|nachmittags|abends|nachts){END})?)(?![\w])"""),
    # First time of a range: "14" in "von 14 bis 18 Uhr"
    ("timefirst", rf"""
        {NO_DIGIT_BEFORE}\b(?P<fh>{HOUR})(?:[.:](?P<fm>[0-5][0-9]))?
        (?=(?:\s*(?:bis|-|–|und)\s*{HOUR}(?:[.:][0-5][0-9])?){{1,3}}\s*Uhr)"""),
    # "um 15:57", "ab 16.21": clock times without "Uhr", only after a preposition (checked later)
    ("clock", rf"""
        {NO_DIGIT_BEFORE}\b(?P<ch>{HOUR})[.:](?P<cm>[0-5][0-9])(?![\d:.,]|\s*(?:min|Min|h\b|Std|Sek|sec|s\b))"""),
    # Parts of the day: "am Abend", "in der Nacht zum Sonntag", "in den frühen Morgenstunden"
    ("daypart", rf"""
        (?:(?<=\b[Aa]m\s)(?:(?P<dpdeixis>heutigen|gestrigen|morgigen)\s+)?(?:(?P<dpadj>frühen|späten)\s+)?(?P<dp>{DAYPART_NOUN})
             # the day written out in the same phrase: "am Morgen des 4. November 2006"
             (?:\s+des\s+(?:(?P<dpwd>{WEEKDAY}),?\s+)?{NO_NUMBER_BEFORE}(?P<dpd>{DAY})\.\s*
                (?:(?P<dpm>{MONTH})|(?P<dpmn>{MONTHNUM})\.)(?:\s+(?P<dpy>{YEAR}))?
              # or the day talked about: "am Abend desselben Tages", "am Morgen dieses Tages"
              | \s+(?:desselben|des\s+selben|des\s+gleichen|dieses|jenes)\s+Tages)?
         | \b[Dd](?:er|ie)\s+(?:(?P<dpadj2>frühen|späten)\s+)?(?P<dpn>Nacht|Früh)(?:\s+(?:zum|zu|auf\s+den|auf)\s+(?P<nwd>{WEEKDAY}))?
         | (?:(?<=\b[Uu]m\s)|(?<=\b[Gg]egen\s)|(?<=\bvor\s)|(?<=\bnach\s)|(?<=\bbis\s)|(?<=\bab\s))(?P<dpmid>Mitternacht)
         | \b[Dd]en\s+(?:(?:frühen|späten)\s+)?(?P<dph>Morgenstunden|Abendstunden|Nachtstunden|Vormittagsstunden|Nachmittagsstunden)
        ){END}"""),
    # Relative days, with a part of the day: "gestern", "heute Abend", "morgen früh"
    ("relday", rf"""
        \b(?P<rd>[Hh]eute|[Gg]estern|[Vv]orgestern|[Mm]orgen|[Üü]bermorgen)
        (?:\s+(?P<rdp>früh|[Mm]orgen|[Vv]ormittag|[Mm]ittag|[Nn]achmittag|[Aa]bend|[Nn]acht))?{END}"""),
    # Days relative to the day talked about: "am nächsten Tag", "am Vortag", "tags darauf"
    ("dayafter", rf"""
        \b(?:(?:[Dd](?:er|en|em)\s+)?(?P<daadj>nächsten|folgenden|darauffolgenden|darauf\s+folgenden)\s+Tag(?:e?s)?
        | (?P<davor>Vortag|Folgetag)(?:e?s)?
        | (?:[Dd]e[mn]\s+)?Tag(?:e?s)?\s+(?P<dadir>darauf|danach|zuvor|davor)
        | (?:[Dd]e[mn]\s+)?(?P<dasame>gleichen|selben)\s+Tag
        | [Tt]ags\s+(?P<tagsdir>darauf|zuvor|danach|davor)
        ){END}"""),
    # Calendar weeks: "in der Kalenderwoche 43", "KW 43/2025"
    ("calweek", rf"""
        \b(?:[Dd]er\s+)?(?:Kalenderwoche|KW)\s*(?P<kw>0?[1-9]|[1-4][0-9]|5[0-3])(?!\d)(?:\s*/\s*(?P<kwy>{YEAR}))?"""),
    # Ordinal weeks: "in der ersten Woche", "der Woche darauf"
    ("ordweek", rf"""
        \b[Dd](?:er|ie|en)\s+(?:(?P<ow>erst|zweit|dritt|viert|fünft)en?\s+Woche|Woche\s+(?P<owafter>darauf|danach))
        {END}"""),
    # Relative periods: "vergangene Woche", "in der kommenden Woche", "im nächsten Jahr", "diesen Sommer"
    ("relunit", rf"""
        \b(?:(?:[Dd](?:er|ie|as|en|em|es)\s+)?(?P<radj>{REL_ADJ})\s+
        (?P<runit>Woche|Wochenendes?|Monats?|Jahr(?:es|s)?|Quartals?|Halbjahr(?:es|s)?|Frühjahr(?:es|s)?|
                  Frühlings?|Sommers?|Herbst(?:es)?|Winters?|Jahrzehnts?|Jahrhunderts?)
        (?!\s+(?:des\s+Jahres\s+)?{YEAR})  # "im letzten Quartal (des Jahres) 2007": a quarter of 2007
        # the period talked about: "im selben Jahr", "im Jahr darauf"
        | (?:[Dd](?:er|ie|as|en|em|es)\s+)?(?P<rsame>gleich|selb|darauffolgend|folgend)e[nrs]?\s+
          (?P<sunit2>Woche|Monats?|Jahr(?:es|s)?|Frühjahr(?:es|s)?|Frühlings?|Sommers?|Herbst(?:es)?|Winters?)
        | (?:[Dd](?:er|ie|as|en|em|es)\s+)?(?P<rafter>Woche|Monats?|Jahr(?:es|s)?)\s+(?:darauf|danach)
        ){END}"""),
    # Durations: "seit drei Jahren", "in den nächsten zwei Wochen", "dreieinhalb Jahre", "24 Stunden",
    # "seit Jahren", "die vergangenen Monate", "ein halbes Jahr", "14-Tage"
    ("duration", rf"""
        (?:\b(?:(?P<dart>[Dd](?:ie|en|er|as)\s+)?(?P<dadj>(?i:vergangen|letzt|nächst|kommend|erst|folgend|zurückliegend)en\s+))?
          {NO_NUMBER_BEFORE}(?<![A-Za-zÄÖÜäöüß])(?P<num>{NUM})\s+(?:(?:vollen?|ganzen?|langen?|weiteren?|guten?)\s+)?(?P<unit>{UNIT})
          # counted from the day talked about: "zwei Tage später", "einen Monat zuvor"
          (?:\s+(?P<dlater>später|danach|darauf|zuvor|früher|davor)(?![A-Za-zÄÖÜäöüß]))?
        | \b(?P<dart2>[Dd](?:ie|en)\s+)(?P<dadj2>(?i:vergangen|letzt|nächst|kommend|folgend|zurückliegend))en\s+(?P<unit2>{UNIT_PLURAL})
        | (?<=\b[Ss]eit\s)(?P<unit3>{UNIT_PLURAL})
        | \b(?P<hnum>\d+)-(?P<hunit>Tage|Stunden|Wochen|Monate|Jahre|Minuten)
        | \b(?P<halfart>ein(?:em|en|e)?\s+)?halbe[ns]?\s+(?P<halfunit>Jahr|Stunde|Tag)(?:e?s)?
        ){END}"""),
    # Quarters and halves: "im dritten Quartal", "die erste Jahreshälfte", "das zweite Halbjahr 2024"
    ("quarter", rf"""
        \b(?:(?:[Dd](?:as|es|em|ie|er)\s+)?(?:(?P<qord>[Ee]rst|[Zz]weit|[Dd]ritt|[Vv]iert|[Ll]etzt)e[nrs]?|(?P<qnum>[1-4])\.)\s+
        (?P<qunit>Quartal|Halbjahr|Jahreshälfte)(?:e?s)?
        (?:\s+(?:des\s+Jahres\s+)?(?P<qyear>{YEAR})|\s+(?:des\s+)?(?P<qgen>{GEN_YEAR_ADJ})\s+Jahres)?
        | Q(?P<qq>[1-4])[/ ]?(?P<qqyear>{YEAR})
        ){END}"""),
    # Seasons with a year (or after "im"): "Herbst 2011", "im Frühjahr", "Sommer dieses Jahres"
    ("season", rf"""
        (?:\b(?:[Dd](?:er|en|em|es|as)\s+)?(?P<season>Frühjahr|Frühling|Sommer|Herbst|Winter)(?:e?s)?
            (?:\s+(?P<syear>{YEAR})|\s+(?:des\s+)?(?P<sgen>{GEN_YEAR_ADJ})\s+Jahres)
         | (?:(?<=\b[Ii]m\s)|(?<=\b[Zz]um\s))(?P<season2>Frühjahr|Frühling|Sommer|Herbst|Winter)
        ){END}"""),
    # Decades and centuries: "in den 1990er Jahren", "der Achtzigerjahre", "im 19. Jahrhundert"
    ("decade", rf"""
        \b(?:[Dd](?:er|en|ie)\s+)?(?:
          (?P<dc>1[0-9]|20)(?P<dd>[0-9])0er(?:[- ]?Jahren?)?
        | (?P<dd2>[0-9])0er[- ]?Jahren?
        | (?P<dsmall>[1-9][0-9])0er[- ]?Jahren?  # "in den 460er Jahren" (of a story before Christ)
        | (?<=\b[Dd]en\s)(?P<dd3>[1-9])0ern
        | (?P<dw>[Zz]wanziger|[Dd]reißiger|[Vv]ierziger|[Ff]ünfziger|[Ss]echziger|[Ss]iebziger|[Aa]chtziger|[Nn]eunziger)[- ]?[Jj]ahren?
        ){END}(?!\s*{BC})"""),  # "in den 80er Jahren v. Chr." is a decade before Christ (family "bc")
    ("century", rf"""
        \b(?:[Dd](?:as|es|em)\s+)?(?P<cn>[1-9]|1[0-9]|2[0-1])\.\s*Jahrhunderts?{END}(?!\s*{BC})"""),
    # Months: "im Januar", "November 1970", "Juli dieses Jahres" (name-like months are checked later)
    ("month", rf"""
        \b(?P<month>{MONTH})(?:\s+(?P<myear>{YEAR})|\s+(?:des\s+)?(?P<mgen>{GEN_YEAR_ADJ})\s+Jahres)?{END}"""),
    # Years: "im Jahr 2019", "2024" (bare numbers are checked later)
    ("year", rf"""
        (?:\b(?:[Dd](?:as|em|es)\s+)?Jahr(?:e|es|s)?\s+(?P<year>{YEAR})
         | {NO_NUMBER_BEFORE}\b(?P<byear>{YEAR})
         | (?<=\d{{4}}[-–])(?P<ryear>{YEAR})  # the end of "1857–1858"
         | (?<=\d{{4}}/)(?P<ryy>[0-9]{{2}})(?![\d.,]\d|\d)  # "13" of "1912/13" (checked later)
        )"""),
    ("holiday", rf"""
        \b(?P<hol>{HOLIDAYS})(?:\s+(?P<hyear>{YEAR}))?{END}"""),
    # Single words: "Vorjahr", "Jahresende", "heuer", "am Wochenende"
    ("word", rf"""
        (?:\b(?P<lex>Vorjahresmonat(?:s)?|Vorjahresquartal(?:s)?|Vorjahr(?:e?s)?|Vormonat(?:s)?|Vorwoche|Folgejahr(?:e?s)?|Jahresende(?:s)?|Jahresbeginn(?:s)?|
                Jahresanfang(?:s)?|Jahresmitte|Monatsende(?:s)?|Monatsanfang(?:s)?|Monatsbeginn(?:s)?|Wochenmitte|
                Wochenbeginn(?:s)?|Wochenanfang(?:s)?|Jahreswechsel(?:s)?|[Hh]euer)
         | (?<=\b[Aa]m\s)(?P<we>Wochenende)
         | (?<=\bübers\s)(?P<we2>Wochenende)
        ){END}"""),
    # Reference words: "jetzt", "damals", "bald", "in Zukunft"
    ("ref", r"""
        (?:\b(?P<refw>[Jj]etzt|[Dd]erzeit|[Zz]urzeit|[Gg]egenwärtig|[Mm]omentan|[Hh]eutzutage|[Dd]amals|[Ee]inst|
                 [Kk]ürzlich|[Nn]eulich|[Jj]üngst|[Uu]nlängst|[Vv]or\s+kurzem|[Bb]ald|[Dd]emnächst)
         | (?<=\b[Ii]n\s)(?P<refz>Zukunft)
         | \b(?P<refpres>[Dd]ieser\s+Tage|(?<=\b[Ii]n\s)diesen\s+Tagen)
        )(?![A-Za-zÄÖÜäöüß])"""),
]

_GROUP = re.compile(r"\(\?P<\w+>")
FAMILY_RES: dict[str, re.Pattern] = {name: re.compile(p, re.VERBOSE) for name, p in FAMILIES}
_ORDER = [name for name, _ in FAMILIES]


@functools.cache
def _combined(names: tuple[str, ...]) -> re.Pattern:
    """One alternation of the given families (in grammar order); every expression starts a word."""
    source = dict(FAMILIES)
    return re.compile(
        r"\b(?=\w)(?:" + "|".join(f"(?P<{n}>{_GROUP.sub('(?:', source[n])})" for n in names) + ")",
        re.VERBOSE,
    )


def candidate_re() -> re.Pattern:
    """The whole grammar as one regex (``finditer`` gives what ``iter_spans`` gives, slower)."""
    return _combined(tuple(_ORDER))

# The first four letters (lower case) of the words each family can start with ("#" = a
# digit).  The grammar is only tried at such words, and only with the families that can
# start there: a set look-up per word instead of the whole alternation at every word.
_ARTICLES = "der die das den dem des"
_REL = "dies näch komm folg verg letz vori lauf heur abge beve"
_NUMBERS = ("# ein eine zwei drei vier fünf sech sieb acht neun zehn elf zwöl zwan hund beid ande "
            "eini mehr weni viel etli zahl lang paar")
_UNITS = "seku minu stun tage woch mona quar jahr"
_WEEKDAYS = "mont dien mitt donn frei sams sonn"
FAMILY_STARTS: dict[str, str] = {
    "bc": "anfa mitt ende begi früh somm herb wint das dem des jahr # janu jänn febr febe märz apri mai juni juli augu sept okto nove deze",
    "set": (f"jede tägl wöch mona vier halb jähr stün allj allt allw allm allv allh alls werk woch alle "
            f"einm zwei drei fünf mehr # {_WEEKDAYS}"),
    "partof": "anfa begi mitt ende",
    "weekday": f"verg letz komm näch dies vori morg gest heut dem den {_WEEKDAYS}",
    "daymonth": "#", "dayfirst": "#", "numdate": "#", "iso": "#", "time": "#", "timefirst": "#", "clock": "#",
    "daypart": "morg vorm mitt nach aben früh spät der die den heut gest",
    "relday": "heut gest vorg morg über",
    "dayafter": "der den dem näch folg dara vort tags tag tage glei selb",
    "ordweek": "der die den",
    "calweek": "der kale kw",
    "relunit": f"{_ARTICLES} {_REL} glei selb dara woch mona jahr",
    "duration": f"die den der das verg letz näch komm erst folg zurü {_NUMBERS} {_UNITS} halb",
    "quarter": f"{_ARTICLES} erst zwei drit vier letz # q1 q2 q3 q4",
    "season": f"{_ARTICLES} früh somm herb wint",
    "decade": "der den die # zwan drei vier fünf sech sieb acht neun",
    "century": "das des dem #",
    "month": "janu jänn febr febe märz apri mai juni juli augu sept okto nove deze",
    "year": "das dem des jahr #",
    "holiday": "weih heil silv neuj oste karf grün rose asch pfin chri mari fron alle drei vale refo tag",
    "word": "vorj vorm vorw folg jahr mona woch heue",
    "ref": "jetz derz zurz gege mome heut dama eins kürz neul jüng unlä vor bald demn zuku dies",
}
assert set(FAMILY_STARTS) == set(_ORDER)


def _families_by_prefix() -> dict[str, tuple[str, ...]]:
    by_prefix: dict[str, list[str]] = {}
    for name in _ORDER:
        for prefix in FAMILY_STARTS[name].split():
            by_prefix.setdefault(prefix, []).append(name)
    return {p: tuple(ns) for p, ns in by_prefix.items()}


# start word prefix -> the families to try there (their regex is compiled on first use)
DISPATCH: dict[str, tuple[str, ...]] = _families_by_prefix()
FIRST_WORD_PREFIXES = frozenset(DISPATCH)
_WORD = re.compile(r"\w+")


def compile_all() -> None:
    """Compile now every alternation ``iter_spans`` can ask for (46, about 0.4 s): a process that
    forks analysis workers does it once for all of them instead of each worker on first use."""
    for names in set(DISPATCH.values()):
        _combined(names)


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    family: str
    match: re.Match  # the family's own regex matched at ``start`` (named groups usable)


def iter_spans(text: str):
    """(start, end, family) of every candidate, left to right, not overlapping.

    Equivalent to ``candidate_re().finditer(text)`` but only tries the grammar at words that
    can start an expression."""
    dispatch = DISPATCH
    combined = _combined
    digits = DISPATCH["#"]
    limit = 0
    for w in _WORD.finditer(text):
        s = w.start()
        if s < limit:
            continue
        word = w.group()
        if word[0].isdigit():
            names = digits
        else:
            names = dispatch.get(word[:4].lower())
            if names is None:
                continue
        m = combined(names).match(text, s)
        if m is not None:
            limit = m.end()
            yield s, limit, m.lastgroup


def find_candidates(text: str) -> list[Candidate]:
    """All candidate temporal expressions in ``text``, left to right, not overlapping."""
    out = []
    for start, end, family in iter_spans(text):
        fm = FAMILY_RES[family].match(text, start)
        if fm is None or fm.end() != end:  # cannot happen for a well-formed grammar
            continue
        out.append(Candidate(start, end, family, fm))
    return out
