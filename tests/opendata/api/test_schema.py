"""Schemathesis sends generated requests to every operation in the OpenAPI schema
the app serves, with every check it has: no server error, every status code,
header, content type and body as the schema documents them, schema-valid
requests accepted and schema-violating ones refused."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, seed
from hypothesis import settings as hypothesis_settings
from schemathesis.generation import GenerationMode


@pytest.fixture
def api_schema(seeded, settings):
    settings.ALLOWED_HOSTS = ["localhost", "testserver"]
    # The throttle counts every request, as in production, at a rate the run
    # never reaches (tests/opendata/api/conftest.py turns it off).
    settings.API_RATE_LIMIT = "100000/min"
    # Schemathesis calls the WSGI app itself, whose end-of-request signal would
    # close the database connection and with it the test's transaction; Django's
    # test client turns the same handler off the same way.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/v1/schema/", get_wsgi_application())
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


# Hypothesis settings for each operation and kind of data: enough examples to
# find a server error or an answer outside the schema, few enough that the
# whole run takes seconds.
EXAMPLES = hypothesis_settings(
    max_examples=10,
    deadline=None,
    # No example database: nothing is written to .hypothesis/.
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def test_every_operation_answers_within_its_schema(api_schema):
    # One loop rather than schemathesis' pytest plugin (schema.parametrize with
    # a fixture), which does not work with pytest 9's nodes.
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) == 16

    for operation in operations:
        # Requests the schema allows, and requests it forbids (each must be
        # refused with a 4xx the schema documents).
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):

            @given(case=operation.as_strategy(generation_mode=mode))
            @EXAMPLES
            # The same requests on every run: a failure is found again.
            @seed(19)
            def check(case):
                # No `checks`: every one schemathesis has.
                case.call_and_validate()

            check()


def test_the_schema_lists_every_endpoint(client, db):
    response = client.get("/api/v1/schema/", HTTP_ACCEPT="application/json")
    paths = response.json()["paths"]
    for name in (
        "events",
        "agreements",
        "projects",
        "people",
        "organisations",
        "places",
        "indicators",
        "sources",
    ):
        assert f"/api/v1/{name}/" in paths
        assert f"/api/v1/{name}/{{slug}}/" in paths
    parameters = {p["name"] for p in paths["/api/v1/events/"]["get"]["parameters"]}
    # The list page's filters, the language and the pages.
    assert {"q", "type", "year", "place", "person", "organization"} <= parameters
    assert {"lang", "page", "page_size"} <= parameters
    assert "CC BY 4.0" in response.json()["info"]["license"]["name"]


def test_the_schema_names_every_type_of_event(client, db):
    schema = client.get("/api/v1/schema/", HTTP_ACCEPT="application/json").json()
    parameters = schema["paths"]["/api/v1/events/"]["get"]["parameters"]
    (type_filter,) = [p for p in parameters if p["name"] == "type"]
    offered = set(type_filter["schema"]["enum"])
    assert {"visit", "working_visit", "meeting", "state_visit"} <= offered
    kinds = {
        tuple(sorted(component.get("enum", ())))
        for component in schema["components"]["schemas"].values()
    }
    assert any({"visit", "working_visit", "meeting"} <= set(enum) for enum in kinds)


def operations(client):
    schema = client.get("/api/v1/schema/", HTTP_ACCEPT="application/json").json()
    return schema, {path: methods["get"] for path, methods in schema["paths"].items()}


def test_every_operation_documents_its_errors_with_their_bodies(client, db):
    _schema, by_path = operations(client)
    assert len(by_path) == 16
    for path, operation in by_path.items():
        responses = operation["responses"]
        assert {"200", "400", "404", "429"} <= set(responses), path
        bad = responses["400"]["content"]["application/json"]["schema"]
        assert bad["additionalProperties"]["items"]["type"] == "string"
        for code in ("404", "429"):
            body = responses[code]["content"]["application/json"]["schema"]
            assert body["required"] == ["detail"]
        assert responses["429"]["headers"]["Retry-After"]["required"] is True


def test_the_schema_gives_every_parameter_its_bounds_and_codes(client, seeded):
    _schema, by_path = operations(client)
    events = {p["name"]: p["schema"] for p in by_path["/api/v1/events/"]["parameters"]}
    assert events["page"] == {"type": "integer", "minimum": 1}
    assert events["page_size"] == {"type": "integer", "minimum": 1, "maximum": 100}
    assert {"type": "integer", "minimum": 1, "maximum": 9999} in events["year"]["anyOf"]
    assert events["place"]["maxLength"] == 120
    assert "pattern" in events["place"]
    assert events["q"]["maxLength"] == 200
    projects = {
        p["name"]: p["schema"] for p in by_path["/api/v1/projects/"]["parameters"]
    }
    assert "renewable-energy" in projects["sector"]["enum"]
    assert {"operational", "planned"} <= set(projects["status"]["enum"])
    assert {"cn_az", "az_cn", "joint"} <= set(projects["direction"]["enum"])
    agreements = {
        p["name"]: p["schema"] for p in by_path["/api/v1/agreements/"]["parameters"]
    }
    assert agreements["kind"]["enum"] and agreements["status"]["enum"]
    for path in ("/api/v1/organisations/", "/api/v1/places/", "/api/v1/sources/"):
        kinds = [p for p in by_path[path]["parameters"] if p["name"] == "kind"]
        assert kinds[0]["schema"]["enum"], path
    detail = by_path["/api/v1/events/{slug}/"]["parameters"]
    (slug,) = [p for p in detail if p["name"] == "slug"]
    assert slug["schema"]["pattern"] == "^[-a-zA-Z0-9_]+$"
