"""History through the admin: every save makes a version; editors compare two
versions field by field, revert to one and recover deleted records — in every
language — and a stale form never overwrites a newer save."""

import pytest
from django.urls import reverse
from reversion.models import Version

from events.models import Event
from portal.models import Citation
from tests.admin_forms import form_data
from tests.builders import cite, make_event

pytestmark = pytest.mark.django_db


def change_url(event):
    return reverse("admin:events_event_change", args=[event.pk])


def save_in_admin(client, event, **changes):
    data = form_data(client.get(change_url(event)))
    data.update(changes)
    response = client.post(change_url(event), data)
    assert response.status_code == 302, (
        response.context and response.context["adminform"].form.errors
    )
    return response


def versions(event):
    return list(Version.objects.get_for_object(event).order_by("pk"))


def test_every_admin_save_makes_a_version_with_its_author(editor_client, editor):
    event = make_event(title="First")
    save_in_admin(editor_client, event, title_en="Second", title_az="İkinci")
    (version,) = versions(event)
    assert version.revision.user == editor
    assert version.revision.get_comment()
    assert version.field_dict["title_en"] == "Second"
    assert version.field_dict["title_az"] == "İkinci"


def test_versions_hold_every_language(editor_client):
    event = make_event()
    save_in_admin(editor_client, event, title_zh_hans="会谈")
    stored = versions(event)[-1].field_dict
    assert {"title_en", "title_az", "title_zh_hans", "summary_az"} <= set(stored)
    assert stored["title_zh_hans"] == "会谈"


def test_editors_compare_two_versions_field_by_field(editor_client):
    event = make_event(title="Talks")
    save_in_admin(editor_client, event, title_az="Danışıqlar")
    save_in_admin(editor_client, event, title_az="Bakıda danışıqlar", title_en="Talks")
    first, second = versions(event)
    url = reverse("admin:events_event_compare", args=[event.pk])
    response = editor_client.get(
        url, {"version_id1": first.pk, "version_id2": second.pk}
    )
    assert response.status_code == 200
    assert "Danışıqlar" in response.text
    assert "Bakıda" in response.text


def test_reverting_restores_every_language(editor_client):
    event = make_event(title="Original")
    save_in_admin(editor_client, event, title_az="Orijinal")
    save_in_admin(editor_client, event, title_en="Changed", title_az="Dəyişdirilib")
    original = versions(event)[0]
    url = reverse("admin:events_event_revision", args=[event.pk, original.pk])
    data = form_data(editor_client.get(url), form_id="event_form")
    assert editor_client.post(url, data).status_code == 302
    event.refresh_from_db()
    assert (event.title_en, event.title_az) == ("Original", "Orijinal")
    assert "Reverted" in versions(event)[-1].revision.get_comment()


def test_a_deleted_record_is_recovered_with_its_translations_and_sources(
    editor_client,
):
    event = make_event(title="Gone", title_zh_hans="已删除")
    cite(event, quote="The quote that backs it.")
    save_in_admin(editor_client, event)
    pk = event.pk
    delete = reverse("admin:events_event_delete", args=[pk])
    assert editor_client.post(delete, {"post": "yes"}).status_code == 302
    assert not Event.objects.filter(pk=pk).exists()
    assert not Citation.objects.filter(object_id=pk).exists()

    listing = editor_client.get(reverse("admin:events_event_recoverlist"))
    assert "Gone" in listing.text
    version = Version.objects.get_deleted(Event).get(object_id=str(pk))
    url = reverse("admin:events_event_recover", args=[version.pk])
    data = form_data(editor_client.get(url), form_id="event_form")
    assert editor_client.post(url, data).status_code == 302
    event = Event.objects.get(pk=pk)
    assert event.title_zh_hans == "已删除"
    assert event.citations.get().quote == "The quote that backs it."


def test_a_stale_form_is_refused_and_the_newer_save_survives(client, editor, db):
    from django.test import Client

    event = make_event(title="Start")
    alice, other = client, Client()
    alice.force_login(editor)
    other.force_login(editor)
    alices_form = form_data(alice.get(change_url(event)))
    others_form = form_data(other.get(change_url(event)))

    others_form["title_en"] = "Saved first"
    assert other.post(change_url(event), others_form).status_code == 302

    alices_form["title_en"] = "Saved second, from a stale form"
    response = alice.post(change_url(event), alices_form)
    assert response.status_code == 200
    assert "Someone else saved this record after you opened it" in response.text
    history = reverse("admin:events_event_history", args=[event.pk])
    assert f'href="{history}"' in response.text
    event.refresh_from_db()
    assert event.title == "Saved first"


def test_reverting_works_after_later_edits(editor_client):
    event = make_event(title="One")
    save_in_admin(editor_client, event, title_en="Two")
    save_in_admin(editor_client, event, title_en="Three")
    first = versions(event)[0]
    url = reverse("admin:events_event_revision", args=[event.pk, first.pk])
    data = form_data(editor_client.get(url), form_id="event_form")
    assert editor_client.post(url, data).status_code == 302
    event.refresh_from_db()
    assert event.title == "Two"
    # The reverted record can be edited again normally.
    save_in_admin(editor_client, event, title_en="Four")
    event.refresh_from_db()
    assert event.title == "Four"
