"""needs.json: written by policy_trace.needs_json, byte for byte what sphinx-needs itself writes."""

from __future__ import annotations

from pathlib import Path

from checks_support import build_once, copy_root


def test_needs_json_is_what_the_sphinx_needs_builder_writes(tmp_path):
    # test-views has every item type, links in every direction, and items on several pages.
    srcdir = copy_root("test-views", tmp_path)
    html = build_once(srcdir, "html")
    needs = build_once(srcdir, "needs")  # sphinx-needs' own builder, its own writer
    ours = (Path(html.outdir) / "needs.json").read_bytes()
    theirs = (Path(needs.outdir) / "needs.json").read_bytes()
    assert b'"current_version"' in ours
    assert ours == theirs


def test_needs_json_follows_an_edit_on_an_incremental_build(tmp_path):
    srcdir = copy_root("test-every-type", tmp_path)
    first = build_once(srcdir, "html")
    index = srcdir / "index.md"
    text = index.read_text(encoding="utf-8")
    index.write_text(text.replace(":status: gepland", ":status: bereikt", 1), encoding="utf-8")
    again = build_once(srcdir, "html")
    assert again.outdir == first.outdir
    text = (Path(again.outdir) / "needs.json").read_text(encoding="utf-8")
    assert '"status": "bereikt"' in text


def test_a_programme_with_its_own_schema_rules_keeps_sphinx_needs_validation(tmp_path):
    # Our own field schemas only say "a string", so we switch sphinx-needs' schema
    # validation off; a project that adds rules of its own must still get them checked.
    srcdir = copy_root("test-every-type", tmp_path)
    rule = {
        "schemas": [
            {
                "id": "mijlpaal-in-2030",
                "select": {"properties": {"type": {"const": "mijlpaal"}}},
                "validate": {"local": {"properties": {"datum": {"pattern": "^2030"}}}},
            }
        ]
    }
    checked = build_once(srcdir, "html", confoverrides={"needs_schema_definitions": rule})
    assert "mijlpaal-in-2030" in checked.warning.getvalue()
    plain = build_once(copy_root("test-every-type", tmp_path / "plain"), "html")
    assert "mijlpaal-in-2030" not in plain.warning.getvalue()
