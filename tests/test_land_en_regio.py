"""Land en regio: three regions coupled to the agenda build clean, the agenda shows their contributions,
planted mistakes are found at the region's file:line, and a stock sphinx-needs project imports a region."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from checks_support import build_once, report
from conftest import needs_json, warnings_of
from coupling_support import (
    AGENDA_ID,
    REPO,
    copy_agenda,
    koppel,
    land_en_regio,
    region_base,
    write_programme,
)
from policy_trace import koppelingen
from test_ubproject import consume


@pytest.fixture(scope="module")
def coupled(tmp_path_factory):
    return land_en_regio(tmp_path_factory.mktemp("land-en-regio"))


def page(app, name: str) -> BeautifulSoup:
    html = (Path(app.outdir) / name).read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser").select_one("article")


def test_the_agenda_has_the_identity_the_tests_couple_it_by():
    conf = (REPO / "conf.py").read_text(encoding="utf-8")
    assert f'policy_trace_programme_id = "{AGENDA_ID}"' in conf


def test_three_regions_coupled_to_the_agenda_build_clean(coupled):
    for alias, app in coupled["regions"].items():
        assert warnings_of(app) == [], alias
        assert [f for f in report(app)["findings"] if f["severity"] == "error"] == [], alias
    assert warnings_of(coupled["national"]) == []


def test_an_id_the_agenda_also_uses_stays_the_regions_own(coupled):
    zuid = needs_json(coupled["regions"]["zuid"])
    assert zuid["IN-BEVOLKINGSZORG"]["title"] == "Bevolkingszorg in de regio"
    assert "SD-CRISISBEHEERSING" not in zuid
    # And the agenda's own IN-BEVOLKINGSZORG is still the agenda's, with its own findings only.
    agenda = needs_json(coupled["national"])
    assert agenda["IN-BEVOLKINGSZORG"]["title"] != "Bevolkingszorg in de regio"
    assert "MT-PARAMETERS-ZUID-2" not in agenda
    assert {f["id"] for f in report(coupled["national"])["findings"]} <= set(agenda)


def test_a_region_page_shows_the_coupled_goal_with_its_programme_status_and_address(coupled):
    article = page(coupled["regions"]["noord"], "index.html")
    link = article.select_one('a.pt-coupled-link[href$="#SD-CRISISBEHEERSING"]')
    assert link["href"] == "https://agenda.example.nl/1.0/needs/doelen.html#SD-CRISISBEHEERSING"
    shown = link.find_parent(class_="pt-coupled").get_text(" ", strip=True)
    assert shown == "Strategische agenda Versterking Veiligheidsregio's: Versterken crisisbeheersing " \
        "SD-CRISISBEHEERSING voorgesteld"
    # The goal tree draws it as an outside box, and lists it with what serves it.
    tree = article.select_one("ul.pt-doelenboom-extern").get_text(" ", strip=True)
    assert "Versterken crisisbeheersing SD-CRISISBEHEERSING" in tree
    assert "Oefenen met sleutelfunctionarissen" in tree
    drawing = article.select_one("svg[aria-label=\"Bijdragen aan andere programma's\"]")
    assert "https://agenda.example.nl/1.0/needs/doelen.html#SD-CRISISBEHEERSING" in str(drawing)


def test_a_regions_stand_van_zaken_lists_its_contributions(coupled):
    section = page(coupled["regions"]["zuid"], "index.html").select_one("section#stand-bijdragen")
    text = section.get_text(" ", strip=True)
    assert text.startswith("Bijdragen aan andere programma")
    agenda = "Strategische agenda Versterking Veiligheidsregio's"
    assert f"Dit programma draagt bij aan {agenda}: 2 items daar" in text
    lines = [li.get_text(" ", strip=True) for li in section.select("ul.pt-stand-bijdragen > li")]
    assert lines == [
        f"{agenda}: Kwaliteit van de regio's zichtbaar en onderling vergelijkbaar CR-KWALITEIT-VERGELIJKBAAR "
        "onbepaald : Gezamenlijke parameters in Zuid, eerste telling MT-PARAMETERS-ZUID-1 , Gezamenlijke "
        "parameters in Zuid MT-PARAMETERS-ZUID-2",
        f"{agenda}: Versterken crisisbeheersing SD-CRISISBEHEERSING voorgesteld : Bevolkingszorg in de regio "
        "IN-BEVOLKINGSZORG",
    ]


def test_the_agenda_shows_each_regions_contributions_under_the_right_goal(coupled):
    article = page(coupled["national"], "bijdragen.html")
    crisis = article.select_one("section#bijdragen-sd-crisisbeheersing")
    heading = crisis.select_one("h2, h3").get_text(strip=True)
    assert heading == "Versterken crisisbeheersing (SD-CRISISBEHEERSING)¶"
    rows = [[c.get_text(" ", strip=True) for c in tr.select("th, td")]
            for tr in crisis.select("table.pt-bijdragen tbody tr")]
    assert rows == [
        ["Beleidsplan Veiligheidsregio Noord", "Oefenen met sleutelfunctionarissen IN-OEFENEN",
         "in uitvoering", "draagt bij aan"],
        ["Beleidsplan Veiligheidsregio Zuid", "Bevolkingszorg in de regio IN-BEVOLKINGSZORG", "vastgesteld",
         "draagt bij aan"],
    ]
    assert crisis.select_one('a.pt-coupled-link')["href"] == "https://noord.example.nl/1/index.html#IN-OEFENEN"
    risk = article.select_one("section#bijdragen-sd-risicobeheersing")
    assert "Beleidsplan Veiligheidsregio West" in risk.get_text()
    assert "Noord" not in risk.get_text() and "Zuid" not in risk.get_text()


def test_the_agenda_compares_the_regions_latest_measurement_of_a_shared_criterion(coupled):
    article = page(coupled["national"], "bijdragen.html")
    criterion = article.select_one("section#bijdragen-cr-kwaliteit-vergelijkbaar")
    rows = [[c.get_text(" ", strip=True) for c in tr.select("th, td")]
            for tr in criterion.select("table.pt-bijdragen-vergelijking tbody tr")]
    # Zuid's latest of its two measurements; each value with its date and source.
    assert rows == [
        ["Beleidsplan Veiligheidsregio Noord", "9", "1 juni 2014", "Jaarverslag Noord 2013",
         "MT-PARAMETERS-NOORD"],
        ["Beleidsplan Veiligheidsregio Zuid", "7", "15 augustus 2014", "Jaarverslag Zuid 2014",
         "MT-PARAMETERS-ZUID-2"],
    ]


def test_the_agenda_names_its_goals_without_contributions_and_each_coupled_programme(coupled):
    article = page(coupled["national"], "bijdragen.html")
    without = article.select_one("section#bijdragen-zonder").get_text(" ", strip=True)
    assert "HD-NEDERLAND-VEILIGER" in without
    assert "SD-CRISISBEHEERSING" not in without and "SD-RISICOBEHEERSING" not in without
    programmes = [li.get_text(" ", strip=True) for li in article.select("ul.pt-bijdragen-programmas li")]
    assert programmes == [
        "Beleidsplan Veiligheidsregio Noord (versie 1, van 1 september 2014): 2 koppelingen naar dit "
        "programma.",
        "Beleidsplan Veiligheidsregio West (versie 1, van 1 september 2014): 1 koppeling naar dit "
        "programma.",
        "Beleidsplan Veiligheidsregio Zuid (versie 1, van 1 september 2014): 3 koppelingen naar dit "
        "programma.",
    ]


def details_of(app, page_name: str, item_id: str) -> BeautifulSoup:
    """The details a reader sees under an item on its page."""
    return page(app, page_name).find(id=item_id).find_next_sibling(class_="pt-item-details")


def contributions_of(app, page_name: str, item_id: str) -> tuple[str, list[str], list[str]]:
    """Under an item: the heading of the coupled programmes' contributions, its lines and their links."""
    details = details_of(app, page_name, item_id)
    heading = details.find(["h3", "h4"], string="Bijdragen van gekoppelde programma’s")
    listed = heading.find_next_sibling("ul")
    return (
        heading.name,
        [li.get_text(" ", strip=True) for li in listed.find_all("li")],
        [a["href"] for a in listed.find_all("a")],
    )


