"""*Wanneer zijn we tevreden*: every criterion, grouped by what it measures.

Per measured item (goals first, then efforts, projects, results, effects, in
model order) a block per criterion that measures it: a heading with the
criterion and its status, then its indicator, nulmeting, streefwaarde,
meting, deadline and bron as label and value, one per row. Unlike one wide
table with a column per field, that fits the content column and a phone
without scrolling sideways, and the status is never scrolled out of sight.
Status is a word and a colour (the colour is never the only cue). Where
nulmeting, streefwaarde and meting are all numbers, a progress bar says how
far the measurement has come. An empty field says so in words. Items that
must say when we are satisfied but have no criterion are listed as open.
"""

from __future__ import annotations

from datetime import date

from docutils import nodes

from .. import model, series
from ..coverage import coverage
from ..dates import parse_iso
from ..items import Item
from ..judgement import RULE, Assessment, parse_quantity, percent
from ..judging import Judged
from ..rules.common import measuring_criteria, needs_criterion
from ..state import judged_of_build, settings_of_build, vocabulary_of_build
from . import charts, derive
from .context import ViewContext, item_label, type_plural
from .htmltable import escape, field_table, raw, scrolling, table
from .placeholders import ViewDirective
from .words import (
    NOT_MEASURED,
    NOT_SET,
    counted_words,
    date_in_words,
    in_words,
    judged_status_node,
    tone,
    value_html,
)

CRITERION = model.TYPES_BY_NAME["criterium"]
#: The fields of a criterion block, in this order, as the model labels them
#: (the meetdatum goes with the meting; the status is in the block's heading).
FIELDS: tuple[str, ...] = ("indicator", "nulmeting", "streefwaarde", "meting", "deadline", "bron")


class TevredenDirective(ViewDirective):
    """``{tevreden}``: the dashboard *wanneer zijn we tevreden*."""

    view = "tevreden"


def _value(criterion: Item, name: str) -> str:
    return value_html(criterion, CRITERION.field(name))  # type: ignore[arg-type]


def meting_html(criterion: Item, latest: series.Measurement | None = None, count: int = 0) -> str:
    """The latest measured value and when it was measured; how many measurements the series holds."""
    if latest is None or not latest.from_series:
        cell = _value(criterion, "meting")
        if criterion.field("meting") and criterion.field("meetdatum"):
            measured = escape(date_in_words(criterion.field("meetdatum")))
            cell += f' <span class="pt-meetdatum">(gemeten op {measured})</span>'
        return cell
    notes = [f"gemeten op {date_in_words(latest.date_text)}"] if latest.date_text else []
    if count > 1:
        notes.append(f"de laatste van {count} metingen")
    cell = escape(latest.value)
    if notes:
        cell += f' <span class="pt-meetdatum">({escape("; ".join(notes))})</span>'
    return cell


def voortgang_html(criterion: Item, assessed: Assessment) -> str:
    """Progress as a share of the way beside the share of the time, and the judgement with its figures."""
    parts = []
    if assessed.progress is not None:
        shown = round(min(1.0, max(0.0, assessed.progress)) * 100)
        label = f"Voortgang van {criterion.id} van nulmeting naar streefwaarde"
        words = f"{percent(assessed.progress)} van de weg van nulmeting naar streefwaarde"
        if assessed.elapsed is not None:
            words += f", na {percent(assessed.elapsed)} van de tijd tot de deadline"
        parts.append(
            f'<span class="pt-progress">{progress_bar(shown, label)} <span>{escape(words)}</span></span>'
        )
    judged = "Berekend oordeel" if assessed.judgement else "Geen berekend oordeel"
    parts.append(f'<span class="pt-judgement">{judged}: {escape(assessed.reason)}</span>')
    return " ".join(parts)


def progress_bar(percent: int, label: str) -> str:
    """A ``<progress>`` bar with an accessible name; its text says the same for old browsers."""
    return f'<progress max="100" value="{percent}" aria-label="{escape(label)}">{percent}%</progress>'


def criterion_rows(
    criterion: Item,
    latest: series.Measurement | None = None,
    count: int = 0,
    assessed: Assessment | None = None,
) -> list[tuple[str, str]]:
    """Label and value (HTML) of each field of a criterion block; its progress; why it is not SMART."""
    rows = []
    for name in FIELDS:
        label = escape(CRITERION.field(name).label)  # type: ignore[union-attr]
        rows.append(
            (label, meting_html(criterion, latest, count) if name == "meting" else _value(criterion, name))
        )
        if name == "meting" and latest is not None and assessed is not None:
            rows.append(("Voortgang", voortgang_html(criterion, assessed)))
    explanation = CRITERION.field("toelichting")
    if explanation and criterion.field(explanation.name):
        rows.append((escape(explanation.label), escape(criterion.field(explanation.name))))
    return rows


