"""A programme started with the installed wheel (no Node.js): diagrams drawn, nothing fetched elsewhere."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .conftest import serving
from .pages import SiteBrowser, html_pages

pytestmark = pytest.mark.package


@pytest.fixture(scope="module")
def programme_url(started_programme: Path) -> Iterator[str]:
    with serving(started_programme / "_build/html") as url:
        yield url


def test_mermaid_from_the_wheel_draws_every_diagram_as_svg_from_the_site_itself(
    browser: Any, programme_url: str, started_programme: Path
) -> None:
    site = started_programme / "_build/html"
    pages = html_pages(site)
    with_diagrams = [page for page in pages if 'class="mermaid"' in (site / page).read_text("utf-8")]
    assert "index.html" in with_diagrams  # the doelenboom
    opened = SiteBrowser(browser, programme_url)
    try:
        for path in with_diagrams:
            visit = opened.open(path)
            diagrams = opened.page.locator("pre.mermaid")
            assert diagrams.count() >= 1, path
            assert opened.page.locator("pre.mermaid svg").count() == diagrams.count(), path
            assert visit.hosts == {"127.0.0.1"}, path  # no request off the site
            assert visit.failed_requests == [] and visit.console_errors == [], path
    finally:
        opened.close()
