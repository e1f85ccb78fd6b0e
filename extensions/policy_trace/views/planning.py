"""Planning: the milestones on a gantt chart with the peildatum marked, and as a table."""

from __future__ import annotations

from docutils import nodes

from ..checks.settings import check_settings
from ..dates import dutch_date, parse_iso
from ..items import Item
from . import derive, mermaid
from .context import ViewContext, type_plural
from .htmltable import escape, raw, scrolling, table
from .placeholders import ViewDirective
from .tevreden import status_html
from .words import date_in_words

#: A milestone's status as a gantt tag: Mermaid's own styles for done and critical.
GANTT_TAGS = {"behaald": ("done",), "vertraagd": ("crit",), "vervallen": ("done",)}


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


def gantt_source(ctx: ViewContext) -> str:
    """The Mermaid gantt source: a section per project, the peildatum as a vertical line."""
    by_project: dict[str, list[mermaid.GanttTask]] = {}
    titles: dict[str, str] = {}
    for milestone, project in milestones(ctx):
        key = project.id if project else ""
        titles[key] = (project.title or project.id) if project else "Zonder project"
        by_project.setdefault(key, []).append(
            mermaid.GanttTask(
                milestone.id,
                milestone.title or milestone.id,
                milestone.field("datum"),
                tags=("milestone", *GANTT_TAGS.get(milestone.status, ())),
                href=ctx.uri(milestone),
            )
        )
    peildatum = check_settings(ctx.app.config).context.reference_date
    marker = mermaid.GanttTask(
        "peildatum", f"Peildatum {dutch_date(peildatum)}", peildatum.isoformat(), tags=("vert",)
    )
    sections = [
        (titles[key], tasks) for key, tasks in sorted(by_project.items(), key=lambda kv: (kv[0] == "", kv[0]))
    ]
    return mermaid.gantt(
        sections,
        markers=[marker],
        title="Planning",
        description=(
            f"De mijlpalen van de projecten op een tijdlijn; de lijn is de peildatum {dutch_date(peildatum)}."
        ),
    )


def render(ctx: ViewContext, _options: dict) -> list[nodes.Node]:
    """The timeline, then the same milestones in a table."""
    found = milestones(ctx)
    peildatum = check_settings(ctx.app.config).context.reference_date
    intro = nodes.paragraph("", f"Peildatum: {dutch_date(peildatum)}.", classes=["pt-peildatum"])
    if not found:
        return [
            intro,
            nodes.paragraph("", f"Er zijn nog geen {type_plural('mijlpaal').lower()} met een datum."),
        ]
    diagram = mermaid.diagram_node(gantt_source(ctx), "Planning", ctx.app.config.mermaid_config)
    rows = []
    for milestone, project in found:
        when = milestone.field("datum")
        passed = (
            " (voorbij de peildatum)"
            if when < peildatum.isoformat() and milestone.status == "gepland"
            else ""
        )
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
        # A gantt chart is wider than a narrow column: it scrolls sideways in a
        # region that keyboard users can reach too, whatever the theme.
        nodes.container(
            "",
            raw('<div class="pt-scroll" tabindex="0" role="region" aria-label="Planning">'),
            diagram,
            raw("</div>"),
            classes=["pt-diagram", "pt-planning"],
        ),
        scrolling(table(caption, headers, rows, classes=["pt-planning-table"]), caption),
    ]


__all__ = ["PlanningDirective", "gantt_source", "milestones", "render"]