def test_a_national_goals_page_lists_each_regions_contribution_to_it(coupled):
    heading, lines, links = contributions_of(coupled["national"], "needs/doelen.html", "SD-CRISISBEHEERSING")
    # A heading below the item's own (h2), as its other details have: a screen reader can jump to it.
    assert heading == "h3"
    assert lines == [
        "Beleidsplan Veiligheidsregio Noord, versie 1: Oefenen met sleutelfunctionarissen IN-OEFENEN "
        "in uitvoering",
        "Beleidsplan Veiligheidsregio Zuid, versie 1: Bevolkingszorg in de regio IN-BEVOLKINGSZORG "
        "vastgesteld",
    ]
    # Each to the region's published page of that item, at the copied version's address.
    assert links == [
        "https://noord.example.nl/1/index.html#IN-OEFENEN",
        "https://zuid.example.nl/1/index.html#IN-BEVOLKINGSZORG",
    ]
    overview = details_of(coupled["national"], "needs/doelen.html", "SD-CRISISBEHEERSING").select_one(
        "p.pt-contributions-overview a"
    )
    assert overview.get_text() == "Alle bijdragen aan dit item naast elkaar"
    assert overview["href"] == "../bijdragen.html#bijdragen-sd-crisisbeheersing"
    assert page(coupled["national"], "bijdragen.html").find(id="bijdragen-sd-crisisbeheersing") is not None
    _heading, west, _links = contributions_of(coupled["national"], "needs/doelen.html", "SD-RISICOBEHEERSING")
    assert west == ["Beleidsplan Veiligheidsregio West, versie 1: Minder risico's in de regio SD-RISICO-WEST "
                    "vastgesteld"]


