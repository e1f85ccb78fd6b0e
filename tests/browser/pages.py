"""Helpers of the browser tests: a recording browsing context and what the built site holds."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

LOCAL_HOSTS = {"127.0.0.1"}
#: How long Mermaid may take to turn every diagram of a page into SVG.
DIAGRAM_TIMEOUT_MS = 15_000


@dataclass
class Visit:
    """What a page did while it loaded: its problems and the hosts it asked for."""

    path: str
    console_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    hosts: set[str] = field(default_factory=set)
    #: Each Content-Security-Policy violation the page reported: directive, what was blocked, where.
    csp_violations: list[str] = field(default_factory=list)
    #: Bytes of each script the page loaded, by URL.
    script_bytes: dict[str, int] = field(default_factory=dict)


_RECORD_CSP_VIOLATIONS = """
window.__policyTraceCsp = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__policyTraceCsp.push(
    `${event.violatedDirective} ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
});
"""


@dataclass(frozen=True)
class Screen:
    """How a reader sees the site: a colour scheme (the system's, or chosen with furo's button) and a width.

    furo draws its dark scheme in two ways, with two sets of CSS rules: automatic on a
    system set to dark (``prefers-color-scheme``), and chosen with its button
    (``body[data-theme="dark"]``, kept in localStorage); a screen names one.
    """

    #: What the browser says the system prefers (``prefers-color-scheme``).
    scheme: str
    width: int
    #: How the record of the statement names it.
    label: str
    #: What furo's button chose, as furo keeps it (localStorage "theme"); None: automatic.
    theme: str | None = None

    @property
    def dark(self) -> bool:
        """Whether furo draws the page dark on this screen."""
        return self.theme == "dark" or (self.theme in (None, "auto") and self.scheme == "dark")


class SiteBrowser:
    """Opens pages of the served site and records what each one requests and reports."""

    def __init__(
        self, browser: Any, base_url: str, color_scheme: str = "light", width: int = 1280,
        theme: str | None = None,
    ) -> None:
        self.base_url = base_url
        #: The name of the screen this context stands for (test_accessibility.SCREENS), if any.
        self.screen = f"{color_scheme}, {width} px" + (f", {theme} gekozen" if theme else "")
        viewport = {"width": width, "height": 900}
        self.context = browser.new_context(color_scheme=color_scheme, viewport=viewport)
        self.visit = Visit("")
        self.context.route("**/*", self._route)
        # Before any script of the page: a violation is reported as an event, not always on the console.
        self.context.add_init_script(_RECORD_CSP_VIOLATIONS)
        if theme:
            # As furo's button leaves it: furo's first script reads it before the page is drawn.
            self.context.add_init_script(f"localStorage.setItem('theme', {json.dumps(theme)});")
        self.page = self.context.new_page()
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.visit.console_errors.append(f"pageerror: {error}"))
        self.page.on("requestfailed", self._request_failed)
        self.page.on("response", self._response)

    def _route(self, route: Any) -> None:
        # Every request passes here: record its host, and never let one leave the machine.
        host = urlsplit(route.request.url).hostname or ""
        if route.request.url.startswith(("data:", "blob:", "about:")):
            route.continue_()
            return
        self.visit.hosts.add(host)
        if host in LOCAL_HOSTS:
            route.continue_()
        else:
            route.abort("blockedbyclient")

    def _request_failed(self, request: Any) -> None:
        # Chromium fetches a page's favicon itself (resource type "other") after the load event,
        # often only once the test has already asked for the next page, which then aborts it: the
        # browser's doing, not the page's. A missing favicon still fails as HTTP 404 in _response.
        if request.failure == "net::ERR_ABORTED" and request.resource_type == "other":
            return
        self.visit.failed_requests.append(f"{request.url} ({request.failure})")

    def _console(self, message: Any) -> None:
        if message.type == "error":
            self.visit.console_errors.append(message.text)

    def _response(self, response: Any) -> None:
        if response.status >= 400:
            self.visit.failed_requests.append(f"{response.url} (HTTP {response.status})")
        elif response.request.resource_type == "script":
            try:
                self.visit.script_bytes[response.url] = len(response.body())
            except Exception:  # noqa: BLE001 - a response the page dropped has no body to count
                pass

    def open(self, path: str) -> Visit:
        """Load ``path`` (relative to the site root), wait until its diagrams are drawn."""
        self.visit = Visit(path)
        self.page.goto(self.base_url + path, wait_until="load")
        self.wait_for_diagrams()
        if self.page.locator("pre.mermaid").count():
            # Mermaid may still fetch chunks after drawing; let them finish here,
            # or leaving the page would abort them and blame the next page.
            self.page.wait_for_load_state("networkidle")
        self.visit.csp_violations = self.page.evaluate("() => window.__policyTraceCsp || []")
        return self.visit

    def wait_for_diagrams(self) -> None:
        """Wait until Mermaid has processed every diagram of the page (drawn or failed)."""
        self.page.wait_for_function(
            "() => [...document.querySelectorAll('pre.mermaid')]"
            ".every(el => el.getAttribute('data-processed') === 'true' || el.querySelector('svg'))",
            timeout=DIAGRAM_TIMEOUT_MS,
        )

    def close(self) -> None:
        self.context.close()

    @classmethod
    def on(cls, browser: Any, base_url: str, screen: Screen) -> SiteBrowser:
        """A browsing context showing the site on ``screen``."""
        return cls(browser, base_url, color_scheme=screen.scheme, width=screen.width, theme=screen.theme)


#: sphinx-needs' permalink page only forwards to an item's page (tested on its own).
REDIRECT_PAGES = frozenset({"permalink.html"})


def html_pages(site: Path) -> list[str]:
    """Every HTML page of the built site that shows content, relative to its root, sorted."""
    pages = (path.relative_to(site).as_posix() for path in site.rglob("*.html"))
    return sorted(page for page in pages if page not in REDIRECT_PAGES)


def needs_by_type(site: Path) -> dict[str, list[dict[str, Any]]]:
    """The needs of the site's needs.json grouped by type."""
    data = json.loads((site / "needs.json").read_text(encoding="utf-8"))
    needs = data["versions"][data["current_version"]]["needs"]
    grouped: dict[str, list[dict[str, Any]]] = {}
    for need in needs.values():
        grouped.setdefault(need["type"], []).append(need)
    return grouped


@dataclass
class ToolRecord:
    """One checker's results over the pages of one session."""

    version: str
    rules: str
    findings: int = 0
    checked: set[tuple[str, str]] = field(default_factory=set)


@dataclass
class Toetsing:
    """What the accessibility checkers found on the agenda in this session (for its statement).

    The agenda's conf.py names the JSON file (policy_trace_accessibility_results);
    test_toegankelijkheidsverklaring.py compares it with this record once every
    checker has seen every kind of page on every screen.
    """

    tools: dict[str, ToolRecord] = field(default_factory=dict)

    def record(self, tool: str, version: str, rules: str, kind: str, screen: str, findings: int) -> None:
        """Note that ``tool`` checked one kind of page on one screen and found ``findings`` problems."""
        entry = self.tools.setdefault(tool, ToolRecord(version, rules))
        entry.findings += findings
        entry.checked.add((kind, screen))

    def complete(self, tools: list[str], kinds: list[str], screens: list[str]) -> bool:
        """Whether each of ``tools`` checked every kind of page on every screen."""
        wanted = {(kind, screen) for kind in kinds for screen in screens}
        return all(tool in self.tools and wanted <= self.tools[tool].checked for tool in tools)

    def as_json(self, day: str, kinds: list[str], screens: list[str]) -> dict[str, Any]:
        """The record as the JSON file holds it."""
        return {
            "datum": day,
            "hulpmiddelen": [
                {"naam": name, "versie": entry.version, "regels": entry.rules, "bevindingen": entry.findings}
                for name, entry in sorted(self.tools.items())
            ],
            "paginasoorten": kinds,
            "schermen": screens,
        }
