"""The article: what ingest produces and what the store keeps.

An article's ``text`` is its paragraphs joined by a blank line ("\\n\\n"). Every
character offset in newsdesk (entities, temporal expressions, events, paragraph
spans) is a Python string index into that ``text``. The title is kept apart and
is not part of ``text`` unless the source repeats it there.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

PARAGRAPH_SEPARATOR = "\n\n"

# Paragraph kinds
BODY = "body"  # ordinary paragraph (may open with a run-in subheading)
HEADING = "heading"  # a paragraph that is only a subheading
CAPTION = "caption"  # a media caption or metadata line (photo/video credit)


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of an article, as a span of ``Article.text``.

    ``heading_end`` is set when the paragraph opens with a subheading run into
    its first sentence: ``text[start:heading_end]`` is the subheading and the
    sentence proper follows after one space. For a paragraph of kind
    ``HEADING`` the whole span is the subheading.
    """

    start: int
    end: int
    kind: str = BODY
    heading_end: int | None = None

    def to_dict(self) -> dict:
        d = {"start": self.start, "end": self.end, "kind": self.kind}
        if self.heading_end is not None:
            d["heading_end"] = self.heading_end
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "Paragraph":
        return cls(d["start"], d["end"], d.get("kind", BODY), d.get("heading_end"))


@dataclass
class Article:
    id: str
    title: str
    text: str
    paragraphs: list[Paragraph]
    date: dt.date | None = None
    source: str = ""  # the file path the article was read from
    url: str | None = None  # where the article was published, when known
    publisher: str | None = None  # e.g. the "source" field of a JSON article
    warnings: list[str] = field(default_factory=list)

    @classmethod
    def from_paragraphs(cls, id: str, title: str, paragraphs: list[tuple[str, str, int | None]], **kw) -> "Article":
        """Build an article from ``(text, kind, heading_length)`` triples.

        ``heading_length`` is the length of a run-in subheading at the start of
        the paragraph text (or None).
        """
        spans: list[Paragraph] = []
        parts: list[str] = []
        pos = 0
        for text, kind, heading_length in paragraphs:
            if parts:
                pos += len(PARAGRAPH_SEPARATOR)
            start, end = pos, pos + len(text)
            spans.append(Paragraph(start, end, kind, start + heading_length if heading_length else None))
            parts.append(text)
            pos = end
        return cls(id=id, title=title, text=PARAGRAPH_SEPARATOR.join(parts), paragraphs=spans, **kw)

    def paragraph_texts(self) -> list[str]:
        return [self.text[p.start : p.end] for p in self.paragraphs]

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "text": self.text,
            "paragraphs": [p.to_dict() for p in self.paragraphs],
            "date": self.date.isoformat() if self.date else None,
            "source": self.source,
            "url": self.url,
            "publisher": self.publisher,
            "warnings": list(self.warnings),
        }

    @classmethod
    def from_dict(cls, d: dict) -> "Article":
        return cls(
            id=d["id"],
            title=d.get("title", ""),
            text=d.get("text", ""),
            paragraphs=[Paragraph.from_dict(p) for p in d.get("paragraphs", [])],
            date=dt.date.fromisoformat(d["date"]) if d.get("date") else None,
            source=d.get("source", ""),
            url=d.get("url"),
            publisher=d.get("publisher"),
            warnings=list(d.get("warnings", [])),
        )
