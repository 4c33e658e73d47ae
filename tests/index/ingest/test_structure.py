from newsdesk.index.article import BODY, CAPTION, HEADING
from newsdesk.index.ingest.structure import (
    build_article,
    classify,
    derive_title,
    is_caption,
    is_standalone_heading,
    run_in_heading_length,
    shorten_title,
    split_sentences,
)

RUBIO = (
    "Vorbereitungstreffen zwischen Rubio und Lawrow Das Vorbereitungstreffen der beiden Außenminister gilt als "
    "zentraler Schritt hin zu einer Begegnung Trumps und Putins."
)
CNN = (
    "Differenzen über Beendigung des Krieges Auch der US-Nachrichtensender CNN berichtete von Zweifeln an einer "
    "baldigen Begegnung zwischen Trump und Putin."
)


def heading_of(paragraph):
    n = run_in_heading_length(paragraph)
    return paragraph[:n] if n else None


def test_run_in_headings_of_the_seed():
    assert heading_of(RUBIO) == "Vorbereitungstreffen zwischen Rubio und Lawrow"
    assert heading_of(CNN) == "Differenzen über Beendigung des Krieges"


def test_run_in_headings_with_adjectives_and_pronoun_openers():
    assert heading_of(
        "Neue Sanktionen gegen russische Ölkonzerne Die EU hat am Dienstag ein weiteres Sanktionspaket beschlossen."
    ) == "Neue Sanktionen gegen russische Ölkonzerne"
    assert heading_of("Selenskyj in Washington Er will Tomahawks kaufen und trifft Trump am Freitag.") == "Selenskyj in Washington"


def test_ordinary_sentences_have_no_run_in_heading():
    for paragraph in [
        "US-Präsident Donald Trump plant nach eigenen Angaben ein weiteres Treffen mit dem russischen Staatschef "
        "Wladimir Putin. Das schrieb der Republikaner nach einem Telefongespräch.",
        "Im Gespräch mit der Zeitung Die Welt sagte er, dass alles gut werde. Und mehr Text folgt hier.",
        "Bundeskanzler Friedrich Merz und Präsident Emmanuel Macron trafen sich am Montag in Paris. Die beiden sprachen.",
        "Laut Spiegel Die Zeit berichtet über die Verhandlungen und die Ergebnisse der Gespräche.",
        "Die Vereinten Nationen Die UN warnt vor einer Hungersnot in Gaza und fordert mehr Hilfe.",
        "Ukraine Die Lage an der Front bleibt angespannt, sagte ein Sprecher in Kiew am Montag.",
        "Trump und Putin hatten sich Mitte August im US-Bundesstaat Alaska getroffen. Das Treffen brachte nichts.",
        "Wir nutzen künstliche Intelligenz, um Zusammenfassungen unserer Artikel zu erstellen.",
        "Streit um Ende des Krieges Die Gespräche stocken.",  # the rest is too short to be sure
    ]:
        assert heading_of(paragraph) is None, paragraph


def test_standalone_headings():
    assert is_standalone_heading("Trump stellte Tomahawk-Lieferung an Kiew in Aussicht")
    assert is_standalone_heading("Treffen in Alaska brachte keine Fortschritte")
    assert is_standalone_heading("Wie geht es weiter?")
    assert not is_standalone_heading("Einen Zeitpunkt nannte er nicht.")
    assert not is_standalone_heading("dpa")
    assert not is_standalone_heading("und dann kam alles anders")
    assert not is_standalone_heading("Trump hatte bereits im September angekündigt, wieder mit Putin sprechen zu wollen 10.09.2025 | 0:21 min")
    assert not is_standalone_heading(" ".join(["Wort"] * 20))


def test_captions():
    assert is_caption("Zeigt sich nach dem Gespräch mit Wladimir Putin zufrieden: Donald Trump. (Archivbild) Quelle: AP")
    assert is_caption("Trump hatte bereits im September angekündigt, wieder mit Putin sprechen zu wollen 10.09.2025 | 0:21 min")
    assert is_caption(
        'Russlands Präsident Putin hat vor einer "völlig neuen Eskalation" gewarnt. Dies könne eintreffen. 03.10.2025 | 0:20 min'
    )
    assert is_caption("Der Kanzler am Montag in Berlin. Foto: picture alliance/dpa")
    assert is_caption("(dpa)") and is_caption("Mit Material von dpa und AFP")
    assert is_caption("Wir nutzen künstliche Intelligenz, um Zusammenfassungen unserer Artikel zu erstellen. Jeder Text wird vor der Veröffentlichung von einem Redakteur geprüft.")
    assert not is_caption("Der Kreml warnte die US-Regierung nachdrücklich vor einer solchen Lieferung.")
    assert not is_caption("Quelle der Unruhe sei die Lage im Osten, sagte der Minister am Montag in Berlin.")


