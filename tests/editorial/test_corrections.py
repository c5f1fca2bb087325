"""Corrections from readers: the form behind every record page, its spam guards,
and the editors' side in the admin. Nothing a reader sends is published."""

import datetime
import json
import subprocess

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone, translation

# Registers the admin until portal/core/admin.py imports it itself.
import portal.editorial.admin  # noqa: F401
from events.models import Event
from portal.core.models import Status
from portal.editorial.models import Correction, CorrectionStatus
from tests.builders import (
    make_agreement,
    make_event,
    make_organization,
    make_person,
    make_project,
)
from tests.site.test_html_validity import ROOT, VALIDATOR
from tests.site.test_languages import english_interface_strings, visible_texts

pytestmark = pytest.mark.django_db

BUILDERS = {
    "event": make_event,
    "agreement": make_agreement,
    "project": make_project,
    "person": make_person,
    "organization": make_organization,
}
MESSAGE = "The talks were held on 16 September, not 15 September."


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    # The per-address counts live in the cache, which outlives a test.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def event():
    return make_event(title="Talks in Baku", summary="The two sides held talks.")


def form_url(record, kind="event", language="en"):
    with translation.override(language):
        return reverse("suggest-correction", kwargs={"kind": kind, "slug": record.slug})


def send(client, record, kind="event", language="en", address="127.0.0.1", **fields):
    """Posts the form as a reader at `address` would."""
    data = {"message": MESSAGE, "name": "", "email": "", "website": ""} | fields
    return client.post(form_url(record, kind, language), data, REMOTE_ADDR=address)


# The reader's side


@pytest.mark.parametrize("kind", BUILDERS)
@pytest.mark.parametrize("language", ["en", "az", "zh-hans"])
def test_every_record_page_links_to_its_correction_form(client, kind, language):
    record = BUILDERS[kind]()
    with translation.override(language):
        page = client.get(record.get_absolute_url())
    assert page.status_code == 200
    url = f"/{language}/suggest-correction/{kind}/{record.slug}/"
    assert f'href="{url}"' in page.text
    assert client.get(url).status_code == 200


def test_record_pages_stay_cacheable_without_a_csrf_token(client, event, settings):
    page = client.get(event.get_absolute_url())
    assert "csrfmiddlewaretoken" not in page.text
    assert settings.CSRF_COOKIE_NAME not in page.cookies


def test_the_form_names_the_record_and_is_never_cached(client, event):
    page = client.get(form_url(event))
    assert page.status_code == 200
    assert "Talks in Baku" in page.text
    assert f'href="{event.get_absolute_url()}"' in page.text
    assert 'name="message"' in page.text and "csrfmiddlewaretoken" in page.text
    assert "no-store" in page["Cache-Control"]


def test_the_honeypot_is_out_of_reach_but_labelled_for_screen_readers(client, event):
    page = client.get(form_url(event)).text
    assert '<div class="correction-trap">' in page
    assert '<label for="id_website">Leave this field empty:</label>' in page
    field = page[page.index('name="website"') - 60 : page.index('name="website"') + 80]
    assert 'tabindex="-1"' in field and 'autocomplete="off"' in field


def test_a_valid_correction_is_filed_for_the_editors(client, event):
    response = send(client, event, language="az", name="Leyla", email="l@example.org")

    sent = f"/az/suggest-correction/event/{event.slug}/sent/"
    assert response.status_code == 302
    assert response["Location"] == sent
    correction = Correction.objects.get()
    assert correction.content_object == event
    assert correction.status == CorrectionStatus.NEW
    assert correction.message == MESSAGE
    assert (correction.name, correction.email) == ("Leyla", "l@example.org")
    assert correction.language == "az"
    assert correction.handled_by is None and correction.handled_at is None
    assert correction.get_absolute_url() == event.get_absolute_url()


def test_the_readers_address_is_kept_only_as_a_keyed_fingerprint(client, event):
    send(client, event, address="203.0.113.7")
    send(client, make_event(), address="203.0.113.7")
    send(client, make_event(), address="198.51.100.1")
    first, second, third = Correction.objects.order_by("pk")
    assert first.sender and first.sender == second.sender != third.sender
    assert "203.0.113.7" not in first.sender


def test_the_thank_you_page_says_nothing_is_published_automatically(client, event):
    page = client.get(send(client, event)["Location"])
    assert page.status_code == 200
    assert "The editors will review it" in page.text
    assert "Nothing you send is published automatically." in page.text
    assert f'href="{event.get_absolute_url()}"' in page.text


