"""The admin in a real browser under axe-core (issue 20, item 3), in each
language the admin speaks, at desktop and phone widths: the editors'
dashboard, a changelist and a record's history pass with no violation, and
the change form's language switch (django-modeltranslation's, added by its
script with no label) has a name.

Left out (CHANGELOG.md, issue 20): the change and add forms themselves still
fail axe on third-party widgets (select2's autocomplete, jQuery UI's tabs from
django-modeltranslation, the empty headers of Django's tabular inlines)."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation

from portal.core.models import Status
from tests.builders import cite, make_event
from tests.e2e.conftest import format_violations

PASSWORD = "a-long-test-password"


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user(
        username="alice", password=PASSWORD, is_staff=True
    )
    user.groups.add(Group.objects.get(name="Editor"))
    return user


@pytest.mark.parametrize("language", ["en", "az", "zh-hans"])
def test_the_admins_pages_have_no_accessibility_violations(
    browser, live_server, editor, axe, language
):
    event = make_event(title="Talks in Baku", status=Status.REVIEW)
    cite(event)
    context = browser.new_context(
        base_url=live_server.url,
        locale=language,
        extra_http_headers={"Accept-Language": language},
    )
    page = context.new_page()
    try:
        page.goto(reverse("admin:login"))
        page.locator("#id_username").fill("alice")
        page.locator("#id_password").fill(PASSWORD)
        page.locator("input[type=submit]").click()
        page.wait_for_url(f"**{reverse('admin:index')}")
        assert page.locator("html").get_attribute("lang") == language
        urls = [
            reverse("admin:index"),
            reverse("admin:events_event_changelist"),
            reverse("admin:events_event_history", args=[event.pk]),
        ]
        found = {}
        for width in (1366, 390):
            page.set_viewport_size({"width": width, "height": 900})
            for url in urls:
                page.goto(url)
                violations = axe.run(page)
                if violations:
                    found[f"{url} at {width}"] = format_violations(violations)
        assert not found, "\n".join(f"{k}:\n{v}" for k, v in found.items())

        page.set_viewport_size({"width": 1366, "height": 900})
        page.goto(reverse("admin:events_event_change", args=[event.pk]))
        switch = page.locator("select.modeltranslation-switch")
        switch.wait_for(state="attached")
        with translation.override(language):
            assert switch.get_attribute("aria-label") == translation.gettext("Language")
    finally:
        context.close()
