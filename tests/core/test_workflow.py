"""Roles and the editorial workflow, through the real admin: who may create,
edit, send for review, publish, archive and delete."""

import datetime
from unittest import mock

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse
from django.utils import timezone

from events.models import Event
from portal.core import workflow
from portal.core.models import Status
from tests.admin_forms import form_data
from tests.builders import make_event, make_place

pytestmark = pytest.mark.django_db

ADD = reverse("admin:events_event_add")
CHANGELIST = reverse("admin:events_event_changelist")


def change_url(event):
    return reverse("admin:events_event_change", args=[event.pk])


def new_event_data(client, **changes):
    data = form_data(client.get(ADD))
    data.update(
        {
            "title_en": "Talks on the Middle Corridor",
            "slug": "talks-middle-corridor",
            "summary_en": "Officials discussed freight.",
            "kind": "talks",
            "date": "2025-10-01",
            "date_precision": "month",
            **changes,
        }
    )
    return data


def edit(client, event, **changes):
    response = client.get(change_url(event))
    data = form_data(response)
    data.update(changes)
    return client.post(change_url(event), data)


def run_action(client, action, *events):
    # "post": the answer to the confirmation publishing asks first (issue 20).
    data = {"action": action, "post": "yes", ACTION_CHECKBOX_NAME: []}
    for event in events:
        data[ACTION_CHECKBOX_NAME].append(str(event.pk))
    return client.post(CHANGELIST, data, follow=True)


# Contributors


def test_a_contributor_creates_a_draft_of_their_own(contributor_client, contributor):
    response = contributor_client.post(ADD, new_event_data(contributor_client))
    assert response.status_code == 302
    event = Event.objects.get(slug="talks-middle-corridor")
    assert event.status == Status.DRAFT
    assert event.created_by == contributor


def test_a_contributor_cannot_publish_through_the_form(contributor_client):
    data = new_event_data(contributor_client, status="published")
    assert "status" not in form_data(contributor_client.get(ADD))
    contributor_client.post(ADD, data)
    assert Event.objects.get().status == Status.DRAFT

    event = Event.objects.get()
    response = edit(contributor_client, event, _publish="Save and publish")
    assert response.status_code == 403
    event.refresh_from_db()
    assert event.status == Status.DRAFT


def test_a_contributor_cannot_publish_with_an_action(contributor_client, contributor):
    event = make_event(status=Status.REVIEW, created_by=contributor)
    run_action(contributor_client, "publish", event)
    event.refresh_from_db()
    assert event.status == Status.REVIEW
    listing = contributor_client.get(CHANGELIST).text
    assert 'value="publish"' not in listing
    assert 'value="send_for_review"' in listing


def test_a_contributor_sends_a_draft_for_review(contributor_client, contributor):
    event = make_event(status=Status.DRAFT, created_by=contributor)
    response = edit(contributor_client, event, _send_for_review="Send")
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.status == Status.REVIEW
    assert event.submitted_by == contributor
    assert event.submitted_at is not None


def test_a_contributor_cannot_change_a_record_after_it_leaves_their_hands(
    contributor_client, contributor
):
    for status in (Status.REVIEW, Status.PUBLISHED, Status.ARCHIVED):
        event = make_event(status=status, created_by=contributor, title="Before")
        page = contributor_client.get(change_url(event)).text
        assert 'name="_save"' not in page
        assert 'name="_send_for_review"' not in page
        response = edit(contributor_client, event, title_en="After")
        assert response.status_code == 403, status
        event.refresh_from_db()
        assert event.title == "Before"


def test_a_contributor_cannot_change_someone_elses_draft(
    contributor_client, other_contributor
):
    event = make_event(
        status=Status.DRAFT, created_by=other_contributor, title="Theirs"
    )
    assert edit(contributor_client, event, title_en="Mine").status_code == 403
    event.refresh_from_db()
    assert event.title == "Theirs"


def test_a_contributor_cannot_delete(contributor_client, contributor):
    event = make_event(status=Status.DRAFT, created_by=contributor)
    url = reverse("admin:events_event_delete", args=[event.pk])
    assert contributor_client.post(url, {"post": "yes"}).status_code == 403
    run_action(contributor_client, "delete_selected", event)
    assert Event.objects.filter(pk=event.pk).exists()


def test_a_contributor_may_read_published_records_in_the_admin(contributor_client):
    event = make_event()
    response = contributor_client.get(change_url(event))
    assert response.status_code == 200
    assert 'name="title_en"' not in response.text  # read-only view


