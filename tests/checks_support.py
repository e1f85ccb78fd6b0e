"""Helpers of the checks and reports tests: module-scoped builds, expectations beside the input."""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass
from io import StringIO
from pathlib import Path
from typing import Any

from conftest import ANSI, ROOTS
from sphinx.testing.util import SphinxTestApp

#: ``<!-- verwacht: PT101 "words" "more words"; PT103 "..." -->`` or ``<!-- verwacht: niets -->``.
EXPECT = re.compile(r"<!--\s*verwacht:(?P<body>.*?)-->", re.S)
FENCE = re.compile(r"^(`{3,}|:{3,})\{(?P<type>[a-z]+)\}")
OPTION_ID = re.compile(r"^:id:\s*(?P<id>\S+)\s*$")
CODE = re.compile(r"(PT\d{3})((?:\s*\"[^\"]*\")*)")
WORDS = re.compile(r"\"([^\"]*)\"")


@dataclass(frozen=True)
class Expected:
    """What a root's comment says one item must produce."""

    file: str
    line: int
    id: str
    code: str
    words: tuple[str, ...]


def copy_root(root: str, destination: Path) -> Path:
    """A fresh copy of ``tests/roots/<root>`` to build (and edit) without touching the original."""
    srcdir = destination / root
    shutil.copytree(ROOTS / root, srcdir)
    return srcdir


def make_app(srcdir: Path, buildername: str = "html", **kwargs: Any) -> SphinxTestApp:
    """A Sphinx test app on ``srcdir`` with captured console output."""
    return SphinxTestApp(buildername, srcdir=srcdir, status=StringIO(), warning=StringIO(), **kwargs)


def build_once(srcdir: Path, buildername: str = "html", **kwargs: Any) -> SphinxTestApp:
    """Build ``srcdir`` in a new app (as a new ``sphinx-build`` run would) and return the app."""
    app = make_app(srcdir, buildername, **kwargs)
    try:
        app.build()
    finally:
        app.cleanup()
    return app


def report(app: SphinxTestApp) -> dict[str, Any]:
    """The build's ``policy-report.json``."""
    return json.loads((Path(app.outdir) / "policy-report.json").read_text(encoding="utf-8"))


def status_lines(app: SphinxTestApp) -> list[str]:
    """The build's info output, one line each, colours stripped."""
    return [line for line in ANSI.sub("", app.status.getvalue()).splitlines() if line.strip()]


def advice_lines(app: SphinxTestApp) -> list[str]:
    """The advice findings the build printed."""
    return [line for line in status_lines(app) if ": ADVIES: PT" in line]


def expectations(srcdir: Path) -> list[Expected]:
    """Every expectation in the comments of ``srcdir``'s Markdown files, sorted like the findings."""
    found = []
    for path in sorted(srcdir.rglob("*.md")):
        file = path.relative_to(srcdir).as_posix()
        lines = path.read_text(encoding="utf-8").splitlines()
        text = "\n".join(lines)
        for match in EXPECT.finditer(text):
            end_line = text.count("\n", 0, match.end()) + 1  # 1-based line of the comment's end
            fence_line = end_line + 1
            if not FENCE.match(lines[fence_line - 1]):
                raise AssertionError(f"{file}:{end_line}: an expectation must stand right above an item")
            item_id = next(m["id"] for line in lines[fence_line:] if (m := OPTION_ID.match(line)))
            for code, quoted in CODE.findall(match["body"]):
                found.append(Expected(file, fence_line, item_id, code, tuple(WORDS.findall(quoted))))
    return sorted(found, key=lambda e: (e.file, e.line, e.id, e.code))
