"""The open data described for machines: a schema.org Dataset on the page that
offers it (the about page's "Reusing the data"), with each file it can be taken
as, so that dataset search engines find it.

schema.org's `distribution` is "A downloadable form of this dataset, at a
specific location, in a specific format. This property can be repeated if
different variations are available. [...] Different distributions might
include or exclude different subsets of the entire dataset, for example."
(https://schema.org/distribution). So the Dataset's distributions are the full
dataset (the ZIP of every published record, portal/opendata/dataset.py) and
every list's download in each of its formats (portal/opendata/downloads.py),
each a DataDownload with its `contentUrl` and `encodingFormat`. Google's
dataset search reads the same markup ("name, description, creator and
distribution formats", https://developers.google.com/search/docs/data-types/dataset).

Nothing here reads the database: the files are named by the same lists the
downloads serve, in the page's language.
"""

from django.urls import reverse
from django.utils.translation import get_language, gettext_noop
from django.utils.translation import gettext as _

from portal.core.jsonld import SCHEMA_ORG
from portal.core.siteurl import absolute_url
from portal.opendata import downloads

LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"

# Each list's name as its page's heading gives it, and the formats' as the
# download links do (translated where they are shown).
LIST_NAMES = {
    "events": gettext_noop("Events"),
    "agreements": gettext_noop("Agreements"),
    "projects": gettext_noop("Projects"),
    "people": gettext_noop("People"),
    "organisations": gettext_noop("Organisations"),
}
FORMAT_NAMES = {"csv": gettext_noop("CSV (spreadsheet)"), "json": gettext_noop("JSON")}


def dataset_data(request):
    site_name = _("China–Azerbaijan Relations Portal")
    portal = {
        "@type": "Organization",
        "name": site_name,
        "url": absolute_url(reverse("home"), request),
    }
    files = [
        {
            "@type": "DataDownload",
            "name": _("All published records (ZIP)"),
            "contentUrl": absolute_url(reverse("dataset"), request),
            "encodingFormat": "application/zip",
        }
    ]
    for kind in downloads.LISTS:
        for fmt in downloads.FORMATS:
            files.append(
                {
                    "@type": "DataDownload",
                    "name": f"{_(LIST_NAMES[kind])} ({_(FORMAT_NAMES[fmt])})",
                    "contentUrl": absolute_url(
                        reverse("download", kwargs={"kind": kind, "fmt": fmt}),
                        request,
                    ),
                    "encodingFormat": downloads.CONTENT_TYPES[fmt].split(";")[0],
                }
            )
    return {
        "@context": SCHEMA_ORG,
        "@type": "Dataset",
        "name": site_name,
        "description": _(
            "Every published record of the portal, with its sources: events, "
            "agreements, cooperation projects, people, organisations, places and "
            "key figures. Each list's results as CSV and JSON files, and every "
            "record at once in one ZIP file with a description of every column. "
            "Published under the Creative Commons Attribution 4.0 licence."
        ),
        "url": absolute_url(request.path, request),
        "inLanguage": get_language() or "en",
        "license": LICENCE_URL,
        "isAccessibleForFree": True,
        "creator": portal,
        "publisher": portal,
        "distribution": files,
    }
