"""The read API the reader and the command line use: listing, articles, search, events, entities.

``Store.open`` is cheap and read-only; nothing here runs the NLP pipeline: all
annotations come from the stored documents. Listing and events read per-document
columns (summary, date, events) instead of loading stored documents.

numpy (about 120 ms to import) is imported on first use, by the listing and by the
ranker: a store opened with ``single_query=True`` (``newsdesk search``) answers a query
whose postings are few without it (``plain_ranking``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

from .whoosh_import import import_whoosh

import_whoosh()

from whoosh import index as whoosh_index  # noqa: E402
from whoosh.codec import whoosh3  # noqa: E402, F401  (every index uses it; imported with the store, not on open)
from whoosh import query as wq  # noqa: E402
from whoosh.columns import CompressedBytesColumn  # noqa: E402
from whoosh.filedb.filestore import FileStorage  # noqa: E402

from newsdesk.index.display import one_line
from newsdesk.index.periods import date_order

from .column_files import SegmentCache, column_text
from .errors import ArticleNotFoundError, IndexNotFoundError, QueryError, StoreError
from .german import german_analyzer
from .german_words import stemmer
from .locations import INDEX_NAME, WHOOSH_DIR, read_info
from .plain_ranking import PlainRanker, Unsupported, day_bounds, plain_top
from .records import (
    ArticleSummary,
    DatedEvent,
    EntityInfo,
    Hit,
    Mention,
    SearchResults,
    StoredArticle,
    decode_analysis,
    decode_article,
    decode_entities,
    decode_events,
    decode_model,
    decode_summary,
)
from .schema import SCHEMA_VERSION
from .search import make_parser, match_spans, parse_query, prepare, query_terms, snippet

# The German analysis is made with the store, as before quick_search took the words' side out of
# search.py: opening an index unpickles its schema, whose stem filter loads Whoosh's stemmers, and
# the first query needs the stop words and the stemmer. Part of the store's start-up, then, not
# of its first query (the reader imports the store before its first frame).
german_analyzer()
stemmer()

if TYPE_CHECKING:
    import numpy as np

    from .ranking import Ranker

SEARCH_SECONDS = 1.0
CONTEXT_CHARS = 60


class _OpenedIndex(whoosh_index.FileIndex):
    """Whoosh's index in a folder (``open_dir``'s): its open reads the table of contents, which its
    first reader read again (0.5-1 ms at 100,000 articles); here that reader takes the one read at
    open, and every later reader (a refresh, a retry) reads it afresh."""

    def __init__(self, folder: str):
        self.storage = FileStorage(folder)
        self._schema = None
        self.indexname = INDEX_NAME
        self._opened = whoosh_index.TOC.read(self.storage, self.indexname)

    def _read_toc(self):
        toc, self._opened = self._opened, None
        return toc if toc is not None else super()._read_toc()


class Store:
    """An open index (read-only)."""

    def __init__(self, index_dir: Path, ix, single_query: bool = False):
        self.index_dir = Path(index_dir)
        self.single_query = single_query
        self._ix = ix
        self._searcher = ix.searcher()
        self._parser_obj = None
        self._segments = SegmentCache()  # per-segment arrays, kept across refreshes
        self._compressed = {name for name, field in self._searcher.schema.items()
                            if isinstance(field.column_type, CompressedBytesColumn)}
        self._clear_caches()

    @classmethod
    def open(cls, index_dir, single_query: bool = False) -> "Store":
        """Open the index in ``index_dir``; IndexNotFoundError when there is none.

        ``single_query``: the caller asks a query or two and ends (a command-line search):
        first pages are ranked without numpy when their postings are few enough
        (``plain_ranking.MAX_POSTINGS``), which spares numpy's import; same results.
        """
        index_dir = Path(index_dir)
        wdir = index_dir / WHOOSH_DIR
        # a table of contents (_MAIN_<generation>.toc) is there (whoosh's exists_in reads it whole)
        if not (wdir.is_dir() and any(wdir.glob("_MAIN_*.toc"))):
            raise IndexNotFoundError(f"no index at {index_dir}")
        info = read_info(index_dir)
        if info.get("schema") not in (None, SCHEMA_VERSION):
            raise IndexNotFoundError(f"the index at {index_dir} was made by another newsdesk version; index it again")
        try:
            ix = _OpenedIndex(str(wdir))
        except Exception as exc:
            raise StoreError(f"cannot open the index at {index_dir}: {exc}") from None
        return cls(index_dir, ix, single_query)

    # --- housekeeping ---------------------------------------------------------------

    def _clear_caches(self) -> None:
        self._order: np.ndarray | None = None
        self._rank_array: np.ndarray | None = None
        self._summaries: dict[int, ArticleSummary] = {}
        self._columns: dict[str, object] = {}
        self._dates: tuple[np.ndarray, np.ndarray] | None = None
        self._days: np.ndarray | None = None
        self._leaves = list(self._searcher.reader().leaf_readers())
        self._leaf_starts = [offset for _seg, offset in self._leaves]
        self._ranker_obj = None
        self._last = None  # (query key, ranking or docnums, terms) of the last search, for its next pages
        self._all_events: list[DatedEvent] | None = None
        self._full_names: dict[str, list[str]] | None = None

    def refresh(self) -> bool:
        """Pick up what a build committed since opening; True when something changed."""
        new = self._searcher.refresh()
        if new is self._searcher:
            return False
        # Whoosh's refresh reuses the unchanged segment readers and closes the others itself.
        self._searcher = new
        self._clear_caches()
        self._segments.retain(self._leaves)
        return True

    def close(self) -> None:
        self._searcher.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    @property
    def corpus(self) -> list[str]:
        """The corpus paths this index was built from."""
        return list(read_info(self.index_dir).get("corpus", []))

    # --- listing ----------------------------------------------------------------------

    def article_count(self) -> int:
        return self._searcher.doc_count()

    def _all_days(self) -> np.ndarray:
        """Every document's date (deleted ones too) as the number YYYYMMDD, 0 when undated."""
        if self._days is None:
            import numpy as np

            from .segment_arrays import sort_days

            parts = [self._segments.get(seg, "days", lambda seg=seg: sort_days(seg)) for seg, _offset in self._leaves]
            self._days = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)
        return self._days

    def _live_days(self) -> tuple[np.ndarray, np.ndarray]:
        """(docnums of the live documents, their dates as YYYYMMDD numbers, 0 when undated)."""
        if self._dates is None:
            import numpy as np

            docs = np.flatnonzero(self._ranker().live).astype(np.int64)
            self._dates = (docs, self._all_days()[docs])
        return self._dates

    def _newest_first(self) -> np.ndarray:
        """Docnums of the live documents, newest first, undated last; equal dates in docnum order."""
        if self._order is None:
            import numpy as np

            docs, days = self._live_days()
            self._order = docs[np.lexsort((docs, -days))]
            rank = np.full(self._searcher.reader().doc_count_all(), len(self._order), dtype=np.int64)
            rank[self._order] = np.arange(len(self._order))
            self._rank_array = rank
        return self._order

    def _rank_of(self, docnum: int) -> int:
        """Position of a document in newest-first order (after every live one when not live)."""
        self._newest_first()
        return int(self._rank_array[docnum])

    def _value(self, name: str, docnum: int) -> str:
        """A document's value in the text column ``name`` (summary, text), read from its segment."""
        return column_text(self._segments, self._leaves, self._leaf_starts, name, docnum, name in self._compressed)

    def _column(self, name: str):
        column = self._columns.get(name)
        if column is None:
            column = self._columns[name] = self._searcher.reader().column_reader(name)
        return column

    def _summary(self, docnum: int) -> ArticleSummary:
        s = self._summaries.get(docnum)
        if s is None:
            s = self._summaries[docnum] = decode_summary(self._value("summary", docnum))
        return s

    def list_articles(self, offset: int = 0, limit: int = 100) -> list[ArticleSummary]:
        """Articles newest first (undated ones last)."""
        order = self._newest_first()
        offset = max(0, offset)
        if not len(order):
            return []
        return [self._summary(int(n)) for n in order[offset : offset + max(0, limit)]]

    def get_article(self, article_id: str) -> StoredArticle:
        """The article and its annotations; ArticleNotFoundError (a KeyError) when the index has no such id."""
        docnum = self._searcher.document_number(id=article_id)
        if docnum is None:
            raise ArticleNotFoundError(article_id)
        record = self._column("record")[docnum]
        text = self._column("text")[docnum]
        return StoredArticle(decode_article(record, text), decode_analysis(record, text, self._column("events")[docnum]),
                             decode_model(record))

    # --- search -----------------------------------------------------------------------

    def _parser(self):
        """Whoosh's query parser, made when a query first needs it (plain words do not)."""
        if self._parser_obj is None:
            self._parser_obj = make_parser(self._searcher.schema)  # ix.schema would read the TOC again
        return self._parser_obj

    def parse(self, text: str, prefixes: list[str] | None = None):
        return parse_query(text, self._parser, self._searcher.reader(), prefixes)

    def search(self, query: str, limit: int = 50, offset: int = 0, *, typing: bool = False) -> SearchResults:
        """Ranked hits ``offset`` to ``offset + limit`` for a query; QueryError for a malformed or too broad one.

        ``total`` counts every match, so the caller pages on with ``offset``
        (the ranking of the last query is kept: the next page costs no new search).
        ``typing``: the user is still typing, the last word is a prefix (see
        ``search.prepare``). An unclosed phrase is searched as if closed and
        ``note`` says so.

        Date filters that apply to the whole query (``Putin date:2025-10``) are
        answered from the article dates held in memory; a query of date filters
        only lists the matching articles newest first.
        """
        limit, offset = max(1, limit), max(0, offset)
        text, note = prepare(query, typing)
        key = (text, self._searcher)
        if self._last is not None and self._last[0] == key:
            docs, terms = self._last[1], self._last[2]
            return self._page(docs, offset, limit, terms, note)
        q = self.parse(text)
        terms = query_terms(q, self._searcher.reader())
        date_ranges, rest = _split_date_filters(q)
        if offset == 0 and self.single_query and rest is not None and not isinstance(rest, wq.Every):
            plain = self._plain_search(rest, date_ranges, limit, terms, note)
            if plain is not None:
                return plain
        import numpy as np

        from .ranking import top

        if rest is None or isinstance(rest, wq.Every):
            # Nothing to rank by (only "*" and date filters): the articles, newest first.
            order = self._newest_first()
            if date_ranges:
                allowed = self._date_filter(date_ranges)
                docs = allowed[np.lexsort((allowed, -self._all_days()[allowed]))]
            else:
                docs = order
            self._last = (key, docs, terms)
            return self._page(docs, offset, limit, terms, note)
        allowed = self._date_filter(date_ranges) if date_ranges else None
        if allowed is not None and not len(allowed):
            return SearchResults(0, [], terms, note)
        try:
            ids, scores = self._ranker().run(rest)
        except Unsupported:
            return self._whoosh_search(rest, allowed, offset, limit, terms, note)
        if allowed is not None:
            keep = np.isin(ids, allowed, assume_unique=True)
            ids, scores = ids[keep], scores[keep]
        days = self._all_days()
        if offset == 0:
            # The first page only: the best ``limit`` without sorting every match.
            best = top(ids, scores, limit, days)
            self._last = (key, _Ranking(ids, scores, days), terms)
            return SearchResults(int(len(ids)), [self._hit(n, score, terms) for n, score in best], terms, note)
        ranking = _Ranking(ids, scores, days)
        self._last = (key, ranking, terms)
        return self._page(ranking, offset, limit, terms, note)

    def _plain_search(self, q, date_ranges, limit: int, terms: list[str], note: str) -> SearchResults | None:
        """The first page of ``q`` ranked without numpy (``plain_ranking``); None when that
        ranker does not take the query (its shape, or too many postings)."""
        ranker = PlainRanker(self._searcher, self._segments)
        try:
            scores = ranker.run(q)
            if date_ranges:
                bounds = [day_bounds(r) for r in date_ranges]
                ranker._spend(len(scores))
                days = {d: ranker.day_of(d) for d in scores}
                scores = {d: s for d, s in scores.items() if all(lo <= days[d] <= hi for lo, hi in bounds)}
        except Unsupported:
            return None
        best = plain_top(scores, limit, ranker.day_of)
        return SearchResults(len(scores), [self._hit(n, score, terms) for n, score in best], terms, note)

    def _page(self, docs, offset: int, limit: int, terms: list[str], note: str) -> SearchResults:
        """Hits ``offset`` to ``offset + limit`` of a ranking (or of docnums in order)."""
        if isinstance(docs, _Ranking):
            page = docs.page(offset, limit)
            return SearchResults(len(docs), [self._hit(n, score, terms) for n, score in page], terms, note)
        return SearchResults(int(len(docs)), [self._hit(int(n), 0.0, terms) for n in docs[offset : offset + limit]],
                             terms, note)

    def _date_filter(self, ranges: list[wq.NumericRange]) -> np.ndarray:
        """Sorted docnums of the live documents within every one of ``ranges``."""
        import numpy as np

        allowed = None
        for r in ranges:
            docs = self._day_docs(*day_bounds(r))
            allowed = docs if allowed is None else np.intersect1d(allowed, docs, assume_unique=True)
        return allowed if allowed is not None else np.zeros(0, dtype=np.int64)

    def _ranker(self) -> Ranker:
        if self._ranker_obj is None:
            from .ranking import Ranker

            self._ranker_obj = Ranker(self._searcher, self._day_docs, self._segments)
        return self._ranker_obj

    def _day_docs(self, lo: int, hi: int) -> np.ndarray:
        """Sorted docnums of the live articles dated lo..hi (YYYYMMDD numbers)."""
        docs, days = self._live_days()
        return docs[(days >= lo) & (days <= hi)]

    def _whoosh_search(self, q, allowed, offset: int, limit: int, terms: list[str], note: str) -> SearchResults:
        """Whoosh's own matching and scoring, for query shapes the ranker does not take."""
        from whoosh.collectors import FilterCollector, TimeLimit, TimeLimitCollector, TopCollector

        # usequality=False, replace=0: visit and count every match while collecting, so the
        # total is exact without a second pass (Whoosh's matcher replacement would skip some).
        collector = TimeLimitCollector(TopCollector(limit=offset + limit, usequality=False, replace=0),
                                       timelimit=SEARCH_SECONDS, use_alarm=False)
        if allowed is not None:
            collector = FilterCollector(collector, allow=set(allowed.tolist()))
        try:
            self._searcher.search_with_collector(q, collector)
        except TimeLimit:
            raise QueryError("the query takes too long; make it more specific") from None
        results = collector.results()
        hits = [self._hit(hit.docnum, float(hit.score or 0.0), terms) for hit in results[offset : offset + limit]]
        return SearchResults(len(results), hits, terms, note)

    def _hit(self, docnum: int, score: float, terms: list[str]) -> Hit:
        def make_snippet():
            text = self._value("text", docnum)
            return snippet(text, match_spans(text, terms))

        return Hit(self._summary(docnum), score, make_snippet=make_snippet)

    def _matching_docnums(self, query: str | None):
        if query is None or not query.strip():
            return list(self._searcher.reader().all_doc_ids())
        q = self.parse(query)
        try:
            ids, _scores = self._ranker().run(q)
        except Unsupported:
            return list(self._searcher.docs_for_query(q))
        return ids.tolist()

    # --- events -----------------------------------------------------------------------

    def events(self, query: str | None = None) -> list[DatedEvent]:
        """Every dated event of the corpus (or of the articles matching ``query``), in date order.

        Ties are ordered by the article date, the article id and the position in the text.
        """
        everything = query is None or not query.strip()
        if everything and self._all_events is not None:
            return list(self._all_events)
        if self._all_events is not None:
            # Filter the sorted list of all events instead of decoding again.
            docs = {self._summary(n).id for n in self._matching_docnums(query)}
            return [p for p in self._all_events if p.summary.id in docs]
        docs = self._matching_docnums(query)
        if not docs:
            return []
        column = self._column("events")
        keyed = []
        for n in docs:
            value = column[n]
            if not value or value == "[]":
                continue
            summary = self._summary(n)
            day = summary.date.isoformat() if summary.date else ""
            for event in decode_events(value, self._value("text", n)):
                if event.date:
                    keyed.append(((date_order(event.date), day, summary.id, event.start), summary, event))
        keyed.sort(key=lambda k: k[0])
        out = [DatedEvent(summary, event) for _key, summary, event in keyed]
        if everything:
            self._all_events = out
            return list(out)
        return out

    # --- entities ---------------------------------------------------------------------

    def _full_names_by_surname(self) -> dict[str, list[str]]:
        """``PER:Putin`` -> the multi-word PER keys ending in that word (``PER:Wladimir Putin``)."""
        if self._full_names is None:
            from newsdesk.index.annotations import entity_key, split_entity_key

            out: dict[str, list[str]] = defaultdict(list)
            for term in self._searcher.lexicon("entity_key"):
                key = term.decode("utf-8") if isinstance(term, bytes) else term
                label, name = split_entity_key(key)
                if label == "PER" and " " in name:
                    out[entity_key("PER", name.rsplit(" ", 1)[1])].append(key)
            self._full_names = dict(out)
        return self._full_names

    def _has_articles(self, key: str) -> bool:
        return next(iter(self._searcher.docs_for_query(wq.Term("entity_key", key))), None) is not None

    def entity_keys(self, key: str) -> list[str]:
        """``key`` and the other keys of the same entity across the corpus, ``key`` first.

        Within an article a surname alone already gets the key of the full name
        (``index.analysis.entities``); across articles, a bare ``PER:Putin`` and
        ``PER:Wladimir Putin`` are one person when the corpus has exactly one
        full name with that surname. Two full names (``Donald Trump``, ``Melania
        Trump``) leave the bare surname on its own.
        """
        from newsdesk.index.annotations import entity_key, split_entity_key

        label, name = split_entity_key(key)
        if label != "PER":
            return [key]
        names = self._full_names_by_surname()
        if " " not in name:
            full = [k for k in names.get(key, ()) if self._has_articles(k)]
            return [key, full[0]] if len(full) == 1 else [key]
        surname = entity_key("PER", name.rsplit(" ", 1)[1])
        others = [k for k in names.get(surname, ()) if k != key and self._has_articles(k)]
        if others or not self._has_articles(surname):
            return [key]
        return [key, surname]

    def _entity_docnums(self, keys: list[str]) -> list[int]:
        docs: set[int] = set()
        for key in keys:
            docs.update(self._searcher.docs_for_query(wq.Term("entity_key", key)))
        return sorted(docs, key=self._rank_of)

    def _key_counts(self, key: str) -> tuple[int, int, int | None]:
        """(articles, mentions, newest docnum) of one exact key."""
        articles = mentions = 0
        try:
            matcher = self._searcher.postings("entity_key", key)
        except Exception:  # whoosh raises TermNotFound for an unknown term
            return 0, 0, None
        newest = None
        while matcher.is_active():
            n = matcher.id()
            articles += 1
            mentions += int(matcher.weight())
            if newest is None or self._rank_of(n) < self._rank_of(newest):
                newest = n
            matcher.next()
        return articles, mentions, newest

    def entity_summary(self, key: str) -> EntityInfo | None:
        """Counts for one entity (its key and its aliases, see ``entity_keys``); None when no article mentions it."""
        articles, mentions, newest = self._key_counts(key)
        if not articles:
            return None
        keys = self.entity_keys(key)
        # the name to show: the full name when the key is a bare surname with a known full name
        shown = max(keys, key=len)
        for alias in keys[1:]:
            mentions += self._key_counts(alias)[1]
        if len(keys) > 1:
            articles = len(self._entity_docnums(keys))
        from newsdesk.index.annotations import split_entity_key

        label, name = split_entity_key(shown)
        if label:
            return EntityInfo(key, label, name, articles, mentions, tuple(keys[1:]))
        texts: Counter[str] = Counter()
        label = ""
        for e in decode_entities(self._column("record")[newest], self._column("text")[newest]):
            if e.key == key:
                texts[e.text] += 1
                label = label or e.label
        name = texts.most_common(1)[0][0] if texts else key
        return EntityInfo(key, label, name, articles, mentions, tuple(keys[1:]))

    def entity_articles(self, key: str) -> list[ArticleSummary]:
        """The articles mentioning the entity (or one of its aliases), newest first."""
        return [self._summary(n) for n in self._entity_docnums(self.entity_keys(key))]

    def entity_mentions(self, key: str, limit: int = 200) -> list[Mention]:
        """Mentions of the entity (and its aliases) with a little context, newest articles first."""
        keys = self.entity_keys(key)
        wanted = set(keys)
        out: list[Mention] = []
        for n in self._entity_docnums(keys):
            text = self._column("text")[n]
            hits = [e for e in decode_entities(self._column("record")[n], text) if e.key in wanted]
            if not hits:
                continue
            summary = self._summary(n)
            for e in sorted(hits, key=lambda e: e.start):
                before = one_line(text[max(0, e.start - CONTEXT_CHARS) : e.start])
                after = one_line(text[e.end : e.end + CONTEXT_CHARS])
                out.append(Mention(summary, e.start, e.end, before, text[e.start : e.end], after))
                if len(out) >= limit:
                    return out
        return out


