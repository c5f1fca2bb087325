"""The site in English, Azerbaijani and Chinese: addresses, switcher, interface
strings, record content, dates, numbers and text filters."""

import datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from events.models import Agreement, Event
from portal.core.dates import Precision, format_partial_date, format_partial_range
from portal.core.formatting import format_amount
from portal.core.models import Organization, Person
from projects.models import Project
from tests.builders import make_event, make_project

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
OTHER_LANGUAGES = ["az", "zh-hans"]
LOCALE = Path(settings.LOCALE_PATHS[0])
CATALOGUES = {"az": "az", "zh-hans": "zh_Hans"}

SITE_PAGES = [
    "home",
    "events:list",
    "events:timeline",
    "agreements:list",
    "projects:list",
    "people:list",
    "organizations:list",
    "key-figures",
    "about",
]


def catalogue(language, domain="django"):
    path = LOCALE / CATALOGUES[language] / "LC_MESSAGES" / f"{domain}.po"
    with path.open("rb") as po:
        return read_po(po)


def english_interface_strings(language):
    """Interface strings whose translation differs from the English."""
    strings = set()
    for message in catalogue(language):
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        texts = (
            message.string if isinstance(message.string, tuple) else (message.string,)
        )
        for english in ids:
            if english and english not in texts and "%" not in english:
                strings.add(english)
    return strings


class VisibleText(HTMLParser):
    """Text nodes and labelling attributes, except inside lang="en" elements
    (record content shown in English for want of a translation)."""

    VOID = {"meta", "link", "br", "img", "input", "hr", "source", "wbr"}

    def __init__(self):
        super().__init__()
        self.stack, self.texts, self.lang = [], [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        english = attrs.get("lang") == "en" or (self.stack and self.stack[-1])
        if tag == "html":
            english = False
        if not english:
            self.texts += [
                attrs[a] for a in ("aria-label", "title", "alt") if attrs.get(a)
            ]
        if tag not in self.VOID:
            self.stack.append(bool(english))

    def handle_endtag(self, tag):
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if data.strip() and not (self.stack and self.stack[-1]):
            self.texts.append(" ".join(data.split()))


def visible_texts(html):
    parser = VisibleText()
    parser.feed(html)
    return parser.texts


def record_urls():
    return [
        model.objects.published().first().get_absolute_url()
        for model in (Event, Agreement, Project, Person, Organization)
    ]


# Addresses and the switcher


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("az,en;q=0.5", "/az/"),
        ("zh-CN,zh;q=0.9", "/zh-hans/"),
        ("fr-FR", "/en/"),
        ("", "/en/"),
    ],
)
def test_the_root_redirects_by_accept_language(client, accept, expected):
    response = client.get("/", headers={"accept-language": accept})
    assert response.status_code == 302
    assert response["Location"] == expected


def test_every_page_declares_its_language(client, seeded):
    for language in LANGUAGES:
        with translation.override(language):
            urls = [reverse(name) for name in SITE_PAGES] + record_urls()
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, url
            assert f'<html lang="{language}">' in response.text, url


def test_the_switcher_keeps_the_record_and_the_filters(client, seeded):
    event = Event.objects.published().first()
    with translation.override("az"):
        url = event.get_absolute_url()
    text = client.get(url).text
    for language in ("en", "zh-hans"):
        path = f"/{language}/events/{event.slug}/"
        assert f'href="{path}" lang="{language}" hreflang="{language}"' in text
        assert (
            f'rel="alternate" hreflang="{language}" href="http://testserver{path}"'
            in text
        )
    assert 'href="/az/events/' in text and 'aria-current="true"' in text
    # The alternates name the page itself too, and a default (issue 19).
    assert (
        f'rel="alternate" hreflang="az" href="http://testserver/az/events/{event.slug}/"'
        in text
    )
    assert (
        f'rel="alternate" hreflang="x-default" '
        f'href="http://testserver/events/{event.slug}/"' in text
    )

    listing = client.get("/zh-hans/projects/?sector=education&page=1").text
    # The parameters the list reads, in their canonical order (portal/ops/pagecache.py).
    assert 'href="/az/projects/?page=1&amp;sector=education"' in listing


