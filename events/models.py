"""Events (visits, talks, signings, ceremonies, statements) and agreements."""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Count, F, Prefetch, Q
from django.db.models.functions import ExtractYear, Greatest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.core.dates import Precision, format_partial_range, precision_fields
from portal.core.markdown import MARKDOWN_HELP
from portal.core.models import (
    Organization,
    PartialDatesMixin,
    Person,
    Place,
    Publishable,
    PublishableQuerySet,
    Side,
    Status,
    person_offices,
    public_citations,
    public_or_none,
    published_q,
)
from portal.core.models.base import (
    NullsLastIndex,
    published_index,
    published_requires_date,
)


class EventKind(models.TextChoices):
    # "Visit" and "Meeting" are for what a source says no more of: a visit it
    # does not call a state, official or working visit is a visit.
    VISIT = "visit", _("Visit")
    STATE_VISIT = "state_visit", _("State visit")
    OFFICIAL_VISIT = "official_visit", _("Official visit")
    WORKING_VISIT = "working_visit", _("Working visit")
    TALKS = "talks", _("Talks")
    MEETING = "meeting", _("Meeting")
    SIGNING = "signing", _("Signing")
    FORUM = "forum", _("Forum or conference")
    CEREMONY = "ceremony", _("Ceremony or handover")
    STATEMENT = "statement", _("Statement")
    CULTURAL = "cultural", _("Cultural or humanitarian")
    MULTILATERAL = "multilateral", _("Multilateral")
    OTHER = "other", _("Other")


class EventQuerySet(PublishableQuerySet):
    def in_year(self, year):
        return self.filter(date__year=year)

    def at_place(self, place):
        """Events at the place or anywhere inside it (Baku includes its districts)."""
        return self.filter(place__in=place.descendant_ids())

    def on_or_after(self, day):
        """Events that may fall on or after `day`, given how precisely each is
        dated: an event known only as "2025" is kept for any day in 2025."""
        return self.filter(
            Q(date__gte=day)
            | Q(end_date__gte=day)
            | Q(date_precision=Precision.MONTH, date__gte=day.replace(day=1))
            | Q(date_precision=Precision.YEAR, date__gte=day.replace(month=1, day=1))
        )

    def on_or_before(self, day):
        return self.filter(date__lte=day)

    def with_person(self, person):
        return self.filter(participations__person=person)

    def with_organization(self, organization):
        return self.filter(organizations=organization)

    def for_list(self):
        """What a list row, a feed entry or a calendar entry shows (the place
        and the place it lies in), fetched without a query per row."""
        return self.select_related("place__parent")

    def for_map(self):
        """What a map shows of an event: its place."""
        return self.select_related("place")

    def for_page(self):
        """The event with its place and the place it lies in."""
        return self.select_related("place__parent")

    def for_detail(self):
        """Events with what their page, its JSON-LD and the API show, each
        relation limited to what readers may see."""
        # Projects point at events; reaching them through the reverse relation
        # keeps the import one-way (projects imports events, never back).
        projects = self.model._meta.get_field("projects").related_model.objects
        return self.for_page().prefetch_related(
            Prefetch(
                "participations",
                queryset=Participation.objects.public()
                .select_related("person")
                .prefetch_related(
                    person_offices("person__offices"), public_citations()
                ),
                to_attr="public_participations",
            ),
            Prefetch(
                "organizations",
                queryset=Organization.objects.published(),
                to_attr="public_organizations",
            ),
            Prefetch(
                "agreements",
                queryset=Agreement.objects.published(),
                to_attr="public_agreements",
            ),
            Prefetch(
                "projects",
                queryset=projects.published().for_list(),
                to_attr="public_projects",
            ),
            public_citations(),
        )

    def years(self):
        return self.dates("date", "year", order="DESC")

    def counts_by_year(self):
        """{year: number of events}, for the years with events, in one query:
        the timeline's overview and the home page's glimpse of it."""
        return dict(
            self.order_by()
            .annotate(year=ExtractYear("date"))
            .values("year")
            .annotate(count=Count("pk"))
            .values_list("year", "count")
        )

    def recently_changed(self):
        """Newest change first: the later of the last save and the publication
        (a record scheduled ahead is new when it comes out), ties by slug, the
        same in every language. The home page's "what's new"."""
        return self.alias(changed_at=Greatest("updated_at", "published_at")).order_by(
            F("changed_at").desc(), "slug"
        )


