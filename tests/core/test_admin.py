"""The editors' admin: every model's list, add and change pages load."""

import pytest
from django.contrib import admin
from django.db import connection
from django.urls import reverse

from portal.editorial.models import Correction
from tests.builders import (
    add_measure,
    add_milestone,
    add_observation,
    add_office,
    add_participant,
    add_partner,
    cite,
    make_agreement,
    make_event,
    make_indicator,
    make_person,
    make_place,
    make_project,
)

pytestmark = pytest.mark.django_db

OUR_APPS = {"portal", "events", "projects", "editorial"}
MODELS = [model for model in admin.site._registry if model._meta.app_label in OUR_APPS]


@pytest.fixture
def one_of_each():
    event = make_event(place=make_place())
    add_participant(event)
    add_office(make_person())
    project = make_project()
    add_partner(project)
    add_milestone(project)
    add_measure(project, 240)
    cite(event)
    make_agreement(event=event)
    add_observation(make_indicator())
    Correction.objects.create(content_object=event, message="A reader's note.")


def test_every_model_of_ours_is_in_the_admin():
    registered = {model.__name__ for model in MODELS}
    assert registered == {
        "Place",
        "Person",
        "Office",
        "Organization",
        "Source",
        "Citation",
        "Indicator",
        "Observation",
        "Event",
        "Participation",
        "Agreement",
        "Sector",
        "Project",
        "Partner",
        "Milestone",
        "MeasureKind",
        "Unit",
        "Measure",
        "Correction",
    }


def test_changelist_add_and_change_pages_load(editor_client, one_of_each, subtests):
    for model in MODELS:
        with subtests.test(model.__name__):
            prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
            changelist = editor_client.get(reverse(f"{prefix}_changelist"))
            assert changelist.status_code == 200
            assert editor_client.get(reverse(f"{prefix}_add")).status_code == 200
            change = reverse(f"{prefix}_change", args=[model.objects.first().pk])
            assert editor_client.get(change).status_code == 200


def test_changelists_do_not_run_a_query_per_row(
    editor_client, django_assert_max_num_queries, subtests
):
    # One set of rows for every changelist (making them is most of the cost).
    for _ in range(15):
        event = make_event()
        add_participant(event)
        project = make_project()
        add_partner(project)
        add_milestone(project)
        cite(event)
        make_agreement(event=event)
        add_office(make_person())
    add_observation(make_indicator())
    for model in MODELS:
        with subtests.test(model.__name__):
            opts = model._meta
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
            # 15, plus two every admin page pays: whether the editor has an
            # authenticator app (portal/editorial/twofactor.py) and the
            # session's new expiry (idle timeout).
            with django_assert_max_num_queries(17):
                assert editor_client.get(url).status_code == 200


def test_the_event_form_offers_inlines_autocomplete_and_view_on_site(editor_client):
    event = make_event()
    text = editor_client.get(reverse("admin:events_event_change", args=[event.pk])).text
    assert "participations-TOTAL_FORMS" in text
    assert "portal-citation-content_type-object_id-TOTAL_FORMS" in text
    assert "admin-autocomplete" in text
    assert "View on site" in text


def test_saving_in_the_admin_records_who_created_and_changed(editor_client, editor):
    response = editor_client.post(
        reverse("admin:portal_person_add"),
        {
            "name_en": "Lu Mei",
            "slug": "lu-mei",
            "status": "draft",
            "portal-citation-content_type-object_id-TOTAL_FORMS": "0",
            "portal-citation-content_type-object_id-INITIAL_FORMS": "0",
            "offices-TOTAL_FORMS": "0",
            "offices-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302
    from portal.core.models import Person

    person = Person.objects.get(slug="lu-mei")
    assert person.created_by == editor
    assert person.updated_by == editor


def test_translated_fields_show_as_tabs_served_from_our_own_static_files(
    editor_client,
):
    event = make_event()
    text = editor_client.get(reverse("admin:events_event_change", args=[event.pk])).text
    assert 'name="title_en"' in text
    assert 'name="title_az"' in text
    assert 'name="title_zh_hans"' in text
    assert "/static/vendor/jquery-ui/jquery-ui.min." in text
    assert "tabbed_translation_fields" in text
    assert "googleapis" not in text
    assert "code.jquery.com" not in text


def test_the_changelist_finds_records_missing_a_language(editor_client):
    translated = make_event(
        title="Both",
        title_az="Hər ikisi",
        title_zh_hans="两者",
        summary_az="Xülasə.",
        summary_zh_hans="摘要。",
    )
    summary_missing = make_event(title="Partly", title_az="Qismən")
    english_only = make_event(title="English only")
    url = reverse("admin:events_event_changelist")
    listed = editor_client.get(url + "?missing=az").context["cl"].result_list
    assert set(listed) == {english_only, summary_missing}
    chinese = editor_client.get(url + "?missing=zh-hans").context["cl"].result_list
    assert translated not in chinese
    assert english_only in chinese


@pytest.mark.parametrize(
    "name", ["events_event", "projects_project", "portal_person", "portal_place"]
)
def test_changelists_offer_import_export_and_recover_deleted_together(
    editor_client, name
):
    text = editor_client.get(reverse(f"admin:{name}_changelist")).text
    assert reverse(f"admin:{name}_import") in text
    assert reverse(f"admin:{name}_export") in text
    assert reverse(f"admin:{name}_recoverlist") in text


def test_the_changelist_search_finds_records_by_their_words_or_slug(editor_client):
    make_event(title="Əliyev visits Beijing", summary="A state visit.", slug="a-visit")
    make_event(title="Talks in Baku", slug="talks-in-baku")
    url = reverse("admin:events_event_changelist")

    def found(query):
        response = editor_client.get(url, {"q": query})
        return {event.slug for event in response.context["cl"].result_list}

    assert found("Əliyev Beijing") == {"a-visit"}
    assert found("state visit") == {"a-visit"}
    assert found("talks-in-baku") == {"talks-in-baku"}
    if connection.vendor == "postgresql":
        # The stored, folded text: Azerbaijani letters match their neighbours.
        assert found("aliyev") == {"a-visit"}
