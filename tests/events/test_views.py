import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from events.models import EventKind
from portal.core.dates import Precision
from portal.core.models import Status
from tests.builders import (
    add_office,
    add_participant,
    cite,
    make_agreement,
    make_event,
    make_organization,
    make_person,
    make_place,
    make_project,
    make_source,
)

pytestmark = pytest.mark.django_db


def listed(client, query, name="events:list"):
    response = client.get(f"{reverse(name)}?{query}")
    assert response.status_code == 200
    return {record.slug for record in response.context["object_list"]}


def test_the_type_filter_keeps_only_that_type(client):
    visit = make_event(kind=EventKind.STATE_VISIT)
    make_event(kind=EventKind.STATEMENT)
    assert listed(client, "type=state_visit") == {visit.slug}


@pytest.mark.parametrize(
    ("kind", "label"),
    [
        (EventKind.VISIT, "Visit"),
        (EventKind.WORKING_VISIT, "Working visit"),
        (EventKind.MEETING, "Meeting"),
    ],
)
def test_an_event_can_be_typed_as_generically_as_its_source(client, kind, label):
    # "A visit" when the source says no more: neither a state nor an official
    # visit, and a list, its facet and the page say just that.
    event = make_event(kind=kind)
    make_event(kind=EventKind.STATE_VISIT)
    assert listed(client, f"type={kind}") == {event.slug}
    response = client.get(reverse("events:list"))
    assert response.context["facet_counts"]["type"][str(kind)] == 1
    page = client.get(event.get_absolute_url()).text
    assert f'?type={kind}">{label}</a>' in page


@pytest.mark.parametrize(
    ("language", "labels"),
    [
        ("az", ("Səfər", "İşgüzar səfər", "Görüş")),
        ("zh-hans", ("访问", "工作访问", "会见")),
    ],
)
def test_the_generic_types_read_in_each_language(client, language, labels):
    make_event(kind=EventKind.VISIT)
    with translation.override(language):
        page = client.get(reverse("events:list")).text
    for label in labels:
        assert label in page


def test_the_year_filter_keeps_only_that_year(client):
    old = make_event(date=datetime.date(1994, 1, 1), date_precision=Precision.YEAR)
    make_event(date=datetime.date(2025, 4, 1))
    assert listed(client, "year=1994") == {old.slug}


def test_the_year_filter_offers_only_years_with_events(client):
    make_event(date=datetime.date(2000, 1, 1))
    response = client.get(reverse("events:list"))
    choices = [
        value for value, _ in response.context["filter"].form["year"].field.choices
    ]
    assert "2000" in choices
    assert "1999" not in choices
    assert choices[0] == ""  # "any year" comes first, so nothing is preselected


def test_date_ranges_keep_events_that_may_fall_in_them(client):
    in_2025 = make_event(date=datetime.date(2025, 1, 1), date_precision=Precision.YEAR)
    in_september = make_event(
        date=datetime.date(2025, 9, 1), date_precision=Precision.MONTH
    )
    on_the_day = make_event(date=datetime.date(2025, 9, 20))
    before = make_event(date=datetime.date(2024, 12, 31))
    assert listed(client, "date_from=2025-09-15&date_to=2025-09-30") == {
        in_2025.slug,
        in_september.slug,
        on_the_day.slug,
    }
    assert listed(client, "date_to=2025-08-31") == {in_2025.slug, before.slug}


def test_the_place_filter_includes_places_inside(client):
    country = make_place(name="Azerbaijan", kind="country", slug="azerbaijan")
    baku = make_place(name="Baku", parent=country, slug="baku")
    in_baku = make_event(place=baku)
    make_event(place=make_place(name="Beijing", slug="beijing"))
    assert listed(client, "place=azerbaijan") == {in_baku.slug}
    assert listed(client, "place=baku") == {in_baku.slug}


def test_the_person_and_organisation_filters(client):
    xi = make_person(name="Xi Jinping", slug="xi-jinping")
    mfa = make_organization(name="Ministry of Foreign Affairs", slug="mfa")
    talks = make_event()
    add_participant(talks, xi)
    statement = make_event()
    statement.organizations.add(mfa)
    assert listed(client, "person=xi-jinping") == {talks.slug}
    assert listed(client, "organization=mfa") == {statement.slug}


def test_the_text_filter_matches_every_word(client):
    wind = make_event(title="Wind plant opened", summary="A ceremony in Khizi.")
    make_event(title="Wind talks", summary="Talks in Beijing.")
    assert listed(client, "q=wind+khizi") == {wind.slug}


def test_filters_combine(client):
    match = make_event(kind=EventKind.CEREMONY, date=datetime.date(2025, 11, 1))
    make_event(kind=EventKind.CEREMONY, date=datetime.date(2024, 11, 1))
    make_event(kind=EventKind.TALKS, date=datetime.date(2025, 11, 1))
    assert listed(client, "type=ceremony&year=2025") == {match.slug}


def test_pagination_links_keep_the_filters(client):
    for day in range(1, 26):
        make_event(kind=EventKind.TALKS, date=datetime.date(2025, 1, day))
    response = client.get(reverse("events:list") + "?type=talks")
    assert len(response.context["object_list"]) == 20
    assert "?type=talks&amp;page=2" in response.text
    second = client.get(reverse("events:list") + "?type=talks&page=2")
    assert len(second.context["object_list"]) == 5


