"""Test corpora for the benchmarks in this folder: the bundled seed articles and synthetic German news.

Seed articles (``seeds/*.txt``, in file-name order):

- ``seed_articles()``: ``(text, date)`` of each file as newsdesk's ingest reads it;
- ``shuffled_seed_articles(count)``: ``count`` variations of the seeds, each with the
  paragraphs of a seed in a shuffled order (fixed random seed).

Synthetic articles, deterministic: one ``random.Random(seed)`` draws, article by
article, the date, the paragraphs and the title, in a given style:

- ``NEWS``: sentences of news prose about well-known politicians and invented
  people, with places and topic nouns drawn with Zipf-like weights so that
  document frequencies look like real news (dates in 2024-2025);
- ``KNOWN_NAMES``: word-list text with names from small fixed pools (``NAME_LABELS``)
  and dates written "am D. M. YYYY" (``KNOWN_DATE``), for a cheap stand-in analyzer
  that knows only those (dates in 2015-2024).

``synthetic_articles()`` yields them; ``write_corpus()`` writes them as seed-format
``.txt`` files, ``synthetic_records()`` as JSON records the way ingest reads them.

The scripts (run as ``python bench/X.py``) put the repository root on ``sys.path``
and import this module as ``bench.corpus``.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

# --- seed articles -------------------------------------------------------------------------------

def articles_in(paths) -> list[tuple[str, dt.date | None]]:
    """(text, date) of each article in ``paths``, read by newsdesk's own ingest (``index.ingest.read_paths``)."""
    from newsdesk.index.ingest import Skipped, read_paths

    return [(a.text, a.date) for a in read_paths(list(paths)) if not isinstance(a, Skipped)]


def seed_articles() -> list[tuple[str, dt.date | None]]:
    """(text, date) of each seed file."""
    return articles_in(sorted(SEEDS.glob("*.txt")))


def paragraphs(text: str) -> list[str]:
    """The paragraphs of ``text``: the blocks between blank lines, stripped, empty ones left out."""
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def shuffled_seed_articles(count: int, seed: int = 20251021) -> list[tuple[str, dt.date | None]]:
    """``count`` (text, date) articles: the seeds in turn, each with its paragraphs in a shuffled order.

    Paragraphs are joined by one blank line.
    """
    rng = random.Random(seed)
    seeds = [(paragraphs(text), date) for text, date in seed_articles()]
    items = []
    for n in range(count):
        parts, date = seeds[n % len(seeds)]
        parts = list(parts)
        rng.shuffle(parts)
        items.append(("\n\n".join(parts), date))
    return items


# --- synthetic articles --------------------------------------------------------------------------


@dataclass(frozen=True)
class SyntheticArticle:
    date: dt.date
    title: str
    paragraphs: list[str]


@dataclass(frozen=True)
class Style:
    """How synthetic articles are written: their dates, paragraphs and title.

    The date is ``start`` plus a random number of days below ``days``; ``paragraphs`` gets
    the generator and the article's date, ``title`` the generator (called in that order).
    """

    start: dt.date
    days: int
    paragraphs: Callable[[random.Random, dt.date], list[str]]
    title: Callable[[random.Random], str]


# --- the NEWS style: news prose ------------------------------------------------------------------

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


def _news_paragraphs(rng: random.Random, date: dt.date) -> list[str]:
    return [" ".join(sentence(rng) for _ in range(rng.randint(2, 5))) for _ in range(rng.randint(2, 5))]


def _news_title(rng: random.Random) -> str:
    return sentence(rng).rstrip(".")


NEWS = Style(dt.date(2024, 1, 1), 700, _news_paragraphs, _news_title)


# --- the KNOWN_NAMES style: word lists with known names and dates --------------------------------

FILLER_WORDS = (
    "Regierung Gipfel Treffen Minister Parlament Wahl Haushalt Reform Gespräch Krise Energie Preis "
    "Markt Bericht Entscheidung Vertrag Verhandlung Sicherheit Grenze Wirtschaft Bildung Gesundheit "
    "Klima Verkehr Bahn Stadt Land Bürger Opposition Koalition Kanzler Präsident Sprecher Zeitung "
    "Woche Monat Jahr heute morgen gestern sagte erklärte kündigte an forderte warnte plant soll wird "
    "die der das und mit für von nach über im am zum zur nicht auch noch bereits"
).split()
KNOWN_PEOPLE = ["Anna Berger", "Jonas Huber", "Maria Gruber", "Felix Wagner", "Laura Bauer", "Paul Steiner",
                "Sophie Moser", "Lukas Hofer", "Emma Pichler", "David Leitner"]
