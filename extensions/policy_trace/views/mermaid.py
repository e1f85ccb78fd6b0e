"""Mermaid source text for the views: escaping, flowcharts and gantt charts.

Pure string builders, so the diagrams can be tested without a browser. The
node is sphinxcontrib-mermaid's own (its directive only takes literal text;
our diagrams are computed from the programme at write time).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import yaml
from sphinxcontrib.mermaid import mermaid as mermaid_node

#: Characters that are safe as they are inside a quoted Mermaid label and in
#: gantt task text. Everything else is written as a Mermaid entity code:
#: a backslash does not escape a quote in Mermaid, and ``#``, ``;``, ``:``,
#: ``%`` and ``<`` each end or change a statement in some diagram type.
_SAFE_PUNCTUATION = frozenset(" .,-'\u2019()/?!")
_WHITESPACE = re.compile(r"\s+")


def escape_label(text: str) -> str:
    """Text as a Mermaid label: quotes, ``#``, ``&``, ``<``, ``;`` … as entity codes."""
    out = []
    for char in _WHITESPACE.sub(" ", text).strip():
        if char.isalnum() or char in _SAFE_PUNCTUATION:
            out.append(char)
        elif char == '"':
            out.append("#quot;")
        else:
            out.append(f"#{ord(char)};")
    return "".join(out)


def escape_href(uri: str) -> str:
    """A URI inside a quoted ``click … href "…"``: only a quote could end it early."""
    return uri.replace('"', "%22").replace("\n", "")


