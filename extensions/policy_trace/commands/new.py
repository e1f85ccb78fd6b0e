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
from . import pages
from . import project as projects

NAME = "new"
HELP = "maak een nieuw item met alle velden en koppelingen van zijn type"
DESCRIPTION = (
    "Maak een nieuw item met alle velden en koppelingen die zijn type kan hebben, verplichte "
    "eerst. Zonder --file verschijnt het item op het scherm; met --file wordt het achteraan "
    "het Markdown-bestand (.md) toegevoegd; een nieuw bestand krijgt een kop, en je hoort of een "
    "inhoudsopgave (toctree) het al opneemt. Wat je per optie mag invullen, staat eronder."
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
        help="voeg het item toe aan dit Markdown-bestand (.md; de map moet bestaan). Een nieuw bestand "
        "krijgt een kop, en je hoort of een inhoudsopgave het al opneemt",
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
    created = False
    try:
        text = scaffold.snippet(args.type, args.id, args.title, links)
        if args.file is not None:
            _refuse_other_than_markdown(args.file)
            created = not args.file.exists()
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
        if created:
            print(pages.inclusion(args.file), file=sys.stderr)
    if not args.stil:
        print(scaffold.guide(args.type, links), file=sys.stderr, end="")
    return 0


def _split(values: Sequence[str]) -> list[str]:
    # Accept both "--meet A --meet B" and "--meet A,B", the form the option itself uses.
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _refuse_other_than_markdown(path: Path) -> None:
    """Only a Markdown page can hold an item: conf.py, a file without .md or another kind is refused."""
    if path.suffix == ".md":
        return
    if path.name == "conf.py" or path.suffix == ".py":
        raise scaffold.ScaffoldError(
            f"{path} is Python (de instellingen van het programma), geen pagina; een item hoort in een "
            "Markdown-bestand, bijvoorbeeld needs/inspanningen.md."
        )
    markdown = path.with_name(path.name + ".md") if path.suffix == "" else path.with_suffix(".md")
    also = f" Bedoel je {markdown}?" if markdown.exists() or path.suffix == "" else ""
    raise scaffold.ScaffoldError(
        f"{path} is geen Markdown-bestand: items staan in bestanden die eindigen op .md.{also}"
    )


def _append(path: Path, item_id: str, text: str) -> None:
    if path.is_dir():
        raise scaffold.ScaffoldError(f"{path} is een map; geef een Markdown-bestand op.")
    if not path.parent.is_dir():
        raise scaffold.ScaffoldError(
            f"de map {path.parent} bestaat niet; maak hem eerst of kies een ander bestand."
        )
    if not path.exists():
        # A new page starts with its heading: the menu and the page's title come from it.
        path.write_text(f"# {pages.heading(path)}\n\n{text}", encoding="utf-8")
        return
    existing = path.read_text(encoding="utf-8")
    if re.search(rf"^:id:\s*{re.escape(item_id)}\s*$", existing, flags=re.MULTILINE):
        raise scaffold.ScaffoldError(f"{path} bevat al een item met ID {item_id}; kies een ander ID.")
    # One blank line between the previous content and the new item.
    separator = "" if not existing else ("\n" if existing.endswith("\n") else "\n\n")
    if existing.endswith("\n\n"):
        separator = ""
    with path.open("a", encoding="utf-8") as handle:
        handle.write(separator + text)
