"""The stand van zaken as a board member meets it: first on the home page, links that lead to the items.

Built from ``tests/roots/test-stand`` (a programme with measurements, a project
to decide, a refuted assumption, late milestones and a previous version) and
from the agenda itself, and driven in Chromium.
"""

from __future__ import annotations

import os
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
from .pages import SiteBrowser

ROOT = REPO / "tests" / "roots" / "test-stand"
#: Colour scheme and window width: a desktop, light and dark, and a phone.
SCREENS = {"licht": ("light", 1280), "donker": ("dark", 1280), "telefoon": ("light", 375)}


@pytest.fixture(scope="module")
def stand_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test root, built with ``-W`` like the agenda."""
    srcdir = tmp_path_factory.mktemp("stand") / "src"
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
def stand_url(stand_site: Path) -> Iterator[str]:
    with serving(stand_site) as url:
        yield url


@pytest.fixture(scope="module", params=SCREENS)
def screen(request: pytest.FixtureRequest, browser: Any, stand_url: str) -> Iterator[SiteBrowser]:
    scheme, width = SCREENS[request.param]
    opened = SiteBrowser(browser, stand_url, color_scheme=scheme, width=width)
    yield opened
    opened.close()


def _violations(page: Any) -> list[str]:
    return [
        f"{v['id']} ({v['impact']}): {v['help']} -- "
        + "; ".join(" ".join(map(str, node["target"])) for node in v["nodes"][:5])
        for v in Axe().run(page).response["violations"]
    ]


def test_the_home_page_answers_where_we_stand_in_its_first_screen(
    screen: SiteBrowser, request: pytest.FixtureRequest
) -> None:
    visit = screen.open("index.html")
    page = screen.page
    summary = page.locator(".pt-stand-summary")
    assert summary.inner_text().startswith("Stand op de peildatum 1 januari 2025: 3 punten te besluiten")
    viewport = page.viewport_size
    # The peildatum's figures and the first goal's line are on the first screen; the diagram comes later.
    assert summary.bounding_box()["y"] < viewport["height"] / 2
    first_goal = page.locator("ul.pt-stand-goals > li").first
    assert first_goal.bounding_box()["y"] < viewport["height"]
    assert page.locator(".pt-doelenboom svg.pt-boom").first.bounding_box()["y"] > summary.bounding_box()["y"]
    assert page.evaluate("() => document.scrollingElement.scrollWidth") <= viewport["width"]
    assert visit.console_errors == [] and visit.failed_requests == [] and visit.hosts == {"127.0.0.1"}
    if folder := os.environ.get("POLICY_TRACE_SCREENSHOTS"):  # pictures for a person to look at
        Path(folder).mkdir(parents=True, exist_ok=True)
        name = request.node.callspec.params["screen"]
        page.screenshot(path=str(Path(folder) / f"stand-beginpagina-{name}.png"))


def test_a_count_leads_to_its_items(screen: SiteBrowser) -> None:
    screen.open("index.html")
    page = screen.page
    page.get_by_role("link", name="3 punten te besluiten").click()
    assert page.url.endswith("index.html#stand-te-besluiten")
    assert page.locator("#stand-te-besluiten").is_visible()
    # On the home page, a count of several criteria leads to their list on the stand page.
    brand = page.locator("ul.pt-stand-goals > li", has_text="Minder woningbranden")
    brand.get_by_role("link", name="3 van de 3").click()
    page.wait_for_url("**/stand.html#stand-SD-BRAND-tevreden")
    listed = page.locator("#stand-SD-BRAND-tevreden + ul li")
    assert listed.count() == 3 and listed.first.is_visible()
    # A count of one leads to the criterion itself.
    screen.open("index.html")
    page.locator("ul.pt-stand-goals > li", has_text="Minder woningbranden").get_by_role(
        "link", name="1 risico"
    ).click()
    page.wait_for_url("**/needs/criteria.html#CR-ROOKMELDER")


def test_axe_finds_nothing_on_the_home_page_and_the_stand_page(screen: SiteBrowser) -> None:
    found = {}
    for path in ("index.html", "stand.html", "tevreden.html"):
        screen.open(path)
        if violations := _violations(screen.page):
            found[path] = violations
    assert found == {}
