"""The Whoosh schema of a newsdesk index.

Fields
------
``id``          the article id (unique; indexed, not stored)
``path``        the file the article was read from (for incremental updates; indexed, not stored)
``version``     the file's content hash and the analysis signature (an interrupted run's
                committed articles of the same file content are kept, not analysed again)
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
``record``      stored: zlib-compressed JSON of the article without its text and of its entities
                and temporal expressions in a compact form (``records.article_document``)
``summary``     column: JSON of the ArticleSummary (listing without loading documents)
``sortdate``    column: ISO date or "" (newest-first order)
``events``      column: compressed JSON list of the article's events ("" when none)
``text``        column: the article's text, compressed: the one copy of it in the index

Positions (``title``, ``body``) are written as varint deltas (``CompactPositions``), not
Whoosh's pickled lists: a third of the size of the postings.
"""

from __future__ import annotations

from whoosh import columns, fields, formats
from whoosh.codec.whoosh3 import W3Codec, W3PerDocReader
from whoosh.system import emptybytes

from .german import exact_line_analyzer, german_analyzer, line_analyzer, word_analyzer

# SCHEMA_VERSION (bump it when the schema or the stored forms change: older indexes are
# rebuilt) lives in locations.py, so that checking an index does not import Whoosh.
from .locations import SCHEMA_VERSION  # noqa: E402,F401

DEFAULT_FIELD = "body"
TERM_FIELDS = ("title", "body")  # fields whose matched terms are highlighted


class TextColumn(fields.COLUMN):
    """A per-document column of text (stored as UTF-8)."""

    def to_bytes(self, v):
        return v.encode("utf-8") if isinstance(v, str) else v

    def from_bytes(self, b):
        return b.decode("utf-8") if isinstance(b, bytes) else b



def _varints(values) -> bytes:
    out = bytearray()
    for v in values:
        while v >= 0x80:
            out.append((v & 0x7F) | 0x80)
            v >>= 7
        out.append(v)
    return bytes(out)


def _read_varints(data: bytes) -> list[int]:
    values = []
    v = shift = 0
    for byte in data:
        v |= (byte & 0x7F) << shift
        if byte & 0x80:
            shift += 7
        else:
            values.append(v)
            v = shift = 0
    return values


class CompactPositions(formats.Positions):
    """Positions as varints: the count, then the gaps between positions (Whoosh pickles a list)."""

    def encode(self, poslist):
        gaps = []
        base = 0
        for pos in poslist:
            gaps.append(pos - base)
            base = pos
        return _varints([len(gaps), *gaps])

    def decode_positions(self, valuestring):
        values = _read_varints(valuestring or emptybytes)
        positions = []
        position = 0
        for gap in values[1:]:
            position += gap
            positions.append(position)
        return positions

    def decode_frequency(self, valuestring):
        count = shift = 0
        for byte in valuestring:
            count |= (byte & 0x7F) << shift
            if not byte & 0x80:
                break
            shift += 7
        return count


class _PerDocReader(W3PerDocReader):
    """Remembers that a field has no lengths column: Whoosh asks the file system again for every
    posting it merges (``os.path.exists`` ~60,000 times per 1,000 articles)."""

    def _cached_reader(self, fieldname, column):
        if fieldname in self._readers:
            return self._readers[fieldname]
        reader = super()._cached_reader(fieldname, column)
        if reader is None:
            self._readers[fieldname] = None
        return reader


class NewsdeskCodec(W3Codec):
    """Whoosh's W3 codec with :class:`_PerDocReader` (the files it writes are the same)."""

    def per_document_reader(self, storage, segment):
        return _PerDocReader(storage, segment)


def _text_field(analyzer) -> fields.TEXT:
    field = fields.TEXT(analyzer=analyzer, phrase=True)
    field.format = CompactPositions(field_boost=field.format.field_boost)
    return field


def build_schema() -> fields.Schema:
    german = german_analyzer()
    return fields.Schema(
        id=fields.ID(unique=True),
        path=fields.ID(),
        version=fields.ID(),
        title=_text_field(german),
        body=_text_field(german),
        date=fields.ID(),
        day=fields.NUMERIC(int, bits=32, signed=False),
        source=fields.ID(),
        publisher=fields.TEXT(analyzer=word_analyzer(), phrase=False),
        entity=fields.FieldType(formats.Existence(), line_analyzer(), scorable=False),
        entity_key=fields.FieldType(formats.Frequency(), exact_line_analyzer(), scorable=False),
        record=fields.STORED(),
        summary=TextColumn(columns.VarBytesColumn()),
        sortdate=TextColumn(columns.VarBytesColumn()),
        events=TextColumn(columns.CompressedBytesColumn(level=9)),
        text=TextColumn(columns.CompressedBytesColumn(level=9)),
    )
