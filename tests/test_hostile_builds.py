"""Builds against careless use (issue 21): an output folder that cannot be written, three builds into
one folder at once, a build killed half-way: a Dutch message or the same site, never a traceback."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from checks_support import copy_root

POLICY_TRACE = Path(sys.executable).parent / "policy-trace"


def _programme(tmp_path: Path) -> Path:
    srcdir = copy_root("test-hostile-markup", tmp_path)
    (srcdir / "needs" / "onveilig.md").unlink()
    (srcdir / "index.md").write_text("# Veilig\n\n```{toctree}\nneeds/basis\n```\n", encoding="utf-8")
    return srcdir


def _build(*args: object, wait: bool = True):
    command = [str(POLICY_TRACE), "build", *map(str, args)]
    env = {**os.environ, "NO_COLOR": "1"}
    if not wait:
        return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    return subprocess.run(command, capture_output=True, text=True, timeout=300, env=env)


def test_an_output_folder_that_cannot_be_written_is_a_dutch_message(tmp_path):
    srcdir = _programme(tmp_path)
    (tmp_path / "bestand").write_text("geen map", encoding="utf-8")
    result = _build(srcdir, "--uitvoer", tmp_path / "bestand" / "html")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stderr.strip() == (
        f"policy-trace build: fout: in de map {tmp_path / 'bestand' / 'html'} kan niet worden geschreven "
        "(een deel van het pad is een bestand, geen map). Kies met --uitvoer een map waarin je mag "
        "schrijven, of maak deze map schrijfbaar."
    )


def test_three_builds_into_one_folder_either_work_or_refuse_clearly(tmp_path):
    srcdir = _programme(tmp_path)
    running = [_build(srcdir, wait=False) for _ in range(3)]
    results = [(process.wait(timeout=300), *process.communicate()) for process in running]
    for code, out, err in results:
        assert "Traceback" not in out + err
        assert code == 0 or (
            code == 1 and "bouwt op dit moment een andere build; twee builds in één map" in err
        ), err
    assert any(code == 0 for code, _, _ in results)
    # What is left is a whole site: the next build finds nothing to repair.
    again = _build(srcdir)
    assert again.returncode == 0, again.stderr
    assert (srcdir / "_build" / "html" / "needs.json").is_file()


_KILLER = '''
"""Kills its own build while it writes the page named in POLICY_TRACE_TEST_KILL_AT (a test of issue 21)."""
import json
import os
import signal


def _page(app, pagename, *args):
    if pagename == os.environ.get("POLICY_TRACE_TEST_KILL_AT"):
        os.kill(os.getpid(), signal.SIGKILL)


def setup(app):
    app.connect("html-page-context", _page)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
'''


def _search_index(site: Path) -> tuple[list[str], list[str]]:
    text = (site / "searchindex.js").read_text(encoding="utf-8")
    data = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    return sorted(data["docnames"]), sorted(data["titles"])


def test_a_build_killed_while_writing_is_followed_by_a_build_equal_to_a_clean_one(tmp_path):
    srcdir = _programme(tmp_path)
    pages = [f"pagina-{number:02d}" for number in range(12)]
    for name in pages:
        (srcdir / f"{name}.md").write_text(f"# Pagina {name}\n\nTekst over {name}.\n", encoding="utf-8")
    (srcdir / "index.md").write_text(
        "# Veilig\n\n```{toctree}\nneeds/basis\n" + "\n".join(pages) + "\n```\n", encoding="utf-8"
    )
    (srcdir / "killer.py").write_text(_KILLER, encoding="utf-8")
    with (srcdir / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('import sys, os\nsys.path.insert(0, os.path.dirname(__file__))\nextensions += ["killer"]\n'
                   'exclude_patterns = ["_build", "killer.py"]\n')
    clean = _build(srcdir, "--uitvoer", tmp_path / "schoon")
    assert clean.returncode == 0, clean.stderr

    killed = subprocess.run(
        [str(POLICY_TRACE), "build", str(srcdir)], capture_output=True, text=True, timeout=300,
        env={**os.environ, "NO_COLOR": "1", "POLICY_TRACE_TEST_KILL_AT": "pagina-06"},
    )
    assert killed.returncode == -signal.SIGKILL
    site = srcdir / "_build" / "html"
    assert (site / "pagina-00.html").is_file() and not (site / "pagina-11.html").exists()  # half-way

    again = _build(srcdir)
    assert again.returncode == 0, again.stderr
    assert _search_index(site) == _search_index(tmp_path / "schoon")
    def written(folder: Path) -> set[str]:
        return {path.relative_to(folder).as_posix() for path in folder.rglob("*.html")}

    assert written(site) == written(tmp_path / "schoon")
