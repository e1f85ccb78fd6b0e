"""An incremental build gives exactly what a clean build of the same files gives (issue 10, class 1).

For every kind of edit an author makes (add, delete, move an item between files
either way, rename a file, duplicate an ID and undo that) a programme is built,
edited, rebuilt in the same output folder, and rebuilt once more without a
change; each time its findings, needs.json and pages must equal those of a
clean build of the edited files in a fresh folder.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from checks_support import build_once, report

CONF = """\
extensions = ["myst_parser", "policy_trace"]
language = "nl"
html_theme = "furo"
policy_trace_period = ("2024-01-01", "2025-12-31")
policy_trace_reference_date = "2025-01-01"
suppress_warnings = ["policy.PT201"]
"""

INDEX = """\
# Programma

```{toctree}
:glob:
*
```

```{doelenboom}
```
"""


def item(kind: str, item_id: str, target: str) -> str:
    return f"```{{{kind}}} Titel van {item_id}\n:id: {item_id}\n:draagt_bij_aan: {target}\n```\n\n"


TOP = "```{hoofddoel} Een veilig land\n:id: HD-TOP\n```\n\n"
SD_A = item("doel", "SD-A", "HD-TOP")
SD_X = item("doel", "SD-X", "HD-TOP")
IN_X = item("inspanning", "IN-X", "SD-X")
BASE = {
    "index.md": INDEX,
    "doelen.md": "# Doelen\n\n" + TOP + SD_A,
    "extra.md": "# Extra\n\n" + SD_X + IN_X,
}


def write(srcdir: Path, files: dict[str, str | None]) -> None:
    """Write (or, for ``None``, delete) files, with a modification time Sphinx notices."""
    time.sleep(0.01)
    for name, text in files.items():
        path = srcdir / name
        if text is None:
            path.unlink()
        else:
            path.write_text(text, encoding="utf-8")


Edit = Callable[[dict[str, str]], dict[str, str | None]]

#: name -> (the files before, the edit). Each edit returns the files it writes (None: deletes).
SCENARIOS: dict[str, tuple[dict[str, str], Edit]] = {
    "add a file": (BASE, lambda f: {"nieuw.md": "# Nieuw\n\n" + item("doel", "SD-NIEUW", "HD-TOP")}),
    "delete a file": (BASE, lambda f: {"extra.md": None}),
    "move an item to a file that sorts earlier": (
        BASE,
        lambda f: {"doelen.md": f["doelen.md"] + SD_X, "extra.md": f["extra.md"].replace(SD_X, "")},
    ),
    "move an item to a file that sorts later": (
        BASE,
        lambda f: {"doelen.md": f["doelen.md"].replace(SD_A, ""), "extra.md": f["extra.md"] + SD_A},
    ),
    "rename a file": (BASE, lambda f: {"extra.md": None, "zzz.md": f["extra.md"]}),
    "duplicate an ID in a later file": (BASE, lambda f: {"extra.md": f["extra.md"] + SD_A}),
    "duplicate an ID in an earlier file": (BASE, lambda f: {"doelen.md": f["doelen.md"] + SD_X}),
    "delete the first of two duplicates": (
        {**BASE, "extra.md": BASE["extra.md"] + SD_A},
        lambda f: {"doelen.md": f["doelen.md"].replace(SD_A, "")},
    ),
    "delete the second of two duplicates": (
        {**BASE, "extra.md": BASE["extra.md"] + SD_A},
        lambda f: {"extra.md": f["extra.md"].replace(SD_A, "")},
    ),
}


def outcome(app) -> dict[str, object]:
    """What a user sees of a build: its findings, its needs.json and its pages."""
    outdir = Path(app.outdir)
    needs = json.loads((outdir / "needs.json").read_text(encoding="utf-8"))
    for version in needs["versions"].values():
        version.pop("created", None)
    pages = {
        path.relative_to(outdir).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(outdir.glob("*.html"))
        if path.name not in ("search.html", "genindex.html")
    }
    return {"findings": report(app)["findings"], "needs": needs, "pages": pages}


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda name: name.replace(" ", "-"))
def test_an_incremental_build_equals_a_clean_one(scenario, tmp_path):
    before, edit = SCENARIOS[scenario]
    srcdir = tmp_path / "incrementeel"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text(CONF, encoding="utf-8")
    write(srcdir, dict(before))
    build_once(srcdir)
    change = edit(dict(before))
    write(srcdir, change)
    incremental = outcome(build_once(srcdir))
    again = outcome(build_once(srcdir))  # a rebuild without a change

    after = {name: text for name, text in {**before, **change}.items() if text is not None}
    cleandir = tmp_path / "schoon"
    cleandir.mkdir()
    (cleandir / "conf.py").write_text(CONF, encoding="utf-8")
    write(cleandir, dict(after))
    clean = outcome(build_once(cleandir))

    for name in ("findings", "needs", "pages"):
        assert incremental[name] == clean[name], f"{scenario}: {name} after the edit"
        assert again[name] == clean[name], f"{scenario}: {name} after a rebuild without change"


def test_the_matrix_fails_without_the_fix_in_the_case_of_the_issue(tmp_path, monkeypatch):
    """The issue's own case, with both remedies switched off: the item is lost, as reported."""
    from policy_trace import rebuild

    monkeypatch.setattr(rebuild, "purge_before_reading", lambda app, env, docnames: None)
    monkeypatch.setattr(rebuild, "competitors", lambda app, env, added, changed, removed: [])
    srcdir = tmp_path / "zonder"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text(CONF, encoding="utf-8")
    write(srcdir, dict(BASE))
    build_once(srcdir)
    before, edit = SCENARIOS["move an item to a file that sorts earlier"]
    write(srcdir, edit(dict(before)))
    found = {(f["code"], f["id"]) for f in report(build_once(srcdir))["findings"]}
    assert ("PT101", "IN-X") in found  # SD-X lost: the false PT101 of the issue
