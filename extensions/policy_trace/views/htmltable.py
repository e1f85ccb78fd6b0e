"""Accessible HTML tables for the views: a caption, ``th`` with ``scope``, nothing else.

docutils tables have no ``scope`` on their header cells and no way to mark a
row header, so the tables of the views are written as HTML (the search index
still reads the text of raw HTML).
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from docutils import nodes

escape = html.escape


def table(
    caption: str | None,
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    classes: Sequence[str] = (),
    row_headers: bool = True,
) -> str:
    """An HTML table; ``caption`` is text, headers and cells are HTML (escaped by the caller).

    With ``row_headers`` the first cell of each row is a row header. ``caption``
    is ``None`` where a heading right above the table already names it.
    """
    out = [f'<table class="{escape(" ".join(("docutils", "pt-table", *classes)))}">']
    if caption is not None:
        out.append(f"<caption>{escape(caption)}</caption>")
    out.append("<thead><tr>")
    out += [f'<th scope="col">{header}</th>' for header in headers]
    out.append("</tr></thead><tbody>")
    for row in rows:
        cells = []
        for index, cell in enumerate(row):
            if index == 0 and row_headers:
                cells.append(f'<th scope="row">{cell}</th>')
            else:
                cells.append(f"<td>{cell}</td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def field_table(caption: str, rows: Sequence[tuple[str, str]], *, classes: Sequence[str] = ()) -> str:
    """A two-column table of one thing's fields: a row header (label) and a value per row.

    Narrow enough for a phone: it never needs to scroll sideways. ``caption`` is
    text and is read out by screen readers only (a heading above names the
    thing for everyone); labels and values are HTML (escaped by the caller).
    """
    out = [
        f'<table class="{escape(" ".join(("docutils", "pt-table", "pt-field-table", *classes)))}">',
        f'<caption class="pt-visually-hidden">{escape(caption)}</caption><tbody>',
    ]
    out += [f'<tr><th scope="row">{label}</th><td>{value}</td></tr>' for label, value in rows]
    out.append("</tbody></table>")
    return "".join(out)


def raw(markup: str) -> nodes.raw:
    """A raw HTML node (other writers skip it)."""
    return nodes.raw("", markup, format="html")


def scrolling(markup: str, label: str) -> nodes.raw:
    """A wide table in a region that scrolls sideways on narrow screens, reachable by keyboard."""
    return raw(
        f'<div class="pt-table-wrapper" tabindex="0" role="region" aria-label="{escape(label)}">'
        f"{markup}</div>"
    )
