"""The Controle page shows the findings the reports list: the rules' and every other warning, by code."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from checks_support import build_once
from coupling_support import write_programme

ITEMS = """\
```{toctree}
controle
zz-verwijzing
```

```{hoofddoel} Een gezonde stad
:id: HD-STAD
:status: vastgesteld
```

```{doel} Schone lucht in elke wijk
:id: SD-LUCHT
:draagt_bij_aan: HD-STAD
:status: vastgesteld
```
"""


def programme(folder: Path) -> Path:
    """A programme with a rule's finding (a goal without a criterion), a page in no toctree (found while
    reading) and a link to nowhere on a page Sphinx writes after the Controle page (found while writing)."""
    write_programme(folder, "vr-controle", "Programma met meldingen", ITEMS)
    (folder / "controle.md").write_text("# Controle\n\n```{controle-overzicht}\n```\n", encoding="utf-8")
    (folder / "zz-verwijzing.md").write_text(
        "# Verwijzing\n\nZie [de bijlage](#bijlage-die-er-niet-is).\n", encoding="utf-8"
    )
    (folder / "los.md").write_text("# Los\n\nIn geen inhoudsopgave.\n", encoding="utf-8")
    return folder


def shown(app) -> tuple[Any, list[dict]]:
    """The Controle page's content and the JSON report's findings."""
    out = Path(app.outdir)
    html = (out / "controle.html").read_text(encoding="utf-8")
    page = BeautifulSoup(html, "html.parser").select_one("article")
    return page, json.loads((out / "policy-report.json").read_text(encoding="utf-8"))["findings"]


@pytest.mark.parametrize("parallel", [0, 2])
def test_the_controle_page_shows_every_finding_the_reports_list(tmp_path, parallel):
    page, findings = shown(build_once(programme(tmp_path / "programma"), "html", parallel=parallel))
    codes = sorted({f["code"] for f in findings})
    assert "toc.not_included" in codes and "myst.xref_missing" in codes and "PT201" in codes
    # The same count as the reports and the console's summary line.
    errors = sum(f["severity"] == "error" for f in findings)
    advice = sum(f["severity"] == "advice" for f in findings)
    intro = page.select_one("p").get_text(" ", strip=True)
    assert f"vond {errors} fouten, {advice} " in intro, intro
    # The warnings that are no rule's: a table by code with their meaning, then each with its place.
    rows = [[c.get_text(" ", strip=True) for c in tr.select("th, td")]
            for tr in page.select("table.policy-other tbody tr")]
    others = sorted(code for code in codes if not code.startswith("PT"))
    assert [row[0] for row in rows] == others
    assert rows[others.index("toc.not_included")] == [
        "toc.not_included", "fout",
        "Een pagina staat in geen inhoudsopgave (toctree): geen pagina linkt ernaar.", "1",
    ]
    missing = page.select_one("#bevindingen-myst-xref_missing").find_next_sibling("ul")
    missing = missing.get_text(" ", strip=True)
    assert "zz-verwijzing.md:3" in missing and "bijlage-die-er-niet-is" in missing and "Oplossing:" in missing
    loose = page.select_one("#bevindingen-toc-not_included").find_next_sibling("ul")
    assert loose.select_one("a")["href"] == "los.html"  # to the page, not to an item
    # Every finding of the report is on the page, once, at its place.
    listed = [li.get_text(" ", strip=True) for li in page.select("ul.policy-findings > li")]
    assert len(listed) == len(findings)
    for found in findings:
        assert sum(found["message"] in line for line in listed) >= 1, found
    # The rules' table and the items' table stay the rules' and the items'.
    assert page.select_one('table.policy-rules a[href="#bevindingen-pt201"]') is not None
    items = [tr.select_one("th").get_text(strip=True) for tr in page.select("table.policy-items tbody tr")]
    assert items == sorted({f["id"] for f in findings if f["code"].startswith("PT")})


def test_a_programme_without_other_warnings_says_so(tmp_path):
    folder = programme(tmp_path / "programma")
    (folder / "los.md").unlink()
    (folder / "zz-verwijzing.md").write_text("# Verwijzing\n\nGeen link.\n", encoding="utf-8")
    page, findings = shown(build_once(folder, "html"))
    assert {f["code"] for f in findings} == {"PT201"}
    section = page.select_one("#andere-meldingen")
    assert section.get_text(strip=True) == "Andere meldingen"
    assert section.find_next_sibling("p").get_text(strip=True) == (
        "Sphinx, MyST en sphinx-needs gaven geen meldingen, en elke instelling is bruikbaar."
    )


def test_the_controle_page_is_written_again_only_when_a_finding_came_after_it(tmp_path):
    folder = programme(tmp_path / "programma")
    page = Path(build_once(folder, "html").outdir) / "controle.html"
    first = page.stat().st_mtime_ns
    # Nothing changed: the page that warned is read and written again (its warning said again), and the
    # Controle page with it, now with every finding at once.
    page_again, findings = shown(build_once(folder, "html"))
    assert "myst.xref_missing" in {f["code"] for f in findings}
    assert page_again.select_one("#bevindingen-myst-xref_missing") is not None
    (folder / "zz-verwijzing.md").write_text("# Verwijzing\n\nGeen link.\n", encoding="utf-8")
    (folder / "los.md").unlink()
    build_once(folder, "html")
    fixed = page.stat().st_mtime_ns
    assert fixed > first
    # Now no page warns: a build that reads nothing leaves the Controle page as it was.
    build_once(folder, "html")
    assert page.stat().st_mtime_ns == fixed
