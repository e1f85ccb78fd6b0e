"""``policy-trace build [MAP]``: build the programme's site with every warning failing the build."""

from __future__ import annotations

import argparse
import sys

from . import console
from . import project as projects

NAME = "build"
HELP = "bouw de site van het programma (elke waarschuwing laat de bouw mislukken)"
DESCRIPTION = (
    "Bouw de site van het programma in MAP (standaard de huidige map) naar MAP/_build/html. "
    "Elke fout of waarschuwing laat de bouw mislukken (sphinx-build -W --keep-going), zodat je "
    "alle fouten in één keer ziet; de adviezen staan erbij maar houden de bouw niet tegen. Op het "
    "scherm komen alleen de bevindingen en de samenvatting; -v toont de uitvoer van Sphinx zelf. "
    "Opties van sphinx-build zelf komen na --, bijvoorbeeld: policy-trace build . -- -j auto"
)
PASSES_THROUGH = True


def add_arguments(parser: argparse.ArgumentParser) -> None:
    projects.add_folder_arguments(parser, "html")


def run(args: argparse.Namespace) -> int:
    try:
        programme = projects.project(args.folder)
        outdir = projects.writable_folder(programme.output("html", args.uitvoer))
        # The doctrees beside the site, not in it (Sphinx's default): they are Sphinx's cache, with the
        # build machine's paths and the pages' text as parsed, nothing a visitor needs.
        doctrees = ["-d", str(projects.writable_folder(programme.output("doctrees")))]
    except projects.ProjectError as error:
        print(f"policy-trace build: fout: {error}", file=sys.stderr)
        return projects.EXIT_USAGE
    if (problem := console.conf_problem(programme.folder)) is not None:
        print(problem)
        return projects.EXIT_FINDINGS
    argv = ["-W", "--keep-going", "-b", "html", *doctrees, *args.extra, str(programme.folder), str(outdir)]
    if args.verbose:
        console.forget_reports(outdir)
        code, _, _ = projects.sphinx_build(argv)
    else:
        outcome = console.run(programme.folder, outdir, argv)
        console.show(outcome)
        code = outcome.code
    if code:
        print(
            "policy-trace build: de bouw is mislukt; los de fouten hierboven op "
            "(elke regel begint met bestand en regelnummer).",
            file=sys.stderr,
        )
        return projects.EXIT_FINDINGS
    print(f"De site staat in {projects.relative(outdir / 'index.html')}")
    return projects.EXIT_OK
