"""sphinx-needs' internals that policy-trace relies on (written for sphinx-needs 9.1.0).

Its public API (``sphinx_needs.api``: ``get_needs_view``, ``add_need_layout``,
…; the ``needs_*`` configuration) covers what the checks and views read once
all documents are read. It offers nothing for the rest, gathered here:

- which of its nodes show a filtered selection of all needs, and which roles
  name one need or list its links (incremental builds, ``views/outdated.py``);
- the needs of a page while it is read (``get_needs_view`` locks the data);
- the random ``SNCB-`` ID of the box around each need, made stable;
- its permalink page, a fixed English file it copies at ``env-updated``;
- the HTML of its needtables: the English headings of columns without a
  title of their own, and where its ``needstable.js`` reads its labels
  (``data-needstable-labels``, a documented attribute; set on the HTML because
  its table node has no way to carry it);
- needs.json, made as its ``NeedsBuilder.finish`` makes it but with the C
  JSON encoder (speed: see ``needs_json.py``), and its ``needs`` builder, which
  ``make check``'s builder extends.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx_needs.builder import NeedsBuilder

from .pin import Pin

PIN = Pin("sphinx-needs", "9.1.0", "sphinx_needs")

__all__ = [
    "PIN", "NeedsBuilder", "NodeClasses", "forget_external_needs", "needs_json_bytes", "node_classes",
    "needs_while_reading", "without_need_boxes", "RESOLVERS",
]

#: The prefix of sphinx-needs' random ID on the box around a need (``layout.py``).
CONTAINER_PREFIX = "SNCB-"

NodeTypes = tuple[type[nodes.Element], ...]

#: The tables its needstable.js enhances; it reads its labels from ``data-needstable-labels``.
_NEEDSTABLE = re.compile(r'<table class="([^"]*\bNEEDS_DATATABLES\b[^"]*)"(?![^>]*data-needstable-labels)')
#: A needtable column heading, as it writes it (``<th class="head needs_col_title" …><p>Title</p>``).
_COLUMN_HEADING = re.compile(r'(<th class="head needs_col_[^"]*"[^>]*><p>)([^<]*)(</p></th>)')


class NodeClasses:
    """sphinx-needs' node classes, grouped by what a page that holds one depends on."""

    def __init__(self) -> None:
        from sphinx_needs.directives.needextend import Needextend
        from sphinx_needs.needs import NODE_TYPES, NODE_TYPES_PRIO
        from sphinx_needs.nodes import Need
        from sphinx_needs.roles.need_incoming import NeedIncoming
        from sphinx_needs.roles.need_outgoing import NeedOutgoing
        from sphinx_needs.roles.need_part import NeedPart
        from sphinx_needs.roles.need_ref import NeedRef

        #: A need itself (its ``refid`` is the need's ID).
        self.need: type[nodes.Element] = Need
        #: Roles that name one need (they show its title).
        self.names: NodeTypes = (NeedRef, NeedPart)
        #: Roles that list the links of one need.
        self.lists: NodeTypes = (NeedIncoming, NeedOutgoing)
        # NODE_TYPES is the table sphinx-needs itself processes when a page is
        # written: every node in it but the roles above shows a filtered
        # selection of all needs (needtable, needflow, need_count, …).
        roles = (*self.names, *self.lists)
        #: Nodes that show a selection of all needs.
        self.whole: NodeTypes = tuple(node for node in (*NODE_TYPES_PRIO, *NODE_TYPES) if node not in roles)
        #: ``needextend``: it may change needs on any page.
        self.extend: type[nodes.Element] = Needextend


def node_classes() -> NodeClasses:
    """sphinx-needs' node classes (imported when first asked for: sphinx-needs is then set up)."""
    return NodeClasses()


def needs_while_reading(env: BuildEnvironment) -> Mapping[str, Mapping[str, Any]]:
    """The needs read so far, unresolved (no back links), without locking them.

    ``get_needs_view``, the public way, resolves and locks the needs: it may be
    called only once all documents are read.
    """
    from sphinx_needs.data import SphinxNeedsData

    # A NeedItem reads like a mapping (get, []) but is not registered as one.
    return SphinxNeedsData(env).get_needs_mutable()  # type: ignore[return-value]


