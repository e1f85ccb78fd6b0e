"""Adding an item type is one declaration in ``model.py`` plus its example in ``handbook.py``.

CONTRIBUTING.md promises it; this test keeps the promise. It copies the
package, appends one ``ItemType`` to ``ITEM_TYPES`` and one entry to the
handbook's ``EXAMPLES`` (nothing else), and then, with that copy: starts a
programme with ``policy-trace init``, adds an item of the new type with
``policy-trace new``, checks and builds it, and runs the model's and the
handbook's own tests. Everything else (the sphinx-needs configuration, the
checks, the pages, the handbook's tables, ``new``'s template) follows from
the model.
"""

from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "extensions" / "policy_trace"

#: The one declaration: a type the spec does not have, with its own prefix.
NEW_TYPE = """\
    ItemType("werkgroep", "WG-", "Werkgroep", "Werkgroepen",
             "Een werkgroep die een deel van het programma voorbereidt.", "#36454f"),
"""
#: Its filled example for the handbook.
NEW_EXAMPLE = '''\
    """\\
```{werkgroep} Werkgroep evacuatie
:id: WG-EVACUATIE

Bereidt het evacuatieplan voor met de gemeenten.
```
""",
'''


def _append(path: Path, opening: str, entry: str) -> None:
    """Put ``entry`` last in the tuple that ``opening`` starts (it ends at the first line ``)``)."""
    text = path.read_text(encoding="utf-8")
    start = text.index(opening)
    end = text.index("\n)\n", start) + 1
    path.write_text(text[:end] + entry + text[end:], encoding="utf-8")


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A checkout's layout with the package plus the new type: ``extensions/policy_trace``, node_modules."""
    root = tmp_path_factory.mktemp("nieuw-type")
    package = root / "extensions" / "policy_trace"
    shutil.copytree(PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    # Mermaid and d3 as a checkout serves them (assets.REPO_NODE_MODULES: beside extensions/).
    (root / "node_modules").symlink_to(REPO / "node_modules", target_is_directory=True)
    _append(package / "model.py", "ITEM_TYPES: tuple[ItemType, ...] = (", NEW_TYPE)
    _append(package / "handbook.py", "EXAMPLES: tuple[str, ...] = (", NEW_EXAMPLE)
    return root


def _changed(left: Path, right: Path) -> list[str]:
    """The files that differ between two trees (added, removed or changed), relative to them."""
    found: list[str] = []

    def walk(compared: filecmp.dircmp[str], prefix: str) -> None:
        found.extend(prefix + name for name in compared.left_only + compared.right_only + compared.diff_files)
        for name, sub in compared.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(left, right, ignore=["__pycache__"]), "")
    return sorted(found)


def _run(copy: Path, *arguments: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(copy / "extensions")}
    return subprocess.run(
        [sys.executable, *arguments],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )


def test_the_addition_touches_only_the_model_and_the_handbook_examples(copy: Path) -> None:
    assert _changed(PACKAGE, copy / "extensions" / "policy_trace") == ["handbook.py", "model.py"]
    shown = _run(copy, "-c", "import policy_trace.model as m; print(m.__file__, m.TYPE_NAMES[-1])", cwd=copy)
    assert shown.stdout.split() == [str(copy / "extensions" / "policy_trace" / "model.py"), "werkgroep"]


def test_a_programme_with_an_item_of_the_new_type_checks_and_builds(copy: Path, tmp_path: Path) -> None:
    cli = ("-m", "policy_trace.cli")
    started = _run(copy, *cli, "init", "programma", "--naam", "Proefprogramma", cwd=tmp_path)
    assert started.returncode == 0, started.stderr
    programme = tmp_path / "programma"
    made = _run(
        copy,
        *cli,
        "new",
        "werkgroep",
        "WG-EVACUATIE",
        "Werkgroep evacuatie",
        "--file",
        "needs/werkgroepen.md",
        cwd=programme,
    )
    assert made.returncode == 0, made.stderr
    # new writes the type's fields from the model: here only the common ones.
    assert "```{werkgroep} Werkgroep evacuatie\n:id: WG-EVACUATIE\n" in (
        programme / "needs" / "werkgroepen.md"
    ).read_text(encoding="utf-8")
    checked = _run(copy, *cli, "check", ".", cwd=programme)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "policy-trace: 0 fouten" in checked.stdout + checked.stderr
    built = _run(copy, *cli, "build", ".", cwd=programme)
    assert built.returncode == 0, built.stdout + built.stderr
    page = BeautifulSoup(
        (programme / "_build" / "html" / "needs" / "werkgroepen.html").read_text(encoding="utf-8"),
        "html.parser",
    )
    item = page.select_one("section.pt-item#WG-EVACUATIE")
    assert item is not None
    assert " ".join(item.find(["h1", "h2", "h3"]).get_text(" ").split()).startswith("Werkgroep evacuatie")
    details = item.find_next_sibling("div", class_="pt-item-details")
    assert details is not None and "pt-item-werkgroep" in details["class"]


def test_the_models_and_the_handbooks_own_tests_pass_with_the_new_type(copy: Path) -> None:
    tests = ("tests/test_model.py", "tests/test_handbook.py")
    # Its own temporary folder: the outer session's numbered ones are never rotated away.
    basetemp = f"--basetemp={copy / 'pytest'}"
    ran = _run(copy, "-m", "pytest", "-q", "-p", "no:cacheprovider", basetemp, *tests, cwd=REPO)
    assert ran.returncode == 0, ran.stdout[-3000:]
    assert " passed" in ran.stdout.splitlines()[-1]
