"""Every rule of spec section 5: a failing example beside a passing one, as an adviser sees it.

The items of ``tests/roots/test-rules`` say in a comment right above them
which findings they must produce (``<!-- verwacht: PT101 "words" -->``, or
``verwacht: niets``); one build checks them all.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from checks_support import advice_lines, build_once, copy_root, expectations, report, status_lines
from conftest import warnings_of
from policy_trace.rules import RULES, RULES_BY_CODE


@pytest.fixture(scope="module")
def rules_app(tmp_path_factory):
    return build_once(copy_root("test-rules", tmp_path_factory.mktemp("rules")))


@pytest.fixture(scope="module")
def findings(rules_app):
    return report(rules_app)["findings"]


def console_line(found: dict) -> str:
    """How spec section 5 says a finding reads, location first."""
    text = f"{found['code']} {found['id']}: {found['message']} Oplossing: {found['fix']}"
    if found["severity"] == "error":
        return f"{found['file']}:{found['line']}: FOUT: {text} [policy.{found['code']}]"
    return f"{found['file']}:{found['line']}: ADVIES: {text} [policy.{found['code']}]"


def test_the_root_has_a_failing_example_for_every_rule(rules_app):
    assert {e.code for e in expectations(Path(rules_app.srcdir))} == set(RULES_BY_CODE)


def test_each_item_gets_exactly_the_findings_its_comment_expects(rules_app, findings):
    expected = expectations(Path(rules_app.srcdir))
    got = [(f["file"], f["line"], f["id"], f["code"]) for f in findings]
    assert sorted(got) == [(e.file, e.line, e.id, e.code) for e in expected]
    texts = {
        (f["file"], f["line"], f["id"], f["code"]): f"{f['message']} Oplossing: {f['fix']}" for f in findings
    }
    for e in expected:
        for words in e.words:
            assert words in texts[(e.file, e.line, e.id, e.code)], (e, texts[(e.file, e.line, e.id, e.code)])


def test_findings_have_the_default_severity_and_item_type(findings):
    for found in findings:
        assert found["severity"] == RULES_BY_CODE[found["code"]].severity
    types = {f["id"]: f["type"] for f in findings}
    assert types["EF-DOOD"] == "effect"
    assert types["PRJ-LEEG"] == "project"
    assert types["SD-ÜNICODE"] == "doel"


def test_messages_are_one_dutch_line_with_a_fix(findings):
    for found in findings:
        assert "\n" not in found["message"] + found["fix"]
        assert found["message"].endswith(".") and found["fix"].endswith(".")
        assert found["id"] in console_line(found)


def test_errors_are_warnings_of_type_policy_location_first_and_nothing_else(rules_app, findings):
    errors = [console_line(f) for f in findings if f["severity"] == "error"]
    # A dead link is reported once, by PT101: sphinx-needs adds no message of its own.
    assert warnings_of(rules_app) == errors
    assert any(
        line.startswith("koppelingen.md:4: FOUT: PT101 EF-DOOD: 'draagt_bij_aan' verwijst naar SD-BRANDD")
        for line in errors
    )


def test_advice_is_printed_location_first_without_failing(rules_app, findings):
    advice = [console_line(f) for f in findings if f["severity"] == "advice"]
    assert advice_lines(rules_app) == advice
    assert any(
        line.startswith("tevreden.md:4: ADVIES: PT201 SD-ZONDER-CRITERIUM: geen criterium meet dit doel")
        for line in advice
    )


def test_the_console_ends_with_one_summary_line(rules_app, findings):
    errors = sum(f["severity"] == "error" for f in findings)
    advice = sum(f["severity"] == "advice" for f in findings)
    ours = [line for line in status_lines(rules_app) if line.startswith("policy-trace:")]
    assert ours == [f"policy-trace: {errors} fouten, {advice} adviezen"]
    after = status_lines(rules_app)[status_lines(rules_app).index(ours[0]) + 1 :]
    assert [line.split(" ")[0] for line in after] == ["build", "The"]  # only Sphinx's closing lines follow


def test_the_controle_page_lists_findings_by_rule_and_item_with_links(rules_app, findings):
    from bs4 import BeautifulSoup

    html = (Path(rules_app.outdir) / "controle.html").read_text(encoding="utf-8")
    page = BeautifulSoup(html, "html.parser").select_one("section")
    text = page.get_text(" ", strip=True)
    assert f"vond {sum(f['severity'] == 'error' for f in findings)} fouten" in text
    assert "(peildatum 2025-01-01)" in text
    rules_rows = [
        [cell.get_text(" ", strip=True) for cell in row.select("th, td")]
        for row in page.select("table.policy-rules tbody tr")
    ]
    assert [row[0] for row in rules_rows] == [rule.code for rule in RULES]
    # Two: EF-DOOD (koppelingen.md) and IN-LAND-ONBEKEND, an unknown ID of the coupled programme.
    assert ["PT101", "fout", RULES_BY_CODE["PT101"].summary, "2"] == rules_rows[0]
    assert rules_rows[[r[0] for r in rules_rows].index("PT403")][1:] == [
        "advies",
        RULES_BY_CODE["PT403"].summary,
        "1",
    ]
    assert page.select_one('table.policy-rules a[href="#bevindingen-pt101"]').get_text() == "PT101"
    assert "PT101" in page.select_one("#bevindingen-pt101").get_text()
    link = page.select_one('ul.policy-findings a[href="koppelingen.html#EF-DOOD"]')
    assert link is not None and link.get_text() == "EF-DOOD"
    assert "bedoel je SD-BRAND?" in link.find_parent("li").get_text()
    item_rows = {
        row.select_one("th").get_text(strip=True): [c.get_text(strip=True) for c in row.select("th, td")]
        for row in page.select("table.policy-items tbody tr")
    }
    assert item_rows["BS-ONMOGELIJK"][1:] == ["besluit", "PT106", "ids-en-velden.md:68"]
    assert item_rows["PRJ-LEEG"][2] == "PT204"
    assert set(item_rows) == {f["id"] for f in findings}


def test_the_controle_page_shows_the_coverage_figures(rules_app):
    from bs4 import BeautifulSoup

    html = (Path(rules_app.outdir) / "controle.html").read_text(encoding="utf-8")
    rows = [
        [c.get_text(strip=True) for c in row.select("th, td")]
        for row in BeautifulSoup(html, "html.parser").select("table.policy-coverage tbody tr")
    ]
    # 13 goals, one without a criterion (SD-ZONDER-CRITERIUM); 3 prioritised efforts,
    # one without; 27 criteria of which 6 complete; 10 projects of which 3 with plan a-e.
    assert rows == [
        ["(Hoofd)doelen met een criterium", "12 van 13", "92%"],
        ["Inspanningen met voorrang en een criterium", "2 van 3", "67%"],
        ["Criteria met indicator, streefwaarde, deadline en bron", "6 van 27", "22%"],
        ["Projecten met een volledig plan (a-e)", "3 van 10", "30%"],
    ]
