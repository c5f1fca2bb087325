"""Reference data shared by events and projects: places, people, organisations,
sources and the citations that tie a source to any record."""

import datetime

from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from portal.core.collation import LocalizedName
from portal.core.dates import precision_fields
from portal.core.formatting import punctuation
from portal.core.markdown import MARKDOWN_HELP
from portal.core.models.base import (
    PartialDatesMixin,
    Publishable,
    PublishableQuerySet,
    TimestampedModel,
    WorkflowModel,
    public_or_none,
    published_index,
    published_q,
    published_requires_date,
)


class Side(models.TextChoices):
    """Which side of the relations a participant or a reported figure is on."""

    CHINA = "cn", _("China")
    AZERBAIJAN = "az", _("Azerbaijan")
    OTHER = "other", _("Other")


class PlaceKind(models.TextChoices):
    COUNTRY = "country", _("Country")
    REGION = "region", _("Region")
    CITY = "city", _("City")
    DISTRICT = "district", _("District")
    SITE = "site", _("Site")


class PlaceQuerySet(models.QuerySet):
    def countries(self):
        return self.filter(kind=PlaceKind.COUNTRY)

    def for_detail(self):
        """Places with the two places above them: what their page (its
        lineage) and the API show."""
        return self.select_related("parent__parent")

    def changed_since(self, moment):
        """Places saved at or after `moment` (they have no workflow)."""
        return self.filter(updated_at__gte=moment)


# Places nest country > region > city > district > site, no deeper.
MAX_PLACE_DEPTH = 5


