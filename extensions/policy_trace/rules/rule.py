"""What a rule is, how it is declared on its check, and the severities of its findings."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from ..items import Item, Programme
from ..outcome import CheckContext, Severity


class Problem(NamedTuple):
    """What a check yields: the item, what is wrong and how to fix it (Dutch, one sentence each)."""

    item: Item
    message: str
    fix: str


Check = Callable[[Programme, CheckContext], Iterable[Problem]]


@dataclass(frozen=True)
class Rule:
    """One rule of spec section 5 and the function that checks it."""

    code: str
    severity: Severity
    #: One Dutch sentence: what the rule asks of an author.
    summary: str
    #: One Dutch sentence: how an author usually fixes a finding of this rule.
    fix: str
    #: A minimal failing MyST example; it relies on the items of EXAMPLE_CONTEXT.
    example: str
    #: The check; ``None`` for a rule found over the findings of the other rules, not over the
    #: programme alone (the waivers, PT501 and PT502: ``waiving.py`` applies them).
    check: Check | None = field(repr=False, compare=False)
    #: For a rule that compares with the last publication (``policy_trace_previous``): the
    #: example's items as that publication had them. The examples are checked against a build of
    #: EXAMPLE_CONTEXT with, per rule, this text (or the example itself when empty).
    previous: str = ""
    #: For a rule about links to another programme: the items of the coupled programme (alias
    #: ``landelijk``, see ``examples.EXAMPLE_COUPLED_ALIAS``) that the example links to.
    coupled: str = ""


def rule(
    code: str, severity: Severity, *, summary: str, fix: str, example: str, previous: str = "",
    coupled: str = "",
) -> Callable[[Check], Rule]:
    """Declare the rule ``code`` on the check below it; the check's name then holds the Rule."""

    def declare(check: Check) -> Rule:
        return Rule(code, severity, summary, fix, example, check, previous, coupled)

    return declare