def without_need_boxes(doctree: nodes.document) -> None:
    """Replace each need's node by its content, so resolving the page skips drawing the item boxes.

    sphinx-needs draws each need's box (its layout table) when a page is resolved
    (``process_need_nodes`` at ``doctree-resolved``); for ``make check``, which
    writes no page, that is half of the time spent resolving. The content stays,
    so every reference in an item's text is still resolved (and warned about).
    """
    need = node_classes().need
    for node in list(doctree.findall(need)):
        # One plain container in its place: it takes the need's IDs, so links to the item still resolve.
        node.replace_self(nodes.container("", *node.children))


#: Its handlers of ``doctree-resolved``, by (module, qualified name): each draws only its own nodes
#: (``process_creator``: the nodes of :class:`NodeClasses`) and the boxes of needs (``process_need_nodes``),
#: so a page without any of them gives them nothing to do and nothing to warn about.
RESOLVERS = frozenset(
    {
        ("sphinx_needs.needs", "process_creator.<locals>.process_caller"),
        ("sphinx_needs.directives.need", "process_need_nodes"),
    }
)


def forget_external_needs(env: BuildEnvironment) -> None:
    """Remove the items an earlier build loaded from ``needs_external_needs``.

    sphinx-needs loads them at ``env-before-read-docs`` into the needs it keeps
    on the environment and never removes them: an entry taken out of conf.py
    left its items in every later build until ``_build`` was deleted. Run
    before its loader, so only the sources conf.py names now are loaded again.
    """
    from sphinx_needs.data import SphinxNeedsData

    needs = SphinxNeedsData(env).get_needs_mutable()
    for need_id in [key for key, need in needs.items() if need.get("is_external")]:
        del needs[need_id]


def stable_container_ids(doctree: nodes.document) -> None:
    """Give each need's box an ID derived from the need's ID, the same in every build.

    sphinx-needs gives the box around a need a random ID per build (``SNCB-``
    and 8 characters of a UUID4), so two builds of the same text differ on
    every page with needs. Only its collapse script reads the ID, by prefix.
    """
    for table in doctree.findall(nodes.table):
        box = table.parent
        if "need" not in table["classes"] or not table["ids"] or not isinstance(box, nodes.container):
            continue
        if box["ids"] and box["ids"][0].startswith(CONTAINER_PREFIX):
            box["ids"][0] = f"{CONTAINER_PREFIX}{table['ids'][0]}"


def has_tables(body: str) -> bool:
    """Whether a page's HTML body holds a needtable."""
    return "needs_col_" in body


def label_tables(body: str, labels_json: str, headings: Mapping[str, str]) -> str:
    """A page body with each needtable's labels (JSON) and its column headings replaced by ``headings``."""
    labels = html.escape(labels_json, quote=True)
    body = _NEEDSTABLE.sub(lambda m: f'<table class="{m.group(1)}" data-needstable-labels="{labels}"', body)
    return _COLUMN_HEADING.sub(lambda m: m.group(1) + headings.get(m.group(2), m.group(2)) + m.group(3), body)


def permalink_page(app: Sphinx) -> Path:
    """Where sphinx-needs writes its permalink page (``needs_permalink_file``, at ``env-updated``)."""
    return Path(app.outdir) / Path(app.config.needs_permalink_file).name


def needs_json_bytes(app: Sphinx, extra: Mapping[str, Any] | None = None) -> bytes:
    """needs.json of this build, as ``NeedsBuilder.finish`` makes it (step by step, the same calls),
    with ``extra`` top-level keys (its schema, ``needsfile.json``, allows more)."""
    from sphinx_needs.api import get_needs_view
    from sphinx_needs.config import NeedsSphinxConfig
    from sphinx_needs.filter_common import filter_needs_view
    from sphinx_needs.needsfile import NeedsList

    config = NeedsSphinxConfig(app.config)
    version = getattr(app.config, "version", "unset")
    needs_list = NeedsList(app.env, app.outdir, app.srcdir)
    if config.file:  # a programme that imports an earlier needs.json keeps its other versions
        needs_list.load_json(config.file)
    needs_list.wipe_version(version)
    needs = filter_needs_view(
        get_needs_view(app), config, config.builder_filter, append_warning="(from need_builder_filter)"
    )
    for need in needs:
        needs_list.add_need(version, need)
    for key, value in (extra or {}).items():
        needs_list.needs_list[key] = value  # type: ignore[literal-required]  # keys its TypedDict lacks
    return needs_list.dump_json().encode("utf-8")
