"""The doelenboom: hoofddoel, strategic goals, efforts and projects as static SVG drawings.

Drawn as one tree, four levels side by side are wider than the page's column
(the agenda's tree was 1,020 px in a 736 px column). So it is drawn per group
of efforts, each three levels wide: one small drawing of the hoofddoel and
its goals, then per group of efforts (by the goals they serve) a drawing of
those goals, the efforts and their projects, under a caption that names the
group in HTML text (which wraps and is never cut). The drawings are SVG
written with the page by ``treesvg`` (as the paper draws its tree): the start
page loads no Mermaid, and without JavaScript a reader still sees the tree.
Every box is a link; after the drawings the same tree is a nested list of
links (for screen readers and print).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from html import escape

from docutils import nodes

from .. import model
from ..items import Item, Programme
from . import gekoppeld, mermaid, treesvg, wijzigingen
from .context import ViewContext, type_plural, type_title
from .htmltable import raw as raw_html
from .placeholders import ViewDirective
from .words import join_words

#: The levels the doelenboom shows, top down; which links join them comes from the model too.
TREE_TYPES: tuple[str, ...] = model.TREE_LEVELS
#: The level drawn in groups, by the goals its items serve.
GROUPED_TYPE = "inspanning"
#: The class and colour of a box for an item of a coupled programme, drawn outside the tree.
OUTSIDE_CLASS = "extern"
OUTSIDE_COLOR = "#5b5b5b"
#: The caption of the diagram and list of what the tree contributes to coupled programmes.
OUTSIDE_CAPTION = "Bijdragen aan andere programma's"


class DoelenboomDirective(ViewDirective):
    """``{doelenboom}``: the goal tree of the whole programme."""

    view = "doelenboom"


def parents(programme: Programme, item: Item) -> list[Item]:
    """The items one level up the tree that ``item`` serves (in the order the author gave)."""
    found: dict[str, Item] = {}
    for link in model.links_from(item.type):
        if not link.chain:
            continue
        for target in programme.outgoing(item, link.name):
            if target.type in TREE_TYPES and target.id != item.id:
                found.setdefault(target.id, target)
    return list(found.values())


def children(programme: Programme, item: Item) -> list[Item]:
    """The tree items that serve ``item``, by level then ID."""
    found: dict[str, Item] = {}
    for link in model.LINK_TYPES:
        if not link.chain:
            continue
        for source in programme.incoming(item.id, link.name):
            if source.type in TREE_TYPES and source.id != item.id:
                found.setdefault(source.id, source)
    return sorted(found.values(), key=lambda i: (TREE_TYPES.index(i.type), i.id))


def tree_items(programme: Programme) -> list[Item]:
    """Every item the doelenboom shows, by level then ID."""
    return sorted(programme.of_type(*TREE_TYPES), key=lambda i: (TREE_TYPES.index(i.type), i.id))


def group_label(goals: list[Item], all_goals: list[Item]) -> str:
    """The title of a box of efforts that serve exactly ``goals``."""
    noun = type_plural(GROUPED_TYPE)
    if not goals:
        return f"{noun} zonder doel"
    if len(goals) > 1 and {g.id for g in goals} == {g.id for g in all_goals}:
        return f"{noun} voor {'beide' if len(goals) == 2 else 'alle'} doelen"
    return f"{noun} voor {join_words([g.title or g.id for g in goals])}"


_SLASH_IN_WORD = re.compile(r"(?<=\w)/(?=\w)")


def _break_long_words(label: str) -> str:
    # "omgevingswet/omgevingsrecht" is wider than a box: allow a line break after a slash between words.
    return _SLASH_IN_WORD.sub("/\u200b", label)


#: Sized so three levels fit a 736 px column (a 1280 px screen) at a readable 14 px.
WEB_STYLE = treesvg.Style(
    font_size=14.0, box_width=222.0, padding=8.0, column_gap=28.0, row_gap=8.0, group_gap=18.0,
    # DejaVu Sans's widths with 3 % to spare, for a browser that draws in Verdana instead.
    measure=lambda text, bold, size: treesvg.builtin_width(text, bold, size) * 1.03,
)
#: DejaVu Sans first: the widths the labels were wrapped with.
FONT_FAMILY = "'DejaVu Sans', Verdana, Arial, sans-serif"


@dataclass(frozen=True)
class Outside:
    """A box for an item of a coupled programme that items of the tree serve."""

    id: str
    title: str
    href: str
    type: str = "extern"


def _labels(ctx: ViewContext, item: treesvg.Node) -> tuple[str, str]:
    if isinstance(item, Outside):
        return "", _break_long_words(item.title)
    title = _break_long_words(item.title or item.id)
    if item.id in wijzigingen.suspects_of_build(ctx):
        title = f"{title} (te herzien)"
    # The efforts' caption already says what they are.
    return ("" if item.type == GROUPED_TYPE else type_title(item.type)), title


def drawing(
    ctx: ViewContext,
    caption: str,
    shown: list[treesvg.Node],
    levels: tuple[str, ...] = TREE_TYPES,
    serves: treesvg.Parents = parents,
) -> str:
    """One part of the doelenboom as inline SVG: a link per box, lines in the text's colour."""
    programme = ctx.programme
    boxes = treesvg.layout(
        programme, shown, levels, serves, lambda item: _labels(ctx, item), WEB_STYLE, GROUPED_TYPE
    )
    width, height = treesvg.size(boxes)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="pt-boom" width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {width:.1f} {height:.1f}" font-family="{FONT_FAMILY}" '
        f'font-size="{WEB_STYLE.font_size:g}" role="group" aria-label="{escape(caption, quote=True)}">',
        '<g class="pt-boom-lijnen">',
        *treesvg.lines(programme, boxes, serves, "currentColor", 1.2),
        "</g>",
    ]
    for box in boxes:
        if isinstance(box.item, Outside):
            fill, href = OUTSIDE_COLOR, box.item.href
        else:
            fill = mermaid.readable_fill(model.TYPES_BY_NAME[box.item.type].color)
            href = ctx.uri(programme.items[box.item.id])
        out += [f'<a href="{escape(href, quote=True)}">', *treesvg.box_shapes(box, fill), "</a>"]
    out.append("</svg>")
    return "\n".join(out)


