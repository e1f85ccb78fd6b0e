"""Per item: its fields, its links both ways, its criteria, and for a project its plan.

sphinx-needs draws each item with a layout. Its default layout lists every
option through ``meta_all`` and ``meta_links_all``: costly (about a quarter of
a build, see issue 5), with the raw option names (``draagt_bij_aan``) and raw
values (``in_uitvoering``). So items get a lean layout (type, title, ID; the
text below) and we add, after it, what the model knows in Dutch: the labels
of ``model.Field``, the readable link names, values in words, the criteria
that measure the item, and for a project its plan elements a-e and milestones.

On a web page the layout's table then becomes a section (:func:`item_card`):
the item's title a real heading at the level below the page's own, its type
and ID a small label under it, its text; the details' sub-headings one level
lower. A screen reader lists every item and can jump from one to the next.

The details are written as one HTML string per item, not as docutils nodes:
at 2,000 items the dozens of small nodes per item cost about 3 s of a build
(creating them, translating them to HTML, and feeding every link label to the
search index). Every text and attribute is escaped here (``html.escape``).
"""

from __future__ import annotations

from datetime import date
from html import escape

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config

from .. import model, series
from ..changes import Suspect
from ..items import Item
from ..koppelingen import CoupledSuspect, is_coupled
from ..rules.common import measuring_criteria, missing_plan_elements, needs_criterion
from ..state import incoming_of_build, judged_of_build, settings_of_build
from . import bijdragen, charts, derive, gekoppeld, outdated, tevreden, wijzigingen
from .context import ViewContext, type_plural, type_title
from .words import (
    TAGS_LABEL,
    date_in_words,
    field_value,
    in_words,
    judged_status_html,
    shown_value,
    status_html,
    tags_text,
)

LAYOUT = "policy_trace"

#: Type, title and a link to the item's own anchor: what a reader needs to
#: recognise and cite an item. Everything else follows in our own details.
LAYOUT_SPEC = {
    "grid": "simple",
    "layout": {"head": ['<<meta("type_name")>>: **<<meta("title")>>** <<meta_id()>>']},
}


class search_text(nodes.General, nodes.TextElement):  # noqa: N801 (docutils node naming)
    """Words the search index reads but no page shows: an item's own field values.

    The details are left out of the search index (class ``no-search``): they
    repeat the ID and title of every linked item, so a search for a title
    would list every page that merely links to it. An item's own field values
    (its opdracht, its indicator, its status) stay searchable through this node.
    """


def register_layout(app: Sphinx, config: Config) -> None:
    """``config-inited``: add the lean layout and make it the default, unless conf.py chose one."""
    from sphinx_needs.api import add_need_layout

    add_need_layout(app, LAYOUT, LAYOUT_SPEC)
    if config.needs_default_layout == "clean":  # sphinx-needs' default: not chosen by the project
        config.needs_default_layout = LAYOUT


def add_details(ctx: ViewContext, doctree: nodes.document) -> None:
    """Turn each item's layout table on this page into a card with a heading, and add its details.

    Only HTML builders get them: they are the web site's way to follow links
    between items, written as raw HTML that other writers would drop anyway.
    A PDF or text export keeps each item's own layout and text, and needs.json
    and the CSV hold every field and link.
    """
    if ctx.app.builder.format != "html":
        return
    for table in list(doctree.findall(nodes.table)):
        if "need" not in table["classes"] or not table["ids"]:
            continue
        item = ctx.programme.get(table["ids"][0])
        if item is None or item.docname != ctx.docname or table.parent is None:
            continue
        level = heading_level(table)
        card = item_card(item, table)
        table.replace_self(card)
        parent = card.parent
        if parent is None:  # replace_self always leaves the card in the table's place
            continue
        at = parent.index(card) + 1
        parent[at:at] = details_nodes(ctx, item, min(level + 1, MAX_LEVEL))


#: HTML has six heading levels; deeper sub-headings stay at the last one.
MAX_LEVEL = 6


def heading_level(node: nodes.Node) -> int:
    """The level of the heading an item gets where ``node`` stands: one below its section's."""
    sections = sum(1 for parent in _ancestors(node) if isinstance(parent, nodes.section))
    return min(sections + 1, MAX_LEVEL)


def _ancestors(node: nodes.Node) -> list[nodes.Node]:
    found = []
    parent = node.parent
    while parent is not None:
        found.append(parent)
        parent = parent.parent
    return found


