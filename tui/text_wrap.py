"""Line breaking for the reader: between words, never inside one unless it cannot be helped."""

from __future__ import annotations

from rich.cells import get_character_cell_size

# where a word too long for a line (a URL, a path, a hyphenated compound) may break: after these
SOFT_BREAKS = frozenset("/-._?&=#:;,)]}")


def line_breaks(text: str, width: int) -> list[int]:
    """Offsets where the lines of ``text`` start (after the first) for a measure of ``width``
    cells: lines break between words; a word longer than a whole line breaks after a slash,
    hyphen or dot inside it, and is cut mid-word only when it has none."""
    offsets: list[int] = []
    n = len(text)
    start = 0
    while start < n:
        used = 0
        i = start
        last_space = -1
        last_soft = -1
        while i < n:
            size = get_character_cell_size(text[i])
            if used + size > width:
                break
            if text[i] == " ":
                last_space = i
            elif text[i] in SOFT_BREAKS and i > start:
                last_soft = i
            used += size
            i += 1
        if i >= n:
            break
        if text[i] == " ":
            cut = i + 1
            while cut < n and text[cut] == " ":
                cut += 1
        elif last_space > start:
            cut = last_space + 1
        elif last_soft >= start:
            cut = last_soft + 1
        else:
            cut = max(i, start + 1)  # one unbreakable word wider than the line
        if cut >= n:
            break
        offsets.append(cut)
        start = cut
    return offsets


def wrap_lines(text: str, width: int) -> list[str]:
    """``text`` as lines of at most ``width`` cells (see :func:`line_breaks`), trailing spaces cut."""
    starts = [0, *line_breaks(text, width)]
    ends = [*starts[1:], len(text)]
    return [text[a:b].rstrip() for a, b in zip(starts, ends)]
