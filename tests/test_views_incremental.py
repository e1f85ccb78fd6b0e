"""Incremental builds rewrite the pages an edit changed, and only those (issue 5).

The small programme of roots/test-views, copied to a temporary folder, gets
five more pages: A holds an effort that contributes to the goal on C; B and C
each hold a goal; D holds an unrelated goal; E names the goal of B with the
``{need}`` role. The module edits them one step at a time and rebuilds
incrementally after each step.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from io import StringIO
from pathlib import Path

import pytest
import snowballstemmer
from bs4 import BeautifulSoup
from conftest import ROOTS, warnings_of
from sphinx.testing.util import SphinxTestApp

ORPHAN = "---\norphan: true\n---\n\n"
PAGES = {
    "needs/pagina_a.md": """# Pagina A

```{inspanning} Alarmering verbeteren
:id: IN-A
:draagt_bij_aan: SD-C
:spoor: organisatorisch
:status: voorgesteld
```

```{project} Sirenes vervangen
:id: PRJ-A
:voert_uit: IN-A
:opdracht: Alle sirenes vervangen door een xylofoonsignaal.
:status: concept
```
""",
    "needs/pagina_b.md": """# Pagina B

```{doel} Snelle alarmering
:id: SD-B
:draagt_bij_aan: HD-VEILIG
:status: voorgesteld
```
""",
    "needs/pagina_c.md": """# Pagina C

```{doel} Goede informatie
:id: SD-C
:draagt_bij_aan: HD-VEILIG
:status: voorgesteld
```
""",
    "needs/pagina_d.md": """# Pagina D

```{doel} Sterke crisisorganisatie
:id: SD-D
:draagt_bij_aan: HD-VEILIG
:status: voorgesteld
```
""",
    "docs/pagina_e.md": """# Pagina E

Over alarmering gaat {need}`SD-B`.
""",
}
#: The pages with views of the whole programme (doelenboom, dashboard, matrices, parties, …).
WHOLE_PROGRAMME = {
    "index",
    "docs/tevreden",
    "docs/samenhang",
    "docs/partijen",
    "docs/planning",
    "docs/downloads",
}
#: Pages Sphinx and sphinx-needs write on every build, not from a source page.
GENERATED = {"genindex", "search", "permalink"}


@dataclass
class Step:
    """One build: the site it left and when each page was written."""

    outdir: Path
    mtimes: dict[str, int]

    def page(self, name: str) -> BeautifulSoup:
        return BeautifulSoup((self.outdir / name).read_text(encoding="utf-8"), "html.parser")


def build(srcdir: Path, snapshot: Path, parallel: int = 0) -> Step:
    """Build (incrementally, if built before), note which pages Sphinx wrote, keep the site as it is now."""
    app = SphinxTestApp("html", srcdir=srcdir, status=StringIO(), warning=StringIO(), parallel=parallel)
    try:
        app.build()
    finally:
        app.cleanup()
    assert warnings_of(app) == []
    outdir = Path(app.outdir)
    mtimes = {str(path.relative_to(outdir)): path.stat().st_mtime_ns for path in outdir.rglob("*.html")}
    shutil.copytree(outdir, snapshot, ignore=shutil.ignore_patterns(".doctrees", "_static"))
    return Step(snapshot, mtimes)


def rewritten(steps: dict[str, Step], before: str, after: str) -> set[str]:
    """The pages (docnames) the build ``after`` wrote again: their files changed since ``before``."""
    old, new = steps[before].mtimes, steps[after].mtimes
    return {name.removesuffix(".html") for name in new if new[name] != old.get(name)} - GENERATED


def edit(srcdir: Path, name: str, old: str, new: str) -> None:
    path = srcdir / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture(scope="module")
def steps(tmp_path_factory) -> dict[str, Step]:
    tmp = tmp_path_factory.mktemp("incremental")
    srcdir = tmp / "test-views"
    shutil.copytree(ROOTS / "test-views", srcdir)
    for name, text in PAGES.items():
        (srcdir / name).write_text(ORPHAN + text, encoding="utf-8")
    result = {"first": build(srcdir, tmp / "first")}
    # A link moves from C to B; read in parallel, so what readers note is merged.
    edit(srcdir, "needs/pagina_a.md", ":draagt_bij_aan: SD-C", ":draagt_bij_aan: SD-B")
    result["link"] = build(srcdir, tmp / "link", parallel=2)
    edit(srcdir, "needs/pagina_b.md", "Snelle alarmering", "Snelle en heldere alarmering")
    result["title"] = build(srcdir, tmp / "title")
    edit(srcdir, "needs/pagina_d.md", "# Pagina D\n", "# Pagina D\n\nEen pagina met een doel.\n")
    result["text"] = build(srcdir, tmp / "text")
    return result


def details(step: Step, page: str, item_id: str) -> dict[str, str]:
    """An item's details as a reader sees them: label -> value."""
    box = step.page(page).find(id=item_id).find_next_sibling(class_="pt-item-details")
    return {
        dt.get_text().rstrip(":"): dd.get_text(" ", strip=True)
        for dt, dd in zip(box.dl.find_all("dt"), box.dl.find_all("dd"), strict=True)
    }


