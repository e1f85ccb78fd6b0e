"""The programme settings the checks read, validated with a Dutch message instead of a traceback.

A wrong setting is a ``policy.config`` warning (so ``-W`` fails) and is
replaced by its default for this build, so the rest is still checked.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging

from . import model, vocabulary
from .dates import build_date, parse_iso
from .findings import WARNING_TYPE
from .koppelingen import setting_problems
from .outcome import SEVERITY_SETTINGS, CheckContext
from .rules import RULES_BY_CODE

logger = logging.getLogger(__name__)


class SettingError(ValueError):
    """A programme setting that cannot be used; its message says why, in Dutch."""


@dataclass(frozen=True)
class CheckSettings:
    """The validated settings of one build."""

    context: CheckContext
    overrides: Mapping[str, str]


def severity_overrides(value: Any) -> dict[str, str]:
    """``policy_trace_severity`` as a dict of code to ``error``/``advice``/``off``; raises SettingError."""
    overrides, problems = _severity_overrides(value)
    if problems:
        raise SettingError(problems[0])
    return overrides


def _severity_overrides(value: Any) -> tuple[dict[str, str], list[str]]:
    if value is None:
        return {}, []
    if not isinstance(value, Mapping):
        return {}, [
            "policy_trace_severity moet een dict zijn, bijvoorbeeld "
            f'{{"PT203": "error", "PT301": "off"}}; nu is het: {value!r}.'
        ]
    result, problems = {}, []
    for code, severity in value.items():
        if code not in RULES_BY_CODE:
            problems.append(
                f"policy_trace_severity noemt een onbekende regel {code!r}; "
                f"bekend zijn: {', '.join(RULES_BY_CODE)}."
            )
        elif severity not in SEVERITY_SETTINGS:
            problems.append(
                f"policy_trace_severity geeft regel {code} de ernst {severity!r}; "
                f"kies uit: {', '.join(SEVERITY_SETTINGS)}."
            )
        else:
            result[code] = severity
    return dict(sorted(result.items())), problems


def programme_period(value: Any, example: date | None = None) -> tuple[date, date] | None:
    """``policy_trace_period`` as two dates, or ``None`` when the programme set none; raises SettingError."""
    if value is None:
        return None
    if not isinstance(value, (tuple, list)) or len(value) != 2:
        raise SettingError(
            f'policy_trace_period moet twee datums zijn: ("JJJJ-MM-DD", "JJJJ-MM-DD"); nu is het: {value!r}.'
        )
    start, end = (_as_date(part, "policy_trace_period", example) for part in value)
    if end < start:
        raise SettingError(
            f"policy_trace_period eindigt ({end.isoformat()}) voordat het begint ({start.isoformat()}); "
            "zet de begindatum eerst."
        )
    return start, end


def reference_date(value: Any, example: date | None = None) -> date:
    """The peildatum: ``policy_trace_reference_date``, else ``SOURCE_DATE_EPOCH``, else today."""
    if value is not None:
        return _as_date(value, "policy_trace_reference_date", example)
    try:
        return build_date()
    except ValueError as error:
        raise SettingError(str(error)) from None


def _as_date(value: Any, setting: str, example: date | None) -> date:
    parsed = parse_iso(value)
    if parsed is None:
        # The example is a date of this programme (its start, else its peildatum), never a fixed one.
        shown = (example or _today()).isoformat()
        raise SettingError(
            f'{setting}: {value!r} is geen bestaande datum; schrijf datums als "JJJJ-MM-DD", '
            f'bijvoorbeeld "{shown}".'
        )
    return parsed


def _today() -> date:
    try:
        return build_date()
    except ValueError:
        return date.today()


def read_settings(config: Config) -> tuple[CheckSettings, list[str]]:
    """The settings of a build, each wrong one replaced by its default, and what was wrong.

    :func:`validate` warns about what was wrong, once, at ``config-inited``; a build reads the
    settings once, through ``state.settings_of_build``.
    """
    problems: list[str] = []
    overrides, severity_problems = _severity_overrides(config.policy_trace_severity)
    problems.extend(severity_problems)
    # Each date's example comes from the other setting where that one is right.
    given_reference = parse_iso(config.policy_trace_reference_date)
    try:
        period = programme_period(config.policy_trace_period, given_reference)
    except SettingError as error:
        problems.append(f"{error} De looptijd wordt nu niet gecontroleerd (PT401).")
        period = None
    try:
        peildatum = reference_date(config.policy_trace_reference_date, period[0] if period else None)
    except SettingError as error:
        peildatum = date.today()
        problems.append(f"{error} Als peildatum geldt nu vandaag, {peildatum.isoformat()}.")
    problems.extend(setting_problems(config.policy_trace_programme_id, config.policy_trace_koppelingen))
    return CheckSettings(CheckContext(peildatum, period), overrides), problems


def validate_environment(app: Sphinx, config: Config) -> None:
    """Warn about a ``SOURCE_DATE_EPOCH`` that is no number of seconds, and set it aside (``config-inited``).

    Sphinx itself reads the variable with ``int()`` in its own ``config-inited``
    handler (the copyright year, priority 800) and would end the build in a
    traceback; this runs first, says what is wrong in Dutch, and removes the
    unusable value from this process so the build goes on with today's date.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is None:
        return
    try:
        build_date()
    except ValueError:
        del os.environ["SOURCE_DATE_EPOCH"]
        logger.warning(
            "omgevingsvariabele SOURCE_DATE_EPOCH: %r is geen aantal seconden sinds 1970; deze build "
            "gebruikt de datum van vandaag. Oplossing: zet SOURCE_DATE_EPOCH op een geheel getal, "
            "bijvoorbeeld met SOURCE_DATE_EPOCH=$(git log -1 --format=%%ct), of haal de variabele weg.",
            epoch,
            type=WARNING_TYPE,
            subtype="config",
        )


def validate(app: Sphinx, config: Config) -> None:
    """Warn, once per build and before reading, about every wrong policy_trace setting (``config-inited``)."""
    for problem in read_settings(config)[1]:
        logger.warning("conf.py: %s", problem, type=WARNING_TYPE, subtype="config")


def conf_location(app: Sphinx, name: str) -> str:
    """``conf.py:12`` where conf.py sets ``name``; ``conf.py`` when it cannot be found."""
    path = Path(app.confdir, "conf.py")
    if path.is_file():
        pattern = re.compile(rf"\s*{re.escape(name)}\s*=")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if pattern.match(line):
                return f"conf.py:{number}"
    return "conf.py"


def validate_vocabulary(app: Sphinx, config: Config) -> None:
    """``config-inited``: a Dutch warning at conf.py for each wrong value list or programme noun, which
    then takes its default.

    Runs before Sphinx's own type check (800), which would add an English
    message about the same value.
    """
    defaults = {s.name: s.default for s in model.SETTINGS}
    for name, problem in vocabulary.read(config)[1]:
        logger.warning("%s: %s", conf_location(app, name), problem, type=WARNING_TYPE, subtype="config")
        config[name] = defaults[name]
