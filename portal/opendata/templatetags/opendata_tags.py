from django import template

from portal.core import jsonld
from portal.opendata import structured_data

register = template.Library()


@register.simple_tag(takes_context=True)
def dataset_json_ld(context):
    """The schema.org Dataset of all the open data, with its files, as a
    <script type="application/ld+json"> data block."""
    return jsonld.data_block(structured_data.dataset_data(context["request"]))
