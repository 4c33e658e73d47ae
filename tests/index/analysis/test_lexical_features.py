"""The lexical class that newsdesk's NER model embeds for every word form."""

from __future__ import annotations

import pytest

from newsdesk.index.analysis.lexical_features import lexical_class, name_classes


@pytest.mark.parametrize("word, own", [
    ("Haus", {"C"}),            # common noun (Wiktionary)
    ("Moskau", {"G", "T"}),     # a big place, German exonym, also a Wiktionary toponym
    ("Antsirabe", {"G"}),       # a big place the dictionary does not know
    ("Totnes", {"g"}),          # a small place
    ("Sergej", {"F", "V"}),     # a first name
    ("Wilson", {"F", "L"}),     # first and last name (and a place)
    ("Lawrow", set()),          # not in any list
])
def test_classes_of_word_forms(word, own):
    classes, base, freq = lexical_class(word).split("|")
    assert own <= set(classes.replace("-", ""))
    assert freq.isdigit()


def test_genitive_forms_get_the_classes_of_their_base():
    assert lexical_class("Griechenlandes").split("|")[1] == "T"
    assert "T" in lexical_class("Russlands").split("|")[1]
    # an inflected common noun is known by its own form, so its base is not repeated
    assert lexical_class("Hauses").split("|")[:2] == ["C", "-"]


def test_name_classes_are_the_dictionary_ones_only():
    # the gazetteer flags (places, first/last names) would make Thomas the genitive of Thoma
    assert name_classes("Thoma") in ("-", "S")
    assert set(name_classes("Moskau")) <= set("CTSVE")
    assert name_classes("Antsirabe") == "-"


def test_language_code_lookup_is_left_alone():
    assert lexical_class("_") == "de"


def test_lexicon_tables_find_every_stored_form():
    # lookups bisect the stored lists, so they must be strictly sorted in Python's string order
    from newsdesk.index.analysis.lexical_features import _lexicon

    for table in _lexicon():
        assert all(a < b for a, b in zip(table.keys, table.keys[1:]))
        for i in range(0, len(table.keys), 997):
            assert table.get(table.keys[i], "?") == table.values[i]
        assert table.get("zzzz-not-a-word", "?") == "?"
