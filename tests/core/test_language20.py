"""Issue 20, native languages: names sorted in each language's alphabet,
Chinese typography (年 on years, 1—10月 ranges, 美元 after the amount,
同比增长/下降, full-width punctuation) and language names instead of codes."""

import datetime
import re
from decimal import Decimal
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django import forms
from django.conf import settings
from django.db import connection
from django.urls import reverse
from django.utils import translation

from events.filters import EventFilter
from portal.core.collation import (
    azerbaijani_key,
    chinese_key,
    root_key,
    sorted_by_name,
)
from portal.core.dates import (
    Precision,
    format_partial_date,
    format_partial_range,
    format_period,
)
from portal.core.formatting import (
    format_amount,
    format_change,
    format_quantity,
    language_name,
)
from portal.core.models import Organization, Person, Place
from tests.builders import make_organization, make_person, make_place

LOCALE = Path(settings.LOCALE_PATHS[0])

# Azerbaijani names in alphabet order: c ç, e ə, h x, ı i, k q, o ö, s ş, u ü.
AZ_ORDER = [
    "Abbasov",
    "Cəlil",
    "Çin",
    "Elçin",
    "Əli",
    "Heydər",
    "Xəzər",
    "Ilgar",
    "İlham",
    "Kamil",
    "Qəbələ",
    "Oqtay",
    "Ömər",
    "Sahibə",
    "Şahin",
    "Uğur",
    "Ümumçin",
    "Zaur",
]
# Chinese names in pinyin order: ā, bā, jiāng, lǐ, lǐ péng, lú, lǚ, sū, xí.
ZH_ORDER = ["阿利耶夫", "巴库", "江泽民", "李", "李鹏", "卢", "吕梅", "苏辉", "习近平"]


def shuffled(names):
    return names[1::2] + names[::2]


# Sort keys (the SQLite side) -------------------------------------------------


def test_azerbaijani_names_sort_in_the_alphabets_order():
    assert sorted(shuffled(AZ_ORDER), key=azerbaijani_key) == AZ_ORDER
    # By character code, İ, Ş and Ə come after every Latin letter.
    assert sorted(AZ_ORDER) != AZ_ORDER


def test_the_dotted_and_dotless_i_are_two_letters():
    assert sorted(["İlham", "Ilgar", "ilham"], key=azerbaijani_key) == [
        "Ilgar",
        "ilham",
        "İlham",
    ]


def test_chinese_names_sort_by_pinyin_with_han_before_latin():
    assert sorted([*shuffled(ZH_ORDER), "Baku"], key=chinese_key) == [
        *ZH_ORDER,
        "Baku",
    ]


def test_english_sorts_letters_before_accents_and_case():
    assert sorted(["Émile", "abbasov", "Emil", "Abbasov"], key=root_key) == [
        "abbasov",
        "Abbasov",
        "Emil",
        "Émile",
    ]


def test_lists_built_in_python_sort_the_same_way():
    with translation.override("az"):
        assert sorted_by_name(shuffled(AZ_ORDER)) == AZ_ORDER


# The database (both engines) -------------------------------------------------

COLLATIONS = {"az": "az-x-icu", "zh-hans": "zh-x-icu", "en": "und-x-icu"}
KEYS = {"az": azerbaijani_key, "zh-hans": chinese_key, "en": root_key}
MIXED = [*AZ_ORDER, *ZH_ORDER, "Li Peng", "Li-Peng", "Lian", "Wang", "（注）", "2 ay"]


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's ICU")
@pytest.mark.parametrize("language", ["az", "zh-hans", "en"])
def test_sqlite_keys_give_postgresqls_icu_order(language):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM unnest(%s::text[]) AS name "
            f'ORDER BY name COLLATE "{COLLATIONS[language]}"',
            [MIXED],
        )
        icu = [row[0] for row in cursor.fetchall()]
    assert sorted(MIXED, key=KEYS[language]) == icu


def make_people(names):
    for name in shuffled(names):
        make_person(name=name, name_az=name, name_zh_hans="")


@pytest.mark.django_db
def test_people_sort_by_the_azerbaijani_alphabet(client):
    make_people(AZ_ORDER)
    with translation.override("az"):
        assert [person.name for person in Person.objects.all()] == AZ_ORDER
    page = client.get("/az/people/")
    text = page.content.decode()
    positions = [text.index(f">{name}<") for name in AZ_ORDER]
    assert positions == sorted(positions)


