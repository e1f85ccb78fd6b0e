"""What Sphinx offers no public API for, in one place: whether conf.py set a value, the warnings' label.

Written for Sphinx 9.0; ``tests/test_theme_default.py`` fails when an upgrade
changes what this relies on.
"""

from __future__ import annotations

import logging

from sphinx.config import Config
from sphinx.util.logging import SphinxWarningLogRecord

from .pin import Pin

#: The Sphinx versions (major, minor) this module was written for.
WRITTEN_FOR = ((9, 0),)
#: The release checked at start-up (``upstream.check_versions``), as pyproject.toml pins it.
PIN = Pin("sphinx", "9.0.4", "sphinx")


def set_by_programme(config: Config, name: str) -> bool:
    """Whether conf.py or ``-D`` gave ``name`` a value, even one equal to the default.

    Sphinx has no public question for this: the value alone cannot tell an
    explicit ``html_theme = "alabaster"`` from no ``html_theme`` at all. The
    values read from conf.py are kept in ``Config._raw_config``; the ``-D``
    values in the public ``Config.overrides``.
    """
    raw = getattr(config, "_raw_config", None)
    if not isinstance(raw, dict):
        # A Sphinx that keeps conf.py's values elsewhere: "set", so a programme's choice is never overruled.
        return True
    return name in raw or name in config.overrides



class _ErrorRecord(SphinxWarningLogRecord):
    """A warning record whose console label is ``FOUT:``, as advice reads ``ADVIES:``."""

    prefix = "FOUT: "  # type: ignore[assignment]


class ErrorLabel(logging.Filter):
    """Labels a warning (it fails a ``-W`` build) ``FOUT:`` instead of Sphinx's English ``WARNING:``.

    Sphinx writes the label from its record class (``SphinxWarningLogRecord.prefix``,
    a property), which its ``WarningLogRecordTranslator`` filter sets; it has no
    setting for it. So this filter comes after that one on the warning handler.
    Errors (``logger.error``) keep ``ERROR:``.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if type(record) is SphinxWarningLogRecord and record.levelno == logging.WARNING:
            record.__class__ = _ErrorRecord
        return True
