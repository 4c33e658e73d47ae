"""A small, fixed index for the reader's tests: a handful of German articles with
headings, captions, entities of every label and dated events, analysed by a
deterministic rule-based analyzer (no spaCy) and written through the store's
document builder."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from newsdesk.index.annotations import Analysis, Event, Timex
from newsdesk.index.article import BODY, CAPTION, HEADING, Article
from newsdesk.index.store.builder import open_or_create
from newsdesk.index.store.locations import write_info
from newsdesk.index.store.records import article_document
from newsdesk.index.store.schema import SCHEMA_VERSION
from newsdesk.index.store.segment_writer import open_writer
from tests.index.store.helpers import match_names

NAMES = [
    ("Wladimir Putin", "PER", "PER:Wladimir Putin"),
    ("Putin", "PER", "PER:Wladimir Putin"),
    ("Donald Trump", "PER", "PER:Donald Trump"),
    ("Trump", "PER", "PER:Donald Trump"),
    ("Marco Rubio", "PER", "PER:Marco Rubio"),
    ("Rubio", "PER", "PER:Marco Rubio"),
    ("Sergej Lawrow", "PER", "PER:Sergej Lawrow"),
    ("Lawrow", "PER", "PER:Sergej Lawrow"),
    ("Dmitri Peskow", "PER", "PER:Dmitri Peskow"),
    ("Budapest", "LOC", "LOC:Budapest"),
    ("Wien", "LOC", "LOC:Wien"),
    ("Ungarn", "LOC", "LOC:Ungarn"),
    ("Kreml", "ORG", "ORG:Kreml"),
    ("EU-Kommission", "ORG", "ORG:EU-Kommission"),
    ("Nato", "ORG", "ORG:Nato"),
    ("Eurovision Song Contest", "MISC", "MISC:Eurovision Song Contest"),
    ("Nord Stream", "MISC", "MISC:Nord Stream"),
]
MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
          "Oktober", "November", "Dezember"]
_DATE = re.compile(r"\b(\d{1,2})\. (%s) (\d{4})\b" % "|".join(MONTHS))


class RuleAnalyzer:
    """Finds a fixed list of names and dates like "8. November 2025"; each dated sentence is an event
    (planned when it says "könnte" or "soll")."""

    signature = "tui-test-rules-1"

    def analyze(self, text: str, date) -> Analysis:
        entities = match_names(text, NAMES)
        timexes, events = [], []
        for m in _DATE.finditer(text):
            value = f"{m.group(3)}-{MONTHS.index(m.group(2)) + 1:02d}-{int(m.group(1)):02d}"
            timexes.append(Timex(m.start(), m.end(), m.group(), "DATE", value))
            s = max(text.rfind(". ", 0, m.start()) + 2 if text.rfind(". ", 0, m.start()) >= 0 else 0,
                    text.rfind("\n", 0, m.start()) + 1)
            e = text.find(".", m.end())
            e = len(text) if e < 0 else e + 1
            inside = [x for x in entities if s <= x.start < e]
            who = [x.key for x in inside if x.label in ("PER", "ORG")]
            where = [x.key for x in inside if x.label == "LOC"]
            words = text[s:e].split()
            what = " ".join(words[:4]).rstrip(".,")
            # "könnte", "soll": planned or expected (the reader shows "geplant")
            status = "planned" if re.search(r"\b(?:könnte|soll)\b", text[s:e]) else "asserted"
            events.append(Event(s, e, value, "day", what, text[s:e], who, where, value, m.start(), m.end(),
                                status=status, sentence_start=s, sentence_end=e))
        return Analysis(entities, timexes, events)

    def analyze_many(self, items, batch_size: int = 32):
        for text, date in items:
            yield self.analyze(text, date)


def sample_articles() -> list[Article]:
    P = Article.from_paragraphs
    return [
        P(
            "gipfel-budapest", "Kreml bremst bei Gipfel in Budapest",
            [
                ("Wir nutzen künstliche Intelligenz für Zusammenfassungen.", CAPTION, None),
                ("Er werde Wladimir Putin in Budapest treffen, verkündete Donald Trump. Doch der Kreml "
                 "bremst: Es seien noch viele Hausaufgaben zu erledigen, sagte Dmitri Peskow. Der Gipfel "
                 "zwischen Trump und Putin in Budapest könnte am 8. November 2025 stattfinden.", BODY, None),
                ("Vorbereitungstreffen zwischen Rubio und Lawrow Das Treffen von Marco Rubio und Sergej Lawrow "
                 "gilt als zentraler Schritt. Rubio und Lawrow hatten am 20. Oktober 2025 telefoniert.",
                 BODY, len("Vorbereitungstreffen zwischen Rubio und Lawrow")),
                ("Ungarn als Gastgeber", HEADING, None),
                ("Ungarn sieht sich als Vermittler. Die EU-Kommission beobachtet das Treffen in Budapest "
                 "mit Sorge.", BODY, None),
                ("Foto: Archiv", CAPTION, None),
            ],
            date=dt.date(2025, 10, 21), source="/corpus/gipfel-budapest.txt",
            url="https://www.example.at/politik/gipfel-budapest", publisher="Beispielzeitung",
        ),
        P(
            "nato-wien", "Nato-Treffen in Wien angekündigt",
            [
                ("Die Nato lädt für den 3. Dezember 2025 nach Wien. Dort soll auch über Nord Stream "
                 "gesprochen werden.", BODY, None),
                ("Putin wird nicht erwartet, heißt es aus dem Kreml.", BODY, None),
            ],
            date=dt.date(2025, 10, 19), source="/corpus/nato-wien.txt",
        ),
        P(
            "song-contest", "Eurovision Song Contest: Wien bewirbt sich",
            [
                ("Wien will den Eurovision Song Contest ausrichten. Die Entscheidung fällt am "
                 "15. Januar 2026.", BODY, None),
            ],
            date=dt.date(2025, 10, 18), source="/corpus/song-contest.txt",
        ),
        P(
            "unsafe-markup", "[bold red]Markup[/] im Titel \x1b[2J",
            [
                ("Dieser Text enthält [link=https://evil.example]Markup[/link] und \x1b[31mEscapes\x1b[0m. "
                 "Trump bleibt Trump.", BODY, None),
            ],
            date=dt.date(2025, 10, 17), source="/corpus/unsafe-markup.txt",
        ),
        P(
            "undatiert", "Ein Text ohne Datum",
            [("Hier kommt kein Name vor.", BODY, None)],
            date=None, source="/corpus/undatiert.txt",
        ),
    ]


def write_sample_index(index_dir: Path, articles: list[Article] | None = None, model: str = "") -> Path:
    """Write the sample articles (analysed by RuleAnalyzer) into a fresh index at ``index_dir``;
    ``model`` is stored as the pipeline that analysed them ("": none, as in an older index)."""
    analyzer = RuleAnalyzer()
    index_dir = Path(index_dir)
    ix, _ = open_or_create(index_dir)
    write_info(index_dir, ["/corpus"], SCHEMA_VERSION)
    writer = open_writer(ix)
    for a in articles if articles is not None else sample_articles():
        writer.add_document(**article_document(a, analyzer.analyze(a.text, a.date), a.source, model=model))
    writer.commit()
    return index_dir
