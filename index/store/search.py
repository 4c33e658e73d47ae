"""Queries: parsing with limits, date filters, matched terms, snippets.

Query syntax is Whoosh's: words (AND by default), ``OR``, ``NOT``, ``"phrases"``,
``(groups)``, ``prefix*`` wildcards, field filters ``title:``, ``entity:``,
``publisher:``, and dates ``date:2025``, ``date:2025-10``, ``date:2025-10-21``,
``date:[2025-10-01 to 2025-10-31]`` (open ends: ``date:[2025-10 to]``).

A prefix ``bundesregieru*`` matches the words that start with it, whatever their
index term (``Bundesregierung`` is indexed under its stem ``bundesregier``): the
terms that start with the folded prefix, and the shorter stems that the prefix
continues with the start of an inflection ending (see :func:`prefix_terms`). So a
longer prefix never matches more than a shorter one.

:func:`prepare` reads what the user typed: an unclosed phrase (``"kein termin``) is
searched as if closed, with a note saying so; while typing (``typing=True``) the
last word is a prefix.

Odd input never hangs or raises anything but QueryError: the length is capped,
a wildcard may expand to at most MAX_EXPANSIONS words, dangling operators are
dropped, and a search that runs longer than SEARCH_SECONDS is stopped.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice

from whoosh import query

from .errors import QueryError
from .german_words import fold
from .query_text import MAX_QUERY_LENGTH, OPERATORS, SNIPPET_WIDTH, match_spans, prepare, snippet  # noqa: F401
from .query_text import plain_query, strip_dangling_operators
from .schema import DEFAULT_FIELD, TERM_FIELDS

MAX_EXPANSIONS = 2000
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


# Endings the German stemmer removes (Snowball German: step 3 + step 2 + step 1, and the
# "niss" -> "nis" rule): a word is its stem followed by one of these.
_D_SUFFIXES = ("", "end", "ung", "igend", "igung", "ig", "ik", "isch", "lich", "heit", "erlich", "enlich",
               "erheit", "enheit", "keit", "lichkeit", "igkeit")
_ST_SUFFIXES = ("", "en", "er", "est", "st")
_S_SUFFIXES = ("", "em", "ern", "er", "e", "en", "es", "s", "se", "sen", "ses", "sem", "ser", "sern")


@lru_cache(maxsize=1)
def ending_starts() -> frozenset[str]:
    """Every non-empty start of an ending the stemmer removes."""
    endings = {d + st + s_ for d in _D_SUFFIXES for st in _ST_SUFFIXES for s_ in _S_SUFFIXES}
    return frozenset(e[:k] for e in endings for k in range(1, len(e) + 1))


# A prefix query is parsed as a placeholder word (Whoosh would stem the prefix itself)
# and expanded by _expand from the prefix as typed.
_PLACEHOLDER = "qxprefix%dqx"
_PLACEHOLDER_TERM = re.compile(r"^qxprefix(\d+)qx$")
_PREFIX_WORD = re.compile(r"(?<![\w*?])([^\W\d_][\w]*)\*(?![\w*?])")


def _mark_prefixes(text: str) -> tuple[str, list[str]]:
    """Replace each ``word*`` outside phrases by a placeholder word; the prefixes, in order."""
    prefixes: list[str] = []

    def swap(m: re.Match) -> str:
        prefixes.append(m.group(1))
        return _PLACEHOLDER % (len(prefixes) - 1)

    parts = text.split('"')
    for i in range(0, len(parts), 2):  # outside quotes
        parts[i] = _PREFIX_WORD.sub(swap, parts[i])
    return '"'.join(parts), prefixes


def prefix_terms(reader, fieldname: str, prefix: str, limit: int = MAX_EXPANSIONS) -> list[bytes]:
    """The index terms of ``fieldname`` of words that start with ``prefix`` (at most limit + 1).

    The terms that start with the folded prefix, and for the stemmed fields the
    shorter terms (stems) that the prefix continues with the start of an ending:
    ``bundesregieru`` finds ``bundesregier`` (``Bundesregierung``).
    """
    p = fold(prefix)
    if not p:
        return []
    terms = []
    for t in islice(reader.expand_prefix(fieldname, p), limit + 1):
        terms.append(t if isinstance(t, bytes) else t.encode("utf-8"))
    if fieldname in TERM_FIELDS:
        for k in range(2, len(p)):
            if p[k:] in ending_starts():
                stem = p[:k].encode("utf-8")
                if (fieldname, stem) in reader:
                    terms.append(stem)
    return terms


def make_parser(schema):
    """Whoosh's query parser for the schema (imported here: a query of plain words needs none)."""
    from whoosh import qparser

    return qparser.QueryParser(DEFAULT_FIELD, schema)