class _Ranking:
    """The matches of a query, ranked on first use beyond the first page: best score first,
    equal scores newest first."""

    def __init__(self, ids: np.ndarray, scores: np.ndarray, days: np.ndarray):
        self.ids, self.scores, self.days = ids, scores, days
        self._order: np.ndarray | None = None

    def __len__(self) -> int:
        return int(len(self.ids))

    def page(self, offset: int, limit: int) -> list[tuple[int, float]]:
        if offset == 0:
            from .ranking import top

            return top(self.ids, self.scores, limit, self.days)
        if self._order is None:
            from .ranking import ranked

            self._order = ranked(self.ids, self.scores, self.days)
        chosen = self._order[offset : offset + limit]
        return [(int(self.ids[i]), float(self.scores[i])) for i in chosen]


def _is_day_range(q) -> bool:
    return isinstance(q, wq.NumericRange) and q.fieldname == "day"


def _split_date_filters(q):
    """(date ranges that every hit must satisfy, the rest of the query or None)."""
    if _is_day_range(q):
        return [q], None
    if isinstance(q, wq.And):
        ranges = [c for c in q.subqueries if _is_day_range(c)]
        if ranges:
            others = [c for c in q.subqueries if not _is_day_range(c)]
            if not others:
                return ranges, None
            return ranges, others[0] if len(others) == 1 else wq.And(others)
    return [], q
