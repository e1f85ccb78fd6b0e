"""The built site in a real browser: every page loads cleanly, offline, in Dutch, diagrams drawn."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest

from .pages import SiteBrowser, Visit, html_pages

#: Interface text that furo, Sphinx, sphinx-needs or sphinxcontrib-mermaid print in
#: English unless overridden. None of it may be read or heard on the Dutch site.
ENGLISH_INTERFACE = (
    "Skip to content", "Toggle site navigation sidebar", "Toggle table of contents sidebar",
    "Toggle Light / Dark / Auto color theme", "Toggle navigation of", "Back to top", "Made with",
    "On this page", "Hide navigation sidebar", "Light mode", "Dark mode", "Auto light/dark",
    "Copyright", "Previous", "Next", "Search", "Contents", "Table of Contents", "Expand", "Home",
    "Link to this", "Last updated on", "Edit this page", "View this page", "Show Source",
    "Search Results", "Searching", "Preparing search", "Search finished", "Hide Search Matches",
    "Your search did not match", "Please activate JavaScript", "Rows per page", "No matching rows",
    "Showing", "Pagination", "Columns", "Copy", "fullscreen", "Fullscreen", "View diagram",
    "Please Wait", "Error", "incoming", "outgoing",
)
_ENGLISH = re.compile(r"\b(" + "|".join(re.escape(text) for text in ENGLISH_INTERFACE) + r")\b")

#: Everything a reader sees or a screen reader says: text outside scripts and styles,
#: and the attributes that name or describe an element.
_INTERFACE_TEXT_JS = """() => {
  const out = [];
  const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const parent = walker.currentNode.parentElement;
    if (parent && !parent.closest('script, style')) out.push(walker.currentNode.textContent);
  }
  const named = '[aria-label], [title], [placeholder], [alt], [aria-description]';
  for (const el of document.querySelectorAll(named)) {
    for (const name of ['aria-label', 'title', 'placeholder', 'alt', 'aria-description']) {
      if (el.hasAttribute(name)) out.push(el.getAttribute(name));
    }
  }
  return out.join('\\n');
}"""

_DIAGRAMS_JS = """() => [...document.querySelectorAll('pre.mermaid')].map(el => ({
  svg: !!el.querySelector('svg'),
  error: /Syntax error|Parse error|error in text/i.test(el.textContent),
  source: (el.getAttribute('data-original-code') || '').slice(0, 80),
}))"""


@dataclass
class PageReport:
    """One page as the browser found it."""

    visit: Visit
    lang: str
    english: list[str]
    diagrams: list[dict[str, Any]]


@pytest.fixture(scope="session")
def reports(site: Path, site_browser: SiteBrowser) -> dict[str, PageReport]:
    """Every page of the site, loaded once in the browser."""
    found = {}
    for path in html_pages(site):
        visit = site_browser.open(path)
        page = site_browser.page
        found[path] = PageReport(
            visit=visit,
            lang=page.evaluate("() => document.documentElement.lang"),
            english=sorted(set(_ENGLISH.findall(page.evaluate(_INTERFACE_TEXT_JS)))),
            diagrams=page.evaluate(_DIAGRAMS_JS),
        )
    return found


def test_the_site_has_the_pages_of_the_agenda(reports: dict[str, PageReport]) -> None:
    assert {"index.html", "search.html", "genindex.html"} <= set(reports)
    assert len(reports) > 5


def test_every_page_loads_without_console_errors_or_failed_requests(reports: dict[str, PageReport]) -> None:
    problems = {
        path: report.visit.console_errors + report.visit.failed_requests
        for path, report in reports.items()
        if report.visit.console_errors or report.visit.failed_requests
    }
    assert problems == {}


def test_no_request_leaves_the_machine(reports: dict[str, PageReport]) -> None:
    elsewhere = {path: sorted(report.visit.hosts - {"127.0.0.1"}) for path, report in reports.items()}
    assert {path: hosts for path, hosts in elsewhere.items() if hosts} == {}


def test_every_page_is_dutch(reports: dict[str, PageReport]) -> None:
    assert {path: report.lang for path, report in reports.items() if report.lang != "nl"} == {}
    english = {path: report.english for path, report in reports.items() if report.english}
    assert english == {}, "Engelse interfacetekst op de site"


def test_every_diagram_is_drawn_as_svg(reports: dict[str, PageReport]) -> None:
    diagrams = [(path, diagram) for path, report in reports.items() for diagram in report.diagrams]
    assert diagrams, "de site heeft geen enkel Mermaid-diagram"
    broken = [(path, d["source"]) for path, d in diagrams if not d["svg"] or d["error"]]
    assert broken == []


def test_mermaid_is_loaded_only_on_pages_with_a_diagram(site: Path, reports: dict[str, PageReport]) -> None:
    for path, report in reports.items():
        loads = "mermaid.esm.min.mjs" in (site / path).read_text(encoding="utf-8")
        assert loads == bool(report.diagrams), path


def test_clicking_a_node_of_the_doelenboom_opens_its_item(site_browser: SiteBrowser) -> None:
    site_browser.open("index.html")
    page = site_browser.page
    links = page.locator(".pt-doelenboom svg.pt-boom a")
    assert links.count() > 0, "de doelenboom op de startpagina heeft geen klikbare knopen"
    target = None
    for index in range(links.count()):
        href = links.nth(index).get_attribute("href") or links.nth(index).get_attribute("xlink:href") or ""
        if "#SD-" in href:
            target = links.nth(index), href
            break
    assert target, "geen knoop van de doelenboom linkt naar een strategisch doel"
    link, href = target
    expected = urljoin(page.url, href)
    link.click()
    page.wait_for_url(expected)
    item_id = urlsplit(expected).fragment
    assert page.locator(f"[id='{item_id}']").count() == 1
    assert site_browser.visit.console_errors == []


def test_search_finds_an_effort_by_a_word_of_its_title(site_browser: SiteBrowser, effort: dict) -> None:
    word = max(re.findall(r"\w+", effort["title"]), key=len)
    site_browser.open("index.html")
    page = site_browser.page
    page.get_by_role("searchbox", name="Zoekwoorden").fill(word)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"search\.html\?"))
    # Sphinx writes the summary only once every result is listed.
    page.wait_for_function("() => (document.querySelector('#search-results .search-summary')"
                           "?.textContent || '').length > 0", timeout=15_000)
    status = page.locator("#search-results .search-summary")
    results = page.locator("#search-results ul.search li a")
    hrefs = [results.nth(i).get_attribute("href") or "" for i in range(results.count())]
    assert any(effort["docname"] + ".html" in href for href in hrefs), (word, hrefs)
    assert "pagina" in status.inner_text()
    assert site_browser.visit.console_errors == []


def test_the_permalink_page_forwards_to_the_item(site: Path, site_browser: SiteBrowser, effort: dict) -> None:
    site_browser.open(f"permalink.html?id={effort['id']}")
    page = site_browser.page
    page.wait_for_url(f"**/{effort['docname']}.html#{effort['id']}")
    site_browser.wait_for_diagrams()
    assert page.locator(f"[id='{effort['id']}']").count() == 1
    assert page.evaluate("() => document.documentElement.lang") == "nl"


@pytest.fixture(scope="session")
def effort(site: Path) -> dict:
    """An inspanning of the site, with a title to search for."""
    from .pages import needs_by_type

    efforts = needs_by_type(site).get("inspanning", [])
    assert efforts, "de site heeft geen inspanningen"
    return sorted(efforts, key=lambda need: need["id"])[0]
