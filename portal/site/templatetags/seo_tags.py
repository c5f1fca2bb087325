"""What a page tells machines about itself: canonical address, its hreflang
alternates, Open Graph tags, and schema.org JSON-LD for every kind of record
and the open data."""

import html
import re

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.template.loader_tags import BLOCK_CONTEXT_KEY
from django.templatetags.static import static
from django.urls import reverse, translate_url
from django.utils.html import strip_tags
from django.utils.translation import get_language

from events.models import Agreement, Event
from portal.core import filtering, jsonld
from portal.core.models import Organization, Person, Place, Source
from portal.core.siteurl import absolute_url
from portal.site import structured_data
from projects.models import Project

register = template.Library()

# Open Graph wants a territory with the language.
OG_LOCALES = {"en": "en_US", "az": "az_AZ", "zh-hans": "zh_CN"}

BUILDERS = {
    Agreement: structured_data.agreement_data,
    Event: structured_data.event_data,
    Organization: structured_data.organization_data,
    Person: structured_data.person_data,
    Place: structured_data.place_data,
    Project: structured_data.project_data,
    Source: structured_data.source_data,
}

# The picture a link to any page shows where it is shared: a PNG (the social
# sites read no SVG) of the site's mark at the 1.91:1 size they crop to,
# drawn from static/img/og-image.svg.
OG_IMAGE = ("img/og-image.png", 1200, 630)


@register.simple_tag(takes_context=True)
def social_meta(context):
    """The canonical link and the Open Graph tags, from the page's own title and
    description blocks, so no page has to say them twice."""
    request = context.get("request")
    if request is None:
        return ""
    language = get_language() or settings.LANGUAGE_CODE
    path = canonical_path(context, request)
    canonical = absolute_url(path, request)
    image, width, height = OG_IMAGE
    return render_to_string(
        "includes/social_meta.html",
        {
            "canonical": canonical,
            "alternates": alternates(request, path),
            "image": absolute_url(static(image), request),
            "image_width": width,
            "image_height": height,
            "title": block_text(context, "title"),
            "description": block_text(context, "description"),
            "og_type": og_type(context.get("object")),
            "locale": OG_LOCALES.get(language, "en_US"),
            "alternate_locales": [
                OG_LOCALES[code]
                for code, _name in settings.LANGUAGES
                if code != language and code in OG_LOCALES
            ],
        },
    )


def canonical_path(context, request):
    """The page's address without its query, except a list's page number when
    no filter is in force: a filtered list's canonical page is the whole list
    (filter combinations are endless and repeat its records), and page 1 is
    the list's bare address, never "?page=1"."""
    page = context.get("page_obj")
    filters = [value for value in filtering.without_page(request.GET).values() if value]
    if page is not None and page.number > 1 and not filters:
        return f"{request.path}?page={page.number}"
    return request.path


def alternates(request, path):
    """[(hreflang, absolute URL)]: the canonical address in every language,
    this page's own included, and an x-default, the address without a
    language, which sends readers to their browser's language (as the
    sitemap's x-default does, portal/core/sitemaps.py).

    Made from the canonical address, never from the address asked for: each
    alternate must be the canonical page of its language, so a filtered list
    (canonically the whole list, canonical_path) names the whole list in
    every language, and every language version names the same set."""
    if request.resolver_match is None:
        return []
    found = [
        (code, absolute_url(translate_url(path, code), request))
        for code, _name in settings.LANGUAGES
    ]
    prefix = f"/{settings.LANGUAGE_CODE}/"
    default = translate_url(path, settings.LANGUAGE_CODE)
    if default.startswith(prefix):
        found.append(
            ("x-default", absolute_url(default.replace(prefix, "/", 1), request))
        )
    return found


def block_text(context, name):
    """A block of the page being rendered, as plain text (for attributes)."""
    blocks = context.render_context.get(BLOCK_CONTEXT_KEY)
    block = blocks.get_block(name) if blocks is not None else None
    if block is None:
        return ""
    with context.push():
        rendered = block.nodelist.render(context)
    return re.sub(r"\s+", " ", html.unescape(strip_tags(rendered))).strip()


def og_type(record):
    if isinstance(record, Person):
        return "profile"
    return "article" if record is not None else "website"


@register.simple_tag(takes_context=True)
def json_ld(context, record):
    """A <script type="application/ld+json"> data block describing the record."""
    return jsonld.data_block(BUILDERS[type(record)](context["request"], record))


@register.simple_tag(takes_context=True)
def feed_url(context, name):
    """A feed's address with the list's filters in force (no page number)."""
    return reverse(name) + filtering.query_suffix(context["request"].GET)
