"""``policy-trace check [MAP]``: every check without writing the site; exit 0 (clean) or 1; reports.

The console lines come in the form asked for with ``--format``:

``sphinx``
    Sphinx's own console (progress, then ``file:line: WARNING: … [policy.PT102]``).
``kort``
    Only the findings and Sphinx's other warnings, one line each, location
    first (the form of spec section 5), then the summary line.
``github``
    GitHub Actions workflow commands, so every finding shows beside its line in
    a pull request (``::error file=…,line=…,title=PT102 IN-X::…``).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .. import ratchet
from . import project as projects

NAME = "check"
HELP = "controleer het programma zonder de site te bouwen (exit 0 als er geen fouten zijn, anders 1)"
DESCRIPTION = (
    "Voer alle controles uit op het programma in MAP (standaard de huidige map), zonder de site te "
    "schrijven: sneller dan policy-trace build. Stopt met 0 als er geen fouten zijn en met 1 als er "
    "wel fouten of waarschuwingen zijn. De rapporten policy-report.json, policy-report.xml (JUnit) en "
    "policy-report.sarif komen in MAP/_build/check. Opties van sphinx-build zelf komen na --."
)
PASSES_THROUGH = True
FORMATS = ("sphinx", "kort", "github")
SUMMARY_PREFIX = "policy-trace: "

#: A warning line of Sphinx's console: ``location: WARNING: text [type.subtype]``.
WARNING_LINE = re.compile(r"^(?:(?P<location>.*?): )?(?P<level>WARNING|ERROR|CRITICAL): (?P<text>.*)$")
LOCATION = re.compile(r"^(?P<file>.*?)(?::(?P<line>\d+))?$")


@dataclass(frozen=True)
class Line:
    """One console line of any format: a finding or another warning of the build."""

    severity: str  # "error" or "advice"
    file: str  # relative to the current folder; "" without a location
    line: int  # 0 without a line
    code: str  # rule code or Sphinx's warning type; "" if it has none
    text: str

    def short(self) -> str:
        location = f"{self.file}:{self.line}: " if self.line else (f"{self.file}: " if self.file else "")
        return location + ("ADVIES: " if self.severity == "advice" else "") + self.text

    def github(self) -> str:
        command = "error" if self.severity == "error" else "notice"
        properties = [f"file={_escape_property(self.file)}"] if self.file else []
        if self.line:
            properties.append(f"line={self.line}")
        if self.code:
            properties.append(f"title={_escape_property(self.code)}")
        joined = " " + ",".join(properties) if properties else ""
        return f"::{command}{joined}::{_escape_data(self.text)}"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    projects.add_folder_arguments(parser, "check")
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="sphinx",
        help="de vorm van de regels op het scherm: sphinx (standaard, met voortgang), kort (alleen de "
        "bevindingen, één per regel) of github (meldingen bij de regel in GitHub Actions)",
    )
    parser.add_argument(
        "--baseline",
        metavar="RAPPORT",
        type=Path,
        default=None,
        help="faal alleen op fouten die niet al in dit policy-report.json van een eerdere controle staan "
        "(vergeleken op regelcode en item-ID); toont welke nieuw zijn en welke opgelost",
    )


def run(args: argparse.Namespace) -> int:
    try:
        programme = projects.project(args.folder)
        outdir = projects.writable_folder(programme.output("check", args.uitvoer))
    except projects.ProjectError as error:
        print(f"policy-trace check: fout: {error}", file=sys.stderr)
        return projects.EXIT_USAGE
    argv = ["-W", "--keep-going", "-b", "policy_check", "-j", "auto", *args.extra]
    argv += [str(programme.folder), str(outdir)]
    if args.baseline is not None:
        return _run_with_baseline(args, programme, outdir, argv)
    if args.format == "sphinx":
        code, _, _ = projects.sphinx_build(argv)
        if code == 0:
            print(_reports_sentence(outdir))
        return projects.EXIT_OK if code == 0 else projects.EXIT_FINDINGS

    code, out, err = projects.sphinx_build(argv, capture=True)
    report = _read_report(outdir)
    lines = list(_finding_lines(programme.folder, report)) + list(_other_warnings(programme.folder, err))
    lines.sort(key=lambda line: (line.file, line.line, line.code, line.text))
    show = Line.github if args.format == "github" else Line.short
    for line in lines:
        print(show(line))
    for text in _other_output(err):  # a build that stopped early says why (Mermaid ontbreekt, conf.py)
        print(text, file=sys.stderr)
    # The build's own summary line (reports.summary_line), the last thing it said.
    summary = [line for line in out.splitlines() if line.startswith(SUMMARY_PREFIX)]
    if summary:
        print(summary[-1])
    return projects.EXIT_OK if code == 0 else projects.EXIT_FINDINGS


def _run_with_baseline(
    args: argparse.Namespace, programme: projects.Project, outdir: Path, argv: list[str]
) -> int:
    """``--baseline``: the same check, failing only on errors the baseline lacks (policy_trace.ratchet)."""
    try:
        baseline = ratchet.read_baseline(args.baseline)
    except ratchet.BaselineError as error:
        print(f"policy-trace check: fout: {error}", file=sys.stderr)
        return projects.EXIT_USAGE
    code, out, err = projects.sphinx_build(argv, capture=True)
    report = _read_report(outdir)
    others = list(_other_warnings(programme.folder, err))
    if args.format == "sphinx":
        sys.stdout.write(out)
        sys.stderr.write(err)
    else:
        lines = list(_finding_lines(programme.folder, report)) + others
        lines.sort(key=lambda line: (line.file, line.line, line.code, line.text))
        show = Line.github if args.format == "github" else Line.short
        for line in lines:
            print(show(line))
        for text in _other_output(err):
            print(text, file=sys.stderr)
    if report is None:  # the build stopped before the checks ran: nothing to compare
        return projects.EXIT_FINDINGS
    result = ratchet.compare(baseline, report.get("findings", []))

    def location(found: dict) -> str:
        file = projects.relative(programme.folder / found["file"]) if found.get("file") else ""
        return f"{file}:{found.get('line')}"

    for text in ratchet.lines(result, location):
        print(text)
    if others:
        print(
            f"policy-trace check: {len(others)} andere waarschuwing(en) van de build (geen bevinding); "
            "die laten de controle altijd falen.",
            file=sys.stderr,
        )
    passed = result.passes and not others and code in (0, 1)
    return projects.EXIT_OK if passed else projects.EXIT_FINDINGS


def _reports_sentence(outdir: Path) -> str:
    return (
        f"De rapporten staan in {projects.relative(outdir / 'policy-report.json')}, "
        "policy-report.xml en policy-report.sarif"
    )


def _read_report(outdir: Path) -> dict | None:
    try:
        return json.loads((outdir / "policy-report.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):  # the build stopped before the checks ran
        return None


def _finding_lines(folder: Path, report: dict | None) -> Iterator[Line]:
    for found in (report or {}).get("findings", ()):
        file = projects.relative(folder / found["file"]) if found["file"] else ""
        text = f"{found['code']} {found['id']}: {found['message']} Oplossing: {found['fix']}"
        yield Line(found["severity"], file, found["line"] or 0, found["code"], text)


def _other_warnings(folder: Path, err: str) -> Iterator[Line]:
    """Sphinx's warnings that are not findings (those come from the report, with their severity)."""
    for raw in err.splitlines():
        match = WARNING_LINE.match(raw)
        if match is None or "[policy." in raw:
            continue
        text = match["text"]
        code = ""
        if tag := re.search(r" \[([\w.-]+)\]$", text):
            code, text = tag[1], text[: tag.start()]
        file, line = _location(folder, match["location"] or "")
        yield Line("error", file, line, code, text)


def _other_output(err: str) -> Iterable[str]:
    return [raw for raw in err.splitlines() if raw.strip() and not WARNING_LINE.match(raw)]


def _location(folder: Path, location: str) -> tuple[str, int]:
    match = LOCATION.match(location)
    if not location or match is None:
        return "", 0
    path = Path(match["file"])
    if not path.is_absolute():
        path = folder / path
    return projects.relative(path), int(match["line"] or 0)


def _escape_data(text: str) -> str:
    # GitHub's workflow commands: these characters end or break a message.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
