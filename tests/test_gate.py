"""A gate you can trust (issue 16): ``check`` fails exactly when ``build`` fails, with the same findings.

The differential test runs, on every test root and every corpus of the suite
(the agenda of this repository, a programme from ``init``, a generated
benchmark programme) and on the mistakes of the issue planted in a fresh
programme: ``check``, ``check`` again with nothing changed, ``build``, ``build``
again, and ``check`` once more. Every run must give the same exit code, the
same findings (code, severity, item, file, line, text) in its report and the
same lines on the console.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest
from conftest import ROOTS
from policy_trace import cli
from policy_trace.commands import project

REPO = Path(__file__).parent.parent
sys.path.insert(0, str(REPO))  # the benchmarks package lives beside extensions/, not in it

from benchmarks import generate  # noqa: E402

#: Every test root with a conf.py.
TEST_ROOTS = sorted(path.name for path in ROOTS.iterdir() if (path / "conf.py").is_file())
#: What the agenda's build does not read (conf.py's exclude_patterns) or would be slow to copy.
AGENDA_LEFT_OUT = (".git", ".venv", "node_modules", "_build", "dist", "tests", "extensions", ".pytest_cache")


def _copy_agenda(destination: Path) -> Path:
    """This repository's programme (the agenda), its output left behind: pages, conf.py, included files."""
    shutil.copytree(REPO, destination, ignore=lambda _, names: [n for n in names if n in AGENDA_LEFT_OUT])
    return destination


