"""Time: dates outside the programme's run, overdue milestones, stale measurements (PT401, PT402, PT404)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from .. import series
from ..dates import parse_iso
from ..findings import Finding, finding
from ..items import Programme
from .common import CheckContext

#: A measurement older than this, before the reference date, is stale (PT404).
STALE_AFTER = timedelta(days=365)


def dates_outside_period(programme: Programme, context: CheckContext) -> Iterator[Finding]:
    """PT401: a milestone's datum or a criterion's deadline lies outside policy_trace_period."""
    if context.period is None:
        return
    start, end = context.period
    for item in programme.of_type("mijlpaal", "criterium"):
        name = "datum" if item.type == "mijlpaal" else "deadline"
        when = parse_iso(item.field(name))
        if when is not None and not start <= when <= end:
            yield finding(
                "PT401",
                item,
                f"'{name}' {when.isoformat()} valt buiten de looptijd van het programma "
                f"({start.isoformat()} tot en met {end.isoformat()}).",
                f"kies bij '{name}' een datum binnen de looptijd, of pas policy_trace_period in conf.py aan.",
            )


def overdue_milestones(programme: Programme, context: CheckContext) -> Iterator[Finding]:
    """PT402: a milestone is still gepland after its datum has passed the reference date."""
    for milestone in programme.of_type("mijlpaal"):
        when = parse_iso(milestone.field("datum"))
        if milestone.status == "gepland" and when is not None and when < context.reference_date:
            yield finding(
                "PT402",
                milestone,
                f"de mijlpaal staat nog op gepland, maar de datum {when.isoformat()} ligt voor de peildatum "
                f"{context.reference_date.isoformat()}.",
                "zet de status op behaald, vertraagd of vervallen, of verschuif de datum.",
            )


def stale_measurements(programme: Programme, context: CheckContext) -> Iterator[Finding]:
    """PT404: a criterion's latest measurement has no date, or one over 365 days before the reference date."""
    for criterion in programme.of_type("criterium"):
        latest = series.latest(programme, criterion)
        if latest is None:
            continue
        if not latest.date_text:
            if latest.from_series:
                continue  # a meting without datum is PT106's (datum is required)
            yield finding(
                "PT404",
                criterion,
                "het criterium heeft een meting, maar geen meetdatum: niemand kan zien hoe actueel die is.",
                "vul ':meetdatum:' in met de datum van de meting (JJJJ-MM-DD).",
            )
            continue
        measured = latest.date  # a date that is no date is PT106's
        if measured is not None and measured < context.reference_date - STALE_AFTER:
            which = f"de laatste meting ({latest.item.id})" if latest.from_series else "de meting"
            fix = (
                f"meet opnieuw en voeg een meting toe met ':meet_voor: {criterion.id}'."
                if latest.from_series
                else "meet opnieuw en werk ':meting:' en ':meetdatum:' bij."
            )
            yield finding(
                "PT404",
                criterion,
                f"{which} is van {measured.isoformat()}, meer dan 365 dagen voor de "
                f"peildatum {context.reference_date.isoformat()}: ze is verouderd.",
                fix,
            )
