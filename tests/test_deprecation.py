"""The deprecation rule (CONTRIBUTING.md) is enforced: an old name works, warns where it is written, and goes.

Nothing is deprecated in this release (``model.DEPRECATED`` is empty), so the
mechanism is shown with a test-only copy of the model that deprecates one
setting, one item option and one page block, as a rename would.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from checks_support import build_once, copy_root
from conftest import warnings_of
from policy_trace import deprecation, handbook, model
from policy_trace.sourcescan import scan
from policy_trace.version import __version__

#: A test-only model's deprecations: older names of the peildatum, a criterion's deadline and a block.
EXAMPLES: tuple[model.Deprecated, ...] = (
    model.Deprecated("setting", "policy_trace_peildatum", "policy_trace_reference_date", "0.1.0", "0.2.0"),
    model.Deprecated("option", "streefdatum", "deadline", "0.1.0", "0.2.0"),
    model.Deprecated("directive", "tevredenheid", "tevreden", "0.1.0", "0.2.0"),
)

SETTING_WARNING = (
    "conf.py:9: FOUT: policy_trace_peildatum is afgeschaft sinds versie 0.1.0 en werkt niet meer vanaf "
    "versie 0.2.0; deze build leest de waarde als policy_trace_reference_date. Oplossing: noem de "
    "instelling in conf.py policy_trace_reference_date. [policy.deprecated]"
)
BLOCK_WARNING = (
    "tevreden.md:3: FOUT: het blok {tevredenheid} is afgeschaft sinds versie 0.1.0 en werkt niet meer "
    "vanaf versie 0.2.0; deze build toont het als {tevreden}. Oplossing: schrijf {tevreden} in plaats van "
    "{tevredenheid}. [policy.deprecated]"
)
OPTION_WARNING = (
    "needs/criteria.md:9: FOUT: CR-ROOKMELDER: de optie :streefdatum: is afgeschaft sinds versie 0.1.0 "
    "en werkt niet meer vanaf versie 0.2.0; deze build leest haar als :deadline:. Oplossing: schrijf "
    ":deadline: in plaats van :streefdatum:. [policy.deprecated]"
)


def test_no_deprecated_name_is_still_accepted_once_the_version_reaches_its_removal():
    # Raising version.py to a declared removal version fails here until the old name is removed from
    # model.DEPRECATED (and CHANGELOG.md names it under Removed).
    assert [(old.name, old.removal) for old in deprecation.overdue()] == [], f"versie {__version__}"


def test_the_removal_check_fails_when_the_version_reaches_a_removal_version():
    assert deprecation.overdue("0.1.9", EXAMPLES) == []
    assert deprecation.overdue("0.2.0", EXAMPLES) == list(EXAMPLES)
    assert deprecation.overdue("0.2.0rc1", EXAMPLES) == list(EXAMPLES)  # a pre-release of it too
    assert deprecation.overdue("0.10.0", EXAMPLES) == list(EXAMPLES)  # compared as numbers, not text
    assert deprecation.release("1.10.2") > deprecation.release("1.9")


@pytest.mark.parametrize("old", [*model.DEPRECATED, *EXAMPLES], ids=lambda old: old.name)
def test_a_deprecated_name_points_at_a_name_of_the_model_and_is_none_itself(old: model.Deprecated):
    settings = {setting.name for setting in model.SETTINGS}
    options = {f.name for t in model.ITEM_TYPES for f in t.fields} | set(model.LINK_NAMES)
    blocks = set(handbook.page_directives())
    current = {"setting": settings, "option": options, "directive": blocks}[old.kind]
    assert old.replacement in current and old.name not in settings | options | blocks
    assert deprecation.release(old.since) < deprecation.release(old.removal)


def _with_old_names(tmp_path: Path, suppress: bool = False) -> Path:
    """The stand root, with its peildatum, one criterion's deadline and the dashboard's block under their
    deprecated names."""
    srcdir = copy_root("test-stand", tmp_path)
    conf = srcdir / "conf.py"
    text = conf.read_text(encoding="utf-8").replace(
        "policy_trace_reference_date =", "policy_trace_peildatum ="
    )
    if suppress:
        text += 'suppress_warnings = ["policy.deprecated"]\n'
    conf.write_text(text, encoding="utf-8")
    criteria = srcdir / "needs/criteria.md"
    text = criteria.read_text(encoding="utf-8")
    criteria.write_text(
        text.replace(":deadline: 2025-12-31", ":streefdatum: 2025-12-31", 1), encoding="utf-8"
    )
    page = srcdir / "tevreden.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("```{tevreden}", "```{tevredenheid}"), encoding="utf-8")
    return srcdir


def _criterion_and_stand(outdir: Path) -> tuple[str, str, str]:
    """What a reader sees of CR-ROOKMELDER's details, the stand, and the dashboard page."""
    items = BeautifulSoup((outdir / "needs/criteria.html").read_text(encoding="utf-8"), "html.parser")
    details = items.find(id="CR-ROOKMELDER").find_next_sibling("div", class_="pt-item-details")
    stand = BeautifulSoup((outdir / "stand.html").read_text(encoding="utf-8"), "html.parser")
    dashboard = BeautifulSoup((outdir / "tevreden.html").read_text(encoding="utf-8"), "html.parser")
    return (
        " ".join(details.get_text(" ").split()),
        str(stand.select_one(".pt-stand")),
        " ".join(dashboard.select_one("article").get_text(" ").split()),
    )


