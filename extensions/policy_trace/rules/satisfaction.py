"""*Wanneer zijn we tevreden*: criteria for goals and prioritised efforts (PT201-PT203)."""

from __future__ import annotations

from collections.abc import Iterator

from .. import model
from ..items import Programme
from ..outcome import CheckContext
from .common import criterion_gaps, incoming_of_type, is_prioritised, needs_criterion
from .rule import Problem, rule


@rule(
    "PT201",
    "advice",
    summary=(
        "Een (hoofd)doel of een inspanning met voorrang heeft geen criterium: wanneer zijn we tevreden is "
        "niet expliciet."
    ),
    fix="Voeg een criterium toe dat met 'meet' naar dit item verwijst en zegt wanneer we tevreden zijn.",
    example="""\
```{doel} Minder overstromingsschade
:id: SD-WATER
:draagt_bij_aan: HD-VEILIG
```
""",
)
def missing_criteria(programme: Programme, context: CheckContext) -> Iterator[Problem]:
    """A goal, or an effort with priority, that no criterion measures."""
    for item in programme:
        if needs_criterion(item) and not incoming_of_type(programme, item, "meet", "criterium"):
            what = "deze inspanning met voorrang" if is_prioritised(item) else f"dit {item.type}"
            yield Problem(
                item,
                f"geen criterium meet {what}: wanneer we tevreden zijn, is niet expliciet.",
                f"voeg een criterium toe met ':meet: {item.id}' dat zegt wanneer we tevreden zijn.",
            )


@rule(
    "PT202",
    "advice",
    summary="Een inspanning met voorrang heeft geen project dat haar uitvoert.",
    fix=(
        "Voeg een project toe dat met 'voert_uit' naar deze inspanning verwijst, of zet de prioriteit op "
        "nee."
    ),
    example="""\
```{inspanning} Rookmelders in elke woning
:id: IN-ROOKMELDERS
:draagt_bij_aan: SD-BRAND
:spoor: inhoudelijk
:prioriteit: ja
```

```{criterium} Woningen met rookmelder
:id: CR-ROOKMELDERS
:meet: IN-ROOKMELDERS
```
""",
)
def efforts_without_project(programme: Programme, context: CheckContext) -> Iterator[Problem]:
    """An effort with priority that no project carries out."""
    for item in programme.of_type("inspanning"):
        if is_prioritised(item) and not incoming_of_type(programme, item, "voert_uit", "project"):
            yield Problem(
                item,
                "deze inspanning heeft voorrang, maar geen project voert haar uit.",
                f"voeg een project toe met ':voert_uit: {item.id}', of zet ':prioriteit: nee'.",
            )


@rule(
    "PT203",
    "error",
    summary="Een criterium van een vastgesteld item mist indicator, streefwaarde, deadline of bron.",
    fix="Vul indicator, streefwaarde, deadline en bron aan, of zet 'smart: nee' met een toelichting.",
    example="""\
```{criterium} Snellere opkomst
:id: CR-OPKOMST
:meet: SD-BRAND
:indicator: Opkomsttijd brandweer in minuten
```
""",
)
def incomplete_criteria(programme: Programme, context: CheckContext) -> Iterator[Problem]:
    """A criterion lacks indicator, streefwaarde, deadline or bron while what it measures is set."""
    for criterion in programme.of_type("criterium"):
        gaps = criterion_gaps(criterion)
        if not gaps:
            continue
        decided = [
            target
            for target in programme.outgoing(criterion, "meet")
            if target.status in model.DECIDED_STATUSES
        ]
        if not decided:
            continue
        names = ", ".join(f"'{name}'" for name in gaps)
        subjects = ", ".join(f"{t.id} ({t.status})" for t in decided)
        yield Problem(
            criterion,
            f"het criterium mist {names}, terwijl het meet wat al is vastgesteld: {subjects}.",
            f"vul {names} aan, of zet ':smart: nee' met een ':toelichting:' waarom het niet SMART hoeft.",
        )
