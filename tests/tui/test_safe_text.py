from newsdesk.tui.safe_text import REPLACEMENT, clean, clean_line


def test_clean_replaces_escape_and_control_characters_keeping_length():
    raw = "a\x1b[31mred\x1b[0m\x07b\x9b2J\u202eevil\tc"
    out = clean(raw)
    assert len(out) == len(raw)
    assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out and "\u202e" not in out
    assert out.count(REPLACEMENT) == 5
    assert "\t" not in out and "[31mred" in out


def test_clean_keeps_newlines_but_clean_line_does_not():
    assert clean("a\nb") == "a\nb"
    assert clean_line("a\nb") == "a b"
