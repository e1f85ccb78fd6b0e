"""Per item: its fields, its links both ways, its criteria, and for a project its plan.

sphinx-needs draws each item with a layout. Its default layout lists every
option through ``meta_all`` and ``meta_links_all``: costly (about a quarter of
a build, see issue 5), with the raw option names (``draagt_bij_aan``) and raw
values (``in_uitvoering``). So items get a lean layout (type, title, ID; the
text below) and we add, after it, what the model knows in Dutch: the labels
of ``model.Field``, the readable link names, values in words, the criteria
that measure the item, and for a project its plan elements a-e and milestones.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config

from .. import model
from ..checks.common import missing_plan_elements
from ..items import Item
from . import derive, outdated
from .context import ViewContext, type_plural
from .words import date_in_words, in_words, status_classes

LAYOUT = "policy_trace"

#: Type, title and a link to the item's own anchor: what a reader needs to
#: recognise and cite an item. Everything else follows in our own details.
LAYOUT_SPEC = {
    "grid": "simple",
    "layout": {"head": ['<<meta("type_name")>>: **<<meta("title")>>** <<meta_id()>>']},
}


def register_layout(app: Sphinx, config: Config) -> None:
    """``config-inited``: add the lean layout and make it the default, unless conf.py chose one."""
    from sphinx_needs.api import add_need_layout

    add_need_layout(app, LAYOUT, LAYOUT_SPEC)
    if config.needs_default_layout == "clean":  # sphinx-needs' default: not chosen by the project
        config.needs_default_layout = LAYOUT


def add_details(ctx: ViewContext, doctree: nodes.document) -> None:
    """After each item's layout table on this page, add its details."""
    for table in list(doctree.findall(nodes.table)):
        if "need" not in table["classes"] or not table["ids"]:
            continue
        item = ctx.programme.get(table["ids"][0])
        if item is None or item.docname != ctx.docname or table.parent is None:
            continue
        table.parent.insert(table.parent.index(table) + 1, details(ctx, item))


def status_node(item: Item) -> nodes.inline:
    """The status in words, with a class per value for colour (never the only cue)."""
    return nodes.inline("", in_words(item.status), classes=status_classes(item.status))


def _field(name: str, *body: nodes.Node) -> nodes.field:
    paragraph = nodes.paragraph("", "", *body)
    return nodes.field("", nodes.field_name("", name), nodes.field_body("", paragraph))


def _joined(ctx: ViewContext, items: list[Item], missing: tuple[str, ...] = ()) -> list[nodes.Node]:
    parts: list[nodes.Node] = []
    for index, other in enumerate(items):
        if index:
            parts.append(nodes.Text(", "))
        parts.append(ctx.reference(other))
    for item_id in missing:
        parts.append(nodes.Text(("; " if parts else "") + f"{item_id} (bestaat niet)"))
    return parts


def field_value(field: model.Field, value: str) -> str:
    """A field's value as a reader reads it (choices and dates in words)."""
    if field.kind == "choice":
        return in_words(value)
    if field.kind == "date":
        return date_in_words(value)
    return value


def details(ctx: ViewContext, item: Item) -> nodes.container:
    """The details of one item."""
    box = nodes.container(classes=["pt-item-details", f"pt-item-{item.type}"])
    fields = nodes.field_list(classes=["pt-fields"])
    if item.status:
        fields += _field("Status", status_node(item))
    item_type = item.item_type
    for spec in item_type.fields if item_type else ():
        if spec.plan_element:
            continue  # shown in the plan checklist below
        value = item.field(spec.name)
        if value:
            fields += _field(spec.label, nodes.Text(field_value(spec, value)))
    if item.tags:
        fields += _field("Labels", nodes.Text(", ".join(item.tags)))

    for link in model.LINK_TYPES:
        targets = item.links.get(link.name, ())
        if not targets:
            continue
        found = ctx.programme.outgoing(item, link.name)
        missing = tuple(t for t in targets if ctx.programme.get(t) is None)
        fields += _field(derive.capitalised(link.outgoing), *_joined(ctx, found, missing))

    shown_below = {link.name for link in derive.measuring_links()}
    if item.type == "project":
        shown_below |= {link.name for link in derive.links_between("mijlpaal", "project")}
    for link in model.LINK_TYPES:
        if link.name in shown_below:
            continue
        sources = ctx.programme.incoming(item.id, link.name)
        if sources:
            fields += _field(derive.capitalised(link.incoming), *_joined(ctx, sources))
    if len(fields):
        box += fields

    if item.type in derive.measured_types():
        box += criteria_block(ctx, item)
    if item.type == "project":
        box += plan_block(ctx, item)
        box += milestones_block(ctx, item)
    if item.type == "partij":
        box += party_overview_link(ctx, item)
    return box