def _below(programme: Programme, tops: list[Item]) -> tuple[list[Item], list[tuple[str, str]]]:
    """The tree items under ``tops`` (each once) and the lines to them, level by level."""
    seen = {item.id for item in tops}
    found: list[Item] = []
    edges: list[tuple[str, str]] = []
    level = tops
    while level:
        following: list[Item] = []
        for item in level:
            for child in children(programme, item):
                edges.append((item.id, child.id))
                if child.id not in seen:
                    seen.add(child.id)
                    following.append(child)
        found += following
        level = following
    return found, edges


@dataclass(frozen=True)
class TreePart:
    """One part of the doelenboom as the site and the paper draw it: a caption and its items.

    ``goals`` are the items one level up that the part's efforts serve (drawn in
    front of them, for orientation); ``items`` are the part's own items.
    """

    caption: str
    goals: tuple[Item, ...]
    items: tuple[Item, ...]


def tree_parts(programme: Programme) -> list[TreePart]:
    """The levels above the efforts, then one part per group of efforts (by the goals they serve)."""
    items = tree_items(programme)
    grouped_level = TREE_TYPES.index(GROUPED_TYPE)
    upper = [item for item in items if TREE_TYPES.index(item.type) < grouped_level]
    goal_level = TREE_TYPES[grouped_level - 1]
    all_goals = [item for item in items if item.type == goal_level]
    upper_ids = {item.id for item in upper}

    parts = []
    if upper:
        names = [
            (type_title if len(programme.of_type(name)) == 1 else type_plural)(name).lower()
            for name in TREE_TYPES[:grouped_level]
        ]
        caption = join_words(names)
        parts.append(TreePart(caption[:1].upper() + caption[1:], (), tuple(upper)))

    groups: dict[tuple[str, ...], list[Item]] = {}
    for effort in (item for item in items if item.type == GROUPED_TYPE):
        key = tuple(sorted(p.id for p in parents(programme, effort) if p.id in upper_ids))
        groups.setdefault(key, []).append(effort)
    drawn: set[str] = set(upper_ids)
    for key in sorted(groups, key=lambda k: (len(k), k)):
        goals = [programme.items[i] for i in key]
        efforts = groups[key]
        below, _edges = _below(programme, efforts)
        parts.append(TreePart(group_label(goals, all_goals), tuple(goals), tuple(efforts + below)))
        drawn.update(item.id for item in efforts + below)

    # Items below the efforts that no effort reaches (e.g. a project without an effort).
    rest = [item for item in items if item.id not in drawn and not parents(programme, item)]
    if rest:
        below, _edges = _below(programme, rest)
        caption = f"Zonder {type_title(GROUPED_TYPE).lower()}"
        parts.append(TreePart(caption, (), tuple(rest + [i for i in below if i.id not in drawn])))
    return parts


