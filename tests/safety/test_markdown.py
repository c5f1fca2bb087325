"""Markdown bodies: rendered by markdown-it-py, sanitised by nh3
(portal/core/markdown.py)."""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from events.models import Event
from portal.core.markdown import render_markdown
from tests.builders import make_event


def test_paragraphs_emphasis_lists_tables_and_strikethrough():
    html = render_markdown(
        "One **bold** and *it*.\n\n- a\n- b\n\n"
        "| x | y |\n|--:|---|\n| 1 | 2 |\n\n~~old~~"
    )
    assert "<p>One <strong>bold</strong> and <em>it</em>.</p>" in html
    assert "<ul>\n<li>a</li>" in html
    assert "<table>" in html and "<td>1</td>" in html
    assert "style" not in html  # table alignment is dropped
    assert "<s>old</s>" in html


def test_headings_never_make_a_second_h1():
    html = render_markdown("# Top\n\n## Next\n\n###### Deepest")
    assert "<h1" not in html
    assert "<h2>Top</h2>" in html and "<h3>Next</h3>" in html
    # One level at a time going down, so no level is skipped.
    assert "<h4>Deepest</h4>" in html


@pytest.mark.parametrize(
    ("source", "levels"),
    [
        ("## Outcomes\n\n### Trade\n\n## Next steps", ["h2", "h3", "h2"]),
        ("### Only\n\n### Third-level", ["h2", "h2"]),
        ("#### Deep first\n\n## Then up\n\n#### Down", ["h2", "h2", "h3"]),
        ("# A\n\n### B\n\n###### C\n\n## D", ["h2", "h3", "h4", "h3"]),
    ],
)
def test_headings_start_below_the_title_and_skip_no_level(source, levels):
    html = render_markdown(source)
    assert re.findall(r"<(h[1-6])>", html) == levels
    assert re.findall(r"</(h[1-6])>", html) == levels


@pytest.mark.parametrize(
    "source",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        '<a href="https://e.org" onclick="alert(1)">x</a>',
        "<div class=x style='color:red'>x</div>",
        "<!-- comment --><iframe src=//evil></iframe>",
    ],
)
def test_raw_html_is_shown_as_text(source):
    html = render_markdown(source)
    assert "<" not in html.replace("<p>", "").replace("</p>", "")


@pytest.mark.parametrize(
    "link",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html,<script>alert(1)</script>",
        "java\tscript:alert(1)",
    ],
)
def test_dangerous_links_are_not_links(link):
    assert "<a" not in render_markdown(f"[click]({link})")


def test_external_links_get_rel_and_internal_ones_do_not():
    html = render_markdown(
        "[a](https://example.org/x) [b](/en/events/) [c](mailto:a@b.az)"
    )
    assert (
        '<a href="https://example.org/x" rel="nofollow noopener noreferrer">a</a>'
        in html
    )
    assert '<a href="/en/events/">b</a>' in html
    assert '<a href="mailto:a@b.az">c</a>' in html


def test_images_become_their_alt_text():
    html = render_markdown('![A <b>map</b>](https://evil.example/t.png "t")')
    assert "<img" not in html and "evil" not in html
    assert "A &lt;b&gt;map" in html  # shown as text, like all HTML


def test_template_syntax_is_plain_text():
    assert (
        render_markdown("{{ secret }} {% debug %}") == "<p>{{ secret }} {% debug %}</p>"
    )


def test_empty_and_nul():
    assert render_markdown("") == ""
    assert render_markdown(None) == ""
    assert "\x00" not in render_markdown("a\x00b")


class Paragraphs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.depth = 0
        self.texts = []

    def handle_starttag(self, tag, attrs):
        if tag == "div" and ("class", "prose") in attrs:
            self.depth = 1
        elif self.depth:
            self.depth += 1
            if tag == "p":
                self.texts.append("")

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth and self.texts:
            self.texts[-1] += data


def normal(text):
    return " ".join(text.split())


@pytest.mark.django_db
def test_seed_bodies_render_as_paragraphs(seeded, client):
    # Every seed body is plain text: each blank-line block is one paragraph,
    # with the same words, as |linebreaks gave before.
    checked = 0
    for event in Event.objects.published().exclude(body=""):
        parser = Paragraphs()
        parser.feed(client.get(event.get_absolute_url()).content.decode())
        expected = [
            normal(block) for block in event.body.split("\n\n") if block.strip()
        ]
        assert [normal(t) for t in parser.texts] == expected
        checked += 1
    assert checked


@pytest.mark.django_db
def test_a_detail_page_renders_the_markdown(client):
    event = make_event(body="## Outcome\n\nA [link](https://example.org).")
    page = client.get(event.get_absolute_url()).content.decode()
    assert "<h2>Outcome</h2>" in page
    assert 'href="https://example.org" rel="nofollow noopener noreferrer"' in page
    assert reverse("events:list") in page
