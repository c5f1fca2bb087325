"""The seed records from Ambassador Lu Mei's interview: idempotent, sourced, exact,
read from the data files in portal/seed/."""

import datetime
import io
import json
import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from events.models import Agreement, Event, Participation
from portal.core.models import (
    Citation,
    Indicator,
    Observation,
    Office,
    Organization,
    Person,
)
from portal.editorial.management.commands.load_seed import SEED, read_seed
from projects.models import Project

pytestmark = pytest.mark.django_db

INTERVIEW = (
    Path(__file__).resolve().parents[2] / "docs/sources/lu-mei-apa-interview.txt"
)

PUBLISHABLE = [Event, Agreement, Project, Person, Organization, Indicator]


def normalised(text):
    return re.sub(r"\s+", " ", text).strip()


def dump():
    out = io.StringIO()
    call_command("dumpdata", "portal", "events", "projects", indent=1, stdout=out)
    return out.getvalue()


def load():
    call_command("load_seed", "--interview-only", verbosity=0)


def test_loading_twice_changes_nothing():
    load()
    first = dump()
    load()
    assert dump() == first


def test_the_second_run_reports_everything_unchanged():
    load()
    out = io.StringIO()
    call_command("load_seed", "--interview-only", stdout=out)
    assert re.fullmatch(
        r"Seed records: 0 created, 0 updated, \d+ unchanged\.\n", out.getvalue()
    )


def test_a_changed_record_is_put_back_and_only_it_is_saved(seeded):
    event = Event.objects.get(slug="su-hui-visit-to-azerbaijan-2025")
    Event.objects.filter(pk=event.pk).update(title="Edited")
    untouched = Event.objects.exclude(pk=event.pk).values_list("updated_at", flat=True)
    before = list(untouched)
    out = io.StringIO()
    call_command("load_seed", "--interview-only", stdout=out)
    assert "0 created, 1 updated" in out.getvalue()
    assert (
        Event.objects.get(pk=event.pk).title
        == "CPPCC Vice Chairman Su Hui visits Azerbaijan"
    )
    assert list(untouched) == before


@pytest.mark.parametrize("model", [*PUBLISHABLE, Observation])
def test_every_published_record_and_observation_cites_the_interview(seeded, model):
    records = model.objects.all() if model is Observation else model.objects.published()
    assert records
    for record in records:
        citations = Citation.objects.for_object(record)
        assert citations, f"{model.__name__} {record} has no citation"
        assert all(c.quote.strip() and c.locator for c in citations), record


def test_every_quote_is_verbatim_from_the_interview():
    interview = normalised(INTERVIEW.read_text(encoding="utf-8"))
    quotes = read_seed()["quotes"]["quotes"]
    assert quotes
    for key, quote in quotes.items():
        assert normalised(quote["text"]) in interview, key


def test_the_citations_quote_exactly_the_quotes_of_the_seed(seeded):
    quotes = {quote["text"] for quote in read_seed()["quotes"]["quotes"].values()}
    assert set(Citation.objects.values_list("quote", flat=True)) == quotes


def test_the_source_records_what_is_not_known(seeded):
    source = Citation.objects.first().source
    assert source.slug == "lu-mei-apa-interview"
    assert source.url == ""
    assert source.published_on_display == "2026"
    assert source.publisher.slug == "apa"
    assert "inferred" in source.notes
    assert "URL is not recorded" in source.notes


def test_exactly_the_listed_records_exist_and_are_published(seeded):
    expected = {Event: 17, Agreement: 4, Project: 9, Indicator: 5}
    for model, count in expected.items():
        assert model.objects.count() == count, model.__name__
        assert model.objects.published().count() == count, model.__name__


def test_dates_render_as_precisely_as_the_interview_gives_them(seeded):
    def event(slug):
        return Event.objects.get(slug=slug)

    assert event("heydar-aliyev-visit-to-china-1994").date_display == "1994"
    assert (
        event("presidential-chronicle-book-presentation-2025").date_display
        == "24 December 2025"
    )
    assert event("su-hui-visit-to-azerbaijan-2025").date_display == "September 2025"
    statement = event("azerbaijan-mfa-statement-one-china")
    assert statement.date_approximate
    assert statement.place is None
    assert "approximate" in statement.body


