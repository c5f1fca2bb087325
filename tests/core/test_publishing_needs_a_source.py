"""Nothing is published without a source (portal/core/workflow.py): every path
that publishes a record refuses one without a citation that quotes its source,
naming it; an indicator's observations each need one of their own. Records
published before the rule stay published, and the admin warns on them."""

import datetime

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse
from django.utils import timezone

from events.models import Event
from events.resources import EventResource
from portal.core import workflow
from portal.core.models import Citation, Indicator, Observation, Person, Status
from portal.core.resources import IndicatorResource, ObservationResource
from tests.admin_forms import form_data
from tests.builders import (
    add_observation,
    cite,
    make_event,
    make_indicator,
    make_person,
    make_source,
)

pytestmark = pytest.mark.django_db

ADD = reverse("admin:events_event_add")
CHANGELIST = reverse("admin:events_event_changelist")
REFUSAL = "has no citation with a quote"


def change_url(record):
    opts = record._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])


def edit(client, record, **changes):
    data = form_data(client.get(change_url(record)))
    data.update(changes)
    return client.post(change_url(record), data)


def run_action(client, action, *records, changelist=CHANGELIST):
    data = {
        "action": action,
        "post": "yes",  # the answer to publishing's confirmation
        ACTION_CHECKBOX_NAME: [str(r.pk) for r in records],
    }
    return client.post(changelist, data, follow=True)


def shown_messages(response):
    return [str(message) for message in response.context["messages"]]


def citation_rows(prefix, *rows):
    """The POST data of a record's citation rows (the generic inline)."""
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": "0",
    }
    for number, (source, quote) in enumerate(rows):
        data[f"{prefix}-{number}-source"] = str(source.pk)
        data[f"{prefix}-{number}-quote"] = quote
        data[f"{prefix}-{number}-position"] = "0"
    return data


CITATIONS = "portal-citation-content_type-object_id"


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


# The admin's button and status field


def test_the_publish_button_refuses_a_record_without_a_citation(editor_client):
    event = make_event(status=Status.REVIEW, title="Uncited talks")
    response = edit(
        editor_client, event, _publish="Save and publish", _publish_confirmed="1"
    )
    assert response.status_code == 200
    assert REFUSAL in response.text
    assert "Uncited talks" in response.text
    event.refresh_from_db()
    assert event.status == Status.REVIEW


def test_a_citation_without_a_quote_is_not_a_source(editor_client):
    event = make_event(status=Status.REVIEW)
    cite(event, quote="   ")
    edit(editor_client, event, _publish="Save and publish", _publish_confirmed="1")
    event.refresh_from_db()
    assert event.status == Status.REVIEW


def test_a_new_record_is_published_with_the_citation_added_on_the_same_form(
    editor_client,
):
    source = make_source(slug="news")
    data = new_event_data(
        editor_client, _publish="Save and publish", _publish_confirmed="1"
    )
    refused = editor_client.post(ADD, data)
    assert REFUSAL in refused.text
    assert not Event.objects.exists()

    data.update(citation_rows(CITATIONS, (source, "Officials met to discuss freight.")))
    assert editor_client.post(ADD, data).status_code == 302
    event = Event.objects.get()
    assert event.status == Status.PUBLISHED
    assert event.citations.get().quote == "Officials met to discuss freight."


def test_the_status_field_refuses_publishing_without_a_citation(editor_client):
    data = new_event_data(editor_client, status="published")
    response = editor_client.post(ADD, data)
    assert response.status_code == 200
    assert REFUSAL in response.text
    assert not Event.objects.exists()


def test_removing_the_last_quoted_citation_of_a_published_record_is_refused(
    editor_client,
):
    event = make_event(title="Cited talks")
    data = form_data(editor_client.get(change_url(event)))
    data[f"{CITATIONS}-0-DELETE"] = "on"
    response = editor_client.post(change_url(event), data)
    assert response.status_code == 200
    assert REFUSAL in response.text
    assert event.citations.exists()
    # Returned to draft, it may lose it.
    data["status"] = "draft"
    assert editor_client.post(change_url(event), data).status_code == 302
    assert not event.citations.exists()


# Scheduled publication


