"""Every public route of portal.urls with arguments taken from the seed records,
shared by the XSS probes and the hypothesis fuzz test.

`public_routes()` walks the URL patterns (the admin excepted); `ROUTE_ARGS`
says how to fill each route's arguments. A route missing from ROUTE_ARGS makes
test_every_public_route_is_covered fail, so a new page cannot escape the tests.
"""

from django.apps import apps
from django.urls import URLResolver, get_resolver, reverse
from django.utils import translation

from events.models import Agreement, Event
from portal.core.models import Indicator, Organization, Person, Place, Source
from portal.editorial.models import CORRECTABLE
from projects.models import Project

LANGUAGES = ("en", "az", "zh-hans")


def public_routes():
    """Qualified names of every route but the admin's."""
    names = []

    def walk(patterns, namespaces):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if "admin" in (pattern.namespace, pattern.app_name):
                    continue
                extra = (pattern.namespace,) if pattern.namespace else ()
                walk(pattern.url_patterns, namespaces + extra)
            elif pattern.name:
                names.append(":".join((*namespaces, pattern.name)))
            else:  # an unnamed route could not be reversed, so not tested
                names.append(f"<unnamed {pattern.pattern}>")

    walk(get_resolver().url_patterns, ())
    return sorted(set(names))


def _slugs(model, queryset=None):
    queryset = model.objects.published() if queryset is None else queryset
    return [{"slug": slug} for slug in queryset.values_list("slug", flat=True)]


def _one(model, queryset=None):
    return _slugs(model, queryset)[:1]


def _corrections():
    out = []
    for kind, label in CORRECTABLE.items():
        model = apps.get_model(label)
        slug = model.objects.published().values_list("slug", flat=True).first()
        if slug:
            out.append({"kind": kind, "slug": slug})
    return out


NONE = lambda: [{}]  # noqa: E731 (a route without arguments)

# Route -> callable giving the argument sets to visit (needs the seed loaded).
# `every=True` callables visit all published records (XSS probes read every
# page); the fuzz test takes the first of each.
ROUTE_ARGS = {
    "home": NONE,
    "map": NONE,
    "map-record": lambda: (
        [{"kind": "event", **s} for s in _slugs(Event)]
        + [{"kind": "project", **s} for s in _slugs(Project)]
    ),
    "event-feed-rss": NONE,
    "event-feed-atom": NONE,
    "event-calendar": NONE,
    "project-feed-rss": NONE,
    "project-feed-atom": NONE,
    "download": lambda: [
        {"kind": kind, "fmt": fmt}
        for kind in (
            "events",
            "agreements",
            "projects",
            "people",
            "organisations",
            "key-figures",
        )
        for fmt in ("csv", "json")
    ],
    "dataset": NONE,
    "events:list": NONE,
    "events:timeline": NONE,
    "events:year": lambda: [
        {"year": d.year} for d in Event.objects.published().dates("date", "year")
    ],
    "events:detail": lambda: _slugs(Event),
    "agreements:list": NONE,
    "agreements:detail": lambda: _slugs(Agreement),
    "projects:list": NONE,
    "projects:map": NONE,
    "projects:detail": lambda: _slugs(Project),
    "people:list": NONE,
    "people:detail": lambda: _slugs(Person),
    "organizations:list": NONE,
    "organizations:detail": lambda: _slugs(Organization),
    "place-detail": lambda: _slugs(Place, Place.objects.all()),
    "source-detail": lambda: _slugs(Source, Source.objects.all()),
    "key-figures": NONE,
    "key-figure": lambda: _slugs(Indicator),
    "map-page": NONE,
    "map-page-data": NONE,
    # An editor's signed link; from outside only forged or stale ones arrive.
    "record-preview": lambda: [{"token": "forged"}, {"token": "event:1:abc:def"}],
    "search": NONE,
    "about": NONE,
    "suggest-correction": _corrections,
    "correction-sent": _corrections,
    "api:index": NONE,
    "api:schema": NONE,
    "api:docs": NONE,
    "api:event-list": NONE,
    "api:event-detail": lambda: _slugs(Event),
    "api:agreement-list": NONE,
    "api:agreement-detail": lambda: _slugs(Agreement),
    "api:project-list": NONE,
    "api:project-detail": lambda: _slugs(Project),
    "api:person-list": NONE,
    "api:person-detail": lambda: _slugs(Person),
    "api:organization-list": NONE,
    "api:organization-detail": lambda: _slugs(Organization),
    "api:place-list": NONE,
    "api:place-detail": lambda: _slugs(Place, Place.objects.all()),
    "api:indicator-list": NONE,
    "api:indicator-detail": lambda: _slugs(Indicator),
    "api:source-list": NONE,
    "api:source-detail": lambda: _slugs(Source, Source.objects.all()),
    "sitemap": NONE,
    "sitemap-section": lambda: [
        {"section": f"{kind}-{language}"}
        for kind in ("pages", "events", "people")
        for language in LANGUAGES
    ],
    "robots": NONE,
    "healthz": NONE,
    "readyz": NONE,
}


def urls(first_only=False):
    """Every public address, in every language for the translated routes."""
    out = []
    for name, args in ROUTE_ARGS.items():
        arg_sets = args()
        assert arg_sets, f"the seed gives no arguments for {name}"
        if first_only:
            arg_sets = arg_sets[:1]
        for language in LANGUAGES:
            for kwargs in arg_sets:
                with translation.override(language):
                    out.append((name, reverse(name, kwargs=kwargs)))
    return sorted(set(out))
