"""Coupled programmes (*koppelingen*): the committed copies of other programmes' publications, read.

A programme that links to another one (``:draagt_bij_aan: landelijk:SD-CRISIS``)
or receives contributions from others keeps, per alias in
``policy_trace_koppelingen``, a folder beside ``conf.py`` with one published
version of that programme: its ``needs.json`` and ``versie.json`` as they were
published, and :data:`RECORD_FILE`, written by ``policy-trace koppel``: where
the copy came from, the address of its pages, and per coupled item what this
programme's items were reviewed against (PT405 then works in a fresh clone).
A build reads only these files, like a lock file: offline and reproducible.

The coupled items are never this programme's own items: they live here, in
:class:`Koppelingen`, not in :class:`~policy_trace.items.Programme`, so they are
never checked, counted or exported, and never clash with an own item's ID.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple

from . import model
from .changes import NOT_SUBSTANTIVE, Snapshot, fingerprint, reviews, snapshot
from .items import Item, item_from_need

#: The files of a publication that a copy holds, as the other programme's site has them.
PUBLISHED_FILES: tuple[str, ...] = ("needs.json", "versie.json")
NEEDS_FILE, VERSION_FILE = PUBLISHED_FILES
#: Written by ``policy-trace koppel`` beside the copy: its source, address and review baseline.
RECORD_FILE = "koppeling.json"
#: The key of our section in needs.json (sphinx-needs' schema allows more top-level keys).
SECTION = "policy_trace"
#: The shape of that section and of :data:`RECORD_FILE`; a copy of another shape is refused.
DATA_VERSION = 1
SUPPORTED_DATA_VERSIONS: tuple[int, ...] = (1,)

_IDENTITY = re.compile(model.PROGRAMME_ID_PATTERN)


def is_identity(value: object) -> bool:
    """Whether ``value`` is a valid programme ID or alias: lowercase letters, digits and '-'."""
    return isinstance(value, str) and _IDENTITY.fullmatch(value) is not None


def derive_identity(name: str) -> str:
    """A programme ID made from a name: ``Hitteplan Utrecht 2026`` -> ``hitteplan-utrecht-2026``."""
    accents = str.maketrans("àáâäãåèéêëìíîïòóôöõùúûüýÿçñ", "aaaaaaeeeeiiiiooooouuuuyycn")
    plain = name.lower().translate(accents)
    slug = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")
    return slug or "programma"


class Reference(NamedTuple):
    """A link value ``ALIAS:ID``, split."""

    alias: str
    id: str


def split(value: str) -> Reference | None:
    """``landelijk:SD-CRISIS`` -> (``landelijk``, ``SD-CRISIS``); None for an own ID."""
    alias, separator, item_id = value.partition(model.COUPLED_SEPARATOR)
    return Reference(alias.strip(), item_id.strip()) if separator else None


def is_coupled(value: str) -> bool:
    """Whether a link value names an item of a coupled programme."""
    return model.COUPLED_SEPARATOR in value


@dataclass(frozen=True)
class Publication:
    """What a publication says about itself: in its needs.json section and its versie.json."""

    programme_id: str
    name: str
    version: str
    status: str
    date: str
    #: The address of its pages (``html_baseurl``), empty if it gave none.
    address: str
    #: Its own koppelingen: alias -> the coupled programme's ID (how its ``ALIAS:ID`` links read).
    koppelingen: Mapping[str, str]


@dataclass(frozen=True)
class Copy:
    """One coupled programme: its publication, its items and what this programme reviewed them against."""

    alias: str
    folder: str
    publication: Publication
    #: Its items as its publication has them, read as an own item is (no file: not this programme's).
    items: Mapping[str, Item] = field(repr=False)
    #: Per coupled item ID: its snapshot when this programme's items were last reviewed against it.
    reviewed: Mapping[str, Snapshot] = field(repr=False)
    #: Where ``koppel`` copied it from, and the address of this version's pages there.
    source: str = ""
    address: str = ""

    def get(self, item_id: str) -> Item | None:
        return self.items.get(item_id)

    def url(self, item: Item) -> str:
        """The address of the item's page on the other site at this version; empty if unknown."""
        if not self.address or not item.docname:
            return ""
        return f"{self.address.rstrip('/')}/{item.docname}.html#{item.id}"

    def changed_since_review(self, item: Item) -> tuple[str, ...]:
        """The names (title, content, fields, links) that changed since the review; empty if none."""
        before = self.reviewed.get(item.id)
        if before is None:
            return ()
        now = snapshot(item)
        if fingerprint(before) == fingerprint(now):
            return ()
        names = dict.fromkeys([*before, *now])
        return tuple(
            n for n in names
            if n != "type" and n not in NOT_SUBSTANTIVE and before.get(n, "") != now.get(n, "")
        )

    def links_to(self, programme_id: str) -> Iterator[tuple[Item, str, str]]:
        """Its items' links to the programme ``programme_id``: (item, link name, target ID), sorted."""
        aliases = {alias for alias, other in self.publication.koppelingen.items() if other == programme_id}
        for item_id in sorted(self.items):
            item = self.items[item_id]
            for link, targets in item.links.items():
                for target in targets:
                    reference = split(target)
                    if reference and reference.alias in aliases:
                        yield item, link, reference.id


