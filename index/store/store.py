"""The read API the reader and the command line use: listing, articles, search, events, entities.

``Store.open`` is cheap and read-only; nothing here runs the NLP pipeline: all
annotations come from the stored documents. Listing and events read per-document
columns (summary, date, events) instead of loading stored documents.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

import numpy as np
from whoosh import index as whoosh_index
from whoosh import query as wq
from whoosh.collectors import FilterCollector, TimeLimit, TimeLimitCollector, TopCollector

from newsdesk.index.annotations import entity_key, split_entity_key
from newsdesk.index.display import one_line

from .errors import ArticleNotFoundError, IndexNotFoundError, QueryError, StoreError
from .locations import WHOOSH_DIR, read_info
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
    decode_events,
    decode_summary,
)
from .schema import SCHEMA_VERSION
from .ranking import Ranker, Unsupported, top
from .search import make_parser, match_spans, parse_query, query_terms, snippet

SEARCH_SECONDS = 1.0
CONTEXT_CHARS = 60


class Store:
    """An open index (read-only)."""

    def __init__(self, index_dir: Path, ix):
        self.index_dir = Path(index_dir)
        self._ix = ix
        self._searcher = ix.searcher()
        self._parser = make_parser(ix.schema)
        self._clear_caches()

    @classmethod
    def open(cls, index_dir) -> "Store":
        """Open the index in ``index_dir``; IndexNotFoundError when there is none."""
        index_dir = Path(index_dir)
        wdir = index_dir / WHOOSH_DIR
        if not (wdir.is_dir() and whoosh_index.exists_in(str(wdir))):
            raise IndexNotFoundError(f"no index at {index_dir}")
        info = read_info(index_dir)
        if info.get("schema") not in (None, SCHEMA_VERSION):
            raise IndexNotFoundError(f"the index at {index_dir} was made by another newsdesk version; index it again")
        try:
            ix = whoosh_index.open_dir(str(wdir))
        except Exception as exc:
            raise StoreError(f"cannot open the index at {index_dir}: {exc}") from None
        return cls(index_dir, ix)

    # --- housekeeping ---------------------------------------------------------------

    def _clear_caches(self) -> None:
        self._order: list[int] | None = None
        self._rank: dict[int, int] | None = None
        self._rank_array = None
        self._summaries: dict[int, ArticleSummary] = {}
        self._columns: dict[str, object] = {}
        self._day_list: list[tuple[int, int]] | None = None
        self._day_arrays = None
        self._ranker_obj = None
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

    def _live_dates(self) -> list[tuple[int, bytes]]:
        """(docnum, b"YYYY-MM-DD" or b"") of every live document, read as one column."""
        reader = self._searcher.reader()
        if reader.doc_count_all() == 0:  # a new index with nothing committed yet has no columns
            return []
        raw = list(reader.column_reader("sortdate", translate=False))
        if reader.has_deletions():
            return [(n, raw[n]) for n in reader.all_doc_ids()]
        return list(enumerate(raw))

    def _newest_first(self) -> list[int]:
        if self._order is None:
            live = self._live_dates()
            # Stable sort, newest first; undated (b"") sort last.
            live.sort(key=lambda p: p[1], reverse=True)
            self._order = [n for n, _d in live]
            self._rank = {n: i for i, n in enumerate(self._order)}
            rank = np.full(self._searcher.reader().doc_count_all(), len(self._order), dtype=np.int64)
            rank[np.array(self._order, dtype=np.int64)] = np.arange(len(self._order))
            self._rank_array = rank
        return self._order

    def _column(self, name: str):
        column = self._columns.get(name)
        if column is None:
            column = self._columns[name] = self._searcher.reader().column_reader(name)
        return column

    def _summary(self, docnum: int) -> ArticleSummary:
        s = self._summaries.get(docnum)
        if s is None:
            s = self._summaries[docnum] = decode_summary(self._column("summary")[docnum])
        return s

    def list_articles(self, offset: int = 0, limit: int = 100) -> list[ArticleSummary]:
        """Articles newest first (undated ones last)."""
        order = self._newest_first()
        offset = max(0, offset)
        if not order:
            return []
        return [self._summary(n) for n in order[offset : offset + max(0, limit)]]

    def get_article(self, article_id: str) -> StoredArticle:
        """The article and its annotations; ArticleNotFoundError (a KeyError) when the index has no such id."""
        docnum = self._searcher.document_number(id=article_id)
        if docnum is None:
            raise ArticleNotFoundError(article_id)
        stored = self._searcher.stored_fields(docnum)
        return StoredArticle(decode_article(stored), decode_analysis(stored))

    # --- search -----------------------------------------------------------------------

    def parse(self, text: str):
        return parse_query(text, self._parser, self._searcher.reader())

    def _days(self) -> list[tuple[int, int]]:
        """(docnum, YYYYMMDD) of every dated live article."""
        if self._day_list is None:
            self._day_list = [(n, int(d[:4] + d[5:7] + d[8:10])) for n, d in self._live_dates() if d]
        return self._day_list

    def _date_filter(self, ranges: list[wq.NumericRange]) -> set[int]:
        allowed = None
        for r in ranges:
            lo = -1 if r.start is None else r.start + (1 if r.startexcl else 0)
            hi = 99_999_999 if r.end is None else r.end - (1 if r.endexcl else 0)
            docs = {n for n, day in self._days() if lo <= day <= hi}
            allowed = docs if allowed is None else allowed & docs
        return allowed or set()

    def search(self, query: str, limit: int = 50) -> SearchResults:
        """Ranked hits for a Whoosh query; QueryError for a malformed or too broad one.

        Date filters that apply to the whole query (``Putin date:2025-10``) are
        answered from the article dates held in memory; a query of date filters
        only lists the matching articles newest first.
        """
        q = self.parse(query)
        limit = max(1, limit)
        terms = query_terms(q, self._searcher.reader())
        date_ranges, rest = _split_date_filters(q)
        if rest is None or isinstance(rest, wq.Every):
            # Nothing to rank by (only "*" and date filters): the articles, newest first.
            order = self._newest_first()
            if date_ranges:
                allowed = self._date_filter(date_ranges)
                docs = sorted(allowed, key=lambda n: self._rank.get(n, len(self._rank)))
            else:
                docs = order
            return SearchResults(len(docs), [self._hit(n, 0.0, terms) for n in docs[:limit]], terms)
        if date_ranges:
            allowed = self._date_filter(date_ranges)
            if not allowed:
                return SearchResults(0, [], terms)
        try:
            ids, scores = self._ranker().run(rest)
        except Unsupported:
            return self._whoosh_search(rest, allowed if date_ranges else None, limit, terms)
        if date_ranges:
            keep = np.isin(ids, np.fromiter(allowed, dtype=np.int64, count=len(allowed)))
            ids, scores = ids[keep], scores[keep]
        self._newest_first()
        hits = [self._hit(n, score, terms) for n, score in top(ids, scores, limit, self._rank_array)]
        return SearchResults(int(len(ids)), hits, terms)

    def _ranker(self) -> Ranker:
        if self._ranker_obj is None:
            self._ranker_obj = Ranker(self._searcher, self._day_docs)
        return self._ranker_obj

    def _day_docs(self, lo: int, hi: int):
        """Sorted docnums of the live articles dated lo..hi (YYYYMMDD numbers)."""
        if self._day_arrays is None:
            pairs = self._days()
            self._day_arrays = (np.array([n for n, _d in pairs], dtype=np.int64),
                                np.array([d for _n, d in pairs], dtype=np.int64))
        docs, days = self._day_arrays
        return np.sort(docs[(days >= lo) & (days <= hi)])

    def _whoosh_search(self, q, allowed, limit: int, terms: list[str]) -> SearchResults:
        """Whoosh's own matching and scoring, for query shapes the ranker does not take (phrases)."""
        # usequality=False, replace=0: visit and count every match while collecting, so the
        # total is exact without a second pass (Whoosh's matcher replacement would skip some).
        collector = TimeLimitCollector(TopCollector(limit=limit, usequality=False, replace=0),
                                       timelimit=SEARCH_SECONDS, use_alarm=False)
        if allowed is not None:
            collector = FilterCollector(collector, allow=allowed)
        try:
            self._searcher.search_with_collector(q, collector)
        except TimeLimit:
            raise QueryError("the query takes too long; make it more specific") from None
        results = collector.results()
        hits = [self._hit(hit.docnum, float(hit.score or 0.0), terms) for hit in results[:limit]]
        return SearchResults(len(results), hits, terms)

    def _hit(self, docnum: int, score: float, terms: list[str]) -> Hit:
        text = self._column("text")[docnum]
        return Hit(self._summary(docnum), score, make_snippet=lambda: snippet(text, match_spans(text, terms)))

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
            for event in decode_events(value):
                if event.date:
                    keyed.append(((event.date, day, summary.id, event.start), summary, event))
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
        self._newest_first()
        rank = self._rank
        return sorted(docs, key=lambda n: rank.get(n, len(rank)))

    def _key_counts(self, key: str) -> tuple[int, int, int | None]:
        """(articles, mentions, newest docnum) of one exact key."""
        articles = mentions = 0
        try:
            matcher = self._searcher.postings("entity_key", key)
        except Exception:  # whoosh raises TermNotFound for an unknown term
            return 0, 0, None
        newest = None
        self._newest_first()
        while matcher.is_active():
            n = matcher.id()
            articles += 1
            mentions += int(matcher.weight())
            if newest is None or self._rank.get(n, len(self._rank)) < self._rank.get(newest, len(self._rank)):
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
        label, name = split_entity_key(shown)
        if label:
            return EntityInfo(key, label, name, articles, mentions, tuple(keys[1:]))
        texts: Counter[str] = Counter()
        label = ""
        for e in decode_analysis(self._searcher.stored_fields(newest)).entities:
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
            stored = self._searcher.stored_fields(n)
            analysis = decode_analysis(stored)
            hits = [e for e in analysis.entities if e.key in wanted]
            if not hits:
                continue
            text = decode_article(stored).text
            summary = self._summary(n)
            for e in sorted(hits, key=lambda e: e.start):
                before = one_line(text[max(0, e.start - CONTEXT_CHARS) : e.start])
                after = one_line(text[e.end : e.end + CONTEXT_CHARS])
                out.append(Mention(summary, e.start, e.end, before, text[e.start : e.end], after))
                if len(out) >= limit:
                    return out
        return out


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
