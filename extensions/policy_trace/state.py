"""This build's state, reached one way: what a build computes once and its checks, pages and paper read.

As sphinx-design's ``get_sd_config(env)``: one :class:`BuildState` per build,
held in memory by our Domain (never pickled, never on Sphinx's app or builder)
and forgotten when the next build starts reading. The settings (validated once,
with their Dutch warnings, at ``config-inited``: ``settings``), the
programme, the copies of coupled programmes, every criterion's judgement,
the check run, the published versions, the items to review and the stand
van zaken: each computed on first use, then shared.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, cast

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment
from sphinx_needs.api import get_needs_view

from . import domain, koppelingen
from .changes import Changes, Suspect, suspects
from .dates import build_date, dutch_date, parse_iso
from .items import Item, Programme, item_from_need
from .judging import Judged, Judgements, judge_programme
from .koppelingen import Incoming, Koppelingen
from .outcome import CheckContext, CheckRun, Finding
from .publish import PublishError, Version, read_versions_file
from .settings import CheckSettings, read_settings
from .stand import Stand, compute_stand
from .vocabulary import Vocabulary, of_config


@dataclass
class BuildState:
    """What one build computes once; each part filled on first use (see the functions below)."""

    settings: CheckSettings | None = None
    programme: Programme | None = None
    #: The sphinx-needs view the programme was built from: a new view (more needs read) builds it again.
    needs_view: object = None
    koppelingen: Koppelingen | None = None
    #: Per own item ID: what the coupled programmes' items contribute to it.
    incoming: dict[str, tuple[Incoming, ...]] | None = None
    #: The outcome of the checks, set at ``write-started`` (``checks.events``).
    run: CheckRun | None = None
    #: The findings the Controle pages were written with in this build (``checks.events``), if they were.
    on_controle: tuple[Finding, ...] | None = None
    #: Every finding of the finished build, as the reports list them: set when the Controle pages are
    #: written again, last (``checks.events``), when the warnings' record cannot be reached.
    findings: tuple[Finding, ...] | None = None
    versions: tuple[Version, ...] | None = None
    suspects: dict[str, tuple[Suspect, ...]] | None = None
    stand: Stand | None = None
    #: Every criterion's judgement: judged once, read by PT304 (through the check context), the stand,
    #: the pages and the paper.
    judgements: Judgements | None = None
    vocabulary: Vocabulary | None = None


def of(app: Sphinx) -> BuildState:
    """This build's state (a fresh, unshared one for a view drawn outside a build, without environment)."""
    env = getattr(app, "env", None)
    if env is None:
        return BuildState()
    held = domain.of(env)
    if held.build is None:
        held.build = BuildState()
    return cast(BuildState, held.build)


