"""Chinese pages write Chinese punctuation: no ASCII comma, colon, semicolon
or bracket next to Chinese text that the templates or the models put there
(issue 20: "ASCII punctuation after Chinese text"). Titles of sources are
quoted as their publishers wrote them and are left out of the check."""

import re
from html.parser import HTMLParser

import pytest

from events.models import Agreement, Event
from portal.core.models import Indicator, Organization, Person, Source
from projects.models import Project

# A Chinese character (or a closing full-width mark) then an ASCII mark, or an
# ASCII mark then a Chinese character; spaces between them count as adjacent.
ASCII_BESIDE_CHINESE = re.compile(
    r"[\u4e00-\u9fff\uff09\u3002] ?[,:;()]|[,:;(] ?[\u4e00-\u9fff]"
)

LISTS = [
    "/zh-hans/",
    "/zh-hans/events/",
    "/zh-hans/events/timeline/",
    "/zh-hans/projects/",
    "/zh-hans/agreements/",
    "/zh-hans/people/",
    "/zh-hans/organisations/",
    "/zh-hans/key-figures/",
    "/zh-hans/map/",
    "/zh-hans/search/?q=%E9%A3%8E",
]


class Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts, self.hidden = [], 0

    def handle_starttag(self, tag, attrs):
        self.hidden += tag in ("script", "style")

    def handle_endtag(self, tag):
        self.hidden -= tag in ("script", "style")

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def page_text(client, address):
    answer = client.get(address)
    assert answer.status_code == 200, address
    parser = Text()
    parser.feed(answer.content.decode())
    return " ".join(parser.parts)


@pytest.mark.django_db
def test_chinese_pages_use_full_width_punctuation(client, seeded):
    addresses = list(LISTS)
    for model in (Event, Project, Agreement, Person, Organization, Source, Indicator):
        for record in model.objects.published().order_by("pk")[:6]:
            addresses.append("/zh-hans" + record.get_absolute_url()[len("/en") :])
    quoted = sorted(
        {
            title
            for source in Source.objects.all()
            for title in (source.title_zh_hans, source.title_en, source.title_az)
            if title
        },
        key=len,
        reverse=True,
    )
    found = []
    for address in addresses:
        text = page_text(client, address)
        for title in quoted:
            text = text.replace(title, " ")
        found += [
            f"{address}: …{text[max(0, m.start() - 12) : m.end() + 12]}…"
            for m in ASCII_BESIDE_CHINESE.finditer(text)
        ]
    assert not found, "\n".join(found[:40])