@pytest.mark.django_db
def test_people_sort_by_pinyin_on_the_chinese_pages(client):
    for name in shuffled(ZH_ORDER):
        make_person(name=f"Person {name}", name_zh_hans=name)
    with translation.override("zh-hans"):
        names = [person.name for person in Person.objects.all()]
    assert names == ZH_ORDER
    text = client.get("/zh-hans/people/").content.decode()
    positions = [text.index(f">{name}<") for name in ZH_ORDER]
    assert positions == sorted(positions)


@pytest.mark.django_db
def test_an_untranslated_name_sorts_by_its_english():
    make_person(name="Zaur", name_az="")
    make_person(name="Bakir", name_az="Bəkir")
    make_person(name="Anar", name_az="")
    with translation.override("az"):
        assert [p.name_en for p in Person.objects.all()] == ["Anar", "Bakir", "Zaur"]


@pytest.mark.django_db
def test_organisations_and_places_sort_by_the_alphabet_too():
    for name in shuffled(AZ_ORDER):
        make_organization(name=name, name_az=name)
        make_place(name=name, name_az=name)
    with translation.override("az"):
        assert [o.name for o in Organization.objects.all()] == AZ_ORDER
        assert [p.name for p in Place.objects.all()] == AZ_ORDER


@pytest.mark.django_db
def test_filter_choices_made_at_import_sort_in_the_readers_language():
    for name in shuffled(AZ_ORDER):
        make_place(name=f"{name} English", name_az=name)
    # The choices' queryset was made when the module was imported, in English.
    queryset = EventFilter.base_filters["place"].queryset
    with translation.override("az"):
        assert [place.name for place in queryset.all()] == AZ_ORDER


@pytest.mark.django_db
def test_the_organisations_page_sorts_by_the_alphabet(client):
    for name in shuffled(AZ_ORDER):
        make_organization(name=f"{name} English", name_az=name)
    text = client.get(reverse("organizations:list").replace("/en/", "/az/"))
    text = text.content.decode()
    positions = [text.index(f">{name}<") for name in AZ_ORDER]
    assert positions == sorted(positions)


# Chinese typography -----------------------------------------------------------


def in_language(language, function, *args, **kwargs):
    with translation.override(language):
        return function(*args, **kwargs)


def test_chinese_amounts_name_the_currency_after_the_number():
    assert in_language("zh-hans", format_amount, Decimal("2.44e9"), "USD") == (
        "24.4亿美元"
    )
    assert in_language("zh-hans", format_quantity, 1_000_000, currency="CNY") == (
        "100万人民币"
    )
    assert in_language("zh-hans", format_quantity, 5000, currency="AZN") == (
        "5,000马纳特"
    )
    assert (
        in_language(
            "zh-hans",
            format_quantity,
            Decimal("2.44e9"),
            currency="USD",
            qualifier="about",
        )
        == "约24.4亿美元"
    )


def test_english_and_azerbaijani_amounts_keep_the_code():
    assert in_language("en", format_amount, Decimal("2.44e9"), "USD") == (
        "USD 2.44 billion"
    )
    assert in_language("az", format_amount, Decimal("2.44e9"), "USD") == (
        "2,44 milyard USD"
    )


def test_a_chinese_change_says_growth_or_fall_in_words():
    assert in_language("zh-hans", format_change, Decimal("21.9")) == "增长21.9%"
    assert in_language("zh-hans", format_change, Decimal("-3.2")) == "下降3.2%"
    assert in_language("zh-hans", format_change, 50, "about") == "增长约50%"
    with translation.override("zh-hans"):
        sentence = translation.gettext("%(change)s on a year earlier") % {
            "change": format_change(Decimal("21.9"))
        }
    assert sentence == "同比增长21.9%"
    assert in_language("en", format_change, Decimal("21.9")) == "+21.9%"


def test_chinese_years_carry_nian():
    year = datetime.date(2025, 1, 1)
    assert in_language("zh-hans", format_partial_date, year, Precision.YEAR) == (
        "2025年"
    )
    assert (
        in_language("zh-hans", format_partial_date, year, Precision.YEAR, True)
        == "约2025年"
    )
    assert in_language("en", format_partial_date, year, Precision.YEAR) == "2025"
    assert in_language("az", format_partial_date, year, Precision.YEAR) == "2025"


