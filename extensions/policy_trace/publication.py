"""The files of a publication a later build compares with: the last needs.json and versie.json read,
changes.json and versie.json written (what changed: ``changes``, pure)."""

from __future__ import annotations

import json
from pathlib import Path

from .changes import Changes, Publication, snapshot, suspects
from .items import Programme, item_from_need

CHANGES_FILE = "changes.json"
#: Written at the root of every HTML build: the version, status and date its banner names, so a
#: later build that compares with this one's needs.json knows what it compares with.
VERSION_FILE = "versie.json"


class PreviousError(ValueError):
    """The previous publication cannot be read; the message says why, in Dutch."""


def load_previous(path: Path) -> tuple[dict[str, dict[str, str]], Publication]:
    """The snapshots of a published needs.json and the publication it belongs to."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PreviousError(f"{path} bestaat niet.") from None
    except (OSError, UnicodeDecodeError) as error:
        raise PreviousError(f"{path} kan niet worden gelezen ({error}).") from None
    except json.JSONDecodeError as error:
        raise PreviousError(f"{path} is geen geldige JSON (regel {error.lineno}: {error.msg}).") from None
    try:
        version = data["versions"][data.get("current_version", "")]
        needs = version["needs"]
        snaps = {str(need["id"]): snapshot(item_from_need(need, "")) for need in needs.values()}
    except (KeyError, TypeError, AttributeError, ValueError):
        raise PreviousError(
            f"{path} is geen needs.json van sphinx-needs (er ontbreekt 'versions' met 'needs')."
        ) from None
    return snaps, _publication(path.parent / VERSION_FILE, str(data.get("current_version") or ""))


def _publication(path: Path, fallback_version: str) -> Publication:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Publication(str(data.get("version") or ""), str(data.get("status") or ""), data.get("date"))
    except (OSError, ValueError, AttributeError):
        return Publication(fallback_version, "", None)


def changes_json(changes: Changes, programme: Programme) -> str:
    """``changes.json``: previous version and date, added, removed, changed and suspect, sorted."""
    data = {
        "previous": {"version": changes.previous.version or None, "date": changes.previous.date},
        "added": [item_id for item_id, _type, _title in changes.added],
        "removed": [item_id for item_id, _type, _title in changes.removed],
        "changed": {c.id: list(c.names) for c in changes.changed},
        "suspect": {
            item_id: [s.cause for s in own] for item_id, own in suspects(programme, changes).items()
        },
    }
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def version_json(version: str, status: str, date: str, programme_id: str = "", name: str = "") -> str:
    """``versie.json``: what this build's banner names, and the programme's identity if it has one."""
    data = {"version": version, "status": status, "date": date}
    if programme_id:
        data.update(programme_id=programme_id, name=name)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