def test_classify_marks_kinds_and_needs_text_after_a_heading():
    result = classify(["Erster Absatz mit Inhalt.", "Zwischentitel hier", "Text danach.", "Schlusszeile ohne Punkt"])
    assert [kind for _, kind, _ in result] == [BODY, HEADING, BODY, BODY]
    assert classify(["Text.", "Zwischentitel"], [None, HEADING])[1][1] == HEADING


def test_split_sentences_german():
    assert split_sentences("Der Gipfel könnte am 8. November stattfinden. Donald J. Trump sagt z.B. nichts. Das ist 2025. Neu!") == [
        "Der Gipfel könnte am 8. November stattfinden.",
        "Donald J. Trump sagt z.B. nichts.",
        "Das ist 2025.",
        "Neu!",
    ]
    assert split_sentences('"Es sind noch viele Hausaufgaben zu erledigen." Peskow sagte das.') == [
        '"Es sind noch viele Hausaufgaben zu erledigen."',
        "Peskow sagte das.",
    ]


def test_shorten_title():
    assert shorten_title("Kurzer Titel.") == "Kurzer Titel."
    long = "Ein " + "sehr " * 30 + "langer Titel."
    short = shorten_title(long)
    assert len(short) <= 80 and short.endswith("sehr…") and " " not in short[-2:]
    assert shorten_title("A" * 200) == "A" * 79 + "…"


def test_title_skips_boilerplate_and_captions():
    classified = classify([
        "Wir nutzen künstliche Intelligenz, um Zusammenfassungen unserer Artikel zu erstellen.",
        "Lesen Sie auch: Was der Gipfel bringt. Der Kanzler reist nach Paris. Dort trifft er Macron.",
    ])
    assert classified[0][1] == CAPTION
    assert derive_title(classified) == "Der Kanzler reist nach Paris."


def test_title_from_run_in_heading_when_nothing_else():
    assert derive_title([(RUBIO, BODY, 46)]) == "Vorbereitungstreffen zwischen Rubio und Lawrow"


def test_build_article_offsets_and_first_line_title():
    article = build_article(
        id="x", source="s.txt", paragraphs=["Gipfel in Budapest", "Erster  Absatz.\nMit Umbruch.", RUBIO],
        title_from_first_line=True,
    )
    assert article.title == "Gipfel in Budapest"
    assert article.paragraph_texts()[0] == "Erster Absatz. Mit Umbruch."
    p = article.paragraphs[1]
    assert article.text[p.start : p.heading_end] == "Vorbereitungstreffen zwischen Rubio und Lawrow"
    assert article.text[p.heading_end + 1 :].startswith("Das Vorbereitungstreffen")
    assert build_article(id="x", source="s", paragraphs=["  ", ""]) is None
    assert len(build_article(id="x", source="s", paragraphs=["Text."], title="Wort " * 100).title) <= 200


def test_a_dateline_is_not_the_title():
    from newsdesk.index.ingest.structure import build_article

    for text, title in [
        ("BOZEN. Die Kabarettistin Barbara Balldini kommt wieder nach Südtirol.", "Die Kabarettistin Barbara Balldini kommt wieder nach Südtirol."),
        ("Meran (ki). Der Gemeinderat hat gestern den Haushalt genehmigt.", "Der Gemeinderat hat gestern den Haushalt genehmigt."),
        ("Bozen . Der Landtag tagt am Montag.", "Der Landtag tagt am Montag."),
        ("Eppan. Die Feuerwehr rückte aus.", "Die Feuerwehr rückte aus."),
        ("WIEN/BOZEN. Vor 50 Jahren brachte Kreisky die Südtirolfrage vor die UNO.", "Vor 50 Jahren brachte Kreisky die Südtirolfrage vor die UNO."),
    ]:
        article = build_article(id="a", source="s", paragraphs=[text, "Mehr Text folgt hier."])
        assert article.title == title


def test_a_short_sentence_is_not_taken_for_a_dateline():
    from newsdesk.index.ingest.structure import build_article

    article = build_article(id="a", source="s", paragraphs=["Erster Absatz.", "Zweiter Absatz."])
    assert article.title == "Erster Absatz."