def test_the_first_build_links_the_effort_to_the_goal_on_another_page(steps):
    first = steps["first"]
    assert details(first, "needs/pagina_c.html", "SD-C")["Ondersteund door"] == "Alarmering verbeteren IN-A"
    assert "Ondersteund door" not in details(first, "needs/pagina_b.html", "SD-B")
    box = first.page("needs/pagina_a.html").find(id="IN-A").find_next_sibling(class_="pt-item-details")
    link = next(a for a in box.find_all("a") if a.get_text() == "Goede informatie SD-C")
    assert link["href"] == "pagina_c.html#SD-C"


def test_a_moved_link_shows_on_its_new_target_and_leaves_its_old_one(steps):
    link = steps["link"]
    assert details(link, "needs/pagina_b.html", "SD-B")["Ondersteund door"] == "Alarmering verbeteren IN-A"
    assert "Ondersteund door" not in details(link, "needs/pagina_c.html", "SD-C")
    assert details(link, "needs/pagina_a.html", "IN-A")["Draagt bij aan"] == "Snelle alarmering SD-B"
    matrix = link.page("docs/samenhang.html").select_one("table.pt-matrix")
    row = next(tr for tr in matrix.select("tbody tr") if tr.th.a["href"].endswith("#IN-A"))
    columns = [th.get_text() for th in matrix.select("thead th")]
    linked = [columns[i + 1] for i, td in enumerate(row.find_all("td")) if "draagt bij aan" in td.get_text()]
    assert linked == ["Snelle alarmering SD-B"]


def test_a_moved_link_rewrites_its_pages_and_the_whole_programme_views_only(steps):
    assert (
        rewritten(steps, "first", "link")
        == {
            "needs/pagina_a",
            "needs/pagina_b",
            "needs/pagina_c",
        }
        | WHOLE_PROGRAMME
    )


def test_a_new_title_shows_wherever_the_item_is_linked_or_named(steps):
    title = steps["title"]
    new_label = "Snelle en heldere alarmering SD-B"
    assert details(title, "needs/pagina_a.html", "IN-A")["Draagt bij aan"] == new_label
    assert "Snelle en heldere alarmering" in title.page("docs/pagina_e.html").article.get_text()
    # HD-VEILIG lists the goals that contribute to it, SD-B among them.
    assert new_label in details(title, "needs/items.html", "HD-VEILIG")["Ondersteund door"]
    assert (
        rewritten(steps, "link", "title")
        == {
            "needs/pagina_a",
            "needs/pagina_b",
            "needs/items",
            "docs/pagina_e",
        }
        | WHOLE_PROGRAMME
    )


def test_an_edit_to_text_alone_rewrites_only_its_own_page(steps):
    text = steps["text"]
    assert rewritten(steps, "title", "text") == {"needs/pagina_d"}
    assert "Een pagina met een doel." in text.page("needs/pagina_d.html").article.get_text()