@dataclass(frozen=True)
class Koppelingen:
    """All koppelingen of a build: the copies that could be read, and why the others could not."""

    copies: Mapping[str, Copy] = field(default_factory=dict)
    #: alias -> a Dutch sentence saying why its copy cannot be read.
    problems: Mapping[str, str] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.copies or self.problems)

    def resolve(self, value: str) -> tuple[Copy | None, Item | None]:
        """The copy and the coupled item a link value ``ALIAS:ID`` names (None where there is none)."""
        reference = split(value)
        if reference is None:
            return None, None
        copy = self.copies.get(reference.alias)
        return copy, (copy.get(reference.id) if copy else None)


NONE = Koppelingen(MappingProxyType({}), MappingProxyType({}))


@dataclass(frozen=True)
class Incoming:
    """One link from an item of a coupled programme to an item of this programme: a contribution."""

    copy: Copy
    source: Item
    link: str
    #: The ID of this programme's item it links to (as written over there: it may not exist here).
    target: str


def incoming(koppelingen: Koppelingen, programme_id: object) -> dict[str, tuple[Incoming, ...]]:
    """Per own item ID: the copies' links to it, by programme name, alias, item ID and link.

    Empty when ``programme_id`` is no identity: the copies' ``ALIAS:ID`` links name this
    programme by the ID it publishes, so a programme without one receives nothing.
    """
    if not is_identity(programme_id):
        return {}
    found = sorted(
        (
            Incoming(copy, source, link, target)
            for copy in koppelingen.copies.values()
            for source, link, target in copy.links_to(str(programme_id))
        ),
        key=lambda f: (f.copy.publication.name, f.copy.alias, f.source.id, f.link, f.target),
    )
    by_target: dict[str, list[Incoming]] = {}
    for contribution in found:
        by_target.setdefault(contribution.target, []).append(contribution)
    return {target: tuple(links) for target, links in by_target.items()}


@dataclass(frozen=True)
class CoupledSuspect:
    """A coupled item an own item links to that changed since the review, and the review it needs."""

    value: str
    links: tuple[str, ...]
    copy: Copy
    item: Item

    @property
    def changed(self) -> tuple[str, ...]:
        return self.copy.changed_since_review(self.item)

    @property
    def fingerprint(self) -> str:
        """The coupled item's fingerprint now: what ``:herzien:`` must name."""
        return fingerprint(snapshot(self.item))


