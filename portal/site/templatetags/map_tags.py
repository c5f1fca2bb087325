"""Maps on pages: `{% site_map %}` (the home page's: the latest published
projects and events, headed for what it shows, with a link to the full map),
`{% record_map project %}` (a record's places) and `{% show_map map %}` (a map a
view built, such as the filtered projects list's, with `total=` the number of
records it stands for, to say when it shows only the first). Each renders
includes/map.html: the map's container for static/js/map.js and, always, the
list of the same places. Pages with a map also include includes/map_head.html
and includes/map_scripts.html in their `head` and `scripts` blocks."""

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.utils.translation import gettext_lazy as _

from portal.core import maps as map_base
from portal.site import maps

register = template.Library()

# The countries' outline every interactive map draws under its tiles, so that it
# still reads when they cannot load: Natural Earth's boundaries at 1:110m, from
# the npm package world-atlas (vendored by scripts/vendor).
OUTLINE = "vendor/world-atlas/countries-110m.json"


def _context(a_map, heading, total=None, **extra):
    return {
        "map": a_map,
        "heading": heading or _("On the map"),
        "total": total,
        "limit": map_base.MAP_LIMIT,
        "outline_url": static(OUTLINE),
        **extra,
        "tile_url": settings.MAP_TILE_URL,
        "attribution": settings.MAP_TILE_ATTRIBUTION,
    }


@register.inclusion_tag("includes/map.html")
def site_map(heading=None):
    """The home page's map. It shows the latest events and projects only when
    there are more than MAP_LIMIT of either, and then says so; its heading
    promises no more than "on the map" (an event of 1994 is not "latest")."""
    a_map = maps.site_map()
    return _context(
        a_map,
        heading or _("Events and projects on the map"),
        truncated=getattr(a_map, "truncated", False),
        full_map=True,
    )


@register.inclusion_tag("includes/map.html")
def record_map(record, heading=None):
    return _context(maps.record_map(record), heading)


@register.inclusion_tag("includes/map.html")
def show_map(a_map, heading=None, total=None):
    return _context(a_map, heading, total)


@register.inclusion_tag("includes/map.html")
def full_map(a_map, heading=None):
    """The full map page's map (portal/site/maps.py: full_map): one marker per
    place, and the list of places with their latest records."""
    return _context(a_map, heading or _("Records by place"), by_place=True)
