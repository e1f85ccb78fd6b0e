"""When the checks run in a Sphinx build, and where their findings go."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.builders.singlehtml import SingleFileHTMLBuilder
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from .. import changes, publication, settings, state
from ..checking import check_programme
from ..findings import Finding, report
from ..reports import summary_line, write_reports
from ..state import programme_of_build
from ..upstream.sphinx_needs import forget_external_needs
from ..views import controle
from . import messages

logger = logging.getLogger(__name__)


def check_all_items(app: Sphinx, builder: Builder) -> None:
    """Check every item once per build and report each finding (``write-started``).

    Why ``write-started``: it is emitted on every build by every builder
    (also by ``-b needs``, and also when no document was re-read), in the main
    process, after all documents are read and parallel reads are merged.
    ``env-check-consistency`` is skipped when nothing changed, and the needs
    may only be read through ``get_needs_view`` once reading is over: that
    call resolves back links and locks the data, which sphinx-needs itself
    does at this event. So the checks see all items, also after an
    incremental rebuild in which other files were not re-read, and their
    findings are reported again in every build.
    """
    chosen = state.settings_of_build(app)
    context = chosen.context
    compared = compare_with_previous(app)
    if compared is not None:
        context = replace(context, changes=compared)
    # The judgements this build's pages and paper show: PT304 compares the status with the same ones.
    context = replace(
        context, koppelingen=state.koppelingen_of_build(app), judgements=state.judgements_of_build(app)
    )
    run = check_programme(programme_of_build(app), context, chosen.overrides, app.config.suppress_warnings)
    state.of(app).run = run
    for found in run.findings:
        report(found)


def compare_with_previous(app: Sphinx) -> changes.Changes | None:
    """This build compared with the needs.json of ``policy_trace_previous``; None without it.

    A previous publication that cannot be read is a ``policy.config`` warning
    (``-W`` fails): a comparison that silently shows nothing would mislead.
    """
    value = app.config.policy_trace_previous
    if value in (None, ""):
        return None
    if not isinstance(value, (str, Path)):
        settings.config_warning(
            app,
            "policy_trace_previous",
            "policy_trace_previous moet een pad naar een needs.json zijn; nu is het: "
            f"{value!r}. Er wordt nu niet vergeleken.",
        )
        return None
    path = Path(app.confdir, value)
    try:
        previous, published = publication.load_previous(path)
    except publication.PreviousError as error:
        settings.config_warning(
            app,
            "policy_trace_previous",
            f"policy_trace_previous: {error} Er wordt nu niet vergeleken; geef het pad naar de "
            "needs.json van de vorige publicatie.",
        )
        return None
    current = {item.id: changes.snapshot(item) for item in programme_of_build(app)}
    return changes.compare(previous, current, published)


def forget_external_items(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """No item of an earlier configuration survives (``env-before-read-docs``): see the seam."""
    forget_external_needs(env)


def findings_of_build(app: Sphinx) -> list[Finding]:
    """Every finding of this build so far, as the reports list them: the rules' and every warning shown."""
    run = state.of(app).run
    # Every warning the build showed is in the reports too, with its code: the gate counts what fails.
    return sorted({*(run.findings if run else ()), *messages.shown(app)}, key=Finding.sort_key)


def fill_controle_pages(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: the Controle page shows the findings the reports list."""
    if not controle.has_overview(doctree):
        return
    held = state.of(app)
    held.on_controle = held.findings if held.findings is not None else tuple(findings_of_build(app))
    controle.render_overviews(app, doctree, docname, held.on_controle)


def rewrite_controle_pages(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: write the Controle pages once more, now every other page is written.

    Sphinx gives some warnings only while it writes pages (a reference it
    cannot resolve, in MyST's or sphinx-needs' words), and holds them back
    until every page is written (with ``-j``, until each process is done): when
    the Controle page was written they had not reached the record of warnings
    shown. Written last, it shows what the reports list. Its own warnings were
    said the first time, so they are not said again.
    """
    builder = app.builder
    held = state.of(app)
    if exception is not None or held.run is None or not isinstance(builder, StandaloneHTMLBuilder):
        return
    if isinstance(builder, SingleFileHTMLBuilder):
        return  # one page for the whole site, written at once: its overview is as complete as it gets
    # Taken now: while logging is suppressed, the record of the warnings shown is out of reach.
    final = tuple(findings_of_build(app))
    if held.on_controle is None or held.on_controle == final:
        return  # not written in this build (nothing changed), or written with every finding already
    held.findings = final
    for docname in controle.overview_pages(app.env):
        with logging.suppress_logging():
            builder.write_doc(docname, app.env.get_and_resolve_doctree(docname, builder))


def write_reports_and_summary(app: Sphinx, exception: BaseException | None) -> None:
    """Write the report files and end with one summary line (``build-finished``)."""
    run = state.of(app).run if exception is None else None
    if run is None:
        return
    findings = findings_of_build(app)
    write_reports(Path(app.outdir), findings, run.items)
    if run.context.changes is not None:
        text = publication.changes_json(run.context.changes, programme_of_build(app))
        Path(app.outdir, publication.CHANGES_FILE).write_text(text, encoding="utf-8")
    logger.info(summary_line(findings))
