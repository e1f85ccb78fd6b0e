"""Scaffolding: a new item of a model type as MyST, with every field and link it can have.

Used by ``policy-trace new`` (see :mod:`policy_trace.cli`). Everything here is
derived from :mod:`policy_trace.model`, so a new type, field or link shows up
in the scaffold without a change to this module.

The snippet is valid input as generated: every option holds either a value the
checks accept or nothing at all (an empty option is the same as an absent one).
That is why allowed values are not written into the options themselves
(``:spoor: inhoudelijk | organisatorisch`` would fail PT106): required choices
get their first allowed value, optional choices their default, and
:func:`guide` lists the alternatives beside the snippet.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from . import model


class ScaffoldError(ValueError):
    """Input the scaffold cannot turn into a correct item; the message is Dutch."""


@dataclass(frozen=True)
class Line:
    """One option line of the snippet, with what the author may put there."""

    name: str
    value: str
    #: Dutch: what belongs here (allowed values or target types), for the guide.
    hint: str
    required: bool


def check_type(type_name: str) -> model.ItemType:
    """The model type called ``type_name``, or a :class:`ScaffoldError` naming the types there are."""
    item_type = model.TYPES_BY_NAME.get(type_name)
    if item_type is None:
        raise ScaffoldError(f"onbekend type '{type_name}'. Kies uit: {', '.join(model.TYPE_NAMES)}.")
    return item_type


def check_id(item_type: model.ItemType, item_id: str) -> None:
    """Raise :class:`ScaffoldError` unless ``item_id`` carries the type's prefix and fits the ID pattern."""
    if not item_id.startswith(item_type.prefix):
        other = model.item_type_for_id(item_id)
        belongs = f" (dat voorvoegsel hoort bij {other.directive})" if other else ""
        raise ScaffoldError(
            f"ID '{item_id}' past niet bij type {item_type.directive}{belongs}: "
            f"een {item_type.directive} heeft een ID dat begint met {item_type.prefix}, "
            f"bijvoorbeeld {item_type.prefix}VOORBEELD."
        )
    if not re.fullmatch(item_type.id_pattern, item_id):
        raise ScaffoldError(
            f"ID '{item_id}' past niet bij het ID-patroon: na {item_type.prefix} alleen hoofdletters A-Z, "
            f"cijfers en '-', beginnend met een letter of cijfer, bijvoorbeeld {item_type.prefix}VOORBEELD."
        )


def check_title(title: str) -> str:
    """The title stripped, or a :class:`ScaffoldError` if it is empty or spans lines."""
    title = title.strip()
    if not title:
        raise ScaffoldError("de titel is leeg: geef een korte titel tussen aanhalingstekens.")
    if "\n" in title or "\r" in title:
        raise ScaffoldError("de titel moet op één regel passen.")
    return title


def check_link_targets(item_type: model.ItemType, links: Mapping[str, Sequence[str]]) -> None:
    """Raise :class:`ScaffoldError` if a link is not allowed from this type or a target has the wrong type."""
    allowed = {link.name: rule for link, rule in model.link_rules_from(item_type.directive)}
    for name, targets in links.items():
        rule = allowed.get(name)
        if rule is None:
            names = ", ".join(allowed) or "geen"
            raise ScaffoldError(
                f"een {item_type.directive} kan geen koppeling '{name}' hebben. "
                f"Mogelijke koppelingen: {names}."
            )
        prefixes = tuple(model.TYPES_BY_NAME[t].prefix for t in rule.targets)
        for target in targets:
            target_type = model.item_type_for_id(target)
            if target_type is None or target_type.directive not in rule.targets:
                raise ScaffoldError(
                    f"'{name}' vanuit een {item_type.directive} mag alleen verwijzen naar "
                    f"{_or(rule.targets)} (ID begint met {_or(prefixes)}), niet naar '{target}'."
                )
            check_id(target_type, target)
        if rule.maximum is not None and len(targets) > rule.maximum:
            raise ScaffoldError(
                f"'{name}' vanuit een {item_type.directive} mag naar hoogstens "
                f"{rule.maximum} item(s) verwijzen."
            )