def test_search_finds_an_item_by_its_own_fields_not_by_the_titles_it_links_to(steps):
    raw = (steps["first"].outdir / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(raw[raw.index("(") + 1 : raw.rindex(")")])
    docnames = index["docnames"]

    def pages(word: str) -> set[str]:
        # An item's title is a heading: its words are title terms.
        found = [index[kind].get(word, []) for kind in ("terms", "titleterms")]
        return {docnames[i] for hits in found for i in ([hits] if isinstance(hits, int) else hits)}

    stem = snowballstemmer.stemmer("dutch").stemWord
    # PRJ-A's opdracht, a field its details show.
    assert pages(stem("xylofoonsignaal")) == {"needs/pagina_a"}
    # "informatie" is in the title of SD-C, on C; A's details only link to SD-C.
    found = pages(stem("informatie"))
    assert "needs/pagina_c" in found and "needs/pagina_a" not in found


def test_a_measurement_edited_on_its_own_page_shows_on_its_criterion_and_the_dashboard(tmp_path):
    srcdir = tmp_path / "test-views"
    shutil.copytree(ROOTS / "test-views", srcdir)
    measurement = """# Metingen

```{meting} Stand in de zomer
:id: MT-WIJKEN-ZOMER
:meet_voor: CR-WIJKEN
:waarde: 3
:datum: 2024-05-20
:bron: Projectrapportage juni
```
"""
    (srcdir / "needs" / "metingen.md").write_text(ORPHAN + measurement, encoding="utf-8")
    first = build(srcdir, tmp_path / "first")
    edit(srcdir, "needs/metingen.md", ":waarde: 3", ":waarde: 4")
    second = build(srcdir, tmp_path / "second")

    def latest(step: Step) -> tuple[str, str]:
        box = step.page("needs/items.html").find(id="CR-WIJKEN").find_next_sibling(class_="pt-item-details")
        block = step.page("docs/tevreden.html").find(id="tevreden-IN-PREVENTIE-CR-WIJKEN")
        meting = next(tr.td for tr in block.table.select("tr") if tr.th.get_text(strip=True) == "Meting")
        newest = box.select("ul.pt-measurement-list li")[0]
        return newest.get_text(" ", strip=True), meting.get_text(" ", strip=True)

    assert latest(first) == (
        "20 mei 2024: 3 \u2013 Stand in de zomer MT-WIJKEN-ZOMER (bron: Projectrapportage juni)",
        "3 (gemeten op 20 mei 2024; de laatste van 3 metingen)",
    )
    assert latest(second) == (
        "20 mei 2024: 4 \u2013 Stand in de zomer MT-WIJKEN-ZOMER (bron: Projectrapportage juni)",
        "4 (gemeten op 20 mei 2024; de laatste van 3 metingen)",
    )
    assert {"needs/metingen", "needs/items"} | WHOLE_PROGRAMME <= rewritten(
        {"first": first, "second": second}, "first", "second"
    )


def test_a_page_listing_an_edited_page_is_written_again_only_when_its_entry_changed(tmp_path):
    """The start page lists needs/items in its toctree (Sphinx would write it after every edit there):
    an edit of text leaves it as it was, a new title writes it again, with the new title."""
    srcdir = tmp_path / "test-views"
    shutil.copytree(ROOTS / "test-views", srcdir)
    steps = {"first": build(srcdir, tmp_path / "first")}
    edit(srcdir, "needs/items.md", "# Items\n", "# Items\n\nDe items van het proefprogramma.\n")
    steps["text"] = build(srcdir, tmp_path / "text")
    assert rewritten(steps, "first", "text") == {"needs/items"}
    edit(srcdir, "needs/items.md", "# Items\n", "# Alle items\n")
    steps["title"] = build(srcdir, tmp_path / "title")
    assert rewritten(steps, "text", "title") == {"needs/items", "index"}
    toctree = steps["title"].page("index.html").select_one("article .toctree-wrapper")
    assert "Alle items" in toctree.get_text()
