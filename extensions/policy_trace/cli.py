"""The ``policy-trace`` console script: a thin dispatcher over :mod:`policy_trace.commands`.

``policy-trace init MAP`` starts a programme; ``build``, ``check`` and ``live``
build, check and preview one (``make html``, ``make check`` and ``make live``
here call the same); ``pdf`` prints the board's paper (``make pdf``); ``new``
writes a new item. Each subcommand is one module
of :mod:`policy_trace.commands`, listed in :data:`COMMANDS`.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import NoReturn

from .commands import build, check, init, koppel, live, new, pdf, publish
from .version import __version__

#: The subcommands, in the order ``policy-trace --help`` lists them.
COMMANDS: tuple[ModuleType, ...] = (init, new, build, check, live, pdf, publish, koppel)

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
    (re.compile(r"argument (\S+): expected (\d+) arguments"), r"argument \1: verwacht \2 waarden"),
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
    """The argument parser of ``policy-trace``: one subparser per module of :data:`COMMANDS`."""
    parser = _Parser(
        prog="policy-trace",
        description="Publiceer een beleidsprogramma als herleidbare, gecontroleerde website.",
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
    for command in COMMANDS:
        command.add_arguments(
            commands.add_parser(command.NAME, help=command.HELP, description=command.DESCRIPTION)
        )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``policy-trace``; returns the exit code (0 ok, 1 findings, 2 refused input)."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    by_name = {command.NAME: command for command in COMMANDS}
    chosen = by_name.get(arguments[0]) if arguments else None
    extra: list[str] = []
    if chosen is not None and chosen.PASSES_THROUGH and "--" in arguments:
        # After "--": sphinx-build's (and sphinx-autobuild's) own options, options included.
        split = arguments.index("--")
        arguments, extra = arguments[:split], arguments[split + 1 :]
    args = build_parser().parse_args(arguments)
    args.extra = extra
    return int(by_name[args.command].run(args))


if __name__ == "__main__":  # pragma: no cover - the console script calls main()
    sys.exit(main())
