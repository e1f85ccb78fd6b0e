"""Findings made and counted: at a rule's severity, as configured; the one helper that tells the author."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import cast

from sphinx.util import logging

from .items import Item
from .outcome import RULE_SEVERITIES, SEVERITIES, SEVERITY_LABELS, Finding, Severity
from .rules import RULES_BY_CODE

logger = logging.getLogger(__name__)

#: The Sphinx warning type of every finding; the rule code is the subtype,
#: so ``suppress_warnings = ["policy.PT403"]`` silences one rule.
WARNING_TYPE = "policy"


def finding(code: str, item: Item, message: str, fix: str) -> Finding:
    """A finding of ``code`` about ``item``, at the rule's default severity."""
    return Finding(
        code=code,
        severity=RULES_BY_CODE[code].severity,
        id=item.id,
        type=item.type,
        file=item.file,
        line=item.line,
        message=_sentence(message),
        fix=_sentence(fix),
        docname=item.docname,
    )


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    return text if text.endswith((".", "?", "!")) else text + "."


def is_suppressed(code: str, suppress_warnings: Sequence[str]) -> bool:
    """Whether ``suppress_warnings`` switches the warnings of rule ``code`` off.

    As Sphinx documents ``suppress_warnings``: an entry names a type
    (``policy``), every subtype of it (``policy.*``) or one subtype
    (``policy.PT403``). Our own words for it, not Sphinx's private
    ``is_suppressed_warning`` (tests/test_upstream.py holds them to agree).
    """
    return bool({WARNING_TYPE, f"{WARNING_TYPE}.*", f"{WARNING_TYPE}.{code}"} & set(suppress_warnings))


def apply_severities(
    findings: Iterable[Finding],
    overrides: Mapping[str, str],
    suppress_warnings: Sequence[str] = (),
) -> list[Finding]:
    """Findings with their configured severity, without those switched off, sorted.

    ``overrides`` is the validated ``policy_trace_severity``; a code listed in
    ``suppress_warnings`` (``policy.PT403``, ``policy.*`` or ``policy``) is
    dropped everywhere, like ``off``, so console, reports and site agree.
    """
    result = []
    for item in findings:
        severity = overrides.get(item.code, item.severity)
        suppressed = is_suppressed(item.code, suppress_warnings)
        if severity not in RULE_SEVERITIES or suppressed:
            continue  # "off"
        result.append(item if severity == item.severity else replace(item, severity=cast(Severity, severity)))
    return sorted(set(result), key=Finding.sort_key)


def counts(findings: Iterable[Finding]) -> dict[str, int]:
    """Findings per severity, every severity present (``{"error": 0, "advice": 3}``)."""
    result: dict[str, int] = dict.fromkeys(SEVERITIES, 0)
    for item in findings:
        result[item.severity] += 1
    return result


def count_phrases(findings: Iterable[Finding]) -> str:
    """``1 fout, 3 adviezen``; waived findings are named only when there are any."""
    numbers = counts(findings)
    return ", ".join(
        count_phrase(s, numbers[s]) for s in SEVERITIES if s in RULE_SEVERITIES or numbers[s]
    )


def count_phrase(severity: str, number: int) -> str:
    """``1 fout``, ``3 adviezen``."""
    singular, plural = SEVERITY_LABELS[severity]
    return f"{number} {singular if number == 1 else plural}"


def report(found: Finding) -> None:
    """Tell the author about one finding, location first, on one line.

    An error is a Sphinx warning (type ``policy``, subtype the code), so
    ``-W`` fails the build; advice is logged at info level, so it is shown
    without failing. The location is the file relative to the source folder,
    as in the reports.
    """
    if found.severity == "error":
        logger.warning("%s", found.text, type=WARNING_TYPE, subtype=found.code, location=found.location)
    elif found.severity == "uitgezonderd" and found.waiver is not None:
        logger.info(
            "%s",
            f"UITGEZONDERD: {found.text} ({found.waiver.text}) [{WARNING_TYPE}.{found.code}]",
            location=found.location,
        )
    else:
        # Sphinx adds "[type.subtype]" only to warnings; advice names its code
        # the same way, so it can be found in suppress_warnings and the docs.
        logger.info("%s", f"ADVIES: {found.text} [{WARNING_TYPE}.{found.code}]", location=found.location)