def test_event_page_shows_date_place_participants_agreements_projects_sources(client):
    baku = make_place(name="Baku")
    event = make_event(
        title="Foundation stone laid",
        date=datetime.date(2000, 1, 1),
        date_precision=Precision.YEAR,
        place=baku,
    )
    add_participant(event, make_person(name="Li Peng"), side="cn", role="then Chairman")
    make_agreement(title="Embassy agreement", event=event)
    make_project(title="Embassy building").events.add(event)
    cite(event, quote="jointly laid the foundation stone")
    text = client.get(event.get_absolute_url()).text
    assert '<time datetime="2000">2000</time>' in text
    assert "Baku" in text
    assert "Li Peng" in text
    assert "then Chairman" in text
    assert "Embassy agreement" in text
    assert "Embassy building" in text
    assert "jointly laid the foundation stone" in text


def test_an_event_without_a_place_says_so(client):
    event = make_event(place=None)
    assert "not stated in the sources" in client.get(event.get_absolute_url()).text


def test_the_timeline_groups_events_by_year(client):
    make_event(title="Old visit", date=datetime.date(1994, 1, 1), date_precision="year")
    make_event(title="New visit", date=datetime.date(2025, 4, 1))
    response = client.get(reverse("events:timeline"))
    assert [year for year, _ in response.context["years"]] == [2025, 1994]
    assert 'href="/en/events/1994/"' in response.text


def test_agreement_filters_and_page(client):
    event = make_event(title="State visit")
    memo = make_agreement(kind="memorandum", event=event)
    make_agreement(kind="declaration")
    assert listed(client, "kind=memorandum", "agreements:list") == {memo.slug}
    text = client.get(memo.get_absolute_url()).text
    assert "State visit" in text


@pytest.mark.parametrize("query", ["aliyev", "ƏLİYEV", "Əliyev heydər"])
def test_the_text_filter_folds_case_and_azerbaijani_letters(client, query):
    talks = make_event(title="Talks", summary="Heydar Aliyev met the envoy.")
    talks.summary_az = "Heydər Əliyev səfiri qəbul etdi."
    talks.save()
    make_event(title="Other talks")
    assert listed(client, f"q={query}") == {talks.slug}


def test_each_participant_shows_its_own_sources(client):
    event = make_event(slug="talks")
    person = make_person(name="Su Hui")
    participation = add_participant(event, person, role="Vice Chairman")
    cite(participation, make_source(title="The interview"), quote="Su Hui paid a visit")
    hidden = add_participant(event, make_person(name="Ali Asadov"), role="Premier")
    cite(hidden, make_source(title="Unpublished notes", status=Status.DRAFT))
    html = client.get(event.get_absolute_url()).text
    participants = html.split('id="participants-heading"')[1].split("</section>")[0]
    assert "Su Hui paid a visit" in participants
    assert "The interview" in participants
    assert "Unpublished notes" not in html
    record = client.get("/api/v1/events/talks/").json()
    cited = {p["person"]["name"]: p["citations"] for p in record["participants"]}
    assert cited["Su Hui"][0]["quote"] == "Su Hui paid a visit"
    assert cited["Ali Asadov"] == []


def test_a_participant_without_a_role_is_named_by_their_offices(client):
    event = make_event()
    person = make_person(name="Jiang Zemin")
    add_office(person, title="Chairman of the People's Republic of China", ended=True)
    add_participant(event, person, role="")
    html = client.get(event.get_absolute_url()).text.replace("&#x27;", "'")
    assert "Jiang Zemin</a>, then Chairman of the People's Republic of China" in html
    with translation.override("zh-hans"):
        person.offices.update(title_zh_hans="中华人民共和国主席")
        html = client.get(event.get_absolute_url()).text
    assert "时任中华人民共和国主席" in html


def test_the_event_page_keeps_its_queries_with_participants_citations(
    client, django_assert_num_queries
):
    event = make_event()
    for number in range(2):
        person = make_person(name=f"Person {number}")
        add_office(person)
        cite(add_participant(event, person))
    url = event.get_absolute_url()
    client.get(url)
    with CaptureQueriesContext(connection) as two:
        client.get(url)
    for number in range(2, 8):
        person = make_person(name=f"Person {number}")
        add_office(person)
        cite(add_participant(event, person))
    with django_assert_num_queries(len(two.captured_queries)):
        client.get(url)


def test_a_year_with_no_events_is_an_empty_list_not_an_error(client):
    make_event(date=datetime.date(2025, 9, 15))
    response = client.get(reverse("events:list") + "?year=2023")
    assert response.status_code == 200
    assert not response.context["filter"].errors
    assert list(response.context["object_list"]) == []
    # The select shows the year asked for, though no event has it.
    assert '<option value="2023" selected>' in response.text
    assert listed(client, "year=2025") != set()


def test_an_unknown_place_is_an_empty_list_and_a_malformed_one_an_error(client):
    make_event()
    response = client.get(reverse("events:list") + "?place=no-such-place")
    assert not response.context["filter"].errors
    assert list(response.context["object_list"]) == []
    response = client.get(reverse("events:list") + "?place=no such place")
    assert "place" in response.context["filter"].errors
