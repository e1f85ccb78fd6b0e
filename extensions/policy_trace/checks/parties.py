"""Parties: a party no item links to (PT403)."""

from __future__ import annotations

from collections.abc import Iterator

from .. import model
from ..findings import Finding, finding
from ..items import Programme
from .common import CheckContext


def unlinked_parties(programme: Programme, context: CheckContext) -> Iterator[Finding]:
    """PT403: a partij that no item links to."""
    for party in programme.of_type("partij"):
        if not any(programme.incoming(party.id, link) for link in model.LINK_NAMES):
            yield finding(
                "PT403",
                party,
                "geen enkel item verwijst naar deze partij.",
                f"verwijs naar {party.id}, bijvoorbeeld met ':trekker:' of ':opdrachtnemer:', "
                "of haal de partij weg.",
            )
