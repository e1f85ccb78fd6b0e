"""A programme of our items passes axe whatever theme it has: none set (ours), alabaster, furo.

With no ``html_theme`` a programme gets the policy-trace theme (furo with our
templates), and the whole page passes. A programme that chooses another theme
keeps it; the theme's own frame (alabaster's footer and sidebar) is its
affair, but everything in the page's content (our items, details and views,
drawn with our stylesheet) passes axe too, in light and dark mode.
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

from .pages import SiteBrowser

ROOT = Path(__file__).resolve().parents[1] / "roots" / "test-views"
#: The item page and every view of test-views.
PAGES = ("needs/items.html", "index.html", "docs/tevreden.html", "docs/samenhang.html", "docs/planning.html",
         "docs/partijen.html", "docs/downloads.html")
#: conf.py's html_theme line per case; the content area axe checks (None: the whole page).
THEMES: dict[str, tuple[str, list[list[str]] | None]] = {
    "geen": ("", None),
    "alabaster": ('html_theme = "alabaster"\n', [["div.body"]]),
    "furo": ('html_theme = "furo"\n', None),
}


@pytest.fixture(scope="module", params=THEMES)
def themed(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, str]]:
    """test-views built with -W under one theme choice, served on 127.0.0.1: (case, base URL)."""
    case = request.param
    srcdir = tmp_path_factory.mktemp(f"theme-{case}") / "src"
    shutil.copytree(ROOT, srcdir)
    conf = srcdir / "conf.py"
    lines = [line for line in conf.read_text(encoding="utf-8").splitlines(True) if "html_theme" not in line]
    conf.write_text("".join(lines) + THEMES[case][0], encoding="utf-8")
    out = srcdir.parent / "html"
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html", str(srcdir), str(out)],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    with serving(out) as url:
        yield case, url


def _summary(violations: list[dict[str, Any]]) -> list[str]:
    return [
        f"{v['id']}: {v['help']} -- " + "; ".join(" ".join(map(str, n["target"])) for n in v["nodes"][:5])
        for v in violations
    ]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_in_our_content_on_any_theme(
    themed: tuple[str, str], scheme: str, browser: Any
) -> None:
    case, base_url = themed
    context = THEMES[case][1]
    opened = SiteBrowser(browser, base_url, color_scheme=scheme)
    try:
        found = {}
        for path in PAGES:
            opened.open(path)
            if case == "geen":
                # The policy-trace theme, not Sphinx's default: furo's stylesheet is on the page.
                assert opened.page.locator('link[href*="styles/furo.css"]').count() == 1, path
            results = Axe().run(opened.page, context=context) if context else Axe().run(opened.page)
            found[path] = _summary(results.response["violations"])
    finally:
        opened.close()
    assert found == {path: [] for path in PAGES}
