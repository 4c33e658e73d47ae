import unicodedata

from newsdesk.index.ingest.normalise import clean_inline, clean_text, collapse_whitespace, split_blocks


def test_nfc_composes_decomposed_umlauts():
    decomposed = unicodedata.normalize("NFD", "Bürgermeisterin Köln Straße")
    assert decomposed != "Bürgermeisterin Köln Straße"
    assert clean_text(decomposed) == "Bürgermeisterin Köln Straße"


def test_soft_hyphens_and_zero_width_characters_removed():
    assert clean_text("Bürger\u00admeisterin Stra\u200bßen\u200dbahn\ufeff\u2060") == "Bürgermeisterin Straßenbahn"


def test_bidi_controls_removed():
    assert clean_text("Bidi \u202eesrever\u202c und \u2066isoliert\u2069 \u202a\u202b\u202d\u2067\u2068.") == "Bidi esrever und isoliert ."


def test_ansi_and_osc_sequences_removed_entirely():
    text = "ANSI \x1b[31mrot\x1b[0m und \x1b[1;38;5;196mfett\x1b[m, OSC \x1b]8;;https://evil.example\x07Link\x1b]8;;\x07 und Titel \x1b]0;pwned\x07 weg"
    assert clean_text(text) == "ANSI rot und fett, OSC Link und Titel  weg"
    # OSC terminated by ST (ESC \), a C1 CSI, and a two-byte escape
    assert clean_text("a\x1b]2;titel\x1b\\b \x9bc\x1bcd") == "ab cd"
    assert "pwned" not in clean_text("x\x1b]0;pwned\x07y") and "\x1b" not in clean_text("\x1b[31m\x1b")


def test_control_characters_removed_tabs_and_line_ends_converted():
    assert clean_text("a\x00b\x07c\x7fd\x85e\x9ff") == "abcd\nef"
    assert clean_text("Zeile 1\r\nZeile 2\rZeile 3\tmit Tab") == "Zeile 1\nZeile 2\nZeile 3 mit Tab"


def test_markup_is_kept_literally():
    text = "Markup [bold red]rot[/bold red] und [link=https://evil.example]klick[/link] bleiben Text."
    assert clean_text(text) == text


def test_collapse_and_blocks():
    assert collapse_whitespace("  a \n b\u00a0\u2003c  ") == "a b c"
    assert split_blocks("Eins\nzwei\n\n \n\nDrei\n  \nVier") == ["Eins\nzwei", "Drei", "Vier"]
    assert clean_inline("  Titel\n\x1b[1mfett\x1b[0m ") == "Titel fett"
    assert clean_inline(None) == ""