def test_a_national_criterions_page_lists_the_regions_measurements_with_value_date_and_source(coupled):
    _heading, lines, links = contributions_of(
        coupled["national"], "needs/criteria.html", "CR-KWALITEIT-VERGELIJKBAAR"
    )
    assert lines == [
        "Beleidsplan Veiligheidsregio Noord, versie 1: Gezamenlijke parameters in Noord "
        "MT-PARAMETERS-NOORD : 9 op 1 juni 2014 (bron: Jaarverslag Noord 2013)",
        "Beleidsplan Veiligheidsregio Zuid, versie 1: Gezamenlijke parameters in Zuid, eerste telling "
        "MT-PARAMETERS-ZUID-1 : 4 op 1 december 2013 (bron: Kwartaalrapportage Zuid); Gezamenlijke "
        "parameters in Zuid MT-PARAMETERS-ZUID-2 : 7 op 15 augustus 2014 (bron: Jaarverslag Zuid 2014)",
    ]
    assert links[0] == "https://noord.example.nl/1/index.html#MT-PARAMETERS-NOORD"


def test_a_national_item_no_region_contributes_to_shows_no_contributions(coupled):
    details = details_of(coupled["national"], "needs/doelen.html", "HD-NEDERLAND-VEILIGER")
    assert "Bijdragen van gekoppelde" not in details.get_text()
    # A region's own page (it couples the agenda, but nobody couples the region): none either.
    assert "Bijdragen van gekoppelde" not in page(coupled["regions"]["noord"], "index.html").get_text()


def test_a_programme_that_links_to_nothing_or_is_old_is_named_as_such(coupled, tmp_path):
    oost = write_programme(
        tmp_path / "oost", "vr-oost-beleidsplan", "Beleidsplan Veiligheidsregio Oost", region_base(),
        date="2013-01-15", period=("2013-01-01", "2016-12-31"), reference_date="2013-01-15",
    )
    published = Path(build_once(oost, "html").outdir)
    agenda = copy_agenda(tmp_path / "agenda")
    assert koppel("oost", str(published), str(agenda)) == 0
    article = page(build_once(agenda, "html"), "bijdragen.html")
    [line] = [li.get_text(" ", strip=True) for li in article.select("ul.pt-bijdragen-programmas li")]
    assert line == (
        "Beleidsplan Veiligheidsregio Oost (versie 1, van 15 januari 2013): verwijst nergens naar dit "
        "programma; de kopie is ouder dan een jaar: haal een nieuwere versie op met policy-trace koppel "
        "oost BRON."
    )


