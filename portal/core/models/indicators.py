"""Key figures: an indicator (trade turnover, freight trains…) and its observations.

Sources disagree, and the model says so rather than choosing for the reader.
An observation is one reported value for one period, with who reported it
(`reported_by`, a body, and `side`) and its own citations; several observations
of the same period live side by side when different parties report them, each
with a rank as Wikidata ranks statements (preferred, normal, deprecated). A
period whose non-deprecated values differ is marked "sources disagree" wherever
readers see it (`sources_disagree`, annotated by `ObservationQuerySet`).
Readers see each reporting party's figures as a series of its own (`Series`),
and the periods with every value reported for them (`PeriodGroup`).
"""

from dataclasses import dataclass, field
from functools import cached_property

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Exists, F, OuterRef, Prefetch, Q, Value, When
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.core.dates import Period, PeriodPrecision
from portal.core.formatting import punctuation
from portal.core.models.base import (
    Publishable,
    PublishableQuerySet,
    TimestampedModel,
    public_or_none,
    published_q,
    published_requires_date,
)
from portal.core.models.reference import Organization, Side, public_citations


class Currency(models.TextChoices):
    USD = "USD", _("US dollar")
    AZN = "AZN", _("Azerbaijani manat")
    CNY = "CNY", _("Chinese yuan")


class Qualifier(models.TextChoices):
    EXACT = "", _("exactly")
    MORE_THAN = "more_than", _("more than")
    ABOUT = "about", _("about")


class Rank(models.TextChoices):
    """How an editor weighs one value of a fact against the others reported
    for it (Wikidata's statement ranks): of an indicator's values for the same
    period, or of a project's measures of one kind. The preferred one is shown
    first; a deprecated one is known to be wrong or outdated and is kept only
    so readers see it was reported."""

    PREFERRED = "preferred", _("Preferred")
    NORMAL = "normal", _("Normal")
    DEPRECATED = "deprecated", _("Deprecated")


# A side is "not stated" when the source does not say who reports the figure.
REPORTING_SIDES = [("", _("Not stated")), *Side.choices]

# The order values of one period are listed in, and series are drawn in.
RANK_ORDER = {Rank.PREFERRED: 0, Rank.NORMAL: 1, Rank.DEPRECATED: 2}
SIDE_ORDER = {Side.CHINA: 0, Side.AZERBAIJAN: 1, Side.OTHER: 2, "": 3}


class IndicatorQuerySet(PublishableQuerySet):
    def for_detail(self):
        """Indicators with what the key figures, the home page and the API
        show: their observations (`ObservationQuerySet.for_data()`), the
        indicator they are a component of (`public_component_of`), their
        published components (`public_components`) and their public
        citations."""
        return self.select_related("component_of").prefetch_related(
            Prefetch("observations", queryset=Observation.objects.public().for_data()),
            Prefetch(
                "components",
                queryset=Indicator.objects.published(),
                to_attr="public_components",
            ),
            public_citations(),
        )


