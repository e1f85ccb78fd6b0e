"""A CI that ratchets: ``policy-trace check --baseline`` fails only on errors the baseline lacks."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import ROOTS
from policy_trace import cli
from policy_trace.ratchet import compare


@pytest.fixture
def programme(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A small clean programme in ``tmp_path/src``, with ``tmp_path`` as the current folder."""
    srcdir = tmp_path / "src"
    shutil.copytree(ROOTS / "test-every-type", srcdir)
    monkeypatch.chdir(tmp_path)
    return srcdir


def _edit(srcdir: Path, old: str, new: str) -> None:
    index = srcdir / "index.md"
    text = index.read_text(encoding="utf-8")
    assert old in text
    index.write_text(text.replace(old, new, 1), encoding="utf-8")


def _keep_report(srcdir: Path, destination: Path) -> Path:
    destination.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(srcdir / "_build/check/policy-report.json", destination)
    return destination


def test_a_check_with_a_baseline_fails_only_on_new_errors(programme, tmp_path, capsys):
    # The last CI run: one known error (PT101 on PRJ-WIJK).
    _edit(programme, ":voert_uit: IN-PREVENTIE", ":voert_uit: IN-WEG")
    assert cli.main(["check", "src", "--format", "kort"]) == 1
    baseline = _keep_report(programme, tmp_path / "vorige" / "policy-report.json")
    capsys.readouterr()

    # Same errors, the item moved down two lines: passes, the error is known.
    _edit(programme, "```{project} Wijkaanpak", "<!-- verplaatst -->\n\n```{project} Wijkaanpak")
    assert cli.main(["check", "src", "--format", "kort", "--baseline", "vorige/policy-report.json"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert any("PT101 PRJ-WIJK" in line for line in out)  # still shown
    assert out[-1] == "Basislijn: geen nieuwe fouten; de controle slaagt (1 al bekend, 0 opgelost)."

    # New errors: the milestone points nowhere (PT101), so the project lacks plan element e (PT204).
    _edit(programme, ":hoort_bij: PRJ-WIJK", ":hoort_bij: PRJ-NIEMAND")
    assert cli.main(["check", "src", "--format", "kort", "--baseline", str(baseline)]) == 1
    out = capsys.readouterr().out.splitlines()
    start = out.index("Nieuw ten opzichte van de basislijn (2):")
    new = out[start + 1 : start + 3]
    assert new[0].startswith("  src/index.md:29: PT204 PRJ-WIJK: het project is 'in_uitvoering'")
    assert new[1].startswith("  src/index.md:40: PT101 MP-EERSTE: 'hoort_bij' verwijst naar PRJ-NIEMAND")
    assert out[-1] == "Basislijn: 2 nieuwe fouten; de controle faalt (1 al bekend, 0 opgelost)."

    # Both fixed: passes, and the known one is reported fixed.
    _edit(programme, ":hoort_bij: PRJ-NIEMAND", ":hoort_bij: PRJ-WIJK")
    _edit(programme, ":voert_uit: IN-WEG", ":voert_uit: IN-PREVENTIE")
    assert cli.main(["check", "src", "--baseline", str(baseline)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-3:] == [
        "Opgelost sinds de basislijn (1):",
        "  PT101 PRJ-WIJK",
        "Basislijn: geen nieuwe fouten; de controle slaagt (0 al bekend, 1 opgelost).",
    ]


def test_without_a_baseline_check_behaves_as_before(programme, capsys):
    _edit(programme, ":voert_uit: IN-PREVENTIE", ":voert_uit: IN-WEG")
    assert cli.main(["check", "src", "--format", "kort"]) == 1
    assert "Basislijn" not in capsys.readouterr().out


def test_a_baseline_that_cannot_be_read_is_a_clear_dutch_error(programme, tmp_path, capsys):
    assert cli.main(["check", "src", "--baseline", "weg/policy-report.json"]) == 2
    assert capsys.readouterr().err == (
        "policy-trace check: fout: de basislijn weg/policy-report.json bestaat niet; geef het "
        "policy-report.json van een eerdere controle op.\n"
    )
    (tmp_path / "kapot.json").write_text('{"counts": {}}', encoding="utf-8")
    assert cli.main(["check", "src", "--baseline", "kapot.json"]) == 2
    assert "geen policy-report.json (er ontbreekt een lijst 'findings')" in capsys.readouterr().err


def test_matching_is_by_code_and_item_never_by_line_and_advice_never_counts():
    def found(code, item_id, line, severity="error"):
        return {"code": code, "id": item_id, "file": "a.md", "line": line, "severity": severity,
                "message": "m.", "fix": "f."}

    baseline = [found("PT101", "SD-A", 3), found("PT203", "CR-B", 9), found("PT403", "PA-C", 1, "advice")]
    current = [found("PT101", "SD-A", 30), found("PT102", "SD-A", 30), found("PT403", "PA-D", 2, "advice"),
               found("PT203", "CR-B", 9, "uitgezonderd")]
    result = compare(baseline, current)
    assert [(f["code"], f["id"]) for f in result.new] == [("PT102", "SD-A")]
    assert result.fixed == (("PT203", "CR-B"),)
    assert [(f["code"], f["id"]) for f in result.known] == [("PT101", "SD-A")]
    assert json.dumps(result.fixed)  # plain data
