"""How each entity label looks, in colour and without it.

Every label differs by a text style or a mark as well as by colour, so the
highlights stay distinguishable with NO_COLOR, on 16-colour terminals and for
colour-blind readers: PER bold, LOC underlined, ORG italic, MISC between
‹ › marks. Colours are from the Okabe-Ito colour-blind-safe palette.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style


@dataclass(frozen=True)
class LabelLook:
    label: str
    name: str  # what the legend calls it
    how: str  # how it is marked without colour
    dark: str  # colour on a dark theme
    light: str  # colour on a light theme
    bold: bool = False
    underline: bool = False
    italic: bool = False
    marks: tuple[str, str] | None = None  # characters put around each mention

    def style(self, dark: bool) -> Style:
        return Style(
            color=self.dark if dark else self.light,
            bold=self.bold or None,
            underline=self.underline or None,
            italic=self.italic or None,
        )


LOOKS: dict[str, LabelLook] = {
    "PER": LabelLook("PER", "person", "bold", "#56B4E9", "#0060A0", bold=True),
    "LOC": LabelLook("LOC", "place", "underlined", "#3FC79A", "#00734F", underline=True),
    "ORG": LabelLook("ORG", "organisation", "italic", "#F0A830", "#A85800", italic=True),
    "MISC": LabelLook("MISC", "other", "‹marks›", "#E08CC0", "#A03C78", marks=("‹", "›")),
}

UNKNOWN = LabelLook("?", "entity", "bold", "#C0C0C0", "#404040", bold=True)


def look(label: str) -> LabelLook:
    return LOOKS.get(label, UNKNOWN)


def mark_style(dark: bool) -> Style:
    """Style of the ‹ › marks themselves."""
    return Style(dim=True)


def cursor_style(dark: bool) -> Style:
    """The entity mention under the keyboard cursor."""
    return Style(reverse=True, bold=True)


def term_style(dark: bool) -> Style:
    """A word that matches the active search (also underlined, so it shows without colour)."""
    return Style(bgcolor="#5C4A00" if dark else "#FFE680", underline=True)


def marked_style(dark: bool) -> Style:
    """The sentence an event or a mention points at (a gutter bar marks it too)."""
    return Style(bgcolor="#2A3F55" if dark else "#D6E8FA")