def test_the_wind_power_plant_has_a_capacity_of_240_mw(seeded):
    plant = Project.objects.get(slug="wind-power-plant-240-mw")
    assert "wind power plant" in plant.title
    assert "240 MW" in plant.title
    (capacity,) = plant.measures.all()
    assert (capacity.kind.slug, capacity.value, capacity.unit.slug) == (
        "capacity",
        240,
        "mw",
    )
    assert capacity.rank == "preferred"
    assert "240 MW" in capacity.citations.get().quote
    assert not plant.partners.exists()


def test_trade_turnover_is_usd_2_44_billion_up_21_9_percent(seeded):
    observation = Observation.objects.get(indicator__slug="trade-turnover")
    assert observation.indicator.currency == "USD"
    assert observation.value == Decimal("2440000000")
    assert observation.change_percent == Decimal("21.9")
    assert (observation.period_start, observation.period_end) == (
        datetime.date(2025, 1, 1),
        datetime.date(2025, 10, 31),
    )
    assert observation.period_precision == "month"


def test_every_figure_is_reported_by_the_prc_embassy_for_china(seeded, client):
    # The interview is the PRC ambassador's: she gives every figure and names
    # no statistics behind any, so each is reported by her embassy, China's
    # side, and nothing more.
    assert "Ambassador of the People’s Republic of China to Azerbaijan" in (
        INTERVIEW.read_text(encoding="utf-8")
    )
    observations = Observation.objects.select_related("reported_by")
    assert {(o.reported_by.slug, o.side, o.rank) for o in observations} == {
        ("chinese-embassy-azerbaijan", "cn", "normal")
    }
    text = client.get("/en/key-figures/").text
    assert (
        text.count(
            'Reported by <a href="/en/organisations/chinese-embassy-azerbaijan/">'
            "Embassy of the People&#x27;s Republic of China in Azerbaijan</a> (China)"
        )
        == observations.count()
    )


def test_figures_loaded_before_the_seed_named_their_reporter_get_it_in_place(seeded):
    Observation.objects.update(reported_by=None, side="")
    before = set(Observation.objects.values_list("pk", flat=True))
    load()
    assert set(Observation.objects.values_list("pk", flat=True)) == before
    assert set(Observation.objects.values_list("side", flat=True)) == {"cn"}


def test_agreements_signed_at_the_april_visit_point_to_it(seeded):
    # The interview names the April visit for the visa agreement only; the
    # Joint Declaration it dates only to 2025 (issue 17).
    april = Event.objects.get(slug="ilham-aliyev-state-visit-to-china-april-2025")
    assert set(april.agreements.values_list("slug", flat=True)) == {
        "china-azerbaijan-visa-abolition-agreement-2025",
    }
    undated = Agreement.objects.get(slug="humanitarian-demining-memorandum")
    assert undated.signed_on is None
    assert undated.event is None


def test_the_three_languages_of_a_text_load_side_by_side(seeded):
    event = Event.objects.get(slug="ilham-aliyev-second-visit-to-china-2025")
    assert event.title_en == "Ilham Aliyev's second visit to China in 2025"
    assert event.title_az == "İlham Əliyevin 2025-ci ildə Çinə ikinci səfəri"
    assert event.title_zh_hans == "伊利哈姆·阿利耶夫2025年第二次访华"
    citation = Citation.objects.for_object(event)[0]
    assert citation.locator_en == "Q: political dialogue and strategic cooperation"
    assert citation.locator_az == "Sual: siyasi dialoq və strateji əməkdaşlıq"


# The files are checked whole before anything is written.


@pytest.fixture
def seed_copy(tmp_path):
    """A copy of the seed files to break, and a function that edits one."""
    directory = tmp_path / "seed"
    shutil.copytree(SEED, directory)

    def edit(name, change):
        path = directory / f"{name}.json"
        data = json.loads(path.read_text(encoding="utf-8"))
        change(data)
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    return directory, edit


def test_the_files_as_they_are_pass_the_checks(seed_copy):
    directory, _edit = seed_copy
    assert read_seed(directory) == read_seed()


