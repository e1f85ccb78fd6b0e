"""The HTML the board paper's builder hands to WeasyPrint, for tests that read the paper unprinted."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from policy_trace.paper import weasy
from sphinx.testing.util import SphinxTestApp


def paper_html(srcdir: Path, outdir: Path, monkeypatch: pytest.MonkeyPatch) -> BeautifulSoup:
    """The HTML the ``policy_pdf`` builder hands to WeasyPrint (printing itself is left out)."""
    printed: list[str] = []

    def capture(html: str, *_args: object) -> list[str]:
        printed.append(html)
        return []

    monkeypatch.setattr(weasy, "write_pdf", capture)
    app = SphinxTestApp("policy_pdf", srcdir=srcdir, builddir=outdir)
    try:
        app.build()
    finally:
        app.cleanup()
    (html,) = printed
    return BeautifulSoup(html, "html.parser")
