"""Every list's "Download these results" and the full dataset."""

import datetime
import io
import json
import zipfile

import pytest
from django.http import StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone

from portal.core.models import Status
from portal.opendata import downloads
from portal.opendata.downloads import read_csv
from tests.builders import (
    add_observation,
    add_participant,
    cite,
    make_agreement,
    make_event,
    make_indicator,
    make_organization,
    make_person,
    make_project,
    make_source,
)

pytestmark = pytest.mark.django_db

LISTS = {
    "events": "events:list",
    "agreements": "agreements:list",
    "projects": "projects:list",
    "people": "people:list",
    "organisations": "organizations:list",
}


def download(client, kind, fmt, query="", language="en"):
    return client.get(f"/{language}/download/{kind}.{fmt}{query}")


@pytest.mark.parametrize(("kind", "page"), LISTS.items())
def test_every_list_page_offers_its_results_for_its_filters(client, kind, page):
    response = client.get(reverse(page) + "?q=solar&page=1")
    html = response.content.decode()
    assert "Download these results" in html
    assert f'href="/en/download/{kind}.csv?q=solar"' in html
    assert f'href="/en/download/{kind}.json?q=solar"' in html


@pytest.mark.parametrize(
    ("kind", "page", "query"),
    [
        ("events", "events:list", "?type=state_visit"),
        ("events", "events:list", "?place=azerbaijan&year=2025"),
        ("projects", "projects:list", "?sector=renewable-energy"),
        ("agreements", "agreements:list", "?q=visa"),
        ("people", "people:list", "?country=china"),
        ("organisations", "organizations:list", "?kind=ministry"),
        ("events", "events:list", ""),
    ],
)
def test_a_download_holds_exactly_the_records_of_the_filtered_list(
    client, seeded, kind, page, query
):
    on_page = client.get(reverse(page) + query).context["paginator"].object_list
    expected = sorted(record.slug for record in on_page)
    rows = read_csv(download(client, kind, "csv", query).getvalue())
    assert sorted(row["slug"] for row in rows) == expected
    document = json.loads(download(client, kind, "json", query).getvalue())
    assert sorted(r["slug"] for r in document["results"]) == expected
    assert document["count"] == len(expected)


@pytest.mark.parametrize("query", ["?year=2023", "?place=no-such-place"])
def test_a_well_formed_filter_with_no_records_is_an_empty_download(client, query):
    make_event(date=datetime.date(2025, 9, 15))
    response = download(client, "events", "csv", query)
    assert response.status_code == 200
    assert read_csv(response.getvalue()) == []
    document = json.loads(download(client, "events", "json", query).getvalue())
    assert (document["count"], document["results"]) == (0, [])


def test_a_download_has_every_record_not_one_page(client):
    for number in range(25):
        make_event(slug=f"event-{number}")
    assert len(read_csv(download(client, "events", "csv").getvalue())) == 25


def test_the_csv_reads_back_with_the_values_of_the_json(client):
    event = make_event(
        slug="talks",
        title="Talks, with “quotes”; and a comma",
        summary="Line one\nline two",
        date=datetime.date(2025, 9, 1),
        date_precision="month",
    )
    add_participant(event, make_person(slug="minister"), role="Minister")
    cite(event, make_source(slug="news"), quote="Said so.")
    csv_row = read_csv(download(client, "events", "csv").getvalue())[0]
    record = json.loads(download(client, "events", "json").getvalue())["results"][0]
    for column in ("id", "slug", "title", "summary", "kind", "kind_label", "date"):
        assert csv_row[column] == str(record[column])
    assert csv_row["date_precision"] == "month"
    assert csv_row["date_display"] == "September 2025"
    assert csv_row["date_approximate"] == "false"
    assert csv_row["participants"] == "minister (az): Minister"
    assert csv_row["citations"] == "news: Said so."
    assert csv_row["place"] == "" and csv_row["place_name"] == ""


def test_the_csv_is_utf8_with_a_byte_order_mark_and_a_filename(client):
    make_event(slug="talks", title_az="Danışıqlar", title_zh_hans="会谈")
    response = download(client, "events", "csv", language="az")
    assert isinstance(response, StreamingHttpResponse)
    content = response.getvalue()
    assert content.startswith(b"\xef\xbb\xbf")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="events-az.csv"'
    assert read_csv(content)[0]["title"] == "Danışıqlar"
    chinese = json.loads(
        download(client, "events", "json", language="zh-hans").getvalue()
    )
    assert chinese["results"][0]["title"] == "会谈"
    assert chinese["language"] == "zh-hans"
    assert "CC BY 4.0" in chinese["licence"]


