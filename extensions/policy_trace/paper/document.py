"""The board's paper as one HTML document, from the same Programme as the site; WeasyPrint prints it.

Pure: settings, items, the stand and findings in, an HTML string out.
Sections, in the order a board member reads them: on pages 1 and 2 the title
(meeting, version, status, dates), the stand van zaken and what is to be
decided (:mod:`.stand`), then what changed since the previous version; the
contents, the goal tree as pictures, *wanneer zijn we tevreden*, every item
with its fields and links; last, marked as an appendix for the programme
office, the checks' findings (the only place with file names). Every
mention of an item links to its own section (``#ID``), so the PDF's internal
links work. Only what the sources say is printed: an empty field says so.
"""

from __future__ import annotations

import base64
import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from html import escape

from .. import model, series
from ..dates import dutch_date
from ..items import Item, Programme
from ..judging import Judged
from ..koppelingen import NONE, Incoming, Koppelingen, is_coupled
from ..outcome import SEVERITY_LABELS, Finding
from ..rules.common import measuring_criteria, needs_criterion
from ..stand import Stand
from ..views import derive, gekoppeld
from ..views.context import ID_CLASS, item_label, type_title
from ..views.tevreden import meting_html
from ..views.words import (
    SHOWN_ONLY_WHEN_SET,
    TAGS_LABEL,
    judged_status_html,
    shown_value,
    status_html,
    tags_text,
    value_html,
)
from . import stand, tree

#: The dashboard's columns: the criterion's fields as the model labels them (the meting is the
#: latest of its series, see :mod:`policy_trace.series`).
DASHBOARD_FIELDS: tuple[str, ...] = ("nulmeting", "streefwaarde", "meting", "deadline")


@dataclass(frozen=True)
class Paper:
    """What the title page says, and what the paper shows."""

    title: str
    author: str
    version: str
    status: str
    #: The version's date, in words (``26 september 2014``).
    date: str
    #: The peildatum, in words.
    reference_date: str
    #: Every criterion's judgement, by ID: the build's own (``state.judgements_of_build``), as the site
    #: and rule PT304 show them.
    judgements: Mapping[str, Judged]
    programme: Programme
    findings: tuple[Finding, ...]
    #: Per item ID its text as its author wrote it (MyST Markdown), if any: where a refusal is located.
    texts: Mapping[str, str]
    stylesheet: str
    #: When the paper is made, as a W3C date-time (``2026-12-06T16:30:00+00:00``): its creation
    #: and modification date in the PDF's metadata (from ``SOURCE_DATE_EPOCH`` when that is set).
    created: str = ""
    #: The board meeting the paper is for (``policy-trace pdf --vergadering``), if given.
    meeting: datetime.date | None = None
    #: Where the programme stands (``stand.compute_stand``); pages 1 and 2 of the paper.
    stand: Stand | None = None
    #: Per item ID its text as HTML, rendered by the site's presenter (``views.words.body_html``).
    bodies: Mapping[str, str] = dataclass_field(default_factory=dict)
    #: The copies of the coupled programmes its ``ALIAS:ID`` links name (``state.koppelingen_of_build``).
    koppelingen: Koppelingen = NONE
    #: Per own item ID what the coupled programmes' items contribute to it (``state.incoming_of_build``).
    incoming: Mapping[str, tuple[Incoming, ...]] = dataclass_field(default_factory=dict)


def _a(item: Item, text: str | None = None) -> str:
    # As the site links an item (ViewContext.a): its title, then its ID as a small label.
    if text is not None or not item.title:
        label = escape(text if text is not None else item.id)
    else:
        label = f'{escape(item.title)} <span class="{ID_CLASS}">{escape(item.id)}</span>'
    return f'<a href="#{escape(item.id, quote=True)}">{label}</a>'


def _ref(paper: Paper, item_id: str) -> str:
    found = paper.programme.get(item_id)
    if found is None and is_coupled(item_id):
        # An item of a coupled programme (ALIAS:ID): as the site names it, linked to its page over there.
        return gekoppeld.reference_html(paper.koppelingen, item_id)
    return _a(found) if found else f"{escape(item_id)} (bestaat niet)"


