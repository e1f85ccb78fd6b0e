"""The extension's code stays clean: ruff (style, import order) and mypy (types)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=REPO, capture_output=True, text=True)


def test_ruff_finds_nothing():
    result = run("ruff", "check", "extensions", "benchmarks", "tests")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_finds_nothing_in_the_extension():
    result = run("mypy", "extensions/policy_trace")
    assert result.returncode == 0, result.stdout + result.stderr
