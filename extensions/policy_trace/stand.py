"""The *stand van zaken* on the peildatum, computed from the items: data in, a small result out, no markup.

:func:`compute_stand` answers the questions a steering group asks of a
programme: how each goal stands (the judgement of its criteria and of its
efforts' criteria), what is to be decided, what needs attention, what changed
since the last publication and what is due soon. The site's ``{stand}``
directive (``views/stand.py``) and the board paper both render its
:class:`Stand`, so they cannot disagree.

Judgements are judged once per build (:mod:`judging`) and come with the
context, as they come to rule PT304; what a rule finds (PT305, PT406,
PT402) comes from that rule's own function.
Nothing here invents a figure: a criterion without a computed judgement
counts with the status its author gave (``onbepaald`` when none), and
:class:`Judged` says which of the two was counted.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from . import model
from .changes import Changes, suspects
from .dates import parse_iso
from .items import Item, Programme
from .judging import JUDGEMENTS, Judged
from .outcome import CheckContext
from .rules import waivers
from .rules.assumptions import due_for_test, refuted_under_decided
from .rules.common import (
    criterion_gaps,
    is_prioritised,
    measuring_criteria,
    missing_plan_elements,
    needs_criterion,
)
from .rules.dates import overdue_date

#: How far ahead *Binnenkort* looks, and how close a waiver's end date counts as "about to expire".
HORIZON = timedelta(days=90)
#: Judgements that need attention.
WORRYING: tuple[str, ...] = (model.status_of("at_risk"), model.status_of("missed"))
#: The item types whose additions, removals and changes the stand names (the steering chain).
STEERED_TYPES: tuple[str, ...] = (*model.GOAL_TYPES, "inspanning", "project")
#: The statuses that make a goal or an effort a proposal, a project a point to decide.
PROPOSED = model.status_of("proposed")
TO_DECIDE = model.status_of("to_decide")


@dataclass(frozen=True)
class Tally:
    """Criteria counted per judgement."""

    judged: tuple[Judged, ...] = ()

    def of(self, judgement: str) -> tuple[Judged, ...]:
        """The criteria counted under ``judgement``."""
        return tuple(j for j in self.judged if j.judgement == judgement)

    def counts(self) -> tuple[tuple[str, int], ...]:
        """``(judgement, count)`` per judgement with at least one criterion, in :data:`JUDGEMENTS` order."""
        return tuple((name, n) for name in JUDGEMENTS if (n := len(self.of(name))))

    @property
    def computed(self) -> int:
        """How many of the counted judgements follow from the numbers."""
        return sum(1 for j in self.judged if j.computed)

    def __len__(self) -> int:
        return len(self.judged)


@dataclass(frozen=True)
class GoalLine:
    """One goal: its criteria, its efforts' criteria, and how much of *wanneer zijn we tevreden* is said."""

    goal: Item
    own: Tally
    efforts: Tally
    #: The goal's efforts (contributing with ``draagt_bij_aan``), by ID.
    effort_items: tuple[Item, ...]
    #: Of the goal and its efforts: those that have a criterion measuring them.
    explicit: tuple[Item, ...]
    #: Of the criteria of the goal and its efforts: those with indicator, streefwaarde, deadline and bron
    #: (or knowingly not SMART, with a reason).
    complete: tuple[Item, ...]
    #: The other criteria, each with the essential fields it lacks.
    incomplete: tuple[tuple[Item, tuple[str, ...]], ...] = ()

    @property
    def criteria(self) -> tuple[Item, ...]:
        """The criteria of the goal and of its efforts, each once."""
        return tuple({j.criterion.id: j.criterion for j in (*self.own.judged, *self.efforts.judged)}.values())


@dataclass(frozen=True)
class Decision:
    """A point to decide: a project ter besluitvorming, a proposed goal or effort, a decision still ahead."""

    item: Item
    #: What is still missing, as short Dutch phrases ("opdrachtnemer (b)", "een criterium"); empty: nothing.
    missing: tuple[str, ...] = ()
    #: For a besluit: its date.
    on: date | None = None


@dataclass(frozen=True)
class Attention:
    """What needs attention, by kind; each a tuple of what the reader should look at."""

    #: Criteria counted risico or niet behaald, or whose author's status differs from the computed judgement.
    criteria: tuple[Judged, ...] = ()
    #: Milestones vertraagd, or still gepland after their date.
    milestones: tuple[Item, ...] = ()
    #: Assumptions weerlegd while an item they concern is vastgesteld or in uitvoering (PT305), and those.
    refuted: tuple[tuple[Item, tuple[Item, ...]], ...] = ()
    #: Assumptions of work in execution never tested, or not within 365 days (PT406).
    untested: tuple[Item, ...] = ()
    #: Waivers ending within :data:`HORIZON` after the peildatum, or already ended: (item, code, end date).
    waivers: tuple[tuple[Item, str, date], ...] = ()

    def __len__(self) -> int:
        return (
            len(self.criteria)
            + len(self.milestones)
            + len(self.refuted)
            + len(self.untested)
            + len(self.waivers)
        )


