"""``policy-trace live [MAP]``: preview the site and rebuild it on every save (sphinx-autobuild)."""

from __future__ import annotations

import argparse
import sys

from . import console
from . import project as projects

try:  # sphinx-autobuild is an authoring tool, not needed to build the site: said when `live` is asked for
    from .. import live
except ImportError as missing:
    _MISSING: str | None = missing.name or "sphinx-autobuild"
else:
    _MISSING = None

NAME = "live"
HELP = "toon de site en bouw hem opnieuw bij elke wijziging (sphinx-autobuild)"
DESCRIPTION = (
    "Toon de site van het programma in MAP (standaard de huidige map) op http://127.0.0.1:8000 en "
    "bouw hem opnieuw zodra je een bestand opslaat; de browser laadt dan vanzelf opnieuw. Opties "
    "van sphinx-autobuild en sphinx-build komen na --, bijvoorbeeld: "
    "policy-trace live . -- -W --ignore '*/concepten/*'"
)
PASSES_THROUGH = True
#: Never watched: the output, environments and downloaded packages change during a build, not by an author.
IGNORED = ("*/_build/*", "*/.venv/*", "*/venv/*", "*/node_modules/*", "*/.git/*", "*/__pycache__/*")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    projects.add_folder_arguments(parser, "live")
    parser.add_argument("--host", default="127.0.0.1", help="het adres van de server (standaard 127.0.0.1)")
    parser.add_argument("--port", default="8000", help="de poort van de server (standaard 8000)")


def arguments(args: argparse.Namespace, programme: projects.Project) -> list[str]:
    """sphinx-autobuild's command line for these options."""
    ignored = [option for pattern in IGNORED for option in ("--ignore", pattern)]
    # Quiet by default: Sphinx shows only the findings (labelled FOUT), not its English progress.
    quiet = [] if getattr(args, "verbose", False) else ["-q"]
    return [
        "--host", args.host, "--port", str(args.port), *ignored, *quiet, *args.extra,
        str(programme.folder), str(programme.output("live", args.uitvoer)),
    ]


def run(args: argparse.Namespace) -> int:
    try:
        programme = projects.project(args.folder)
    except projects.ProjectError as error:
        print(f"policy-trace live: fout: {error}", file=sys.stderr)
        return projects.EXIT_USAGE
    if (problem := console.conf_problem(programme.folder)) is not None:
        print(problem)
        return projects.EXIT_FINDINGS
    if _MISSING is not None:
        print(
            f"policy-trace live: fout: {_MISSING} ontbreekt. Installeer het in "
            "dezelfde omgeving als policy-trace: pip install sphinx-autobuild",
            file=sys.stderr,
        )
        return projects.EXIT_USAGE
    return live.live(arguments(args, programme))
