"""History through the admin: every save makes a version; editors compare two
versions field by field, revert to one and recover deleted records — in every
language — and a stale form never overwrites a newer save."""

import json

import pytest
import reversion
from django.contrib.messages import get_messages
from django.core.management import call_command
from django.urls import reverse
from reversion.models import Revision, Version

from events.models import Agreement, Event
from portal.core import history
from portal.core.models import Citation, Person, Place, Status
from tests.admin_forms import form_data
from tests.builders import (
    add_participant,
    cite,
    make_agreement,
    make_event,
    make_person,
)

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


# Reverting one record (issue 15, item 1)

A_SLUG = "heydar-aliyev-visit-to-china-1994"
B_SLUG = "chinese-embassy-foundation-stone-2000"


def post_admin_form(client, url, form_id=None, **changes):
    response = client.get(url)
    assert response.status_code == 200
    data = form_data(response, form_id=form_id)
    data.update(changes)
    response = client.post(url, data)
    assert response.status_code == 302, (
        response.context and response.context["adminform"].form.errors
    )
    return response


def revert_in_admin(client, record, version, **changes):
    opts = record._meta
    url = reverse(
        f"admin:{opts.app_label}_{opts.model_name}_revision",
        args=[record.pk, version.pk],
    )
    return post_admin_form(client, url, form_id=f"{opts.model_name}_form", **changes)


def test_reverting_one_seed_record_leaves_every_other_record_alone(
    seeded, editor_client
):
    a = Event.objects.get(slug=A_SLUG)
    b = Event.objects.get(slug=B_SLUG)
    baku = Place.objects.get(slug="baku")
    seed_title_b = b.title
    (seed_version,) = versions(b)

    save_in_admin(editor_client, a, title_en="A, edited by an editor")
    post_admin_form(
        editor_client,
        reverse("admin:portal_place_change", args=[baku.pk]),
        name_en="Baku, edited",
    )
    post_admin_form(
        editor_client,
        reverse("admin:events_agreement_add"),
        title_en="A new memorandum",
        slug="a-new-memorandum",
        summary_en="Signed during A.",
        kind="memorandum",
        signed_on="1994-03-10",
        signed_on_precision="day",
        event=str(a.pk),
    )
    save_in_admin(editor_client, b, title_en="B, edited by an editor")

    response = revert_in_admin(editor_client, b, seed_version)

    a.refresh_from_db()
    baku.refresh_from_db()
    b.refresh_from_db()
    assert a.title == "A, edited by an editor"
    assert baku.name == "Baku, edited"
    assert Agreement.objects.filter(slug="a-new-memorandum", event=a).exists()
    assert b.title == seed_title_b
    shown = [m.message for m in get_messages(response.wsgi_request)]
    assert any("No other record was changed" in m for m in shown), shown


def participations_of(event):
    return sorted(
        event.participations.values_list("pk", "person_id", "role_en", "side")
    )


def citations_of(record):
    return sorted(record.citations.values_list("pk", "source_id", "quote"))


def test_reverting_a_record_restores_its_own_participants_and_citations(
    seeded, editor_client
):
    b = Event.objects.get(slug=B_SLUG)
    (seed_version,) = versions(b)
    seed_participants, seed_citations = participations_of(b), citations_of(b)
    newcomer = Person.objects.get(slug="lu-mei")
    data = form_data(editor_client.get(change_url(b)))
    data.update(
        {
            "participations-0-DELETE": "on",
            "participations-1-role_en": "A role changed since",
            "participations-TOTAL_FORMS": "3",
            "participations-2-person": str(newcomer.pk),
            "participations-2-role_en": "A participant added since",
            "participations-2-side": "cn",
            "participations-2-position": "2",
            "portal-citation-content_type-object_id-0-quote": "A quote changed since.",
        }
    )
    assert editor_client.post(change_url(b), data).status_code == 302
    assert participations_of(b) != seed_participants
    assert citations_of(b) != seed_citations

    revert_in_admin(editor_client, b, seed_version)

    assert participations_of(b) == seed_participants
    assert citations_of(b) == seed_citations
    assert not b.participations.filter(person=newcomer).exists()


