"""A programme ``init`` started, with its own house style and logo: axe finds nothing, light, dark, phone.

The colours are a municipality's kind (a dark blue header with white text,
dark blue links); the build accepted them because each pair reaches 4.5:1.
Chromium then shows them where conf.py said: the header and the links.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from policy_trace import starter
from serving_support import serving

from .pages import SiteBrowser
from .test_accessibility import SCREENS

HOUSE_STYLE = """
policy_trace_house_style = {
    "utrecht.link.color": "#01689b",
    "utrecht.link.hover.color": "#154273",
    "utrecht.color.primary": "#154273",
    "utrecht.page-header.background-color": "#154273",
    "utrecht.page-header.color": "#ffffff",
}
html_logo = "logo.svg"
"""
LOGO = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40"><rect width="40" height="40" '
    'fill="#ffffff"/><path d="M8 30 20 8l12 22z" fill="#154273"/></svg>'
)
PAGES = ("index.html", "docs/stand.html", "needs/doelen.html", "docs/toegankelijkheid.html",
         "docs/colofon.html", "search.html?q=programma")


@pytest.fixture(scope="module")
def styled_programme(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``init``'s programme with a house style and a logo, built with -W; its site folder."""
    folder = tmp_path_factory.mktemp("huisstijl") / "hitteplan"
    programme = starter.Programme(
        "Hitteplan Voorbeeldstad", "Gemeente Voorbeeldstad", dt.date(2026, 1, 1), dt.date(2029, 12, 31),
        "toegankelijkheid@voorbeeldstad.example",
    )
    starter.write(folder, programme)
    conf = folder / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8") + HOUSE_STYLE, encoding="utf-8")
    (folder / "logo.svg").write_text(LOGO, encoding="utf-8")
    out = folder / "_build" / "html"
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html", str(folder), str(out)],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="module")
def styled_url(styled_programme: Path) -> Iterator[str]:
    with serving(styled_programme) as url:
        yield url


@pytest.mark.parametrize("screen", SCREENS)
def test_axe_finds_nothing_on_a_programme_with_its_own_house_style(
    screen: str, browser: Any, styled_url: str
) -> None:
    scheme, width = SCREENS[screen]
    opened = SiteBrowser(browser, styled_url, color_scheme=scheme, width=width)
    axe = Axe()
    try:
        for path in PAGES:
            visit = opened.open(path)
            violations = axe.run(opened.page).response["violations"]
            found = [(v["id"], [node["target"] for node in v["nodes"]][:3]) for v in violations]
            assert found == [], (path, screen)
            assert visit.failed_requests == [] and visit.csp_violations == [], path
    finally:
        opened.close()


def test_the_house_style_shows_where_conf_py_says(browser: Any, styled_url: str) -> None:
    opened = SiteBrowser(browser, styled_url)
    try:
        opened.open("docs/colofon.html")
        colours = opened.page.evaluate("""() => ({
            link: getComputedStyle(document.querySelector('article a[href^="mailto:"]')).color,
            header: getComputedStyle(document.querySelector('.sidebar-brand')).backgroundColor,
            title: getComputedStyle(document.querySelector('.sidebar-brand-text')).color,
            logo: document.querySelector('.sidebar-logo')?.naturalWidth > 0,
        })""")
    finally:
        opened.close()
    assert colours == {
        "link": "rgb(1, 104, 155)", "header": "rgb(21, 66, 115)", "title": "rgb(255, 255, 255)", "logo": True,
    }
