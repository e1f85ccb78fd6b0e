"""The agenda's pictures as a reader sees them at 1280 px: they fit their column and no label is cut."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .pages import SiteBrowser, needs_by_type

#: Per drawing of the doelenboom: its scroll region's widths, and per box its text and whether
#: any line of that text reaches outside its box (as the browser draws it, in whichever font it has).
_DOELENBOOM_JS = """() => [...document.querySelectorAll('.pt-doelenboom .pt-scroll')].map(region => {
  const svg = region.querySelector('svg.pt-boom');
  const boxes = [...svg.querySelectorAll('a')].map(link => {
    const shape = link.querySelector('rect').getBoundingClientRect();
    const texts = [...link.querySelectorAll('text')];
    const cut = texts.some(text => {
      const r = text.getBoundingClientRect();
      return r.left < shape.left - 0.5 || r.right > shape.right + 0.5
        || r.top < shape.top - 0.5 || r.bottom > shape.bottom + 0.5;
    });
    return {text: texts.map(t => t.textContent).join(' '), cut};
  });
  return {
    name: region.getAttribute('aria-label'),
    region: region.clientWidth, scroll: region.scrollWidth,
    svg: svg.getBoundingClientRect().width, boxes,
  };
})"""


def test_the_doelenboom_fits_its_column_at_1280_px_with_every_label_whole(
    site: Path, site_browser: SiteBrowser
) -> None:
    site_browser.open("index.html")
    diagrams = site_browser.page.evaluate(_DOELENBOOM_JS)
    assert diagrams, "de startpagina toont geen doelenboom"
    for diagram in diagrams:
        assert diagram["svg"] <= diagram["region"] + 0.5, diagram["name"]
        assert diagram["scroll"] <= diagram["region"], f"{diagram['name']} schuift opzij"
        cut = [box["text"] for box in diagram["boxes"] if box["cut"]]
        assert cut == [], f"{diagram['name']}: afgesneden labels"
    # Every item of the tree is drawn with its whole title (the efforts without a heading:
    # their caption names them).
    shown = {box["text"].replace("/ ", "/") for diagram in diagrams for box in diagram["boxes"]}
    for type_name, prefix in (
        ("hoofddoel", "Hoofddoel "),
        ("doel", "Strategisch doel "),
        ("inspanning", ""),
        ("project", "Project "),
    ):
        for need in needs_by_type(site)[type_name]:
            assert prefix + " ".join(need["title"].split()) in shown, need["id"]


#: The planning's timeline: its widths, each label's box and the chart's box.
_PLANNING_JS = """() => {
  const chart = document.querySelector('.pt-planning .pt-tijdlijn');
  const box = el => { const r = el.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
  const named = '.pt-tick, .pt-peildatum-label, .pt-mijlpaal, .pt-tijdlijn-project';
  const labels = [...chart.querySelectorAll(named)]
    .map(el => ({text: el.textContent, box: box(el), clipped: el.scrollWidth > el.clientWidth + 1}));
  return {chart: box(chart), client: chart.clientWidth, scroll: chart.scrollWidth,
          column: chart.parentElement.clientWidth, labels,
          begin: chart.dataset.begin, end: chart.dataset.eind};
}"""


def _overlap(a: list[float], b: list[float]) -> bool:
    return a[0] < b[2] - 0.5 and b[0] < a[2] - 0.5 and a[1] < b[3] - 0.5 and b[1] < a[3] - 0.5


@pytest.mark.parametrize("width", [1280, 375])
def test_the_planning_spans_the_period_with_every_label_whole(
    width: int, browser: Any, base_url: str
) -> None:
    opened = SiteBrowser(browser, base_url, width=width)
    try:
        opened.open("docs/planning.html")
        found = opened.page.evaluate(_PLANNING_JS)
    finally:
        opened.close()
    assert (found["begin"], found["end"]) == ("2014-09-26", "2016-09-25")  # conf.py's policy_trace_period
    assert found["scroll"] <= found["client"] <= found["column"]
    texts = [label["text"] for label in found["labels"]]
    assert "26 september 2014" in texts and "25 september 2016" in texts
    assert "Peildatum 26 september 2014" in texts
    left, top, right, bottom = found["chart"]
    for label in found["labels"]:
        x1, y1, x2, y2 = label["box"]
        assert left - 0.5 <= x1 and x2 <= right + 0.5 and top - 0.5 <= y1 and y2 <= bottom + 0.5, label
        assert not label["clipped"], label
    for index, label in enumerate(found["labels"]):
        for other in found["labels"][index + 1 :]:
            assert not _overlap(label["box"], other["box"]), (label["text"], other["text"])
