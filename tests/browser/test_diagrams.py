"""The agenda's pictures as a reader sees them at 1280 px: they fit their column and no label is cut."""

from __future__ import annotations

from pathlib import Path

from .pages import SiteBrowser, needs_by_type

#: Per diagram of the doelenboom: its scroll region's widths, and per box its text and whether
#: that text is clipped (wider or taller than its label box, the label box outside its shape,
#: or an ellipsis).
_DOELENBOOM_JS = """() => [...document.querySelectorAll('.pt-doelenboom .pt-scroll')].map(region => {
  const svg = region.querySelector('pre.mermaid svg');
  const boxes = [...svg.querySelectorAll('g.node, g.cluster')].map(node => {
    const shape = node.querySelector('rect, polygon, path').getBoundingClientRect();
    const label = node.querySelector('foreignObject');
    if (!label) return {text: '', cut: false};
    const frame = label.getBoundingClientRect();
    const inner = label.firstElementChild;
    const text = inner.getBoundingClientRect();
    const cut = text.width > frame.width + 1 || text.height > frame.height + 1
      || inner.scrollWidth > inner.clientWidth + 1 || inner.scrollHeight > inner.clientHeight + 1
      || frame.left < shape.left - 1 || frame.right > shape.right + 1
      || frame.top < shape.top - 1 || frame.bottom > shape.bottom + 1
      || inner.textContent.includes('\u2026');
    return {text: inner.textContent.replace(/\u200b/g, '').trim(), cut};
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
    # Every item of the tree is drawn with its whole title.
    shown = {box["text"] for diagram in diagrams for box in diagram["boxes"]}
    for type_name, prefix in (
        ("hoofddoel", "Hoofddoel: "),
        ("doel", "Strategisch doel: "),
        ("inspanning", ""),
        ("project", "Project: "),
    ):
        for need in needs_by_type(site)[type_name]:
            assert prefix + " ".join(need["title"].split()) in shown, need["id"]
