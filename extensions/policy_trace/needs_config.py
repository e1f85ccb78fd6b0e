"""The sphinx-needs configuration, generated from the model.

A project that enables ``policy_trace`` gets these values set for it in a
``config-inited`` handler; it never repeats the model in its own conf.py.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config

from . import model

#: IDs are checked against each type's prefix by our own rule PT105, which
#: names the item and says how to fix it. sphinx-needs' own regex check drops
#: a need whose ID fails it (the item would vanish from every other check),
#: so its regex only insists on something ID-like.
PERMISSIVE_ID_REGEX = r"^\S+$"


def need_types() -> list[dict[str, Any]]:
    """``needs_types``: one entry per item type, declaring its own fields and links."""
    return [
        {
            "directive": item_type.directive,
            "title": item_type.title,
            "prefix": item_type.prefix,
            "color": item_type.color,
            "style": "node",
            "fields": {f.name: _field_declaration(f) for f in (*item_type.fields, *model.ITEM_FIELDS)},
            "links": {link.name: {} for link in model.links_from(item_type.directive)},
        }
        for item_type in model.ITEM_TYPES
    ]


def _field_declaration(field: model.Field) -> dict[str, Any]:
    # Values are kept as the author typed them (strings): allowed values and
    # dates are checked by PT106 with a Dutch message at file:line, which the
    # JSON-schema validation of sphinx-needs cannot give (it has no location).
    return {"description": field.description, "schema": {"type": "string"}, "nullable": True}


def need_links() -> dict[str, dict[str, Any]]:
    """``needs_links``: every link type with its readable outgoing and incoming names."""
    return {
        link.name: {
            "description": link.description,
            "outgoing": link.outgoing,
            "incoming": link.incoming,
            # A dead link is reported once, by PT101, with a fix; sphinx-needs
            # would otherwise add a second, English message for the same link.
            # It also lets a link to a coupled programme's item (ALIAS:ID, see
            # koppelingen.py) stay in the link field as written, in needs.json too:
            # ubproject.toml carries this setting, so a stock sphinx-needs project
            # imports such links without a warning (tests/test_land_en_regio.py).
            "allow_dead_links": True,
        }
        for link in model.LINK_TYPES
    }


def sphinx_needs_values() -> dict[str, Any]:
    """All sphinx-needs configuration values that the model determines."""
    return {
        "needs_types": need_types(),
        "needs_links": need_links(),
        "needs_id_required": True,
        "needs_id_regex": PERMISSIVE_ID_REGEX,
        # needs.json is written by needs_json.py: the same file, with Python's C JSON encoder.
        "needs_build_json": False,
        # Two builds of the same programme give the same needs.json (no build timestamp).
        "needs_reproducible_json": True,
        # Item titles are short sentences; a truncated title in running text reads badly.
        "needs_role_need_max_title_length": -1,
    }


def apply(app: Sphinx, config: Config) -> None:
    """Set the generated values on the project's configuration (``config-inited``)."""
    for name, value in sphinx_needs_values().items():
        config[name] = value
    # sphinx-needs validates every need against the JSON schemas of its fields on
    # every build, incremental ones too (0.12 s at 2,000 items). Ours only say "a
    # string", which every directive option is: the real checks are our rules,
    # with a Dutch message at file:line. A project with schema rules of its own
    # (needs_schema_definitions) keeps sphinx-needs' validation.
    config["needs_schema_validation_enabled"] = bool(
        config.needs_schema_definitions or config.needs_schema_definitions_from_json
    )
