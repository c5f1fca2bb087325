"""The admin in a real browser under axe-core (issue 20, item 3), in each
language the admin speaks, at desktop and phone widths: the editors'
dashboard, a changelist, a record's history and the change and add forms (with
their tabular inlines, select2 autocompletes and django-modeltranslation's
language tabs) pass with no violation.

The third-party widgets get their names and roles from static/js/admin-labels.js,
and Django's own date picker the Azerbaijani and Chinese labels Django 6.1
lacks from locale/*/LC_MESSAGES/djangojs.po; the second test checks that the
widgets still work as editors use them: tabs switch by mouse and keyboard
without loading anything, a new inline row and a chosen autocomplete value are
named too, and the form saves."""

import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from events.models import Event
from portal.core.models import Status
from projects.models import Partner
from tests.builders import (
    add_measure,
    add_milestone,
    add_office,
    add_participant,
    add_partner,
    cite,
    make_agreement,
    make_event,
    make_organization,
    make_person,
    make_project,
)
from tests.e2e.conftest import format_violations

PASSWORD = "a-long-test-password"


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user(
        username="alice", password=PASSWORD, is_staff=True
    )
    user.groups.add(Group.objects.get(name="Editor"))
    return user


@pytest.fixture
def records():
    """An event, a project and a person with a row in each of their inlines."""
    event = make_event(title="Talks in Baku", status=Status.REVIEW)
    cite(event)
    person = make_person(name="Ilham Aliyev")
    add_office(person, title="President of the Republic of Azerbaijan")
    add_participant(event, person=person, role="President")
    make_agreement(event=event)
    project = make_project(title="Solar plant")
    cite(project)
    cite(add_measure(project, 240))
    add_partner(project, organization=make_organization(name="Masdar"))
    add_milestone(project)
    return event, project, person


def sign_in(context, language):
    page = context.new_page()
    page.goto(reverse("admin:login"))
    page.locator("#id_username").fill("alice")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("input[type=submit]").click()
    page.wait_for_url(f"**{reverse('admin:index')}")
    assert page.locator("html").get_attribute("lang") == language
    return page


def open_form(page, url):
    page.goto(url)
    # The widgets are built by jQuery's ready handlers and select2's own.
    page.wait_for_load_state("load")
    page.locator("select.modeltranslation-switch").wait_for(state="attached")


@pytest.mark.parametrize("language", ["en", "az", "zh-hans"])
def test_the_admins_pages_have_no_accessibility_violations(
    browser, live_server, editor, records, axe, language
):
    event, project, person = records
    context = browser.new_context(
        base_url=live_server.url,
        locale=language,
        extra_http_headers={"Accept-Language": language},
    )
    try:
        page = sign_in(context, language)
        pages = [
            reverse("admin:index"),
            reverse("admin:events_event_changelist"),
            reverse("admin:events_event_history", args=[event.pk]),
        ]
        forms = [
            reverse("admin:events_event_change", args=[event.pk]),
            reverse("admin:events_event_add"),
            reverse("admin:projects_project_change", args=[project.pk]),
            reverse("admin:portal_person_change", args=[person.pk]),
        ]
        found = {}
        for width in (1366, 390):
            page.set_viewport_size({"width": width, "height": 900})
            for url in pages + forms:
                if url in forms:
                    open_form(page, url)
                else:
                    page.goto(url)
                violations = axe.run(page)
                if violations:
                    found[f"{url} at {width}"] = format_violations(violations)
        assert not found, "\n".join(f"{k}:\n{v}" for k, v in found.items())

        page.set_viewport_size({"width": 1366, "height": 900})
        open_form(page, reverse("admin:events_event_change", args=[event.pk]))
        switch = page.locator("select.modeltranslation-switch")
        with translation.override(language):
            assert switch.get_attribute("aria-label") == translation.gettext("Language")
            # Django's date picker, named in the page's language.
            today = page.locator(".datetimeshortcuts a[role=button]").first
            assert today.inner_text() == translation.gettext("Today")
            assert today.get_attribute("aria-label").startswith(
                translation.gettext("Today")
            )
    finally:
        context.close()


def test_the_widgets_still_work_as_editors_use_them(
    browser, live_server, editor, records, axe
):
    _event, project, _person = records
    other = make_organization(name="China Energy Engineering")
    context = browser.new_context(base_url=live_server.url, locale="en")
    try:
        page = sign_in(context, "en")
        page.set_viewport_size({"width": 1366, "height": 900})
        open_form(page, reverse("admin:projects_project_change", args=[project.pk]))

        # Language tabs: a tab holds no link, switches by mouse and keyboard,
        # and loads nothing (jQuery UI loads a tab that is not on the page).
        requests = []
        page.on("request", lambda request: requests.append(request.url))
        english = page.locator('li[role=tab][aria-controls="tab_id_title_en"]')
        azerbaijani = page.locator('li[role=tab][aria-controls="tab_id_title_az"]')
        assert english.locator("a[href]").count() == 0
        azerbaijani.click()
        expect(azerbaijani).to_have_attribute("aria-selected", "true")
        expect(page.locator("#tab_id_title_az")).to_be_visible()
        expect(page.locator("#tab_id_title_en")).to_be_hidden()
        azerbaijani.press("ArrowLeft")  # jQuery UI switches after a short delay
        expect(english).to_have_attribute("aria-selected", "true")
        expect(english).to_be_focused()
        expect(page.locator("#tab_id_title_en")).to_be_visible()
        expect(page.locator("#tab_id_title_az")).to_be_hidden()
        assert requests == []

        # A new partner row, with an organisation chosen in its autocomplete.
        page.locator("#partners-group .add-row a").click()
        row = page.locator("#partners-1")
        row.wait_for()
        row.locator(".select2-selection").click()
        page.locator(".select2-search__field").last.fill("China Energy")
        page.get_by_role("option", name="China Energy Engineering").click()
        # Named by its column and its value, as a labelled select2 is.
        expect(
            row.locator(".select2-selection[role=combobox]")
        ).to_have_accessible_name(
            re.compile(r"^Organisation\b.*China Energy Engineering$")
        )
        row.get_by_role("combobox", name="Role", exact=True).select_option("contractor")
        violations = axe.run(page)
        assert not violations, format_violations(violations)

        page.locator("input[name=_continue]").first.click()
        page.wait_for_load_state("load")
        errors = page.locator(".errornote, .errorlist").all_inner_texts()
        assert errors == []
        expect(page.locator(".messagelist .success")).to_have_count(1)
        assert Partner.objects.filter(project=project, organization=other).exists()
        assert Event.objects.count() == 1
    finally:
        context.close()
