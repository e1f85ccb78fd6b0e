"""Malformed or unusual input of the second round (issue 10): a Dutch message at its place, never a crash."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from types import MappingProxyType

import sphinx.builders.gettext  # noqa: F401  (loaded, as in a warm process: see the first test)
from checks_support import build_once, copy_root, report
from conftest import warnings_of
from policy_trace.checks import CheckContext, run_checks
from policy_trace.items import Item, Programme

SPHINX_BUILD = Path(sys.executable).parent / "sphinx-build"


def sphinx_build(srcdir: Path, outdir: Path, *options: str, env: dict[str, str] | None = None):
    """``sphinx-build -W --keep-going`` as ``make html`` runs it, in a process of its own."""
    return subprocess.run(
        [SPHINX_BUILD, "-q", "-W", "--keep-going", *options, "-b", "html", srcdir, outdir],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "NO_COLOR": "1", **(env or {})},
    )


def test_a_source_date_epoch_that_is_no_number_is_a_dutch_message_not_a_traceback(tmp_path, monkeypatch):
    # In a process that has loaded Sphinx once (make live's warm builds, this test run), a build
    # reaches config-inited, where Sphinx's own copyright-year handler would crash on int("abc").
    # (A fresh sphinx-build process crashes earlier, importing Sphinx's gettext builder, before
    # any extension can run; see the report of issue 10.)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "abc")
    srcdir = copy_root("test-every-type", tmp_path)
    app = build_once(srcdir, "html", warningiserror=True)
    assert app.statuscode == 1
    assert warnings_of(app) == [
        "WARNING: omgevingsvariabele SOURCE_DATE_EPOCH: 'abc' is geen aantal seconden sinds 1970; deze "
        "build gebruikt de datum van vandaag. Oplossing: zet SOURCE_DATE_EPOCH op een geheel getal, "
        "bijvoorbeeld met SOURCE_DATE_EPOCH=$(git log -1 --format=%ct), of haal de variabele weg. "
        "[policy.config]"
    ]
    assert report(app)["counts"]["error"] == 0  # the programme itself is fine, and was checked


def test_an_effort_without_spoor_is_fine_the_spec_makes_it_optional():
    effort = Item("IN-ZONDER-SPOOR", "inspanning", "Zonder spoor", "needs/a.md", 3, "", (),
                  MappingProxyType({}), MappingProxyType({"draagt_bij_aan": ("SD-A",)}))
    goal = Item("SD-A", "doel", "Een doel", "needs/a.md", 1, "", (),
                MappingProxyType({}), MappingProxyType({"draagt_bij_aan": ("HD-A",)}))
    top = Item("HD-A", "hoofddoel", "Top", "needs/a.md", 9, "", (),
               MappingProxyType({}), MappingProxyType({}))
    programme = Programme.from_items([effort, goal, top])
    found = run_checks(programme, CheckContext(reference_date=date(2025, 1, 1)))
    assert [f for f in found if f.id == "IN-ZONDER-SPOOR"] == []
