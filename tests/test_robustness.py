"""Malformed or unusual input of the second round (issue 10): a Dutch message at its place, never a crash."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from types import MappingProxyType

import pytest
import sphinx.builders.gettext  # noqa: F401  (loaded, as in a warm process: see the first test)
from checks_support import build_once, copy_root, report, status_lines
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
        "FOUT: omgevingsvariabele SOURCE_DATE_EPOCH: 'abc' is geen aantal seconden sinds 1970; deze "
        "build gebruikt de datum van vandaag. Oplossing: zet SOURCE_DATE_EPOCH op een geheel getal, "
        "bijvoorbeeld met SOURCE_DATE_EPOCH=$(git log -1 --format=%ct), of haal de variabele weg. "
        "[policy.config]"
    ]
    # The programme itself is fine, and was checked; the variable is the one error the report holds.
    assert [f["code"] for f in report(app)["findings"] if f["severity"] == "error"] == ["policy.config"]
    # Its fix is the message's own, once; not a generic "read the message above" beside it.
    (config,) = [f for f in report(app)["findings"] if f["code"] == "policy.config"]
    assert config["message"].endswith("deze build gebruikt de datum van vandaag.")
    assert config["fix"].startswith("zet SOURCE_DATE_EPOCH op een geheel getal")
    assert "hierboven" not in config["fix"]


def test_policy_trace_build_with_a_bad_source_date_epoch_ends_in_exit_1_and_a_report(tmp_path):
    srcdir = copy_root("test-every-type", tmp_path)
    result = subprocess.run(
        [Path(sys.executable).parent / "policy-trace", "build", srcdir, "--uitvoer", tmp_path / "out"],
        capture_output=True, text=True, timeout=300,
        env={**os.environ, "NO_COLOR": "1", "SOURCE_DATE_EPOCH": "abc"},
    )
    assert "Traceback" not in result.stderr + result.stdout
    assert result.returncode == 1
    shown = "FOUT: policy.config: omgevingsvariabele SOURCE_DATE_EPOCH: 'abc' is geen aantal seconden"
    assert shown in result.stdout
    assert json.loads((tmp_path / "out" / "policy-report.json").read_text(encoding="utf-8"))["counts"]


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


# --- items that silently became text, ignored options, locations, upstream messages ----------------


@pytest.fixture(scope="module")
def round_two(tmp_path_factory):
    return build_once(copy_root("test-rules-round-two", tmp_path_factory.mktemp("ronde2")), "html",
                      warningiserror=True)


def _cut(line: str) -> str:
    """``file:line: CODE ID`` of a message line."""
    location, _, rest = line.partition(": FOUT: ")
    return f"{location}: {' '.join(rest.split(' ')[:2]).rstrip(':')}"


def test_every_item_typed_but_not_read_and_every_ignored_option_is_a_located_error(round_two):
    assert [_cut(line) for line in warnings_of(round_two)] == [
        "deel/stuk.md:3: PT101 EF-INGESLOTEN",  # at the included file, not ingesloten.md
        "latijn.md:3: PT109 (bestand)",
        "opties.md:3: PT107 IN-TWEE",  # :status: twice
        "opties.md:10: PT108 EF-LINKS",  # sphinx-needs' generic :links:
        "opties.md:16: PT107 SD-BRAND",  # the ID of index.md:14 again; sphinx-needs' message is ours now
        "verloren.md:3: PT109 SD-BACKTICK",  # a backtick in the title: no fence for CommonMark
        "verloren.md:8: PT109 SD-ERNA",  # swallowed by the code block the line above left open
        "verloren.md:13: PT109 SD-KOLOM",  # ::: without colon_fence
        "verloren.md:18: PT109 SD-KORT",  # ``{doel}: two backticks are no fence
    ]
    assert round_two.statuscode == 1
    text = "\n".join(warnings_of(round_two))
    assert "Oplossing: zet de titel zonder backtick" in text
    assert "dit item staat in een codeblok dat op regel 6 werd geopend" in text
    assert 'Oplossing: zet myst_enable_extensions = ["colon_fence"] in conf.py' in text
    assert "Oplossing: vervang ':links:' door de koppeling die je bedoelt: gebruik ':draagt_bij_aan:'" in text
    assert "de optie ':status:' staat 2 keer in dit item (regels 6, 7)" in text
    assert "het ID SD-BRAND is al gegeven aan het item op index.md:14" in text
    assert "SD-VOORBEELD" not in text  # an example in a ````markdown block is shown on purpose


def test_the_findings_of_the_source_are_in_every_report(round_two):
    data = report(round_two)
    assert {(f["code"], f["id"], f["file"], f["line"]) for f in data["findings"]} >= {
        ("PT109", "SD-BACKTICK", "verloren.md", 3),
        ("PT107", "IN-TWEE", "opties.md", 3),
        ("PT101", "EF-INGESLOTEN", "deel/stuk.md", 3),
    }
    from xml.etree import ElementTree as ET

    root = ET.parse(Path(round_two.outdir) / "policy-report.xml").getroot()
    failed = {case.get("name") for case in root.iter("testcase") if case.find("failure") is not None}
    assert {"SD-BACKTICK", "SD-KOLOM", "IN-TWEE", "EF-LINKS"} <= failed  # lost items too: a case each


def test_a_latin_1_file_is_read_and_named_at_its_line_not_an_encoding_crash(tmp_path):
    srcdir = copy_root("test-rules-round-two", tmp_path)
    result = sphinx_build(srcdir, tmp_path / "out")
    assert "Traceback" not in result.stderr + result.stdout
    assert "Encoding error" not in result.stderr + result.stdout
    assert result.returncode == 1
    assert "latijn.md:3: FOUT: PT109 (bestand): dit bestand is geen UTF-8" in result.stderr
    assert "EF-LATIJN" in (tmp_path / "out" / "latijn.html").read_text(encoding="utf-8")  # still read
    assert (tmp_path / "out" / "policy-report.json").is_file()


def test_an_item_in_a_colon_fence_right_after_a_note_is_reported_at_its_own_line(tmp_path):
    app = build_once(copy_root("test-rules-colon-fence", tmp_path), "html")
    assert [_cut(line) for line in warnings_of(app)] == [
        "index.md:8: PT101 SD-IN-NOTITIE",
        "index.md:15: PT101 SD-ONDER-KOP",
    ]


def test_the_summary_line_counts_the_messages_of_sphinx_needs_and_myst_too(tmp_path):
    app = build_once(copy_root("test-rules-bad-input", tmp_path), "html")
    shown = len(warnings_of(app))
    # Every message shown is a finding of the report, counted as an error in the summary.
    assert report(app)["counts"]["error"] == shown
    summary = [line for line in status_lines(app) if line.startswith("policy-trace: ")]
    assert summary == [
        f"policy-trace: {shown} fouten, 4 adviezen"
    ]


# --- cycles: every cycle of a tangle is named, with a fix that breaks them all -------------------


def _cycles(programme: Programme, context: CheckContext):
    return run_checks(programme, context, ["PT104"])


def test_a_figure_eight_of_two_cycles_is_one_finding_that_names_all_and_breaks_both():
    goals = [
        _item("SD-A", "doel", draagt_bij_aan=("SD-B", "SD-C")),
        _item("SD-B", "doel", draagt_bij_aan=("SD-A",)),
        _item("SD-C", "doel", draagt_bij_aan=("SD-A",)),
    ]
    programme = Programme.from_items(goals)
    found = list(_cycles(programme, CheckContext(reference_date=date(2025, 1, 1))))
    assert [(f.code, f.id) for f in found] == [("PT104", "SD-A")]
    assert "meer dan één kring door dezelfde 3 items: SD-A, SD-B, SD-C" in found[0].message
    assert "haal deze 2 koppelingen weg" in found[0].fix
    assert "':draagt_bij_aan: SD-A' bij SD-B" in found[0].fix
    assert "':draagt_bij_aan: SD-A' bij SD-C" in found[0].fix
    # The fix does what it says: without those links, no cycle is left.
    fixed = Programme.from_items([goals[0]] + [_item(i, "doel") for i in ("SD-B", "SD-C")])
    assert list(_cycles(fixed, CheckContext(reference_date=date(2025, 1, 1)))) == []


def test_the_links_named_break_every_cycle_of_a_dense_tangle():
    import re

    ids = [f"SD-{n:02d}" for n in range(12)]
    # every goal serves the next three, round the circle: many cycles through all twelve
    goals = {i: tuple(ids[(n + k) % 12] for k in (1, 2, 3)) for n, i in enumerate(ids)}
    context = CheckContext(reference_date=date(2025, 1, 1))
    tangle = Programme.from_items([_item(i, "doel", draagt_bij_aan=t) for i, t in goals.items()])
    found = list(_cycles(tangle, context))
    assert len(found) == 1
    assert not re.search(r"\d+ andere", found[0].fix)  # all links named (few enough here)
    broken = set(re.findall(r"':draagt_bij_aan: (SD-\d+)' bij (SD-\d+)", found[0].fix))
    kept = {i: tuple(t for t in targets if (t, i) not in broken) for i, targets in goals.items()}
    rest = Programme.from_items([_item(i, "doel", draagt_bij_aan=t) for i, t in kept.items()])
    assert list(_cycles(rest, context)) == []


def test_the_messages_of_sphinx_needs_and_myst_read_in_our_words_and_are_counted(tmp_path):
    app = build_once(copy_root("test-rules-references", tmp_path), "html")
    assert warnings_of(app) == [
        # Rewritten as a rule's message, they are that rule's: type policy, its code as subtype.
        "index.md:9: FOUT: PT109 (onbekend type 'doell'): dit is waarschijnlijk als doel bedoeld, maar "
        "'doell' is geen type van het model, dus het wordt niet als item gelezen. Oplossing: schrijf "
        "{doel}. [policy.PT109]",
        "index.md:7: FOUT: PT101 SD-OOK-NIET: een verwijzing in de tekst wijst naar SD-OOK-NIET, maar "
        "er is geen item met dat ID. Oplossing: verbeter het ID, of maak het item aan. [policy.PT101]",
        "index.md:7: FOUT: myst.xref_missing (verwijzing 'nergens'): die verwijzing wijst naar niets op de "
        "site. Oplossing: verbeter het doel van de link (een kop, een pagina of een item-ID), of haal de "
        "link weg. [myst.xref_missing]",
        "index.md:7: FOUT: PT101 SD-BESTAAT-NIET: een verwijzing in de tekst wijst naar SD-BESTAAT-NIET, "
        "maar er is geen item met dat ID. Oplossing: verbeter het ID, of maak het item aan. [policy.PT101]",
    ]
    summary = [line for line in status_lines(app) if line.startswith("policy-trace: ")]
    assert summary == ["policy-trace: 4 fouten, 1 advies"]
    assert {f["code"] for f in report(app)["findings"] if f["severity"] == "error"} == {
        "PT101", "PT109", "myst.xref_missing"
    }


def test_a_parallel_build_finds_the_same_in_the_sources(round_two, tmp_path):
    parallel = build_once(copy_root("test-rules-round-two", tmp_path), "html", parallel=2)
    assert report(parallel)["findings"] == report(round_two)["findings"]
