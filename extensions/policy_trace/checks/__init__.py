"""The rules of spec section 5 (``policy_trace.rules``) in the build.

``setup`` registers when the checks run (once per build, over all items),
how findings reach the console and the report files (the Controle page is a view: views/controle.py).
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from .. import settings
from ..checking import check_programme, run_checks
from ..findings import FINDINGS_EVENT
from ..outcome import CheckContext, CheckRun
from ..version import __version__
from . import events, markup, messages, source
from .builder import CheckBuilder

__all__ = ["CheckContext", "CheckRun", "check_programme", "run_checks", "setup"]


def setup(app: Sphinx) -> dict[str, Any]:
    """Run the checks in every build and publish their findings."""
    # Late, after the model's own config-inited handlers: only reads settings.
    # First of all: our wording and count of Sphinx's, sphinx-needs' and MyST's own warnings.
    app.connect("config-inited", messages.install, priority=0)
    app.connect("config-inited", settings.validate, priority=800)
    # Before Sphinx's own type check (800), which would say the same in English.
    app.connect("config-inited", settings.validate_types, priority=790)
    # Before Sphinx's own use of SOURCE_DATE_EPOCH (its copyright year, at 800), which crashes on a bad value.
    app.connect("config-inited", settings.validate_environment, priority=2)
    # Before sphinx-needs loads needs_external_needs (500): only what conf.py names now is kept.
    app.connect("env-before-read-docs", events.forget_external_items, priority=450)
    # Every page that warned last time is read (and written) again, so its warnings are never lost.
    app.connect("env-get-outdated", messages.read_again)
    app.connect("build-finished", messages.remember_warned)
    # After Sphinx's own check of source_encoding (790), which would call our UTF-8 codec foreign.
    app.connect("config-inited", source.read_any_bytes, priority=795)
    # Where items stand, and what was typed wrong (PT107-PT109), kept in the domain per page.
    app.connect("source-read", source.read_source)
    app.connect("include-read", source.read_include)
    # Right after parsing, before any handler copies the doctree: nothing of the author's runs (PT112).
    app.connect("doctree-read", markup.guard, priority=100)
    app.connect("config-inited", markup.leave_sources_out)
    app.connect("build-finished", markup.remove_sources_folder)
    # After sphinx-needs' own write-started handlers (500): the needs are then
    # post-processed and validated, and our findings follow its messages.
    app.connect("write-started", events.check_all_items, priority=600)
    # Every finding so far, for what is written above this layer (the paper's appendix).
    app.add_event(FINDINGS_EVENT)
    app.connect(FINDINGS_EVENT, events.findings_of_build)
    # The Controle page shows what the reports list (views/controle.py); written once more, last,
    # after the other build-finished handlers (500) that may still warn.
    app.connect("doctree-resolved", events.fill_controle_pages)
    app.connect("build-finished", events.rewrite_controle_pages, priority=800)
    # Late, so the summary is the last line before Sphinx's own closing line.
    app.connect("build-finished", events.write_reports_and_summary, priority=900)

    app.add_builder(CheckBuilder)  # make check

    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
