"""Readers search from the header box, in a real browser."""

from django.utils import translation

from projects.models import Project


def test_a_reader_searches_from_the_header_and_opens_a_result(
    page, seeded_site, axe, browser_errors
):
    project = Project.objects.get(slug="wind-power-plant-240-mw")
    page.goto("/en/events/")
    header = page.get_by_role("banner")
    header.get_by_role("searchbox", name="Search the portal").fill("wind")
    header.get_by_role("button", name="Search").click()

    page.wait_for_url("**/en/search/?q=wind")
    results = page.get_by_role("region", name="Projects (2)")
    assert results.get_by_role("heading", level=3).first.inner_text() == (
        project.title_en
    )
    assert results.locator("mark").first.inner_text() == "wind"
    # The page's own box holds the query, ready to change.
    assert page.get_by_role("search", name="Search again").get_by_role(
        "searchbox"
    ).input_value() == ("wind")
    axe.assert_no_violations(page)

    results.get_by_role("link", name=project.title_en).click()
    page.wait_for_url(f"**{project.get_absolute_url()}")
    assert page.get_by_role("heading", level=1).inner_text() == project.title_en
    assert browser_errors == []


def test_search_works_without_javascript_and_shows_one_kind_in_full(
    browser, site_server, seeded_site
):
    context = browser.new_context(base_url=site_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/az/")
    page.get_by_role("banner").get_by_role("searchbox").fill("Aliyev")
    page.keyboard.press("Enter")
    page.wait_for_url("**/az/search/?q=Aliyev")
    with translation.override("az"):
        people = translation.gettext("People")
    page.locator(".search-kinds").get_by_role("link", name=people).click()
    page.wait_for_url("**/az/search/?q=Aliyev&kind=people")
    names = page.locator(".search-hit h3").all_inner_texts()
    assert "İlham Əliyev" in names
    assert page.locator(".search-hit h3 mark").first.inner_text() == "Əliyev"
    context.close()
