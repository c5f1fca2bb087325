"""Drafts, records in review, archived records and scheduled records never
leave the site: not through pages, search, maps, the API, downloads, the full
dataset, feeds, the calendar or the sitemap."""

import datetime
import io
import zipfile

import pytest
from django.utils import timezone

from portal.core.models import Status
from tests.builders import make_agreement, make_event, make_person, make_project

pytestmark = pytest.mark.django_db

SECRET = "Zyxwvut"

EVERY_WAY_OUT = [
    "/en/",
    "/en/events/",
    "/en/events/timeline/",
    "/en/events/2025/",
    "/en/projects/",
    "/en/agreements/",
    "/en/people/",
    f"/en/search/?q={SECRET}",
    "/en/map.geojson",
    "/en/projects/map.geojson",
    "/api/v1/events/",
    "/api/v1/projects/",
    "/api/v1/agreements/",
    "/api/v1/people/",
    "/api/v1/events/published-talks/",
    "/en/download/events.csv",
    "/en/download/events.json",
    "/en/download/projects.csv",
    "/en/download/agreements.json",
    "/en/download/people.csv",
    "/en/events/feed/rss/",
    "/en/events/feed/atom/",
    "/en/projects/feed/rss/",
    "/en/projects/feed/atom/",
    "/en/events/calendar.ics",
    "/sitemap.xml",
    "/sitemap-events-en.xml",
    "/sitemap-projects-az.xml",
    "/sitemap-people-zh-hans.xml",
]


@pytest.fixture
def hidden_records():
    """One published event that links to records nobody may see yet."""
    later = timezone.now() + datetime.timedelta(days=3)
    visible = make_event(slug="published-talks", title="Published talks")
    hidden = [
        make_event(
            slug=f"event-{status}", title=f"{SECRET} event {status}", status=status
        )
        for status in (Status.DRAFT, Status.REVIEW, Status.ARCHIVED)
    ]
    hidden.append(
        make_event(
            slug="event-scheduled", title=f"{SECRET} scheduled", published_at=later
        )
    )
    project = make_project(
        slug="draft-project", title=f"{SECRET} project", status=Status.DRAFT
    )
    project.events.add(visible)
    scheduled = make_project(
        slug="scheduled-project", title=f"{SECRET} soon", published_at=later
    )
    scheduled.events.add(visible)
    make_agreement(
        slug="draft-agreement",
        title=f"{SECRET} deal",
        event=visible,
        status=Status.DRAFT,
    )
    make_person(slug="draft-person", name=f"{SECRET} person", status=Status.DRAFT)
    return hidden


def body(response):
    content = (
        b"".join(response.streaming_content) if response.streaming else response.content
    )
    return content.decode("utf-8-sig")


@pytest.mark.parametrize("url", EVERY_WAY_OUT)
def test_nothing_unpublished_leaves_the_site(client, hidden_records, url):
    response = client.get(url)
    assert response.status_code == 200, url
    text = body(response)
    if "/search/" in url:
        # The page repeats the reader's query; what matters is what it found.
        assert response.context["total"] == 0
    else:
        assert SECRET not in text
    for slug in ("event-draft", "event-scheduled", "draft-project", "draft-person"):
        assert f"/{slug}/" not in text


def test_nothing_unpublished_is_in_the_full_dataset(download_dataset, hidden_records):
    response = download_dataset()
    archive = zipfile.ZipFile(
        io.BytesIO(
            b"".join(response.streaming_content)
            if response.streaming
            else response.content
        )
    )
    names = archive.namelist()
    assert names
    published_seen = False
    for name in names:
        text = archive.read(name).decode("utf-8-sig")
        assert SECRET not in text, name
        published_seen |= "published-talks" in text
    assert published_seen


@pytest.mark.parametrize(
    "url",
    [
        "/en/events/event-draft/",
        "/en/events/event-scheduled/",
        "/en/projects/draft-project/",
        "/api/v1/events/event-draft/",
        "/api/v1/events/event-scheduled/",
        "/api/v1/projects/scheduled-project/",
        "/en/map/event/event-draft.geojson",
    ],
)
def test_unpublished_records_are_not_found(client, hidden_records, url):
    assert client.get(url).status_code == 404
