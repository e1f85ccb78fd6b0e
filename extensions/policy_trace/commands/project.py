"""What build, check and live share: the programme folder, its output folders and one sphinx-build run."""

from __future__ import annotations

import argparse
import contextlib
import errno
import io
import os
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..dates import import_sphinx_builders_despite_a_bad_epoch

#: Exit codes of build and check: 0 clean, 1 a warning or error in the programme, 2 input we refuse.
EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
#: Where the output of each command goes inside the programme folder (as in this repository's Makefile).
BUILD_FOLDER = "_build"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


class ProjectError(ValueError):
    """A programme folder we cannot build; the message is Dutch and says what to do."""


@dataclass(frozen=True)
class Project:
    """A programme folder: the folder with its ``conf.py``."""

    folder: Path

    def output(self, kind: str, given: Path | None = None) -> Path:
        """``given``, or ``MAP/_build/KIND``."""
        return given if given is not None else self.folder / BUILD_FOLDER / kind


def add_folder_argument(parser: argparse.ArgumentParser) -> None:
    """The optional ``MAP`` argument: the programme's folder, the current one by default."""
    parser.add_argument(
        "folder",
        metavar="MAP",
        nargs="?",
        default=".",
        type=Path,
        help="de map van het programma, met conf.py (standaard: de huidige map)",
    )


def add_folder_arguments(parser: argparse.ArgumentParser, kind: str) -> None:
    """The ``MAP`` argument and the ``--uitvoer`` option every front door has."""
    add_folder_argument(parser)
    parser.add_argument(
        "--uitvoer",
        "-o",
        metavar="MAP",
        type=Path,
        default=None,
        help=f"waar de uitvoer komt (standaard: MAP/{BUILD_FOLDER}/{kind})",
    )
    add_verbose_argument(parser)


def add_verbose_argument(parser: argparse.ArgumentParser) -> None:
    """``-v``: show Sphinx's own console; by default a front door shows only what an author acts on."""
    parser.add_argument(
        "-v",
        "--uitgebreid",
        dest="verbose",
        action="store_true",
        help="toon ook de uitvoer van Sphinx zelf (voortgang, meldingen zoals Sphinx ze geeft)",
    )


def project(folder: Path) -> Project:
    """The programme in ``folder``, or a :class:`ProjectError` saying why it is not one."""
    if not folder.exists():
        raise ProjectError(
            f"de map {folder} bestaat niet. Begin een programma met: policy-trace init {folder}"
        )
    if not folder.is_dir():
        raise ProjectError(f"{folder} is geen map; geef de map van het programma op (met conf.py erin).")
    if not (folder / "conf.py").is_file():
        raise ProjectError(
            f"in {folder} staat geen conf.py, dus dit is geen programma. Geef de map met conf.py op, "
            f"of begin een programma met: policy-trace init {folder}"
        )
    return Project(folder)


#: What went wrong, in Dutch, for the errors a folder that cannot be written gives most often.
_WHY_NOT_WRITABLE = {
    errno.EACCES: "je hebt er geen schrijfrechten",
    errno.EPERM: "je hebt er geen schrijfrechten",
    errno.EROFS: "de schijf is alleen-lezen",
    errno.ENOSPC: "de schijf is vol",
    errno.ENOTDIR: "een deel van het pad is een bestand, geen map",
    errno.EEXIST: "er staat een bestand met die naam",
}


def writable_folder(folder: Path, option: str = "--uitvoer") -> Path:
    """``folder``, made if missing, once a file could be written in it; else a :class:`ProjectError`.

    Sphinx itself would stop on such a folder with a traceback (or half-way,
    after reading every page), so every command asks first.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / f".policy-trace-schrijftest-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as error:
        why = _WHY_NOT_WRITABLE.get(error.errno or 0, error.strerror or str(error))
        raise ProjectError(
            f"in de map {folder} kan niet worden geschreven ({why}). Kies met {option} een map waarin je "
            "mag schrijven, of maak deze map schrijfbaar."
        ) from None
    return folder


def sphinx_build(argv: Sequence[str], *, capture: bool = False) -> tuple[int, str, str]:
    """Run sphinx-build with ``argv`` in this process: (exit code, stdout, stderr).

    With ``capture`` the console output is returned instead of shown (colours
    stripped), so a command can print it in another format.
    """
    from sphinx.cmd.build import build_main

    import_sphinx_builders_despite_a_bad_epoch()  # SOURCE_DATE_EPOCH=abc: a Dutch message, no traceback
    out, err = io.StringIO(), io.StringIO()
    streams = (
        (contextlib.redirect_stdout(out), contextlib.redirect_stderr(err))
        if capture
        else (contextlib.nullcontext(), contextlib.nullcontext())
    )
    with streams[0], streams[1]:
        if capture:
            argv = ["--no-color", *argv]
        try:
            code = build_main(list(argv))
        except SystemExit as stopped:
            # Our own stops (Mermaid ontbreekt) are SystemExit with a Dutch message: show it, no traceback.
            if isinstance(stopped.code, str):
                print(stopped.code, file=sys.stderr)
                code = EXIT_FINDINGS
            else:
                code = stopped.code or 0
    return code, ANSI.sub("", out.getvalue()), ANSI.sub("", err.getvalue())


def relative(path: Path) -> str:
    """``path`` as the user would type it from the current folder (editors and CI jump to it)."""
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
