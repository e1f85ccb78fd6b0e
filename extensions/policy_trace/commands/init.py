"""``policy-trace init MAP``: start a new programme that builds with ``-W`` at once."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from .. import starter
from . import project as projects

NAME = "init"
HELP = "begin een nieuw programma in MAP: instellingen, pagina's, een eerste keten van items en CI"
DESCRIPTION = (
    "Schrijf een nieuw programma in MAP: conf.py met de naam en de looptijd, de startpagina met de "
    "doelenboom, de overzichtspagina's, in needs/ een eerste keten van items (hoofddoel, doel, "
    "inspanning, project, mijlpaal, criterium, partij) om te vervangen door de eigen items, "
    ".gitignore, een pre-commit-controle en pijplijnen voor GitLab Pages en GitHub Pages. "
    "Het programma bouwt meteen: policy-trace build MAP"
)
PASSES_THROUGH = False


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", metavar="MAP", type=projects.Path, help="de map van het nieuwe programma")
    parser.add_argument("--naam", help="de naam van het programma (standaard: afgeleid van MAP)")
    parser.add_argument(
        "--organisatie",
        help="wie het programma uitgeeft, bijvoorbeeld 'Gemeente Utrecht' (standaard: de naam)",
    )
    parser.add_argument(
        "--contact",
        metavar="E-MAIL",
        help="het e-mailadres voor vragen en meldingen over de site, bijvoorbeeld "
        "'toegankelijkheid@gemeente.nl' (in de toegankelijkheidsverklaring en het colofon)",
    )
    parser.add_argument(
        "--periode",
        nargs=2,
        metavar=("BEGIN", "EINDE"),
        help="de looptijd als twee datums JJJJ-MM-DD (standaard: dit jaar en de drie jaren erna)",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="schrijf ook in een map die niet leeg is (overschrijft bestanden)",
    )


def run(args: argparse.Namespace) -> int:
    name = args.naam if args.naam is not None else _name_from(args.folder)
    try:
        if args.periode:
            begin, end = (starter.parse_date(text) for text in args.periode)
        else:
            begin, end = starter.default_period(dt.date.today())
        programme = starter.Programme(name, args.organisatie or name, begin, end, args.contact or "")
        starter.write(args.folder, programme, force=args.force)
    except starter.StarterError as error:
        print(f"policy-trace init: fout: {error}", file=sys.stderr)
        return projects.EXIT_USAGE
    except OSError as error:
        print(
            f"policy-trace init: fout: {args.folder} kan niet worden geschreven ({error.strerror}).",
            file=sys.stderr,
        )
        return projects.EXIT_USAGE
    folder = projects.relative(args.folder)
    print(
        f"Het programma {name} staat in {folder}. Bouw de site met: policy-trace build {folder}\n"
        f"Vervang daarna de voorbeelditems in {folder}/needs/ door die van het programma; "
        "policy-trace check zegt wat nog ontbreekt."
    )
    return projects.EXIT_OK


def _name_from(folder: projects.Path) -> str:
    words = folder.resolve().name.replace("-", " ").replace("_", " ").split()
    return " ".join(words).capitalize() if words else "Nieuw programma"
