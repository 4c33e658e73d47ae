from pathlib import Path

import pytest
import spacy
from spacy.tokens import Span

from newsdesk.index.analysis.entities import canonical_key, extract_entities

SEEDS = Path(__file__).resolve().parents[3] / "seeds"
BUNDLED = Path(__file__).resolve().parents[3] / "index" / "models" / "de_newsdesk" / "config.cfg"


@pytest.mark.parametrize(
    "text,label,key",
    [
        ("Putins", "PER", "PER:Putin"),
        ("Trumps", "PER", "PER:Trump"),
        ("Wladimir Putins", "PER", "PER:Wladimir Putin"),
        ("Merkels", "PER", "PER:Merkel"),
        ("Russlands", "LOC", "LOC:Russland"),
        ("Deutschlands", "LOC", "LOC:Deutschland"),
        ("Kremls", "ORG", "ORG:Kreml"),
        ("Paris", "LOC", "LOC:Paris"),
        ("Texas", "LOC", "LOC:Texas"),
        ("Los Angeles", "LOC", "LOC:Los Angeles"),
        ("Hans", "PER", "PER:Hans"),
        ("Klaus", "PER", "PER:Klaus"),
        ("Hans'", "PER", "PER:Hans"),
        ("Siemens", "ORG", "ORG:Siemens"),
        ("Fox News", "ORG", "ORG:Fox News"),
        ("USA", "LOC", "LOC:USA"),
        ("„CNN“", "ORG", "ORG:CNN"),
        ('"Tagesschau",', "ORG", "ORG:Tagesschau"),
        ("Donald\n Trump", "PER", "PER:Donald Trump"),
        ("Vereinte Nationen", "ORG", "ORG:Vereinte Nationen"),
        ("Olympische Spiele", "MISC", "MISC:Olympische Spiele"),
    ],
)
def test_canonical_key(text, label, key):
    assert canonical_key(text, label) == key


def test_same_name_same_key_in_any_article():
    assert canonical_key("Putin", "PER") == canonical_key("Putins", "PER")
    assert canonical_key("Putin", "PER") != canonical_key("Putin", "LOC")


def _doc(words, ents):
    nlp = spacy.blank("de")
    doc = spacy.tokens.Doc(nlp.vocab, words=words)
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    return doc


def test_short_name_joins_full_name_before_and_after():
    doc = _doc(
        ["Putin", "traf", "Trump", ".", "Wladimir", "Putin", "und", "Donald", "Trump", "reden", ".", "Putins", "Plan"],
        [(0, 1, "PER"), (2, 3, "PER"), (4, 6, "PER"), (7, 9, "PER"), (11, 12, "PER")],
    )
    keys = [e.key for e in extract_entities(doc)]
    assert keys == ["PER:Wladimir Putin", "PER:Donald Trump", "PER:Wladimir Putin", "PER:Donald Trump", "PER:Wladimir Putin"]


def test_shared_surname_takes_nearest_full_name_before():
    doc = _doc(
        ["Donald", "Trump", "sagte", ".", "Melania", "Trump", "lachte", ".", "Trump", "ging"],
        [(0, 2, "PER"), (4, 6, "PER"), (8, 9, "PER")],
    )
    assert [e.key for e in extract_entities(doc)][-1] == "PER:Melania Trump"


def test_quotes_are_stripped_from_spans_and_offsets_point_into_text():
    doc = _doc(["Der", "Sender", "„", "CNN", "“", "meldete", "(", "dpa", ")"], [(2, 5, "ORG"), (6, 9, "ORG")])
    ents = extract_entities(doc)
    assert [(e.text, e.key) for e in ents] == [("CNN", "ORG:CNN"), ("dpa", "ORG:dpa")]
    for e in ents:
        assert doc.text[e.start:e.end] == e.text


def test_other_labels_are_mapped_or_dropped():
    doc = _doc(["Joe", "Biden", "in", "Ohio", "am", "Montag"], [(0, 2, "PERSON"), (3, 4, "GPE"), (5, 6, "DATE")])
    assert [(e.label, e.key) for e in extract_entities(doc)] == [("PER", "PER:Joe Biden"), ("LOC", "LOC:Ohio")]


def _seed_text(name: str) -> str:
    text = (SEEDS / name).read_text(encoding="utf-8")
    return text.split("\n", 1)[1] if text.lstrip().startswith("date ") else text


