"""The doelenboom as a static SVG for the board's PDF: Mermaid needs a browser, WeasyPrint does not run one.

Left-to-right trees with a column per level of the doelenboom (hoofddoel,
strategic goals, efforts, projects), a line from each item to each item it
serves, split into parts as the site splits its diagrams (the levels above
the efforts, then each group of efforts with the goals they serve and their
projects), each printed at 100 % so its labels are 8 pt on paper. Labels
are wrapped with the advance widths of the font the PDF embeds (read with
fontTools, which WeasyPrint itself depends on), so no label runs out of its
box.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from html import escape
from pathlib import Path

from .. import model
from ..items import Item, Programme
from ..views.context import type_title
from ..views.doelenboom import GROUPED_TYPE, TREE_TYPES, TreePart, parents, tree_items, tree_parts
from ..views.mermaid import readable_fill
from . import fonts

#: The labels' size in points: the pictures are printed at 100 %, so this is their size on paper.
FONT_SIZE = 8.0
#: The tallest picture, in points: a landscape A4 page (168 mm high inside its margins) less the
#: heading and the caption.
MAX_HEIGHT = 400.0
LINE_HEIGHT = 1.25
BOX_WIDTH = 150.0
PADDING = 5.0
COLUMN_GAP = 34.0
ROW_GAP = 6.0
#: Extra space between efforts that serve different goals.
GROUP_GAP = 14.0


@dataclass(frozen=True)
class Box:
    """One item's box: where it is and its lines of text (the first names the type)."""

    item: Item
    x: float
    y: float
    lines: tuple[str, ...]

    @property
    def height(self) -> float:
        return len(self.lines) * FONT_SIZE * LINE_HEIGHT + 2 * PADDING

    @property
    def middle(self) -> float:
        return self.y + self.height / 2


