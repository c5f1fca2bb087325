"""bench/synth.py: the small data set is complete, valid, written in all three
languages, served by the public pages, and the same for the same seed."""

import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from modeltranslation.translator import translator

from bench import synth
from events.models import Agreement, Event
from portal.core.dates import truncate
from portal.core.models import (
    Citation,
    ContentToken,
    Indicator,
    Observation,
    Organization,
    Person,
    Place,
    Source,
    Status,
)
from projects.models import Milestone, Project, Sector

pytestmark = pytest.mark.django_db

SMALL = synth.SIZES["small"]
PUBLISHABLE = [Event, Agreement, Project, Person, Organization, Indicator]
# Partial dates: (model, date field) stored as the first day of their period.
PARTIAL_DATES = [
    (Event, "date"),
    (Agreement, "signed_on"),
    (Project, "start_date"),
    (Project, "end_date"),
    (Milestone, "date"),
    (Source, "published_on"),
]
AZERBAIJANI_LETTERS = re.compile("[əışçğöüƏİŞÇĞÖÜ]")
HAN = re.compile("[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def now():
    return timezone.now()


@pytest.fixture(scope="module")
def counts(django_db_setup, django_db_blocker, now):
    """The small data set, written once for the module and rolled back after it
    (each test runs in a savepoint inside this transaction)."""
    with django_db_blocker.unblock(), transaction.atomic():
        written = synth.generate("small", seed=8, now=now).counts
        yield written
        transaction.set_rollback(True)


def test_it_writes_the_small_size(counts):
    assert Event.objects.count() == SMALL.events == counts["events.Event"]
    assert Project.objects.count() == SMALL.projects
    assert Agreement.objects.count() == SMALL.agreements
    assert Person.objects.count() == SMALL.people
    assert Organization.objects.count() == SMALL.organizations
    assert Source.objects.count() == SMALL.sources
    assert Indicator.objects.count() == SMALL.indicators
    assert 100 <= Place.objects.count() <= 200
    assert Observation.objects.count() >= SMALL.indicators * 5
    records = sum(
        model.objects.count() for model in [*PUBLISHABLE, Place, Source, Observation]
    )
    assert 900 <= records <= 1_300


def test_places_form_a_tree_of_countries_regions_cities_and_districts(counts):
    kinds = dict(Place.objects.values_list("kind").annotate(n=Count("pk")).order_by())
    assert kinds["country"] >= 10
    assert kinds["region"] >= 10
    assert kinds["city"] >= 50
    assert kinds["district"] >= 10
    assert not Place.objects.filter(kind="country", parent__isnull=False).exists()
    assert not Place.objects.exclude(kind="country").filter(parent=None).exists()
    baku = Place.objects.get(slug="baku")
    assert baku.parent.name_en == "Azerbaijan"
    assert baku.children.filter(kind="district").count() >= 5


def test_every_event_has_people_organisations_and_mostly_citations(counts):
    events = Event.objects.annotate(
        people=Count("participations", distinct=True),
        orgs=Count("organizations", distinct=True),
    )
    assert {event.people for event in events} <= {1, 2, 3, 4}
    assert {event.orgs for event in events} <= {1, 2, 3}
    event_type = Citation.objects.filter(content_type__model="event")
    per_event = dict(
        event_type.values_list("object_id").annotate(n=Count("pk")).order_by()
    )
    assert max(per_event.values()) <= 3
    assert len(per_event) >= 0.8 * SMALL.events
    # A few people appear in many events.
    busiest = (
        Person.objects.annotate(n=Count("participations")).order_by("-n").first().n
    )
    assert busiest >= 30


def test_projects_have_partners_places_and_ordered_milestones(counts):
    projects = Project.objects.annotate(
        partner_count=Count("partners", distinct=True),
        place_count=Count("places", distinct=True),
    )
    assert {project.partner_count for project in projects} <= {1, 2, 3, 4}
    assert all(project.place_count >= 1 for project in projects)
    assert Project.objects.filter(featured=True).exists()
    assert set(Project.objects.values_list("sector", flat=True)) <= set(
        Sector.objects.values_list("pk", flat=True)
    )
    for project in Project.objects.prefetch_related("milestones"):
        dates = [m.date for m in project.milestones.all() if m.date is not None]
        assert dates == sorted(dates), project.slug


def test_translated_fields_are_filled_in_all_three_languages_or_none(counts):
    for model in translator.get_registered_models():
        if model is Sector:
            continue  # made by the migrations, not by the generator
        records = model.objects.all()
        if hasattr(model, "status"):
            records = records.filter(status=Status.PUBLISHED)
        names = translator.get_options_for_model(model).get_field_names()
        columns = [
            f"{name}_{language}" for name in names for language in synth.LANGUAGES
        ]
        assert records.exists(), model
        for row in records.values_list(*columns):
            for index in range(0, len(columns), 3):
                filled = [bool(text) for text in row[index : index + 3]]
                assert all(filled) or not any(filled), (model, columns[index], row)


def test_titles_and_texts_are_in_each_languages_own_script(counts):
    for model, name in [(Event, "title"), (Project, "title"), (Agreement, "title")]:
        for english, azerbaijani, chinese in model.objects.values_list(
            f"{name}_en", f"{name}_az", f"{name}_zh_hans"
        ):
            assert english and azerbaijani and chinese
            assert HAN.search(chinese), chinese
            assert not HAN.search(english + azerbaijani)
    for field in ["body_az", "summary_az"]:
        texts = Event.objects.values_list(field, flat=True)
        assert sum(bool(AZERBAIJANI_LETTERS.search(text)) for text in texts) > 400
    assert all(Event.objects.values_list("body_en", flat=True))


def test_records_pass_model_validation(counts):
    # A sample of each model: all records are made by the same code, and a
    # validation costs queries (uniqueness, the place tree's depth).
    for model in synth.MODELS:
        if model._meta.auto_created:
            continue  # many-to-many rows: the database checks their keys
        records = list(model.objects.order_by("pk"))
        for record in records[:: max(1, len(records) // 60)]:
            record.full_clean()


def test_partial_dates_are_stored_as_the_first_day_of_their_period(counts):
    for model, name in PARTIAL_DATES:
        rows = model.objects.exclude(**{name: None}).values_list(
            name, f"{name}_precision"
        )
        assert rows, (model, name)
        for value, precision in rows:
            assert truncate(value, precision) == value, (model, name, value)
    precisions = dict(
        Event.objects.values_list("date_precision").annotate(n=Count("pk")).order_by()
    )
    assert precisions["day"] > precisions["month"] > 0
    assert precisions["year"] > 0
    assert Event.objects.filter(date_approximate=True).exists()


def test_most_records_are_published_and_a_few_scheduled(counts, now):
    for model in [Event, Project, Agreement, Person, Organization]:
        total = model.objects.count()
        published = model.objects.filter(status=Status.PUBLISHED)
        assert 0.8 * total <= published.count() <= 0.97 * total, model
        assert not published.filter(published_at=None).exists()
        assert model.objects.exclude(status=Status.PUBLISHED).exists()
        assert not model.objects.filter(version__lt=1).exists()
    scheduled = sum(
        model.objects.filter(status=Status.PUBLISHED, published_at__gt=now).count()
        for model in PUBLISHABLE
    )
    assert scheduled >= 1
    kinds = set(Event.objects.values_list("kind", flat=True))
    assert len(kinds) >= 8
    years = Event.objects.dates("date", "year")
    assert years[0].year <= 1995 and years.last().year == synth.LAST_YEAR


def test_public_pages_and_the_api_answer_on_the_generated_data(counts, client):
    event = Event.objects.published().order_by("-date").first()
    project = Project.objects.published().first()
    agreement = Agreement.objects.published().first()
    urls = [
        reverse("home"),
        reverse("events:list"),
        reverse("events:list") + "?type=talks&place=baku",
        event.get_absolute_url(),
        reverse("projects:list"),
        project.get_absolute_url(),
        agreement.get_absolute_url(),
        Place.objects.get(slug="baku").get_absolute_url(),
        reverse("search") + "?q=Baku",
        reverse("api:event-list"),
        reverse("api:project-list"),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
    assert event.title_en in client.get(event.get_absolute_url()).text.replace(
        "&#x27;", "'"
    )


def test_the_same_seed_gives_the_same_data(counts, now):
    before = snapshot()
    again = synth.generate("small", seed=8, replace=True, now=now)
    assert again.counts == counts
    assert snapshot() == before
    synth.generate("small", seed=9, replace=True, now=now)
    assert snapshot() != before


def test_writing_the_data_replaces_the_content_token(counts, now):
    # COPY and bulk_create send no signals: without this, pages cached before
    # the load would still be served after it.
    before = ContentToken.objects.get(pk=1).token
    synth.generate("small", seed=8, replace=True, now=now)
    assert ContentToken.objects.get(pk=1).token != before


def test_it_refuses_a_database_that_has_records(counts):
    with pytest.raises(synth.Refused, match="--replace"):
        synth.generate("small")


@pytest.mark.parametrize(
    ("year", "ordinal"),
    [
        (1992, "1992-ci"),
        (1996, "1996-cı"),
        (2000, "2000-ci"),
        (2003, "2003-cü"),
        (2009, "2009-cu"),
        (2010, "2010-cu"),
        (2020, "2020-ci"),
        (1990, "1990-cı"),
        (100, "100-cü"),
    ],
)
def test_azerbaijani_ordinals_follow_vowel_harmony(year, ordinal):
    assert synth.az_ordinal(year) == ordinal


def test_the_word_lists_are_read_from_their_data_file_as_tuples():
    words = synth.load_words()
    assert words.topics[0] == ("energy", "enerji", "能源")
    assert not [name for name in vars(words) if name.startswith("//")]

    def texts(value, key=None):
        """Every list of plain texts in the file, with the key it stands under."""
        if isinstance(value, dict):
            for name, item in value.items():
                yield from texts(item, name)
        elif (
            value
            and isinstance(value, tuple)
            and all(isinstance(v, str) for v in value)
        ):
            yield key, value
        elif isinstance(value, tuple):
            for item in value:
                yield from texts(item, key)

    found = list(texts(vars(words)))
    assert len(found) > 500
    for key, value in found:
        # Each text is in English, Azerbaijani and Chinese; a country's
        # Azerbaijani genitive and locative forms are the one pair.
        assert len(value) == (2 if key == "forms" else 3), (key, value)


def snapshot():
    """Every row the generator wrote, with ids replaced by slugs (ids differ
    from one run to the next) and the times the database sets left out."""
    keys = {}
    for model in [Place, Organization, Person, Source, Event, Agreement, Project]:
        keys[model] = dict(model.objects.values_list("pk", "slug"))
    keys[Indicator] = dict(Indicator.objects.values_list("pk", "slug"))
    keys[Sector] = dict(Sector.objects.values_list("pk", "slug"))
    keys[Observation] = {
        pk: (keys[Indicator][indicator], str(start))
        for pk, indicator, start in Observation.objects.values_list(
            "pk", "indicator", "period_start"
        )
    }
    content_types = {}
    for model in keys:
        content_types[ContentType.objects.get_for_model(model).pk] = model
    rows = {}
    for model in synth.MODELS:
        relations = {
            field.attname: field.related_model
            for field in model._meta.concrete_fields
            if field.is_relation and field.related_model in keys
        }
        table = []
        for row in model.objects.values():
            for name in ("id", "created_at", "updated_at"):
                row.pop(name, None)
            for name, related in relations.items():
                if row[name] is not None:
                    row[name] = keys[related][row[name]]
            if model is Citation:
                target = content_types[row.pop("content_type_id")]
                row["object_id"] = (target.__name__, keys[target][row["object_id"]])
            table.append(repr(sorted(row.items())))
        rows[model._meta.label] = sorted(table)
    return rows
