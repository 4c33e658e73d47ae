"""Recognise media captions and credit lines in article text.

News pages interleave the story with captions of photos and videos: a line
under a picture ("Zeigt sich zufrieden: Donald Trump. (Archivbild) Quelle: AP")
or the teaser of an embedded video, ending in the video's date and running
time ("... sprechen zu wollen 10.09.2025 | 0:21 min"). Once a page is turned
into plain text these lines look like ordinary paragraphs. Their dates are
when a picture or a video was published, and their sentences summarise
another piece, so they must not be read as part of the story.

The decision is made from a paragraph's own text, so it works on any text,
whatever reader produced it: ``is_media_caption`` judges one paragraph (ingest
can use it to give a paragraph the kind "caption"), ``caption_spans`` finds the
caption paragraphs of a whole text (paragraphs are separated by blank lines).
Only this module's standard-library imports are needed: importing it never
loads spaCy.
"""

from __future__ import annotations

import re

__all__ = ["is_media_caption", "caption_spans"]

# "10.09.2025 | 0:21 min" (video date and running time) closing a paragraph.
_VIDEO_TAIL = re.compile(
    r"\b\d{1,2}\.\d{1,2}\.\d{2,4}\s*\|\s*(?:\d{1,2}:)?\d{1,2}:\d{2}\s*(?:min|Min\.?|Minuten)?\.?\s*$"
)
# "| 0:21 min" alone at the end (date left out), or "Video: 2:37 min".
_DURATION_TAIL = re.compile(r"(?:\||\bVideo:?)\s*(?:\d{1,2}:)?\d{1,2}:\d{2}\s*(?:min|Min\.?|Minuten)\.?\s*$")
# A short credit closing the paragraph: "Quelle: AP", "Foto: picture alliance/dpa | Kay Nietfeld", "© Reuters".
_CREDIT_TAIL = re.compile(
    r"(?:\b(?:Quelle|Quellen|Foto|Fotos|Bild|Bilder|Bildquelle|Fotograf|Fotografin|Grafik|Video|Image|Photo|Credit)"
    r"\s*:|©)\s*[^.!?:\n]{1,80}$"
)
# Picture markers that only ever occur in captions.
_PICTURE_MARK = re.compile(
    r"\((?:Archivbild|Archivfoto|Symbolbild|Symbolfoto|Illustration|Bildmontage|Fotomontage|Archiv)\)",
    re.IGNORECASE,
)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")


def is_media_caption(paragraph: str) -> bool:
    """True if ``paragraph`` is a media caption or credit line, not story text.

    Signs (any one suffices): it ends in a video's date and running time
    ("10.09.2025 | 0:21 min"), it ends in a short credit ("Quelle: AP",
    "Foto: dpa", "© Reuters"), or it carries a picture marker such as
    "(Archivbild)" or "(Symbolbild)".
    """
    text = paragraph.strip()
    if not text:
        return False
    return bool(
        _VIDEO_TAIL.search(text)
        or _DURATION_TAIL.search(text)
        or _CREDIT_TAIL.search(text)
        or _PICTURE_MARK.search(text)
    )


def caption_spans(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` spans of the caption paragraphs of ``text``.

    Paragraphs are separated by blank lines (``Article.text`` joins them with
    "\\n\\n"); spans are string indices into ``text``, without the separators.
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    for brk in _PARAGRAPH_BREAK.finditer(text):
        _add_if_caption(text, pos, brk.start(), spans)
        pos = brk.end()
    _add_if_caption(text, pos, len(text), spans)
    return spans


def _add_if_caption(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    if start < end and is_media_caption(text[start:end]):
        spans.append((start, end))
