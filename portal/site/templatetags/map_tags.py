"""Maps on pages: `{% site_map %}` (the latest published projects and events),
`{% record_map project %}` (a record's places) and `{% show_map map %}` (a map a
view built, such as the filtered projects list's, with `total=` the number of
records it stands for, to say when it shows only the first). Each renders
includes/map.html: the map's container for static/js/map.js and, always, the
list of the same places. Pages with a map also include includes/map_head.html
and includes/map_scripts.html in their `head` and `scripts` blocks."""

from django import template
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from portal.core import maps as map_base
from portal.site import maps

register = template.Library()


def _context(a_map, heading, total=None):
    return {
        "map": a_map,
        "heading": heading or _("On the map"),
        "total": total,
        "limit": map_base.MAP_LIMIT,
        "tile_url": settings.MAP_TILE_URL,
        "attribution": settings.MAP_TILE_ATTRIBUTION,
    }


@register.inclusion_tag("includes/map.html")
def site_map(heading=None):
    return _context(maps.site_map(), heading)


@register.inclusion_tag("includes/map.html")
def record_map(record, heading=None):
    return _context(maps.record_map(record), heading)


@register.inclusion_tag("includes/map.html")
def show_map(a_map, heading=None, total=None):
    return _context(a_map, heading, total)
