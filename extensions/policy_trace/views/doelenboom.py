"""The doelenboom: hoofddoel, strategic goals, efforts and projects as one diagram.

One Mermaid flowchart, left to right, with a clickable box per item, and next
to it the same tree as a nested list of links (for screen readers and print).
Fifteen efforts each drawn with a line to one or both goals would cross; so
efforts are grouped in boxes by the goals they serve (one box per goal, one
for efforts that serve several) and a single line joins a goal to a box.
"""

from __future__ import annotations

from collections.abc import Iterator
from html import escape

from docutils import nodes

from .. import model
from ..items import Item, Programme
from . import mermaid
from .context import ViewContext, type_plural, type_title
from .htmltable import raw as raw_html
from .placeholders import ViewDirective
from .words import join_words

#: The levels the doelenboom shows, top down (the issue: hoofddoel, strategic
#: goals, efforts and projects). Which links join them comes from the model.
TREE_TYPES: tuple[str, ...] = ("hoofddoel", "doel", "inspanning", "project")
#: Tighter than Mermaid's defaults, so the agenda's size (two goals, fifteen
#: efforts, six projects) stays readable without shrinking the text.
DIAGRAM_CONFIG = {
    "flowchart": {
        "nodeSpacing": 14,
        "rankSpacing": 36,
        "padding": 8,
        "wrappingWidth": 180,
        "useMaxWidth": False,
    },
    "themeVariables": {"fontSize": "14px"},
}
#: The level drawn in groups, by the goals its items serve.
GROUPED_TYPE = "inspanning"


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


def flowchart_source(ctx: ViewContext) -> str:
    """The Mermaid source of the doelenboom."""
    programme = ctx.programme
    items = tree_items(programme)
    shown = {item.id for item in items}
    grouped = [item for item in items if item.type == GROUPED_TYPE]
    goal_level = TREE_TYPES[TREE_TYPES.index(GROUPED_TYPE) - 1]
    all_goals = [item for item in items if item.type == goal_level]

    groups: dict[tuple[str, ...], list[str]] = {}
    for effort in grouped:
        key = tuple(sorted(p.id for p in parents(programme, effort) if p.id in shown))
        groups.setdefault(key, []).append(effort.id)
    group_keys = {
        key: f"groep-{index}" for index, key in enumerate(sorted(groups, key=lambda k: (len(k), k)))
    }

    flow_nodes = []
    for item in items:
        label = item.title or item.id
        if item.type != GROUPED_TYPE:
            label = f"{type_title(item.type)}: {label}"
        flow_nodes.append(mermaid.FlowNode(item.id, label, item.type, ctx.uri(item)))
    flow_groups = [
        mermaid.FlowGroup(
            group_keys[key], group_label([programme.items[i] for i in key], all_goals), tuple(members)
        )
        for key, members in sorted(groups.items(), key=lambda kv: group_keys[kv[0]])
    ]
    edges: list[tuple[str, str]] = []
    for key in sorted(groups, key=lambda k: group_keys[k]):
        edges += [(goal_id, group_keys[key]) for goal_id in key]
    for item in items:
        if item.type == GROUPED_TYPE:
            continue
        edges += [(parent.id, item.id) for parent in parents(programme, item) if parent.id in shown]
    colors = {name: model.TYPES_BY_NAME[name].color for name in TREE_TYPES}
    return mermaid.flowchart(
        flow_nodes,
        edges,
        groups=flow_groups,
        class_colors=colors,
        direction="LR",
        title="Doelenboom",
        description=(
            "Het hoofddoel, de strategische doelen, de inspanningen en de projecten van het programma. "
            "Dezelfde samenhang staat als lijst onder de figuur."
        ),
    )


#: Prefix of the list entries' ids, so a later mention can link back to the first one.
_ENTRY_ID = "doelenboom-"


def _entry_label(ctx: ViewContext, item: Item) -> str:
    return f"{escape(type_title(item.type))}: {ctx.a(item, item.title or item.id)}"


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
    """The doelenboom: the diagram, then the same as a list."""
    if not tree_items(ctx.programme):
        return [nodes.paragraph("", "Er zijn nog geen doelen, inspanningen of projecten.")]
    code = flowchart_source(ctx)
    caption = nodes.paragraph(
        "",
        "De doelenboom: van het hoofddoel via de strategische doelen en de inspanningen naar de "
        "projecten. Klik op een vak om het item te openen.",
        classes=["pt-diagram-caption"],
    )
    diagram = mermaid.diagram_node(code, "Doelenboom", ctx.app.config.mermaid_config, DIAGRAM_CONFIG)
    # At its natural size the tree can be wider than the column: it scrolls
    # sideways in a region that keyboard users can reach and scroll too.
    figure = nodes.container(
        "",
        raw_html('<div class="pt-scroll" tabindex="0" role="region" aria-label="Doelenboom">'),
        diagram,
        raw_html("</div>"),
        classes=["pt-diagram", "pt-doelenboom"],
    )
    intro = nodes.paragraph(
        "",
        "Dezelfde doelenboom als lijst, met elk item onder wat het dient:",
        classes=["pt-text-equivalent-intro"],
    )
    text = nodes.container("", intro, text_equivalent(ctx), classes=["pt-text-equivalent"])
    return [caption, figure, text]


__all__ = ["DoelenboomDirective", "flowchart_source", "render", "text_equivalent"]
