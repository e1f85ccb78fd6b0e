"""The programme settings the checks read, validated with a Dutch message instead of a traceback."""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ConfigError

from ..rules import RULES_BY_CODE, SEVERITY_SETTINGS
from .common import CheckContext, parse_date


def severity_overrides(value: Any) -> dict[str, str]:
    """``policy_trace_severity`` as a dict of code to ``error``/``advice``/``off``."""
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise ConfigError(
            "policy_trace_severity moet een dict zijn, bijvoorbeeld "
            f'{{"PT203": "error", "PT301": "off"}}; nu is het: {value!r}.'
        )
    result = {}
    for code, severity in value.items():
        if code not in RULES_BY_CODE:
            raise ConfigError(
                f"policy_trace_severity noemt een onbekende regel {code!r}; "
                f"bekend zijn: {', '.join(RULES_BY_CODE)}."
            )
        if severity not in SEVERITY_SETTINGS:
            raise ConfigError(
                f"policy_trace_severity geeft regel {code} de ernst {severity!r}; "
                f"kies uit: {', '.join(SEVERITY_SETTINGS)}."
            )
        result[code] = severity
    return dict(sorted(result.items()))


def programme_period(value: Any) -> tuple[date, date] | None:
    """``policy_trace_period`` as two dates, or ``None`` when the programme set none."""
    if value is None:
        return None
    if not isinstance(value, (tuple, list)) or len(value) != 2:
        raise ConfigError(
            'policy_trace_period moet twee datums zijn: ("JJJJ-MM-DD", "JJJJ-MM-DD"); '
            f"nu is het: {value!r}."
        )
    start, end = (_as_date(part, "policy_trace_period") for part in value)
    if end < start:
        raise ConfigError(
            f"policy_trace_period eindigt ({end.isoformat()}) voordat het begint ({start.isoformat()}); "
            "zet de begindatum eerst."
        )
    return start, end


def reference_date(value: Any, environ: Mapping[str, str] | None = None) -> date:
    """The peildatum: ``policy_trace_reference_date``, else ``SOURCE_DATE_EPOCH``, else today."""
    if value is not None:
        return _as_date(value, "policy_trace_reference_date")
    environ = os.environ if environ is None else environ
    epoch = environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), tz=UTC).date()
        except (ValueError, OverflowError, OSError):
            raise ConfigError(
                f"SOURCE_DATE_EPOCH moet een aantal seconden sinds 1970 zijn; nu is het: {epoch!r}."
            ) from None
    return date.today()


def _as_date(value: Any, setting: str) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    parsed = parse_date(value) if isinstance(value, str) else None
    if parsed is None:
        raise ConfigError(
            f"{setting}: {value!r} is geen bestaande datum; schrijf datums als \"JJJJ-MM-DD\", "
            'bijvoorbeeld "2014-09-26".'
        )
    return parsed


def context_from_config(config: Config) -> CheckContext:
    """The check context of a build's configuration."""
    return CheckContext(
        reference_date=reference_date(config.policy_trace_reference_date),
        period=programme_period(config.policy_trace_period),
    )


def validate(app: Sphinx, config: Config) -> None:
    """Stop the build at start with a clear message when a setting is wrong (``config-inited``)."""
    severity_overrides(config.policy_trace_severity)
    context_from_config(config)
