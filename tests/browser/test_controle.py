"""The Controle page with warnings of Sphinx and MyST beside the rules' findings, in Chromium, and axe."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from checks_support import build_once
from serving_support import serving
from test_controle_page import programme

from .pages import SiteBrowser


@pytest.fixture(scope="module")
def controle_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    app = build_once(programme(tmp_path_factory.mktemp("controle") / "programma"), "html")
    with serving(Path(app.outdir)) as url:
        yield url


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_controle_page_shows_the_other_warnings_with_axe_at_zero(
    browser: Any, controle_url: str, scheme: str
) -> None:
    opened = SiteBrowser(browser, controle_url, color_scheme=scheme)
    try:
        visit = opened.open("controle.html")
        page = opened.page
        others = page.locator("table.policy-other")
        assert others.is_visible()
        page.get_by_role("link", name="toc.not_included").click()
        assert page.url.endswith("#bevindingen-toc-not_included")
        assert page.get_by_role("link", name="(pagina)").first.is_visible()
        assert visit.console_errors == [] and visit.failed_requests == []
        violations = Axe().run(page).response["violations"]
        assert [v["id"] for v in violations] == []
    finally:
        opened.close()