@pytest.mark.parametrize(
    "text",
    ['=HYPERLINK("http://evil")', "+1+1", "-2+3", "@SUM(A1)", "\tTab", "\rCR"],
)
def test_formulas_are_escaped_and_read_back_unchanged(client, text):
    make_event(slug="talks", title=text)
    raw = download(client, "events", "csv").getvalue().decode("utf-8-sig")
    assert "'" + text.replace('"', '""') in raw
    assert read_csv(download(client, "events", "csv").getvalue())[0]["title"] == text


def test_plain_negative_numbers_are_left_alone(download_dataset):
    indicator = make_indicator(slug="trains")
    add_observation(indicator, change_percent=-12.5)
    archive = zipfile.ZipFile(io.BytesIO(download_dataset().getvalue()))
    rows = read_csv(archive.read("observations.csv"))
    assert rows[0]["change_percent"] == "-12.50"
    assert "'-12.50" not in archive.read("observations.csv").decode("utf-8-sig")


def test_bad_filters_are_a_readable_400(client):
    response = download(client, "events", "csv", "?type=nonsense&date_from=soon")
    assert response.status_code == 400
    text = response.content.decode()
    assert "type:" in text and "date_from:" in text
    assert response["Content-Type"].startswith("text/plain")


def test_unknown_kinds_and_formats_are_404(client):
    assert download(client, "places", "csv").status_code == 404
    assert download(client, "events", "xlsx").status_code == 404


def hidden(**links):
    later = timezone.now() + datetime.timedelta(days=1)
    records = []
    for state, fields in (
        ("draft", {"status": Status.DRAFT}),
        ("scheduled", {"status": Status.PUBLISHED, "published_at": later}),
    ):
        records += [
            make_event(slug=f"{state}-event", **fields),
            make_agreement(slug=f"{state}-agreement", **fields),
            make_project(slug=f"{state}-project", **fields),
            make_person(slug=f"{state}-person", **fields),
            make_organization(slug=f"{state}-org", **fields),
            make_indicator(slug=f"{state}-indicator", **fields),
        ]
    return records


def test_no_draft_or_scheduled_record_leaves_through_downloads(
    client, download_dataset
):
    event = make_event(slug="public-event")
    project = make_project(slug="public-project")
    for record in hidden():
        name = type(record).__name__
        if name == "Person":
            add_participant(event, record)
        elif name == "Organization":
            event.organizations.add(record)
        elif name == "Event":
            project.events.add(record)
        elif name == "Agreement":
            project.agreements.add(record)
        elif name == "Indicator":
            add_observation(record)
    texts = []
    for kind in LISTS:
        for fmt in ("csv", "json"):
            texts.append(download(client, kind, fmt).getvalue().decode("utf-8-sig"))
    archive = zipfile.ZipFile(io.BytesIO(download_dataset().getvalue()))
    texts += [archive.read(name).decode("utf-8-sig") for name in archive.namelist()]
    text = "\n".join(texts)
    assert "public-event" in text and "public-project" in text
    assert "draft-" not in text
    assert "scheduled-" not in text


def test_the_full_dataset_has_every_kind_with_its_licence_and_dictionary(
    download_dataset,
):
    event = make_event(slug="talks")
    cite(event, make_source(slug="news"))
    add_observation(make_indicator(slug="trains"))
    response = download_dataset("az")
    assert response["Content-Type"] == "application/zip"
    assert 'filename="portal-dataset-az.zip"' in response["Content-Disposition"]
    archive = zipfile.ZipFile(io.BytesIO(response.getvalue()))
    names = set(archive.namelist())
    for kind in (
        "events",
        "agreements",
        "projects",
        "people",
        "organisations",
        "places",
        "sources",
        "indicators",
        "observations",
    ):
        assert {f"{kind}.csv", f"{kind}.json"} <= names
    assert "CC BY 4.0" in archive.read("README.txt").decode()
    dictionary = archive.read("DATA-DICTIONARY.md").decode()
    events = json.loads(archive.read("events.json"))
    assert events["language"] == "az"
    assert [r["slug"] for r in events["results"]] == ["talks"]
    # The dictionary names every column of every CSV file.
    for name in names:
        if name.endswith(".csv"):
            header = archive.read(name).decode("utf-8-sig").splitlines()[0]
            for column in header.split(","):
                assert f"`{column}`" in dictionary, (name, column)


def test_the_about_page_links_the_dataset_and_the_api(client):
    html = client.get("/en/about/").content.decode()
    assert 'href="/en/data/portal-dataset.zip"' in html
    assert 'href="/api/v1/docs/"' in html