def item_card(item: Item, table: nodes.table) -> nodes.section:
    """The item as a section: its title a real heading, its type and ID a small label below, then its text.

    sphinx-needs draws an item as a layout table whose first row holds type,
    title and ID in bold: a screen reader announces a table, and its list of
    headings skips every item. As a section, the HTML writer gives the title
    the heading level that follows the page's own headings, with a permalink.
    The section keeps the item's ID, so every link to ``#ID`` still lands on it.
    """
    card = nodes.section("", ids=list(table["ids"]), classes=["pt-item", "need", f"needs_type_{item.type}"])
    card += nodes.title("", item.title or item.id)
    label = nodes.paragraph("", "", classes=["pt-item-label"])
    label += nodes.inline("", type_title(item.type), classes=["pt-item-type"])
    label += nodes.Text(" ")
    label += nodes.inline("", item.id, classes=["pt-item-id"])
    card += label
    for entry in table.findall(nodes.entry):
        if "content" in entry["classes"]:
            # Moved, not copied: the table is dropped, and copying every item's text costs time.
            children = list(entry.children)
            entry.clear()
            card.extend(children)
            break
    return card


def details_nodes(ctx: ViewContext, item: Item, level: int = 4) -> list[nodes.Element]:
    """The details of one item as shown (one raw HTML node) and its own words for the search index.

    ``level`` is the level of the details' sub-headings (one below the item's own heading).
    """
    shown = nodes.raw(
        "",
        details(ctx, item, level),
        format="html",
        # The HTML writer wraps a raw node that has classes in a <div> with them.
        classes=["pt-item-details", f"pt-item-{item.type}", "docutils", "container", "no-search"],
    )
    words = own_words(item)
    return [shown, search_text("", words)] if words else [shown]


def own_words(item: Item) -> str:
    """The item's status and field values in words: what a search should find it by."""
    parts = [in_words(item.status)] if item.status else []
    item_type = item.item_type
    for spec in item_type.fields if item_type else ():
        value = shown_value(item, spec)
        if value:
            parts.append(field_value(spec, value))
    return " ".join(parts)


def _joined(ctx: ViewContext, items: list[Item], missing: tuple[str, ...] = ()) -> str:
    parts = ", ".join(ctx.a(other) for other in items)
    for item_id in missing:
        parts += ("; " if parts else "") + escape(f"{item_id} (bestaat niet)")
    return parts


def _field_list(rows: list[tuple[str, str]]) -> str:
    # The markup docutils writes for a field list, so the theme and our CSS style it alike.
    out = ['<dl class="pt-fields field-list simple">']
    for index, (label, value) in enumerate(rows):
        parity = "field-even" if index % 2 else "field-odd"
        out.append(
            f'<dt class="{parity}">{escape(label)}<span class="colon">:</span></dt>'
            f'<dd class="{parity}"><p>{value}</p></dd>'
        )
    out.append("</dl>")
    return "".join(out)


def _start(ctx: ViewContext) -> date | None:
    """The start of the looptijd, from which the judgement of a criterion counts the time."""
    period = settings_of_build(ctx.app).context.period
    return period[0] if period else None


def _rubric(text: str, level: int) -> str:
    # A real heading, one level below the item's: a screen reader lists it and can jump to it.
    return f'<h{level} class="pt-rubric">{escape(text)}</h{level}>'


def _bullets(css_class: str, lines: list[str]) -> str:
    items = "".join(f"<li><p>{line}</p></li>" for line in lines)
    return f'<ul class="{css_class} simple">{items}</ul>'


def details(ctx: ViewContext, item: Item, level: int = 4) -> str:
    """The details of one item, as HTML: fields, links both ways, criteria, plan, milestones.

    ``level`` is the level of its sub-headings (*Wanneer zijn we tevreden?*, *Projectplan*, …).
    """
    rows: list[tuple[str, str]] = []
    if item.type == "criterium":
        # The author's status, and the judgement computed from the numbers where it differs.
        judged = judged_of_build(ctx.app, item)
        if item.status or judged.computed:
            rows.append(("Status", judged_status_html(judged)))
    elif item.status:
        rows.append(("Status", status_html(item)))
    item_type = item.item_type
    for spec in item_type.fields if item_type else ():
        if spec.plan_element:
            continue  # shown in the plan checklist below
        value = shown_value(item, spec)
        if value:
            rows.append((spec.label, escape(field_value(spec, value))))
    if item.tags:
        rows.append((TAGS_LABEL, escape(tags_text(item))))

    for link in model.LINK_TYPES:
        targets = item.links.get(link.name, ())
        if not targets:
            continue
        found = ctx.programme.outgoing(item, link.name)
        missing = tuple(t for t in targets if ctx.programme.get(t) is None and not is_coupled(t))
        shown = _joined(ctx, found, missing)
        # Items of a coupled programme: with their programme, status and a link to the other site.
        outside = [gekoppeld.coupled_html(ctx, t) for t in targets if is_coupled(t)]
        if outside:
            shown = "; ".join(part for part in (shown, *outside) if part)
        rows.append((derive.capitalised(link.outgoing), shown))

    shown_below = {link.name for link in derive.measuring_links()}
    if item.type == "project":
        shown_below |= {link.name for link in derive.links_between("mijlpaal", "project")}
    if item.type == "criterium":
        shown_below.add(series.MEASURES)  # listed with their values in the measurements below
    for link in model.LINK_TYPES:
        if link.name in shown_below:
            continue
        sources = ctx.programme.incoming(item.id, link.name)
        if sources:
            rows.append((derive.capitalised(link.incoming), _joined(ctx, sources)))

    out = [_field_list(rows)] if rows else []
    out.append(contributions_block(ctx, item, level))
    to_review = wijzigingen.suspects_of_build(ctx).get(item.id)
    if to_review:
        out.insert(0, review_mark(ctx, to_review))
    if changed_outside := gekoppeld.to_review(ctx, item):
        out.insert(0, coupled_review_mark(ctx, changed_outside))
    if item.type in derive.measured_types():
        out.append(criteria_block(ctx, item, level))
    if item.type == "criterium":
        out.append(measurements_block(ctx, item, level))
    if item.type == "project":
        out.append(plan_block(ctx, item, level))
        out.append(milestones_block(ctx, item, level))
    if item.type == "partij":
        out.append(party_overview_link(ctx, item))
    return "".join(out)


