"""Make untrusted article text safe to put on a terminal.

Article text comes from files and web pages. It is never interpreted as Rich
markup (all rendering builds ``rich.text.Text`` objects from plain strings) and
every control character is replaced here, so escape sequences such as
``"\\x1b[2J"`` reach the terminal only as harmless visible text.

The replacement keeps the string length, so character offsets of entities and
events (indices into ``Article.text``) stay valid for the cleaned string.
"""

from __future__ import annotations

import re

REPLACEMENT = "\ufffd"  # shown in place of a control character

# C0 controls except tab/newline, DEL, C1 controls, and the bidi override/isolate
# characters that can make displayed text differ from its content.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    """Return ``text`` with control characters replaced, tabs as spaces.

    The result has the same length as ``text``.
    """
    return _CONTROL.sub(REPLACEMENT, text).replace("\t", " ")


def clean_line(text: str) -> str:
    """Like :func:`clean`, but for one-line fields (titles, snippets): newlines become spaces."""
    return clean(text).replace("\n", " ")
