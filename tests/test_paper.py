"""The board's paper: ``policy-trace pdf`` prints the agenda as one tagged PDF with working links."""

from __future__ import annotations

import datetime
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pikepdf
import pytest
from bs4 import BeautifulSoup, Tag
from checks_support import build_once
from coupling_support import koppel, publish_national, region_base, write_programme
from paper_support import paper_html
from policy_trace import model
from policy_trace.cli import main
from policy_trace.items import Item, Programme
from policy_trace.judging import judge_programme
from policy_trace.paper import document, fonts, tree, weasy
from pypdf import PdfReader
from sphinx.testing.util import SphinxTestApp

REPO = Path(__file__).resolve().parents[1]
POPPLER = shutil.which("pdfinfo") and shutil.which("pdftotext") and shutil.which("pdffonts")
needs_poppler = pytest.mark.skipif(
    not POPPLER, reason="pdfinfo/pdftotext ontbreken: apt-get install -y poppler-utils (.ci/run doet dat)"
)


def source_ids() -> list[str]:
    """Every item ID the agenda's sources declare (read from the Markdown, not from our code)."""
    found = []
    for path in sorted([*REPO.glob("needs/*.md"), *REPO.glob("docs/*.md"), REPO / "index.md"]):
        found += re.findall(r"^:id:\s*(\S+)\s*$", path.read_text(encoding="utf-8"), re.M)
    return sorted(set(found))


#: The board meeting the fixture's paper is for.
MEETING = ("--vergadering", "2014-10-09")
#: The moment the fixture's paper claims to be made (2023-11-14 22:13:20 UTC): a reproducible build.
EPOCH = 1700000000


@pytest.fixture(scope="module")
def paper(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The agenda's paper, made as a user makes it: ``policy-trace pdf . -o …``."""
    target = tmp_path_factory.mktemp("paper") / "agenda.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "policy_trace.cli", "pdf", str(REPO), "-o", str(target), *MEETING],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "SOURCE_DATE_EPOCH": str(EPOCH)},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Het PDF-document staat in" in result.stdout
    return target


def run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


@needs_poppler
def test_the_paper_is_a_tagged_dutch_pdf_with_title_and_embedded_fonts(paper: Path) -> None:
    info = dict(line.split(":", 1) for line in run("pdfinfo", str(paper)).splitlines() if ":" in line)
    assert info["Tagged"].strip() == "yes"
    assert info["Title"].strip() == "Strategische agenda Versterking Veiligheidsregio's"
    assert info["Author"].strip() == "Veiligheidsberaad"
    fonts_table = run("pdffonts", str(paper)).splitlines()[2:]
    assert fonts_table and all(" yes yes yes " in line for line in fonts_table), fonts_table
    reader = PdfReader(paper)
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "nl"
    metadata = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert re.search(r'pdfuaid:part(="|>)1', metadata), "geen PDF/UA-1"
    assert 'pdfaid:part="2"' in metadata and 'pdfaid:conformance="A"' in metadata, "geen PDF/A-2a"
    # The goal tree is tagged figures (one per group), each with its alternative text.
    alts = _figures(root["/StructTreeRoot"])
    assert len(alts) >= 3
    assert alts[0].startswith("Doelenboom, Hoofddoel en strategische doelen: van links naar rechts")
    titles = [entry.title for entry in _flatten(reader.outline)]
    for heading in (
        "Stand van zaken op 26 september 2014",
        "Te besluiten",
        "Doelenboom",
        "Wanneer zijn we tevreden",
        "Bijlage voor het programmabureau: bevindingen van de controles",
        "Alle items",
        "Strategische doelen",
        "Inspanningen",
    ):
        assert heading in titles


def _figures(element: object) -> list[str]:
    """The alternative texts of the Figure elements of a PDF structure tree."""
    element = element.get_object()  # type: ignore[attr-defined]
    if not isinstance(element, dict):
        return []
    found = [str(element.get("/Alt"))] if element.get("/S") == "/Figure" else []
    kids = element.get("/K")
    for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
        found += _figures(kid)
    return found


def _flatten(outline: list) -> list:
    out = []
    for entry in outline:
        out += _flatten(entry) if isinstance(entry, list) else [entry]
    return out


@needs_poppler
def test_the_title_page_says_version_status_and_date(paper: Path) -> None:
    first = run("pdftotext", "-f", "1", "-l", "1", "-layout", str(paper), "-")
    assert "Strategische agenda Versterking" in first
    assert re.search(r"Versie\s+1\.0", first)
    assert re.search(r"Status\s+voorstel aan het Veiligheidsberaad", first)
    assert re.search(r"Peildatum\s+26 september 2014", first)
    assert re.search(r"Datum\s+(gebouwd op )?\d{1,2} \w+ \d{4}", first)


@needs_poppler
def test_every_item_of_the_sources_is_in_the_text(paper: Path) -> None:
    # Table cells break long IDs after a hyphen: join those lines again.
    text = run("pdftotext", str(paper), "-").replace("-\n", "-")
    ids = source_ids()
    assert len(ids) > 80
    assert [item_id for item_id in ids if item_id not in text] == []


def test_every_internal_link_resolves_and_every_item_has_its_destination(paper: Path) -> None:
    reader = PdfReader(paper)
    destinations = reader.named_destinations
    assert set(source_ids()) <= set(destinations)
    links = []
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") != "/Link":
                continue
            target = annotation.get("/Dest") or (annotation.get("/A") or {}).get("/D")
            uri = (annotation.get("/A") or {}).get("/URI")
            assert target is not None or uri is not None
            if target is not None:
                links.append(str(target))
    assert len(links) > 200
    assert [link for link in links if link not in destinations] == []
    # Every item is linked to from somewhere (its mentions in other items, the tables, the contents).
    assert {"doelenboom", "tevreden", "bevindingen", "items"} <= set(links)


@needs_poppler
def test_the_paper_invents_no_measurements(paper: Path) -> None:
    # The agenda measured nothing yet: every criterion says so, in the dashboard and in its own section.
    text = " ".join(run("pdftotext", str(paper), "-").split())
    criteria = [item_id for item_id in source_ids() if item_id.startswith("CR-")]
    assert text.count("nog niet gemeten") >= 2 * len(criteria)
    assert "Wanneer zijn we tevreden" in text


def test_pdf_refuses_a_folder_without_conf_py(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["pdf", str(tmp_path), "-o", str(tmp_path / "x.pdf")]) == 2
    assert "policy-trace pdf: fout: in " in capsys.readouterr().err


def test_pdf_refuses_an_output_in_a_missing_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "conf.py").write_text("", encoding="utf-8")
    assert main(["pdf", str(tmp_path), "-o", str(tmp_path / "nergens" / "x.pdf")]) == 2
    error = capsys.readouterr().err
    assert f"policy-trace pdf: fout: de map {tmp_path / 'nergens'} bestaat niet" in error