def drawings(ctx: ViewContext) -> list[tuple[str, str]]:
    """The doelenboom as drawings (:func:`tree_parts`, then what it serves elsewhere): caption and SVG."""
    found = []
    for part in tree_parts(ctx.programme):
        seen: dict[str, Item] = {}
        for item in (*part.goals, *part.items):
            seen.setdefault(item.id, item)  # each item once, where it first appears
        found.append((part.caption, drawing(ctx, part.caption, list(seen.values()))))
    if outside := outside_drawing(ctx):
        found.append((OUTSIDE_CAPTION, outside))
    return found


def contributions(ctx: ViewContext) -> list[gekoppeld.Contribution]:
    """The coupled items that tree items serve along the chain, each with those tree items."""
    return gekoppeld.contributions(ctx, tree_items(ctx.programme), model.CHAIN_LINKS)


def outside_drawing(ctx: ViewContext) -> str:
    """The tree items that serve items of coupled programmes, those items as outside boxes on the left."""
    pairs = contributions(ctx)
    if not pairs:
        return ""
    served: dict[str, list[Outside]] = {}
    own: dict[str, Item] = {}
    outside = []
    for pair in pairs:
        box = Outside(
            pair.value, f"{pair.copy.publication.name}: {pair.target.title or pair.target.id}",
            pair.copy.url(pair.target), OUTSIDE_CLASS,
        )
        outside.append(box)
        for item in pair.items:
            own.setdefault(item.id, item)
            served.setdefault(item.id, []).append(box)

    def serves(_programme: Programme, node: treesvg.Node) -> list[Outside]:
        return served.get(node.id, []) if not isinstance(node, Outside) else []

    return drawing(ctx, OUTSIDE_CAPTION, [*outside, *own.values()], (OUTSIDE_CLASS, *TREE_TYPES), serves)


def outside_list(ctx: ViewContext) -> str:
    """The text equivalent of the outside part: each coupled item, with what serves it here."""
    lines = []
    for pair in contributions(ctx):
        below = "".join(f"<li><p>{_entry_label(ctx, item)}</p></li>" for item in pair.items)
        lines.append(f"<li><p>{gekoppeld.coupled_html(ctx, pair.value)}</p><ul>{below}</ul></li>")
    if not lines:
        return ""
    return (
        f'<p class="pt-text-equivalent-intro">{escape(OUTSIDE_CAPTION)}:</p>'
        f'<ul class="pt-doelenboom-lijst pt-doelenboom-extern simple">{"".join(lines)}</ul>'
    )


#: Prefix of the list entries' ids, so a later mention can link back to the first one.
_ENTRY_ID = "doelenboom-"


