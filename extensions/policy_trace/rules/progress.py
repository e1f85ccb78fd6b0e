"""Progress that contradicts itself: done projects, achieved items, criteria (PT301-PT303)."""

from __future__ import annotations

from collections.abc import Iterator

from .. import model, series
from ..items import Programme
from ..outcome import CheckContext
from .common import measuring_criteria, milestones
from .rule import Problem, rule


@rule(
    "PT301",
    "error",
    summary="Een project is afgerond terwijl een mijlpaal nog gepland of vertraagd is.",
    fix="Werk de status van de open mijlpalen bij, of zet het project terug op in_uitvoering.",
    example="""\
```{project} Voorlichtingscampagne
:id: PRJ-CAMPAGNE
:voert_uit: IN-PREVENTIE
:opdracht: Een campagne in alle gemeenten voor 1 oktober 2024.
:opdrachtnemer: PA-REGIO
:financiering: Uit de begroting van de regio.
:borging: regionaal_crisisplan
:status: afgerond
```

```{mijlpaal} Campagne gestart
:id: MP-CAMPAGNE
:hoort_bij: PRJ-CAMPAGNE
:datum: 2024-09-01
:status: vertraagd
```
""",
)
def done_with_open_milestones(programme: Programme, context: CheckContext) -> Iterator[Problem]:
    """A project is afgerond while one of its milestones is gepland or vertraagd."""
    for project in programme.of_type("project"):
        if project.status != model.status_of("finished"):
            continue
        open_ones = [m for m in milestones(programme, project) if m.status in model.OPEN_STATUSES]
        if open_ones:
            listed = ", ".join(f"{m.id} ({m.status})" for m in open_ones)
            yield Problem(
                project,
                f"het project is afgerond, maar deze mijlpalen staan nog open: {listed}.",
                "zet die mijlpalen op behaald of vervallen, of zet het project terug op 'in_uitvoering'.",
            )


@rule(
    "PT302",
    "error",
    summary="Een item is behaald terwijl een criterium dat het meet niet behaald is.",
    fix=(
        "Zet het item pas op behaald als al zijn criteria behaald zijn, of werk de status van het criterium "
        "bij."
    ),
    example="""\
```{doel} Snelle hulp
:id: SD-HULP
:draagt_bij_aan: HD-VEILIG
:status: behaald
```

```{criterium} Opkomsttijd
:id: CR-HULP
:meet: SD-HULP
:indicator: Opkomsttijd in minuten
:streefwaarde: 8
:deadline: 2025-06-01
:bron: Meldkamer
:status: op_koers
```
""",
)
def achieved_without_criteria(programme: Programme, context: CheckContext) -> Iterator[Problem]:
    """An item is behaald while a criterion that measures it is not."""
    for item in programme:
        if item.status != model.status_of("achieved"):
            continue
        unmet = [c for c in measuring_criteria(programme, item) if c.status != model.status_of("achieved")]
        if unmet:
            listed = ", ".join(f"{c.id} ({c.status or 'geen status'})" for c in unmet)
            yield Problem(
                item,
                f"dit {item.type} staat op behaald, maar niet al zijn criteria zijn behaald: {listed}.",
                "zet het item pas op behaald als al zijn criteria behaald zijn, of werk de status van die "
                "criteria bij.",
            )


@rule(
    "PT303",
    "error",
    summary="Een criterium is behaald of niet behaald zonder meting.",
    fix="Vul bij 'meting' de gemeten waarde in (met 'meetdatum'), of zet de status terug.",
    example="""\
```{criterium} Deelnemende wijken
:id: CR-WIJKEN
:meet: IN-PREVENTIE
:status: behaald
```
""",
)
def verdict_without_measurement(programme: Programme, context: CheckContext) -> Iterator[Problem]:
    """A criterion is behaald or niet_behaald without a measurement (a meting item or its field)."""
    verdicts = (model.status_of("achieved"), model.status_of("missed"))
    for criterion in programme.of_type("criterium"):
        if criterion.status in verdicts and not series.series(programme, criterion):
            yield Problem(
                criterion,
                f"het criterium staat op '{criterion.status}', maar er is geen meting die dat laat zien.",
                f"voeg een meting toe (een item 'meting' met ':meet_voor: {criterion.id}'), of vul "
                "':meting:' en ':meetdatum:' in, of zet de status terug.",
            )
