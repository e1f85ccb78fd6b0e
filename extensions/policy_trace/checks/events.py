"""When the checks run in a Sphinx build, and where their findings go."""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from .. import domain
from ..findings import report
from ..items import programme_of_build
from ..reports import summary_line, write_reports
from . import messages, settings
from .registry import check_programme

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
    chosen = settings.check_settings(app.config)
    run = check_programme(
        programme_of_build(app), chosen.context, chosen.overrides, app.config.suppress_warnings
    )
    domain.of(app.env).run = run
    for found in run.findings:
        report(found)


def forget_previous_run(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """Drop an earlier outcome when the same environment builds again (``env-before-read-docs``)."""
    domain.of(env).run = None


def write_reports_and_summary(app: Sphinx, exception: BaseException | None) -> None:
    """Write the report files and end with one summary line (``build-finished``)."""
    run = domain.of(app.env).run if exception is None else None
    if run is None:
        return
    write_reports(Path(app.outdir), run.findings, run.items)
    logger.info(summary_line(run.findings, messages.upstream_count(app)))