def _entry_label(ctx: ViewContext, item: Item) -> str:
    mark = ""
    if item.id in wijzigingen.suspects_of_build(ctx):
        mark = ' <strong class="pt-te-herzien-mark">te herzien</strong>'
    return f"{escape(type_title(item.type))}: {ctx.a(item, item.title or item.id)}{mark}"


def _starts(programme: Programme) -> Iterator[Item]:
    """Where the list begins: items that serve nothing shown, then (for a cycle) any item not reached."""
    yield from _roots(programme)
    yield from tree_items(programme)  # already listed ones are skipped by the walk


def _roots(programme: Programme) -> Iterator[Item]:
    for item in tree_items(programme):
        if not parents(programme, item):
            yield item


def text_equivalent(ctx: ViewContext) -> nodes.Node:
    """The doelenboom as a nested list of links: every item under what it serves, each item once.

    An item that serves several items is listed in full under the first; under
    the others it is one line that links back to it. So the list grows with the
    number of items and links, not with the number of paths through them (a
    lattice of 37 goals has some 260,000 paths). The walk keeps its own stack:
    a chain of any length fits, whatever Python's recursion limit. Items on a
    cycle that no root reaches are listed too, starting from the first of them.

    Written as HTML: at national scale the list has hundreds of entries, and
    docutils nodes for each would cost more than the rest of the view.
    """
    programme = ctx.programme
    listed: set[str] = set()
    out: list[str] = []
    close = None  # marks the end of an entry's sub-list on the stack
    for start in _starts(programme):
        if start.id in listed:
            continue
        stack: list[Item | None] = [start]
        while stack:
            item = stack.pop()
            if item is close:
                out.append("</ul></li>")
                continue
            if item.id in listed:
                out.append(
                    f"<li><p>{_entry_label(ctx, item)} "
                    f'(<a class="pt-doelenboom-eerder" href="#{escape(_ENTRY_ID + item.id)}">'
                    "staat eerder in deze lijst</a>)</p></li>"
                )
                continue
            listed.add(item.id)
            entry = f'<li id="{escape(_ENTRY_ID + item.id)}"><p>{_entry_label(ctx, item)}</p>'
            below = children(programme, item)
            if below:
                out.append(entry + "<ul>")
                stack.append(close)
                stack.extend(reversed(below))
            else:
                out.append(entry + "</li>")
    return raw_html(f'<ul class="pt-doelenboom-lijst simple">{"".join(out)}</ul>')


def render(ctx: ViewContext, _options: dict) -> list[nodes.Node]:
    """The doelenboom: its diagrams, each under its caption, then the same as a list."""
    if not tree_items(ctx.programme):
        return [nodes.paragraph("", "Er zijn nog geen doelen, inspanningen of projecten.")]
    caption = nodes.paragraph(
        "",
        "De doelenboom: van het hoofddoel via de strategische doelen en de inspanningen naar de "
        "projecten, in een figuur per groep inspanningen. Klik op een vak om het item te openen.",
        classes=["pt-diagram-caption"],
    )
    figure = nodes.container("", classes=["pt-diagram", "pt-doelenboom"])
    for part_caption, svg in drawings(ctx):
        label = escape(part_caption, quote=True)
        # On a narrow screen a drawing can be wider than the column: it scrolls
        # sideways in a region that keyboard users can reach and scroll too.
        figure += raw_html(f'<p class="pt-doelenboom-deel">{escape(part_caption)}</p>')
        figure += raw_html(f'<div class="pt-scroll" tabindex="0" role="region" aria-label="{label}">')
        figure += raw_html(svg)
        figure += raw_html("</div>")
    intro = nodes.paragraph(
        "",
        "Dezelfde doelenboom als lijst, met elk item onder wat het dient:",
        classes=["pt-text-equivalent-intro"],
    )
    text = nodes.container("", intro, text_equivalent(ctx), classes=["pt-text-equivalent"])
    if outside := outside_list(ctx):
        text += raw_html(outside)
    return [caption, figure, text]


__all__ = ["DoelenboomDirective", "drawings", "render", "text_equivalent", "tree_parts"]
