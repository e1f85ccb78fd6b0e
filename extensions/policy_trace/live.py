"""``policy-trace live`` (``make live``): sphinx-autobuild, its rebuilds run by a warm process.

sphinx-autobuild watches the files, serves the site and reloads the browser;
for each rebuild it starts a new ``python -m sphinx build`` process. We keep
all of that and change only the build step (:class:`WarmBuilder`): it asks a
:class:`policy_trace.warm.Worker`, which runs the same command line without
paying Python's imports again (see :mod:`policy_trace.warm` for why and how).
Where the worker cannot run (no ``os.fork``), this is plain sphinx-autobuild.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import warm
from .upstream import sphinx_autobuild
from .upstream.sphinx_autobuild import Builder, show_command, show_message


class WarmBuilder(Builder):  # type: ignore[misc]
    """sphinx-autobuild's build step, run by the warm worker at ``socket_path``.

    sphinx-autobuild pickles its builder into a process pool for every change,
    so the worker is named by its socket, not held.
    """

    def __init__(self, sphinx_args: list[str], *, socket_path: str, **kwargs: Any) -> None:
        super().__init__(sphinx_args, **kwargs)
        self.socket_path = socket_path

    def __call__(self, *, changed_paths: Sequence[Path]) -> None:
        if changed_paths:
            # What sphinx-autobuild says, in Dutch: files that still exist (not an editor's temporary files).
            shown = [_relative(path) for path in changed_paths[:5] if path.exists()]
            if shown:
                show_message(f"Gewijzigd: {', '.join(shown)}")
            show_message("Opnieuw bouwen...")
        if sphinx_autobuild.run_commands(self, self.pre_build_commands, "pre-build") != 0:
            return
        show_command(["sphinx-build", *self.sphinx_args])
        exit_code = warm.build_with(self.socket_path, self.sphinx_args)
        if exit_code == warm.EXIT_NO_WORKER:
            print("Het warme bouwproces is gestopt; start `policy-trace live` opnieuw.")
        elif exit_code != 0:
            print(
                f"Sphinx stopte met code {exit_code}. De server toont de vorige versie tot de fout "
                "hierboven is verholpen."
            )
        else:
            sphinx_autobuild.run_commands(self, self.post_build_commands, "post-build")
        show_message(f"De site staat op {self.uri}")


def _relative(path: Path) -> str:
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()


def live(argv: Sequence[str]) -> int:
    """Run sphinx-autobuild with ``argv`` (its own options and sphinx-build's)."""
    sphinx_autobuild.PIN.check()
    if not warm.AVAILABLE:
        sphinx_autobuild.main(argv)
        return 0
    with warm.Worker() as worker, sphinx_autobuild.builder_made_by(
        functools.partial(WarmBuilder, socket_path=worker.socket_path)
    ):
        sphinx_autobuild.main(argv)
    return 0