def _item(item_id: str, type_name: str, title: str, **links: tuple[str, ...]) -> Item:
    return Item(item_id, type_name, title, "needs/x.md", 1, "", (), {}, links)


def test_the_static_goal_tree_draws_every_item_once_with_its_whole_title_inside_its_box() -> None:
    long_word = "omgevingswet/omgevingsrecht/ruimtelijkeordeningsbeleid"
    programme = Programme.from_items(
        [
            _item("HD-A", "hoofddoel", "Nederland veiliger door het voorkomen en tegengaan van ontwrichting"),
            _item("SD-A", "doel", "Versterken crisisbeheersing", draagt_bij_aan=("HD-A",)),
            _item("SD-B", "doel", "Versterken risicobeheersing", draagt_bij_aan=("HD-A",)),
            _item("IN-A", "inspanning", f"Positioneren vanuit {long_word}", draagt_bij_aan=("SD-A",)),
            _item("IN-B", "inspanning", "Samen", draagt_bij_aan=("SD-A", "SD-B")),
            _item("PRJ-A", "project", "Projectplan", voert_uit=("IN-A", "IN-B")),
        ]
    )
    boxes = tree.layout(programme)
    assert sorted(box.item.id for box in boxes) == ["HD-A", "IN-A", "IN-B", "PRJ-A", "SD-A", "SD-B"]
    for box in boxes:
        heading = model.TYPES_BY_NAME[box.item.type].title
        assert " ".join(box.lines).replace("/ ", "/").startswith(heading)
        assert "".join(box.lines).replace(" ", "").endswith(box.item.title.replace(" ", ""))
        bold = len(tree.wrap(heading, tree.BOX_WIDTH - 2 * tree.PADDING, fonts.bold()))
        for index, line in enumerate(box.lines):
            font = fonts.bold() if index < bold else fonts.regular()
            assert fonts.text_width(line, font, tree.FONT_SIZE) <= tree.BOX_WIDTH - 2 * tree.PADDING
    columns: dict[float, list[tree.Box]] = {}
    for box in boxes:
        columns.setdefault(box.x, []).append(box)
    for column in columns.values():
        column.sort(key=lambda b: b.y)
        for upper, lower in zip(column, column[1:], strict=False):
            assert upper.y + upper.height <= lower.y, (upper.item.id, lower.item.id)
    picture = tree.svg(programme)
    assert picture.count("<rect") == 6 and picture.count("<path") == 7  # one line per link in the tree


def _paper(programme: Programme) -> document.Paper:
    return document.Paper(
        title="Programma X",
        author="Bestuur",
        version="2.0",
        status="vastgesteld",
        date="1 maart 2024",
        reference_date="1 juni 2024",
        judgements=judge_programme(programme, datetime.date(2024, 1, 1)),
        programme=programme,
        findings=(),
        texts={"IN-A": "Een *inspanning* met tekst.\n\n<script>x</script>"},
        stylesheet="",
    )


