"""The admin built for editors (issue 20, item 6): the portal's name and colours,
a dashboard, an editor account that is not an administrator, partial dates in
the changelists, precision left empty for an empty date, compare views of what
editors wrote, stacked citations, breadcrumbs styled everywhere, a signed and
expiring preview of a draft, and a confirmation before publishing."""

import datetime
import re
from io import StringIO
from pathlib import Path
from unittest import mock

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.core.management import call_command
from django.urls import reverse

from events.models import Event
from portal.core import workflow
from portal.core.dates import Precision
from portal.core.models import Status
from tests.admin_forms import form_data
from tests.builders import make_event, make_indicator, make_project, make_source

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
PORTAL_NAME = "China–Azerbaijan Relations Portal"
ADD_EVENT = reverse("admin:events_event_add")


def change_url(record):
    opts = record._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])


def selected_option(html, select_id):
    """The value of the selected option of a <select> (the first option when
    none is marked, as a browser shows it)."""
    select = re.search(rf'<select[^>]*id="{select_id}"[^>]*>(.*?)</select>', html, re.S)
    assert select, f"no select {select_id}"
    options = re.findall(r'<option value="([^"]*)"([^>]*)>', select.group(1))
    for value, attrs in options:
        if "selected" in attrs:
            return value
    return options[0][0]


# The portal's name and colours


def test_the_admin_is_named_after_the_portal_not_django(editor_client):
    page = editor_client.get(reverse("admin:index")).text
    assert "Django administration" not in page
    assert "Django site admin" not in page
    assert f'<div id="site-name"><a href="/admin/">{PORTAL_NAME}</a></div>' in page
    assert re.search(rf"<title>[^<]*{PORTAL_NAME}</title>", page)


def test_the_admin_is_named_in_the_editors_language(editor_client):
    page = editor_client.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE="az").text
    assert "Çin–Azərbaycan" in page or "Azərbaycan" in page
    assert "Django" not in re.search(r'<div id="site-name">.*?</div>', page).group()


def test_every_admin_page_has_the_portals_colours_and_styled_breadcrumbs(
    editor_client,
):
    event = make_event(title="Talks in Baku")
    for url in (
        reverse("admin:index"),
        reverse("admin:events_event_import"),
        reverse("admin:records-bundle"),
        reverse("admin:events_event_history", args=[event.pk]),
    ):
        page = editor_client.get(url).text
        assert re.search(r'href="/static/css/admin[.\w]*\.css"', page), url
    css = (ROOT / "static/css/admin.css").read_text()
    assert "--primary: #0b4f6c" in css
    # django-import-export's and django-reversion-compare's pages write
    # <div class="breadcrumbs">, which Django's own CSS no longer styles.
    assert re.search(
        r"div\.breadcrumbs\s*\{[^}]*background: var\(--breadcrumbs-bg\)", css
    )


def test_the_bundle_page_has_the_same_breadcrumbs_as_djangos(editor_client):
    page = editor_client.get(reverse("admin:records-bundle")).text
    assert '<ol class="breadcrumbs">' in page


# The editor account


def test_the_seeded_editor_is_in_the_editor_group_not_an_administrator():
    out = StringIO()
    call_command("ensure_editor", stdout=out)
    user = get_user_model().objects.get(username="editor")
    assert not user.is_superuser
    assert user.is_staff
    assert user.groups.filter(name="Editor").exists()
    assert "create_admin" in out.getvalue()


def test_the_seeded_editor_does_not_see_accounts_lockouts_or_devices(client):
    out = StringIO()
    call_command("ensure_editor", stdout=out)
    client.force_login(get_user_model().objects.get(username="editor"))
    page = client.get(reverse("admin:index")).text
    for hidden in ("/admin/auth/user/", "/admin/auth/group/", "/admin/axes/"):
        assert hidden not in page
    assert "/admin/otp_totp/" not in page
    assert client.get("/admin/auth/user/").status_code == 403
    # …and sees and may add the records.
    assert "/admin/events/event/" in page
    assert client.get(ADD_EVENT).status_code == 200


def test_a_separate_command_creates_an_administrator():
    out = StringIO()
    call_command("create_admin", "--username", "root", stdout=out)
    user = get_user_model().objects.get(username="root")
    assert user.is_superuser
    password = out.getvalue().split("password: ")[1].split()[0]
    assert user.check_password(password)
    with pytest.raises(Exception, match="exists already"):
        call_command("create_admin", "--username", "root", stdout=StringIO())


# The dashboard


