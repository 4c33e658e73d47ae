"""Test helpers: a small rule-based analyzer and an index written without ingest."""

from __future__ import annotations

import datetime as dt
import re

from newsdesk.index.annotations import Analysis, Entity, Event, Timex
from newsdesk.index.article import Article
from newsdesk.index.store.builder import open_or_create
from newsdesk.index.store.locations import write_info
from newsdesk.index.store.records import article_document
from newsdesk.index.store.schema import SCHEMA_VERSION
from newsdesk.index.store.segment_writer import open_writer

NAMES = [
    ("Wladimir Putin", "PER", "PER:Wladimir Putin"),
    ("Putin", "PER", "PER:Wladimir Putin"),
    ("Donald Trump", "PER", "PER:Donald Trump"),
    ("Trump", "PER", "PER:Donald Trump"),
    ("Budapest", "LOC", "LOC:Budapest"),
    ("Russland", "LOC", "LOC:Russland"),
    ("Kreml", "ORG", "ORG:Kreml"),
]
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def match_names(text: str, names) -> list[Entity]:
    """Entities for every whole-word occurrence of ``(surface, label, key)`` names; earlier names win overlaps."""
    entities: list[Entity] = []
    taken: set[int] = set()
    for surface, label, key in names:
        for m in re.finditer(r"(?<!\w)%s(?!\w)" % re.escape(surface), text):
            if taken.isdisjoint(range(m.start(), m.end())):
                taken.update(range(m.start(), m.end()))
                entities.append(Entity(m.start(), m.end(), m.group(), label, key))
    return sorted(entities, key=lambda e: e.start)


def write_article(path, title, body, date=None):
    """An article file: an optional ``date`` line, the title, a blank line, the body."""
    path.parent.mkdir(parents=True, exist_ok=True)
    head = f"date {date}\n" if date else ""
    path.write_text(f"{head}{title}\n\n{body}\n", encoding="utf-8")


class FakeAnalyzer:
    """Finds a fixed list of names and ISO dates; counts how many texts it analysed."""

    def __init__(self, signature: str = "fake-1", model_label: str = "de_fake 1.0"):
        self.signature = signature
        self.model_label = model_label
        self.calls = 0

    def analyze(self, text: str, date) -> Analysis:
        self.calls += 1
        entities = match_names(text, NAMES)
        timexes, events = [], []
        for m in _ISO.finditer(text):
            timexes.append(Timex(m.start(), m.end(), m.group(), "DATE", m.group()))
            s = text.rfind(".", 0, m.start()) + 1
            e = text.find(".", m.end())
            e = len(text) if e < 0 else e + 1
            span = text[s:e].strip()
            s = text.index(span, s)
            who = [x.key for x in entities if s <= x.start < s + len(span) and x.label in ("PER", "ORG")]
            where = [x.key for x in entities if s <= x.start < s + len(span) and x.label == "LOC"]
            events.append(Event(s, s + len(span), m.group(), "day", span.split()[0], span, who, where,
                                m.group(), m.start(), m.end()))
        return Analysis(entities, timexes, events)

    def analyze_many(self, items, batch_size: int = 32):
        for text, date in items:
            yield self.analyze(text, date)


class TaggerAnalyzer(FakeAnalyzer):
    """The real temporal tagger (no spaCy): every expression that dates a calendar period makes
    an event of its paragraph, a range ("von 1500 bis 1200 v. Chr.") one event with an end."""

    def __init__(self, signature: str = "tagger-1", model_label: str = "de_tagger 1.0"):
        super().__init__(signature, model_label)

    def analyze(self, text: str, date) -> Analysis:
        from newsdesk.index.analysis.timex import pair_ranges, tag
        from newsdesk.index.periods import period_end, period_start

        self.calls += 1
        entities = match_names(text, NAMES)
        timexes = tag(text, date)
        dated = [t for t in timexes if t.type == "DATE" and period_start(t.value) is not None]
        ends = dict(pair_ranges(text, dated))
        events = []
        for i, t in enumerate(dated):
            if i in ends.values():
                continue
            first, granularity = period_start(t.value)
            last = dated[ends[i]] if i in ends else None
            s = text.rfind("\n", 0, t.start) + 1
            e = text.find("\n", t.end)
            e = len(text) if e < 0 else e
            span = text[s:e]
            events.append(Event(s, e, first.isoformat(), granularity, " ".join(span.split()[:4]), span, [], [],
                                t.value, t.start, t.end, end_date=period_end(last.value).isoformat() if last else "",
                                end_value=last.value if last else "", sentence_start=s, sentence_end=e))
        return Analysis(entities, timexes, events)


def article(id: str, title: str, text: str, date: dt.date | None = None, source: str = "") -> Article:
    paragraphs = [(p, "body", None) for p in text.split("\n\n")]
    return Article.from_paragraphs(id, title, paragraphs, date=date, source=source or f"/corpus/{id}.txt")


def write_index(index_dir, articles, analyzer=None) -> None:
    """Write analysed articles straight into an index (no ingest, no manifest)."""
    analyzer = analyzer or FakeAnalyzer()
    ix, _ = open_or_create(index_dir)
    write_info(index_dir, ["/corpus"], SCHEMA_VERSION)
    w = open_writer(ix)
    for a in articles:
        w.add_document(**article_document(a, analyzer.analyze(a.text, a.date), a.source))
    w.commit()


def three_segment_index(index_dir, rng, per_segment: int, texts, title) -> None:
    """Three segments of `per_segment` articles each (every 11th undated), then every 9th of the second
    deleted: the index the rankers are compared on. `texts(rng, n)` gives a segment's texts,
    `title(part, i)` an article's title; dates are drawn from `rng` after each title."""
    from whoosh import index as whoosh_index

    start = dt.date(2025, 1, 1)
    for part in range(3):
        segment_texts = texts(rng, per_segment)
        write_index(index_dir, [article(f"s{part}-{i:03d}", title(part, i), t,
                                        None if i % 11 == 0 else start + dt.timedelta(days=rng.randrange(90)))
                                for i, t in enumerate(segment_texts)])
    w = open_writer(whoosh_index.open_dir(str(index_dir / "whoosh")))
    for i in range(0, per_segment, 9):
        w.delete_by_term("id", f"s1-{i:03d}")
    w.commit()