def test_an_old_setting_option_and_block_still_work_and_warn_at_their_line(tmp_path, monkeypatch):
    monkeypatch.setattr(model, "DEPRECATED", EXAMPLES)
    current = build_once(copy_root("test-stand", tmp_path / "nu"))
    old = build_once(_with_old_names(tmp_path / "oud"))
    assert warnings_of(current) == []
    assert warnings_of(old) == [SETTING_WARNING, OPTION_WARNING, BLOCK_WARNING]
    # Read as their replacements: the same peildatum, deadline, judgement, stand and dashboard.
    shown = _criterion_and_stand(Path(old.outdir))
    assert "Deadline : 31 december 2025" in shown[0] and "berekend: risico" in shown[0]
    assert shown == _criterion_and_stand(Path(current.outdir))
    needs = json.loads((Path(old.outdir) / "needs.json").read_text(encoding="utf-8"))
    published = needs["versions"][needs["current_version"]]["needs"]["CR-ROOKMELDER"]
    assert published["deadline"] == "2025-12-31" and "streefdatum" not in published
    # Findings like the others: in the report under their code, with file and line.
    report = json.loads((Path(old.outdir) / "policy-report.json").read_text(encoding="utf-8"))
    found = [
        (f["code"], f["file"], f["line"]) for f in report["findings"] if f["code"] == "policy.deprecated"
    ]
    assert found == [
        ("policy.deprecated", "conf.py", 9),
        ("policy.deprecated", "needs/criteria.md", 9),
        ("policy.deprecated", "tevreden.md", 3),
    ]


def test_the_next_and_a_parallel_build_warn_alike_and_suppress_warnings_silences_it(tmp_path, monkeypatch):
    monkeypatch.setattr(model, "DEPRECATED", EXAMPLES)
    srcdir = _with_old_names(tmp_path / "oud")
    build_once(srcdir)
    again = build_once(srcdir)  # incremental: nothing changed, the same warnings
    assert warnings_of(again) == [SETTING_WARNING, OPTION_WARNING, BLOCK_WARNING]
    parallel = build_once(_with_old_names(tmp_path / "parallel"), parallel=2)
    assert sorted(warnings_of(parallel)) == sorted([SETTING_WARNING, OPTION_WARNING, BLOCK_WARNING])
    quiet = build_once(_with_old_names(tmp_path / "stil", suppress=True))
    assert warnings_of(quiet) == []
    assert "Deadline : 31 december 2025" in _criterion_and_stand(Path(quiet.outdir))[0]


def test_an_item_that_gives_the_old_and_the_new_option_is_told_to_drop_the_old(tmp_path, monkeypatch):
    monkeypatch.setattr(model, "DEPRECATED", EXAMPLES)
    srcdir = copy_root("test-stand", tmp_path)
    criteria = srcdir / "needs/criteria.md"
    text = criteria.read_text(encoding="utf-8")
    criteria.write_text(
        text.replace(":deadline: 2025-12-31", ":deadline: 2025-12-31\n:streefdatum: 2025-06-30", 1),
        encoding="utf-8",
    )
    # One mistake, one message: not also PT108's "an option the model does not know" for the old one.
    app = build_once(srcdir)
    assert warnings_of(app) == [
        "needs/criteria.md:10: FOUT: CR-ROOKMELDER: de optie :streefdatum: is afgeschaft sinds versie "
        "0.1.0 en het item geeft ook :deadline:; deze build leest alleen :deadline:. Oplossing: haal "
        ":streefdatum: weg. [policy.deprecated]",
    ]
    # The new one holds.
    assert "Deadline : 31 december 2025" in _criterion_and_stand(Path(app.outdir))[0]


