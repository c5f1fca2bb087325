"""A list's filters as every answer reads them from the address: the list pages,
feeds, the calendar, downloads, maps and the API bind the list's FilterSet here,
answer here when a filter cannot be used, and take the filters without the page
number from here, so that each says it the same way (tests/test_recipes.py
checks that they do).

Written here because django-filter binds a FilterSet in each of its views and
backends with their own arguments, and has no answer for filters that cannot be
used outside an HTML form or DRF.

A filter that cannot be used is answered, in every format, with status 400 and
each filter's query parameter with the reasons its form field gives:

- as text (feeds, the calendar, CSV downloads): "These filters cannot be used:"
  and a line "- type: Select a valid choice. …" per reason;
- as JSON (maps, JSON downloads, the API): {"type": ["Select a valid choice. …"]}.

The list pages show the same heading and lines above their results (with status
200: the page still shows its form, whose fields say the same).
"""

from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext_lazy as _

# The query parameter of a list's page number (Django's and django-filter's).
PAGE = "page"

# What heads the list of filters that cannot be used, in every format.
BAD_FILTERS = _("These filters cannot be used:")


def bind(filterset_class, request, queryset):
    """The FilterSet bound to the request's query string, over `queryset`.

    Always bound, even to an empty query string (django-filter's views leave
    that one unbound), so `is_valid()` says whether the filters can be used."""
    return filterset_class(request.GET, queryset=queryset, request=request)


def bad_filters(filterset):
    """{query parameter: [reason, …]} for each filter that cannot be used."""
    return {
        name: [str(message) for message in messages]
        for name, messages in filterset.errors.items()
    }


def bad_filters_text(filterset):
    """The plain-text 400 for a FilterSet that is not valid."""
    lines = [str(BAD_FILTERS)]
    for name, messages in bad_filters(filterset).items():
        lines += [f"- {name}: {message}" for message in messages]
    return HttpResponse(
        "\n".join(lines) + "\n", status=400, content_type="text/plain; charset=utf-8"
    )


def bad_filters_json(filterset):
    """The JSON 400 for a FilterSet that is not valid."""
    return JsonResponse(
        bad_filters(filterset), status=400, json_dumps_params={"ensure_ascii": False}
    )


def without_page(query):
    """A copy of the query (a QueryDict) without the page number: the filters."""
    query = query.copy()
    query.pop(PAGE, None)
    return query


def query_suffix(query):
    """The filters as "?…" to put after an address (no page number), or ""."""
    encoded = without_page(query).urlencode()
    return f"?{encoded}" if encoded else ""