def _luminance(color: str) -> float:
    channels = [int(color.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_with_white(color: str) -> float:
    """The WCAG contrast ratio of white text on ``color`` (``#rrggbb``)."""
    return 1.05 / (_luminance(color) + 0.05)


def readable_fill(color: str, minimum: float = 4.6) -> str:
    """``color``, darkened just enough that white labels on it meet WCAG AA."""
    red, green, blue = (int(color.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4))
    shade = f"#{red:02x}{green:02x}{blue:02x}"
    factor = 1.0
    while contrast_with_white(shade) < minimum and factor > 0:
        factor -= 0.04
        shade = "#" + "".join(f"{max(0, int(c * factor)):02x}" for c in (red, green, blue))
    return shade


class NodeIds:
    """Stable, unique Mermaid node names for item IDs (``PRJ-VCMS`` -> ``n_PRJ_VCMS``)."""

    def __init__(self, prefix: str = "n") -> None:
        self._prefix = prefix
        self._names: dict[str, str] = {}
        self._taken: set[str] = set()

    def __call__(self, key: str) -> str:
        if key not in self._names:
            base = f"{self._prefix}_" + re.sub(r"[^A-Za-z0-9]", "_", key)
            name, counter = base, 1
            while name in self._taken:
                counter += 1
                name = f"{base}_{counter}"
            self._names[key] = name
            self._taken.add(name)
        return self._names[key]


@dataclass(frozen=True)
class FlowNode:
    """A box in a flowchart: a key (item ID), its label, its class and its link."""

    key: str
    label: str
    css_class: str
    href: str = ""


@dataclass(frozen=True)
class FlowGroup:
    """A subgraph: a titled box around some nodes."""

    key: str
    label: str
    members: tuple[str, ...]


def flowchart(
    nodes: Sequence[FlowNode],
    edges: Iterable[tuple[str, str]],
    *,
    groups: Sequence[FlowGroup] = (),
    class_colors: dict[str, str] | None = None,
    direction: str = "LR",
    title: str = "",
    description: str = "",
) -> str:
    """Mermaid flowchart source; edges join node or group keys with plain lines."""
    ids = NodeIds("n")
    group_ids = NodeIds("g")
    grouped = {member for group in groups for member in group.members}
    by_key = {node.key: node for node in nodes}

    def node_line(node: FlowNode, indent: str) -> str:
        return f'{indent}{ids(node.key)}["{escape_label(node.label)}"]'

    lines = [f"flowchart {direction}"]
    if title:
        lines.append(f"  accTitle: {escape_label(title)}")
    if description:
        lines.append(f"  accDescr: {escape_label(description)}")
    lines += [node_line(node, "  ") for node in nodes if node.key not in grouped]
    for group in groups:
        # A group without a title is a plain box (Mermaid refuses an empty label).
        lines.append(f'  subgraph {group_ids(group.key)}["{escape_label(group.label) or " "}"]')
        lines += [node_line(by_key[key], "    ") for key in group.members if key in by_key]
        lines.append("  end")
    group_keys = {group.key for group in groups}
    for source, target in edges:
        names = [group_ids(key) if key in group_keys else ids(key) for key in (source, target)]
        lines.append(f"  {names[0]} --- {names[1]}")
    lines += [f'  click {ids(node.key)} href "{escape_href(node.href)}" _self' for node in nodes if node.href]
    for css_class, color in sorted((class_colors or {}).items()):
        fill = readable_fill(color)
        lines.append(f"  classDef {css_class} fill:{fill},stroke:{fill},color:#ffffff")
    members: dict[str, list[str]] = {}
    for node in nodes:
        if node.css_class:
            members.setdefault(node.css_class, []).append(ids(node.key))
    lines += [f"  class {','.join(names)} {css_class}" for css_class, names in sorted(members.items())]
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class GanttTask:
    """A milestone (or bar, with ``end``) on a gantt chart, in a section."""

    key: str
    label: str
    start: str
    end: str = ""
    tags: tuple[str, ...] = ()
    href: str = ""


def gantt(
    sections: Sequence[tuple[str, Sequence[GanttTask]]],
    *,
    markers: Sequence[GanttTask] = (),
    title: str = "",
    description: str = "",
) -> str:
    """Mermaid gantt source; markers are vertical lines (e.g. the peildatum)."""
    ids = NodeIds("t")
    # Numeric axis labels: Mermaid's month names would be English.
    lines = ["gantt", "  dateFormat YYYY-MM-DD", "  axisFormat %m-%Y", "  todayMarker off"]
    if title:
        lines.append(f"  accTitle: {escape_label(title)}")
    if description:
        lines.append(f"  accDescr: {escape_label(description)}")

    def task_line(task: GanttTask) -> str:
        tags = ", ".join(task.tags)
        when = f"{task.start}, {task.end}" if task.end else f"{task.start}, 0d"
        return f"    {escape_label(task.label) or '-'} :{tags + ', ' if tags else ''}{ids(task.key)}, {when}"

    for name, tasks in sections:
        lines.append(f"  section {escape_label(name) or '-'}")
        lines += [task_line(task) for task in tasks]
    # A vertical marker takes no row of its own: it spans the whole chart
    # from whichever section it is written in.
    lines += [task_line(task) for task in markers]
    everything = [task for _, tasks in sections for task in tasks] + list(markers)
    lines += [f'  click {ids(task.key)} href "{escape_href(task.href)}"' for task in everything if task.href]
    return "\n".join(lines) + "\n"


def diagram_node(code: str, alt: str, config: dict | None = None, own: dict | None = None) -> mermaid_node:
    """sphinxcontrib-mermaid's node, as its directive builds it (``mermaid_config`` included).

    ``own`` is this diagram's Mermaid configuration (e.g. spacing), merged over
    the project's ``mermaid_config`` into the one front matter Mermaid reads.
    """
    node = mermaid_node()
    merged = _merge(config or {}, own or {})
    if merged:
        code = "---\n" + yaml.dump({"config": merged}, sort_keys=True) + "---\n" + code
    node["code"] = code
    node["options"] = {}
    node["alt"] = alt
    return node


def _merge(base: dict, over: dict) -> dict:
    merged = dict(base)
    for key, value in over.items():
        merged[key] = (
            _merge(merged[key], value)
            if isinstance(value, dict) and isinstance(merged.get(key), dict)
            else value
        )
    return merged
