"""Markdown for record bodies (events, agreements, projects, people,
organisations, sources), rendered with markdown-it-py and sanitised with nh3.

Editors write CommonMark plus tables and ~~strikethrough~~. Raw HTML is off:
a `<script>` typed into a body is shown as text. The rendered HTML then goes
through nh3 with a short allowlist, so even a bug in the renderer cannot put
a script, an event handler, a style or a foreign class on the page.

Decisions:
- Headings start at `<h2>` whatever level the editor began with, and go down
  one level at a time: the record's title is the page's only `<h1>`, and
  `## Outcomes` right under it is an `<h2>`, not an `<h3>` that skips a level
  (the order screen-reader users navigate by). The levels a body uses keep
  their order: `##` and `####` become `<h2>` and `<h3>`.
- Links: http, https and mailto, plus relative addresses within the site.
  Absolute http(s) links get rel="nofollow noopener noreferrer"; no target.
- Images are not shown: `![alt](src)` becomes its alt text (the portal has
  no image uploads, and outside images would leak readers' addresses).
- No style, no class, no id from input; table alignment is dropped (inline
  styles are refused by the Content Security Policy anyway).
The API and the downloads keep the Markdown source unchanged.
"""

from functools import lru_cache

import nh3
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _
from markdown_it import MarkdownIt

EXTERNAL_REL = "nofollow noopener noreferrer"

# Help text on every Markdown field (models and so the admin forms).
MARKDOWN_HELP = _(
    "Markdown is accepted: a blank line starts a new paragraph; **bold**, "
    "*italic*, [link](https://…), lists, ## headings and tables. HTML is shown "
    "as text."
)

ALLOWED_TAGS = {
    "p",
    "br",
    "hr",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "strong",
    "em",
    "s",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto"}
# Tags whose content is dropped along with the tag (never produced by the
# renderer with raw HTML off; a second line of defence).
CLEAN_CONTENT_TAGS = {"script", "style", "template", "noscript", "iframe", "object"}


def _shift_headings(md, state):
    """Core rule: the n-th heading level the body uses renders as <h(n+1)>,
    and no heading is more than one level below the one before it (the first
    one below the page's <h1>)."""
    used = sorted({token.tag for token in state.tokens if token.type == "heading_open"})
    previous = 1
    for token in state.tokens:
        if token.type == "heading_open":
            previous = min(used.index(token.tag) + 2, previous + 1)
            token.tag = f"h{previous}"
        elif token.type == "heading_close":
            token.tag = f"h{previous}"


def _render_image(self, tokens, idx, options, env):
    # Show the alternative text only (escaped), never an <img>.
    token = tokens[idx]
    return escape(self.renderInlineAsText(token.children or [], options, env))


def _render_link_open(self, tokens, idx, options, env):
    token = tokens[idx]
    href = (token.attrGet("href") or "").strip().lower()
    if href.startswith(("http://", "https://", "//")):
        token.attrSet("rel", EXTERNAL_REL)
    return self.renderToken(tokens, idx, options, env)


@lru_cache(maxsize=1)
def _parser():
    md = MarkdownIt(
        "commonmark", {"html": False, "linkify": False, "typographer": False}
    )
    md.enable(["table", "strikethrough"])
    md.core.ruler.push("shift_headings", lambda state: _shift_headings(md, state))
    md.add_render_rule("image", _render_image)
    md.add_render_rule("link_open", _render_link_open)
    return md


def sanitize(html: str) -> str:
    """Clean HTML with the portal's allowlist."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        clean_content_tags=CLEAN_CONTENT_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        tag_attribute_values={"a": {"rel": {EXTERNAL_REL}}},
        link_rel=None,
        url_schemes=URL_SCHEMES,
        strip_comments=True,
    )


def render_markdown(text) -> SafeString:
    """Markdown source -> sanitised HTML, safe to put on a page."""
    if not text:
        return mark_safe("")
    html = _parser().render(str(text).replace("\x00", "\ufffd"))
    return mark_safe(sanitize(html).strip())
