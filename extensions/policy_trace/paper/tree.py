"""The doelenboom as a static SVG for the board's PDF: Mermaid needs a browser, WeasyPrint does not run one.

Left-to-right trees with a column per level of the doelenboom (hoofddoel,
strategic goals, efforts, projects), a line from each item to each item it
serves, split into parts as the site splits its diagrams (the levels above
the efforts, then each group of efforts with the goals they serve and their
projects), each printed at 100 % so its labels are 8 pt on paper. Drawn
by ``views/treesvg.py``, as the site draws its doelenboom. Labels
are wrapped with the advance widths of the font the PDF embeds (read with
fontTools, which WeasyPrint itself depends on), so no label runs out of its
box.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path

from .. import model
from ..items import Item, Programme
from ..views import treesvg
from ..views.context import type_title
from ..views.doelenboom import GROUPED_TYPE, TREE_TYPES, TreePart, parents, tree_items, tree_parts
from ..views.mermaid import readable_fill
from . import fonts

#: The labels' size in points: the pictures are printed at 100 %, so this is their size on paper.
FONT_SIZE = 8.0
#: The tallest picture, in points: a landscape A4 page (168 mm high inside its margins) less the
#: heading and the caption.
MAX_HEIGHT = 400.0
BOX_WIDTH = 150.0
PADDING = 5.0
Box = treesvg.Box


def _measure(text: str, bold: bool, size: float) -> float:
    return fonts.text_width(text, fonts.bold() if bold else fonts.regular(), size)


#: The paper's sizes, in points; the site draws with the same layout at its own sizes.
STYLE = treesvg.Style(
    font_size=FONT_SIZE, box_width=BOX_WIDTH, padding=PADDING,
    column_gap=34.0, row_gap=6.0, group_gap=14.0, measure=_measure,
)


def wrap(text: str, width: float, font: Path, size: float = FONT_SIZE) -> list[str]:
    """``text`` in lines no wider than ``width`` points; a longer word is split after a slash or hyphen."""
    return treesvg.wrap(text, width, lambda part: fonts.text_width(part, font, size))


def _labels(item: treesvg.Node) -> tuple[str, str]:
    return type_title(item.type), item.title or item.id


def layout(programme: Programme) -> list[Box]:
    """Every item of the doelenboom once, in a column per level, children beside their parents."""
    fonts.regular(), fonts.bold()  # a missing font is said before any drawing
    items = tree_items(programme)
    if not items:
        return []
    return treesvg.layout(programme, items, TREE_TYPES, parents, _labels, STYLE, GROUPED_TYPE)


@dataclass(frozen=True)
class Figure:
    """One picture of the doelenboom: its caption, its SVG and its size in points (drawn at 100 %)."""

    caption: str
    svg: str
    width: float
    height: float


def _size(programme: Programme) -> tuple[float, float]:
    boxes = layout(programme)
    if not boxes:
        return 0.0, 0.0
    return max(b.x for b in boxes) + BOX_WIDTH, max(b.y + b.height for b in boxes)


def _chunks(programme: Programme, part: TreePart, max_height: float) -> list[list[Item]]:
    """The part's items in as few pictures as keep each no taller than ``max_height`` points."""
    efforts = [item for item in part.items if item.type == GROUPED_TYPE]
    if not efforts:
        return [list(part.items)]
    chunks: list[list[Item]] = []
    current: list[Item] = []
    for effort in efforts:
        own = [effort, *(i for i in part.items if i.type != GROUPED_TYPE and _serves(programme, i, effort))]
        trial = current + [i for i in own if i not in current]
        if current and _size(Programme.from_items([*part.goals, *trial]))[1] > max_height:
            chunks.append(current)
            trial = own
        current = trial
    chunks.append(current)
    return chunks


def _serves(programme: Programme, item: Item, top: Item) -> bool:
    """Whether ``item`` serves ``top``, directly or through items between them."""
    seen: set[str] = set()
    level = parents(programme, item)
    while level:
        if any(p.id == top.id for p in level):
            return True
        seen.update(p.id for p in level)
        level = [q for p in level for q in parents(programme, p) if q.id not in seen]
    return False


def figures(programme: Programme, max_height: float = MAX_HEIGHT) -> list[Figure]:
    """The doelenboom as pictures, split as the site splits it (:func:`views.doelenboom.tree_parts`).

    Drawn at their own size, never scaled down, so the labels stay :data:`FONT_SIZE` points in print;
    a group too tall for one page is drawn in several pictures.
    """
    found = []
    for part in tree_parts(programme):
        chunks = _chunks(programme, part, max_height)
        for index, items in enumerate(chunks):
            shown = Programme.from_items([*part.goals, *items])
            caption = part.caption if len(chunks) == 1 else f"{part.caption} ({index + 1} van {len(chunks)})"
            width, height = _size(shown)
            found.append(Figure(caption, svg(shown), width, height))
    return found


def svg(programme: Programme) -> str:
    """The doelenboom as an SVG document (text in the embedded font, white on the type's colour)."""
    boxes = layout(programme)
    if not boxes:
        return ""
    width, height = treesvg.size(boxes)
    family = escape(fonts.FAMILY)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.1f}pt" height="{height:.1f}pt" '
        f'viewBox="0 0 {width:.1f} {height:.1f}" font-family="{family}" font-size="{FONT_SIZE}">'
    ]
    out += treesvg.lines(programme, boxes, parents, "#555555", 0.6)
    for box in boxes:
        out += treesvg.box_shapes(box, readable_fill(model.TYPES_BY_NAME[box.item.type].color))
    out.append("</svg>")
    return "\n".join(out)
