"""The model as the spec declares it, and the sphinx-needs configuration generated from it.

The spec's types, fields, links and statuses are binding: each is in the model under its spec
name. A type the spec does not name may be added (one declaration in ``model.py`` and its handbook
example, see CONTRIBUTING.md; ``test_adding_an_item_type`` proves it): these tests compare the
spec's part of the model exactly and let an additional type pass.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import build, needs_json
from policy_trace import model, needs_config

SPEC_TYPES = {
    "hoofddoel": "HD-", "doel": "SD-", "uitgangspunt": "UP-", "inspanning": "IN-",
    "project": "PRJ-", "mijlpaal": "MP-", "resultaat": "RS-", "effect": "EF-",
    "criterium": "CR-", "aanname": "AN-", "partij": "PA-", "besluit": "BS-", "meting": "MT-",
}

# (link, source) -> (allowed targets, minimum, maximum), straight from spec section 3.
SPEC_LINKS = {
    ("draagt_bij_aan", "doel"): ({"hoofddoel", "doel"}, 1, None),
    ("draagt_bij_aan", "inspanning"): ({"doel"}, 1, None),
    ("draagt_bij_aan", "effect"): ({"doel", "hoofddoel"}, 1, None),
    ("draagt_bij_aan", "resultaat"): ({"effect"}, 0, None),
    ("voert_uit", "project"): ({"inspanning"}, 1, None),
    ("geleverd_door", "resultaat"): ({"project"}, 1, None),
    ("hoort_bij", "mijlpaal"): ({"project"}, 1, 1),
    ("meet", "criterium"): ({"hoofddoel", "doel", "inspanning", "project", "resultaat", "effect"}, 1, None),
    ("betreft", "aanname"): (set(SPEC_TYPES) - {"partij"}, 1, None),
    ("betreft", "besluit"): (set(SPEC_TYPES) - {"partij"}, 1, None),
    ("trekker", "inspanning"): ({"partij"}, 0, None),
    ("trekker", "project"): ({"partij"}, 0, None),
    ("opdrachtgever", "project"): ({"partij"}, 0, None),
    ("opdrachtnemer", "project"): ({"partij"}, 0, None),
    ("genomen_door", "besluit"): ({"partij"}, 1, None),
    ("hangt_samen_met", "inspanning"): ({"inspanning", "project"}, 0, None),
    ("hangt_samen_met", "project"): ({"inspanning", "project"}, 0, None),
    ("meet_voor", "meting"): ({"criterium"}, 1, 1),  # spec section 7
}

SPEC_FIELDS = {
    ("inspanning", "spoor"): ("inhoudelijk", "organisatorisch"),
    ("inspanning", "prioriteit"): ("ja", "nee"),
    ("project", "borging"): ("intentieverklaring", "wetswijziging", "regionaal_crisisplan", "anders"),
    ("criterium", "smart"): ("ja", "nee"),
}

SPEC_STATUSES = {
    "inspanning": ("voorgesteld", "vastgesteld", "in_uitvoering", "behaald", "niet_behaald", "vervallen"),
    "doel": ("voorgesteld", "vastgesteld", "in_uitvoering", "behaald", "niet_behaald", "vervallen"),
    "hoofddoel": ("voorgesteld", "vastgesteld", "in_uitvoering", "behaald", "niet_behaald", "vervallen"),
    "project": ("concept", "ter_besluitvorming", "vastgesteld", "in_uitvoering", "afgerond", "gestopt"),
    "mijlpaal": ("gepland", "behaald", "vertraagd", "vervallen"),
    "criterium": ("onbepaald", "op_koers", "risico", "behaald", "niet_behaald"),
    "aanname": ("onbevestigd", "bevestigd", "weerlegd"),
}


def _spec_part(types: dict[str, str]) -> dict[str, str]:
    return {name: prefix for name, prefix in types.items() if name in SPEC_TYPES}


def test_every_spec_type_with_its_prefix_and_no_prefix_twice():
    declared = {t.directive: t.prefix for t in model.ITEM_TYPES}
    assert _spec_part(declared) == SPEC_TYPES
    # An added type needs its own prefix: IDs say their type (model.item_type_for_id).
    assert len(set(declared.values())) == len(declared)


def test_link_types_allow_exactly_the_spec_targets():
    # Between the spec's types exactly the spec's links; an added type may link, or be linked to.
    declared = {
        (link.name, rule.source): (set(rule.targets) & set(SPEC_TYPES), rule.minimum, rule.maximum)
        for link in model.LINK_TYPES
        for rule in link.rules
        if rule.source in SPEC_TYPES
    }
    assert declared == SPEC_LINKS


def test_choice_fields_and_statuses():
    for (type_name, field_name), values in SPEC_FIELDS.items():
        assert model.TYPES_BY_NAME[type_name].field(field_name).values == values
    for type_name, statuses in SPEC_STATUSES.items():
        assert model.TYPES_BY_NAME[type_name].statuses == statuses
    assert model.TYPES_BY_NAME["inspanning"].field("prioriteit").default == "nee"
    assert model.TYPES_BY_NAME["criterium"].field("smart").default == "ja"
    assert model.TYPES_BY_NAME["mijlpaal"].field("datum").required
    assert model.TYPES_BY_NAME["besluit"].field("datum").required


def test_a_measurement_requires_value_date_and_source_and_an_assumption_can_be_tested():
    # Spec section 7: meting has waarde, datum, bron (required); aanname has getoetst_op and toetsing.
    meting = model.TYPES_BY_NAME["meting"]
    assert {f.name for f in meting.fields if f.required} == {"waarde", "datum", "bron"}
    assert meting.field("datum").kind == "date"
    aanname = model.TYPES_BY_NAME["aanname"]
    assert aanname.field("getoetst_op").kind == "date"
    assert aanname.field("toetsing").kind == "text"


def test_every_link_has_readable_names_both_ways():
    assert model.LINKS_BY_NAME["draagt_bij_aan"].outgoing == "draagt bij aan"
    assert model.LINKS_BY_NAME["draagt_bij_aan"].incoming == "ondersteund door"
    assert model.LINKS_BY_NAME["meet"].incoming == "gemeten door"
    for link in model.LINK_TYPES:
        assert link.outgoing and link.incoming and "_" not in link.outgoing + link.incoming


def test_generated_needs_types_declare_each_types_fields_and_links():
    types = {entry["directive"]: entry for entry in needs_config.need_types()}
    assert _spec_part({name: entry["prefix"] for name, entry in types.items()}) == SPEC_TYPES
    assert list(types) == list(model.TYPE_NAMES)
    # Every type also has the waiver fields of spec section 7 and the review field.
    every = {"uitzondering", "uitzondering_door", "uitzondering_reden", "herzien"}
    assert all(every <= set(entry["fields"]) for entry in types.values())
    assert set(types["project"]["fields"]) == {"opdracht", "financiering", "borging"} | every
    assert set(types["project"]["links"]) == {"voert_uit", "trekker", "opdrachtgever", "opdrachtnemer",
                                               "hangt_samen_met"}
    assert set(types["criterium"]["fields"]) == {"indicator", "nulmeting", "streefwaarde", "meting",
                                                 "meetdatum", "deadline", "bron", "smart", "toelichting",
                                                 "eenheid"} | every
    assert set(types["meting"]["fields"]) == {"waarde", "datum", "bron"} | every
    assert set(types["meting"]["links"]) == {"meet_voor"}
    assert types["partij"]["links"] == {}
    assert types["uitgangspunt"]["links"] == {}


def test_generated_needs_links_carry_the_readable_names():
    links = needs_config.need_links()
    assert set(links) == set(model.LINK_NAMES) and {name for name, _ in SPEC_LINKS} <= set(links)
    assert links["voert_uit"]["outgoing"] == "voert uit"
    assert links["voert_uit"]["incoming"] == "uitgevoerd door"


@pytest.mark.sphinx("html", testroot="every-type")
def test_a_project_that_enables_only_policy_trace_gets_the_whole_model(app):
    assert app.config.needs_id_required is True
    assert [t["directive"] for t in app.config.needs_types] == list(model.TYPE_NAMES)
    assert [name for name in model.TYPE_NAMES if name in SPEC_TYPES] == list(SPEC_TYPES)
    build(app)
    needs = needs_json(app)
    assert {n["type"] for n in needs.values()} == set(SPEC_TYPES)
    assert needs["IN-PREVENTIE"]["draagt_bij_aan"] == ["SD-BRAND"]
    assert needs["SD-BRAND"]["draagt_bij_aan_back"] == ["EF-MINDER", "IN-PREVENTIE"]
    assert needs["PRJ-WIJK"]["borging"] == "regionaal_crisisplan"
    assert needs["CR-BEZOEKEN"]["meet"] == ["HD-VEILIG", "IN-PREVENTIE"]
    assert needs["MP-EERSTE"]["datum"] == "2024-09-01"
    assert needs["MT-BEZOEKEN-2024"]["meet_voor"] == ["CR-BEZOEKEN"]
    assert needs["CR-BEZOEKEN"]["meet_voor_back"] == ["MT-BEZOEKEN-2024"]
    assert needs["AN-OPEN"]["getoetst_op"] == "2024-03-01"
    assert needs["HD-VEILIG"]["lineno"] == 3


SPEC_FIELD_TABLE = Path(__file__).parent / "spec" / "fields.md"


def _spec_field_rows() -> list[tuple[list[str], str, str]]:
    """(types, field, values cell) of every row of the spec's field table (copy in tests/spec/)."""
    rows = []
    for line in SPEC_FIELD_TABLE.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 3 or not cells[0].startswith("`"):
            continue
        types = re.findall(r"`([a-z_]+)`", cells[0])
        rows.append((types, cells[1].strip("`"), cells[2]))
    return rows


