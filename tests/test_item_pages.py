"""Pages a reader and a screen reader can navigate: items as headings, readers' and authors' pages apart.

Builds a copy of tests/roots/test-views with an authors' section (a page that
shows an example item, as the handbook does) and a criterion whose author set
``smart``; the browser tests (tests/browser/test_navigation.py) check the same
on the agenda in Chromium.
"""

from __future__ import annotations

import json
import shutil
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
import snowballstemmer
from bs4 import BeautifulSoup
from conftest import ROOTS, warnings_of
from policy_trace.views import sections
from sphinx.testing.util import SphinxTestApp

#: A page for authors that shows how to write an item; its example must not be found as an item.
GUIDE = """# Zo schrijf je een item

Een voorbeeld:

````markdown
```{inspanning} Zeppelinonderhoud in de regio
:id: IN-ZEPPELIN
```
````
"""

AUTHORS_TOCTREE = f"""
```{{toctree}}
:caption: {sections.AUTHOR_CAPTION}
:maxdepth: 1

docs/gids
```
"""

#: A criterion whose author said it is not SMART, and why; a milestone still gepland after its date.
NOT_SMART = """
```{criterium} Burgers weten wat te doen
:id: CR-WETEN
:meet: SD-BRAND
:smart: nee
:toelichting: Dit laat zich niet tellen.
:status: onbepaald
```

```{mijlpaal} Buurtavond gehouden
:id: MP-BUURTAVOND
:hoort_bij: PRJ-WIJK
:datum: 2024-04-15
:status: gepland
```
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    """The view test root with an authors' section and a non-SMART criterion: output folder and env."""
    srcdir = tmp_path_factory.mktemp("item-pages") / "src"
    shutil.copytree(ROOTS / "test-views", srcdir)
    (srcdir / "docs" / "gids.md").write_text(GUIDE, encoding="utf-8")
    index = srcdir / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + AUTHORS_TOCTREE, encoding="utf-8")
    items = srcdir / "needs" / "items.md"
    items.write_text(items.read_text(encoding="utf-8") + NOT_SMART, encoding="utf-8")
    app = SphinxTestApp("html", srcdir=srcdir, status=StringIO(), warning=StringIO())
    try:
        app.build()
    finally:
        app.cleanup()
    assert warnings_of(app) == []
    return Path(app.outdir), app.env


