"""Articles stored as JSON: one object, an array of objects (``.json``) or one object a line (``.jsonl``).

Fields of an article object (only the text is required):

=============  ==============================================================
``text``       the article text; blank lines (or, without any, line breaks)
               separate paragraphs. Alternatives: ``body``, ``content``,
               ``articleBody``.
``paragraphs`` a list of paragraph strings, instead of ``text``
``id``         the article's id in its source (made unique per file)
``title``      the headline (also ``headline``)
``date``       publication date: ISO ``2025-10-21``, ``2025-10-21T08:00:00Z``,
               ``21.10.2025``, … (also ``published``, ``datePublished``, ``pubDate``)
``url``        where it was published (also ``link``)
``source``     the publisher (also ``publisher``)
=============  ==============================================================

JSONL is streamed: the size limit applies to each line, an over-long line
is skipped without being read into memory, and a broken line is skipped
(``Skipped("file:line N", reason)``) while the rest of the file is read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from ..article import Article
from .dates import parse_date
from .decode import DecodeError, decode_bytes, reject_binary, utf16_byte_order
from .ids import article_id, resolved_path
from .normalise import clean_inline, clean_text, split_blocks
from .skipped import Skipped
from .structure import build_article

TEXT_FIELDS = ("text", "body", "content", "articleBody", "article_body", "fulltext", "full_text")
TITLE_FIELDS = ("title", "headline")
DATE_FIELDS = ("date", "published", "published_at", "publishedAt", "publication_date", "datePublished", "pubDate", "pub_date")
URL_FIELDS = ("url", "link")
PUBLISHER_FIELDS = ("source", "publisher", "site", "outlet")
ID_FIELDS = ("id", "_id", "guid", "uuid")
ARRAY_FIELDS = ("articles", "items", "data", "results")

_CHUNK = 1 << 20


class NotAnArticle(ValueError):
    """A JSON value that is not a usable article; ``str()`` is the reason."""


def _first(record: dict, names: tuple[str, ...]) -> object:
    for name in names:
        value = record.get(name)
        if value not in (None, "", []):
            return value
    return None


def _paragraphs(record: dict) -> list[str]:
    value = _first(record, ("paragraphs",)) or _first(record, TEXT_FIELDS)
    if value is None:
        raise NotAnArticle("no text (a 'text' or 'paragraphs' field is required)")
    if isinstance(value, str):
        text = clean_text(value)
        return split_blocks(text) if "\n\n" in text else [line for line in text.split("\n") if line.strip()]
    if isinstance(value, list):
        paragraphs = []
        for item in value:
            if isinstance(item, dict):
                item = _first(item, TEXT_FIELDS)
            if not isinstance(item, str):
                raise NotAnArticle("'paragraphs' must be a list of strings")
            paragraphs.extend(split_blocks(clean_text(item)))
        return paragraphs
    raise NotAnArticle(f"text must be a string, not {type(value).__name__}")


def _scalar(value: object) -> object:
    if isinstance(value, dict):  # {"name": "ZDF"} / {"@value": "..."}
        value = _first(value, ("name", "@value", "value", "title"))
    return value if isinstance(value, (str, int, float)) and not isinstance(value, bool) else None


def article_from_record(record: object, *, source: str, key: str, position: str | None, seen_ids: set[str]) -> Article:
    """Turn one decoded JSON value into an article (raise :class:`NotAnArticle`)."""
    if not isinstance(record, dict):
        raise NotAnArticle(f"not an article object (a JSON {type(record).__name__})")
    paragraphs = _paragraphs(record)
    warnings: list[str] = []
    given_id = clean_inline(_scalar(_first(record, ID_FIELDS)))
    if given_id and given_id not in seen_ids:
        seen_ids.add(given_id)
        art_id = article_id(key, "id", given_id)
    else:
        if given_id:
            warnings.append(f"duplicate id {given_id!r} in this file")
        art_id = article_id(key, position) if position is not None else article_id(key)
    raw_date = _first(record, DATE_FIELDS)
    date = parse_date(_scalar(raw_date) if isinstance(raw_date, dict) else raw_date)
    if raw_date is not None and date is None:
        warnings.append(f"invalid date {str(raw_date)[:40]!r}: date unknown")
    url = clean_inline(_scalar(_first(record, URL_FIELDS))) or None
    publisher = clean_inline(_scalar(_first(record, PUBLISHER_FIELDS))) or None
    title = clean_inline(_scalar(_first(record, TITLE_FIELDS)))
    article = build_article(
        id=art_id,
        source=source,
        paragraphs=paragraphs,
        title=title,
        date=date,
        url=url,
        publisher=publisher,
        warnings=warnings,
    )
    if article is None:
        raise NotAnArticle("no text (the text is empty)")
    return article


def read_json_text(text: str, source: str) -> Iterator[Article | Skipped]:
    """Articles of a whole ``.json`` document (one object, an array, or ``{"articles": [...]}``)."""
    try:
        value = json.loads(text)
    except RecursionError:
        yield Skipped(source, "JSON nested too deeply")
        return
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data" and exc.lineno > 1:
            # one object a line in a file named .json: read it as JSON Lines
            key, seen = resolved_path(source), set()
            for number, line in enumerate(text.splitlines(), 1):
                if line.strip():
                    yield _line_article(line.encode("utf-8", "surrogatepass"), f"{source}:line {number}", source, key, number, seen)
            return
        yield Skipped(source, f"invalid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})")
        return
    key = resolved_path(source)
    seen: set[str] = set()
    if isinstance(value, dict) and _first(value, ("paragraphs", *TEXT_FIELDS)) is None:
        for name in ARRAY_FIELDS:
            if isinstance(value.get(name), list):
                value = value[name]
                break
    if isinstance(value, list):
        if not value:
            yield Skipped(source, "no articles (an empty JSON array)")
        for index, item in enumerate(value):
            try:
                yield article_from_record(item, source=source, key=key, position=f"#{index}", seen_ids=seen)
            except NotAnArticle as exc:
                yield Skipped(f"{source}:item {index + 1}", str(exc))
        return
    try:
        yield article_from_record(value, source=source, key=key, position=None, seen_ids=seen)
    except NotAnArticle as exc:
        yield Skipped(source, str(exc))


def read_jsonl(path: Path, max_bytes: int, source: str | None = None) -> Iterator[Article | Skipped]:
    """Stream a ``.jsonl`` file line by line (the limit applies to each line)."""
    source = source if source is not None else str(path)
    key = resolved_path(path)
    seen: set[str] = set()
    found = False
    with open(path, "rb") as f:
        head = f.read(4096)
        if head.startswith((b"\xff\xfe", b"\xfe\xff")) or utf16_byte_order(head):
            # UTF-16 cannot be split on bytes: decode as a whole, within the limit
            yield from _read_jsonl_whole(f, head, max_bytes, source, key, seen)
            return
        try:  # a binary file is one skip, not one per "line"; a stray NUL only costs its own line
            if head.count(0) > 0.01 * len(head):
                raise DecodeError("binary file (contains NUL bytes), not text")
            reject_binary(head.replace(b"\x00", b""))
        except DecodeError as exc:
            yield Skipped(source, str(exc))
            return
        f.seek(0)
        number = 0
        while True:
            line = f.readline(max_bytes + 1)
            if not line:
                break
            number += 1
            where = f"{source}:line {number}"
            if len(line) > max_bytes and not line.endswith(b"\n"):
                _skip_rest_of_line(f)
                yield Skipped(where, f"line larger than the size limit ({max_bytes:,} bytes)")
                found = True
                continue
            if number == 1 and line.startswith(b"\xef\xbb\xbf"):
                line = line[3:]
            if not line.strip():
                continue
            found = True
            yield _line_article(line, where, source, key, number, seen)
    if not found:
        yield Skipped(source, "empty file")


def _line_article(line: bytes, where: str, source: str, key: str, number: int, seen: set[str]) -> Article | Skipped:
    try:
        text, _ = decode_bytes(line)
    except DecodeError as exc:
        return Skipped(where, str(exc))
    try:
        value = json.loads(text)
    except RecursionError:
        return Skipped(where, "JSON nested too deeply")
    except json.JSONDecodeError as exc:
        return Skipped(where, f"invalid JSON (column {exc.colno}: {exc.msg})")
    try:
        return article_from_record(value, source=source, key=key, position=f":{number}", seen_ids=seen)
    except NotAnArticle as exc:
        return Skipped(where, str(exc))


def _skip_rest_of_line(f) -> None:
    while True:
        chunk = f.readline(_CHUNK)
        if not chunk or chunk.endswith(b"\n"):
            return


def _read_jsonl_whole(f, head: bytes, max_bytes: int, source: str, key: str, seen: set[str]) -> Iterator[Article | Skipped]:
    data = head + f.read(max_bytes + 1 - len(head))
    if len(data) > max_bytes:
        yield Skipped(source, f"UTF-16 JSONL file larger than the size limit ({max_bytes:,} bytes)")
        return
    try:
        text, _ = decode_bytes(data)
    except DecodeError as exc:
        yield Skipped(source, str(exc))
        return
    found = False
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        found = True
        yield _line_article(line.encode("utf-8", "surrogatepass"), f"{source}:line {number}", source, key, number, seen)
    if not found:
        yield Skipped(source, "empty file")