def test_the_dataset_gives_who_reports_each_value_and_where_sources_disagree(
    download_dataset,
):
    indicator = make_indicator(slug="trade", currency="USD", unit="")
    customs = make_organization(name="State Customs Committee", slug="customs")
    for side, body, value in (("cn", None, 3100), ("az", customs, 2200)):
        add_observation(
            indicator,
            period_start=datetime.date(2023, 1, 1),
            period_end=datetime.date(2023, 12, 31),
            period_precision="year",
            side=side,
            reported_by=body,
            value=value,
        )
    archive = zipfile.ZipFile(io.BytesIO(download_dataset().getvalue()))
    rows = read_csv(archive.read("observations.csv"))
    assert [
        (
            row["side"],
            row["reported_by"],
            row["reported_by_name"],
            row["rank"],
            row["sources_disagree"],
        )
        for row in rows
    ] == [
        ("cn", "", "", "normal", "true"),
        ("az", "customs", "State Customs Committee", "normal", "true"),
    ]
    [trade] = read_csv(archive.read("indicators.csv"))
    assert trade["observations"] == (
        "2023: USD 3,100 (China) [sources disagree]; "
        "2023: USD 2,200 (State Customs Committee (Azerbaijan)) [sources disagree]"
    )
    ids = [row["id"] for row in rows]
    assert trade["series"] == (
        f"China: {ids[0]}; State Customs Committee (Azerbaijan): {ids[1]}"
    )
    assert trade["disagreements"] == f"2023: {ids[0]} {ids[1]}"


def test_records_are_read_a_chunk_at_a_time(client, monkeypatch):
    """Constant memory: a download holds one chunk of records (and their
    relations) at a time, smaller for people, who come with all their events."""
    sizes = []
    real = downloads._serialize

    def counted(serializer_class, records, request):
        sizes.append(len(records))
        return real(serializer_class, records, request)

    monkeypatch.setattr(downloads, "_serialize", counted)
    monkeypatch.setattr(downloads, "CHUNK", 3)
    monkeypatch.setattr(downloads, "CHUNKS", {"people": 2})
    for number in range(7):
        make_event(slug=f"event-{number}")
        make_person(slug=f"person-{number}")
    assert len(read_csv(download(client, "events", "csv").getvalue())) == 7
    assert sizes == [3, 3, 1]
    sizes.clear()
    document = json.loads(download(client, "people", "json").getvalue())
    assert document["count"] == len(document["results"]) == 7
    assert sizes == [2, 2, 2, 1]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("events-en.csv", 'attachment; filename="events-en.csv"'),
        (
            "China–Azerbaijan Relations Portal API.yaml",
            'attachment; filename="China-Azerbaijan Relations Portal API.yaml"; '
            "filename*=UTF-8''China%E2%80%93Azerbaijan%20Relations%20Portal%20API.yaml",
        ),
        (
            "Çin–Azərbaycan.csv",
            'attachment; filename="Cin-Az-rbaycan.csv"; '
            "filename*=UTF-8''%C3%87in%E2%80%93Az%C9%99rbaycan.csv",
        ),
        (
            "中国.json",
            'attachment; filename="download.json"; '
            "filename*=UTF-8''%E4%B8%AD%E5%9B%BD.json",
        ),
        (
            'say "hi"\\.txt',
            'attachment; filename="say -hi.txt"; '
            "filename*=UTF-8''say%20%22hi%22%5C.txt",
        ),
    ],
)
def test_file_names_are_given_as_rfc_6266_says(name, expected):
    assert downloads.content_disposition(name) == expected


@pytest.mark.parametrize("query", ["", "?format=json", "?lang=az"])
def test_the_schema_names_its_file_as_rfc_6266_says(client, query):
    response = client.get("/api/v1/schema/" + query)
    assert response.status_code == 200
    disposition = response["Content-Disposition"]
    suffix = "json" if "json" in query else "yaml"
    assert disposition == (
        f'inline; filename="China-Azerbaijan Relations Portal API.{suffix}"; '
        "filename*=UTF-8''China%E2%80%93Azerbaijan%20Relations%20Portal%20API."
        f"{suffix}"
    )
    # Never RFC 2047's encoded words, which RFC 6266 forbids.
    assert "=?" not in disposition
    assert disposition.isascii()


def test_the_key_figures_are_a_download_like_the_lists(client):
    trains = make_indicator(name="Freight trains", slug="trains")
    add_observation(trains, value=351)
    make_indicator(name="Draft figure", slug="draft", status=Status.DRAFT)

    page = client.get(reverse("key-figures")).content.decode()
    assert 'href="/en/download/key-figures.csv"' in page
    assert 'href="/en/download/key-figures.json"' in page

    response = download(client, "key-figures", "csv", "?year=2025&utm=x")
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="key-figures-en.csv"'
    )
    [row] = read_csv(response.getvalue())
    assert (row["slug"], row["name"]) == ("trains", "Freight trains")
    assert "351" in row["observations"]

    document = json.loads(download(client, "key-figures", "json").getvalue())
    assert document["count"] == 1
    assert document["source"] == "http://testserver/en/download/key-figures.json"
    # The API's records as they are.
    api = client.get("/api/v1/indicators/").json()["results"]
    assert document["results"] == api
