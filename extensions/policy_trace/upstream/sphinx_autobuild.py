"""sphinx-autobuild's internals that ``policy-trace live`` relies on (written for sphinx-autobuild 2025.8.25).

sphinx-autobuild has no option to replace its build step: its ``main`` makes
a ``Builder`` by the name it imported into ``sphinx_autobuild.__main__``, and
that builder runs the pre- and post-build commands with its ``_run_commands``.
``policy-trace live`` keeps all of sphinx-autobuild and swaps only the build
step (see ``live.py``), through the two functions here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sphinx_autobuild.build import Builder
from sphinx_autobuild.utils import show_command, show_message

from .pin import Pin

PIN = Pin("sphinx-autobuild", "2025.8.25", "sphinx_autobuild")

__all__ = ["PIN", "Builder", "builder_made_by", "main", "run_commands", "show_command", "show_message"]


@contextmanager
def builder_made_by(factory: Callable[..., Builder]) -> Iterator[None]:
    """While inside, sphinx-autobuild's ``main`` makes its builder with ``factory``."""
    import sphinx_autobuild.__main__ as autobuild

    original = autobuild.Builder
    autobuild.Builder = factory
    try:
        yield
    finally:
        autobuild.Builder = original


def main(argv: Sequence[str]) -> None:
    """sphinx-autobuild's command line, with ``argv`` (its own options and sphinx-build's)."""
    import sphinx_autobuild.__main__ as autobuild

    autobuild.main(list(argv))


def run_commands(builder: Builder, commands: Any, label: str) -> int:
    """Run the builder's pre- or post-build ``commands`` as sphinx-autobuild does; their exit code."""
    return int(builder._run_commands(commands, label))
