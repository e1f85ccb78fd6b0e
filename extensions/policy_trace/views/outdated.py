"""Incremental builds: rewrite the pages whose views or item details an edit may have changed.

Upstream sphinx-needs does not do this (its issues #343, #353, #354). Our views
and the per-item details are computed when a page is written, from all items,
so a page need not be read again: it is enough to *write* it again. Sphinx
asks for such pages with ``env-get-updated``, after reading.

Rewriting every page that holds items after any edit costs most of a full
build at 2,000 items, so we rewrite only:

- pages that show the whole programme: our views (doelenboom, dashboard,
  matrices, parties, planning, downloads), and sphinx-needs' filters and
  diagrams (needtable, needflow, need_count, …), when any item changed;
- pages holding an item whose details could have changed: a changed item
  (added, removed, moved, or a title, status, field, tag or link changed), the
  items it links to before and after the edit, and the items that link to it;
- pages that name a changed item with sphinx-needs' ``need`` role (it shows
  the item's title), or list the links of an item of the previous point
  (``need_incoming``, ``need_outgoing``).

An edit to an item's text alone changes no other page. To know what changed
we keep, per page, a :class:`~policy_trace.domain.PageRecord` in
:class:`~policy_trace.domain.PolicyTraceDomain` (views, items as the views see
them, role targets), which Sphinx purges per page and merges after parallel
reads; the domain sets a page's record from the previous build aside when the
page is purged, and it is compared with its new one after reading.

Why a page's items are recorded while it is read, and not taken from the
programme: a need has two states in a build, and each has one moment.

- The programme's items (``state.programme_of_build``) are the needs as
  sphinx-needs resolved them: ``needextend`` applied, dynamic functions
  computed, links sorted and without repeats. They are built once per build,
  on first use after reading (``write-started``). Not earlier: ``get_needs_view``
  resolves the needs in place and locks them, and Sphinx pickles the
  environment after ``env-get-updated`` and before ``write-started``. Resolved
  before the pickle, the next incremental build starts from resolved, locked
  needs: sphinx-needs 9.1 stops when it purges a changed page ("Needs have
  already been post-processed and frozen"), and with the lock lifted a
  ``needextend`` that adds to a field adds a second time (tried on a
  three-page project: ``one more`` became ``one more more``).
- Which pages to write again must be known at ``env-get-updated``: nothing
  later adds a page to the write. So the record of a page is made when the page
  is read (:func:`note_page`), with :attr:`~policy_trace.items.Item.record` of
  each of its needs as read; only re-read pages are recorded (every page in a
  full build), and the other pages keep theirs from the pickled environment.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from .. import domain
from ..domain import PageRecord
from ..items import ItemRecord, item_from_need
from ..upstream import sphinx_needs

#: The pseudo-view of a page that declares items.
ITEMS = "items"
#: The pseudo-view of a page with a sphinx-needs filter or diagram (needtable, needflow, …).
NEEDS_FILTER = "needs-filter"
#: The pseudo-view of a page with a ``needextend``: it may change items on any page.
NEEDS_EXTEND = "needextend"

#: Per item ID: the page it is on and its record.
Located = dict[str, tuple[str, ItemRecord]]


def note_view(env: BuildEnvironment, docname: str, view: str) -> None:
    """Remember that ``docname`` shows ``view``."""
    domain.of(env).record(docname).views.add(view)


def holds(env: BuildEnvironment, docname: str, view: str) -> bool:
    """Whether ``docname`` shows ``view``."""
    record = domain.of(env).pages.get(docname)
    return record is not None and view in record.views


def pages_with(env: BuildEnvironment, view: str) -> list[str]:
    """The pages that show ``view``, sorted."""
    return _pages_with(domain.of(env).pages, view)


def _pages_with(records: Mapping[str, PageRecord], view: str) -> list[str]:
    return sorted(docname for docname, record in records.items() if view in record.views)


def note_page(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read``: remember the page's items (as the views see them), filters and role targets."""
    env = app.env
    record = domain.of(env).record(env.docname)
    kinds = sphinx_needs.node_classes()
    roles = (*kinds.names, *kinds.lists)
    # Read phase: the needs of this page are collected but not yet resolved (no back links,
    # no needextend), which is all a record needs; see the module's docstring for why the
    # programme's items, built after the pickle, cannot serve here.
    needs = None
    for node in doctree.findall(nodes.Element):
        if isinstance(node, kinds.need):
            needs = needs if needs is not None else sphinx_needs.needs_while_reading(env)
            need = needs.get(node["refid"])
            if need is not None:
                item = item_from_need(need, "")
                record.items[item.id] = item.record
            record.views.add(ITEMS)
        elif isinstance(node, roles):
            target = str(node.get("reftarget") or "").split(".", 1)[0]  # "ID.part" names a part of ID
            if target:
                (record.refs if isinstance(node, kinds.names) else record.link_refs).add(target)
        elif isinstance(node, kinds.whole):
            record.views.add(NEEDS_FILTER)
        elif isinstance(node, kinds.extend):
            record.views.add(NEEDS_EXTEND)