@pytest.mark.skipif(not BUNDLED.exists(), reason="bundled model not built")
@pytest.mark.parametrize(
    "seed,expected",
    [
        ("000_679100aab88e780d.txt", {("Donald Trump", "PER"), ("Sergej Lawrow", "PER"), ("Budapest", "LOC"), ("CNN", "ORG")}),
        ("003_983a0c29aa7f4384.txt", {("Donald Trump", "PER"), ("Budapest", "LOC"), ("Alaska", "LOC")}),
    ],
)
def test_seed_articles_with_bundled_model(seed, expected):
    from newsdesk.index.analysis.pipeline import load_pipeline

    ents = extract_entities(load_pipeline()(_seed_text(seed)))
    found = {(e.text, e.label) for e in ents}
    assert expected <= found
    keys = {e.key for e in ents}
    assert "PER:Donald Trump" in keys
    assert "PER:Trump" not in keys  # short mentions join the full name


def test_surname_alone_takes_person_label_and_genitive_joins_base_form():
    doc = _doc(
        ["Marco", "Rubio", "kam", ".", "Rubio", "sprach", ".", "Rubios", "Plan", "in", "Rom", "am", "August"],
        [(0, 2, "PER"), (4, 5, "LOC"), (7, 8, "PER"), (10, 11, "LOC"), (12, 13, "PER")],
    )
    assert [(e.text, e.label, e.key) for e in extract_entities(doc)] == [
        ("Marco Rubio", "PER", "PER:Marco Rubio"),
        ("Rubio", "PER", "PER:Marco Rubio"),
        ("Rubios", "PER", "PER:Marco Rubio"),
        ("Rom", "LOC", "LOC:Rom"),
    ]


def test_one_name_gets_its_majority_label_in_a_document():
    doc = _doc(["Nato", "und", "Nato", "und", "Nato"], [(0, 1, "ORG"), (2, 3, "LOC"), (4, 5, "ORG")])
    assert {e.key for e in extract_entities(doc)} == {"ORG:Nato"}


def _tagged(text: str):
    from .handmade import make_doc

    return make_doc(text)


def test_an_unknown_name_keeps_its_final_s_outside_genitive_position():
    doc = _tagged(
        "Tom/NE/PER Downs/NE/PER sagte/VVFIN in/APPR New/NE/LOC Orleans/NE/LOC ,/$, Michael/NE/PER "
        "Collins/NE/PER sei/VAFIN nach/APPR Weser-Ems/NE/LOC gereist/VVPP ./$."
    )
    assert [e.key for e in extract_entities(doc)] == [
        "PER:Tom Downs", "LOC:New Orleans", "PER:Michael Collins", "LOC:Weser-Ems",
    ]


def test_a_genitive_before_or_after_a_noun_loses_its_s():
    doc = _tagged("Putins/NE/PER Sprecher/NN lobte/VVFIN den/ART Süden/NN Mexikos/NE/LOC ./$.")
    assert [e.key for e in extract_entities(doc)] == ["PER:Putin", "LOC:Mexiko"]


def test_a_title_before_a_name_is_no_genitive_head():
    doc = _tagged("Trainer/NN Tom/NE/PER Downs/NE/PER lachte/VVFIN ./$.")
    assert [e.key for e in extract_entities(doc)] == ["PER:Tom Downs"]


def test_a_regnal_number_with_or_without_full_stop_is_one_key():
    assert canonical_key("Benedikt XVI.", "PER") == canonical_key("Benedikt XVI", "PER") == "PER:Benedikt XVI"
    assert canonical_key("Johannes Paul II.", "PER") == "PER:Johannes Paul II"


def test_a_tie_between_labels_goes_to_the_label_the_lexicon_knows():
    doc = _doc(["China", "kritisierte", "das", ".", "In", "China", "wurde", "protestiert"], [(0, 1, "PER"), (5, 6, "LOC")])
    assert [(e.label, e.key) for e in extract_entities(doc)] == [("LOC", "LOC:China"), ("LOC", "LOC:China")]


def test_a_lone_common_noun_is_no_person_or_place_unless_tagged_as_a_name():
    from newsdesk.index.analysis.entities import COMMON_NOUN, RULES

    doc = _tagged(
        "Der/ART Papst/NN/LOC reiste/VVFIN nach/APPR Castel/NE/LOC Gandolfo/NE/LOC ./$. || "
        "Der/ART Stürmer/NN/PER traf/VVFIN ,/$, die/ART Allianz/NN/ORG zahlte/VVFIN ./$. || "
        "Papst/NE/PER Franziskus/NE/PER sprach/VVFIN mit/APPR Papst/NE/PER ./$."
    )
    found = [(e.text, e.label) for e in extract_entities(doc)]
    # "Papst" (LOC, tagged NN) and "Stürmer" (PER, NN) go: the lexicon knows them only as nouns;
    # an organisation stays ("Allianz"), so do multi-word names and a lone noun the tagger reads as NE
    assert found == [("Castel Gandolfo", "LOC"), ("Allianz", "ORG"), ("Papst Franziskus", "PER"), ("Papst", "PER")]
    without = [(e.text, e.label) for e in extract_entities(doc, RULES - {COMMON_NOUN})]
    assert ("Papst", "LOC") in without and ("Stürmer", "PER") in without


