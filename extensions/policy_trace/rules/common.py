"""Small questions about items that several rules and the coverage figures ask alike."""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from .. import model
from ..items import Item, Programme
from ..koppelingen import Copy, Reference, split
from ..outcome import CheckContext

#: The criterion fields that make *wanneer zijn we tevreden* checkable (PT203).
CRITERION_ESSENTIALS: tuple[str, ...] = ("indicator", "streefwaarde", "deadline", "bron")


def describe_types(type_names: tuple[str, ...] | list[str]) -> str:
    """``doel``, ``doel of hoofddoel``, ``hoofddoel, doel of inspanning``; all-but-partij in short."""
    names = list(type_names)
    if set(names) == set(model.TYPE_NAMES) - {"partij"}:
        return "item dat geen partij is"
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " of " + names[-1]


def link_allowed(item: Item, link_name: str) -> model.LinkRule | None:
    """The rule of ``link_name`` for the item's type, or ``None`` if the type may not have it."""
    link = model.LINKS_BY_NAME.get(link_name)
    return link.rule_for(item.type) if link else None


class CoupledTarget(NamedTuple):
    """A link value ``ALIAS:ID`` of an item, with its copy and the coupled item, where they exist."""

    link: str
    value: str
    reference: Reference
    copy: Copy | None
    item: Item | None


def coupled_targets(item: Item, context: CheckContext) -> Iterator[CoupledTarget]:
    """The item's ``ALIAS:ID`` links that its type may have (a wrong option is PT102's, once)."""
    for link_name, targets in item.links.items():
        if link_allowed(item, link_name) is None:
            continue
        for value in targets:
            reference = split(value)
            if reference is None:
                continue
            copy = context.koppelingen.copies.get(reference.alias)
            yield CoupledTarget(link_name, value, reference, copy, copy.get(reference.id) if copy else None)


def incoming_of_type(programme: Programme, item: Item, link: str, type_name: str) -> list[Item]:
    """Items of ``type_name`` whose ``link`` points at ``item``, sorted by ID."""
    return [other for other in programme.incoming(item.id, link) if other.type == type_name]


def measuring_criteria(programme: Programme, item: Item) -> list[Item]:
    """The criteria that ``meet`` this item, by ID, each once (however often it names the item)."""
    return _once(incoming_of_type(programme, item, "meet", "criterium"))


def milestones(programme: Programme, project: Item) -> list[Item]:
    """The milestones that ``hoort_bij`` this project, by ID, each once."""
    return _once(incoming_of_type(programme, project, "hoort_bij", "mijlpaal"))


def _once(items: list[Item]) -> list[Item]:
    return list({item.id: item for item in items}.values())


def is_prioritised(item: Item) -> bool:
    """An effort with ``prioriteit: ja``."""
    return item.type == "inspanning" and item.field("prioriteit") == "ja"


def needs_criterion(item: Item) -> bool:
    """Goals, and prioritised efforts, must say *wanneer zijn we tevreden* (PT201)."""
    return item.type in model.GOAL_TYPES or is_prioritised(item)


def criterion_gaps(criterion: Item) -> tuple[str, ...]:
    """The essential fields a criterion lacks; none if it is knowingly not SMART and says why."""
    if criterion.field("smart") == "nee" and criterion.field("toelichting"):
        return ()
    return tuple(name for name in CRITERION_ESSENTIALS if not criterion.field(name))


def missing_plan_elements(programme: Programme, project: Item) -> tuple[tuple[str, str], ...]:
    """The plan elements (letter, name) a project lacks: a-d are fields or links, e its milestones."""
    missing = []
    for letter, name, _hint in model.PLAN_ELEMENTS:
        if name == "mijlpaal":
            present = bool(milestones(programme, project))
        elif name in model.LINKS_BY_NAME:
            present = bool(project.links.get(name))
        else:
            present = bool(project.field(name))
        if not present:
            missing.append((letter, name))
    return tuple(missing)
