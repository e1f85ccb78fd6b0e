"""A user's machine: the wheel built from this repository, installed in a fresh venv, no Node.js.

Used by tests/test_package.py and tests/browser/test_installed_programme.py
through the session fixtures of tests/conftest.py: the wheel is built once per
session, the venv made once, and one programme started with ``policy-trace init``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
#: What a wheel is built from (the sdist's files): no node_modules, no tests, no .venv.
BUILD_INPUTS = (
    "pyproject.toml",
    "setup.py",
    "MANIFEST.in",
    "README.md",
    "package.json",
    "package-lock.json",
    "tools",
    "extensions",
)
NAME = "Hitteplan Utrecht"


@dataclass(frozen=True)
class Machine:
    """The installed venv, and the environment of a shell without node or npm on its PATH."""

    venv: Path
    env: dict[str, str]

    def run(self, *command: str, cwd: Path, check: bool = True) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            [str(self.venv / "bin" / command[0]), *command[1:]],
            cwd=cwd,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=900,
            check=False,
        )
        if check and done.returncode:
            raise AssertionError(
                f"{' '.join(command)} stopte met {done.returncode}:\n{done.stdout}{done.stderr}"
            )
        return done


def build_wheel(folder: Path) -> Path:
    """The wheel of this repository, built from a copy of its build inputs (the checkout stays clean)."""
    source = folder / "bron"
    source.mkdir()
    for name in BUILD_INPUTS:
        path = REPO / name
        if path.is_dir():
            shutil.copytree(path, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            shutil.copy2(path, source / name)
    out = folder / "dist"
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", str(out), str(source)],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    if done.returncode:
        raise AssertionError(f"het wiel bouwt niet:\n{done.stdout}{done.stderr}")
    (wheel,) = out.glob("policy_trace-*.whl")
    return wheel


def install(wheel: Path, folder: Path) -> Machine:
    """A fresh venv with the wheel and its pinned dependencies (requirements.lock); a PATH without node."""
    venv = folder / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    done = subprocess.run(
        [
            str(venv / "bin" / "python"),
            "-m",
            "pip",
            "install",
            "--quiet",
            "-c",
            str(REPO / "requirements.lock"),
            str(wheel),
        ],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    if done.returncode:
        raise AssertionError(f"het wiel installeert niet:\n{done.stdout}{done.stderr}")
    # Only the venv's own programs: this machine's node and npm (in /usr/bin) are out of reach.
    env = {"PATH": str(venv / "bin"), "HOME": str(folder), "LANG": "C.UTF-8", "NO_COLOR": "1"}
    return Machine(venv, env)


def start_programme(machine: Machine, folder: Path) -> Path:
    """``policy-trace init`` and ``policy-trace build`` (-W) as a new user types them."""
    machine.run(
        "policy-trace",
        "init",
        "hitteplan",
        "--naam",
        NAME,
        "--periode",
        "2026-01-01",
        "2029-12-31",
        cwd=folder,
    )
    programme = folder / "hitteplan"
    done = machine.run("policy-trace", "build", "hitteplan", cwd=folder)
    assert "WARNING" not in done.stdout + done.stderr, done.stdout + done.stderr
    return programme
