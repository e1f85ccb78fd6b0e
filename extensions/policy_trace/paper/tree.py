"""The doelenboom as a static SVG for the board's PDF: Mermaid needs a browser, WeasyPrint does not run one.

A left-to-right tree with a column per level of the doelenboom (hoofddoel,
strategic goals, efforts, projects), every item once, a line from each item
to each item it serves. Labels are wrapped with the advance widths of the
font the PDF embeds (read with fontTools, which WeasyPrint itself depends
on), so no label runs out of its box.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path

from .. import model
from ..items import Item, Programme
from ..views.context import type_title
from ..views.doelenboom import GROUPED_TYPE, TREE_TYPES, parents, tree_items
from ..views.mermaid import readable_fill
from . import fonts

FONT_SIZE = 8.0
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
    return [boxes[item.id] for item in items]


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
