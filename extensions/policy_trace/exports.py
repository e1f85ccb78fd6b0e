"""The downloads of every build, needs.json and programma.csv, written while the pages are written.

Why not simply at ``build-finished``: both files hold all items, so making
them costs the same on every build, an incremental one after a one-page edit
too (0.15 s at 2,000 items, on 2 cores; a sixth of such a rebuild in
``make live``). Yet what they hold is final once the checks have run, when the
writing of pages starts. So at ``write-started``, after the checks, a forked
child process makes and writes them on the second core while this process
writes the pages; ``build-finished`` waits for it.

The child writes each file under a temporary name; ``build-finished`` moves
them into place only if the build got that far without an exception (as the
files were written before), and reports a child that failed. Where there is no
``os.fork`` (Windows) the files are made at ``build-finished`` in this process.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.util import logging

from . import needs_json, ubproject
from .findings import WARNING_TYPE, Subtype
from .views import downloads
from .views.words import join_words

logger = logging.getLogger(__name__)

#: The temporary suffix of a file the child wrote and build-finished has not yet moved into place.
PENDING_SUFFIX = ".policy-trace-nieuw"

Content = Callable[[Sphinx], bytes]


def files_of(app: Sphinx) -> dict[str, Content]:
    """The files this build exports, by name at the root of the output, with what makes each."""
    files: dict[str, Content] = {}
    if needs_json.writes_needs_json(app):
        files[needs_json.FILE_NAME] = needs_json.needs_json_bytes
        # Beside it, what another sphinx-needs project needs to import it.
        files[ubproject.FILE_NAME] = ubproject.ubproject_bytes
    if app.builder.format == "html":
        files[downloads.CSV_NAME] = downloads.csv_bytes
    return files


@dataclass
class Child:
    """The forked child that writes the files, and the pipe on which it reports a failure."""

    pid: int
    errors: int  # read end of the pipe
    names: tuple[str, ...]


def _write_pending(app: Sphinx, files: dict[str, Content]) -> None:
    for name, content in files.items():
        Path(app.outdir, name + PENDING_SUFFIX).write_bytes(content(app))


def _reason(error: BaseException) -> str:
    """One line on what went wrong: the system's words and the file for an I/O error."""
    if isinstance(error, OSError) and error.strerror:
        return f"{error.strerror}: {error.filename}" if error.filename else error.strerror
    return f"{type(error).__name__}: {error}"


class Exports:
    """One Sphinx application's exports: the child writing them in this build, if any.

    Held here (one object per application, connected in ``setup``), not on
    Sphinx's builder object, which is Sphinx's.
    """

    def __init__(self) -> None:
        self.child: Child | None = None

    def start(self, app: Sphinx, builder: Builder) -> None:
        """``write-started`` (after the checks): fork a child that writes the files under temporary names.

        ``os.fork``, not Sphinx's ``ParallelTasks``: those run only where Sphinx
        writes in parallel and wait for each task; this child works beside
        whichever way the pages are written, and is waited for at the end.
        """
        self.child = None
        files = files_of(app)
        if not files or not hasattr(os, "fork"):
            return
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: write, report a failure on the pipe, leave without any clean-up
            os.close(read_end)
            code = 0
            try:
                _write_pending(app, files)
            except BaseException as error:  # noqa: BLE001 - whatever it is, the parent must hear of it
                code = 1
                os.write(write_end, _reason(error).encode("utf-8", "replace"))
            finally:
                os._exit(code)
        os.close(write_end)
        self.child = Child(pid, read_end, tuple(files))

    def finish(self, app: Sphinx, exception: Exception | None) -> None:
        """``build-finished``: wait for the child, then move its files into place (or write them here)."""
        child, self.child = self.child, None
        if child is None:
            if exception is None and (files := files_of(app)):
                _write_pending(app, files)
                _move_into_place(app, tuple(files))
            return
        with os.fdopen(child.errors, "rb") as pipe:  # read before waiting: a long report may fill the pipe
            report = pipe.read().decode("utf-8", "replace")
        _, status = os.waitpid(child.pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            _remove_pending(app, child.names)
            logger.error(
                "policy-trace: %s %s niet worden geschreven (%s). Oplossing: controleer of de "
                "uitvoermap schrijfbaar is en er ruimte is, en bouw opnieuw.",
                join_words(list(child.names)),
                "kon" if len(child.names) == 1 else "konden",
                report.strip() or f"het schrijfproces stopte met status {status}",
                type=WARNING_TYPE,
                subtype=Subtype.EXPORT.value,
            )
        elif exception is None:
            _move_into_place(app, child.names)
        else:
            _remove_pending(app, child.names)


def _move_into_place(app: Sphinx, names: tuple[str, ...]) -> None:
    # A rename within one folder replaces the file at once: a page being served never reads half of it.
    for name in names:
        os.replace(Path(app.outdir, name + PENDING_SUFFIX), Path(app.outdir, name))


def _remove_pending(app: Sphinx, names: tuple[str, ...]) -> None:
    for name in names:
        pending = Path(app.outdir, name + PENDING_SUFFIX)
        if pending.is_file():  # whatever blocked the child (a folder of that name, say) is left as it is
            pending.unlink()
