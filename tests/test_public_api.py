"""What policy_trace offers other tools: a typed public API, named in __all__ (CONTRIBUTING.md)."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import policy_trace
from policy_trace import CheckContext, Finding, check_programme, programme_from_needs_json

REPO = Path(__file__).resolve().parent.parent


def _needs_json(*needs: dict) -> dict:
    return {"current_version": "", "versions": {"": {"needs": {n["id"]: n for n in needs}}}}


def test_every_exported_name_exists_and_the_package_says_it_is_typed():
    assert sorted(policy_trace.__all__) == sorted(set(policy_trace.__all__))
    assert [name for name in policy_trace.__all__ if not hasattr(policy_trace, name)] == []
    assert (Path(policy_trace.__file__).parent / "py.typed").is_file()


def test_a_tool_checks_a_published_needs_json_with_the_exported_api():
    data = _needs_json(
        {"id": "SD-VEILIG", "type": "doel", "title": "Veilig", "docname": "needs/doelen", "lineno": 3},
        {"id": "IN-WIJK", "type": "inspanning", "title": "Wijk", "docname": "needs/inspanningen", "lineno": 5,
         "draagt_bij_aan": ["SD-ONBEKEND"]},
    )
    programme = programme_from_needs_json(data)
    assert [item.id for item in programme] == ["IN-WIJK", "SD-VEILIG"]
    run = check_programme(programme, CheckContext(reference_date=date(2025, 1, 1)))
    assert all(isinstance(found, Finding) for found in run.findings)
    # The effort points at a goal that does not exist: PT101, at its file and line.
    broken = [f for f in run.findings if f.code == "PT101"]
    assert [(f.id, f.location) for f in broken] == [("IN-WIJK", "needs/inspanningen.md:5")]


def test_mypy_reads_the_public_api_as_typed(tmp_path):
    user = tmp_path / "gebruik.py"
    user.write_text(
        "from policy_trace import Programme, programme_from_needs_json\n"
        "programme: Programme = programme_from_needs_json({})\n"
        "count: str = len(programme)\n",
        encoding="utf-8",
    )
    command = [sys.executable, "-m", "mypy", "--no-incremental", str(user)]
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True)
    # A wrong type is found (len() is an int): mypy reads our annotations, not Any.
    wrong = 'Incompatible types in assignment (expression has type "int", variable has type "str")'
    assert wrong in result.stdout
