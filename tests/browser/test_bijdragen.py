"""Land en regio in Chromium: the agenda's contributions page and a region's page, read and checked by axe."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from coupling_support import land_en_regio
from serving_support import serving

from .pages import SiteBrowser


@pytest.fixture(scope="module")
def coupled(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return land_en_regio(tmp_path_factory.mktemp("land-en-regio"))


@pytest.fixture(scope="module")
def national_url(coupled: dict[str, Any]) -> Iterator[str]:
    with serving(Path(coupled["national"].outdir)) as url:
        yield url


@pytest.fixture(scope="module")
def region_url(coupled: dict[str, Any]) -> Iterator[str]:
    with serving(Path(coupled["regions"]["zuid"].outdir)) as url:
        yield url


def _violations(page: Any) -> list[str]:
    results = Axe().run(page)
    return [
        f"{v['id']}: {v['help']} -- " + "; ".join(" ".join(map(str, n["target"])) for n in v["nodes"][:5])
        for v in results.response["violations"]
    ]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_agenda_shows_the_regions_side_by_side_with_axe_at_zero(
    browser: Any, national_url: str, scheme: str
) -> None:
    opened = SiteBrowser(browser, national_url, color_scheme=scheme)
    try:
        visit = opened.open("bijdragen.html")
        page = opened.page
        crisis = page.locator("section#bijdragen-sd-crisisbeheersing")
        assert crisis.locator("table.pt-bijdragen tbody tr").count() == 2
        zuid = crisis.get_by_role("link", name="Bevolkingszorg in de regio IN-BEVOLKINGSZORG")
        assert zuid.is_visible()
        criterion = page.locator("section#bijdragen-cr-kwaliteit-vergelijkbaar")
        compared = criterion.locator("table.pt-bijdragen-vergelijking")
        rows = compared.locator("tbody tr")
        assert rows.count() == 2
        assert rows.nth(1).inner_text().split("\t")[:4] == [
            "Beleidsplan Veiligheidsregio Zuid", "7", "15 augustus 2014", "Jaarverslag Zuid 2014"
        ]
        assert page.locator("section#bijdragen-zonder").get_by_role("link").first.is_visible()
        assert visit.console_errors == [] and visit.failed_requests == []
        assert _violations(page) == []
    finally:
        opened.close()


def test_a_region_page_shows_the_agenda_goal_it_serves_with_axe_at_zero(
    browser: Any, region_url: str
) -> None:
    opened = SiteBrowser(browser, region_url)
    try:
        visit = opened.open("index.html")
        page = opened.page
        link = page.locator("a.pt-coupled-link[href$='#SD-CRISISBEHEERSING']").first
        assert link.is_visible()
        assert link.get_attribute("href") == "https://agenda.example.nl/1.0/needs/doelen.html#SD-CRISISBEHEERSING"
        # The goal tree's outside box: drawn, and named for screen readers.
        assert page.locator("svg[aria-label=\"Bijdragen aan andere programma's\"]").is_visible()
        assert visit.console_errors == [] and visit.failed_requests == []
        assert _violations(page) == []
    finally:
        opened.close()


@pytest.mark.parametrize("page_name", ["needs/doelen.html", "needs/criteria.html"])
def test_a_national_items_page_shows_the_regions_contributions_with_axe_at_zero(
    browser: Any, national_url: str, page_name: str
) -> None:
    opened = SiteBrowser(browser, national_url)
    try:
        visit = opened.open(page_name)
        page = opened.page
        heading = page.get_by_role("heading", name="Bijdragen van gekoppelde programma’s").first
        assert heading.is_visible()
        listed = page.locator("ul.pt-contributions").first
        assert listed.get_by_role("link").first.is_visible()
        assert page.get_by_role("link", name="Alle bijdragen aan dit item naast elkaar").first.is_visible()
        assert visit.console_errors == [] and visit.failed_requests == []
        assert _violations(page) == []
    finally:
        opened.close()
