"""Readers switch languages; editors see translations as tabs."""

from django.urls import reverse
from django.utils import translation

from events.models import Event


def test_a_reader_switches_an_event_page_to_azerbaijani_and_chinese(
    page, seeded_site, browser_errors
):
    event = Event.objects.get(slug="heydar-aliyev-visit-to-china-1994")
    page.goto(f"/en/events/{event.slug}/")
    assert page.get_by_role("heading", level=1).inner_text() == event.title_en

    page.get_by_role("navigation", name="Language").get_by_role(
        "link", name="Azərbaycanca"
    ).click()
    page.wait_for_url(f"**/az/events/{event.slug}/")
    assert page.get_by_role("heading", level=1).inner_text() == event.title_az
    assert page.locator("html").get_attribute("lang") == "az"

    with translation.override("az"):
        language_label = translation.gettext("Language")
    page.get_by_role("navigation", name=language_label).get_by_role(
        "link", name="简体中文"
    ).click()
    page.wait_for_url(f"**/zh-hans/events/{event.slug}/")
    assert page.get_by_role("heading", level=1).inner_text() == event.title_zh_hans
    assert browser_errors == []


def test_an_editor_sees_each_language_in_its_own_tab(
    page, django_user_model, browser_errors
):
    django_user_model.objects.create_superuser("editor", "", "a-long-test-password")
    page.goto(reverse("admin:login"))
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("a-long-test-password")
    page.get_by_role("button", name="Log in").click()
    page.goto(reverse("admin:events_event_add"))

    tabs = page.locator(".ui-tabs-nav").first
    tabs.wait_for()
    assert tabs.locator("li").count() == 3
    assert page.locator("#id_title_az").is_hidden()
    tabs.locator("li").nth(1).click()
    assert page.locator("#id_title_az").is_visible()
    assert browser_errors == []


def test_translated_pages_have_no_accessibility_violations(page, seeded_site, axe):
    event = Event.objects.get(slug="su-hui-visit-to-azerbaijan-2025")
    for url in ("/az/", f"/zh-hans/events/{event.slug}/", "/zh-hans/projects/"):
        page.goto(url)
        axe.assert_no_violations(page)
