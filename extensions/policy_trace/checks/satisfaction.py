"""*Wanneer zijn we tevreden*: criteria for goals and prioritised efforts (PT201-PT203)."""

from __future__ import annotations

from collections.abc import Iterator

from .. import model
from ..findings import Finding, finding
from ..items import Programme
from .common import CheckContext, criterion_gaps, incoming_of_type, is_prioritised, needs_criterion


def missing_criteria(programme: Programme, context: CheckContext) -> Iterator[Finding]:
    """PT201: a goal, or an effort with priority, that no criterion measures."""
    for item in programme:
        if needs_criterion(item) and not incoming_of_type(programme, item, "meet", "criterium"):
            what = "deze inspanning met voorrang" if is_prioritised(item) else f"dit {item.type}"
            yield finding(
                "PT201",
                item,
                f"geen criterium meet {what}: wanneer we tevreden zijn, is niet expliciet.",
                f"voeg een criterium toe met ':meet: {item.id}' dat zegt wanneer we tevreden zijn.",
            )


def efforts_without_project(programme: Programme, context: CheckContext) -> Iterator[Finding]:
    """PT202: an effort with priority that no project carries out."""
    for item in programme.of_type("inspanning"):
        if is_prioritised(item) and not incoming_of_type(programme, item, "voert_uit", "project"):
            yield finding(
                "PT202",
                item,
                "deze inspanning heeft voorrang, maar geen project voert haar uit.",
                f"voeg een project toe met ':voert_uit: {item.id}', of zet ':prioriteit: nee'.",
            )


def incomplete_criteria(programme: Programme, context: CheckContext) -> Iterator[Finding]:
    """PT203: a criterion lacks indicator, streefwaarde, deadline or bron while what it measures is set."""
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
        yield finding(
            "PT203",
            criterion,
            f"het criterium mist {names}, terwijl het meet wat al is vastgesteld: {subjects}.",
            f"vul {names} aan, of zet ':smart: nee' met een ':toelichting:' waarom het niet SMART hoeft.",
        )
