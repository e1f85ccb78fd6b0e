"""Dates the programme is judged and published on: the peildatum and the build date.

One place for both, so the checks (time rules) and the views (planning,
banner) agree on what "today" means in a build.
"""

from __future__ import annotations

import os
import re
from datetime import UTC, date, datetime

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


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_iso(value: object) -> date | None:
    """The date of a strict ISO ``YYYY-MM-DD`` string (or a date), or None if it is not a real date."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value.strip()):
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        return None


def build_date() -> date:
    """The date of this build: ``SOURCE_DATE_EPOCH`` if set (reproducible builds), else today.

    Raises ValueError, with a Dutch message, for a SOURCE_DATE_EPOCH that is no number of seconds.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return date.today()
    try:
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    except (ValueError, OverflowError, OSError):
        raise ValueError(
            f"SOURCE_DATE_EPOCH moet een aantal seconden sinds 1970 zijn; nu is het: {epoch!r}."
        ) from None


def build_moment() -> datetime:
    """The moment of this build in UTC, to the second: ``SOURCE_DATE_EPOCH`` if set, else now.

    Raises ValueError like :func:`build_date`.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return datetime.now(tz=UTC).replace(microsecond=0)
    try:
        return datetime.fromtimestamp(int(epoch), tz=UTC)
    except (ValueError, OverflowError, OSError):
        raise ValueError(
            f"SOURCE_DATE_EPOCH moet een aantal seconden sinds 1970 zijn; nu is het: {epoch!r}."
        ) from None


def dutch_date(value: date) -> str:
    """A date as Dutch readers write it: ``26 september 2014``."""
    return f"{value.day} {MONTHS_NL[value.month - 1]} {value.year}"


def import_sphinx_builders_despite_a_bad_epoch() -> None:
    """Load Sphinx's gettext builder with an unusable ``SOURCE_DATE_EPOCH`` set aside for a moment.

    Why: that module reads the variable with ``float()`` when it is imported,
    which Sphinx does while it starts, before any extension can run; a value
    like ``abc`` would end every build in a traceback. Loaded here first, the
    build gets as far as our ``config-inited`` check, which says in Dutch what
    is wrong (:func:`policy_trace.settings.validate_environment`).
    """
    epoch = unusable_epoch()
    if epoch is None:
        return
    del os.environ["SOURCE_DATE_EPOCH"]
    try:
        import sphinx.builders.gettext  # noqa: F401
    finally:
        os.environ["SOURCE_DATE_EPOCH"] = epoch


def unusable_epoch() -> str | None:
    """The value of ``SOURCE_DATE_EPOCH`` when it is set but is no number of seconds, else None."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is None:
        return None
    try:
        build_date()
    except ValueError:
        return epoch
    return None
