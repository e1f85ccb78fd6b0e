"""The real site, built once, served on 127.0.0.1 and driven by one headless Chromium.

Every test here is marked ``browser``. Without /usr/bin/chromium they skip on a
developer's machine and fail in CI (``CI=true``), where .ci/run installs it.
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
from serving_support import serving

from .pages import SiteBrowser, Toetsing

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
#: pa11y's driver (tests/browser/pa11y_run.js) and the package.json of the pa11y ``npm ci`` installs.
PA11Y_DRIVER = Path(__file__).with_name("pa11y_run.js")
PA11Y = REPO / "node_modules" / "pa11y" / "package.json"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu",
    "--disable-background-networking", "--disable-component-update",
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test of this folder ``browser``."""
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's site, built with ``-W`` into a temporary folder."""
    out = tmp_path_factory.mktemp("site") / "html"
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html", str(REPO), str(out)],
        capture_output=True, text=True, cwd=REPO,
    )
    if result.returncode:
        pytest.fail(f"De site bouwt niet zonder waarschuwingen:\n{result.stdout}{result.stderr}")
    return out


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    """The agenda's built site, served."""
    with serving(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Debian Chromium for the session."""
    if not CHROMIUM.exists():
        message = (
            f"{CHROMIUM} ontbreekt: installeer Chromium met 'apt-get install -y chromium' "
            "(.ci/run doet dat in CI)."
        )
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield instance
        finally:
            instance.close()


@pytest.fixture(scope="session")
def site_browser(browser: Any, base_url: str) -> Iterator[SiteBrowser]:
    """A light-mode browsing context shared by the tests that only read pages."""
    opened = SiteBrowser(browser, base_url)
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def toetsing() -> Toetsing:
    """What axe and pa11y find on the agenda in this session (for its toegankelijkheidsverklaring)."""
    return Toetsing()


@pytest.fixture(scope="session")
def pa11y() -> Path:
    """The pa11y driver, once ``npm ci`` installed pa11y; skipped (failed in CI) without it."""
    problems = []
    if shutil.which("node") is None:
        problems.append("node ontbreekt: installeer Node.js (apt-get install -y nodejs npm)")
    if not PA11Y.is_file():
        problems.append(f"pa11y ontbreekt in {PA11Y.parent.parent}: draai 'make venv' (npm ci)")
    if not CHROMIUM.exists():
        problems.append(f"{CHROMIUM} ontbreekt: installeer Chromium met 'apt-get install -y chromium'")
    if problems:
        if os.environ.get("CI") == "true":
            pytest.fail("; ".join(problems))
        pytest.skip("; ".join(problems))
    return PA11Y_DRIVER
