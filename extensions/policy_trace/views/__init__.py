"""The stakeholder views: doelenboom, item details, dashboard, matrices, parties, planning, downloads.

Directives only mark their place while pages are read; everything is drawn
when a page is written (``doctree-resolved``), from the read-only
``items.Programme`` of all items.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import MappingProxyType
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config

from .. import deprecation, model
from ..upstream import sphinx_needs
from ..version import __version__
from . import (
    aannames,
    banner,
    bijdragen,
    controle,
    doelenboom,
    downloads,
    item_details,
    outdated,
    partijen,
    planning,
    samenhang,
    sections,
    stand,
    tevreden,
    verklaring,
    wijzigingen,
)
from .context import ViewContext, programme
from .placeholders import deprecated_directive, skip_placeholder, view_placeholder

Renderer = Callable[[ViewContext, dict], list[nodes.Node]]

#: Directive name -> (directive class, renderer).
VIEWS: MappingProxyType[str, tuple[type, Renderer]] = MappingProxyType(
    {
        "doelenboom": (doelenboom.DoelenboomDirective, doelenboom.render),
        "tevreden": (tevreden.TevredenDirective, tevreden.render),
        "samenhangmatrix": (samenhang.SamenhangmatrixDirective, samenhang.render),
        "aannames": (aannames.AannamesDirective, aannames.render),
        "partijen": (partijen.PartijenDirective, partijen.render),
        "planning": (planning.PlanningDirective, planning.render),
        "downloads": (downloads.DownloadsDirective, downloads.render),
        "wijzigingen": (wijzigingen.WijzigingenDirective, wijzigingen.render),
        "bijdragen": (bijdragen.BijdragenDirective, bijdragen.render),
        "stand": (stand.StandDirective, stand.render),
    }
)

#: Our own small stylesheet (status colours, progress, tables), under views/static/.
STYLESHEET = "policy_trace_views/views.css"
#: Our dark colours in furo's automatic mode, for furo sites only (a theme without a dark mode stays light).
AUTO_DARK_STYLESHEET = "policy_trace_views/views-auto-dark.css"


def render_views(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: draw the views of this page and the details of its items."""
    placeholders = list(doctree.findall(view_placeholder))
    holds_items = outdated.holds(app.env, docname, outdated.ITEMS)
    if holds_items or outdated.holds(app.env, docname, outdated.NEEDS_FILTER):  # needextract draws items too
        sphinx_needs.stable_container_ids(doctree)
    if not placeholders and not holds_items:
        return
    ctx = ViewContext(app, docname, programme(app))
    for placeholder in placeholders:
        _directive, render = VIEWS[placeholder["view"]]
        placeholder.replace_self(render(ctx, placeholder["options"]))
    if holds_items:
        item_details.add_details(ctx, doctree)


def keep_examples_out_of_search(_app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read``: an example item in the handbook is no item of the programme to search for."""
    sections.keep_examples_out_of_search(doctree)


def add_auto_dark_stylesheet(app: Sphinx) -> None:
    """``builder-inited``: follow the browser's dark mode where furo does."""
    if app.builder.format == "html" and app.config.html_theme == "furo":
        app.add_css_file(AUTO_DARK_STYLESHEET)


def add_static_path(_app: Sphinx, config: Config) -> None:
    """``config-inited``: serve views/static/ (our stylesheet, its status markers from the model)."""
    static = str(Path(__file__).parent / "static")
    if static not in config.html_static_path:
        config.html_static_path = [*config.html_static_path, static]
    config.html_context = {**config.html_context, "policy_trace_status_css": status_css()}


def status_css() -> str:
    """The CSS of each status's marker on the timeline of the planning and its legend (Status.marker)."""
    return "\n".join(
        f".pt-ruit.pt-{s.name}, .pt-ruit-sleutel.pt-{s.name} {{ {s.marker}; }}"
        for s in model.STATUSES
        if s.marker
    )


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the view directives and the events that draw them (their settings are in model.SETTINGS)."""
    # No writer shows these nodes (placeholders are replaced before writing).
    skip = (skip_placeholder, None)
    app.add_node(view_placeholder, html=skip, latex=skip, text=skip, man=skip, texinfo=skip)
    app.add_node(item_details.search_text, html=skip, latex=skip, text=skip, man=skip, texinfo=skip)
    for name, (directive, _render) in VIEWS.items():
        app.add_directive(name, directive)
    # The Controle page: filled in once the checks have run, with what the reports list (checks.events).
    app.add_node(controle.ControlOverview)
    app.add_directive("controle-overzicht", controle.ControlOverviewDirective)
    # The toegankelijkheidsverklaring and the colofon: from conf.py, read with the page.
    for name, statement_directive in verklaring.DIRECTIVES.items():
        app.add_directive(name, statement_directive)
    # A block under its old name (model.DEPRECATED) until that name's removal version.
    blocks = {name: directive for name, (directive, _render) in VIEWS.items()}
    blocks.update({"controle-overzicht": controle.ControlOverviewDirective, **verklaring.DIRECTIVES})
    for old in deprecation.declared("directive"):
        app.add_directive(old.name, deprecated_directive(blocks[old.replacement], old))
    app.connect("config-inited", verklaring.check_settings, priority=20)  # after validate_vocabulary (7)
    app.connect("env-get-outdated", controle.outdated_overview_pages)
    app.connect("env-updated", controle.remember_reference_date)

    # After sphinx-needs' own handlers (priority 12) and before it compiles layouts (550).
    app.connect("config-inited", item_details.register_layout, priority=13)
    app.connect("config-inited", banner.set_announcement, priority=800)  # after conf.py's theme options
    app.connect("config-inited", add_static_path)
    app.connect("html-page-context", banner.add_to_context)
    app.connect("build-finished", banner.write_version_file)
    app.add_css_file(STYLESHEET)
    app.connect("builder-inited", add_auto_dark_stylesheet)

    app.connect("doctree-read", outdated.note_page)
    app.connect("doctree-read", keep_examples_out_of_search)
    app.connect("env-get-updated", outdated.pages_to_rewrite)
    # After sphinx-needs has turned each item into its layout table (default priority 500).
    app.connect("doctree-resolved", render_views, priority=600)

    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
