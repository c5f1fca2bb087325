from django import template
from django.conf import settings
from django.template import Context
from django.urls import translate_url
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname

from portal.core import filtering, fragments
from portal.core.dates import PartialDate, format_partial_range
from portal.core.formatting import (
    format_amount,
    format_change,
    language_name,
    punctuation,
    qualify,
)
from portal.core.siteurl import site_url

register = template.Library()


@register.simple_tag(takes_context=True)
def filters_query(context):
    """The list's filters as "?…" without the page number, or "": to follow
    an address that gives the same records (a download, a feed)."""
    return filtering.query_suffix(context["request"].GET)


@register.filter
def observation_value(observation):
    indicator = observation.indicator
    text = format_amount(observation.value, indicator.currency, indicator.unit)
    return qualify(text, observation.value_qualifier)


@register.simple_tag
def reporter(observation):
    """Who reports an observation's value, as HTML: the body (linked, if
    readers may see it) and the side, "China", or "" when the source does not
    say."""
    body = observation.public_reported_by
    side = observation.get_side_display() if observation.side else ""
    if body is None:
        return conditional_escape(side)
    link = format_html('<a href="{}">{}</a>', body.get_absolute_url(), tr(body, "name"))
    return parenthesized(link, side) if side else link


def parenthesized(text, aside):
    """ "text (aside)", "text（aside）" in Chinese: both escaped once."""
    return format_html(
        "{}{}{}{}", text, punctuation("open"), aside, punctuation("close")
    )


@register.simple_tag
def punct(mark):
    """A punctuation mark between two pieces of text, as the page's language
    writes it: {% punct "comma" %} is ", " or "，" (formatting.punctuation)."""
    return punctuation(mark)


@register.filter
def language_label(code):
    """A language code as its name in the reader's language: "en" is
    "English", "İngilis dili", "英语"."""
    return language_name(code)


@register.filter
def observation_change(observation):
    return format_change(observation.change_percent, observation.change_qualifier)


@register.simple_tag
def partial_date(record, name="date"):
    """A record's partial date as exactly as it is known, in a <time> element.

    An event's `end_date` turns the date into a range ("11–22 November 2024"); a
    missing date says so rather than leaving a gap.
    """
    date = PartialDate.of(record, name)
    if date is None:
        return format_html('<span class="unknown">{}</span>', _("date not stated"))
    end = getattr(record, "end_date", None) if name == "date" else None
    if end is not None and PartialDate(end, date.precision).value != date.value:
        return format_partial_range(date.value, end, date.precision, date.approximate)
    return format_html('<time datetime="{}">{}</time>', date.iso, date.display())


def _localized(record, field, language):
    return getattr(record, build_localized_fieldname(field, language), None)


@register.filter
def tr(record, field):
    """A record's text in the reader's language; when it is not translated yet, the
    English text, marked as English (for screen readers) and as a fallback.

    Always HTML, escaped once: a filter after it (`truncatewords_html` on the
    cards) reads it as HTML and leaves it escaped once. Plain text there was
    escaped by the filter and again by the template ("Azerbaijan&amp;#x27;s")."""
    text = _localized(record, field, get_language() or "en")
    if text:
        return conditional_escape(text)
    english = _localized(record, field, "en") or ""
    if not english:
        return ""
    return format_html(
        '<span lang="en" class="fallback" title="{}">{}</span>',
        _("Not yet translated"),
        english,
    )


@register.filter
def untranslated(record):
    """True when some text of the record is shown in English for want of a
    translation into the reader's language."""
    language = get_language() or "en"
    if language == "en":
        return False
    fields = translator.get_options_for_model(type(record)).fields
    return any(
        _localized(record, field, "en") and not _localized(record, field, language)
        for field in fields
    )


@register.simple_tag(takes_context=True)
def language_versions(context):
    """This page in every language: code, name, address, and whether it is the
    current one. Query strings (filters, page) are kept."""
    request = context.get("request")
    if request is None or request.resolver_match is None:
        return []
    current = get_language()
    path = request.get_full_path()
    return [
        {
            "code": code,
            "name": name,
            "url": translate_url(path, code),
            "current": code == current,
        }
        for code, name in settings.LANGUAGES
    ]


