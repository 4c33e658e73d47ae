"""Index benchmark: build, re-index and search speed on a synthetic German corpus.

    python bench/index_bench.py [--articles 10000] [--analysed 300] [--queries 300]

Prints
1. the store alone: a full build of ``--articles`` files with the analysis
   left empty (articles/s, tokens/s: ingest + German analysis + Whoosh writing);
2. the full pipeline: a build of ``--analysed`` files with the real Analyzer
   (articles/s, tokens/s), and the analyzer's own share, timed separately;
3. a re-index with nothing changed (files/s; target >= 2,000), for both indexes
   (the real one includes loading the model to check the analysis signature);
4. search latency, median and p95 over ``--queries`` queries on the large
   index (target p95 < 20 ms at 10,000 articles), and list/events timings.

The corpus is generated (deterministic, seeded) into a temporary directory.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from index.annotations import Analysis  # noqa: E402
from index.store import Store, build_index  # noqa: E402

PEOPLE = ["Olaf Scholz", "Friedrich Merz", "Annalena Baerbock", "Wladimir Putin", "Donald Trump",
          "Emmanuel Macron", "Ursula von der Leyen", "Wolodymyr Selenskyj", "Karl Lauterbach",
          "Robert Habeck", "Christian Lindner", "Markus Söder", "Sahra Wagenknecht", "Boris Pistorius"]
PLACES = """Berlin München Hamburg Köln Wien Zürich Brüssel Paris Kiew Moskau Budapest Washington Frankfurt
Dresden Straßburg Düsseldorf Stuttgart Leipzig Hannover Nürnberg Bremen Essen Dortmund Bonn Mainz Kiel Rostock
Potsdam Magdeburg Erfurt Schwerin Saarbrücken Wiesbaden Freiburg Heidelberg Augsburg Regensburg Würzburg Ulm
Karlsruhe Mannheim Kassel Göttingen Münster Bielefeld Aachen Trier Koblenz Lübeck Flensburg Jena Weimar Halle
Chemnitz Zwickau Görlitz Cottbus Graz Linz Salzburg Innsbruck Bern Basel Genf Rom Mailand Madrid Lissabon
London Dublin Amsterdam Kopenhagen Stockholm Oslo Helsinki Warschau Prag Bratislava Athen Istanbul Ankara
Jerusalem Kairo Peking Tokio Neu-Delhi Ottawa Brasília Nairobi""".split()
PLACE_WEIGHTS = [1.0 / (i + 1) ** 0.9 for i in range(len(PLACES))]
ORGS = ["die Bundesregierung", "der Bundestag", "die Europäische Union", "die NATO", "der Kreml",
        "die Deutsche Bahn", "die Bundesbank", "die Vereinten Nationen", "das Weiße Haus", "die SPD",
        "die CDU", "die Grünen", "der Bundesrat", "die Gewerkschaft Verdi"]
VERBS = ["kündigte an", "kritisierte", "forderte", "bestätigte", "lehnte ab", "begrüßte", "warnte vor",
         "versprach", "verteidigte", "erklärte"]
TOPICS = ["die Gespräche über den Haushalt", "neue Sanktionen", "die Reform der Rente", "höhere Löhne",
          "den Ausbau der Straßen", "die Energiepreise", "einen Waffenstillstand", "die Migrationspolitik",
          "Investitionen in Schulen", "die Klimaziele", "den Streik der Lokführer", "die Inflation",
          "ein Treffen der Außenminister", "die Wahl im Frühjahr", "Gespräche mit Russland"]
WHEN = ["am Montag", "am Dienstag", "am Mittwoch", "am Donnerstag", "am Freitag", "am Wochenende",
        "in der vergangenen Woche", "im Januar", "im März", "Mitte Oktober", "Ende November", "im Sommer",
        "am 3. Oktober", "am 8. November", "im kommenden Jahr", "vor zwei Wochen", "seit Jahren"]
EXTRA = ["Das sei ein wichtiger Schritt, hieß es aus Regierungskreisen.",
         "Kritiker sprechen von einem Ablenkungsmanöver.",
         "Die Opposition zeigte sich enttäuscht über die Ergebnisse.",
         "Wie es weitergeht, ist noch offen.",
         "Experten rechnen mit weiteren Verzögerungen bei den Verhandlungen.",
         "Die Märkte reagierten zunächst gelassen auf die Nachrichten.",
         "Eine Entscheidung wird frühestens im Dezember erwartet."]


FIRST = ["Anna", "Thomas", "Julia", "Michael", "Sabine", "Stefan", "Katrin", "Andreas", "Petra", "Markus",
         "Claudia", "Jürgen", "Monika", "Frank", "Susanne", "Klaus", "Birgit", "Uwe", "Heike", "Jörg"]
LAST = ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
        "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann",
        "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Krause", "Meier", "Lehmann"]
# Nouns for topics, sampled with Zipf-like weights so that document frequencies look like real news.
NOUNS = """Haushalt Sanktionen Rente Löhne Straßen Energiepreise Waffenstillstand Migration Schulen Klimaziele
Streik Inflation Wahl Verhandlungen Märkte Bahn Krankenhäuser Pflege Mieten Wohnungsbau Grundsteuer Bürgergeld
Schuldenbremse Bundeswehr Munition Panzer Drohnen Flüchtlinge Grenze Asyl Abschiebungen Polizei Justiz Gericht
Urteil Verfassung Reform Digitalisierung Breitband Mobilfunk Datenschutz Cyberangriff Hacker Wirtschaft Export
Zölle Handel Autoindustrie Elektroautos Batterien Chips Stahl Chemie Landwirtschaft Bauern Dünger Wasser Dürre
Hochwasser Hitze Waldbrände Stürme Erdbeben Impfung Pandemie Medikamente Apotheken Ärzte Kliniken Universitäten
Forschung Studenten Lehrer Kitas Kinder Familien Senioren Renten Steuern Subventionen Förderung Kredite Zinsen
Banken Börse Aktien Anleihen Euro Dollar Gaspreise Ölpreis Strompreise Windkraft Solaranlagen Atomkraft Kohle
Heizungsgesetz Wärmepumpen Gebäude Sanierung Verkehr Autobahn Brücken Flughafen Luftfahrt Tourismus Gastronomie
Einzelhandel Lieferketten Fachkräfte Arbeitsmarkt Arbeitslosigkeit Mindestlohn Tarifvertrag Gewerkschaften
Koalition Opposition Haushaltsstreit Misstrauensvotum Neuwahlen Umfragen Parteitag Kandidaten Wahlkampf
Gipfel Diplomatie Botschafter Außenminister Verteidigung Sicherheit Terror Anschlag Ermittlungen Prozess
Korruption Skandal Rücktritt Nachfolger Ministerium Behörde Verwaltung Kommunen Länder Föderalismus Bildung
Kultur Theater Museen Festival Film Musik Literatur Sport Fußball Olympia Bundesliga Trainer Meisterschaft""".split()
WEIGHTS = [1.0 / (i + 1) ** 0.9 for i in range(len(NOUNS))]
TOPIC_FORMS = ["die Debatte über {n}", "neue Regeln für {n}", "die Kosten für {n}", "mehr Geld für {n}",
               "die Pläne zu {n}", "Kürzungen bei {n}", "den Streit um {n}", "einen Bericht über {n}"]


def person(rng: random.Random) -> str:
    if rng.random() < 0.3:
        return rng.choice(PEOPLE)
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def place(rng: random.Random) -> str:
    return rng.choices(PLACES, PLACE_WEIGHTS)[0]


def topic(rng: random.Random) -> str:
    if rng.random() < 0.2:
        return rng.choice(TOPICS)
    return rng.choice(TOPIC_FORMS).format(n=rng.choices(NOUNS, WEIGHTS)[0])


def sentence(rng: random.Random) -> str:
    kind = rng.random()
    who = person(rng)
    if kind < 0.4:
        return f"{who} {rng.choice(VERBS).split()[0]} {rng.choice(WHEN)} in {place(rng)} {topic(rng)}."
    if kind < 0.7:
        return (f"{rng.choice(ORGS).capitalize()} {rng.choice(VERBS).split()[0]} {rng.choice(WHEN)} "
                f"{topic(rng)}, sagte {who}.")
    if kind < 0.85:
        return f"In {place(rng)} trafen sich {who} und {person(rng)} {rng.choice(WHEN)}."
    return rng.choice(EXTRA)


def write_corpus(root: Path, n: int, seed: int = 7) -> int:
    """``n`` article files under ``root`` (100 a folder); returns the number of words."""
    rng = random.Random(seed)
    start = dt.date(2024, 1, 1)
    words = 0
    for i in range(n):
        folder = root / f"{i // 100:04d}"
        folder.mkdir(parents=True, exist_ok=True)
        date = start + dt.timedelta(days=rng.randrange(700))
        paragraphs = [" ".join(sentence(rng) for _ in range(rng.randint(2, 5))) for _ in range(rng.randint(2, 5))]
        title = sentence(rng).rstrip(".")
        text = f"date {date.isoformat()}\n{title}\n\n" + "\n\n".join(paragraphs) + "\n"
        words += len(re.findall(r"\w+", text))
        (folder / f"article_{i:06d}.txt").write_text(text, encoding="utf-8")
    return words


class EmptyAnalysis:
    """Analysis left empty: isolates the store's own cost (bench only)."""

    signature = "bench-empty-analysis"

    def analyze_many(self, items, batch_size: int = 32):
        for _ in items:
            yield Analysis()


