import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from portal.core.models import Person, Side, Status
from tests.builders import (
    add_measure,
    add_milestone,
    add_observation,
    add_participant,
    add_partner,
    cite,
    make_agreement,
    make_country,
    make_event,
    make_indicator,
    make_organization,
    make_person,
    make_place,
    make_project,
)

pytestmark = pytest.mark.django_db

ENDPOINTS = (
    "events",
    "agreements",
    "projects",
    "people",
    "organisations",
    "indicators",
)


def api(client, path, **headers):
    response = client.get(f"/api/v1/{path}", **headers)
    return response


def slugs(client, path):
    """Every slug the API lists at `path` (a list URL with a query string)."""
    separator = "&" if "?" in path else "?"
    response = api(client, f"{path}{separator}page_size=100")
    assert response.status_code == 200, response.content
    return [record["slug"] for record in response.json()["results"]]


def hidden_records():
    """A draft and a scheduled record of each kind, all linked to public ones."""
    later = timezone.now() + datetime.timedelta(days=3)
    hidden = {}
    for state in ("draft", "scheduled"):
        fields = (
            {"status": Status.DRAFT}
            if state == "draft"
            else {"status": Status.PUBLISHED, "published_at": later}
        )
        hidden[state] = {
            "events": make_event(slug=f"{state}-event", **fields),
            "agreements": make_agreement(slug=f"{state}-agreement", **fields),
            "projects": make_project(slug=f"{state}-project", **fields),
            "people": make_person(slug=f"{state}-person", **fields),
            "organisations": make_organization(slug=f"{state}-org", **fields),
            "indicators": make_indicator(slug=f"{state}-indicator", **fields),
        }
    return hidden


def test_drafts_and_scheduled_records_never_leave_through_the_api(client):
    event = make_event(slug="public-event")
    project = make_project(slug="public-project")
    agreement = make_agreement(slug="public-agreement")
    person = make_person(slug="public-person")
    organization = make_organization(slug="public-org")
    hidden = hidden_records()
    for records in hidden.values():
        # Linked from every public record, so nested links are tested too.
        add_participant(event, records["people"])
        event.organizations.add(records["organisations"])
        records["agreements"].event = event
        records["agreements"].save()
        project.events.add(records["events"])
        project.agreements.add(records["agreements"])
        add_partner(project, records["organisations"])
        records["projects"].events.add(event)
        agreement.parties.add(records["organisations"])
        add_participant(records["events"], person)
        records["organisations"].units.add(organization)
    public = [event, project, agreement, person, organization]
    bodies = []
    for name in ENDPOINTS:
        response = api(client, f"{name}/?page_size=100")
        assert response.status_code == 200
        bodies.append(response.content.decode())
        for state in hidden:
            detail = api(client, f"{name}/{hidden[state][name].slug}/")
            assert detail.status_code == 404
    for record in public:
        kind = {
            "Event": "events",
            "Project": "projects",
            "Agreement": "agreements",
            "Person": "people",
            "Organization": "organisations",
        }[type(record).__name__]
        response = api(client, f"{kind}/{record.slug}/")
        assert response.status_code == 200
        bodies.append(response.content.decode())
    text = "\n".join(bodies)
    for state in ("draft", "scheduled"):
        assert f"{state}-" not in text
    assert "public-event" in text and "public-org" in text


def test_records_link_to_each_other_and_to_their_pages(client):
    country = make_country(slug="azerbaijan")
    city = make_place(name="Baku", slug="baku", parent=country)
    event = make_event(slug="talks", place=city)
    person = make_person(slug="minister", country=country)
    add_participant(event, person, role="Minister of Economy")
    project = make_project(slug="solar")
    project.events.add(event)
    cite(event, quote="They met in Baku.")

    record = api(client, "events/talks/", HTTP_ACCEPT_LANGUAGE="en").json()
    assert record["id"] == event.pk
    assert record["url"] == "http://testserver/api/v1/events/talks/"
    assert record["html_url"] == "http://testserver/en/events/talks/"
    assert record["place"]["slug"] == "baku"
    assert record["place"]["url"].endswith("/api/v1/places/baku/")
    assert record["participants"][0]["person"]["slug"] == "minister"
    assert record["participants"][0]["role"] == "Minister of Economy"
    assert record["participants"][0]["side_label"] == "Azerbaijan"
    assert [p["slug"] for p in record["projects"]] == ["solar"]
    assert record["kind"] == "talks"
    assert record["kind_label"] == "Talks"
    assert record["date"] == "2025-09-15"
    assert record["date_precision"] == "day"
    assert record["date_display"] == "15 September 2025"
    assert record["citations"][0]["quote"] == "They met in Baku."
    # Following a link gives the linked record.
    place = client.get(record["place"]["url"]).json()
    assert place["parent"]["slug"] == "azerbaijan"


