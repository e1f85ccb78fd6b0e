"""policy-report.json and policy-report.xml (JUnit) as spec section 6 describes them, and the summary line."""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from checks_support import build_once, copy_root, report
from conftest import needs_json, warnings_of
from policy_trace.items import item_from_need
from policy_trace.outcome import Finding
from policy_trace.reports import (
    json_report,
    junit_report,
    sarif_report,
    summary_line,
    write_reports,
)

KEYS = ["code", "severity", "id", "type", "file", "line", "message", "fix"]


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    """The incremental root checked as ``make check`` does: the needs builder, no HTML."""
    return build_once(copy_root("test-rules-incremental", tmp_path_factory.mktemp("report")), "needs")


def test_the_json_report_holds_the_findings_and_counts_of_spec_section_6(checked):
    data = report(checked)
    assert list(data) == ["findings", "counts"]
    assert [list(f) for f in data["findings"]] == [KEYS, KEYS]
    assert data["findings"][0] == {
        "code": "PT106",
        "severity": "error",
        "id": "IN-PREVENTIE",
        "type": "inspanning",
        "file": "doelen.md",
        "line": 14,
        "message": "'spoor' is 'sociaal', maar een inspanning kent bij 'spoor' alleen: inhoudelijk, "
        "organisatorisch.",
        "fix": "kies bij 'spoor' een van: inhoudelijk, organisatorisch; of, als dit programma 'sociaal' wil "
        "gebruiken: een programma mag eigen waarden toestaan, voeg 'sociaal' dan toe aan "
        "policy_trace_spoor_values in conf.py.",
    }
    assert data["findings"][1]["code"] == "PT403" and data["findings"][1]["severity"] == "advice"
    assert data["counts"] == {"error": 1, "advice": 1, "uitgezonderd": 0}


def test_the_junit_report_has_one_case_per_item_errors_as_failures_advice_as_output(checked):
    suites = ET.parse(Path(checked.outdir) / "policy-report.xml").getroot()
    assert suites.tag == "testsuites"
    suite = suites.find("testsuite")
    cases = {case.get("name"): case for case in suite.iter("testcase")}
    assert set(cases) == set(needs_json(checked))
    assert suite.get("tests") == str(len(cases)) and suite.get("failures") == "1"
    failure = cases["IN-PREVENTIE"].find("failure")
    assert failure.get("type") == "PT106"
    assert failure.text.startswith("doelen.md:14: PT106 IN-PREVENTIE: 'spoor' is 'sociaal'")
    assert cases["IN-PREVENTIE"].get("file") == "doelen.md" and cases["IN-PREVENTIE"].get("line") == "14"
    advice = cases["PA-WATERSCHAP"]
    assert advice.find("failure") is None
    assert advice.find("system-out").text.startswith("partijen.md:7: ADVIES: PT403 PA-WATERSCHAP:")
    assert list(cases["HD-VEILIG"]) == []


def test_two_builds_of_the_same_input_give_byte_identical_reports(checked, tmp_path):
    again = build_once(copy_root("test-rules-incremental", tmp_path), "needs")
    for name in ("policy-report.json", "policy-report.xml", "policy-report.sarif"):
        assert (Path(again.outdir) / name).read_bytes() == (Path(checked.outdir) / name).read_bytes()


def test_a_clean_programme_of_every_type_has_no_findings(tmp_path):
    app = build_once(copy_root("test-every-type", tmp_path), "needs")
    assert warnings_of(app) == []
    assert report(app) == {"findings": [], "counts": {"error": 0, "advice": 0, "uitgezonderd": 0}}
    suite = ET.parse(Path(app.outdir) / "policy-report.xml").getroot().find("testsuite")
    assert (suite.get("tests"), suite.get("failures")) == (str(len(needs_json(app))), "0")
    assert {need["type"] for need in needs_json(app).values()} >= {
        "hoofddoel",
        "partij",
        "besluit",
        "criterium",
    }


def _finding(code: str, severity: str, item_id: str) -> Finding:
    return Finding(code, severity, item_id, "doel", "needs/doelen.md", 3, "iets is mis <&>.", "los het op.")