@dataclass(frozen=True)
class Changed:
    """What changed in the steering chain since the last publication (``policy_trace_previous``)."""

    #: The previous publication's version ("" when it has none) and date text.
    version: str
    date: str
    #: (ID, type, title) of the goals, efforts and projects added and removed; the current items changed.
    added: tuple[tuple[str, str, str], ...]
    removed: tuple[tuple[str, str, str], ...]
    changed: tuple[Item, ...]
    #: The items to review (*te herzien*): they link to an item that changed or went.
    review: tuple[Item, ...]


@dataclass(frozen=True)
class Upcoming:
    """A date within :data:`HORIZON` after the peildatum: a milestone, or a criterion's deadline."""

    on: date
    item: Item


@dataclass(frozen=True)
class Stand:
    """Where the programme stands on its peildatum."""

    reference_date: date
    goals: tuple[GoalLine, ...]
    decisions: tuple[Decision, ...]
    attention: Attention
    #: None when there is no previous publication to compare with.
    changed: Changed | None
    upcoming: tuple[Upcoming, ...]
    #: Every criterion as counted, by ID: the context's judgements (PT304 and the pages read the same).
    judged: Mapping[str, Judged] = field(default_factory=dict)


def efforts_of(programme: Programme, goal: Item) -> tuple[Item, ...]:
    """The efforts that contribute to ``goal``, directly or through its sub-goals (``draagt_bij_aan``), by ID.

    A hoofddoel is served by the efforts of its goals: its line is the programme's.
    """
    found: dict[str, Item] = {}
    seen = {goal.id}
    todo = [goal]
    while todo:
        for other in programme.incoming(todo.pop().id, "draagt_bij_aan"):
            if other.type == "inspanning":
                found[other.id] = other
            elif other.type in model.GOAL_TYPES and other.id not in seen:  # a cycle is PT104's
                seen.add(other.id)
                todo.append(other)
    return tuple(found[key] for key in sorted(found))


def _tally(criteria: Iterable[Item], judged: Mapping[str, Judged]) -> Tally:
    return Tally(
        tuple(judged[c.id] for c in sorted({c.id: c for c in criteria}.values(), key=lambda c: c.id))
    )


def _goal_line(programme: Programme, goal: Item, judged: Mapping[str, Judged]) -> GoalLine:
    efforts = efforts_of(programme, goal)
    own = measuring_criteria(programme, goal)
    of_efforts = [c for effort in efforts for c in measuring_criteria(programme, effort)]
    explicit = tuple(i for i in (goal, *efforts) if measuring_criteria(programme, i))
    every = {c.id: c for c in (*own, *of_efforts)}
    ordered = sorted(every.values(), key=lambda c: c.id)
    complete = tuple(c for c in ordered if not criterion_gaps(c))
    incomplete = tuple((c, gaps) for c in ordered if (gaps := criterion_gaps(c)))
    return GoalLine(
        goal, _tally(own, judged), _tally(of_efforts, judged), efforts, explicit, complete, incomplete
    )


def _plan_missing(programme: Programme, project: Item) -> tuple[str, ...]:
    names = {element.name: element.hint for element in model.PLAN_ELEMENTS}
    return tuple(
        f"{letter}) {names[name]} ({name})" for letter, name in missing_plan_elements(programme, project)
    )


def _proposal_missing(programme: Programme, item: Item) -> tuple[str, ...]:
    """What a proposed goal or effort still lacks to be decided on with *wanneer zijn we tevreden* said."""
    missing = []
    criteria = measuring_criteria(programme, item)
    if needs_criterion(item) and not criteria:
        missing.append("een criterium: wanneer zijn we tevreden")
    for criterion in criteria:
        if gaps := criterion_gaps(criterion):
            missing.append(f"{', '.join(gaps)} bij {criterion.id}")
    if is_prioritised(item) and not [
        p for p in programme.incoming(item.id, "voert_uit") if p.type == "project"
    ]:
        missing.append("een project dat de inspanning uitvoert")
    return tuple(missing)


