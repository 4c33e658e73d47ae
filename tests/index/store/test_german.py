from newsdesk.index.store.german import fold, german_analyzer


def terms(text: str) -> list[str]:
    return [t.text for t in german_analyzer()(text)]


def test_inflected_forms_share_a_term_both_ways():
    assert terms("Gespräche") == terms("Gespräch")
    assert terms("Gespräch") == terms("Gespräche")
    assert terms("Russlands") == terms("Russland")


def test_umlauts_and_sharp_s_fold():
    assert terms("Straße") == terms("Strasse")
    assert terms("Strasse") == terms("Straße")
    assert terms("Gesprache") == terms("Gespräche")
    assert terms("Ärzte") == terms("Arzt")


def test_stop_words_are_dropped_and_different_words_differ():
    assert terms("die der und") == []
    assert terms("Haus") != terms("Maus")


def test_fold():
    assert fold("Straße") == "strasse"
    assert fold("Café Müller") == "cafe muller"


def test_ae_oe_ue_spellings_match_umlauts():
    assert terms("Muenchen") == terms("München") == terms("Munchen")
    assert terms("Oesterreich") == terms("Österreich")
    assert terms("Gespraeche") == terms("Gespräche")
    assert terms("Uebersee") == terms("Übersee")


def test_ue_after_a_vowel_or_q_stays():
    # neue, Steuer, Bauer, Quelle are written with a real "ue"
    assert fold("neue") == "neue"
    assert fold("Steuer") == "steuer"
    assert fold("Bauer") == "bauer"
    assert fold("Quelle") == "quelle"
    assert terms("Bauer") != terms("Bar")


def test_the_search_stemmer_is_whooshs_and_leaves_the_package_whole():
    """german_words imports the German stemmer without the other languages'; Whoosh's package
    imported afterwards is whole and stems alike."""
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from newsdesk.index.store.german_words import index_term, stemmer\n"
        "words = ['Bundesregierungen', 'Gespräche', 'Häuser', 'schönsten', 'Verhandlungen']\n"
        "quick = [index_term(w) for w in words]\n"
        "alone = sorted(m for m in sys.modules if m.startswith('whoosh.lang.snowball'))\n"
        "from whoosh.lang import stemmer_for_language\n"
        "import whoosh.lang.snowball as package\n"
        "from newsdesk.index.store.german import german_analyzer\n"
        "full = [next(iter(german_analyzer()(w))).text for w in words]\n"
        "print(alone, len(package.classes) > 10, quick == full, stemmer()('verhandlungen') == "
        "stemmer_for_language('de')('verhandlungen'))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert out.stdout.split("]")[1].split() == ["True", "True", "True"], out.stderr[-2000:]
    assert out.stdout.startswith("['whoosh.lang.snowball.bases', 'whoosh.lang.snowball.german']")