def test_the_dashboard_shows_the_latest_measurement_and_its_rule_never_an_invented_one() -> None:
    programme = Programme.from_items(
        [
            Item("IN-A", "inspanning", "Oefenen", "needs/x.md", 1, "", (), {}, {}),
            Item(
                "CR-A",
                "criterium",
                "Vaker oefenen",
                "needs/x.md",
                5,
                "onbepaald",
                (),
                {"nulmeting": "10", "streefwaarde": "20", "deadline": "2025-12-31"},
                {"meet": ("IN-A",)},
            ),
            Item(
                "CR-B",
                "criterium",
                "Beter oefenen",
                "needs/x.md",
                9,
                "onbepaald",
                (),
                {},
                {"meet": ("IN-A",)},
            ),
            Item(
                "MT-A1",
                "meting",
                "Eerste",
                "needs/x.md",
                12,
                "",
                (),
                {"waarde": "12", "datum": "2024-03-01", "bron": "telling"},
                {"meet_voor": ("CR-A",)},
            ),
            Item(
                "MT-A2",
                "meting",
                "Tweede",
                "needs/x.md",
                18,
                "",
                (),
                {"waarde": "15", "datum": "2024-06-01", "bron": "telling"},
                {"meet_voor": ("CR-A",)},
            ),
        ]
    )
    html = document.render(_paper(programme))
    from bs4 import BeautifulSoup

    table = BeautifulSoup(html, "html.parser").select_one("table.tevreden")
    head = [th.get_text() for th in table.thead.find_all("th")]
    assert head == [
        "Criterium",
        "Meet",
        "Nulmeting",
        "Streefwaarde",
        "Meting",
        "Deadline",
        "Status",
        "Voortgang",
    ]
    rows = {
        tr.td.a["href"].lstrip("#"): [td.get_text(" ", strip=True) for td in tr.find_all("td")]
        for tr in table.tbody.find_all("tr")
    }
    assert all(len(cells) == len(head) for cells in rows.values())
    assert rows["CR-A"][4] == "15 (gemeten op 1 juni 2024; de laatste van 2 metingen)"  # as on the site
    assert rows["CR-A"][7] == "op schema: 50 % van de weg na 21 % van de tijd."  # 10 to 20, at 15
    assert rows["CR-B"][2:5] == ["niet vastgelegd", "niet vastgelegd", "nog niet gemeten"]
    assert rows["CR-B"][7] == "nog niet gemeten."
    # The author's source is never printed as such (only its rendering, see the presenter tests).
    assert "<script>" not in html


# --- Held to a checker we did not write, and to our own checks of what it cannot see (issue 20) ---

PDFUA = shutil.which("pdfua", path=str(Path(sys.executable).parent)) or shutil.which("pdfua")
#: pdfua 0.1.3's heading rule stops on WeasyPrint's headings (a /K array: ``getattr`` on a pikepdf
#: Array raises ValueError, which it does not catch); our own test below checks every heading has text.
PDFUA_CANNOT_RUN = {"UA-14-001"}


def pdfua_report(path: Path) -> dict:
    assert PDFUA, "pdfua ontbreekt: make venv installeert het (pyproject.toml, extra test)"
    result = subprocess.run([PDFUA, "check", "--format", "json", str(path)], capture_output=True, text=True)
    return json.loads(result.stdout)


def test_an_independent_checker_finds_nothing_on_the_paper(paper: Path) -> None:
    report = pdfua_report(paper)
    assert report["summary"]["errors"] == 0, report["findings"][:5]
    assert report["summary"]["warnings"] == 0, report["findings"][:5]
    assert {skip["rule_id"] for skip in report["skipped"]} <= PDFUA_CANNOT_RUN
    assert report["exit_code"] == 0


def test_the_checker_catches_a_table_nested_in_a_table(tmp_path: Path) -> None:
    # The paper's former item tables: a caption moved off the page made WeasyPrint tag a Table
    # inside the Table, with no rows of its own (270 of them in the agenda's paper, all warnings).
    html = (
        '<html lang="nl"><head><title>Proef</title></head><body><h1>Proef</h1>'
        '<table><caption style="position: absolute; left: -10000mm">Velden</caption>'
        '<tr><th scope="row">Status</th><td>vastgesteld</td></tr></table></body></html>'
    )
    target = tmp_path / "genest.pdf"
    weasy.write_pdf(html, target, tmp_path, {})
    messages = [f["message"] for f in pdfua_report(target)["findings"] if f["rule_id"] == "UA-15-003"]
    assert any("contains no /TR rows" in message for message in messages), messages
    assert _nested_tables(target) > 0


def _struct_elements(pdf: pikepdf.Pdf) -> list[tuple[str, list[str], pikepdf.Dictionary]]:
    """Every structure element of an open PDF: (its role, the roles of its ancestors, the element)."""
    found = []
    stack: list[tuple[pikepdf.Object, list[str]]] = [(pdf.Root.StructTreeRoot, [])]
    while stack:
        node, ancestors = stack.pop()
        kids = node.get("/K")
        kids = list(kids) if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []
        path = [*ancestors, str(node.get("/S", ""))]
        for kid in kids:
            if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                found.append((str(kid.S), path, kid))
                stack.append((kid, path))
    return found