def test_the_dashboard_starts_with_adding_and_citing(editor_client):
    page = editor_client.get(reverse("admin:index")).text
    actions = re.search(r'id="quick-actions".*?</div>', page, re.S).group()
    assert f'href="{ADD_EVENT}"' in actions
    assert f'href="{reverse("admin:projects_project_add")}"' in actions
    assert f'href="{reverse("admin:portal_source_add")}"' in actions
    assert "Cite a source" in actions


def test_the_dashboard_shows_the_review_queue_and_recent_changes(editor_client, editor):
    make_event(title="Talks waiting", status=Status.REVIEW)
    changed = make_event(title="Talks just changed")
    LogEntry.objects.log_actions(
        editor.pk, [changed], CHANGE, change_message="[]", single_object=True
    )
    page = editor_client.get(reverse("admin:index")).text
    queue = re.search(r'id="review-queue".*?</table>', page, re.S).group()
    assert "Talks waiting" in queue
    recent = re.search(r'id="recent-changes".*?</table>', page, re.S).group()
    assert "Talks just changed" in recent
    assert f'href="{change_url(changed)}"' in recent
    assert "alice" in recent


# Changelists


def test_changelists_show_partial_dates_as_known(editor_client):
    make_event(title="Year only", date=datetime.date(2026, 1, 1), date_precision="year")
    make_event(
        title="Month only", date=datetime.date(2025, 10, 1), date_precision="month"
    )
    page = editor_client.get(reverse("admin:events_event_changelist")).text
    cells = re.findall(r'<td class="field-date[^"]*">([^<]*)</td>', page)
    assert "2026" in cells
    assert "October 2025" in cells
    assert "Jan. 1, 2026" not in page
    # The precision needs no column of its own any more; the title has room.
    assert "column-date_precision" not in page


def test_the_sources_changelist_shows_partial_dates_as_known(editor_client):
    make_source(
        title="A yearbook",
        published_on=datetime.date(2019, 1, 1),
        published_on_precision="year",
    )
    page = editor_client.get(reverse("admin:portal_source_changelist")).text
    cells = re.findall(r'<td class="field-published_on[^"]*">([^<]*)</td>', page)
    assert cells == ["2019"]


# Precision and empty dates


def test_a_new_records_precision_is_empty_until_a_date_is_given(editor_client):
    page = editor_client.get(ADD_EVENT).text
    assert selected_option(page, "id_date_precision") == ""


def test_an_empty_dates_precision_is_empty(editor_client):
    project = make_project(start_date=None)
    page = editor_client.get(change_url(project)).text
    assert selected_option(page, "id_start_date_precision") == ""
    assert selected_option(page, "id_end_date_precision") == ""


def test_a_known_dates_precision_is_shown(editor_client):
    event = make_event(date=datetime.date(2025, 10, 1), date_precision="month")
    page = editor_client.get(change_url(event)).text
    assert selected_option(page, "id_date_precision") == "month"


def test_a_date_needs_its_precision_said(editor_client):
    data = form_data(editor_client.get(ADD_EVENT))
    data.update(
        title_en="Freight talks",
        slug="freight-talks",
        summary_en="Officials met.",
        kind="talks",
        date="2025-10-01",
        date_precision="",
        _save="Save",
    )
    response = editor_client.post(ADD_EVENT, data)
    assert response.status_code == 200
    assert "Say how precisely the date is known" in response.text
    assert not Event.objects.exists()
    data["date_precision"] = "month"
    assert editor_client.post(ADD_EVENT, data).status_code == 302
    assert Event.objects.get().date_precision == Precision.MONTH


def test_a_record_without_a_date_saves_with_its_precision_empty(editor_client):
    project = make_project(start_date=None, end_date=None)
    data = form_data(editor_client.get(change_url(project)))
    assert data["start_date_precision"] in ("", [""])
    data["_save"] = "Save"
    assert editor_client.post(change_url(project), data).status_code == 302


# Compare


def test_compare_shows_only_what_editors_wrote_once_per_language(editor_client):
    event = make_event(title="Talks in Baku", summary="First summary.")
    for title in ("Talks in Baku, revised", "Talks in Baku, final"):
        data = form_data(editor_client.get(change_url(event)))
        data.update(title_en=title, summary_en=f"{title}: summary.", _save="Save")
        assert editor_client.post(change_url(event), data).status_code == 302
    history = editor_client.get(
        reverse("admin:events_event_history", args=[event.pk])
    ).text
    versions = re.findall(r'name="version_id1" value="(\d+)"', history)
    assert len(versions) >= 2
    compare = editor_client.get(
        reverse("admin:events_event_compare", args=[event.pk]),
        {"version_id1": versions[-1], "version_id2": versions[0]},
    )
    assert compare.status_code == 200
    diff = compare.text.split('id="content-main"', 1)[-1]
    headings = [h.lower() for h in re.findall(r"<h3>([^<]*)</h3>", diff)]
    # The English title and summary changed: each shown once, in its language.
    assert [h for h in headings if "title" in h] == ["title [en]"]
    assert [h for h in headings if "summary" in h] == ["summary [en]"]
    for internal in ("version", "updated at", "updated by", "created at"):
        assert internal not in headings
    assert "None" not in diff


