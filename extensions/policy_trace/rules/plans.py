"""Project plans: the five elements a-e once a project goes to decision (PT204)."""

from __future__ import annotations

from collections.abc import Iterator

from .. import model
from ..items import Item, Programme
from ..outcome import CheckContext
from .common import missing_plan_elements
from .rule import Problem, rule


def _how(project: Item, name: str) -> str:
    """What to add for one missing plan element, from its hint in model.PLAN_ELEMENTS."""
    element = next(e for e in model.PLAN_ELEMENTS if e.name == name)
    if name in model.TYPES_BY_NAME:  # (e): the milestones, which point at their project
        return f"{element.hint} met ':hoort_bij: {project.id}'"
    return f"':{name}:' ({element.hint})"


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
        if project.status not in model.PLAN_REQUIRED_STATUSES:
            continue
        missing = missing_plan_elements(programme, project)
        if not missing:
            continue
        names = ", ".join(f"{name} ({letter})" for letter, name in missing)
        how = ", ".join(_how(project, name) for _, name in missing)
        yield Problem(
            project,
            f"het project is '{project.status}', maar het projectplan mist: {names}.",
            f"vul het plan aan met {how}, of zet de status terug op 'concept'.",
        )
