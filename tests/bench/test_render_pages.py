"""The pages bench/render.py measures are real rendered pages: each answers
200 with what it is named for, its filters accepted."""

import json

import pytest

from bench import render, run

pytestmark = pytest.mark.django_db


@pytest.fixture
def paths(client, seeded, monkeypatch):
    def get_json(url):
        response = client.get(url.removeprefix("http://bench"))
        assert response.status_code == 200
        return json.loads(response.content)

    monkeypatch.setattr(render, "get_json", get_json)
    return render.page_paths("http://bench")


def test_it_measures_the_page_kinds_of_issue_18(paths):
    assert {
        "events-filtered",
        "projects-faceted",
        "event-detail",
        "project-detail",
        "home",
        "year",
        "people",
        "organisations",
    } <= set(paths)


def test_every_measured_page_is_rendered_with_its_filters_accepted(client, paths):
    for name, path in paths.items():
        response = client.get(path)
        assert response.status_code == 200, name
        assert run.FILTER_REFUSED not in response.content, name
        filterset = response.context.get("filter")
        if filterset is not None:
            assert filterset.is_valid(), (name, filterset.errors)
            assert response.context["paginator"].count > 0, name


def test_the_in_process_measurement_reports_each_page(client, seeded, capsys):
    render.in_process(
        json.dumps(
            {"paths": {"home": "/en/"}, "rounds": 1, "requests": 1, "profile": []}
        )
    )
    measured = json.loads(capsys.readouterr().out.splitlines()[-1])
    assert set(measured) == {"home"}
    assert measured["home"] >= 0
