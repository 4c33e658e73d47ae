import codecs

import pytest

from newsdesk.index.ingest.decode import DecodeError, decode_bytes

GERMAN = "Die Bürgermeisterin von Köln äußerte sich über die Straßenbahn. Größere Änderungen für das Frühjahr."
CP1252 = "„Wir müssen jetzt handeln“ – sagte der Minister; die Kosten: 5 € pro Kopf."


@pytest.mark.parametrize(
    "data, encoding",
    [
        (GERMAN.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + GERMAN.encode("utf-8"), "utf-8 (BOM)"),
        (GERMAN.encode("utf-16"), "utf-16-le (BOM)"),
        (codecs.BOM_UTF16_BE + GERMAN.encode("utf-16-be"), "utf-16-be (BOM)"),
        (GERMAN.encode("utf-16-le"), "utf-16-le (no BOM)"),
        (GERMAN.encode("utf-16-be"), "utf-16-be (no BOM)"),
        (GERMAN.encode("utf-32"), "utf-32-le (BOM)"),
        (GERMAN.encode("latin-1"), "cp1252"),
    ],
)
def test_german_text_in_each_encoding(data, encoding):
    text, found = decode_bytes(data)
    assert text == GERMAN
    assert found == encoding


def test_cp1252_quotes_dash_and_euro():
    text, encoding = decode_bytes(CP1252.encode("cp1252"))
    assert text == CP1252 and encoding == "cp1252"


def test_latin1_bytes_cp1252_cannot_decode():
    # 0x81 is undefined in cp1252: Latin-1 still reads the umlauts right
    text, encoding = decode_bytes("Grüße aus Köln".encode("latin-1") + b" \x81")
    assert text.startswith("Grüße aus Köln")
    assert encoding == "latin-1"


def test_ascii_is_utf8():
    assert decode_bytes(b"plain ascii") == ("plain ascii", "utf-8")


@pytest.mark.parametrize(
    "data, reason",
    [
        (bytes(range(256)) * 64, "binary"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "PNG"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"Ein Text\x00mit\x00NUL\x00Bytes\x00" * 50, "NUL"),
        (b"\x01\x02\x03\x04text\x05\x06\x07\x08" * 100, "control"),
        (GERMAN.encode("utf-8") + "Straße".encode("utf-8")[:-1] + b"\xc3", "invalid UTF-8"),
    ],
)
def test_binary_and_broken_input_rejected(data, reason):
    with pytest.raises(DecodeError, match=reason):
        decode_bytes(data)


def test_high_bytes_without_meaning_are_undecodable():
    noise = bytes(b for b in range(0x80, 0x100) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)) * 40
    with pytest.raises(DecodeError):
        decode_bytes(noise)


def test_truncated_utf16_without_bom_rejected():
    with pytest.raises(DecodeError, match="truncated"):
        decode_bytes(GERMAN.encode("utf-16-le") + b"\x41")


def test_other_code_pages_go_to_charset_normalizer():
    russian = "Президент России Владимир Путин заявил в понедельник, что переговоры с США продолжатся в Будапеште."
    greek = "Ο πρωθυπουργός της Ελλάδας δήλωσε σήμερα ότι η κυβέρνηση θα στηρίξει την Ουκρανία."
    assert decode_bytes(russian.encode("cp1251")) == (russian, "cp1251")
    assert decode_bytes(greek.encode("cp1253"))[0] == greek


def test_french_names_in_latin1_stay_western():
    text = "Élysée-Palast: Macron empfängt Scholz. Café, Crème brûlée, été, Ça va."
    assert decode_bytes(text.encode("latin-1")) == (text, "cp1252")