def page(site: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((site / name).read_text(encoding="utf-8"), "html.parser")


def needs_on(site: Path, docname: str) -> list[dict[str, Any]]:
    data = json.loads((site / "needs.json").read_text(encoding="utf-8"))
    needs = data["versions"][data["current_version"]]["needs"].values()
    return [need for need in needs if need["docname"] == docname]


def test_every_item_is_a_heading_below_its_section_with_its_id_as_a_label(built):
    site, _env = built
    soup = page(site, "needs/items.html")
    items = needs_on(site, "needs/items")
    main = soup.find(attrs={"role": "main"})
    # The page's own title is h1; the items sit directly under it.
    headings = [(h.name, h.get_text(strip=True).removesuffix("¶")) for h in main.find_all("h2")]
    assert sorted(title for _level, title in headings) == sorted(need["title"] for need in items)
    assert main.find("table", class_="need") is None  # the card is no layout table
    card = soup.find(id="SD-CRISIS")
    assert card.name == "section"
    assert card.h2.get_text(strip=True).removesuffix("¶") == 'Crisis "snel" & <b>goed</b> [1] #1; klaar'
    assert card.h2.find("a", class_="headerlink")["href"] == "#SD-CRISIS"
    # The ID follows the title as a small label, with the type; it does not lead the heading.
    assert card.h2.find_next_sibling("p")["class"] == ["pt-item-label"]
    assert card.select_one(".pt-item-label").get_text(" ", strip=True) == "Strategisch doel SD-CRISIS"
    assert "SD-CRISIS" not in card.h2.get_text()


def test_the_sub_headings_of_an_item_are_headings_one_level_below_it(built):
    site, _env = built
    soup = page(site, "needs/items.html")
    details = soup.find(id="PRJ-WIJK").find_next_sibling(class_="pt-item-details")
    sub = [(h.name, h.get_text()) for h in details.find_all(["h2", "h3", "h4", "h5", "h6"])]
    assert sub == [
        ("h3", "Wanneer zijn we tevreden?"),
        ("h3", "Projectplan (elementen a\u2013e)"),
        ("h3", "Mijlpalen"),
    ]
    assert details.find("p", class_="rubric") is None


def test_an_unset_smart_claims_nothing_and_a_set_one_is_shown(built):
    site, _env = built
    soup = page(site, "needs/items.html")

    def labels(item_id: str) -> list[str]:
        box = soup.find(id=item_id).find_next_sibling(class_="pt-item-details")
        return [dt.get_text(strip=True).removesuffix(":") for dt in box.select("dl.pt-fields > dt")]

    # CR-BRANDEN leaves smart unset: it still counts as SMART for PT203, but the page claims nothing.
    assert "SMART" not in labels("CR-BRANDEN")
    assert "SMART" in labels("CR-WETEN")
    box = soup.find(id="CR-WETEN").find_next_sibling(class_="pt-item-details")
    smart = next(dt for dt in box.select("dl.pt-fields > dt") if dt.get_text(strip=True) == "SMART:")
    assert smart.find_next_sibling("dd").get_text(strip=True) == "nee"


def test_the_authors_pages_are_the_ones_under_their_own_caption(built):
    site, env = built
    assert sections.author_pages(env) == frozenset({"docs/gids"})
    captions = [c.get_text(strip=True) for c in page(site, "index.html").select("article .caption-text")]
    assert captions[-1] == sections.AUTHOR_CAPTION
    # Set apart from the readers' pages, in the menu of every page and on the home page.
    for name, where in (("docs/tevreden.html", ".sidebar-tree"), ("index.html", "article")):
        marked = [c.get_text(strip=True) for c in page(site, name).select(f"{where} .caption.pt-authors")]
        assert marked == [sections.AUTHOR_CAPTION], name


def test_search_does_not_offer_an_example_item_as_an_item(built):
    site, _env = built
    # The example is on the page for anyone reading it …
    assert "Zeppelinonderhoud in de regio" in page(site, "docs/gids.html").get_text()
    raw = (site / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(raw[raw.index("(") + 1 : raw.rindex(")")])
    stem = snowballstemmer.stemmer("dutch").stemWord
    # … but a search for its words finds no page: it is no item of the programme.
    for word in ("zeppelinonderhoud", "in-zeppelin", "zeppelin"):
        for kind in ("terms", "titleterms"):
            assert stem(word) not in index[kind], (word, kind)
    # The page's own prose is still found.
    assert "docs/gids" in [index["docnames"][i] for i in _hits(index, stem("voorbeeld"))]


def test_search_offers_each_item_by_its_title_leading_to_the_item(built):
    site, _env = built
    raw = (site / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(raw[raw.index("(") + 1 : raw.rindex(")")])
    page_of = index["docnames"].index("needs/items")
    # Sphinx's search lists a heading's title as a result of its own, linked to its anchor.
    for need in needs_on(site, "needs/items"):
        assert [page_of, need["id"]] in index["alltitles"][need["title"]], need["id"]


def _hits(index: dict[str, Any], word: str) -> list[int]:
    found = index["terms"].get(word, [])
    return [found] if isinstance(found, int) else found


def test_the_site_menu_is_a_navigation_landmark_with_a_search_button(built):
    site, _env = built
    soup = page(site, "needs/items.html")
    menu = soup.find(id="site-navigation-drawer")
    assert menu.name == "nav" and menu["aria-label"] == "Sitemenu"
    form = menu.find("form", attrs={"role": "search"})
    button = form.find("button")
    assert button["type"] == "submit" and button.get_text(strip=True) == "Zoek"


def test_the_footer_offers_the_previous_page_before_the_next(built):
    site, _env = built
    soup = page(site, "docs/tevreden.html")
    links = [a["class"][0] for a in soup.select("footer nav.related-pages a")]
    assert links == ["prev-page", "next-page"]


def test_the_planning_tells_an_overdue_milestone_from_a_planned_one_and_has_a_legend(built):
    site, _env = built
    chart = page(site, "docs/planning.html").select_one(".pt-planning .pt-tijdlijn")
    labels = {m.a["href"].rpartition("#")[2]: m.get_text() for m in chart.select(".pt-mijlpaal")}
    # The peildatum is 1 June 2024: MP-BUURTAVOND (15 April, gepland) is overdue, MP-EERSTE (September) ahead.
    assert labels["MP-BUURTAVOND"] == "Buurtavond gehouden (15 april 2024, gepland, datum voorbij)"
    assert labels["MP-EERSTE"] == "Eerste wijk bezocht (1 september 2024)"
    markers = {
        m.find_next_sibling(class_="pt-mijlpaal").a["href"].rpartition("#")[2]: m["class"]
        for m in chart.select(".pt-ruit")
    }
    assert markers["MP-BUURTAVOND"] == ["pt-ruit", "pt-over-datum"]
    assert markers["MP-EERSTE"] == ["pt-ruit", "pt-gepland"]
    legend = [li.get_text(strip=True) for li in chart.select(".pt-tijdlijn-legenda li")]
    assert legend == [
        "gepland",
        "gepland, maar de datum ligt voor de peildatum",
        "behaald",
        "de peildatum",
    ]


def test_a_milestone_label_never_reaches_across_the_peildatum_line(built):
    site, _env = built
    chart = page(site, "docs/planning.html").select_one(".pt-planning .pt-tijdlijn")
    line = _percent(chart.select_one(".pt-as .pt-peildatum-lijn")["style"].removeprefix("left: "))
    placed = 0
    for label in chart.select(".pt-mijlpaal"):
        style = dict(part.split(": ", 1) for part in label["style"].split("; "))
        room = _percent(style["max-width"])
        if "margin-right" in style:  # ends at its right margin, reaches back at most its room
            high = 100 - _percent(style["margin-right"])
            low = high - room
        else:
            low = _percent(style["margin-left"])
            high = low + room
        # The row's share the label may take lies wholly on one side of the line.
        assert not low < line < high, (label.get_text(), low, high, line)
        placed += 1
    assert placed == 3


def _percent(css: str) -> float:
    """The percentage in ``12.5%`` or ``calc(12.5% + 0.9em)``."""
    return float(css.removeprefix("calc(").split("%")[0])
