"""The programme's own content: the strategische agenda as the seed describes it.

The repo's real content is built once (module scope) and read back from the
built needs.json and HTML, so these tests see what a stakeholder sees.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from conftest import warnings_of
from policy_trace import model
from policy_trace.dates import dutch_date
from sphinx.testing.util import SphinxTestApp

REPO = Path(__file__).resolve().parents[1]
#: The seed's sentences these tests rely on, shipped with the tests (the seed
#: itself sits beside the workspace's checkout, not in a clone).
SEED_EXCERPTS = Path(__file__).parent / "fixtures" / "seed-excerpts.txt"

#: The files this content consists of; warnings elsewhere belong to other parts.
NARRATIVE = "inleiding|uitgangspunten|doelen|inspanningen|organisatie|tot-slot"
CONTENT_FILES = re.compile(rf"^(index\.md|conf\.py|needs/[^:]+|docs/({NARRATIVE})\.md)[:(]")

RISK, CRISIS = "SD-RISICOBEHEERSING", "SD-CRISISBEHEERSING"
BOTH = {RISK, CRISIS}
VB, VENJ = "PA-VEILIGHEIDSBERAAD", "PA-MINISTERIE-VENJ"

# id -> (spoor, goals served, prioriteit, trekkers), as seed sections 4.1-4.3 say.
EFFORTS = {
    "IN-WATER-EVACUATIE": ("inhoudelijk", {RISK}, "nee", {VENJ, VB}),
    "IN-CONTINUITEIT-SAMENLEVING": ("inhoudelijk", {RISK}, "nee", {VENJ, VB}),
    "IN-NUCLEAIRE-VEILIGHEID": ("inhoudelijk", {RISK}, "nee", {VENJ, VB}),
    "IN-VISIE-RISICOGERICHTHEID": ("inhoudelijk", {RISK}, "nee", {VB}),
    "IN-OMGEVINGSWET": ("inhoudelijk", {RISK}, "nee", {VB}),
    # Footnote 2: innovatie brandweerzorg serves risk and crisis management.
    "IN-INNOVATIE-BRANDWEERZORG": ("inhoudelijk", BOTH, "nee", {VB, "PA-BRANDWEER"}),
    "IN-PUBLIEKE-GEZONDHEID": ("inhoudelijk", {RISK}, "nee", {VB}),
    # Section 4.2: the organisational efforts serve both goals.
    "IN-KWALITEIT-VERGELIJKBAARHEID": ("organisatorisch", BOTH, "ja", {VB}),
    "IN-SAMENWERKING-REGIO": ("organisatorisch", BOTH, "ja", {VB}),
    "IN-DIRECTEUR-VEILIGHEIDSREGIO": ("organisatorisch", BOTH, "nee", {VB}),
    "IN-INFORMATIEVOORZIENING": ("organisatorisch", BOTH, "nee", {VB}),
    "IN-POSITIONERING-VEILIGHEIDSBERAAD": ("organisatorisch", BOTH, "nee", {"PA-DB-VEILIGHEIDSBERAAD", VB}),
    "IN-BEVOLKINGSZORG": ("inhoudelijk", {CRISIS}, "ja", {VB}),
    "IN-ZELFREDZAAMHEID": ("inhoudelijk", {CRISIS}, "nee", {VB}),
    "IN-HOOFDSTRUCTUUR-CRISISBEHEERSING": ("inhoudelijk", {CRISIS}, "nee", {VB}),
}
JOINT_THEMES = {"IN-WATER-EVACUATIE", "IN-CONTINUITEIT-SAMENLEVING", "IN-NUCLEAIRE-VEILIGHEID"}

# Project -> the effort it carries out (seed section 5).
PROJECTS = {
    "PRJ-KWALITEIT-VERGELIJKBAARHEID": "IN-KWALITEIT-VERGELIJKBAARHEID",
    "PRJ-VCMS": "IN-SAMENWERKING-REGIO",
    "PRJ-BEVOLKINGSZORG": "IN-BEVOLKINGSZORG",
    "PRJ-WATER-EVACUATIE": "IN-WATER-EVACUATIE",
    "PRJ-CONTINUITEIT-SAMENLEVING": "IN-CONTINUITEIT-SAMENLEVING",
    "PRJ-NUCLEAIRE-VEILIGHEID": "IN-NUCLEAIRE-VEILIGHEID",
}

#: The only date the seed gives: the Veiligheidsberaad of 26 September 2014.
MEETING = "2014-09-26"
#: The numbers the seed states that a criterion may carry ("24/7").
SEED_FIGURES = {"24", "7"}

PARTIES = {
    "PA-VEILIGHEIDSBERAAD",
    "PA-DB-VEILIGHEIDSBERAAD",
    "PA-MINISTERIE-VENJ",
    "PA-NCTV",
    "PA-IFV",
    "PA-BDO",
    "PA-VEILIGHEIDSREGIOS",
    "PA-DIRECTEUREN-VEILIGHEIDSREGIOS",
    "PA-RUDS",
    "PA-POLITIE",
    "PA-DEFENSIE",
    "PA-LMO",
    "PA-INSPECTIE-VENJ",
    "PA-POI",
    "PA-EXPERTISECENTRUM-ZELFREDZAAMHEID",
    "PA-WATERSCHAPPEN",
    "PA-PROVINCIES",
    "PA-GEMEENTEN",
    "PA-COMMISSIE-HOEKSTRA",
    "PA-COMMISSIE-BEVOLKINGSZORG",
    "PA-EXPLOITANTEN",
    "PA-VITALE-PARTNERS",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SphinxTestApp]:
    """The repo's content, built once into a temporary folder (never into _build/)."""
    app = SphinxTestApp("html", srcdir=REPO, builddir=tmp_path_factory.mktemp("content"))
    try:
        app.build()
        yield app
    finally:
        app.cleanup()


