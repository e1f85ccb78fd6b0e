"""policy-trace: publish a policy programme as a traceable, checked Sphinx site.

As a Sphinx extension: ``extensions = ["policy_trace"]``. For other tools, the
typed public API is what ``__all__`` names: the items of a programme (also read
from a published needs.json), checking them, and what a check finds.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from . import (
    buildlock,
    collector,
    deprecation,
    domain,
    exports,
    model,
    needs_config,
    rebuild,
    settings,
    state,
    upstream,
)
from .checking import check_programme
from .items import Item, Programme, programme_from_needs_json
from .outcome import CheckContext, CheckRun, Finding, Waiver
from .version import __version__

__all__ = [
    "CheckContext", "CheckRun", "Finding", "Item", "Programme", "Waiver", "__version__", "check_programme",
    "programme_from_needs_json", "setup",
]


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the model, its settings and the extensions it builds on."""
    upstream.check_versions()  # the dependencies our seams were written for, or a Dutch error
    app.setup_extension("sphinx_needs")
    app.add_domain(domain.PolicyTraceDomain)  # all our data on the environment (purged, merged, versioned)
    app.setup_extension("sphinxcontrib.mermaid")
    app.setup_extension("policy_trace.assets")  # Mermaid served from the site, not a CDN
    app.setup_extension("policy_trace.pagehead")  # CSP, description and favicon on every page
    app.setup_extension("policy_trace.housestyle")  # the programme's colours, refused below AA contrast
    app.setup_extension("policy_trace.securitytxt")  # an optional /.well-known/security.txt
    app.setup_extension("policy_trace.theme")  # Dutch, accessible furo overrides
    app.setup_extension("policy_trace.handbook")  # handbook tables generated from the model
    app.setup_extension("policy_trace.checks")  # when the rules run, reports, Controle page
    app.setup_extension("policy_trace.views")  # doelenboom, item details, dashboard, matrices, …
    app.setup_extension("policy_trace.paper")  # the board's PDF (policy-trace pdf)

    for setting in model.SETTINGS:
        app.add_config_value(
            setting.name, setting.default, setting.rebuild,
            types=setting.types, description=setting.description,
        )
    # A deprecated setting's old name still reads (model.DEPRECATED), into its replacement.
    declared = {setting.name: setting for setting in model.SETTINGS}
    for old in deprecation.declared("setting"):
        new = declared[old.replacement]
        app.add_config_value(
            old.name, None, new.rebuild, types=(*new.types, type(None)),
            description=f"Afgeschaft sinds {old.since}: gebruik {old.replacement}.",
        )

    # First of all, before the environment is read: one build at a time in an output folder.
    app.connect("config-inited", buildlock.acquire, priority=0)
    app.connect("build-finished", buildlock.release, priority=1001)
    # Before the environment is loaded: fewer garbage collections over the build's long-lived objects.
    gc = collector.Collector()
    app.connect("config-inited", gc.tune, priority=1)
    app.connect("env-before-read-docs", gc.set_aside_before_reading)
    # Last, after every writer of this build.
    app.connect("build-finished", gc.collect_again, priority=1000)
    # Before anything reads a setting whose old name conf.py may still use (model.DEPRECATED).
    app.connect("config-inited", settings.apply_deprecated, priority=3)
    # Before Sphinx's own type check (800): a wrong value gets one Dutch message, then its default.
    app.connect("config-inited", settings.validate_vocabulary, priority=7)
    # Before sphinx-needs reads its configuration (its first handler runs at 10).
    app.connect("config-inited", needs_config.apply, priority=5)
    # After the checks (600): needs.json and the CSV are then final; written beside the pages.
    downloads = exports.Exports()
    app.connect("write-started", downloads.start, priority=900)
    app.connect("build-finished", downloads.finish)
    # Incremental builds as clean ones, when items move, are deleted or share an ID (see rebuild).
    app.connect("env-get-outdated", rebuild.competitors)
    app.connect("env-get-updated", rebuild.all_pages_when_pages_come_or_go)
    app.connect("build-finished", rebuild.remove_pages_of_removed_documents)
    # A page's entry in a table of contents, after Sphinx's collectors of titles and contents (500).
    app.connect("doctree-read", rebuild.note_entry, priority=800)
    app.connect("write-started", rebuild.keep_parents_of_unchanged_entries)
    app.connect("build-finished", rebuild.put_back_parents)
    # A build killed while writing: the next one starts afresh (before Sphinx loads its environment).
    app.connect("config-inited", rebuild.start_afresh_after_an_interrupted_build, priority=1)
    app.connect("write-started", rebuild.mark_writing, priority=0)
    # After every writer of this build (the search index is dumped before build-finished).
    app.connect("build-finished", rebuild.unmark_writing, priority=999)
    # A new build computes its state afresh (settings, programme, copies, check run, …: see state).
    app.connect("env-before-read-docs", state.forget)
    # Every page again when a coupled programme's copy changed.
    app.connect("env-get-outdated", state.outdated_when_copies_change)
    # Late: after every handler that adds or reorders documents to read.
    app.connect("env-before-read-docs", rebuild.purge_before_reading, priority=900)

    return {
        "version": __version__,
        "env_version": domain.DATA_VERSION,  # an environment of an older shape is read afresh
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
