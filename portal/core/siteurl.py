"""The site's own address, for every absolute URL the portal writes: canonical
links, Open Graph, hreflang alternates, JSON-LD, feeds, the calendar, the
sitemap, robots.txt, the API's links and the downloads.

Django makes absolute URLs from the request (`build_absolute_uri`), that is
from its Host header, port included: whatever a client sends that ALLOWED_HOSTS
lets through would be written into pages, and cached for every other reader.
The sites framework keeps a domain in the database, without the scheme or a
port, and is not installed here. So the address is one setting, SITE_URL
(validated in settings.py), and this module makes URLs from it. In development
(DEBUG on, no SITE_URL) it is the address the page was asked for.
"""

from django.conf import settings


def site_url(request=None):
    """ "https://portal.example.org": SITE_URL, or in development the request's
    own scheme and host ("" outside a request, which keeps URLs relative)."""
    if settings.SITE_URL:
        return settings.SITE_URL
    if request is not None:
        return f"{request.scheme}://{request.get_host()}"
    return ""


def absolute_url(path, request=None):
    """The absolute URL of `path` ("/en/events/"), on the site's address."""
    return site_url(request) + path


def template_context(request):
    """`site_url` for templates: `{{ site_url }}{{ path }}`."""
    return {"site_url": site_url(request)}
