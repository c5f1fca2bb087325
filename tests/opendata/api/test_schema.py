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
