"""Parties: a party no item links to (PT403)."""

from __future__ import annotations

from collections.abc import Iterator

from .. import model
from ..items import Programme
from ..outcome import CheckContext
from .rule import Problem, rule


@rule(
    "PT403",
    "advice",
    summary="Naar een partij verwijst geen enkel item.",
    fix="Verwijs naar de partij (bijvoorbeeld als trekker of opdrachtnemer), of haal haar weg.",
    example="""\
```{partij} Waterschap
:id: PA-WATERSCHAP
```
""",
)
def unlinked_parties(programme: Programme, context: CheckContext) -> Iterator[Problem]:
    """A partij that no item links to."""
    for party in programme.of_type("partij"):
        if not any(programme.incoming(party.id, link) for link in model.LINK_NAMES):
            yield Problem(
                party,
                "geen enkel item verwijst naar deze partij.",
                f"verwijs naar {party.id}, bijvoorbeeld met ':trekker:' of ':opdrachtnemer:', "
                "of haal de partij weg.",
            )
