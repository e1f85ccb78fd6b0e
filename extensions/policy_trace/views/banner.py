"""The version, status and date banner on every page, set in conf.py (see model.SETTINGS).

Rendered through furo's ``announcement`` theme option, so it works with the
plain furo templates, and offered to templates as ``policy_trace_banner``.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config

from ..koppelingen import is_identity
from ..publication import VERSION_FILE, version_json
from ..publish import ROOT_PAGE, WORKING
from ..state import Edition, versions_of_build
from . import outdated


def banner_text(config: Any) -> str:
    """``Versie 1.0 · vastgesteld · 26 september 2014``; without a date: ``gebouwd op <datum>``."""
    edition = Edition.of(config)
    parts = []
    if edition.version:
        parts.append(f"Versie {edition.version}")
    if edition.status:
        parts.append(edition.status if parts else edition.status[:1].upper() + edition.status[1:])
    parts.append(edition.date_text)
    if len(parts) == 1:
        parts[0] = parts[0][:1].upper() + parts[0][1:]
    return " \u00b7 ".join(parts)


def version_date(config: Any) -> str:
    """The date of this version (ISO): ``policy_trace_date``, else the build date."""
    return Edition.of(config).dated.isoformat()


def write_version_file(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: ``versie.json`` at the root of an HTML build (read by a later comparison)."""
    if exception is not None or app.builder.format != "html":
        return
    config = app.config
    edition = Edition.of(config)
    programme_id = config.policy_trace_programme_id
    text = version_json(
        edition.version, edition.status, edition.dated.isoformat(),
        programme_id if is_identity(programme_id) else "", str(config.project or ""),
    )
    Path(app.outdir, VERSION_FILE).write_text(text, encoding="utf-8")


def _static_banner(config: Any) -> str:
    return f'<span class="pt-banner">{html.escape(banner_text(config))}</span>'


def set_announcement(_app: Sphinx, config: Config) -> None:
    """``config-inited``: show the banner as furo's announcement, unless conf.py set one."""
    if config.html_theme != "furo":
        return  # other themes warn about an unknown option; they can place policy_trace_banner
    options = dict(config.html_theme_options or {})
    if not options.get("announcement"):
        options["announcement"] = _static_banner(config)
        config.html_theme_options = options


def banner_links(app: Sphinx, pathto: Any) -> str:
    """The banner's links from one page: the other versions, all versions, and Wat is er veranderd.

    Per page, because a link is relative to the page it is on. Only versions
    known when this one was published are listed; the page with all versions
    (the publication's root) always has the current list.
    """
    esc = html.escape
    parts = []
    versions = versions_of_build(app)
    if versions:
        own = Edition.of(app.config).version or WORKING
        others = [
            f'<a href="{esc(pathto(f"../{v.path}index.html", 1))}">'
            f"{esc(WORKING if v.version == WORKING else 'versie ' + v.version)}</a>"
            for v in versions
            if v.version != own
        ]
        if others:
            parts.append("andere versies: " + ", ".join(others))
        parts.append(f'<a href="{esc(pathto("../" + ROOT_PAGE, 1))}">alle versies</a>')
    pages = outdated.pages_with(app.env, "wijzigingen")
    if pages:
        parts.append(f'<a href="{esc(pathto(pages[0]))}">wat is er veranderd</a>')
    if not parts:
        return ""
    return ' <span class="pt-banner-links">\u00b7 ' + " \u00b7 ".join(parts) + "</span>"


def add_to_context(app: Sphinx, _pagename: str, _template: str, context: dict, _doctree: Any) -> None:
    """``html-page-context``: the banner text for templates, and furo's banner with this page's links."""
    context["policy_trace_banner"] = banner_text(app.config)
    ours = _static_banner(app.config)
    if context.get("theme_announcement") == ours and "pathto" in context:
        context["theme_announcement"] = ours + banner_links(app, context["pathto"])
