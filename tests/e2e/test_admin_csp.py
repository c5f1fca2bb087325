"""The admin and the API docs in a real browser under the site's enforcing,
nonce-free Content-Security-Policy: every page and the widgets editors use
(translation tabs, autocomplete, slug prefill, calendar, import and export,
history and compare) run without a single violation or script error."""

from playwright.sync_api import expect

from tests.builders import make_event

PASSWORD = "a-long-test-password"


def sign_in(page, django_user_model):
    django_user_model.objects.create_superuser("root", "root@example.org", PASSWORD)
    page.goto("/admin/login/")
    page.get_by_label("Username").fill("root")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/admin/")


def test_the_admin_runs_under_the_csp(page, browser_errors, django_user_model):
    event = make_event(slug="talks", title="Talks in Baku")
    event.title_az = "Bakıda danışıqlar"
    event.save()
    sign_in(page, django_user_model)
    change = f"/admin/events/event/{event.pk}/change/"
    for url in (
        "/admin/",
        "/admin/events/event/",
        "/admin/events/event/?q=talks",
        change,
        f"/admin/events/event/{event.pk}/history/",
        "/admin/events/event/recover/",
        "/admin/events/event/import/",
        "/admin/events/event/export/",
        "/admin/portal/place/add/",
        "/admin/password_change/",
    ):
        response = page.goto(url)
        assert response.status == 200, url
        page.wait_for_load_state("networkidle")
        assert browser_errors == [], url

    # The widgets' scripts run: translation tabs switch, the slug fills in from
    # the title, autocomplete lists choices, the date field gets its calendar.
    page.goto("/admin/events/event/add/")
    page.locator("#id_title_en").fill("Freight talks")
    page.locator("#id_title_en").press("Tab")
    expect(page.locator("#id_slug")).to_have_value("freight-talks")
    page.get_by_role("tab", name="az").first.click()
    expect(page.locator("#id_title_az")).to_be_visible()
    page.locator(".select2-selection").first.click()
    expect(page.locator(".select2-dropdown")).to_be_visible()
    page.keyboard.press("Escape")
    assert page.locator(".datetimeshortcuts, .calendarbox").count() > 0
    assert browser_errors == []

    # Export: "Select all" (a handler moved out of the page for the policy).
    page.goto("/admin/events/event/export/")
    fields = page.locator('.selectable-field-export-row input[type="checkbox"]')
    expect(fields.first).to_be_checked()
    page.locator(".select-toggle").uncheck()
    expect(fields.first).not_to_be_checked()
    assert browser_errors == []

    # Compare two versions of the record.
    for title in ("Talks in Baku, revised", "Talks in Baku, final"):
        page.goto(change)
        page.locator("#id_title_en").fill(title)
        page.get_by_role("button", name="Save", exact=True).first.click()
        page.wait_for_url("**/admin/events/event/")
    page.goto(f"/admin/events/event/{event.pk}/history/")
    assert browser_errors == []
    page.get_by_role("button", name="compare").first.click()
    expect(page.get_by_text("final").first).to_be_visible()
    assert browser_errors == []


def test_public_pages_and_api_docs_run_under_the_csp(page, browser_errors):
    make_event(slug="talks", title="Talks in Baku")
    for url in (
        "/en/",
        "/en/events/",
        "/en/events/talks/",
        "/en/search/?q=Baku",
        "/en/key-figures/",
        "/api/v1/docs/",
    ):
        response = page.goto(url)
        assert response.status == 200, url
        page.wait_for_load_state("networkidle")
        assert browser_errors == [], url