def _cell(programme: Programme, criterion: Item, field: model.Field) -> str:
    # The dashboard's cell as the site's dashboard writes it (views/tevreden.py).
    if field.name != "meting":
        return value_html(criterion, field)
    measured = series.series(programme, criterion)
    return meting_html(criterion, measured[-1] if measured else None, len(measured))


def _status(paper: Paper, item: Item) -> str:
    # The site's badge: a criterion whose computed judgement differs from its author's status shows both.
    judged = paper.judgements.get(item.id)
    return judged_status_html(judged) if judged is not None else status_html(item)


def title_page(paper: Paper) -> str:
    rows = [
        ("Versie", escape(paper.version) if paper.version else '<span class="leeg">geen versienummer</span>'),
        ("Status", escape(paper.status)),
        ("Datum", escape(paper.date)),
        ("Peildatum", escape(paper.reference_date)),
    ]
    if paper.meeting is not None:
        rows.insert(0, ("Vergadering", escape(dutch_date(paper.meeting))))
    facts = "".join(f"<tr><th scope='row'>{label}</th><td>{value}</td></tr>" for label, value in rows)
    meeting = f" van {dutch_date(paper.meeting)}" if paper.meeting is not None else ""
    return (
        '<section class="titelpagina">'
        f'<p class="opdrachtgever">{escape(paper.author)}</p>'
        f"<h1>{escape(paper.title)}</h1>"
        f'<p class="ondertitel">Document voor de bestuursvergadering{escape(meeting)}</p>'
        f'<table class="gegevens"><caption>Over deze versie</caption>{facts}</table>'
        "</section>"
    )


#: (anchor, heading) of the sections after the title page.
SECTIONS: tuple[tuple[str, str], ...] = (
    ("doelenboom", "Doelenboom"),
    ("tevreden", "Wanneer zijn we tevreden"),
    ("items", "Alle items"),
    ("bevindingen", "Bijlage voor het programmabureau: bevindingen van de controles"),
)
#: The sections of pages 1 and 2 (with the stand), before the contents.
STAND_SECTIONS: tuple[tuple[str, str], ...] = (
    ("stand", "Stand van zaken"),
    ("besluiten", "Te besluiten"),
    ("aandacht", "Aandacht nodig"),
    ("binnenkort", "Binnenkort"),
    ("veranderd", "Veranderd sinds de vorige versie"),
)


def _entry(anchor: str, title: str) -> str:
    # The page number stands beside the link, not in it: one link annotation per entry (a
    # pseudo-element of the link would be a second link, nested in the first).
    return (
        f'<li><a href="#{anchor}">{escape(title)}</a><span class="pagina" data-doel="#{anchor}"></span></li>'
    )


def contents(paper: Paper) -> str:
    entries = [_entry(anchor, title) for anchor, title in SECTIONS]
    per_type = [
        _entry(f"type-{t.directive}", t.plural)
        for t in model.ITEM_TYPES
        if paper.programme.of_type(t.directive)
    ]
    at = [anchor for anchor, _title in SECTIONS].index("items")
    entries[at] = entries[at].replace("</li>", f"<ol>{''.join(per_type)}</ol></li>")
    if paper.stand is not None:
        shown = STAND_SECTIONS if paper.stand.changed is not None else STAND_SECTIONS[:-1]
        entries = [_entry(anchor, title) for anchor, title in shown] + entries
    return f'<nav class="inhoud" aria-label="Inhoud"><h2>Inhoud</h2><ol>{"".join(entries)}</ol></nav>'


