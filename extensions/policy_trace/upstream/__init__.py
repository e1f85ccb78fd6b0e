"""Every reach into another package's internals, gathered in one module per dependency.

Where a dependency offers a public way (a Sphinx event, a template block, a
configuration value, an API function) we use that, and say which where we do.
What it does not offer, we do here: each module names the distribution and
the exact version its patches were written for (:data:`Pin`), and a build
stops at start-up with a Dutch message when another version is installed, so
an upgrade never silently changes the site. ``tests/test_upstream.py`` holds,
per seam, what each patch relies on; it fails when an upgrade changes it.

- :mod:`.sphinx`: whether conf.py set a value (for the default theme);
- :mod:`.furo`: the sidebar's navigation tree (computed once per folder) and its English fold labels;
- :mod:`.sphinx_needs`: its node and role classes, needs while reading, the
  item boxes' random IDs, its fixed English permalink page, and needs.json;
- :mod:`.sphinx_autobuild`: its build step, for ``policy-trace live``;
- :mod:`.weasyprint`: the PDF objects of the board paper (header scopes, link descriptions, XMP).
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import metadata

from sphinx.errors import ExtensionError


@dataclass(frozen=True)
class Pin:
    """The release of a dependency that the patches of one seam module were written for."""

    distribution: str
    version: str
    #: The seam module, named in the message so a maintainer knows what to review.
    module: str

    def installed(self) -> str | None:
        """The installed version, or None if the distribution is not installed."""
        try:
            return metadata.version(self.distribution)
        except metadata.PackageNotFoundError:
            return None

    def check(self) -> None:
        """Stop with a Dutch message if another version than the one written for is installed."""
        installed = self.installed()
        if installed is None or installed == self.version:
            return
        raise ExtensionError(
            f"policy-trace: {self.distribution} {installed} is geïnstalleerd, maar policy-trace is "
            f"geschreven voor {self.distribution} {self.version} en gebruikt daarvan interne onderdelen "
            f"(policy_trace/upstream/{self.module}.py). Oplossing: installeer {self.distribution}=="
            f"{self.version} (zoals pyproject.toml vastlegt), of pas policy_trace/upstream/"
            f"{self.module}.py aan de nieuwe versie aan, laat tests/test_upstream.py slagen en werk de "
            "versie daar bij."
        )


def check_versions() -> None:
    """At start-up: the build's dependencies are the versions our seams were written for.

    sphinx-autobuild is checked when ``policy-trace live`` starts; it is not
    needed for a build.
    """
    from . import furo, sphinx, sphinx_needs

    for pin in (sphinx.PIN, furo.PIN, sphinx_needs.PIN):
        pin.check()
