"""Assumptions that are monitored: none refuted under decided work (PT305), tested when in use (PT406)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta

from .. import model
from ..dates import parse_iso
from ..items import Item, Programme
from ..outcome import CheckContext
from .rule import Problem, rule

#: An assumption last tested longer ago than this, before the reference date, is due (PT406).
RETEST_AFTER = timedelta(days=365)
#: The status of an item being carried out: its assumptions must be followed.
IN_EXECUTION = model.status_of("in_execution")
#: The statuses of decided work that must not rest on a refuted assumption (PT305).
DECIDED_WORK: tuple[str, ...] = (model.status_of("adopted"), IN_EXECUTION)
#: The status of a refuted assumption.
REFUTED = model.status_of("refuted")


def tested_recently(tested: date | None, reference_date: date) -> bool:
    """Whether a test on ``tested`` still counts on ``reference_date`` (within 365 days before it)."""
    return tested is not None and tested >= reference_date - RETEST_AFTER


@rule(
    "PT406",
    "advice",
    summary=(
        "Een aanname van een item in uitvoering is nooit getoetst, of niet in de 365 dagen voor de peildatum."
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
    for assumption, running in due_for_test(programme, context.reference_date):
        subjects = ", ".join(t.id for t in running)
        tested = parse_iso(assumption.field("getoetst_op"))
        if tested is None:
            yield Problem(
                assumption,
                f"de aanname is nooit getoetst, terwijl {subjects} in uitvoering is.",
                "toets de aanname en vul ':getoetst_op:' (JJJJ-MM-DD) en ':toetsing:' (hoe) in.",
            )
        else:
            yield Problem(
                assumption,
                f"de aanname is getoetst op {tested.isoformat()}, meer dan 365 dagen voor de peildatum "
                f"{context.reference_date.isoformat()}, terwijl {subjects} in uitvoering is.",
                "toets de aanname opnieuw en werk ':getoetst_op:' en zo nodig ':status:' bij.",
            )


def running_subjects(programme: Programme, assumption: Item) -> list[Item]:
    """The items an assumption concerns that are in uitvoering: its tests must be kept up (PT406)."""
    return [t for t in programme.outgoing(assumption, "betreft") if t.status == IN_EXECUTION]


def untested(assumption: Item, reference_date: date) -> bool:
    """Whether an assumption was never tested, or not within 365 days before ``reference_date`` (PT406).

    A ``getoetst_op`` that is no date counts as tested: PT106 reports the date itself.
    """
    text = assumption.field("getoetst_op")
    if not text:
        return True
    tested = parse_iso(text)
    return tested is not None and not tested_recently(tested, reference_date)


def refuted_under_decided_work(programme: Programme, assumption: Item) -> list[Item]:
    """The items an assumption concerns that are vastgesteld or in uitvoering, if it is weerlegd (PT305)."""
    if assumption.status != REFUTED:
        return []
    return [t for t in programme.outgoing(assumption, "betreft") if t.status in DECIDED_WORK]


def _with_subjects(
    programme: Programme, subjects_of: Callable[[Item], list[Item]]
) -> list[tuple[Item, tuple[Item, ...]]]:
    """Each assumption with the items ``subjects_of`` names for it, leaving out those it names none for."""
    return [
        (assumption, tuple(subjects))
        for assumption in programme.of_type("aanname")
        if (subjects := subjects_of(assumption))
    ]


def due_for_test(programme: Programme, reference_date: date) -> list[tuple[Item, tuple[Item, ...]]]:
    """Each assumption to test (PT406), with the items in uitvoering that rest on it."""
    return _with_subjects(
        programme, lambda a: running_subjects(programme, a) if untested(a, reference_date) else []
    )


def refuted_under_decided(programme: Programme) -> list[tuple[Item, tuple[Item, ...]]]:
    """Each weerlegde assumption under decided work (PT305), with the items that rest on it."""
    return _with_subjects(programme, lambda a: refuted_under_decided_work(programme, a))


@rule(
    "PT305",
    "advice",
    summary=(
        "Een aanname is weerlegd terwijl een item waar ze over gaat vastgesteld of in uitvoering is: de "
        "keten rust op een aanname die niet klopt."
    ),
    fix=(
        "Herzie het item (zijn aanpak, criteria of status) nu de aanname niet klopt, of leg een nieuwe "
        "aanname vast en laat de weerlegde vervallen."
    ),
    example="""\
```{project} Gezamenlijke meldkamer
:id: PRJ-MELDKAMER
:voert_uit: IN-PREVENTIE
:opdracht: Eén meldkamer voor de drie regio's voor 1 januari 2025.
:opdrachtnemer: PA-REGIO
:financiering: Uit de begroting van de regio.
:borging: regionaal_crisisplan
:status: vastgesteld
```

```{mijlpaal} Meldkamer in gebruik
:id: MP-MELDKAMER
:hoort_bij: PRJ-MELDKAMER
:datum: 2025-01-01
:status: gepland
```

```{aanname} Het Rijk betaalt de verbouwing
:id: AN-VERBOUWING
:betreft: PRJ-MELDKAMER
:status: weerlegd
:getoetst_op: 2024-03-01
:toetsing: Brief van het ministerie
```
""",
)
def refuted_assumptions(programme: Programme, context: CheckContext) -> Iterator[Problem]:
    """An assumption is weerlegd while an item it concerns is vastgesteld or in uitvoering."""
    for assumption, subjects in refuted_under_decided(programme):
        listed = ", ".join(f"{t.id} ({t.status.replace('_', ' ')})" for t in subjects)
        yield Problem(
            assumption,
            f"de aanname is weerlegd, maar {listed} rust erop: de keten gaat uit van iets dat niet klopt.",
            "herzie dat item (aanpak, criteria of status) nu de aanname niet klopt, of leg een nieuwe "
            "aanname vast en laat ':betreft:' van de weerlegde aanname weg.",
        )
