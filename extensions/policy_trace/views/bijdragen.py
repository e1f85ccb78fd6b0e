"""``{bijdragen}``: what coupled programmes contribute to this one (land ← regio's).

The national side couples the regions' publications (``policy-trace koppel``)
and shows, per goal and criterion of its own that their items link to (a
section each, with its ID): which programmes contribute, by the name they
publish, with which items (ID, title, status), and for a criterion their latest
measurement of it side by side (value, date, source): the seed's
*vergelijkbaarheid*, one comparison per criterion across the regions. Then the
goals that no coupled item links to directly, and per coupled programme its
version, and whether it links to nothing here or its copy is older than a year.

Everything comes from the committed copies: a region's items are never this
programme's own (they are not checked, counted or exported here).
"""

from __future__ import annotations

from datetime import date, timedelta

from docutils import nodes

from .. import model, series, state
from ..dates import dutch_date, parse_iso
from ..items import Item
from ..koppelingen import Incoming
from . import gekoppeld, outdated
from .context import ViewContext, plain_label
from .htmltable import escape, raw, scrolling, table
from .placeholders import ViewDirective
from .words import date_in_words, join_words

VIEW = "bijdragen"
#: A copy older than this (against the peildatum) is named as such: its contributions may be out of date.
STALE_AFTER = timedelta(days=365)


class BijdragenDirective(ViewDirective):
    """``{bijdragen}``: per goal and criterion, the items of coupled programmes that link to it."""

    view = VIEW


def incoming(ctx: ViewContext) -> list[Incoming]:
    """Every link from a coupled programme's items to this programme, by programme name, then item ID."""
    found = [link for links in state.incoming_of_build(ctx.app).values() for link in links]
    return sorted(found, key=lambda f: (f.copy.publication.name, f.copy.alias, f.source.id, f.link, f.target))


def _section(section_id: str, title: str, *body: nodes.Node) -> nodes.section:
    section = nodes.section("", nodes.title("", title), ids=[section_id], classes=["pt-bijdragen-section"])
    section.extend(body)
    return section


def anchor(item_id: str) -> str:
    """The anchor of an own item's section on this page."""
    return f"bijdragen-{item_id.lower()}"


def page_uri(ctx: ViewContext, item_id: str) -> str:
    """The link from this page to ``item_id``'s section of the contributions page; "" if the site has none."""
    pages = outdated.pages_with(ctx.app.env, VIEW)
    return ctx.doc_uri(pages[0], anchor(item_id)) if pages else ""


def _link_words(link: str) -> str:
    return model.LINKS_BY_NAME[link].outgoing if link in model.LINKS_BY_NAME else link


def contributions_table(ctx: ViewContext, target: Item, links: list[Incoming]) -> str:
    """Who contributes to ``target``: programme, item, status and how it links."""
    rows = []
    for found in links:
        status = gekoppeld.status_badge(found.source.status) if found.source.status else ""
        rows.append([
            escape(found.copy.publication.name),
            gekoppeld.item_link(found.copy, found.source),
            status,
            escape(_link_words(found.link)),
        ])
    return table(
        f"Bijdragen aan {plain_label(target)}", ["Programma", "Item", "Status", "Koppeling"], rows,
        classes=["pt-bijdragen"],
    )


def latest_measurements(links: list[Incoming]) -> list[Incoming]:
    """Per programme, its latest measurement (by date) among ``links``; by programme name."""
    latest: dict[str, Incoming] = {}
    for found in links:
        if found.source.type != series.MEASUREMENT_TYPE or found.link != series.MEASURES:
            continue
        day = found.source.fields.get("datum", "")
        kept = latest.get(found.copy.alias)
        if kept is None or day > kept.source.fields.get("datum", ""):
            latest[found.copy.alias] = found
    return sorted(latest.values(), key=lambda f: (f.copy.publication.name, f.copy.alias))


def comparison_table(ctx: ViewContext, criterion: Item, links: list[Incoming]) -> str:
    """The programmes' latest measurements of one criterion, side by side, each with date and source."""
    rows = []
    for found in latest_measurements(links):
        fields = found.source.fields
        rows.append([
            escape(found.copy.publication.name),
            escape(fields.get("waarde", "")),
            escape(date_in_words(fields.get("datum", ""))),
            escape(fields.get("bron", "")),
            gekoppeld.item_link(found.copy, found.source, found.source.id),
        ])
    if not rows:
        return ""
    unit = criterion.field("eenheid")
    value = f"Waarde ({unit})" if unit else "Waarde"
    return table(
        f"Laatste meting per programma van {plain_label(criterion)}",
        ["Programma", value, "Datum", "Bron", "Meting"], rows, classes=["pt-bijdragen-vergelijking"],
    )


def _order(item: Item) -> tuple[int, str]:
    # Goals first (the hoofddoel above the doelen), then criteria, then what else is linked to.
    ranks = {name: rank for rank, name in enumerate((*model.GOAL_TYPES, "criterium"))}
    return ranks.get(item.type, len(ranks)), item.id