def test_a_filled_honeypot_looks_like_success_but_stores_nothing(client, event):
    response = send(client, event, website="http://spam.example/")
    assert response.status_code == 302
    assert response["Location"].endswith("/sent/")
    assert not Correction.objects.exists()


def test_an_empty_or_overlong_message_is_refused_next_to_the_field(client, event):
    for message in ("", "x" * 4001):
        page = send(client, event, message=message)
        assert page.status_code == 200
        assert 'id="id_message_error"' in page.text
        assert 'aria-invalid="true"' in page.text
    assert not Correction.objects.exists()


def test_a_bad_email_is_refused(client, event):
    assert send(client, event, email="not an address").status_code == 200
    assert not Correction.objects.exists()


def test_the_rate_limit_answers_429_and_stores_no_more(client, event, settings):
    settings.CORRECTIONS_RATE = "2/h"
    assert send(client, event).status_code == 302
    assert send(client, make_event()).status_code == 302

    refused = send(client, event, message="A third correction, kept in the form.")
    assert refused.status_code == 429
    assert "too many times" in refused.text
    assert "A third correction, kept in the form." in refused.text
    assert Correction.objects.count() == 2

    # The limit is per address: another reader is not blocked.
    assert send(client, event, address="198.51.100.1").status_code == 302
    assert Correction.objects.count() == 3


def test_the_rate_limit_counts_robots_too(client, event, settings):
    settings.CORRECTIONS_RATE = "1/h"
    send(client, event, website="spam")
    assert send(client, event).status_code == 429
    assert not Correction.objects.exists()


def test_reading_the_form_does_not_count_against_the_limit(client, event, settings):
    settings.CORRECTIONS_RATE = "1/h"
    for _ in range(3):
        assert client.get(form_url(event)).status_code == 200
    assert send(client, event).status_code == 302


def test_the_limit_message_is_translated(client, event, settings):
    settings.CORRECTIONS_RATE = "0/h"
    refused = send(client, event, language="az")
    assert refused.status_code == 429
    assert "too many times" not in refused.text
    assert '<html lang="az">' in refused.text


@pytest.mark.parametrize(
    "record",
    [
        lambda: make_event(status=Status.DRAFT),
        lambda: make_event(status=Status.REVIEW),
        lambda: make_event(published_at=timezone.now() + datetime.timedelta(days=1)),
    ],
    ids=["draft", "in-review", "scheduled"],
)
def test_records_readers_cannot_see_have_no_form(client, record):
    hidden = record()
    assert client.get(form_url(hidden)).status_code == 404
    assert send(client, hidden).status_code == 404
    assert client.get(form_url(hidden) + "sent/").status_code == 404
    assert not Correction.objects.exists()


@pytest.mark.parametrize("kind", ["source", "place", "user", "citation"])
def test_unknown_kinds_are_not_found(client, kind):
    make_event(slug="talks")
    assert client.get(f"/en/suggest-correction/{kind}/talks/").status_code == 404
    assert client.post(f"/en/suggest-correction/{kind}/talks/").status_code == 404


def test_nothing_a_reader_sends_is_published(client, event):
    before = Event.objects.values().get(pk=event.pk)
    send(client, event, message="Secret marker 7f3a: the title is wrong.")
    assert Correction.objects.count() == 1

    assert Event.objects.values().get(pk=event.pk) == before
    for language in ("en", "az", "zh-hans"):
        with translation.override(language):
            urls = [
                event.get_absolute_url(),
                reverse("events:list"),
                reverse("home"),
                form_url(event, language=language),
            ]
            search = reverse("events:list") + "?q=7f3a"
        for url in urls:
            assert "7f3a" not in client.get(url).text, url
        assert list(client.get(search).context["object_list"]) == []


@pytest.mark.parametrize("language", ["az", "zh-hans"])
def test_the_form_pages_show_no_english_interface_text(client, event, language):
    english = english_interface_strings(language)
    long_english = {text for text in english if len(text) > 24}
    pages = [
        client.get(form_url(event, language=language)),
        send(client, event, language=language, message=""),
        client.get(form_url(event, language=language) + "sent/"),
    ]
    for page in pages:
        texts = visible_texts(page.text)
        leftovers = [text for text in texts if text in english]
        leftovers += [s for s in long_english for text in texts if s in text]
        assert leftovers == []


