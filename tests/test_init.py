"""``policy-trace init``: a new programme that builds with -W at once, and its placeholders as advice."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from policy_trace import cli, model, starter

NAME = "Hitteplan Utrecht"
ARGS = ["--naam", NAME, "--organisatie", "Gemeente Utrecht", "--periode", "2026-01-01", "2029-12-31"]


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Path:
    monkeypatch.chdir(tmp_path)
    assert cli.main(["init", "hitteplan", *ARGS]) == 0
    out = capsys.readouterr().out
    assert f"Het programma {NAME} staat in hitteplan. Bouw de site met: policy-trace build hitteplan" in out
    return tmp_path / "hitteplan"


def report(folder: Path) -> dict:
    return json.loads((folder / "_build/check/policy-report.json").read_text(encoding="utf-8"))


def test_init_writes_every_file_of_a_programme(fresh):
    written = sorted(p.relative_to(fresh).as_posix() for p in fresh.rglob("*") if p.is_file())
    assert written == sorted(
        [target for _, target in starter.FILES] + [f"{page}.md" for page, _ in starter.PAGES]
    )
    conf = (fresh / "conf.py").read_text(encoding="utf-8")
    compile(conf, "conf.py", "exec")
    assert f'project = "{NAME}"' in conf and 'author = "Gemeente Utrecht"' in conf
    assert 'policy_trace_period = ("2026-01-01", "2029-12-31")' in conf
    for setting in ("policy_trace_reference_date", "policy_trace_version", "policy_trace_status"):
        # Each setting has a comment above it that says what it is for.
        assert re.search(rf"^# .*\n{setting} = ", conf, flags=re.MULTILINE), setting
    index = (fresh / "index.md").read_text(encoding="utf-8")
    assert index.startswith(f"# {NAME}\n") and "```{doelenboom}" in index
    for page in (
        "stand",
        "tevreden",
        "samenhang",
        "planning",
        "partijen",
        "downloads",
        "wijzigingen",
        "controle",
    ):
        assert f"docs/{page}\n" in index
    # Where the programme stands comes first on its home page, the goal tree after it.
    assert index.index("```{stand}\n:kort:\n```") < index.index("```{doelenboom}")
    assert "_build/" in (fresh / ".gitignore").read_text(encoding="utf-8").splitlines()


def test_the_chain_has_one_item_of_each_starting_type_with_every_field_of_the_model(fresh):
    text = "".join(p.read_text(encoding="utf-8") for p in sorted((fresh / "needs").glob("*.md")))
    types = re.findall(r"^```\{(\w+)\}", text, flags=re.MULTILINE)
    assert sorted(types) == sorted(
        ["hoofddoel", "doel", "inspanning", "project", "mijlpaal", "criterium", "partij"]
    )
    project = text[text.index("```{project}") :]
    for field in model.TYPES_BY_NAME["project"].fields:  # derived from the model: a new field shows up here
        assert f"\n:{field.name}:" in project, field.name
    assert ":datum: 2028-01-01" in text  # halfway through the period
    assert "```{partij} Gemeente Utrecht\n" in text
    assert model.PLACEHOLDER_ID.search(text) is None  # every required link is given


def test_a_fresh_programme_builds_with_w_and_its_only_findings_are_placeholder_advice(fresh, capsys):
    assert cli.main(["build", "hitteplan"]) == 0
    site = fresh / "_build/html"
    for page in (
        "index",
        "docs/stand",
        "docs/tevreden",
        "docs/samenhang",
        "docs/planning",
        "docs/partijen",
        "docs/downloads",
        "docs/wijzigingen",
        "docs/controle",
        "docs/toegankelijkheid",
        "docs/colofon",
    ):
        assert (site / f"{page}.html").is_file(), page
    changes = (site / "docs/wijzigingen.html").read_text(encoding="utf-8")
    assert "Er is geen eerdere versie om mee te vergelijken." in changes
    home = (site / "index.html").read_text(encoding="utf-8")
    assert home.index('<p class="pt-stand-summary">Stand op de peildatum ') < home.index("pt-doelenboom")
    assert 'id="stand-criteria-per-doel"' in (site / "docs/stand.html").read_text(encoding="utf-8")
    assert f"<title>{NAME}" in (site / "index.html").read_text(encoding="utf-8")
    assert (site / "needs.json").is_file()
    capsys.readouterr()

    assert cli.main(["check", "hitteplan", "--format", "kort"]) == 0
    lines = capsys.readouterr().out.splitlines()
    findings = report(fresh)["findings"]
    assert {(f["code"], f["severity"]) for f in findings} == {("PT407", "advice")}
    assert len(findings) == len(starter.CHAIN)  # one per item: its body is still the placeholder
    first = next(line for line in lines if "PT407 HD-HOOFDDOEL" in line)
    assert first.startswith(
        "hitteplan/needs/doelen.md:3: ADVIES: PT407 HD-HOOFDDOEL: de tekst van het item is "
    )


def test_replacing_the_placeholder_text_removes_its_advice(fresh):
    doelen = fresh / "needs/doelen.md"
    text = doelen.read_text(encoding="utf-8")
    doelen.write_text(
        text.replace(model.PLACEHOLDER_BODY, "Minder hittestress in de stad.", 1), encoding="utf-8"
    )
    assert cli.main(["check", "hitteplan", "--format", "kort"]) == 0
    ids = sorted(f["id"] for f in report(fresh)["findings"])
    assert "HD-HOOFDDOEL" not in ids and len(ids) == len(starter.CHAIN) - 1


def test_a_placeholder_link_from_new_is_an_error_and_advice_until_replaced(fresh):
    assert (
        cli.main(
            [
                "new",
                "inspanning",
                "IN-KOELE-PLEKKEN",
                "Koele plekken",
                "-q",
                "--file",
                "hitteplan/needs/inspanningen.md",
            ]
        )
        == 0
    )
    assert cli.main(["check", "hitteplan", "--format", "kort"]) == 1
    mine = {(f["code"], f["message"]) for f in report(fresh)["findings"] if f["id"] == "IN-KOELE-PLEKKEN"}
    assert ("PT407", "':draagt_bij_aan:' bevat nog de plaatshouder SD-INVULLEN.") in mine
    assert any(code == "PT101" for code, _ in mine)


def test_the_pipelines_check_build_and_publish_the_site(fresh):
    gitlab = yaml.safe_load((fresh / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert "pip install -r requirements.txt" in gitlab["before_script"]
    assert "policy-trace check . --format kort" in gitlab["controle"]["script"]
    assert gitlab["controle"]["artifacts"]["reports"]["junit"] == "_build/check/policy-report.xml"
    pages = gitlab["pages"]
    assert pages["script"][0] == "policy-trace build ." and "cp -r _build/public public" in pages["script"]
    assert "policy-trace publish _build/public ." in pages["script"]  # after every tag versie-X
    assert gitlab["variables"]["GIT_DEPTH"] == "0"
    assert pages["artifacts"]["paths"] == ["public"]
    assert pages["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]

    github = yaml.safe_load((fresh / ".github/workflows/pages.yml").read_text(encoding="utf-8"))
    steps = github["jobs"]["build"]["steps"]
    runs = [step.get("run") for step in steps]
    assert runs.index("policy-trace check . --format github") < runs.index("policy-trace build .")
    upload = next(step for step in steps if step.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "_build/public"
    uses = "github/codeql-action/upload-sarif"
    sarif = next(step for step in steps if step.get("uses", "").startswith(uses))
    assert sarif["with"]["sarif_file"] == "_build/check/policy-report.sarif"
    assert github["permissions"]["security-events"] == "write"
    assert steps[0]["with"]["fetch-depth"] == 0
    deploy = github["jobs"]["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages")

    hooks = yaml.safe_load((fresh / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hook = hooks["repos"][0]["hooks"][0]
    assert hook["entry"] == "policy-trace check --format kort" and hook["pass_filenames"] is False
    from policy_trace import __version__

    assert f"policy-trace=={__version__}" in (fresh / "requirements.txt").read_text(encoding="utf-8")


def test_init_refuses_a_folder_that_is_not_empty_unless_forced(fresh, capsys):
    (fresh / "needs/doelen.md").write_text("# Eigen werk\n", encoding="utf-8")
    assert cli.main(["init", "hitteplan"]) == 2
    err = capsys.readouterr().err
    assert "policy-trace init: fout: de map hitteplan is niet leeg." in err and "--force" in err
    assert (fresh / "needs/doelen.md").read_text(encoding="utf-8") == "# Eigen werk\n"
    assert cli.main(["init", "hitteplan", "--force", *ARGS]) == 0
    assert "```{hoofddoel}" in (fresh / "needs/doelen.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["--periode", "2026-01-01", "2025-12-31"],
            "de looptijd eindigt (2025-12-31) voor hij begint (2026-01-01)",
        ),
        (["--periode", "2026-13-01", "2027-01-01"], "'2026-13-01' is geen datum als JJJJ-MM-DD"),
        (["--naam", "  "], "de naam is leeg"),
        (["--periode", "2026-01-01"], "argument --periode: verwacht 2 waarden"),
    ],
)
def test_bad_options_get_a_dutch_error(argv, message, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    try:
        code = cli.main(["init", "nieuw", *argv])
    except SystemExit as exited:  # argparse's own usage errors
        code = exited.code
    assert code == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "nieuw" / "conf.py").exists()


def test_the_name_defaults_to_the_folder_and_the_period_to_four_years(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert cli.main(["init", "hitte-plan_zuid"]) == 0
    conf = (tmp_path / "hitte-plan_zuid" / "conf.py").read_text(encoding="utf-8")
    assert 'project = "Hitte plan zuid"' in conf
    begin, end = re.search(r'policy_trace_period = \("(\d{4})-01-01", "(\d{4})-12-31"\)', conf).groups()
    assert int(end) - int(begin) == 3


def test_a_node_modules_folder_in_the_programme_never_becomes_pages(fresh, capsys):
    # Someone ran npm ci beside conf.py: Mermaid's READMEs must not become pages (nor -W warnings).
    readme = fresh / "node_modules" / "mermaid" / "README.md"
    readme.parent.mkdir(parents=True)
    readme.write_text("# Mermaid\n\nGenerate diagrams from markdown-like text.\n", encoding="utf-8")
    assert cli.main(["build", "hitteplan"]) == 0, capsys.readouterr().err
    assert not (fresh / "_build/html/node_modules").exists()


def test_the_generated_publish_step_publishes_each_tag_and_the_working_version(fresh, tmp_path, monkeypatch):
    """The GitHub step's own script, run in a git repository with a tag versie-1.0 and a later edit."""
    import os
    import subprocess
    import sys

    github = yaml.safe_load((fresh / ".github/workflows/pages.yml").read_text(encoding="utf-8"))
    step = next(s for s in github["jobs"]["build"]["steps"] if "policy-trace publish" in s.get("run", ""))
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "GIT_AUTHOR_DATE": "2026-03-01T12:00:00",
        "GIT_COMMITTER_DATE": "2026-03-01T12:00:00",
    }

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=fresh, env=env, check=True, capture_output=True)

    git("init", "-q")
    git("add", "-A")
    git("commit", "-q", "-m", "eerste versie")
    git("tag", "versie-1.0")
    doelen = fresh / "needs/doelen.md"
    text = doelen.read_text(encoding="utf-8")
    doelen.write_text(text.replace("```{doel} ", "```{doel} Nieuw: ", 1), "utf-8")
    script = ["bash", "-e", "-c", step["run"]]
    result = subprocess.run(script, cwd=fresh, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    public = fresh / "_build/public"
    versions = json.loads((public / "versions.json").read_text(encoding="utf-8"))
    assert [(v["version"], v["status"]) for v in versions["versions"]] == [
        ("1.0", "vastgesteld"),
        ("werkversie", "werkversie"),
    ]
    assert versions["versions"][0]["date"] == "2026-03-01" and versions["latest"] == "1.0"
    changes = json.loads((public / "werkversie/changes.json").read_text(encoding="utf-8"))
    assert changes["previous"]["version"] == "1.0" and list(changes["changed"].values()) == [["title"]]


def _new_page(fresh: Path, capsys: pytest.CaptureFixture[str], file: str) -> str:
    args = ["new", "partij", "PA-BUURT", "Buurtteam", "-q", "--file", str(fresh / file)]
    assert cli.main(args) == 0
    return capsys.readouterr().err


def test_a_new_page_under_needs_is_included_by_the_glob_and_new_says_so(fresh, capsys):
    said = _new_page(fresh, capsys, "needs/buurt.md")
    assert "is een nieuwe pagina; de inhoudsopgave in index.md neemt haar op (needs/*)." in said
    assert cli.main(["check", str(fresh), "--format", "kort"]) == 0
    assert not [f for f in report(fresh)["findings"] if f["code"].startswith("toc.")]


def test_a_new_page_under_docs_is_added_to_the_overviews_toctree_and_new_says_so(fresh, capsys):
    said = _new_page(fresh, capsys, "docs/buurt.md")
    assert "policy-trace zette haar in de inhoudsopgave van index.md (docs/buurt)" in said
    index = (fresh / "index.md").read_text(encoding="utf-8")
    # After the folder's last reader page, before the authors' own toctree.
    assert index.index("docs/downloads\n") < index.index("docs/buurt\n") < index.index("docs/controle\n")
    assert index.count("docs/buurt") == 1
    assert cli.main(["check", str(fresh), "--format", "kort"]) == 0
    assert not [f for f in report(fresh)["findings"] if f["code"].startswith("toc.")]


def test_a_new_page_no_toctree_lists_gets_where_to_add_it(fresh, capsys):
    (fresh / "elders").mkdir()
    said = _new_page(fresh, capsys, "elders/buurt.md")
    assert "geen inhoudsopgave (toctree) neemt haar op: zet 'elders/buurt' in een toctree" in said
    assert "elders/buurt" not in (fresh / "index.md").read_text(encoding="utf-8")