def test_scheduling_a_record_without_a_citation_is_refused(editor_client):
    event = make_event(status=Status.REVIEW)
    at = timezone.localtime(timezone.now() + datetime.timedelta(days=2))
    response = edit(
        editor_client,
        event,
        published_at_0=at.strftime("%Y-%m-%d"),
        published_at_1=at.strftime("%H:%M:%S"),
        _publish="Save and publish",
    )
    assert REFUSAL in response.text
    event.refresh_from_db()
    assert event.status == Status.REVIEW

    run_action(editor_client, "publish", event)
    event.refresh_from_db()
    assert event.status == Status.REVIEW


def test_a_scheduled_record_keeps_its_last_quoted_citation(editor_client):
    event = make_event(
        status=Status.PUBLISHED,
        published_at=timezone.now() + datetime.timedelta(days=2),
    )
    (citation,) = event.citations.all()
    url = reverse("admin:portal_citation_delete", args=[citation.pk])
    response = editor_client.post(url, {"post": "yes"}, follow=True)
    assert any("last citation with a quote" in m for m in shown_messages(response))
    assert Citation.objects.filter(pk=citation.pk).exists()


# The list action


def test_the_publish_action_refuses_uncited_records_and_names_them(editor_client):
    cited = make_event(status=Status.DRAFT, cited=True, title="Cited")
    uncited = make_event(status=Status.DRAFT, title="Not cited")
    response = run_action(editor_client, "publish", cited, uncited)
    cited.refresh_from_db()
    uncited.refresh_from_db()
    assert cited.status == Status.PUBLISHED
    assert uncited.status == Status.DRAFT
    refusals = [m for m in shown_messages(response) if REFUSAL in m]
    assert len(refusals) == 1 and "“Not cited”" in refusals[0]
    assert "1 record(s) published." in shown_messages(response)


def test_the_workflow_refuses_wherever_it_is_called(editor):
    person = make_person(status=Status.DRAFT, name="Someone")
    with pytest.raises(workflow.Unsourced, match="“Someone”"):
        workflow.publish(person, editor)
    cite(person)
    workflow.publish(person, editor)
    assert person.status == Status.PUBLISHED


# The import


EVENT_HEADERS = ["slug", "title_en", "summary_en", "kind", "date"]


def test_an_import_refuses_to_publish_a_new_record(editor):
    import tablib

    dataset = tablib.Dataset(
        ["talks-in-baku", "Talks in Baku", "They talked.", "talks", "2025-09"],
        headers=EVENT_HEADERS,
    )
    result = EventResource(user=editor, status=Status.PUBLISHED).import_data(
        dataset, dry_run=False
    )
    (invalid,) = result.invalid_rows
    (message,) = invalid.non_field_specific_errors
    assert REFUSAL in message and "“Talks in Baku”" in message
    assert not Event.objects.exists()


def test_an_import_publishes_an_existing_record_that_cites_its_source(editor):
    import tablib

    event = make_event(slug="talks-in-baku", status=Status.DRAFT, cited=True)
    dataset = tablib.Dataset(
        ["talks-in-baku", "Talks in Baku", "They talked.", "talks", "2025-09"],
        headers=EVENT_HEADERS,
    )
    result = EventResource(user=editor, status=Status.PUBLISHED).import_data(
        dataset, dry_run=False
    )
    assert not result.has_validation_errors()
    event.refresh_from_db()
    assert event.status == Status.PUBLISHED


# Observations


def test_an_indicator_is_published_only_with_every_figure_cited(editor_client):
    indicator = make_indicator(status=Status.DRAFT, cited=True, name="Trains")
    add_observation(indicator, cited=True, period_end=datetime.date(2025, 10, 31))
    add_observation(indicator, period_start=datetime.date(2024, 1, 1))
    changelist = reverse("admin:portal_indicator_changelist")
    response = run_action(editor_client, "publish", indicator, changelist=changelist)
    indicator.refresh_from_db()
    assert indicator.status == Status.DRAFT
    (refusal,) = [m for m in shown_messages(response) if "Trains" in m]
    assert "without a citation of their own" in refusal
    assert "2024" in refusal


def test_a_published_indicators_new_figure_needs_its_own_page(editor_client):
    indicator = make_indicator(name="Trains")
    data = form_data(editor_client.get(change_url(indicator)))
    prefix = "observations"
    data.update(
        {
            f"{prefix}-TOTAL_FORMS": str(int(data[f"{prefix}-TOTAL_FORMS"]) + 1),
            f"{prefix}-0-period_start": "2025-01-01",
            f"{prefix}-0-period_end": "2025-06-30",
            f"{prefix}-0-period_precision": "month",
            f"{prefix}-0-value": "10",
        }
    )
    response = editor_client.post(change_url(indicator), data)
    assert "own page (Observations, Add)" in response.text
    assert not Observation.objects.exists()


