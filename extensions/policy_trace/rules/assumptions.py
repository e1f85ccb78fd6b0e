"""Assumptions that are monitored: tested recently while what they concern is carried out (PT406)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from ..dates import parse_iso
from ..items import Programme
from .common import CheckContext
from .rule import Problem, rule

#: An assumption last tested longer ago than this, before the reference date, is due (PT406).
RETEST_AFTER = timedelta(days=365)
#: The status of an item being carried out: its assumptions must be followed.
IN_EXECUTION = "in_uitvoering"


def tested_recently(tested: date | None, reference_date: date) -> bool:
    """Whether a test on ``tested`` still counts on ``reference_date`` (within 365 days before it)."""
    return tested is not None and tested >= reference_date - RETEST_AFTER


@rule(
    "PT406",
    "advice",
    summary=(
        "Een aanname van een item in uitvoering is nooit getoetst, of niet in de 365 dagen voor de "
        "peildatum."
    ),
    fix="Toets de aanname en vul getoetst_op (datum) en toetsing (hoe) in.",
    example="""\
```{inspanning} Toezicht op brandveiligheid
:id: IN-TOEZICHT
:draagt_bij_aan: SD-BRAND
:spoor: organisatorisch
:status: in_uitvoering
```

```{aanname} Gemeenten leveren inspecteurs
:id: AN-INSPECTEURS
:betreft: IN-TOEZICHT
:status: onbevestigd
:getoetst_op: 2023-06-01
:toetsing: Navraag bij de gemeenten
```
""",
)
def untested_assumptions(programme: Programme, context: CheckContext) -> Iterator[Problem]:
    """An assumption of an item in execution was never tested, or not within 365 days."""
    for assumption in programme.of_type("aanname"):
        running = [t for t in programme.outgoing(assumption, "betreft") if t.status == IN_EXECUTION]
        if not running:
            continue
        subjects = ", ".join(t.id for t in running)
        text = assumption.field("getoetst_op")
        if not text:
            yield Problem(
                assumption,
                f"de aanname is nooit getoetst, terwijl {subjects} in uitvoering is.",
                "toets de aanname en vul ':getoetst_op:' (JJJJ-MM-DD) en ':toetsing:' (hoe) in.",
            )
            continue
        tested = parse_iso(text)  # a date that is no date is PT106's
        if tested is not None and not tested_recently(tested, context.reference_date):
            yield Problem(
                assumption,
                f"de aanname is getoetst op {tested.isoformat()}, meer dan 365 dagen voor de peildatum "
                f"{context.reference_date.isoformat()}, terwijl {subjects} in uitvoering is.",
                "toets de aanname opnieuw en werk ':getoetst_op:' en zo nodig ':status:' bij.",
            )