def chart_of(
    criterion: Item, measured: tuple[series.Measurement, ...], start: date | None, chart_id: str
) -> charts.LineChart | None:
    """The line chart of a criterion with two or more dated measurements that are numbers in one unit."""
    unit = criterion.field("eenheid")
    points = []
    units = set()
    for measurement in measured:
        quantity = parse_quantity(measurement.value, unit)
        if quantity is None or measurement.date is None:
            return None
        points.append((measurement.date, quantity.number))
        units.add(quantity.unit)
    if len(points) < 2 or len(units) != 1:
        return None
    (common,) = units

    def level(name: str) -> float | None:
        quantity = parse_quantity(criterion.field(name), unit)
        return quantity.number if quantity is not None and quantity.unit == common else None

    return charts.LineChart(
        chart_id=chart_id,
        title=f"Verloop van de metingen van {item_label(criterion)}",
        points=tuple(points),
        unit=common,
        baseline=level("nulmeting"),
        target=level("streefwaarde"),
        deadline=parse_iso(criterion.field("deadline")),
        start=start,
    )


def measurements_html(
    ctx: ViewContext,
    criterion: Item,
    measured: tuple[series.Measurement, ...],
    chart_id: str,
    under: Item | None = None,
) -> str:
    """The chart of the series (if it can be drawn) and its text equivalent: a table of every measurement."""
    items = [m for m in measured if m.from_series]
    if not items:
        return ""
    out = []
    chart = chart_of(criterion, measured, _start(ctx), chart_id)
    if chart is not None:
        out.append(
            f'<figure class="pt-chart-figure">{charts.line_chart(chart)}{charts.legend(chart)}</figure>'
        )
    caption = f"Metingen van {item_label(criterion)}" + (" (de grafiek als tabel)" if chart else "")
    headers = [escape(h) for h in ("Datum", "Waarde", "Bron")]
    # Three columns fit a phone; the date links to the measurement itself.
    rows = [
        [ctx.a(m.item, date_in_words(m.date_text)), escape(m.value), escape(m.item.field("bron"))]
        for m in reversed(items)
    ]
    markup = table(caption, headers, rows, classes=["pt-measurements"])
    # A criterion that measures two items stands twice on the dashboard: each region its own name.
    label = f"{caption}, bij {under.id}" if under is not None else caption
    region = f'<div class="pt-table-wrapper" tabindex="0" role="region" aria-label="{escape(label)}">'
    out.append(f"{region}{markup}</div>")
    return f'<div class="pt-series">{"".join(out)}</div>'


def _start(ctx: ViewContext) -> date | None:
    period = settings_of_build(ctx.app).context.period
    return period[0] if period else None


def criterion_block(ctx: ViewContext, item: Item, criterion: Item) -> nodes.section:
    """One criterion of ``item``: a heading with its link, status (and computed judgement), its fields."""
    judged = judged_of_build(ctx.app, criterion)
    title = nodes.title(
        "",
        "",
        ctx.reference(criterion),
        nodes.Text(" "),
        # A screen reader hears "status: op koers", not a word tacked on to the title.
        nodes.inline("", "status: ", classes=["pt-visually-hidden"]),
        judged_status_node(judged),
    )
    measured = series.series(ctx.programme, criterion)
    latest = measured[-1] if measured else None
    assessed = judged.assessment
    rows = criterion_rows(criterion, latest, len(measured), assessed)
    fields = field_table(f"Gegevens van {item_label(criterion)}", rows)
    extra = measurements_html(ctx, criterion, measured, f"grafiek-{item.id}-{criterion.id}", item)
    return nodes.section(
        "",
        title,
        raw(fields + extra),
        ids=[f"tevreden-{item.id}-{criterion.id}"],
        classes=["pt-criterion", f"pt-criterion-{tone(criterion.status)}"],
    )


