"""Versioned publication: every version at a fixed path, a list of versions, a root page.

``policy-trace publish --version 1.1 --status vastgesteld UIT`` puts a build at
``UIT/1.1/``; an adopted (``vastgesteld``) version is never overwritten.
Without ``--version`` the build is the working version, ``UIT/werkversie/``.
``UIT/versions.json`` lists every version and ``UIT/index.html`` points to the
latest adopted one (the Logius/ReSpec pattern: a fixed address per version and
one for the latest). This module holds what is decided and written; the
command (``commands/publish.py``) runs the build.
"""

from __future__ import annotations

import html
import json
import re
import urllib.parse
from dataclasses import asdict, dataclass
from pathlib import Path

from . import model
from .dates import dutch_date, parse_iso

VERSIONS_FILE = "versions.json"
ROOT_PAGE = "index.html"
WORKING = "werkversie"
#: A version adopted by its board: the status an item has when it is adopted (model.Status roles).
ADOPTED = model.status_of("adopted")
#: A version names a folder: digits, letters, dots and dashes (``1.1``, ``2024-1``, ``1.0-rc1``).
VERSION_PATTERN = re.compile(r"[0-9A-Za-z][0-9A-Za-z.-]*")
#: Longer than any version number people write, far below what a file system allows in one name.
VERSION_MAX = 64
#: The file in every version folder publish wrote: it replaces only folders that carry it.
MARKER = ".policy-trace-publish"


class PublishError(ValueError):
    """A publication we refuse; the message says why and what to do, in Dutch."""


@dataclass(frozen=True)
class Version:
    """One published version: its name, status, date (ISO) and folder (relative to UIT, ending in /)."""

    version: str
    status: str
    date: str
    path: str

    @property
    def adopted(self) -> bool:
        return is_adopted(self.status)


def is_adopted(status: str) -> bool:
    """Whether a status means adopted: ``vastgesteld`` however it is capitalised or spaced."""
    return status.strip().casefold() == ADOPTED


def canonical_status(status: str | None) -> str:
    """The status as published: ``Vastgesteld`` becomes ``vastgesteld``; none is the working version."""
    if status is None or not status.strip():
        return WORKING
    return ADOPTED if is_adopted(status) else status.strip()


def _order(version: str) -> tuple[int, tuple[tuple[int, object], ...]]:
    # 1.10 after 1.9; the working version last.
    if version == WORKING:
        return (1, ())
    parts = re.split(r"[.-]", version)
    return (0, tuple((0, int(p)) if p.isdigit() else (1, p) for p in parts))


def read_versions(out: Path) -> list[Version]:
    """The versions listed in ``UIT/versions.json`` (none if it does not exist yet)."""
    return read_versions_file(out / VERSIONS_FILE)


def read_versions_file(path: Path) -> list[Version]:
    """The versions listed in a ``versions.json`` (none if it does not exist)."""
    if not path.exists():
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        versions = [
            Version(str(v["version"]), str(v["status"]), str(v["date"]), str(v["path"]))
            for v in data["versions"]
        ]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise PublishError(
            f"{path} is geen lijst van versies van policy-trace ({error}); herstel of verwijder het bestand."
        ) from None
    for version in versions:
        # The path becomes a link on the root page and in every banner: only a version's own folder,
        # never a URL (``javascript:``) or a folder elsewhere.
        if version.path != f"{version.version}/" or not _is_folder_name(version.version):
            raise PublishError(
                f"{path} noemt bij versie {version.version} de map {version.path!r}; policy-trace publish "
                f"schrijft daar altijd '<versie>/' (hier {version.version + '/'!r}). Herstel het bestand of "
                "verwijder het (publish maakt het opnieuw)."
            )
    return versions


def _is_folder_name(version: str) -> bool:
    return version == WORKING or (len(version) <= VERSION_MAX and bool(VERSION_PATTERN.fullmatch(version)))


def check_version(version: str | None) -> str:
    """The folder name of a version, or a PublishError if it cannot be one."""
    if version is None:
        return WORKING
    if version == WORKING:
        raise PublishError(
            f"'{WORKING}' is de naam van de werkversie; laat --version weg om die te publiceren."
        )
    if len(version) > VERSION_MAX:
        raise PublishError(
            f"versie '{version[:10]}…' is te lang ({len(version)} tekens); een versienummer heeft "
            f"hoogstens {VERSION_MAX} tekens, bijvoorbeeld 1.1 of 2025-2."
        )
    if not VERSION_PATTERN.fullmatch(version):
        raise PublishError(
            f"versie '{version}' kan geen mapnaam zijn; gebruik cijfers, letters, punten en streepjes, "
            "bijvoorbeeld 1.1."
        )
    return version