def _located(records: Iterable[tuple[str, PageRecord]]) -> Located:
    """Each item's page and record."""
    return {item_id: (docname, item) for docname, record in records for item_id, item in record.items.items()}


def changed_items(old: Located, new: Located) -> set[str]:
    """IDs of the items that were added, removed, moved or changed."""
    return {item_id for item_id in old.keys() | new.keys() if old.get(item_id) != new.get(item_id)}


def affected_items(old: Located, new: Located, changed: set[str]) -> set[str]:
    """The items whose details may show something else: the changed items and those linked with them.

    ``old`` holds the re-read pages' items as the previous build saw them,
    ``new`` every item now. An item whose page or face changed (or that came or
    went) changes the details of every item it links to, before and after, and
    of every item that links to it. An item whose links alone changed changes
    the details of the items it stopped or started linking to.
    """
    affected = set(changed)
    linking_to: dict[str, set[str]] = {}
    for other_id, (_doc, other) in new.items():
        for _link, target in other.edges:
            linking_to.setdefault(target, set()).add(other_id)
    for item_id in changed:
        before, after = old.get(item_id), new.get(item_id)
        old_edges = before[1].edges if before else frozenset()
        new_edges = after[1].edges if after else frozenset()
        if before and after and before[0] == after[0] and before[1].face == after[1].face:
            affected |= {target for _link, target in old_edges ^ new_edges}
        else:
            affected |= {target for _link, target in old_edges | new_edges}
            # Items that link to it and were not read again link to it as before.
            affected |= linking_to.get(item_id, set())
    return affected


def pages_to_rewrite(_app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-get-updated``: the pages whose views or item details the re-read pages may have changed."""
    store = domain.of(env)
    before = store.take_previous()  # the previous records are set aside by PolicyTraceDomain.clear_doc
    if not before:
        return []
    records = store.pages
    reread = [records[docname] for docname in before if docname in records]
    if any(NEEDS_EXTEND in record.views for record in [*before.values(), *reread]) or (
        _app.config.policy_trace_previous
    ):
        # A needextend may change items on any page; compared with a previous publication, an edit
        # of one item's text makes the items linking to it te herzien on their pages: rewrite
        # everything that shows items.
        return sorted(docname for docname, record in records.items() if record.views)
    old = _located(before.items())
    new = _located(records.items())
    changed = changed_items(old, {item_id: new[item_id] for item_id in new if new[item_id][0] in before})
    # Each party's details link to the first page with the parties view.
    if _pages_with({**records, **before}, "partijen")[:1] != _pages_with(records, "partijen")[:1]:
        changed |= {item_id for item_id, (_doc, item) in new.items() if item.face[0] == "partij"}  # the type
    # A view that came or went on a re-read page moves what other views link to (the page with the
    # whole stand, say): then every page with a view is written again, as when an item changed.
    views_moved = any(before[name].views != records[name].views for name in before if name in records)
    if not changed and not views_moved:
        return []
    affected = affected_items(old, new, changed)
    return sorted(
        docname
        for docname, record in records.items()
        if record.views - {ITEMS}
        or not affected.isdisjoint(record.items)
        or not affected.isdisjoint(record.link_refs)
        # The need role shows the item itself (its title, or what needs_role_need_template says).
        or not changed.isdisjoint(record.refs)
    )
