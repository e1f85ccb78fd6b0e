"""A criterion's measurements as a series: its ``meting`` items, or its own single ``meting`` field.

A criterion is measured either by ``meting`` items that point at it with
``meet_voor`` (a series, each with its own date and source), or, for a single
value, by its own ``meting`` and ``meetdatum`` fields. When it has both, the
series wins (rule PT110 says so to the author). The checks (PT303, PT304,
PT404), the dashboard and the item details all read measurements here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .dates import parse_iso
from .items import Item, Programme
from .judgement import Assessment, assess

#: The link by which a measurement names its criterion.
MEASURES = "meet_voor"
#: The item type of one measurement.
MEASUREMENT_TYPE = "meting"


@dataclass(frozen=True)
class Measurement:
    """One measured value of a criterion, and where it is written down."""

    value: str
    #: The date as written (may be empty or not a real date: PT106 and PT404 say so).
    date_text: str
    #: The ``meting`` item, or the criterion itself for its own single ``meting`` field.
    item: Item

    @property
    def date(self) -> date | None:
        return parse_iso(self.date_text)

    @property
    def from_series(self) -> bool:
        """Whether this is a ``meting`` item (not the criterion's own field)."""
        return self.item.type == MEASUREMENT_TYPE


def measurement_items(programme: Programme, criterion: Item) -> list[Item]:
    """The ``meting`` items that measure ``criterion``, sorted by ID."""
    return [m for m in programme.incoming(criterion.id, MEASURES) if m.type == MEASUREMENT_TYPE]


def _sort_key(measurement: Measurement) -> tuple[int, str, str]:
    # Undated measurements first: a dated one is always the more recent claim.
    when = measurement.date
    return (0 if when is None else 1, when.isoformat() if when else "", measurement.item.id)


def series(programme: Programme, criterion: Item) -> tuple[Measurement, ...]:
    """The criterion's measurements, oldest first: its ``meting`` items, else its own field."""
    items = measurement_items(programme, criterion)
    if items:
        found = [Measurement(m.field("waarde"), m.field("datum"), m) for m in items if m.field("waarde")]
    elif criterion.field("meting"):
        found = [Measurement(criterion.field("meting"), criterion.field("meetdatum"), criterion)]
    else:
        found = []
    return tuple(sorted(found, key=_sort_key))


def latest(programme: Programme, criterion: Item) -> Measurement | None:
    """The criterion's latest measurement, if it has any."""
    measured = series(programme, criterion)
    return measured[-1] if measured else None


def has_both(programme: Programme, criterion: Item) -> bool:
    """Whether the criterion has its own ``meting`` field and ``meting`` items as well (PT110)."""
    return bool(criterion.field("meting") or criterion.field("meetdatum")) and bool(
        measurement_items(programme, criterion)
    )


def assessment(programme: Programme, criterion: Item, start: date | None) -> Assessment:
    """What the criterion's numbers say (see :mod:`judgement`), from its series and fields.

    ``start`` is the start of the looptijd (``policy_trace_period``), if set.
    """
    return assess(
        criterion.field("nulmeting"),
        criterion.field("streefwaarde"),
        [(m.value, m.date) for m in series(programme, criterion)],
        unit=criterion.field("eenheid"),
        deadline=parse_iso(criterion.field("deadline")),
        start=start,
    )


__all__ = [
    "MEASUREMENT_TYPE",
    "MEASURES",
    "Measurement",
    "assessment",
    "has_both",
    "latest",
    "measurement_items",
    "series",
]