def test_rules_can_be_switched_off_one_by_one():
    from newsdesk.index.analysis.entities import JOIN_SURNAMES, ONE_LABEL, RULES

    doc = _doc(
        ["Wladimir", "Putin", "kam", ".", "Putin", "und", "Nato", ",", "Nato", ",", "Nato"],
        [(0, 2, "PER"), (4, 5, "LOC"), (6, 7, "ORG"), (8, 9, "LOC"), (10, 11, "ORG")],
    )
    assert [e.key for e in extract_entities(doc)] == [
        "PER:Wladimir Putin", "PER:Wladimir Putin", "ORG:Nato", "ORG:Nato", "ORG:Nato"]
    assert [e.key for e in extract_entities(doc, RULES - {JOIN_SURNAMES})][1] == "LOC:Putin"
    assert [e.key for e in extract_entities(doc, RULES - {ONE_LABEL})][2:] == ["ORG:Nato", "LOC:Nato", "ORG:Nato"]


def test_a_person_von_a_place_on_a_way_from_it_is_the_person_and_the_place():
    # "zog Hannibal von Spanien aus": the model's one person "Hannibal von Spanien" is a man and a place
    doc = _doc(["Dann", "zog", "Hannibal", "von", "Spanien", "aus", "."], [(2, 5, "PER")])
    assert [e.key for e in extract_entities(doc)] == ["PER:Hannibal", "LOC:Spanien"]
    # a name "X von Y" stays one name
    doc = _doc(["Dann", "predigte", "Franz", "von", "Assisi", "den", "Vögeln", "."], [(2, 5, "PER")])
    assert [e.key for e in extract_entities(doc)] == ["PER:Franz von Assisi"]


def test_a_name_after_a_title_is_a_person_keyed_without_the_title():
    doc = _doc(["Präsident", "Dr.", "Stefan", "Gamper", "sprach", "."], [(1, 4, "ORG")])
    (entity,) = extract_entities(doc)
    assert (entity.key, entity.text) == ("PER:Stefan Gamper", "Stefan Gamper")
    # a title alone is no name
    doc = _doc(["Prof.", "Dr.", "Anna", "Huber", "sprach", "."], [(1, 2, "PER"), (2, 4, "PER")])
    assert [e.key for e in extract_entities(doc)] == ["PER:Anna Huber"]


def test_the_era_of_a_year_is_no_name():
    # "264 v. Chr." : the model read "Chr." as a place; "Chr." outside an era marker stays
    doc = _doc(["Im", "Jahr", "264", "v.", "Chr.", "eroberte", "Rom", "Messina", "."],
               [(4, 5, "LOC"), (6, 7, "LOC"), (7, 8, "LOC")])
    assert [e.key for e in extract_entities(doc)] == ["LOC:Rom", "LOC:Messina"]
    doc = _doc(["Um", "14", "n.", "Chr.", "starb", "Augustus", "."], [(2, 4, "LOC"), (5, 6, "PER")])
    assert [e.key for e in extract_entities(doc)] == ["PER:Augustus"]
    doc = _doc(["Die", "Firma", "Chr.", "Müller", "AG", "wächst", "."], [(2, 5, "ORG")])
    assert [e.key for e in extract_entities(doc)] == ["ORG:Chr. Müller AG"]


def test_a_battle_site_after_bei_or_am_is_a_place():
    # "besiegte er den Perserkönig Dareios bei Issos": the model read the site as a person
    doc = _doc(
        ["Dann", "besiegte", "er", "den", "Perserkönig", "Dareios", "bei", "Issos", "."],
        [(5, 6, "PER"), (7, 8, "PER")],
    )
    assert [e.key for e in extract_entities(doc)] == ["PER:Dareios", "LOC:Issos"]
    doc = _doc(["Er", "besiegte", "am", "Hydaspes", "den", "König", "Poros", "."], [(3, 4, "ORG"), (6, 7, "PER")])
    assert [e.key for e in extract_entities(doc)] == ["LOC:Hydaspes", "PER:Poros"]
    # without a battle, "bei" + a name is a person or a firm
    doc = _doc(["Sie", "arbeitet", "bei", "Siemens", "."], [(3, 4, "ORG")])
    assert [e.key for e in extract_entities(doc)] == ["ORG:Siemens"]
    doc = _doc(["Die", "Schlacht", "bei", "Müller", "und", "Co", "."], [(3, 6, "ORG")])
    assert [e.key for e in extract_entities(doc)] == ["ORG:Müller und Co"]