def criteria_block(ctx: ViewContext, item: Item) -> list[nodes.Node]:
    """The criteria that measure the item, with their status: *wanneer zijn we tevreden*."""
    rubric = nodes.rubric("", "Wanneer zijn we tevreden?")
    criteria = derive.criteria_of(ctx.programme, item)
    if not criteria:
        open_text = (
            "Nog open: er is nog geen criterium vastgelegd dat zegt wanneer we tevreden zijn."
            if derive.needs_criterion(item)
            else "Er is (nog) geen criterium dat dit item meet."
        )
        return [rubric, nodes.paragraph("", open_text, classes=["pt-open"])]
    listing = nodes.bullet_list(classes=["pt-criteria"])
    for criterion in criteria:
        line = nodes.paragraph("", "", ctx.reference(criterion), nodes.Text(": "), status_node(criterion))
        facts = []
        for name in ("streefwaarde", "deadline"):
            spec = model.TYPES_BY_NAME["criterium"].field(name)
            if spec and criterion.field(name):
                facts.append(f"{spec.label.lower()} {field_value(spec, criterion.field(name))}")
        if facts:
            line += nodes.Text(f" ({', '.join(facts)})")
        listing += nodes.list_item("", line)
    return [rubric, listing]


def plan_elements(ctx: ViewContext, project: Item) -> list[tuple[str, str, bool, list[nodes.Node]]]:
    """Per plan element a-e: letter, label, present (as rule PT204 judges it), and what the plan says."""
    project_type = model.TYPES_BY_NAME["project"]
    missing = {letter for letter, _name in missing_plan_elements(ctx.programme, project)}
    rows = []
    for letter, name in model.PLAN_ELEMENTS:
        present = letter not in missing
        spec = project_type.field(name)
        if spec is not None:
            value = project.field(name)
            rows.append(
                (letter, spec.label, present, [nodes.Text(field_value(spec, value))] if value else [])
            )
        elif name in model.LINKS_BY_NAME:
            targets = ctx.programme.outgoing(project, name)
            rows.append(
                (
                    letter,
                    derive.capitalised(model.LINKS_BY_NAME[name].outgoing),
                    present,
                    _joined(ctx, targets),
                )
            )
        else:
            milestones = derive.milestones_of(ctx.programme, project)
            count = len(milestones)
            noun = model.TYPES_BY_NAME[name].title if count == 1 else type_plural(name)
            rows.append(
                (letter, type_plural(name), present, [nodes.Text(f"{count} {noun.lower()}")] if count else [])
            )
    return rows


def plan_block(ctx: ViewContext, project: Item) -> list[nodes.Node]:
    """The plan elements a-e as a checklist, each present or missing in words."""
    listing = nodes.bullet_list(classes=["pt-plan"])
    for letter, label, present, body in plan_elements(ctx, project):
        state = nodes.inline(
            "",
            "aanwezig" if present else "ontbreekt",
            classes=["pt-check", "pt-check-yes" if present else "pt-check-no"],
        )
        line = nodes.paragraph("", f"{letter}. {label}: ", state)
        if body:
            line += nodes.Text(" \u2013 ")
            line.extend(body)
        listing += nodes.list_item("", line)
    return [nodes.rubric("", "Projectplan (elementen a\u2013e)"), listing]


def milestones_block(ctx: ViewContext, project: Item) -> list[nodes.Node]:
    """The project's milestones by date, with their status."""
    milestones = derive.milestones_of(ctx.programme, project)
    rubric = nodes.rubric("", type_plural("mijlpaal"))
    if not milestones:
        return [rubric, nodes.paragraph("", "Dit project heeft nog geen mijlpalen.", classes=["pt-open"])]
    listing = nodes.bullet_list(classes=["pt-milestones"])
    for milestone in milestones:
        line = nodes.paragraph(
            "",
            f"{date_in_words(milestone.field('datum'))}: ",
            ctx.reference(milestone),
        )
        if milestone.status:
            line += nodes.Text(" \u2013 ")
            line += status_node(milestone)
        listing += nodes.list_item("", line)
    return [rubric, listing]


def party_overview_link(ctx: ViewContext, party: Item) -> list[nodes.Node]:
    """A link to the party's section on the parties page, if the site has one."""
    pages = outdated.pages_with(ctx.app.env, "partijen")
    if not pages:
        return []
    link = nodes.reference(
        "",
        f"Wat {party.title or party.id} doet in het programma",
        internal=True,
        refuri=ctx.doc_uri(pages[0], party.id),
    )
    return [nodes.paragraph("", "", link, classes=["pt-party-overview"])]


__all__ = ["LAYOUT", "add_details", "details", "register_layout", "status_node"]