def _day_bounds(value: str) -> tuple[int, int]:
    """The first and last YYYYMMDD numbers of a year, month or day written in ISO form."""
    m = _DATE.match(value)
    if not m:
        raise QueryError(f"cannot read the date {value!r}: write 2025, 2025-10 or 2025-10-21")
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    if month is None:
        return year * 10000, year * 10000 + 9999
    if not 1 <= int(month) <= 12:
        raise QueryError(f"no such month: {value!r}")
    base = year * 10000 + int(month) * 100
    if day is None:
        return base, base + 99
    if not 1 <= int(day) <= 31:
        raise QueryError(f"no such day: {value!r}")
    return base + int(day), base + int(day)


def _text(value) -> str:
    return value.decode("utf-8") if isinstance(value, bytes) else value


def _rewrite(q: query.Query) -> query.Query:
    """Turn ``date:`` filters into numeric ranges over the ``day`` field."""
    if isinstance(q, query.Term) and q.fieldname == "date":
        first, last = _day_bounds(_text(q.text))
        return query.NumericRange("day", first, last, boost=q.boost)
    if isinstance(q, query.TermRange) and q.fieldname == "date":
        start = _day_bounds(_text(q.start))[1 if q.startexcl else 0] if q.start else None
        end = _day_bounds(_text(q.end))[0 if q.endexcl else 1] if q.end else None
        return query.NumericRange("day", start, end, startexcl=bool(q.startexcl), endexcl=bool(q.endexcl))
    if isinstance(q, query.Phrase) and q.fieldname == "date":
        raise QueryError("write a date as 2025, 2025-10 or 2025-10-21")
    if isinstance(q, (query.Wildcard, query.Prefix, query.Regex, query.FuzzyTerm)) and q.fieldname == "date":
        raise QueryError("dates take no wildcards: write date:2025-10 for a month")
    if isinstance(q, query.Every):
        return query.Every()  # every document (Every("body") would read every term's postings)
    if q.is_leaf():
        return q
    return q.apply(_rewrite)


def parse_query(text: str, parser, reader, prefixes: list[str] | None = None) -> query.Query:
    """Parse ``text`` into a Whoosh query, or raise QueryError with a short reason.

    ``text`` as made by :func:`prepare`; ``prefixes`` receives the prefixes (``word*``) it holds.
    ``parser``: Whoosh's parser (:func:`make_parser`), or a function that makes it, called
    only for a query that is not plain words.
    """
    if len(text) > MAX_QUERY_LENGTH:
        raise QueryError(f"the query is too long ({len(text)} characters; at most {MAX_QUERY_LENGTH})")
    cleaned = strip_dangling_operators(text.replace("\x00", " "))
    if not cleaned.strip():
        raise QueryError("the query is empty")
    simple = _plain(cleaned)
    if simple is not None:
        return simple
    marked, found = _mark_prefixes(cleaned)
    if prefixes is not None:
        prefixes.extend(found)
    if callable(parser):
        parser = parser()
    try:
        q = parser.parse(marked)
    except QueryError:
        raise
    except Exception as exc:  # whoosh's parser is lenient; anything it still throws is a bad query
        raise QueryError(f"cannot read the query: {exc}") from None
    q = _rewrite(q)
    return _expand(q, reader, found)


