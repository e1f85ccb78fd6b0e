"""A programme started with the installed wheel (no Node.js): diagrams drawn, nothing fetched elsewhere."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from serving_support import serving

from .pages import SiteBrowser, html_pages

pytestmark = pytest.mark.package

#: A diagram an author writes: Mermaid draws it, from the copy the wheel carries.
OWN_DIAGRAM = """---
orphan: true
---

# Een eigen diagram

```{mermaid}
flowchart LR
  accTitle: Van hitte naar maatregel
  accDescr: Een hittegolf leidt tot een maatregel.
  H[Hittegolf] --> M[Maatregel]
```
"""


@pytest.fixture(scope="module")
def programme_with_a_diagram(
    machine: Any, started_programme: Path, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """The started programme with one page of its own that holds a Mermaid diagram, built with -W."""
    copy = tmp_path_factory.mktemp("eigen-diagram") / "hitteplan"
    shutil.copytree(started_programme, copy, ignore=shutil.ignore_patterns("_build"))
    (copy / "diagram.md").write_text(OWN_DIAGRAM, encoding="utf-8")
    done = machine.run("policy-trace", "build", "hitteplan", cwd=copy.parent)
    assert "WARNING" not in done.stdout + done.stderr, done.stdout + done.stderr
    return copy


@pytest.fixture(scope="module")
def programme_url(programme_with_a_diagram: Path) -> Iterator[str]:
    with serving(programme_with_a_diagram / "_build/html") as url:
        yield url


def test_mermaid_from_the_wheel_draws_every_diagram_as_svg_from_the_site_itself(
    browser: Any, programme_url: str, programme_with_a_diagram: Path
) -> None:
    site = programme_with_a_diagram / "_build/html"
    pages = html_pages(site)
    with_diagrams = [page for page in pages if 'class="mermaid"' in (site / page).read_text("utf-8")]
    assert with_diagrams == ["diagram.html"]  # the doelenboom is drawn without Mermaid
    opened = SiteBrowser(browser, programme_url)
    try:
        for path in [*with_diagrams, "index.html"]:
            visit = opened.open(path)
            assert opened.page.locator("pre.mermaid svg").count() == (path != "index.html"), path
            assert visit.hosts == {"127.0.0.1"}, path  # no request off the site
            assert visit.failed_requests == [] and visit.console_errors == [], path
            assert visit.csp_violations == [], path
        assert opened.page.locator(".pt-doelenboom svg.pt-boom").count() >= 1
    finally:
        opened.close()