def test_a_figure_of_a_published_indicator_is_saved_only_with_its_own_quote(
    editor_client,
):
    indicator = make_indicator()
    add = reverse("admin:portal_observation_add")
    data = form_data(editor_client.get(add))
    data.update(
        {
            "indicator": str(indicator.pk),
            "period_start": "2025-01-01",
            "period_end": "2025-06-30",
            "period_precision": "month",
            "value": "10",
        }
    )
    refused = editor_client.post(add, data)
    assert REFUSAL in refused.text
    assert not Observation.objects.exists()
    data.update(citation_rows(CITATIONS, (make_source(), "Ten trains ran.")))
    assert editor_client.post(add, data).status_code == 302
    assert Observation.objects.get().citations.get().quote == "Ten trains ran."


def test_an_import_adds_no_uncited_figure_to_a_published_indicator(editor):
    import tablib

    indicator = make_indicator(slug="trains")
    dataset = tablib.Dataset(
        ["trains", "2025-01", "2025-06", "10"],
        headers=["indicator", "period_start", "period_end", "value"],
    )
    result = ObservationResource(user=editor).import_data(dataset, dry_run=False)
    (invalid,) = result.invalid_rows
    assert REFUSAL in invalid.non_field_specific_errors[0]
    assert not indicator.observations.exists()

    indicator.status = Status.DRAFT
    indicator.save()
    result = ObservationResource(user=editor).import_data(dataset, dry_run=False)
    assert not result.has_validation_errors()
    # And the indicator is not published by import while the figure is uncited.
    indicator_row = tablib.Dataset(["trains", "Trains"], headers=["slug", "name_en"])
    result = IndicatorResource(user=editor, status=Status.PUBLISHED).import_data(
        indicator_row, dry_run=False
    )
    assert "without a citation of their own" in str(result.invalid_rows[0].error_dict)
    assert Indicator.objects.get().status == Status.DRAFT


# Records published before the rule


def test_a_record_published_before_the_rule_stays_public_with_a_warning(
    client, editor_client
):
    person = make_person(cited=False, name="Old record")
    assert client.get(person.get_absolute_url()).status_code == 200
    response = editor_client.get(change_url(person))
    warnings = [m for m in shown_messages(response) if "without a source" in m]
    assert len(warnings) == 1 and "“Old record”" in warnings[0]
    assert Person.objects.get(pk=person.pk).status == Status.PUBLISHED


def test_a_cited_record_shows_no_warning(editor_client):
    person = make_person()
    response = editor_client.get(change_url(person))
    assert not [m for m in shown_messages(response) if "without a source" in m]


def test_the_citations_admin_keeps_a_published_records_last_quote(editor_client):
    event = make_event()
    (citation,) = event.citations.all()
    url = reverse("admin:portal_citation_change", args=[citation.pk])
    data = form_data(editor_client.get(url))
    data["quote"] = ""
    response = editor_client.post(url, data)
    assert "last citation with a quote" in response.text
    citation.refresh_from_db()
    assert citation.quote

    changelist = reverse("admin:portal_citation_changelist")
    response = editor_client.post(
        changelist,
        {"action": "delete_selected", ACTION_CHECKBOX_NAME: [citation.pk]},
        follow=True,
    )
    assert any("last citation with a quote" in m for m in shown_messages(response))
    assert Citation.objects.filter(pk=citation.pk).exists()
    # With a second quoted citation, the first may go.
    Citation.objects.create(
        content_object=event, source=make_source(), quote="Another source says so."
    )
    response = editor_client.post(
        changelist,
        {
            "action": "delete_selected",
            ACTION_CHECKBOX_NAME: [citation.pk],
            "post": "yes",
        },
    )
    assert not Citation.objects.filter(pk=citation.pk).exists()


def test_the_list_finds_records_published_without_a_source(editor_client):
    make_event(title="Cited talks")
    make_event(title="Old uncited talks", cited=False)
    make_event(title="Uncited draft", status=Status.DRAFT)
    response = editor_client.get(CHANGELIST + "?sourced=no")
    shown = {event.title for event in response.context["cl"].result_list}
    assert shown == {"Old uncited talks"}
