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

from . import deprecation, model, vocabulary
from .dates import build_date, parse_iso, unusable_epoch
from .findings import WARNING_TYPE, Subtype
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
    epoch = unusable_epoch()
    if epoch is None:
        return
    del os.environ["SOURCE_DATE_EPOCH"]
    logger.warning(
        "omgevingsvariabele SOURCE_DATE_EPOCH: %r is geen aantal seconden sinds 1970; deze build "
        "gebruikt de datum van vandaag. Oplossing: zet SOURCE_DATE_EPOCH op een geheel getal, "
        "bijvoorbeeld met SOURCE_DATE_EPOCH=$(git log -1 --format=%%ct), of haal de variabele weg.",
        epoch,
        type=WARNING_TYPE,
        subtype=Subtype.CONFIG.value,
    )


#: How a type reads in a message to an author.
_TYPE_WORDS = {
    str: 'tekst tussen aanhalingstekens ("...")',
    tuple: "een tuple tussen ( )",
    list: "een lijst tussen [ ]",
    dict: "een dict tussen { }",
    type(None): "None",
    date: 'een datum ("JJJJ-MM-DD")',
}
_SETTINGS = {setting.name: setting for setting in model.SETTINGS}


def type_problem(name: str, value: Any) -> str | None:
    """What is wrong with the type of setting ``name`` (a policy_trace_* setting), or None."""
    setting = _SETTINGS.get(name)
    if setting is None or isinstance(value, setting.types) or value is None and setting.default is None:
        return None
    expected = [_TYPE_WORDS[t] for t in setting.types if t in _TYPE_WORDS]
    if setting.default is None and type(None) not in setting.types:
        expected.append("None")
    words = ", ".join(expected[:-1]) + f" of {expected[-1]}" if len(expected) > 1 else expected[0]
    example = f" (bijvoorbeeld {name} = {setting.default!r})" if setting.default not in (None, "", {}) else ""
    return f"{name} moet {words} zijn{example}; nu is het {value!r}."


def validate_types(app: Sphinx, config: Config) -> None:
    """``config-inited``: a setting of the wrong type: one Dutch warning at conf.py:line, then its default.

    Runs before Sphinx's own type check (800), which would add an English message about the same value.
    """
    for setting in model.SETTINGS:
        value = config[setting.name]
        problem = type_problem(setting.name, value)
        if problem is not None:
            config_warning(app, setting.name, f"{problem} Nu geldt de standaardwaarde.")
            config[setting.name] = setting.default


#: The setting each problem of :func:`read_settings` is about, by the start of its text.
_PROBLEM_SETTINGS = (
    "policy_trace_severity", "policy_trace_period", "policy_trace_reference_date",
    "policy_trace_programme_id", "policy_trace_koppelingen",
)


def validate(app: Sphinx, config: Config) -> None:
    """Warn, once per build and before reading, about every wrong policy_trace setting (``config-inited``)."""
    for problem in read_settings(config)[1]:
        name = next((n for n in _PROBLEM_SETTINGS if problem.startswith(n)), "")
        config_warning(app, name, problem)


def config_warning(app: Sphinx, name: str, text: str, subtype: Subtype = Subtype.CONFIG) -> None:
    """A ``policy.config`` warning (or another ``subtype``) about setting ``name``, located at the line of
    conf.py that sets it."""
    where = conf_location(app, name) if name else "conf.py"
    if ":" in where:  # Sphinx puts a location with a line first, as for a page
        logger.warning("%s", text, type=WARNING_TYPE, subtype=subtype.value, location=where)
    else:  # set with -D, or conf.py not found: named in the text
        logger.warning("%s: %s", where, text, type=WARNING_TYPE, subtype=subtype.value)


def apply_deprecated(app: Sphinx, config: Config) -> None:
    """``config-inited``: a deprecated setting conf.py still sets is read as its replacement, with a
    ``policy.deprecated`` warning at its line (before every other handler reads the replacement)."""
    for old in deprecation.declared("setting"):
        value = config[old.name]
        if value is None:
            continue
        default = _SETTINGS[old.replacement].default
        both = config[old.replacement] != default
        if not both and (problem := type_problem(old.replacement, value)) is not None:
            kept = f"{old.name} (afgeschaft, nu {old.replacement}): {problem} Nu geldt de standaardwaarde."
            config_warning(app, old.name, kept)
            continue
        config_warning(app, old.name, deprecation.setting_message(old, both), Subtype.DEPRECATED)
        if not both:
            config[old.replacement] = value


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
        config_warning(app, name, problem)
        config[name] = defaults[name]