def test_the_slug_and_id_stay_when_a_record_changes(client):
    event = make_event(slug="stable", title="Before")
    before = api(client, "events/stable/").json()
    event.title = "After"
    event.save()
    after = api(client, "events/stable/").json()
    assert (before["id"], before["slug"], before["url"]) == (
        after["id"],
        after["slug"],
        after["url"],
    )
    assert after["title"] == "After"


@pytest.mark.parametrize(
    ("query", "headers", "language"),
    [
        ("?lang=az", {}, "az"),
        ("?lang=zh-hans", {"HTTP_ACCEPT_LANGUAGE": "az"}, "zh-hans"),
        ("", {"HTTP_ACCEPT_LANGUAGE": "az,en;q=0.5"}, "az"),
        ("", {"HTTP_ACCEPT_LANGUAGE": "zh-CN"}, "zh-hans"),
        ("", {}, "en"),
    ],
)
def test_the_language_comes_from_lang_or_accept_language(
    client, query, headers, language
):
    make_event(
        slug="talks",
        title_en="Talks",
        title_az="Danışıqlar",
        title_zh_hans="会谈",
        kind="talks",
    )
    response = api(client, f"events/talks/{query}", **headers)
    assert response["Content-Language"] == language
    record = response.json()
    assert (
        record["title"]
        == {"en": "Talks", "az": "Danışıqlar", "zh-hans": "会谈"}[language]
    )
    assert record["html_url"] == f"http://testserver/{language}/events/talks/"
    assert record["kind_label"] != "" and record["kind"] == "talks"


def test_an_untranslated_text_falls_back_to_english(client):
    make_event(slug="talks", title_en="Talks", summary_en="English summary")
    record = api(client, "events/talks/?lang=az").json()
    assert record["title"] == "Talks"
    assert record["summary"] == "English summary"


def test_an_unknown_language_is_a_clear_400(client):
    response = api(client, "events/?lang=fr")
    assert response.status_code == 400
    assert "fr" in response.json()["lang"][0]
    assert "zh-hans" in response.json()["lang"][0]


@pytest.mark.parametrize(
    "query",
    [
        "events/?type=nonsense",
        "events/?date_from=2025-13-45",
        "events/?place=no%20where",
        "events/?year=2025x",
        "projects/?sector=nothing!",
        "agreements/?kind=scroll",
        "people/?country=at/lantis",
        "organisations/?kind=club",
        "places/?kind=planet",
    ],
)
def test_a_filter_value_it_cannot_use_is_a_400_saying_which(client, query):
    response = api(client, query)
    assert response.status_code == 400
    name = query.split("?")[1].split("=")[0]
    assert name in response.json()


# Queries on the seed records; each must give the same records on the page and
# in the API.
SAME_QUERIES = [
    ("events:list", "events/", ""),
    ("events:list", "events/", "?type=state_visit"),
    ("events:list", "events/", "?year=2025"),
    ("events:list", "events/", "?place=azerbaijan"),
    ("events:list", "events/", "?q=Aliyev"),
    ("events:list", "events/", "?date_from=2025-01-01&date_to=2025-12-31"),
    ("events:list", "events/", "?person=ilham-aliyev"),
    ("projects:list", "projects/", ""),
    ("projects:list", "projects/", "?sector=renewable-energy"),
    ("projects:list", "projects/", "?status=operational&direction=cn_az"),
    ("projects:list", "projects/", "?place=azerbaijan"),
    ("projects:list", "projects/", "?partner_country=china"),
    ("agreements:list", "agreements/", ""),
    ("agreements:list", "agreements/", "?kind=agreement"),
    ("agreements:list", "agreements/", "?q=visa"),
    ("people:list", "people/", ""),
    ("people:list", "people/", "?country=china"),
    ("organizations:list", "organisations/", ""),
    ("organizations:list", "organisations/", "?kind=ministry"),
    ("organizations:list", "organisations/", "?country=azerbaijan&q=ministry"),
]


