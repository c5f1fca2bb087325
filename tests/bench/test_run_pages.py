"""The pages bench/run.py measures are the pages it says: real addresses that
answer 200, and filtered lists whose filters the list accepts (a refused
filter still answers 200, with an error and nothing listed)."""

import json

import pytest

from bench import run

pytestmark = pytest.mark.django_db


@pytest.fixture
def paths(client, seeded, monkeypatch):
    def get_json(url):
        response = client.get(url.removeprefix("http://bench"))
        assert response.status_code == 200
        return json.loads(response.content)

    monkeypatch.setattr(run, "get_json", get_json)
    monkeypatch.setattr(run, "static_path", lambda: "/static/css/site.css")
    return run.page_paths("http://bench")


def test_every_measured_page_is_named(paths):
    assert set(paths) == {name for name, _kind in run.PAGES}


@pytest.mark.parametrize(
    "name",
    [
        "home",
        "events-filtered",
        "projects-faceted",
        "event-detail",
        "project-detail",
        "search",
    ],
)
def test_public_pages_answer_without_refusing_a_filter(client, paths, name):
    response = client.get(paths[name])
    assert response.status_code == 200
    assert run.FILTER_REFUSED not in response.content
    filterset = response.context.get("filter")
    if filterset is not None:
        assert filterset.is_valid(), filterset.errors
        assert response.context["paginator"].count > 0


def test_the_refused_filter_marker_is_what_a_refused_filter_shows(client, seeded):
    response = client.get("/en/projects/?status=operating")
    assert run.FILTER_REFUSED in response.content
