"""The whole editorial flow in a real browser, through the real admin."""

from django.contrib.auth.models import Group
from django.urls import reverse
from playwright.sync_api import expect

from portal.core.models import Source

PASSWORD = "a-long-test-password"


def staff(django_user_model, username, group):
    user = django_user_model.objects.create_user(
        username=username, password=PASSWORD, is_staff=True
    )
    user.groups.add(Group.objects.get(name=group))
    return user


def sign_in(page, username):
    page.goto(reverse("admin:login"))
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"**{reverse('admin:index')}")


def sign_out(page):
    page.get_by_role("button", name="Log out").click()


def test_a_contributors_draft_is_reviewed_published_and_read(
    page, browser, live_server, django_user_model, browser_errors
):
    staff(django_user_model, "bob", "Contributor")
    staff(django_user_model, "alice", "Editor")

    # Bob drafts an event and sends it for review.
    sign_in(page, "bob")
    page.goto(reverse("admin:events_event_add"))
    page.locator("#id_title_en").fill("Freight talks in Baku")
    page.locator("#id_title_en").press("Tab")
    # The admin fills the slug in from the English title as it is typed.
    # (expect() waits for the admin's script to catch up with the typing.)
    expect(page.locator("#id_slug")).to_have_value("freight-talks-in-baku")
    page.locator("#id_summary_en").fill("Officials discussed Middle Corridor freight.")
    page.locator("#id_kind").select_option("talks")
    page.locator("#id_date").fill("2025-10-01")
    page.locator("#id_date_precision").select_option("month")
    page.locator("input[name=_send_for_review]").last.click()
    page.wait_for_url(f"**{reverse('admin:events_event_changelist')}")
    sign_out(page)

    # Readers cannot see it yet.
    reader = browser.new_context(base_url=live_server.url).new_page()
    assert reader.goto("/en/events/freight-talks-in-baku/").status == 404

    # Alice finds it in the review queue. Without a source it is not
    # published: she cites the report it comes from, and publishes it.
    Source.objects.create(
        title="Freight report", slug="freight-report", kind="report", status="published"
    )
    sign_in(page, "alice")
    queue = page.locator("#review-queue")
    assert "bob" in queue.inner_text()
    queue.get_by_role("link", name="Freight talks in Baku").click()
    page.locator("input[name=_publish]").last.click()
    expect(page.locator(".errornote")).to_be_visible()
    assert (
        "has no citation with a quote"
        in page.locator("main, #content").first.inner_text()
    )
    citations = page.locator("#portal-citation-content_type-object_id-group")
    citations.get_by_text("Add another Citation").click()
    citations.locator(".select2-selection").first.click()
    page.locator(".select2-container--open .select2-search__field").fill("Freight")
    page.locator(".select2-results__option", has_text="Freight report").click()
    citations.locator("textarea[name$='-quote']").first.fill(
        "Officials discussed Middle Corridor freight in Baku."
    )
    page.locator("input[name=_publish]").last.click()
    # Publishing asks first; nothing is saved until she confirms.
    expect(page.get_by_text("Nothing has been saved yet.")).to_be_visible()
    assert reader.goto("/en/events/freight-talks-in-baku/").status == 404
    page.get_by_role("button", name="Yes, publish").click()
    page.wait_for_url(f"**{reverse('admin:events_event_changelist')}")

    # Now the reader sees it, with its date as precisely as it is known.
    assert reader.goto("/en/events/freight-talks-in-baku/").status == 200
    assert reader.get_by_role("heading", level=1).inner_text() == (
        "Freight talks in Baku"
    )
    assert "October 2025" in reader.locator("main").inner_text()
    assert "Officials discussed Middle Corridor freight in Baku." in (
        reader.locator("main").inner_text()
    )
    reader.context.close()
    assert browser_errors == []