# Interface strings


# djangojs: what Django's admin scripts lack in these languages (its header).
DOMAINS = ["django", "djangojs"]


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_catalogues_have_no_untranslated_or_fuzzy_entries(language, domain):
    problems = [
        message.id
        for message in catalogue(language, domain)
        if message.id
        and (
            message.fuzzy
            or not message.string
            or (isinstance(message.string, tuple) and not all(message.string))
        )
    ]
    assert problems == []


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_compiled_catalogues_match_their_sources(language, domain):
    from gettext import GNUTranslations

    compiled_file = LOCALE / CATALOGUES[language] / "LC_MESSAGES" / f"{domain}.mo"
    with compiled_file.open("rb") as mo:
        compiled = GNUTranslations(mo)
    for message in catalogue(language, domain):
        if message.id and not isinstance(message.id, tuple):
            if message.context:
                found = compiled.pgettext(message.context, message.id)
            else:
                found = compiled.gettext(message.id)
            assert found == message.string, (
                f"{domain}.mo is out of date ({message.id!r}): run `make messages`"
            )


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_pages_show_no_english_interface_text(client, seeded, language):
    english = english_interface_strings(language)
    long_english = {text for text in english if len(text) > 24}
    with translation.override(language):
        urls = [reverse(name) for name in SITE_PAGES] + record_urls()
        urls.append(reverse("events:list") + "?type=nonsense")
    for url in urls:
        html = client.get(url).text
        texts = visible_texts(html)
        leftovers = [text for text in texts if text in english]
        leftovers += [s for s in long_english for text in texts if s in text]
        assert leftovers == [], f"{url}: {leftovers}"


@pytest.mark.parametrize(
    ("language", "heading"),
    [("en", "Page not found"), ("az", None), ("zh-hans", None)],
)
def test_the_404_page_speaks_the_language_of_the_address(client, language, heading):
    with translation.override(language):
        expected = heading or translation.gettext("Page not found")
    response = client.get(f"/{language}/events/no-such-event/")
    assert response.status_code == 404
    assert f"<h1>{expected}</h1>" in response.text
    assert expected != "Page not found" or language == "en"


# Record content


def test_seed_records_read_in_each_language(client, seeded):
    event = Event.objects.get(slug="ilham-aliyev-state-visit-to-china-april-2025")
    for language in OTHER_LANGUAGES:
        with translation.override(language):
            title = event.title
            text = client.get(event.get_absolute_url()).text
        assert title != event.title_en
        assert title in text
        assert "not yet translated" not in text


@pytest.mark.parametrize(
    ("slug", "az", "zh"),
    [
        ("ilham-aliyev", "İlham Əliyev", "伊利哈姆·阿利耶夫"),
        ("xi-jinping", "Si Cinpin", "习近平"),
    ],
)
def test_people_have_their_standard_names(seeded, slug, az, zh):
    person = Person.objects.get(slug=slug)
    assert person.name_az == az
    assert person.name_zh_hans == zh


def test_places_have_their_standard_names(seeded):
    from portal.core.models import Place

    baku = Place.objects.get(slug="baku")
    assert (baku.name_az, baku.name_zh_hans) == ("Bakı", "巴库")


def test_every_seed_record_has_its_titles_and_summaries_translated(seeded):
    for model, fields in [
        (Event, ("title", "summary")),
        (Agreement, ("title", "summary")),
        (Project, ("title", "summary")),
        (Person, ("name",)),
        (Organization, ("name",)),
    ]:
        for record in model.objects.all():
            for field in fields:
                for suffix in ("az", "zh_hans"):
                    assert getattr(record, f"{field}_{suffix}"), (record, field, suffix)