@register.filter
def lang_of(record, field):
    """The language the field is shown in: the reader's, or English as fallback."""
    language = get_language() or "en"
    return language if _localized(record, field, language) else "en"


@register.simple_tag
def office(office, dates=True):
    """An office as readers see it: its title in their language, "then …"
    when it is past (时任…, o zamankı …), and when it was held as far as the
    sources say ("since 2003")."""
    title = tr(office, "title")
    if office.is_past:
        # The pattern escaped, then the title (HTML, escaped once) put in.
        title = mark_safe(conditional_escape(_("then %(office)s")) % {"office": title})
    held = office.dates_display if dates else ""
    if held:
        dates = format_html(
            '<span class="dates">{}{}{}</span>',
            punctuation("open").strip(" "),
            held,
            punctuation("close"),
        )
        space = "" if punctuation("open").startswith("（") else " "
        return format_html("{}{}{}", title, space, dates)
    return title


@register.filter
def person_title(person):
    """What a list shows beside a person's name (Person.short_title): the
    short title, or else the offices held now, or else the first past office
    as "then …"."""
    if person.honorific:
        return tr(person, "honorific")
    offices = list(person.offices.all())
    current = [item for item in offices if not item.is_past]
    if current:
        return format_html_join(
            punctuation("semicolon"), "{}", ((tr(item, "title"),) for item in current)
        )
    return office(offices[0], dates=False) if offices else ""


@register.simple_tag(takes_context=True)
def record_cards(context, records, template_name, name):
    """Each record rendered by `template_name` (a card), with the record as
    `name` and nothing else from the page: kept per record version and
    language (portal/core/fragments.py), so a card is rendered once for every
    list and page that shows it."""
    card = context.template.engine.get_template(template_name)

    def render(record):
        return card.render(Context({name: record}, autoescape=context.autoescape))

    return mark_safe(
        "".join(fragments.record_fragments(template_name, records, render))
    )


@register.simple_tag
def filter_fields(filterset):
    """The fields of a list's filter form, their selects offering the choices
    with their counts (FacetedFilterSet.show_facet_counts, which the list view
    calls): kept for every page of the same filters, in each language."""

    def render():
        return mark_safe(
            "".join(str(field.as_field_group()) for field in filterset.form)
        )

    parts = filterset.fragment_parts()
    return fragments.fragment(parts, render) if parts else render()


class FragmentNode(template.Node):
    def __init__(self, nodelist, parts):
        self.nodelist = nodelist
        self.parts = parts

    def render(self, context):
        parts = tuple(repr(part.resolve(context)) for part in self.parts)
        return fragments.fragment(parts, lambda: self.nodelist.render(context))


@register.tag
def fragment(parser, token):
    """{% fragment "name" value… %}…{% endfragment %}: what is inside, kept
    under the content token, the reader's language and these values
    (portal/core/fragments.py); the values must say everything it shows."""
    bits = token.split_contents()[1:]
    if not bits:
        raise template.TemplateSyntaxError("fragment needs a name")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(nodelist, [parser.compile_filter(bit) for bit in bits])


class RecordFragmentNode(template.Node):
    def __init__(self, nodelist, record, name):
        self.nodelist = nodelist
        self.record = record
        self.name = name

    def render(self, context):
        record = self.record.resolve(context)

        def render():
            # A record page's relations, read only now (RecordDetailView).
            read_relations = getattr(record, "read_relations", None)
            if read_relations is not None:
                read_relations()
            return self.nodelist.render(context)

        parts = (
            self.name.resolve(context),
            *fragments.record_version(record),
            site_url(context.get("request")),
        )
        return fragments.fragment(parts, render)


@register.tag
def record_fragment(parser, token):
    """{% record_fragment record "name" %}…{% endrecord_fragment %}: a part of
    a record's page, kept per version of the record and language
    (portal/core/fragments.py). What is inside may show the record, its
    relations (read here when a RecordDetailView deferred them) and the site's
    address, and nothing else from the request."""
    bits = token.split_contents()[1:]
    if len(bits) != 2:
        raise template.TemplateSyntaxError("record_fragment needs a record and a name")
    nodelist = parser.parse(("endrecord_fragment",))
    parser.delete_first_token()
    record, name = (parser.compile_filter(bit) for bit in bits)
    return RecordFragmentNode(nodelist, record, name)
