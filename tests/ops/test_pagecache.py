"""Cached public pages (portal/ops/pagecache.py): what is cached, under which key,
and that no change an editor makes is missed.

The suite runs with the page cache off (PAGE_CACHE_SECONDS=0 in pyproject), so
every other test sees freshly rendered pages; these turn it on."""

from datetime import timedelta
from types import SimpleNamespace

import pytest
import time_machine
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.cache import caches
from django.db import connection, transaction
from django.db.models import ProtectedError, RestrictedError
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.urls.resolvers import LocalePrefixPattern
from django.utils import timezone

from events.filters import EventFilter
from events.models import Event
from portal.core import content
from portal.core.content import (
    content_models,
    read_token,
    replace_token,
    token_memo,
)
from portal.core.models import ContentToken, Status
from portal.ops import pagecache
from portal.ops.pagecache import CACHE_ALIAS, STATUS_HEADER
from tests.admin_forms import form_data
from tests.builders import make_event

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300
    settings.PAGE_CACHE_CHECK_SECONDS = 0
    caches[CACHE_ALIAS].clear()
    token_memo.forget()
    yield settings
    caches[CACHE_ALIAS].clear()
    token_memo.forget()


@pytest.fixture
def reader():
    """A reader: a client of its own, never signed in (the `client` fixture is
    the one `editor_client` signs in)."""
    return Client()


def get(client, url, **extra):
    response = client.get(url, **extra)
    return response, response.get(STATUS_HEADER)


def test_a_second_read_is_answered_from_the_cache_without_rendering(client, seeded):
    url = reverse("events:list") + "?type=talks"
    first, state = get(client, url)
    assert (first.status_code, state) == (200, "miss")
    with CaptureQueriesContext(connection) as captured:
        second, state = get(client, url)
    assert state == "hit"
    # Only the content token is read (PAGE_CACHE_CHECK_SECONDS is 0 here).
    assert len(captured) == 1
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert second["Content-Language"] == "en"


def test_between_token_checks_a_cached_page_needs_no_query(client, seeded, settings):
    settings.PAGE_CACHE_CHECK_SECONDS = 60
    url = reverse("home")
    get(client, url)
    with CaptureQueriesContext(connection) as captured:
        _response, state = get(client, url)
    assert state == "hit"
    assert len(captured) == 0


def test_each_language_and_query_string_has_its_own_entry(client, seeded):
    assert get(client, "/en/events/")[1] == "miss"
    assert get(client, "/az/events/")[1] == "miss"
    assert get(client, "/zh-hans/events/")[1] == "miss"
    assert 'lang="az"' in get(client, "/az/events/")[0].text
    assert get(client, "/en/events/?type=talks")[1] == "miss"
    assert get(client, "/en/events/?type=forum")[1] == "miss"
    assert get(client, "/en/events/?type=talks")[1] == "hit"


def test_the_order_of_parameters_does_not_matter_but_their_values_do(client, seeded):
    assert get(client, "/en/events/?type=talks&year=2025")[1] == "miss"
    assert get(client, "/en/events/?year=2025&type=talks")[1] == "hit"
    assert get(client, "/en/events/?year=2024&type=talks")[1] == "miss"


def test_editors_and_other_requests_are_never_cached(
    reader, editor_client, seeded, settings
):
    url = reverse("events:list")
    get(reader, url)
    assert get(reader, url)[1] == "hit"
    # Someone with a session (an editor) gets the page rendered for them.
    assert get(editor_client, url)[1] is None
    # Pages outside a language prefix are left alone (the API keeps its own
    # answers, after its rate limit: tests/opendata/api/test_http_caching.py).
    assert get(reader, "/admin/login/")[1] is None
    assert get(reader, "/admin/login/")[1] is None
    # Not-found pages are not kept.
    assert get(reader, "/en/events/no-such-event/")[0].status_code == 404
    assert get(reader, "/en/events/no-such-event/")[1] is None


def test_a_page_that_sets_a_cookie_is_not_kept(client, seeded):
    event = Event.objects.published().first()
    url = reverse("suggest-correction", args=["event", event.slug])
    response, state = get(client, url)
    assert response.status_code == 200
    assert response.cookies  # the form's CSRF cookie
    assert state is None
    assert get(client, url)[1] is None


def test_head_is_answered_from_the_cache_but_never_fills_it(client, seeded):
    url = reverse("projects:list")
    assert client.head(url).get(STATUS_HEADER) is None
    assert get(client, url)[1] == "miss"
    assert client.head(url).get(STATUS_HEADER) == "hit"