def _plain(text: str) -> query.Query | None:
    """The query of words and phrases (``query_text.plain_query``): what Whoosh's parser makes of
    it, without the parser (a millisecond per query, and its import and set-up on the first).
    None for any other query."""
    parts = plain_query(text)
    if parts is None:
        return None
    if not parts:
        return query.NullQuery
    made = [query.Term(DEFAULT_FIELD, p[0]) if len(p) == 1 else query.Phrase(DEFAULT_FIELD, list(p)) for p in parts]
    return made[0] if len(made) == 1 else query.And(made)


def _expand(q: query.Query, reader, prefixes: list[str] = ()) -> query.Query:
    """Replace wildcard/prefix/fuzzy leaves by an OR of the words they match (at most MAX_EXPANSIONS)."""
    if isinstance(q, query.Term) and isinstance(q.text, str) and _PLACEHOLDER_TERM.match(q.text):
        prefix = prefixes[int(_PLACEHOLDER_TERM.match(q.text).group(1))]
        if q.fieldname == "date":
            raise QueryError("dates take no wildcards: write date:2025-10 for a month")
        if len(fold(prefix)) < 2:
            raise QueryError(f"{prefix}* needs at least two letters")
        words = prefix_terms(reader, q.fieldname, prefix)
        if len(words) > MAX_EXPANSIONS:
            raise QueryError(f"{prefix}* matches too many words (more than {MAX_EXPANSIONS}); make it longer")
        if not words:
            return query.NullQuery
        return query.Or([query.Term(q.fieldname, w.decode("utf-8"), boost=q.boost) for w in words])
    if isinstance(q, (query.Wildcard, query.Prefix, query.Regex, query.FuzzyTerm)):
        pattern = getattr(q, "text", "")
        if isinstance(q, query.Wildcard) and len(pattern.replace("*", "").replace("?", "")) < 2:
            raise QueryError(f"the pattern {pattern!r} needs at least two letters besides * and ?")
        try:
            words = list(islice(q._btexts(reader), MAX_EXPANSIONS + 1))
        except Exception as exc:
            raise QueryError(f"cannot read the query: {exc}") from None
        if len(words) > MAX_EXPANSIONS:
            raise QueryError(
                f"{pattern}* matches too many words (more than {MAX_EXPANSIONS}); make it longer"
                if isinstance(q, query.Prefix)
                else f"the pattern {pattern!r} matches too many words; make it more specific"
            )
        if not words:
            return query.NullQuery
        return query.Or([query.Term(q.fieldname, w.decode("utf-8"), boost=q.boost) for w in words])
    if q.is_leaf():
        return q
    return q.apply(lambda child: _expand(child, reader, prefixes))


def _positive_leaves(q: query.Query):
    """Leaves of the query outside NOT clauses."""
    if isinstance(q, (query.Not, query.AndNot)):
        if isinstance(q, query.AndNot):
            yield from _positive_leaves(q.a)
        return
    if q.is_leaf():
        yield q
        return
    for child in q.children():
        yield from _positive_leaves(child)


def query_terms(q: query.Query, reader) -> list[str]:
    """The index terms of title/body the query looks for (wildcards expanded, NOT parts left out)."""
    terms = set()
    for leaf in _positive_leaves(q):
        try:
            expanded = leaf.expanded_terms(reader, phrases=True)
        except Exception:
            continue
        for fieldname, text in expanded:
            if fieldname not in TERM_FIELDS:
                continue
            btext = text if isinstance(text, bytes) else text.encode("utf-8")
            if (fieldname, btext) in reader:
                terms.add(btext.decode("utf-8"))
    return sorted(terms)


