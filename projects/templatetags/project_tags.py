"""A project's measures on its page and its card (projects/formatting.py)."""

from django import template

from projects.formatting import facts, headline, measure_text

register = template.Library()


@register.filter
def measure(measure):
    """ "about USD 300 million", "20–25 MW", "USD 0.049 per kWh"."""
    return measure_text(measure)


@register.filter
def measure_facts(project):
    """The project's measures by kind: shown, also reported, disagreement."""
    return facts(project.measures.all())


@register.filter
def headline_measure(project):
    """The one value a card shows, or None."""
    return headline(project.measures.all())
