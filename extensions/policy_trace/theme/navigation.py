"""furo's navigation tree, computed once per output folder instead of once per page.

furo puts the whole site tree into the sidebar of every page: for each page it
asks Sphinx for the full toctree and rewrites it with BeautifulSoup. That costs
time in proportion to the number of pages, for each page, so the build grows
with the square of the page count (at 100 pages, a quarter of the build).

Yet pages written into one output folder share every link of that tree; the
trees differ only in which entry is marked as the current page. So the first
page of a folder whose tree has the simple shape gives the folder a template
(its tree with no entry marked), and every further page of that folder gets the
template with its own entry marked, as furo would have marked it: the entry, its
link and the top-level list that holds it. Only that simple shape is handled: a
page listed once, as a leaf, at the top level of the tree. Every other page (the
start page, a page with sub-pages or below another page, a page outside the
tree, a page linked twice or with anchors, any tree we did not expect) gets
furo's own computation.

Pages that are no document (the index, the search page: Sphinx writes both
on every build) are in no tree, so none of their entries is marked: every such
page of a folder gets the same tree, computed for the first of them.

furo computes the tree unconditionally in its ``html-page-context`` handler, by
calling the module function ``furo._compute_navigation_tree``; that function is
the only seam, so ``upstream/furo.py`` routes it once per process. The route is
inert unless this build's ``FolderNavigation`` offered itself in the page's
context, which it does only for the html builder with the furo theme. The templates live on that
object, one per Sphinx application, and are dropped at every ``env-updated``:
nothing is carried from one build to the next. With parallel writing each
worker process has its own copy and fills it on its own.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.environment import BuildEnvironment

from ..upstream import furo

#: How furo writes the entry of the current page when it is a top-level leaf.
CURRENT_ENTRY = '<li class="toctree-l1 current current-page"><a class="current reference internal" href="#">'
#: Sphinx marks the top-level list that holds the current page.
CURRENT_LIST = '<ul class="current">'
PLAIN_LIST = "<ul>"
#: The opening and closing tags of a list, to find the top-level ones.
_LIST_TAG = re.compile(r"<ul\b[^>]*>|</ul>")
#: A link to the page itself, with or without an anchor (the fold buttons' icons are ``<use href="#…">``).
_SELF_LINK = re.compile(r'<a class="[^"]*" href="#')
#: Any trace of a current page in a tree: a class token or a checked fold button.
_MARKER = re.compile(r'class="[^"]*\bcurrent\b|checked="')

NavigationTree = furo.NavigationTree


def plain_entry(href: str) -> str:
    """How furo writes the entry of a top-level leaf that is not the current page."""
    return f'<li class="toctree-l1"><a class="reference internal" href="{href}">'


@dataclass(frozen=True)
class FolderTree:
    """The navigation tree of one output folder with no entry marked as the current page."""

    html: str
    #: (start, end) offsets of each top-level list, in order.
    lists: tuple[tuple[int, int], ...]

    @classmethod
    def from_page(cls, html: str, href: str) -> FolderTree | None:
        """Unmark the page's own entry (``href`` from its folder) in furo's tree; None unless simple."""
        if html.count(CURRENT_ENTRY) != 1 or html.count(CURRENT_LIST) != 1:
            return None
        # Only its entry may link to the page: a second top-level heading of the page would
        # be "#anchor" here but "page.html#anchor" on the other pages.
        if len(_SELF_LINK.findall(html)) != 1:
            return None
        plain = html.replace(CURRENT_ENTRY, plain_entry(href)).replace(CURRENT_LIST, PLAIN_LIST)
        if _MARKER.search(plain):
            return None
        lists = _top_level_lists(plain)
        if lists is None:
            return None
        tree = cls(plain, lists)
        # Marking the page again must give furo's tree back exactly, or the shape is not the simple one.
        return tree if tree.marked(href) == html else None

    def marked(self, href: str) -> str | None:
        """The tree with the entry linking to ``href`` marked current, as furo does; None if unsafe."""
        entry = plain_entry(href)
        # Linked once, without anchors: a page's own tree turns every link to it into "#…".
        if self.html.count(f'href="{href}"') != 1 or f'href="{href}#' in self.html:
            return None
        at = self.html.find(entry)
        if at < 0:  # linked, but not as a top-level leaf
            return None
        index = bisect.bisect_right(self.lists, (at, len(self.html))) - 1
        if index < 0:
            return None
        start, end = self.lists[index]
        if not start < at < end or not self.html.startswith(PLAIN_LIST, start):
            return None
        return "".join(
            (
                self.html[:start],
                CURRENT_LIST,
                self.html[start + len(PLAIN_LIST) : at],
                CURRENT_ENTRY,
                self.html[at + len(entry) :],
            )
        )


def _top_level_lists(html: str) -> tuple[tuple[int, int], ...] | None:
    """The spans of the tree's outermost ``<ul>`` elements; None if the tags do not nest."""
    spans: list[tuple[int, int]] = []
    depth, start = 0, 0
    for tag in _LIST_TAG.finditer(html):
        if tag.group().startswith("</"):
            depth -= 1
            if depth < 0:
                return None
            if depth == 0:
                spans.append((start, tag.end()))
        else:
            if depth == 0:
                start = tag.start()
            depth += 1
    return tuple(spans) if depth == 0 else None


