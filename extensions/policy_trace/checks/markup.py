"""Nothing an author writes runs in a visitor's browser: raw HTML and unsafe links leave the page (PT112).

MyST passes HTML in the text (``<script>``, ``<b onclick=…>``), ``{raw} html``
and ``{eval-rst}`` with ``.. raw:: html`` to the page as written, and an rST
link may be ``javascript:``. Right after a document is parsed (``doctree-read``),
before any page, doctree or search index is written, this takes each of them
out and keeps where it stood, so PT112 says where (``rules.source``) on every
build, incremental ones too. A programme that allows raw HTML on purpose sets
``policy_trace_raw_html = True``; an unsafe link is refused even then.
The paper already leaves raw HTML out, so site and paper show the same.

Comments (``%`` and ``<!-- -->``) are blanked before parsing
(``sourcescan.without_comments``); an rST comment from ``{eval-rst}`` is
taken out here, so none reaches a doctree.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import replace
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config

from .. import domain, model, urls
from ..sourcescan import Refused, Scan
from ..upstream.sphinx import set_by_programme

#: How much of the HTML or the link the message quotes.
_SHOWN = 60


def guard(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read``: take raw HTML, unsafe links and comments out; keep what was refused."""
    docname = app.env.current_document.docname
    refused: list[Refused] = []
    for comment in list(doctree.findall(nodes.comment)):
        comment.parent.remove(comment)
    if not app.config.policy_trace_raw_html:
        for raw in list(doctree.findall(nodes.raw)):
            if "html" in raw.get("format", "").split():
                refused.append(_refused(app, docname, raw, "html", raw.astext()))
                raw.parent.remove(raw)
    for link in list(doctree.findall(nodes.reference)):
        target = link.get("refuri")
        if target is not None and not urls.is_safe(target):
            refused.append(_refused(app, docname, link, "link", target))
            # The words stay, as text: the reader still sees what the author wrote.
            link.replace_self(nodes.inline("", "", *link.children))
    if refused:
        file = _file(app, docname, None)
        domain.of(app.env).add_scan(docname, Scan(file, refused=_per_line(refused)))


def _per_line(refused: list[Refused]) -> tuple[Refused, ...]:
    # ``<b>vet</b>`` is two raw nodes (open and close tag): one message for the line says it.
    # Each unsafe link is one message of its own.
    html: dict[tuple[str, int, str], list[str]] = {}
    for found in refused:
        if found.kind == "html":
            html.setdefault((found.file, found.line, found.id), []).append(found.text)
    merged = [
        Refused(file, line, "html", " ".join(texts), item_id) for (file, line, item_id), texts in html.items()
    ]
    merged += [found for found in refused if found.kind != "html"]
    return tuple(
        sorted((replace(found, text=_shortened(found.text)) for found in merged),
               key=lambda found: (found.file, found.line, found.kind, found.text))
    )


def _shortened(text: str) -> str:
    shown = " ".join(text.split())
    return shown if len(shown) <= _SHOWN else shown[: _SHOWN - 1] + "…"


def leave_sources_out(app: Sphinx, config: Config) -> None:
    """``config-inited``: no ``_sources`` folder (``html_copy_source``), unless conf.py asks for one.

    The Markdown source of a page is for its authors: it holds what the page
    leaves out on purpose (comments, refused HTML) and adds nothing a reader
    needs; the programme's sources are in its repository. Without the copy the
    pages show no "bron weergeven" link either.
    """
    if not set_by_programme(config, "html_copy_source"):
        config.html_copy_source = False


def remove_sources_folder(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: no ``_sources`` in the site when it copies no sources.

    Sphinx's HTML builder makes the folder even then (empty), and one left by
    an earlier build with ``html_copy_source`` would still be published.
    """
    folder = Path(app.outdir) / "_sources"
    if app.builder.format == "html" and not app.config.html_copy_source and folder.is_dir():
        shutil.rmtree(folder, ignore_errors=True)


def _refused(app: Sphinx, docname: str, node: nodes.Element, kind: str, text: str) -> Refused:
    source, line = _place(node)
    return Refused(_file(app, docname, source), line, kind, text, _item_id(node))


def _place(node: nodes.Node) -> tuple[str | None, int]:
    # An inline node often has no line of its own; its paragraph or item has.
    current: nodes.Node | None = node
    source, line = None, 0
    while current is not None and not (source and line):
        source = source or getattr(current, "source", None)
        line = line or (getattr(current, "line", None) or 0)
        current = current.parent
    return source, line


def _file(app: Sphinx, docname: str, source: str | None) -> str:
    if source:
        path = source.split(":", 1)[0] if ":<" in source else source  # "file.md:<docstring of ...>"
        try:
            return Path(os.path.relpath(path, app.srcdir)).as_posix()
        except ValueError:
            pass
    return str(app.env.doc2path(docname, base=False)).replace("\\", "/")


def _item_id(node: nodes.Node) -> str:
    # sphinx-needs gives an item's node its ID as written; docutils' own IDs are lowercase.
    current = node.parent
    while current is not None:
        if isinstance(current, nodes.Element):
            for given in current.get("ids", ()):
                if model.item_type_for_id(given) is not None:
                    return str(given)
        current = current.parent
    return ""


__all__ = ["guard", "leave_sources_out", "remove_sources_folder"]