def _handbook_table(tmp_path: Path) -> str:
    tmp_path.mkdir()
    (tmp_path / "conf.py").write_text('extensions = ["myst_parser", "policy_trace"]\n', encoding="utf-8")
    page = "# Afgeschaft\n\n```{policy-trace-deprecated}\n```\n"
    (tmp_path / "index.md").write_text(page, encoding="utf-8")
    app = build_once(tmp_path)
    assert warnings_of(app) == []
    page = BeautifulSoup((Path(app.outdir) / "index.html").read_text(encoding="utf-8"), "html.parser")
    article = page.select_one("article")
    assert article is not None
    cells = article.select("th, td") or article.select("p")
    return " | ".join(" ".join(cell.get_text(" ").split()) for cell in cells)


def test_the_handbook_lists_each_deprecated_name_with_what_to_write_now(tmp_path, monkeypatch):
    assert _handbook_table(tmp_path / "nu") == "In deze versie van policy-trace is geen naam afgeschaft."
    monkeypatch.setattr(model, "DEPRECATED", EXAMPLES)
    assert _handbook_table(tmp_path / "oud") == (
        "Afgeschaft | Soort | Schrijf nu | Sinds | Werkt niet meer vanaf | "
        "policy_trace_peildatum | instelling | policy_trace_reference_date | 0.1.0 | 0.2.0 | "
        ":streefdatum: | optie | :deadline: | 0.1.0 | 0.2.0 | "
        "{tevredenheid} | blok | {tevreden} | 0.1.0 | 0.2.0"
    )


def _conf_with(tmp_path: Path, lines: str) -> Path:
    srcdir = copy_root("test-stand", tmp_path)
    conf = srcdir / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8") + lines, encoding="utf-8")
    return srcdir


def test_an_old_setting_beside_its_replacement_is_ignored_and_said_so(tmp_path, monkeypatch):
    monkeypatch.setattr(model, "DEPRECATED", EXAMPLES)
    app = build_once(_conf_with(tmp_path, 'policy_trace_peildatum = "2030-01-01"\n'))
    assert warnings_of(app) == [
        "conf.py:13: FOUT: policy_trace_peildatum is afgeschaft sinds versie 0.1.0 en werkt niet meer vanaf "
        "versie 0.2.0; conf.py zet ook policy_trace_reference_date; de waarde van policy_trace_peildatum "
        "wordt genegeerd. Oplossing: noem de instelling in conf.py policy_trace_reference_date en haal "
        "policy_trace_peildatum weg. [policy.deprecated]"
    ]
    # The replacement's own value holds.
    assert "Stand op de peildatum 1 januari 2025" in _criterion_and_stand(Path(app.outdir))[1]


def test_an_old_setting_of_the_wrong_type_is_a_setting_error_at_its_line(tmp_path, monkeypatch):
    monkeypatch.setattr(model, "DEPRECATED", EXAMPLES)
    srcdir = _with_old_names(tmp_path)
    conf = srcdir / "conf.py"
    conf.write_text(
        conf.read_text(encoding="utf-8").replace(
            'policy_trace_peildatum = "2025-01-01"', "policy_trace_peildatum = ['2025-01-01']"
        ),
        encoding="utf-8",
    )
    warned = warnings_of(build_once(srcdir))
    assert warned[0].startswith(
        "conf.py:9: FOUT: policy_trace_peildatum (afgeschaft, nu policy_trace_reference_date): "
        "policy_trace_reference_date moet "
    )
    assert warned[0].endswith("Nu geldt de standaardwaarde. [policy.config]")


def test_an_old_option_is_renamed_on_its_own_line_only_in_either_option_form(monkeypatch):
    monkeypatch.setattr(model, "DEPRECATED", EXAMPLES)
    text = (
        "# Criteria\n\n```{criterium} Een\n:id: CR-EEN\n:streefdatum: 2025-12-31\n\n"
        "Over :streefdatum: hier.\n"
        "```\n\n```{criterium} Twee\n---\nid: CR-TWEE\nstreefdatum: 2026-01-01\n---\n```\n\n"
        "```text\n:streefdatum: in code\n```\n"
    )
    scanned = scan(text, "needs/x.md", model.TYPE_NAMES, False, deprecation.option_names())
    renamed, uses = deprecation.rename_options(text, scanned)
    assert [(use.item_id, use.line) for use in uses] == [("CR-EEN", 5), ("CR-TWEE", 13)]
    assert renamed == text.replace(":streefdatum: 2025", ":deadline: 2025").replace(
        "streefdatum: 2026", "deadline: 2026"
    )
    assert renamed.count("\n") == text.count("\n")