def test_a_revision_of_several_records_made_before_the_fix_reverts_only_one(
    editor_client,
):
    # Before issue 15 the seed and each import saved many records in one
    # revision, and events' history followed their agreements.
    with reversion.create_revision():
        x = make_event(title="X as it was")
        person = make_person(name="P as it was")
        add_participant(x, person=person, role="X's participant")
        y = make_event(title="Y as it was")
        signed = make_agreement(event=x, title="Z as it was")
    legacy = versions(x)[0]
    # (Beside the records, the citations the builders give them.)
    records = legacy.revision.version_set.exclude(
        content_type__model__in=["citation", "source"]
    )
    assert records.count() == 5
    Person.objects.filter(pk=person.pk).update(name="P, renamed")

    save_in_admin(editor_client, x, title_en="X, edited")
    save_in_admin(editor_client, y, title_en="Y, edited")
    post_admin_form(
        editor_client,
        reverse("admin:events_agreement_change", args=[signed.pk]),
        title_en="Z, edited",
    )
    later = make_agreement(event=x, title="Signed since")
    add_participant(y, role="Y's participant, added since")

    revert_in_admin(editor_client, x, legacy)

    x.refresh_from_db()
    y.refresh_from_db()
    signed.refresh_from_db()
    assert x.title == "X as it was"
    assert x.participations.get().role == "X's participant"
    assert y.title == "Y, edited"
    assert y.participations.get().role == "Y's participant, added since"
    assert signed.title == "Z, edited"
    assert Agreement.objects.filter(pk=later.pk, event=x).exists()
    assert Person.objects.get(pk=person.pk).name == "P, renamed"


def test_recovering_a_record_from_a_revision_of_several_leaves_the_others(
    editor_client,
):
    # A record deleted since, whose last version sits in a revision made before
    # issue 15 with other records: recovering it brings back it and its own
    # rows, and no other record of that revision.
    with reversion.create_revision():
        x = make_event(title="X as it was")
        add_participant(x, person=make_person(name="P"), role="X's participant")
        y = make_event(title="Y as it was")
    pk = x.pk
    save_in_admin(editor_client, y, title_en="Y, edited")
    later = make_agreement(event=y, title="Signed at Y since")
    Event.objects.filter(pk=pk).delete()

    version = Version.objects.get_deleted(Event).get(object_id=str(pk))
    assert version.revision.version_set.filter(object_id=str(y.pk)).exists()
    url = reverse("admin:events_event_recover", args=[version.pk])
    data = form_data(editor_client.get(url), form_id="event_form")
    assert editor_client.post(url, data).status_code == 302

    x = Event.objects.get(pk=pk)
    assert x.title == "X as it was"
    assert x.participations.get().role == "X's participant"
    y.refresh_from_db()
    assert y.title == "Y, edited"
    assert Agreement.objects.filter(pk=later.pk, event=y).exists()


def test_an_events_history_does_not_hold_the_agreements_signed_at_it(editor_client):
    event = make_event()
    make_agreement(event=event)
    save_in_admin(editor_client, event, title_en="Edited")
    (version,) = versions(event)
    held = {v.content_type.model for v in version.revision.version_set.all()}
    assert "agreement" not in held
    assert "event" in held


def test_each_seed_version_holds_one_record_with_its_own_rows(db):
    call_command("load_seed", "--interview-only", verbosity=0)
    records = Revision.objects.count()
    assert records > 1
    for revision in Revision.objects.all():
        held = {(v.content_type_id, v.object_id) for v in revision.version_set.all()}
        owners = [
            version
            for version in revision.version_set.all()
            if held == restored_by(version)
        ]
        assert owners, f"revision {revision.pk} holds {revision}"
    # A second run changes nothing and adds no history.
    count = Version.objects.count()
    call_command("load_seed", "--interview-only", verbosity=0)
    assert (Revision.objects.count(), Version.objects.count()) == (records, count)


def restored_by(version):
    from django.contrib.contenttypes.models import ContentType

    plan = history.Restoration(version)
    return {
        (ContentType.objects.get_for_model(stored.object).pk, str(stored.object.pk))
        for stored in [plan.record, *plan.rows]
    }


# Viewing history never fails; refusals are 403 (issue 15, item 2)


def revision_url(record, version):
    opts = record._meta
    return reverse(
        f"admin:{opts.app_label}_{opts.model_name}_revision",
        args=[record.pk, version.pk],
    )


def test_a_seed_version_opens_after_an_editor_changed_a_person(seeded, editor_client):
    person = Person.objects.get(slug="heydar-aliyev")
    post_admin_form(
        editor_client,
        reverse("admin:portal_person_change", args=[person.pk]),
        bio_en="Changed by an editor.",
    )
    event = Event.objects.get(slug=A_SLUG)
    (seed_version,) = versions(event)
    response = editor_client.get(revision_url(event, seed_version))
    assert response.status_code == 200
    assert "talks with Jiang Zemin" in response.text

    save_in_admin(editor_client, event, title_en="A newer title")
    history_page = editor_client.get(
        reverse("admin:events_event_history", args=[event.pk])
    )
    assert history_page.status_code == 200
    first, second = versions(event)
    compare = editor_client.get(
        reverse("admin:events_event_compare", args=[event.pk]),
        {"version_id1": first.pk, "version_id2": second.pk},
    )
    assert compare.status_code == 200
    assert "A newer title" in compare.text