KNOWN_PLACES = ["Wien", "Graz", "Linz", "Salzburg", "Innsbruck", "Berlin", "München", "Budapest", "Prag", "Zürich"]
KNOWN_ORGS = ["EU-Kommission", "Nato", "Stadtrat", "Bundesrat", "Nationalbank", "Rechnungshof", "Gewerkschaft"]
KNOWN_MISC = ["Eurovision Song Contest", "Nord Stream", "Champions League", "Klimagipfel"]
# (name, entity label) of every name the KNOWN_NAMES style inserts.
NAME_LABELS = [(name, label) for label, pool in (("PER", KNOWN_PEOPLE), ("LOC", KNOWN_PLACES),
                                                  ("ORG", KNOWN_ORGS), ("MISC", KNOWN_MISC))
               for name in pool]
# The dates the KNOWN_NAMES style writes: "am D. M. YYYY" (day, month, year).
KNOWN_DATE = re.compile(r"am (\d{1,2})\. (\d{1,2})\. (\d{4})")


def _known_names_paragraphs(rng: random.Random, date: dt.date) -> list[str]:
    """3-6 paragraphs of 25-45 filler words, each with three names and a date near ``date`` inserted.

    Each paragraph starts upper-case; the names keep their spelling.
    """
    paragraphs = []
    for _ in range(rng.randint(3, 6)):
        words = [rng.choice(FILLER_WORDS) for _ in range(rng.randint(25, 45))]
        for _ in range(3):
            pool = rng.choice([KNOWN_PEOPLE, KNOWN_PLACES, KNOWN_ORGS, KNOWN_MISC])
            words.insert(rng.randrange(len(words)), rng.choice(pool))
        day = date + dt.timedelta(days=rng.randint(-30, 60))
        words.insert(rng.randrange(len(words)), f"am {day.day}. {day.month}. {day.year}")
        text = " ".join(words)
        paragraphs.append(text[:1].upper() + text[1:] + ".")
    return paragraphs


def _known_names_title(rng: random.Random) -> str:
    return " ".join(rng.choice(FILLER_WORDS) for _ in range(rng.randint(4, 9))).capitalize()


KNOWN_NAMES = Style(dt.date(2015, 1, 1), 3650, _known_names_paragraphs, _known_names_title)


# --- generating synthetic articles ---------------------------------------------------------------


def synthetic_articles(n: int, seed: int = 7, style: Style = NEWS) -> Iterator[SyntheticArticle]:
    """``n`` articles in ``style``, the same for the same ``seed``."""
    rng = random.Random(seed)
    for _ in range(n):
        date = style.start + dt.timedelta(days=rng.randrange(style.days))
        body = style.paragraphs(rng, date)
        title = style.title(rng)
        yield SyntheticArticle(date, title, body)


def write_corpus(root: Path, n: int, seed: int = 7, style: Style = NEWS) -> int:
    """``n`` article files under ``root`` (100 a folder); returns the number of words.

    Each file: a ``date YYYY-MM-DD`` line, the title line, a blank line, then the
    paragraphs separated by blank lines.
    """
    words = 0
    for i, article in enumerate(synthetic_articles(n, seed, style)):
        folder = root / f"{i // 100:04d}"
        folder.mkdir(parents=True, exist_ok=True)
        text = f"date {article.date.isoformat()}\n{article.title}\n\n" + "\n\n".join(article.paragraphs) + "\n"
        words += len(re.findall(r"\w+", text))
        (folder / f"article_{i:06d}.txt").write_text(text, encoding="utf-8")
    return words


def synthetic_records(n: int, seed: int = 7, style: Style = KNOWN_NAMES) -> Iterator[dict]:
    """Article records (JSON objects as ingest reads them)."""
    for i, article in enumerate(synthetic_articles(n, seed, style)):
        yield {
            "id": f"syn-{i:06d}",
            "title": article.title,
            "date": article.date.isoformat(),
            "source": "Benchmark-Zeitung",
            "paragraphs": article.paragraphs,
        }
