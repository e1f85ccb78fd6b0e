"""Time: dates outside the programme's run, overdue milestones, stale measurements (PT401, PT402, PT404)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from .. import model, series
from ..dates import parse_iso
from ..items import Item, Programme
from ..outcome import CheckContext
from .rule import Problem, rule

#: A measurement older than this, before the reference date, is stale (PT404).
STALE_AFTER = timedelta(days=365)


@rule(
    "PT401",
    "advice",
    summary="Een datum of deadline van een mijlpaal of criterium valt buiten de looptijd.",
    fix="Kies een datum binnen de looptijd van het programma, of pas de looptijd in conf.py aan.",
    example="""\
```{criterium} Minder uitrukken
:id: CR-UITRUKKEN
:meet: IN-PREVENTIE
:deadline: 2030-12-31
```
""",
)
def dates_outside_period(programme: Programme, context: CheckContext) -> Iterator[Problem]:
    """A milestone's datum or a criterion's deadline lies outside policy_trace_period."""
    if context.period is None:
        return
    start, end = context.period
    for item in programme.of_type("mijlpaal", "criterium"):
        name = "datum" if item.type == "mijlpaal" else "deadline"
        when = parse_iso(item.field(name))
        if when is not None and not start <= when <= end:
            yield Problem(
                item,
                f"'{name}' {when.isoformat()} valt buiten de looptijd van het programma "
                f"({start.isoformat()} tot en met {end.isoformat()}).",
                f"kies bij '{name}' een datum binnen de looptijd, of pas policy_trace_period in conf.py aan.",
            )


def overdue_date(milestone: Item, reference_date: date) -> date | None:
    """The datum of a milestone still gepland after it passed the reference date, else None.

    PT402's rule; the planning marks the same milestones as past the peildatum.
    """
    when = parse_iso(milestone.field("datum"))
    planned = milestone.status == model.status_of("planned")
    return when if planned and when is not None and when < reference_date else None


@rule(
    "PT402",
    "advice",
    summary="Een mijlpaal is nog gepland terwijl de datum voorbij de peildatum is.",
    fix="Zet de mijlpaal op behaald, vertraagd of vervallen, of verschuif de datum.",
    example="""\
```{mijlpaal} Plan van aanpak klaar
:id: MP-PLAN
:hoort_bij: PRJ-WIJK
:datum: 2024-03-01
:status: gepland
```
""",
)
def overdue_milestones(programme: Programme, context: CheckContext) -> Iterator[Problem]:
    """A milestone is still gepland after its datum has passed the reference date."""
    for milestone in programme.of_type("mijlpaal"):
        when = overdue_date(milestone, context.reference_date)
        if when is not None:
            yield Problem(
                milestone,
                f"de mijlpaal staat nog op gepland, maar de datum {when.isoformat()} ligt voor de peildatum "
                f"{context.reference_date.isoformat()}.",
                "zet de status op behaald, vertraagd of vervallen, of verschuif de datum.",
            )


@rule(
    "PT404",
    "advice",
    summary=(
        "De laatste meting van een criterium heeft geen meetdatum, of die ligt meer dan 365 dagen voor de "
        "peildatum."
    ),
    fix="Vul de meetdatum in, of meet opnieuw en voeg een meting (MT-) toe of werk meting en meetdatum bij.",
    example="""\
```{criterium} Bezochte huishoudens
:id: CR-BEZOCHT
:meet: IN-PREVENTIE
:meting: 420
```
""",
)
def stale_measurements(programme: Programme, context: CheckContext) -> Iterator[Problem]:
    """A criterion's latest measurement has no date, or one over 365 days before the reference date."""
    for criterion in programme.of_type("criterium"):
        latest = series.latest(programme, criterion)
        if latest is None:
            continue
        if not latest.date_text:
            if latest.from_series:
                continue  # a meting without datum is PT106's (datum is required)
            yield Problem(
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
            yield Problem(
                criterion,
                f"{which} is van {measured.isoformat()}, meer dan 365 dagen voor de "
                f"peildatum {context.reference_date.isoformat()}: ze is verouderd.",
                fix,
            )
