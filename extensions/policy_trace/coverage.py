"""Coverage figures: how far the programme says *wanneer zijn we tevreden* and has complete plans.

A pure function of a :class:`~policy_trace.items.Programme`; the Controle page
and the dashboard show the same figures.
"""

from __future__ import annotations

from . import model
from .items import Programme
from .outcome import Coverage, Ratio
from .rules.common import criterion_gaps, is_prioritised, measuring_criteria, missing_plan_elements


def coverage(programme: Programme) -> Coverage:
    """The coverage figures of a programme."""
    goals = programme.of_type(*model.GOAL_TYPES)
    efforts = [item for item in programme.of_type("inspanning") if is_prioritised(item)]
    criteria = programme.of_type("criterium")
    projects = programme.of_type("project")
    return Coverage(
        goals_with_criterion=Ratio(
            "(Hoofd)doelen met een criterium",
            sum(1 for goal in goals if measuring_criteria(programme, goal)),
            len(goals),
        ),
        prioritised_efforts_with_criterion=Ratio(
            "Inspanningen met voorrang en een criterium",
            sum(1 for effort in efforts if measuring_criteria(programme, effort)),
            len(efforts),
        ),
        complete_criteria=Ratio(
            "Criteria met indicator, streefwaarde, deadline en bron",
            sum(1 for criterion in criteria if not criterion_gaps(criterion)),
            len(criteria),
        ),
        complete_plans=Ratio(
            "Projecten met een volledig plan (a-e)",
            sum(1 for project in projects if not missing_plan_elements(programme, project)),
            len(projects),
        ),
    )
