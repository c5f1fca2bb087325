"""The names glossary (portal/seed/glossary.json): the seed agrees with it, and
no Azerbaijani text of the seed uses a Russian-derived spelling it lists."""

import json
import re
from pathlib import Path

import pytest

SEED = Path(__file__).resolve().parents[2] / "portal" / "seed"
GLOSSARY = json.loads((SEED / "glossary.json").read_text(encoding="utf-8"))
ENTRIES = GLOSSARY["entries"]
FILES = {
    "person": "people.json",
    "place": "places.json",
    "organisation": "organisations.json",
}
LANGUAGES = ("en", "az", "zh-hans")


def records(entry):
    path = SEED / entry.get("file", FILES[entry["kind"]])
    data = json.loads(path.read_text(encoding="utf-8"))
    if isinstance(data, dict):  # the research file: lists per kind
        data = data[{"place": "places", "person": "people"}.get(entry["kind"], "")]
    return {record["slug"]: record for record in data}


def azerbaijani_texts(node):
    """Every Azerbaijani text of a seed file, quotes aside (verbatim)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "az" and isinstance(value, str):
                yield value
            elif key != "quote":
                yield from azerbaijani_texts(value)
    elif isinstance(node, list):
        for item in node:
            yield from azerbaijani_texts(item)


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda entry: entry["slug"])
def test_the_seed_names_each_record_as_the_glossary_does(entry):
    record = records(entry)[entry["slug"]]
    assert {code: record["name"][code] for code in LANGUAGES} == entry["name"]


@pytest.mark.parametrize("name", FILES.values())
def test_every_person_place_and_organisation_of_the_seed_is_in_the_glossary(name):
    slugs = {entry["slug"] for entry in ENTRIES if entry.get("file") is None}
    records = json.loads((SEED / name).read_text(encoding="utf-8"))
    assert {record["slug"] for record in records} <= slugs


def avoided():
    return [form for entry in ENTRIES for form in entry.get("avoid", [])]


SEED_FILES = sorted(
    path for path in SEED.rglob("*.json") if path.name != "glossary.json"
)


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda path: path.name)
def test_no_azerbaijani_text_uses_a_russian_derived_spelling(path):
    texts = azerbaijani_texts(json.loads(path.read_text(encoding="utf-8")))
    found = [
        (form, text)
        for text in texts
        for form in avoided()
        # The form as a word, with or without a suffix, not inside a longer name.
        if re.search(rf"(?<![\wəığüöçşİ]){re.escape(form)}(?![gq])", text)
    ]
    assert found == []


def test_the_usual_azerbaijani_forms_of_chinese_names():
    names = {entry["slug"]: entry["name"]["az"] for entry in ENTRIES}
    assert names["xi-jinping"] == "Si Cinpin"
    assert names["li-peng"] == "Li Penq"
    assert names["jinhua"] == "Cinhua"
    assert names["yiwu"] == "İvu"


def test_a_name_that_changed_says_where_it_comes_from_or_that_it_is_unverified():
    for entry in ENTRIES:
        if entry.get("avoid"):
            assert entry.get("note"), entry["slug"]


@pytest.mark.django_db
def test_the_loaded_seed_shows_the_glossarys_names(seeded):
    from django.utils import translation

    from portal.core.models import Person, Place

    with translation.override("az"):
        assert Person.objects.get(slug="xi-jinping").name == "Si Cinpin"
        assert Place.objects.get(slug="yiwu").name == "İvu"
