"""The admin for editors in a real browser (issue 20): citations fit the form,
the review queue's headings do not wrap letter by letter, titles have room in
the changelists, breadcrumbs look the same on every page, and date-only fields
carry no time-zone note."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from portal.core.models import Status
from tests.builders import cite, make_event

PASSWORD = "a-long-test-password"


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user(
        username="alice", password=PASSWORD, is_staff=True
    )
    user.groups.add(Group.objects.get(name="Editor"))
    return user


def sign_in(page, username="alice"):
    page.goto(reverse("admin:login"))
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"**{reverse('admin:index')}")


def change_url(record):
    return reverse("admin:events_event_change", args=[record.pk])


def test_citations_fit_the_form(page, editor, browser_errors):
    event = make_event(title="Talks in Baku")
    for number in range(3):
        cite(event, quote=f"A long supporting quote number {number}. " * 8)
    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in(page)
    page.goto(change_url(event))
    group = page.locator("#portal-citation-content_type-object_id-group")
    # The widest thing inside the citations (a table in a scrolling box
    # would hide its width in the box's scrollWidth) against the form's.
    widths = group.evaluate(
        """group => ({
            widest: Math.max(...[group, ...group.querySelectorAll('*')].map(
                element => Math.max(
                    element.scrollWidth, element.getBoundingClientRect().width
                )
            )),
            content: document.querySelector('#content-main').clientWidth,
        })"""
    )
    assert widths["widest"] <= widths["content"], widths
    assert browser_errors == []


def test_the_review_queue_headings_do_not_wrap(page, editor, browser_errors):
    draft = make_event(title="A record with a rather long title " * 4)
    draft.status = Status.REVIEW
    draft.submitted_by = editor
    draft.submitted_at = timezone.now()
    draft.save()
    sign_in(page)
    for heading in page.locator("#review-queue thead th").all():
        lines = heading.evaluate(
            """th => {
                const range = document.createRange();
                range.selectNodeContents(th);
                return new Set([...range.getClientRects()].map(r => r.top)).size;
            }"""
        )
        assert lines == 1, heading.inner_text()
    assert browser_errors == []


def test_changelist_titles_have_room(page, editor, browser_errors):
    make_event(
        title="Intergovernmental commission on trade and economic cooperation",
        date=datetime.date(2026, 1, 1),
        date_precision="year",
    )
    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in(page)
    page.goto(reverse("admin:events_event_changelist"))
    title = page.locator("#result_list tbody tr").first.locator(".field-title")
    assert title.bounding_box()["width"] >= 200
    assert page.locator("#result_list tbody td.field-date").first.inner_text() == (
        "2026"
    )
    assert browser_errors == []


def test_breadcrumbs_look_the_same_on_every_admin_page(page, editor, browser_errors):
    event = make_event(title="Talks in Baku")
    sign_in(page)

    def look(url):
        page.goto(url)
        return page.locator(".breadcrumbs").first.evaluate(
            """crumbs => {
                const style = getComputedStyle(crumbs);
                return [style.backgroundColor, style.paddingLeft, style.color];
            }"""
        )

    expected = look(change_url(event))
    assert expected[0] not in ("rgba(0, 0, 0, 0)", "transparent")
    # Two saves, for two versions to compare.
    for title in ("Talks in Baku, revised", "Talks in Baku, final"):
        page.goto(change_url(event))
        page.locator("#id_title_en").fill(title)
        page.get_by_role("button", name="Save", exact=True).first.click()
        page.wait_for_url("**/admin/events/event/")
    page.goto(reverse("admin:events_event_history", args=[event.pk]))
    page.get_by_role("button", name="compare").first.click()
    page.wait_for_url("**/compare/**")
    compare = page.url
    for url in (
        reverse("admin:events_event_import"),
        reverse("admin:records-bundle"),
        compare,
    ):
        assert look(url) == expected, url
    assert browser_errors == []


def test_date_only_fields_carry_no_time_zone_note(browser, live_server, editor):
    event = make_event(title="Talks in Baku")
    # The site's time is Asia/Baku (UTC+4); this browser is in UTC.
    context = browser.new_context(base_url=live_server.url, timezone_id="UTC")
    page = context.new_page()
    try:
        sign_in(page)
        page.goto(change_url(event))
        page.wait_for_load_state("load")
        page.locator(".datetimeshortcuts").first.wait_for()
        notes = page.locator(".timezonewarning")
        ids = [note.get_attribute("id") for note in notes.all()]
        # The publication time keeps its note; the event's date has none.
        assert "id_published_at_timezone_warning_helptext" in ids
        assert "id_date_timezone_warning_helptext" not in ids
        assert not any(i.startswith("id_end_date") for i in ids)
    finally:
        context.close()
