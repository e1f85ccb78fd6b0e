"""Planning: the milestones on a timeline over the programme period with the peildatum marked, and as a table.

The timeline is HTML and CSS, not a Mermaid gantt chart: Mermaid's gantt
sizes its picture to a fixed height (empty bands), writes the section titles
into a fixed 75 px margin, centres the peildatum's label on its line (cut at
the chart's edge: "ildatum …") and starts its axis at the first date. Here a
row per milestone under its project, the axis spans the programme period
(``policy_trace_period``, widened to any milestone outside it), and every
label is text that wraps beside its marker, on the side with room and never
across the peildatum's line, so it is always whole, at any width. A legend
names each marker; a milestone still ``gepland`` after its date gets a marker
and words of its own. The table below it says the same for screen readers; the
chart itself is hidden from them and its links from the keyboard.
"""

from __future__ import annotations

from datetime import date, timedelta

from docutils import nodes

from .. import model
from ..dates import dutch_date, parse_iso
from ..items import Item
from ..rules.dates import overdue_date
from ..state import settings_of_build
from . import derive
from .context import ViewContext, type_plural
from .htmltable import escape, raw, scrolling, table
from .placeholders import ViewDirective
from .words import date_in_words, in_words, status_html


class PlanningDirective(ViewDirective):
    """``{planning}``: the milestones of all projects on a timeline and in a table."""

    view = "planning"


def project_of(ctx: ViewContext, milestone: Item) -> Item | None:
    """The project a milestone belongs to."""
    for link in derive.links_between("mijlpaal", "project"):
        for target in ctx.programme.outgoing(milestone, link.name):
            return target
    return None


def milestones(ctx: ViewContext) -> list[tuple[Item, Item | None]]:
    """Every milestone with a real date and its project, by date then ID."""
    # A datum that is no real date cannot be placed (PT106 reports it).
    found = [m for m in ctx.programme.of_type("mijlpaal") if parse_iso(m.field("datum"))]
    found.sort(key=lambda m: (m.field("datum"), m.id))
    return [(m, project_of(ctx, m)) for m in found]


def axis_range(ctx: ViewContext, dates: list[date]) -> tuple[date, date]:
    """The axis: the programme period, widened to the peildatum and every milestone outside it."""
    settings = settings_of_build(ctx.app).context
    known = [*dates, settings.reference_date, *(settings.period or ())]
    start, end = min(known), max(known)
    if start == end:  # one date only: a month either side, so the line has room
        start, end = start - timedelta(days=31), end + timedelta(days=31)
    return start, end


def _position(value: date, start: date, end: date) -> float:
    return round(100 * (value - start).days / (end - start).days, 3)


#: The narrowest room (percent of the row) a label gets beside its marker before it moves past the line.
MIN_ROOM = 25.0


def _beside(position: float, line: float | None = None) -> str:
    """The CSS placing a label beside its marker, in the flow so that its row grows when it wraps.

    The label goes on the side with the most room, and never across the
    peildatum's line (at ``line``): on the side of the marker that holds the
    line, it may only be as wide as the gap up to the line, so it wraps there.
    Where both gaps beside the marker are narrow (a marker just before or
    after the line), the label goes past the line instead, on the other side
    of it, in the same row.
    """
    right = (line - position) if line is not None and line > position else 100 - position
    left = (position - line) if line is not None and line < position else position
    if line is not None and max(left, right) < MIN_ROOM:
        if line > position and 100 - line > max(left, right):
            return _from_left(line, 100 - line)
        if line < position and line > max(left, right):
            return _from_right(100 - line, line)
    if right >= left:
        return _from_left(position, right)
    return _from_right(100 - position, left)


def _from_left(start: float, room: float) -> str:
    return f"margin-left: calc({start}% + 0.9em); max-width: calc({round(room, 3)}% - 1.8em)"


def _from_right(end: float, room: float) -> str:
    return (
        f"margin-left: auto; margin-right: calc({round(end, 3)}% + 0.9em); "
        f"max-width: calc({round(room, 3)}% - 1.8em); text-align: right"
    )


#: The marker of a milestone still ``gepland`` whose date lies before the peildatum (PT402's rule).
OVERDUE = "over-datum"
#: How each state of a milestone is drawn and named in the legend, in the legend's order.
#: The label beside each marker says the same in words (colour and shape only help).
MARKERS: tuple[tuple[str, str], ...] = (
    (model.status_of("planned"), model.status_of("planned")),
    (OVERDUE, "gepland, maar de datum ligt voor de peildatum"),
    (model.status_of("late"), model.status_of("late")),
    (model.status_of("achieved"), model.status_of("achieved")),
    (model.status_of("lapsed"), model.status_of("lapsed")),
)


def marker_state(milestone: Item, peildatum: date) -> str:
    """The marker a milestone gets: its status, or ``over-datum`` when still gepland after its date passed."""
    if overdue_date(milestone, peildatum):
        return OVERDUE
    return milestone.status or model.status_of("planned")


def _state_words(state: str) -> str:
    """What the label says after the date: nothing for a milestone still ahead as planned."""
    if state == model.status_of("planned"):
        return ""
    if state == OVERDUE:
        return "gepland, datum voorbij"
    return in_words(state)


