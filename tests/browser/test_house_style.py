"""A programme ``init`` started, with its own house style and logo: axe and pa11y find nothing, on every
kind of page, light, dark (a dark system, and furo's button) and on a phone.

The colours are a municipality's kind (a dark blue header with white text,
dark blue links); the build accepted them because each pair reaches 4.5:1, and
derived their dark variants. Chromium then shows them where conf.py said: the
header and the links, in the light scheme and in both of furo's dark ones, and
the links in running text underlined in their own colour.
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

from .pages import SiteBrowser, html_pages
from .test_accessibility import DRAWN_DARK_JS, SCREENS, SEARCH_DONE_JS, _summary
from .test_pa11y import errors, run_pa11y, screens

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
#: One page of each kind a programme from ``init`` has (the item pages: one per kind of item list).
PAGES = {
    "start": "index.html",
    "stand": "docs/stand.html",
    "doel": "needs/doelen.html",
    "inspanning": "needs/inspanningen.html",
    "project": "needs/projecten.html",
    "criterium": "needs/criteria.html",
    "dashboard": "docs/tevreden.html",
    "matrix": "docs/samenhang.html",
    "partij": "docs/partijen.html",
    "planning": "docs/planning.html",
    "downloads": "docs/downloads.html",
    "controle": "docs/controle.html",
    "wijzigingen": "docs/wijzigingen.html",
    "toegankelijkheidsverklaring": "docs/toegankelijkheid.html",
    "colofon": "docs/colofon.html",
    "zoeken": "search.html?q=programma",
}


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


def test_every_kind_of_page_is_there(styled_programme: Path) -> None:
    # Each page the lists name exists, and no kind of page of the programme is left out.
    assert all((styled_programme / path.split("?")[0]).is_file() for path in PAGES.values())
    shown = {page for page in html_pages(styled_programme) if page not in {"genindex.html", "search.html"}}
    assert shown - set(PAGES.values()) == {"needs/partijen.html"}  # an item list like the other four


@pytest.mark.parametrize("screen", SCREENS)
def test_axe_finds_nothing_on_a_programme_with_its_own_house_style(
    screen: str, browser: Any, styled_url: str
) -> None:
    opened = SiteBrowser.on(browser, styled_url, SCREENS[screen])
    axe = Axe()
    found = []
    try:
        for path in PAGES.values():
            visit = opened.open(path)
            if path.startswith("search.html"):
                opened.page.wait_for_function(SEARCH_DONE_JS)
            assert opened.page.evaluate(DRAWN_DARK_JS) == SCREENS[screen].dark, path
            found += [f"{path}: {line}" for line in _summary(axe.run(opened.page).response["violations"])]
            assert visit.failed_requests == [] and visit.csp_violations == [], path
    finally:
        opened.close()
    assert found == [], screen


def test_pa11y_finds_nothing_on_a_programme_with_its_own_house_style(pa11y: Path, styled_url: str) -> None:
    results = run_pa11y(pa11y, screens(styled_url, list(PAGES.values())))
    assert len(results) == len(PAGES) * len(SCREENS)
    assert errors(results) == []


#: The link colour in running text, its underline, and each one's contrast against what is behind it.
_LINK_JS = """() => {
  const link = document.querySelector('article a[href^="mailto:"]');
  const rgb = (value) => value.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map(c => c / 255)
    .map(c => c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)
    .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
  let el = link, background = 'rgba(0, 0, 0, 0)';
  while (el && /rgba\\(0, 0, 0, 0\\)|transparent/.test(background)) {
    background = getComputedStyle(el).backgroundColor;
    el = el.parentElement;
  }
  const style = getComputedStyle(link);
  const ratio = (a, b) => {
    const [light, dark] = [lum(rgb(a)), lum(rgb(b))].sort((x, y) => y - x);
    return (light + 0.05) / (dark + 0.05);
  };
  return {
    link: style.color, underline: style.textDecorationLine, underlineColour: style.textDecorationColor,
    linkContrast: Math.round(ratio(style.color, background) * 100) / 100,
    header: getComputedStyle(document.querySelector('.sidebar-brand')).backgroundColor,
    title: getComputedStyle(document.querySelector('.sidebar-brand-text')).color,
    logo: document.querySelector('.sidebar-logo')?.naturalWidth > 0,
    logoAlt: document.querySelector('.sidebar-logo')?.getAttribute('alt'),
  };
}"""
LIGHT_LINK, DARK_LINK = "rgb(1, 104, 155)", "rgb(2, 163, 243)"  # #01689b and its derived #02a3f3


@pytest.mark.parametrize(("system", "button", "link"), [
    ("light", None, LIGHT_LINK),
    ("dark", None, DARK_LINK),  # furo's automatic scheme on a dark system
    ("light", "dark", DARK_LINK),  # furo's button: dark on a light system
    ("dark", "light", LIGHT_LINK),  # and light on a dark one
])
def test_the_house_style_shows_where_conf_py_says_in_every_scheme(
    browser: Any, styled_url: str, system: str, button: str | None, link: str
) -> None:
    opened = SiteBrowser(browser, styled_url, color_scheme=system, theme=button)
    try:
        opened.open("docs/colofon.html")
        shown = opened.page.evaluate(_LINK_JS)
    finally:
        opened.close()
    contrast = shown.pop("linkContrast")
    assert shown == {
        "link": link, "underline": "underline", "underlineColour": link,
        "header": "rgb(21, 66, 115)", "title": "rgb(255, 255, 255)", "logo": True,
        # The site's name stands beside the logo in the same link: the logo adds nothing (WCAG H2).
        "logoAlt": "",
    }
    # Derived to read as well on furo's dark page as #01689b on white (6.08:1).
    assert contrast >= 6.0