def decisions(programme: Programme, reference_date: date) -> tuple[Decision, ...]:
    """Projects ter besluitvorming, proposed goals and efforts, decisions dated on or after the peildatum."""
    found = [
        Decision(project, _plan_missing(programme, project))
        for project in programme.of_type("project")
        if project.status == TO_DECIDE
    ]
    for type_name in (*model.GOAL_TYPES, "inspanning"):
        found += [
            Decision(item, _proposal_missing(programme, item))
            for item in programme.of_type(type_name)
            if item.status == PROPOSED
        ]
    ahead = []
    for decision in programme.of_type("besluit"):
        when = parse_iso(decision.field("datum"))
        if when is not None and when >= reference_date:
            ahead.append(Decision(decision, (), when))
    ahead.sort(key=lambda d: (d.on or reference_date, d.item.id))
    return (*found, *ahead)


def waivers_ending(programme: Programme, reference_date: date) -> tuple[tuple[Item, str, date], ...]:
    """Waivers whose end date lies within :data:`HORIZON` after the peildatum (or before it), by date."""
    found = []
    for item in programme:
        for entry in waivers.entries(item):
            match = waivers.ENTRY.fullmatch(entry)
            until = parse_iso(match["until"]) if match else None  # a waiver written wrongly is PT106's
            if match and until is not None and until <= reference_date + HORIZON:
                found.append((item, match["code"], until))
    return tuple(sorted(found, key=lambda w: (w[2], w[0].id, w[1])))


def attention(programme: Programme, context: CheckContext, judged: Mapping[str, Judged]) -> Attention:
    """What needs attention on the peildatum."""
    day = context.reference_date
    criteria = tuple(j for j in judged.values() if j.judgement in WORRYING or j.disagrees)
    late = [
        m
        for m in programme.of_type("mijlpaal")
        if m.status == model.status_of("late") or overdue_date(m, day) is not None
    ]
    late.sort(key=lambda m: (m.field("datum"), m.id))
    refuted = tuple(refuted_under_decided(programme))
    open_ones = tuple(assumption for assumption, _running in due_for_test(programme, day))
    return Attention(criteria, tuple(late), refuted, open_ones, waivers_ending(programme, day))


def changed_since(programme: Programme, changes: Changes | None) -> Changed | None:
    """Goals, efforts and projects added, removed and changed since the last publication; items te herzien."""
    if changes is None:
        return None
    steered = [(i, t, title) for i, t, title in changes.added if t in STEERED_TYPES]
    gone = [(i, t, title) for i, t, title in changes.removed if t in STEERED_TYPES]
    changed = [
        item
        for change in changes.changed
        if change.type in STEERED_TYPES and (item := programme.get(change.id)) is not None
    ]
    review = [programme.items[i] for i in suspects(programme, changes) if i in programme.items]
    return Changed(
        changes.previous.version,
        changes.previous.date or "",
        tuple(steered),
        tuple(gone),
        tuple(changed),
        tuple(review),
    )


def upcoming(
    programme: Programme, reference_date: date, judged: Mapping[str, Judged]
) -> tuple[Upcoming, ...]:
    """Open milestones and deadlines of criteria not yet behaald, within :data:`HORIZON` of the peildatum."""
    end = reference_date + HORIZON
    found = []
    for milestone in programme.of_type("mijlpaal"):
        when = parse_iso(milestone.field("datum"))
        if milestone.status in model.OPEN_STATUSES and when is not None and reference_date <= when <= end:
            found.append(Upcoming(when, milestone))
    for criterion in programme.of_type("criterium"):
        when = parse_iso(criterion.field("deadline"))
        counted = judged[criterion.id].judgement
        if counted != model.status_of("achieved") and when is not None and reference_date <= when <= end:
            found.append(Upcoming(when, criterion))
    return tuple(sorted(found, key=lambda u: (u.on, u.item.id)))


def compute_stand(programme: Programme, context: CheckContext) -> Stand:
    """The stand van zaken of ``programme`` on its peildatum, compared with ``context.changes``."""
    judged = context.judgements_of(programme)
    goals = tuple(
        _goal_line(programme, goal, judged)
        for type_name in model.GOAL_TYPES
        for goal in programme.of_type(type_name)
    )
    return Stand(
        reference_date=context.reference_date,
        goals=goals,
        decisions=decisions(programme, context.reference_date),
        attention=attention(programme, context, judged),
        changed=changed_since(programme, context.changes),
        upcoming=upcoming(programme, context.reference_date, judged),
        judged=judged,
    )


__all__ = [
    "HORIZON",
    "Attention",
    "Changed",
    "Decision",
    "GoalLine",
    "Stand",
    "Tally",
    "Upcoming",
    "compute_stand",
    "efforts_of",
]
