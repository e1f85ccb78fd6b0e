"""The ``policy-trace`` console script: helps advisers write items right the first time.

``policy-trace new TYPE ID "Titel" [--file F] [--LINK ID ...]`` prints a new
item (or appends it to F) with every field and link its type can have; see
:mod:`policy_trace.scaffold` for what goes into it and why.

``policy-trace live [ARGS]`` previews the site and rebuilds it on every save
(``make live``): sphinx-autobuild with ARGS, see :mod:`policy_trace.live`.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from . import __version__, model, scaffold

#: Exit code for input we refuse (the same code argparse uses for usage errors).
EXIT_USAGE = 2


class _DutchHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[no-untyped-def]
        super().add_usage(usage, actions, groups, prefix if prefix is not None else "gebruik: ")


class _Parser(argparse.ArgumentParser):
    """argparse with Dutch headings and a Dutch one-line error (exit 2, no traceback)."""

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        kwargs.setdefault("formatter_class", _DutchHelpFormatter)
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumenten"
        self._optionals.title = "opties"
        self.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: fout: {_dutch(message)}\n")


#: argparse's own English messages, in the forms it produces them.
_ARGPARSE_MESSAGES = (
    (re.compile(r"the following arguments are required: (.*)"), r"deze argumenten ontbreken: \1"),
    (re.compile(r"unrecognized arguments: (.*)"), r"onbekende argumenten: \1"),
    (
        re.compile(r"argument (\S+): invalid choice: (.*?) \(choose from (.*)\)"),
        r"argument \1: ongeldige keuze \2 (kies uit \3)",
    ),
    (re.compile(r"argument (\S+): expected one argument"), r"argument \1: verwacht één waarde"),
    (
        re.compile(r"argument (\S+): expected at least one argument"),
        r"argument \1: verwacht minstens één waarde",
    ),
)


def _dutch(message: str) -> str:
    for pattern, replacement in _ARGPARSE_MESSAGES:
        if pattern.fullmatch(message):
            return pattern.sub(replacement, message)
    return message


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``policy-trace``, with one option per link type of the model."""
    parser = _Parser(
        prog="policy-trace",
        description="Hulpmiddelen voor wie een beleidsprogramma schrijft met policy-trace.",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"policy-trace {__version__}",
        help="toon het versienummer en stop",
    )
    commands = parser.add_subparsers(
        dest="command", title="opdrachten", metavar="OPDRACHT", parser_class=_Parser
    )
    commands.required = True

    new = commands.add_parser(
        "new",
        help="maak een nieuw item met alle velden en koppelingen van zijn type",
        description=(
            "Maak een nieuw item met alle velden en koppelingen die zijn type kan hebben, verplichte "
            "eerst. Zonder --file verschijnt het item op het scherm; met --file wordt het achteraan "
            "het bestand toegevoegd. Wat je per optie mag invullen, staat eronder."
        ),
    )
    commands.add_parser(
        "live",
        help="toon de site en bouw hem opnieuw bij elke wijziging (sphinx-autobuild)",
        description=(
            "Toon de site op http://127.0.0.1:8000 en bouw hem opnieuw zodra je een bestand opslaat. "
            "Alle argumenten gaan naar sphinx-autobuild en sphinx-build, bijvoorbeeld: "
            "policy-trace live --port 8000 . _build/live"
        ),
    )
    new.add_argument("type", metavar="TYPE", help=f"het soort item: {', '.join(model.TYPE_NAMES)}")
    new.add_argument(
        "id",
        metavar="ID",
        help="het ID: voorvoegsel van het type plus hoofdletters, cijfers en "
        "'-', bijvoorbeeld IN-BEVOLKINGSZORG",
    )
    new.add_argument("title", metavar="TITEL", help="de titel, tussen aanhalingstekens")
    new.add_argument(
        "--file",
        "-f",
        metavar="BESTAND",
        type=Path,
        help="voeg het item toe aan dit Markdown-bestand (de map moet bestaan)",
    )
    new.add_argument("--stil", "-q", action="store_true", help="laat de uitleg per optie weg")
    links = new.add_argument_group("koppelingen (optioneel: vul ze meteen in)")
    for link in model.LINK_TYPES:
        links.add_argument(
            f"--{link.name}",
            metavar="ID",
            action="append",
            dest=f"link_{link.name}",
            help=f"{link.outgoing}; kan vanuit: {', '.join(link.sources)} "
            "(herhaal de optie of scheid ID's met komma's)",
        )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``policy-trace``; returns the exit code (0 ok, 2 refused input)."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] == ["live"] and not {"-h", "--help"} & set(arguments[1:2]):
        # Everything after "live" belongs to sphinx-autobuild and sphinx-build, options included.
        return _live(arguments[1:])
    args = build_parser().parse_args(arguments)
    if args.command == "new":
        return _new(args)
    return EXIT_USAGE  # unreachable: argparse requires a known command


def _new(args: argparse.Namespace) -> int:
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
        return EXIT_USAGE
    except OSError as error:
        print(
            f"policy-trace new: fout: {args.file} kan niet worden geschreven ({error.strerror}).",
            file=sys.stderr,
        )
        return EXIT_USAGE

    if args.file is None:
        sys.stdout.write(text)
    else:
        print(f"{args.id} toegevoegd aan {args.file}.", file=sys.stderr)
    if not args.stil:
        print(scaffold.guide(args.type, links), file=sys.stderr, end="")
    return 0


def _live(arguments: list[str]) -> int:
    try:
        from . import live
    except ImportError as error:  # sphinx-autobuild is an authoring tool, not needed to build the site
        print(
            f"policy-trace live: fout: {error.name or 'sphinx-autobuild'} ontbreekt; installeer het met "
            "'make live' of met pip install -e '.[dev]'.",
            file=sys.stderr,
        )
        return EXIT_USAGE
    return live.live(arguments)


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


if __name__ == "__main__":  # pragma: no cover - the console script calls main()
    sys.exit(main())
