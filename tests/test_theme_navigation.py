"""The sidebar's navigation tree, computed once per folder, is exactly the tree furo computes per page.

Builds tests/roots/test-theme-navigation (pages in two folders and the root, in
three toctrees; a page with a sub-page, pages with two top-level headings, an
orphan). While it builds, a spy computes furo's own tree for every page beside
the one the page gets, and notes which pages asked Sphinx for the whole tree.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field, replace
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from conftest import ROOTS, build
from furo.navigation import get_navigation_tree
from sphinx.testing.util import SphinxTestApp

#: furo's own call for the sidebar tree (furo._compute_navigation_tree).
FURO_TOCTREE = {"collapse": False, "titles_only": True, "maxdepth": -1, "includehidden": True}

#: Each page of the root and the title its sidebar entry shows (None: the page is in no tree).
TITLES = {
    "index": None,
    "over": "Over deze site",
    "a/begin": "Begin",
    "a/een": "Een",
    "a/twee": "Twee",
    "a/drie": "Drie",
    "a/ouder": "Ouder",
    "a/kind": "Kind",
    "a/los": None,
    "b/een": "Bee een",
    "b/twee": "Bee twee",
    "b/twee-koppen": "Twee koppen",
    "b/verborgen": "Verborgen",
}
#: Pages Sphinx writes on every build that are no document (in no tree).
NO_DOCUMENT = ("genindex", "search")
#: sphinx-needs' random container ids, the only part of two builds' pages that may differ.
RANDOM_IDS = re.compile(r'id="SNCB-[0-9a-f]+"')


@dataclass
class Spy:
    """Records, per page written, the tree the page got and the tree furo computes by itself."""

    given: dict[str, str] = field(default_factory=dict)
    furo: dict[str, str] = field(default_factory=dict)
    #: Pages that asked Sphinx for the whole tree.
    asked: set[str] = field(default_factory=set)

    def connect(self, app: Any) -> None:
        # Before the per-folder navigation (499) and furo (500); after both, before the theme's 600.
        app.connect("html-page-context", self.count_toctree_calls, priority=400)
        app.connect("html-page-context", self.compare, priority=501)

    def count_toctree_calls(self, app: Any, pagename: str, templatename: str, context: dict, doctree: Any):
        toctree = context.get("toctree")
        if toctree is None:
            return

        def counted(**kwargs: Any) -> str:
            if kwargs == FURO_TOCTREE:
                self.asked.add(pagename)
            return toctree(**kwargs)

        context["toctree"] = counted
        context["spy_toctree"] = toctree

    def compare(self, app: Any, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
        if pagename not in TITLES and pagename not in NO_DOCUMENT:
            return
        self.given[pagename] = context["furo_navigation_tree"]
        self.furo[pagename] = get_navigation_tree(context["spy_toctree"](**FURO_TOCTREE))


@dataclass(frozen=True)
class Builds:
    """The root built once, then rebuilt after a title changed."""

    first: Spy
    #: The pages of the first build as written (without sphinx-needs' random ids).
    pages: dict[str, str]
    outdir: Path
    second: Spy


def _app(srcdir: Path, **kwargs: Any) -> SphinxTestApp:
    return SphinxTestApp("html", srcdir=srcdir, status=StringIO(), warning=StringIO(), **kwargs)


def _pages(outdir: Path) -> dict[str, str]:
    """The root's pages as written, without sphinx-needs' random ids."""
    return {page: RANDOM_IDS.sub("", (outdir / f"{page}.html").read_text("utf-8")) for page in TITLES}


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> Builds:
    """tests/roots/test-theme-navigation built, then changed and built again by the same app."""
    srcdir = tmp_path_factory.mktemp("theme-navigation") / "src"
    shutil.copytree(ROOTS / "test-theme-navigation", srcdir)
    app = _app(srcdir)
    spy = Spy()
    spy.connect(app)
    try:
        build(app)
        # Keep what the first build recorded; the spy records the second afresh.
        first, pages = replace(spy), _pages(Path(app.outdir))
        spy.given, spy.furo, spy.asked = {}, {}, set()
        # A title changes: a tree left over from the first build would still show the old one.
        # a/drie also changes, so it is written again, before a/twee.
        (srcdir / "a" / "twee.md").write_text("# Twee nieuw\n\nNieuwe titel.\n", encoding="utf-8")
        (srcdir / "a" / "drie.md").write_text("# Drie\n\nAnders.\n", encoding="utf-8")
        build(app)
    finally:
        app.cleanup()
    return Builds(first, pages, Path(app.outdir), spy)


def test_every_page_gets_exactly_the_tree_furo_computes(builds: Builds) -> None:
    assert sorted(builds.first.given) == sorted([*TITLES, *NO_DOCUMENT])
    for page in [*TITLES, *NO_DOCUMENT]:
        assert builds.first.given[page] == builds.first.furo[page], page


def test_pages_of_a_folder_share_one_computation(builds: Builds) -> None:
    # Pages are written in order. Per folder, the first page of the simple shape computes the
    # tree; a/begin (two top-level headings, so its tree links to itself with an anchor),
    # a/kind (below a/ouder), a/los (in no tree), a/ouder (has a sub-page), b/twee-koppen
    # (linked with an anchor), index and over (no other simple page in the root) compute their own.
    served = set(TITLES) - builds.first.asked
    assert served == {"a/een", "a/twee", "b/twee", "b/verborgen"}


def test_pages_that_are_no_document_share_one_computation(builds: Builds) -> None:
    # The index and the search page are in no tree: nothing is marked in theirs, the same tree.
    assert len(builds.first.asked & set(NO_DOCUMENT)) == 1
    assert builds.first.given["genindex"] == builds.first.given["search"]


def test_the_current_page_is_marked_in_its_own_list(builds: Builds) -> None:
    for page, title in TITLES.items():
        tree = BeautifulSoup(builds.pages[page], "html.parser").select_one(".sidebar-tree")
        current = tree.select("li.current-page")
        if title is None:
            assert not current and not tree.select(".current"), page
            continue
        assert [li.a.get_text() for li in current] == [title], page
        assert current[0].a["href"] == "#"
        # The list that holds the page is the one marked; a/kind's parent entry is unfolded.
        lists = [ul for ul in tree.find_all("ul") if "current" in (ul.get("class") or [])]
        assert all(current[0] in ul.find_all("li") for ul in lists), page
        assert len(lists) == (2 if page == "a/kind" else 1), page


def test_a_rebuild_starts_afresh(builds: Builds) -> None:
    second = builds.second
    assert {"a/drie", "a/twee"} <= set(second.given)
    assert "a/drie" in second.asked and "a/twee" not in second.asked
    for page in second.given:
        assert second.given[page] == second.furo[page], page
    drie = BeautifulSoup((builds.outdir / "a" / "drie.html").read_text(encoding="utf-8"), "html.parser")
    assert [a.get_text() for a in drie.select('.sidebar-tree a[href="twee.html"]')] == ["Twee nieuw"]


def test_a_parallel_build_writes_the_same_pages(builds: Builds, tmp_path_factory: pytest.TempPathFactory):
    # Each worker process fills its own copy of the templates, from the pages it writes.
    srcdir = tmp_path_factory.mktemp("theme-navigation-parallel") / "src"
    shutil.copytree(ROOTS / "test-theme-navigation", srcdir)
    app = _app(srcdir, parallel=2)
    assert app.is_parallel_allowed("write")
    try:
        build(app)
    finally:
        app.cleanup()
    pages = _pages(Path(app.outdir))
    for page in TITLES:
        assert pages[page] == builds.pages[page], page
