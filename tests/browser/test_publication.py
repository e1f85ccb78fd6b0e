"""A publication of two adopted versions and a working version, in a real browser: the banner's links."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from serving_support import serving

from .pages import SiteBrowser

sys.path.insert(0, str(Path(__file__).parents[1]))
from test_publish import edit, publish, write_programme  # noqa: E402


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("publicatie")
    srcdir = write_programme(root / "src")
    out = root / "public"
    adopted = ("--status", "vastgesteld")
    assert publish("--version", "1.0", *adopted, "--datum", "2014-09-26", str(out), str(srcdir)) == 0
    edit(srcdir)
    assert publish("--version", "1.1", *adopted, "--datum", "2015-02-01", str(out), str(srcdir)) == 0
    assert publish("--datum", "2015-03-01", str(out), str(srcdir)) == 0
    with serving(out) as url:
        yield url


@pytest.fixture
def site(browser: Any, served: str) -> Iterator[SiteBrowser]:
    opened = SiteBrowser(browser, served)
    yield opened
    opened.close()


def test_the_banner_leads_to_the_other_versions_all_versions_and_what_changed(site: SiteBrowser) -> None:
    page = site.page
    page.goto(site.base_url + "1.1/needs/items.html")
    banner = page.locator(".announcement")
    assert banner.locator(".pt-banner").inner_text() == "Versie 1.1 · vastgesteld · 1 februari 2015"

    banner.get_by_role("link", name="versie 1.0").click()
    page.wait_for_url(site.base_url + "1.0/index.html")
    first = page.locator(".announcement .pt-banner").inner_text()
    assert first == "Versie 1.0 · vastgesteld · 26 september 2014"
    assert page.locator("html").get_attribute("lang") == "nl"

    page.goto(site.base_url + "1.1/needs/items.html")
    page.locator(".announcement").get_by_role("link", name="wat is er veranderd").click()
    page.wait_for_url(site.base_url + "1.1/wijzigingen.html")
    summary = page.locator("p.pt-changes-summary").inner_text()
    assert summary.startswith("Vergeleken met versie 1.0 vastgesteld van 26 september 2014: 0 nieuw")

    page.locator(".announcement").get_by_role("link", name="alle versies").click()
    page.wait_for_url(site.base_url + "index.html")
    latest = page.locator("p.latest a")
    assert latest.inner_text() == "Versie 1.1 (vastgesteld, 1 februari 2015)"
    latest.click()
    page.wait_for_url(site.base_url + "1.1/index.html")

    page.goto(site.base_url + "werkversie/index.html")
    assert page.locator(".announcement .pt-banner").inner_text() == "Werkversie · 1 maart 2015"
    links = page.locator(".announcement .pt-banner-links a").all_inner_texts()
    assert links == ["versie 1.0", "versie 1.1", "alle versies", "wat is er veranderd"]
    assert site.visit.failed_requests == [] and site.visit.hosts <= {"127.0.0.1"}
