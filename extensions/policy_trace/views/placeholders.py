"""The node a view directive leaves in the doctree, filled in when the page is written.

Views show all items, which are only all known after every page is read, so
a directive only marks its place (and notes its page, see ``outdated``).
"""

from __future__ import annotations

from typing import Any, ClassVar

from docutils import nodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from .. import model
from ..deprecation import directive_message
from ..findings import WARNING_TYPE, Subtype
from . import outdated

logger = logging.getLogger(__name__)


class view_placeholder(nodes.General, nodes.Element):  # noqa: N801 (docutils node naming)
    """Where a view goes; replaced at ``doctree-resolved`` by the view's nodes."""


def skip_placeholder(_translator: Any, _node: nodes.Element) -> None:
    """Writers never see a placeholder (it is always replaced); skip one if they do."""
    raise nodes.SkipNode


class ViewDirective(SphinxDirective):
    """A directive that shows one view of the whole programme."""

    view: ClassVar[str]
    has_content = False
    required_arguments = 0
    optional_arguments = 0
    option_spec: ClassVar[dict[str, Any]] = {}

    def run(self) -> list[nodes.Node]:
        node = view_placeholder(view=self.view, options=dict(self.options))
        self.set_source_info(node)
        outdated.note_view(self.env, self.env.docname, self.view)
        return [node]


def type_list(argument: str | None) -> tuple[str, ...]:
    """Option converter: comma-separated type names (checked against the model when rendered)."""
    return tuple(part.strip() for part in (argument or "").split(",") if part.strip())


__all__ = ["ViewDirective", "skip_placeholder", "type_list", "view_placeholder"]


def deprecated_directive(directive: type[SphinxDirective], old: model.Deprecated) -> type[SphinxDirective]:
    """The page block ``directive`` under its deprecated name ``old``: it works as before, and warns
    (``policy.deprecated``) at its place in the page; the page is then read again in the next build,
    so an incremental build warns as a clean one (``checks.messages.read_again``)."""

    class OldName(directive):  # type: ignore[valid-type,misc]
        def run(self) -> list[nodes.Node]:
            logger.warning(
                "%s", directive_message(old), type=WARNING_TYPE, subtype=Subtype.DEPRECATED.value,
                location=self.get_location(),
            )
            return super().run()

    OldName.__name__ = OldName.__qualname__ = f"Deprecated{directive.__name__}"
    return OldName