def review_mark(ctx: ViewContext, to_review: tuple[Suspect, ...]) -> str:
    """The *te herzien* mark: which linked items changed, and where the overview is."""
    changes = wijzigingen.changes_of_build(ctx)
    causes = "".join(
        f"<li>{wijzigingen.cause_html(ctx, s, changes)}</li>" for s in to_review if changes is not None
    )
    uri = wijzigingen.page_uri(ctx, wijzigingen.SUSPECT_ANCHOR)
    more = f' <a class="reference internal" href="{escape(uri)}">Wat is er veranderd</a>' if uri else ""
    return (
        '<div class="pt-te-herzien" role="note"><p><strong class="pt-te-herzien-mark">Te herzien</strong>'
        f' sinds de vorige publicatie.{more}</p><ul class="simple">{causes}</ul></div>'
    )


def coupled_review_mark(ctx: ViewContext, to_review: list[CoupledSuspect]) -> str:
    """The *te herzien* mark for items of coupled programmes that changed since this item was reviewed."""
    causes = "".join(
        f"<li>{gekoppeld.coupled_html(ctx, s.value)}: {escape(', '.join(s.changed))} veranderd in "
        f"{escape(gekoppeld.programme_label(s.copy))}; leg het nalezen vast met "
        f"<code>:herzien: {escape(s.value)}@{escape(s.fingerprint)}</code></li>"
        for s in to_review
    )
    return (
        '<div class="pt-te-herzien" role="note"><p><strong class="pt-te-herzien-mark">Te herzien</strong>'
        f' sinds de versie van een gekoppeld programma waartegen dit item is nagelezen.</p>'
        f'<ul class="simple">{causes}</ul></div>'
    )


def contributions_block(ctx: ViewContext, item: Item, level: int = 4) -> str:
    """What the items of coupled programmes contribute to this item, per programme; "" if none do.

    Each item is linked to its page on the other programme's site, at the copied
    version's address, as ``{bijdragen}`` shows it (where the site has that page,
    it is linked too: it puts the programmes' measurements side by side).
    """
    lines = gekoppeld.contribution_lines(incoming_of_build(ctx.app).get(item.id, ()))
    if not lines:
        return ""
    out = _rubric(gekoppeld.CONTRIBUTIONS_HEADING, level) + _bullets("pt-contributions", lines)
    if uri := bijdragen.page_uri(ctx, item.id):
        out += (
            f'<p class="pt-contributions-overview"><a class="reference internal" href="{escape(uri)}">'
            "Alle bijdragen aan dit item naast elkaar</a></p>"
        )
    return out


def criteria_block(ctx: ViewContext, item: Item, level: int = 4) -> str:
    """The criteria that measure the item, with their status: *wanneer zijn we tevreden*."""
    rubric = _rubric("Wanneer zijn we tevreden?", level)
    criteria = measuring_criteria(ctx.programme, item)
    if not criteria:
        open_text = (
            "Nog open: er is nog geen criterium vastgelegd dat zegt wanneer we tevreden zijn."
            if needs_criterion(item)
            else "Er is (nog) geen criterium dat dit item meet."
        )
        return f'{rubric}<p class="pt-open">{escape(open_text)}</p>'
    criterion_type = model.TYPES_BY_NAME["criterium"]
    lines = []
    for criterion in criteria:
        line = f"{ctx.a(criterion)}: {judged_status_html(judged_of_build(ctx.app, criterion))}"
        facts = []
        for spec in criterion_type.fields:
            if spec.shown_when_linked and criterion.field(spec.name):
                facts.append(f"{spec.label.lower()} {field_value(spec, criterion.field(spec.name))}")
        if facts:
            line += escape(f" ({', '.join(facts)})")
        lines.append(line)
    return rubric + _bullets("pt-criteria", lines)


