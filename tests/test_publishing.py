"""The publishing set-up: CI definitions, make serve, and the pinned Mermaid the site serves.

The GitLab and GitHub pipelines cannot run here; these tests read them and
check what would make them publish a broken or incomplete site.
"""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest
import yaml
from checks_support import copy_root

REPO = Path(__file__).resolve().parents[1]


def _makefile_recipe(target: str) -> str:
    """The recipe lines of ``target`` in the Makefile, joined."""
    text = (REPO / "Makefile").read_text(encoding="utf-8")
    match = re.search(rf"^{re.escape(target)}:.*\n((?:\t.*\n?)+)", text, re.MULTILINE)
    assert match, f"de Makefile heeft geen target {target}"
    return match.group(1)


def _make_variable(name: str) -> str:
    text = (REPO / "Makefile").read_text(encoding="utf-8")
    match = re.search(rf"^{name}\s*:?=\s*(\S+)", text, re.MULTILINE)
    assert match, name
    return match.group(1)


def _scripts(job: dict[str, Any]) -> list[str]:
    return [*job.get("before_script", []), *job.get("script", [])]


def test_make_html_builds_with_warnings_as_errors(tmp_path: Path) -> None:
    # make html is every programme's front door: policy-trace build, into _build/html.
    recipe = _makefile_recipe("html")
    assert re.search(r"policy-trace build \.", recipe)
    assert "$(BUILD)/html" in recipe and _make_variable("BUILD") == "_build"
    # And policy-trace build really fails on a warning that is no finding of ours (without
    # -W it would pass), after reporting it with its place.
    srcdir = copy_root("test-every-type", tmp_path)
    index = srcdir / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\nZie ook {doc}`bestaat-niet`.\n", "utf-8")
    command = [str(Path(sys.executable).parent / "policy-trace"), "build", str(srcdir)]
    failed = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert failed.returncode != 0
    # The findings on standard output (quiet by default), the closing sentence on standard error.
    assert "index.md" in failed.stdout and "bestaat-niet" in failed.stdout, failed.stdout
    assert "de bouw is mislukt" in failed.stderr


@pytest.fixture(scope="module")
def gitlab() -> dict[str, Any]:
    """The GitLab CI pipeline."""
    return yaml.safe_load((REPO / ".gitlab-ci.yml").read_text(encoding="utf-8"))


def test_gitlab_builds_with_w_and_keeps_the_site(gitlab: dict[str, Any]) -> None:
    build = gitlab["build"]
    assert "make html" in _scripts(build)
    assert "make publish" in _scripts(build)  # the versioned publication, after the -W build
    assert build["artifacts"]["paths"] == ["_build/html", "_build/public"]
    assert gitlab["variables"]["GIT_DEPTH"] == "0"  # every tag versie-X is a version
    assert gitlab["stages"].index(build["stage"]) < gitlab["stages"].index(gitlab["pages"]["stage"])


def test_gitlab_runs_the_tests_with_chromium(gitlab: dict[str, Any]) -> None:
    test = gitlab["test"]
    lines = _scripts(gitlab["default"]) + _scripts(test)
    assert "make test" in lines
    assert any("apt-get install" in line and "chromium" in line for line in lines)
    assert any("make venv" in line for line in lines), "npm ci en pip draaien in make venv"


def test_gitlab_keeps_the_findings_as_junit_and_sarif(gitlab: dict[str, Any]) -> None:
    check = gitlab["check"]
    assert any(line.startswith(".venv/bin/policy-trace check") for line in _scripts(check))
    assert check["artifacts"]["reports"]["junit"] == "_build/check/policy-report.xml"
    assert "_build/check/policy-report.sarif" in check["artifacts"]["paths"]
    assert check["artifacts"]["when"] == "always"


