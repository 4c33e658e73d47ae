"""``.md`` files: Markdown reduced to plain paragraphs.

* an optional front matter block (``---`` … ``---``) may give ``title``,
  ``date``, ``url``, ``source``/``publisher``;
* an optional seed-format date line (``date YYYY-MM-DD``) is honoured;
* the first ``#`` heading before any text is the title; other headings
  become subheading paragraphs;
* emphasis markers, inline code ticks, HTML tags, blockquote markers and
  horizontal rules are removed; links and images keep their text
  (``[Text](url)`` -> ``Text``); list items become paragraphs of their own;
  fenced code keeps its content.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..article import HEADING, Article
from .dates import parse_date
from .ids import article_id, resolved_path
from .normalise import clean_inline, clean_text
from .seed_text import split_date_line
from .skipped import Skipped
from .structure import build_article

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FRONT_FIELD = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$", re.M)
_ATX_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_SETEXT_UNDERLINE = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_RULE = re.compile(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_LIST_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+")
_QUOTE = re.compile(r"^ {0,3}>[ \t]?")
_LINK_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:[ \t]*\S+.*$")

_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)")
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_CODE = re.compile(r"(`+)(.+?)\1")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_EM_STAR = re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])")
_EM_UNDERSCORE = re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])")
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~|])")
_PRIVATE = 0xF0000  # plane-15 private use characters: practically never in news text
_SET_ASIDE = re.compile("[\U000F0000-\U000F007F]")


def strip_inline(text: str) -> str:
    """Remove inline Markdown syntax, keeping the words."""
    # escaped characters are set aside (as private-use characters) so no rule below sees them
    text = _ESCAPED.sub(lambda m: chr(_PRIVATE + ord(m.group(1))), text)
    text = _CODE.sub(lambda m: m.group(2).strip(), text)
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _REF_LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _HTML_TAG.sub("", text)
    for _ in range(2):  # nested emphasis: ***a*** or **_a_**
        text = _STRONG.sub(r"\2", text)
        text = _STRIKE.sub(r"\1", text)
        text = _EM_STAR.sub(r"\1", text)
        text = _EM_UNDERSCORE.sub(r"\1", text)
    return _SET_ASIDE.sub(lambda m: chr(ord(m.group()) - _PRIVATE), text)


def parse_markdown(text: str) -> tuple[dict[str, str], list[tuple[str, str | None]]]:
    """Front matter fields and ``(paragraph, kind hint)`` pairs of cleaned Markdown text."""
    fields: dict[str, str] = {}
    match = _FRONT_MATTER.match(text)
    if match:
        fields = {k.lower(): v.strip().strip("\"'") for k, v in _FRONT_FIELD.findall(match.group(1))}
        text = text[match.end() :]
    blocks: list[tuple[str, str | None]] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            paragraph = strip_inline(" ".join(line.strip() for line in current))
            if paragraph.strip():
                blocks.append((paragraph, None))
            current.clear()

    lines = text.split("\n")
    in_fence = False
    fence = ""
    for i, line in enumerate(lines):
        fence_match = _FENCE.match(line)
        if in_fence:
            if fence_match and fence_match.group(1) == fence:
                in_fence = False
                flush()
            else:
                current.append(line)
            continue
        if fence_match:
            flush()
            in_fence, fence = True, fence_match.group(1)
            continue
        if not line.strip() or _RULE.match(line) or _LINK_DEFINITION.match(line):
            flush()
            continue
        heading = _ATX_HEADING.match(line)
        if heading:
            flush()
            title = strip_inline(heading.group(2))
            if title.strip():
                blocks.append((title, HEADING + str(len(heading.group(1)))))
            continue
        if current and _SETEXT_UNDERLINE.match(line) and len(current) == 1:
            level = 1 if line.strip().startswith("=") else 2
            blocks.append((strip_inline(current[0].strip()), HEADING + str(level)))
            current.clear()
            continue
        line = _QUOTE.sub("", line)
        while _QUOTE.match(line):
            line = _QUOTE.sub("", line)
        if _LIST_ITEM.match(line):
            flush()
            line = _LIST_ITEM.sub("", line)
        current.append(line)
    flush()
    return fields, blocks


def read_markdown(text: str, source: str) -> Iterator[Article | Skipped]:
    text = clean_text(text)
    dated = split_date_line(text)
    fields, blocks = parse_markdown(dated.body)
    warnings = list(dated.warnings)
    date = dated.date
    if date is None and fields.get("date"):
        date = parse_date(fields["date"])
        if date is None:
            warnings.append(f"invalid date {fields['date'][:40]!r}: date unknown")
    title = clean_inline(fields.get("title"))
    # the first heading before any text is the title (unless front matter named one)
    if blocks and blocks[0][1] and blocks[0][1].startswith(HEADING) and len(blocks) > 1:
        if not title:
            title = clean_inline(blocks[0][0])
            blocks = blocks[1:]
        elif clean_inline(blocks[0][0]) == title:
            blocks = blocks[1:]
    article = build_article(
        id=article_id(resolved_path(source)),
        source=source,
        paragraphs=[b for b, _ in blocks],
        hints=[HEADING if h else None for _, h in blocks],
        title=title,
        title_from_first_line=not title,
        date=date,
        url=clean_inline(fields.get("url") or fields.get("link")) or None,
        publisher=clean_inline(fields.get("source") or fields.get("publisher")) or None,
        warnings=warnings,
    )
    if article is None:
        yield Skipped(source, "no text")
    else:
        yield article
