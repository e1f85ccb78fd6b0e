"""The agenda's toegankelijkheidsverklaring says what axe and pa11y found, no more: its record is checked.

Runs after test_accessibility.py and test_pa11y.py (pytest takes the files in
alphabetical order), which note per kind of page and screen what each checker
found (conftest's ``toetsing``). When both saw every kind of page on every
screen, the committed record (the JSON file the agenda's conf.py names) must
say the same: the same checkers and versions, rules, pages, screens and
number of findings. ``POLICY_TRACE_RECORD=1`` writes the record afresh, with
today's date; the date is the one thing not compared. With only part of the
suite run (``-k``, no pa11y) there is nothing to compare, and the test skips.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from .conftest import REPO
from .pages import Toetsing
from .test_accessibility import KINDS, SCREENS

RECORD = REPO / "toegankelijkheid-toetsing.json"
TOOLS = ["axe-core", "pa11y"]
SCREEN_NAMES = {name: screen.label for name, screen in SCREENS.items()}


def test_the_record_of_the_statement_is_what_the_checkers_found(toetsing: Toetsing, site: Path) -> None:
    kinds, screens = list(KINDS), list(SCREENS)
    if not toetsing.complete(TOOLS, kinds, screens):
        pytest.skip("niet alle toetsen van axe en pa11y zijn gedraaid: niets om te vergelijken")
    measured = toetsing.as_json(dt.date.today().isoformat(), kinds, [SCREEN_NAMES[s] for s in screens])
    if os.environ.get("POLICY_TRACE_RECORD") == "1":
        RECORD.write_text(json.dumps(measured, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    recorded = json.loads(RECORD.read_text(encoding="utf-8"))
    assert dt.date.fromisoformat(recorded["datum"]) <= dt.date.today()
    recorded.pop("datum"), measured.pop("datum")
    assert recorded == measured, (
        "toegankelijkheid-toetsing.json zegt iets anders dan axe en pa11y nu vinden; leg het opnieuw "
        "vast met POLICY_TRACE_RECORD=1 (en lees de verklaring na)"
    )


def test_the_statement_shows_the_record_and_claims_no_status(site: Path) -> None:
    if os.environ.get("POLICY_TRACE_RECORD") == "1":
        pytest.skip("de site is gebouwd voordat de toetsing opnieuw werd vastgelegd")
    record = json.loads(RECORD.read_text(encoding="utf-8"))
    page = BeautifulSoup((site / "docs/toegankelijkheid.html").read_text(encoding="utf-8"), "html.parser")
    text = " ".join(page.article.get_text().split())
    for tool in record["hulpmiddelen"]:
        assert f"{tool['naam']} {tool['versie']}" in text
    assert all(kind in text for kind in record["paginasoorten"])
    # The agenda gives no status and no audit: the statement says so, and claims neither.
    assert "De status is nog niet vastgesteld" in text
    assert "nog niet door een deskundige onderzocht" in text
    assert "voldoet volledig" not in text
    headings = [h.get_text().strip("¶ ") for h in page.article.select("h2")]
    assert headings == ["Status", "Wat is onderzocht", "Bekende beperkingen", "Contact", "Datum"]
