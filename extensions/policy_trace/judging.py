"""Every criterion's judgement, computed in one place: the only caller of :func:`series.assessment`.

A criterion is counted with the judgement its numbers give (:mod:`judgement`,
through its series), else with the status its author gave, else
``onbepaald``. :func:`judge_programme` does that for every criterion of a
programme at once; a build calls it once (``state.judgements_of_build``) and
hands the result to the rules in the :class:`~policy_trace.outcome.CheckContext`
(PT304), to the stand van zaken, to the site's pages and to the paper, so
they cannot disagree. ``tests/test_architecture.py`` fails when any other
module assesses a criterion itself.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date

from . import model, series
from .items import Item, Programme
from .judgement import Assessment

#: What is counted when there is no judgement at all: the model's first criterion status.
UNDETERMINED = model.CRITERION_STATUSES[0]
#: The judgements a criterion is counted under: the model's criterion statuses, onbepaald last.
JUDGEMENTS: tuple[str, ...] = (*(s for s in model.CRITERION_STATUSES if s != UNDETERMINED), UNDETERMINED)


@dataclass(frozen=True)
class Judged:
    """One criterion as it is counted."""

    criterion: Item
    #: What the criterion's numbers say (the reason is one Dutch sentence).
    assessment: Assessment
    #: The judgement counted: the computed one where there is one, else the author's status.
    judgement: str

    @property
    def computed(self) -> bool:
        """Whether the counted judgement follows from the numbers (not from the author's status)."""
        return self.assessment.judgement is not None

    @property
    def disagrees(self) -> bool:
        """Whether the author gave a status that differs from the computed judgement (PT304)."""
        return self.computed and bool(self.criterion.status) and self.criterion.status != self.judgement


@dataclass(frozen=True, eq=False)
class Judgements(Mapping[str, Judged]):
    """Every criterion of one programme as counted, by ID, and the programme they were judged for."""

    #: The programme judged: judgements handed on with a context are only used for this programme.
    programme: Programme = field(repr=False)
    #: The start of the looptijd they were judged with (``policy_trace_period``), if set.
    start: date | None
    by_id: Mapping[str, Judged] = field(repr=False)

    def __getitem__(self, key: str) -> Judged:
        return self.by_id[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.by_id)

    def __len__(self) -> int:
        return len(self.by_id)

    def holds(self, programme: Programme, start: date | None) -> bool:
        """Whether these are the judgements of ``programme`` with looptijd start ``start``."""
        return self.programme is programme and self.start == start


def _judge(programme: Programme, criterion: Item, start: date | None) -> Judged:
    assessed = series.assessment(programme, criterion, start)
    counted = assessed.judgement or (criterion.status if criterion.status in JUDGEMENTS else UNDETERMINED)
    return Judged(criterion, assessed, counted)


def judge_programme(programme: Programme, start: date | None) -> Judgements:
    """How every criterion of ``programme`` is counted: its computed judgement, else its author's status,
    else onbepaald. ``start`` is the start of the looptijd (``policy_trace_period``), if set."""
    judged = {c.id: _judge(programme, c, start) for c in programme.of_type("criterium")}
    return Judgements(programme, start, judged)


__all__ = ["JUDGEMENTS", "UNDETERMINED", "Judged", "Judgements", "judge_programme"]