class Indicator(Publishable):
    name = models.CharField(_("name"), max_length=200)
    unit = models.CharField(
        _("unit"),
        max_length=60,
        blank=True,
        help_text=_(
            "What is counted, in plain words: 'trains', 'tourists', 'visits'. Leave "
            "empty for money and fill in the currency instead."
        ),
    )
    currency = models.CharField(
        _("currency"), max_length=3, choices=Currency, blank=True
    )
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("What exactly is measured, and by whom."),
    )
    component_of = models.ForeignKey(
        "self",
        verbose_name=_("component of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="components",
        help_text=_(
            "The indicator this one is a part of: exports and imports are "
            "components of trade turnover."
        ),
    )
    position = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers come first on the site.")
    )

    objects = IndicatorQuerySet.as_manager()

    # Each observation is a figure readers see: it needs its own citation.
    cited_rows = ("observations",)

    # What search reads (portal/core/search.py), by weight: the site search,
    # the lists' text filter and the admin's search, stored per row on
    # PostgreSQL (migration portal 0011).
    search_weights = (("name",), ("description",), ())

    class Meta(Publishable.Meta):
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["position", "name"]
        constraints = [
            published_requires_date("indicator"),
            models.CheckConstraint(
                condition=~Q(component_of=F("pk")),
                name="indicator_not_own_component",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("key-figure", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        whole, seen = self.component_of, set()
        while whole is not None and whole.pk not in seen:
            if self.pk is not None and whole.pk == self.pk:
                raise ValidationError(
                    {
                        "component_of": _(
                            "An indicator cannot be a component of itself or of "
                            "its own components."
                        )
                    }
                )
            seen.add(whole.pk)
            whole = whole.component_of

    @property
    def public_component_of(self):
        """The indicator this one is a component of, if readers may see it."""
        return public_or_none(self.component_of)

    # What readers see of the observations. Each reads the observations
    # `for_detail()` prefetched, with no query of its own.

    @cached_property
    def periods(self):
        """Every period observed, in time order, each with all the values
        reported for it (`PeriodGroup`)."""
        groups = {}
        for observation in self.observations.all():
            key = (observation.period_start, observation.period_end)
            groups.setdefault(key, []).append(observation)
        ordered = sorted(groups.items(), key=lambda item: (item[0][1], item[0][0]))
        return [
            PeriodGroup(observations=sorted(group, key=_value_order))
            for _key, group in ordered
        ]

    @cached_property
    def series(self):
        """The figures of each reporting party, one series each (deprecated
        values left out), in the order China, Azerbaijan, others, not stated."""
        return group_series(self.observations.all())

    @cached_property
    def latest_period(self):
        """The latest period with a value that is not deprecated, or None."""
        shown = [group for group in self.periods if group.headline is not None]
        return shown[-1] if shown else None

    @property
    def latest_observation(self):
        """The value the home page shows: the latest period's preferred one."""
        latest = self.latest_period
        return latest.headline if latest is not None else None

    @property
    def disputed_periods(self):
        return [group for group in self.periods if group.disagree]


class ObservationQuerySet(models.QuerySet):
    def public(self):
        """The observations readers may see: those of a published indicator."""
        return self.filter(published_q("indicator__"))

    def with_disagreement(self):
        """Each observation with `sources_disagree`: True when it is not
        deprecated and another value reported for the same period, not
        deprecated either, differs from it. The one rule for "sources
        disagree", which every page, the API and the downloads read."""
        differing = (
            Observation.objects.filter(
                indicator=OuterRef("indicator"),
                period_start=OuterRef("period_start"),
                period_end=OuterRef("period_end"),
            )
            .exclude(rank=Rank.DEPRECATED)
            .exclude(value=OuterRef("value"))
        )
        return self.annotate(
            sources_disagree=Case(
                When(Q(Exists(differing)) & ~Q(rank=Rank.DEPRECATED), then=True),
                default=Value(False),
                output_field=models.BooleanField(),
            )
        )

    def for_list(self):
        """What a row of observations shows on its own (a source's page): its
        indicator, which names it."""
        return self.select_related("indicator")

    def for_data(self):
        """Observations as readers see them, on the key figures, in the API
        and in the downloads: `for_list()`, who reported them (shown through
        `public_reported_by`), whether sources disagree, and the public
        citations."""
        return (
            self.for_list()
            .select_related("reported_by")
            .with_disagreement()
            .prefetch_related(public_citations())
        )


class Observation(TimestampedModel):
    indicator = models.ForeignKey(
        Indicator,
        verbose_name=_("indicator"),
        on_delete=models.CASCADE,
        related_name="observations",
    )
    period_start = models.DateField(
        _("period start"), help_text=_("January–October 2025 starts on 1 January 2025.")
    )
    period_end = models.DateField(
        _("period end"), help_text=_("January–October 2025 ends on 31 October 2025.")
    )
    period_precision = models.CharField(
        _("period precision"),
        max_length=7,
        choices=PeriodPrecision,
        default=PeriodPrecision.MONTH,
        help_text=_(
            "How the period is shown: by day, month, quarter, half-year or year. "
            "A quarter or a half-year is exactly one (Q1 2024: 1 January to 31 "
            "March 2024); a span of months is shown as one (January–October)."
        ),
    )
    reported_by = models.ForeignKey(
        Organization,
        verbose_name=_("reported by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reported_observations",
        help_text=_(
            "The body that reports the figure (a statistics office, a ministry, "
            "an embassy), when the source says so."
        ),
    )
    side = models.CharField(
        _("reported by side"),
        max_length=5,
        choices=REPORTING_SIDES,
        blank=True,
        default="",
        help_text=_("Which side reports the figure, when the source says so."),
    )
    rank = models.CharField(
        _("rank"),
        max_length=10,
        choices=Rank,
        default=Rank.NORMAL,
        help_text=_(
            "When several values are reported for the same period: 'preferred' "
            "is the one shown first and on the home page; 'deprecated' is shown "
            "only in the table, marked, and never in the charts."
        ),
    )
    value = models.DecimalField(_("value"), max_digits=20, decimal_places=2)
    value_qualifier = models.CharField(
        _("value qualifier"),
        max_length=10,
        choices=Qualifier,
        blank=True,
        default=Qualifier.EXACT,
        help_text=_("'More than 57,000' is 57000 with 'more than'."),
    )
    change_percent = models.DecimalField(
        _("change (%)"),
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Change against the same period a year earlier, in percent."),
    )
    change_qualifier = models.CharField(
        _("change qualifier"),
        max_length=10,
        choices=Qualifier,
        blank=True,
        default=Qualifier.EXACT,
    )
    note = models.CharField(
        _("note"),
        max_length=300,
        blank=True,
        help_text=_("Anything that qualifies the figure, shown beside it."),
    )
    citations = GenericRelation("portal.Citation")

    objects = ObservationQuerySet.as_manager()

    class Meta:
        verbose_name = _("observation")
        verbose_name_plural = _("observations")
        ordering = ["indicator", "period_end", "period_start", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")),
                name="observation_period_ordered",
            ),
            models.CheckConstraint(
                condition=Q(value__gte=0), name="observation_value_not_negative"
            ),
            # One value per period and reporting party; other parties' values
            # for the period live beside it. Two constraints because a missing
            # reporter (NULL) would make every row distinct in one (and
            # NULLS NOT DISTINCT is PostgreSQL's alone). Their indexes also
            # serve `with_disagreement()`'s lookup of a period's other values.
            models.UniqueConstraint(
                fields=[
                    "indicator",
                    "period_start",
                    "period_end",
                    "reported_by",
                    "side",
                ],
                condition=Q(reported_by__isnull=False),
                name="observation_one_per_reporter",
                violation_error_message=_(
                    "This body and side already report a value for this period."
                ),
            ),
            models.UniqueConstraint(
                fields=["indicator", "period_start", "period_end", "side"],
                condition=Q(reported_by__isnull=True),
                name="observation_one_per_side",
                violation_error_message=_(
                    "A value for this period with no reporting body and this side "
                    "already exists: name the body that reports this one."
                ),
            ),
        ]

    def __str__(self):
        # Readers see it (a source's page lists what cites it): no reporter,
        # who may not be public.
        return f"{self.indicator}{punctuation('colon')}{self.period_display}"

    def get_absolute_url(self):
        return self.indicator.get_absolute_url()

    def clean(self):
        super().clean()
        if self.period_start is None or self.period_end is None:
            return
        try:
            self.period.check()
        except ValueError as error:
            raise ValidationError({"period_end": str(error)}) from None

    @property
    def period(self):
        return Period.of(self)

    @property
    def period_display(self):
        return self.period.display()

    @property
    def public_reported_by(self):
        """The body that reports the figure, if readers may see it."""
        return public_or_none(self.reported_by)

    @property
    def series_key(self):
        """Which series the observation belongs to: its reporting party."""
        return (self.reported_by_id, self.side)

    def reporter_label(self):
        """Who reports the value, in words: "State Statistical Committee
        (Azerbaijan)", "China", or "" when the source does not say. A body
        readers may not see is left out."""
        body = self.public_reported_by
        side = self.get_side_display() if self.side else ""
        if body is None:
            return str(side)
        if not side:
            return str(body.name)
        # "State Statistical Committee (Azerbaijan)", "…委员会（阿塞拜疆）".
        return f"{body.name}{punctuation('open')}{side}{punctuation('close')}"


def _value_order(observation):
    return (
        RANK_ORDER.get(observation.rank, 1),
        SIDE_ORDER.get(observation.side, 3),
        str(observation.reporter_label()),
        observation.pk or 0,
    )


@dataclass
class PeriodGroup:
    """One period and every value reported for it, the preferred first and the
    deprecated last."""

    observations: list

    @property
    def period(self):
        return self.observations[0].period

    @property
    def period_display(self):
        return self.observations[0].period_display

    @property
    def shown(self):
        """The values that count: every one that is not deprecated."""
        return [o for o in self.observations if o.rank != Rank.DEPRECATED]

    @property
    def headline(self):
        """The value shown when only one is: the preferred one, else the first."""
        shown = self.shown
        return shown[0] if shown else None

    @property
    def also_reported(self):
        """The other values that count, shown beside the headline."""
        return self.shown[1:]

    @property
    def disagree(self):
        return any(getattr(o, "sources_disagree", False) for o in self.observations)


@dataclass
class Series:
    """The figures one party reports, in period order."""

    observations: list = field(default_factory=list)

    @property
    def side(self):
        return self.observations[0].side

    @property
    def reported_by(self):
        """The reporting body, if readers may see it."""
        return self.observations[0].public_reported_by

    @property
    def label(self):
        """Who reports the series, or "" when the source does not say."""
        return self.observations[0].reporter_label()


def group_series(observations):
    """Observations by reporting party, deprecated ones left out: a `Series`
    for each, China first, then Azerbaijan, others and the not stated."""
    series = {}
    for observation in observations:
        if observation.rank == Rank.DEPRECATED:
            continue
        series.setdefault(observation.series_key, Series()).observations.append(
            observation
        )
    return sorted(
        series.values(),
        key=lambda one: (
            SIDE_ORDER.get(one.side, 3),
            one.observations[0].reported_by_id is not None,
            str(one.label),
        ),
    )


__all__ = [
    "Currency",
    "Indicator",
    "Observation",
    "PeriodGroup",
    "Qualifier",
    "Rank",
    "Series",
    "group_series",
]