def refuse_foreign_root(out: Path) -> None:
    """Raise if ``UIT`` holds a root page publish did not write: it would replace it with its own."""
    if (out / ROOT_PAGE).exists() and not (out / VERSIONS_FILE).is_file():
        raise PublishError(
            f"in {out} staat al een {ROOT_PAGE} zonder {VERSIONS_FILE}: die is niet door policy-trace "
            "publish gemaakt, en publish zou haar vervangen. Kies een lege map (of een map met eerdere "
            "versies van publish) voor UIT."
        )


def check_status(name: str, status: str) -> None:
    """Raise if the working version would be adopted: it is replaced by every later publication."""
    if name == WORKING and is_adopted(status):
        raise PublishError(
            f"een werkversie is nooit vastgesteld; geef het versienummer met --version, bijvoorbeeld "
            f"--version 1.0 --status {ADOPTED}."
        )


def refuse_overwrite(out: Path, versions: list[Version], name: str) -> None:
    """Raise if ``UIT/name`` is adopted (never overwritten) or a folder publish did not write."""
    listed = next((v for v in versions if v.version == name), None)
    folder = out / name
    on_disk = _status_on_disk(folder)
    if (listed is not None and listed.adopted) or (on_disk is not None and is_adopted(on_disk)):
        raise PublishError(
            f"versie {name} is al vastgesteld gepubliceerd in {folder} en wordt nooit overschreven. "
            "Publiceer de wijzigingen als een nieuwe versie, bijvoorbeeld met --version "
            f"{next_version(name)}."
        )
    # A publication of before the marker is listed in versions.json and carries its versie.json.
    ours = (folder / MARKER).is_file() or (listed is not None and on_disk is not None)
    if (folder.exists() or folder.is_symlink()) and not ours:
        raise PublishError(
            f"de map {folder} bestaat al en is niet door policy-trace publish gemaakt; publish vervangt "
            "alleen mappen die het zelf schreef. Kies een andere versie, of verplaats de map als ze weg mag."
        )


def _status_on_disk(folder: Path) -> str | None:
    try:
        return str(json.loads((folder / "versie.json").read_text(encoding="utf-8")).get("status"))
    except (OSError, ValueError, AttributeError):
        return None


def next_version(version: str) -> str:
    """``1.1`` -> ``1.2``: a suggestion for the next version number."""
    match = re.fullmatch(r"(.*?)(\d+)", version)
    return f"{match[1]}{int(match[2]) + 1}" if match else f"{version}.1"


def with_version(versions: list[Version], new: Version) -> list[Version]:
    """The list after publishing ``new`` (replacing an unadopted entry of the same name), in order."""
    kept = [v for v in versions if v.version != new.version]
    return sorted([*kept, new], key=lambda v: _order(v.version))


def latest_adopted(versions: list[Version], other_than: str | None = None) -> Version | None:
    """The highest adopted version (optionally other than one)."""
    adopted = [v for v in versions if v.adopted and v.version != other_than]
    return max(adopted, key=lambda v: _order(v.version)) if adopted else None


def versions_json(versions: list[Version]) -> str:
    """``versions.json``: the latest adopted version and every version, in order."""
    latest = latest_adopted(versions)
    data = {"latest": latest.version if latest else None, "versions": [asdict(v) for v in versions]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _date_words(value: str) -> str:
    day = parse_iso(value)
    return dutch_date(day) if day else value


def version_label(version: Version) -> str:
    """``Versie 1.1 (vastgesteld, 2 december 2026)``; the working version by its name."""
    name = "Werkversie" if version.version == WORKING else f"Versie {version.version}"
    status = "" if version.status == WORKING else f"{version.status}, "
    return f"{name} ({status}{_date_words(version.date)})"


def root_page(title: str, versions: list[Version], head: str = "") -> str:
    """``UIT/index.html``: a small Dutch page pointing to the latest adopted version, then all versions.

    ``head`` is what the site's pages carry in their head besides (``pagehead.standalone_head``).
    """
    esc = html.escape
    latest = latest_adopted(versions)

    def href(version: Version) -> str:
        # A version's own folder, never what a versions.json says its path is (read_versions_file checks).
        return esc(urllib.parse.quote(version.version)) + "/index.html"

    if latest is not None:
        lead = (
            f'<p class="latest">De laatst vastgestelde versie is <a href="{href(latest)}">'
            f"{esc(version_label(latest))}</a>.</p>"
        )
    else:
        lead = "<p>Er is nog geen vastgestelde versie.</p>"
    items = "".join(
        f'<li><a href="{href(v)}">{esc(version_label(v))}</a></li>' for v in reversed(versions)
    )
    return (
        '<!DOCTYPE html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        f"{head}"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}: versies</title>\n"
        "<style>body{font-family:system-ui,sans-serif;max-width:40em;margin:2em auto;padding:0 1em;"
        "line-height:1.5;color:#1a1a1a;background:#fff}a{color:#0b4f8a}</style>\n"
        "</head>\n<body>\n<main>\n"
        f"<h1>{esc(title)}</h1>\n{lead}\n<h2>Alle versies</h2>\n<ul>{items}</ul>\n"
        "</main>\n</body>\n</html>\n"
    )
