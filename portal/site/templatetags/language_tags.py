"""The language switcher of every page, error pages included.

`language_versions` (portal/core/templatetags/portal_tags.py) translates the
address through the route it matched; an address no route matched (a 404) or
a page rendered without its request (the 500 page) has none, and the header
showed no switcher at all. Here such a page links to the same address under
each language's prefix (/en/x → /az/x), or to each language's home page when
the address has no prefix.
"""

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.translation import get_language, get_language_from_path, override

from portal.core.templatetags.portal_tags import language_versions

register = template.Library()


@register.simple_tag(takes_context=True)
def page_in_every_language(context):
    """[{code, name, url, current}…] for the page being rendered."""
    versions = language_versions(context)
    if versions:
        return versions
    request = context.get("request")
    # The 500 page is rendered without its request (portal/ops/faults.py),
    # with the address it answered.
    path = request.get_full_path() if request is not None else context.get("error_path")
    return addresses_in_every_language(path or "/")


def addresses_in_every_language(path):
    current = get_language()
    prefix = get_language_from_path(path)
    versions = []
    for code, name in settings.LANGUAGES:
        if prefix:
            url = f"/{code}{path[len(prefix) + 1 :]}"
        else:
            with override(code):
                url = reverse("home")
        versions.append(
            {"code": code, "name": name, "url": url, "current": code == current}
        )
    return versions
