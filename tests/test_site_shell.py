"""The site's shell without a browser: Mermaid served from the site, Dutch furo, accessible markup.

Builds tests/roots/test-site-shell (furo, Dutch, one diagram) once; the
browser tests in tests/browser check the real site as a reader meets it.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOTS, build
from policy_trace import assets
from policy_trace.theme import dutch
from sphinx.testing.util import SphinxTestApp

REPO = Path(__file__).parent.parent

#: Interface text furo, Sphinx and sphinx-needs write into the HTML in English.
ENGLISH_IN_HTML = (
    "Skip to content", "Toggle site navigation sidebar", "Toggle table of contents sidebar",
    "Toggle Light / Dark / Auto color theme", "Toggle navigation of", "Back to top", "Made with",
    "On this page", "Light mode", "Dark mode", "Auto light/dark", "Copyright", "Link to this heading",
    "Previous", "Next", ">Search<", "Contents", "Expand", "Please activate JavaScript",
    "Searching, Please Wait", 'lang="en"',
)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/roots/test-site-shell built once with the html builder; its output folder."""
    srcdir = tmp_path_factory.mktemp("site-shell") / "src"
    shutil.copytree(ROOTS / "test-site-shell", srcdir)
    app = SphinxTestApp("html", srcdir=srcdir, status=StringIO(), warning=StringIO())
    try:
        build(app)
    finally:
        app.cleanup()
    return Path(app.outdir)


def _page(site: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((site / name).read_text(encoding="utf-8"), "html.parser")


# --- Mermaid from the site ---------------------------------------------------

def test_mermaid_is_copied_into_the_site_without_source_maps(site: Path) -> None:
    served = site / "_static" / "mermaid"
    assert (served / "mermaid.esm.min.mjs").is_file()
    assert (served / "d3.min.js").is_file()
    chunks = list((served / "chunks" / "mermaid.esm.min").glob("*.mjs"))
    assert len(chunks) > 10
    assert not list(served.rglob("*.map"))


def test_a_page_with_a_diagram_imports_mermaid_from_the_site(site: Path) -> None:
    html = (site / "index.html").read_text(encoding="utf-8")
    assert 'import mermaid from "./_static/mermaid/mermaid.esm.min.mjs"' in html
    # No fullscreen button: its glyph needs a font that is not there offline, its labels are English.
    assert "if (!false) return;" in html, "de knop voor volledig scherm staat aan"


def test_no_page_loads_anything_from_another_host(site: Path) -> None:
    for page in site.rglob("*.html"):
        soup = _page(site, page.relative_to(site).as_posix())
        sources = [tag.get("src", "") for tag in soup.find_all("script")] + [
            tag.get("href", "") for tag in soup.find_all("link")
        ]
        assert [url for url in sources if "//" in url] == [], page.name
        assert "cdn.jsdelivr.net" not in page.read_text(encoding="utf-8"), page.name


@pytest.mark.parametrize("name", ["zonder-diagram.html", "search.html", "genindex.html"])
def test_pages_without_a_diagram_do_not_load_mermaid(site: Path, name: str) -> None:
    assert "mermaid" not in (site / name).read_text(encoding="utf-8")


def test_missing_mermaid_stops_the_build_with_a_dutch_instruction(tmp_path: Path) -> None:
    srcdir = tmp_path / "src"
    shutil.copytree(ROOTS / "test-site-shell", srcdir)
    empty = tmp_path / "leeg"
    empty.mkdir()
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-q", "-b", "html", "-D", f"policy_trace_mermaid_dir={empty}",
         str(srcdir), str(tmp_path / "html")],
        capture_output=True, text=True,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("Mermaid ontbreekt: de site serveert Mermaid zelf")
    assert f"{empty}/mermaid/dist/mermaid.esm.min.mjs" in result.stderr
    # Advice for both an installed package and a checkout, not only for this repository's Makefile.
    assert "pip install policy_trace-" in result.stderr
    assert "draai 'npm ci'" in result.stderr