def test_gitlab_deploys_the_built_site_to_pages_only_after_build_and_tests(gitlab: dict[str, Any]) -> None:
    pages = gitlab["pages"]
    needed = {need["job"] if isinstance(need, dict) else need for need in pages["needs"]}
    assert needed == {"build", "test", "check"}
    assert {"job": "build", "artifacts": True} in pages["needs"]
    assert pages["artifacts"]["paths"] == ["public"]
    assert "cp -r _build/public public" in pages["script"]
    assert pages["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    # Its own set-up is empty: it only copies what the build job made.
    assert pages["before_script"] == []


@pytest.fixture(scope="module")
def github() -> dict[str, Any]:
    """The GitHub Actions workflow."""
    return yaml.safe_load((REPO / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))


def _steps(job: dict[str, Any]) -> list[dict[str, Any]]:
    return job["steps"]


def _runs(job: dict[str, Any]) -> list[str]:
    return [line.strip() for step in _steps(job) for line in step.get("run", "").splitlines()]


def test_github_builds_with_w_tests_and_uploads_the_site(github: dict[str, Any]) -> None:
    build = github["jobs"]["build"]
    runs = _runs(build)
    assert runs.index("make html") < runs.index("make test")
    assert "make venv" in runs
    assert any("apt-get install" in line and "chromium" in line for line in runs)
    upload = [
        step for step in _steps(build) if step.get("uses", "").startswith("actions/upload-pages-artifact@")
    ]
    assert len(upload) == 1 and upload[0]["with"]["path"] == "_build/public"
    assert runs.index("make test") < runs.index("make publish")
    uses = "github/codeql-action/upload-sarif@"
    sarif = [step for step in _steps(build) if step.get("uses", "").startswith(uses)]
    assert len(sarif) == 1 and sarif[0]["with"]["sarif_file"] == "_build/check/policy-report.sarif"
    assert github["permissions"]["security-events"] == "write"
    assert _steps(build)[0]["with"]["fetch-depth"] == 0
    # The upload is the last step: a failed build or test never publishes.
    assert _steps(build)[-1] is upload[0]


def test_github_deploys_pages_from_main_only(github: dict[str, Any]) -> None:
    # YAML 1.1 reads the key "on" as True.
    triggers = github.get("on", github.get(True))
    assert triggers["push"]["branches"] == ["main"]
    deploy = github["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert "refs/heads/main" in deploy["if"] and "pull_request" in deploy["if"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert [step["uses"].split("@")[0] for step in _steps(deploy)] == ["actions/deploy-pages"]


def test_ci_run_installs_chromium_before_the_tests() -> None:
    lines = [line.strip() for line in (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()]
    install = next(
        i for i, line in enumerate(lines) if line.startswith("apt-get install") and "chromium" in line
    )
    update = next(i for i, line in enumerate(lines) if line.startswith("apt-get update"))
    assert update < install < lines.index("make test")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_make_serve_serves_the_built_site_on_localhost(tmp_path: Path) -> None:
    site = tmp_path / "html"
    site.mkdir()
    (site / "index.html").write_text("<p>Voorbeeldsite</p>", encoding="utf-8")
    port = _free_port()
    server = subprocess.Popen(
        ["make", "--no-print-directory", "serve", f"BUILD={tmp_path}", f"PORT={port}"],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/index.html", timeout=2) as response:
                    assert response.read().decode() == "<p>Voorbeeldsite</p>"
                    break
            except OSError:
                assert server.poll() is None, server.stdout.read() if server.stdout else ""
                assert time.monotonic() < deadline, "make serve antwoordt niet"
                time.sleep(0.2)
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert "--bind 127.0.0.1" in _makefile_recipe("serve")


def test_make_serve_without_a_built_site_says_what_to_do(tmp_path: Path) -> None:
    result = subprocess.run(
        ["make", "--no-print-directory", "serve", f"BUILD={tmp_path}"],
        cwd=REPO, capture_output=True, text=True,
    )
    assert result.returncode != 0
    assert "Er is nog geen site: bouw hem eerst met 'make html'" in result.stderr


def test_mermaid_is_pinned_with_an_integrity_hash_and_installed_by_npm_ci() -> None:
    package = json.loads((REPO / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((REPO / "package-lock.json").read_text(encoding="utf-8"))
    for name, version in package["dependencies"].items():
        assert re.fullmatch(r"\d+\.\d+\.\d+", version), f"{name} is niet exact vastgepind: {version}"
        locked = lock["packages"][f"node_modules/{name}"]
        assert locked["version"] == version
        assert locked["integrity"].startswith("sha512-")
    assert package["dependencies"]["mermaid"].startswith("11.")
    assert "npm ci" in _makefile_recipe("$(NODE_STAMP)")
    assert "node_modules/" in (REPO / ".gitignore").read_text(encoding="utf-8").splitlines()


def test_the_installed_mermaid_is_the_locked_one() -> None:
    installed = REPO / "node_modules" / "mermaid" / "package.json"
    if not installed.is_file():
        pytest.fail("node_modules/mermaid ontbreekt: draai 'make venv' (npm ci)")
    lock = json.loads((REPO / "package-lock.json").read_text(encoding="utf-8"))
    assert json.loads(installed.read_text(encoding="utf-8"))["version"] == (
        lock["packages"]["node_modules/mermaid"]["version"]
    )
