"""Assumptions and how they are monitored: each with what it concerns, its status and its last test.

``{aannames}`` on the Samenhang page: a row per assumption with the items it
concerns, its status, when it was last tested (or that it never was) and
how it is tested. An assumption of an item in execution that is due for a
test says so in words, as rule PT406 judges it.
"""

from __future__ import annotations

from datetime import date

from docutils import nodes

from ..dates import parse_iso
from ..items import Item
from ..rules.assumptions import IN_EXECUTION, tested_recently
from ..state import settings_of_build
from .context import ViewContext
from .htmltable import escape, scrolling, table
from .placeholders import ViewDirective
from .words import date_in_words, in_words, status_classes


class AannamesDirective(ViewDirective):
    """``{aannames}``: every assumption with its status and its last test."""

    view = "aannames"


def tested_html(assumption: Item, running: list[Item], reference_date: date) -> str:
    """When the assumption was last tested, in words, and whether a test is due."""
    text = assumption.field("getoetst_op")
    tested = parse_iso(text)
    if not text:
        cell = '<span class="pt-empty">nooit getoetst</span>'
    elif tested is None:
        cell = escape(text)  # PT106 reports a date that is no date
    else:
        cell = escape(f"getoetst op {date_in_words(text)}")
    if running and not tested_recently(tested, reference_date):
        subjects = ", ".join(item.id for item in running)
        due = "nog nooit getoetst" if not text else "niet in het laatste jaar getoetst"
        cell += (
            f'<br><span class="pt-assumption-due">Toets nodig: {escape(subjects)} is in uitvoering en de '
            f"aanname is {due}.</span>"
        )
    return cell


def render(ctx: ViewContext, _options: dict) -> list[nodes.Node]:
    """A table of every assumption."""
    assumptions = ctx.programme.of_type("aanname")
    if not assumptions:
        return [nodes.paragraph("", "Er zijn nog geen aannames.")]
    reference_date = settings_of_build(ctx.app).context.reference_date
    rows = []
    for assumption in assumptions:
        concerns = ctx.programme.outgoing(assumption, "betreft")
        running = [item for item in concerns if item.status == IN_EXECUTION]
        status = (
            f'<span class="{escape(" ".join(status_classes(assumption.status)))}">'
            f"{escape(in_words(assumption.status))}</span>"
            if assumption.status
            else '<span class="pt-empty">geen status</span>'
        )
        how = assumption.field("toetsing")
        rows.append(
            [
                ctx.a(assumption),
                ", ".join(ctx.a(item) for item in concerns) or '<span class="pt-empty">niets</span>',
                status,
                tested_html(assumption, running, reference_date),
                escape(how) if how else '<span class="pt-empty">niet vastgelegd</span>',
            ]
        )
    caption = "Aannames: wat ze betreffen, hun status en wanneer ze het laatst zijn getoetst"
    headers = [escape(h) for h in ("Aanname", "Betreft", "Status", "Getoetst", "Hoe getoetst")]
    return [scrolling(table(caption, headers, rows, classes=["pt-assumptions"]), caption)]


__all__ = ["AannamesDirective", "render", "tested_html"]