def test_mermaid_is_copied_again_only_when_it_changed(tmp_path: Path) -> None:
    source, target = tmp_path / "mermaid.mjs", tmp_path / "site" / "mermaid.mjs"
    target.parent.mkdir()
    source.write_text("export default 1;", encoding="utf-8")
    assets.copy_if_changed(source, target)
    written = target.stat().st_ctime_ns
    assets.copy_if_changed(source, target)
    assert target.stat().st_ctime_ns == written  # an incremental build leaves the copy alone
    source.write_text("export default 22;", encoding="utf-8")  # npm ci brought a new version
    assets.copy_if_changed(source, target)
    assert target.read_text(encoding="utf-8") == "export default 22;"


def test_a_changed_template_shows_on_the_next_build(tmp_path: Path) -> None:
    # Compiled templates are kept between builds; an edited template must not be served stale.
    srcdir = tmp_path / "src"
    shutil.copytree(ROOTS / "test-site-shell", srcdir)
    brand = srcdir / "_templates" / "sidebar" / "brand.html"
    brand.parent.mkdir(parents=True)
    with (srcdir / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('templates_path = ["_templates"]\n')
    for text in ("Eerste merk", "Tweede merk"):
        brand.write_text(f'<p class="merk">{text}</p>', encoding="utf-8")
        app = SphinxTestApp("html", srcdir=srcdir, status=StringIO(), warning=StringIO())
        try:
            build(app)
        finally:
            app.cleanup()
        assert _page(Path(app.outdir), "index.html").select_one("p.merk").text == text
    assert list((Path(app.doctreedir) / "policy_trace_templates").glob("*.cache"))


def test_the_repository_node_modules_are_found_from_anywhere(tmp_path: Path) -> None:
    # A project without its own node_modules (like every test root) uses the repository's.
    assert assets.REPO_NODE_MODULES == REPO / "node_modules"
    assert assets.Sources(assets.REPO_NODE_MODULES).missing() == []
    assert assets.Sources(tmp_path).missing() == [
        tmp_path / "mermaid" / "dist" / "mermaid.esm.min.mjs",
        tmp_path / "mermaid" / "dist" / "chunks" / "mermaid.esm.min",
        tmp_path / "d3" / "dist" / "d3.min.js",
    ]


def test_a_theme_other_than_furo_still_builds(tmp_path: Path) -> None:
    # The test roots of the checks use Sphinx's default theme: our furo templates stay out.
    srcdir = tmp_path / "src"
    shutil.copytree(ROOTS / "test-site-shell", srcdir)
    conf = srcdir / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8").replace('html_theme = "furo"', ""), encoding="utf-8")
    app = SphinxTestApp("html", srcdir=srcdir, status=StringIO(), warning=StringIO())
    try:
        build(app)
    finally:
        app.cleanup()
    assert (Path(app.outdir) / "_static" / "mermaid" / "mermaid.esm.min.mjs").is_file()


# --- Dutch ----------------------------------------------------------------------

@pytest.mark.parametrize("name", ["index.html", "zonder-diagram.html", "search.html", "genindex.html"])
def test_pages_are_dutch_without_english_interface_text(site: Path, name: str) -> None:
    html = (site / name).read_text(encoding="utf-8")
    assert '<html class="no-js" lang="nl"' in html
    assert [text for text in ENGLISH_IN_HTML if text in html] == []


def test_furo_labels_are_dutch(site: Path) -> None:
    soup = _page(site, "zonder-diagram.html")
    labels = {tag["aria-label"] for tag in soup.find_all(attrs={"aria-label": True})}
    assert {
        "Navigatiemenu tonen of verbergen", "Inhoud van deze pagina tonen of verbergen",
        "Kleurenschema wisselen: licht, donker of automatisch", "Zoekwoorden",
    } <= labels
    assert soup.find("a", class_="skip-to-content").get_text(strip=True) == "Naar de inhoud"
    assert soup.find(class_="back-to-top").get_text(strip=True) == "Terug naar boven"
    assert soup.find(class_="toc-title").get_text(strip=True) == "Op deze pagina"
    assert soup.find("a", class_="headerlink")["title"] == "Link naar dit kopje"
    assert soup.find(class_="prev-page").get_text(" ", strip=True).startswith("Vorige Startpagina")


def test_the_navigation_fold_buttons_name_their_section_in_dutch(site: Path) -> None:
    soup = _page(site, "index.html")
    toggles = [tag["aria-label"] for tag in soup.find_all("input", class_="toctree-checkbox")]
    assert toggles == ["Onderdelen van Zonder diagram tonen of verbergen"]


def test_the_permalink_page_of_sphinx_needs_is_dutch(site: Path) -> None:
    html = (site / "permalink.html").read_text(encoding="utf-8")
    for english, dutch_text in dutch.PERMALINK_PAGE.items():
        assert english not in html and dutch_text in html


def test_the_search_script_gets_dutch_after_sphinx_catalogue(site: Path) -> None:
    scripts = [tag.get("src", "") for tag in _page(site, "search.html").find_all("script")]
    names = [src.split("?")[0] for src in scripts]
    assert names.index("_static/translations.js") < names.index("_static/policy_trace/vertalingen.js")
    catalog = (site / "_static" / "policy_trace" / "vertalingen.js").read_text(encoding="utf-8")
    assert "Klaar met zoeken: ${resultCount} pagina's gevonden." in catalog
    assert '"plural_expr": "n != 1 ? 1 : 0"' in catalog


def test_a_needtable_gets_dutch_labels_and_headings(site: Path) -> None:
    table = _page(site, "tabel.html").find("table", class_="NEEDS_DATATABLES")
    labels = json.loads(table["data-needstable-labels"])
    # Every label needstable.js shows (its LABELS object), in Dutch.
    assert set(labels) == {
        "search", "rowsPerPage", "all", "columns", "copy", "csv", "info", "empty",
        "pagination", "previous", "next", "sort",
    }
    assert labels["search"] == "Zoeken in tabel" and "{total}" in labels["info"]
    assert [th.get_text(strip=True) for th in table.find_all("th")] == ["ID", "Titel", "Status"]


# --- Accessible markup ------------------------------------------------------------

def test_captions_that_act_as_headings_have_a_level(site: Path) -> None:
    for name in ("index.html", "zonder-diagram.html", "genindex.html"):
        headings = _page(site, name).find_all(attrs={"role": "heading"})
        assert headings and all(tag.get("aria-level") == "2" for tag in headings), name


def test_code_blocks_can_be_scrolled_by_keyboard(site: Path) -> None:
    code = _page(site, "zonder-diagram.html").select("div.highlight > pre")
    assert code and all(tag.get("tabindex") == "0" for tag in code)


def test_page_buttons_and_neighbour_links_sit_in_landmarks(site: Path) -> None:
    soup = _page(site, "zonder-diagram.html")
    assert soup.find("nav", class_="content-icon-container")["aria-label"] == "Paginaknoppen"
    assert soup.find("nav", class_="related-pages")["aria-label"] == "Vorige en volgende pagina"


def test_our_stylesheet_comes_after_furo_and_sphinx_needs(site: Path) -> None:
    sheets = _page(site, "index.html").find_all("link", rel="stylesheet")
    links = [tag["href"].split("?")[0] for tag in sheets]
    ours = links.index("_static/policy_trace/site.css")
    assert ours == len(links) - 1 or all("policy_trace" in link for link in links[ours:])
    assert ours > links.index("_static/styles/furo.css")
    assert ours > max(i for i, link in enumerate(links) if "sphinx-needs" in link)
