"""A tree of item boxes as static SVG, left to right, a column per level (the site's and the paper's).

Drawn when the page (or the PDF) is written, so a reader needs no script to
see it: the site's doelenboom costs no Mermaid, and a page without JavaScript
shows the picture, not its source. Labels are wrapped with the advance widths
of DejaVu Sans (the paper's font, and among the widest of the sans-serif
fonts a browser may use instead), so no label runs out of its box. The site
uses the widths built in below, so its pages are the same on every build
machine whether or not that font is installed; the paper reads them from the
font file it embeds.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any, Protocol

from ..items import Programme


class Node(Protocol):
    """What a box shows: an item, or an item of a coupled programme."""

    @property
    def id(self) -> str: ...

    @property
    def type(self) -> str: ...

    @property
    def title(self) -> str: ...


#: A text's width at a size, in the units of the drawing: (text, bold, size) -> width.
Measure = Callable[[str, bool, float], float]
#: The nodes one level up that a node serves.
Parents = Callable[[Programme, Any], Sequence[Node]]

# DejaVu Sans advance widths of the printable ASCII characters (space to ~), in thousandths of an em.
_REGULAR = (
    "318,401,460,838,636,950,780,275,390,390,500,838,318,361,318,337,636,636,636,636,636,636,636,636,636,"
    "636,337,337,838,838,838,531,1000,684,686,698,770,632,575,775,752,295,295,656,557,863,748,787,603,787,"
    "695,635,611,732,684,989,685,611,685,390,337,390,838,500,500,613,635,550,635,615,352,635,634,278,278,"
    "579,278,974,634,612,635,635,411,521,392,634,592,818,592,592,525,636,337,636,838"
)
_BOLD = (
    "348,456,521,838,696,1002,872,306,457,457,523,838,380,415,380,365,696,696,696,696,696,696,696,696,696,"
    "696,400,400,838,838,838,580,1000,774,762,734,830,683,683,821,837,372,372,775,637,995,837,850,733,850,"
    "770,720,682,812,774,1103,771,724,725,457,365,457,838,500,500,675,716,593,716,678,435,716,712,343,343,"
    "665,343,1042,712,687,716,716,493,595,478,712,652,924,645,652,582,712,365,712,838"
)
_WIDTHS = {
    False: {chr(32 + i): int(w) / 1000 for i, w in enumerate(_REGULAR.split(","))},
    True: {chr(32 + i): int(w) / 1000 for i, w in enumerate(_BOLD.split(","))},
}
#: A character outside ASCII that is no accented letter: counted as wide as an M, never narrower.
_WIDE = {False: 0.863, True: 0.995}


def builtin_width(text: str, bold: bool, size: float) -> float:
    """``text``'s width at ``size`` in DejaVu Sans (bold or not); an accented letter as its base letter."""
    widths, total = _WIDTHS[bold], 0.0
    for char in text:
        width = widths.get(char)
        if width is None:  # not printable ASCII: a zero-width space, an accented letter, or wide
            if char == "\u200b":
                continue
            width = widths.get(unicodedata.normalize("NFD", char)[0], _WIDE[bold])
        total += width
    return total * size


@dataclass(frozen=True)
class Style:
    """The sizes of a drawing (in its unit) and how it measures text."""

    font_size: float
    box_width: float
    padding: float
    column_gap: float
    row_gap: float
    #: Extra space between items that serve different items.
    group_gap: float
    measure: Measure
    line_height: float = 1.25

    @property
    def text_width(self) -> float:
        return self.box_width - 2 * self.padding


@dataclass(frozen=True)
class Box:
    """One item's box: where it is and its lines of text (the first ``heading`` lines name the type)."""

    item: Node
    x: float
    y: float
    lines: tuple[str, ...]
    heading: int
    style: Style

    @property
    def height(self) -> float:
        return len(self.lines) * self.style.font_size * self.style.line_height + 2 * self.style.padding

    @property
    def middle(self) -> float:
        return self.y + self.height / 2


