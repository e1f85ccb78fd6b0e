"""Questions the views ask of the model: which links join which types, what is measured."""

from __future__ import annotations

from functools import cache

from .. import model
from ..items import Item, Programme
from ..rules import common as checks_common


def capitalised(text: str) -> str:
    """``draagt bij aan`` -> ``Draagt bij aan``."""
    return text[:1].upper() + text[1:]


@cache
def links_between(source: str, target: str) -> tuple[model.LinkType, ...]:
    """The link types an item of type ``source`` may use to point at a ``target``."""
    return tuple(
        link
        for link in model.LINK_TYPES
        if (rule := link.rule_for(source)) is not None and target in rule.targets
    )


@cache
def measuring_links() -> tuple[model.LinkType, ...]:
    """The links by which a criterion says what it measures (``meet``)."""
    return model.links_from("criterium")


def _targets(link: model.LinkType, source: str) -> tuple[str, ...]:
    rule = link.rule_for(source)
    return rule.targets if rule else ()


@cache
def measured_types() -> tuple[str, ...]:
    """The types a criterion can measure, in model order."""
    targets = {t for link in measuring_links() for t in _targets(link, "criterium")}
    return tuple(name for name in model.TYPE_NAMES if name in targets)


@cache
def party_links() -> tuple[model.LinkType, ...]:
    """The links that point at a party (trekker, opdrachtgever, opdrachtnemer, genomen door)."""
    return tuple(link for link in model.LINK_TYPES if all(rule.targets == ("partij",) for rule in link.rules))


def milestones_of(programme: Programme, project: Item) -> list[Item]:
    """The milestones of a project (the checks' lookup), by date then ID."""
    return sorted(checks_common.milestones(programme, project), key=lambda m: (m.field("datum"), m.id))