@pytest.fixture(scope="module")
def needs(site: SphinxTestApp) -> dict[str, dict[str, Any]]:
    data = json.loads((Path(site.outdir) / "needs.json").read_text(encoding="utf-8"))
    return data["versions"][data["current_version"]]["needs"]


def of_type(needs: dict[str, dict[str, Any]], type_name: str) -> dict[str, dict[str, Any]]:
    """The needs of one item type, by ID."""
    return {nid: need for nid, need in needs.items() if need["type"] == type_name}


def html_of(site: SphinxTestApp, page: str) -> BeautifulSoup:
    return BeautifulSoup((Path(site.outdir) / page).read_text(encoding="utf-8"), "html.parser")


def test_content_builds_without_warnings(site):
    ours = [w for w in warnings_of(site) if CONTENT_FILES.match(w) or not re.match(r"^\S+\.\w+[:(]", w)]
    assert ours == []


def test_every_item_has_an_id_of_its_type_and_a_title(needs):
    for nid, need in needs.items():
        item_type = model.TYPES_BY_NAME[need["type"]]
        assert item_type.id_pattern.fullmatch(nid), nid
        assert need["title"].strip(), nid
        assert need["content"].strip(), f"{nid} heeft geen tekst"


def test_every_link_points_to_an_existing_item_of_an_allowed_type(needs):
    for nid, need in needs.items():
        for link in model.links_from(need["type"]):
            rule = link.rule_for(need["type"])
            targets = need.get(link.name) or []
            assert len(targets) >= rule.minimum, (nid, link.name)
            for target in targets:
                assert target in needs, (nid, link.name, target)
                assert needs[target]["type"] in rule.targets, (nid, link.name, target)


def test_hoofddoel_and_both_strategic_goals_are_linked(needs):
    assert set(of_type(needs, "hoofddoel")) == {"HD-NEDERLAND-VEILIGER"}
    assert needs["HD-NEDERLAND-VEILIGER"]["title"].startswith("Nederland veiliger door het voorkomen")
    goals = of_type(needs, "doel")
    assert {nid: need["title"] for nid, need in goals.items()} == {
        RISK: "Versterken risicobeheersing",
        CRISIS: "Versterken crisisbeheersing",
    }
    for goal in goals.values():
        assert goal["draagt_bij_aan"] == ["HD-NEDERLAND-VEILIGER"]


def test_fifteen_efforts_with_spoor_goals_priority_and_trekker(needs):
    efforts = of_type(needs, "inspanning")
    assert set(efforts) == set(EFFORTS)
    for nid, (spoor, goals, prioriteit, trekkers) in EFFORTS.items():
        effort = efforts[nid]
        found = (effort["spoor"], set(effort["draagt_bij_aan"]), effort["prioriteit"], set(effort["trekker"]))
        assert found == (spoor, goals, prioriteit, trekkers), nid


def test_exactly_the_three_efforts_met_voorrang_are_prioritised(needs):
    prioritised = {nid for nid, need in of_type(needs, "inspanning").items() if need["prioriteit"] == "ja"}
    assert prioritised == {"IN-KWALITEIT-VERGELIJKBAARHEID", "IN-SAMENWERKING-REGIO", "IN-BEVOLKINGSZORG"}
    # The seed prioritises samenwerking in de regio because of VCMS: its text says so.
    assert "VCMS" in needs["IN-SAMENWERKING-REGIO"]["content"]


def test_organisational_efforts_and_innovatie_brandweerzorg_serve_both_goals(needs):
    efforts = of_type(needs, "inspanning")
    organisational = {nid for nid, need in efforts.items() if need["spoor"] == "organisatorisch"}
    assert len(organisational) == 5
    for nid in organisational | {"IN-INNOVATIE-BRANDWEERZORG"}:
        assert set(efforts[nid]["draagt_bij_aan"]) == BOTH, nid


