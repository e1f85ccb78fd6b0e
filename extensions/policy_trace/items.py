"""A read-only, model-shaped view of all items of a programme.

Checks and views read items through this module rather than through the
sphinx-needs data, so they see the model's names (fields, links) and one
location format, and never mutate a need.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, NamedTuple

from . import model
from .sourcescan import DocumentScan
from .vocabulary import DEFAULT, Vocabulary

#: Everything the views show of an item (compared between builds).
Signature = tuple[object, ...]
#: What the details of the items linked with an item show of it (compared between builds).
Face = tuple[object, ...]
#: The item's outgoing links, as (link name, target ID).
Edges = frozenset[tuple[str, str]]


class ItemRecord(NamedTuple):
    """One item as an incremental build compares it (a tuple: thousands are pickled with the environment)."""

    signature: Signature
    face: Face
    edges: Edges


@dataclass(frozen=True)
class Item:
    """One item as the model sees it."""

    id: str
    type: str
    title: str
    #: Source file relative to the source folder (e.g. ``needs/projecten.md``).
    file: str
    #: Line of the item's opening fence.
    line: int
    status: str
    tags: tuple[str, ...]
    #: The model fields of the item's type that the author set (raw strings).
    fields: Mapping[str, str]
    #: Every link option of the model that the item sets, kept even if its
    #: type does not allow it (the checks report that), as a tuple of IDs.
    links: Mapping[str, tuple[str, ...]]
    docname: str = ""
    #: The type as this programme configures it (its own value lists); None: the model's.
    spec: model.ItemType | None = field(default=None, compare=False, repr=False)
    #: The item's own text (the directive's body), as written.
    body: str = ""

    @property
    def item_type(self) -> model.ItemType | None:
        return self.spec or model.TYPES_BY_NAME.get(self.type)

    @property
    def location(self) -> str:
        return f"{self.file}:{self.line}"

    @property
    def ended(self) -> bool:
        """Vervallen or gestopt: the item no longer goes on (PT408 asks it of a coupled programme's item)."""
        return self.status in model.ENDED_STATUSES

    @property
    def record(self) -> ItemRecord:
        """What the views show of the item, as an incremental build compares it (``views.outdated``):
        all of it, what the details of linked items show of it (the model's ``shown_when_linked``
        fields), and its links."""
        return ItemRecord(
            signature=(
                self.type,
                self.title,
                self.status,
                tuple(sorted(self.fields.items())),
                self.tags,
                tuple(sorted(self.links.items())),
            ),
            # A link to an item reads its title and ID; criteria and milestones add their status and
            # the fields the model shows when linked (see item_details).
            face=(self.type, self.title, self.status, *map(self.field, model.SHOWN_WHEN_LINKED)),
            edges=frozenset((link, target) for link, targets in self.links.items() for target in targets),
        )

    def field(self, name: str) -> str:
        """The field's value, its default from the model if unset, else ``""``."""
        value = self.fields.get(name, "")
        if value == "" and self.item_type and (spec := self.item_type.field(name)) and spec.default:
            return spec.default
        return value


@dataclass(frozen=True)
class Programme:
    """All items, with an index of incoming links."""

    items: Mapping[str, Item]
    _incoming: Mapping[tuple[str, str], tuple[str, ...]] = field(repr=False)
    #: What the source files say, per document in name order: (docname, scans of its files).
    #: The rules about what was typed (PT107-PT109) read it; see ``sourcescan``.
    sources: tuple[tuple[str, DocumentScan], ...] = field(default=(), repr=False)

    @classmethod
    def from_items(
        cls, items: Iterable[Item], sources: Iterable[tuple[str, DocumentScan]] = ()
    ) -> Programme:
        by_id = {item.id: item for item in sorted(items, key=lambda i: i.id)}
        incoming: dict[tuple[str, str], list[str]] = {}
        for item in by_id.values():
            for link, targets in item.links.items():
                for target in targets:
                    incoming.setdefault((target, link), []).append(item.id)
        return cls(
            MappingProxyType(by_id),
            MappingProxyType({key: tuple(sorted(ids)) for key, ids in incoming.items()}),
            tuple(sorted(sources, key=lambda part: part[0])),
        )

    def __iter__(self) -> Iterator[Item]:
        return iter(self.items.values())

    def __len__(self) -> int:
        return len(self.items)

    def get(self, item_id: str) -> Item | None:
        return self.items.get(item_id)

    def of_type(self, *type_names: str) -> list[Item]:
        """Items of these types, sorted by ID."""
        return [item for item in self.items.values() if item.type in type_names]

    def incoming(self, item_id: str, link: str) -> list[Item]:
        """Items whose ``link`` points at ``item_id``, sorted by ID."""
        return [self.items[i] for i in self._incoming.get((item_id, link), ())]

    def outgoing(self, item: Item, link: str) -> list[Item]:
        """Existing items that ``item`` points at with ``link``, in the order given."""
        return [self.items[i] for i in item.links.get(link, ()) if i in self.items]


def _as_tuple(value: Any) -> tuple[str, ...]:
    if not value:
        return ()
    if isinstance(value, str):
        return tuple(part.strip() for part in value.split(",") if part.strip())
    return tuple(map(str.strip, map(str, value)))


def item_from_need(need: Mapping[str, Any], file: str, words: Vocabulary = DEFAULT) -> Item:
    """Build an :class:`Item` from one sphinx-needs need, or one entry of a needs.json (this programme's
    last publication, a coupled programme's copy)."""
    # Every field of the model is kept, also one this programme switched off: PT106 reports it.
    item_type = model.TYPES_BY_NAME.get(need.get("type", ""))
    field_names = {f.name for f in item_type.fields} if item_type else set()
    field_names.update(model.ITEM_FIELD_NAMES)
    fields = {
        name: str(need[name]).strip()
        for name in sorted(field_names)
        if need.get(name) not in (None, "")
    }
    links = {name: _as_tuple(need.get(name)) for name in model.LINK_NAMES if need.get(name)}
    return Item(
        id=str(need["id"]),  # a needs.json may come from another tool
        type=need.get("type", ""),
        title=need.get("title") or "",
        file=file,
        line=int(need.get("lineno") or 0),
        status=(need.get("status") or "").strip(),
        tags=_as_tuple(need.get("tags")),
        fields=MappingProxyType(fields),
        links=MappingProxyType(links),
        docname=need.get("docname") or "",
        spec=words.item_type(need.get("type", "")),
        body=need.get("content") or "",
    )


def programme_from_needs_json(data: Mapping[str, Any]) -> Programme:
    """All items of a needs.json file (its current version)."""
    version = data["versions"][data.get("current_version", "")]
    items = []
    for need in version["needs"].values():
        docname = need.get("docname") or ""
        file = f"{docname}{need.get('doctype', '.md')}" if docname else ""
        items.append(item_from_need(need, file))
    return Programme.from_items(items)
