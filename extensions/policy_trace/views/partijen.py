"""Per party: what it leads, carries out, commissions and decided.

``{partijen}`` puts one section per party on its page (anchor: the party's
ID), each listing the items that point at the party, per link, under the
link's incoming name (*is trekker van*, *is opdrachtnemer van*, …). The
party's own item links here (see ``item_details``).
"""

from __future__ import annotations

from docutils import nodes

from ..items import Item
from . import derive
from .context import ViewContext
from .placeholders import ViewDirective


class PartijenDirective(ViewDirective):
    """``{partijen}``: a section per party."""

    view = "partijen"


def roles(ctx: ViewContext, party: Item) -> list[tuple[str, list[Item]]]:
    """Per link that points at parties: its incoming name and the items that use it for ``party``."""
    return [
        (link.incoming, ctx.programme.incoming(party.id, link.name))
        for link in derive.party_links()
        if ctx.programme.incoming(party.id, link.name)
    ]


def party_section(ctx: ViewContext, party: Item) -> nodes.section:
    """The section of one party."""
    section = nodes.section("", nodes.title("", party.title or party.id), ids=[party.id])
    section += nodes.paragraph("", "", nodes.Text("Het item: "), ctx.reference(party))
    found = roles(ctx, party)
    if not found:
        section += nodes.paragraph(
            "", "Geen enkel item verwijst (nog) naar deze partij.", classes=["pt-open"]
        )
        return section
    listing = nodes.field_list(classes=["pt-fields", "pt-party-roles"])
    for name, items in found:
        body = nodes.bullet_list()
        for item in items:
            body += nodes.list_item("", nodes.paragraph("", "", ctx.reference(item)))
        listing += nodes.field("", nodes.field_name("", derive.capitalised(name)), nodes.field_body("", body))
    section += listing
    return section


def render(ctx: ViewContext, _options: dict) -> list[nodes.Node]:
    """A short index of the parties, then a section per party."""
    parties = ctx.programme.of_type("partij")
    if not parties:
        return [nodes.paragraph("", "Er zijn nog geen partijen.")]
    index = nodes.bullet_list(classes=["pt-party-index"])
    for party in parties:
        link = nodes.reference("", party.title or party.id, internal=True, refuri=f"#{party.id}")
        index += nodes.list_item("", nodes.paragraph("", "", link))
    return [index, *(party_section(ctx, party) for party in parties)]


__all__ = ["PartijenDirective", "render", "roles"]
