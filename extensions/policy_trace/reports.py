"""The reports of spec section 6: policy-report.json, policy-report.xml (JUnit) and the summary line.

Every output is a pure function of the sorted findings and the checked items,
so two builds of the same input give byte-identical files.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree as ET

from .findings import Finding, count_phrase, counts
from .items import Programme
from .rules import SEVERITIES

JSON_REPORT = "policy-report.json"
JUNIT_REPORT = "policy-report.xml"
SUITE_NAME = "policy-trace"


@dataclass(frozen=True)
class CheckedItem:
    """The little the reports need to know of an item that was checked."""

    id: str
    type: str
    file: str
    line: int


def checked_items(programme: Programme) -> tuple[CheckedItem, ...]:
    """Every item of the programme, as the reports list them (sorted by ID)."""
    return tuple(CheckedItem(i.id, i.type, i.file, i.line) for i in programme)


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
            }
            for f in findings
        ],
        "counts": counts(findings),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def junit_report(findings: Sequence[Finding], items: Sequence[CheckedItem]) -> str:
    """``policy-report.xml``: one test case per item; errors as failures, advice in system-out."""
    by_item: dict[str, list[Finding]] = {}
    for found in findings:
        by_item.setdefault(found.id, []).append(found)
    failed = sum(1 for item in items if any(f.severity == "error" for f in by_item.get(item.id, ())))
    suite = ET.Element(
        "testsuite",
        {
            "name": SUITE_NAME,
            "tests": str(len(items)),
            "failures": str(failed),
            "errors": "0",
            "skipped": "0",
            "time": "0",
        },
    )
    for item in items:
        case = ET.SubElement(
            suite,
            "testcase",
            {
                "classname": f"{SUITE_NAME}.{item.type}",
                "name": item.id,
                "file": item.file,
                "line": str(item.line),
                "time": "0",
            },
        )
        own = by_item.get(item.id, [])
        for found in own:
            if found.severity == "error":
                failure = ET.SubElement(case, "failure", {"type": found.code, "message": found.text})
                failure.text = f"{found.location}: {found.text}"
        advice = [f"{f.location}: ADVIES: {f.text}" for f in own if f.severity == "advice"]
        if advice:
            ET.SubElement(case, "system-out").text = "\n".join(advice)
    suites = ET.Element(
        "testsuites",
        {
            "name": SUITE_NAME,
            "tests": str(len(items)),
            "failures": str(failed),
            "errors": "0",
            "time": "0",
        },
    )
    suites.append(suite)
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"


def summary_line(findings: Sequence[Finding]) -> str:
    """The build's last line of ours: ``policy-trace: 0 fouten, 12 adviezen``."""
    numbers = counts(findings)
    return f"{SUITE_NAME}: " + ", ".join(count_phrase(s, numbers[s]) for s in SEVERITIES)


def write_reports(outdir: Path, findings: Sequence[Finding], items: Sequence[CheckedItem]) -> None:
    """Write both report files at the root of ``outdir``."""
    outdir.mkdir(parents=True, exist_ok=True)
    (outdir / JSON_REPORT).write_text(json_report(findings), encoding="utf-8")
    (outdir / JUNIT_REPORT).write_text(junit_report(findings, items), encoding="utf-8")