def goal_tree(paper: Paper) -> str:
    pictures = tree.figures(paper.programme)
    if not pictures:
        return (
            '<section id="doelenboom"><h2>Doelenboom</h2>'
            "<p>Er zijn nog geen doelen, inspanningen of projecten.</p></section>"
        )
    figures = []
    for picture in pictures:
        data = base64.b64encode(picture.svg.encode("utf-8")).decode("ascii")
        alt = (
            f"Doelenboom, {picture.caption}: van links naar rechts de items met een lijn van elk item naar "
            "wat het dient. Dezelfde samenhang staat als tekst bij elk item in het hoofdstuk Alle items."
        )
        # At its own size (never scaled down): the labels stay 8 pt on paper.
        size = f"width: {picture.width:.1f}pt; height: {picture.height:.1f}pt"
        figures.append(
            f"<figure><figcaption>{escape(picture.caption)}</figcaption>"
            f'<img src="data:image/svg+xml;base64,{data}" alt="{escape(alt, quote=True)}" style="{size}">'
            "</figure>"
        )
    return (
        '<section id="doelenboom" class="liggend"><h2>Doelenboom</h2>'
        "<p>Van het hoofddoel via de strategische doelen en de inspanningen naar de projecten, van links "
        "naar rechts; per groep inspanningen een figuur, met de doelen die ze dienen ervoor. De koppelingen "
        "staan ook bij elk item onder Alle items.</p>"
        f"{''.join(figures)}</section>"
    )


def dashboard(paper: Paper) -> str:
    programme = paper.programme
    criterion = model.TYPES_BY_NAME["criterium"]
    labels = [criterion.field(name).label for name in DASHBOARD_FIELDS]  # type: ignore[union-attr]
    columns = ["Criterium", "Meet", *labels, "Status", "Voortgang"]
    head = "".join(f'<th scope="col">{escape(label)}</th>' for label in columns)
    rows = []
    for item in programme.of_type("criterium"):
        measured = [
            _ref(paper, target)
            for link in derive.measuring_links()
            for target in item.links.get(link.name, ())
        ]
        cells = [_a(item), "<br>".join(measured) or '<span class="leeg">niets</span>']
        cells += [_cell(programme, item, criterion.field(name)) for name in DASHBOARD_FIELDS]  # type: ignore[arg-type]
        cells.append(_status(paper, item))
        # The judgement the numbers give, with its rule written out; never a number the sources lack.
        cells.append(escape(paper.judgements[item.id].assessment.reason))
        rows.append("<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>")
    table = (
        f'<table class="tabel tevreden"><caption>Criteria: wanneer zijn we tevreden</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        if rows
        else "<p>Er zijn nog geen criteria.</p>"
    )
    open_items = [
        item
        for name in derive.measured_types()
        for item in programme.of_type(name)
        if needs_criterion(item) and not measuring_criteria(programme, item)
    ]
    missing = (
        "<p>Nog zonder criterium: " + ", ".join(_a(item) for item in open_items) + ".</p>"
        if open_items
        else ""
    )
    # Eight columns: on a landscape page, like the goal tree.
    heading = "<h2>Wanneer zijn we tevreden</h2>"
    return f'<section id="tevreden" class="liggend">{heading}{table}{missing}</section>'


