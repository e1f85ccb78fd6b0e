"""An optional ``/.well-known/security.txt`` (RFC 9116) from conf.py, its expiry checked like a waiver.

``policy_trace_security_txt`` gives the fields (at least ``Contact`` and
``Expires``); the build writes the file into the site's ``.well-known``
folder. RFC 9116 asks that the file be kept current: an ``Expires`` before
the day of the build is an error, one within :data:`NEAR_DAYS` days an
advice, each at the line of conf.py. A file whose contact has lapsed tells a
finder of a vulnerability to write to no one.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging

from .dates import build_date, parse_iso
from .findings import WARNING_TYPE, Subtype
from .settings import conf_location

logger = logging.getLogger(__name__)

SETTING = "policy_trace_security_txt"
PATH = Path(".well-known") / "security.txt"
NEAR_DAYS = 30
#: RFC 9116's fields, in the order the file lists them; Contact and Expires are required.
FIELDS = ("Contact", "Expires", "Encryption", "Acknowledgments", "Preferred-Languages", "Canonical",
          "Policy", "Hiring")
REQUIRED = ("Contact", "Expires")
_URI_FIELDS = {"Contact": ("mailto:", "https://", "tel:"), "Encryption": ("https://", "dns:", "openpgp4fpr:"),
               "Acknowledgments": ("https://",), "Canonical": ("https://",), "Policy": ("https://",),
               "Hiring": ("https://",)}


def setup(app: Sphinx) -> dict[str, Any]:
    """Check the fields when conf.py is read; write the file when the site is done."""
    app.connect("config-inited", check_setting, priority=20)
    app.connect("build-finished", write_file)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}


def _values(value: Any) -> list[str]:
    return [str(part) for part in value] if isinstance(value, (list, tuple)) else [str(value)]


def problems(fields: Any, today: date) -> tuple[list[str], list[str]]:
    """Errors and advice about ``policy_trace_security_txt``, as Dutch sentences."""
    if fields is None:
        return [], []
    if not isinstance(fields, Mapping):
        return [f'{SETTING} moet een dict zijn, bijvoorbeeld {{"Contact": "mailto:security@example.nl", '
                f'"Expires": "2027-01-01"}}; nu is het: {fields!r}.'], []
    errors, advice = [], []
    for name in REQUIRED:
        if not fields.get(name):
            errors.append(f"{SETTING} mist {name!r}: RFC 9116 vraagt Contact en Expires.")
    for name, value in fields.items():
        if name not in FIELDS:
            errors.append(f"{SETTING} noemt het veld {name!r}, maar RFC 9116 kent het niet; bekend zijn: "
                          f"{', '.join(FIELDS)}.")
            continue
        for part in _values(value):
            if name in _URI_FIELDS and not part.startswith(_URI_FIELDS[name]):
                errors.append(f"{SETTING}: {name} is {part!r}, maar moet beginnen met "
                              f"{' of '.join(_URI_FIELDS[name])}.")
    expires = fields.get("Expires")
    if expires:
        until = expires if isinstance(expires, date) else parse_iso(str(expires))
        if until is None:
            errors.append(f"{SETTING}: Expires is {expires!r}, maar dat is geen datum in de vorm JJJJ-MM-DD.")
        elif until < today:
            errors.append(f"{SETTING}: Expires {until.isoformat()} is verstreken (de build is van "
                          f"{today.isoformat()}). Controleer of het contact nog klopt en zet een nieuwe "
                          "datum, hooguit een jaar vooruit.")
        elif (until - today).days <= NEAR_DAYS:
            advice.append(f"{SETTING}: Expires {until.isoformat()} verstrijkt binnen {NEAR_DAYS} dagen. "
                          "Controleer het contact en zet een nieuwe datum.")
    return errors, advice


def check_setting(app: Sphinx, config: Config) -> None:
    """``config-inited``: a Dutch error (or advice) at conf.py; a file with an error is not written."""
    errors, advice = problems(config[SETTING], build_date())
    where = conf_location(app, SETTING)
    for problem in errors:
        logger.warning("%s", problem, type=WARNING_TYPE, subtype=Subtype.CONFIG.value, location=where)
    for problem in advice:
        logger.info("ADVIES: %s [%s.config]", problem, WARNING_TYPE, location=where)
    if errors:
        config[SETTING] = None


def text(fields: Mapping[str, Any], canonical: str = "") -> str:
    """The file's text: one ``Name: value`` line per value, Expires as an RFC 3339 moment."""
    lines = []
    for name in FIELDS:
        value = fields.get(name)
        if name == "Canonical" and not value and canonical:
            value = canonical
        if not value:
            continue
        if name == "Expires":
            until = value if isinstance(value, date) else parse_iso(str(value))
            if until is None:  # refused when conf.py was read
                continue
            moment = datetime(until.year, until.month, until.day, 23, 59, 59, tzinfo=UTC)
            lines.append(f"Expires: {moment.strftime('%Y-%m-%dT%H:%M:%SZ')}")
            continue
        lines += [f"{name}: {part}" for part in _values(value)]
    return "\n".join(lines) + "\n"


def write_file(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: ``.well-known/security.txt`` in the site, when conf.py asks for one."""
    fields = app.config[SETTING]
    if exception is not None or not fields or app.builder.format != "html":
        return
    base = str(app.config.html_baseurl or "")
    canonical = f"{base.rstrip('/')}/{PATH.as_posix()}" if base.startswith("https://") else ""
    target = Path(app.outdir) / PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text(fields, canonical), encoding="utf-8")
