"""Where the bytes of an index go: per file kind, per field's terms, per stored form.

    python bench/index_size.py INDEX_DIR [INPUT_FILE]

Prints the bytes of each kind of file of the Whoosh folder (term dictionary ``.trm``,
postings ``.pst``, postings arrays, columns, stored records), the term dictionary split by
field (terms, bytes of key and term info, and the hash table's share), the stored record
split into article metadata, entities and temporal expressions (uncompressed JSON), and
the whole index against the input's size when ``INPUT_FILE`` is given.
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newsdesk.index.store import Store  # noqa: E402
from newsdesk.index.store.records import _unpack  # noqa: E402

# bytes the term table spends on an entry beside its key and value: its key/value lengths (8),
# 1.25 hash slots of 12 bytes (schema._TermTable), and its position in the ordered index (4)
HASH_ENTRY_BYTES = 8 + 15 + 4


def folder_bytes(index_dir: Path) -> int:
    return sum(p.stat().st_size for p in index_dir.rglob("*") if p.is_file())


def kind_of(name: str) -> str:
    if name.endswith(".bin") and ".ndpost_" in name:
        return "postings arrays " + name.split(".ndpost_")[1][: -len(".bin")]
    if name.endswith(".col"):
        return "column " + name.split(".", 1)[1][: -len(".col")]
    return name.rsplit(".", 1)[-1] if "." in name else name


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    index_dir = Path(argv[0])
    total = folder_bytes(index_dir)
    kinds: Counter[str] = Counter()
    for p in index_dir.rglob("*"):
        if p.is_file():
            kinds[kind_of(p.name) if p.parent.name == "whoosh" else p.name] += p.stat().st_size
    print(f"index {total:,} bytes")
    if len(argv) > 1:
        size = os.path.getsize(argv[1])
        print(f"input {size:,} bytes; index / input {total / size:.2f}x")
    print("\nfiles by kind")
    for kind, n in kinds.most_common():
        print(f"  {kind:34s} {n:>11,}  {n / total:6.1%}")

    store = Store.open(index_dir)
    terms: Counter[str] = Counter()
    tbytes: Counter[str] = Counter()
    record_parts: defaultdict[str, int] = defaultdict(int)
    for seg, _offset in store._leaves:
        reader = seg._terms
        unmap = reader._fieldunmap
        for key, value in reader._tindex.items():
            field = unmap[int.from_bytes(key[:2], "big")]
            terms[field] += 1
            tbytes[field] += len(key) + len(value) + HASH_ENTRY_BYTES
        records = seg.column_reader("record")
        for n in range(seg.doc_count_all()):
            record = _unpack(records[n])
            for part, value in record.items():
                record_parts[part] += len(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode())
    print("\nterm dictionary by field (estimated from its entries)")
    for field, n in tbytes.most_common():
        print(f"  {field:12s} {terms[field]:>8,} terms {n:>11,} bytes  {n / max(1, terms[field]):5.0f} per term")
    print("\nstored record, uncompressed JSON by part")
    for part, n in sorted(record_parts.items(), key=lambda kv: -kv[1]):
        print(f"  {part:12s} {n:>11,}")
    store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
