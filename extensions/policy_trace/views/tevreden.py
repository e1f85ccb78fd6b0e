"""*Wanneer zijn we tevreden*: every criterion, grouped by what it measures.

Per measured item (goals first, then efforts, projects, results, effects, in
model order) a table of its criteria: indicator, nulmeting, streefwaarde,
meting, deadline, bron and status. Status is a word and a colour (the colour
is never the only cue). Where nulmeting, streefwaarde and meting are all
numbers, a progress bar says how far the measurement has come. Items that
must say when we are satisfied but have no criterion are listed as open.
"""

from __future__ import annotations

from docutils import nodes

from .. import model
from ..coverage import coverage
from ..items import Item
from . import derive
from .context import ViewContext, item_label, type_plural
from .htmltable import escape, scrolling, table
from .placeholders import ViewDirective
from .words import date_in_words, in_words, parse_number, status_classes

CRITERION = model.TYPES_BY_NAME["criterium"]
#: The columns of a criterion table after its name, as the model labels them.
COLUMNS: tuple[str, ...] = ("indicator", "nulmeting", "streefwaarde", "meting", "deadline", "bron")


class TevredenDirective(ViewDirective):
    """``{tevreden}``: the dashboard *wanneer zijn we tevreden*."""

    view = "tevreden"


def progress(criterion: Item) -> float | None:
    """How far the meting has come from nulmeting to streefwaarde (0..1), if all are numbers."""
    start, target, measured = (
        parse_number(criterion.field(name)) for name in ("nulmeting", "streefwaarde", "meting")
    )
    if start is None or target is None or measured is None or target == start:
        return None
    return min(1.0, max(0.0, (measured - start) / (target - start)))


def status_html(item: Item) -> str:
    """The status as a word in a coloured badge (the word is the cue, the colour helps)."""
    word = in_words(item.status) if item.status else "geen status"
    return f'<span class="{escape(" ".join(status_classes(item.status)))}">{escape(word)}</span>'


def _value(criterion: Item, name: str) -> str:
    spec = CRITERION.field(name)
    value = criterion.field(name)
    if not value:
        return '<span class="pt-empty">niet ingevuld</span>'
    return escape(date_in_words(value) if spec and spec.kind == "date" else value)


def meting_html(criterion: Item) -> str:
    """The measured value, when it was measured, and a progress bar where it can be computed."""
    cell = _value(criterion, "meting")
    if criterion.field("meting") and criterion.field("meetdatum"):
        measured = escape(date_in_words(criterion.field("meetdatum")))
        cell += f' <span class="pt-meetdatum">(gemeten op {measured})</span>'
    share = progress(criterion)
    if share is not None:
        percent = round(share * 100)
        words = f"{percent}% van nulmeting naar streefwaarde"
        bar = progress_bar(percent, f"Voortgang van {criterion.id} van nulmeting naar streefwaarde")
        cell += f'<span class="pt-progress">{bar} <span>{words}</span></span>'
    return cell


def progress_bar(percent: int, label: str) -> str:
    """A ``<progress>`` bar with an accessible name; its text says the same for old browsers."""
    return f'<progress max="100" value="{percent}" aria-label="{escape(label)}">{percent}%</progress>'


def criteria_table(ctx: ViewContext, item: Item, criteria: list[Item]) -> nodes.Node:
    """The table of the criteria that measure one item."""
    labels = [CRITERION.title] + [CRITERION.field(name).label for name in COLUMNS] + ["Status"]  # type: ignore[union-attr]
    headers = [escape(label) for label in labels]
    rows = []
    for criterion in criteria:
        cells = [ctx.a(criterion)]
        cells += [meting_html(criterion) if name == "meting" else _value(criterion, name) for name in COLUMNS]
        cells.append(status_html(criterion))
        rows.append(cells)
    caption = f"Criteria voor {item_label(item)}"
    return scrolling(table(caption, headers, rows, classes=["pt-criteria-table"]), caption)


