"""Cooperation projects, their sectors, partners, milestones and measures."""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Prefetch, Q
from django.db.models.functions import Greatest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from events.models import Agreement, Event
from portal.core.currencies import validate_currency
from portal.core.dates import precision_fields
from portal.core.formatting import punctuation
from portal.core.markdown import MARKDOWN_HELP
from portal.core.models import (
    Citation,
    Organization,
    PartialDatesMixin,
    Place,
    PlaceKind,
    Publishable,
    PublishableQuerySet,
    Rank,
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
    # Finishing construction is a milestone (MilestoneKind), not an end.
    PLANNED = "planned", _("Planned")
    ANNOUNCED = "announced", _("Announced")
    AGREED = "agreed", _("Agreed")
    CONSTRUCTION = "construction", _("Under construction")
    OPERATIONAL = "operational", _("Operational")
    COMPLETED = "completed", _("Completed")
    SUSPENDED = "suspended", _("Suspended")
    CANCELLED = "cancelled", _("Cancelled")
    # What the sources do not say is not guessed (the interview tells of
    # China's demining assistance, not whether it goes on).
    NOT_STATED = "not_stated", _("Not stated")


class Direction(models.TextChoices):
    CN_TO_AZ = "cn_az", _("China → Azerbaijan")
    AZ_TO_CN = "az_cn", _("Azerbaijan → China")
    JOINT = "joint", _("Joint")
    # A company of a third country develops it, a Chinese one builds it (or
    # the other way round): `Project.third_country` names the country.
    THIRD_COUNTRY = "third_country", _("With a third country")


class PartnerRole(models.TextChoices):
    DEVELOPER = "developer", _("Developer")
    INVESTOR = "investor", _("Investor")
    LENDER = "lender", _("Lender")
    CONTRACTOR = "contractor", _("Contractor")
    OPERATOR = "operator", _("Operator")
    SUPPLIER = "supplier", _("Supplier or manufacturer")
    DONOR = "donor", _("Donor")
    BENEFICIARY = "beneficiary", _("Beneficiary")
    CONSULTANT = "consultant", _("Consultant")
    GOVERNMENT = "government", _("Government counterparty")
    CO_ORGANISER = "co_organiser", _("Co-organiser")
    OTHER = "other", _("Other")


class MilestoneKind(models.TextChoices):
    ANNOUNCED = "announced", _("Announced")
    AGREEMENT_SIGNED = "agreement_signed", _("Agreement signed")
    FOUNDATION_LAID = "foundation_laid", _("Foundation laid")
    CONSTRUCTION_STARTED = "construction_started", _("Construction started")
    CONSTRUCTION_COMPLETED = "construction_completed", _("Construction completed")
    COMMISSIONED = "commissioned", _("Commissioned")
    FIRST_DELIVERY = "first_delivery", _("First delivery")
    HANDOVER = "handover", _("Handed over")
    OTHER = "other", _("Other")


class MeasureQualifier(models.TextChoices):
    EXACT = "exact", _("exactly")
    ABOUT = "about", _("about")
    MORE_THAN = "more_than", _("more than")
    LESS_THAN = "less_than", _("less than")
    UP_TO = "up_to", _("up to")


class MeasureKind(models.Model):
    """What a measure measures (capacity, yearly output, jobs…): a list
    editors extend in the admin."""

    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=100)
    position = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers come first on a page.")
    )

    class Meta:
        verbose_name = _("kind of measure")
        verbose_name_plural = _("kinds of measure")
        ordering = ["position", "slug"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("projects:list")


class Unit(models.Model):
    """What a measure is counted in (MW, people, buses…), or money: a list
    editors extend in the admin."""

    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    name = models.CharField(
        _("name"), max_length=100, help_text=_("In full: “megawatts”, “schools”.")
    )
    symbol = models.CharField(
        _("symbol"),
        max_length=40,
        blank=True,
        help_text=_(
            "What follows a number on the site: “MW”, “schools”. Leave empty to "
            "use the name."
        ),
    )
    is_money = models.BooleanField(
        _("money"),
        default=False,
        help_text=_("Tick for money: a measure in it names its currency."),
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["position", "slug"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("projects:list")

    @property
    def label(self):
        """What follows a number: the symbol, or else the name."""
        return self.symbol or self.name


class ProjectQuerySet(PublishableQuerySet):
    def at_place(self, place):
        return self.filter(places__in=place.descendant_ids()).distinct()

    def with_partner(self, organization):
        return self.filter(partners__organization=organization).distinct()

    def with_partner_country(self, country):
        return self.filter(partners__organization__country=country).distinct()

    def featured(self):
        return self.filter(featured=True)

    def newest_first(self):
        """The latest started first (unknown start dates last), ties by slug:
        the same projects in every language (a title sorts differently in
        each), for the home page's featured projects."""
        return self.order_by(F("start_date").desc(nulls_last=True), "slug")

    def recently_changed(self):
        """Newest change first (see EventQuerySet.recently_changed)."""
        return self.alias(changed_at=Greatest("updated_at", "published_at")).order_by(
            F("changed_at").desc(), "slug"
        )

    def for_map(self):
        """What a map shows of a project: its places."""
        return self.prefetch_related("places")

    def for_list(self):
        """What a feed entry or a search hit shows (the sector), fetched
        without a query per row."""
        return self.select_related("sector")

    def for_cards(self):
        """What a project's card shows (the lists, the home and place pages):
        `for_list()` and the measures it names its headline value from."""
        return self.for_list().prefetch_related(
            Prefetch(
                "measures",
                queryset=Measure.objects.select_related("kind", "unit", "per_unit"),
            )
        )

    def for_page(self):
        """The project with its sector and third country."""
        return self.select_related("sector", "third_country")

    def for_detail(self):
        """Projects with what their page and the API show, each relation
        limited to what readers may see. Places, milestones, measures and
        sectors have no workflow: all of them are shown, each row with its
        public citations."""
        return self.for_page().prefetch_related(
            # With the place each lies in, which JSON-LD names.
            Prefetch("places", queryset=Place.objects.select_related("parent")),
            Prefetch(
                "milestones",
                queryset=Milestone.objects.prefetch_related(public_citations()),
            ),
            Prefetch(
                "measures",
                queryset=Measure.objects.select_related(
                    "kind", "unit", "per_unit"
                ).prefetch_related(public_citations()),
            ),
            Prefetch(
                "partners",
                queryset=Partner.objects.public()
                .select_related("organization__country")
                .prefetch_related(public_citations()),
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
    # Each measure is a figure shown as a fact of its own: it needs its own
    # quoted source before the project is public (portal/core/workflow.py).
    cited_rows = ("measures",)

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
        max_length=15,
        choices=Direction,
        blank=True,
        help_text=_(
            "Who provides to whom: finance, goods, aid or know-how. Leave empty "
            "when the sources do not say."
        ),
    )
    third_country = models.ForeignKey(
        Place,
        verbose_name=_("third country"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        limit_choices_to={"kind": PlaceKind.COUNTRY},
        related_name="third_country_projects",
        help_text=_(
            "With the direction “with a third country”: the country whose company "
            "takes part beside the Chinese or Azerbaijani side, if known."
        ),
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
                condition=Q(third_country__isnull=True)
                | Q(direction=Direction.THIRD_COUNTRY),
                name="project_third_country_with_its_direction",
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
            # The API's ?updated_since= (changed_since()), with project_newest.
            models.Index(fields=["updated_at"], name="project_updated_at"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("projects:detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if self.third_country_id and self.direction != Direction.THIRD_COUNTRY:
            raise ValidationError(
                {
                    "third_country": _(
                        "A third country goes with the direction “with a third "
                        "country”."
                    )
                }
            )

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

    def for_list(self):
        """What a partner row shows on its own (a source's page): the
        organisation and the project."""
        return self.select_related("organization", "project")


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
    note = models.CharField(
        _("note"),
        max_length=300,
        blank=True,
        help_text=_(
            "Shown beside the partner: what the sources say of its part, or that "
            "they do not say it."
        ),
    )
    reported_not_confirmed = models.BooleanField(
        _("reported, not confirmed"),
        default=False,
        help_text=_(
            "Tick when the sources only report the organisation's interest or "
            "part, and nobody has confirmed it. Readers see “reported, not "
            "confirmed”."
        ),
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    citations = GenericRelation(Citation)

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
        role = self.get_role_display()
        return f"{self.organization}{punctuation('open')}{role}{punctuation('close')}"

    def get_absolute_url(self):
        return self.project.get_absolute_url()


class MilestoneQuerySet(models.QuerySet):
    def public(self):
        """The milestones readers may see: those of a published project."""
        return self.filter(published_q("project__"))

    def for_list(self):
        """What a milestone shows on its own (a source's page): its project."""
        return self.select_related("project")


class Milestone(PartialDatesMixin, models.Model):
    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="milestones"
    )
    kind = models.CharField(
        _("kind"),
        max_length=25,
        choices=MilestoneKind,
        default=MilestoneKind.OTHER,
        help_text=_(
            "What happened. Finishing construction is a milestone: the project "
            "goes on (status “operational”)."
        ),
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

    citations = GenericRelation(Citation)

    partial_dates = ("date",)

    objects = MilestoneQuerySet.as_manager()

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


class MeasureQuerySet(models.QuerySet):
    def public(self):
        """The measures readers may see: those of a published project."""
        return self.filter(published_q("project__"))

    def for_list(self):
        """What a measure shows on its own (a source's page): its project,
        kind and units."""
        return self.select_related("project", "kind", "unit", "per_unit")

    def for_data(self):
        """Measures as the dataset's file shows them: `for_list()` and the
        public citations."""
        return self.for_list().prefetch_related(public_citations())


# Large enough for any amount in any currency (a trillion and more), and six
# decimals for a tariff per kWh or a price per unit.
MEASURE_DIGITS = 24
MEASURE_DECIMALS = 6


class Measure(PartialDatesMixin, models.Model):
    """One sourced value of one fact about a project: what is measured, the
    value or range, its unit (or currency), when it held and how the editors
    rank it among other values of the same kind from other sources
    (Wikidata's statements: a value, qualifiers, references and a rank)."""

    project = models.ForeignKey(
        Project,
        verbose_name=_("project"),
        on_delete=models.CASCADE,
        related_name="measures",
    )
    kind = models.ForeignKey(
        MeasureKind,
        verbose_name=_("what is measured"),
        on_delete=models.PROTECT,
        related_name="measures",
    )
    qualifier = models.CharField(
        _("qualifier"),
        max_length=10,
        choices=MeasureQualifier,
        default=MeasureQualifier.EXACT,
        help_text=_("“Approximately USD 300 million” is 300000000 with “about”."),
    )
    value = models.DecimalField(
        _("value"),
        max_digits=MEASURE_DIGITS,
        decimal_places=MEASURE_DECIMALS,
        help_text=_(
            "The number in full (300000000, not 300), or the low end of a range."
        ),
    )
    value_high = models.DecimalField(
        _("high value"),
        max_digits=MEASURE_DIGITS,
        decimal_places=MEASURE_DECIMALS,
        null=True,
        blank=True,
        help_text=_("For a range (20–25): the high end. Leave empty for one value."),
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("unit"),
        on_delete=models.PROTECT,
        related_name="measures",
    )
    currency = models.CharField(
        _("currency"),
        max_length=3,
        blank=True,
        validators=[validate_currency],
        help_text=_("For money: the ISO 4217 code (USD, AZN, CNY, EUR…)."),
    )
    per_unit = models.ForeignKey(
        Unit,
        verbose_name=_("per"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("For a rate: what the value is per (a tariff per kWh)."),
    )
    as_of, as_of_precision, as_of_approximate = precision_fields(
        _("as of"),
        required=False,
        help_text=_(
            "When the value held, as the source gives it. Leave empty when "
            "it does not say."
        ),
    )
    rank = models.CharField(
        _("rank"),
        max_length=10,
        choices=Rank,
        default=Rank.NORMAL,
        help_text=_(
            "Of several values of the same kind: the preferred one is shown first, "
            "the others as “also reported”; a deprecated one is known to be wrong "
            "or outdated."
        ),
    )
    note = models.CharField(
        _("note"),
        max_length=300,
        blank=True,
        help_text=_("Anything that qualifies the value, shown beside it."),
    )
    position = models.PositiveSmallIntegerField(
        _("order"),
        default=0,
        help_text=_(
            "Orders the measures of one kind (0, 1, 2…); two of the same kind need "
            "different numbers."
        ),
    )
    citations = GenericRelation(Citation)

    partial_dates = ("as_of",)

    objects = MeasureQuerySet.as_manager()

    class Meta:
        verbose_name = _("measure")
        verbose_name_plural = _("measures")
        ordering = ["kind__position", "kind__slug", "position", "pk"]
        constraints = [
            # Also the index of a project's measures (its page, the API), and
            # the key an imported measures file finds a row by.
            models.UniqueConstraint(
                fields=["project", "kind", "position"],
                name="measure_position_once_per_kind",
                violation_error_message=_(
                    "This project already has a measure of this kind with this "
                    "order: give each measure of one kind its own number (0, 1, "
                    "2…)."
                ),
            ),
            models.CheckConstraint(
                condition=Q(value_high__isnull=True) | Q(value_high__gte=F("value")),
                name="measure_range_ordered",
                violation_error_message=_("The high value cannot be below the value."),
            ),
        ]

    def __str__(self):
        from projects.formatting import measure_text

        colon = punctuation("colon")
        return f"{self.project}{colon}{self.kind} {measure_text(self)}"

    def get_absolute_url(self):
        return self.project.get_absolute_url()

    def clean(self):
        super().clean()
        errors = {}
        if self.value_high is not None and self.value is not None:
            if self.value_high < self.value:
                errors["value_high"] = _("The high value cannot be below the value.")
        if self.unit_id is not None:
            if self.unit.is_money and not self.currency:
                errors["currency"] = _("Money needs its currency (USD, AZN…).")
            elif not self.unit.is_money and self.currency:
                errors["currency"] = _("Only money has a currency: leave it empty.")
        if errors:
            raise ValidationError(errors)

    @property
    def as_of_display(self):
        return self.format_date("as_of")
