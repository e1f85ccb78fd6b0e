"""Compare a build with the last publication (``policy_trace_previous``): what was added, removed
and changed, and which items must be reviewed (*te herzien*) because an item they link to changed.

Both sides are reduced to a *snapshot* per item: its title, text, status,
tags, every field and every link option of the model, as plain strings. The
comparison, the fingerprints and the suspect items are pure functions of two
snapshots, so two builds of the same input write the same ``changes.json``.
Reading the last publication and writing the files: ``publication``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from . import model
from .items import Item, Programme

#: The names of a snapshot besides fields and links, in the order the page shows them.
BASE_NAMES: tuple[str, ...] = ("title", "content", "status", "tags")
#: Changing these does not make the items that link here suspect: they are the item's state or
#: its own bookkeeping (waivers, reviews), not what others rely on.
NOT_SUBSTANTIVE: frozenset[str] = frozenset(("status", "tags", *model.ITEM_FIELD_NAMES))
#: The review of a removed item (its fingerprint).
REMOVED = "verwijderd"
#: Length of a fingerprint in hex digits: short enough to type, long enough not to collide by chance.
FINGERPRINT_LENGTH = 8

Snapshot = Mapping[str, str]


def _joined(values: tuple[str, ...]) -> str:
    return ", ".join(value.strip() for value in values if value.strip())


def snapshot(item: Item) -> dict[str, str]:
    """One item as the names it can change by: title, text, status, tags, its fields and links."""
    item_type = model.TYPES_BY_NAME.get(item.type)
    values = {
        "title": item.title.strip(),
        "content": item.body.strip(),
        "status": item.status,
        "tags": _joined(item.tags),
        **{name: value.strip() for name, value in item.fields.items()},
        **{name: _joined(targets) for name, targets in item.links.items()},
    }
    names = [
        *BASE_NAMES,
        *(f.name for f in (item_type.fields if item_type else ())),
        *model.ITEM_FIELD_NAMES,
        *model.LINK_NAMES,
    ]
    result = {"type": item.type.strip()}
    for name in names:
        if values.get(name):
            result[name] = values[name]
    return result


def fingerprint(snap: Snapshot | None) -> str:
    """A short, stable hash of what others rely on in an item: all but :data:`NOT_SUBSTANTIVE`."""
    if snap is None:
        return REMOVED
    relied_on = {name: value for name, value in snap.items() if name not in NOT_SUBSTANTIVE}
    text = json.dumps(relied_on, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:FINGERPRINT_LENGTH]


@dataclass(frozen=True)
class Publication:
    """The publication compared with: its version, status and date as its banner named them."""

    version: str
    status: str
    date: str | None


@dataclass(frozen=True)
class ItemChange:
    """One item in both builds whose title, text, status, tags, a field or a link changed."""

    id: str
    type: str
    #: The names that changed (``title``, ``content``, a field or link name), in snapshot order.
    names: tuple[str, ...]
    old: tuple[tuple[str, str], ...]
    new: tuple[tuple[str, str], ...]

    @property
    def substantive(self) -> tuple[str, ...]:
        """The changed names that make linking items suspect."""
        return tuple(name for name in self.names if name not in NOT_SUBSTANTIVE)


@dataclass(frozen=True)
class Changes:
    """The comparison of this build with the last publication (picklable: kept on the environment)."""

    previous: Publication
    #: Added items: (id, type, title), sorted by ID.
    added: tuple[tuple[str, str, str], ...]
    #: Removed items: (id, type, title), sorted by ID.
    removed: tuple[tuple[str, str, str], ...]
    changed: tuple[ItemChange, ...]
    #: Per changed or removed item that makes linking items suspect: its current fingerprint.
    fingerprints: tuple[tuple[str, str], ...]

    def fingerprint_of(self, item_id: str) -> str | None:
        """The fingerprint a review of ``item_id`` must name, if that item makes others suspect."""
        return dict(self.fingerprints).get(item_id)

    def change_of(self, item_id: str) -> ItemChange | None:
        return next((c for c in self.changed if c.id == item_id), None)


def compare(
    previous: Mapping[str, Snapshot], current: Mapping[str, Snapshot], publication: Publication
) -> Changes:
    """What changed from ``previous`` to ``current`` (snapshots by ID)."""
    added = tuple(
        (i, current[i]["type"], current[i].get("title", "")) for i in sorted(current.keys() - previous)
    )
    removed = tuple(
        (i, previous[i]["type"], previous[i].get("title", "")) for i in sorted(previous.keys() - current)
    )
    changed = []
    for item_id in sorted(current.keys() & previous.keys()):
        old, new = previous[item_id], current[item_id]
        order = [*dict.fromkeys([*old, *new])]
        names = tuple(n for n in _ordered(order) if n != "type" and old.get(n, "") != new.get(n, ""))
        if names:
            changed.append(
                ItemChange(
                    item_id,
                    new["type"],
                    names,
                    tuple((n, old.get(n, "")) for n in names),
                    tuple((n, new.get(n, "")) for n in names),
                )
            )
    fingerprints = [(c.id, fingerprint(current[c.id])) for c in changed if c.substantive]
    fingerprints += [(item_id, REMOVED) for item_id, _type, _title in removed]
    return Changes(publication, added, removed, tuple(changed), tuple(sorted(fingerprints)))


def _ordered(names: Iterable[str]) -> list[str]:
    # Title and text first, then status and tags, then fields and links in the model's order.
    rank = {name: number for number, name in enumerate((*BASE_NAMES, *_MODEL_NAMES))}
    return sorted(names, key=lambda n: (rank.get(n, len(rank)), n))


_MODEL_NAMES: tuple[str, ...] = tuple(
    dict.fromkeys(
        [
            *(f.name for t in model.ITEM_TYPES for f in t.fields),
            *model.ITEM_FIELD_NAMES,
            *model.LINK_NAMES,
        ]
    )
)


# --- reviews and suspect items ----------------------------------------------------------------


def reviews(value: str) -> tuple[dict[str, str], list[str]]:
    """``herzien``: ``ID@vingerafdruk`` entries by ID, and the entries written wrongly."""
    result: dict[str, str] = {}
    wrong = []
    for part in (p.strip() for p in value.split(",")):
        if not part:
            continue
        item_id, at, mark = part.partition("@")
        if not at or not item_id.strip() or not mark.strip() or " " in part:
            wrong.append(part)
            continue
        result[item_id.strip()] = mark.strip()
    return result, wrong


@dataclass(frozen=True)
class Suspect:
    """An item that links to a changed or removed item and has not recorded a review of it."""

    id: str
    #: The changed or removed item, the link options that point to it, and its fingerprint.
    cause: str
    links: tuple[str, ...]
    fingerprint: str


def suspects(programme: Programme, changes: Changes) -> dict[str, tuple[Suspect, ...]]:
    """Per suspect item (by ID, sorted), what makes it suspect, in order of the linked IDs."""
    marks = dict(changes.fingerprints)
    result: dict[str, tuple[Suspect, ...]] = {}
    for item in programme:
        reviewed, _wrong = reviews(item.fields.get("herzien", ""))
        links_to: dict[str, list[str]] = {}
        for link, targets in item.links.items():
            for target in targets:
                if target in marks and target != item.id:
                    links_to.setdefault(target, []).append(link)
        own = tuple(
            Suspect(item.id, target, tuple(links), marks[target])
            for target, links in sorted(links_to.items())
            if reviewed.get(target) != marks[target]
        )
        if own:
            result[item.id] = own
    return result