def target_sections(ctx: ViewContext, links: list[Incoming]) -> list[nodes.section]:
    """A section per own item that coupled items link to: who contributes, and measurements side by side."""
    by_target: dict[str, list[Incoming]] = {}
    for found in links:
        by_target.setdefault(found.target, []).append(found)
    sections = []
    targets = [ctx.programme.items[t] for t in by_target if t in ctx.programme.items]
    for target in sorted(targets, key=_order):
        own = by_target[target.id]
        names = sorted({found.copy.publication.name for found in own})
        body = [
            raw(
                f'<p>{len(names)} {"programma draagt" if len(names) == 1 else "programma’s dragen"} bij: '
                f"{escape(join_words(names))}. {ctx.a(target, 'Naar het item')}.</p>"
            ),
            scrolling(contributions_table(ctx, target, own), f"Bijdragen aan {target.id}"),
        ]
        if target.type == "criterium" and (compared := comparison_table(ctx, target, own)):
            body.append(raw("<p>De laatste meting van elk programma, naast elkaar:</p>"))
            body.append(scrolling(compared, f"Metingen van {target.id}"))
        sections.append(_section(anchor(target.id), plain_label(target), *body))
    return sections


def unknown_targets(links: list[Incoming], ctx: ViewContext) -> str:
    """Links of coupled items to IDs this programme does not (or no longer) have."""
    gone = [found for found in links if found.target not in ctx.programme.items]
    if not gone:
        return ""
    lines = "".join(
        f"<li><p>{escape(found.copy.publication.name)}: {gekoppeld.item_link(found.copy, found.source)} "
        f"{escape(_link_words(found.link))} {escape(found.target)}, dat hier niet bestaat.</p></li>"
        for found in gone
    )
    return f'<ul class="pt-bijdragen-onbekend simple">{lines}</ul>'


def goals_without(ctx: ViewContext, links: list[Incoming]) -> list[Item]:
    """The goals of this programme that no coupled item links to directly, by ID."""
    reached = {found.target for found in links}
    return [goal for goal in ctx.programme.of_type(*model.GOAL_TYPES) if goal.id not in reached]


def programme_lines(ctx: ViewContext, links: list[Incoming], today: date) -> str:
    """Each coupled programme with its version and date, and what it contributes or why it may not."""
    linking = {found.copy.alias for found in links}
    lines = []
    for alias, copy in sorted(gekoppeld.of_build(ctx).copies.items(), key=lambda a: a[1].publication.name):
        publication = copy.publication
        facts = [f"versie {publication.version}"] if publication.version else []
        published = parse_iso(publication.date)
        if published:
            facts.append(f"van {dutch_date(published)}")
        notes = []
        count = sum(1 for found in links if found.copy.alias == alias)
        if alias not in linking:
            notes.append("verwijst nergens naar dit programma")
        else:
            notes.append(f"{count} {'koppeling' if count == 1 else 'koppelingen'} naar dit programma")
        if published is None or today - published > STALE_AFTER:
            notes.append(
                "de kopie is ouder dan een jaar: haal een nieuwere versie op met "
                f"policy-trace koppel {alias} BRON"
                if published else "de kopie noemt geen datum"
            )
        stale = ' class="pt-bijdragen-oud"' if len(notes) > 1 or alias not in linking else ""
        label = escape(f"{publication.name} ({', '.join(facts)})" if facts else publication.name)
        lines.append(f"<li{stale}><p>{label}: {escape('; '.join(notes))}.</p></li>")
    for alias, problem in sorted(gekoppeld.of_build(ctx).problems.items()):
        lines.append(f'<li class="pt-bijdragen-oud"><p>{escape(alias)}: de kopie is niet te lezen '
                     f"({escape(problem)}).</p></li>")
    return f'<ul class="pt-bijdragen-programmas simple">{"".join(lines)}</ul>'


def render(ctx: ViewContext, _options: dict) -> list[nodes.Node]:
    """The contributions of the coupled programmes, per goal and criterion, then the gaps."""
    copies = gekoppeld.of_build(ctx)
    if not copies:
        return [
            nodes.paragraph(
                "",
                "Er zijn geen programma's gekoppeld. Koppel de publicatie van een programma dat bijdraagt "
                "met: policy-trace koppel ALIAS BRON.",
            )
        ]
    today = state.settings_of_build(ctx.app).context.reference_date
    links = incoming(ctx)
    names = sorted({copy.publication.name for copy in copies.copies.values()})
    result: list[nodes.Node] = [
        raw(
            f"<p>{len(names)} gekoppelde {'programma' if len(names) == 1 else 'programma’s'} "
            f"({escape(join_words(names))}) met samen {len(links)} "
            f"{'koppeling' if len(links) == 1 else 'koppelingen'} naar dit programma, volgens hun "
            "gepubliceerde versies.</p>"
        )
    ]
    result += target_sections(ctx, links)
    if unknown := unknown_targets(links, ctx):
        title = "Verwijzingen naar items die hier niet bestaan"
        result.append(_section("bijdragen-onbekend", title, raw(unknown)))
    without = goals_without(ctx, links)
    if without:
        listed = "".join(f"<li><p>{ctx.a(goal)}</p></li>" for goal in without)
        body = raw(f'<ul class="pt-bijdragen-zonder simple">{listed}</ul>')
    else:
        body = nodes.paragraph("", "Elk doel krijgt een bijdrage van een gekoppeld programma.")
    result.append(_section("bijdragen-zonder", "Doelen zonder bijdrage", body))
    result.append(
        _section("bijdragen-programmas", "Gekoppelde programma's", raw(programme_lines(ctx, links, today)))
    )
    return result


__all__ = ["BijdragenDirective", "anchor", "incoming", "latest_measurements", "page_uri", "render"]