def coupled_suspects(
    links: Mapping[str, tuple[str, ...]], herzien: str, koppelingen: Koppelingen
) -> list[CoupledSuspect]:
    """What an item (its links and ``herzien`` field) must still review in coupled programmes, by value.

    A coupled item is to review when it changed since the copy the programme's items were
    reviewed against (``koppeling.json``) and the item's ``herzien`` does not name its current
    fingerprint. The rule (PT405) and the item's page both ask this.
    """
    reviewed, _wrong = reviews(herzien)
    found: dict[str, tuple[Copy, Item, list[str]]] = {}
    for link, targets in links.items():
        for value in targets:
            reference = split(value)
            copy = koppelingen.copies.get(reference.alias) if reference else None
            target = copy.get(reference.id) if copy and reference else None
            if copy is None or target is None or not copy.changed_since_review(target):
                continue
            found.setdefault(value, (copy, target, []))[2].append(link)
    suspects = []
    for value, (copy, target, names) in sorted(found.items()):
        suspect = CoupledSuspect(value, tuple(names), copy, target)
        if reviewed.get(value) != suspect.fingerprint:
            suspects.append(suspect)
    return suspects


class CopyError(ValueError):
    """A publication that cannot be used as a copy; the message says why, in Dutch."""


def _json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CopyError(f"{path} ontbreekt") from None
    except (OSError, UnicodeDecodeError) as error:
        raise CopyError(f"{path} kan niet worden gelezen ({error})") from None
    except json.JSONDecodeError as error:
        raise CopyError(f"{path} is geen geldige JSON (regel {error.lineno}: {error.msg})") from None


def read_publication(needs: Any, version: Any, where: str) -> tuple[Publication, dict[str, Item]]:
    """A publication's identity and items from its needs.json and versie.json (parsed); CopyError if none."""
    section = needs.get(SECTION) if isinstance(needs, dict) else None
    if not isinstance(section, dict) or not is_identity(section.get("programme_id")):
        raise CopyError(
            f"{where} is geen publicatie van policy-trace: de needs.json noemt geen programma "
            f"('{SECTION}' met 'programme_id' ontbreekt; het programma zet policy_trace_programme_id)"
        )
    data_version = section.get("data_version")
    if data_version not in SUPPORTED_DATA_VERSIONS:
        raise CopyError(
            f"{where} is gemaakt met gegevensversie {data_version!r}; deze policy-trace leest alleen "
            f"versie {', '.join(map(str, SUPPORTED_DATA_VERSIONS))} (werk policy-trace bij, of kies een "
            "andere versie van de publicatie)"
        )
    try:
        needs_of_version = needs["versions"][needs.get("current_version", "")]["needs"]
        items = {str(need["id"]): _coupled_item(need) for need in needs_of_version.values()}
    except (KeyError, TypeError, AttributeError, ValueError):
        raise CopyError(f"{where}: de needs.json heeft geen 'versions' met 'needs'") from None
    if not isinstance(version, dict):
        raise CopyError(f"{where}: versie.json is geen object met versie, status en datum")
    couplings = section.get("koppelingen") or {}
    publication = Publication(
        programme_id=str(section["programme_id"]),
        name=str(section.get("name") or needs.get("project") or section["programme_id"]),
        version=str(version.get("version") or ""),
        status=str(version.get("status") or ""),
        date=str(version.get("date") or ""),
        address=str(section.get("address") or ""),
        koppelingen=MappingProxyType(
            {str(a): str(c.get("programme_id", "")) for a, c in couplings.items() if isinstance(c, dict)}
            if isinstance(couplings, dict) else {}
        ),
    )
    return publication, items


def _coupled_item(need: Mapping[str, Any]) -> Item:
    item = item_from_need(need, "")
    # A value that is no text (another tool's needs.json) makes the copy unreadable here, on
    # reading it, rather than when a page or rule later asks for the item's fingerprint.
    snapshot(item)
    return item


def read_record(folder: Path) -> dict[str, Any]:
    """:data:`RECORD_FILE` of a copy's folder; empty if there is none (a copy made by hand)."""
    path = folder / RECORD_FILE
    if not path.is_file():
        return {}
    data = _json(path)
    if not isinstance(data, dict) or data.get("data_version") not in SUPPORTED_DATA_VERSIONS:
        raise CopyError(f"{path} is niet door deze policy-trace geschreven; haal de kopie opnieuw op")
    return data