def wrap(text: str, width: float, font: Path, size: float = FONT_SIZE) -> list[str]:
    """``text`` in lines no wider than ``width`` points; a longer word is split after a slash or hyphen."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        pieces = _pieces(word, width, font, size)
        for index, piece in enumerate(pieces):
            candidate = f"{current} {piece}" if current and index == 0 else current + piece
            if not current or fonts.text_width(candidate, font, size) <= width:
                current = candidate
            else:
                lines.append(current)
                current = piece
    if current:
        lines.append(current)
    return lines


def _pieces(word: str, width: float, font: Path, size: float) -> list[str]:
    if fonts.text_width(word, font, size) <= width:
        return [word]
    pieces: list[str] = []
    current = ""
    for char in word:
        if current and fonts.text_width(current + char, font, size) > width:
            pieces.append(current)
            current = ""
        current += char
        if char in "/-" and fonts.text_width(current, font, size) > width / 3:
            pieces.append(current)
            current = ""
    if current:
        pieces.append(current)
    return pieces


def _label(item: Item, font: Path, bold: Path) -> tuple[str, ...]:
    heading = wrap(type_title(item.type), BOX_WIDTH - 2 * PADDING, bold)
    return (*heading, *wrap(item.title or item.id, BOX_WIDTH - 2 * PADDING, font))


def layout(programme: Programme) -> list[Box]:
    """Every item of the doelenboom once, in a column per level, children beside their parents."""
    font, bold = fonts.regular(), fonts.bold()
    items = tree_items(programme)
    by_level: list[list[Item]] = [[i for i in items if i.type == name] for name in TREE_TYPES]
    # Order each level by the position of what it serves (efforts grouped by their goals).
    order: dict[str, float] = {}
    for level, members in enumerate(by_level):
        keys = {
            item.id: tuple(sorted(order[p.id] for p in parents(programme, item) if p.id in order))
            or (float("inf"),)
            for item in members
        }
        members.sort(key=lambda i: (keys[i.id], i.id))
        for index, item in enumerate(members):
            order[item.id] = index + 1000.0 * level

    grouped = TREE_TYPES.index(GROUPED_TYPE)
    boxes: dict[str, Box] = {}
    # The widest column (the efforts) is stacked first; the levels above sit beside the middle
    # of what serves them, the levels below beside the middle of what they serve.
    tallest = max(range(len(by_level)), key=lambda n: (len(by_level[n]), n == grouped))
    y = 0.0
    previous_key: tuple[str, ...] | None = None
    for item in by_level[tallest]:
        served = tuple(sorted(p.id for p in parents(programme, item)))
        if previous_key is not None and served != previous_key:
            y += GROUP_GAP
        previous_key = served
        box = Box(item, tallest * (BOX_WIDTH + COLUMN_GAP), y, _label(item, font, bold))
        boxes[item.id] = box
        y = box.y + box.height + ROW_GAP

    def place(level: int, anchors: dict[str, list[float]]) -> None:
        floor = 0.0
        for item in by_level[level]:
            lines = _label(item, font, bold)
            height = len(lines) * FONT_SIZE * LINE_HEIGHT + 2 * PADDING
            wanted = anchors.get(item.id)
            top = (sum(wanted) / len(wanted) - height / 2) if wanted else floor
            top = max(top, floor)
            boxes[item.id] = Box(item, level * (BOX_WIDTH + COLUMN_GAP), top, lines)
            floor = top + height + ROW_GAP

    for level in range(tallest - 1, -1, -1):
        anchors: dict[str, list[float]] = {}
        for child in by_level[level + 1]:
            for parent in parents(programme, child):
                if child.id in boxes:
                    anchors.setdefault(parent.id, []).append(boxes[child.id].middle)
        place(level, anchors)
    for level in range(tallest + 1, len(by_level)):
        anchors = {
            item.id: [boxes[p.id].middle for p in parents(programme, item) if p.id in boxes]
            for item in by_level[level]
        }
        place(level, {key: value for key, value in anchors.items() if value})
    # Levels a part does not show (a group of efforts has no hoofddoel) leave no empty column.
    left = min((box.x for box in boxes.values()), default=0.0)
    return [replace(boxes[item.id], x=boxes[item.id].x - left) for item in items]


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
    by_id = {box.item.id: box for box in boxes}
    width = max(box.x for box in boxes) + BOX_WIDTH
    height = max(box.y + box.height for box in boxes)
    family = escape(fonts.FAMILY)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.1f}pt" height="{height:.1f}pt" '
        f'viewBox="0 0 {width:.1f} {height:.1f}" font-family="{family}" font-size="{FONT_SIZE}">'
    ]
    for box in boxes:
        for parent in parents(programme, box.item):
            if parent.id not in by_id:
                continue
            start = by_id[parent.id]
            x1, y1 = start.x + BOX_WIDTH, start.middle
            x2, y2 = box.x, box.middle
            bend = (x2 - x1) / 2
            out.append(
                f'<path d="M {x1:.1f} {y1:.1f} C {x1 + bend:.1f} {y1:.1f} {x2 - bend:.1f} {y2:.1f} '
                f'{x2:.1f} {y2:.1f}" fill="none" stroke="#555555" stroke-width="0.6"/>'
            )
    for box in boxes:
        fill = readable_fill(model.TYPES_BY_NAME[box.item.type].color)
        out.append(
            f'<rect x="{box.x:.1f}" y="{box.y:.1f}" width="{BOX_WIDTH:.1f}" height="{box.height:.1f}" '
            f'rx="2" fill="{fill}"/>'
        )
        heading = len(wrap(type_title(box.item.type), BOX_WIDTH - 2 * PADDING, fonts.bold()))
        for index, line in enumerate(box.lines):
            baseline = box.y + PADDING + (index + 0.8) * FONT_SIZE * LINE_HEIGHT
            weight = ' font-weight="bold"' if index < heading else ""
            position = f'x="{box.x + PADDING:.1f}" y="{baseline:.1f}"'
            out.append(f'<text {position} fill="#ffffff"{weight}>{escape(line)}</text>')
    out.append("</svg>")
    return "\n".join(out)
