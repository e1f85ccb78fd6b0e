"""Coverage figures: how far the programme says *wanneer zijn we tevreden* and has complete plans.

A pure function of a :class:`~policy_trace.items.Programme`; the Controle page
and the dashboard show the same figures.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import model
from .items import Programme
from .rules.common import criterion_gaps, is_prioritised, measuring_criteria, missing_plan_elements


@dataclass(frozen=True)
class Ratio:
    """``part`` of ``total`` items meet a condition."""

    label: str
    part: int
    total: int

    @property
    def share(self) -> float | None:
        """The share from 0 to 1, or ``None`` when there is nothing to count."""
        return self.part / self.total if self.total else None

    @property
    def percentage(self) -> str:
        """``"75%"``, or ``"–"`` when there is nothing to count."""
        return "–" if self.share is None else f"{round(self.share * 100)}%"

    def __str__(self) -> str:
        return f"{self.part} van {self.total} ({self.percentage})"


@dataclass(frozen=True)
class Coverage:
    """The four figures of the Controle page."""

    goals_with_criterion: Ratio
    prioritised_efforts_with_criterion: Ratio
    complete_criteria: Ratio
    complete_plans: Ratio

    @property
    def ratios(self) -> tuple[Ratio, ...]:
        return (
            self.goals_with_criterion,
            self.prioritised_efforts_with_criterion,
            self.complete_criteria,
            self.complete_plans,
        )


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
