"""Projects 0008–0010 carry each project's capacity and investment into
measures, and the renamed partner roles, without losing a value; and back."""

from decimal import Decimal

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("projects", "0008_measures"), ("portal", "0016_source_publisher_name")]
AFTER = [
    ("projects", "0010_remove_capacity_investment"),
    ("portal", "0016_source_publisher_name"),
]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


# serialized_rollback: see tests/conftest.py.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_capacity_investment_and_roles_are_carried_over_and_back():
    try:
        old = migrate(BEFORE)
        Sector = old.get_model("projects", "Sector")
        Project = old.get_model("projects", "Project")
        Organization = old.get_model("portal", "Organization")
        Partner = old.get_model("projects", "Partner")
        sector = Sector.objects.create(name="Energy", name_en="Energy", slug="e")

        def project(slug, **fields):
            return Project.objects.create(
                slug=slug,
                title=slug,
                title_en=slug,
                summary="-",
                summary_en="-",
                sector=sector,
                project_status="operational",
                direction="cn_az",
                start_date_precision="day",
                end_date_precision="day",
                **fields,
            )

        wind = project(
            "wind",
            capacity_value=Decimal("240.50"),
            capacity_unit="MW",
            investment_amount=Decimal("1200000000.25"),
            investment_currency="AZN",
        )
        schools = project("schools", capacity_value=216, capacity_unit="schools")
        bare = project("bare")
        byd = Organization.objects.create(
            name="BYD", name_en="BYD", slug="byd", kind="company"
        )
        bank = Organization.objects.create(
            name="Bank", name_en="Bank", slug="bank", kind="company"
        )
        Partner.objects.create(project=wind, organization=byd, role="implementer")
        Partner.objects.create(project=wind, organization=bank, role="financier")
        Partner.objects.create(project=schools, organization=bank, role="donor")

        new = migrate(AFTER)
        Measure = new.get_model("projects", "Measure")
        Partner = new.get_model("projects", "Partner")
        found = {
            (m.project.slug, m.kind.slug): m
            for m in Measure.objects.select_related("project", "kind", "unit")
        }
        assert set(found) == {
            ("wind", "capacity"),
            ("wind", "investment"),
            ("schools", "capacity"),
        }
        capacity = found["wind", "capacity"]
        assert (capacity.value, capacity.unit.slug, capacity.currency) == (
            Decimal("240.5"),
            "mw",
            "",
        )
        investment = found["wind", "investment"]
        assert (investment.value, investment.unit.slug, investment.currency) == (
            Decimal("1200000000.25"),
            "money",
            "AZN",
        )
        assert found["schools", "capacity"].unit.slug == "schools"
        assert {m.rank for m in found.values()} == {"preferred"}
        assert {m.qualifier for m in found.values()} == {"exact"}
        assert not Measure.objects.filter(project__slug=bare.slug).exists()
        assert sorted(
            Partner.objects.values_list("organization__slug", "project__slug", "role")
        ) == [
            ("bank", "schools", "donor"),
            ("bank", "wind", "lender"),
            ("byd", "wind", "other"),
        ]

        back = migrate(BEFORE)
        Project = back.get_model("projects", "Project")
        wind = Project.objects.get(slug="wind")
        assert (wind.capacity_value, wind.capacity_unit) == (Decimal("240.50"), "MW")
        assert (wind.investment_amount, wind.investment_currency) == (
            Decimal("1200000000.25"),
            "AZN",
        )
        assert Project.objects.get(slug="schools").capacity_value == 216
        assert Project.objects.get(slug="bare").capacity_value is None
        Partner = back.get_model("projects", "Partner")
        assert Partner.objects.get(organization__slug="bank", project=wind).role == (
            "financier"
        )
    finally:
        migrate(latest())


@pytest.mark.django_db
def test_the_migration_seeds_the_kinds_and_units_editors_start_with():
    from projects.models import MeasureKind, Unit

    kinds = set(MeasureKind.objects.values_list("slug", flat=True))
    assert {"capacity", "annual-output", "investment", "jobs", "other"} <= kinds
    assert len(kinds) >= 16
    money = Unit.objects.get(slug="money")
    assert money.is_money
    assert not Unit.objects.filter(is_money=True).exclude(slug="money").exists()
    assert Unit.objects.get(slug="mw").symbol_az == "MVt"
    assert MeasureKind.objects.get(slug="investment").name_zh_hans == "投资额"