def groups(ctx: ViewContext) -> list[tuple[str, list[tuple[Item, list[Item]]]]]:
    """Per measured type (model order): its items that have criteria, each with those criteria."""
    result = []
    for type_name in derive.measured_types():
        measured = [
            (item, measuring_criteria(ctx.programme, item)) for item in ctx.programme.of_type(type_name)
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
        if needs_criterion(item) and not measuring_criteria(ctx.programme, item)
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


def roll_up_counts(judged: list[Judged]) -> list[tuple[str, int]]:
    """How many criteria are counted under each judgement (:mod:`policy_trace.judging`)."""
    counts = dict.fromkeys(charts.ROLL_UP_STATUSES, 0)
    for one in judged:
        counts[one.judgement if one.judgement in counts else charts.UNDETERMINED] += 1
    return list(counts.items())


def roll_up_cell(judged: list[Judged]) -> str:
    """A bar of the counted judgements of some criteria, the same counts in words, and which were counted."""
    if not judged:
        return '<span class="pt-empty">geen criteria</span>'
    counts = roll_up_counts(judged)
    words = ", ".join(f"{count} {in_words(status)}" for status, count in counts if count)
    noun = "criterium" if len(judged) == 1 else "criteria"
    computed = sum(1 for one in judged if one.computed)
    text = f"{len(judged)} {noun}: {words} ({counted_words(computed, len(judged))})"
    return f'{charts.roll_up_bar(counts)}<span class="pt-rollup-text">{escape(text)}</span>'


def efforts_of(ctx: ViewContext, goal: Item) -> list[Item]:
    """The efforts that contribute to ``goal``, sorted by ID."""
    found = {
        other.id: other
        for link in derive.links_between("inspanning", goal.type)
        for other in ctx.programme.incoming(goal.id, link.name)
        if other.type == "inspanning"
    }
    return [found[key] for key in sorted(found)]


def roll_up_block(ctx: ViewContext) -> list[nodes.Node]:
    """Per goal: the statuses of its own criteria and of its efforts' criteria, as a bar and in words."""
    goals = [goal for type_name in model.GOAL_TYPES for goal in ctx.programme.of_type(type_name)]
    if not goals:
        return []
    rows = []
    for goal in goals:
        own = measuring_criteria(ctx.programme, goal)
        of_efforts = {
            c.id: c for effort in efforts_of(ctx, goal) for c in measuring_criteria(ctx.programme, effort)
        }
        rows.append(
            [
                ctx.a(goal),
                roll_up_cell([judged_of_build(ctx.app, c) for c in own]),
                roll_up_cell([judged_of_build(ctx.app, of_efforts[k]) for k in sorted(of_efforts)]),
            ]
        )
    caption = "Per doel: hoe zijn criteria en de criteria van zijn inspanningen ervoor staan"
    headers = [escape(h) for h in ("Doel", "Eigen criteria", "Criteria van zijn inspanningen")]
    markup = table(caption, headers, rows, classes=["pt-rollup"])
    note = nodes.paragraph(
        "",
        "Per doel het aantal criteria per oordeel: behaald, op koers, risico, niet behaald of onbepaald. "
        "Geteld is het oordeel dat uit de cijfers volgt; waar de cijfers geen oordeel geven, de status die "
        "het criterium zelf opgeeft, en onbepaald als het er geen heeft. Tussen haakjes staat welke van de "
        "twee geteld is.",
    )
    return [_section("tevreden-per-doel", "Per doel", note, scrolling(markup, caption))]


def legend(noun: str) -> nodes.paragraph:
    """How to read an empty field, said once above the dashboard (``noun``: "de agenda", "het programma")."""
    return nodes.paragraph(
        "",
        f"Wat {noun} (nog) niet vastlegt, staat hieronder als ",
        nodes.emphasis("", NOT_SET),
        nodes.Text("; een meting die nog niet is gedaan als "),
        nodes.emphasis("", NOT_MEASURED),
        nodes.Text(
            ". Waar nulmeting, streefwaarde en metingen getallen in dezelfde eenheid zijn, rekent de "
            "site de voortgang uit en geeft ze een oordeel met deze regel: "
        ),
        nodes.Text(RULE),
        classes=["pt-legend"],
    )


def render(ctx: ViewContext, _options: dict) -> list[nodes.Node]:
    """The whole dashboard."""
    # Before the sections: text after a section would read as part of that section.
    if ctx.programme.of_type("criterium"):
        opening: nodes.Node = legend(vocabulary_of_build(ctx.app).noun)
    else:
        opening = nodes.paragraph("", "Er zijn nog geen criteria.")
    out: list[nodes.Node] = [opening, *coverage_block(ctx), *roll_up_block(ctx)]
    for type_name, measured in groups(ctx):
        section = _section(f"tevreden-{type_name}", type_plural(type_name))
        for item, criteria in measured:
            title = nodes.title("", "", ctx.reference(item))
            blocks = [criterion_block(ctx, item, criterion) for criterion in criteria]
            section += nodes.section("", title, *blocks, ids=[f"tevreden-{item.id}"])
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
    return out


__all__ = ["TevredenDirective", "criterion_block", "groups", "open_items", "render", "roll_up_counts"]
