"""Hostile records in a real browser: pages whose every text field holds script
payloads open no dialog and raise no CSP report or console error (a blocked
injected script would)."""

from urllib.parse import quote

from events.models import Agreement, Event
from portal.core.models import Organization, Person, Source
from projects.models import Project
from tests.safety.test_xss import FULL, poison


def test_hostile_pages_open_no_dialog(page, seeded, browser_errors):
    assert poison() > 0
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    event = Event.objects.published().filter(place__isnull=False).first()
    paths = [
        "/en/",
        "/en/events/",
        event.get_absolute_url(),
        "/az/events/timeline/",
        Agreement.objects.published().first().get_absolute_url(),
        Project.objects.published().first().get_absolute_url(),
        "/zh-hans/projects/",
        Person.objects.published().first().get_absolute_url(),
        Organization.objects.published().first().get_absolute_url(),
        Source.objects.first().get_absolute_url(),
        "/en/key-figures/",
        f"/en/search/?q={quote(FULL)}",
    ]
    for path in paths:
        response = page.goto(path)
        assert response.status == 200, path
        page.wait_for_load_state("load")
        # Open the first map marker's popup, where there is a map.
        marker = page.locator(".leaflet-marker-icon").first
        if marker.count():
            marker.click()
    assert dialogs == []
    assert browser_errors == []
