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
``entity_key``  the exact canonical key, its mentions counted (article and mention counts)
``record``      stored: zlib-compressed JSON of the article without its text and of its entities
                and temporal expressions in a compact form (``records.article_document``)
``summary``     column: compressed JSON of the ArticleSummary (listing without loading documents)
``sortdate``    column: ISO date or "" (newest-first order)
``events``      column: compressed JSON list of the article's events ("" when none), without
                their text (the span of the article text) and the fields at their defaults
``text``        column: the article's text, compressed: the one copy of it in the index

Whoosh keeps only each word's frequency in ``title`` and ``body`` (``TermCounts``, ``PositionedText``:
the documents are analysed once by ``segment_writer.NewsdeskWriter``); their positions, which
phrases need, are in each segment's postings arrays (``postings_arrays``), written with it.
``NewsdeskCodec`` keeps the postings of rare terms in their term records.
"""

from __future__ import annotations

from whoosh import columns, fields, formats
from whoosh.codec.whoosh3 import W3Codec, W3PerDocReader, W3PostingsWriter
from whoosh.system import emptybytes

from .german import exact_line_analyzer, german_analyzer, index_terms, line_analyzer, word_analyzer

# SCHEMA_VERSION (bump it when the schema or the stored forms change: older indexes are
# rebuilt) lives in locations.py, so that checking an index does not import Whoosh.
from .locations import SCHEMA_VERSION  # noqa: E402,F401

DEFAULT_FIELD = "body"
INLINE_POSTINGS = 8  # a term with fewer postings keeps them in its term record
TERM_FIELDS = ("title", "body")  # fields whose matched terms are highlighted


class TextColumn(fields.COLUMN):
    """A per-document column of text (stored as UTF-8)."""

    def to_bytes(self, v):
        return v.encode("utf-8") if isinstance(v, str) else v

    def from_bytes(self, b):
        return b.decode("utf-8") if isinstance(b, bytes) else b



class AnalysedText:
    """A title or body already analysed (``segment_writer.NewsdeskWriter``): each index term's
    count and the number of terms (the field length)."""

    __slots__ = ("counts", "length")

    def __init__(self, counts: dict[str, int], length: int):
        self.counts = counts
        self.length = length


class TermCounts(formats.Format):
    """Each posting's term frequency, kept as its weight; no value bytes. The positions of the
    fields with this format are in the segment's postings arrays (``postings_arrays``)."""

    posting_size = 0
    __inittypes__ = dict(field_boost=float)

    def __init__(self, field_boost=1.0, **options):
        self.field_boost = field_boost
        self.options = options

    def word_values(self, value, analyzer, **kwargs):
        counts: dict[str, int] = {}
        for t in formats.tokens(value, analyzer, kwargs):
            counts[t.text] = counts.get(t.text, 0) + 1
        return ((w, n, n * self.field_boost, emptybytes) for w, n in counts.items())

    def encode(self, value):
        return emptybytes

    def decode_frequency(self, valuestring):
        raise NotImplementedError("the frequency is the posting's weight")

    def decode_weight(self, valuestring):
        raise NotImplementedError("the frequency is the posting's weight")


class PositionedText(fields.TEXT):
    """A German-analysed text field whose positions live in the postings arrays: Whoosh indexes
    the word counts only. Takes a string or an :class:`AnalysedText`."""

    def __init__(self, analyzer):
        super().__init__(analyzer=analyzer, phrase=False)
        self.format = TermCounts(field_boost=self.format.field_boost)

    def index(self, value, **kwargs):
        if isinstance(value, str):
            terms = index_terms(value)
            counts: dict[str, int] = {}
            for t in terms:
                counts[t] = counts.get(t, 0) + 1
            value = AnalysedText(counts, len(terms))
        boost = self.format.field_boost
        return ((w.encode("utf-8"), n, n * boost, emptybytes) for w, n in value.counts.items())


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


class _PostingsWriter(W3PostingsWriter):
    """Keeps the postings of a term with fewer than ``inlinelimit`` of them in its term record.

    (What W3's writer means to do: it calls a ``set_inline`` its term info lacks, so every term
    gets a block of its own in the postings file: ~100 bytes for a word seen once.)"""

    def finish_postings(self):
        if not self.written() and len(self._ids) < self._inlinelimit:
            terminfo = self._terminfo
            terminfo.add_block(self)
            # whole-number weights (counts, or 1.0) pickled as ints: 2 bytes instead of 9
            weights = [int(w) if w.is_integer() else w for w in self._weights]
            terminfo.set_inlined(self._ids, weights, self._values)
            self._terminfo = None
            return terminfo
        return super().finish_postings()


class NewsdeskCodec(W3Codec):
    """Whoosh's W3 codec with :class:`_PerDocReader`, and the postings of rare terms inlined
    in their term records (read by Whoosh's own reader: a ``ListMatcher``)."""

    def __init__(self, blocklimit=128, compression=3, inlinelimit=INLINE_POSTINGS):
        super().__init__(blocklimit=blocklimit, compression=compression, inlinelimit=inlinelimit)

    def postings_writer(self, dbfile, byteids=False):
        return _PostingsWriter(dbfile, blocklimit=self._blocklimit, byteids=byteids,
                               compression=self._compression, inlinelimit=self._inlinelimit)

    def per_document_reader(self, storage, segment):
        return _PerDocReader(storage, segment)


def build_schema() -> fields.Schema:
    german = german_analyzer()
    return fields.Schema(
        id=fields.ID(unique=True),
        path=fields.ID(),
        version=fields.ID(),
        title=PositionedText(german),
        body=PositionedText(german),
        date=fields.ID(),
        day=fields.NUMERIC(int, bits=32, signed=False, shift_step=0),  # one term per article (not 8 tiers)
        source=fields.ID(),
        publisher=fields.TEXT(analyzer=word_analyzer(), phrase=False),
        entity=fields.FieldType(formats.Existence(), line_analyzer(), scorable=False),
        entity_key=fields.FieldType(TermCounts(), exact_line_analyzer(), scorable=False),
        record=fields.STORED(),
        summary=TextColumn(columns.CompressedBytesColumn(level=9)),
        sortdate=TextColumn(columns.VarBytesColumn()),
        events=TextColumn(columns.CompressedBytesColumn(level=9)),
        text=TextColumn(columns.CompressedBytesColumn(level=9)),
    )
