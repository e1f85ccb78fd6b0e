"""Measurements as a series: one way to measure, and numbers that agree with the status (PT110, PT304)."""

from __future__ import annotations

from collections.abc import Iterator

from .. import series
from ..items import Programme
from ..outcome import CheckContext
from .rule import Problem, rule


@rule(
    "PT110",
    "error",
    summary=(
        "Een criterium heeft een eigen meting (meting, meetdatum) en ook metingen (MT-): de metingen gaan "
        "voor."
    ),
    fix="Haal meting en meetdatum weg bij het criterium, of maak er een meting (MT-) van.",
    example="""\
```{criterium} Gecontroleerde woningen
:id: CR-CONTROLE
:meet: IN-PREVENTIE
:meting: 40
:meetdatum: 2024-10-01
```

```{meting} Controles najaar
:id: MT-CONTROLE-NAJAAR
:meet_voor: CR-CONTROLE
:waarde: 55
:datum: 2024-11-01
:bron: Registratie van de regio
```
""",
)
def single_value_and_series(programme: Programme, context: CheckContext) -> Iterator[Problem]:
    """A criterion has its own meting/meetdatum and meting items as well; the items win."""
    for criterion in programme.of_type("criterium"):
        if not series.has_both(programme, criterion):
            continue
        own = " en ".join(f"':{name}:'" for name in ("meting", "meetdatum") if criterion.field(name))
        items = ", ".join(m.id for m in series.measurement_items(programme, criterion))
        yield Problem(
            criterion,
            f"het criterium heeft zowel een eigen {own} als metingen ({items}); de metingen gaan voor, "
            f"{own} wordt genegeerd.",
            f"haal {own} weg bij het criterium, of maak er een meting van met ':meet_voor: {criterion.id}'.",
        )


@rule(
    "PT304",
    "advice",
    summary=(
        "De status van een criterium verschilt van het oordeel dat uit zijn cijfers volgt (nulmeting, "
        "streefwaarde, metingen en de tijd tot de deadline)."
    ),
    fix=(
        "Werk de status bij naar het berekende oordeel, of controleer nulmeting, streefwaarde, deadline en "
        "metingen."
    ),
    example="""\
```{criterium} Woningen met rookmelder
:id: CR-ROOKMELDER
:meet: IN-PREVENTIE
:nulmeting: 40%
:streefwaarde: 90%
:deadline: 2025-12-31
:status: op_koers
```

```{meting} Steekproef najaar 2024
:id: MT-ROOKMELDER-2024
:meet_voor: CR-ROOKMELDER
:waarde: 50%
:datum: 2024-12-01
:bron: Steekproef van de regio
```
""",
)
def status_disagrees_with_numbers(programme: Programme, context: CheckContext) -> Iterator[Problem]:
    """The authored status of a criterion differs from the judgement its numbers give."""
    # The judgements the site, the stand and the paper show, judged once per build (``judging``).
    judgements = context.judgements_of(programme)
    for criterion in programme.of_type("criterium"):
        judged = judgements[criterion.id]
        if not judged.disagrees:
            continue
        yield Problem(
            criterion,
            f"de status is '{criterion.status}', maar uit de cijfers volgt '{judged.judgement}': "
            f"{judged.assessment.reason}",
            f"zet de status op '{judged.judgement}', of controleer "
            "nulmeting, streefwaarde, deadline en metingen.",
        )
