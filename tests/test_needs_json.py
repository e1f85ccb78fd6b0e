"""needs.json and programma.csv: byte for byte what sphinx-needs writes, written beside the pages."""

from __future__ import annotations

import json
import os
from pathlib import Path

from checks_support import build_once, copy_root
from policy_trace import exports


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


# --- written beside the pages (policy_trace.exports) ----------------------------------------------


def _pending(out: Path) -> list[Path]:
    return sorted(out.glob("*" + exports.PENDING_SUFFIX))


def test_the_downloads_are_written_in_place_with_nothing_left_over(tmp_path):
    app = build_once(copy_root("test-every-type", tmp_path), "html")
    out = Path(app.outdir)
    assert (out / "needs.json").is_file() and (out / "programma.csv").is_file()
    assert _pending(out) == []


def test_without_fork_the_downloads_are_written_at_the_end(tmp_path, monkeypatch):
    monkeypatch.delattr(os, "fork")  # as on Windows
    app = build_once(copy_root("test-every-type", tmp_path), "html")
    out = Path(app.outdir)
    assert json.loads((out / "needs.json").read_text(encoding="utf-8"))["current_version"] == ""
    assert (out / "programma.csv").read_text(encoding="utf-8-sig").startswith("id,type,titel")


def test_a_download_that_cannot_be_written_is_an_error_with_a_fix(tmp_path):
    srcdir = copy_root("test-every-type", tmp_path)
    blocked = srcdir / "_build" / "html" / ("needs.json" + exports.PENDING_SUFFIX)
    blocked.mkdir(parents=True)  # a folder where the file should go: the child cannot write it
    app = build_once(srcdir, "html")
    text = app.warning.getvalue()
    assert (
        "ERROR: policy-trace: needs.json, ubproject.toml en programma.csv konden niet worden geschreven "
        f"(Is a directory: {blocked}). Oplossing: controleer of de uitvoermap schrijfbaar is" in text
    )
    assert "Traceback" not in text
    assert not (Path(app.outdir) / "needs.json").exists()


def test_a_build_that_fails_after_the_pages_started_keeps_the_previous_downloads(tmp_path):
    app = build_once(copy_root("test-every-type", tmp_path), "html")
    out = Path(app.outdir)
    before = (out / "needs.json").read_bytes()
    (out / "needs.json").write_bytes(b"{}")  # marks the previous build's file
    downloads = exports.Exports()
    downloads.start(app, app.builder)
    downloads.finish(app, RuntimeError("a page could not be written"))
    assert (out / "needs.json").read_bytes() == b"{}"
    assert _pending(out) == []
    downloads.start(app, app.builder)
    downloads.finish(app, None)
    assert (out / "needs.json").read_bytes() == before
