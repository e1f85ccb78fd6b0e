"""The reports of spec section 6: policy-report.json, policy-report.xml (JUnit), policy-report.sarif
(SARIF 2.1.0, for annotations in GitLab and GitHub) and the summary line.

Every output is a pure function of the sorted findings and the checked items,
so two builds of the same input give byte-identical files.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NamedTuple
from xml.etree import ElementTree as ET

from .findings import count_phrases, counts, other_warning
from .items import Item
from .outcome import Finding
from .rules import RULES
from .version import __version__

JSON_REPORT = "policy-report.json"
JUNIT_REPORT = "policy-report.xml"
SARIF_REPORT = "policy-report.sarif"
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
#: SARIF's result levels for our severities; a waived finding is a suppressed result at its rule's level.
SARIF_LEVELS = {"error": "error", "advice": "note"}
SUITE_NAME = "policy-trace"


#: What XML 1.0 cannot hold at all, not even as a character reference: C0 controls other than
#: tab, newline and carriage return, lone surrogates, U+FFFE and U+FFFF. A character pasted from
#: Word (a vertical tab, a form feed) would otherwise make the whole JUnit file unreadable.
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """``text`` with every character XML 1.0 cannot hold written out as ``\\xNN``/``\\uNNNN``."""
    return _NOT_IN_XML.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def json_report(findings: Sequence[Finding]) -> str:
    """``policy-report.json``: the findings with the keys of spec section 6, and counts per severity."""
    data = {
        "findings": [
            {
                "code": f.code,
                "severity": f.severity,
                "id": f.id,
                "type": f.type,
                "file": f.file,
                "line": f.line,
                "message": f.message,
                "fix": f.fix,
                **_waiver_keys(f),
            }
            for f in findings
        ],
        "counts": counts(findings),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _waiver_keys(found: Finding) -> dict[str, dict[str, str]]:
    if found.waiver is None:
        return {}
    waiver = found.waiver
    return {"uitzondering": {"tot": waiver.until, "door": waiver.owner, "reden": waiver.reason}}


def sarif_report(findings: Sequence[Finding], version: str) -> str:
    """``policy-report.sarif``: SARIF 2.1.0, one result per finding at its file and line.

    File paths are relative to the source folder (``uriBaseId`` ``SRCROOT``), as
    GitHub code scanning and GitLab read them from the repository root. A waived
    finding is a result with an in-source suppression whose justification is the reason.
    """
    rules = [
        {
            "id": rule.code,
            "name": rule.code,
            "shortDescription": {"text": rule.summary},
            "help": {"text": f"Oplossing: {rule.fix}"},
            "defaultConfiguration": {"level": SARIF_LEVELS[rule.severity]},
        }
        for rule in RULES
    ]
    # The warnings of Sphinx, sphinx-needs, MyST and our settings are results too, each under its code.
    known = {rule.code for rule in RULES}
    rules += [
        {
            "id": code,
            "name": code,
            "shortDescription": {"text": other_warning(code)},
            "defaultConfiguration": {"level": "error"},
        }
        for code in sorted({f.code for f in findings} - known)
    ]
    index = {str(rule["id"]): number for number, rule in enumerate(rules)}
    rule_severity = {rule.code: rule.severity for rule in RULES}
    results = []
    for found in findings:
        level = SARIF_LEVELS.get(found.severity, SARIF_LEVELS[rule_severity.get(found.code, "advice")])
        result: dict[str, object] = {
            "ruleId": found.code,
            "ruleIndex": index[found.code],
            "level": level,
            "message": {"text": found.text},
            # Stable across edits that move the item: GitHub matches results of two runs by this.
            "partialFingerprints": {"policyTrace/codeEnItem/v1": f"{found.code}:{found.id}"},
            "properties": {"item": found.id, "type": found.type, "severity": found.severity},
        }
        if found.file:
            result["locations"] = [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": found.file, "uriBaseId": "SRCROOT"},
                        "region": {"startLine": max(found.line, 1)},
                    }
                }
            ]
        if found.waiver is not None:
            result["suppressions"] = [{"kind": "inSource", "justification": found.waiver.text}]
        results.append(result)
    data = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": SUITE_NAME,
                        "version": version,
                        "language": "nl",
                        "rules": rules,
                    }
                },
                "language": "nl",
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


class _Case(NamedTuple):
    """One test case of the JUnit report: an item, or the place of a finding that is about no item."""

    id: str
    type: str
    file: str
    line: int


def junit_report(findings: Sequence[Finding], items: Iterable[Item]) -> str:
    """``policy-report.xml``: one test case per item; errors as failures, advice in system-out."""
    cases = [_Case(item.id, item.type, item.file, item.line) for item in items]
    # A finding about text that never became an item (PT109, a duplicate's second item, a page or a
    # setting) gets a case of its own, at its file and line: a CI reading only this file sees it too.
    known = {case.id for case in cases}

    def case_of(item_id: str, file: str, line: int) -> str:
        return item_id if item_id in known else f"{item_id}\0{file}\0{line}"

    by_item: dict[str, list[Finding]] = {}
    for found in findings:
        by_item.setdefault(case_of(found.id, found.file, found.line), []).append(found)
    cases += sorted(
        {_Case(f.id, f.type or "bron", f.file, f.line) for f in findings if f.id not in known},
        key=lambda i: (i.file, i.line, i.id),
    )
    failed = sum(
        1 for case in cases
        if any(f.severity == "error" for f in by_item.get(case_of(case.id, case.file, case.line), ()))
    )
    suite = ET.Element(
        "testsuite",
        {
            "name": SUITE_NAME,
            "tests": str(len(cases)),
            "failures": str(failed),
            "errors": "0",
            "skipped": "0",
            "time": "0",
        },
    )
    for case in cases:
        element = ET.SubElement(
            suite,
            "testcase",
            {
                "classname": f"{SUITE_NAME}.{case.type}",
                "name": case.id or case.type,
                "file": case.file,
                "line": str(case.line),
                "time": "0",
            },
        )
        own = by_item.get(case_of(case.id, case.file, case.line), [])
        for found in own:
            if found.severity == "error":
                failure = ET.SubElement(element, "failure", {"type": found.code, "message": found.text})
                failure.text = f"{found.location}: {found.text}"
        advice = [f"{f.location}: ADVIES: {f.text}" for f in own if f.severity == "advice"]
        advice += [
            f"{f.location}: UITGEZONDERD: {f.text} ({f.waiver.text})"
            for f in own
            if f.severity == "uitgezonderd" and f.waiver is not None
        ]
        if advice:
            ET.SubElement(element, "system-out").text = "\n".join(advice)
    suites = ET.Element(
        "testsuites",
        {
            "name": SUITE_NAME,
            "tests": str(len(cases)),
            "failures": str(failed),
            "errors": "0",
            "time": "0",
        },
    )
    suites.append(suite)
    for element in suites.iter():  # once, over everything any input put in
        element.attrib.update({key: xml_text(value) for key, value in element.attrib.items()})
        if element.text:
            element.text = xml_text(element.text)
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"


def summary_line(findings: Sequence[Finding], others: int = 0) -> str:
    """The build's last line of ours: ``policy-trace: 0 fouten, 12 adviezen``.

    ``others`` counts the warnings that are no finding (of Sphinx, sphinx-needs
    or MyST, or a wrong setting): every problem the build showed is in the line.
    """
    line = f"{SUITE_NAME}: {count_phrases(findings)}"
    if others:
        line += f", en {others} {'andere melding' if others == 1 else 'andere meldingen'} (zie hierboven)"
    return line


def write_reports(outdir: Path, findings: Sequence[Finding], items: Iterable[Item]) -> None:
    """Write the three report files at the root of ``outdir``."""
    outdir.mkdir(parents=True, exist_ok=True)
    # A lone surrogate cannot be UTF-8; as a JSON escape (\\udc80) the file stays valid JSON.
    (outdir / JSON_REPORT).write_text(json_report(findings), encoding="utf-8", errors="backslashreplace")
    (outdir / JUNIT_REPORT).write_text(junit_report(findings, items), encoding="utf-8")
    (outdir / SARIF_REPORT).write_text(
        sarif_report(findings, __version__), encoding="utf-8", errors="backslashreplace"
    )
