"""Turning a file's bytes into text: encoding detection and binary rejection.

The order is strict and predictable, so German text comes out right:

1. a byte order mark (UTF-8, UTF-32 LE/BE, UTF-16 LE/BE);
2. strict UTF-8 (ASCII included);
3. UTF-16 without a BOM, recognised by its NUL-byte pattern (ASCII and
   Latin-1 letters have a zero high byte, so every second byte is NUL);
4. binary data is rejected here: NUL bytes, known file signatures, many
   control characters;
5. text that is *almost* UTF-8 (valid multi-byte sequences plus a few broken
   ones) is rejected as broken UTF-8 rather than turned into mojibake;
6. cp1252 (a superset of Latin-1 for printable text: „ “ – € …) when the
   result looks like Western text, otherwise charset-normalizer's guess,
   and finally Latin-1.

Any failure raises :class:`DecodeError` with a short, human reason.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

SAMPLE = 65_536  # bytes looked at by the heuristics


class DecodeError(ValueError):
    """The bytes are not text newsdesk can read; ``str(error)`` is the reason."""


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_SIGNATURES = (
    (b"%PDF", "PDF document"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"PK\x03\x04", "ZIP archive (or Office document)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"\x7fELF", "executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Office document"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"RIFF", "media file"),
    (b"OggS", "media file"),
    (b"ID3", "MP3 audio"),
)

# a valid UTF-8 multi-byte sequence
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")
# control bytes that do not occur in text (tab, LF, FF, CR and ESC do: escapes are stripped later)
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")
_MAX_CONTROL_RATIO = 0.05


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding)``; raise :class:`DecodeError` if it is not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), encoding + " (BOM)"
            except UnicodeDecodeError as exc:
                raise DecodeError(f"invalid {encoding} after its byte order mark (byte {exc.start + len(bom)})") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    else:
        _reject_control_text(data)
        return text, "utf-8"

    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16

    _reject_control_text(data)
    _reject_broken_utf8(data, utf8_error)
    return _decode_8bit(data)


def utf16_byte_order(sample: bytes) -> str | None:
    """Return "utf-16-le" or "utf-16-be" when ``sample`` has UTF-16's NUL-byte pattern (no BOM needed), else None.

    Latin text in UTF-16 has a zero high byte in most code units, and hardly
    any zero low byte.
    """
    sample = sample[: SAMPLE - SAMPLE % 2]
    pairs = len(sample) // 2
    if pairs < 4 or b"\x00" not in sample:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    if odd_nuls >= 0.3 * pairs and even_nuls <= 0.02 * pairs:
        return "utf-16-le"
    if even_nuls >= 0.3 * pairs and odd_nuls <= 0.02 * pairs:
        return "utf-16-be"
    return None


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    encoding = utf16_byte_order(data[:SAMPLE])
    if encoding is None:
        return None
    try:
        text = data[: len(data) - len(data) % 2].decode(encoding)
    except UnicodeDecodeError:
        return None
    if len(data) % 2:
        raise DecodeError(f"truncated {encoding} (odd number of bytes)")
    if _control_ratio(text) > _MAX_CONTROL_RATIO:
        return None
    return text, encoding + " (no BOM)"


def _control_ratio(text: str) -> float:
    sample = text[:SAMPLE]
    if not sample:
        return 0.0
    controls = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\x0c\x1b")
    return controls / len(sample)


def reject_binary(sample: bytes) -> None:
    """Raise :class:`DecodeError` if ``sample`` (the start of a file) is binary data, not text."""
    _reject_control_text(sample)


def _reject_control_text(data: bytes) -> None:
    sample = data[:SAMPLE]
    for signature, kind in _SIGNATURES:
        if sample.startswith(signature):
            raise DecodeError(f"binary file ({kind}), not text")
    if b"\x00" in sample:
        raise DecodeError("binary file (contains NUL bytes), not text")
    if sample and len(_CONTROL_BYTES.findall(sample)) / len(sample) > _MAX_CONTROL_RATIO:
        raise DecodeError("binary file (too many control characters), not text")


def _reject_broken_utf8(data: bytes, error: UnicodeDecodeError) -> None:
    valid = len(_UTF8_MULTIBYTE.findall(data))
    if not valid:
        return
    high = len(_HIGH_BYTE.findall(data))
    stray = high - sum(len(m) for m in _UTF8_MULTIBYTE.findall(data))
    # mostly well-formed UTF-8 with a few broken sequences: damaged UTF-8, not a legacy encoding
    if valid >= stray:
        raise DecodeError(f"invalid UTF-8 (byte {error.start}: {error.reason})")


# non-ASCII characters of Western (German, French, ...) text: Latin letters and typographic punctuation
_WESTERN = set(
    "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝßàáâãäåæçèéêëìíîïñòóôõöøùúûüýÿŒœŠšŽžŸ"
    "€„“”‚‘’–—…«»‹›·°§©®™£\u00a0"
)
_LATIN_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿŒœŠšŽžŸ]+")


def _looks_western(text: str) -> bool:
    """Text decoded from an 8-bit code page reads like a Western language (not mojibake of another script)."""
    sample = text[:SAMPLE]
    high = [ch for ch in sample if ord(ch) > 127 and not 0x80 <= ord(ch) <= 0x9F]
    if not high:
        return True
    if sum(ch in _WESTERN for ch in high) < 0.8 * len(high):
        return False
    # Cyrillic or Greek read as cp1252 gives words made mostly of accented letters ("Ïðåçèäåíò")
    accented = [w for w in _LATIN_WORD.findall(sample) if any(ord(c) > 127 for c in w)]
    heavy = sum(1 for w in accented if len(w) >= 4 and 2 * sum(ord(c) > 127 for c in w) > len(w))
    return heavy <= 0.25 * len(accented)


def _decode_8bit(data: bytes) -> tuple[str, str]:
    candidates = []
    for encoding in ("cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:  # cp1252 leaves five bytes undefined
            continue
        candidates.append((text, encoding))
        if _looks_western(text):
            return text, encoding
    guess = _charset_normalizer_guess(data)
    if guess is not None:
        return guess
    for text, encoding in candidates:
        if _looks_like_text(text):
            return text, encoding
    raise DecodeError("undecodable: not text in UTF-8, UTF-16, cp1252 or Latin-1")


def _charset_normalizer_guess(data: bytes) -> tuple[str, str] | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - it is a dependency
        return None
    best = from_bytes(data[:SAMPLE]).best()
    if best is None or best.chaos > 0.2:
        return None
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    return (text, best.encoding) if _looks_like_text(text) else None


def _looks_like_text(text: str) -> bool:
    """Most characters are letters, digits, spaces or ordinary punctuation."""
    sample = text[:SAMPLE]
    if not sample:
        return True
    good = sum(1 for ch in sample if ch.isalnum() or ch.isspace() or unicodedata.category(ch)[0] in "PZ")
    return good >= 0.85 * len(sample)
