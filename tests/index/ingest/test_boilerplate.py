import pytest

from newsdesk.index.ingest.boilerplate import is_boilerplate


@pytest.mark.parametrize(
    "sentence",
    [
        "Wir nutzen künstliche Intelligenz, um Zusammenfassungen unserer Artikel zu erstellen.",
        "Jeder Text wird vor der Veröffentlichung von einem Redakteur geprüft.",
        "Dieser Artikel wurde mit Hilfe von KI erstellt und von der Redaktion geprüft.",
        "Diese Zusammenfassung wurde automatisch erstellt.",
        "We use AI to create summaries of our articles.",
        "Wir verwenden Cookies, um Ihnen das beste Erlebnis zu bieten. Bitte akzeptieren Sie.",
        "Jetzt den kostenlosen Newsletter abonnieren!",
        "Lesen Sie auch: Was der Gipfel in Budapest bringen könnte",
        "Mehr zum Thema",
        "Das könnte Sie auch interessieren:",
        "Folgen Sie uns auf Instagram.",
        "© 2025 Beispielverlag GmbH",
        "Copyright 2025 Beispielverlag.",
        "Alle Rechte vorbehalten.",
        "Anzeige",
        "Bitte aktivieren Sie JavaScript in Ihrem Browser.",
    ],
)
def test_boilerplate(sentence):
    assert is_boilerplate(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Die EU will künstliche Intelligenz strenger regulieren.",
        "Der Konzern setzt KI in der Produktion ein, sagte der Vorstand.",
        "Trump will Russlands Staatschef Putin in Budapest treffen.",
        "Lesen lernen Kinder in Deutschland immer später, zeigt eine Studie.",
        "Der Verlag stellte seinen Newsletter im Jahr 2010 ein.",
        "© DPA Beim Umsatz profitierte Merck von der Entwicklung im größeren Pharmageschäft, während die Erlöse sanken.",
        "",
    ],
)
def test_news_is_not_boilerplate(sentence):
    assert not is_boilerplate(sentence)


def test_anchored_and_unanchored_patterns_give_what_each_pattern_gives():
    """The two alternations is_boilerplate scans with answer as the patterns one by one would."""
    from newsdesk.index.ingest.boilerplate import _PATTERNS

    sentences = [
        "Lesen Sie auch: Der Streik geht weiter", "Er sagte: Lesen Sie auch die Zeitung.",
        "© dpa", "Foto © dpa", "Alle Rechte vorbehalten.", "Wir akzeptieren Cookies und Einstellungen.",
        "Anzeige", "Keine Anzeige hier", "Jetzt abonnieren!", "Der Newsletter ist kostenlos erhalten",
        "Folgen Sie uns auf X", "Sie folgen uns", "Der Artikel wurde aktualisiert am Montag",
        "Bitte aktivieren Sie JavaScript.", "Der Bundestag stimmte am Freitag ab.", "",
    ]
    for s in sentences:
        expected = any(p.search(s) for p in _PATTERNS) if s.strip() else False
        assert is_boilerplate(s) == expected, s
