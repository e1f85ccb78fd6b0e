"""The board's paper: one PDF of the programme (``policy-trace pdf``), from the same sources as the site."""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from ..version import __version__
from .builder import MEETING_SETTING, PaperBuilder


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the ``policy_pdf`` builder and the meeting it prints for."""
    app.add_builder(PaperBuilder)
    app.add_config_value(
        MEETING_SETTING,
        "",
        "",
        types=frozenset({str}),
        description="de bestuursvergadering (JJJJ-MM-DD) van de PDF; policy-trace pdf --vergadering",
    )
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
