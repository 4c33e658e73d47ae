"""Unicode cleaning of article text.

Article text is untrusted. Before anything else sees it, it is normalised:

* line ends become "\\n" (CRLF, lone CR, U+2028/U+2029);
* terminal escape sequences (ANSI CSI ``ESC [ ...``, OSC ``ESC ] ... BEL/ST``,
  DCS/SOS/PM/APC strings and two-byte escapes) are
  removed entirely, not just their ESC byte (8-bit C1 controls are
  removed one by one, as mis-decoded text holds them more often than escapes);
* invisible characters are removed: soft hyphens, zero-width characters,
  bidirectional embedding/override/isolate controls, the BOM, and any other
  C0/C1 control character (tabs become spaces);
* the result is NFC-composed (decomposed umlauts become single characters).

Everything else is kept literally: "[bold red]" stays as text.
"""

from __future__ import annotations

import re
import unicodedata

# ESC [ params intermediates final   (CSI)
_CSI = r"\x1b\[[0-?]*[ -/]*[@-~]"
# ESC ] ... terminated by BEL or ST (ESC \ or U+009C); unterminated runs to the end of the line
_OSC = r"\x1b\][^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?"
# DCS, SOS, PM, APC strings: ESC P / X / ^ / _ ... ST
_STRING = r"\x1b[PX^_][^\x1b\x9c\n]*(?:\x1b\\|\x9c)?"
# any other escape: ESC, optional intermediates, one final byte
_OTHER_ESC = r"\x1b[ -/]*[0-~]?"
ESCAPE_SEQUENCE = re.compile("|".join((_CSI, _OSC, _STRING, _OTHER_ESC)))

_INVISIBLE = (
    "\u00ad"  # soft hyphen
    "\u034f"  # combining grapheme joiner
    "\u061c"  # Arabic letter mark
    "\u180e"  # Mongolian vowel separator
    "\u200b\u200c\u200d"  # zero-width space, non-joiner, joiner
    "\u200e\u200f"  # left-to-right / right-to-left mark
    "\u202a-\u202e"  # bidi embeddings and overrides
    "\u2060-\u2064"  # word joiner, invisible operators
    "\u2066-\u2069"  # bidi isolates
    "\ufeff"  # byte order mark / zero-width no-break space
)
# C0 controls except \t and \n (handled separately), DEL, C1 controls, invisible characters
INVISIBLE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_INVISIBLE}]")

_LINE_ENDS = re.compile("\r\n?|[\u2028\u2029\x85]")
_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")


def clean_text(text: str) -> str:
    """Return ``text`` with line ends unified, escapes and invisibles removed, NFC-composed.

    Line structure is kept (so paragraphs can still be found); runs of spaces
    inside lines are not collapsed here (see :func:`collapse_whitespace`).
    """
    text = _LINE_ENDS.sub("\n", text)
    text = ESCAPE_SEQUENCE.sub("", text)
    text = text.replace("\t", " ")
    text = INVISIBLE.sub("", text)
    return unicodedata.normalize("NFC", text)


_WHITESPACE = re.compile(r"\s+")


def collapse_whitespace(text: str) -> str:
    """Join a paragraph into one line: every run of white space becomes one space."""
    return _WHITESPACE.sub(" ", text).strip()


def split_blocks(text: str) -> list[str]:
    """Split cleaned text into blocks separated by blank lines (blocks keep their inner line breaks)."""
    return [block.strip() for block in _BLANK_LINE.split(text) if block.strip()]


def clean_inline(value: object) -> str:
    """Clean a one-line value (a title, an id, a publisher): cleaned and collapsed to one line."""
    if value is None:
        return ""
    return collapse_whitespace(clean_text(str(value)))
