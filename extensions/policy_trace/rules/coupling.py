"""Links to coupled programmes (``ALIAS:ID``): an alias without a readable copy (PT111), and a link to
an item that has ended over there (PT408). Unknown IDs and wrong types are PT101 and PT102
(``links``); a coupled item that changed since the review is PT405 (``review``)."""

from __future__ import annotations

from collections.abc import Iterator

from ..items import Programme
from .common import CheckContext, coupled_targets
from .rule import Problem, rule


@rule(
    "PT111",
    "error",
    summary="Een koppeling naar een ander programma (ALIAS:ID) noemt een alias zonder leesbare kopie "
    "van dat programma.",
    fix="Zet de alias in policy_trace_koppelingen en haal de publicatie op met policy-trace koppel ALIAS "
    "BRON.",
    example="""\
```{inspanning} Samen oefenen met de buurregio
:id: IN-OEFENEN
:draagt_bij_aan: SD-BRAND, buurregio:SD-OEFENEN
:spoor: inhoudelijk
```
""",
)
def unknown_couplings(programme: Programme, context: CheckContext) -> Iterator[Problem]:
    """An ``ALIAS:ID`` link whose alias is not coupled, or whose copy cannot be read."""
    koppelingen = context.koppelingen
    for item in programme:
        for coupled in coupled_targets(item, context):
            alias = coupled.reference.alias
            if coupled.copy is not None:
                continue
            if alias in koppelingen.problems:
                yield Problem(
                    item,
                    f"'{coupled.link}' verwijst naar {coupled.value}, maar de kopie van '{alias}' is niet te "
                    f"lezen: {koppelingen.problems[alias]}.",
                    f"haal de publicatie opnieuw op met 'policy-trace koppel {alias} BRON'.",
                )
            else:
                known = ", ".join(sorted(koppelingen.copies)) or "geen"
                yield Problem(
                    item,
                    f"'{coupled.link}' verwijst naar {coupled.value}, maar '{alias}' is geen koppeling van "
                    f"dit programma (gekoppeld: {known}).",
                    f"verbeter de alias, of koppel het programma met 'policy-trace koppel {alias or 'ALIAS'} "
                    "BRON' (dat zet het in policy_trace_koppelingen).",
                )


@rule(
    "PT408",
    "advice",
    summary="Een item verwijst naar een item van een gekoppeld programma dat daar vervallen of gestopt is.",
    fix="Kijk of de bijdrage nog zin heeft: verwijs naar het item dat ervoor in de plaats kwam, of haal de "
    "koppeling weg.",
    example="""\
```{inspanning} Regionale oefening bij hoogwater
:id: IN-HOOGWATER
:draagt_bij_aan: SD-BRAND, landelijk:SD-HOOGWATER
:spoor: inhoudelijk
```
""",
    coupled="""\
```{doel} Voorbereid op hoogwater
:id: SD-HOOGWATER
:draagt_bij_aan: HD-LAND
:status: vervallen
```
""",
)
def ended_coupled_items(programme: Programme, context: CheckContext) -> Iterator[Problem]:
    """A link to a coupled item that is vervallen or gestopt in its own programme."""
    for item in programme:
        for coupled in coupled_targets(item, context):
            if coupled.item is None or coupled.copy is None or not coupled.item.ended:
                continue
            publication = coupled.copy.publication
            version = f" versie {publication.version} van" if publication.version else ""
            yield Problem(
                item,
                f"'{coupled.link}' verwijst naar {coupled.value} ({coupled.item.title}), dat in{version} "
                f"{publication.name} de status {coupled.item.status} heeft.",
                "verwijs naar het item dat ervoor in de plaats kwam, of haal de koppeling weg als de "
                "bijdrage niet meer telt.",
            )
