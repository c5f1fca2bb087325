"""XSS probes: hostile text in every text field of every public record (in all
three languages), in corrections, search terms and import files, must reach
every page and output escaped. Checked structurally: the HTML is parsed and may
hold no script but ours, no event-handler attribute and no javascript: link."""

import io
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import models
from django.urls import reverse

from portal.editorial.models import Correction
from tests.safety.routes import urls

PAYLOADS = [
    '"><script>alert(1)</script>',
    "<img src=x onerror=alert(1)>",
    "</script><script>alert(1)</script>",
    "{{ request }}{% debug %}",
    "'><svg onload=alert(1)>",
]
FULL = "".join(PAYLOADS)
JS_URL = "javascript:alert(1)"
APPS = {"portal", "events", "projects"}
SKIP_MODELS = {"correction"}  # readers' messages: probed through the form below


def hostile_for(field):
    if field.max_length is None or field.max_length >= len(FULL):
        return FULL
    fitting = [p for p in PAYLOADS if len(p) <= field.max_length]
    return max(fitting, key=len) if fitting else None


def poison():
    """Every text column of every record: the payload (URLs: javascript:)."""
    touched = 0
    for model in apps.get_models():
        meta = model._meta
        if meta.app_label not in APPS or meta.model_name in SKIP_MODELS:
            continue
        values = {}
        for field in meta.concrete_fields:
            if not isinstance(field, (models.CharField, models.TextField)):
                continue
            if (
                isinstance(field, (models.SlugField, models.EmailField))
                or field.choices
            ):
                continue
            if field.name in {"language"} or field.primary_key:
                continue
            if isinstance(field, models.URLField):
                values[field.attname] = JS_URL
            else:
                value = hostile_for(field)
                if value:
                    values[field.attname] = value
        if values:
            touched += model._default_manager.update(**values)
    return touched


# Parsing ------------------------------------------------------------------------

DANGEROUS_TAGS = {"iframe", "object", "embed", "base", "frame"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data"}


def is_js_url(value):
    cleaned = re.sub(r"[\x00-\x20]", "", value or "").lower()
    return cleaned.startswith(("javascript:", "vbscript:", "data:text/html"))


def is_own_script(src):
    # Our static files, or the admin's own same-origin JavaScript catalogue.
    src = src or ""
    return src.startswith("/static/") or re.fullmatch(r"/[\w/-]*jsi18n/", src)


class Checker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self._script = None  # attrs of the open <script>
        self._data = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name, value in attrs.items():
            if name.lower().startswith("on"):
                self.problems.append(f"<{tag} {name}={value!r}>")
            if name.lower() in URL_ATTRIBUTES and is_js_url(value):
                self.problems.append(f"<{tag} {name}={value!r}>")
        if tag in DANGEROUS_TAGS:
            self.problems.append(f"<{tag}>")
        if tag == "script":
            self._script = attrs
            self._data = []

    def handle_data(self, data):
        if self._script is not None:
            self._data.append(data)

    def handle_endtag(self, tag):
        if tag != "script" or self._script is None:
            return
        attrs, text = self._script, "".join(self._data)
        self._script = None
        if attrs.get("type") == "application/ld+json":
            try:
                json.loads(text)  # still one JSON document holding the payload
            except ValueError:
                self.problems.append(f"JSON-LD does not parse: {text[:200]!r}")
        elif not is_own_script(attrs.get("src")) or text.strip():
            self.problems.append(f"<script {attrs}>{text[:100]}")


def html_problems(text):
    checker = Checker()
    checker.feed(text)
    checker.close()
    return checker.problems


def check_response(label, response):
    assert response.status_code < 500, (label, response.status_code)
    kind = response.get("Content-Type", "").split(";")[0]
    body = (
        b"".join(response.streaming_content) if response.streaming else response.content
    )
    if kind == "text/html":
        problems = html_problems(body.decode())
        assert not problems, (label, problems)
    elif kind.endswith("json"):
        data = json.loads(body)
        if kind == "application/geo+json" or label.endswith(".geojson"):
            for feature in data.get("features", []):
                url = feature["properties"].get("url", "")
                assert not is_js_url(url), (label, url)
    elif kind.endswith("xml"):
        root = ET.fromstring(body)
        for element in root.iter():
            tag = element.tag.rsplit("}", 1)[-1]
            if tag in {"description", "summary", "content"} and element.text:
                # Feed readers show these as HTML.
                assert not html_problems(element.text), (label, element.text)
            if tag in {"link", "loc", "id"} and element.text:
                assert not is_js_url(element.text), (label, element.text)
            assert not is_js_url(element.get("href")), label
    return body


@pytest.fixture
def hostile(seeded):
    assert poison() > 0
    # poison() writes with update(), which sends no signals: the stored search
    # documents (portal/search, PostgreSQL) are made again from the poisoned
    # texts, as an operator does after a bulk change.
    call_command("build_search_index", stdout=io.StringIO())


def test_the_checker_catches_what_it_should():
    assert html_problems("<script>alert(1)</script>")
    assert html_problems('<a href=" JavaScript:alert(1)">x</a>')
    assert html_problems("<img src=x onerror=alert(1)>")
    assert html_problems('<script type="application/ld+json">{"a": "</script>')
    assert not html_problems('<script src="/static/js/a.js"></script>')
    assert not html_problems(
        '<script type="application/ld+json">{"a": "<\\/b>"}</script>'
    )


# Escaping is the templates' and serialisers' work on text the database hands
# back as stored, on either engine (tests/site/test_escaping.py checks that
# round trip on both): CI walks the pages once, in its SQLite pass.
@pytest.mark.single_pass
@pytest.mark.django_db
def test_every_public_page_and_output_escapes_hostile_records(client, hostile):
    checked = 0
    for name, path in urls():
        check_response(f"{name} {path}", client.get(path))
        checked += 1
    assert checked > 100


@pytest.mark.django_db
def test_json_ld_keeps_the_payload_as_data(client, hostile):
    from events.models import Event

    event = Event.objects.published().first()
    page = client.get(event.get_absolute_url()).content.decode()
    blocks = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', page, flags=re.S
    )
    assert blocks
    assert any(FULL in json.dumps(json.loads(b), ensure_ascii=False) for b in blocks)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "az", "zh-hans"])