# Citations


def test_citations_are_edited_in_a_stacked_inline(editor_client):
    event = make_event()
    page = editor_client.get(change_url(event)).text
    group = re.search(
        r'<div class="js-inline-admin-formset inline-group"\s+'
        r'id="portal-citation-content_type-object_id-group"[^>]*>',
        page,
    )
    assert group, "no citations group"
    assert (
        '"stacked"' in group.group()
        or "stacked" in page[group.start() : group.start() + 800]
    )
    assert "tabular" not in page[group.start() : group.start() + 800]


# Preview


def preview_links(client, record):
    page = client.get(change_url(record)).text
    return re.findall(r'<a href="(/preview/[^"]+)" class="previewlink"', page)


def test_a_draft_has_preview_links_and_no_view_on_site(editor_client):
    draft = make_event(title="Draft talks", status=Status.DRAFT)
    page = editor_client.get(change_url(draft)).text
    assert "View on site" not in page
    links = preview_links(editor_client, draft)
    assert len(links) == 3
    assert {link.rsplit("lang=", 1)[1] for link in links} == {"en", "az", "zh-hans"}


def test_a_published_record_keeps_view_on_site(editor_client):
    public = make_event(title="Public talks")
    assert "View on site" in editor_client.get(change_url(public)).text


def test_the_preview_shows_a_draft_as_readers_will_see_it(editor_client, client):
    draft = make_event(title="Draft talks", status=Status.DRAFT)
    assert client.get(draft.get_absolute_url()).status_code == 404
    link = next(
        link for link in preview_links(editor_client, draft) if "lang=en" in link
    )
    # Whoever holds the link sees it: no sign-in needed.
    response = client.get(link.replace("&amp;", "&"))
    assert response.status_code == 200
    assert "events/event_detail.html" in [t.name for t in response.templates]
    assert "<h1>Draft talks</h1>" in response.text or "Draft talks" in response.text
    assert response["X-Robots-Tag"].startswith("noindex")
    assert '<meta name="robots" content="noindex' in response.text
    assert "no-store" in response["Cache-Control"]
    # The draft is still hidden from readers.
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_the_preview_is_in_the_language_asked_for(client):
    draft = make_event(title="Draft talks", status=Status.DRAFT)
    draft.title_az = "Layihə danışıqları"
    draft.save()
    token = workflow.preview_token(draft)
    response = client.get(f"/preview/{token}/?lang=az")
    assert response.status_code == 200
    assert "Layihə danışıqları" in response.text
    assert '<html lang="az"' in response.text


def test_a_preview_link_expires(client, settings):
    settings.PREVIEW_MAX_AGE_SECONDS = 3600
    draft = make_event(title="Draft talks", status=Status.DRAFT)
    token = workflow.preview_token(draft)
    url = f"/preview/{token}/"
    assert client.get(url).status_code == 200
    later = signing.time.time() + 3601
    with mock.patch("django.core.signing.time.time", return_value=later):
        expired = client.get(url)
    assert expired.status_code == 410
    assert "expired" in expired.text
    assert "no-store" in expired["Cache-Control"]


def test_a_forged_or_stale_preview_link_is_refused_clearly(client):
    draft = make_event(title="Draft talks", status=Status.DRAFT)
    token = workflow.preview_token(draft)
    for bad in ("nonsense", token[:-2] + "xx"):
        response = client.get(f"/preview/{bad}/")
        assert response.status_code == 404
        assert "not valid" in response.text
    # A token for something that is not a record.
    content_type = ContentType.objects.get_for_model(get_user_model())
    forged = signing.dumps([content_type.pk, 1], salt=workflow.PREVIEW_SALT)
    assert client.get(f"/preview/{forged}/").status_code == 404
    draft.delete()
    assert client.get(f"/preview/{token}/").status_code == 404


# Publishing asks first