def read_copy(alias: str, folder: Path, shown: str) -> Copy:
    """The copy in ``folder`` (``shown`` is how messages name it); CopyError if it cannot be read."""
    if not folder.is_dir():
        raise CopyError(f"de map {shown} bestaat niet")
    publication, items = read_publication(
        _json(folder / NEEDS_FILE), _json(folder / VERSION_FILE), shown
    )
    record = read_record(folder)
    reviewed = record.get("herzien_tegen") or {}
    baseline = {
        str(item_id): MappingProxyType({str(k): str(v) for k, v in snap.items()})
        for item_id, snap in reviewed.items()
        if isinstance(snap, dict)
    } if isinstance(reviewed, dict) else {}
    return Copy(
        alias=alias,
        folder=shown,
        publication=publication,
        items=MappingProxyType(items),
        reviewed=MappingProxyType(baseline),
        source=str(record.get("bron") or ""),
        address=str(record.get("adres") or publication.address),
    )


def load(confdir: str | Path, setting: Any) -> Koppelingen:
    """Every copy of ``policy_trace_koppelingen`` (relative to ``confdir``), each read once."""
    if not isinstance(setting, Mapping) or not setting:
        return NONE
    copies: dict[str, Copy] = {}
    problems: dict[str, str] = {}
    for alias, folder in sorted(setting.items()):
        if not is_identity(alias) or not isinstance(folder, str) or not folder:
            continue  # a wrong setting: said once by setting_problems, and no copy
        try:
            copies[alias] = read_copy(alias, Path(confdir, folder), folder)
        except CopyError as error:
            problems[alias] = str(error)
    return Koppelingen(MappingProxyType(copies), MappingProxyType(problems))


def setting_problems(programme_id: Any, setting: Any) -> list[str]:
    """What is wrong with ``policy_trace_programme_id`` and ``policy_trace_koppelingen`` (Dutch)."""
    problems = []
    if programme_id is not None and not is_identity(programme_id):
        problems.append(
            f"policy_trace_programme_id {programme_id!r} mag alleen kleine letters, cijfers en '-' "
            f"bevatten, bijvoorbeeld {derive_identity(str(programme_id))!r}."
        )
    if not isinstance(setting, Mapping):
        problems.append(
            "policy_trace_koppelingen moet een dict zijn, bijvoorbeeld "
            f'{{"landelijk": "koppelingen/landelijk"}}; nu is het: {setting!r}.'
        )
        return problems
    for alias, folder in setting.items():
        if not is_identity(alias):
            problems.append(
                f"policy_trace_koppelingen noemt de alias {alias!r}; een alias bestaat uit kleine letters, "
                "cijfers en '-', bijvoorbeeld 'landelijk'."
            )
        elif not isinstance(folder, str) or not folder.strip():
            problems.append(
                f"policy_trace_koppelingen geeft {alias!r} geen map; schrijf de map als tekst, bijvoorbeeld "
                f'"koppelingen/{alias}".'
            )
    return problems


def section(
    programme_id: str, name: str, address: str, koppelingen: Koppelingen
) -> dict[str, Any]:
    """This programme's section of needs.json: who it is, and what its ``ALIAS:ID`` links mean."""
    return {
        "data_version": DATA_VERSION,
        "programme_id": programme_id,
        "name": name,
        "address": address,
        "koppelingen": {
            alias: {
                "programme_id": copy.publication.programme_id,
                "name": copy.publication.name,
                "version": copy.publication.version,
                "address": copy.address,
            }
            for alias, copy in sorted(koppelingen.copies.items())
        },
    }


# --- the copies' files (in a build: ``state.koppelingen_of_build``) -----------------------------


def digest(confdir: str | Path, setting: Any) -> str:
    """A hash of every copy's files: what the pages showing coupled items were read with."""
    hashed = hashlib.sha256()
    if isinstance(setting, Mapping):
        for alias, folder in sorted(setting.items(), key=lambda pair: str(pair[0])):
            hashed.update(f"{alias}\0{folder}\0".encode())
            for name in (*PUBLISHED_FILES, RECORD_FILE):
                path = Path(confdir, str(folder), name)
                hashed.update(path.read_bytes() if path.is_file() else b"-")
                hashed.update(b"\0")
    return hashed.hexdigest()
