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

from docutils import nodes

from .. import model
from ..coverage import coverage
from ..items import Item
from . import derive
from .context import ViewContext, item_label, type_plural
from .htmltable import escape, field_table, raw, scrolling, table
from .placeholders import ViewDirective
from .words import TONES, date_in_words, in_words, parse_number, status_classes

CRITERION = model.TYPES_BY_NAME["criterium"]
#: The fields of a criterion block, in this order, as the model labels them
#: (the meetdatum goes with the meting; the status is in the block's heading).
FIELDS: tuple[str, ...] = ("indicator", "nulmeting", "streefwaarde", "meting", "deadline", "bron")
#: How an empty field reads: the agenda left it open.
NOT_SET = "niet vastgelegd"
#: How an empty meting reads: nothing has been measured yet.
NOT_MEASURED = "nog niet gemeten"


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


def _status_word(item: Item) -> str:
    return in_words(item.status) if item.status else "geen status"


def status_html(item: Item) -> str:
    """The status as a word in a coloured badge (the word is the cue, the colour helps)."""
    classes = escape(" ".join(status_classes(item.status)))
    return f'<span class="{classes}">{escape(_status_word(item))}</span>'


def status_node(item: Item) -> nodes.inline:
    """:func:`status_html` as a docutils node, for headings."""
    return nodes.inline("", _status_word(item), classes=status_classes(item.status))


def _value(criterion: Item, name: str) -> str:
    spec = CRITERION.field(name)
    value = criterion.field(name)
    if not value:
        return f'<span class="pt-empty">{NOT_MEASURED if name == "meting" else NOT_SET}</span>'
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


def criterion_rows(criterion: Item) -> list[tuple[str, str]]:
    """Label and value (HTML) of each field of a criterion block; why it is not SMART, if it says."""
    rows = [
        (
            escape(CRITERION.field(name).label),  # type: ignore[union-attr]
            meting_html(criterion) if name == "meting" else _value(criterion, name),
        )
        for name in FIELDS
    ]
    explanation = CRITERION.field("toelichting")
    if explanation and criterion.field(explanation.name):
        rows.append((escape(explanation.label), escape(criterion.field(explanation.name))))
    return rows


def criterion_block(ctx: ViewContext, item: Item, criterion: Item) -> nodes.section:
    """One criterion of ``item``: a heading with its link and status, then its fields."""
    title = nodes.title(
        "",
        "",
        ctx.reference(criterion),
        nodes.Text(" "),
        # A screen reader hears "status: op koers", not a word tacked on to the title.
        nodes.inline("", "status: ", classes=["pt-visually-hidden"]),
        status_node(criterion),
    )
    fields = field_table(f"Gegevens van {item_label(criterion)}", criterion_rows(criterion))
    return nodes.section(
        "",
        title,
        raw(fields),
        ids=[f"tevreden-{item.id}-{criterion.id}"],
        classes=["pt-criterion", f"pt-criterion-{TONES.get(criterion.status, 'neutral')}"],
    )


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


def legend() -> nodes.paragraph:
    """How to read an empty field, said once above the dashboard."""
    return nodes.paragraph(
        "",
        "Wat de agenda (nog) niet vastlegt, staat hieronder als ",
        nodes.emphasis("", NOT_SET),
        nodes.Text("; een meting die nog niet is gedaan als "),
        nodes.emphasis("", NOT_MEASURED),
        nodes.Text("."),
        classes=["pt-legend"],
    )


def render(ctx: ViewContext, _options: dict) -> list[nodes.Node]:
    """The whole dashboard."""
    # Before the sections: text after a section would read as part of that section.
    if ctx.programme.of_type("criterium"):
        opening: nodes.Node = legend()
    else:
        opening = nodes.paragraph("", "Er zijn nog geen criteria.")
    out: list[nodes.Node] = [opening, *coverage_block(ctx)]
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


__all__ = ["TevredenDirective", "criterion_block", "groups", "open_items", "progress", "render"]
