"""The adoption steps in the README and on the page Een eigen programma beginnen are commands that exist."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from policy_trace import cli

REPO = Path(__file__).resolve().parents[1]
DOCUMENTS = ("README.md", "docs/beginnen.md")


def commands(path: Path) -> list[str]:
    """Every ``policy-trace …`` line of the document's code blocks and inline code."""
    text = path.read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)```", text, flags=re.S)
    lines = [line.strip() for block in blocks for line in block.splitlines()]
    lines += re.findall(r"`(policy-trace [^`]+)`", text)
    found = []
    for line in lines:
        for part in line.split("&&"):
            part = re.sub(r"^\.venv/bin/", "", part.split("#")[0].strip())
            if part.startswith("policy-trace "):
                found.append(part)
    return found


def test_the_readme_has_the_steps_to_start_a_programme():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Een eigen programma beginnen") :]
    for step in (
        "make wheel",
        "pip install policy_trace-",
        "policy-trace init",
        "policy-trace build",
        "policy-trace check",
        "pre-commit install",
        "GitLab",
        "GitHub",
    ):
        assert step in section, step
    assert "make html" in readme and "make test" in readme  # the two set-up commands stay


@pytest.mark.parametrize("document", DOCUMENTS)
def test_every_command_in_the_adoption_steps_is_accepted_by_policy_trace(document):
    found = commands(REPO / document)
    assert any(line.startswith("policy-trace init ") for line in found), found
    parser = cli.build_parser()
    for line in found:
        argv = shlex.split(line)[1:]
        if "--" in argv:
            argv = argv[: argv.index("--")]
        if len(argv) == 1:  # the command named in running text ("`policy-trace init` schrijft …")
            continue
        parser.parse_args(argv)  # a usage error exits (2) and fails the test
