"""Shared fixtures: Sphinx test roots under tests/roots/, and a strict build helper."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest

pytest_plugins = ["sphinx.testing.fixtures"]

# With CI=true Sphinx assumes a colour terminal and redraws its progress on one
# line ("reading sources... [ 50%] x" is then no line of its own): tests read
# the plain output a developer's run gives.
os.environ["NO_COLOR"] = "1"

ROOTS = Path(__file__).parent / "roots"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return ROOTS


@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel of this repository, built once per session (package_support)."""
    from package_support import build_wheel

    return build_wheel(tmp_path_factory.mktemp("wheel"))


@pytest.fixture(scope="session")
def machine(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Any:
    """A fresh venv with only the wheel installed and a PATH without node or npm."""
    from package_support import install

    return install(wheel, tmp_path_factory.mktemp("machine"))


@pytest.fixture(scope="session")
def started_programme(machine: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A programme started with the installed ``policy-trace init`` and built with ``-W``."""
    from package_support import start_programme

    return start_programme(machine, tmp_path_factory.mktemp("gebruiker"))


def warnings_of(app: Any) -> list[str]:
    """The build's warnings, one per line, colours stripped, source dir as ``<src>``."""
    text = ANSI.sub("", app.warning.getvalue())
    src = str(app.srcdir)
    return [line.replace(src + "/", "").replace(src, "<src>") for line in text.splitlines() if line.strip()]


def build(app: Any, expect_warnings: list[str] | None = None) -> list[str]:
    """Build ``app`` and assert its warnings are exactly ``expect_warnings`` (default none)."""
    app.build()
    found = warnings_of(app)
    assert found == (expect_warnings or []), "\n".join(found)
    return found


def needs_json(app: Any) -> dict[str, dict[str, Any]]:
    """The needs of the build's needs.json, by ID."""
    data = json.loads((Path(app.outdir) / "needs.json").read_text(encoding="utf-8"))
    return data["versions"][data["current_version"]]["needs"]
