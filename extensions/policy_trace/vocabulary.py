"""The model in this programme's own words: its value lists, their labels, its name for itself.

The spec's names and rules stay; a programme only gives, in conf.py, the
allowed values of the fields the model marks as ``programme_values`` (and may
switch off a field marked ``may_be_off``), and the noun its pages use for it.
Each build reads them once into a :class:`Vocabulary`; checks, views and the
handbook ask it instead of the module-level types.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from sphinx.config import Config
from sphinx.util import logging

from . import model

logger = logging.getLogger(__name__)

#: A value as an author types it after ``:spoor:``: no spaces, no commas.
VALUE_PATTERN = re.compile(r"[\w-]+")
NOUN_PATTERN = re.compile(r"(de|het) \S.*")


@dataclass(frozen=True)
class Vocabulary:
    """The item types as this programme configures them, and how its pages name it."""

    item_types: tuple[model.ItemType, ...] = model.ITEM_TYPES
    noun: str = model.DEFAULT_PROGRAMME_NOUN

    @cached_property
    def types_by_name(self) -> dict[str, model.ItemType]:
        return {t.directive: t for t in self.item_types}

    def item_type(self, name: str) -> model.ItemType | None:
        return self.types_by_name.get(name)

    @property
    def word(self) -> str:
        """The noun without its article: ``agenda``."""
        return self.noun.split(" ", 1)[1]


DEFAULT = Vocabulary()


Labels = tuple[tuple[str, str], ...]


def field_values(value: Any, type_name: str, field: model.Field) -> tuple[tuple[str, ...], Labels]:
    """A values setting as (values, labels); raises ValueError with the Dutch reason."""
    setting = field.values_setting
    example = f'{setting} = ["{field.values[0]}", "{field.values[1]}"]'
    if value is None or (isinstance(value, (list, tuple, dict)) and not value):
        if field.may_be_off:
            return (), ()
        raise ValueError(
            f"{setting} is leeg, maar een {type_name} moet '{field.name}' kunnen invullen; "
            f"geef minstens één waarde, bijvoorbeeld {example}."
        )
    if isinstance(value, Mapping):
        pairs = list(value.items())
    elif isinstance(value, (list, tuple)):
        pairs = [(v, None) for v in value]
    else:
        raise ValueError(
            f"{setting} moet een lijst van waarden zijn (of een dict van waarde naar naam op de pagina's), "
            f"bijvoorbeeld {example}; nu is het: {value!r}."
        )
    values: list[str] = []
    labels: list[tuple[str, str]] = []
    for item, label in pairs:
        if not isinstance(item, str) or not VALUE_PATTERN.fullmatch(item):
            raise ValueError(
                f"{setting} bevat {item!r}; een waarde is tekst van letters, cijfers, '_' en '-', "
                f"zonder spaties (schrijf 'regionaal_crisisplan', niet 'regionaal crisisplan')."
            )
        if item in values:
            raise ValueError(f"{setting} noemt {item!r} twee keer; noem elke waarde één keer.")
        if label is not None:
            if not isinstance(label, str) or not label.strip():
                raise ValueError(
                    f"{setting} geeft {item!r} de naam {label!r}; geef als naam een niet-lege tekst, "
                    f'bijvoorbeeld {{"{item}": "{item.replace("_", " ").capitalize()}"}}.'
                )
            labels.append((item, label.strip()))
        values.append(item)
    return tuple(values), tuple(labels)


def programme_noun(value: Any) -> str:
    """``policy_trace_programme_noun`` with its article; raises ValueError with the Dutch reason."""
    text = value.strip() if isinstance(value, str) else value
    if not isinstance(text, str) or not NOUN_PATTERN.fullmatch(text):
        raise ValueError(
            'policy_trace_programme_noun is het woord voor het programma met lidwoord, beginnend met '
            f'"de" of "het", bijvoorbeeld "het hitteplan" of "de strategie"; nu is het: {value!r}.'
        )
    return text


def read(config: Config) -> tuple[Vocabulary, list[tuple[str, str]]]:
    """The vocabulary of a build, each wrong setting replaced by its default, and (setting, problem)."""
    problems: list[tuple[str, str]] = []
    replaced: dict[str, dict[str, model.Field]] = {}
    for type_name, field in model.PROGRAMME_FIELDS:
        try:
            given = getattr(config, field.values_setting, field.values)
            values, labels = field_values(given, type_name, field)
        except ValueError as error:
            problems.append((field.values_setting, f"{error} Nu gelden de standaardwaarden."))
            continue
        replaced.setdefault(type_name, {})[field.name] = dataclasses.replace(
            field, values=values, labels=labels, required=field.required and bool(values)
        )
    try:
        noun = programme_noun(getattr(config, "policy_trace_programme_noun", model.DEFAULT_PROGRAMME_NOUN))
    except ValueError as error:
        default = model.DEFAULT_PROGRAMME_NOUN
        problems.append(("policy_trace_programme_noun", f"{error} Nu geldt {default!r}."))
        noun = model.DEFAULT_PROGRAMME_NOUN
    types = tuple(_configured(t, replaced.get(t.directive, {})) for t in model.ITEM_TYPES)
    return Vocabulary(types, noun), problems


def _configured(item_type: model.ItemType, fields: Mapping[str, model.Field]) -> model.ItemType:
    if not fields:
        return item_type
    kept = tuple(fields.get(f.name, f) for f in item_type.fields)
    # A field with no values is one the programme does not use: it leaves the type.
    kept = tuple(f for f in kept if f.kind != "choice" or f.values)
    return dataclasses.replace(item_type, fields=kept)


def of_config(config: Config) -> Vocabulary:
    """The vocabulary of a build (wrong settings are reported, once, by :func:`validate`)."""
    return read(config)[0]
