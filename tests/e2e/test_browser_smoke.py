"""The browser, the live server and the static files work together."""

import re

from django.urls import reverse


def test_admin_login_page_renders_with_its_styles(page, live_server, browser_errors):
    stylesheets = []
    page.on(
        "response",
        lambda response: (
            response.request.resource_type == "stylesheet"
            and stylesheets.append(response)
        ),
    )

    response = page.goto(live_server.url + reverse("admin:login"))

    assert response.status == 200
    assert "Log in" in page.title()
    assert stylesheets, "the admin login page loaded no stylesheet"
    assert {(r.url, r.status) for r in stylesheets if r.status != 200} == set()
    # Hashed names: whitenoise serves collectstatic's manifest, as in production.
    assert all(re.search(r"\.[0-9a-f]{12}\.css$", r.url) for r in stylesheets)
    assert browser_errors == []
