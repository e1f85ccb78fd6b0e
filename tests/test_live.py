"""``make live``: the warm build process and ``policy-trace live`` serving and rebuilding the site."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import ROOTS
from policy_trace import warm

pytestmark = pytest.mark.skipif(not warm.AVAILABLE, reason="the warm process needs os.fork")

ORIGINAL = "In tien wijken een huisbezoek brandveiligheid voor 1 juni 2025."
EDITED = "In twaalf wijken een huisbezoek brandveiligheid voor 1 juni 2025, ook in de avond."


def _project(tmp_path: Path) -> Path:
    srcdir = tmp_path / "src"
    shutil.copytree(ROOTS / "test-every-type", srcdir)
    return srcdir


def _edit(srcdir: Path) -> None:
    index = srcdir / "index.md"
    text = index.read_text(encoding="utf-8")
    assert ORIGINAL in text  # the assignment (opdracht) of project PRJ-WIJK
    index.write_text(text.replace(ORIGINAL, EDITED), encoding="utf-8")


def test_the_warm_process_builds_rebuilds_and_survives_a_failed_build(tmp_path):
    srcdir, out = _project(tmp_path), tmp_path / "site"
    argv = ["-b", "html", "-q", "-W", "--keep-going", str(srcdir), str(out)]
    with warm.Worker() as worker:
        assert worker.build(argv) == 0
        assert EDITED not in (out / "index.html").read_text(encoding="utf-8")

        _edit(srcdir)
        assert worker.build(argv) == 0  # incremental: same output folder
        assert EDITED in (out / "index.html").read_text(encoding="utf-8")

        index = srcdir / "index.md"
        good = index.read_text(encoding="utf-8")
        index.write_text(good.replace(":voert_uit: IN-PREVENTIE", ":voert_uit: IN-WEG"), encoding="utf-8")
        assert worker.build(argv) == 1  # PT101 under -W, as sphinx-build would exit

        index.write_text(good, encoding="utf-8")
        assert worker.build(argv) == 0
    assert worker.build(argv) == warm.EXIT_NO_WORKER  # stopped: no answer, no hang


def test_the_warm_process_picks_up_an_edited_extension(tmp_path):
    # The worker holds the modules of earlier builds; an edit to one must reach the next build.
    # The extension is importable by the worker, as an installed (editable) package is.
    srcdir, out = _project(tmp_path), tmp_path / "site"
    extension = srcdir / "_ext" / "woord.py"
    extension.parent.mkdir()
    extension.write_text(
        'WOORD = "eerste"\n\n\n'
        "def fill_in(app, docname, source):\n"
        '    source[0] = source[0].replace("@@WOORD@@", WOORD)\n\n\n'
        "def setup(app):\n"
        '    app.connect("source-read", fill_in)\n'
        '    return {"parallel_read_safe": True}\n',
        encoding="utf-8",
    )
    with (srcdir / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('extensions += ["woord"]\n')
    index = srcdir / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\nHet woord is @@WOORD@@.\n", encoding="utf-8")
    argv = ["-b", "html", "-q", str(srcdir), str(out)]
    path = os.pathsep.join([str(extension.parent), os.environ.get("PYTHONPATH", "")])
    env = {**os.environ, "PYTHONPATH": path}
    with warm.Worker(env=env) as worker:
        assert worker.build(argv) == 0
        assert "Het woord is eerste." in (out / "index.html").read_text(encoding="utf-8")
        assert worker.build(argv) == 0  # now the worker holds the module "woord"

        extension.write_text(extension.read_text(encoding="utf-8").replace("eerste", "tweede"), "utf-8")
        _edit(srcdir)  # and a page to read again
        assert worker.build(argv) == 0
        assert "Het woord is tweede." in (out / "index.html").read_text(encoding="utf-8")
        index.write_text(index.read_text(encoding="utf-8") + "\nNog een zin.\n", encoding="utf-8")
        assert worker.build(argv) == 0  # the worker, started afresh, still builds
        assert "Nog een zin." in (out / "index.html").read_text(encoding="utf-8")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return None


def _wait_for(condition, seconds: float = 90.0):  # type: ignore[no-untyped-def]
    """Poll until ``condition()`` gives something truthy (no timing is asserted, only an upper bound)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if result := condition():
            return result
        time.sleep(0.2)
    return None


def _warm_processes() -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        try:
            command = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"policy_trace.warm" in command:
            found.append(int(entry.name))
    return found


def test_policy_trace_live_serves_the_site_and_shows_an_edit(tmp_path):
    srcdir, out = _project(tmp_path), tmp_path / "live"
    port = _free_port()
    log = (tmp_path / "live.log").open("w", encoding="utf-8")
    before = set(_warm_processes())
    command = [
        str(Path(sys.executable).parent / "policy-trace"), "live", str(srcdir), "--uitvoer", str(out),
        "--host", "127.0.0.1", "--port", str(port), "--", "-W", "--keep-going",
    ]
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        url = f"http://127.0.0.1:{port}/index.html"
        page = _wait_for(lambda: _get(url))
        assert page is not None, (tmp_path / "live.log").read_text(encoding="utf-8")
        assert "PRJ-WIJK" in page
        # sphinx-autobuild injects its reload script into what it serves.
        assert "websocket-reload" in page

        _edit(srcdir)
        shown = _wait_for(lambda: EDITED in (_get(url) or ""))
        assert shown, (tmp_path / "live.log").read_text(encoding="utf-8")
    finally:
        os.killpg(process.pid, signal.SIGINT)  # Ctrl+C in the terminal
        process.wait(timeout=30)
        log.close()
    assert _wait_for(lambda: not (set(_warm_processes()) - before), 30), "het warme bouwproces bleef draaien"
    assert "Traceback" not in (tmp_path / "live.log").read_text(encoding="utf-8")


def test_policy_trace_live_without_sphinx_autobuild_says_how_to_install_it(tmp_path):
    # A Python that cannot import sphinx_autobuild: a stub module that refuses to load.
    blocker = tmp_path / "blocker"
    (blocker / "sphinx_autobuild").mkdir(parents=True)
    (blocker / "sphinx_autobuild" / "__init__.py").write_text(
        "raise ImportError('geen sphinx-autobuild', name='sphinx_autobuild')\n", encoding="utf-8"
    )
    env = {**os.environ, "PYTHONPATH": str(blocker)}
    result = subprocess.run(
        [sys.executable, "-m", "policy_trace.cli", "live", "."],
        capture_output=True, text=True, env=env, timeout=60,
    )
    assert result.returncode == 2
    assert "sphinx_autobuild ontbreekt" in result.stderr
    # Advice that fits any programme, not only this repository's Makefile.
    assert "pip install sphinx-autobuild" in result.stderr
    assert "Traceback" not in result.stderr
