"""``policy-trace pdf [MAP] -o BESTAND.pdf``: the programme as one PDF for a board meeting.

Built from the same sources as the site by the ``policy_pdf`` builder
(:mod:`policy_trace.paper`): read and check every item, then print the title
page, the goal tree, the dashboard, the findings and every item to a tagged
PDF/UA-1 file with WeasyPrint.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from ..dates import parse_iso
from . import console
from . import project as projects

NAME = "pdf"
HELP = "maak één PDF van het programma voor een bestuursvergadering"
DESCRIPTION = (
    "Maak van het programma in MAP (standaard de huidige map) één PDF voor een bestuursvergadering: "
    "op de eerste bladzijden de vergadering, versie en status, de stand van zaken en wat te besluiten "
    "is, dan wat veranderde sinds de vorige versie, de doelenboom, het overzicht wanneer zijn we "
    "tevreden en alle items met hun velden en koppelingen (aanklikbaar); de bevindingen van de "
    "controles als bijlage voor het programmabureau. PDF/A-2a en PDF/UA-1, in het Nederlands, met "
    "bladwijzers. Opties van sphinx-build zelf komen na --."
)
PASSES_THROUGH = True
#: The file the paper builder writes (policy_trace.paper.builder.PDF_NAME, read there to keep Sphinx out).
DEFAULT_NAME = "programma.pdf"
#: The setting that carries --vergadering to the builder (policy_trace.paper.builder.MEETING_SETTING).
MEETING_SETTING = "policy_trace_pdf_meeting"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    projects.add_folder_argument(parser)
    projects.add_verbose_argument(parser)
    parser.add_argument(
        "--uitvoer",
        "-o",
        metavar="BESTAND",
        type=Path,
        default=None,
        help=f"het PDF-bestand (standaard: MAP/{projects.BUILD_FOLDER}/pdf/{DEFAULT_NAME})",
    )
    parser.add_argument(
        "--vergadering",
        metavar="JJJJ-MM-DD",
        default=None,
        help="de datum van de bestuursvergadering waarvoor de PDF is: op de titelpagina, en wat er "
        "uiterlijk dan te besluiten is",
    )


def refuse_target(target: Path) -> str | None:
    """Why ``target`` may not be written (Dutch), or None: only a ``.pdf``, never over another kind of file.

    A typo such as ``-o index.md`` or ``-o conf.py`` would otherwise replace a source with the PDF.
    """
    if target.suffix.lower() != ".pdf":
        return (
            f"{target} is geen PDF-bestand; policy-trace pdf schrijft alleen een bestand dat op .pdf "
            "eindigt (bijvoorbeeld -o programma.pdf), zodat het nooit een bron overschrijft."
        )
    if target.is_file() and not target.is_symlink():
        with target.open("rb") as existing:
            if existing.read(5) != b"%PDF-":
                return (
                    f"{target} bestaat al en is geen PDF; policy-trace pdf overschrijft alleen een eerder "
                    "gemaakt PDF-bestand. Kies een andere naam."
                )
    if target.is_symlink():
        return f"{target} is een symbolische koppeling; geef de echte bestandsnaam op."
    return None


def run(args: argparse.Namespace) -> int:
    try:
        programme = projects.project(args.folder)
    except projects.ProjectError as error:
        print(f"policy-trace pdf: fout: {error}", file=sys.stderr)
        return projects.EXIT_USAGE
    meeting = []
    if args.vergadering is not None:
        if parse_iso(args.vergadering) is None:
            print(
                f"policy-trace pdf: fout: --vergadering {args.vergadering!r} is geen datum; schrijf de datum "
                "van de vergadering als JJJJ-MM-DD, bijvoorbeeld --vergadering 2026-03-12.",
                file=sys.stderr,
            )
            return projects.EXIT_USAGE
        meeting = ["-D", f"{MEETING_SETTING}={args.vergadering.strip()}"]
    target: Path = args.uitvoer or programme.folder / projects.BUILD_FOLDER / "pdf" / DEFAULT_NAME
    if target.is_dir():
        print(
            f"policy-trace pdf: fout: {target} is een map; geef een bestandsnaam op, "
            "bijvoorbeeld -o programma.pdf.",
            file=sys.stderr,
        )
        return projects.EXIT_USAGE
    refused = refuse_target(target)
    if refused:
        print(f"policy-trace pdf: fout: {refused}", file=sys.stderr)
        return projects.EXIT_USAGE
    if not target.parent.exists() and args.uitvoer is not None:
        print(
            f"policy-trace pdf: fout: de map {target.parent} bestaat niet; maak hem eerst of kies "
            "een ander bestand.",
            file=sys.stderr,
        )
        return projects.EXIT_USAGE
    # After the arguments (a wrong -o or --vergadering is a usage error whatever conf.py says).
    if (problem := console.conf_problem(programme.folder)) is not None:
        print(problem)
        return projects.EXIT_FINDINGS
    with tempfile.TemporaryDirectory(prefix="policy-trace-pdf-") as work:
        # A fresh build each time: the paper is made from every source as it is now.
        code, _, _ = projects.sphinx_build(
            [
                # Quiet by default: only what is wrong (labelled FOUT), not Sphinx's English progress.
                *([] if args.verbose else ["-q"]),
                "-b",
                "policy_pdf",
                "-d",
                str(Path(work, "doctrees")),
                *meeting,
                *args.extra,
                str(programme.folder),
                str(Path(work, "out")),
            ]
        )
        made = Path(work, "out", DEFAULT_NAME)
        if code or not made.is_file():
            print(
                "policy-trace pdf: het PDF-document is niet gemaakt; los de fouten hierboven op.",
                file=sys.stderr,
            )
            return projects.EXIT_FINDINGS
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(made), target)
    print(f"Het PDF-document staat in {projects.relative(target)}")
    return projects.EXIT_OK
