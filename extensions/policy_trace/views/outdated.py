"""Incremental builds: rewrite every page that shows items when any item changed.

Upstream sphinx-needs does not do this (its issues #343, #353, #354). Our views
and the per-item details are computed when a page is written, from all items,
so a page need not be read again: it is enough to *write* it again. Sphinx
asks for such pages with ``env-get-updated``, after reading. We keep, per page,
which views it holds (and whether it holds items) on the environment, purged
per page and merged after parallel reads.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

#: The pseudo-view of a page that declares items.
ITEMS = "items"
_VIEWS = "policy_trace_views"
_TOUCHED = "policy_trace_items_touched"


def _views(env: BuildEnvironment) -> dict[str, set[str]]:
    if not hasattr(env, _VIEWS):
        setattr(env, _VIEWS, {})
    return getattr(env, _VIEWS)


def note_view(env: BuildEnvironment, docname: str, view: str) -> None:
    """Remember that ``docname`` shows ``view``."""
    _views(env).setdefault(docname, set()).add(view)


def holds(env: BuildEnvironment, docname: str, view: str) -> bool:
    """Whether ``docname`` shows ``view``."""
    return view in _views(env).get(docname, ())


def pages_with(env: BuildEnvironment, view: str) -> list[str]:
    """The pages that show ``view``, sorted."""
    return sorted(docname for docname, views in _views(env).items() if view in views)


def note_items(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read``: remember whether this page declares items."""
    # sphinx-needs leaves one Need node per item in the doctree it reads.
    from sphinx_needs.nodes import Need

    if doctree.next_node(Need) is not None:
        note_view(app.env, app.env.docname, ITEMS)


def purge(_app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    """``env-purge-doc``: forget a page that is read again or removed."""
    _views(env).pop(docname, None)


def merge(_app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment) -> None:
    """``env-merge-info``: take over what parallel readers noted."""
    theirs = _views(other)
    for docname in docnames:
        if docname in theirs:
            _views(env)[docname] = set(theirs[docname])


def _touch(env: BuildEnvironment, docnames: object) -> None:
    views = _views(env)
    if any(ITEMS in views.get(docname, ()) for docname in docnames):  # type: ignore[attr-defined]
        setattr(env, _TOUCHED, True)


def note_removed(
    _app: Sphinx, env: BuildEnvironment, _added: set[str], _changed: set[str], removed: set[str]
) -> list[str]:
    """``env-get-outdated``: a removed page that held items changes every view."""
    setattr(env, _TOUCHED, False)
    _touch(env, removed)
    return []


def note_reread(_app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """``env-before-read-docs``: a page re-read that held items (before it is purged)."""
    _touch(env, docnames)
    env.policy_trace_reread = list(docnames)


def pages_to_rewrite(_app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-get-updated``: if any item may have changed, every page with a view or items."""
    _touch(env, getattr(env, "policy_trace_reread", ()))  # a page that now holds items
    touched = getattr(env, _TOUCHED, False)
    setattr(env, _TOUCHED, False)
    env.policy_trace_reread = []
    if not touched:
        return []
    return sorted(docname for docname, views in _views(env).items() if views)
