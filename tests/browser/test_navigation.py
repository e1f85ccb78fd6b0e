"""Finding one's way in Chromium: items by heading, the menu as a landmark, links seen without colour.

What a screen reader user and a keyboard user meet on the agenda: every item
of a page is a heading to jump to, the site menu is a navigation landmark, the
search form submits with its button, the footer's focus order follows the
order it is drawn in, links in running text are underlined in a colour that
stands out from the background (light and dark), and the planning's labels
stay clear of the peildatum's line.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from .pages import SiteBrowser, needs_by_type

#: Every link in running text: its underline and the contrast of the underline with the background.
_LINKS_JS = """() => {
  const rgba = (value) => {
    const parts = (value.match(/[\\d.]+/g) || []).map(Number);
    return [parts[0], parts[1], parts[2], parts.length > 3 ? parts[3] : 1];
  };
  const lum = ([r, g, b]) => [r, g, b].map(c => c / 255)
    .map(c => c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)
    .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
  const ratio = (a, b) => {
    const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  const background = (el) => {
    while (el) {
      const colour = rgba(getComputedStyle(el).backgroundColor);
      if (colour[3] > 0) return colour;
      el = el.parentElement;
    }
    return [255, 255, 255, 1];
  };
  const inText = 'article p a, article li > p a, article dd a, article td a';
  return [...document.querySelectorAll(inText)]
    .filter(a => a.getClientRects().length && !a.classList.contains('headerlink'))
    .map(a => {
      const style = getComputedStyle(a);
      const parentColour = rgba(getComputedStyle(a.parentElement).color);
      return {
        text: a.textContent.trim().slice(0, 60),
        underlined: style.textDecorationLine.includes('underline'),
        underline: ratio(rgba(style.textDecorationColor), background(a)),
        againstText: ratio(rgba(style.color), parentColour),
      };
    });
}"""

PAGES_WITH_LINKS = ("index.html", "needs/projecten.html", "docs/tevreden.html", "docs/planning.html")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_links_in_running_text_are_underlined_in_a_visible_colour(
    scheme: str, browser: Any, base_url: str
) -> None:
    opened = SiteBrowser(browser, base_url, color_scheme=scheme)
    try:
        links = []
        for path in PAGES_WITH_LINKS:
            opened.open(path)
            links += [(path, link) for link in opened.page.evaluate(_LINKS_JS)]
    finally:
        opened.close()
    assert len(links) > 50
    # WCAG 1.4.1: not by colour alone. The underline is there, and it is itself visible (3:1, 1.4.11).
    assert [(path, link["text"]) for path, link in links if not link["underlined"]] == []
    weak = [(path, link["text"], round(link["underline"], 2)) for path, link in links
            if link["underline"] < 3]
    assert weak == []


def test_each_item_of_a_page_is_a_heading_a_screen_reader_can_jump_to(
    site: Path, site_browser: SiteBrowser
) -> None:
    projects = needs_by_type(site)["project"]
    docname = projects[0]["docname"]
    on_page = [
        need for needs in needs_by_type(site).values() for need in needs if need["docname"] == docname
    ]
    site_browser.open(f"{docname}.html")
    page = site_browser.page
    for need in on_page:
        heading = page.get_by_role("heading", name=re.compile("^" + re.escape(need["title"])))
        assert heading.count() >= 1, need["id"]
        level = int(heading.first.evaluate("el => el.tagName.slice(1)"))
        assert level >= 2, need["id"]
    # Today's agenda: 18 items on the projects page, where there used to be 3 headings in all.
    headings = page.locator("article :is(h1, h2, h3, h4, h5, h6)")
    assert headings.count() > len(on_page)
    # Its sub-headings are headings too: one per project for its plan.
    plans = page.get_by_role("heading", name=re.compile("^Projectplan \\(elementen"))
    assert plans.count() == sum(1 for need in on_page if need["type"] == "project")


def test_the_site_menu_is_a_navigation_landmark(site_browser: SiteBrowser) -> None:
    site_browser.open("docs/tevreden.html")
    menu = site_browser.page.get_by_role("navigation", name="Sitemenu")
    assert menu.count() == 1
    assert menu.get_by_role("link", name=re.compile("Planning")).count() >= 1


def test_the_search_form_submits_with_its_button(site: Path, browser: Any, base_url: str) -> None:
    opened = SiteBrowser(browser, base_url)
    try:
        opened.open("docs/tevreden.html")
        form = opened.page.get_by_role("search", name="Zoeken op deze site")
        form.get_by_role("searchbox", name="Zoekwoorden").fill("bevolkingszorg")
        form.get_by_role("button", name="Zoek").click()
        opened.page.wait_for_url(re.compile(r"search\.html\?q=bevolkingszorg"))
        opened.page.wait_for_function(
            "() => (document.querySelector('#search-results .search-summary')?.textContent || '').length > 0"
        )
        assert opened.page.locator("#search-results ul.search li").count() >= 1
    finally:
        opened.close()


def test_a_search_for_an_item_leads_to_the_item_itself(site: Path, browser: Any, base_url: str) -> None:
    effort = sorted(needs_by_type(site)["inspanning"], key=lambda need: need["id"])[0]
    opened = SiteBrowser(browser, base_url)
    try:
        opened.open("search.html?q=" + effort["title"].replace(" ", "+"))
        opened.page.wait_for_function(
            "() => (document.querySelector('#search-results .search-summary')?.textContent || '').length > 0"
        )
        results = opened.page.locator("#search-results ul.search li a")
        hrefs = [results.nth(i).get_attribute("href") or "" for i in range(results.count())]
    finally:
        opened.close()
    # The item's title is a heading: the search offers it as a result of its own, at its anchor.
    assert any(href.endswith(f"{effort['docname']}.html#{effort['id']}") for href in hrefs), hrefs


def test_the_footer_focuses_previous_before_next_as_it_draws_them(site_browser: SiteBrowser) -> None:
    site_browser.open("docs/tevreden.html")
    page = site_browser.page
    previous = page.locator("footer a.prev-page")
    following = page.locator("footer a.next-page")
    assert previous.bounding_box()["x"] < following.bounding_box()["x"]  # Vorige drawn left
    previous.focus()
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.classList.contains('next-page')")


#: Each milestone label's box and the peildatum line's x in the planning's timeline.
_PLANNING_JS = """() => {
  const line = document.querySelector('.pt-tijdlijn .pt-as .pt-peildatum-lijn').getBoundingClientRect();
  return {line: line.left + line.width / 2,
          labels: [...document.querySelectorAll('.pt-tijdlijn .pt-mijlpaal')].map(el => {
            const r = el.getBoundingClientRect();
            return {text: el.textContent, left: r.left, right: r.right};
          })};
}"""


@pytest.mark.parametrize("width", [1280, 375])
def test_no_planning_label_crosses_the_peildatum_line(width: int, browser: Any, base_url: str) -> None:
    opened = SiteBrowser(browser, base_url, width=width)
    try:
        opened.open("docs/planning.html")
        found = opened.page.evaluate(_PLANNING_JS)
    finally:
        opened.close()
    assert found["labels"]
    crossing = [label["text"] for label in found["labels"] if label["left"] < found["line"] < label["right"]]
    assert crossing == []
