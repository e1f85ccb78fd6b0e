"""Measurements over time as a person sees them: charts drawn as SVG, and no accessibility violation.

The agenda has no measurements (the seed gives none), so these tests build
``tests/roots/test-views``, a small programme with a series of measurements,
assumptions and every view, and drive it in Chromium.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from serving_support import serving

from .conftest import REPO
from .pages import SiteBrowser, html_pages

ROOT = REPO / "tests" / "roots" / "test-views"


@pytest.fixture(scope="module")
def monitored_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test root with measurements, built with ``-W`` like the agenda."""
    srcdir = tmp_path_factory.mktemp("monitoring") / "src"
    shutil.copytree(ROOT, srcdir)
    out = srcdir.parent / "html"
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html", str(srcdir), str(out)],
        capture_output=True, text=True, cwd=REPO,
    )
    if result.returncode:
        pytest.fail(f"De proefsite bouwt niet zonder waarschuwingen:\n{result.stdout}{result.stderr}")
    return out


@pytest.fixture(scope="module")
def monitored_url(monitored_site: Path) -> Iterator[str]:
    with serving(monitored_site) as url:
        yield url


#: Colour scheme and window width: a desktop, light and dark, and a phone.
SCREENS = {"licht": ("light", 1280), "donker": ("dark", 1280), "telefoon": ("light", 375)}


@pytest.fixture(scope="module", params=SCREENS)
def screen(request: pytest.FixtureRequest, browser: Any, monitored_url: str) -> Iterator[SiteBrowser]:
    scheme, width = SCREENS[request.param]
    opened = SiteBrowser(browser, monitored_url, color_scheme=scheme, width=width)
    yield opened
    opened.close()


_CHARTS_JS = """() => [...document.querySelectorAll('svg.pt-chart')].map(svg => {
  const box = svg.getBoundingClientRect();
  const line = svg.querySelector('polyline.pt-chart-measured');
  return {
    name: svg.getAttribute('aria-labelledby').split(' ').map(id => document.getElementById(id).textContent),
    width: box.width, height: box.height, right: box.right,
    drawn: line ? line.getTotalLength() : 0,
    stroke: line ? getComputedStyle(line).stroke : '',
  };
})"""


def test_each_series_is_drawn_as_an_svg_chart_that_fits_the_screen(screen: SiteBrowser) -> None:
    visit = screen.open("docs/tevreden.html")
    charts = screen.page.evaluate(_CHARTS_JS)
    # CR-WIJKEN measures an effort and a project: its chart stands under each.
    title = "Verloop van de metingen van CR-WIJKEN Wijken bezocht"
    assert [chart["name"][0] for chart in charts] == [title, title]
    viewport = screen.page.viewport_size["width"]
    for chart in charts:
        assert chart["name"][1].startswith("2 metingen van 1 februari 2024 tot 1 mei 2024")
        assert 200 < chart["width"] and chart["right"] <= viewport and chart["height"] > 50, chart
        assert chart["drawn"] > 10, "de lijn van de metingen is niet getekend"
        assert chart["stroke"] not in ("", "none"), chart
    # Nothing scrolls sideways, and the page asked nothing of another host.
    assert screen.page.evaluate("() => document.scrollingElement.scrollWidth") <= viewport
    assert visit.hosts == {"127.0.0.1"} and visit.console_errors == [] and visit.failed_requests == []
    bars = screen.page.locator("svg.pt-rollup-bar")
    assert bars.count() == 3 and bars.first.bounding_box()["width"] > 20


def _summary(violations: list[dict[str, Any]]) -> list[str]:
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} -- "
        + "; ".join(" ".join(map(str, node["target"])) for node in violation["nodes"][:5])
        for violation in violations
    ]


def test_axe_finds_no_violations_on_any_page_of_the_monitored_site(
    monitored_site: Path, screen: SiteBrowser
) -> None:
    axe = Axe()
    pages = html_pages(monitored_site)
    assert {"docs/tevreden.html", "docs/samenhang.html", "needs/items.html"} <= set(pages)
    found = {}
    for path in pages:
        screen.open(path)
        violations = _summary(axe.run(screen.page).response["violations"])
        if violations:
            found[path] = violations
    assert found == {}
