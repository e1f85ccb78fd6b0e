"""What every page's head promises, as Chromium finds it: own scripts only, light pages, nothing raw.

The script budgets are the site's promise on *Prestaties* (docs/prestaties.md):
the start page loaded 986 kB of script before its doelenboom was drawn as
static SVG (1.1 MB with styles and pages); now it loads what any page loads.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .pages import SiteBrowser, html_pages

#: Bytes of script a page may load (measured 127 kB on every page without an author's diagram).
SCRIPT_BUDGET = 160_000
#: A page with an author's Mermaid diagram loads Mermaid too (measured 987 kB).
SCRIPT_BUDGET_WITH_MERMAID = 1_100_000


def test_no_page_reports_a_content_security_policy_violation(site: Path, site_browser: SiteBrowser) -> None:
    violations = {}
    for path in html_pages(site):
        visit = site_browser.open(path)
        if visit.csp_violations or visit.console_errors:
            violations[path] = visit.csp_violations + visit.console_errors
    # The search page works under the policy too: it finds the results.
    visit = site_browser.open("search.html?q=veiligheidsregio")
    site_browser.page.wait_for_function(
        "() => document.querySelectorAll('#search-results li').length > 0", timeout=10_000
    )
    assert violations == {} and visit.csp_violations == []


def test_every_page_allows_only_the_sites_own_scripts(site: Path, site_browser: SiteBrowser) -> None:
    site_browser.open("index.html")
    policy = site_browser.page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    assert policy is not None
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    sources = directives["script-src"].split()
    assert sources[0] == "'self'" and all(source.startswith("'sha256-") for source in sources[1:])
    # An inline script an author smuggled in would not run: try one.
    ran = site_browser.page.evaluate("""() => new Promise(resolve => {
        window.__ran = false;
        const script = document.createElement('script');
        script.textContent = 'window.__ran = true';
        document.body.appendChild(script);
        setTimeout(() => resolve(window.__ran), 100);
    })""")
    assert ran is False


def _script_bytes(site_browser: SiteBrowser, path: str) -> int:
    site_browser.context.clear_cookies()
    visit = site_browser.open(path)
    site_browser.page.wait_for_load_state("networkidle")
    return sum(site_browser.visit.script_bytes.values()) if visit else 0


def test_the_start_page_and_a_page_without_diagrams_load_little_script(
    browser: Any, base_url: str
) -> None:
    # A fresh context per page: nothing from the browser's cache.
    measured = {}
    for path in ("index.html", "docs/inleiding.html", "docs/handboek.html"):
        opened = SiteBrowser(browser, base_url)
        try:
            measured[path] = _script_bytes(opened, path)
        finally:
            opened.close()
    assert measured["index.html"] <= SCRIPT_BUDGET, measured
    assert measured["docs/inleiding.html"] <= SCRIPT_BUDGET, measured
    # The handbook holds an author's diagram: Mermaid comes only there.
    assert SCRIPT_BUDGET < measured["docs/handboek.html"] <= SCRIPT_BUDGET_WITH_MERMAID, measured


def test_without_javascript_no_page_shows_diagram_source(browser: Any, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        for path in ("index.html", "docs/handboek.html"):
            page.goto(base_url + path)
            assert [pre for pre in page.locator("pre.mermaid").all() if pre.is_visible()] == [], path
        # The start page's doelenboom needs no script: its boxes are there.
        page.goto(base_url + "index.html")
        assert "flowchart" not in page.locator("article").inner_text()
        assert page.locator(".pt-doelenboom svg.pt-boom a").count() > 10
        assert page.locator(".pt-doelenboom svg.pt-boom").first.is_visible()
    finally:
        context.close()


def test_every_page_has_a_favicon_and_a_description(site: Path, site_browser: SiteBrowser) -> None:
    visit = site_browser.open("docs/inleiding.html")
    icon = site_browser.page.locator('link[rel="shortcut icon"]').get_attribute("href")
    assert icon == "../_static/favicon.svg"
    assert site_browser.page.request.get(site_browser.base_url + "_static/favicon.svg").ok
    assert visit.failed_requests == []
    description = site_browser.page.locator('meta[name="description"]').get_attribute("content") or ""
    assert 40 <= len(description) <= 161
