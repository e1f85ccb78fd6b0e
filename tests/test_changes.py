"""Two versions of a programme: changes.json, the page *Wat is er veranderd*, and items to review
(te herzien) that appear, are cleared by a review, and reappear after a later change."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from checks_support import advice_lines, build_once, report
from conftest import warnings_of
from policy_trace.rules import EXAMPLE_CONTEXT, EXAMPLE_PERIOD, EXAMPLE_REFERENCE_DATE

EXTRA_V1 = """
```{uitgangspunt} Samen optrekken
:id: UP-SAMEN
```
"""
EXTRA_V2 = """
```{project} Nieuwe wijken
:id: PRJ-NIEUW
:voert_uit: IN-PREVENTIE
:status: concept
```
"""


def _write(srcdir: Path, items: str, previous: Path | None = None, version: str = "1.0") -> Path:
    srcdir.mkdir(parents=True, exist_ok=True)
    (srcdir / "conf.py").write_text(
        'extensions = ["myst_parser", "policy_trace"]\nlanguage = "nl"\n'
        f"policy_trace_period = {EXAMPLE_PERIOD!r}\n"
        f"policy_trace_reference_date = {EXAMPLE_REFERENCE_DATE!r}\n"
        f'policy_trace_version = "{version}"\npolicy_trace_status = "vastgesteld"\n'
        'policy_trace_date = "2014-09-26"\n'
        f"policy_trace_previous = {str(previous) if previous else None!r}\n",
        encoding="utf-8",
    )
    (srcdir / "index.md").write_text(
        "# Programma\n\n```{doelenboom}\n```\n\n```{toctree}\nitems\nwijzigingen\n```\n", "utf-8"
    )
    (srcdir / "wijzigingen.md").write_text("# Wat is er veranderd\n\n```{wijzigingen}\n```\n", "utf-8")
    (srcdir / "items.md").write_text(f"# Items\n\n{items}", encoding="utf-8")
    return srcdir


def _v2(text: str = EXAMPLE_CONTEXT) -> str:
    text = text.replace(
        "```{doel} Minder branden\n:id: SD-BRAND\n:draagt_bij_aan: HD-VEILIG\n:status: vastgesteld\n",
        "```{doel} Minder woningbranden\n:id: SD-BRAND\n:draagt_bij_aan: HD-VEILIG\n:status: vastgesteld\n\n"
        "Elk jaar minder branden in woningen.\n",
    )
    text = text.replace(
        ":spoor: inhoudelijk\n:trekker: PA-REGIO\n",
        ":spoor: inhoudelijk\n:trekker: PA-REGIO\n:status: vastgesteld\n",
    )
    return text + EXTRA_V2


def _page(app, name: str) -> BeautifulSoup:
    return BeautifulSoup((Path(app.outdir) / f"{name}.html").read_text(encoding="utf-8"), "html.parser")


def _marked(page: BeautifulSoup) -> set[str]:
    """The items whose view carries the te-herzien mark (each item's box holds its ID as an anchor)."""
    found = set()
    for box in page.select(".pt-te-herzien"):
        container = box.find_parent(class_="needs_meta") or box.find_parent("table") or box.parent
        while container is not None and not container.find(id=re.compile(r"^[A-Z]+-[A-Z0-9-]+$")):
            container = container.parent
        found.add(container.find(id=re.compile(r"^[A-Z]+-[A-Z0-9-]+$"))["id"])
    return found


def _changes(app) -> dict:
    return json.loads((Path(app.outdir) / "changes.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """Version 1.0, as published."""
    return build_once(_write(tmp_path_factory.mktemp("v1") / "src", EXAMPLE_CONTEXT + EXTRA_V1), "html")


@pytest.fixture(scope="module")
def second(published, tmp_path_factory):
    """The working version after the edits, compared with 1.0."""
    previous = Path(published.outdir) / "needs.json"
    return build_once(_write(tmp_path_factory.mktemp("v2") / "src", _v2(), previous, "1.1"), "html")


def test_without_a_previous_publication_there_is_nothing_to_compare(published):
    assert warnings_of(published) == []
    assert not (Path(published.outdir) / "changes.json").exists()
    text = _page(published, "wijzigingen").select_one("p.pt-no-previous").get_text(" ", strip=True)
    assert text.startswith("Er is geen eerdere versie om mee te vergelijken")
    assert json.loads((Path(published.outdir) / "versie.json").read_text(encoding="utf-8")) == {
        "version": "1.0",
        "status": "vastgesteld",
        "date": "2014-09-26",
    }


def test_changes_json_lists_what_the_edits_changed_sorted(second):
    assert warnings_of(second) == []
    assert _changes(second) == {
        "previous": {"version": "1.0", "date": "2014-09-26"},
        "added": ["PRJ-NIEUW"],
        "removed": ["UP-SAMEN"],
        "changed": {"IN-PREVENTIE": ["status"], "SD-BRAND": ["title", "content"]},
        "suspect": {"CR-BRANDEN": ["SD-BRAND"], "IN-PREVENTIE": ["SD-BRAND"]},
    }


def test_the_page_shows_per_type_added_removed_and_changed_side_by_side(second):
    page = _page(second, "wijzigingen")
    summary = page.select_one("p.pt-changes-summary").get_text(" ", strip=True)
    assert summary == (
        "Vergeleken met versie 1.0 vastgesteld van 26 september 2014: 1 nieuw, 1 verwijderd, "
        "2 veranderd, 2 te herzien."
    )
    sections = {s["id"]: s for s in page.select("section[id^=wijzigingen-]")}
    assert list(sections) == ["wijzigingen-doel", "wijzigingen-uitgangspunt", "wijzigingen-inspanning",
                              "wijzigingen-project"]
    assert sections["wijzigingen-project"].select_one(".pt-added").get_text(" ", strip=True) == (
        "Nieuwe wijken PRJ-NIEUW"
    )
    assert sections["wijzigingen-uitgangspunt"].select_one(".pt-removed").get_text(" ", strip=True) == (
        "UP-SAMEN Samen optrekken"
    )
    brand = page.select_one("#wijziging-SD-BRAND")
    rows = [
        [c.get_text(" ", strip=True) for c in row.find_all(["th", "td"])] for row in brand.select("tbody tr")
    ]
    assert rows == [
        ["Titel", "Minder branden", "Minder woningbranden"],
        ["Tekst", "", "Elk jaar minder branden in woningen."],
    ]
    # The word diff: what was removed and added, marked as such.
    title_row = brand.select("tbody tr")[0]
    assert [d.get_text() for d in title_row.select("del")] == ["branden"]
    assert [i.get_text() for i in title_row.select("ins")] == ["woningbranden"]
    status = page.select_one("#wijziging-IN-PREVENTIE")
    assert status.select_one("p.pt-status-change").get_text(" ", strip=True) == (
        "Status gewijzigd: van (geen) naar vastgesteld."
    )
    assert status.select_one("tbody th .pt-status-change").get_text(strip=True) == "Status gewijzigd"


def test_word_diff_marks_only_the_changed_words():
    from policy_trace.views.wijzigingen import word_diff

    assert word_diff("Minder branden in de wijk", "Minder woningbranden in de stad") == (
        "Minder <del>branden</del> in de <del>wijk</del>",
        "Minder <ins>woningbranden</ins> in de <ins>stad</ins>",
    )


def test_suspect_items_are_marked_listed_with_their_cause_and_advised_pt405(second):
    page = _page(second, "wijzigingen")
    listed = page.select_one("#te-herzien ul.pt-suspects").get_text(" ", strip=True)
    fingerprint = re.search(r"SD-BRAND@([0-9a-f]{8})", listed)[1]
    assert "Aantal woningbranden CR-BRANDEN verwijst met meet naar Minder woningbranden SD-BRAND" in listed
    assert "en dat is veranderd: titel, tekst" in listed
    assert f":herzien: SD-BRAND@{fingerprint}" in listed
    items = _page(second, "items")
    assert _marked(items) == {"CR-BRANDEN", "IN-PREVENTIE"}
    tree = _page(second, "index").select_one(".pt-doelenboom-lijst")
    marked = [m.find_parent("p").find("a").get_text() for m in tree.select(".pt-te-herzien-mark")]
    assert marked == ["Brandpreventie in de wijk"]
    advice = [line for line in advice_lines(second) if "PT405" in line]
    assert len(advice) == 2
    assert all(line.startswith("items.md:") for line in advice)
    assert any(
        "PT405 IN-PREVENTIE: te herzien: SD-BRAND, waarnaar 'draagt_bij_aan' verwijst, is veranderd sinds "
        f"de vorige publicatie (1.0): titel, tekst. Oplossing: lees dit item na tegen de nieuwe SD-BRAND en "
        f"leg vast dat het nog klopt met ':herzien: SD-BRAND@{fingerprint}'. [policy.PT405]" in line
        for line in advice
    )


def test_a_review_clears_the_mark_and_a_later_change_brings_it_back(second, published, tmp_path):
    fingerprint = re.search(r"SD-BRAND@([0-9a-f]{8})", _page(second, "wijzigingen").text)[1]
    previous = Path(published.outdir) / "needs.json"
    reviewed = _v2().replace(
        ":status: vastgesteld\n```\n\n```{project} Wijkaanpak",
        f":status: vastgesteld\n:herzien: SD-BRAND@{fingerprint}\n```\n\n```{{project}} Wijkaanpak",
    ).replace(
        ":meet: HD-VEILIG, SD-BRAND\n", f":meet: HD-VEILIG, SD-BRAND\n:herzien: SD-BRAND@{fingerprint}\n"
    )
    app = build_once(_write(tmp_path / "v3", reviewed, previous, "1.1"), "html")
    assert _changes(app)["suspect"] == {}
    assert [line for line in advice_lines(app) if "PT405" in line] == []
    assert _page(app, "items").select(".pt-te-herzien") == []
    assert _page(app, "index").select(".pt-te-herzien-mark") == []
    assert "Geen items te herzien." in _page(app, "wijzigingen").select_one("#te-herzien").get_text()

    # SD-BRAND changes again: the recorded review no longer matches its fingerprint.
    later = reviewed.replace("Elk jaar minder branden in woningen.", "Elk jaar een kwart minder branden.")
    again = build_once(_write(tmp_path / "v4", later, previous, "1.1"), "html")
    assert _changes(again)["suspect"] == {"CR-BRANDEN": ["SD-BRAND"], "IN-PREVENTIE": ["SD-BRAND"]}
    assert _marked(_page(again, "items")) == {"CR-BRANDEN", "IN-PREVENTIE"}
    # A status change of SD-BRAND alone would not have made them suspect.
    status_only = reviewed.replace(
        ":id: SD-BRAND\n:draagt_bij_aan: HD-VEILIG\n:status: vastgesteld", ":id: SD-BRAND\n"
        ":draagt_bij_aan: HD-VEILIG\n:status: in_uitvoering"
    )
    calm = build_once(_write(tmp_path / "v5", status_only, previous, "1.1"), "needs")
    assert _changes(calm)["suspect"] == {}


def test_a_previous_publication_that_cannot_be_read_is_a_clear_dutch_error(tmp_path):
    app = build_once(_write(tmp_path / "p", EXAMPLE_CONTEXT, tmp_path / "vorige" / "needs.json"), "needs")
    assert warnings_of(app) == [
        # At the line of conf.py that sets it (the test's conf.py sets it on line 8).
        f"conf.py:8: FOUT: policy_trace_previous: {tmp_path}/vorige/needs.json bestaat niet. Er wordt nu "
        "niet vergeleken; geef het pad naar de needs.json van de vorige publicatie. [policy.config]"
    ]
    # The setting is the one finding of the report (every warning shown is one), at its line.
    found = [(f["code"], f["file"], f["line"]) for f in report(app)["findings"]]
    assert found == [("policy.config", "conf.py", 8)]


def test_an_incremental_rebuild_marks_items_on_other_pages_when_only_a_text_changed(published, tmp_path):
    """SD-BRAND on its own page; the items that link to it stay unread on theirs, and still get marked."""
    previous = Path(published.outdir) / "needs.json"
    goal = (
        "```{doel} Minder branden\n:id: SD-BRAND\n:draagt_bij_aan: HD-VEILIG\n:status: vastgesteld\n```\n"
    )
    rest = EXAMPLE_CONTEXT.replace(goal, "")
    assert rest != EXAMPLE_CONTEXT
    srcdir = _write(tmp_path / "p", rest + EXTRA_V1, previous, "1.1")
    (srcdir / "doel.md").write_text(f"# Doel\n\n{goal}", encoding="utf-8")
    (srcdir / "index.md").write_text(
        "# Programma\n\n```{doelenboom}\n```\n\n```{toctree}\nitems\ndoel\nwijzigingen\n```\n", "utf-8"
    )
    first = build_once(srcdir, "html")
    assert _marked(_page(first, "items")) == set()
    (srcdir / "doel.md").write_text(f"# Doel\n\n{goal[:-4]}\nNieuwe tekst.\n```\n", encoding="utf-8")
    again = build_once(srcdir, "html")
    assert _changes(again)["suspect"] == {"CR-BRANDEN": ["SD-BRAND"], "IN-PREVENTIE": ["SD-BRAND"]}
    assert _marked(_page(again, "items")) == {"CR-BRANDEN", "IN-PREVENTIE"}


def test_a_wrong_fingerprint_reads_differently_from_no_review(second, published, tmp_path):
    """Issue 16: ':herzien: SD-BRAND@<another fingerprint>' is named as such, not as no review."""
    fingerprint = re.search(r"SD-BRAND@([0-9a-f]{8})", _page(second, "wijzigingen").text)[1]
    wrong = "0" * 8 if fingerprint != "0" * 8 else "1" * 8
    previous = Path(published.outdir) / "needs.json"
    reviewed = _v2().replace(
        ":status: vastgesteld\n```\n\n```{project} Wijkaanpak",
        f":status: vastgesteld\n:herzien: SD-BRAND@{wrong}\n```\n\n```{{project}} Wijkaanpak",
    )
    app = build_once(_write(tmp_path / "fout", reviewed, previous, "1.1"), "html")
    lines = [line for line in advice_lines(app) if "PT405 IN-PREVENTIE" in line]
    assert len(lines) == 1
    said = f"':herzien: SD-BRAND@{wrong}' noemt een andere vingerafdruk dan SD-BRAND nu heeft ({fingerprint})"
    assert said in lines[0]
    assert f"vervang de vingerafdruk: ':herzien: SD-BRAND@{fingerprint}'" in lines[0]
    # Without a review the advice says what changed, as before.
    assert not any("noemt een andere vingerafdruk" in line for line in advice_lines(second))
