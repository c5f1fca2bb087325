"""Key figures: an indicator (trade turnover, freight trains…) and its observations."""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import F, Prefetch, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.core.dates import Precision, format_partial_range
from portal.core.models.base import (
    Publishable,
    PublishableQuerySet,
    TimestampedModel,
    published_q,
    published_requires_date,
)
from portal.core.models.reference import public_citations


class Currency(models.TextChoices):
    USD = "USD", _("US dollar")
    AZN = "AZN", _("Azerbaijani manat")
    CNY = "CNY", _("Chinese yuan")


class Qualifier(models.TextChoices):
    EXACT = "", _("exactly")
    MORE_THAN = "more_than", _("more than")
    ABOUT = "about", _("about")


class IndicatorQuerySet(PublishableQuerySet):
    def for_detail(self):
        """Indicators with their observations, and the public citations of
        both: what the key figures, the home page and the API show."""
        observations = Observation.objects.public().prefetch_related(public_citations())
        return self.prefetch_related(
            Prefetch("observations", queryset=observations), public_citations()
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
        constraints = [published_requires_date("indicator")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("key-figures") + f"#{self.slug}"

    @property
    def latest_observation(self):
        # Views prefetch observations; list() reuses that instead of querying.
        observations = list(self.observations.all())
        return observations[-1] if observations else None


class ObservationQuerySet(models.QuerySet):
    def public(self):
        """The observations readers may see: those of a published indicator."""
        return self.filter(published_q("indicator__"))

    def for_list(self):
        """What a row of observations shows on its own (a source's page): its
        indicator, which names it."""
        return self.select_related("indicator")

    def for_data(self):
        """Observations as the downloads' file shows them: `for_list()` and
        the public citations."""
        return self.for_list().prefetch_related(public_citations())


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
        max_length=5,
        choices=Precision,
        default=Precision.MONTH,
        help_text=_("How the period is shown: by day, by month or by year."),
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
        ordering = ["indicator", "period_end", "period_start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")),
                name="observation_period_ordered",
            ),
            models.CheckConstraint(
                condition=Q(value__gte=0), name="observation_value_not_negative"
            ),
            models.UniqueConstraint(
                fields=["indicator", "period_start", "period_end"],
                name="observation_one_per_period",
            ),
        ]

    def __str__(self):
        return f"{self.indicator}: {self.period_display}"

    def get_absolute_url(self):
        return self.indicator.get_absolute_url()

    @property
    def period_display(self):
        return format_partial_range(
            self.period_start, self.period_end, self.period_precision
        )


__all__ = [
    "Currency",
    "Indicator",
    "Observation",
    "Qualifier",
]
