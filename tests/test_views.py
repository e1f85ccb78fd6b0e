"""The stakeholder views, as the built HTML shows them, on the small programme of roots/test-views."""

from __future__ import annotations

import csv
import io
import re
import shutil
from io import StringIO
from pathlib import Path
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from conftest import ROOTS, warnings_of
from policy_trace import model
from policy_trace.views import banner, downloads, mermaid, samenhang, tevreden, words
from policy_trace.views.words import parse_number
from sphinx.testing.util import SphinxTestApp

NASTY = 'Crisis "snel" & <b>goed</b> [1] #1; klaar'
TREE = [
    "HD-VEILIG",
    "SD-BRAND",
    "SD-CRISIS",
    "IN-PREVENTIE",
    "IN-OEFENEN",
    "IN-SAMEN",
    "PRJ-WIJK",
    "PRJ-OEFEN",
]
BANNER = "Versie 2.1 \u00b7 vastgesteld \u00b7 1 februari 2024"


def build(srcdir: Path, **kwargs) -> SphinxTestApp:
    """Build ``srcdir`` as one ``sphinx-build`` run would, asserting it warns about nothing."""
    app = SphinxTestApp("html", srcdir=srcdir, status=StringIO(), warning=StringIO(), **kwargs)
    try:
        app.build()
    finally:
        app.cleanup()
    assert warnings_of(app) == []
    return app


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    srcdir = tmp_path_factory.mktemp("views") / "test-views"
    shutil.copytree(ROOTS / "test-views", srcdir)
    return Path(build(srcdir).outdir)


