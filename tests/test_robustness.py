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


# --- the doelenboom's text list: each item once, any depth ---------------------------------------


def _item(item_id: str, type_name: str, **links: tuple[str, ...]) -> Item:
    return Item(item_id, type_name, f"Titel {item_id}", "needs/doelen.md", 1, "", (),
                MappingProxyType({}), MappingProxyType(links), docname="doelen")


def _view_context(programme: Programme):
    from types import SimpleNamespace

    from policy_trace.views.context import ViewContext

    builder = SimpleNamespace(get_relative_uri=lambda _from, to: f"{to}.html")
    return ViewContext(SimpleNamespace(builder=builder), "index", programme)


def _lattice(goals: int) -> Programme:
    """A hoofddoel over layers of two goals, each serving both goals of the layer above."""
    items = [_item("HD-TOP", "hoofddoel")]
    above = ("HD-TOP",)
    for layer in range(goals // 2):
        layer_ids = (f"SD-L{layer}-A", f"SD-L{layer}-B")
        items += [_item(goal, "doel", draagt_bij_aan=above) for goal in layer_ids]
        above = layer_ids
    return Programme.from_items(items)


def _list_entries(html: str) -> list[tuple[str, bool]]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    return [(li.a["href"].split("#")[1], li.has_attr("id")) for li in soup.find_all("li")]


def test_the_doelenboom_list_names_each_item_once_and_refers_back_to_it_after():
    from policy_trace.views.doelenboom import text_equivalent

    sizes = {}
    for goals in (29, 37):
        programme = _lattice(goals)
        html = text_equivalent(_view_context(programme)).astext()
        entries = _list_entries(html)
        full = [item_id for item_id, first in entries if first]
        assert sorted(full) == sorted(programme.items), "every item listed in full exactly once"
        # one entry per item plus one back reference per further link: linear, not per path
        links = sum(len(targets) for item in programme for targets in item.links.values())
        assert len(entries) == 1 + links
        sizes[goals] = len(html)
    assert sizes[37] < sizes[29] * 1.5  # 3.6 MB and 57 MB before
    assert 'href="#doelenboom-SD-L1-A">staat eerder in deze lijst</a>' in html


def test_a_chain_of_600_goals_and_a_cycle_nobody_reaches_are_listed_without_recursion():
    from policy_trace.views.doelenboom import text_equivalent

    items = [_item("HD-TOP", "hoofddoel")]
    items += [_item(f"SD-{n:04d}", "doel", draagt_bij_aan=(f"SD-{n - 1:04d}" if n else "HD-TOP",))
              for n in range(600)]
    items += [_item("SD-KRING-A", "doel", draagt_bij_aan=("SD-KRING-B",)),
              _item("SD-KRING-B", "doel", draagt_bij_aan=("SD-KRING-A",))]
    html = text_equivalent(_view_context(Programme.from_items(items))).astext()
    entries = _list_entries(html)
    assert sorted(i for i, first in entries if first) == sorted(item.id for item in items)
    assert html.count("<ul>") == 600 + 2  # 600 levels deep under HD-TOP, and the cycle