def test_the_form_and_thank_you_pages_are_valid_html(client, event, settings, tmp_path):
    if not VALIDATOR.exists():
        pytest.fail("html-validate is missing: run `npm ci` (make test does).")
    settings.CORRECTIONS_RATE = "1/h"
    pages = {
        "form": client.get(form_url(event)),
        "errors": send(client, event, message=""),
        "limited": send(client, event),
        "thanks": client.get(form_url(event) + "sent/"),
    }
    assert pages["limited"].status_code == 429
    for name, page in pages.items():
        (tmp_path / f"{name}.html").write_bytes(page.content)
    report = tmp_path / "report.json"
    subprocess.run(
        [
            str(VALIDATOR),
            "--config",
            str(ROOT / ".htmlvalidate.json"),
            "--formatter",
            f"json={report}",
            *(str(tmp_path / f"{name}.html") for name in pages),
        ],
        capture_output=True,
        check=False,
    )
    problems = [
        f"{entry['filePath']}:{message['line']}: {message['message']}"
        for entry in json.loads(report.read_text() or "[]")
        for message in entry["messages"]
    ]
    assert problems == []


# The editors' side


@pytest.fixture
def correction(event):
    return Correction.objects.create(
        content_object=event, message=MESSAGE, name="Leyla", language="az"
    )


@pytest.fixture
def contributor(django_user_model):
    """Bob, a contributor: staff, in the Contributor group the migrations made."""
    bob = django_user_model.objects.create_user(
        username="bob", password="unused-in-tests", is_staff=True
    )
    bob.groups.add(Group.objects.get(name="Contributor"))
    return bob


CHANGELIST = "admin:editorial_correction_changelist"


def change_url(correction):
    return reverse("admin:editorial_correction_change", args=[correction.pk])


def test_an_editor_sees_new_corrections_in_the_admin(editor_client, correction):
    page = editor_client.get(reverse(CHANGELIST))
    assert page.status_code == 200
    assert "Event: Talks in Baku" in page.text
    assert "The talks were held on 16 September" in page.text


def test_the_changelist_filters_by_status_and_finds_text(editor_client, correction):
    correction.sender = "0123456789abcdef"
    correction.save()

    def found(**params):
        page = editor_client.get(reverse(CHANGELIST), params)
        return list(page.context["cl"].result_list)

    assert found(status="new") == [correction]
    assert found(status="resolved") == []
    assert found(q="16 September") == [correction]
    assert found(q=correction.sender) == [correction]


def test_the_changelist_does_not_run_a_query_per_row(
    editor_client, django_assert_max_num_queries
):
    for kind, build in BUILDERS.items():
        for _ in range(3):
            record = build()
            Correction.objects.create(content_object=record, message=kind)
    with django_assert_max_num_queries(20):
        editor_client.get(reverse(CHANGELIST))


def test_mark_resolved_records_who_handled_it_and_when(
    editor_client, editor, correction
):
    other = Correction.objects.create(
        content_object=correction.content_object, message="x"
    )
    response = editor_client.post(
        reverse(CHANGELIST),
        {"action": "mark_resolved", "_selected_action": [correction.pk]},
    )
    assert response.status_code == 302
    correction.refresh_from_db()
    assert correction.status == CorrectionStatus.RESOLVED
    assert correction.handled_by == editor
    assert correction.handled_at is not None
    other.refresh_from_db()
    assert other.status == CorrectionStatus.NEW


def test_mark_rejected_records_who_handled_it(editor_client, editor, correction):
    editor_client.post(
        reverse(CHANGELIST),
        {"action": "mark_rejected", "_selected_action": [correction.pk]},
    )
    correction.refresh_from_db()
    assert correction.status == CorrectionStatus.REJECTED
    assert correction.handled_by == editor


def test_an_editor_resolves_with_a_note_but_cannot_change_the_readers_words(
    editor_client, editor, correction
):
    page = editor_client.get(change_url(correction))
    assert page.status_code == 200
    assert 'name="message"' not in page.text  # shown, not editable
    assert f'href="{correction.content_object.get_absolute_url()}"' in page.text
    assert (
        reverse("admin:events_event_change", args=[correction.object_id]) in page.text
    )

    response = editor_client.post(
        change_url(correction),
        {
            "status": "resolved",
            "editor_note": "Date corrected from the embassy's statement.",
            "message": "Tampered with.",
        },
    )
    assert response.status_code == 302
    correction.refresh_from_db()
    assert correction.message == MESSAGE
    assert correction.editor_note == "Date corrected from the embassy's statement."
    assert correction.status == CorrectionStatus.RESOLVED
    assert correction.handled_by == editor and correction.handled_at is not None


