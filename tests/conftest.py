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