def _init(folder: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    period = ["--periode", "2026-01-01", "2029-12-31"]
    assert cli.main(["init", str(folder), "--naam", "Hitteplan", *period]) == 0
    capsys.readouterr()
    return folder


def _run(
    command: str, folder: Path, capsys: pytest.CaptureFixture[str]
) -> tuple[int, list[tuple], list[str]]:
    """One front door: its exit code, the findings of its report, and its console lines about them."""
    code = cli.main([command, str(folder)])
    out = capsys.readouterr().out.splitlines()
    kind = "check" if command == "check" else "html"
    data = json.loads((folder / "_build" / kind / "policy-report.json").read_text(encoding="utf-8"))
    findings = sorted(
        (f["code"], f["severity"], f["id"], f["file"], f["line"], f["message"]) for f in data["findings"]
    )
    # The finding lines and the summary; not the closing sentence, which names the command's output.
    lines = [line for line in out if not line.startswith(("De site staat in", "De rapporten staan in"))]
    return code, findings, lines


def assert_gate(folder: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[tuple]]:
    """check, check, build, build, check: all agree; returns the exit code and the findings."""
    runs = [_run(command, folder, capsys) for command in ("check", "check", "build", "build", "check")]
    first = runs[0]
    for command, run in zip(("check", "check", "build", "build", "check"), runs, strict=True):
        assert run[0] == first[0], f"{command}: exit {run[0]}, the first check: {first[0]}"
        assert run[1] == first[1], f"{command} found other findings than the first check"
        assert run[2] == first[2], f"{command} printed other lines than the first check"
    # Every error fails the gate, and nothing else does.
    assert first[0] == (1 if any(f[1] == "error" for f in first[1]) else 0)
    return first[0], first[1]


@pytest.mark.parametrize("root", TEST_ROOTS)
def test_check_and_build_agree_on_every_test_root(root, tmp_path, capsys):
    folder = tmp_path / root
    shutil.copytree(ROOTS / root, folder)
    assert_gate(folder, capsys)


def test_check_and_build_agree_on_the_agenda(tmp_path, capsys):
    code, findings = assert_gate(_copy_agenda(tmp_path / "agenda"), capsys)
    assert code == 0, findings


def test_check_and_build_agree_on_a_programme_from_init(tmp_path, capsys):
    code, findings = assert_gate(_init(tmp_path / "nieuw", capsys), capsys)
    assert code == 0 and {f[0] for f in findings} == {"PT407"}


def test_check_and_build_agree_on_a_generated_programme(tmp_path, capsys):
    folder = tmp_path / "gegenereerd"
    generate.write(folder, generate.MIN_ITEMS, "full")
    code, _ = assert_gate(folder, capsys)
    assert code == 0


#: The mistakes of the issue: each makes check and build fail, on every run, at the same place.
PLANTED = {
    "pagina-buiten-inhoudsopgave": ("docs/extra.md", "# Extra\n\nTekst.\n", "toc.not_included"),
    "verwijzing-naar-niets": (
        "docs/verwijzing.md",
        "---\norphan: true\n---\n# Verwijzing\n\nZie {need}`IN-BESTAAT-NIET`.\n",
        "PT101",
    ),
    "onbekende-optie": (
        "needs/extra.md",
        "# Extra\n\n```{partij} Extra\n:id: PA-EXTRA\n:onzin: ja\n```\n",
        "PT108",
    ),
    "fence-niet-gesloten": (
        "needs/open.md",
        "# Open\n\n```{partij} Open\n:id: PA-OPEN\n\nTekst.\n\n```{partij} Binnen\n:id: PA-BINNEN\n```\n",
        "PT109",
    ),
}


@pytest.mark.parametrize("case", sorted(PLANTED))
def test_each_mistake_of_the_issue_fails_check_and_build_alike(case, tmp_path, capsys):
    folder = _init(tmp_path / "p", capsys)
    name, text, code = PLANTED[case]
    (folder / name).write_text(text, encoding="utf-8")
    exit_code, findings = assert_gate(folder, capsys)
    assert exit_code == 1
    errors = [(f[0], f[3]) for f in findings if f[1] == "error"]
    assert errors == [(code, name)]


def test_a_fixed_mistake_passes_check_and_build_on_the_next_run(tmp_path, capsys):
    folder = _init(tmp_path / "p", capsys)
    extra = folder / "docs" / "extra.md"
    extra.write_text("# Extra\n\nTekst.\n", encoding="utf-8")
    assert assert_gate(folder, capsys)[0] == 1
    extra.write_text("---\norphan: true\n---\n# Extra\n\nTekst.\n", encoding="utf-8")
    assert assert_gate(folder, capsys)[0] == 0


def test_removing_needs_external_needs_leaves_nothing_behind(tmp_path, capsys):
    """No state of an earlier configuration survives a change of conf.py (issue 16, part 2)."""
    other = _init(tmp_path / "ander", capsys)
    # The other programme's needs.json, as sphinx-needs' own builder writes it.
    needs = ["-q", "-b", "needs", str(other), str(other / "_build/needs")]
    assert project.sphinx_build(needs, capture=True)[0] == 0
    folder = _init(tmp_path / "p", capsys)
    conf = folder / "conf.py"
    plain = conf.read_text(encoding="utf-8")
    external = (
        'needs_external_needs = [{"json_path": "../ander/_build/needs/needs.json", '
        '"base_url": "https://ander.example", "id_prefix": "EXT-"}]\n'
    )

    def ids() -> set[str]:
        cli.main(["check", str(folder)])
        capsys.readouterr()
        data = json.loads((folder / "_build/check/policy-report.json").read_text(encoding="utf-8"))
        return {f["id"] for f in data["findings"]}

    conf.write_text(plain + external, encoding="utf-8")
    assert any(found.startswith("EXT-") for found in ids())  # loaded: the other programme's items are seen
    conf.write_text(plain, encoding="utf-8")
    assert not any(found.startswith("EXT-") for found in ids())  # removed: none left, _build kept


def test_every_warning_that_is_no_rule_is_declared_once_and_listed_in_the_handbook():
    """Issue 17, part 4: the non-rule subtypes as one enum (findings.Subtype), each with Dutch words."""
    from policy_trace.findings import OTHER_WARNINGS, Subtype

    package = REPO / "extensions" / "policy_trace"
    literal = [
        f"{path.relative_to(package)}:{number}"
        for path in sorted(package.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "subtype=\"" in line or "subtype='" in line
    ]
    assert literal == []  # every subtype is Subtype.X.value or a rule's code
    assert {member.code for member in Subtype} <= set(OTHER_WARNINGS)
    handbook = (REPO / "docs" / "handboek.md").read_text(encoding="utf-8")
    assert "```{policy-trace-messages}" in handbook


#: A person's slips in conf.py (issue 16, part 2): the line appended, and words the one message must hold.
CONF_SLIPS = {
    "tekst-zonder-aanhalingstekens": (
        "policy_trace_status = vastgesteld",
        'vastgesteld staat niet tussen aanhalingstekens, dus Python zoekt een variabele met die naam en '
        'vindt die niet. Oplossing: schrijf "vastgesteld" (met aanhalingstekens)',
    ),
    "datums-zonder-aanhalingstekens": (
        "policy_trace_period = (2024-01-01, 2027-12-31)",
        "hier staat een datum of getal zonder aanhalingstekens",
    ),
    "aanhalingsteken-niet-gesloten": (
        'policy_trace_version = "1.0',
        "een aanhalingsteken wordt niet gesloten",
    ),
    "mermaid-map-van-verkeerd-type": (
        "policy_trace_mermaid_dir = 3",
        'policy_trace_mermaid_dir moet tekst tussen aanhalingstekens ("...") of None zijn; nu is het 3.',
    ),
    "versies-van-verkeerd-type": (
        "policy_trace_versions = 5",
        'policy_trace_versions moet tekst tussen aanhalingstekens ("...") of None zijn; nu is het 5.',
    ),
    "looptijd-achterstevoren": (
        'policy_trace_period = ("2027-12-31", "2024-01-01")',
        "policy_trace_period eindigt (2024-01-01) voordat het begint (2027-12-31)",
    ),
}


@pytest.mark.parametrize("command", ["check", "build"])
@pytest.mark.parametrize("slip", sorted(CONF_SLIPS))
def test_a_slip_in_conf_py_is_one_dutch_line_at_its_line(slip, command, tmp_path, capsys):
    folder = _init(tmp_path / "p", capsys)
    assert cli.main(["check", str(folder)]) == 0  # an earlier run's report is there
    capsys.readouterr()
    conf = folder / "conf.py"
    text, words = CONF_SLIPS[slip]
    conf.write_text(conf.read_text(encoding="utf-8") + text + "\n", encoding="utf-8")
    line = len(conf.read_text(encoding="utf-8").splitlines())
    assert cli.main([command, str(folder)]) == 1
    captured = capsys.readouterr()
    out = captured.out.splitlines()
    # One line, at conf.py:LINE, FOUT, with the fix; nothing of the earlier run, no traceback, no English.
    assert len(out) == 1 and captured.err == "", captured
    assert out[0].startswith(f"{project.relative(conf)}:{line}: FOUT: ") and words in out[0], out[0]
    assert "PT407" not in captured.out and "Traceback" not in captured.out


def test_an_empty_conf_py_is_one_dutch_line(tmp_path, capsys):
    folder = _init(tmp_path / "p", capsys)
    (folder / "conf.py").write_text("# nog niets\n", encoding="utf-8")
    assert cli.main(["check", str(folder)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == [
        f"{project.relative(folder / 'conf.py')}:1: FOUT: conf.py is leeg, dus policy-trace en MyST worden "
        'niet geladen. Oplossing: zet er minstens extensions = ["myst_parser", "policy_trace"] in, of begin '
        "opnieuw met policy-trace init (dat schrijft een volledig conf.py)."
    ]


def test_sphinx_build_itself_says_a_wrong_type_once_in_dutch_at_its_line(tmp_path):
    """Without our front door (sphinx-build, make html): the same mistake, one Dutch warning, no English."""
    from checks_support import build_once, copy_root
    from conftest import warnings_of

    srcdir = copy_root("test-every-type", tmp_path)
    conf = srcdir / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8") + "policy_trace_versions = 5\n", encoding="utf-8")
    line = len(conf.read_text(encoding="utf-8").splitlines())
    app = build_once(srcdir, "needs")
    assert warnings_of(app) == [
        f"conf.py:{line}: FOUT: policy_trace_versions moet tekst tussen aanhalingstekens "
        '("...") of None zijn; nu is het 5. Nu geldt de standaardwaarde. [policy.config]'
    ]


def test_a_rewritten_message_is_its_rules_finding_silenced_as_the_rule_is(tmp_path, capsys):
    """Issue 17, part 4: sphinx-needs' "linked need not found", shown as PT101, is a finding of PT101."""
    folder = _init(tmp_path / "p", capsys)
    (folder / "docs" / "zie.md").write_text(
        "---\norphan: true\n---\n# Zie\n\nZie {need}`IN-BESTAAT-NIET`.\n", encoding="utf-8"
    )
    code, findings = assert_gate(folder, capsys)
    assert code == 1 and [(f[0], f[2], f[3]) for f in findings if f[1] == "error"] == [
        ("PT101", "IN-BESTAAT-NIET", "docs/zie.md")
    ]
    conf = folder / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8") + 'suppress_warnings = ["policy.PT101"]\n', "utf-8")
    code, findings = assert_gate(folder, capsys)
    assert code == 0 and not [f for f in findings if f[0] == "PT101"]


def test_the_suggestions_of_the_issue_help(tmp_path, capsys):
    """Issue 16, part 3: an ID with '_', a link to it, ':meet: A B' and a value of the programme's own."""
    folder = _init(tmp_path / "p", capsys)
    (folder / "needs" / "extra.md").write_text(
        "# Extra\n\n"
        "```{inspanning} Informatiedeling\n:id: IN_INFORMATIEDELING\n:draagt_bij_aan: SD-EERSTE-DOEL\n```\n\n"
        "```{project} Delen\n:id: PRJ-DELEN\n:voert_uit: IN-INFORMATIEDELING\n:borging: convenant\n```\n\n"
        "```{criterium} Meten\n:id: CR-METEN\n:meet: SD-EERSTE-DOEL HD-HOOFDDOEL\n```\n",
        encoding="utf-8",
    )
    assert cli.main(["check", str(folder)]) == 1
    out = capsys.readouterr().out
    # Each error line by its "CODE ID:".
    line = {" ".join(text.split(": FOUT: ")[-1].split()[:2]): text for text in out.splitlines()}
    assert "het ID IN-INFORMATIEDELING," in line["PT105 IN_INFORMATIEDELING:"]  # not IN-IN-INFORMATIEDELING
    assert "IN-IN-" not in out
    assert (
        "het item heet nog IN_INFORMATIEDELING, een ID dat niet past (PT105): geef het het ID "
        "IN-INFORMATIEDELING, dan klopt deze verwijzing" in line["PT101 PRJ-DELEN:"]
    )
    assert "scheid ID's met een komma" in line["PT101 CR-METEN:"]
    assert "schrijf 'SD-EERSTE-DOEL, HD-HOOFDDOEL'" in line["PT101 CR-METEN:"]
    borging = next(text for text in out.splitlines() if "PT106 PRJ-DELEN" in text and "borging" in text)
    assert "een programma mag eigen waarden toestaan" in borging
    assert "policy_trace_borging_values in conf.py" in borging


def test_each_page_warning_is_its_own_failing_case_in_junit(tmp_path, capsys):
    """Two pages outside every toctree: two failing JUnit cases at their files, each with its one failure."""
    from xml.etree import ElementTree as ET

    folder = _init(tmp_path / "p", capsys)
    for name in ("een", "twee"):
        (folder / "docs" / f"{name}.md").write_text(f"# {name}\n\nTekst.\n", encoding="utf-8")
    assert cli.main(["check", str(folder)]) == 1
    capsys.readouterr()
    suite = ET.parse(folder / "_build/check/policy-report.xml").getroot()
    failing = [
        (case.get("file"), [f.get("type") for f in case.iter("failure")])
        for case in suite.iter("testcase")
        if case.find("failure") is not None
    ]
    assert failing == [("docs/een.md", ["toc.not_included"]), ("docs/twee.md", ["toc.not_included"])]
    assert suite.get("failures") == "2"
