"""Every ``policy-trace`` command the README and the handbook show runs as shown (issue 16).

The commands are read from the pages themselves (code blocks and inline code),
so a page that shows a command the program refuses fails here. Each runs in a
fresh folder where the pages' example programme (``hitteplan``) is made by the
pages' own ``init`` command; ``live`` serves forever, so it is only parsed and
its sphinx-autobuild command line made, and ``koppel`` from an example address
on the network is only parsed (a test stays off the network).
"""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
from policy_trace import cli
from policy_trace.commands import live

REPO = Path(__file__).parent.parent
PAGES = (REPO / "README.md", REPO / "docs" / "handboek.md", REPO / "docs" / "beginnen.md")
SUBCOMMANDS = tuple(command.NAME for command in cli.COMMANDS)
_COMMAND = re.compile(rf"(?:\$ )?(?:\.venv/bin/)?policy-trace (?:{'|'.join(SUBCOMMANDS)})\b[^`]*")
_FENCE = re.compile(r"^(`{3,}|~{3,})")
#: Commands that cannot run without arguments: named alone in a sentence, they are a name, not a command.
_NEEDS_ARGUMENTS = ("init", "new", "publish", "koppel")
#: The pages' placeholders, as a reader fills them in.
_PLACEHOLDERS = {"[MAP]": ".", "BESTAND.pdf": "programma.pdf", "UIT": "uit"}


def documented_commands() -> list[tuple[str, str]]:
    """(page, command line) for every command a page shows, in page order, continuation lines joined."""
    found: list[tuple[str, str]] = []
    for page in PAGES:
        text = page.read_text(encoding="utf-8").replace("\\\n", " ")
        in_code = False
        for line in text.splitlines():
            if _FENCE.match(line.strip()):
                in_code = not in_code
                continue
            parts = [line] if in_code else re.findall(r"`([^`]+)`", line)
            for part in parts:
                for match in _COMMAND.finditer(part):
                    command = match.group().strip().rstrip(".;,)")
                    if "…" in command:  # "policy-trace new … --file": prose about a command
                        continue
                    if command.split()[-1] in _NEEDS_ARGUMENTS:  # "`policy-trace new` schrijft": a name
                        continue
                    found.append((page.name, command))
    return found


def _argv(command: str) -> list[str]:
    words = shlex.split(command.removeprefix("$ "))
    assert words[0].endswith("policy-trace")
    return [_PLACEHOLDERS.get(word, word) for word in words[1:]]


COMMANDS = documented_commands()


def test_the_pages_show_the_commands_a_new_programme_needs():
    shown = {_argv(command)[0] for _, command in COMMANDS}
    assert {"init", "new", "build", "check", "live", "pdf", "publish"} <= shown
    assert len(COMMANDS) >= 15


@pytest.fixture
def sandbox(tmp_path, monkeypatch, capsys):
    """A folder with the pages' example programme, made by the first init command a page shows."""
    monkeypatch.chdir(tmp_path)
    init = next(_argv(command) for _, command in COMMANDS if _argv(command)[0] == "init")
    assert cli.main(init) == 0
    capsys.readouterr()
    return tmp_path


@pytest.mark.parametrize(("page", "command"), COMMANDS, ids=[f"{p}:{c}" for p, c in COMMANDS])
def test_every_command_a_page_shows_runs(page, command, sandbox, monkeypatch, capsys):
    argv = _argv(command)
    programme = sandbox / "hitteplan"
    if argv[0] == "init":
        shutil.rmtree(programme)
    elif "hitteplan" not in " ".join(argv):
        monkeypatch.chdir(programme)  # "." and needs/… are the programme's own folder
    if "--baseline" in argv:  # an earlier run's report, as the page assumes
        assert cli.main(["check", str(programme)]) == 0
        (programme / "vorige").mkdir()
        shutil.copy(programme / "_build/check/policy-report.json", programme / "vorige")
    if argv[0] == "koppel" and any(word.startswith(("http://", "https://")) for word in argv):
        # An example address on the network, which a test may not reach: the command line parses.
        cli.build_parser().parse_args(argv)
        return
    if argv[0] == "live":  # it would serve until stopped: the command line it would run
        args = cli.build_parser().parse_args(argv)
        args.extra = []
        made = live.arguments(args, live.projects.project(args.folder))
        assert made[-1].endswith("live") and "--port" in made
        return
    code = cli.main(argv)
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    assert code == 0, f"{page}: {command}\n{captured.out}\n{captured.err}"
