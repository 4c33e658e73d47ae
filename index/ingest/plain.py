"""``.txt`` files: the seed format (a leading date line) or plain text."""

from __future__ import annotations

from collections.abc import Iterator

from ..article import Article
from .ids import article_id, resolved_path
from .normalise import clean_text
from .seed_text import read_text_article
from .skipped import Skipped
from .structure import build_article


def read_plain(text: str, source: str) -> Iterator[Article | Skipped]:
    """One article from decoded text; its first line may carry ``date YYYY-MM-DD``."""
    date, paragraphs, warnings, _ = read_text_article(clean_text(text))
    article = build_article(
        id=article_id(resolved_path(source)),
        source=source,
        paragraphs=paragraphs,
        title_from_first_line=True,
        date=date,
        warnings=warnings,
    )
    if article is None:
        yield Skipped(source, "no text (empty after the date line)" if date or warnings else "no text")
    else:
        yield article
