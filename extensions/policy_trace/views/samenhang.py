"""Samenhang: matrices of which items of one type are linked to which of another.

``{samenhangmatrix}`` with ``:rijen:`` and ``:kolommen:`` (type names of the
model): a row per item of the row types, a column per item of the column
types, and in a cell the readable name of every link between the two, in
either direction (e.g. efforts x goals: *draagt bij aan*).

A matrix grows with the square of the programme (efforts x projects: 4 MB of
HTML at 2,000 items, 27 MB at 5,000) and nobody reads hundreds of columns.
Above :data:`MAX_COLUMNS` columns it is shown as a list instead: a row per
item of the row types with the items it is linked with, grouped per link.
"""

from __future__ import annotations

from typing import ClassVar

from docutils import nodes

from .. import model
from ..items import Item
from . import derive
from .context import ViewContext, type_plural, type_title
from .htmltable import escape, raw, scrolling, table
from .placeholders import ViewDirective, type_list
from .words import join_words

#: The widest matrix still shown as a matrix; a wider one becomes a list.
MAX_COLUMNS = 40


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


def linked_columns(ctx: ViewContext, row: Item, column_ids: set[str]) -> list[tuple[str, list[Item]]]:
    """Per readable link name (as read from ``row``), the column items it joins ``row`` with.

    Follows the row's own links and the links pointing at it, so the cost
    grows with the links, not with rows x columns.
    """
    found: dict[str, dict[str, Item]] = {}
    for link in model.LINK_TYPES:
        for target in ctx.programme.outgoing(row, link.name):
            if target.id in column_ids:
                found.setdefault(link.outgoing, {})[target.id] = target
        for source in ctx.programme.incoming(row.id, link.name):
            if source.id in column_ids:
                found.setdefault(link.incoming, {})[source.id] = source
    return [(name, [by_id[key] for key in sorted(by_id)]) for name, by_id in found.items()]


def render(ctx: ViewContext, options: dict) -> list[nodes.Node]:
    """One matrix as an accessible table; a list of links if it has too many columns to read."""
    row_types, column_types = options["rijen"], options["kolommen"]
    rows = ctx.programme.of_type(*row_types)
    columns = ctx.programme.of_type(*column_types)
    row_noun = join_words([type_plural(t).lower() for t in row_types])
    column_noun = join_words([type_plural(t).lower() for t in column_types])
    if not rows or not columns:
        return [nodes.paragraph("", f"Er zijn nog geen {row_noun if not rows else column_noun}.")]
    if len(columns) > MAX_COLUMNS:
        return render_list(ctx, rows, columns, row_noun, column_noun)
    cells = [[link_names(ctx, row, column) for column in columns] for row in rows]
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


def render_list(
    ctx: ViewContext, rows: list[Item], columns: list[Item], row_noun: str, column_noun: str
) -> list[nodes.Node]:
    """The matrix as a list: per row item, the column items it is linked with, per link."""
    per_row = "item" if len({row.type for row in rows}) > 1 else type_title(rows[0].type).lower()
    note = (
        f"Deze matrix is te groot om te lezen ({len(rows)} {row_noun} bij {len(columns)} {column_noun}) "
        f"en staat daarom hieronder als lijst: per {per_row} de {column_noun} waarmee die samenhangt."
    )
    caption = f"Samenhang tussen {row_noun} en {column_noun}, als lijst"
    headers = [escape(derive.capitalised(row_noun)), escape(derive.capitalised(column_noun))]
    column_ids = {column.id for column in columns}
    body = []
    for row in rows:
        linked = linked_columns(ctx, row, column_ids)
        cell = "<br>".join(
            f'<span class="pt-linked">{escape(derive.capitalised(name))}</span>: '
            + ", ".join(ctx.a(item) for item in items)
            for name, items in linked
        )
        body.append([ctx.a(row), cell or '<span class="pt-unlinked">geen</span>'])
    return [
        nodes.paragraph("", note, classes=["pt-matrix-too-large"]),
        raw(table(caption, headers, body, classes=["pt-matrix-list"])),
    ]


__all__ = ["MAX_COLUMNS", "SamenhangmatrixDirective", "linked_columns", "render", "render_list"]