@pytest.mark.parametrize(("page", "endpoint", "query"), SAME_QUERIES)
def test_page_filters_and_api_filters_give_the_same_records(
    client, seeded, page, endpoint, query
):
    response = client.get(reverse(page) + query)
    assert response.status_code == 200
    on_page = [record.slug for record in response.context["paginator"].object_list]
    in_api = slugs(client, endpoint + query)
    assert sorted(on_page) == sorted(in_api)
    assert len(in_api) == len(set(in_api))


def test_the_seed_queries_are_not_all_empty(client, seeded):
    # Guards the comparison above against comparing nothing with nothing.
    found = [slugs(client, endpoint + query) for _page, endpoint, query in SAME_QUERIES]
    assert sum(1 for result in found if result) >= len(SAME_QUERIES) - 3


def test_lists_are_paged_and_the_page_size_is_bounded(client):
    for number in range(5):
        make_event(slug=f"event-{number}")
    first = api(client, "events/?page_size=2").json()
    assert first["count"] == 5
    assert len(first["results"]) == 2
    assert "page=2" in first["next"]
    second = client.get(first["next"]).json()
    assert not {r["slug"] for r in first["results"]} & {
        r["slug"] for r in second["results"]
    }
    for number in range(5, 105):
        make_place(slug=f"place-{number}")
    assert len(api(client, "places/?page_size=100").json()["results"]) == 100
    past_the_end = api(client, "events/?page=99")
    assert past_the_end.status_code == 404
    assert past_the_end.json() == {"detail": "Invalid page."}


@pytest.mark.parametrize(
    "query, name",
    [
        ("page=0", "page"),
        ("page=-1", "page"),
        ("page=abc", "page"),
        ("page=last", "page"),
        ("page=", "page"),
        ("page=1.5", "page"),
        ("page_size=abc", "page_size"),
        ("page_size=0", "page_size"),
        ("page_size=101", "page_size"),
        ("page_size=" + "9" * 5000, "page_size"),
    ],
)
def test_a_page_or_page_size_it_cannot_use_is_a_400_naming_it(client, query, name):
    response = api(client, f"events/?{query}")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert list(response.json()) == [name]
    assert response.json()[name][0]


def test_a_bad_page_and_a_bad_filter_are_named_in_one_answer(client):
    response = api(client, "events/?type=nonsense&page_size=abc")
    assert response.status_code == 400
    assert set(response.json()) == {"type", "page_size"}


@pytest.mark.parametrize(
    "query",
    [
        "events/?year=2023",
        "events/?year=9999",
        "events/?place=no-such-place",
        "events/?person=nobody",
        "projects/?partner=nobody&partner_country=atlantis",
        "agreements/?party=nobody",
        "people/?country=atlantis",
        "organisations/?country=atlantis",
    ],
)
def test_a_well_formed_filter_with_no_records_is_an_empty_list(client, seeded, query):
    response = api(client, query)
    assert response.status_code == 200
    assert response.json()["count"] == 0
    assert response.json()["results"] == []


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/nothing/",
        "/api/v1/events/a/b/",
        "/api/v1/events//",
        "/api/v2/",
        "/api/v1/schema/?format=xml",
    ],
)
def test_every_address_under_the_api_answers_json_even_a_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "Not found."}


@pytest.mark.parametrize(
    "path", ["/api/v1/", "/api/v1/schema/", "/api/v1/docs/", "/api/v1/events/"]
)
def test_a_method_the_api_does_not_take_is_a_json_405(path):
    response = Client(enforce_csrf_checks=True).post(path)
    assert response.status_code == 405
    assert response["Content-Type"] == "application/json"
    assert "POST" in response.json()["detail"]
    assert "GET" in response["Allow"]


