"""Progress computed from a criterion's numbers, and the judgement that follows, with its rule.

Pure functions over text and dates, so every step can be tested on its own:
:func:`parse_quantity` reads a value as a number and its unit,
:func:`assess` compares baseline, target and the measurements with the time
from the start of the programme to the deadline. Nothing is computed from
text that is not a number, or from numbers in different units: the
assessment then says why in words (a number is never invented).

The rule, written out for readers in :data:`RULE`: a criterion is *op koers*
when the share of the way from nulmeting to streefwaarde that its latest
measurement has come is at least the share of the time from the start of the
looptijd to the deadline that had passed on the day it was measured.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from . import model

#: The rule by which the judgement follows from the numbers, in the words the site shows.
RULE = (
    "Op koers als het deel van de weg van nulmeting naar streefwaarde dat de laatste meting "
    "heeft afgelegd minstens even groot is als het deel van de tijd van het begin van de looptijd "
    "tot de deadline dat op de meetdatum voorbij was; anders achter op schema (risico). Behaald als de "
    "streefwaarde is bereikt; niet behaald als ze bij een meting na de deadline nog niet is bereikt."
)

# A number as Dutch authors type it: 12, -3, 12,5, 12.5, 1.250 (thousands), 1.250,5; a unit may follow.
_NUMBER = re.compile(r"\s*([+\-\u2212]?)(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?)\s*(.*?)\s*")


@dataclass(frozen=True)
class Quantity:
    """A number and its unit (``""`` when none is written or declared)."""

    number: float
    unit: str


def parse_quantity(text: str, unit: str = "") -> Quantity | None:
    """``75%`` -> (75, ``%``); ``12,5`` with unit ``km`` -> (12.5, ``km``); text that is no number -> None.

    A bare number is in the criterion's declared ``unit``; a number followed
    by words is in those words (``8 minuten``).
    """
    match = _NUMBER.fullmatch(text or "")
    if match is None:
        return None
    sign, digits, suffix = match.groups()
    if "." in digits and "," in digits or re.fullmatch(r"\d{1,3}(?:\.\d{3})+", digits):
        digits = digits.replace(".", "")  # a Dutch thousands separator
    number = float(digits.replace(",", "."))
    if sign:
        number = -number
    suffix = suffix.strip()
    if suffix and not suffix[0].isalpha() and suffix not in ("%", "\u2030"):
        return None  # "3 - 5", "10/20": a range or a ratio, not one number
    return Quantity(number, suffix.casefold() if suffix else unit.strip().casefold())


@dataclass(frozen=True)
class Assessment:
    """What the numbers say about a criterion, or why they say nothing."""

    #: A criterion status (behaald, op_koers, risico, niet_behaald), or None when nothing follows.
    judgement: str | None
    #: One Dutch sentence: the judgement with its figures, or why nothing can be computed.
    reason: str
    #: The share of the way from nulmeting to streefwaarde (1.0 = there), if computable.
    progress: float | None = None
    #: The share of the time from the start to the deadline on the measuring day, if computable.
    elapsed: float | None = None
    #: The day of the measurement judged.
    as_of: date | None = None


def percent(share: float) -> str:
    """``0.3`` -> ``30 %`` (Dutch writes a space before the sign)."""
    return f"{round(share * 100)} %".replace("-", "\u2212")


def _not_a_number(name: str, value: str) -> Assessment:
    return Assessment(None, f"de {name} '{value}' is tekst, geen getal: de voortgang is niet uit te rekenen.")


def assess(
    nulmeting: str,
    streefwaarde: str,
    measurements: Sequence[tuple[str, date | None]],
    *,
    unit: str = "",
    deadline: date | None = None,
    start: date | None = None,
) -> Assessment:
    """The judgement of the latest of ``measurements`` (value, date; oldest first).

    ``start`` is the start of the looptijd; with ``deadline`` it gives the share of the time.
    """
    if not measurements:
        return Assessment(None, "nog niet gemeten.")
    value, as_of = measurements[-1]
    named = (("nulmeting", nulmeting), ("streefwaarde", streefwaarde), ("meting", value))
    quantities = []
    for name, text in named:
        if not text:
            return Assessment(None, f"er is geen {name}: de voortgang is niet uit te rekenen.")
        quantity = parse_quantity(text, unit)
        if quantity is None:
            return _not_a_number(name, text)
        quantities.append(quantity)
    baseline, target, measured = quantities
    units = {q.unit for q in quantities}
    if len(units) > 1:
        listed = ", ".join(f"{name} '{text}'" for name, text in named)
        return Assessment(
            None, f"de waarden hebben niet dezelfde eenheid ({listed}): de voortgang is niet uit te rekenen."
        )
    if target.number == baseline.number:
        return Assessment(None, "nulmeting en streefwaarde zijn gelijk: er is geen weg om af te leggen.")
    progress = (measured.number - baseline.number) / (target.number - baseline.number)
    way = f"{percent(progress)} van de weg"
    if progress >= 1:
        reached = f"behaald: de streefwaarde is bereikt ({way})."
        return Assessment(model.status_of("achieved"), reached, progress, None, as_of)
    if as_of is None:
        return Assessment(
            None, f"{way}, maar de meting heeft geen datum: niet te zeggen of dat op schema is.", progress
        )
    if deadline is None:
        return Assessment(
            None,
            f"{way}, maar er is geen deadline: niet te zeggen of dat op schema is.",
            progress,
            None,
            as_of,
        )
    if as_of > deadline:
        return Assessment(
            model.status_of("missed"),
            f"niet behaald: {way} bij een meting na de deadline.",
            progress,
            1.0,
            as_of,
        )
    if start is None or start >= deadline:
        return Assessment(
            None,
            f"{way}, maar zonder begin van de looptijd (voor de deadline) is niet te zeggen of dat "
            "op schema is.",
            progress,
            None,
            as_of,
        )
    elapsed = min(1.0, max(0.0, (as_of - start).days / (deadline - start).days))
    time = f"{percent(elapsed)} van de tijd"
    if progress >= elapsed:
        on_time = f"op schema: {way} na {time}."
        return Assessment(model.status_of("on_track"), on_time, progress, elapsed, as_of)
    behind = f"achter op schema: {way} na {time}."
    return Assessment(model.status_of("at_risk"), behind, progress, elapsed, as_of)


__all__ = ["RULE", "Assessment", "Quantity", "assess", "parse_quantity", "percent"]
