"""`{% load markdown_tags %}` and `{{ record.body|markdown }}`: Markdown
bodies rendered and sanitised by portal.core.markdown."""

from django import template

from portal.core.markdown import render_markdown

register = template.Library()


@register.filter(is_safe=True)
def markdown(text):
    return render_markdown(text)


@register.filter
def http_url(value):
    """The address if it is http(s), else "" (so it is never made a link).
    URLField validation already refuses other schemes; this guards records
    written around validation (raw SQL, old data)."""
    text = str(value or "").strip()
    if text.lower().startswith(("http://", "https://")):
        return text
    return ""
