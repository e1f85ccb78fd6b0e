"""Downloads: needs.json of the whole programme and a CSV of all items.

``needs.json`` and ``programma.csv`` are written at the root of the output by
:mod:`policy_trace.exports`. The CSV's columns come from the model: ID, type,
title, status, tags, every field, every link, and the item's page.
"""

from __future__ import annotations

import csv
import io

from docutils import nodes
from sphinx.application import Sphinx

from .. import model, needs_json, ubproject
from ..items import Programme
from .context import ViewContext, programme
from .placeholders import ViewDirective

CSV_NAME = "programma.csv"
NEEDS_JSON = needs_json.FILE_NAME
UBPROJECT = ubproject.FILE_NAME


class DownloadsDirective(ViewDirective):
    """``{downloads}``: links to needs.json and the CSV of all items."""

    view = "downloads"


def field_columns() -> list[str]:
    """Every field of the model once, in model order (``datum`` is shared by two types)."""
    names: list[str] = []
    for item_type in model.ITEM_TYPES:
        names += [f.name for f in item_type.fields if f.name not in names]
    return names


def columns() -> list[str]:
    """The CSV header."""
    return ["id", "type", "titel", "status", "tags", *field_columns(), *model.LINK_NAMES, "pagina"]


#: What a spreadsheet reads as the start of a formula (OWASP, "CSV Injection"): also a tab or a
#: carriage return, after which some programs look again.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell: str) -> str:
    """``cell`` as a spreadsheet shows it and never runs: a ``'`` before a formula's first character.

    As OWASP advises: ``=HYPERLINK(…)``, ``+1``, ``-2+3`` or ``@SUM(…)`` in an
    item would otherwise be a live formula in the reader's spreadsheet. The
    ``'`` is what the spreadsheet itself uses for text that looks like a formula.
    """
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def csv_text(items: Programme, page_of: dict[str, str]) -> str:
    """The CSV of all items, by ID; links as comma-separated IDs, ``page_of`` gives each page.

    Every cell is :func:`spreadsheet_safe`; the downloads page says so.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns())
    fields = field_columns()
    for item in items:
        row = [
            item.id,
            item.type,
            item.title,
            item.status,
            ", ".join(item.tags),
            *(item.field(name) for name in fields),
            *(", ".join(item.links.get(name, ())) for name in model.LINK_NAMES),
            page_of.get(item.id, ""),
        ]
        writer.writerow([spreadsheet_safe("" if cell is None else str(cell)) for cell in row])
    return out.getvalue()


def csv_bytes(app: Sphinx) -> bytes:
    """The CSV of this build's items, as written to ``programma.csv``."""
    items = programme(app)
    page_of = {
        item.id: f"{app.builder.get_target_uri(item.docname)}#{item.id}" for item in items if item.docname
    }
    # UTF-8 with a byte order mark: without it, spreadsheet programs read é as Ã©.
    return csv_text(items, page_of).encode("utf-8-sig")


def render(ctx: ViewContext, _options: dict) -> list[nodes.Node]:
    """The list of downloads with relative links."""
    entries = [
        (
            NEEDS_JSON,
            "needs.json",
            " \u2013 alle items van het programma met al hun velden en koppelingen, in het JSON-formaat van "
            "sphinx-needs (voor wie er zelf mee verder wil rekenen).",
        ),
        (
            UBPROJECT,
            UBPROJECT,
            " \u2013 de instellingen van sphinx-needs die bij needs.json horen (typen, velden, koppelingen): "
            "daarmee neemt een ander Sphinx-project alle items over (zie het handboek).",
        ),
        (
            CSV_NAME,
            CSV_NAME,
            f" \u2013 alle {len(ctx.programme)} items als tabel (CSV, UTF-8): per item het ID, de soort, "
            "de titel, de status, alle velden, alle koppelingen en de pagina van het item. "
            "Opent in een spreadsheet. Een cel die met =, +, -, @, een tab of een regeleinde begint, "
            "krijgt een ' ervoor (zoals OWASP aanraadt), zodat de spreadsheet haar als tekst toont en "
            "nooit als formule uitvoert: -5 staat er dus als '-5.",
        ),
    ]
    listing = nodes.bullet_list(classes=["pt-downloads"])
    for path, label, text in entries:
        link = nodes.reference("", label, refuri=ctx.file_uri(path), classes=["pt-download"])
        listing += nodes.list_item("", nodes.paragraph("", "", link, nodes.Text(text)))
    return [listing]


__all__ = [
    "CSV_NAME", "FORMULA_STARTS", "DownloadsDirective", "columns", "csv_bytes", "csv_text", "render",
    "spreadsheet_safe",
]
