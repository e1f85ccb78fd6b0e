"""Which function checks which rule, and one run of them all over a programme."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..coverage import Coverage, coverage
from ..findings import Finding, apply_severities
from ..items import Programme
from ..reports import CheckedItem, checked_items
from . import assumptions, dates, fields, ids, links, measurements, parties, plans, progress, satisfaction
from .common import CheckContext

Check = Callable[[Programme, CheckContext], Iterable[Finding]]

#: One pure function per rule of spec section 5, in the order of the rule table.
CHECKS: dict[str, Check] = {
    "PT101": links.dead_links,
    "PT102": links.wrong_target_types,
    "PT103": links.missing_links,
    "PT104": links.chain_cycles,
    "PT105": ids.id_patterns,
    "PT106": fields.field_values,
    "PT110": measurements.single_value_and_series,
    "PT201": satisfaction.missing_criteria,
    "PT202": satisfaction.efforts_without_project,
    "PT203": satisfaction.incomplete_criteria,
    "PT204": plans.incomplete_plans,
    "PT301": progress.done_with_open_milestones,
    "PT302": progress.achieved_without_criteria,
    "PT303": progress.verdict_without_measurement,
    "PT304": measurements.status_disagrees_with_numbers,
    "PT401": dates.dates_outside_period,
    "PT402": dates.overdue_milestones,
    "PT403": parties.unlinked_parties,
    "PT404": dates.stale_measurements,
    "PT406": assumptions.untested_assumptions,
}


@dataclass(frozen=True)
class CheckRun:
    """The outcome of checking one build: what the console, reports and Controle page show."""

    findings: tuple[Finding, ...]
    items: tuple[CheckedItem, ...]
    coverage: Coverage
    context: CheckContext


def run_checks(
    programme: Programme, context: CheckContext, codes: Iterable[str] | None = None
) -> list[Finding]:
    """Every finding of the rules ``codes`` (default: all), at their default severity, sorted."""
    found: list[Finding] = []
    for code in codes or CHECKS:
        found.extend(CHECKS[code](programme, context))
    return sorted(found, key=Finding.sort_key)


def check_programme(
    programme: Programme,
    context: CheckContext,
    overrides: Mapping[str, str] | None = None,
    suppress_warnings: Sequence[str] = (),
) -> CheckRun:
    """Check all rules (skipping those switched off) and apply the configured severities."""
    overrides = overrides or {}
    codes = [code for code in CHECKS if overrides.get(code) != "off"]
    findings = apply_severities(run_checks(programme, context, codes), overrides, suppress_warnings)
    return CheckRun(tuple(findings), checked_items(programme), coverage(programme), context)
