'''The rules of spec section 5, each declared once, on the pure function that checks it.

Each rule's code, default severity, summary, fix and failing example sit in a
``@rule`` decorator right above its check, in the module of its theme
(``links``, ``ids``, ``fields``, ``source``, ``measurements``, ``satisfaction``,
``plans``, ``progress``, ``dates``, ``parties``, ``assumptions``, ``placeholders``, ``coupling``): ``grep
PT203`` finds the rule and its check together.
This package gathers them into :data:`RULES`, sorted by code, which the checks,
the reports, the Controle page and the authoring handbook all read.

To add a rule, say PT405:

1. Write its check in the module of its theme (a new module also goes into
   :data:`CHECK_MODULES` below): a generator over the programme that yields one
   :class:`Problem` per finding, with the rule declared on it::

       @rule(
           "PT405",
           "advice",  # the default severity: "error" or "advice"
           summary="Eén Nederlandse zin: wat de regel van een auteur vraagt.",
           fix="Eén Nederlandse zin: hoe een auteur een bevinding meestal oplost.",
           example="""\\
       ```{criterium} …
       :id: CR-…
       ```
       """,
       )
       def what_it_finds(programme: Programme, context: CheckContext) -> Iterator[Problem]:
           """What a finding means, in English."""
           for item in programme.of_type("criterium"):
               if ...:
                   yield Problem(item, "wat er mis is (Nederlands)", "hoe je het oplost")

2. The ``example``: minimal MyST items that, added to :data:`EXAMPLE_CONTEXT`
   and checked with :data:`EXAMPLE_PERIOD` and :data:`EXAMPLE_REFERENCE_DATE`,
   give findings of exactly this rule's code (``tests/test_checks_examples.py``
   builds every example; the handbook shows them).
3. A failing item in ``tests/roots/test-rules`` under a comment naming the code
   (``tests/test_checks.py`` expects each code there).

The checks here are pure: they import the model and the items, never Sphinx;
running them in a build is ``policy_trace.checks``.
'''

from __future__ import annotations

from types import ModuleType

from . import (
    assumptions,
    coupling,
    dates,
    fields,
    ids,
    links,
    measurements,
    parties,
    placeholders,
    plans,
    progress,
    review,
    satisfaction,
    source,
    waivers,
)
from .examples import (
    EXAMPLE_CONTEXT,
    EXAMPLE_COUPLED_ALIAS,
    EXAMPLE_COUPLED_CONTEXT,
    EXAMPLE_PERIOD,
    EXAMPLE_REFERENCE_DATE,
)
from .rule import Check, Problem, Rule, rule

#: The modules of checks: every function in them declared with ``@rule`` is a rule.
CHECK_MODULES: tuple[ModuleType, ...] = (
    links, ids, fields, source, measurements, satisfaction, plans, progress, dates, parties, assumptions,
    placeholders, review, waivers, coupling,
)


def _declared(modules: tuple[ModuleType, ...]) -> dict[str, Rule]:
    found: dict[str, Rule] = {}
    for module in modules:
        for value in vars(module).values():
            # A rule imported into a second module is the same object, not a second rule.
            if isinstance(value, Rule) and found.setdefault(value.code, value) is not value:
                raise ValueError(f"{value.code} is declared twice ({module.__name__} and another module)")
    return dict(sorted(found.items()))


RULES_BY_CODE: dict[str, Rule] = _declared(CHECK_MODULES)
#: The rule table of spec section 5, in the order of its codes.
RULES: tuple[Rule, ...] = tuple(RULES_BY_CODE.values())

__all__ = [
    "CHECK_MODULES", "EXAMPLE_CONTEXT", "EXAMPLE_COUPLED_ALIAS", "EXAMPLE_COUPLED_CONTEXT",
    "EXAMPLE_PERIOD", "EXAMPLE_REFERENCE_DATE", "RULES", "RULES_BY_CODE", "Check", "Problem", "Rule", "rule",
]
