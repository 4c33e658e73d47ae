"""The canonical entity key ``LABEL:name``: made and read in one place."""

from __future__ import annotations

import pytest

from newsdesk.index.annotations import LABELS, Entity, entity_key, split_entity_key


@pytest.mark.parametrize(
    "key, parts",
    [
        ("PER:Wladimir Putin", ("PER", "Wladimir Putin")),
        ("ORG:Bündnis 90:Die Grünen", ("ORG", "Bündnis 90:Die Grünen")),  # the name keeps its colons
        ("MISC:x", ("MISC", "x")),
        ("PER:", ("", "PER:")),  # no name: not a key
        ("EVENT:Gipfel", ("", "EVENT:Gipfel")),  # not one of LABELS
        ("per:Putin", ("", "per:Putin")),
        ("Putin", ("", "Putin")),
        ("", ("", "")),
    ],
)
def test_split_entity_key(key, parts):
    assert split_entity_key(key) == parts


def test_entity_key_round_trips_for_every_label():
    for label in LABELS:
        assert split_entity_key(entity_key(label, "Nord Stream")) == (label, "Nord Stream")


def test_every_reader_of_keys_agrees():
    """The store's search terms, the reader's shown name and the CLI read keys alike."""
    from newsdesk.index.store.records import entity_search_terms
    from newsdesk.tui.list_sources import display_name

    for key, name in [("LOC:Wien", "Wien"), ("ORG:Bündnis 90:Die Grünen", "Bündnis 90:Die Grünen"),
                      ("EVENT:Gipfel", "EVENT:Gipfel"), ("Putin", "Putin")]:
        assert display_name(key) == name
        terms = entity_search_terms(Entity(0, 4, "Wien", "LOC", key))
        assert (name in terms) and terms[0] == key