# Editors


def test_an_editor_publishes_through_the_form(editor_client):
    event = make_event(status=Status.REVIEW, cited=True)
    response = edit(
        editor_client, event, _publish="Save and publish", _publish_confirmed="1"
    )
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.status == Status.PUBLISHED
    assert event.published_at is not None


def test_an_editor_publishes_returns_and_archives_with_actions(editor_client):
    first = make_event(status=Status.REVIEW, cited=True)
    second = make_event(status=Status.DRAFT, cited=True)
    run_action(editor_client, "publish", first, second)
    assert set(Event.objects.values_list("status", flat=True)) == {Status.PUBLISHED}
    first.refresh_from_db()
    run_action(editor_client, "archive", first)
    first.refresh_from_db()
    assert first.status == Status.ARCHIVED
    run_action(editor_client, "return_to_draft", first)
    first.refresh_from_db()
    assert first.status == Status.DRAFT


def test_an_editor_may_change_published_records_and_delete(editor_client):
    event = make_event(title="Old title")
    assert edit(editor_client, event, title_en="New title").status_code == 302
    event.refresh_from_db()
    assert event.title == "New title"
    url = reverse("admin:events_event_delete", args=[event.pk])
    assert editor_client.post(url, {"post": "yes"}).status_code == 302
    assert not Event.objects.filter(pk=event.pk).exists()


def test_authors_are_recorded(editor_client, editor, contributor_client, contributor):
    contributor_client.post(ADD, new_event_data(contributor_client))
    event = Event.objects.get()
    assert (event.created_by, event.updated_by) == (contributor, contributor)
    editor_client.force_login(editor)
    edit(editor_client, event, title_en="Edited")
    event.refresh_from_db()
    assert (event.created_by, event.updated_by) == (contributor, editor)


def test_the_review_queue_lists_records_oldest_first_with_their_sender(
    editor_client, contributor
):
    now = timezone.now()
    newer = make_event(title="Newer", status=Status.REVIEW, submitted_by=contributor)
    older = make_event(title="Older", status=Status.REVIEW, submitted_by=contributor)
    Event.objects.filter(pk=newer.pk).update(submitted_at=now)
    Event.objects.filter(pk=older.pk).update(
        submitted_at=now - datetime.timedelta(days=2)
    )
    make_event(title="Published one")
    text = editor_client.get(reverse("admin:index")).text
    queue = text.split('id="review-queue"')[1].split("</table>")[0]
    assert queue.index("Older") < queue.index("Newer")
    assert "bob" in queue
    assert "Published one" not in queue


# Scheduled publishing


def test_a_scheduled_record_appears_at_its_time_and_not_before(client, editor_client):
    event = make_event(status=Status.REVIEW, title="Scheduled talks", cited=True)
    at = timezone.now() + datetime.timedelta(hours=3)
    edit(
        editor_client,
        event,
        published_at_0=timezone.localtime(at).strftime("%Y-%m-%d"),
        published_at_1=timezone.localtime(at).strftime("%H:%M:%S"),
        _publish="Save and publish",
        _publish_confirmed="1",
    )
    event.refresh_from_db()
    assert event.status == Status.PUBLISHED
    url = event.get_absolute_url()
    assert client.get(url).status_code == 404
    assert "Scheduled talks" not in client.get(reverse("events:list")).text

    later = at + datetime.timedelta(seconds=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        assert client.get(url).status_code == 200
        assert "Scheduled talks" in client.get(reverse("events:list")).text


def test_records_without_a_workflow_follow_their_model_permissions(contributor, editor):
    baku = make_place()
    assert not workflow.can_edit(contributor, baku)
    assert workflow.can_edit(editor, baku)


def test_sending_for_review_moves_only_the_records_a_contributor_may_edit(
    contributor_client, contributor, other_contributor
):
    mine = make_event(status=Status.DRAFT, created_by=contributor, title="Mine")
    theirs = make_event(
        status=Status.DRAFT, created_by=other_contributor, title="Their draft"
    )
    response = run_action(contributor_client, "send_for_review", mine, theirs)
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert mine.status == Status.REVIEW
    assert mine.submitted_by == contributor
    assert theirs.status == Status.DRAFT
    assert theirs.submitted_by is None
    assert theirs.updated_by is None
    shown = [message.message for message in response.context["messages"]]
    assert any("Their draft" in message for message in shown), shown
    assert "1 record(s) sent for review." in shown
