"""The front doors ``policy-trace build``, ``check`` and ``live`` on a programme anywhere on disk."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOTS
from policy_trace import cli
from policy_trace.commands import live

PLANTED = (":voert_uit: IN-PREVENTIE", ":voert_uit: IN-WEG")


@pytest.fixture
def programme(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of a small clean programme in ``tmp_path/src``, with ``tmp_path`` as the current folder."""
    srcdir = tmp_path / "src"
    shutil.copytree(ROOTS / "test-every-type", srcdir)
    monkeypatch.chdir(tmp_path)
    return srcdir


def plant_error(srcdir: Path) -> int:
    """Make PRJ-WIJK carry out an effort that does not exist (PT101); returns the item's line."""
    index = srcdir / "index.md"
    text = index.read_text(encoding="utf-8")
    assert PLANTED[0] in text
    index.write_text(text.replace(*PLANTED), encoding="utf-8")
    lines = index.read_text(encoding="utf-8").splitlines()
    at = next(n for n, line in enumerate(lines) if line == PLANTED[1])
    return next(n + 1 for n in range(at, -1, -1) if lines[n].startswith("```{project}"))


def test_check_exits_0_and_writes_both_reports_for_a_clean_programme(programme, capsys):
    assert cli.main(["check", "src"]) == 0
    out = capsys.readouterr().out
    reports = "src/_build/check/policy-report.json, policy-report.xml en policy-report.sarif"
    assert f"De rapporten staan in {reports}" in out
    report = json.loads((programme / "_build/check/policy-report.json").read_text(encoding="utf-8"))
    assert report["counts"]["error"] == 0
    assert (programme / "_build/check/policy-report.xml").is_file()
    assert (programme / "_build/check/policy-report.sarif").is_file()
    assert not (programme / "_build/check/index.html").exists()  # no site


def test_check_exits_1_on_a_planted_error_with_its_location_in_every_format(programme, capsys):
    line = plant_error(programme)
    message = "PT101 PRJ-WIJK: 'voert_uit' verwijst naar IN-WEG, maar er is geen item met dat ID."
    assert cli.main(["check", "src", "--format", "kort"]) == 1
    out = capsys.readouterr().out.splitlines()
    errors = [text for text in out if "PT101" in text]
    assert len(errors) == 1
    assert errors[0].startswith(f"src/index.md:{line}: FOUT: {message} Oplossing: ")
    assert out[-2].startswith("policy-trace: 1 fout")

    assert cli.main(["check", "src", "--format", "github"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert f"::error file=src/index.md,line={line},title=PT101::{message} Oplossing: " in "\n".join(out)

    assert cli.main(["check", "src"]) == 1  # the default: the same lines as kort
    assert f"src/index.md:{line}: FOUT: {message}" in capsys.readouterr().out

    assert cli.main(["check", "src", "-v"]) == 1  # Sphinx's own console: the warning, location first
    captured = capsys.readouterr()
    assert f"index.md:{line}: FOUT: {message}" in captured.err  # relative to the programme folder
    assert "[policy.PT101]" in captured.err
    assert "Running Sphinx" in captured.out


def test_check_in_kort_shows_advice_and_other_sphinx_warnings_too(programme, capsys):
    index = programme / "index.md"
    extra = "\n```{partij} Niemand\n:id: PA-NIEMAND\n```\n\n```{doell} Tikfout\n```\n"
    index.write_text(index.read_text(encoding="utf-8") + extra, encoding="utf-8")
    assert cli.main(["check", "src", "--format", "kort"]) == 1
    out = capsys.readouterr().out.splitlines()
    advice = [line for line in out if "PT403 PA-NIEMAND" in line]
    assert len(advice) == 1 and advice[0].startswith("src/index.md:") and ": ADVIES: PT403" in advice[0]
    # MyST's own warning, in our words as the rule it is (PT109), in the same form, and counted.
    typo = [line for line in out if "doell" in line]
    assert len(typo) == 1 and typo[0].startswith("src/index.md:") and ": FOUT: PT109" in typo[0], out
    assert "policy-trace: 1 fout, 1 advies" in out


def test_build_writes_the_site_and_fails_on_the_planted_error(programme, capsys):
    assert cli.main(["build", "src"]) == 0
    assert "De site staat in src/_build/html/index.html" in capsys.readouterr().out
    assert (programme / "_build/html/index.html").is_file()
    assert (programme / "_build/html/_static/mermaid/mermaid.esm.min.mjs").is_file()

    line = plant_error(programme)
    assert cli.main(["build", "src", "--uitvoer", "elders"]) == 1
    captured = capsys.readouterr()
    assert f"src/index.md:{line}: FOUT: PT101 PRJ-WIJK" in captured.out
    assert "policy-trace build: de bouw is mislukt" in captured.err
    # Quiet by default: no English progress of Sphinx.
    assert "reading sources" not in captured.out + captured.err
    assert "build succeeded" not in captured.out + captured.err


def test_sphinx_options_go_after_the_double_dash(programme, capsys):
    plant_error(programme)
    assert cli.main(["check", "src", "--", "-D", "suppress_warnings=policy.PT101"]) == 0
    # An option sphinx-build does not know is its own usage error, shown in English by Sphinx.
    assert cli.main(["build", "src", "--", "--geen-optie"]) == 1


@pytest.mark.parametrize("command", ["build", "check", "live"])
def test_a_folder_that_is_no_programme_gets_a_dutch_error(command, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "leeg").mkdir()
    assert cli.main([command, "bestaat-niet"]) == 2
    err = capsys.readouterr().err
    assert f"policy-trace {command}: fout: de map bestaat-niet bestaat niet" in err
    assert "policy-trace init bestaat-niet" in err
    assert cli.main([command, "leeg"]) == 2
    assert "in leeg staat geen conf.py" in capsys.readouterr().err


def test_live_watches_the_programme_not_its_output_or_environment(tmp_path):
    args = cli.build_parser().parse_args(["live", str(tmp_path), "--port", "9000"])
    args.extra = ["-W"]
    argv = live.arguments(args, live.projects.Project(tmp_path))
    assert argv[:4] == ["--host", "127.0.0.1", "--port", "9000"]
    assert argv[-3:] == ["-W", str(tmp_path), str(tmp_path / "_build" / "live")]
    for pattern in ("*/_build/*", "*/.venv/*", "*/node_modules/*"):
        assert argv[argv.index(pattern) - 1] == "--ignore"


def test_the_console_script_runs_check_as_the_pre_commit_hook_does(programme):
    plant_error(programme)
    script = Path(sys.executable).parent / "policy-trace"
    done = subprocess.run(
        [str(script), "check", "--format", "kort"], cwd=programme, capture_output=True, text=True, check=False
    )
    assert done.returncode == 1
    assert "index.md:" in done.stdout and "PT101 PRJ-WIJK" in done.stdout
    assert "Traceback" not in done.stderr
