"""The seed records from Ambassador Lu Mei's interview: idempotent, sourced, exact."""

import datetime
import io
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command

from events.models import Agreement, Event
from portal.core.models import Citation, Indicator, Observation, Organization, Person
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
    call_command("load_seed", verbosity=0)


def test_loading_twice_changes_nothing():
    load()
    first = dump()
    load()
    assert dump() == first


def test_the_second_run_reports_everything_unchanged():
    load()
    out = io.StringIO()
    call_command("load_seed", stdout=out)
    assert re.fullmatch(
        r"Seed records: 0 created, 0 updated, \d+ unchanged\.\n", out.getvalue()
    )


def test_a_changed_record_is_put_back_and_only_it_is_saved(seeded):
    event = Event.objects.get(slug="su-hui-visit-to-azerbaijan-2025")
    Event.objects.filter(pk=event.pk).update(title="Edited")
    untouched = Event.objects.exclude(pk=event.pk).values_list("updated_at", flat=True)
    before = list(untouched)
    out = io.StringIO()
    call_command("load_seed", stdout=out)
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


def test_every_quote_is_verbatim_from_the_interview(seeded):
    interview = normalised(INTERVIEW.read_text(encoding="utf-8"))
    quotes = Citation.objects.values_list("quote", flat=True)
    assert quotes
    for quote in quotes:
        assert normalised(quote) in interview, quote


def test_the_source_records_what_is_not_known(seeded):
    source = Citation.objects.first().source
    assert source.slug == "lu-mei-apa-interview"
    assert source.url == ""
    assert source.published_on_display == "2026"
    assert source.publisher.slug == "apa"
    assert "inferred" in source.notes
    assert "URL is not recorded" in source.notes


def test_exactly_the_listed_records_exist_and_are_published(seeded):
    expected = {Event: 13, Agreement: 4, Project: 9, Indicator: 5}
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
    assert plant.capacity_value == 240
    assert plant.capacity_unit == "MW"
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


def test_agreements_signed_at_the_april_visit_point_to_it(seeded):
    april = Event.objects.get(slug="ilham-aliyev-state-visit-to-china-april-2025")
    assert set(april.agreements.values_list("slug", flat=True)) == {
        "china-azerbaijan-comprehensive-strategic-partnership-declaration-2025",
        "china-azerbaijan-visa-abolition-agreement-2025",
    }
    undated = Agreement.objects.get(slug="humanitarian-demining-memorandum")
    assert undated.signed_on is None
    assert undated.event is None