class Place(TimestampedModel):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=PlaceKind)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text=_("The place this one lies in: Baku is part of Azerbaijan."),
    )
    country_code = models.CharField(
        _("country code"),
        max_length=2,
        blank=True,
        help_text=_(
            "Two-letter ISO 3166 code of the country the place is in (AZ, CN)."
        ),
    )
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    coordinates_approximate = models.BooleanField(
        _("approximate location"),
        default=False,
        help_text=_("Tick when the point marks a whole region rather than a spot."),
    )

    objects = PlaceQuerySet.as_manager()

    class Meta:
        verbose_name = _("place")
        verbose_name_plural = _("places")
        # By the name in the reader's language, in its alphabet's order
        # (portal/core/collation.py), the same on PostgreSQL and SQLite.
        ordering = [LocalizedName("name"), "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(
                    latitude__gte=-90,
                    latitude__lte=90,
                    longitude__gte=-180,
                    longitude__lte=180,
                ),
                name="place_coordinates_valid",
            ),
            models.CheckConstraint(
                condition=~Q(parent=models.F("pk")), name="place_not_own_parent"
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("place-detail", kwargs={"slug": self.slug})

    def lineage(self):
        """This place and the places that contain it, innermost first."""
        place, chain = self, []
        while place is not None and place not in chain:
            chain.append(place)
            place = place.parent
        return chain

    def clean(self):
        super().clean()
        if self.parent_id is None:
            return
        ancestors = self.parent.lineage()
        if self.pk is not None and any(place.pk == self.pk for place in ancestors):
            raise ValidationError(
                {"parent": _("A place cannot lie inside itself or its own parts.")}
            )
        if len(ancestors) + self._height() > MAX_PLACE_DEPTH:
            raise ValidationError(
                {
                    "parent": _(
                        "Places nest at most %(depth)s deep (country, region, city, "
                        "district, site)."
                    )
                    % {"depth": MAX_PLACE_DEPTH}
                }
            )

    def _height(self):
        """Levels from this place down to its deepest part (1: no parts)."""
        if self.pk is None:
            return 1
        level, height = [self.pk], 0
        while level and height <= MAX_PLACE_DEPTH:
            height += 1
            level = list(
                Place.objects.filter(parent__in=level).values_list("pk", flat=True)
            )
        return height

    def descendant_ids(self):
        """This place's id and the ids of every place inside it, as a subquery
        to filter with (`place__in=`).

        One SQL subquery rather than a query and a walk in Python, so a list can
        count the records of every place in a single query (the filters'
        facets); the nesting depth is bounded by `clean()`.
        """
        condition = Q(pk=self.pk)
        path = "parent"
        for _level in range(MAX_PLACE_DEPTH - 1):
            condition |= Q(**{path: self.pk})
            path += "__parent"
        return Place.objects.filter(condition).values("pk")


def _related_model(queryset, name):
    """The model at the other end of a reverse relation (a person's events), so
    the core reaches events and projects without importing them."""
    return queryset.model._meta.get_field(name).related_model


def _first(queryset, limit):
    return queryset[:limit] if limit else queryset


def person_offices(lookup="offices"):
    """Prefetches people's offices, with their organisations (shown through
    `public_organization`) and public citations: what a person's page, a list
    row, a participant row, JSON-LD and the API show of them."""
    return Prefetch(
        lookup,
        queryset=Office.objects.select_related("organization").prefetch_related(
            public_citations()
        ),
    )


class PersonQuerySet(PublishableQuerySet):
    def for_list(self):
        """What a list row shows: the country and the offices."""
        return self.select_related("country").prefetch_related(person_offices())

    def for_data(self):
        """People as the API and the downloads give them: the country, the
        offices, links to the published events they took part in (every one,
        read with only what a link shows: a person may have thousands), the
        public citations."""
        events = _related_model(self, "events").objects.published()
        return self.select_related("country").prefetch_related(
            person_offices(),
            Prefetch("events", queryset=events.for_links(), to_attr="public_events"),
            public_citations(),
        )

    def for_detail(self, related_limit=None):
        """People with what their page and the API show, each relation limited
        to what readers may see: the country, the offices, the published
        events they took part in (the first `related_limit` of them), the
        public citations."""
        events = _related_model(self, "events").objects.published()
        return self.select_related("country").prefetch_related(
            person_offices(),
            Prefetch(
                "events",
                queryset=_first(events.for_list(), related_limit),
                to_attr="public_events",
            ),
            public_citations(),
        )


class Person(Publishable):
    name = models.CharField(_("name"), max_length=200)
    honorific = models.CharField(
        _("short title"),
        max_length=300,
        blank=True,
        help_text=_(
            "Shown beside the name in lists, e.g. 'President of Azerbaijan' or "
            "'National leader of Azerbaijan'. Write it so it stays true: leave it "
            "empty for someone whose office is past (lists then say 'then …'). "
            "Offices held, with their dates, go under Offices; the role someone "
            "held at a given event goes on the event's participant row."
        ),
    )
    country = models.ForeignKey(
        Place,
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        limit_choices_to={"kind": PlaceKind.COUNTRY},
        related_name="people",
    )
    bio = models.TextField(_("short biography"), blank=True, help_text=MARKDOWN_HELP)

    objects = PersonQuerySet.as_manager()

    # What search reads (portal/core/search.py), by weight: the site search,
    # the lists' text filter and the admin's search, stored per row on
    # PostgreSQL (migration portal 0011).
    search_weights = (("name",), ("honorific",), ("bio",))

    class Meta(Publishable.Meta):
        verbose_name = _("person")
        verbose_name_plural = _("people")
        # By the name in the reader's language, in its alphabet's order
        # (portal/core/collation.py), the same on PostgreSQL and SQLite.
        ordering = [LocalizedName("name"), "pk"]
        constraints = [published_requires_date("person")]
        indexes = [
            # The people list, the API, the admin changelist and the events
            # list's person choices sort by the name in the reader's language.
            # The feeds and the page cache's content token: newest publication.
            published_index("person"),
            # The admin changelist's date hierarchy (last changed), and the
            # API's ?updated_since= (changed_since()).
            models.Index(fields=["updated_at"], name="person_updated_at"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("people:detail", kwargs={"slug": self.slug})

    @property
    def current_offices(self):
        """The offices held now (from the prefetched offices)."""
        return [office for office in self.offices.all() if not office.is_past]

    @property
    def short_title(self):
        """What lists show beside the name: the short title, or else the
        offices held now, or else the latest past office ("then …")."""
        if self.honorific:
            return self.honorific
        offices = list(self.offices.all())
        current = [office for office in offices if not office.is_past]
        if current:
            return "; ".join(office.title for office in current)
        return offices[0].display if offices else ""

    @property
    def shows_honorific(self):
        """Whether the page shows the short title beside the offices: not
        when it only repeats an office's title."""
        titles = {office.title for office in self.offices.all()}
        return bool(self.honorific) and self.honorific not in titles


class OrganizationKind(models.TextChoices):
    GOVERNMENT = "government", _("Government body")
    MINISTRY = "ministry", _("Ministry")
    EMBASSY = "embassy", _("Embassy")
    COMPANY = "company", _("Company")
    FOUNDATION = "foundation", _("Foundation")
    UNIVERSITY = "university", _("University or school")
    MEDIA = "media", _("Media")
    INTERNATIONAL = "international", _("International organisation")
    PARTY = "party", _("Party body")
    LEGISLATURE = "legislature", _("Legislature")
    OTHER = "other", _("Other")


class OrganizationQuerySet(PublishableQuerySet):
    def for_list(self):
        """What a list row shows: the country."""
        return self.select_related("country")

    def for_data(self):
        """Organisations with their own links, as the API and the downloads
        show them: the country, the parent (shown through `public_parent`) and
        the public citations."""
        return self.select_related("country", "parent").prefetch_related(
            public_citations()
        )

    def for_detail(self, related_limit=None):
        """Organisations with what their page shows, each relation limited to
        what readers may see: `for_data()`, and the published events,
        agreements and units, the partnerships readers may see
        (`Partner.objects.public()`), the first `related_limit` of each list."""
        events = _related_model(self, "events").objects.published()
        agreements = _related_model(self, "agreements").objects.published()
        partnerships = _related_model(self, "partnerships").objects.public()
        return self.for_data().prefetch_related(
            Prefetch(
                "events",
                queryset=_first(events.for_list(), related_limit),
                to_attr="public_events",
            ),
            Prefetch(
                "agreements",
                queryset=_first(agreements, related_limit),
                to_attr="public_agreements",
            ),
            Prefetch(
                "partnerships",
                queryset=_first(
                    partnerships.select_related("project__sector").order_by(
                        "project__title", "pk"
                    ),
                    related_limit,
                ),
                to_attr="public_partnerships",
            ),
            Prefetch(
                "units",
                queryset=self.model.objects.published(),
                to_attr="public_units",
            ),
        )


class Organization(Publishable):
    name = models.CharField(_("name"), max_length=300)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    kind = models.CharField(_("kind"), max_length=15, choices=OrganizationKind)
    country = models.ForeignKey(
        Place,
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        limit_choices_to={"kind": PlaceKind.COUNTRY},
        related_name="organizations",
        help_text=_("Leave empty for international organisations."),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="units",
    )
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(
        _("description"), blank=True, help_text=MARKDOWN_HELP
    )

    objects = OrganizationQuerySet.as_manager()

    # What search reads (portal/core/search.py), by weight: the site search,
    # the lists' text filter and the admin's search, stored per row on
    # PostgreSQL (migration portal 0011).
    search_weights = (("name", "acronym"), ("description",), ())

    class Meta(Publishable.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        # By the name in the reader's language, in its alphabet's order
        # (portal/core/collation.py), the same on PostgreSQL and SQLite.
        ordering = [LocalizedName("name"), "pk"]
        constraints = [published_requires_date("organization")]
        indexes = [
            # The organisations list, the API, the admin changelist and the
            # lists' organisation and partner choices sort by the name in the
            # reader's language.
            # The feeds and the page cache's content token: newest publication.
            published_index("organization"),
            # The admin changelist's date hierarchy (last changed), and the
            # API's ?updated_since= (changed_since()).
            models.Index(fields=["updated_at"], name="organization_updated_at"),
        ]

    def __str__(self):
        if not self.acronym:
            return self.name
        return f"{self.name}{punctuation('open')}{self.acronym}{punctuation('close')}"

    def get_absolute_url(self):
        return reverse("organizations:detail", kwargs={"slug": self.slug})

    @property
    def public_parent(self):
        """The organisation this one is part of, if readers may see it."""
        return public_or_none(self.parent)


class Office(PartialDatesMixin, TimestampedModel):
    """A position a person holds or held, with its dates as far as the sources
    give them and the citations that support it."""

    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="offices",
    )
    title = models.CharField(
        _("office"),
        max_length=300,
        help_text=_(
            "As the sources name it, without 'then' or 'former': 'Chairman of the "
            "People's Republic of China'. Readers see 'then …' for a past office."
        ),
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="offices",
        help_text=_("The body the office belongs to, when it has a record."),
    )
    start, start_precision, start_approximate = precision_fields(
        _("from"),
        required=False,
        help_text=_("Leave empty when the sources do not say when it began."),
    )
    end, end_precision, end_approximate = precision_fields(
        _("until"),
        required=False,
        help_text=_("Leave empty when the sources do not say when it ended."),
    )
    ended = models.BooleanField(
        _("past office"),
        default=False,
        help_text=_(
            "Tick when the sources show the office is no longer held but give no "
            "end date ('then Chairman'). An end date in the past makes it past too."
        ),
    )
    position = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers are listed first.")
    )
    citations = GenericRelation("portal.Citation")

    partial_dates = ("start", "end")

    class Meta:
        verbose_name = _("office")
        verbose_name_plural = _("offices")
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(start__isnull=True)
                | Q(end__isnull=True)
                | Q(end__gte=models.F("start")),
                name="office_end_after_start",
            ),
        ]
        indexes = [
            # The admin changelist of offices, in their order. (A person's own
            # offices come by the person index.)
            models.Index(fields=["position", "id"], name="office_order"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return self.person.get_absolute_url()

    @property
    def is_past(self):
        """Known to be no longer held: marked so, or ended before today."""
        if self.ended:
            return True
        end = self.partial_date("end")
        return end is not None and end.last_day < datetime.date.today()

    @property
    def public_organization(self):
        """The organisation the office belongs to, if readers may see it."""
        return public_or_none(self.organization)

    @property
    def display(self):
        """The office as readers see it named: "then …" when past."""
        if self.is_past:
            return _("then %(office)s") % {"office": self.title}
        return self.title

    @property
    def dates_display(self):
        """When it was held, as far as known: "1993–2003", "since 2003",
        "until 2003", "from 1993"; "" when no date is known."""
        start = self.partial_date("start")
        end = self.partial_date("end")
        if start and end:
            return f"{start.display()}–{end.display()}"
        if end:
            return _("until %(date)s") % {"date": end.display()}
        if start and self.is_past:
            return _("from %(date)s") % {"date": start.display()}
        if start:
            return _("since %(date)s") % {"date": start.display()}
        return ""


class SourceKind(models.TextChoices):
    INTERVIEW = "interview", _("Interview")
    NEWS = "news", _("News report")
    STATEMENT = "statement", _("Official statement")
    DATASET = "dataset", _("Dataset")
    REPORT = "report", _("Report")
    DOCUMENT = "document", _("Official document")


class SourceQuerySet(PublishableQuerySet):
    def for_detail(self):
        """Sources with their publisher (shown through `public_publisher`)."""
        return self.select_related("publisher")


class Source(PartialDatesMixin, WorkflowModel):
    title = models.CharField(_("title"), max_length=400)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=SourceKind)
    publisher = models.ForeignKey(
        Organization,
        verbose_name=_("publisher"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="published_sources",
    )
    publisher_name = models.CharField(
        _("publisher (name)"),
        max_length=200,
        blank=True,
        help_text=_(
            "The publisher's name when the portal has no record of it (a news "
            "agency, a company's website). Ignored when a publisher is chosen."
        ),
    )
    url = models.URLField(
        _("address (URL)"),
        max_length=500,
        blank=True,
        help_text=_("Leave empty when the source has no known public address."),
    )
    published_on, published_on_precision, published_on_approximate = precision_fields(
        _("published on"), required=False
    )
    language = models.CharField(
        _("language"),
        max_length=10,
        default="en",
        help_text=_("Language of the text the quotes are taken from (en, az, zh…)."),
    )
    notes = models.TextField(
        _("notes"),
        blank=True,
        help_text=format_lazy(
            "{} {}",
            _("How the source was obtained, and anything a reader should know."),
            MARKDOWN_HELP,
        ),
    )

    partial_dates = ("published_on",)

    objects = SourceQuerySet.as_manager()

    class Meta(WorkflowModel.Meta):
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        ordering = ["-published_on", "title"]
        constraints = [published_requires_date("source")]
        indexes = [
            # The API's sources and the admin changelist, newest first, and
            # the changelist's date hierarchy.
            models.Index(fields=["-published_on"], name="source_published_on"),
            # Scheduled sources count in the page cache's content token.
            published_index("source"),
            # The API's ?updated_since= (changed_since()), with source_newest.
            models.Index(fields=["updated_at"], name="source_updated_at"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("source-detail", kwargs={"slug": self.slug})

    @property
    def published_on_display(self):
        return self.format_date("published_on")

    @property
    def public_publisher(self):
        """The organisation that published the source, if readers may see it."""
        return public_or_none(self.publisher)


class CitationQuerySet(models.QuerySet):
    def for_object(self, obj):
        return self.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
        )

    def public(self):
        """The citations readers may see: those of a published source (the
        record cited is the page's own, or checked by the source's page)."""
        return self.filter(published_q("source__"))

    def for_list(self):
        """What a source's list of citations needs to find each record cited:
        its kind (content type)."""
        return self.select_related("content_type")


class Citation(TimestampedModel):
    """A source attached to any record, with the words that support it."""

    source = models.ForeignKey(
        Source,
        verbose_name=_("source"),
        on_delete=models.PROTECT,
        related_name="citations",
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")
    quote = models.TextField(
        _("supporting quote"),
        blank=True,
        help_text=_("The exact words in the source that support the record."),
    )
    locator = models.CharField(
        _("where in the source"),
        max_length=200,
        blank=True,
        help_text=_("A page, section or question that helps readers find the quote."),
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = CitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("citation")
        verbose_name_plural = _("citations")
        ordering = ["position", "pk"]
        indexes = [
            # Serves every detail page: "the citations of this record".
            models.Index(fields=["content_type", "object_id"], name="citation_target"),
            # The admin changelist of citations, in their order.
            models.Index(fields=["position", "id"], name="citation_order"),
        ]

    def __str__(self):
        # From the content types' cache: inline rows show this, one per citation.
        model = ContentType.objects.get_for_id(self.content_type_id).model
        return f"{self.source} → {model} #{self.object_id}"

    def get_absolute_url(self):
        target = self.content_object
        return target.get_absolute_url() if target is not None else ""


def public_citations(lookup="citations"):
    """Prefetches a record's citations that readers may see, with their
    sources and publishers, into `public_citations`: what every page, the API
    and the downloads show under a record."""
    return Prefetch(
        lookup,
        queryset=Citation.objects.public().select_related("source__publisher"),
        to_attr="public_citations",
    )


__all__ = [
    "Citation",
    "Office",
    "Organization",
    "OrganizationKind",
    "Person",
    "Place",
    "PlaceKind",
    "Side",
    "Source",
    "SourceKind",
    "public_citations",
]
