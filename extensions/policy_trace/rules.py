"""The rule list of spec section 5: codes, default severities and what each checks.

The checks, the reports, the Controle page and the authoring handbook all
read this one table.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "advice"]
SEVERITIES: tuple[str, ...] = ("error", "advice")
#: What ``policy_trace_severity`` accepts per code.
SEVERITY_SETTINGS: tuple[str, ...] = ("error", "advice", "off")


@dataclass(frozen=True)
class Rule:
    code: str
    severity: Severity
    #: One Dutch sentence: what the rule asks of an author.
    summary: str


RULES: tuple[Rule, ...] = (
    Rule("PT101", "error", "Een koppeling verwijst naar een ID dat niet bestaat."),
    Rule("PT102", "error", "Een koppeling verwijst naar een soort item die deze koppeling vanuit dit type niet toestaat."),
    Rule("PT103", "error", "Een verplichte koppeling ontbreekt."),
    Rule("PT104", "error", "De ketenkoppelingen (draagt_bij_aan, voert_uit, geleverd_door, hoort_bij) vormen een kring."),
    Rule("PT105", "error", "Een ID past niet bij het voorvoegsel van zijn type of niet bij het ID-patroon."),
    Rule("PT106", "error", "Een veld heeft een waarde buiten de toegestane waarden, of een datum die geen echte ISO-datum is."),
    Rule("PT201", "advice", "Een (hoofd)doel of een inspanning met voorrang heeft geen criterium: wanneer zijn we tevreden is niet expliciet."),
    Rule("PT202", "advice", "Een inspanning met voorrang heeft geen project dat haar uitvoert."),
    Rule("PT203", "error", "Een criterium van een vastgesteld item mist indicator, streefwaarde, deadline of bron."),
    Rule("PT204", "error", "Een project ter besluitvorming of later mist een planelement (a-e)."),
    Rule("PT301", "error", "Een project is afgerond terwijl een mijlpaal nog gepland of vertraagd is."),
    Rule("PT302", "error", "Een item is behaald terwijl een criterium dat het meet niet behaald is."),
    Rule("PT303", "error", "Een criterium is behaald of niet behaald zonder meting."),
    Rule("PT401", "advice", "Een datum of deadline van een mijlpaal of criterium valt buiten de looptijd."),
    Rule("PT402", "advice", "Een mijlpaal is nog gepland terwijl de datum voorbij de peildatum is."),
    Rule("PT403", "advice", "Naar een partij verwijst geen enkel item."),
    Rule("PT404", "advice", "Een meting heeft geen meetdatum, of de meetdatum ligt meer dan 365 dagen voor de peildatum."),
)

RULES_BY_CODE: dict[str, Rule] = {rule.code: rule for rule in RULES}
