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
