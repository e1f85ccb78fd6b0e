"""Readers first, authors apart: which pages are the programme and which are for its authors.

A programme's home page lists its pages in toctrees. The one captioned
:data:`AUTHOR_CAPTION` holds the material for the people who write and run
the programme (the Controle page, the handbook, how to begin, benchmarks,
architecture); every other toctree holds what stakeholders read. The site
shows the author section under its own caption; the board paper leaves its
pages out (:func:`author_pages`). And an item written as an example in such
a page (a fenced block that opens an item) is text about the model, not an
item of the programme: :func:`example_blocks` finds those blocks so that the
search index can leave them out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from docutils import nodes
from sphinx import addnodes
from sphinx.environment import BuildEnvironment

from .. import model

#: The caption of the toctree that holds the authors' and maintainers' pages.
AUTHOR_CAPTION = "Voor schrijvers en beheerders"

#: A fence that opens an item directive, as an author writes one: ```{inspanning} or :::{inspanning}.
_ITEM_FENCE = re.compile(
    r"^\s*(?:`{3,}|:{3,})\{(?:" + "|".join(re.escape(name) for name in sorted(model.TYPES_BY_NAME)) + r")\}",
    re.MULTILINE,
)


def author_pages(env: BuildEnvironment) -> frozenset[str]:
    """The docnames of the author section: listed in an ``AUTHOR_CAPTION`` toctree, and pages below them."""
    toc = env.tocs.get(env.config.root_doc)
    if toc is None:
        return frozenset()
    found: set[str] = set()
    waiting = [
        docname
        for toctree in toc.findall(addnodes.toctree)
        if toctree.get("caption") == AUTHOR_CAPTION
        for _title, docname in toctree.get("entries", ())
        if docname in env.all_docs
    ]
    while waiting:
        docname = waiting.pop()
        if docname not in found:
            found.add(docname)
            waiting.extend(env.toctree_includes.get(docname, ()))
    return frozenset(found)


def example_blocks(doctree: nodes.Node) -> Iterator[nodes.literal_block]:
    """The code blocks of a page that show an item as an example of how to write one."""
    for block in doctree.findall(nodes.literal_block):
        if _ITEM_FENCE.search(block.astext()):
            yield block


def keep_examples_out_of_search(doctree: nodes.document) -> None:
    """Mark the page's example items ``no-search``: a search for an item finds the item, not its example."""
    for block in example_blocks(doctree):
        if "no-search" not in block["classes"]:
            block["classes"].append("no-search")


__all__ = ["AUTHOR_CAPTION", "author_pages", "example_blocks", "keep_examples_out_of_search"]