def legend_html(states: set[str]) -> str:
    """The legend: a marker per state the chart shows, and the peildatum's line."""
    entries = [
        f'<li><span class="pt-ruit-sleutel pt-{escape(state)}"></span> {escape(words)}</li>'
        for state, words in MARKERS
        if state in states
    ]
    entries += [
        f'<li><span class="pt-ruit-sleutel pt-{escape(state)}"></span> {escape(in_words(state))}</li>'
        for state in sorted(states - {state for state, _words in MARKERS})
    ]
    entries.append('<li><span class="pt-lijn-sleutel"></span> de peildatum</li>')
    return f'<ul class="pt-tijdlijn-legenda">{"".join(entries)}</ul>'


def _years(start: date, end: date) -> list[tuple[float, int]]:
    """Each 1 January inside the axis, with its place on it (not so near an end that its label is cut)."""
    places = [(_position(date(year, 1, 1), start, end), year) for year in range(start.year + 1, end.year + 1)]
    return [(at, year) for at, year in places if 3 <= at <= 97]


def timeline_html(ctx: ViewContext, found: list[tuple[Item, Item | None]]) -> str:
    """The timeline: an axis over the period, the peildatum's line, a row per milestone under its project."""
    settings = settings_of_build(ctx.app).context
    when = {milestone.id: parse_iso(milestone.field("datum")) for milestone, _ in found}
    start, end = axis_range(ctx, [value for value in when.values() if value])
    line = _position(settings.reference_date, start, end)
    peildatum = f"Peildatum {dutch_date(settings.reference_date)}"
    # The period's first and last day on the first line, the years between on the second:
    # they cannot run into each other.
    axis = (
        f'<span class="pt-tick pt-begin">{escape(dutch_date(start))}</span>'
        f'<span class="pt-tick pt-eind">{escape(dutch_date(end))}</span>'
    ) + "".join(
        f'<span class="pt-tick pt-jaar" style="left: {at}%">{year}</span>' for at, year in _years(start, end)
    )
    rows = [
        f'<div class="pt-tijdlijn-baan pt-as">{axis}'
        f'<span class="pt-peildatum-lijn" style="left: {line}%"></span>'
        f'<span class="pt-peildatum-label" style="{_beside(line)}">{escape(peildatum)}</span>'
        "</div>"
    ]
    states: set[str] = set()
    by_project: dict[str, list[Item]] = {}
    projects: dict[str, Item | None] = {}
    for milestone, project in found:
        key = project.id if project else ""
        projects[key] = project
        by_project.setdefault(key, []).append(milestone)
    for key in sorted(by_project, key=lambda k: (k == "", k)):
        project = projects[key]
        name = (
            ctx.a(project, project.title or project.id).replace("<a ", '<a tabindex="-1" ', 1)
            if project
            else "Zonder project"
        )
        rows.append(f'<div class="pt-tijdlijn-project">{name}</div>')
        for milestone in by_project[key]:
            value = when[milestone.id]
            if value is None:  # milestones() keeps only real dates
                continue
            at = _position(value, start, end)
            state = marker_state(milestone, settings.reference_date)
            states.add(state)
            said = _state_words(state)
            label = f"{milestone.title or milestone.id} ({dutch_date(value)}{', ' + said if said else ''})"
            link = ctx.a(milestone, label).replace("<a ", '<a tabindex="-1" ', 1)
            rows.append(
                '<div class="pt-tijdlijn-baan">'
                f'<span class="pt-peildatum-lijn" style="left: {line}%"></span>'
                f'<span class="pt-ruit pt-{escape(state)}" style="left: {at}%"></span>'
                f'<span class="pt-mijlpaal" style="{_beside(at, line)}">{link}</span>'
                "</div>"
            )
    return (
        f'<div class="pt-tijdlijn" aria-hidden="true" data-begin="{start.isoformat()}" '
        f'data-eind="{end.isoformat()}">{legend_html(states)}{"".join(rows)}</div>'
    )


def render(ctx: ViewContext, _options: dict) -> list[nodes.Node]:
    """The timeline, then the same milestones in a table."""
    found = milestones(ctx)
    peildatum = settings_of_build(ctx.app).context.reference_date
    intro = nodes.paragraph("", f"Peildatum: {dutch_date(peildatum)}.", classes=["pt-peildatum"])
    if not found:
        return [
            intro,
            nodes.paragraph("", f"Er zijn nog geen {type_plural('mijlpaal').lower()} met een datum."),
        ]
    rows = []
    for milestone, project in found:
        when = milestone.field("datum")
        passed = " (voorbij de peildatum)" if overdue_date(milestone, peildatum) else ""
        rows.append(
            [
                escape(date_in_words(when)),
                ctx.a(milestone),
                ctx.a(project) if project else '<span class="pt-empty">geen project</span>',
                status_html(milestone) + escape(passed),
            ]
        )
    caption = f"{type_plural('mijlpaal')} op datum (peildatum {dutch_date(peildatum)})"
    headers = [escape(h) for h in ("Datum", "Mijlpaal", "Project", "Status")]
    return [
        intro,
        nodes.container("", raw(timeline_html(ctx, found)), classes=["pt-diagram", "pt-planning"]),
        scrolling(table(caption, headers, rows, classes=["pt-planning-table"]), caption),
    ]


__all__ = [
    "MARKERS", "OVERDUE", "PlanningDirective", "axis_range", "legend_html", "marker_state", "milestones",
    "render", "timeline_html",
]