def lines_for(
    item_type: model.ItemType,
    links: Mapping[str, Sequence[str]] | None = None,
    today: dt.date | None = None,
) -> list[Line]:
    """Every option an item of this type can have, required ones first, with its starting value."""
    links = links or {}
    today = today or dt.date.today()
    required: list[Line] = []
    optional: list[Line] = []

    for field in item_type.fields:
        value = _field_start(field, today)
        hint = _with_description(_field_hint(field), field.description)
        (required if field.required else optional).append(Line(field.name, value, hint, field.required))

    for link, rule in model.link_rules_from(item_type.directive):
        given = list(links.get(link.name, ()))
        if not given and rule.minimum:
            # One placeholder per required target; PT101 points the author here.
            first = model.TYPES_BY_NAME[rule.targets[0]]
            given = [
                f"{first.prefix}{model.PLACEHOLDER_SLUG}" + (f"-{n}" if n > 1 else "")
                for n in range(1, rule.minimum + 1)
            ]
        hint = _with_description(_link_hint(rule), link.description)
        line = Line(link.name, ", ".join(given), hint, rule.minimum > 0)
        (required if rule.minimum else optional).append(line)

    status = Line(
        "status",
        item_type.statuses[0] if item_type.statuses else "",
        _or(item_type.statuses) if item_type.statuses else "vrije tekst",
        False,
    )
    tags = Line("tags", "", "trefwoorden, gescheiden door komma's", False)
    return [*required, status, *optional, tags]


def snippet(
    type_name: str,
    item_id: str,
    title: str,
    links: Mapping[str, Sequence[str]] | None = None,
    today: dt.date | None = None,
) -> str:
    """A new item as a MyST fenced directive; raises :class:`ScaffoldError` on bad input."""
    item_type = check_type(type_name)
    check_id(item_type, item_id)
    title = check_title(title)
    check_link_targets(item_type, links or {})
    options = [f":id: {item_id}"]
    options += [f":{line.name}: {line.value}".rstrip() for line in lines_for(item_type, links, today)]
    opening = f"```{{{item_type.directive}}} {title}"
    return "\n".join([opening, *options, "", model.PLACEHOLDER_BODY, "```", ""])


def guide(type_name: str, links: Mapping[str, Sequence[str]] | None = None) -> str:
    """Dutch notes for the author beside the snippet: what each option allows."""
    item_type = check_type(type_name)
    rows = []
    for line in lines_for(item_type, links):
        marker = "verplicht" if line.required else "optioneel"
        rows.append(f"  {line.name:<16} {marker:<10} {line.hint}")
    return "\n".join(
        [
            f"{item_type.title} ({item_type.directive}, ID {item_type.prefix}…): {item_type.description}",
            "In te vullen:",
            *rows,
            "Een lege optie telt als niet ingevuld. Koppelingen: een of meer ID's, gescheiden door komma's.",
            "",
        ]
    )


def _field_start(field: model.Field, today: dt.date) -> str:
    if field.default:
        return field.default
    if field.required and field.kind == "choice":
        return field.values[0]
    if field.required and field.kind == "date":
        # A real ISO date the author can see and correct: a placeholder like
        # JJJJ-MM-DD would fail PT106 before the author gets to it.
        return today.isoformat()
    return ""


def _field_hint(field: model.Field) -> str:
    if field.kind == "choice":
        hint = _or(field.values)
        return f"{hint} (standaard {field.default})" if field.default else hint
    if field.kind == "date":
        return "datum als JJJJ-MM-DD"
    if field.kind == "number_or_text":
        return "getal of tekst"
    return "tekst"


def _link_hint(rule: model.LinkRule) -> str:
    targets = ", ".join(f"{t} ({model.TYPES_BY_NAME[t].prefix}…)" for t in rule.targets)
    if rule.maximum == 1 and rule.minimum == 1:
        count = "precies 1"
    elif rule.minimum:
        count = f"minstens {rule.minimum}"
    else:
        count = "0 of meer"
    return f"ID van: {targets}; {count}"


def _with_description(hint: str, description: str) -> str:
    # Descriptions are Markdown for the site; the terminal shows them without backticks.
    return f"{hint}. {description.replace('`', '')}" if description else hint


def _or(values: Sequence[str]) -> str:
    values = list(values)
    return values[0] if len(values) == 1 else ", ".join(values[:-1]) + " of " + values[-1]
