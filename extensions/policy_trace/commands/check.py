"""``policy-trace check [MAP]``: every check without writing the site; exit 0 (clean) or 1; reports.

It fails exactly when ``policy-trace build`` would: the same warnings fail it
(Sphinx's, sphinx-needs', MyST's and our rules'), each a finding in the reports.
The console lines come in the form asked for with ``--format``:

``kort`` (the default)
    One line per finding, location first and labelled FOUT, ADVIES or
    UITGEZONDERD (the form of spec section 5), then the summary line.
``sphinx``
    Sphinx's own console (progress, then ``file:line: FOUT: … [policy.PT102]``); also ``-v``.
``github``
    GitHub Actions workflow commands, so every finding shows beside its line in
    a pull request (``::error file=…,line=…,title=PT102::…``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .. import ratchet
from . import console
from . import project as projects

NAME = "check"
HELP = "controleer het programma zonder de site te bouwen (exit 0 als er geen fouten zijn, anders 1)"
DESCRIPTION = (
    "Voer alle controles uit op het programma in MAP (standaard de huidige map), zonder de site te "
    "schrijven: sneller dan policy-trace build, en het faalt precies wanneer de bouw zou falen. Stopt "
    "met 0 als er geen fouten zijn en met 1 als er wel fouten zijn. De rapporten policy-report.json, "
    "policy-report.xml (JUnit) en policy-report.sarif komen in MAP/_build/check. Opties van "
    "sphinx-build zelf komen na --."
)
PASSES_THROUGH = True
FORMATS = ("kort", "sphinx", "github")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    projects.add_folder_arguments(parser, "check")
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help="de vorm van de regels op het scherm: kort (standaard: de bevindingen, één per regel, met "
        "FOUT, ADVIES of UITGEZONDERD), sphinx (de uitvoer van Sphinx zelf, als -v) of github "
        "(meldingen bij de regel in GitHub Actions)",
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
    form = args.format or ("sphinx" if args.verbose else "kort")
    if (problem := console.conf_problem(programme.folder)) is not None:
        print(problem)
        return projects.EXIT_FINDINGS
    # Read as the build reads (serially): a parallel read keeps another of two items with one ID.
    argv = ["-W", "--keep-going", "-b", "policy_check", *args.extra]
    argv += [str(programme.folder), str(outdir)]
    if args.baseline is not None:
        return _run_with_baseline(args, form, programme, outdir, argv)
    if form == "sphinx":
        console.forget_reports(outdir)
        code, _, _ = projects.sphinx_build(argv)
        if code == 0:
            print(_reports_sentence(outdir))
        return projects.EXIT_OK if code == 0 else projects.EXIT_FINDINGS
    outcome = console.run(programme.folder, outdir, argv)
    console.show(outcome, form)
    if outcome.report is not None and form == "kort":
        print(_reports_sentence(outdir))
    return projects.EXIT_OK if outcome.code == 0 else projects.EXIT_FINDINGS


def _run_with_baseline(
    args: argparse.Namespace, form: str, programme: projects.Project, outdir: Path, argv: list[str]
) -> int:
    """``--baseline``: the same check, failing only on errors the baseline lacks (policy_trace.ratchet)."""
    try:
        baseline = ratchet.read_baseline(args.baseline)
    except ratchet.BaselineError as error:
        print(f"policy-trace check: fout: {error}", file=sys.stderr)
        return projects.EXIT_USAGE
    outcome = console.run(programme.folder, outdir, argv)
    console.show(outcome, "kort" if form == "sphinx" else form)
    if outcome.report is None:  # the build stopped before the checks ran: nothing to compare
        return projects.EXIT_FINDINGS
    result = ratchet.compare(baseline, outcome.report.get("findings", []))

    def location(found: dict) -> str:
        file = projects.relative(programme.folder / found["file"]) if found.get("file") else ""
        return f"{file}:{found.get('line')}"

    for text in ratchet.lines(result, location):
        print(text)
    passed = result.passes and outcome.code in (0, 1)
    return projects.EXIT_OK if passed else projects.EXIT_FINDINGS


def _reports_sentence(outdir: Path) -> str:
    return (
        f"De rapporten staan in {projects.relative(outdir / 'policy-report.json')}, "
        "policy-report.xml en policy-report.sarif"
    )