def test_chinese_ranges_use_one_dash_and_say_the_unit_once():
    d = datetime.date
    zh = "zh-hans"
    assert in_language(zh, format_period, d(2025, 1, 1), d(2025, 10, 31), "month") == (
        "2025年1—10月"
    )
    assert (
        in_language(zh, format_partial_range, d(2003, 1, 1), d(2025, 1, 1), "year")
        == "2003—2025年"
    )
    assert (
        in_language(zh, format_partial_range, d(2024, 11, 11), d(2024, 11, 22), "day")
        == "2024年11月11—22日"
    )
    assert (
        in_language(zh, format_partial_range, d(2024, 11, 1), d(2025, 2, 1), "month")
        == "2024年11月—2025年2月"
    )
    assert (
        in_language(zh, format_partial_range, d(2024, 11, 30), d(2024, 12, 2), "day")
        == "2024年11月30日—12月2日"
    )


class Correction(forms.Form):
    wrong = forms.CharField(label="哪里有误？")
    name = forms.CharField(label="姓名")


def test_chinese_form_labels_end_in_a_full_width_colon_never_after_a_question():
    with translation.override("zh-hans"):
        form = Correction()
        assert form["wrong"].label_tag().endswith("哪里有误？</label>")
        assert form["name"].label_tag().endswith("姓名：</label>")


CJK = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]")
# What may keep ASCII marks inside a Chinese text: placeholders, tags, links,
# code, and numbers ("57,000", "10:30").
NOT_PROSE = re.compile(
    r"%\([^)]*\)[sdfr]|%[sd%]|\{[^}]*\}|<[^>]*>|https?://\S+|`[^`]*`|\[[^\]]*\]\([^)]*\)"
    r"|\d[,:]\d|[a-z]+:[a-z]+"
)


def test_chinese_translations_use_full_width_punctuation():
    path = LOCALE / "zh_Hans" / "LC_MESSAGES" / "django.po"
    with path.open("rb") as po:
        catalogue = read_po(po)
    wrong = []
    for message in catalogue:
        if not message.id or message.context:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        if ":" in ids or ":?.!" in ids:
            continue  # Django's own lists of marks
        texts = (
            message.string if isinstance(message.string, tuple) else (message.string,)
        )
        for text in texts:
            if (
                text
                and CJK.search(text)
                and re.search(r"[,;:?!()]", NOT_PROSE.sub("", text))
            ):
                wrong.append((ids[0], text))
    assert wrong == []


def test_template_pieces_are_joined_with_full_width_marks_in_chinese():
    from django.template import Context, Template

    template = Template(
        '{% load portal_tags %}A{% punct "comma" %}B{% punct "open" %}C'
        '{% punct "close" %}{% punct "colon" %}D'
    )
    with translation.override("zh-hans"):
        assert template.render(Context()) == "A，B（C）：D"
    with translation.override("en"):
        assert template.render(Context()) == "A, B (C): D"


# Language names instead of codes ----------------------------------------------


@pytest.mark.parametrize(
    ("language", "name"),
    [("en", "English"), ("az", "İngilis dili"), ("zh-hans", "英语")],
)
def test_a_language_code_reads_as_its_name(language, name):
    assert in_language(language, language_name, "en") == name


def test_an_unknown_code_stays_as_it_is():
    assert language_name("xx-unknown") == "xx-unknown"


@pytest.mark.django_db
def test_a_sources_page_names_its_language(client):
    from tests.builders import make_source

    source = make_source(language="en")
    page = client.get(source.get_absolute_url().replace("/en/", "/az/"))
    assert "İngilis dili" in page.content.decode()
    assert "<dd>en</dd>" not in page.content.decode()


@pytest.mark.django_db
def test_who_reports_a_figure_is_parenthesized_in_full_width_in_chinese():
    from portal.core.models.reference import Side
    from portal.core.templatetags.portal_tags import reporter
    from tests.builders import add_observation, make_indicator

    body = make_organization(name="Customs", name_zh_hans="海关委员会")
    observation = add_observation(
        make_indicator(), reported_by=body, side=Side.AZERBAIJAN
    )
    with translation.override("zh-hans"):
        assert observation.reporter_label() == "海关委员会（阿塞拜疆）"
        assert str(reporter(observation)).endswith("</a>（阿塞拜疆）")
    with translation.override("en"):
        assert observation.reporter_label() == "Customs (Azerbaijan)"
