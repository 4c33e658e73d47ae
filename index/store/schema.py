"""The Whoosh schema of a newsdesk index.

Fields
------
``id``          the article id (unique)
``path``        the file the article was read from (for incremental updates)
``hash``        the content hash of that file
``title``       German-analysed title (``title:`` filters)
``body``        German-analysed title and text: the default search field. The title is
                put in twice (title, title, text), which weighs title words up
                without a second field to search (half the work per query)
``date``        only for parsing ``date:`` filters (``date:2025-10``, ``date:[2025-10-01 to 2025-10-31]``),
                which search.py turns into numeric ranges over ``day``
``day``         the article date as the number YYYYMMDD
``source``      the file path as a single term (``source:...``)
``publisher``   publisher/source name from the file (searchable words)
``entity``      entity filters: for each entity its canonical key, its name
                and every word of the name, lowercased and folded, so
                ``entity:putin``, ``entity:"wladimir putin"`` and
                ``entity:"PER:Wladimir Putin"`` all match
``entity_key``  the exact canonical key once per mention (article and mention counts)
``article``     stored: the article as zlib-compressed JSON (``Article.to_dict``)
``analysis``    stored: the annotations as zlib-compressed JSON (``Analysis.to_dict``)
``summary``     column: JSON of the ArticleSummary (listing without loading documents)
``sortdate``    column: ISO date or "" (newest-first order)
``events``      column: compressed JSON list of the article's events
``text``        column: the article's text, compressed (snippets without decoding the article)
"""

from __future__ import annotations

from whoosh import columns, fields, formats

from .german import exact_line_analyzer, german_analyzer, line_analyzer, word_analyzer

# Bump when the schema or the stored forms change: older indexes are rebuilt.
SCHEMA_VERSION = 4

DEFAULT_FIELD = "body"
TERM_FIELDS = ("title", "body")  # fields whose matched terms are highlighted


class TextColumn(fields.COLUMN):
    """A per-document column of text (stored as UTF-8)."""

    def to_bytes(self, v):
        return v.encode("utf-8") if isinstance(v, str) else v

    def from_bytes(self, b):
        return b.decode("utf-8") if isinstance(b, bytes) else b



def build_schema() -> fields.Schema:
    german = german_analyzer()
    return fields.Schema(
        id=fields.ID(stored=True, unique=True),
        path=fields.ID(stored=True),
        hash=fields.ID(stored=True),
        title=fields.TEXT(analyzer=german, phrase=True),
        body=fields.TEXT(analyzer=german, phrase=True),
        date=fields.ID(),
        day=fields.NUMERIC(int, bits=32, signed=False),
        source=fields.ID(),
        publisher=fields.TEXT(analyzer=word_analyzer(), phrase=False),
        entity=fields.FieldType(formats.Existence(), line_analyzer(), scorable=False),
        entity_key=fields.FieldType(formats.Frequency(), exact_line_analyzer(), scorable=False),
        article=fields.STORED(),
        analysis=fields.STORED(),
        summary=TextColumn(columns.VarBytesColumn()),
        sortdate=TextColumn(columns.VarBytesColumn()),
        events=TextColumn(columns.CompressedBytesColumn()),
        text=TextColumn(columns.CompressedBytesColumn()),
    )