@pytest.mark.parametrize(
    ("name", "change", "message"),
    [
        (
            "events",
            lambda events: events[0].update(plase="china"),
            "events.json, heydar-aliyev-visit-to-china-1994: unknown keys plase.",
        ),
        (
            "projects",
            lambda projects: projects[0]["milestones"][0].update(dat="2025"),
            "projects.json, byd-electric-bus-plant, milestones: unknown keys dat.",
        ),
        (
            "events",
            lambda events: events[0].update(date="24/12/2025"),
            "events.json, heydar-aliyev-visit-to-china-1994, date: “24/12/2025” "
            "is not a date",
        ),
        (
            "indicators",
            lambda indicators: indicators[0]["observations"][0].update(
                period=["2025-01", "2025-13"]
            ),
            "indicators.json, trade-turnover, observations, period: “2025-13” is "
            "not a real date.",
        ),
        (
            "people",
            lambda people: people[0]["citations"].append("no-such-quote"),
            "people.json, lu-mei: no quote 'no-such-quote' in quotes.json.",
        ),
        (
            "places",
            lambda places: places[0].update(name={"az": "Azərbaycan"}),
            "places.json, azerbaijan, name: a text gives en, az, zh-hans",
        ),
        (
            "places",
            lambda places: places[0]["name"].update(ru="Азербайджан"),
            "places.json, azerbaijan, name: a text gives en, az, zh-hans",
        ),
        (
            "quotes",
            lambda quotes: quotes["quotes"]["visit-1994"].update(locator="outro"),
            "quotes.json, quote 'visit-1994': no locator 'outro'.",
        ),
    ],
)
def test_a_broken_file_is_refused_naming_the_file_and_the_record(
    seed_copy, name, change, message
):
    directory, edit = seed_copy
    edit(name, change)
    with pytest.raises(CommandError) as refused:
        read_seed(directory)
    assert str(refused.value).startswith(message)


def test_a_comment_key_is_allowed_in_any_record(seed_copy):
    directory, edit = seed_copy
    edit("people", lambda people: people[0].update({"//": "A note for editors."}))
    assert read_seed(directory)["people"][0]["//"] == "A note for editors."


def test_a_record_referring_to_a_later_one_is_refused(seed_copy, db, monkeypatch):
    directory, edit = seed_copy
    edit("places", lambda places: places.insert(0, places.pop(2)))  # Baku first
    monkeypatch.setattr(
        "portal.editorial.management.commands.load_seed.SEED", directory, raising=True
    )
    with pytest.raises(
        CommandError, match="no place “azerbaijan” in the bundle before"
    ):
        call_command("load_seed", "--interview-only", verbosity=0)
    assert not Event.objects.exists()


# Nothing published without a source; offices with their dates.


def test_a_seed_record_without_a_quoted_citation_stops_the_load(
    seed_copy, db, monkeypatch
):
    directory, edit = seed_copy
    edit("people", lambda people: people[1].update(citations=[]))
    monkeypatch.setattr(
        "portal.editorial.management.commands.load_seed.SEED", directory, raising=True
    )
    with pytest.raises(CommandError) as refused:
        call_command("load_seed", verbosity=0)
    message = str(refused.value)
    assert message.startswith("people “heydar-aliyev”: “Heydar Aliyev” has no")
    assert not Person.objects.exists()


def test_the_seed_publishes_each_record_once_its_citations_are_in_place(seeded):
    for model in PUBLISHABLE:
        for record in model.objects.all():
            assert record.status == "published"
            assert any(c.quote.strip() for c in record.citations.all()), record
    for observation in Observation.objects.all():
        assert any(c.quote.strip() for c in observation.citations.all())


def test_past_offices_are_past_without_dates_the_interview_does_not_give(seeded):
    for slug in ("jiang-zemin", "li-peng", "heydar-aliyev"):
        (office,) = Office.objects.filter(person__slug=slug)
        assert office.ended and office.is_past, slug
        assert office.start is None and office.end is None, slug
        assert office.citations.exists(), slug
    jiang = Person.objects.get(slug="jiang-zemin")
    assert jiang.honorific == ""
    assert jiang.short_title == "then Chairman of the People's Republic of China"
    ilham = Office.objects.get(person__slug="ilham-aliyev")
    assert not ilham.is_past and ilham.dates_display == "since 2003"


def test_every_office_and_participant_cites_the_interview(seeded):
    for office in Office.objects.all():
        assert office.citations.exists(), office
    for participation in Participation.objects.all():
        assert participation.citations.exists(), participation


def test_the_office_copied_from_an_old_short_title_gives_way_to_the_seeds(db):
    load()
    heydar = Person.objects.get(slug="heydar-aliyev")
    # As migration portal 0016 left a database loaded from the older seed.
    old = "National leader of Azerbaijan; President of Azerbaijan 1993–2003"
    Person.objects.filter(pk=heydar.pk).update(honorific_en=old)
    Office.objects.create(person=heydar, title=old)
    load()
    heydar.refresh_from_db()
    assert heydar.honorific == "National leader of Azerbaijan"
    assert [office.title for office in heydar.offices.all()] == [
        "President of Azerbaijan"
    ]
