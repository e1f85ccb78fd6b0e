"""ubproject.toml beside needs.json: a stock sphinx-needs project imports the whole programme with it."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from checks_support import build_once, copy_root
from conftest import warnings_of
from policy_trace import model, needs_config, ubproject

#: What an item carries that the consumer must get unchanged: its own words, every field, every link.
COMPARED = ("id", "type", "title", "status", "tags", "content", *(
    sorted({f.name for t in model.ITEM_TYPES for f in t.fields} | set(model.LINK_NAMES))
))


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    """The output folder of a built programme (test-every-type: every type, field kind and link)."""
    app = build_once(copy_root("test-every-type", tmp_path_factory.mktemp("programme")))
    assert warnings_of(app) == []
    return Path(app.outdir)


def needs_of(path: Path) -> dict[str, dict]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return data["versions"][data["current_version"]]["needs"]


def consume(tmp_path: Path, published: Path, conf: str, index: str, with_toml: bool = True):
    """Build a project with sphinx-needs only (no policy_trace), in a fresh Python, with -W."""
    shutil.copy(published / "needs.json", tmp_path / "needs.json")
    if with_toml:
        shutil.copy(published / ubproject.FILE_NAME, tmp_path / ubproject.FILE_NAME)
    (tmp_path / "conf.py").write_text(
        'extensions = ["sphinx_needs"]\nneeds_from_toml = "ubproject.toml"\n' + conf, encoding="utf-8"
    )
    (tmp_path / "index.rst").write_text("Overname\n========\n\n" + index, encoding="utf-8")
    return subprocess.run(
        [Path(sys.executable).parent / "sphinx-build", "-W", "--keep-going", "-q", "-b", "needs",
         tmp_path, tmp_path / "out"],
        capture_output=True, text=True, timeout=300,
    )


def assert_all_imported(source: Path, imported: Path) -> None:
    ours, theirs = needs_of(source), needs_of(imported)
    assert sorted(theirs) == sorted(ours)
    some_field_and_link = 0
    for item_id, need in ours.items():
        assert {k: theirs[item_id].get(k) for k in COMPARED} == {k: need.get(k) for k in COMPARED}, item_id
        some_field_and_link += bool(need.get("borging")) + bool(need.get("voert_uit"))
    assert some_field_and_link >= 2  # the comparison covered a set field and a set link


def test_ubproject_toml_lies_beside_needs_json_and_holds_the_model(published):
    text = (published / ubproject.FILE_NAME).read_text(encoding="utf-8")
    data = tomllib.loads(text)
    values = needs_config.sphinx_needs_values()
    assert data["needs"]["types"] == values["needs_types"]
    assert data["needs"]["links"] == values["needs_links"]
    assert [t["directive"] for t in data["needs"]["types"]] == list(model.TYPE_NAMES)
    assert data["needs"]["id_regex"] == needs_config.PERMISSIVE_ID_REGEX


def test_a_stock_project_imports_every_item_field_and_link_with_needimport(tmp_path, published):
    result = consume(tmp_path, published, "", ".. needimport:: needs.json\n")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert_all_imported(published / "needs.json", tmp_path / "out" / "needs.json")


def test_a_stock_project_imports_every_item_field_and_link_as_external_needs(tmp_path, published):
    conf = (
        'needs_external_needs = [{"base_url": "https://example.org/programma", "json_path": "needs.json"}]\n'
        # needs.json of the consumer holds external needs too, so the test can compare them.
        'needs_builder_filter = ""\n'
    )
    result = consume(tmp_path, published, conf, "Zie :need:`PRJ-WIJK`.\n")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert_all_imported(published / "needs.json", tmp_path / "out" / "needs.json")
    assert needs_of(tmp_path / "out" / "needs.json")["PRJ-WIJK"]["external_url"].startswith(
        "https://example.org/programma/"
    )


def test_without_the_file_a_stock_project_rejects_the_items(tmp_path, published):
    # What the file is for: without it sphinx-needs knows none of the types.
    (tmp_path / ubproject.FILE_NAME).write_text("[needs]\n", encoding="utf-8")
    result = consume(tmp_path, published, "", ".. needimport:: needs.json\n", with_toml=False)
    assert result.returncode != 0
    assert "Unknown need type" in result.stderr


def test_the_toml_writer_round_trips_what_sphinx_needs_reads():
    document = {"needs": {"a": "é \"q\" \\ \n", "b": [1, True], "c": {}, "d": [{"x": {"y": {"z": "1"}}}],
                          "spaced key": {"k": False}}}
    assert tomllib.loads(ubproject.dumps(document)) == document