def test_the_cache_can_be_turned_off(client, seeded, settings):
    settings.PAGE_CACHE_SECONDS = 0
    url = reverse("home")
    assert get(client, url)[1] is None
    assert get(client, url)[1] is None


def test_publishing_shows_at_once_on_a_cached_list(client, seeded):
    url = reverse("events:list")
    get(client, url)
    draft = make_event(title="A draft becomes news", status=Status.DRAFT)
    assert "A draft becomes news" not in get(client, url)[0].text
    draft.status = Status.PUBLISHED
    draft.save()
    response, state = get(client, url)
    assert state == "miss"
    assert "A draft becomes news" in response.text


def test_an_editors_change_through_the_admin_reaches_the_cached_page(
    reader, editor_client, seeded
):
    event = Event.objects.published().first()
    url = event.get_absolute_url()
    get(reader, url)
    assert get(reader, url)[1] == "hit"
    change = reverse("admin:events_event_change", args=[event.pk])
    data = form_data(editor_client.get(change))
    data["title_en"] = "Renamed by an editor"
    assert editor_client.post(change, data).status_code == 302
    response, state = get(reader, url)
    assert state == "miss"
    assert "Renamed by an editor" in response.text


def test_publishing_with_the_admin_action_reaches_the_cached_list(
    reader, editor_client, seeded
):
    url = reverse("events:list")
    draft = make_event(
        title="Published by the action", status=Status.REVIEW, cited=True
    )
    assert "Published by the action" not in get(reader, url)[0].text
    response = editor_client.post(
        reverse("admin:events_event_changelist"),
        {"action": "publish", "post": "yes", ACTION_CHECKBOX_NAME: [str(draft.pk)]},
    )
    assert response.status_code == 302
    assert "Published by the action" in get(reader, url)[0].text


def test_a_scheduled_record_appears_on_time_without_any_save(client, seeded):
    url = reverse("events:list")
    publish_at = timezone.now() + timedelta(hours=2)
    make_event(title="Scheduled for later", published_at=publish_at)
    assert "Scheduled for later" not in get(client, url)[0].text
    assert get(client, url)[1] == "hit"
    with time_machine.travel(publish_at + timedelta(seconds=1)):
        response, state = get(client, url)
    assert state == "miss"
    assert "Scheduled for later" in response.text


def test_a_change_that_is_rolled_back_keeps_the_token(seeded):
    before = read_token()
    with pytest.raises(RuntimeError), transaction.atomic():
        event = Event.objects.first()
        event.title = "Never saved"
        event.save()
        assert read_token() != before
        raise RuntimeError("the editor's save fails")
    assert read_token() == before


class Undo(Exception):
    """Rolls a deletion back once its effect has been seen."""


CONTENT = sorted(
    (m for m in content_models() if not m._meta.auto_created),
    key=lambda m: m._meta.label,
)


def test_the_content_models_are_the_records_readers_see():
    labels = {model._meta.label for model in CONTENT}
    assert {"events.Event", "projects.Project", "portal.Citation"} <= labels
    assert {"portal.Place", "projects.Milestone", "portal.Observation"} <= labels
    assert not labels & {"portal.Correction", "portal.ContentToken"}


def test_saving_or_deleting_any_record_readers_see_replaces_the_token(seeded):
    # One seed for every model (loading it per model would be slow).
    deletable = 0
    for model in CONTENT:
        instance = model._default_manager.first()
        assert instance is not None, f"the seed has no {model._meta.label}"
        before = read_token()
        instance.save()
        after_save = read_token()
        assert after_save != before, model
        try:
            with transaction.atomic():
                instance.delete()
                after_delete = read_token()
                raise Undo
        except Undo:
            assert after_delete != after_save, model
            deletable += 1
        except (ProtectedError, RestrictedError):
            pass  # still referenced by another record: nothing was deleted
    assert deletable >= len(CONTENT) // 2


def test_changing_a_relation_replaces_the_token(seeded):
    event = Event.objects.filter(organizations__isnull=False).first()
    organization = event.organizations.first()
    before = read_token()
    event.organizations.remove(organization)
    after_remove = read_token()
    assert after_remove != before
    event.organizations.add(organization)
    assert read_token() != after_remove