def test_required_fields_are_exactly_those_the_spec_marks_required():
    rows = _spec_field_rows()
    assert len(rows) > 15  # the table was read, not skipped
    spec_required = {(t, name) for types, name, values in rows for t in types if "(required)" in values}
    model_required = {(t.directive, f.name) for t in model.ITEM_TYPES for f in t.fields if f.required}
    assert spec_required == {("mijlpaal", "datum"), ("besluit", "datum")}
    # Spec section 7: "`meting` (prefix `MT-`) ... `waarde`, `datum`, `bron` (required)".
    section_7 = {("meting", "waarde"), ("meting", "datum"), ("meting", "bron")}
    assert model_required == spec_required | section_7


def test_every_field_of_the_spec_table_is_in_the_model_with_its_values_and_default():
    for types, name, values in _spec_field_rows():
        if name == "status":
            continue  # statuses: test_choice_fields_and_statuses
        for type_name in types:
            field = model.TYPES_BY_NAME[type_name].field(name)
            assert field is not None, f"{type_name}.{name}"
            # The allowed values come before any ":" that explains them; "(default)" is no value.
            choices = re.findall(r"`([a-z_]+)`", re.sub(r"\([^)]*\)", "", values).split(":")[0])
            if choices:
                assert field.values == tuple(choices), f"{type_name}.{name}"
            default = re.search(r"default `([a-z_]+)`|`([a-z_]+)` \(default\)", values)
            if default:
                assert field.default == (default.group(1) or default.group(2)), f"{type_name}.{name}"


def test_every_status_a_type_allows_has_one_meaning_and_none_is_left_over():
    allowed = {status for item_type in model.ITEM_TYPES for status in item_type.statuses}
    assert allowed == set(model.STATUSES_BY_NAME)
    assert len(model.STATUSES_BY_NAME) == len(model.STATUSES)  # no status declared twice
    # What the rules read: a done project may leave no milestone open (PT301), and only the
    # statuses of a decision taken make a criterion's gaps an error (PT203).
    assert set(model.OPEN_STATUSES) <= set(model.MILESTONE_STATUSES)
    assert "concept" not in model.DECIDED_STATUSES and "vastgesteld" in model.DECIDED_STATUSES


@pytest.mark.sphinx("html", testroot="every-type")
def test_every_setting_is_declared_once_in_the_model_with_its_types(app):
    registered = {name for name in app.config.values if name.startswith("policy_trace_")}
    # A deprecated setting's old name is registered too, to be read into its replacement.
    old_names = {old.name for old in model.DEPRECATED if old.kind == "setting"}
    assert registered == {setting.name for setting in model.SETTINGS} | old_names
    for setting in model.SETTINGS:
        assert setting.types, setting.name
        assert app.config.values[setting.name].valid_types == frozenset(setting.types), setting.name
