"""On a phone-sized screen a keyboard opens and closes furo's drawers (WCAG 2.1.1)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from .pages import SiteBrowser, html_pages

PHONE_WIDTH = 375
#: furo's header icons (labels of its hidden checkboxes); the toggle is the button in one.
NAVIGATION_ICON = ".nav-overlay-icon"
CONTENTS_ICON = ".toc-header-icon"
BUTTON = ' [role="button"]'
#: More Tab presses than there are controls above the header icons.
MAX_TABS = 10
#: furo's drawers slide for 0.25 s; far more than that means they do not move.
SLIDE_TIMEOUT_MS = 2_000

#: The drawer's box lies within the window: the reader sees it.
_ON_SCREEN_JS = """(id) => {
  const box = document.getElementById(id).getBoundingClientRect();
  return box.width > 0 && box.left >= 0 && box.right <= window.innerWidth;
}"""


@pytest.fixture(scope="module")
def phone(browser: Any, base_url: str) -> Iterator[SiteBrowser]:
    """A browsing context as wide as a phone, where furo hides its drawers behind icons."""
    opened = SiteBrowser(browser, base_url, width=PHONE_WIDTH)
    # A missing control should fail the test at once, not after Playwright's 30 s.
    opened.page.set_default_timeout(5_000)
    yield opened
    opened.close()


def _page_with_contents(site: Path) -> str:
    for path in html_pages(site):
        html = (site / path).read_text(encoding="utf-8")
        if 'class="toc-overlay-icon toc-header-icon"' in html:
            return path
    raise AssertionError("geen pagina met een inhoudsopgave op de site")


def _tab_to(page: Any, icon: str) -> Any:
    """Press Tab from the top of the page until focus is in ``icon``; the focused button."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("(icon) => !!document.activeElement.closest(icon)", icon):
            button = page.locator(icon + BUTTON)
            assert button.evaluate("el => el === document.activeElement"), f"focus in {icon} is geen knop"
            return button
    focused = page.evaluate("() => document.activeElement.outerHTML.slice(0, 120)")
    raise AssertionError(f"{icon} krijgt met Tab geen focus; focus staat op {focused}")


def _wait_for_drawer(page: Any, drawer: str, on_screen: bool) -> None:
    # furo slides the drawers in and out (0.25 s).
    check = f"(id) => ({_ON_SCREEN_JS})(id) === {str(on_screen).lower()}"
    try:
        page.wait_for_function(check, arg=drawer, timeout=SLIDE_TIMEOUT_MS)
    except PlaywrightTimeoutError:
        state = "open" if on_screen else "dicht"
        raise AssertionError(f"de lade #{drawer} gaat niet {state}") from None


def _open_and_close(phone: SiteBrowser, path: str, icon: str, key: str) -> None:
    phone.open(path)
    page = phone.page
    button = _tab_to(page, icon)
    drawer = button.get_attribute("aria-controls")
    assert drawer and not page.evaluate(_ON_SCREEN_JS, drawer), "de lade is al open"
    assert button.get_attribute("aria-expanded") == "false"

    page.keyboard.press(key)
    _wait_for_drawer(page, drawer, on_screen=True)
    assert button.get_attribute("aria-expanded") == "true"
    assert page.evaluate("() => window.scrollY") == 0, f"{key} schuift de pagina op"
    # The drawer's links can be reached now: it is no longer inert.
    assert page.evaluate("(id) => !document.getElementById(id).inert", drawer)

    page.keyboard.press("Escape")
    _wait_for_drawer(page, drawer, on_screen=False)
    assert button.evaluate("el => el === document.activeElement"), "Escape geeft de focus niet terug"
    assert button.get_attribute("aria-expanded") == "false"


def test_enter_opens_the_navigation_and_escape_closes_it(phone: SiteBrowser) -> None:
    _open_and_close(phone, "index.html", NAVIGATION_ICON, "Enter")


def test_space_opens_the_page_contents_and_escape_closes_it(site: Path, phone: SiteBrowser) -> None:
    _open_and_close(phone, _page_with_contents(site), CONTENTS_ICON, " ")


def test_aria_expanded_follows_the_mouse_and_the_overlay(phone: SiteBrowser) -> None:
    phone.open("index.html")
    page = phone.page
    button = page.locator(NAVIGATION_ICON + BUTTON)
    button.click()
    _wait_for_drawer(page, "site-navigation-drawer", on_screen=True)
    assert button.get_attribute("aria-expanded") == "true"
    # The dimmed page beside the drawer is furo's overlay label: a click there closes it.
    page.mouse.click(PHONE_WIDTH - 10, 450)
    _wait_for_drawer(page, "site-navigation-drawer", on_screen=False)
    assert button.get_attribute("aria-expanded") == "false"


def test_a_closed_drawer_takes_no_focus(phone: SiteBrowser) -> None:
    phone.open("index.html")
    page = phone.page
    _tab_to(page, NAVIGATION_ICON)
    # Past the header's controls, Tab must not wander into the off-screen navigation.
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        assert not page.evaluate(
            "() => !!document.activeElement.closest('#site-navigation-drawer, #page-contents-drawer')"
        ), "de focus verdwijnt in een gesloten lade"


def test_wide_screens_keep_the_drawer_icons_hidden(site_browser: SiteBrowser) -> None:
    site_browser.open("index.html")
    page = site_browser.page
    assert page.locator(NAVIGATION_ICON).is_hidden()
    assert not page.evaluate("() => document.getElementById('site-navigation-drawer').inert")