def test_an_untranslated_record_falls_back_to_english_and_says_so(client):
    event = make_event(title="Only in English", summary="An English summary.")
    text = client.get(f"/az/events/{event.slug}/").text
    assert '<span lang="en" class="fallback"' in text
    assert "Only in English" in text
    with translation.override("az"):
        notice = translation.gettext(
            "Parts of this record are not yet translated and are shown in English."
        )
    assert notice in text
    assert notice not in client.get(f"/en/events/{event.slug}/").text


def test_loading_the_seed_twice_keeps_translations_unchanged(seeded):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("load_seed", "--interview-only", stdout=out)
    assert " 0 created, 0 updated" in out.getvalue()


# Dates and numbers


@pytest.mark.parametrize(
    ("language", "year", "month", "day"),
    [
        ("en", "1994", "September 2025", "24 December 2025"),
        ("az", "1994", "sentyabr 2025", "24 dekabr 2025"),
        ("zh-hans", "1994年", "2025年9月", "2025年12月24日"),
    ],
)
def test_dates_take_each_language_form_at_their_precision(language, year, month, day):
    with translation.override(language):
        assert format_partial_date(datetime.date(1994, 1, 1), Precision.YEAR) == year
        assert format_partial_date(datetime.date(2025, 9, 1), Precision.MONTH) == month
        assert format_partial_date(datetime.date(2025, 12, 24), Precision.DAY) == day


def test_periods_take_each_language_form():
    start, end = datetime.date(2025, 1, 1), datetime.date(2025, 10, 31)
    with translation.override("az"):
        assert "yanvar" in format_partial_range(start, end, Precision.MONTH)
    with translation.override("zh-hans"):
        assert format_partial_range(start, end, Precision.MONTH) == "2025年1—10月"


@pytest.mark.parametrize(
    ("language", "money", "capacity"),
    [
        ("en", "2.44 billion", "1,570"),
        ("az", "2,44 milyard", "1.570"),
        ("zh-hans", "24.4亿", "1,570"),
    ],
)
def test_numbers_take_each_language_form(language, money, capacity):
    with translation.override(language):
        assert money in format_amount(2_440_000_000, currency="USD")
        # Chinese names the currency: "24.4亿美元".
        currency = "美元" if language == "zh-hans" else "USD"
        assert currency in format_amount(2_440_000_000, currency="USD")
        assert capacity in format_amount(1570, unit="MW")


def test_key_figures_read_in_each_language(client, seeded):
    assert "USD 2.44 billion" in client.get("/en/key-figures/").text
    assert "2,44 milyard" in client.get("/az/key-figures/").text
    assert "24.4亿" in client.get("/zh-hans/key-figures/").text


# Text filters


def test_an_azerbaijani_title_is_found_by_its_own_letters(client):
    event = make_event(title="Talks", title_az="Gəncədə ağır işğal şərtləri")
    make_event(title="Other talks", title_az="Başqa danışıqlar")
    for word in ("ağır", "işğal", "şərtləri", "Gəncədə"):
        response = client.get(f"/az/events/?q={word}")
        assert [e.slug for e in response.context["object_list"]] == [event.slug], word


def test_a_chinese_title_is_found_by_two_characters(client):
    project = make_project(title="Wind plant", title_zh_hans="二百四十兆瓦风电站")
    make_project(title="Solar plant", title_zh_hans="太阳能电池板工厂")
    response = client.get("/zh-hans/projects/?q=风电")
    assert [p.slug for p in response.context["object_list"]] == [project.slug]


def test_text_filters_find_records_in_any_language(client):
    event = make_event(title="Talks in Baku", title_az="Bakıda danışıqlar")
    assert [
        e.slug for e in client.get("/en/events/?q=Bakıda").context["object_list"]
    ] == [event.slug]
    assert [
        e.slug for e in client.get("/az/events/?q=Baku").context["object_list"]
    ] == [event.slug]