def test_a_404_outside_the_api_is_still_the_site_page(client):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


def test_any_origin_may_read_the_api(client):
    make_event(slug="talks")
    response = api(client, "events/", HTTP_ORIGIN="https://example.org")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    preflight = client.options(
        "/api/v1/events/",
        HTTP_ORIGIN="https://example.org",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert "POST" not in preflight["Access-Control-Allow-Methods"]
    # The public pages are not shared with other origins.
    page = client.get("/en/events/", HTTP_ORIGIN="https://example.org")
    assert "Access-Control-Allow-Origin" not in page


def test_the_api_is_read_only(client):
    make_event(slug="talks")
    assert client.post("/api/v1/events/", {}).status_code == 405
    assert client.delete("/api/v1/events/talks/").status_code == 405


def test_too_many_requests_from_one_address_get_a_429(client, settings):
    settings.API_RATE_LIMIT = "3/min"
    cache.clear()
    statuses = [api(client, "events/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    response = api(client, "events/")
    assert "detail" in response.json()
    assert int(response["Retry-After"]) > 0
    # Another address has its own allowance.
    assert api(client, "events/", REMOTE_ADDR="10.0.0.9").status_code == 200


def test_the_index_lists_the_endpoints(client):
    links = client.get("/api/v1/").json()
    assert links["events"] == "http://testserver/api/v1/events/"
    assert links["schema"] == "http://testserver/api/v1/schema/"


def test_the_docs_page_loads_swagger_ui_from_this_site(client):
    response = client.get("/api/v1/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/vendor/swagger-ui-dist/swagger-ui-bundle." in html
    assert "/static/js/api-docs." in html
    assert 'data-schema-url="/api/v1/schema/"' in html
    assert "<script>" not in html and "style=" not in html
    assert "script-src 'self'" in response["Content-Security-Policy"]


class World:
    """Linked records that grow by `add(n)`."""

    def __init__(self):
        self.country = make_country(slug="azerbaijan")
        self.event = make_event(slug="the-event", place=self.country)
        self.indicator = make_indicator(slug="the-indicator")
        self.year = 1990

    def add(self, rounds):
        for _ in range(rounds):
            self.year += 1
            person = make_person(country=self.country)
            organization = make_organization(country=self.country)
            event = make_event(place=self.country, date=datetime.date(self.year, 1, 1))
            add_participant(event, person)
            event.organizations.add(organization)
            project = make_project()
            project.places.add(self.country)
            project.events.add(event, self.event)
            partner = add_partner(project, organization)
            measure = add_measure(project, 240)
            milestone = add_milestone(project)
            agreement = make_agreement(event=event)
            agreement.parties.add(organization)
            project.agreements.add(agreement)
            add_observation(
                self.indicator,
                period_start=datetime.date(self.year, 1, 1),
                period_end=datetime.date(self.year, 12, 31),
            )
            for record in (event, project, agreement, person, organization):
                cite(record)
            for row in (partner, measure, milestone):
                cite(row)
            cite(self.indicator.observations.last())
            # Another party's value, from a body, and a component.
            cite(
                add_observation(
                    self.indicator,
                    period_start=datetime.date(self.year, 1, 1),
                    period_end=datetime.date(self.year, 12, 31),
                    reported_by=organization,
                    side=Side.AZERBAIJAN,
                    value=7,
                )
            )
            add_observation(make_indicator(component_of=self.indicator))


# Each includes the content token, read for the ETag and the page cache.
MAX_QUERIES = {
    # Participants' own citations and their people's offices: two queries.
    "events": 10,
    "agreements": 6,
    # Partners, milestones and measures each bring their own citations.
    "projects": 13,
    "people": 6,  # their offices, their events, the citations
    "organisations": 4,
    "places": 3,
    "sources": 3,
    "indicators": 7,
}


def count(client, path):
    with CaptureQueriesContext(connection) as captured:
        response = api(client, path)
    assert response.status_code == 200
    return len(captured)


def test_api_lists_run_a_fixed_number_of_queries(client, subtests):
    # One world for every list (building it is most of the cost).
    world = World()
    world.add(2)
    paths = {name: f"{name}/?page_size=100" for name in MAX_QUERIES}
    for path in paths.values():
        count(client, path)  # warm caches (content types, sessions)
    small = {name: count(client, path) for name, path in paths.items()}
    world.add(10)
    for name, path in paths.items():
        with subtests.test(name):
            large = count(client, path)
            print(f"api {name}: {small[name]} queries with little data, {large}")
            assert small[name] == large
            assert large <= MAX_QUERIES[name]


def test_an_indicator_gives_each_reporting_party_its_series_and_disagreements(
    client,
):
    trade = make_indicator(slug="trade", currency="USD", unit="")
    customs = make_organization(name="State Customs Committee", slug="customs")
    hidden = make_organization(name="Hidden bureau", status=Status.DRAFT)

    def year(value, amount, **reporter):
        observation = add_observation(
            trade,
            period_start=datetime.date(value, 1, 1),
            period_end=datetime.date(value, 12, 31),
            period_precision="year",
            value=amount,
            **reporter,
        )
        cite(observation)
        return observation

    agreed = year(2022, 2000, side=Side.CHINA)
    china = year(2023, 3100, side=Side.CHINA)
    azerbaijan = year(2023, 2200, side=Side.AZERBAIJAN, reported_by=customs)
    other = year(2023, 3100, side=Side.OTHER, reported_by=hidden)
    make_indicator(name="Exports", slug="exports", component_of=trade)

    data = api(client, "indicators/trade/").json()
    observations = {o["id"]: o for o in data["observations"]}
    assert observations[azerbaijan.pk]["reported_by"]["slug"] == "customs"
    assert observations[azerbaijan.pk]["side_label"] == "Azerbaijan"
    assert observations[azerbaijan.pk]["rank"] == "normal"
    # A body readers may not see is not named; its side still is.
    assert observations[other.pk]["reported_by"] is None
    assert observations[other.pk]["side"] == "other"
    assert {pk: o["sources_disagree"] for pk, o in observations.items()} == {
        agreed.pk: False,
        china.pk: True,
        azerbaijan.pk: True,
        other.pk: True,
    }
    assert [(s["label"], s["observations"]) for s in data["series"]] == [
        ("China", [agreed.pk, china.pk]),
        ("State Customs Committee (Azerbaijan)", [azerbaijan.pk]),
        ("Other", [other.pk]),
    ]
    assert [
        (d["period_display"], sorted(d["observations"])) for d in data["disagreements"]
    ] == [("2023", sorted([china.pk, azerbaijan.pk, other.pk]))]
    assert [part["slug"] for part in data["components"]] == ["exports"]
    exports = api(client, "indicators/exports/").json()
    assert exports["component_of"]["slug"] == "trade"
    assert api(client, "indicators/trade/").json()["component_of"] is None


def test_a_persons_events_are_read_with_only_what_their_links_show(client):
    """A person of the API and the downloads lists every event they took part
    in (one has thousands at 100,000 events): each is read with only its id,
    slug and titles, never its texts, and still named in the reader's
    language, English where a translation is missing."""
    person = make_person(slug="envoy")
    named = make_event(slug="named", title="Talks", title_az="Danışıqlar")
    plain = make_event(slug="plain", title="Forum", title_az="")
    for event in (named, plain):
        add_participant(event, person)
    make_event(slug="draft", status=Status.DRAFT)

    (read,) = Person.objects.published().for_data().filter(slug="envoy")
    assert {e.slug for e in read.public_events} == {"named", "plain"}
    for event in read.public_events:
        texts = {"body", "summary", "summary_en", "body_az"}
        assert texts <= event.get_deferred_fields()

    with CaptureQueriesContext(connection) as captured:
        events = api(client, "people/envoy/?lang=az").json()["events"]
    assert {e["slug"]: e["title"] for e in events} == {
        "named": "Danışıqlar",
        "plain": "Forum",
    }
    # One query reads the events; a deferred column read later would add one
    # for each event, by its id.
    sql = [q["sql"] for q in captured]
    (read_events,) = [q for q in sql if '"events_event"."slug"' in q]
    assert '"events_event"."body' not in read_events
    assert not [q for q in sql if 'WHERE "events_event"."id" = ' in q]