def _nested_tables(path: Path) -> int:
    with pikepdf.open(path) as pdf:
        return sum(
            1 for role, ancestors, _ in _struct_elements(pdf) if role == "/Table" and "/Table" in ancestors
        )


def _text_of(element: pikepdf.Dictionary) -> bool:
    kids = element.get("/K")
    kids = list(kids) if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []
    return any(
        isinstance(kid, int) or (isinstance(kid, pikepdf.Dictionary) and _text_of(kid)) for kid in kids
    )


def test_tables_hold_only_rows_and_headers_say_their_scope(paper: Path) -> None:
    assert _nested_tables(paper) == 0
    with pikepdf.open(paper) as pdf:
        elements = _struct_elements(pdf)
        tables = [e for role, _, e in elements if role == "/Table"]
        assert len(tables) > 90
        allowed = {"/TR", "/THead", "/TBody", "/TFoot", "/Caption"}
        for table in tables:
            kids = table.K if isinstance(table.K, pikepdf.Array) else [table.K]
            assert {str(kid.S) for kid in kids} <= allowed
        captions = [e for role, ancestors, e in elements if role == "/Caption" and ancestors[-1] == "/Table"]
        assert captions and all(_text_of(caption) for caption in captions)
        headers = [e for role, _, e in elements if role == "/TH"]
        assert headers and all(str(h.A.Scope) in ("/Row", "/Column") for h in headers)
        # The item tables label rows; the dashboard's head labels columns.
        assert {str(h.A.Scope) for h in headers} == {"/Row", "/Column"}
        headings = [e for role, _, e in elements if re.fullmatch(r"/H[1-6]", role)]
        assert len(headings) > 90 and all(_text_of(h) for h in headings)


def test_one_annotation_per_link_each_printable_and_described_in_words(paper: Path) -> None:
    with pikepdf.open(paper) as pdf:
        elements = _struct_elements(pdf)
        assert [role for role, ancestors, _ in elements if role == "/Link" and "/Link" in ancestors] == []
        links = [a for page in pdf.pages for a in page.get("/Annots", []) if a.get("/Subtype") == "/Link"]
        assert len(links) > 200
        # PDF/A: every annotation may be printed (flag 4); PDF/UA: each says where it leads.
        assert all(int(link.get("/F", 0)) & 4 for link in links)
        descriptions = {str(link.Dest): str(link.Contents) for link in links if "/Dest" in link}
        assert descriptions["doelenboom"] == "Naar het hoofdstuk Doelenboom"
        assert (
            descriptions["IN-BEVOLKINGSZORG"] == "Naar inspanning IN-BEVOLKINGSZORG Versterken bevolkingszorg"
        )
        assert [d for d in descriptions.values() if not d.startswith("Naar ")] == []
        # The contents: one link per entry, the page number beside it.
        first_pages = [a for page in pdf.pages[:3] for a in page.get("/Annots", [])]
        assert len([a for a in first_pages if str(a.get("/Dest")) == "doelenboom"]) == 1


def test_the_paper_is_archival_with_its_dates_and_identity(paper: Path) -> None:
    with pikepdf.open(paper) as pdf:
        (intent,) = pdf.Root.OutputIntents
        assert intent.S == "/GTS_PDFA1" and "/DestOutputProfile" in intent
        assert "sRGB" in str(intent.OutputConditionIdentifier)
        first, second = pdf.trailer.ID
        assert len(bytes(first)) >= 16 and bytes(first) == bytes(second)
        assert str(pdf.Root.Lang) == "nl"
        assert bool(pdf.Root.MarkInfo.Marked) and bool(pdf.Root.ViewerPreferences.DisplayDocTitle)
        # SOURCE_DATE_EPOCH makes the dates, in the information dictionary and in the XMP alike.
        assert str(pdf.docinfo.CreationDate) == str(pdf.docinfo.ModDate) == "D:20231114221320+00'00"
        with pdf.open_metadata() as xmp:
            assert xmp["xmp:CreateDate"] == xmp["xmp:ModifyDate"] == "2023-11-14T22:13:20+00:00"
            assert xmp["pdfaid:part"] == "2" and xmp["pdfaid:conformance"] == "A"
            assert xmp["pdfuaid:part"] == "1"
        metadata = pdf.Root.Metadata.read_bytes().decode("utf-8")
        # PDF/A accepts the PDF/UA namespace only when an extension schema declares it.
        assert (
            "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>" in metadata
        )


# --- Nothing from the network, nothing from outside the programme, never over a source (issue 21) ---


