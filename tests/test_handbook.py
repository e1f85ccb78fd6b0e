"""The authoring handbook covers the whole model and rule list, and its examples are correct."""

from __future__ import annotations

import json
import re
import shutil
from io import StringIO
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from conftest import build, needs_json
from policy_trace import handbook, model, rules
from sphinx.testing.util import SphinxTestApp

REPO = Path(__file__).parent.parent

#: The examples together are a small programme in the looptijd of the real one.
CONF = """\
extensions = ["myst_parser", "policy_trace"]
language = "nl"
html_theme = "furo"
policy_trace_period = ("2014-09-26", "2016-09-25")
policy_trace_reference_date = "2015-06-01"
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory):
    """The repository's docs/handboek.md, plus all handbook examples as live items, built once."""
    srcdir = tmp_path_factory.mktemp("handbook")
    (srcdir / "conf.py").write_text(CONF, encoding="utf-8")
    (srcdir / "index.md").write_text(
        "# Proef\n\n```{toctree}\nhandboek\nvoorbeelden\n```\n", encoding="utf-8"
    )
    shutil.copy(REPO / "docs" / "handboek.md", srcdir / "handboek.md")
    (srcdir / "voorbeelden.md").write_text(
        "# Voorbeelden\n\n" + "\n".join(handbook.EXAMPLES), encoding="utf-8"
    )
    app = SphinxTestApp("html", srcdir=srcdir, status=StringIO(), warning=StringIO())
    try:
        build(app)
        page = BeautifulSoup((Path(app.outdir) / "handboek.html").read_text(encoding="utf-8"), "html.parser")
        yield app, page.find("article")
    finally:
        app.cleanup()


def text(node: Tag) -> str:
    return " ".join(node.get_text(" ").split())


def plain(sentence: str) -> str:
    """A rule sentence as the page shows it: quoted option names are set as code, without quotes."""
    return " ".join(re.sub(r"'([^'\n]+?)'", r" \1 ", sentence).split())


def section(page: Tag, heading: str) -> Tag:
    """The <section> whose own heading reads ``heading`` (¶ sign stripped)."""
    for candidate in page.find_all("section"):
        title = candidate.find(["h2", "h3"], recursive=False)
        if title and text(title).rstrip(" ¶#") == heading:
            return candidate
    raise AssertionError(f"geen sectie {heading!r}")


def table_rows(node: Tag) -> list[str]:
    return [text(row) for table in node.find_all("table") for row in table.find_all("tr")]


def test_every_type_has_a_section_with_its_fields_links_and_example(site):
    _, page = site
    for item_type in model.ITEM_TYPES:
        part = section(page, f"{item_type.title} ( {item_type.directive} )")
        content = text(part)
        assert item_type.prefix in content
        for status in item_type.statuses:
            assert status in content, (item_type.directive, status)
        for field in item_type.fields:
            row = next(r for r in table_rows(part) if r.startswith(field.name + " "))
            assert all(value in row for value in field.values), row
            assert ("ja" if field.required else "nee") in row
        for link in model.links_from(item_type.directive):
            rule = link.rule_for(item_type.directive)
            row = next(r for r in table_rows(part) if r.startswith(link.name + " "))
            assert link.outgoing in row
            assert all(f"( {target} )" in row for target in rule.targets), row
        examples = [text(pre) for pre in part.find_all("pre")]
        assert any(f"{{{item_type.directive}}}" in e for e in examples), item_type.directive


def test_field_table_lists_every_field_of_every_type_with_its_values(site):
    _, page = site
    rows = table_rows(section(page, "Alle velden"))
    for item_type in model.ITEM_TYPES:
        for field in item_type.fields:
            matching = [
                r for r in rows if r.startswith(f"{field.name} ") and f"( {item_type.directive} )" in r
            ]
            assert len(matching) == 1, (item_type.directive, field.name)
            assert all(value in matching[0] for value in field.values)
            if field.default:
                assert matching[0].endswith(field.default)
        status_row = next(r for r in rows if r.startswith("status ") and f"( {item_type.directive} )" in r)
        assert all(status in status_row for status in item_type.statuses)


def test_link_table_lists_every_link_with_targets_and_readable_names(site):
    _, page = site
    rows = table_rows(section(page, "Alle koppelingen"))
    for link in model.LINK_TYPES:
        for rule in link.rules:
            source = model.TYPES_BY_NAME[rule.source]
            row = next(
                r
                for r in rows
                if r.startswith(
                    f"{link.name} {link.outgoing} {link.incoming} {source.title.lower()} ( {rule.source} )"
                )
            )
            assert all(f"( {target} )" in row for target in rule.targets)
            assert row.endswith("nee") == (rule.minimum == 0)