def test_search_terms_are_reflected_escaped(client, hostile, language):
    for q in [*PAYLOADS, JS_URL]:
        path = f"/{language}/search/"
        response = client.get(path, {"q": q})
        body = check_response(path, response).decode()
        assert "alert(1)" not in body or "&lt;" in body or q == JS_URL


@pytest.mark.django_db
def test_hostile_records_in_the_admin(admin_client, hostile):
    for model in apps.get_models():
        meta = model._meta
        # The page cache's token is no editor's record and has no admin page.
        if meta.app_label not in APPS or meta.label_lower == "portal.contenttoken":
            continue
        changelist = reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")
        check_response(changelist, admin_client.get(changelist))
        for q in PAYLOADS[:2]:
            check_response(changelist, admin_client.get(changelist, {"q": q}))
        record = model._default_manager.first()
        if record is not None:
            change = reverse(
                f"admin:{meta.app_label}_{meta.model_name}_change", args=[record.pk]
            )
            check_response(change, admin_client.get(change))


@pytest.mark.django_db
def test_hostile_correction_reaches_the_admin_escaped(client, admin_client, seeded):
    from events.models import Event

    event = Event.objects.published().first()
    url = reverse("suggest-correction", kwargs={"kind": "event", "slug": event.slug})
    form_page = client.get(url)
    data = {"message": FULL + " " + JS_URL, "name": PAYLOADS[1][:200]}
    # Keep whatever timing/hidden fields the form carries.
    form = form_page.context["form"]
    for field in form:
        if field.is_hidden and field.name not in data:
            data[field.name] = field.value() or ""
    response = client.post(url, data)
    assert response.status_code in (200, 302)
    correction = Correction.objects.get()
    assert FULL in correction.message
    changelist = reverse("admin:editorial_correction_changelist")
    check_response(changelist, admin_client.get(changelist))
    change = reverse("admin:editorial_correction_change", args=[correction.pk])
    page = check_response(change, admin_client.get(change)).decode()
    assert "&lt;script&gt;" in page


@pytest.mark.django_db
def test_hostile_import_cells_reach_the_preview_escaped(admin_client, seeded):
    from django.core.files.uploadedfile import SimpleUploadedFile

    row = ["hostile-talks", FULL, FULL, "talks", "2025", FULL]
    csv = "slug,title_en,summary_en,kind,date,place\n" + ",".join(
        '"' + cell.replace('"', '""') + '"' for cell in row
    )
    name = '"><svg onload=alert(1)>.csv'
    response = admin_client.post(
        reverse("admin:events_event_import"),
        {
            "resource": "0",
            "format": "0",
            "import_file": SimpleUploadedFile(name, csv.encode()),
        },
    )
    check_response("import preview", response)
    assert response.status_code == 200


@pytest.mark.django_db
def test_a_javascript_source_address_is_refused(seeded):
    from django.core.exceptions import ValidationError

    from portal.core.models import Source

    source = Source.objects.first()
    source.url = JS_URL
    with pytest.raises(ValidationError) as error:
        source.full_clean()
    assert "url" in error.value.message_dict


@pytest.mark.django_db
def test_search_snippets_of_hostile_records_stay_escaped(client, hostile):
    # Snippets show the Markdown source as escaped text with <mark> around the
    # words found; they are never rendered as Markdown or HTML.
    response = client.get("/en/search/", {"q": "alert"})
    body = check_response("search", response).decode()
    assert "<mark>" in body.lower()
    assert "&lt;script&gt;" in body