def test_save_and_publish_asks_for_confirmation_first(editor_client):
    event = make_event(title="Talks to publish", status=Status.REVIEW, cited=True)
    data = form_data(editor_client.get(change_url(event)))
    data.update(title_en="Talks to publish, edited", _publish="Save and publish")
    asked = editor_client.post(change_url(event), data)
    assert asked.status_code == 200
    assert "admin/portal/publish_confirmation.html" in [t.name for t in asked.templates]
    assert "Nothing has been saved yet." in asked.text
    event.refresh_from_db()
    assert event.status == Status.REVIEW
    assert event.title == "Talks to publish"
    # The answer posts the same data again, with the confirmation.
    hidden = dict(
        re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', asked.text)
    )
    assert hidden["_publish_confirmed"] == "1"
    assert hidden["title_en"] == "Talks to publish, edited"
    data["_publish_confirmed"] = "1"
    assert editor_client.post(change_url(event), data).status_code == 302
    event.refresh_from_db()
    assert event.status == Status.PUBLISHED
    assert event.title == "Talks to publish, edited"


def test_the_confirmation_can_save_without_publishing(editor_client):
    event = make_event(title="Talks", status=Status.REVIEW, cited=True)
    data = form_data(editor_client.get(change_url(event)))
    data.update(title_en="Talks, edited", _publish="Save and publish")
    asked = editor_client.post(change_url(event), data)
    assert 'name="_continue"' in asked.text
    del data["_publish"]
    data.update(_publish_confirmed="1", _continue="Save without publishing")
    assert editor_client.post(change_url(event), data).status_code == 302
    event.refresh_from_db()
    assert event.status == Status.REVIEW
    assert event.title == "Talks, edited"


CHANGELIST = reverse("admin:events_event_changelist")


def test_publishing_selected_records_asks_first_and_names_them(editor_client):
    first = make_event(title="Talks to publish", status=Status.REVIEW, cited=True)
    second = make_event(title="Forum to publish", status=Status.REVIEW, cited=True)
    selection = {"action": "publish", "_selected_action": [first.pk, second.pk]}
    asked = editor_client.post(CHANGELIST, selection)
    assert asked.status_code == 200
    assert "admin/portal/publish_selected_confirmation.html" in [
        t.name for t in asked.templates
    ]
    assert "Publish 2 events?" in asked.text
    assert "Talks to publish" in asked.text and "Forum to publish" in asked.text
    assert "Nothing has been changed yet." in asked.text
    assert set(Event.objects.values_list("status", flat=True)) == {Status.REVIEW}
    # The answer posts the same selection again.
    hidden = re.findall(
        r'<input type="hidden" name="([^"]+)" value="([^"]*)">', asked.text
    )
    assert ("_selected_action", str(first.pk)) in hidden
    assert ("_selected_action", str(second.pk)) in hidden
    assert ("action", "publish") in hidden and ("post", "yes") in hidden
    answer = {name: [v for n, v in hidden if n == name] for name, _value in hidden}
    done = editor_client.post(CHANGELIST, answer, follow=True)
    assert "2 record(s) published." in done.text
    assert set(Event.objects.values_list("status", flat=True)) == {Status.PUBLISHED}


def test_a_selection_across_pages_is_counted_not_listed(editor_client):
    for n in range(53):
        make_event(title=f"Talks {n:02}", status=Status.REVIEW, cited=True)
    asked = editor_client.post(
        CHANGELIST,
        {"action": "publish", "select_across": "1", "_selected_action": ["1"]},
    )
    assert "Publish 53 events?" in asked.text
    assert "and 3 more" in asked.text
    assert asked.text.count("(In review)") == 50
    assert '<input type="hidden" name="select_across" value="1">' in asked.text
    assert Event.objects.published().count() == 0


@pytest.mark.parametrize(
    "make, template",
    [
        (
            lambda: make_source(title="Draft report", status=Status.DRAFT),
            "portal/source_detail.html",
        ),
        (
            lambda: make_indicator(name="Draft trains", status=Status.DRAFT),
            "portal/key_figure_detail.html",
        ),
    ],
    ids=["source", "key-figure"],
)
def test_sources_and_key_figures_are_previewed_too(
    editor_client, client, make, template
):
    draft = make()
    assert client.get(draft.get_absolute_url()).status_code == 404
    links = preview_links(editor_client, draft)
    assert len(links) == 3
    english = next(link for link in links if "lang=en" in link)
    response = client.get(english.replace("&amp;", "&"))
    assert response.status_code == 200
    assert template in [t.name for t in response.templates]
    assert str(draft) in response.text
    assert response["X-Robots-Tag"].startswith("noindex")
    assert client.get(draft.get_absolute_url()).status_code == 404