def groups(ctx: ViewContext) -> list[tuple[str, list[tuple[Item, list[Item]]]]]:
    """Per measured type (model order): its items that have criteria, each with those criteria."""
    result = []
    for type_name in derive.measured_types():
        measured = [
            (item, derive.criteria_of(ctx.programme, item)) for item in ctx.programme.of_type(type_name)
        ]
        measured = [(item, criteria) for item, criteria in measured if criteria]
        if measured:
            result.append((type_name, measured))
    return result


def open_items(ctx: ViewContext) -> list[Item]:
    """Items that must say when we are satisfied (goals, prioritised efforts) but have no criterion."""
    return [
        item
        for type_name in derive.measured_types()
        for item in ctx.programme.of_type(type_name)
        if derive.needs_criterion(item) and not derive.criteria_of(ctx.programme, item)
    ]


def unattached(ctx: ViewContext) -> list[Item]:
    """Criteria that measure no existing item."""
    return [
        criterion
        for criterion in ctx.programme.of_type("criterium")
        if not any(ctx.programme.outgoing(criterion, link.name) for link in derive.measuring_links())
    ]


def _section(section_id: str, title: str, *body: nodes.Node) -> nodes.section:
    section = nodes.section("", nodes.title("", title), ids=[section_id])
    section.extend(body)
    return section


def coverage_block(ctx: ViewContext) -> list[nodes.Node]:
    """The coverage figures (the same as on the Controle page), on top of the dashboard."""
    rows = []
    for ratio in coverage(ctx.programme).ratios:
        figure = escape(ratio.percentage)
        if ratio.share is not None:
            percent = round(ratio.share * 100)
            figure = f"{progress_bar(percent, ratio.label)} {figure}"
        rows.append([escape(ratio.label), escape(f"{ratio.part} van {ratio.total}"), figure])
    caption = "Dekking: hoe ver het programma zegt wanneer we tevreden zijn"
    markup = table(caption, [escape(h) for h in ("Wat", "Aantal", "Aandeel")], rows, classes=["pt-coverage"])
    return [_section("tevreden-dekking", "Dekking", scrolling(markup, caption))]


def render(ctx: ViewContext, _options: dict) -> list[nodes.Node]:
    """The whole dashboard."""
    out: list[nodes.Node] = list(coverage_block(ctx))
    for type_name, measured in groups(ctx):
        section = _section(f"tevreden-{type_name}", type_plural(type_name))
        for item, criteria in measured:
            title = nodes.title("", "", ctx.reference(item))
            section += nodes.section(
                "", title, criteria_table(ctx, item, criteria), ids=[f"tevreden-{item.id}"]
            )
        out.append(section)
    pending = open_items(ctx)
    if pending:
        listing = nodes.bullet_list(classes=["pt-open-items"])
        for item in pending:
            listing += nodes.list_item("", nodes.paragraph("", "", ctx.reference(item)))
        out.append(
            _section(
                "tevreden-open",
                "Nog open",
                nodes.paragraph(
                    "",
                    "Voor deze doelen en inspanningen met voorrang is nog niet vastgelegd "
                    "wanneer we tevreden zijn: er is nog geen criterium dat ze meet.",
                ),
                listing,
            )
        )
    loose = unattached(ctx)
    if loose:
        listing = nodes.bullet_list()
        for criterion in loose:
            listing += nodes.list_item("", nodes.paragraph("", "", ctx.reference(criterion)))
        out.append(
            _section(
                "tevreden-los",
                "Criteria zonder item",
                nodes.paragraph("", "Deze criteria meten (nog) geen bestaand item:"),
                listing,
            )
        )
    if not out:
        out.append(nodes.paragraph("", "Er zijn nog geen criteria."))
    return out


__all__ = ["TevredenDirective", "groups", "open_items", "progress", "render"]