def test_a_process_sees_a_new_token_within_the_check_interval(seeded, settings):
    settings.PAGE_CACHE_CHECK_SECONDS = 2
    token_memo.forget()
    seen = token_memo.get()
    replace_token("default")
    # Within the interval the process keeps what it read…
    assert token_memo.get() == seen
    # …and once the interval has passed it reads the new one.
    for alias, (value, read_at) in list(token_memo.read.items()):
        token_memo.read[alias] = (value, read_at - 2)
    assert token_memo.get() != seen


def test_the_token_is_read_from_where_the_request_reads_content(monkeypatch, settings):
    # A reader's request reads from the replica, an editor's from the primary
    # (portal/ops/routers.py); each gets the token of the database it reads, even
    # within the check interval, so no page rendered from a lagging replica is
    # stored under the primary's newer token.
    settings.PAGE_CACHE_CHECK_SECONDS = 60
    token_memo.forget()
    reading = {"from": "default"}
    monkeypatch.setattr(
        content,
        "router",
        SimpleNamespace(db_for_read=lambda model, **hints: reading["from"]),
    )
    monkeypatch.setattr(content, "read_token", lambda using=None: f"of {using}")
    assert token_memo.get() == "of default"
    reading["from"] = "replica"
    assert token_memo.get() == "of replica"
    reading["from"] = "default"
    assert token_memo.get() == "of default"


def test_nothing_is_cached_before_the_first_change(client, db):
    ContentToken.objects.all().delete()
    assert read_token() is None
    assert get(client, reverse("home"))[1] is None


# Only the parameters a page reads -------------------------------------------


def test_parameters_a_page_does_not_read_share_its_entry(client, seeded):
    assert get(client, "/en/")[1] == "miss"
    assert get(client, "/en/?x=1")[1] == "hit"
    assert get(client, "/en/?x=2&utm_source=mail")[1] == "hit"
    assert get(client, "/en/events/?type=talks")[1] == "miss"
    assert get(client, "/en/events/?x=1&type=talks")[1] == "hit"
    assert get(client, "/en/events/?type=talks&page=1&junk=")[1] == "miss"
    assert get(client, "/en/events/?page=1&type=talks")[1] == "hit"
    event = Event.objects.published().first()
    assert get(client, event.get_absolute_url() + "?x=1")[1] == "miss"
    assert get(client, event.get_absolute_url() + "?y=2")[1] == "hit"
    search = reverse("search")
    assert get(client, f"{search}?q=baku&x=1")[1] == "miss"
    assert get(client, f"{search}?q=baku&y=1")[1] == "hit"
    assert get(client, f"{search}?q=bakü")[1] == "miss"


def test_a_page_never_sees_or_links_the_parameters_it_does_not_read(client, seeded):
    response, state = get(client, "/en/events/?type=talks&planted=evil")
    assert (response.status_code, state) == (200, "miss")
    assert "planted" not in response.text
    assert "type=talks" in response.text  # the download links keep the filters
    # And the next reader, with no such parameter, gets the same clean page.
    clean, state = get(client, "/en/events/?type=talks")
    assert state == "hit"
    assert "planted" not in clean.text


def test_every_page_under_a_language_says_which_parameters_it_reads():
    def walk(patterns, namespace=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = namespace
                if pattern.namespace:
                    inner = f"{namespace}{pattern.namespace}:"
                yield from walk(pattern.url_patterns, inner)
            elif isinstance(pattern, URLPattern) and pattern.name:
                yield pattern, f"{namespace}{pattern.name}"

    (localised,) = [
        resolver
        for resolver in get_resolver().url_patterns
        if isinstance(resolver, URLResolver)
        and isinstance(resolver.pattern, LocalePrefixPattern)
    ]
    unknown = []
    for pattern, name in walk(localised.url_patterns):
        match = SimpleNamespace(
            func=pattern.callback, view_name=name, kwargs={"kind": "events"}
        )
        if pagecache.view_parameters(match) is None:
            unknown.append(name)
    assert unknown == []


def test_the_parameters_of_a_list_are_its_filters_and_page():
    names = pagecache.view_parameters(resolve("/en/events/"))
    assert set(names) == {*EventFilter.base_filters, "page"}
    feed = pagecache.view_parameters(resolve("/en/events/feed/rss/"))
    assert set(feed) == set(EventFilter.base_filters)
    assert pagecache.view_parameters(resolve("/en/")) == []
    download = pagecache.view_parameters(resolve("/en/download/projects.csv"))
    assert "sector" in download and "page" not in download
