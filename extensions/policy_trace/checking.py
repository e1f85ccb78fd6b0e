"""One run of the rules over a programme: their findings, with the configured severities."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from .coverage import coverage
from .findings import apply_severities, finding
from .items import Programme
from .outcome import CheckContext, CheckRun, Finding
from .rules import RULES, RULES_BY_CODE
from .waiving import apply_waivers

#: The rules found over the findings of the others (PT501, PT502: waivers), applied after them.
FINDING_RULES: tuple[str, ...] = tuple(rule.code for rule in RULES if rule.check is None)


def run_checks(
    programme: Programme, context: CheckContext, codes: Iterable[str] | None = None
) -> list[Finding]:
    """Every finding of the rules ``codes`` (default: all), at their default severity, sorted."""
    chosen = RULES if codes is None else [RULES_BY_CODE[code] for code in codes]
    context = replace(context, rule_codes=frozenset(RULES_BY_CODE))
    found = [
        finding(rule.code, problem.item, problem.message, problem.fix)
        for rule in chosen
        if rule.check is not None
        for problem in rule.check(programme, context)
    ]
    return sorted(found, key=Finding.sort_key)


def check_programme(
    programme: Programme,
    context: CheckContext,
    overrides: Mapping[str, str] | None = None,
    suppress_warnings: Sequence[str] = (),
) -> CheckRun:
    """Check all rules (skipping those switched off), apply the configured severities, then the waivers."""
    overrides = overrides or {}
    codes = [code for code in RULES_BY_CODE if overrides.get(code) != "off"]
    findings = apply_severities(run_checks(programme, context, codes), overrides, suppress_warnings)
    waived = apply_waivers(programme, findings, context.reference_date)
    made = [f for f in waived if f.code in FINDING_RULES]
    kept = [f for f in waived if f.code not in FINDING_RULES]
    findings = sorted(kept + apply_severities(made, overrides, suppress_warnings), key=Finding.sort_key)
    return CheckRun(tuple(findings), tuple(programme), coverage(programme), context)
