"""A generator of hostile corpora: awkward-but-valid files and bad ones.

``make_corpus(folder)`` writes a folder of files and returns a ``Manifest``
that says, for every file, whether newsdesk must index it (and a phrase its
text must contain, proving it was decoded right) or must skip it with a
one-line reason.
"""

from __future__ import annotations

import json
import os
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

GERMAN = (
    "Die Bürgermeisterin von Köln äußerte sich am Montag über die Straßenbahn. "
    "Größere Änderungen seien für das Frühjahr geplant, sagte sie in einem Gespräch."
)
CP1252_ONLY = "„Wir müssen jetzt handeln“ – sagte der Minister; die Kosten: 5 € pro Kopf."


@dataclass
class Manifest:
    good: dict[str, str] = field(default_factory=dict)  # file name -> phrase its text must contain
    bad: set[str] = field(default_factory=set)  # file names that must be skipped
    special: set[str] = field(default_factory=set)  # not regular files (links, loops): must not hang

    @property
    def n_inputs(self) -> int:
        return len(self.good) + len(self.bad) + len(self.special)


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def article(body: str, date: str | None = "2025-10-21") -> str:
    head = f" date {date} " if date else ""
    return head + body + "\n\nZweiter Absatz mit weiteren Angaben über den Vorgang in Berlin.\n"


def make_awkward_valid(folder: Path, m: Manifest) -> None:
    text = article(GERMAN)
    for name, data in {
        "latin1.txt": text.encode("latin-1"),
        "cp1252.txt": article(CP1252_ONLY).encode("cp1252"),
        "utf8-bom.txt": b"\xef\xbb\xbf" + text.encode("utf-8"),
        "utf16-le-bom.txt": text.encode("utf-16"),
        "utf16-be-bom.txt": b"\xfe\xff" + text.encode("utf-16-be"),
        "utf16-le-nobom.txt": text.encode("utf-16-le"),
        "utf16-be-nobom.txt": text.encode("utf-16-be"),
    }.items():
        _write(folder, name, data)
        m.good[name] = "Bürgermeisterin von Köln" if "cp1252" not in name else "„Wir müssen jetzt handeln“ – sagte"
    m.good["cp1252.txt"] = "„Wir müssen jetzt handeln“ – sagte der Minister; die Kosten: 5 € pro Kopf."

    _write(folder, "decomposed.txt", unicodedata.normalize("NFD", text).encode("utf-8"))
    m.good["decomposed.txt"] = "Bürgermeisterin von Köln"  # must come out NFC
    _write(folder, "soft-hyphens.txt", article("Die Bürger\u00admeisterin sprach über Straßen\u00adbahnen in Köln.").encode())
    m.good["soft-hyphens.txt"] = "Die Bürgermeisterin sprach über Straßenbahnen"
    _write(folder, "no-date.txt", ("Ein Artikel ohne Datumszeile. " + GERMAN).encode())
    m.good["no-date.txt"] = "Ein Artikel ohne Datumszeile."
    _write(folder, "impossible-date.txt", article("Ein Artikel mit unmöglichem Datum.", date="2025-13-45").encode())
    m.good["impossible-date.txt"] = "Ein Artikel mit unmöglichem Datum."  # date unknown, with a warning
    for name in ("name with spaces.txt", "Überschrift für Straße.txt", "line\nbreak.txt"):
        try:
            _write(folder, name, article(f"Datei {name!r} wird gelesen. " + GERMAN).encode())
        except OSError:  # a file system that refuses the name
            continue
        m.good[name] = "wird gelesen."
    lines = [json.dumps({"id": f"ok-{i}", "title": f"Meldung {i}", "date": "2025-10-2%d" % i, "text": GERMAN}) for i in range(3)]
    lines.insert(1, '{"id": "broken", "text": "unterminated')
    _write(folder, "partly-broken.jsonl", ("\n".join(lines) + "\n").encode())
    m.good["partly-broken.jsonl"] = "Bürgermeisterin von Köln"  # the good lines are read, the broken one is skipped


def make_hostile_text(folder: Path, m: Manifest) -> None:
    hostile = (
        "Markup [bold red]rot[/bold red] und [link=https://evil.example]klick[/link] bleiben Text. "
        "ANSI \x1b[31mrot\x1b[0m und OSC \x1b]8;;https://evil.example\x07Link\x1b]8;;\x07 und Titel \x1b]0;pwned\x07 weg. "
        "Bidi \u202eesrever\u202c und \u2066isoliert\u2069. "
        + "Langwort" * 2000 + ". "
        "Angela Merkel trifft Emmanuel Macron in Paris."
    )
    _write(folder, "hostile-text.txt", article(hostile).encode())
    m.good["hostile-text.txt"] = "Markup [bold red]rot[/bold red] und [link=https://evil.example]klick[/link] bleiben Text."


def make_bad(folder: Path, m: Manifest, big_mb: int = 50) -> None:
    bad = {
        "binary.txt": bytes(range(256)) * 64,
        "png-as-text.txt": b"\x89PNG\r\n\x1a\n" + os.urandom(4096),
        "truncated-utf8.txt": article(GERMAN).encode("utf-8") + "Straße".encode("utf-8")[:-1] + b"\xc3",
        "empty.txt": b"",
        "whitespace.txt": b"   \n\n\t  \n",
        "nul-bytes.txt": b"Ein Text\x00mit\x00NUL\x00Bytes\x00" * 50,
        "broken.json": b'{"title": "Kaputt", "text": "Anf',
        "nested.json": b"[" * 100_000 + b"]" * 100_000,
        "no-text.json": json.dumps({"title": "Ohne Text"}).encode(),
    }
    for name, data in bad.items():
        _write(folder, name, data)
        m.bad.add(name)
    with open(folder / "huge-line.txt", "wb") as f:  # one line, larger than the 20 MB limit
        chunk = ("Wort " * 200_000).encode()
        for _ in range(big_mb * 1_000_000 // len(chunk) + 1):
            f.write(chunk)
    m.bad.add("huge-line.txt")
    locked = _write(folder, "unreadable.txt", article(GERMAN).encode())
    locked.chmod(0)
    if os.geteuid() != 0:  # root reads anything: then it is an ordinary good file
        m.bad.add("unreadable.txt")
    else:
        m.good["unreadable.txt"] = "Bürgermeisterin von Köln"


def make_links(folder: Path, m: Manifest) -> None:
    loop = folder / "loop"
    loop.mkdir()
    (loop / "self").symlink_to(loop, target_is_directory=True)
    (folder / "dangling.txt").symlink_to(folder / "does-not-exist.txt")
    m.special.update({"loop", "dangling.txt"})


def make_corpus(folder: Path, big_mb: int = 50) -> Manifest:
    folder.mkdir(parents=True, exist_ok=True)
    m = Manifest()
    make_awkward_valid(folder, m)
    make_hostile_text(folder, m)
    make_bad(folder, m, big_mb=big_mb)
    make_links(folder, m)
    return m
