"""Charts of key figures: `{% indicator_chart indicator %}` on the key figures
page and a key figure's page, `{% party_charts indicator %}` (one chart per
reporting party) on a key figure's page, `{% indicator_trend indicator %}` beside
a figure on the home page. They draw nothing for an indicator with a single
observation."""

from django import template

from portal.site.charts import build_chart, build_trend
from portal.site.charts import party_charts as build_party_charts

register = template.Library()


@register.inclusion_tag("includes/chart.html")
def indicator_chart(indicator, width=480):
    """`width`: the chart's own units across; a wide chart (a key figure's
    page) keeps its text the same size as a narrow one drawn smaller."""
    return {"chart": build_chart(indicator, width=width)}


@register.inclusion_tag("includes/chart_trend.html")
def indicator_trend(indicator):
    return {"trend": build_trend(indicator)}


@register.inclusion_tag("includes/chart_parties.html")
def party_charts(indicator):
    return {"charts": build_party_charts(indicator)}
