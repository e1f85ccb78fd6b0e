"""What every view needs while it renders one page: the programme and links to items."""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.osutil import relative_uri

from .. import model
from ..items import Item, Programme
from ..state import programme_of_build


def programme(app: Sphinx) -> Programme:
    """The programme of this build (shared with the checks, built once)."""
    return programme_of_build(app)


@dataclass(frozen=True)
class ViewContext:
    """One page being written, and the programme it shows."""

    app: Sphinx
    docname: str
    programme: Programme
    #: Relative URI per target page: thousands of links on a page point at a few pages.
    _pages: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    def uri(self, item: Item) -> str:
        """The relative URI of ``item`` from this page: its page and its anchor (the ID)."""
        if not item.docname:
            return ""
        page = self._pages.get(item.docname)
        if page is None:
            page = self.app.builder.get_relative_uri(self.docname, item.docname)
            # singlehtml answers "#document-name": every page is one page, and IDs are unique on it.
            page = self._pages[item.docname] = page.partition("#")[0]
        return f"{page}#{item.id}"

    def file_uri(self, path: str) -> str:
        """The relative URI of a file at the root of the output folder (e.g. ``needs.json``)."""
        return relative_uri(self.app.builder.get_target_uri(self.docname), path)

    def doc_uri(self, docname: str, anchor: str = "") -> str:
        """The relative URI of another page, optionally with an anchor."""
        page = self.app.builder.get_relative_uri(self.docname, docname)
        return f"{page}#{anchor}" if anchor else page

    def reference(self, item: Item, text: str | None = None) -> nodes.Node:
        """A docutils link to ``item``: its title, then its ID as a small label (text if it has no page)."""
        uri = self.uri(item)
        if text is not None or not item.title:
            label = text if text is not None else item.id
            if not uri:
                return nodes.Text(label)
            return nodes.reference("", label, refuri=uri, internal=True, classes=["pt-item-link"])
        if not uri:
            return nodes.Text(plain_label(item))
        link = nodes.reference("", "", refuri=uri, internal=True, classes=["pt-item-link"])
        link += nodes.Text(f"{item.title} ")
        link += nodes.inline("", item.id, classes=[ID_CLASS])
        return link

    def a(self, item: Item, text: str | None = None) -> str:
        """An HTML link to ``item`` (escaped): its title, then its ID as a small label; for the HTML views."""
        uri = self.uri(item)
        if text is not None or not item.title:
            label = html.escape(text if text is not None else item.id)
        elif uri:
            label = f'{html.escape(item.title)} <span class="{ID_CLASS}">{html.escape(item.id)}</span>'
        else:
            label = html.escape(plain_label(item))
        return (
            f'<a class="reference internal pt-item-link" href="{html.escape(uri)}">{label}</a>'
            if uri
            else label
        )


#: The small label an item's ID is in, after its title: a reader reads the name first, the
#: ID is there to cite it (not an all-caps prefix in front of every name).
ID_CLASS = "pt-item-id"


def plain_label(item: Item) -> str:
    """An item named in plain text, where no link can carry the small ID: ``Titel (ID)``."""
    return f"{item.title} ({item.id})" if item.title else item.id


def item_label(item: Item) -> str:
    """How a link to an item reads: its ID and its title."""
    return f"{item.id} {item.title}".strip()


def type_title(type_name: str) -> str:
    """The Dutch name of a type (``inspanning`` -> ``Inspanning``)."""
    item_type = model.TYPES_BY_NAME.get(type_name)
    return item_type.title if item_type else type_name


def type_plural(type_name: str) -> str:
    """The Dutch plural of a type (``inspanning`` -> ``Inspanningen``)."""
    item_type = model.TYPES_BY_NAME.get(type_name)
    return item_type.plural if item_type else type_name
