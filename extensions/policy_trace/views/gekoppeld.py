"""How the site shows an item of a coupled programme (``ALIAS:ID``): its programme, title and status,
linked to its page on the other site at the copied version's fixed address.

One presenter for every view (item details, doelenboom, stand van zaken, bijdragen), so a coupled
item reads the same everywhere. The coupled items come from the build's copies
(:func:`policy_trace.state.koppelingen_of_build`), never from the programme's own items.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from html import escape
from typing import NamedTuple

from .. import koppelingen, series, state, urls
from ..items import Item
from ..koppelingen import Copy
from ..rules.common import link_allowed
from .context import ID_CLASS, ViewContext
from .words import date_in_words, status_classes, status_word


class Coupled(NamedTuple):
    """One ``ALIAS:ID`` link of an own item, resolved against the build's copies."""

    link: str
    value: str
    copy: Copy | None
    item: Item | None


def of_build(ctx: ViewContext) -> koppelingen.Koppelingen:
    """The build's copies of the coupled programmes."""
    return state.koppelingen_of_build(ctx.app)


def resolve(ctx: ViewContext, value: str) -> tuple[Copy | None, Item | None]:
    """The copy and the coupled item a link value ``ALIAS:ID`` names (None where there is none)."""
    return of_build(ctx).resolve(value)


def coupled_links(ctx: ViewContext, item: Item, link_names: tuple[str, ...] | None = None) -> list[Coupled]:
    """The item's ``ALIAS:ID`` links (of ``link_names``, default all), in the order written."""
    found = []
    for link, targets in item.links.items():
        if link_names is not None and link not in link_names:
            continue
        for value in targets:
            if koppelingen.is_coupled(value):
                copy, target = resolve(ctx, value)
                found.append(Coupled(link, value, copy, target))
    return found


@dataclass(frozen=True)
class Contribution:
    """An item of a coupled programme that own items link to, and those items (in the order found)."""

    value: str
    copy: Copy
    target: Item
    items: list[Item]


def contributions(
    ctx: ViewContext, items: Iterable[Item], link_names: tuple[str, ...] | None = None
) -> list[Contribution]:
    """The coupled items that ``items`` link to (with ``link_names``), each with those items; by value."""
    found: dict[str, Contribution] = {}
    for item in items:
        for coupled in coupled_links(ctx, item, link_names):
            if coupled.item is None or coupled.copy is None:
                continue  # reported by PT101 or PT111
            fresh = Contribution(coupled.value, coupled.copy, coupled.item, [])
            entry = found.setdefault(coupled.value, fresh)
            if item not in entry.items:
                entry.items.append(item)
    return [found[value] for value in sorted(found)]


def to_review(ctx: ViewContext, item: Item) -> list[koppelingen.CoupledSuspect]:
    """The coupled items this item links to that changed since its review (as rule PT405 finds them)."""
    allowed = {name: targets for name, targets in item.links.items() if link_allowed(item, name)}
    return koppelingen.coupled_suspects(allowed, item.fields.get("herzien", ""), of_build(ctx))


def status_badge(status: str) -> str:
    """A status as a word in a coloured badge, as :func:`words.status_html` draws an own item's."""
    return f'<span class="{escape(" ".join(status_classes(status)))}">{escape(status_word(status))}</span>'


def item_link(copy: Copy, item: Item, text: str | None = None) -> str:
    """A link to the coupled item's page on the other site (plain text if its address is unknown)."""
    url = copy.url(item)
    if text is not None or not item.title:
        label = escape(text if text is not None else item.id)
    else:
        # As an own item's link reads (ViewContext.a): the title, then the ID as a small label.
        label = f'{escape(item.title)} <span class="{ID_CLASS}">{escape(item.id)}</span>'
    if not url or not urls.is_safe(url):
        # The address comes from the other programme's publication: never a javascript: link here.
        return f'<span class="pt-coupled-item">{label}</span>'
    return f'<a class="reference external pt-coupled-link" href="{escape(url)}">{label}</a>'


#: The heading over what coupled programmes contribute to an item (its page, its section in the paper).
CONTRIBUTIONS_HEADING = "Bijdragen van gekoppelde programma\u2019s"


def contribution_html(found: koppelingen.Incoming) -> str:
    """One contributing item: linked to its page there, with its status; a measurement with its value."""
    source = found.source
    shown = item_link(found.copy, source)
    if source.status:
        shown += f" {status_badge(source.status)}"
    if source.type == series.MEASUREMENT_TYPE and (value := source.fields.get("waarde")):
        measured = escape(value)
        if day := source.fields.get("datum"):
            measured += escape(f" op {date_in_words(day)}")
        if where := source.fields.get("bron"):
            measured += escape(f" (bron: {where})")
        shown += f": {measured}"
    return shown


def contribution_lines(contributions: Iterable[koppelingen.Incoming]) -> list[str]:
    """Per programme (in the order given): its label and what its items contribute, as HTML."""
    per_programme: dict[str, list[koppelingen.Incoming]] = {}
    for found in contributions:
        per_programme.setdefault(found.copy.alias, []).append(found)
    return [
        f"{escape(programme_label(found[0].copy))}: {'; '.join(contribution_html(f) for f in found)}"
        for found in per_programme.values()
    ]


def programme_label(copy: Copy) -> str:
    """``Landelijk programma, versie 1.1``: the programme as it publishes its name, and the copied version."""
    version = f", versie {copy.publication.version}" if copy.publication.version else ""
    return f"{copy.publication.name}{version}"


def coupled_html(ctx: ViewContext, value: str) -> str:
    """A coupled link target as a reader sees it: programme, linked ID and title, status."""
    return reference_html(of_build(ctx), value)


def reference_html(copies: koppelingen.Koppelingen, value: str) -> str:
    """A link value ``ALIAS:ID`` as :func:`coupled_html` shows it, from ``copies`` (for site and paper)."""
    copy, item = copies.resolve(value)
    if copy is None or item is None:
        # The build reports it (PT101, PT111); the page says plainly that it was not found.
        return escape(f"{value} (niet gevonden in de gekoppelde programma's)")
    status = f" {status_badge(item.status)}" if item.status else ""
    return (
        f'<span class="pt-coupled">{escape(copy.publication.name)}: {item_link(copy, item)}{status}</span>'
    )


__all__ = [
    "CONTRIBUTIONS_HEADING", "Contribution", "Coupled", "contribution_html", "contribution_lines",
    "contributions", "coupled_html", "coupled_links", "item_link",
    "programme_label", "reference_html", "resolve", "status_badge",
]
