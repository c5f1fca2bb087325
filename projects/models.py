"""Cooperation projects, their sectors, partners and milestones."""

from django.db import models
from django.db.models import F, Prefetch, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from events.models import Agreement, Event
from portal.core.dates import precision_fields
from portal.core.markdown import MARKDOWN_HELP
from portal.core.models import (
    Currency,
    Organization,
    PartialDatesMixin,
    Place,
    Publishable,
    PublishableQuerySet,
    Status,
    public_citations,
    published_q,
)
from portal.core.models.base import (
    NullsLastIndex,
    per_language,
    published_index,
    published_requires_date,
)


class Sector(models.Model):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")
        ordering = ["position", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("projects:list") + f"?sector={self.slug}"


class ProjectStatus(models.TextChoices):
    # Aligned with IATI's activity status: pipeline, implementation, closed…
    ANNOUNCED = "announced", _("Announced")
    AGREED = "agreed", _("Agreed")
    CONSTRUCTION = "construction", _("Under construction")
    OPERATIONAL = "operational", _("Operational")
    COMPLETED = "completed", _("Completed")
    SUSPENDED = "suspended", _("Suspended")
    CANCELLED = "cancelled", _("Cancelled")


class Direction(models.TextChoices):
    CN_TO_AZ = "cn_az", _("China → Azerbaijan")
    AZ_TO_CN = "az_cn", _("Azerbaijan → China")
    JOINT = "joint", _("Joint")


class CapacityUnit(models.TextChoices):
    MW = "MW", _("MW")
    GW = "GW", _("GW")
    BUSES = "buses", _("buses")
    SCHOOLS = "schools", _("schools")
    TRAINS = "trains", _("trains")
    FACILITIES = "facilities", _("facilities")


class PartnerRole(models.TextChoices):
    INVESTOR = "investor", _("Investor")
    CONTRACTOR = "contractor", _("Contractor")
    OPERATOR = "operator", _("Operator")
    DONOR = "donor", _("Donor")
    BENEFICIARY = "beneficiary", _("Beneficiary")
    FINANCIER = "financier", _("Financier")
    IMPLEMENTER = "implementer", _("Implementing partner")


class ProjectQuerySet(PublishableQuerySet):
    def at_place(self, place):
        return self.filter(places__in=place.descendant_ids()).distinct()

    def with_partner(self, organization):
        return self.filter(partners__organization=organization).distinct()

    def with_partner_country(self, country):
        return self.filter(partners__organization__country=country).distinct()

    def featured(self):
        return self.filter(featured=True)

    def for_list(self):
        """What a list row or a feed entry shows (the sector), fetched without
        a query per row."""
        return self.select_related("sector")

    def for_map(self):
        """What a map shows of a project: its places."""
        return self.prefetch_related("places")

    def for_detail(self):
        """Projects with what their page and the API show, each relation
        limited to what readers may see. Places, milestones and sectors have
        no workflow: all of them are shown."""
        return self.select_related("sector").prefetch_related(
            "places",
            "milestones",
            Prefetch(
                "partners",
                queryset=Partner.objects.public().select_related(
                    "organization__country"
                ),
                to_attr="public_partners",
            ),
            Prefetch(
                "events",
                queryset=Event.objects.published().for_list(),
                to_attr="public_events",
            ),
            Prefetch(
                "agreements",
                queryset=Agreement.objects.published(),
                to_attr="public_agreements",
            ),
            public_citations(),
        )


class Project(PartialDatesMixin, Publishable):
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(
        _("summary"), help_text=_("One or two sentences shown in lists and feeds.")
    )
    body = models.TextField(_("body"), blank=True, help_text=MARKDOWN_HELP)
    sector = models.ForeignKey(
        Sector,
        verbose_name=_("sector"),
        on_delete=models.PROTECT,
        related_name="projects",
    )
    project_status = models.CharField(
        _("project status"), max_length=15, choices=ProjectStatus
    )
    direction = models.CharField(
        _("direction"),
        max_length=5,
        choices=Direction,
        help_text=_("Who provides to whom: finance, goods, aid or know-how."),
    )
    places = models.ManyToManyField(
        Place, verbose_name=_("places"), related_name="projects", blank=True
    )
    organizations = models.ManyToManyField(
        Organization,
        verbose_name=_("partners"),
        through="Partner",
        related_name="projects",
        blank=True,
    )
    capacity_value = models.DecimalField(
        _("capacity"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    capacity_unit = models.CharField(
        _("capacity unit"), max_length=10, choices=CapacityUnit, blank=True
    )
    investment_amount = models.DecimalField(
        _("investment"), max_digits=18, decimal_places=2, null=True, blank=True
    )
    investment_currency = models.CharField(
        _("investment currency"), max_length=3, choices=Currency, blank=True
    )
    start_date, start_date_precision, start_date_approximate = precision_fields(
        _("start date"), required=False
    )
    end_date, end_date_precision, end_date_approximate = precision_fields(
        _("end date"), required=False
    )
    events = models.ManyToManyField(
        Event, verbose_name=_("related events"), related_name="projects", blank=True
    )
    agreements = models.ManyToManyField(
        Agreement,
        verbose_name=_("related agreements"),
        related_name="projects",
        blank=True,
    )
    featured = models.BooleanField(
        _("featured"), default=False, help_text=_("Shown on the home page.")
    )

    partial_dates = ("start_date", "end_date")

    objects = ProjectQuerySet.as_manager()

    # What search reads (portal/core/search.py), by weight: the site search,
    # the lists' text filter and the admin's search, stored per row on
    # PostgreSQL (migration portal 0011).
    search_weights = (("title",), ("summary",), ("body",))

    class Meta(Publishable.Meta):
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(capacity_value__isnull=True) | Q(capacity_value__gte=0),
                name="project_capacity_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(capacity_value__isnull=True, capacity_unit="")
                | (Q(capacity_value__isnull=False) & ~Q(capacity_unit="")),
                name="project_capacity_has_unit",
            ),
            models.CheckConstraint(
                condition=Q(investment_amount__isnull=True)
                | Q(investment_amount__gte=0),
                name="project_investment_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(investment_amount__isnull=True, investment_currency="")
                | (Q(investment_amount__isnull=False) & ~Q(investment_currency="")),
                name="project_investment_has_currency",
            ),
            models.CheckConstraint(
                condition=Q(start_date__isnull=True)
                | Q(end_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="project_end_after_start",
            ),
            published_requires_date("project"),
        ]
        indexes = [
            # The projects list, the API and the admin changelist sort by the
            # title in the reader's language (then the id, for the API's pages).
            *per_language("title", "project_title", "id"),
            # What the projects list counts and groups by (status, sector,
            # direction, publication time): its count and those facets read
            # the index alone.
            models.Index(
                fields=["project_status", "sector", "direction", "published_at", "id"],
                condition=Q(status=Status.PUBLISHED),
                name="project_facets",
            ),
            # The home page's featured projects.
            models.Index(
                fields=["id"],
                condition=Q(status=Status.PUBLISHED, featured=True),
                name="project_featured",
            ),
            # The feeds and the page cache's content token: newest publication.
            published_index("project"),
            # The admin changelist's date hierarchy.
            models.Index(fields=["start_date"], name="project_start_date"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("projects:detail", kwargs={"slug": self.slug})

    @property
    def start_date_display(self):
        return self.format_date("start_date")

    @property
    def end_date_display(self):
        return self.format_date("end_date")


class PartnerQuerySet(models.QuerySet):
    def public(self):
        """The partner rows readers may see: a published organisation in a
        published project."""
        return self.filter(published_q("organization__"), published_q("project__"))


class Partner(models.Model):
    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="partners"
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="partnerships",
    )
    role = models.CharField(_("role"), max_length=15, choices=PartnerRole)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = PartnerQuerySet.as_manager()

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["position", "pk"]
        constraints = [
            # Also the index of a project's partners (project pages, the
            # partner facets).
            models.UniqueConstraint(
                fields=["project", "organization", "role"],
                name="partner_role_once_per_project",
            )
        ]
        indexes = [
            # The admin changelist of partners, in their order.
            models.Index(fields=["position", "id"], name="partner_order"),
        ]

    def __str__(self):
        return f"{self.organization} ({self.get_role_display()})"

    def get_absolute_url(self):
        return self.project.get_absolute_url()


class Milestone(PartialDatesMixin, models.Model):
    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="milestones"
    )
    title = models.CharField(_("title"), max_length=300)
    date, date_precision, date_approximate = precision_fields(
        _("date"),
        required=False,
        help_text=_("Leave empty when the source does not say when it happened."),
    )
    position = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Orders milestones that share a date.")
    )

    partial_dates = ("date",)

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = [F("date").asc(nulls_last=True), "position", "pk"]
        indexes = [
            # The admin changelist of milestones in their order, and its date
            # hierarchy. (A project's own milestones come by its project index.)
            NullsLastIndex(
                F("date").asc(nulls_last=True),
                F("position"),
                F("id"),
                name="milestone_order",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return self.project.get_absolute_url()

    @property
    def date_display(self):
        return self.format_date("date")
