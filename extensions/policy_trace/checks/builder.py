"""The ``policy_check`` builder behind ``make check``: read everything, check, report; write no site.

It resolves every page it read, as a site build does before writing, because
resolving is where Sphinx, MyST and sphinx-needs warn about what a page points
at that does not exist; but only where resolving can warn. A page holding
nothing but text and its structure (:data:`INERT`) gives no handler anything to
do, so it is not resolved, as long as every handler that would act is one we
know (:func:`resolvers_known`); otherwise every page is resolved.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.display import status_iterator

from .. import pagehead, views
from ..upstream import sphinx as sphinx_seam
from ..upstream import sphinx_needs as needs_seam
from ..upstream.sphinx_needs import NeedsBuilder, without_need_boxes
from ..views import controle
from ..views.placeholders import view_placeholder
from . import events

#: Node types that no post-transform of Sphinx or MyST and no ``doctree-resolved`` handler of
#: sphinx-needs or ours acts on: text and its structure. Exact types: a subclass (an extension's own
#: node) is not inert. Links (``reference``) are not: ``pagehead`` warns about a local address.
INERT: frozenset[type[nodes.Node]] = frozenset(
    {
        nodes.document, nodes.section, nodes.title, nodes.subtitle, nodes.rubric, nodes.paragraph,
        nodes.Text, nodes.emphasis, nodes.strong, nodes.literal, nodes.inline, nodes.subscript,
        nodes.superscript, nodes.title_reference, nodes.abbreviation, nodes.acronym,
        nodes.container, nodes.compound, nodes.block_quote, nodes.attribution, nodes.line_block, nodes.line,
        nodes.bullet_list, nodes.enumerated_list, nodes.list_item, nodes.definition_list,
        nodes.definition_list_item, nodes.term, nodes.classifier, nodes.definition,
        nodes.field_list, nodes.field, nodes.field_name, nodes.field_body,
        nodes.table, nodes.tgroup, nodes.colspec, nodes.thead, nodes.tbody, nodes.row, nodes.entry,
        nodes.note, nodes.tip, nodes.hint, nodes.important, nodes.warning, nodes.caution,
        nodes.attention, nodes.danger, nodes.error, nodes.admonition,
        nodes.footnote, nodes.footnote_reference, nodes.label,
        nodes.target, nodes.comment, nodes.transition, nodes.raw, nodes.literal_block,
        nodes.substitution_definition, nodes.system_message,
    }
)


def _name(handler: object) -> tuple[str, str]:
    return getattr(handler, "__module__", ""), getattr(handler, "__qualname__", "")


#: Our own handlers of ``doctree-resolved`` (module, qualified name): the views and the Controle overview
#: (``events.fill_controle_pages``) draw only their placeholders (removed before resolving, see
#: :func:`without_views`), and ``pagehead`` looks only at links.
OWN_RESOLVERS = frozenset(
    _name(handler)
    for handler in (views.render_views, events.fill_controle_pages, pagehead.refuse_local_links)
)


def resolvers_known(app: Sphinx) -> bool:
    """Whether every ``doctree-resolved`` handler and post-transform of this build is one we know.

    A programme may load another extension in conf.py; what its handlers do
    when a page is resolved we cannot know, so then every page is resolved.
    """
    handlers = {_name(listener.handler) for listener in app.events.listeners.get("doctree-resolved", [])}
    transforms = {_name(transform) for transform in app.registry.get_post_transforms()}
    return handlers <= OWN_RESOLVERS | needs_seam.RESOLVERS and transforms <= sphinx_seam.POST_TRANSFORMS


def without_views(doctree: nodes.document) -> None:
    """Remove the placeholders of the views and of the Controle overview: drawn only for the page.

    They are filled in from all items when a page is written, after every
    reference is resolved, and no view warns: ``make check`` has nothing to draw.
    """
    for node in list(doctree.findall(lambda n: isinstance(n, (view_placeholder, controle.ControlOverview)))):
        node.parent.remove(node)


def inert(doctree: nodes.document) -> bool:
    """Whether resolving this page, without its items' boxes and its views, can do nothing: every node
    is text or its structure (:data:`INERT`), a need (its content counts) or a placeholder of a view."""
    skipped = INERT | {needs_seam.node_classes().need, view_placeholder, controle.ControlOverview}
    return all(type(node) in skipped for node in doctree.findall())


class CheckBuilder(NeedsBuilder):
    """Reads all documents and runs the checks, like ``-b needs``, without writing needs.json.

    sphinx-needs' own ``needs`` builder already skips the write phase and still
    emits ``write-started`` (where the checks run); we only drop its needs.json,
    which it writes with Python's pure-Python JSON encoder (``json.dump`` to a
    file) and which ``make check`` does not need (at 2,000 items: 4.6 s instead
    of 4.8 s serial). The reports are written at ``build-finished``.
    """

    name = "policy_check"
    epilog = ""

    # As sphinx-needs' own NeedsBuilder does (its comment says why): Builder.write is final since
    # Sphinx 8.1, and this builder writes no documents.
    def write(  # type: ignore[misc, override]
        self,
        build_docnames: Iterable[str] | None,
        updated_docnames: Sequence[str],
        method: str = "update",
    ) -> None:
        """Check (``write-started``), then resolve every page read in this build that resolving can warn on.

        Resolving is where Sphinx, MyST and sphinx-needs find what a page points
        at that does not exist (a ``{need}`` or link to a missing ID): without
        it the check would pass where the build fails. Pages not read again
        resolved cleanly before (pages that warned are always read again:
        ``messages.read_again``), so only the ones read now are resolved.
        """
        super().write(build_docnames, updated_docnames, method)
        known = resolvers_known(self.app)
        for docname in status_iterator(
            sorted(updated_docnames), "controleren van verwijzingen... ", "darkgreen", len(updated_docnames),
            self.app.verbosity,
        ):
            doctree = sphinx_seam.doctree_to_resolve(self.env, docname)
            if known and inert(doctree):
                continue
            without_need_boxes(doctree)  # no page is written: the boxes around items are not drawn
            without_views(doctree)
            self.env.get_and_resolve_doctree(docname, self, doctree=doctree, tags=self.tags)

    def finish(self) -> None:
        """Nothing to write: the checks' reports are written at ``build-finished``."""
