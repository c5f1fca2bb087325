"""JSON-LD data blocks: schema.org descriptions placed in a page's <head>.

The builders live with what they describe (portal/site/structured_data.py for
the records' pages, portal/opendata/structured_data.py for the dataset); this
writes what they build into the page, safely, the one way every page does.
"""

import json

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

SCHEMA_ORG = "https://schema.org"

# What may not appear raw inside <script>: "<" and ">" could close the element
# ("</script>") or open a comment, "&" could start a character reference. As
# JSON escapes they read the same to a JSON parser. (django.utils.html's
# json_script does the same but only makes type="application/json".)
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def to_json_ld(data):
    """The data as JSON safe to place inside a <script> data block."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False)
    return mark_safe(text.translate(_SCRIPT_ESCAPES))


def data_block(data):
    """The <script type="application/ld+json"> element holding `data`."""
    return render_to_string("includes/structured_data.html", {"json": to_json_ld(data)})


def compact(data):
    """Leave out empty values: schema.org has no use for "" or []."""
    return {key: value for key, value in data.items() if value not in (None, "", [])}