class TimedAnalyzer:
    """Wraps the real analyzer and adds up the time spent inside it."""

    def __init__(self, analyzer):
        self.analyzer = analyzer
        self.seconds = 0.0

    @property
    def signature(self) -> str:
        return self.analyzer.signature

    def analyze_many(self, items, batch_size: int = 32):
        it = iter(self.analyzer.analyze_many(items, batch_size=batch_size))
        while True:
            t = time.perf_counter()
            try:
                result = next(it)
            except StopIteration:
                self.seconds += time.perf_counter() - t
                return
            self.seconds += time.perf_counter() - t
            yield result


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def queries(rng: random.Random, n: int) -> list[str]:
    words = NOUNS + [p.split()[-1] for p in PEOPLE] + PLACES
    forms = [
        lambda: rng.choice(words),
        lambda: f"{rng.choice(words)} {rng.choice(words)}",
        lambda: f"{rng.choice(words)} OR {rng.choice(words)}",
        lambda: f"{rng.choice(words)} NOT {rng.choice(words)}",
        lambda: f'"{rng.choice(TOPICS).split(" ", 1)[1]}"',
        lambda: f"{rng.choice(words)} date:2025-{rng.randint(1, 12):02d}",
        lambda: f"{rng.choice(words)} date:[2024-03-01 to 2024-09-30]",
        lambda: f"{rng.choice(words)[:4]}*",
    ]
    return [rng.choice(forms)() for _ in range(n)]


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--articles", type=int, default=10_000, help="articles of the large (store-only) index")
    p.add_argument("--analysed", type=int, default=300, help="articles built with the real analyzer (0: skip)")
    p.add_argument("--queries", type=int, default=300)
    p.add_argument("--model", default=None, help="spaCy pipeline for the real analyzer")
    args = p.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="newsdesk-bench-") as tmp:
        tmp = Path(tmp)
        corpus = tmp / "corpus"
        t = time.perf_counter()
        words = write_corpus(corpus, args.articles)
        print(f"corpus: {args.articles} articles, {words} words, generated in {time.perf_counter() - t:.1f} s")

        # 1. store alone
        ix = tmp / "ix-store"
        t = time.perf_counter()
        report = build_index([corpus], ix, analyzer=EmptyAnalysis())
        secs = time.perf_counter() - t
        print(f"full build, store only (analysis empty): {report.articles} articles in {secs:.1f} s = "
              f"{report.articles / secs:.0f} articles/s, {words / secs:.0f} tokens/s")

        # 3a. re-index, nothing changed
        t = time.perf_counter()
        report = build_index([corpus], ix, analyzer=EmptyAnalysis())
        secs = time.perf_counter() - t
        assert report.unchanged == args.articles and report.articles == 0, report
        print(f"re-index, nothing changed: {report.unchanged} files in {secs:.2f} s = "
              f"{report.unchanged / secs:.0f} files/s (target >= 2000)")

        # 4. search latency
        store = Store.open(ix)
        rng = random.Random(3)
        qs = queries(rng, args.queries)
        for q in qs[:20]:  # warm caches
            store.search(q)
        times, page_times, totals = [], [], []
        for q in qs:
            t = time.perf_counter()
            results = store.search(q, limit=50)
            times.append((time.perf_counter() - t) * 1000)
            for hit in results.hits[:20]:  # the snippets of a screenful of results
                hit.snippet
            page_times.append((time.perf_counter() - t) * 1000)
            totals.append(results.total)
        print(f"search over {store.article_count()} articles, {len(qs)} queries (limit 50): "
              f"median {statistics.median(times):.1f} ms, p95 {percentile(times, 0.95):.1f} ms, "
              f"max {max(times):.1f} ms (target p95 < 20 ms); median hits {statistics.median(totals):.0f}")
        few = [t for t, n in zip(times, totals) if n < 1000]
        many = [t for t, n in zip(times, totals) if n >= 1000]
        for label, group in (("< 1000 hits", few), (">= 1000 hits", many)):
            if group:
                print(f"  queries with {label}: {len(group)}, median {statistics.median(group):.1f} ms, "
                      f"p95 {percentile(group, 0.95):.1f} ms")
        print(f"search + 20 snippets: median {statistics.median(page_times):.1f} ms, "
              f"p95 {percentile(page_times, 0.95):.1f} ms, max {max(page_times):.1f} ms")
        store2 = Store.open(ix)
        t = time.perf_counter()
        store2.list_articles(0, 100)
        first = (time.perf_counter() - t) * 1000
        t = time.perf_counter()
        store2.list_articles(5000, 100)
        later = (time.perf_counter() - t) * 1000
        print(f"list_articles(…, 100): first call {first:.1f} ms (sorts), later page {later:.2f} ms")

        # 2. real analyzer
        if args.analysed > 0:
            try:
                from index.analysis.analyzer import Analyzer

                real = Analyzer(args.model)
                t = time.perf_counter()
                real.signature  # loads the model
                load = time.perf_counter() - t
            except Exception as exc:  # the model may be missing on this machine
                print(f"real analyzer unavailable: {exc}")
                return 0
            small = tmp / "corpus-small"
            small_words = write_corpus(small, args.analysed, seed=11)
            timed = TimedAnalyzer(real)
            ix2 = tmp / "ix-real"
            t = time.perf_counter()
            report = build_index([small], ix2, analyzer=timed)
            secs = time.perf_counter() - t
            print(f"model load {load:.1f} s; full build with the real analyzer: {report.articles} articles in "
                  f"{secs:.1f} s = {report.articles / secs:.1f} articles/s, {small_words / secs:.0f} tokens/s "
                  f"(analysis {timed.seconds:.1f} s = {100 * timed.seconds / secs:.0f} %, "
                  f"store {secs - timed.seconds:.1f} s)")
            t = time.perf_counter()
            report = build_index([small], ix2, analyzer=real)
            secs = time.perf_counter() - t
            print(f"re-index with the real analyzer, nothing changed: {report.unchanged} files in {secs:.2f} s "
                  f"(model already loaded)")
            store3 = Store.open(ix2)
            t = time.perf_counter()
            ev = store3.events()
            print(f"events(): {len(ev)} events of {store3.article_count()} articles in "
                  f"{(time.perf_counter() - t) * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