def _programme(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "programma"
    shutil.copytree(REPO / "tests" / "roots" / "test-every-type", folder)
    index = folder / "index.md"
    source = index.read_text(encoding="utf-8")
    index.write_text(source.replace(":id: UP-SAMEN\n", f":id: UP-SAMEN\n\n{text}\n", 1), encoding="utf-8")
    return folder


def test_pdf_fetches_nothing_from_the_network_and_reads_no_file_outside_the_programme(
    tmp_path: Path,
) -> None:
    secret = tmp_path / "geheim.png"
    secret.write_bytes(b"\x89PNG not for the paper")
    folder = _programme(
        tmp_path,
        "![kaart](http://192.0.2.1/kaart.png) en ![geheim](../geheim.png)",
    )
    target = tmp_path / "uit.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "policy_trace.cli", "pdf", str(folder), "-o", str(target)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    line = next(
        n
        for n, text in enumerate((folder / "index.md").read_text().splitlines(), 1)
        if text.startswith("```{uitgangspunt}")
    )
    assert (
        f"index.md:{line}: UP-SAMEN: http://192.0.2.1/kaart.png wordt niet opgehaald: policy-trace pdf "
        "haalt niets van het netwerk." in result.stderr
    ), result.stderr
    assert f"index.md:{line}: UP-SAMEN: {secret.as_uri()} wordt niet ingesloten" in result.stderr
    assert b"not for the paper" not in target.read_bytes()


@pytest.mark.parametrize("name", ["index.md", "conf.py", "programma.txt"])
def test_pdf_writes_only_a_pdf_never_over_a_source(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    folder = _programme(tmp_path, "")
    target = folder / name
    before = target.read_bytes() if target.exists() else None
    assert main(["pdf", str(folder), "-o", str(target)]) == 2
    assert f"policy-trace pdf: fout: {target} is geen PDF-bestand" in capsys.readouterr().err
    assert (target.read_bytes() if target.exists() else None) == before


def test_pdf_does_not_replace_a_file_that_only_looks_like_a_pdf(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _programme(tmp_path, "")
    target = folder / "notitie.pdf"
    target.write_text("Dit is een notitie, geen PDF.", encoding="utf-8")
    assert main(["pdf", str(folder), "-o", str(target)]) == 2
    assert "bestaat al en is geen PDF" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "Dit is een notitie, geen PDF."


# --- A paper for a meeting: the stand and the decisions first, authors' material apart (issue 18) ---


def _pages_of(paper: Path) -> dict[str, int]:
    """The first page (1-based) of each bookmarked heading."""
    reader = PdfReader(paper)
    return {entry.title: reader.get_destination_page_number(entry) + 1 for entry in _flatten(reader.outline)}


@needs_poppler
def test_pages_one_and_two_carry_the_meeting_the_stand_and_what_to_decide(paper: Path) -> None:
    first = " ".join(run("pdftotext", "-f", "1", "-l", "1", str(paper), "-").split())
    assert "Document voor de bestuursvergadering van 9 oktober 2014" in first
    assert re.search(r"Vergadering 9 oktober 2014", first)
    assert "Stand van zaken op 26 september 2014" in first
    # Per goal, its criteria counted in words (the agenda measured nothing: nothing is computed).
    assert "Versterken crisisbeheersing (strategisch doel). Eigen criteria: geen;" in first
    assert "niet uit de cijfers te berekenen" in first
    pages = _pages_of(paper)
    assert pages["Stand van zaken op 26 september 2014"] == 1
    assert pages["Te besluiten"] <= 2
    both = " ".join(run("pdftotext", "-f", "1", "-l", "2", str(paper), "-").split())
    assert "Voor de vergadering van 9 oktober 2014." in both
    assert "Accordering van de projectplannen in het Veiligheidsberaad van 26 september 2014" in both
    assert "besluit gepland op 26 september 2014, uiterlijk in deze vergadering" in both
    # The order after pages 1 and 2: goal tree, criteria, items, and the appendix last.
    assert (
        pages["Te besluiten"]
        < pages["Doelenboom"]
        < pages["Wanneer zijn we tevreden"]
        < pages["Alle items"]
        < pages["Bijlage voor het programmabureau: bevindingen van de controles"]
    )


@needs_poppler
def test_no_file_names_or_authoring_help_before_the_marked_appendix(paper: Path) -> None:
    appendix = _pages_of(paper)["Bijlage voor het programmabureau: bevindingen van de controles"]
    body = run("pdftotext", "-l", str(appendix - 1), str(paper), "-")
    assert re.findall(r"\S+\.md:\d+|needs/\S+|Bron: ", body) == []
    assert "Oplossing" not in body
    rest = " ".join(run("pdftotext", "-f", str(appendix), str(paper), "-").split())
    assert "Voor wie het programma schrijft en bijhoudt, niet voor het besluit" in rest


@needs_poppler
def test_the_goal_tree_is_split_per_group_with_labels_of_at_least_8_pt(paper: Path) -> None:
    pages = _pages_of(paper)
    first, last = pages["Doelenboom"], pages["Wanneer zijn we tevreden"] - 1
    layout = run("pdftotext", "-f", str(first), "-l", str(last), "-bbox", str(paper), "-")
    words = re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]+)<', layout)
    # DejaVu Sans: a word's box is 1.164 times its size (9.312 pt at 8 pt).
    sizes = [(float(bottom) - float(top)) / 1.164 for top, bottom, _text in words]
    assert len(sizes) > 200 and min(sizes) >= 7.95, min(sizes)
    text = " ".join(word for *_box, word in words)
    assert "Inspanningen voor Versterken crisisbeheersing" in text
    assert "Inspanningen voor Versterken risicobeheersing" in text


