"""What the front doors print: conf.py read first, then one labelled line per finding and the summary.

``build`` and ``check`` run Sphinx quietly and print what an author acts on,
in Dutch, from the build's own ``policy-report.json`` (so the console, the
reports and the exit code agree): every finding labelled ``FOUT``, ``ADVIES``
or ``UITGEZONDERD`` with file and line, then the build's summary line. With
``-v`` (or ``check --format sphinx``) Sphinx's own console is shown instead.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..reports import JSON_REPORT, JUNIT_REPORT, SARIF_REPORT
from . import conffile
from . import project as projects

SUMMARY_PREFIX = "policy-trace: "
#: The label of each severity on the console, as the Sphinx console and the JUnit file write it.
LABELS = {"error": "FOUT", "advice": "ADVIES", "uitgezonderd": "UITGEZONDERD"}

#: A warning line of Sphinx's console: ``location: FOUT: text [type.subtype]`` (or Sphinx's own labels).
WARNING_LINE = re.compile(
    r"^(?:(?P<location>.*?): )?(?P<level>FOUT|WARNING|ERROR|CRITICAL): (?P<text>.*)$"
)
LOCATION = re.compile(r"^(?P<file>.*?)(?::(?P<line>\d+))?$")


@dataclass(frozen=True)
class Line:
    """One console line of any format: a finding of the build, or a warning that never reached the report."""

    severity: str  # "error", "advice" or "uitgezonderd"
    file: str  # relative to the current folder; "" without a location
    line: int  # 0 without a line
    code: str  # rule code or Sphinx's warning type; "" if it has none
    text: str

    def short(self) -> str:
        location = f"{self.file}:{self.line}: " if self.line else (f"{self.file}: " if self.file else "")
        return f"{location}{LABELS.get(self.severity, 'FOUT')}: {self.text}"

    def github(self) -> str:
        command = {"error": "error", "advice": "notice", "uitgezonderd": "notice"}[self.severity]
        properties = [f"file={_escape_property(self.file)}"] if self.file else []
        if self.line:
            properties.append(f"line={self.line}")
        if self.code:
            properties.append(f"title={_escape_property(self.code)}")
        joined = " " + ",".join(properties) if properties else ""
        label = "" if self.severity == "error" else f"{LABELS[self.severity]}: "
        return f"::{command}{joined}::{label}{_escape_data(self.text)}"


@dataclass(frozen=True)
class Outcome:
    """One quiet run of Sphinx: its exit code, the lines to show and its summary line."""

    code: int
    lines: tuple[Line, ...]
    #: What the build said that is no warning (why it stopped early: Mermaid ontbreekt, …).
    said: tuple[str, ...]
    summary: str
    report: dict | None


def conf_problem(folder: Path) -> str | None:
    """conf.py's one Dutch line if it cannot be read (see :mod:`.conffile`), else None."""
    return conffile.problem(folder)


def forget_reports(outdir: Path) -> None:
    """Remove the reports of an earlier run, so nothing of it is ever shown as this run's."""
    for name in (JSON_REPORT, JUNIT_REPORT, SARIF_REPORT):
        (outdir / name).unlink(missing_ok=True)


def run(folder: Path, outdir: Path, argv: list[str]) -> Outcome:
    """Run sphinx-build with ``argv`` quietly and read what it found from its report."""
    forget_reports(outdir)
    code, out, err = projects.sphinx_build(argv, capture=True)
    report = read_report(outdir)
    lines = list(finding_lines(folder, report))
    if report is None:  # it stopped before the reports: every warning it gave, as it gave them
        lines += other_warnings(folder, err)
    lines.sort(key=lambda line: (line.file, line.line, line.code, line.text))
    said = tuple(raw for raw in err.splitlines() if raw.strip() and not WARNING_LINE.match(raw))
    summary = [line for line in out.splitlines() if line.startswith(SUMMARY_PREFIX)]
    return Outcome(code, tuple(lines), said, summary[-1] if summary else "", report)


def show(outcome: Outcome, form: str = "kort") -> None:
    """Print the outcome: findings (``kort`` or ``github``), what the build said, the summary."""
    render = Line.github if form == "github" else Line.short
    for line in outcome.lines:
        print(render(line))
    for text in outcome.said:
        print(text, file=sys.stderr)
    if outcome.summary:
        print(outcome.summary)


def read_report(outdir: Path) -> dict | None:
    """The run's ``policy-report.json``, or None when the build stopped before writing it."""
    try:
        return json.loads((outdir / JSON_REPORT).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def finding_lines(folder: Path, report: dict | None) -> Iterator[Line]:
    """One line per finding of the report, its location relative to the current folder."""
    for found in (report or {}).get("findings", ()):
        file = projects.relative(folder / found["file"]) if found["file"] else ""
        head = f"{found['code']} {found['id']}" if found["id"] else found["code"]
        text = f"{head}: {found['message']} Oplossing: {found['fix']}"
        if waiver := found.get("uitzondering"):
            text += f" (uitzondering tot {waiver['tot']}, door {waiver['door']}: {waiver['reden']})"
        yield Line(found["severity"], file, found["line"] or 0, found["code"], text)


def other_warnings(folder: Path, err: str) -> Iterable[Line]:
    """The warning lines of Sphinx's console, for a build that wrote no report."""
    result = []
    for raw in err.splitlines():
        match = WARNING_LINE.match(raw)
        if match is None:
            continue
        text = match["text"]
        code = ""
        if tag := re.search(r" \[([\w.-]+)\]$", text):
            code, text = tag[1], text[: tag.start()]
        file, line = _location(folder, match["location"] or "")
        result.append(Line("error", file, line, code, text))
    return result


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
