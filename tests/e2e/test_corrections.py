"""A reader suggests a correction in a real browser: the form is reachable from
the record, accessible, and ends on the thank-you page."""

import pytest
from django.core.cache import cache

from portal.editorial.models import Correction, CorrectionStatus
from tests.builders import make_event


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    # The live server runs in this process, so it shares the cache that counts.
    cache.clear()
    yield
    cache.clear()


def test_a_reader_sends_a_correction_from_an_event_page(page, axe, browser_errors):
    event = make_event(title="Talks in Baku")

    page.goto(event.get_absolute_url())
    page.get_by_role("link", name="Suggest a correction").click()
    page.wait_for_url("**/suggest-correction/event/*/")
    assert page.get_by_role("heading", level=1).inner_text() == "Suggest a correction"
    axe.assert_no_violations(page)

    page.get_by_label("What is wrong, and what is right?").fill(
        "The talks were held on 16 September."
    )
    page.get_by_label("Your name (optional)").fill("Leyla")
    page.get_by_role("button", name="Send to the editors").click()

    page.wait_for_url("**/suggest-correction/event/*/sent/")
    main = page.locator("main").inner_text()
    assert "Thank you for your correction" in main
    assert "Nothing you send is published automatically." in main
    axe.assert_no_violations(page)
    assert browser_errors == []

    correction = Correction.objects.get()
    assert correction.content_object == event
    assert correction.status == CorrectionStatus.NEW
    assert correction.name == "Leyla"
