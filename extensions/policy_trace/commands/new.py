"""``policy-trace new TYPE ID "Titel"``: a new item with every field and link its type can have.

See :mod:`policy_trace.scaffold` for what goes into it and why.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from .. import model, scaffold
from . import project as projects

NAME = "new"
HELP = "maak een nieuw item met alle velden en koppelingen van zijn type"
DESCRIPTION = (
    "Maak een nieuw item met alle velden en koppelingen die zijn type kan hebben, verplichte "
    "eerst. Zonder --file verschijnt het item op het scherm; met --file wordt het achteraan "
    "het bestand toegevoegd. Wat je per optie mag invullen, staat eronder."
)
PASSES_THROUGH = False


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """One option per link type of the model."""
    parser.add_argument("type", metavar="TYPE", help=f"het soort item: {', '.join(model.TYPE_NAMES)}")
    parser.add_argument(
        "id",
        metavar="ID",
        help="het ID: voorvoegsel van het type plus hoofdletters, cijfers en "
        "'-', bijvoorbeeld IN-BEVOLKINGSZORG",
    )
    parser.add_argument("title", metavar="TITEL", help="de titel, tussen aanhalingstekens")
    parser.add_argument(
        "--file",
        "-f",
        metavar="BESTAND",
        type=Path,
        help="voeg het item toe aan dit Markdown-bestand (de map moet bestaan)",
    )
    parser.add_argument("--stil", "-q", action="store_true", help="laat de uitleg per optie weg")
    links = parser.add_argument_group("koppelingen (optioneel: vul ze meteen in)")
    for link in model.LINK_TYPES:
        links.add_argument(
            f"--{link.name}",
            metavar="ID",
            action="append",
            dest=f"link_{link.name}",
            help=f"{link.outgoing}; kan vanuit: {', '.join(link.sources)} "
            "(herhaal de optie of scheid ID's met komma's)",
        )


def run(args: argparse.Namespace) -> int:
    links = {
        link.name: _split(getattr(args, f"link_{link.name}"))
        for link in model.LINK_TYPES
        if getattr(args, f"link_{link.name}")
    }
    try:
        text = scaffold.snippet(args.type, args.id, args.title, links)
        if args.file is not None:
            _append(args.file, args.id, text)
    except scaffold.ScaffoldError as error:
        print(f"policy-trace new: fout: {error}", file=sys.stderr)
        return projects.EXIT_USAGE
    except OSError as error:
        print(
            f"policy-trace new: fout: {args.file} kan niet worden geschreven ({error.strerror}).",
            file=sys.stderr,
        )
        return projects.EXIT_USAGE

    if args.file is None:
        sys.stdout.write(text)
    else:
        print(f"{args.id} toegevoegd aan {args.file}.", file=sys.stderr)
    if not args.stil:
        print(scaffold.guide(args.type, links), file=sys.stderr, end="")
    return 0


def _split(values: Sequence[str]) -> list[str]:
    # Accept both "--meet A --meet B" and "--meet A,B", the form the option itself uses.
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _append(path: Path, item_id: str, text: str) -> None:
    if path.is_dir():
        raise scaffold.ScaffoldError(f"{path} is een map; geef een Markdown-bestand op.")
    if not path.parent.is_dir():
        raise scaffold.ScaffoldError(
            f"de map {path.parent} bestaat niet; maak hem eerst of kies een ander bestand."
        )
    existing = path.read_text(encoding="utf-8") if path.exists() else ""
    if re.search(rf"^:id:\s*{re.escape(item_id)}\s*$", existing, flags=re.MULTILINE):
        raise scaffold.ScaffoldError(f"{path} bevat al een item met ID {item_id}; kies een ander ID.")
    # One blank line between the previous content and the new item.
    separator = "" if not existing else ("\n" if existing.endswith("\n") else "\n\n")
    if existing.endswith("\n\n"):
        separator = ""
    with path.open("a", encoding="utf-8") as handle:
        handle.write(separator + text)
