"""Every page kind's JSON-LD as an independent extractor reads it (extruct, the
library Scrapy's and many crawlers' structured-data readers use), checked
for the properties each schema.org type needs: Google's required ones for
events (name, startDate, location) and datasets (name, description), and what
a reader of any record needs to find it again (name, url)."""

import extruct
import pytest
from django.utils import translation

from events.models import Agreement, Event
from portal.core.models import Organization, Person, Place, Source
from projects.models import Project
from tests.site.test_html_validity import public_urls

pytestmark = pytest.mark.django_db

HOST = "http://testserver"
ORGANIZATION_TYPES = {
    "Organization",
    "GovernmentOrganization",
    "Corporation",
    "EducationalOrganization",
    "NewsMediaOrganization",
}
# What each type must carry, beyond @context and @type.
REQUIRED = {
    "Event": {"name", "startDate", "location", "eventStatus", "url"},
    "CreativeWork": {"name", "url", "genre"},
    "Project": {"name", "url", "description"},
    "Place": {"name", "url"},
    "Person": {"name", "url"},
    "Dataset": {"name", "description", "url", "license", "distribution"},
    **{kind: {"name", "url"} for kind in ORGANIZATION_TYPES},
}
# The type each kind of record page describes its record as.
PAGE_TYPES = {
    Event: {"Event"},
    Agreement: {"CreativeWork"},
    Project: {"Project"},
    Person: {"Person"},
    Organization: ORGANIZATION_TYPES,
    Place: {"Place"},
    Source: {"CreativeWork"},
}


def extract(response, url):
    """[JSON-LD item] of the page, as extruct reads it (strictly: a block
    that is not JSON fails the test)."""
    found = extruct.extract(
        response.content.decode(),
        base_url=HOST + url,
        syntaxes=["json-ld"],
        errors="strict",
    )
    return found["json-ld"]


def problems(item):
    """What the item lacks or gets wrong, as sentences; [] when it is right."""
    kind = item.get("@type")
    found = []
    if item.get("@context") != "https://schema.org":
        found.append(f"{kind}: @context is {item.get('@context')!r}")
    if kind not in REQUIRED:
        return [*found, f"unexpected type {kind!r}"]
    missing = REQUIRED[kind] - {key for key, value in item.items() if value}
    if missing:
        found.append(f"{kind} lacks {sorted(missing)}")
    if "url" in item and not item["url"].startswith(HOST + "/"):
        found.append(f"{kind}: url {item['url']!r} is not absolute on the site")
    if kind == "Event":
        found += _event_problems(item)
    if kind == "Dataset":
        found += _dataset_problems(item)
    if kind == "Place" and "geo" in item:
        geo = item["geo"]
        if not (-90 <= geo["latitude"] <= 90 and -180 <= geo["longitude"] <= 180):
            found.append(f"Place: geo {geo!r} out of range")
    return found


def _event_problems(item):
    found = []
    location = item.get("location") or {}
    if location.get("@type") != "Place" or not location.get("name"):
        found.append(f"Event: location {location!r} is not a named Place")
    if item.get("eventStatus") != "https://schema.org/EventScheduled":
        found.append(f"Event: eventStatus {item.get('eventStatus')!r}")
    # A known place is one readers can find: its own page and an address.
    if "url" in location and "address" not in location:
        found.append(f"Event: the place {location['name']!r} has no address")
    return found


def _dataset_problems(item):
    found = []
    # Google's dataset guidelines: a description of 50 to 5,000 characters.
    if not 50 <= len(item["description"]) <= 5000:
        found.append("Dataset: description not 50 to 5,000 characters long")
    for download in item["distribution"]:
        if download.get("@type") != "DataDownload":
            found.append(f"Dataset: distribution {download!r} is no DataDownload")
        elif not download.get("contentUrl", "").startswith(HOST + "/"):
            found.append(f"Dataset: {download!r} has no absolute contentUrl")
        elif not download.get("encodingFormat"):
            found.append(f"Dataset: {download!r} has no encodingFormat")
    return found


# English and one language of another script: the JSON-LD of both escapes and
# reads back alike (tests/site/test_languages.py covers the third).
@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_every_page_kinds_json_ld_reads_back_with_what_it_needs(
    client, seeded, language
):
    with translation.override(language):
        urls = [url for url in public_urls() if url != f"/{language}/no-such-page/"]
        records = {
            model: {
                record.get_absolute_url()
                for record in (
                    model.objects.published()
                    if hasattr(model.objects, "published")
                    else model.objects.all()
                )
            }
            for model in PAGE_TYPES
        }
    seen = set()
    for url in urls:
        response = client.get(url)
        if response.status_code == 404:  # a draft source in public_urls()
            continue
        assert response.status_code == 200, url
        items = extract(response, url)
        for item in items:
            assert problems(item) == [], url
        kinds = [item["@type"] for item in items]
        for model, addresses in records.items():
            if url in addresses:
                # A record's page describes that record, once.
                assert len(kinds) == 1, url
                assert kinds[0] in PAGE_TYPES[model], url
                assert items[0]["url"] == HOST + url
                seen.add(model)
        if url == f"/{language}/about/":
            assert kinds == ["Dataset"]
            seen.add("dataset")
    # The seed has a page of every kind.
    assert seen == {*PAGE_TYPES, "dataset"}