def forget(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """``env-before-read-docs``: a new build computes everything afresh (the same environment may build
    again in one process: ``policy-trace live``, the warm worker, tests)."""
    domain.of(env).build = None


@dataclass(frozen=True)
class Edition:
    """This version as conf.py names it (``policy_trace_version``, ``_status``, ``_date``), read one way."""

    version: str
    status: str
    #: ``policy_trace_date``; None: the version carries its build date.
    date: dt.date | None

    @classmethod
    def of(cls, config: Config | Any) -> Edition:
        """The edition of a build's configuration (also at ``config-inited``, before there is a build)."""
        return cls(
            str(config.policy_trace_version or "").strip(),
            str(config.policy_trace_status or "").strip(),
            parse_iso(config.policy_trace_date),
        )

    @property
    def dated(self) -> dt.date:
        """The date of this version: ``policy_trace_date``, else the build date."""
        return self.date or build_date()

    @property
    def date_text(self) -> str:
        """``26 september 2014``; without ``policy_trace_date``: ``gebouwd op <datum>``."""
        return dutch_date(self.date) if self.date else f"gebouwd op {dutch_date(build_date())}"


def settings_of_build(app: Sphinx) -> CheckSettings:
    """The programme's settings (peildatum, looptijd, severities); warned about once, at ``config-inited``."""
    held = of(app)
    if held.settings is None:
        held.settings = read_settings(app.config)[0]
    return held.settings


def context_of_build(app: Sphinx) -> CheckContext:
    """What the checks compared against: the run's context once it ran, else the settings' own."""
    run = of(app).run
    return run.context if run is not None else settings_of_build(app).context


def changes_of_build(app: Sphinx) -> Changes | None:
    """The comparison of this build with the last publication, if the checks made one."""
    run = of(app).run
    return run.context.changes if run is not None else None


def suspects_of_build(app: Sphinx) -> dict[str, tuple[Suspect, ...]]:
    """The items to review in this build (by ID), computed once."""
    compared = changes_of_build(app)
    if compared is None:
        return {}
    held = of(app)
    if held.suspects is None:
        held.suspects = suspects(programme_of_build(app), compared)
    return held.suspects


def stand_of_build(app: Sphinx) -> Stand:
    """The stand van zaken of this build, with every criterion's judgement, computed once."""
    held = of(app)
    if held.stand is None:
        context = replace(context_of_build(app), judgements=judgements_of_build(app))
        held.stand = compute_stand(programme_of_build(app), context)
    return held.stand


def judgements_of_build(app: Sphinx) -> Judgements:
    """Every criterion's judgement in this build's programme, judged once per build: the one way the
    checks (PT304, through the check context), the stand, the pages and the paper reach them."""
    held = of(app)
    programme = programme_of_build(app)
    start = settings_of_build(app).context.start
    if held.judgements is None or not held.judgements.holds(programme, start):
        held.judgements = judge_programme(programme, start)
    return held.judgements


def judged_of_build(app: Sphinx, criterion: Item) -> Judged:
    """How a criterion of this build's programme is counted (its judgement), judged once per build."""
    return judgements_of_build(app)[criterion.id]


def vocabulary_of_build(app: Sphinx) -> Vocabulary:
    """The model in this programme's own words (its value lists, its noun), read once per build."""
    held = of(app)
    if held.vocabulary is None:
        held.vocabulary = of_config(app.config)
    return held.vocabulary


def versions_of_build(app: Sphinx) -> tuple[Version, ...]:
    """The versions of the publication (``policy_trace_versions``), read once; none if unreadable."""
    value = app.config.policy_trace_versions
    if not value:
        return ()
    held = of(app)
    if held.versions is None:
        try:
            held.versions = tuple(read_versions_file(Path(app.confdir, value)))
        except PublishError:
            held.versions = ()
    return held.versions


def programme_from_app(app: Sphinx) -> Programme:
    """All items of the build; call once the needs are collected (write phase)."""
    # Where each fence really stands, from our own scan of the sources: sphinx-needs gives an
    # item of an {include}d file the including file's name, and one in a ::::{note} a late line.
    located = domain.of(app.env).item_locations()
    items = []
    words = vocabulary_of_build(app)
    for need in get_needs_view(app).values():
        docname = need.get("docname") or ""
        file = _relative_source(app, docname) if docname else ""
        # A NeedItem reads like a mapping (get, []) but is not registered as one.
        item = item_from_need(cast(Mapping[str, Any], need), file, words)
        if (where := located.get((docname, item.id))) and where != (item.file, item.line):
            item = replace(item, file=where[0], line=where[1])
        items.append(item)
    return Programme.from_items(items, domain.of(app.env).sources.items())


def programme_of_build(app: Sphinx) -> Programme:
    """The programme of this build, built once per needs view and shared by the checks and every page.

    Its first use is after the environment is pickled (``write-started``): resolving the needs
    earlier would pickle them resolved and locked (why: ``views.outdated``).
    """
    view = get_needs_view(app)
    held = of(app)
    if held.programme is None or held.needs_view is not view:
        held.programme, held.needs_view = programme_from_app(app), view
    return held.programme


def _relative_source(app: Sphinx, docname: str) -> str:
    path = app.env.doc2path(docname, base=False)
    return str(path).replace("\\", "/")


# --- the coupled programmes' copies (koppelingen) -----------------------------------------


def koppelingen_of_build(app: Sphinx) -> Koppelingen:
    """The copies of this build, read once per build (``koppel`` may have replaced one since the last)."""
    held = of(app)
    if held.koppelingen is None:
        held.koppelingen = koppelingen.load(app.confdir, app.config.policy_trace_koppelingen)
    return held.koppelingen


def incoming_of_build(app: Sphinx) -> dict[str, tuple[Incoming, ...]]:
    """Per own item ID, the coupled programmes' links to it (their contributions), gathered once per build."""
    held = of(app)
    if held.incoming is None:
        held.incoming = koppelingen.incoming(koppelingen_of_build(app), app.config.policy_trace_programme_id)
    return held.incoming


def outdated_when_copies_change(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """``env-get-outdated``: every page again when a copy changed (a new ``koppel``), as in a clean build.

    The links to coupled items are checked and drawn from the copies: a page that links
    to one, the goal tree and the contributions show what the copy holds. A copy
    changes seldom (it is committed, like a lock file), so a full read then is cheap
    enough and cannot miss a page.
    """
    state = domain.of(env)
    now = koppelingen.digest(app.confdir, app.config.policy_trace_koppelingen)
    before, state.copies_digest = state.copies_digest, now
    if before is None or before == now:
        return []
    return sorted(env.found_docs - added - changed - removed)