def findings_table(paper: Paper) -> str:
    if not paper.findings:
        body = "<p>Geen bevindingen: het programma voldoet aan alle regels.</p>"
    else:
        head = "".join(
            f'<th scope="col">{label}</th>'
            for label in ("Code", "Ernst", "Item", "Plaats", "Bevinding", "Oplossing")
        )
        rows = []
        for found in paper.findings:
            item = paper.programme.get(found.id)
            what = escape(found.message) + (f"<br>({escape(found.waiver.text)})" if found.waiver else "")
            cells = [
                escape(found.code),
                escape(SEVERITY_LABELS[found.severity][0]),
                _a(item, item.id) if item else escape(found.id),
                escape(found.location or ""),
                what,
                escape(found.fix),
            ]
            rows.append("<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>")
        body = (
            f'<table class="tabel bevindingen"><caption>{len(paper.findings)} '
            f'{"bevinding" if len(paper.findings) == 1 else "bevindingen"}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        )
    intro = (
        "<p>Voor wie het programma schrijft en bijhoudt, niet voor het besluit: wat de controles van "
        "policy-trace vonden, met de plaats in de bronbestanden en hoe het op te lossen is.</p>"
    )
    heading = "Bijlage voor het programmabureau: bevindingen van de controles"
    return f'<section id="bevindingen" class="bijlage"><h2>{heading}</h2>{intro}{body}</section>'


def _links(paper: Paper, item: Item) -> list[tuple[str, str]]:
    rows = []
    for link in model.LINK_TYPES:
        targets = item.links.get(link.name, ())
        if targets:
            rows.append((link.outgoing, "<br>".join(_ref(paper, target) for target in targets)))
    for link in model.LINK_TYPES:
        sources = paper.programme.incoming(item.id, link.name)
        if sources:
            rows.append((link.incoming, "<br>".join(_a(source) for source in sources)))
    return rows


def item_section(paper: Paper, item: Item) -> str:
    item_type = item.item_type
    rows = [("Status", _status(paper, item))]
    if item_type:
        rows += [
            (field.label, value_html(item, field))
            for field in item_type.fields
            if field.name not in SHOWN_ONLY_WHEN_SET or shown_value(item, field)
        ]
    if item.tags:
        rows.append((TAGS_LABEL, escape(tags_text(item))))
    rows += [(derive.capitalised(label), value) for label, value in _links(paper, item)]
    if contributions := gekoppeld.contribution_lines(paper.incoming.get(item.id, ())):
        rows.append((gekoppeld.CONTRIBUTIONS_HEADING, "<br>".join(contributions)))
    table = "".join(f'<tr><th scope="row">{escape(label)}</th><td>{value}</td></tr>' for label, value in rows)
    return (
        f'<section class="item" id="{escape(item.id, quote=True)}">'
        # The title is the heading, the type and ID a small label after it, as on the site.
        f"<h4>{escape(item.title or item.id)}</h4>"
        f'<p class="kenmerk">{escape(type_title(item.type))} {escape(item.id)}</p>'
        f"{paper.bodies.get(item.id, '')}"
        f'<table class="velden"><caption>Velden en koppelingen</caption>{table}</table>'
        "</section>"
    )


def items_part(paper: Paper) -> str:
    parts = ['<section id="items"><h2>Alle items</h2>']
    for item_type in model.ITEM_TYPES:
        members = paper.programme.of_type(item_type.directive)
        if not members:
            continue
        parts.append(f'<section id="type-{item_type.directive}"><h3>{escape(item_type.plural)}</h3>')
        parts += [item_section(paper, item) for item in members]
        parts.append("</section>")
    parts.append("</section>")
    return "".join(parts)


def link_descriptions(paper: Paper) -> dict[str, str]:
    """Per anchor of the paper, where a link to it leads, in words (the PDF's link descriptions)."""
    found = {anchor: f"Naar het hoofdstuk {title}" for anchor, title in (*STAND_SECTIONS, *SECTIONS)}
    for item_type in model.ITEM_TYPES:
        found[f"type-{item_type.directive}"] = f"Naar het hoofdstuk {item_type.plural}"
    for item in paper.programme:
        found[item.id] = f"Naar {type_title(item.type).lower()} {item_label(item)}"
    return found


def render(paper: Paper) -> str:
    """The whole paper as one HTML document (Dutch, with its title and author as metadata)."""
    body: Iterable[str] = (
        title_page(paper),
        stand.render(paper.stand, paper.programme, paper.meeting) if paper.stand is not None else "",
        contents(paper),
        goal_tree(paper),
        dashboard(paper),
        items_part(paper),
        findings_table(paper),
    )
    description = f"{paper.title}, versie {paper.version}, {paper.status}, {paper.date}".replace(
        "versie , ", ""
    )
    return (
        '<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8">'
        f"<title>{escape(paper.title)}</title>"
        f'<meta name="author" content="{escape(paper.author, quote=True)}">'
        f'<meta name="description" content="{escape(description, quote=True)}">'
        '<meta name="generator" content="policy-trace">'
        + (
            f'<meta name="dcterms.created" content="{escape(paper.created, quote=True)}">'
            f'<meta name="dcterms.modified" content="{escape(paper.created, quote=True)}">'
            if paper.created
            else ""
        )
        + f"<style>{paper.stylesheet}</style></head><body>{''.join(body)}</body></html>"
    )
