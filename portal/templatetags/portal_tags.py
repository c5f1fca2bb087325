from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from portal.dates import format_partial_range, iso_partial, truncate
from portal.formatting import format_amount, format_change, qualify

register = template.Library()


@register.filter
def observation_value(observation):
    indicator = observation.indicator
    text = format_amount(observation.value, indicator.currency, indicator.unit)
    return qualify(text, observation.value_qualifier)


@register.filter
def observation_change(observation):
    return format_change(observation.change_percent, observation.change_qualifier)


@register.filter
def capacity(project):
    if project.capacity_value is None:
        return ""
    return format_amount(
        project.capacity_value, unit=project.get_capacity_unit_display()
    )


@register.filter
def investment(project):
    if project.investment_amount is None:
        return ""
    return format_amount(
        project.investment_amount, currency=project.investment_currency
    )


@register.simple_tag
def partial_date(record, name="date"):
    """A record's partial date as exactly as it is known, in a <time> element.

    An event's `end_date` turns the date into a range ("11–22 November 2024"); a
    missing date says so rather than leaving a gap.
    """
    value = getattr(record, name)
    if value is None:
        return format_html('<span class="unknown">{}</span>', _("date not stated"))
    precision = getattr(record, f"{name}_precision")
    approximate = getattr(record, f"{name}_approximate")
    end = getattr(record, "end_date", None) if name == "date" else None
    text = format_partial_range(value, end, precision, approximate)
    if end is not None and truncate(end, precision) != truncate(value, precision):
        return text
    return format_html(
        '<time datetime="{}">{}</time>', iso_partial(value, precision), text
    )
