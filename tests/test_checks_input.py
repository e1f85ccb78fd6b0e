"""Input an adviser may write by mistake, wrong settings, a very long chain: clear messages, no traceback."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date
from pathlib import Path
from types import MappingProxyType

import pytest
from checks_support import advice_lines, build_once, copy_root, report
from conftest import warnings_of
from policy_trace import model
from policy_trace.checks import CheckContext, run_checks
from policy_trace.items import Item, Programme
from policy_trace.settings import SettingError, programme_period, reference_date, severity_overrides

CONTEXT = CheckContext(reference_date=date(2025, 1, 1))


def ours(lines: list[str]) -> list[str]:
    """Our findings, cut after ``CODE ID:`` so the test reads as a list of what was found where."""
    return [
        line.split(": ", 3)[0] + ": " + line.split(": ", 3)[2].split(":")[0]
        for line in lines
        if "[policy." in line
    ]


@pytest.fixture(scope="module")
def bad_input_app(tmp_path_factory):
    return build_once(copy_root("test-rules-bad-input", tmp_path_factory.mktemp("bad")))


def test_each_mistake_gets_one_message_with_its_location(bad_input_app):
    found = warnings_of(bad_input_app)
    others = [line for line in found if "[policy." not in line]
    assert others == [
        # Every message of sphinx-needs, MyST and Sphinx in our words and form (checks/messages.py),
        # labelled FOUT like our own errors; those that name one of our rules are that rule's.
        "items.md:12: FOUT: needs.directive (zonder titel): dit item heeft geen titel; elk item heeft er "
        "een nodig. Oplossing: zet de titel op de eerste regel, direct achter het type: ```{doel} Titel van "
        "het doel. [needs.directive]",
        "items.md:19: FOUT: myst.directive_option (doel): de opties van dit blok zijn niet te lezen: elke "
        "optie staat op een eigen regel als ':naam: waarde' (MyST: expected ':' after key). Oplossing: "
        "begin elke optie met een dubbele punt en zet er na de naam nog een, gevolgd door een spatie: "
        "':draagt_bij_aan: SD-X'. [myst.directive_option]",
        "items.md:38: FOUT: myst.directive_unknown (blok 'onbekend'): '{onbekend}' is geen item-type van "
        "het model en geen blok dat de site kent; het wordt niet getoond. Oplossing: kies een type uit het "
        # Every type of the model, in its order (an added type too).
        f"handboek ({', '.join(model.TYPE_NAMES)}), of schrijf het als gewone tekst of als codeblok "
        "zonder accolades. [myst.directive_unknown]",
        "leeg.md: FOUT: toc.not_included (pagina): deze pagina staat in geen inhoudsopgave (toctree), dus "
        "geen pagina van de site linkt ernaar. Oplossing: zet de pagina (zonder .md) in een toctree, "
        "bijvoorbeeld in die van index.md, of zet 'orphan: true' tussen '---'-regels bovenaan de pagina "
        "als ze bewust los staat. [toc.not_included]",
    ]
    assert ours(found) == [
        # sphinx-needs' own messages that name a rule are findings of that rule.
        "items.md:17: PT105 (zonder ID)",
        "items.md:22: PT108 (optie '",
        # The option typo leaves the required link unset; the fix says to check the option's spelling.
        "items.md:22: PT103 SD-TIKFOUT",
        "items.md:32: PT101 MP-30-FEBRUARI",
        "items.md:32: PT106 MP-30-FEBRUARI",
        "items.md:48: PT105 PA-ÆRØ",
        # A duplicate ID: the first is kept; PT107 names both places, on every build (sphinx-needs'
        # own message would be gone after an incremental build that does not read tweede.md).
        "tweede.md:3: PT107 SD-DUBBEL",
    ]
    assert (
        "controleer de spelling van de optienaam"
        in found[found.index(next(line for line in found if "PT103" in line))]
    )
    assert "'datum' is '2014-02-30', maar dat is geen bestaande datum" in next(
        line for line in found if "PT106" in line
    )
    assert "bijvoorbeeld het ID PA-AERO" in next(line for line in found if "PT105 PA-" in line)


def test_bad_items_do_not_hide_the_others(bad_input_app):
    findings = report(bad_input_app)["findings"]
    assert {(f["code"], f["id"], f["file"]) for f in findings if f["severity"] == "advice"} == {
        ("PT201", "SD-DUBBEL", "items.md"),
        ("PT201", "SD-TIKFOUT", "items.md"),
        ("PT403", "PA-LOS", "tweede.md"),
        ("PT403", "PA-ÆRØ", "items.md"),
    }
    # The item without a title is checked like any other and named by its ID.
    assert "SD-GEEN-TITEL" in {item.get("name") for item in _junit_cases(bad_input_app)}


def _junit_cases(app):
    from xml.etree import ElementTree as ET

    return [case.attrib for case in ET.parse(Path(app.outdir) / "policy-report.xml").iter("testcase")]


def test_severity_overrides_and_suppress_warnings(tmp_path):
    app = build_once(
        copy_root("test-rules-bad-input", tmp_path),
        confoverrides={
            "policy_trace_severity": {"PT403": "error", "PT106": "advice", "PT105": "off"},
            "suppress_warnings": ["policy.PT101", "policy.PT201"],
        },
    )
    assert ours(warnings_of(app)) == [
        "items.md:22: PT108 (optie '",  # sphinx-needs' message as PT108; PT105's is off, as the rule
        "items.md:22: PT103 SD-TIKFOUT",
        "items.md:48: PT403 PA-ÆRØ",
        "tweede.md:3: PT107 SD-DUBBEL",
        "tweede.md:8: PT403 PA-LOS",
    ]
    assert [line.split(" ", 3)[:3] for line in advice_lines(app)] == [["items.md:32:", "ADVIES:", "PT106"]]
    data = report(app)
    # Every warning the build showed is in the report, with its code.
    assert data["counts"] == {"error": 9, "advice": 1, "uitgezonderd": 0}
    assert {f["code"] for f in data["findings"]} == {
        "PT103", "PT106", "PT107", "PT108", "PT403",
        "myst.directive_option", "myst.directive_unknown", "needs.directive", "toc.not_included",
    }


@pytest.mark.parametrize(
    ("setting", "value", "words"),
    [
        (
            "policy_trace_severity",
            {"PT999": "error"},
            "policy_trace_severity noemt een onbekende regel 'PT999'; bekend zijn: PT101, PT102",
        ),
        (
            "policy_trace_severity",
            {"PT201": "fout"},
            "policy_trace_severity geeft regel PT201 de ernst 'fout'; kies uit: error, advice, off.",
        ),
        (
            "policy_trace_reference_date",
            "2024-02-30",
            "policy_trace_reference_date: '2024-02-30' is geen bestaande "
            'datum; schrijf datums als "JJJJ-MM-DD"',
        ),
    ],
)
def test_a_wrong_setting_is_a_clear_warning_and_the_rest_is_checked(tmp_path, setting, value, words):
    app = build_once(copy_root("test-every-type", tmp_path), "needs", confoverrides={setting: value})
    found = warnings_of(app)
    # At the line that sets it when conf.py does (test-every-type sets the peildatum), else named.
    assert len(found) == 1 and (
        found[0].startswith(f"FOUT: conf.py: {words}")
        or re.match(rf"conf\.py:\d+: FOUT: {re.escape(words)}", found[0])
    ), found
    assert found[0].endswith("[policy.config]")
    # The rules found no error; the setting itself is the one error the report holds.
    errors = [f["code"] for f in report(app)["findings"] if f["severity"] == "error"]
    assert errors == ["policy.config"]


def test_period_and_reference_date_settings_are_validated(monkeypatch):
    assert programme_period(("2014-09-26", "2016-09-25")) == (date(2014, 9, 26), date(2016, 9, 25))
    assert programme_period(None) is None
    with pytest.raises(SettingError, match="'2014-02-30' is geen bestaande datum"):
        programme_period(("2014-02-30", "2016-09-25"))
    with pytest.raises(SettingError, match="eindigt .* voordat het begint"):
        programme_period(("2016-09-25", "2014-09-26"))
    with pytest.raises(SettingError, match="moet twee datums zijn"):
        programme_period("2014-09-26")
    assert reference_date("2015-03-01") == date(2015, 3, 1)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1420070400")
    assert reference_date(None) == date(2015, 1, 1)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "gisteren")
    with pytest.raises(SettingError, match="SOURCE_DATE_EPOCH"):
        reference_date(None)
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert reference_date(None) == date.today()
    with pytest.raises(SettingError, match="policy_trace_reference_date: '1 maart 2015'"):
        reference_date("1 maart 2015")
    assert severity_overrides({"PT301": "off", "PT203": "error"}) == {"PT203": "error", "PT301": "off"}
    with pytest.raises(SettingError, match="moet een dict zijn"):
        severity_overrides(["PT201"])


def test_sphinx_build_prints_a_wrong_setting_without_traceback(tmp_path):
    srcdir = copy_root("test-every-type", tmp_path)
    conf = srcdir / "conf.py"
    conf.write_text(
        conf.read_text(encoding="utf-8") + 'policy_trace_period = ("2024-01-01", "2024-13-01")\n',
        encoding="utf-8",
    )
    result = subprocess.run(
        [
            Path(sys.executable).parent / "sphinx-build",
            "-q",
            "-W",
            "--keep-going",
            "-b",
            "needs",
            srcdir,
            tmp_path / "out",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert "conf.py:4: FOUT: policy_trace_period: '2024-13-01' is geen bestaande datum" in result.stderr
    assert "De looptijd wordt nu niet gecontroleerd (PT401)." in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def _goal(number: int, target: str) -> Item:
    return Item(
        id=f"SD-{number:05d}",
        type="doel",
        title=f"Doel {number}",
        file="needs/doelen.md",
        line=number + 1,
        status="",
        tags=(),
        fields=MappingProxyType({}),
        links=MappingProxyType({"draagt_bij_aan": (target,)}),
    )


def _chain(length: int, closed: bool) -> Programme:
    items = [_goal(n, f"SD-{n + 1:05d}") for n in range(length - 1)]
    items.append(_goal(length - 1, "SD-00000" if closed else "HD-TOP"))
    items.append(
        Item(
            "HD-TOP",
            "hoofddoel",
            "Top",
            "needs/doelen.md",
            1,
            "",
            (),
            MappingProxyType({}),
            MappingProxyType({}),
        )
    )
    return Programme.from_items(items)


# Deep chains must not hit Python's recursion limit; speed itself is measured by make bench, not here.
def test_a_cycle_through_ten_thousand_items_is_found_once():
    programme = _chain(10_000, closed=True)
    found = run_checks(programme, CONTEXT, ["PT104"])
    assert [(f.code, f.id, f.line) for f in found] == [("PT104", "SD-00000", 1)]
    assert (
        "kring van 10000 items: SD-00000 → SD-00001 → SD-00002 → SD-00003 → SD-00004 → SD-00005 → … → "
        "SD-09999 → SD-00000." in found[0].message
    )
    assert "':draagt_bij_aan: SD-00000' bij SD-09999" in found[0].fix


def test_all_rules_run_over_a_ten_thousand_item_chain():
    programme = _chain(10_000, closed=False)
    found = run_checks(programme, CONTEXT)
    assert {f.code for f in found} == {"PT201"}  # no cycle, and no criterion for any goal
    assert len(found) == 10_001


def test_with_w_an_error_fails_the_build_and_advice_does_not(tmp_path):
    srcdir = copy_root("test-rules-incremental", tmp_path)
    failing = build_once(srcdir, "needs", warningiserror=True)
    assert failing.statuscode == 1  # PT106 in doelen.md
    # Reports are written all the same.
    assert report(failing)["counts"] == {"error": 1, "advice": 1, "uitgezonderd": 0}
    doelen = srcdir / "doelen.md"
    fixed = doelen.read_text(encoding="utf-8").replace(":spoor: sociaal", ":spoor: inhoudelijk")
    doelen.write_text(fixed, "utf-8")
    passing = build_once(srcdir, "needs", warningiserror=True, freshenv=True)
    assert passing.statuscode == 0
    assert report(passing)["counts"] == {"error": 0, "advice": 1, "uitgezonderd": 0}  # PT403 in partijen.md
    assert advice_lines(passing) == [advice_lines(failing)[0]]
