"""Samenhang: matrices of which items of one type are linked to which of another.

``{samenhangmatrix}`` with ``:rijen:`` and ``:kolommen:`` (type names of the
model): a row per item of the row types, a column per item of the column
types, and in a cell the readable name of every link between the two, in
either direction (e.g. efforts x goals: *draagt bij aan*).
"""

from __future__ import annotations

from typing import ClassVar

from docutils import nodes

from .. import model
from ..items import Item
from . import derive
from .context import ViewContext, type_plural
from .htmltable import escape, scrolling, table
from .placeholders import ViewDirective, type_list
from .words import join_words


class SamenhangmatrixDirective(ViewDirective):
    """``{samenhangmatrix}``: rows and columns are item types of the model."""

    view = "samenhangmatrix"
    option_spec: ClassVar[dict] = {"rijen": type_list, "kolommen": type_list}

    def run(self) -> list[nodes.Node]:
        for option in ("rijen", "kolommen"):
            names = self.options.get(option, ())
            unknown = [name for name in names if name not in model.TYPES_BY_NAME]
            if not names or unknown:
                raise self.error(
                    f"samenhangmatrix: ':{option}:' moet een of meer soorten items noemen "
                    f"({', '.join(model.TYPE_NAMES)}); onbekend: {', '.join(unknown) or 'leeg'}."
                )
        return super().run()


def link_names(ctx: ViewContext, row: Item, column: Item) -> list[str]:
    """The readable names of the links between ``row`` and ``column``, as read from the row."""
    names = []
    for link in model.LINK_TYPES:
        if column.id in row.links.get(link.name, ()):
            names.append(link.outgoing)
        if row.id in column.links.get(link.name, ()):
            names.append(link.incoming)
    return names


def matrix(
    ctx: ViewContext, row_types: tuple[str, ...], column_types: tuple[str, ...]
) -> tuple[list[Item], list[Item], list[list[list[str]]]]:
    """Rows, columns and per cell the link names: the data behind a matrix."""
    rows = ctx.programme.of_type(*row_types)
    columns = ctx.programme.of_type(*column_types)
    cells = [[link_names(ctx, row, column) for column in columns] for row in rows]
    return rows, columns, cells


def render(ctx: ViewContext, options: dict) -> list[nodes.Node]:
    """One matrix as an accessible table."""
    row_types, column_types = options["rijen"], options["kolommen"]
    rows, columns, cells = matrix(ctx, row_types, column_types)
    row_noun = join_words([type_plural(t).lower() for t in row_types])
    column_noun = join_words([type_plural(t).lower() for t in column_types])
    if not rows or not columns:
        return [nodes.paragraph("", f"Er zijn nog geen {row_noun if not rows else column_noun}.")]
    caption = f"Samenhang tussen {row_noun} (rijen) en {column_noun} (kolommen)"
    headers = [escape(derive.capitalised(row_noun))] + [ctx.a(column) for column in columns]
    body = []
    for row, row_cells in zip(rows, cells, strict=True):
        line = [ctx.a(row)]
        for names in row_cells:
            line.append(
                f'<span class="pt-linked">{escape(join_words(names))}</span>'
                if names
                else '<span class="pt-unlinked">\u2013<span class="pt-visually-hidden"> geen</span></span>'
            )
        body.append(line)
    return [scrolling(table(caption, headers, body, classes=["pt-matrix"]), caption)]


__all__ = ["SamenhangmatrixDirective", "matrix", "render"]
