"""Measurements as a series: one way to measure, and numbers that agree with the status (PT110, PT304)."""

from __future__ import annotations

from collections.abc import Iterator

from .. import series
from ..findings import Finding, finding
from ..items import Programme
from .common import CheckContext


def single_value_and_series(programme: Programme, context: CheckContext) -> Iterator[Finding]:
    """PT110: a criterion has its own meting/meetdatum and meting items as well; the items win."""
    for criterion in programme.of_type("criterium"):
        if not series.has_both(programme, criterion):
            continue
        own = " en ".join(f"':{name}:'" for name in ("meting", "meetdatum") if criterion.field(name))
        items = ", ".join(m.id for m in series.measurement_items(programme, criterion))
        yield finding(
            "PT110",
            criterion,
            f"het criterium heeft zowel een eigen {own} als metingen ({items}); de metingen gaan voor, "
            f"{own} wordt genegeerd.",
            f"haal {own} weg bij het criterium, of maak er een meting van met ':meet_voor: {criterion.id}'.",
        )


def status_disagrees_with_numbers(programme: Programme, context: CheckContext) -> Iterator[Finding]:
    """PT304: the authored status of a criterion differs from the judgement its numbers give."""
    start = context.period[0] if context.period else None
    for criterion in programme.of_type("criterium"):
        if not criterion.status:
            continue
        assessed = series.assessment(programme, criterion, start)
        if assessed.judgement is None or assessed.judgement == criterion.status:
            continue
        yield finding(
            "PT304",
            criterion,
            f"de status is '{criterion.status}', maar uit de cijfers volgt '{assessed.judgement}': "
            f"{assessed.reason}",
            f"zet de status op '{assessed.judgement}', of controleer "
            "nulmeting, streefwaarde, deadline en metingen.",
        )