def test_a_contributor_may_not_revert_or_recover_what_they_may_not_change(
    seeded, contributor_client
):
    event = Event.objects.get(slug=A_SLUG)
    title = event.title
    (seed_version,) = versions(event)
    url = revision_url(event, seed_version)
    assert contributor_client.get(url).status_code == 403
    Event.objects.filter(pk=event.pk).update(title="Changed since")
    assert contributor_client.post(url, {"title_en": "Theirs"}).status_code == 403
    event.refresh_from_db()
    assert event.title == "Changed since"

    # They may read the history and compare versions, as they may read the
    # record; the dates do not link to a revert form they would be refused.
    page = contributor_client.get(
        reverse("admin:events_event_history", args=[event.pk])
    )
    assert page.status_code == 200
    assert f'href="{url}"' not in page.text

    gone = Event.objects.get(slug=B_SLUG)
    (gone_version,) = versions(gone)
    gone.delete()
    recover = reverse("admin:events_event_recover", args=[gone_version.pk])
    assert contributor_client.get(recover).status_code == 403
    assert contributor_client.post(recover, {"title_en": "Back"}).status_code == 403
    assert not Event.objects.filter(slug=B_SLUG).exists()
    assert title


def test_a_contributor_reverting_their_draft_does_not_change_its_status(
    contributor_client, contributor
):
    event = make_event(title="Draft", status=Status.DRAFT, created_by=contributor)
    with reversion.create_revision():
        event.status, event.title = Status.PUBLISHED, "Once published"
        event.save()
    with reversion.create_revision():
        event.status, event.title = Status.DRAFT, "Returned to draft"
        event.save()
    published = versions(event)[0]
    revert_in_admin(contributor_client, event, published)
    event.refresh_from_db()
    assert event.title == "Once published"
    assert event.status == Status.DRAFT


def test_a_version_naming_a_record_deleted_since_explains_instead_of_failing(
    editor_client,
):
    event = make_event(title="Talks")
    person = make_person(name="Gone Person")
    add_participant(event, person=person)
    save_in_admin(editor_client, event)
    (version,) = versions(event)
    event.participations.all().delete()
    with reversion.create_revision():
        person.save()
    person.delete()

    response = editor_client.get(revision_url(event, version), follow=True)
    assert response.status_code == 200
    shown = " ".join(m.message for m in response.context["messages"])
    assert "Gone Person" in shown
    assert "deleted since" in shown
    assert event.participations.count() == 0


def test_a_version_of_a_deleted_record_sends_the_editor_to_recover_it(
    editor_client,
):
    event = make_event(title="Deleted talks")
    save_in_admin(editor_client, event)
    (version,) = versions(event)
    pk, url = event.pk, revision_url(event, version)
    event.delete()
    response = editor_client.get(url)
    assert response.status_code == 302
    assert response.url == reverse("admin:events_event_recoverlist")
    assert not Event.objects.filter(pk=pk).exists()


def test_a_version_stored_before_a_field_was_added_or_removed_still_opens(
    editor_client,
):
    event = make_event(title="Old shape")
    save_in_admin(editor_client, event)
    (version,) = versions(event)
    stored = json.loads(version.serialized_data)
    stored[0]["fields"]["a_field_removed_since"] = "value"
    del stored[0]["fields"]["summary_az"]
    version.serialized_data = json.dumps(stored)
    version.save()
    response = editor_client.get(revision_url(event, version))
    assert response.status_code == 200

    version.serialized_data = "not what a version holds"
    version.save()
    response = editor_client.get(revision_url(event, version), follow=True)
    assert response.status_code == 200
    shown = " ".join(m.message for m in response.context["messages"])
    assert "can no longer be read" in shown


def test_versions_are_compared_only_by_those_who_may_view_the_record(
    client, editor_client, django_user_model
):
    event = make_event(title="Compared")
    save_in_admin(editor_client, event, title_en="Compared once")
    save_in_admin(editor_client, event, title_en="Compared twice")
    first, second = versions(event)
    url = reverse("admin:events_event_compare", args=[event.pk])
    query = {"version_id1": first.pk, "version_id2": second.pk}
    assert editor_client.get(url, query).status_code == 200
    # Staff without any right on events (a user whose groups were removed).
    nobody = django_user_model.objects.create_user(
        username="dave", password="unused-in-tests", is_staff=True
    )
    client.force_login(nobody)
    assert client.get(url, query).status_code == 403


def test_rows_a_version_holds_none_of_are_left_as_they_are(editor_client):
    # Before issue 15 an agreement's history did not keep its citations.
    with reversion.create_revision():
        agreement = make_agreement(title="As first saved", cited=False)
    citation = cite(agreement, quote="Added outside any version.")
    Agreement.objects.filter(pk=agreement.pk).update(title="Changed since")
    (version,) = versions(agreement)

    response = revert_in_admin(editor_client, agreement, version)

    agreement.refresh_from_db()
    assert agreement.title == "As first saved"
    assert list(agreement.citations.all()) == [citation]
    shown = " ".join(m.message for m in get_messages(response.wsgi_request))
    assert "holds no citations, so those were left as they are" in shown