def measurements_block(ctx: ViewContext, criterion: Item, level: int = 4) -> str:
    """The criterion's measurements (``meting`` items), newest first, with their value and source."""
    measured = series.series(ctx.programme, criterion)
    items = [m for m in measured if m.from_series]
    rubric = _rubric(type_plural(series.MEASUREMENT_TYPE), level)
    assessed = judged_of_build(ctx.app, criterion).assessment
    judged = "Berekend oordeel" if assessed.judgement else "Voortgang"
    progress = f'<p class="pt-judgement">{escape(f"{judged}: {assessed.reason}")}</p>'
    if not items:
        if criterion.field("meting"):
            return progress  # a single value: shown with the fields above
        return f'{rubric}<p class="pt-open">Nog niet gemeten.</p>'
    lines = []
    for measurement in reversed(items):
        line = f"{escape(date_in_words(measurement.date_text))}: {escape(measurement.value)} \u2013 "
        line += ctx.a(measurement.item)
        if measurement.item.field("bron"):
            line += escape(f" (bron: {measurement.item.field('bron')})")
        lines.append(line)
    period = settings_of_build(ctx.app).context.period
    chart = tevreden.chart_of(criterion, measured, period[0] if period else None, f"grafiek-{criterion.id}")
    # The list below is the chart's text equivalent: every date, value and source.
    figure = (
        f'<figure class="pt-chart-figure">{charts.line_chart(chart)}{charts.legend(chart)}</figure>'
        if chart
        else ""
    )
    return rubric + figure + _bullets("pt-measurement-list", lines) + progress


def plan_elements(ctx: ViewContext, project: Item) -> list[tuple[str, str, bool, str]]:
    """Per plan element a-e: letter, label, present (as rule PT204 judges it), what the plan says (HTML)."""
    project_type = project.item_type or model.TYPES_BY_NAME["project"]  # the programme's own values
    missing = {letter for letter, _name in missing_plan_elements(ctx.programme, project)}
    rows = []
    for letter, name, _hint in model.PLAN_ELEMENTS:
        present = letter not in missing
        spec = project_type.field(name)
        if spec is not None:
            value = project.field(name)
            rows.append((letter, spec.label, present, escape(field_value(spec, value)) if value else ""))
        elif name in model.LINKS_BY_NAME:
            targets = ctx.programme.outgoing(project, name)
            label = derive.capitalised(model.LINKS_BY_NAME[name].outgoing)
            rows.append((letter, label, present, _joined(ctx, targets)))
        else:
            count = len(derive.milestones_of(ctx.programme, project))
            noun = model.TYPES_BY_NAME[name].title if count == 1 else type_plural(name)
            says = escape(f"{count} {noun.lower()}") if count else ""
            rows.append((letter, type_plural(name), present, says))
    return rows


def plan_block(ctx: ViewContext, project: Item, level: int = 4) -> str:
    """The plan elements a-e as a checklist, each present or missing in words."""
    lines = []
    for letter, label, present, body in plan_elements(ctx, project):
        state = (
            '<span class="pt-check pt-check-yes">aanwezig</span>'
            if present
            else '<span class="pt-check pt-check-no">ontbreekt</span>'
        )
        lines.append(f"{escape(f'{letter}. {label}: ')}{state}" + (f" \u2013 {body}" if body else ""))
    return _rubric("Projectplan (elementen a\u2013e)", level) + _bullets("pt-plan", lines)


def milestones_block(ctx: ViewContext, project: Item, level: int = 4) -> str:
    """The project's milestones by date, with their status."""
    milestones = derive.milestones_of(ctx.programme, project)
    rubric = _rubric(type_plural("mijlpaal"), level)
    if not milestones:
        return f'{rubric}<p class="pt-open">Dit project heeft nog geen mijlpalen.</p>'
    lines = []
    for milestone in milestones:
        line = f"{escape(date_in_words(milestone.field('datum')))}: {ctx.a(milestone)}"
        if milestone.status:
            line += f" \u2013 {status_html(milestone)}"
        lines.append(line)
    return rubric + _bullets("pt-milestones", lines)


def party_overview_link(ctx: ViewContext, party: Item) -> str:
    """A link to the party's section on the parties page, if the site has one."""
    pages = outdated.pages_with(ctx.app.env, "partijen")
    if not pages:
        return ""
    href = escape(ctx.doc_uri(pages[0], party.id))
    text = escape(f"Wat {party.title or party.id} doet in het programma")
    return f'<p class="pt-party-overview"><a class="reference internal" href="{href}">{text}</a></p>'


__all__ = [
    "LAYOUT",
    "add_details",
    "details",
    "details_nodes",
    "register_layout",
    "search_text",
]