def test_each_goal_tree_picture_is_printed_at_its_own_size_within_the_page() -> None:
    programme = Programme.from_items(
        [
            _item("HD-A", "hoofddoel", "Veilig"),
            _item("SD-A", "doel", "Crisis", draagt_bij_aan=("HD-A",)),
            *[
                _item(f"IN-{n:02}", "inspanning", f"Inspanning {n}", draagt_bij_aan=("SD-A",))
                for n in range(40)
            ],
        ]
    )
    pictures = tree.figures(programme)
    # Forty efforts of one goal do not fit one page: they are drawn in several pictures.
    assert [p.caption for p in pictures][:2] == [
        "Hoofddoel en strategisch doel",
        "Inspanningen voor Crisis (1 van 4)",
    ]
    assert all(p.height <= tree.MAX_HEIGHT and p.width <= 261 / 25.4 * 72 for p in pictures)
    html = document.render(_paper(programme))
    assert html.count('style="width: ') == len(pictures)
    assert tree.FONT_SIZE >= 8


def test_pdf_refuses_a_meeting_that_is_no_date(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "conf.py").write_text("", encoding="utf-8")
    assert main(["pdf", str(tmp_path), "--vergadering", "9-10-2014"]) == 2
    assert (
        "policy-trace pdf: fout: --vergadering '9-10-2014' is geen datum; schrijf de datum van de "
        "vergadering als JJJJ-MM-DD" in capsys.readouterr().err
    )


# --- One presenter: the site and the paper say the same of every item (issue 18, part 4) ---


def _site_pages(srcdir: Path, outdir: Path) -> list[BeautifulSoup]:
    app = SphinxTestApp("html", srcdir=srcdir, builddir=outdir)
    try:
        app.build()
    finally:
        app.cleanup()
    return [
        BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for page in Path(app.outdir).rglob("*.html")
    ]


def _words(element: Tag) -> str:
    return " ".join(element.get_text(" ").replace("¶", " ").split())


def _value_of(element: Tag) -> str | list[str]:
    # A list of links reads as its links (the site joins them with commas, the paper puts one per line).
    links = element.find_all("a")
    return [_words(a) for a in links] if links else _words(element)


#: Every field label of the model (a plan element may be a field, a link or a count of milestones).
FIELD_LABELS = {field.label for item_type in model.ITEM_TYPES for field in item_type.fields}


def site_items(pages: list[BeautifulSoup]) -> dict[str, dict[str, str | list[str]]]:
    """Per item on the site: its title, and each label of its details with the value shown."""
    found: dict[str, dict[str, str | list[str]]] = {}
    for page in pages:
        for section in page.select("section.pt-item[id]"):
            heading = section.find(re.compile(r"^h[1-6]$"))
            details = section.find_next_sibling("div", class_="pt-item-details")
            shown: dict[str, str | list[str]] = {"titel": _words(heading)}
            labels, values = details.select("dl.pt-fields > dt"), details.select("dl.pt-fields > dd")
            for label, value in zip(labels, values, strict=True):
                shown[_words(label).rstrip(":").strip()] = _value_of(value)
            for line in details.select("ul.pt-plan > li"):
                # "d. Borging: aanwezig – Regionaal crisisplan (RCP)": the plan element's value.
                label, _, rest = _words(line).partition(": ")
                label = label.split(". ", 1)[1]
                if " – " in rest and label in FIELD_LABELS:
                    shown[label] = rest.split(" – ", 1)[1]
            found[section["id"]] = shown
    return found


def paper_items(paper: BeautifulSoup) -> dict[str, dict[str, str | list[str]]]:
    found: dict[str, dict[str, str | list[str]]] = {}
    for section in paper.select("section.item[id]"):
        shown: dict[str, str | list[str]] = {"titel": _words(section.h4)}
        for row in section.select("table.velden tr"):
            shown[_words(row.th)] = _value_of(row.td)
        found[section["id"]] = shown
    return found


def assert_paper_says_what_the_site_says(site: dict, paper: dict) -> int:
    """Every item the site shows is in the paper with the same title and the same label values."""
    compared = 0
    assert set(site) <= set(paper), sorted(set(site) - set(paper))
    for item_id, shown in site.items():
        for label, value in shown.items():
            assert paper[item_id].get(label) == value, (item_id, label, value, paper[item_id].get(label))
            compared += 1
    return compared