class FolderNavigation(furo.NavigationSource):
    """One build's navigation templates, by output folder (one instance per Sphinx application)."""

    def __init__(self) -> None:
        self.env: BuildEnvironment | None = None
        self.builder: StandaloneHTMLBuilder | None = None
        self.trees: dict[str, FolderTree] = {}
        #: Per output folder, the tree of its pages that are no document (nothing marked).
        self.unmarked: dict[str, str] = {}

    def start(self, app: Sphinx, env: BuildEnvironment) -> None:
        """Drop the last build's templates; take part only in an html build with furo."""
        self.trees, self.unmarked = {}, {}
        self.env, self.builder = None, None
        # Only the html builder writes the pages of a source folder into one output folder.
        builder = app.builder
        if isinstance(builder, StandaloneHTMLBuilder) and builder.name == "html":
            if app.config.html_theme == "furo" and furo.route_navigation_tree():
                self.env, self.builder = env, builder

    def offer(
        self, app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
    ) -> None:
        """Let the wrapped furo function find this build's templates for this page."""
        if self.builder is not None:
            context[furo.SOURCE_KEY] = self

    def tree(self, context: dict[str, Any], compute: NavigationTree) -> str:
        """The page's navigation tree: from its folder's template where safe, else from ``compute``."""
        page = context.get("pagename", "")
        if self.builder is None or self.env is None:
            return compute(context)
        if page not in self.env.all_docs:
            return self._unmarked(self.builder, page, context, compute)
        if not _is_leaf(self.env, page):
            return compute(context)
        # Pages of one folder link every other page by the same relative URI: its last segment.
        folder, _, href = self.builder.get_target_uri(page).rpartition("/")
        template = self.trees.get(folder)
        if template is not None:
            marked = template.marked(href)
            return marked if marked is not None else compute(context)
        html = compute(context)
        template = FolderTree.from_page(html, href)
        if template is not None:
            self.trees[folder] = template
        return html


    def _unmarked(
        self, builder: StandaloneHTMLBuilder, page: str, context: dict[str, Any], compute: NavigationTree
    ) -> str:
        """The tree of a page that is no document: the same for each such page of its folder, when
        nothing in it is marked (as for a page in no tree)."""
        folder = builder.get_target_uri(page).rpartition("/")[0]
        if folder in self.unmarked:
            return self.unmarked[folder]
        html = compute(context)
        if not _MARKER.search(html):
            self.unmarked[folder] = html
        return html


def _is_leaf(env: BuildEnvironment, docname: str) -> bool:
    """Whether the document's entry is its title alone, the same on its own page as on others.

    Sphinx builds a page's entry on its own page from a full copy of its table
    of contents, on other pages from a copy pruned to its ``tocdepth`` and
    filtered by ``only``; the two agree when the contents hold neither a
    toctree nor ``only``. (The checks on the HTML catch the cases we could
    construct; this one guards the rest.)
    """
    toc = env.tocs.get(docname)
    if toc is None:
        return False
    return next(toc.findall(_shows_differently), None) is None


def _shows_differently(node: nodes.Node) -> bool:
    return isinstance(node, (addnodes.toctree, addnodes.only))