def test_every_rule_has_a_section_with_its_failing_example_and_fix(site):
    _, page = site
    overview = table_rows(section(page, "Regels en meldingen"))
    for rule in rules.RULES:
        assert any(r.startswith(rule.code + " ") for r in overview), rule.code
        assert page.find(id=f"handboek-{rule.code.lower()}") is not None, rule.code  # the overview links here
        part = section(page, rule.code)
        content = text(part)
        assert plain(rule.summary) in content
        assert " ".join(rule.example.split()) in " ".join(text(pre) for pre in part.find_all("pre"))
        assert f"Zo los je het op: {plain(rule.fix)}" in content


def test_every_setting_is_listed(site):
    app, page = site
    rows = table_rows(section(page, "Instellingen van het programma"))
    # Every value policy-trace registers with Sphinx, in the model or not (banner, Mermaid's folder).
    registered = sorted(name for name in app.config.values if name.startswith("policy_trace_"))
    assert {s.name for s in model.SETTINGS} <= set(registered)
    assert {"policy_trace_version", "policy_trace_status", "policy_trace_date"} <= set(registered)
    for name in registered:
        row = next((r for r in rows if r.startswith(name + " ")), None)
        assert row, name
        assert len(row.split()) > 3, f"{name} heeft geen uitleg: {row}"


@pytest.fixture(scope="module")
def registered_directives(tmp_path_factory, monkeypatch_module):
    """The names and classes of every directive policy-trace's setup registers, as Sphinx is asked."""
    from sphinx.application import Sphinx

    found: dict[str, type] = {}
    original = Sphinx.add_directive

    def spy(self, name, cls, override=False):
        if cls.__module__.startswith("policy_trace"):
            found[name] = cls
        return original(self, name, cls, override)

    monkeypatch_module.setattr(Sphinx, "add_directive", spy)
    srcdir = tmp_path_factory.mktemp("registered")
    (srcdir / "conf.py").write_text(CONF, encoding="utf-8")
    (srcdir / "index.md").write_text("# Leeg\n", encoding="utf-8")
    app = SphinxTestApp("html", srcdir=srcdir, status=StringIO(), warning=StringIO())
    app.cleanup()
    return found


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def test_every_page_directive_is_listed_with_every_option(site, registered_directives):
    _, page = site
    part = section(page, "Blokken voor pagina\u2019s")
    # A block's deprecated name is listed under Afgeschafte namen, not as a block of its own.
    old_names = {old.name for old in model.DEPRECATED if old.kind == "directive"}
    page_directives = {
        name: cls
        for name, cls in registered_directives.items()
        if name not in model.TYPE_NAMES and name not in old_names
    }
    assert {"doelenboom", "tevreden", "planning", "controle-overzicht"} <= set(page_directives)
    assert set(handbook.page_directives()) == set(page_directives)
    for name, cls in page_directives.items():
        block = section(part, f"{{{name}}}")
        summary, options = handbook.PAGE_DIRECTIVES[name]
        # The summary as the page sets it: Markdown emphasis and code marks gone.
        shown = " ".join(re.sub(r"[*`]", " ", summary).split())
        assert summary and shown[:25] in " ".join(text(block).split()), name
        for option in getattr(cls, "option_spec", None) or {}:
            assert options[option][0], (name, option)
            assert f":{option}:" in text(block), (name, option)


def test_the_handbook_says_how_to_refer_to_an_item_in_running_text(site):
    _, page = site
    part = section(page, "Naar een item verwijzen in de tekst")
    assert "{need}`SD-BEVOLKINGSZORG`" in text(part)


def test_examples_cover_every_type_and_build_into_a_clean_programme(site):
    app, _ = site
    assert all(handbook.examples_of(name) for name in model.TYPE_NAMES)
    needs = needs_json(app)
    example_ids = {
        line.split(":id:")[1].strip()
        for e in handbook.EXAMPLES
        for line in e.splitlines()
        if line.startswith(":id:")
    }
    assert example_ids <= set(needs)
    assert {needs[i]["type"] for i in example_ids} == set(model.TYPE_NAMES)
    # Not even advice: the examples show how it should be done.
    report = json.loads((Path(app.outdir) / "policy-report.json").read_text(encoding="utf-8"))
    assert report["findings"] == []