def page(site: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((site / name).read_text(encoding="utf-8"), "html.parser")


def mermaid_sources(soup: BeautifulSoup) -> list[str]:
    return [pre.get_text() for pre in soup.select("pre.mermaid")]


def resolve(site: Path, from_page: str, href: str) -> tuple[Path, str]:
    """The file and anchor a relative link on ``from_page`` leads to."""
    target, _, anchor = href.partition("#")
    return (site / from_page).parent.joinpath(target).resolve(), anchor


def assert_link_works(site: Path, from_page: str, href: str) -> None:
    path, anchor = resolve(site, from_page, href)
    assert path.is_file(), href
    if anchor:
        assert BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").find(id=anchor), href


def decode_entities(text: str) -> str:
    """What Mermaid shows for a label with entity codes."""
    return re.sub(r"#(\d+);", lambda m: chr(int(m.group(1))), text.replace("#quot;", '"'))


# --- Mermaid text, without a build -------------------------------------------------------------


def test_a_nasty_title_becomes_a_label_mermaid_cannot_misread():
    label = mermaid.escape_label(NASTY)
    assert label == ("Crisis #quot;snel#quot; #38; #60;b#62;goed#60;/b#62; #91;1#93; #35;1#59; klaar")
    # Outside the entity codes, nothing is left that ends a label or a statement.
    assert not re.search(r'["\[\]<>&;:%`|{}]', re.sub(r"#(quot|\d+);", "", label))
    assert decode_entities(label) == NASTY


@pytest.mark.parametrize(
    "text", ["a:b", "50%", "`code`", "x\ny", "{x}|y", "é en ’s", "Plan #quot; letterlijk"]
)
def test_escaping_round_trips(text):
    assert decode_entities(mermaid.escape_label(text)) == " ".join(text.split())


def test_boxes_keep_white_labels_readable_for_every_type_colour():
    for item_type in model.ITEM_TYPES:
        assert mermaid.contrast_with_white(mermaid.readable_fill(item_type.color)) >= 4.5, item_type.directive


def test_numbers_as_authors_type_them():
    assert [parse_number(v) for v in ("12", "12,5", "75%", "-3.5", "matig", "", "1e999")] == [
        12,
        12.5,
        75,
        -3.5,
        None,
        None,
        None,
    ]


def test_a_criterion_block_says_what_is_open_and_why_it_is_not_smart():
    fields = {"streefwaarde": "Goed geregeld", "smart": "nee", "toelichting": "Niet te meten & dat is zo."}
    criterion = SimpleNamespace(id="CR-X", field=lambda name: fields.get(name, ""))
    rows = tevreden.criterion_rows(criterion)
    assert [label for label, _value in rows] == [
        "Indicator",
        "Nulmeting",
        "Streefwaarde",
        "Meting",
        "Deadline",
        "Bron",
        "Toelichting",
    ]
    values = dict(rows)
    assert values["Indicator"] == values["Bron"] == '<span class="pt-empty">niet vastgelegd</span>'
    assert values["Meting"] == '<span class="pt-empty">nog niet gemeten</span>'
    assert values["Toelichting"] == "Niet te meten &amp; dat is zo."


def test_banner_without_a_date_says_when_it_was_built(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1411689600")  # 26 September 2014
    config = SimpleNamespace(
        policy_trace_version="1.0",
        policy_trace_status="voorstel aan het Veiligheidsberaad",
        policy_trace_date=None,
    )
    assert banner.banner_text(config) == (
        "Versie 1.0 \u00b7 voorstel aan het Veiligheidsberaad \u00b7 gebouwd op 26 september 2014"
    )
    assert banner.banner_text(
        SimpleNamespace(policy_trace_version="", policy_trace_status="werkversie", policy_trace_date=None)
    ) == ("Werkversie \u00b7 gebouwd op 26 september 2014")


# --- the built site ------------------------------------------------------------------------------


def drawn_boxes(soup: BeautifulSoup) -> list[dict[str, str]]:
    """Per drawing of the doelenboom: each box's link target and the text it shows (lines joined)."""
    return [
        {a["href"]: " ".join(text.get_text() for text in a.select("text")) for a in svg.select("a")}
        for svg in soup.select(".pt-doelenboom svg.pt-boom")
    ]


def test_doelenboom_has_a_box_and_a_working_link_per_item(site):
    # Static SVG written with the page: no Mermaid on the start page, nothing to run to see it.
    soup = page(site, "index.html")
    assert mermaid_sources(soup) == [] and "mermaid" not in str(soup)
    boxes: dict[str, str] = {}
    for drawing in drawn_boxes(soup):
        for href, text in drawing.items():
            assert_link_works(site, "index.html", href)
            boxes[href.split("#")[1]] = text
    assert set(boxes) == set(TREE)
    # Written as text, escaped: the title's markup is shown, never run.
    assert boxes["SD-CRISIS"] == "Strategisch doel " + NASTY
    assert "<b>" not in str(soup.select_one(".pt-doelenboom svg"))


def test_doelenboom_is_a_drawing_per_group_of_efforts_three_levels_wide(site):
    # Four levels side by side do not fit the column: the goals first, then a drawing per group.
    soup = page(site, "index.html")
    captions = [p.get_text() for p in soup.select(".pt-doelenboom .pt-doelenboom-deel")]
    assert captions == [
        "Hoofddoel en strategische doelen",
        "Inspanningen voor Minder branden",
        f"Inspanningen voor {NASTY}",
        "Inspanningen voor beide doelen",
    ]
    regions = [div["aria-label"] for div in soup.select(".pt-doelenboom .pt-scroll[role=region]")]
    assert regions == captions
    members = [sorted(href.split("#")[1] for href in drawing) for drawing in drawn_boxes(soup)]
    assert members == [
        ["HD-VEILIG", "SD-BRAND", "SD-CRISIS"],
        ["IN-PREVENTIE", "PRJ-WIJK", "SD-BRAND"],
        ["IN-OEFENEN", "PRJ-OEFEN", "SD-CRISIS"],
        ["IN-SAMEN", "PRJ-OEFEN", "SD-BRAND", "SD-CRISIS"],
    ]
    # Three columns of 222 px with their gaps: within the 736 px column of a 1280 px screen.
    widths = [float(svg["width"]) for svg in soup.select(".pt-doelenboom svg.pt-boom")]
    assert max(widths) <= 736
    # A line from each goal to each effort that serves it (the efforts for both goals: two lines).
    last = soup.select(".pt-doelenboom svg.pt-boom")[3]
    assert len(last.select("g.pt-boom-lijnen path")) == 3  # SD-BRAND, SD-CRISIS -> IN-SAMEN -> PRJ-OEFEN


def test_doelenboom_has_a_nested_list_of_the_same_links(site):
    text = page(site, "index.html").select_one(".pt-text-equivalent")

    def tree(ul):
        return [
            (li.a["href"].split("#")[1], tree(li.ul) if li.ul else [])
            for li in ul.find_all("li", recursive=False)
        ]

    assert tree(text.ul) == [
        (
            "HD-VEILIG",
            [
                ("SD-BRAND", [("IN-PREVENTIE", [("PRJ-WIJK", [])]), ("IN-SAMEN", [("PRJ-OEFEN", [])])]),
                # Listed in full once; where they appear again, one line links back (issue 10).
                ("SD-CRISIS", [("IN-OEFENEN", [("PRJ-OEFEN", [])]), ("IN-SAMEN", [])]),
            ],
        )
    ]
    assert NASTY in text.get_text()
    again = [a["href"] for a in text.select("a.pt-doelenboom-eerder")]
    assert again == ["#doelenboom-PRJ-OEFEN", "#doelenboom-IN-SAMEN"]
    assert all(text.select_one(f"li{href}") for href in again)


def test_each_item_shows_its_fields_and_links_in_dutch(site):
    soup = page(site, "needs/items.html")

    def details(item_id):
        box = soup.find(id=item_id).find_next_sibling(class_="pt-item-details")
        return {
            dt.get_text().rstrip(":"): dd.get_text(" ", strip=True)
            for dt, dd in zip(box.dl.find_all("dt"), box.dl.find_all("dd"), strict=True)
        }

    assert details("IN-PREVENTIE") == {
        "Status": "in uitvoering",
        "Spoor": "inhoudelijk",
        "Prioriteit": "ja",
        "Draagt bij aan": "Minder branden SD-BRAND",
        "Trekker": "Regio Noord PA-REGIO",
        "Uitgevoerd door": "Wijkaanpak PRJ-WIJK",
        "Is onderwerp van": "De brandweer heeft tijd AN-TIJD",
    }
    assert (
        details("SD-BRAND")["Ondersteund door"]
        == "Brandpreventie in de wijk IN-PREVENTIE , Samen werken IN-SAMEN"
    )
    assert details("MP-EERSTE") == {
        "Status": "gepland",
        "Datum": "1 september 2024",
        "Hoort bij": "Wijkaanpak PRJ-WIJK",
    }
    assert details("PA-BESTUUR") == {"Heeft besloten": "Start van de wijkaanpak BS-START"}
    criteria = soup.find(id="SD-BRAND").find_next_sibling(class_="pt-item-details").select_one(".pt-criteria")
    assert criteria.get_text(" ", strip=True) == (
        "Minder woningbranden CR-BRANDEN : op koers (streefwaarde 80, deadline 1 december 2025)"
    )
    open_text = soup.find(id="SD-CRISIS").find_next_sibling(class_="pt-item-details").select_one(".pt-open")
    assert open_text.get_text().startswith("Nog open")


def test_item_details_show_titles_as_text_and_link_to_each_item(site):
    soup = page(site, "needs/items.html")
    box = soup.find(id="IN-OEFENEN").find_next_sibling(class_="pt-item-details")
    link = box.find("a", href="#SD-CRISIS")
    assert link.get_text() == f"{NASTY} SD-CRISIS"
    assert box.find("b") is None  # the title's <b> is text, not markup
    # The item itself, on this page: a section whose title is a heading (no layout table).
    assert soup.find(id="SD-CRISIS").name == "section"
    # The box sphinx-needs draws around an item gets the same ID in every build.
    assert soup.find(id="IN-OEFENEN").parent["id"] == "SNCB-IN-OEFENEN"


def test_a_project_shows_its_plan_checklist_and_milestones(site):
    soup = page(site, "needs/items.html")

    def plan(item_id):
        box = soup.find(id=item_id).find_next_sibling(class_="pt-item-details")
        return [li.get_text(" ", strip=True).split(" \u2013 ")[0] for li in box.select(".pt-plan > li")], box

    lines, box = plan("PRJ-WIJK")
    assert lines == [
        "a. Opdracht: aanwezig",
        "b. Opdrachtnemer: aanwezig",
        "c. Financiering: aanwezig",
        "d. Borging: aanwezig",
        "e. Mijlpalen: aanwezig",
    ]
    assert [li.a["href"] for li in box.select(".pt-milestones > li")] == ["#MP-PLAN", "#MP-EERSTE"]
    assert "regionaal crisisplan" in box.get_text()
    lines, box = plan("PRJ-OEFEN")
    assert lines == [
        "a. Opdracht: aanwezig",
        "b. Opdrachtnemer: ontbreekt",
        "c. Financiering: ontbreekt",
        "d. Borging: ontbreekt",
        "e. Mijlpalen: ontbreekt",
    ]


def criterion_fields(block) -> dict[str, str]:
    """A criterion block's fields as a reader sees them: row label -> value."""
    table = block.find("table")
    return {
        tr.th.get_text(" ", strip=True): tr.td.get_text(" ", strip=True) for tr in table.select("tbody tr")
    }


def test_dashboard_groups_criteria_under_what_they_measure(site):
    soup = page(site, "docs/tevreden.html")
    grouped = {
        section["id"]: {
            item["id"]: [
                block.h4.a["href"].split("#")[1]
                for block in item.find_all("section", class_="pt-criterion", recursive=False)
            ]
            for item in section.find_all("section", recursive=False)
        }
        for section in soup.select("article section > section[id^=tevreden-]")
        if section.select(":scope > section > section.pt-criterion")
    }
    assert grouped == {
        "tevreden-hoofddoel": {"tevreden-HD-VEILIG": ["CR-GEVOEL"]},
        "tevreden-doel": {"tevreden-SD-BRAND": ["CR-BRANDEN"]},
        "tevreden-inspanning": {"tevreden-IN-PREVENTIE": ["CR-WIJKEN"]},
        "tevreden-project": {"tevreden-PRJ-WIJK": ["CR-WIJKEN"]},
    }


def test_dashboard_shows_each_criterion_as_a_heading_with_status_over_its_fields(site):
    soup = page(site, "docs/tevreden.html")
    item = soup.find(id="tevreden-SD-BRAND")
    assert item.h3.a.get_text() == "Minder branden SD-BRAND"  # the item, one level above its criteria
    block = item.find("section", class_="pt-criterion")
    assert block["id"] == "tevreden-SD-BRAND-CR-BRANDEN"
    # The heading: the criterion, then its status in words (read out as "status: op koers").
    assert block.h4.get_text(" ", strip=True).startswith("Minder woningbranden CR-BRANDEN status: op koers")
    assert_link_works(site, "docs/tevreden.html", block.h4.a["href"])
    status = block.h4.select_one(".pt-status")
    assert "pt-tone-good" in status["class"] and status.get_text() == "op koers"
    # One row per field, a label as row header and its value: no column to scroll to.
    table = block.table
    assert table.caption.get_text() == "Gegevens van CR-BRANDEN Minder woningbranden"
    assert [th["scope"] for th in table.select("th")] == ["row"] * 7
    assert not table.select("thead") and all(len(tr.find_all("td")) == 1 for tr in table.select("tr"))
    fields = criterion_fields(block)
    assert list(fields) == [
        "Indicator",
        "Nulmeting",
        "Streefwaarde",
        "Meting",
        "Voortgang",
        "Deadline",
        "Bron",
    ]
    assert fields["Indicator"] == "Woningbranden per jaar"
    assert (fields["Nulmeting"], fields["Streefwaarde"]) == ("100", "80")
    assert fields["Meting"] == "90 (gemeten op 1 mei 2024)"
    # 1 May 2024 is 121 of the 700 days from the start of the looptijd to the deadline.
    assert fields["Voortgang"] == (
        "50% 50 % van de weg van nulmeting naar streefwaarde, na 17 % van de tijd tot de deadline "
        "Berekend oordeel: op schema: 50 % van de weg na 17 % van de tijd."
    )
    assert (fields["Deadline"], fields["Bron"]) == ("1 december 2025", "Brandweerstatistiek")
    bar = table.find("progress")
    assert (bar["value"], bar["max"]) == ("50", "100") and "CR-BRANDEN" in bar["aria-label"]
    assert soup.find(id="tevreden-HD-VEILIG").find("progress") is None  # "matig" -> "goed" is no number
    risk = soup.find(id="tevreden-IN-PREVENTIE-CR-WIJKEN")
    assert "pt-criterion-risk" in risk["class"] and risk.h4.select_one(".pt-status").get_text() == "risico"


def test_dashboard_says_in_words_what_a_criterion_leaves_open(site):
    soup = page(site, "docs/tevreden.html")
    legend = soup.select_one("p.pt-legend").get_text(" ", strip=True)
    assert "niet vastgelegd" in legend and "nog niet gemeten" in legend
    fields = criterion_fields(soup.find(id="tevreden-HD-VEILIG-CR-GEVOEL"))
    assert fields["Meting"] == "nog niet gemeten"  # CR-GEVOEL has no meting yet
    assert fields["Nulmeting"] == "matig"
    empty = soup.find(id="tevreden-HD-VEILIG-CR-GEVOEL").select(".pt-empty")
    assert [span.get_text() for span in empty] == ["nog niet gemeten"]


def test_dashboard_opens_with_the_coverage_figures(site):
    section = page(site, "docs/tevreden.html").select_one("article section section")
    assert section["id"] == "tevreden-dekking"
    rows = [
        [cell.get_text(" ", strip=True) for cell in tr.find_all(["th", "td"])]
        for tr in section.select("tbody tr")
    ]
    assert rows == [
        ["(Hoofd)doelen met een criterium", "2 van 3", "67% 67%"],
        ["Inspanningen met voorrang en een criterium", "1 van 2", "50% 50%"],
        ["Criteria met indicator, streefwaarde, deadline en bron", "3 van 3", "100% 100%"],
        ["Projecten met een volledig plan (a-e)", "1 van 2", "50% 50%"],
    ]


def test_dashboard_lists_goals_and_priority_efforts_without_criterion_as_open(site):
    soup = page(site, "docs/tevreden.html")
    section = soup.find(id="tevreden-open")
    assert section.h2.get_text().startswith("Nog open")
    assert [a["href"].split("#")[1] for a in section.select("li a")] == ["SD-CRISIS", "IN-OEFENEN"]


def test_matrices_have_a_row_per_effort_and_a_column_per_goal_or_project(site):
    soup = page(site, "docs/samenhang.html")
    first, second = soup.select("table.pt-matrix")

    def read(table):
        columns = [th.get_text() for th in table.select("thead th")]
        rows = {
            tr.th.a["href"].split("#")[1]: [td.get_text(" ", strip=True) for td in tr.find_all("td")]
            for tr in table.select("tbody tr")
        }
        return columns, rows

    columns, rows = read(first)
    assert (
        first.caption.get_text() == "Samenhang tussen inspanningen (rijen) en strategische doelen (kolommen)"
    )
    assert columns == ["Inspanningen", "Minder branden SD-BRAND", f"{NASTY} SD-CRISIS"]
    assert rows == {
        "IN-OEFENEN": ["\u2013 geen", "draagt bij aan"],
        "IN-PREVENTIE": ["draagt bij aan", "\u2013 geen"],
        "IN-SAMEN": ["draagt bij aan", "draagt bij aan"],
    }
    columns, rows = read(second)
    assert columns == ["Inspanningen", "Oefenplan PRJ-OEFEN", "Wijkaanpak PRJ-WIJK"]
    assert rows["IN-SAMEN"] == ["uitgevoerd door", "\u2013 geen"]
    assert {th["scope"] for th in first.select("tbody th")} == {"row"}


def test_a_matrix_too_wide_to_read_becomes_a_list_per_row(tmp_path):
    srcdir = tmp_path / "test-views"
    shutil.copytree(ROOTS / "test-views", srcdir)
    projects = "".join(
        f"```{{project}} Project {n}\n:id: PRJ-X{n:02}\n:voert_uit: IN-SAMEN\n"
        f":opdracht: Deel {n} van het werk.\n:status: concept\n```\n\n"
        for n in range(1, samenhang.MAX_COLUMNS + 1)
    )
    (srcdir / "needs" / "veel.md").write_text(f"---\norphan: true\n---\n\n# Veel projecten\n\n{projects}")
    out = Path(build(srcdir).outdir)
    soup = page(out, "docs/samenhang.html")
    assert len(soup.select("table.pt-matrix")) == 1  # efforts x 2 goals: still a matrix
    (note,) = soup.select("p.pt-matrix-too-large")
    assert note.get_text() == (
        "Deze matrix is te groot om te lezen (3 inspanningen bij 42 projecten) en staat daarom "
        "hieronder als lijst: per inspanning de projecten waarmee die samenhangt."
    )
    table = soup.select_one("table.pt-matrix-list")
    assert table.caption.get_text() == "Samenhang tussen inspanningen en projecten, als lijst"
    assert [th.get_text() for th in table.select("thead th")] == ["Inspanningen", "Projecten"]
    rows = {tr.th.a["href"].split("#")[1]: tr.td for tr in table.select("tbody tr")}
    assert list(rows) == ["IN-OEFENEN", "IN-PREVENTIE", "IN-SAMEN"]
    assert rows["IN-PREVENTIE"].get_text(" ", strip=True) == "Uitgevoerd door : Wijkaanpak PRJ-WIJK"
    hrefs = [a["href"] for a in rows["IN-SAMEN"].find_all("a")]
    assert rows["IN-SAMEN"].get_text().startswith("Uitgevoerd door: Oefenplan PRJ-OEFEN, Project 1 PRJ-X01, ")
    assert hrefs == [
        "../needs/items.html#PRJ-OEFEN",
        *(f"../needs/veel.html#PRJ-X{n:02}" for n in range(1, samenhang.MAX_COLUMNS + 1)),
    ]
    for href in hrefs[:2]:
        assert_link_works(out, "docs/samenhang.html", href)


def test_each_party_has_a_section_with_what_it_does_and_its_item_links_there(site):
    soup = page(site, "docs/partijen.html")
    regio = soup.find(id="PA-REGIO")
    roles = {
        dt.get_text().rstrip(":"): [a["href"].split("#")[1] for a in dd.select("a")]
        for dt, dd in zip(regio.find_all("dt"), regio.find_all("dd"), strict=True)
    }
    assert roles == {"Is trekker van": ["IN-PREVENTIE"], "Is opdrachtgever van": ["PRJ-WIJK"]}
    assert soup.find(id="PA-BRANDWEER").dl.dt.get_text().startswith("Is opdrachtnemer van")
    assert soup.find(id="PA-BESTUUR").dl.dt.get_text().startswith("Heeft besloten")
    link = (
        page(site, "needs/items.html")
        .find(id="PA-REGIO")
        .find_next_sibling(class_="pt-item-details")
        .select_one(".pt-party-overview a")
    )
    assert link["href"] == "../docs/partijen.html#PA-REGIO"
    assert_link_works(site, "needs/items.html", link["href"])


def test_planning_marks_the_peildatum_and_tables_the_milestones(site):
    soup = page(site, "docs/planning.html")
    assert mermaid_sources(soup) == []  # a timeline in HTML: Mermaid's gantt cut labels and left empty bands
    chart = soup.select_one(".pt-planning .pt-tijdlijn")
    # The axis is the whole programme period (conf.py: 2024-01-01 to 2025-12-31), the peildatum marked.
    assert (chart["data-begin"], chart["data-eind"]) == ("2024-01-01", "2025-12-31")
    assert [t.get_text() for t in chart.select(".pt-tick")] == ["1 januari 2024", "31 december 2025", "2025"]
    assert chart.select_one(".pt-peildatum-label").get_text() == "Peildatum 1 juni 2024"
    line = chart.select_one(".pt-as .pt-peildatum-lijn")["style"]
    assert line == f"left: {round(100 * 152 / 730, 3)}%"  # 1 June is day 152 of 730
    marks = [
        (m.find_previous(class_="pt-tijdlijn-project").get_text(), m.get_text(), m.a["href"])
        for m in chart.select(".pt-mijlpaal")
    ]
    assert marks == [
        # A state other than a planned milestone still ahead is said in words too.
        ("Wijkaanpak", "Plan klaar (1 maart 2024, behaald)", "../needs/items.html#MP-PLAN"),
        ("Wijkaanpak", "Eerste wijk bezocht (1 september 2024)", "../needs/items.html#MP-EERSTE"),
    ]
    for _, _, href in marks:
        assert_link_works(site, "docs/planning.html", href)
    # The table is the text equivalent: the chart is hidden from screen readers, its links from the keyboard.
    assert chart["aria-hidden"] == "true"
    assert all(a["tabindex"] == "-1" for a in chart.select("a"))
    rows = [
        [cell.get_text(" ", strip=True) for cell in tr.find_all(["th", "td"])]
        for tr in soup.select("table.pt-planning-table tbody tr")
    ]
    assert rows == [
        ["1 maart 2024", "Plan klaar MP-PLAN", "Wijkaanpak PRJ-WIJK", "behaald"],
        ["1 september 2024", "Eerste wijk bezocht MP-EERSTE", "Wijkaanpak PRJ-WIJK", "gepland"],
    ]


def test_csv_holds_every_item_with_its_fields_and_links(site):
    text = (site / "programma.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == downloads.columns()
    assert [row["id"] for row in rows] == sorted(row["id"] for row in rows)
    assert len(rows) == 22
    by_id = {row["id"]: row for row in rows}
    assert by_id["CR-WIJKEN"]["meet"] == "IN-PREVENTIE, PRJ-WIJK"
    assert (by_id["MT-WIJKEN-2"]["meet_voor"], by_id["MT-WIJKEN-2"]["waarde"]) == ("CR-WIJKEN", "2")
    assert (
        by_id["PRJ-WIJK"].items()
        >= {
            "type": "project",
            "titel": "Wijkaanpak",
            "status": "in_uitvoering",
            "borging": "regionaal_crisisplan",
            "opdrachtnemer": "PA-BRANDWEER",
        }.items()
    )
    assert by_id["SD-CRISIS"]["titel"] == NASTY
    assert by_id["IN-SAMEN"]["prioriteit"] == "nee"  # the model's default, spelled out
    assert_link_works(site, "index.html", by_id["MP-EERSTE"]["pagina"])
    for item_type in model.ITEM_TYPES:
        assert {f.name for f in item_type.fields} <= set(rows[0])


def test_downloads_page_links_to_needs_json_its_ubproject_toml_and_the_csv(site):
    links = [a["href"] for a in page(site, "docs/downloads.html").select("a.pt-download")]
    assert links == ["../needs.json", "../ubproject.toml", "../programma.csv"]
    for href in links:
        assert_link_works(site, "docs/downloads.html", href)


def test_every_page_carries_the_banner(site):
    pages = [path for path in sorted(site.rglob("*.html")) if path.name != "permalink.html"]
    assert len(pages) >= 9
    for path in pages:  # permalink.html is sphinx-needs' redirect stub, not a page anyone reads
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        banner_box = soup.select_one(".announcement")
        assert banner_box is not None and banner_box.get_text(strip=True) == BANNER, path


# --- incremental and parallel builds --------------------------------------------------------


def test_views_follow_an_item_changed_on_another_page(tmp_path):
    srcdir = tmp_path / "test-views"
    shutil.copytree(ROOTS / "test-views", srcdir)
    build(srcdir)
    items = srcdir / "needs" / "items.md"
    items.write_text(
        items.read_text(encoding="utf-8")
        .replace(
            "```{partij} Bestuur",
            "```{criterium} Oefenen gemeten\n:id: CR-OEFEN\n:meet: IN-OEFENEN\n"
            ":status: onbepaald\n```\n\n```{partij} Bestuur",
        )
        .replace("Samen werken", "Samen sterker"),
        encoding="utf-8",
    )
    out = Path(build(srcdir).outdir)
    dashboard = page(out, "docs/tevreden.html")
    assert dashboard.find(id="tevreden-IN-OEFENEN") is not None
    assert [a["href"].split("#")[1] for a in dashboard.find(id="tevreden-open").select("li a")] == [
        "SD-CRISIS"
    ]
    # The doelenboom draws a picture per group of efforts: the renamed effort is in one of them.
    assert any("Samen sterker" in " ".join(d.values()) for d in drawn_boxes(page(out, "index.html")))
    assert "Samen sterker" in page(out, "docs/samenhang.html").get_text()
    assert "CR-OEFEN" in (out / "programma.csv").read_text(encoding="utf-8-sig")


def test_a_parallel_build_draws_the_same_views(site, tmp_path):
    srcdir = tmp_path / "test-views"
    shutil.copytree(ROOTS / "test-views", srcdir)
    out = Path(build(srcdir, parallel=2).outdir)
    for name in (
        "index.html",
        "docs/tevreden.html",
        "docs/samenhang.html",
        "docs/partijen.html",
        "docs/planning.html",
    ):
        assert str(page(out, name).article) == str(page(site, name).article), name
    assert (out / "programma.csv").read_bytes() == (site / "programma.csv").read_bytes()


def test_a_series_is_drawn_as_an_svg_line_chart_with_a_table_as_its_text(site):
    block = page(site, "docs/tevreden.html").find(id="tevreden-IN-PREVENTIE-CR-WIJKEN")
    fields = criterion_fields(block)
    assert fields["Meting"] == "2 (gemeten op 1 mei 2024; de laatste van 2 metingen)"
    assert fields["Voortgang"].endswith(
        "Berekend oordeel: achter op schema: 20 % van de weg na 23 % van de tijd."
    )
    svg = block.find("svg", class_="pt-chart")
    assert svg["role"] == "img"
    title_id, desc_id = svg["aria-labelledby"].split()
    assert svg.find(id=title_id).get_text() == "Verloop van de metingen van CR-WIJKEN Wijken bezocht"
    assert svg.find(id=desc_id).get_text() == (
        "2 metingen van 1 februari 2024 tot 1 mei 2024, van 1 naar 2; nulmeting 0; streefwaarde 10; "
        "deadline 1 juni 2025."
    )
    assert len(svg.find("polyline")["points"].split()) == 2 and len(svg.find_all("circle")) == 2
    assert {line["class"][0] for line in svg.find_all("line")} >= {
        "pt-chart-baseline",
        "pt-chart-target",
        "pt-chart-deadline",
    }
    legend = [li.get_text(strip=True) for li in block.select("ul.pt-chart-legend li")]
    assert legend == ["metingen", "nulmeting (0)", "streefwaarde (10)", "deadline (1 juni 2025)"]
    table = block.find("table", class_="pt-measurements")
    assert table.caption.get_text() == "Metingen van CR-WIJKEN Wijken bezocht (de grafiek als tabel)"
    rows = [[c.get_text(strip=True) for c in tr.find_all(["th", "td"])] for tr in table.select("tbody tr")]
    assert rows == [
        ["1 mei 2024", "2", "Projectrapportage mei"],
        ["1 februari 2024", "1", "Projectrapportage februari"],
    ]
    assert table.find("a")["href"].endswith("#MT-WIJKEN-2")
    assert_link_works(site, "docs/tevreden.html", table.find("a")["href"])
    assert table.parent["role"] == "region" and table.parent["tabindex"] == "0"  # scrolls by keyboard
    # One measurement, or words: no chart.
    assert page(site, "docs/tevreden.html").find(id="tevreden-SD-BRAND-CR-BRANDEN").find("svg") is None


def test_the_dashboard_rolls_up_each_goals_criteria_as_a_bar_and_in_words(site):
    section = page(site, "docs/tevreden.html").find(id="tevreden-per-doel")
    rows = [
        [c.get_text(" ", strip=True) for c in tr.find_all(["th", "td"])] for tr in section.select("tbody tr")
    ]
    assert rows == [
        [
            "Een veiliger land HD-VEILIG",
            "1 criterium: 1 onbepaald (niet uit de cijfers te berekenen)",
            "geen criteria",
        ],
        [
            "Minder branden SD-BRAND",
            "1 criterium: 1 op koers (uit de cijfers berekend)",
            "1 criterium: 1 risico (uit de cijfers berekend)",
        ],
        [f"{NASTY} SD-CRISIS", "geen criteria", "geen criteria"],
    ]
    bar = section.select("tbody tr")[1].find_all("td")[0].find("svg")
    assert bar["aria-hidden"] == "true" and [r["class"] for r in bar.find_all("rect")] == [
        ["pt-rollup-op_koers"]
    ]


def test_the_roll_up_counts_every_criterion_status_of_the_model_with_its_own_fill():
    from policy_trace.views import charts

    assert set(charts.ROLL_UP_STATUSES) == set(model.TYPES_BY_NAME["criterium"].statuses)
    assert charts.ROLL_UP_STATUSES[-1] == "onbepaald"
    assert set(charts.ROLL_UP_FILLS) == set(charts.ROLL_UP_STATUSES)
    assert len(set(charts.ROLL_UP_FILLS.values())) == len(charts.ROLL_UP_FILLS)


def test_a_criterions_details_list_its_measurements_newest_first(site):
    details = next(
        d
        for d in page(site, "needs/items.html").select("div.pt-item-criterium")
        if "Aantal bezochte wijken" in d.get_text()
    )
    lines = [li.get_text(" ", strip=True) for li in details.select("ul.pt-measurement-list li")]
    assert lines == [
        "1 mei 2024: 2 \u2013 Stand in het voorjaar MT-WIJKEN-2 (bron: Projectrapportage mei)",
        "1 februari 2024: 1 \u2013 Eerste wijken bezocht MT-WIJKEN-1 (bron: Projectrapportage februari)",
    ]
    assert "Heeft als meting" not in details.get_text()  # listed once, with the values
    chart = details.find("svg", class_="pt-chart")  # the list above is its text equivalent
    assert chart["aria-labelledby"] == "grafiek-CR-WIJKEN-titel grafiek-CR-WIJKEN-beschrijving"
    assert details.select_one("p.pt-judgement").get_text() == (
        "Berekend oordeel: achter op schema: 20 % van de weg na 23 % van de tijd."
    )


def test_samenhang_shows_each_assumption_with_its_status_and_last_test(site):
    table = page(site, "docs/samenhang.html").find("table", class_="pt-assumptions")
    rows = [
        [c.get_text(" ", strip=True) for c in tr.find_all(["th", "td"])] for tr in table.select("tbody tr")
    ]
    assert rows == [
        [
            "Bewoners doen open AN-OPEN",
            "Wijkaanpak PRJ-WIJK",
            "bevestigd",
            "getoetst op 15 maart 2024",
            "Navraag na elk tiende huisbezoek",
        ],
        [
            "Oefenruimte is er genoeg AN-RUIMTE",
            "Oefenen, oefenen IN-OEFENEN",
            "onbevestigd",
            "nooit getoetst",
            "niet vastgelegd",
        ],
        [
            "De brandweer heeft tijd AN-TIJD",
            "Brandpreventie in de wijk IN-PREVENTIE",
            "onbevestigd",
            "nooit getoetst Toets nodig: IN-PREVENTIE is in uitvoering en de aanname is nog nooit getoetst.",
            "niet vastgelegd",
        ],
    ]


def test_a_line_chart_has_round_levels_and_places_the_deadline_in_time():
    from datetime import date

    from policy_trace.views import charts

    assert charts.nice_scale(3, 25) == [0, 10, 20, 30]
    assert charts.nice_scale(40, 90) == [40, 60, 80, 100]
    chart = charts.LineChart(
        "g",
        "Titel",
        ((date(2024, 1, 1), 40.0), (date(2025, 1, 1), 50.0)),
        "%",
        40.0,
        90.0,
        date(2026, 1, 1),
        date(2024, 1, 1),
    )
    svg = BeautifulSoup(charts.line_chart(chart), "html.parser")
    assert [t.get_text() for t in svg.find_all("text")] == ["40", "60", "80", "100", "2024", "2025", "2026"]
    deadline = svg.find("line", class_="pt-chart-deadline")
    assert float(deadline["x1"]) == charts.WIDTH - charts.RIGHT  # the deadline ends the time axis
    assert charts.description(chart) == (
        "2 metingen van 1 januari 2024 tot 1 januari 2025, van 40 % naar 50 %; nulmeting 40 %; "
        "streefwaarde 90 %; deadline 1 januari 2026."
    )


def test_a_status_badge_says_geen_status_when_the_author_gave_none():
    # One badge for every view (item details, dashboard, planning): the same words for no status.
    assert words.status_word("") == "geen status"
    assert words.status_word("in_uitvoering") == "in uitvoering"
    assert words.status_classes("") == ["pt-status", "pt-status-geen", "pt-tone-neutral"]