@pytest.fixture(scope="module")
def agenda_site(tmp_path_factory: pytest.TempPathFactory) -> list[BeautifulSoup]:
    return _site_pages(REPO, tmp_path_factory.mktemp("site"))


def test_the_site_and_the_paper_say_the_same_of_every_item_of_the_agenda(
    agenda_site: list[BeautifulSoup], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = site_items(agenda_site)
    assert len(site) > 80
    paper = paper_items(paper_html(REPO, tmp_path, monkeypatch))
    assert assert_paper_says_what_the_site_says(site, paper) > 300


def test_item_text_labels_and_roles_print_as_the_site_shows_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _programme(
        tmp_path,
        "Zie {need}`IN-PREVENTIE` en {need}`de wijkaanpak <PRJ-WIJK>`, *samen*.\n\n"
        ":::{note}\nEen notitie voor het bestuur.\n:::\n\n<b>rauw</b>",
    )
    with (folder / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write(
            'myst_enable_extensions = ["colon_fence"]\n'
            "policy_trace_borging_values = {"
            '"intentieverklaring": "Intentieverklaring", "wetswijziging": "Wetswijziging", '
            '"regionaal_crisisplan": "Regionaal crisisplan (RCP)", "anders": "Anders"}\n'
        )
    site = site_items(_site_pages(folder, tmp_path / "site"))
    printed = paper_html(folder, tmp_path / "paper", monkeypatch)
    paper = paper_items(printed)
    assert paper["PRJ-WIJK"]["Borging"] == site["PRJ-WIJK"]["Borging"] == "Regionaal crisisplan (RCP)"
    assert assert_paper_says_what_the_site_says(site, paper) > 30
    text = printed.select_one("section#UP-SAMEN")
    body = " ".join(text.get_text().split())
    assert "Zie Brandpreventie in de wijk (IN-PREVENTIE) en de wijkaanpak, samen." in body
    assert [a["href"] for a in text.select("p a")] == ["#IN-PREVENTIE", "#PRJ-WIJK"]
    assert text.select_one("div.admonition.note").get_text(" ", strip=True) == (
        "Notitie Een notitie voor het bestuur."
    )
    # Raw HTML is never printed as markup (the words between its tags remain).
    assert "{need}" not in body and ":::" not in body and "<b>" not in str(text)


@needs_poppler
def test_a_programme_with_decisions_and_a_previous_version_opens_with_them(tmp_path: Path) -> None:
    target = tmp_path / "stand.pdf"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "policy_trace.cli",
            "pdf",
            str(REPO / "tests" / "roots" / "test-stand"),
            "-o",
            str(target),
            "--vergadering",
            "2025-02-05",
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    first = " ".join(run("pdftotext", "-l", "3", str(target), "-").split())
    assert "Document voor de bestuursvergadering van 5 februari 2025" in first
    assert "Stand van zaken op 1 januari 2025" in first
    assert "Eigen criteria: 1 op koers en 1 behaald (uit de cijfers berekend)" in first
    assert "Gezamenlijke meldkamer (project, ter besluitvorming). Nog niet vastgelegd: b) de partij" in first
    assert "besluit gepland op 10 februari 2025, na deze vergadering" in first
    assert "Woningen met rookmelder: berekend oordeel risico" in first
    assert "Helft van de wijken bezocht: vertraagd, datum 1 februari 2025." in first
    # What changed since the adopted version, the removed effort named.
    assert "Veranderd sinds versie 1.0 (1 juni 2024)" in first
    assert "Brandweerkazernes openstellen (inspanning, IN-OUD)" in first
    assert pdfua_report(target)["summary"]["warnings"] == 0


@needs_poppler
def test_the_paper_of_a_new_programme_opens_with_its_stand_and_passes_the_checker(tmp_path: Path) -> None:
    assert (
        main(
            [
                "init",
                str(tmp_path / "hitte"),
                "--naam",
                "Hitteplan Utrecht",
                "--periode",
                "2026-01-01",
                "2029-12-31",
            ]
        )
        == 0
    )
    target = tmp_path / "hitte.pdf"
    assert main(["pdf", str(tmp_path / "hitte"), "-o", str(target)]) == 0
    first = " ".join(run("pdftotext", "-l", "1", str(target), "-").split())
    assert "Hitteplan Utrecht Document voor de bestuursvergadering" in first
    assert re.search(r"Stand van zaken op \d{1,2} \w+ \d{4}", first)
    report = pdfua_report(target)
    assert (report["summary"]["errors"], report["summary"]["warnings"]) == (0, 0), report["findings"][:3]


def test_with_source_date_epoch_two_papers_are_byte_for_byte_the_same(tmp_path: Path) -> None:
    made = []
    for name in ("een.pdf", "twee.pdf"):
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "policy_trace.cli",
                "pdf",
                str(REPO / "tests" / "roots" / "test-stand"),
                "-o",
                str(tmp_path / name),
            ],
            capture_output=True,
            text=True,
            env={**os.environ, "SOURCE_DATE_EPOCH": str(EPOCH)},
        )
        assert result.returncode == 0, result.stderr
        made.append((tmp_path / name).read_bytes())
    assert made[0] == made[1]


