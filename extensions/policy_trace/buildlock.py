"""One build at a time in an output folder: a second build there stops with a Dutch message.

Two builds into one folder (two terminals, a CI job and ``make live``) write
the same pages, the same environment pickle and the same downloads (their
temporary names too, ``exports``) at once: a page of one and the search
index of the other, or a traceback. So a build takes an exclusive lock on its
output folder and its doctree folder when its configuration is read, before
anything is read or written there, and gives it back when it has finished;
the system gives it back too when a build is killed. The lock is the
operating system's (``flock`` on the folder itself): no lock file is left in
the site or behind a killed build. Where there is no ``fcntl`` (Windows) builds
are not locked.
"""

from __future__ import annotations

import os
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

#: The folders this process holds, with the descriptor that holds each. An flock belongs to an open
#: file, not a process: a second build in this process (a test run, a warm ``make live`` worker) after
#: one that stopped before ``build-finished`` would otherwise lock itself out.
_HELD: dict[str, int] = {}


class FolderInUseError(SystemExit):
    """Another build holds the folder: a ``SystemExit`` with the message, so no traceback is shown."""


def acquire(app: Sphinx, config: Config) -> None:
    """``config-inited``: lock the output and doctree folders, or stop with a Dutch message."""
    if fcntl is None:
        return
    for folder in dict.fromkeys((str(app.outdir), str(app.doctreedir))):
        key = os.path.realpath(folder)
        if key in _HELD:
            continue
        Path(folder).mkdir(parents=True, exist_ok=True)
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(descriptor)
            release(app, None)
            raise FolderInUseError(
                f"policy-trace: in de map {folder} bouwt op dit moment een andere build; twee builds in "
                "één map schrijven elkaars bestanden half over. Oplossing: wacht tot die build klaar is "
                "en bouw dan opnieuw, of bouw in een andere map (policy-trace build --uitvoer MAP)."
            ) from None
        _HELD[key] = descriptor


def release(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: give the folders back."""
    for key in [os.path.realpath(str(app.outdir)), os.path.realpath(str(app.doctreedir))]:
        descriptor = _HELD.pop(key, None)
        if descriptor is not None:
            os.close(descriptor)  # closing the only descriptor of the lock releases it


__all__ = ["FolderInUseError", "acquire", "release"]