def test_reopening_a_correction_clears_who_handled_it(
    editor_client, editor, correction
):
    correction.set_status(CorrectionStatus.REJECTED, editor)
    correction.save()
    editor_client.post(change_url(correction), {"status": "new", "editor_note": ""})
    correction.refresh_from_db()
    assert correction.status == CorrectionStatus.NEW
    assert correction.handled_by is None and correction.handled_at is None


def test_an_editor_can_file_a_correction_received_by_email(editor_client, event):
    from django.contrib.contenttypes.models import ContentType

    page = editor_client.get(reverse("admin:editorial_correction_add"))
    assert page.status_code == 200
    response = editor_client.post(
        reverse("admin:editorial_correction_add"),
        {
            "content_type": ContentType.objects.get_for_model(Event).pk,
            "object_id": event.pk,
            "message": "Sent by email.",
            "status": "new",
        },
    )
    assert response.status_code == 302
    assert Correction.objects.get().content_object == event


def test_a_contributor_reads_corrections_but_cannot_delete_or_close_them(
    client, contributor, correction
):
    client.force_login(contributor)
    assert client.get(reverse(CHANGELIST)).status_code == 200
    assert client.get(change_url(correction)).status_code == 200

    delete = reverse("admin:editorial_correction_delete", args=[correction.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    client.post(
        reverse(CHANGELIST),
        {"action": "mark_resolved", "_selected_action": [correction.pk]},
    )
    client.post(
        reverse(CHANGELIST),
        {
            "action": "delete_selected",
            "_selected_action": [correction.pk],
            "post": "yes",
        },
    )
    client.post(change_url(correction), {"status": "rejected", "editor_note": "no"})
    correction.refresh_from_db()
    assert correction.status == CorrectionStatus.NEW
    assert correction.editor_note == ""


def test_the_editor_group_may_do_everything_with_corrections():
    editor = Group.objects.get(name="Editor")
    codenames = set(
        editor.permissions.filter(content_type__model="correction").values_list(
            "codename", flat=True
        )
    )
    assert codenames == {
        "add_correction",
        "change_correction",
        "delete_correction",
        "view_correction",
    }
    contributor = Group.objects.get(name="Contributor")
    assert list(
        contributor.permissions.filter(content_type__model="correction").values_list(
            "codename", flat=True
        )
    ) == ["view_correction"]


# Readers' email addresses: editors only

READER_EMAIL = "leyla.mammadova@example.org"


@pytest.fixture
def emailed(correction):
    correction.email = READER_EMAIL
    correction.save()
    return correction


def test_an_editor_sees_a_readers_email_and_finds_corrections_by_it(
    editor_client, emailed
):
    assert READER_EMAIL in editor_client.get(change_url(emailed)).text
    page = editor_client.get(reverse(CHANGELIST), {"q": READER_EMAIL})
    assert list(page.context["cl"].result_list) == [emailed]


def test_a_contributor_never_sees_a_readers_email(client, contributor, emailed):
    client.force_login(contributor)
    change = client.get(change_url(emailed))
    assert change.status_code == 200
    assert MESSAGE in change.text
    assert READER_EMAIL not in change.text
    assert "reader&#x27;s email" not in change.text.lower()
    listing = client.get(reverse(CHANGELIST))
    assert listing.status_code == 200
    assert READER_EMAIL not in listing.text


def test_a_contributor_cannot_find_corrections_by_a_readers_email(
    client, contributor, emailed
):
    client.force_login(contributor)
    search = client.get(reverse(CHANGELIST), {"q": READER_EMAIL})
    assert list(search.context["cl"].result_list) == []
    probe = client.get(reverse(CHANGELIST), {"email__startswith": "leyla"})
    assert probe.status_code in (302, 400)
    assert READER_EMAIL not in probe.text
    assert "leyla" not in probe.get("Location", "")


def test_an_editor_may_filter_the_list_by_email(editor_client, emailed):
    page = editor_client.get(reverse(CHANGELIST), {"email__startswith": "leyla"})
    assert page.status_code == 200
    assert list(page.context["cl"].result_list) == [emailed]