MISTAKES = """\
```{inspanning} Verkeerd gespeld
:id: IN-GESPELD
:draagt_bij_aan: SD-REGIO, landelijk:SD-CRISISBEHEERSNG
:spoor: inhoudelijk
```

```{inspanning} Een inspanning als doel
:id: IN-SOORT
:draagt_bij_aan: SD-REGIO, landelijk:IN-BEVOLKINGSZORG
:spoor: inhoudelijk
```

```{inspanning} Onbekende buur
:id: IN-BUUR
:draagt_bij_aan: SD-REGIO, buur:SD-OEFENEN
:spoor: inhoudelijk
```

```{inspanning} Veranderd landelijk doel
:id: IN-VERANDERD
:draagt_bij_aan: SD-REGIO, landelijk:SD-CRISISBEHEERSING
:spoor: inhoudelijk
```

```{inspanning} Vervallen landelijk doel
:id: IN-VERVALLEN
:draagt_bij_aan: SD-REGIO, landelijk:SD-RISICOBEHEERSING
:spoor: inhoudelijk
```
"""


def test_planted_mistakes_are_found_at_the_regions_file_and_line(tmp_path):
    agenda = copy_agenda(tmp_path / "agenda")
    first = Path(build_once(agenda, "html").outdir)
    region = write_programme(
        tmp_path / "regio", "vr-fouten", "Beleidsplan met fouten", region_base() + "\n" + MISTAKES,
        period=("2014-01-01", "2017-12-31"), reference_date="2014-09-26",
    )
    assert koppel("landelijk", str(first), str(region)) == 0
    # A newer agenda: SD-CRISISBEHEERSING's text changed, SD-RISICOBEHEERSING fell away.
    goals = agenda / "needs" / "doelen.md"
    text = goals.read_text(encoding="utf-8")
    text = text.replace("zich werkelijk voordoet", "zich echt voordoet")
    goal = ":id: SD-RISICOBEHEERSING\n:draagt_bij_aan: HD-NEDERLAND-VEILIGER\n:status: "
    text = text.replace(goal + "voorgesteld", goal + "vervallen")
    goals.write_text(text, encoding="utf-8")
    second = Path(build_once(agenda, "html").outdir)
    assert koppel("landelijk", str(second), str(region)) == 0
    app = build_once(region, "html")
    found = [(f["code"], f["id"], f"{f['file']}:{f['line']}") for f in report(app)["findings"]]
    assert found == [
        ("PT101", "IN-GESPELD", "index.md:23"),
        ("PT102", "IN-SOORT", "index.md:29"),
        ("PT111", "IN-BUUR", "index.md:35"),
        ("PT405", "IN-VERANDERD", "index.md:41"),
        ("PT408", "IN-VERVALLEN", "index.md:47"),
    ]
    console = ("\n".join(warnings_of(app)) + "\n" + app.status.getvalue()).splitlines()
    # Each on one line, location first, as editors and CI read them.
    assert any(
        line.startswith("index.md:23: ")
        and "PT101 IN-GESPELD: 'draagt_bij_aan' verwijst naar landelijk:SD-CRISISBEHEERSNG" in line
        for line in console
    ), console
    assert any(
        line.startswith("index.md:47: ADVIES: PT408 IN-VERVALLEN: 'draagt_bij_aan' verwijst naar ")
        and "landelijk:SD-RISICOBEHEERSING" in line
        for line in console
    ), console


def test_a_stock_sphinx_needs_project_imports_a_regions_needs_json(coupled, tmp_path):
    published = Path(coupled["regions"]["noord"].outdir)
    data = json.loads((published / "needs.json").read_text(encoding="utf-8"))
    assert data[koppelingen.SECTION]["koppelingen"]["landelijk"]["programme_id"] == AGENDA_ID
    result = consume(tmp_path, published, "", ".. needimport:: needs.json\n")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    imported = json.loads((tmp_path / "out" / "needs.json").read_text(encoding="utf-8"))
    needs = imported["versions"][imported["current_version"]]["needs"]
    assert "landelijk:SD-CRISISBEHEERSING" in needs["IN-OEFENEN"]["draagt_bij_aan"]


def test_a_stock_sphinx_needs_project_reads_a_regions_needs_json_as_external_needs(coupled, tmp_path):
    published = Path(coupled["regions"]["zuid"].outdir)
    conf = (
        'needs_external_needs = [{"base_url": "https://zuid.example.nl/1", "json_path": "needs.json"}]\n'
        'needs_builder_filter = ""\n'
    )
    result = consume(tmp_path, published, conf, "Zie :need:`IN-BEVOLKINGSZORG`.\n")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
