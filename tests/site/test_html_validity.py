"""Every public page is valid HTML (checked by html-validate from npm)."""

import json
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from events.models import Agreement, Event
from portal.core.models import Organization, Person, Place, Source
from projects.models import Project

ROOT = Path(__file__).resolve().parents[2]
VALIDATOR = ROOT / "node_modules" / ".bin" / "html-validate"

# The markup is the same whatever the database engine: CI checks it once.
pytestmark = [pytest.mark.django_db, pytest.mark.single_pass]


def public_urls():
    urls = [
        reverse(name)
        for name in (
            "home",
            "events:list",
            "events:timeline",
            "agreements:list",
            "projects:list",
            "people:list",
            "organizations:list",
            "key-figures",
            "about",
        )
    ]
    for model in (Event, Agreement, Project, Person, Organization):
        urls += [record.get_absolute_url() for record in model.objects.published()]
    urls += [place.get_absolute_url() for place in Place.objects.all()]
    urls += [source.get_absolute_url() for source in Source.objects.all()]
    urls += [
        reverse("events:list") + "?type=nonsense&page=99",
        # Feed and calendar links that carry the filters.
        reverse("events:list") + "?type=statement",
        reverse("projects:list") + "?sector=renewable-energy",
        reverse("projects:list") + "?place=azerbaijan&status=operational",
        reverse("events:year", args=[2025]),
        reverse("events:year", args=[1994]),
        "/en/no-such-page/",
    ]
    return urls


def all_languages_urls():
    urls = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            urls += public_urls()
    return urls


def test_every_public_page_is_valid_html(client, seeded, tmp_path):
    if not VALIDATOR.exists():
        pytest.fail("html-validate is missing: run `npm ci` (make test does).")
    files = {}
    for number, url in enumerate(all_languages_urls()):
        response = client.get(url)
        assert response.status_code in (200, 404), url
        path = tmp_path / f"page{number}.html"
        path.write_bytes(response.content)
        files[str(path)] = url
    report_file = tmp_path / "report.json"
    result = subprocess.run(
        [
            str(VALIDATOR),
            "--config",
            str(ROOT / ".htmlvalidate.json"),
            "--formatter",
            f"json={report_file}",
            *files,
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    # Read from a file: a pipe can cut a large JSON report short.
    reports = json.loads(report_file.read_text() or "[]")
    problems = [
        f"{files[report['filePath']]}:{message['line']}: {message['ruleId']}: "
        f"{message['message']}"
        for report in reports
        for message in report["messages"]
    ]
    assert not problems, "\n".join(problems[:40])
    assert result.returncode == 0, result.stderr
