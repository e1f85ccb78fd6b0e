"""Dates the programme is judged and published on: the peildatum and the build date.

One place for both, so the checks (time rules) and the views (planning,
banner) agree on what "today" means in a build.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime
from typing import Any

MONTHS_NL: tuple[str, ...] = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def parse_iso(value: object) -> date | None:
    """The date of an ISO ``YYYY-MM-DD`` string, or None if it is not a real date."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or len(value.strip()) != 10:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        return None


def build_date() -> date:
    """The date of this build: ``SOURCE_DATE_EPOCH`` if set (reproducible builds), else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return date.today()


def reference_date(config: Any) -> date:
    """The peildatum: ``policy_trace_reference_date`` if it is a date, else the build date."""
    return parse_iso(getattr(config, "policy_trace_reference_date", None)) or build_date()


def dutch_date(value: date) -> str:
    """A date as Dutch readers write it: ``26 september 2014``."""
    return f"{value.day} {MONTHS_NL[value.month - 1]} {value.year}"
