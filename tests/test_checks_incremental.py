"""The checks see all items in every build: incremental rebuilds, no-change rebuilds, and ``-j 2``."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from checks_support import advice_lines, build_once, copy_root, report, status_lines
from conftest import warnings_of


def edit(path: Path, old: str, new: str) -> None:
    """Change one file the way an author would, with a modification time Sphinx notices."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    time.sleep(0.01)  # a modification time after the previous build read the file
    path.write_text(text.replace(old, new), encoding="utf-8")


def found(app) -> list[tuple[str, str, str, int]]:
    return [(f["code"], f["id"], f["file"], f["line"]) for f in report(app)["findings"]]


def reread(app) -> list[str]:
    """The documents a build read (``reading sources... [ 50%] doelen``)."""
    return sorted(
        line.rsplit(" ", 1)[-1] for line in status_lines(app) if line.startswith("reading sources... [")
    )


def controle_items(app) -> dict[str, str]:
    html = (Path(app.outdir) / "controle.html").read_text(encoding="utf-8")
    rows = BeautifulSoup(html, "html.parser").select("table.policy-items tbody tr")
    return {
        row.select("th, td")[0].get_text(strip=True): row.select("th, td")[2].get_text(strip=True)
        for row in rows
    }


PT106 = ("PT106", "IN-PREVENTIE", "doelen.md", 14)
PT403 = ("PT403", "PA-WATERSCHAP", "partijen.md", 7)
PT101 = ("PT101", "PRJ-WIJK", "projecten.md", 3)


@pytest.fixture(scope="module")
def srcdir(tmp_path_factory):
    return copy_root("test-rules-incremental", tmp_path_factory.mktemp("incremental"))


# The steps build on each other in one source folder, in this order.


def test_first_build_reports_the_findings_of_every_file(srcdir):
    app = build_once(srcdir)
    assert found(app) == [PT106, PT403]
    assert controle_items(app) == {"IN-PREVENTIE": "PT106", "PA-WATERSCHAP": "PT403"}


def test_a_rebuild_without_changes_reports_them_again(srcdir):
    app = build_once(srcdir)
    assert reread(app) == []
    assert found(app) == [PT106, PT403]
    assert [line.split(":")[0] for line in warnings_of(app) if "[policy." in line] == ["doelen.md"]
    assert [line.split(":")[0] for line in advice_lines(app)] == ["partijen.md"]


def test_breaking_a_link_in_one_file_is_reported_and_the_others_stay(srcdir):
    edit(srcdir / "projecten.md", ":voert_uit: IN-PREVENTIE", ":voert_uit: IN-PREVENTEI")
    app = build_once(srcdir)
    # Only the edited file is read again, and the Controle page, which shows all items.
    assert reread(app) == ["controle", "projecten"]
    assert found(app) == [PT106, PT403, PT101]
    assert "bedoel je IN-PREVENTIE?" in report(app)["findings"][2]["fix"]
    assert [line.split(": FOUT: ")[0] for line in warnings_of(app) if "[policy." in line] == [
        "doelen.md:14",
        "projecten.md:3",
    ]
    assert controle_items(app) == {"IN-PREVENTIE": "PT106", "PA-WATERSCHAP": "PT403", "PRJ-WIJK": "PT101"}


def test_fixing_a_problem_in_one_file_removes_only_its_finding(srcdir):
    edit(srcdir / "doelen.md", ":spoor: sociaal", ":spoor: inhoudelijk")
    app = build_once(srcdir)
    assert reread(app) == ["controle", "doelen"]
    assert found(app) == [PT403, PT101]
    assert controle_items(app) == {"PA-WATERSCHAP": "PT403", "PRJ-WIJK": "PT101"}


def test_a_new_reference_date_rebuilds_only_the_controle_page(tmp_path, monkeypatch):
    srcdir = copy_root("test-rules-incremental", tmp_path)
    edit(srcdir / "conf.py", 'policy_trace_reference_date = "2025-01-01"', "")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735689600")  # 2025-01-01
    build_once(srcdir)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    app = build_once(srcdir)
    assert reread(app) == ["controle"]
    html = (Path(app.outdir) / "controle.html").read_text(encoding="utf-8")
    assert "(peildatum 2026-01-01)" in html


def test_a_parallel_build_gives_the_same_reports_as_a_serial_one(tmp_path_factory):
    serial = build_once(copy_root("test-rules", tmp_path_factory.mktemp("serial")))
    parallel = build_once(copy_root("test-rules", tmp_path_factory.mktemp("parallel")), parallel=2)
    for name in ("policy-report.json", "policy-report.xml"):
        assert (Path(parallel.outdir) / name).read_bytes() == (Path(serial.outdir) / name).read_bytes()
    assert warnings_of(parallel) == warnings_of(serial)
    assert controle_items(parallel) == controle_items(serial)