def test_efforts_hang_together_where_the_seed_says_so(needs):
    declared = {
        nid: set(need["hangt_samen_met"])
        for nid, need in of_type(needs, "inspanning").items()
        if need["hangt_samen_met"]
    }
    assert declared == {
        "IN-OMGEVINGSWET": {"IN-VISIE-RISICOGERICHTHEID"},
        "IN-BEVOLKINGSZORG": {"IN-KWALITEIT-VERGELIJKBAARHEID"},
        "IN-ZELFREDZAAMHEID": JOINT_THEMES,
    }


def test_goals_and_efforts_are_only_proposed(needs):
    for type_name in ("hoofddoel", "doel", "inspanning"):
        for nid, need in of_type(needs, type_name).items():
            assert need["status"] == "voorgesteld", nid


def test_projects_carry_out_their_effort_with_the_plan_still_open(needs):
    projects = of_type(needs, "project")
    assert {nid: need["voert_uit"] for nid, need in projects.items()} == {
        nid: [effort] for nid, effort in PROJECTS.items()
    }
    for nid, project in projects.items():
        assert project["opdrachtgever"] == ["PA-VEILIGHEIDSBERAAD"], nid
        assert project["status"] == "concept", nid
        # The seed names no opdrachtnemer, financing or borging yet (plan elements b-d).
        assert not project["opdrachtnemer"] and not project["financiering"] and not project["borging"], nid
    for nid in PROJECTS:
        if PROJECTS[nid] in JOINT_THEMES:
            assert set(projects[nid]["trekker"]) == {"PA-NCTV", "PA-VEILIGHEIDSREGIOS", "PA-IFV", "PA-BDO"}


def test_every_project_has_the_26_september_2014_milestone(needs):
    milestones = of_type(needs, "mijlpaal")
    for nid in PROJECTS:
        own = [m for m in milestones.values() if m["hoort_bij"] == [nid]]
        assert [(m["title"], m["datum"], m["status"]) for m in own] == [
            ("Projectplan ter accordering in het Veiligheidsberaad", MEETING, "gepland")
        ], nid


def test_the_announced_decision_concerns_all_projects_and_claims_no_outcome(needs):
    decisions = of_type(needs, "besluit")
    assert len(decisions) == 1
    (decision,) = decisions.values()
    assert decision["datum"] == MEETING
    assert decision["genomen_door"] == ["PA-VEILIGHEIDSBERAAD"]
    assert set(decision["betreft"]) == set(PROJECTS)
    assert "geen uitspraak over de uitkomst" in decision["content"]


def test_results_are_delivered_by_projects(needs):
    results = of_type(needs, "resultaat")
    assert results["RS-VCMS-ACTIEPROGRAMMA"]["geleverd_door"] == ["PRJ-VCMS"]
    for nid, result in results.items():
        assert all(needs[p]["type"] == "project" for p in result["geleverd_door"]), nid


def test_criteria_carry_no_figure_or_date_the_seed_does_not_give(needs):
    criteria = of_type(needs, "criterium")
    assert criteria, "de seed noemt enkele criteria in woorden"
    for nid, criterion in criteria.items():
        assert criterion["status"] == "onbepaald", nid
        # The seed gives no baseline, measurement, date or source for any criterion.
        for name in ("nulmeting", "meting", "meetdatum", "deadline", "bron"):
            assert not criterion[name], (nid, name)
        for name in ("indicator", "streefwaarde"):
            figures = set(re.findall(r"\d+", criterion[name] or ""))
            assert figures <= SEED_FIGURES, (nid, name, figures)


def test_dates_are_only_the_meeting_the_seed_names(needs):
    dates = {
        need[name] for need in needs.values() for name in ("datum", "meetdatum", "deadline") if need.get(name)
    }
    assert dates == {MEETING}


def test_the_figures_and_date_used_appear_in_the_seed():
    seed = " ".join(SEED_EXCERPTS.read_text(encoding="utf-8").split())
    assert SEED_FIGURES <= set(re.findall(r"\d+", seed))
    assert dutch_date(date.fromisoformat(MEETING)) in seed  # "26 september 2014"


def test_assumptions_are_unconfirmed_unless_the_seed_says_they_are_proven(needs):
    assumptions = of_type(needs, "aanname")
    confirmed = {nid for nid, need in assumptions.items() if need["status"] == "bevestigd"}
    assert confirmed == {"AN-INFORMATIEVOORZIENING-LOONT"}
    assert {need["status"] for nid, need in assumptions.items() if nid not in confirmed} == {"onbevestigd"}
    assert "AN-VAKER-DOEN-VAKER-GOED" in assumptions and "AN-SAMENWERKING-LOONT" in assumptions


