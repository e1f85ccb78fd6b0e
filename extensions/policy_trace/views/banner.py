"""The version, status and date banner on every page, set in conf.py (see model.SETTINGS).

Rendered through furo's ``announcement`` theme option, so it works with the
plain furo templates, and offered to templates as ``policy_trace_banner``.
"""

from __future__ import annotations

import html
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config

from ..dates import build_date, dutch_date, parse_iso


def banner_text(config: Any) -> str:
    """``Versie 1.0 · vastgesteld · 26 september 2014``; without a date: ``gebouwd op <datum>``."""
    parts = []
    version = str(config.policy_trace_version or "").strip()
    if version:
        parts.append(f"Versie {version}")
    status = str(config.policy_trace_status or "").strip()
    if status:
        parts.append(status if parts else status[:1].upper() + status[1:])
    fixed = parse_iso(config.policy_trace_date)
    parts.append(dutch_date(fixed) if fixed else f"gebouwd op {dutch_date(build_date())}")
    if len(parts) == 1:
        parts[0] = parts[0][:1].upper() + parts[0][1:]
    return " \u00b7 ".join(parts)


def set_announcement(_app: Sphinx, config: Config) -> None:
    """``config-inited``: show the banner as furo's announcement, unless conf.py set one."""
    if config.html_theme != "furo":
        return  # other themes warn about an unknown option; they can place policy_trace_banner
    options = dict(config.html_theme_options or {})
    if not options.get("announcement"):
        options["announcement"] = f'<span class="pt-banner">{html.escape(banner_text(config))}</span>'
        config.html_theme_options = options


def add_to_context(_app: Sphinx, _pagename: str, _template: str, context: dict, _doctree: Any) -> None:
    """``html-page-context``: the banner text for templates that place it themselves."""
    context["policy_trace_banner"] = banner_text(_app.config)
