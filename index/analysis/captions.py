"""Find the media captions and credit lines of an article's text.

News pages interleave the story with captions of photos and videos: a line
under a picture ("Zeigt sich zufrieden: Donald Trump. (Archivbild) Quelle: AP")
or the teaser of an embedded video, ending in the video's date and running
time ("... sprechen zu wollen 10.09.2025 | 0:21 min"). Once a page is plain
text these look like ordinary paragraphs. Their dates are when a picture or a
video was published, and their sentences summarise another piece, so the
event extraction must not read them as the story.

The analysis gets only the text (``Analyzer.analyze(text, date)``), not the
paragraph kinds ingest assigned, so it finds the captions again from the text
itself, with the same test ingest uses to mark a paragraph as a caption
(``index.ingest.structure.is_caption``: a video stamp, a closing credit, a
picture marker such as "(Archivbild)", an agency credit, or boilerplate only).
One definition of a caption for the whole of newsdesk. This module loads no
spaCy.
"""

from __future__ import annotations

import re

from newsdesk.index.ingest.structure import is_caption

__all__ = ["caption_spans", "is_caption"]

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")


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
    if start < end and is_caption(text[start:end]):
        spans.append((start, end))
