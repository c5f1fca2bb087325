"""Pages with a JSON-LD data block and the lists with their feed links, in a real
browser: the data block is never run, so the Content-Security-Policy reports
nothing; the pages stay accessible."""

import json

from events.models import Event
from portal.core.models import Organization, Person


def test_pages_with_json_ld_raise_no_csp_or_console_errors(
    page, seeded_site, browser_errors, axe
):
    records = [
        Event.objects.published().filter(place__isnull=False).first(),
        Organization.objects.published().first(),
        Person.objects.published().first(),
    ]
    for record in records:
        response = page.goto(record.get_absolute_url())
        assert response.status == 200
        assert "script-src" in response.headers["content-security-policy"]
        block = page.locator('script[type="application/ld+json"]')
        assert block.count() == 1
        data = json.loads(block.text_content())
        assert data["url"].endswith(record.get_absolute_url())
        axe.assert_no_violations(page)
    assert browser_errors == []


def test_a_reader_finds_the_feeds_of_a_filtered_list(
    page, seeded_site, browser_errors, axe
):
    page.goto("/en/events/?type=statement")
    link = page.get_by_role("link", name="RSS")
    assert link.get_attribute("href") == "/en/events/feed/rss/?type=statement"
    calendar = page.get_by_role("link", name="Calendar (iCalendar)")
    response = page.request.get(calendar.get_attribute("href"))
    assert response.status == 200
    assert response.headers["content-type"] == "text/calendar; charset=utf-8"
    assert b"BEGIN:VEVENT" in response.body()
    axe.assert_no_violations(page)
    assert browser_errors == []
