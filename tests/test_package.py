"""End to end as a user: the wheel in a fresh venv, no Node.js, ``policy-trace init``, build, hook, check.

Slow (a wheel build and a venv install, once per session); marked ``package``.
The browser half (Mermaid drawn, nothing requested off the site) is in
tests/browser/test_installed_programme.py.
"""

from __future__ import annotations

import json
import shlex
import shutil
import zipfile

import pytest
import yaml
from package_support import NAME, REPO

pytestmark = pytest.mark.package

VENDOR = "policy_trace/vendor/"


def test_the_wheel_carries_the_pinned_mermaid_with_its_licence_and_nothing_else_of_npm(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    vendored = sorted(name[len(VENDOR) :] for name in names if name.startswith(VENDOR))
    assert "mermaid/dist/mermaid.esm.min.mjs" in vendored
    assert "d3/dist/d3.min.js" in vendored
    assert {"mermaid/LICENSE", "d3/LICENSE", "vendored.json"} <= set(vendored)
    chunks = [name for name in vendored if name.startswith("mermaid/dist/chunks/mermaid.esm.min/")]
    assert chunks and all(name.endswith(".mjs") for name in chunks)
    # Lean: only the browser files the site serves, never a source map, README, type file or node_modules.
    assert set(vendored) == {
        "mermaid/dist/mermaid.esm.min.mjs",
        "d3/dist/d3.min.js",
        "mermaid/LICENSE",
        "d3/LICENSE",
        "vendored.json",
        *chunks,
    }
    assert not [name for name in names if "node_modules" in name or name.endswith(".map")]

    manifest = json.loads(zipfile.ZipFile(wheel).read(VENDOR + "vendored.json"))
    lock = json.loads((REPO / "package-lock.json").read_text(encoding="utf-8"))["packages"]
    for package in ("mermaid", "d3"):
        pinned = lock[f"node_modules/{package}"]
        assert manifest[package]["version"] == pinned["version"]
        assert manifest[package]["integrity"] == pinned["integrity"]
    # The repository's own copies (npm ci of the same lockfile) are byte for byte what the wheel serves.
    module = zipfile.ZipFile(wheel).read(VENDOR + "mermaid/dist/mermaid.esm.min.mjs")
    assert module == (REPO / "node_modules/mermaid/dist/mermaid.esm.min.mjs").read_bytes()


def test_the_user_has_no_node_and_the_package_comes_from_the_wheel(machine):
    assert shutil.which("node", path=machine.env["PATH"]) is None
    assert shutil.which("npm", path=machine.env["PATH"]) is None
    done = machine.run("python", "-c", "import policy_trace; print(policy_trace.__file__)", cwd=machine.venv)
    assert "site-packages" in done.stdout and str(REPO) not in done.stdout


def test_init_then_build_with_w_gives_the_site_with_its_own_mermaid(started_programme):
    site = started_programme / "_build/html"
    index = (site / "index.html").read_text(encoding="utf-8")
    # The doelenboom is drawn with the page; Mermaid is served for the diagrams authors write.
    assert f"<title>{NAME}" in index and '<svg xmlns="http://www.w3.org/2000/svg" class="pt-boom"' in index
    assert "mermaid" not in index
    assert (site / "_static/mermaid/mermaid.esm.min.mjs").is_file()
    assert (site / "_static/mermaid/d3.min.js").is_file()
    assert not list(started_programme.rglob("node_modules"))
    assert not list((site / "_static/mermaid").rglob("*.map"))


def test_the_pre_commit_hook_and_check_fail_on_a_planted_error(machine, started_programme, tmp_path):
    programme = tmp_path / "hitteplan"
    shutil.copytree(started_programme, programme, ignore=shutil.ignore_patterns("_build"))
    hook = yaml.safe_load((programme / ".pre-commit-config.yaml").read_text(encoding="utf-8"))["repos"][0][
        "hooks"
    ][0]
    command = shlex.split(hook["entry"])
    assert hook["language"] == "system" and command[0] == "policy-trace"

    assert machine.run(*command, cwd=programme).returncode == 0  # clean: only advice
    projecten = programme / "needs/projecten.md"
    text = projecten.read_text(encoding="utf-8")
    projecten.write_text(
        text.replace(":voert_uit: IN-EERSTE-INSPANNING", ":voert_uit: IN-EERSTE-INSPANING"), encoding="utf-8"
    )

    hooked = machine.run(*command, cwd=programme, check=False)  # what pre-commit runs, from the programme
    assert hooked.returncode == 1
    assert (
        "needs/projecten.md:3: FOUT: PT101 PRJ-EERSTE-PROJECT: 'voert_uit' verwijst naar IN-EERSTE-INSPANING"
        in (hooked.stdout)
    )
    checked = machine.run("policy-trace", "check", "hitteplan", cwd=tmp_path, check=False)
    assert checked.returncode == 1
    # The default form is the short one too (quiet, labelled), the location relative to where it runs.
    assert "hitteplan/needs/projecten.md:3: FOUT: PT101 PRJ-EERSTE-PROJECT" in checked.stdout
    assert (programme / "_build/check/policy-report.xml").is_file()
    assert "Traceback" not in hooked.stderr + checked.stderr
