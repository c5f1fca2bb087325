"""Charts of key figures: `{% indicator_chart indicator %}` on the key figures
page, `{% indicator_trend indicator %}` beside a figure on the home page. Both draw
nothing for an indicator with a single observation."""

from django import template

from portal.site.charts import build_chart, build_trend

register = template.Library()


@register.inclusion_tag("includes/chart.html")
def indicator_chart(indicator):
    return {"chart": build_chart(indicator)}


@register.inclusion_tag("includes/chart_trend.html")
def indicator_trend(indicator):
    return {"trend": build_trend(indicator)}