def wrap(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """``text`` in lines no wider than ``width``; a longer word is split after a slash or hyphen."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        pieces = _pieces(word, width, measure)
        for index, piece in enumerate(pieces):
            candidate = f"{current} {piece}" if current and index == 0 else current + piece
            if not current or measure(candidate) <= width:
                current = candidate
            else:
                lines.append(current)
                current = piece
    if current:
        lines.append(current)
    return lines


def _pieces(word: str, width: float, measure: Callable[[str], float]) -> list[str]:
    if measure(word) <= width:
        return [word]
    pieces: list[str] = []
    current = ""
    for char in word:
        if current and measure(current + char) > width:
            pieces.append(current)
            current = ""
        current += char
        if char in "/-" and measure(current) > width / 3:
            pieces.append(current)
            current = ""
    if current:
        pieces.append(current)
    return pieces


def label(heading: str, title: str, style: Style) -> tuple[tuple[str, ...], int]:
    """A box's lines: the heading in bold (if any), then the title; and how many lines the heading takes."""
    def bold(text: str) -> float:
        return style.measure(text, True, style.font_size)

    def regular(text: str) -> float:
        return style.measure(text, False, style.font_size)

    top = wrap(heading, style.text_width, bold) if heading else []
    return (*top, *wrap(title, style.text_width, regular)), len(top)


def layout(
    programme: Programme,
    items: Sequence[Node],
    levels: Sequence[str],
    parents: Parents,
    labels: Callable[[Any], tuple[str, str]],
    style: Style,
    grouped: str = "",
) -> list[Box]:
    """Every item once, in a column per level present, beside what it serves or what serves it.

    ``labels`` gives an item's heading and title; ``grouped`` is the level
    whose items are stacked first when it is the tallest (their groups apart).
    """
    present = [name for name in levels if any(item.type == name for item in items)]
    by_level: list[list[Node]] = [[i for i in items if i.type == name] for name in present]
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

    def make(item: Node, level: int, top: float) -> Box:
        lines, heading = label(*labels(item), style)
        return Box(item, level * (style.box_width + style.column_gap), top, lines, heading, style)

    boxes: dict[str, Box] = {}
    # The widest column is stacked first; the levels before it sit beside the middle
    # of what serves them, the levels after it beside the middle of what they serve.
    tallest = max(range(len(by_level)), key=lambda n: (len(by_level[n]), present[n] == grouped))
    y = 0.0
    previous_key: tuple[str, ...] | None = None
    for item in by_level[tallest]:
        served = tuple(sorted(p.id for p in parents(programme, item)))
        if previous_key is not None and served != previous_key:
            y += style.group_gap
        previous_key = served
        box = make(item, tallest, y)
        boxes[item.id] = box
        y = box.y + box.height + style.row_gap

    def place(level: int, anchors: dict[str, list[float]]) -> None:
        floor = 0.0
        for item in by_level[level]:
            probe = make(item, level, 0.0)
            wanted = anchors.get(item.id)
            top = (sum(wanted) / len(wanted) - probe.height / 2) if wanted else floor
            top = max(top, floor)
            boxes[item.id] = make(item, level, top)
            floor = top + probe.height + style.row_gap

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
    return [boxes[item.id] for item in items if item.id in boxes]


def size(boxes: Sequence[Box]) -> tuple[float, float]:
    """The drawing's width and height."""
    return (
        max(box.x + box.style.box_width for box in boxes),
        max(box.y + box.height for box in boxes),
    )


def lines(
    programme: Programme, boxes: Sequence[Box], parents: Parents, stroke: str, width: float
) -> list[str]:
    """A curve from each box to each box it serves, as SVG paths."""
    by_id = {box.item.id: box for box in boxes}
    out = []
    for box in boxes:
        for parent in parents(programme, box.item):
            if parent.id not in by_id:
                continue
            start = by_id[parent.id]
            x1, y1 = start.x + start.style.box_width, start.middle
            x2, y2 = box.x, box.middle
            bend = (x2 - x1) / 2
            out.append(
                f'<path d="M {x1:.1f} {y1:.1f} C {x1 + bend:.1f} {y1:.1f} {x2 - bend:.1f} {y2:.1f} '
                f'{x2:.1f} {y2:.1f}" fill="none" stroke="{stroke}" stroke-width="{width}"/>'
            )
    return out


def box_shapes(box: Box, fill: str) -> list[str]:
    """The box's rectangle and its lines of text, white on ``fill`` (the heading bold)."""
    style = box.style
    out = [
        f'<rect x="{box.x:.1f}" y="{box.y:.1f}" width="{style.box_width:.1f}" height="{box.height:.1f}" '
        f'rx="2" fill="{fill}"/>'
    ]
    for index, line in enumerate(box.lines):
        baseline = box.y + style.padding + (index + 0.8) * style.font_size * style.line_height
        weight = ' font-weight="bold"' if index < box.heading else ""
        position = f'x="{box.x + style.padding:.1f}" y="{baseline:.1f}"'
        out.append(f'<text {position} fill="#ffffff"{weight}>{escape(line.replace(chr(0x200B), ""))}</text>')
    return out
