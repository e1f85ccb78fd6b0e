"""Findings made and counted: at a rule's severity, as configured; the one helper that tells the author."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from enum import Enum
from typing import cast

from sphinx.util import logging

from .items import Item
from .outcome import RULE_SEVERITIES, SEVERITIES, SEVERITY_LABELS, Finding, Severity
from .rules import RULES_BY_CODE

logger = logging.getLogger(__name__)

#: The Sphinx warning type of every finding; the rule code is the subtype,
#: so ``suppress_warnings = ["policy.PT403"]`` silences one rule.
WARNING_TYPE = "policy"


class Subtype(str, Enum):
    """policy-trace's warnings that are no rule: type ``policy``, this subtype (as MyST's ``MystWarnings``).

    Each fails a ``-W`` build like an error finding, is a finding in the reports
    under the code ``policy.SUBTYPE``, and is silenced by ``suppress_warnings``.
    """

    #: A setting in conf.py that cannot be used (it then takes its default).
    CONFIG = "config"
    #: The board's PDF could not be made (``policy-trace pdf``).
    PDF = "pdf"
    #: A download beside the site (needs.json, the CSV) could not be written.
    EXPORT = "export"
    #: A page links to an address on the author's own computer (localhost, 127.0.0.1).
    LOCAL_LINK = "local-link"
    #: A setting, an item option or a page block under a name that is afgeschaft (``model.DEPRECATED``):
    #: still read as its replacement until its removal version.
    DEPRECATED = "deprecated"

    @property
    def code(self) -> str:
        """``policy.config``: how the reports and ``suppress_warnings`` name it."""
        return f"{WARNING_TYPE}.{self.value}"


#: The Sphinx event that answers every finding of the build so far, as the reports list them: the
#: rules' and every other warning shown (``checks.events.findings_of_build``). What is written above
#: the checks' layer (the paper) asks it with ``app.emit_firstresult``.
FINDINGS_EVENT = "policy-trace-findings"

#: Dutch words for the warnings that are no finding of a rule, by code (``type.subtype``) or by type.
OTHER_WARNINGS: dict[str, str] = {
    Subtype.CONFIG.code: "Een instelling in conf.py kan niet gebruikt worden; ze krijgt haar standaard.",
    Subtype.PDF.code: "De pdf voor het bestuur kan niet gemaakt worden.",
    Subtype.EXPORT.code: "Een download naast de site (needs.json, de CSV) kan niet geschreven worden.",
    Subtype.LOCAL_LINK.code: "Een pagina linkt naar een adres op de eigen computer: bij een lezer leidt "
    "dat nergens heen.",
    Subtype.DEPRECATED.code: "Een instelling, optie of blok heeft een afgeschafte naam; het werkt nog "
    "onder de nieuwe naam, tot de versie die de oude naam niet meer kent.",
    "toc.not_included": "Een pagina staat in geen inhoudsopgave (toctree): geen pagina linkt ernaar.",
    "needs": "Een melding van sphinx-needs over een item of een overzicht.",
    "myst": "Een melding van MyST over de Markdown van een pagina.",
    "sphinx": "Een melding van Sphinx over een pagina, een verwijzing of een instelling.",
}


def other_warning(code: str) -> str:
    """The Dutch summary of a warning that is no rule's: by its code, else its type, else Sphinx's."""
    kind = code.split(".", 1)[0]
    return OTHER_WARNINGS.get(code) or OTHER_WARNINGS.get(kind) or OTHER_WARNINGS["sphinx"]


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
