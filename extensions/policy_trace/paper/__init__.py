"""The board's paper: one PDF of the programme (``policy-trace pdf``), from the same sources as the site."""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from ..version import __version__
from .builder import PaperBuilder


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the ``policy_pdf`` builder (its meeting is the setting ``policy_trace_pdf_meeting``)."""
    app.add_builder(PaperBuilder)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
