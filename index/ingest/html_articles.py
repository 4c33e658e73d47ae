"""``.html``/``.htm`` pages: main text with trafilatura, publication date with htmldate.

trafilatura's XML output keeps the page's structure: ``<head>`` elements
become subheadings, ``<p>``, list items and quotes become paragraphs;
navigation, comments and other page furniture are left out. The title is
the page's headline (trafilatura reads ``og:title``, ``<h1>`` and
``<title>``); a leading headline repeated in the text is not repeated.
"""

from __future__ import annotations

import codecs
import logging
import re
from collections.abc import Iterator

from ..article import HEADING, Article
from .dates import parse_date
from .decode import decode_bytes
from .ids import article_id, resolved_path
from .normalise import clean_inline, clean_text, collapse_whitespace
from .skipped import Skipped
from .structure import build_article

# trafilatura and htmldate log every page they find lacking; the skip reason says it once
for _name in ("trafilatura", "htmldate"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)

_BLOCK_TAGS = {"p", "head", "item", "quote", "code", "cell"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)


def decode_html(data: bytes) -> str:
    """Decode a page: a byte order mark first, then the charset the page declares, then detection."""
    if not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        match = _META_CHARSET.search(data[:8192])
        if match:
            try:
                encoding = codecs.lookup(match.group(1).decode("ascii")).name
            except (LookupError, UnicodeDecodeError):
                encoding = None
            if encoding and not encoding.startswith(("utf-16", "utf-32")):  # a page read as ASCII cannot be UTF-16
                if encoding in ("latin-1", "iso8859-1", "ascii"):
                    encoding = "cp1252"  # what browsers do: cp1252 is a superset for printable text
                try:
                    return data.decode(encoding)
                except UnicodeDecodeError:
                    pass  # the declaration is wrong: detect
    text, _ = decode_bytes(data)
    return text


def read_html(html: str, source: str) -> Iterator[Article | Skipped]:
    """One article from a decoded HTML page."""
    import trafilatura
    from lxml import etree

    html = clean_text(html)  # terminal escapes must go before the parser drops their ESC bytes alone
    xml = None
    for recall in (False, True):  # short pages need the recall-friendly settings
        xml = trafilatura.extract(
            html,
            output_format="xml",
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            favor_recall=recall,
            date_extraction_params={"original_date": True, "extensive_search": False},
        )
        if xml:
            break
    if not xml:
        yield Skipped(source, "no article text found in the HTML page")
        return
    try:
        doc = etree.fromstring(xml.encode("utf-8"))
    except etree.XMLSyntaxError as exc:  # pragma: no cover - trafilatura writes valid XML
        yield Skipped(source, f"cannot read the extracted HTML text ({exc})")
        return
    main = doc.find("main")
    paragraphs: list[str] = []
    hints: list[str | None] = []
    for element in (main.iter() if main is not None else ()):
        if element.tag not in _BLOCK_TAGS or element.getparent().tag in _BLOCK_TAGS - {"item"}:
            continue
        text = collapse_whitespace(clean_text(_element_text(element)))
        if not text:
            continue
        paragraphs.append(text)
        hints.append(HEADING if element.tag == "head" else None)

    title = clean_inline(doc.get("title"))
    if paragraphs and hints[0] == HEADING and (not title or paragraphs[0] == title):
        title = title or paragraphs[0]
        paragraphs, hints = paragraphs[1:], hints[1:]
    date = _publication_date(html) or parse_date(doc.get("date"))
    article = build_article(
        id=article_id(resolved_path(source)),
        source=source,
        paragraphs=paragraphs,
        hints=hints,
        title=title,
        date=date,
        url=clean_inline(doc.get("url")) or None,
        publisher=clean_inline(doc.get("sitename")) or None,
    )
    if article is None:
        yield Skipped(source, "no article text found in the HTML page")
    else:
        yield article


def _element_text(element) -> str:
    """The text of an element; a line break (``<lb/>``) separates words."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            parts.append(" ")
        else:
            parts.append(_element_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _publication_date(html: str):
    """The original publication date from the page's metadata and markup (htmldate), or None."""
    from htmldate import find_date

    try:
        found = find_date(html, original_date=True, extensive_search=False, outputformat="%Y-%m-%d")
    except Exception:  # htmldate is defensive, but a hostile page must not stop ingest
        return None
    return parse_date(found) if found else None
