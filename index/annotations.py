"""What the analysis finds in an article's text.

Offsets are Python string indices into the analysed text (``Article.text``).
The ``to_dict`` forms are exactly what ``newsdesk analyze --jsonl`` prints and
what the store keeps, so reading an article never runs the NLP pipeline again.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

LABELS = ("PER", "LOC", "ORG", "MISC")
# what the text says of an event: it happened; it is planned or expected (soll, will, geplant);
# somebody reports it (laut, sagte); it did not happen
EVENT_STATUSES = ("asserted", "planned", "reported", "negated")


def entity_key(label: str, name: str) -> str:
    """The canonical key of an entity: ``LABEL:name`` (``PER:Wladimir Putin``)."""
    return f"{label}:{name}"


def split_entity_key(key: str) -> tuple[str, str]:
    """(label, name) of a canonical key (``PER:Wladimir Putin`` -> ``("PER", "Wladimir Putin")``).

    The one reading of the key: the label is one of LABELS and the name is not
    empty; the name may hold colons of its own. Anything else is no key:
    ``("", key)``, so the whole string is the name to show.
    """
    label, sep, name = key.partition(":")
    if sep and label in LABELS and name:
        return label, name
    return "", key


@dataclass(frozen=True)
class Entity:
    start: int
    end: int
    text: str
    label: str  # PER | LOC | ORG | MISC
    key: str  # canonical key: mentions of one thing share it, across articles too

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> "Entity":
        return cls(d["start"], d["end"], d["text"], d["label"], d["key"])


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    type: str  # TIMEX3 type: DATE | TIME | DURATION | SET
    value: str  # TIMEX3 value, e.g. 2025-10-20, 2025-W43, 2025-08, P2W, XXXX-WXX-1
    mod: str | None = None  # TIMEX3 mod: START, MID, END, APPROX, BEFORE, AFTER, ...

    def to_dict(self) -> dict:
        d = asdict(self)
        if d["mod"] is None:
            del d["mod"]
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "Timex":
        return cls(d["start"], d["end"], d["text"], d["type"], d["value"], d.get("mod"))


@dataclass(frozen=True)
class Event:
    start: int  # span of the clause/sentence that reports the event
    end: int
    # ISO date of the start of the period, e.g. 2025-10-20; before Christ with astronomical years
    # (-1499-01-01 is 1 January 1500 v. Chr.): sort by ``index.periods.date_order(date)``
    date: str
    granularity: str  # day | week | month | quarter | season | half | year | decade | century
    what: str  # short description: main verb with a few words of object/subject
    text: str  # the source text of the span
    who: list[str] = field(default_factory=list)  # canonical keys of PER and ORG entities
    where: list[str] = field(default_factory=list)  # canonical keys of LOC entities
    value: str = ""  # the TIMEX3 value the date comes from
    timex_start: int = -1  # span of the temporal expression that dates the event
    timex_end: int = -1
    status: str = "asserted"  # EVENT_STATUSES: what the text says of the event
    inferred: bool = False  # dated from the publication date: the lead reports it without a date
    end_date: str = ""  # ISO date (as ``date``) of the end of a range ("vom 16. Juni bis zum 23. September"), else ""
    end_value: str = ""  # the TIMEX3 value the end comes from
    sentence_start: int = -1  # the whole sentence the event's clause stands in
    sentence_end: int = -1

    @property
    def when(self) -> str:
        """The date (or range) as a person writes it: 4. November 2006, 1930er, 13. Jh., 1500 v. Chr."""
        from newsdesk.index.dates import span_text  # not on the search path: its patterns take a while to compile

        return span_text(self.value or self.date, self.end_value)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> "Event":
        return cls(
            d["start"], d["end"], d["date"], d["granularity"], d["what"], d["text"],
            list(d.get("who", [])), list(d.get("where", [])), d.get("value", ""),
            d.get("timex_start", -1), d.get("timex_end", -1), d.get("status", "asserted"),
            bool(d.get("inferred", False)), d.get("end_date", ""), d.get("end_value", ""),
            d.get("sentence_start", -1), d.get("sentence_end", -1),
        )


@dataclass
class Analysis:
    entities: list[Entity] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "entities": [e.to_dict() for e in self.entities],
            "timexes": [t.to_dict() for t in self.timexes],
            "events": [e.to_dict() for e in self.events],
        }

    @classmethod
    def from_dict(cls, d: dict) -> "Analysis":
        return cls(
            [Entity.from_dict(e) for e in d.get("entities", [])],
            [Timex.from_dict(t) for t in d.get("timexes", [])],
            [Event.from_dict(e) for e in d.get("events", [])],
        )
