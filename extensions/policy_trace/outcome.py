"""The types of a check's outcome: severities, a waiver, a finding, the context, the run.

Plain frozen data, below the rules that make findings and everything that
shows them: the rules take a :class:`CheckContext`, the run of all rules is a
:class:`CheckRun`, and the console, reports, site and pdf read it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from .changes import Changes
from .items import Item, Programme
from .judging import Judgements, judge_programme
from .koppelingen import NONE, Koppelingen

#: ``uitgezonderd``: a finding under a valid waiver (``:uitzondering:``); reported, never failing.
Severity = Literal["error", "advice", "uitgezonderd"]
SEVERITIES: tuple[Severity, ...] = ("error", "advice", "uitgezonderd")
#: The severities a rule can have by default or by ``policy_trace_severity``.
RULE_SEVERITIES: tuple[Severity, ...] = ("error", "advice")
#: What ``policy_trace_severity`` accepts per code.
SEVERITY_SETTINGS: tuple[str, ...] = ("error", "advice", "off")
#: Dutch labels of the severities, singular and plural (console, reports, site).
SEVERITY_LABELS: dict[str, tuple[str, str]] = {
    "error": ("fout", "fouten"),
    "advice": ("advies", "adviezen"),
    "uitgezonderd": ("uitgezonderd", "uitgezonderd"),
}


@dataclass(frozen=True)
class Waiver:
    """A waiver an author set on an item: ``:uitzondering: CODE tot DATUM`` with its owner and reason."""

    code: str
    #: The end date, ISO ``YYYY-MM-DD``: the waiver holds up to and including this day.
    until: str
    #: The ID of the partij that owns the waiver (``uitzondering_door``).
    owner: str
    #: Why the finding is accepted for now (``uitzondering_reden``).
    reason: str

    @property
    def text(self) -> str:
        """``uitzondering tot 2015-06-01, door PA-X: reden``."""
        return f"uitzondering tot {self.until}, door {self.owner}: {self.reason}"


@dataclass(frozen=True)
class Finding:
    """One problem of one item: what is wrong and how to fix it, in Dutch."""

    code: str
    severity: Severity
    id: str
    type: str
    #: Source file relative to the source folder.
    file: str
    #: Line of the item's opening fence.
    line: int
    #: One sentence: what is wrong, in words an adviser understands.
    message: str
    #: One sentence: how to fix it.
    fix: str
    docname: str = ""
    #: The waiver under which this finding is reported as ``uitgezonderd``.
    waiver: Waiver | None = None

    @property
    def location(self) -> str | None:
        """``file:line`` as editors and CI read it; the file alone without a line (a finding about a page,
        as the console says it); ``None`` without a file."""
        if not self.file:
            return None
        return f"{self.file}:{self.line}" if self.line else self.file

    @property
    def text(self) -> str:
        """The one-line text after the location: code, item, problem and fix."""
        head = f"{self.code} {self.id}" if self.id else self.code
        return f"{head}: {self.message} Oplossing: {self.fix}"

    def sort_key(self) -> tuple[str, int, str, str, str]:
        return (self.file, self.line, self.id, self.code, self.message)


@dataclass(frozen=True)
class CheckContext:
    """What the rules compare against: the programme's run, the reference date, the last publication."""

    reference_date: date
    period: tuple[date, date] | None = None
    #: The comparison with the last publication (``policy_trace_previous``), if set.
    changes: Changes | None = None
    #: The copies of the coupled programmes (``policy_trace_koppelingen``), read once per build.
    koppelingen: Koppelingen = NONE
    #: The code of every rule, for the rule that a waiver names one (PT106); the rules are gathered
    #: above the modules that declare them, so a run hands them in (``checking.run_checks``).
    rule_codes: frozenset[str] = frozenset()
    #: Every criterion's judgement, judged once per build (``state.judgements_of_build``) and handed to
    #: the rules, the stand and the pages with the context; reached through :meth:`judgements_of`.
    judgements: Judgements | None = field(default=None, compare=False)

    @property
    def start(self) -> date | None:
        """The start of the looptijd (``policy_trace_period``), if set."""
        return self.period[0] if self.period else None

    def judgements_of(self, programme: Programme) -> Judgements:
        """Every criterion's judgement in ``programme``: those this context carries when they are that
        programme's (always, in a build), else judged now (a programme checked outside a build)."""
        held = self.judgements
        if held is not None and held.holds(programme, self.start):
            return held
        return judge_programme(programme, self.start)

    @property
    def example_date(self) -> date:
        """A date to show in a fix: the programme's own start, else the peildatum."""
        return self.period[0] if self.period else self.reference_date


@dataclass(frozen=True)
class Ratio:
    """``part`` of ``total`` items meet a condition."""

    label: str
    part: int
    total: int

    @property
    def share(self) -> float | None:
        """The share from 0 to 1, or ``None`` when there is nothing to count."""
        return self.part / self.total if self.total else None

    @property
    def percentage(self) -> str:
        """``"75%"``, or ``"–"`` when there is nothing to count."""
        return "–" if self.share is None else f"{round(self.share * 100)}%"

    def __str__(self) -> str:
        return f"{self.part} van {self.total} ({self.percentage})"


@dataclass(frozen=True)
class Coverage:
    """The four figures of the Controle page."""

    goals_with_criterion: Ratio
    prioritised_efforts_with_criterion: Ratio
    complete_criteria: Ratio
    complete_plans: Ratio

    @property
    def ratios(self) -> tuple[Ratio, ...]:
        return (
            self.goals_with_criterion,
            self.prioritised_efforts_with_criterion,
            self.complete_criteria,
            self.complete_plans,
        )


@dataclass(frozen=True)
class CheckRun:
    """The outcome of checking one build: what the console, reports and Controle page show."""

    findings: tuple[Finding, ...]
    #: Every item that was checked, sorted by ID: the programme's own items (the reports list them).
    items: tuple[Item, ...]
    coverage: Coverage
    context: CheckContext