def test_reports_escape_and_keep_unicode():
    findings = [_finding("PT105", "error", "SD-ÜNICODE"), _finding("PT201", "advice", "SD-ÜNICODE")]
    items = [item_from_need({"id": "SD-ÜNICODE", "type": "doel", "lineno": 3}, "needs/doelen.md")]
    assert json.loads(json_report(findings))["findings"][0]["id"] == "SD-ÜNICODE"
    assert "SD-ÜNICODE" in json_report(findings)  # readable, not \\u-escaped
    case = ET.fromstring(junit_report(findings, items)).find("testsuite/testcase")
    assert case.find("failure").get("message") == "PT105 SD-ÜNICODE: iets is mis <&>. Oplossing: los het op."
    assert case.find("system-out").text == (
        "needs/doelen.md:3: ADVIES: PT201 SD-ÜNICODE: iets is mis <&>. Oplossing: los het op."
    )


def test_the_summary_line_counts_per_severity_in_dutch():
    assert summary_line([]) == "policy-trace: 0 fouten, 0 adviezen"
    assert summary_line([_finding("PT101", "error", "SD-A"), _finding("PT201", "advice", "SD-A")]) == (
        "policy-trace: 1 fout, 1 advies"
    )


# --- SARIF 2.1.0 ---------------------------------------------------------------------------

#: The OASIS SARIF 2.1.0 schema (errata 01), as published at SARIF_SCHEMA.
SARIF_SCHEMA_FILE = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"


def _sarif_errors(data: dict) -> list[str]:
    # jsonschema_rs comes with sphinx-needs (it validates needs with it): no extra dependency.
    import jsonschema_rs

    schema = json.loads(SARIF_SCHEMA_FILE.read_text(encoding="utf-8"))
    return [str(error) for error in jsonschema_rs.Draft4Validator(schema).iter_errors(data)]


def test_every_build_writes_a_sarif_report_valid_against_the_sarif_2_1_0_schema(checked):
    data = json.loads((Path(checked.outdir) / "policy-report.sarif").read_text(encoding="utf-8"))
    assert _sarif_errors(data) == []
    assert data["version"] == "2.1.0"
    run = data["runs"][0]
    assert run["tool"]["driver"]["name"] == "policy-trace"
    # One result per finding of the JSON report, each at its file and line.
    expected = [(f["code"], f["file"], f["line"], f["message"]) for f in report(checked)["findings"]]
    got = [
        (
            r["ruleId"],
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
            r["message"]["text"].split(": ", 1)[1].split(" Oplossing: ")[0],
        )
        for r in run["results"]
    ]
    assert got == expected
    assert [r["level"] for r in run["results"]] == ["error", "note"]
    rules = run["tool"]["driver"]["rules"]
    assert rules[run["results"][0]["ruleIndex"]]["id"] == "PT106"


def test_the_schema_test_fails_on_a_broken_sarif_report():
    broken = json.loads(sarif_report([_finding("PT105", "error", "SD-A")], "0.1.0"))
    assert _sarif_errors(broken) == []
    broken["runs"][0]["results"][0]["level"] = "fout"
    del broken["runs"][0]["tool"]
    assert len(_sarif_errors(broken)) >= 2


def test_a_finding_without_a_file_has_no_location_in_sarif():
    found = Finding("PT105", "error", "SD-A", "doel", "", 0, "mis.", "los op.")
    data = json.loads(sarif_report([found], "0.1.0"))
    assert _sarif_errors(data) == [] and "locations" not in data["runs"][0]["results"][0]


@pytest.mark.parametrize("nasty", ["\x0b", "\x0c", "\x00", "\x1b[31m", "\ud800", "\ufffe", "a\x08b"])
def test_reports_stay_valid_whatever_characters_the_input_holds(nasty, tmp_path):
    found = Finding("PT106", "error", f"SD-{nasty}", "doel", f"needs/{nasty}.md", 3,
                    f"'status' is 'vast{nasty}gesteld'.", "schrijf 'vastgesteld'.")
    items = [item_from_need({"id": found.id, "type": "doel", "lineno": 3}, found.file)]
    write_reports(tmp_path, [found], items)
    case = ET.parse(tmp_path / "policy-report.xml").getroot().find("testsuite/testcase")
    assert "vast" in case.find("failure").get("message")
    assert repr(nasty)[1:-1].split("[")[0] in case.find("failure").text  # shown as an escape, not lost
    data = json.loads((tmp_path / "policy-report.json").read_text(encoding="utf-8"))
    assert data["findings"][0]["message"].startswith("'status' is 'vast")
    sarif = json.loads((tmp_path / "policy-report.sarif").read_text(encoding="utf-8"))
    assert _sarif_errors(sarif) == []