class Event(PartialDatesMixin, Publishable):
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(
        _("summary"), help_text=_("One or two sentences shown in lists and feeds.")
    )
    body = models.TextField(_("body"), blank=True, help_text=MARKDOWN_HELP)
    kind = models.CharField(_("type"), max_length=15, choices=EventKind)
    date, date_precision, date_approximate = precision_fields(_("date"))
    end_date = models.DateField(
        _("end date"),
        null=True,
        blank=True,
        help_text=_("For events over several days; same precision as the date."),
    )
    place = models.ForeignKey(
        Place,
        verbose_name=_("place"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
        help_text=_("Leave empty when the source does not say where it happened."),
        # Indexed by event_place_date below, which starts with the place.
        db_index=False,
    )
    participants = models.ManyToManyField(
        Person,
        verbose_name=_("participants"),
        through="Participation",
        related_name="events",
        blank=True,
    )
    organizations = models.ManyToManyField(
        Organization,
        verbose_name=_("organisations"),
        related_name="events",
        blank=True,
    )

    partial_dates = ("date",)

    objects = EventQuerySet.as_manager()

    # What search reads (portal/core/search.py), by weight: the site search,
    # the lists' text filter and the admin's search, stored per row on
    # PostgreSQL (migration portal 0011).
    search_weights = (("title",), ("summary",), ("body",))

    class Meta(Publishable.Meta):
        verbose_name = _("event")
        verbose_name_plural = _("events")
        # Ties broken by the slug, which is the same in every language (a
        # title is not: modeltranslation sorts by the reader's language, so
        # the home page's sixth "latest event" differed between languages).
        ordering = ["-date", "slug"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("date")),
                name="event_end_after_start",
            ),
            published_requires_date("event"),
        ]
        indexes = [
            # The events list filtered by type (?type=talks), newest first;
            # and what the list groups by, so its type, year and place facets
            # read this index alone (index-only scans), as do the list of
            # years and the person and organisation facets' join.
            models.Index(
                fields=["kind", "-date", "place", "published_at", "id"],
                condition=Q(status=Status.PUBLISHED),
                name="event_public",
            ),
            # The feeds and the page cache's content token (newest publication
            # first), and the count of published events (of any public list).
            published_index("event"),
            # Every list of events newest first: the events list, the home
            # page, the timeline and year pages, the API, the calendar (for
            # published events, nineteen rows in twenty) and the admin
            # changelist (every event), with its date hierarchy.
            models.Index(fields=["-date"], name="event_date"),
            # The API's ?updated_since= (changed_since()), with event_newest
            # for what was published since.
            models.Index(fields=["updated_at"], name="event_updated_at"),
            # The events of a place, by date: the admin's place filter (a few
            # places, newest first), with the first and last dates and the
            # years of its date hierarchy read from the index alone; and the
            # foreign key's own lookups (a place's events, before deleting it).
            models.Index(fields=["place", "-date"], name="event_place_date"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:detail", kwargs={"slug": self.slug})

    @property
    def date_display(self):
        return format_partial_range(
            self.date, self.end_date, self.date_precision, self.date_approximate
        )


class ParticipationQuerySet(models.QuerySet):
    def public(self):
        """The participant rows readers may see: a published person at a
        published event."""
        return self.filter(published_q("person__"), published_q("event__"))


class Participation(models.Model):
    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="participations"
    )
    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="participations",
    )
    role = models.CharField(
        _("role at the time"),
        max_length=300,
        blank=True,
        help_text=_("As the source gives it, e.g. 'then Chairman of the PRC'."),
    )
    side = models.CharField(_("side"), max_length=5, choices=Side)
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    # A participant's own sources: who took part is a fact of its own, cited
    # beside the participant.
    citations = GenericRelation("portal.Citation")

    objects = ParticipationQuerySet.as_manager()

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["position", "pk"]
        constraints = [
            # Also the index of an event's participants (event pages, the
            # person filter's facet) and of "is this person at this event".
            models.UniqueConstraint(
                fields=["event", "person"], name="participation_once_per_event"
            )
        ]
        indexes = [
            # The admin changelist of participants, in their order.
            models.Index(fields=["position", "id"], name="participation_order"),
        ]

    def __str__(self):
        return f"{self.person} at {self.event}"

    def get_absolute_url(self):
        return self.event.get_absolute_url()


