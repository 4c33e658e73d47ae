"""One line that says how each entity label is highlighted (colour and style)."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from newsdesk.tui import entity_styles


def legend_text(dark: bool, verbose: bool = True, names: bool = True) -> Text:
    """The labels, each in its own highlight; ``names`` adds what they stand for,
    ``verbose`` also how each is marked, in words."""
    text = Text(no_wrap=True, overflow="ellipsis")
    for i, look in enumerate(entity_styles.LOOKS.values()):
        if i:
            text.append("  " if names else " ")
        sample = look.label
        if look.marks:
            text.append(look.marks[0], style=entity_styles.mark_style(dark))
            text.append(sample, style=look.style(dark))
            text.append(look.marks[1], style=entity_styles.mark_style(dark))
        else:
            text.append(sample, style=look.style(dark))
        if names:
            text.append(f" {look.name}", style="dim")
        if names and verbose and not look.marks:
            text.append(f" ({look.how})", style="dim")
    return text


class EntityLegend(Static):
    def on_mount(self) -> None:
        self.refresh_legend()

    def on_resize(self) -> None:
        self.refresh_legend()

    def refresh_legend(self) -> None:
        dark = self.app.current_theme.dark
        width = self.content_region.width
        for verbose, names in ((True, True), (False, True), (False, False)):
            text = legend_text(dark, verbose=verbose, names=names)
            if text.cell_len <= width:
                break
        self.update(text)