def test_the_parties_the_seed_names_are_present(needs):
    assert PARTIES <= set(of_type(needs, "partij"))


def test_reference_date_is_the_meeting(site):
    assert site.config.policy_trace_reference_date == MEETING


def test_start_page_leads_to_goals_efforts_projects_and_parties(site):
    main = html_of(site, "index.html").select_one("article")
    assert main.select_one(".pt-doelenboom"), "the start page shows the doelenboom"
    links = {a["href"].split("#")[0] for a in main.select("p a[href]")}
    assert {
        "needs/doelen.html",
        "needs/inspanningen.html",
        "needs/projecten.html",
        "needs/partijen.html",
    } <= links


def test_narrative_pages_show_the_items_in_place(site):
    efforts_page = html_of(site, "docs/inspanningen.html")
    # The effort's name first, its code (the link) after it.
    table_ids = [a.get_text(strip=True) for a in efforts_page.select("table tbody tr td:nth-child(2) a")]
    assert table_ids == list(EFFORTS)  # the seed's order
    for nid in EFFORTS:
        assert efforts_page.find("a", href=re.compile(rf"#{nid}$")), nid
    organisation = html_of(site, "docs/organisatie.html").get_text(" ")
    for nid in PROJECTS:
        assert nid in organisation, nid


def test_the_agenda_has_no_measurements_and_its_dashboard_says_so(site, needs):
    # The seed gives no measurement: no meting items, and no figure the dashboard could compute from.
    assert of_type(needs, "meting") == {}
    dashboard = html_of(site, "docs/tevreden.html")
    blocks = dashboard.select("section.pt-criterion")
    assert blocks, "het dashboard toont de criteria van de agenda"
    for block in blocks:
        cells = [(tr.th, tr.td) for tr in block.table.select("tr")]
        rows = {th.get_text(strip=True): td.get_text(" ", strip=True) for th, td in cells}
        assert rows["Meting"] == "nog niet gemeten", block["id"]
        assert "Voortgang" not in rows, block["id"]
    assert dashboard.select("svg.pt-chart") == []
    assert dashboard.select("progress[aria-label^=Voortgang]") == []
    # The roll-up per goal counts the criteria by their own (undetermined) status, nothing more.
    rollup = [td.get_text(" ", strip=True) for td in dashboard.select("#tevreden-per-doel td")]
    assert rollup, "het dashboard telt de criteria per doel"
    assert all(
        cell == "geen criteria" or cell.endswith(" onbepaald (niet uit de cijfers te berekenen)")
        for cell in rollup
    ), rollup


def test_the_agendas_assumptions_are_listed_as_never_tested(site, needs):
    # The seed says how no assumption was tested, nor when.
    assert all(not a.get("getoetst_op") and not a.get("toetsing") for a in of_type(needs, "aanname").values())
    rows = html_of(site, "docs/samenhang.html").select("table.pt-assumptions tbody tr")
    assert len(rows) == len(of_type(needs, "aanname"))
    assert all("nooit getoetst" in row.find_all("td")[2].get_text() for row in rows)


def test_the_home_page_opens_with_where_the_agenda_stands(
    site: SphinxTestApp, needs: dict[str, dict[str, Any]]
):
    soup = BeautifulSoup((Path(site.outdir) / "index.html").read_text(encoding="utf-8"), "html.parser")
    stand = soup.select_one("article .pt-stand")
    assert stand is not None and stand.find_previous("h1") is not None
    summary = " ".join(stand.select_one("p.pt-stand-summary").get_text().split())
    # The agenda's peildatum is the board meeting of 26 september 2014; it gives no measurements.
    assert summary.startswith("Stand op de peildatum 26 september 2014: ")
    proposed = [n for n in of_type(needs, "inspanning").values() if n["status"] == "voorgesteld"]
    section = stand.select_one("#stand-te-besluiten-inspanningen")
    # The home page shows the first eight and links to the whole list on the stand page.
    assert len(section.select("li")) == min(8, len(proposed))
    if len(proposed) > 8:
        more = section.select_one("p.pt-stand-more")
        assert " ".join(more.get_text().split()) == (
            f"En nog {len(proposed) - 8}: de hele lijst ({len(proposed)})."
        )
        assert more.a["href"] == "docs/stand.html#stand-te-besluiten-inspanningen"
    whole = BeautifulSoup((Path(site.outdir) / "docs/stand.html").read_text(encoding="utf-8"), "html.parser")
    assert len(whole.select("#stand-te-besluiten-inspanningen li")) == len(proposed)
    # No judgement is invented: the seed gives no numbers, and every goal's line says so.
    for line in stand.select("ul.pt-stand-goals > li"):
        text = line.get_text()
        assert "(niet uit de cijfers te berekenen)" in text or "Geen inspanningen" in text, text