class AgreementKind(models.TextChoices):
    JOINT_DECLARATION = "declaration", _("Joint declaration")
    AGREEMENT = "agreement", _("Agreement")
    MEMORANDUM = "memorandum", _("Memorandum")
    CONTRACT = "contract", _("Contract")
    PROTOCOL = "protocol", _("Protocol")
    OTHER = "other", _("Other")


class AgreementStatus(models.TextChoices):
    SIGNED = "signed", _("Signed")
    IN_FORCE = "in_force", _("In force")
    EXPIRED = "expired", _("Expired")
    NOT_STATED = "not_stated", _("Not stated")


class AgreementQuerySet(PublishableQuerySet):
    def recently_changed(self):
        """Newest change first: the later of the last save and the publication
        (a record scheduled ahead is new when it comes out), ties by slug, the
        same in every language. The home page's "what's new" (see Event)."""
        return self.alias(changed_at=Greatest("updated_at", "published_at")).order_by(
            F("changed_at").desc(), "slug"
        )

    def for_list(self):
        return self.select_related("event")

    def for_detail(self):
        """Agreements with what their page and the API show, each relation
        limited to what readers may see; the event at which one was signed is
        shown through `public_event`."""
        projects = self.model._meta.get_field("projects").related_model.objects
        return self.select_related("event__place").prefetch_related(
            Prefetch(
                "parties",
                queryset=Organization.objects.published(),
                to_attr="public_parties",
            ),
            Prefetch(
                "projects",
                queryset=projects.published().for_list(),
                to_attr="public_projects",
            ),
            public_citations(),
        )


class Agreement(PartialDatesMixin, Publishable):
    title = models.CharField(_("title"), max_length=400)
    summary = models.TextField(_("summary"))
    body = models.TextField(_("body"), blank=True, help_text=MARKDOWN_HELP)
    kind = models.CharField(_("kind"), max_length=15, choices=AgreementKind)
    signed_on, signed_on_precision, signed_on_approximate = precision_fields(
        _("signed on"),
        required=False,
        help_text=_("Leave empty when the source does not say when it was signed."),
    )
    event = models.ForeignKey(
        Event,
        verbose_name=_("signed at"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agreements",
        help_text=_("The event at which it was signed, if known."),
    )
    parties = models.ManyToManyField(
        Organization,
        verbose_name=_("parties"),
        related_name="agreements",
        blank=True,
    )
    agreement_status = models.CharField(
        _("legal status"),
        max_length=10,
        choices=AgreementStatus,
        default=AgreementStatus.SIGNED,
    )

    partial_dates = ("signed_on",)

    objects = AgreementQuerySet.as_manager()

    # What search reads (portal/core/search.py), by weight: the site search,
    # the lists' text filter and the admin's search, stored per row on
    # PostgreSQL (migration portal 0011).
    search_weights = (("title",), ("summary",), ("body",))

    class Meta(Publishable.Meta):
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        # The slug breaks ties the same way in every language (see Event).
        ordering = [F("signed_on").desc(nulls_last=True), "slug"]
        constraints = [published_requires_date("agreement")]
        indexes = [
            # The page cache's content token (newest publication first) and
            # the count of published agreements.
            published_index("agreement"),
            # The agreements list, the API and the admin changelist: newest
            # signature first, undated last; the changelist's date hierarchy.
            NullsLastIndex(
                F("signed_on").desc(nulls_last=True), name="agreement_signed_on"
            ),
            # The API's ?updated_since= (changed_since()), with agreement_newest.
            models.Index(fields=["updated_at"], name="agreement_updated_at"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("agreements:detail", kwargs={"slug": self.slug})

    @property
    def signed_on_display(self):
        return self.format_date("signed_on")

    @property
    def public_event(self):
        """The event at which it was signed, if readers may see it."""
        return public_or_none(self.event)
