"""This build's state, reached one way: the programme every check and page of a build reads.

Sphinx-bound (it reads sphinx-needs' view of the needs and our Domain); what
it builds is plain data from ``items``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any, cast

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx_needs.api import get_needs_view

from . import domain, koppelingen
from .items import Programme, item_from_need
from .koppelingen import Koppelingen
from .vocabulary import of_config


def programme_from_app(app: Sphinx) -> Programme:
    """All items of the build; call once the needs are collected (write phase)."""
    # Where each fence really stands, from our own scan of the sources: sphinx-needs gives an
    # item of an {include}d file the including file's name, and one in a ::::{note} a late line.
    located = domain.of(app.env).item_locations()
    items = []
    words = of_config(app.config)
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

    Kept on the builder, not the environment: the environment is pickled and a
    ``Programme`` holds mapping proxies, which cannot be.
    """
    view = get_needs_view(app)
    cached = getattr(app.builder, "_policy_trace_programme", None)
    if cached is not None and cached[0] is view:
        return cast(Programme, cached[1])
    result = programme_from_app(app)
    app.builder._policy_trace_programme = (view, result)  # type: ignore[attr-defined]
    return result


def _relative_source(app: Sphinx, docname: str) -> str:
    path = app.env.doc2path(docname, base=False)
    return str(path).replace("\\", "/")


# --- the coupled programmes' copies (koppelingen) -----------------------------------------


def koppelingen_of_build(app: Sphinx) -> Koppelingen:
    """The copies of this build, read once per build (forgotten at ``env-before-read-docs``)."""
    state = domain.of(app.env)
    if state.koppelingen is None:
        state.koppelingen = koppelingen.load(app.confdir, app.config.policy_trace_koppelingen)
    return state.koppelingen


def forget_koppelingen(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """``env-before-read-docs``: read the copies afresh in every build (``koppel`` may have replaced one)."""
    domain.of(env).koppelingen = None


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