# --- A link to an item of a coupled programme (land en regio) ---


def _region(tmp_path: Path, national: Path) -> Path:
    """A region whose effort contributes to the small national programme's SD-CRISIS, coupled to it."""
    folder = write_programme(
        tmp_path / "regio", "vr-voorbeeld", "Beleidsplan VR Voorbeeld", region_base("2026-12-31") + """
```{inspanning} Regionale oefencyclus
:id: IN-OEFENEN
:draagt_bij_aan: SD-REGIO, landelijk:SD-CRISIS
:spoor: inhoudelijk
:status: in_uitvoering
```
""",
        'html_baseurl = "https://regio.example.nl/1/"\n',
    )
    assert koppel("landelijk", str(national), str(folder)) == 0
    return folder


def _pdf(folder: Path, target: Path) -> str:
    """``policy-trace pdf FOLDER -o TARGET``; the paper's text, its white space folded."""
    result = subprocess.run(
        [sys.executable, "-m", "policy_trace.cli", "pdf", str(folder), "-o", str(target)],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return " ".join(run("pdftotext", str(target), "-").split())


@needs_poppler
def test_the_paper_names_a_coupled_item_as_the_site_does_and_links_to_its_page(tmp_path: Path) -> None:
    folder = _region(tmp_path, publish_national(tmp_path / "land"))
    target = tmp_path / "regio.pdf"
    text = _pdf(folder, target)
    # The programme by the name it publishes, the item's title and ID, its status there: as on the site.
    assert "Landelijk programma: Versterken crisisbeheersing SD-CRISIS vastgesteld" in text
    assert "landelijk:SD-CRISIS" not in text and "in een gekoppeld programma" not in text
    site = (Path(build_once(folder, "html").outdir) / "index.html").read_text(encoding="utf-8")
    shown = BeautifulSoup(site, "html.parser").select_one("span.pt-coupled").get_text(" ", strip=True)
    assert shown == "Landelijk programma: Versterken crisisbeheersing SD-CRISIS vastgesteld"
    # Its link leads to the item's page on the national site, and says so in words (PDF/UA).
    with pikepdf.open(target) as pdf:
        links = [a for page in pdf.pages for a in page.get("/Annots", []) if a.get("/Subtype") == "/Link"]
        external = {str(a.A.URI): str(a.Contents) for a in links if "/A" in a and "/URI" in a.A}
    address = "https://land.example.nl/1/index.html#SD-CRISIS"
    assert external == {address: f"Webadres {address}"}


@needs_poppler
def test_the_national_paper_lists_what_a_region_contributes_to_an_item(tmp_path: Path) -> None:
    national = publish_national(tmp_path / "land")
    region = Path(build_once(_region(tmp_path, national), "html").outdir)
    assert koppel("regio", str(region), str(tmp_path / "land")) == 0
    target = tmp_path / "land.pdf"
    text = _pdf(tmp_path / "land", target)
    assert (
        "Bijdragen van gekoppelde programma’s Beleidsplan VR Voorbeeld, versie 1: Regionale oefencyclus "
        "IN-OEFENEN in uitvoering"
    ) in text
    assert text.count("Bijdragen van gekoppelde programma’s") == 1  # only SD-CRISIS receives one
    with pikepdf.open(target) as pdf:
        links = [a for page in pdf.pages for a in page.get("/Annots", []) if a.get("/Subtype") == "/Link"]
        external = {str(a.A.URI) for a in links if "/A" in a and "/URI" in a.A}
    assert external == {"https://regio.example.nl/1/index.html#IN-OEFENEN"}
    report = pdfua_report(target)  # the links out keep the paper PDF/UA
    assert (report["summary"]["errors"], report["summary"]["warnings"]) == (0, 0), report["findings"][:5]


@needs_poppler
def test_the_papers_appendix_lists_every_finding_the_reports_do_not_only_the_rules(tmp_path: Path) -> None:
    folder = _programme(tmp_path, "")
    (folder / "los.md").write_text("# Los\n\nIn geen inhoudsopgave.\n", encoding="utf-8")
    target = tmp_path / "uit.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "policy_trace.cli", "pdf", str(folder), "-o", str(target)],
        capture_output=True, text=True,
    )
    console = result.stdout + result.stderr
    assert "los.md" in console and "toc.not_included" in console, console
    appendix = _pages_of(target)["Bijlage voor het programmabureau: bevindingen van de controles"]
    text = " ".join(run("pdftotext", "-f", str(appendix), str(target), "-").split())
    # As the console and the reports have it: its code, the page, what is wrong and the fix.
    assert "1 bevinding Code" in text
    # The code may wrap in its narrow column; the page is named by its file (it has no line).
    assert "toc.not_i" in text and "(pagina) los.md deze pagina staat in geen inhoudsopgave" in text
