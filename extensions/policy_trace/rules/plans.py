"""Project plans: the five elements a-e once a project goes to decision (PT204)."""

from __future__ import annotations

from collections.abc import Iterator

from ..items import Programme
from .common import PLAN_REQUIRED_STATUSES, CheckContext, missing_plan_elements
from .rule import Problem, rule

_HOW = {
    "opdracht": "':opdracht:' (de SMART gemaakte opdracht)",
    "opdrachtnemer": "':opdrachtnemer:' (de partij die het uitvoert)",
    "financiering": "':financiering:' (hoe het betaald wordt)",
    "borging": "':borging:' (hoe de afspraken geborgd worden)",
    "mijlpaal": "minstens één mijlpaal met ':hoort_bij: {id}'",
}


@rule(
    "PT204",
    "error",
    summary="Een project ter besluitvorming of later mist een planelement (a-e).",
    fix=(
        "Vul het projectplan aan: opdracht (a), opdrachtnemer (b), financiering (c), borging (d) en "
        "mijlpalen (e)."
    ),
    example="""\
```{project} Huisbezoeken
:id: PRJ-HUISBEZOEK
:voert_uit: IN-PREVENTIE
:status: vastgesteld
```
""",
)
def incomplete_plans(programme: Programme, context: CheckContext) -> Iterator[Problem]:
    """A project ter_besluitvorming or later lacks a plan element."""
    for project in programme.of_type("project"):
        if project.status not in PLAN_REQUIRED_STATUSES:
            continue
        missing = missing_plan_elements(programme, project)
        if not missing:
            continue
        names = ", ".join(f"{name} ({letter})" for letter, name in missing)
        how = ", ".join(_HOW[name].format(id=project.id) for _, name in missing)
        yield Problem(
            project,
            f"het project is '{project.status}', maar het projectplan mist: {names}.",
            f"vul het plan aan met {how}, of zet de status terug op 'concept'.",
        )
