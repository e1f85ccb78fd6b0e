"""A seam's pin: the release of a dependency its patches were written for, checked at start-up."""

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
