"""A criterion is judged once per build, and the site, the paper and rule PT304 all show that judgement.

The judgement of a criterion (what its numbers say, else its author's status)
is computed in ``judging.py`` once per build; ``test_architecture`` fails when
another module assesses a criterion itself. Here: what a reader of the site,
of the paper and of the check's advice sees of each criterion is the same.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from checks_support import advice_lines, build_once, copy_root, make_app
from conftest import warnings_of
from paper_support import paper_html
from policy_trace import series, state
from sphinx.testing.util import SphinxTestApp

#: PT304's advice: the criterion, the judgement the numbers give, and why.
PT304 = re.compile(
    r"ADVIES: PT304 (?P<id>\S+): de status is '[^']*', maar uit de cijfers volgt '(?P<judgement>[^']+)': "
    r"(?P<reason>.+?) Oplossing:"
)


def _words(element: Tag | None) -> str:
    assert element is not None
    return " ".join(element.get_text(" ").replace("\u00b6", " ").split())


@pytest.fixture(scope="module")
def stand_app(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    app = build_once(copy_root("test-stand", tmp_path_factory.mktemp("judged")))
    assert warnings_of(app) == []
    return app


def site_judgements(outdir: Path) -> dict[str, tuple[str, str]]:
    """Per criterion on its item page: (computed judgement in words, the reason), where one is computed."""
    page = BeautifulSoup((outdir / "needs/criteria.html").read_text(encoding="utf-8"), "html.parser")
    found = {}
    for section in page.select("section.pt-item[id^=CR-]"):
        details = section.find_next_sibling("div", class_="pt-item-details")
        assert isinstance(details, Tag)
        reason = details.select_one(".pt-judgement")
        if reason is None:
            continue
        badge = details.select_one(".pt-status-berekend") or details.select_one(".pt-status")
        found[str(section["id"])] = (_words(badge), _words(reason).removeprefix("Berekend oordeel: "))
    return found


def paper_judgements(
    srcdir: Path, outdir: Path, monkeypatch: pytest.MonkeyPatch
) -> dict[str, tuple[str, str]]:
    """Per criterion in the paper's table *Wanneer zijn we tevreden*: (its status cell, its reason cell)."""
    table = paper_html(srcdir, outdir, monkeypatch).select_one("table.tevreden")
    assert table is not None
    found = {}
    for row in table.select("tbody tr"):
        cells = row.find_all("td")
        link = cells[0].find("a")
        assert isinstance(link, Tag)
        found[str(link["href"]).removeprefix("#")] = (_words(cells[-2]), _words(cells[-1]))
    return found


def test_the_site_the_paper_and_pt304_show_the_same_judgement_of_a_criterion(
    stand_app: SphinxTestApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    judged = state.judgements_of_build(stand_app)
    site = site_judgements(Path(stand_app.outdir))
    paper = paper_judgements(Path(stand_app.srcdir), tmp_path, monkeypatch)
    advised = {
        m["id"]: (m["judgement"], m["reason"])
        for line in advice_lines(stand_app)
        if (m := PT304.search(line))
    }
    # The root has judgements that agree and one that disagrees with its author (CR-ROOKMELDER).
    assert sorted(site) == ["CR-BRANDEN", "CR-OPKOMST", "CR-ROOKMELDER"]
    assert advised == {
        "CR-ROOKMELDER": ("risico", "achter op schema: 20 % van de weg na 46 % van de tijd."),
    }
    assert site["CR-ROOKMELDER"] == ("risico", "achter op schema: 20 % van de weg na 46 % van de tijd.")
    assert paper["CR-ROOKMELDER"] == (
        "op koers volgens de schrijver; berekend: risico",
        "achter op schema: 20 % van de weg na 46 % van de tijd.",
    )
    for criterion, (words, reason) in site.items():
        assert paper[criterion][1] == reason == judged[criterion].assessment.reason, criterion
        assert paper[criterion][0].endswith(words), criterion
    # The paper also gives the reason where nothing is computed, as the build judged it.
    assert {key: cells[1] for key, cells in paper.items()} == {
        key: one.assessment.reason for key, one in judged.items()
    }


def test_a_build_judges_each_criterion_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The checks (PT304), the stand, the dashboard, every item page and the paper read one judgement.
    assessed: list[str] = []
    assessment = series.assessment

    def counting(programme, criterion, start):  # type: ignore[no-untyped-def]
        assessed.append(criterion.id)
        return assessment(programme, criterion, start)

    monkeypatch.setattr(series, "assessment", counting)
    srcdir = copy_root("test-stand", tmp_path)
    app = make_app(srcdir)
    try:
        app.build()
    finally:
        app.cleanup()
    assert warnings_of(app) == []
    calls = list(assessed)
    assert (
        sorted(calls)
        == sorted(state.judgements_of_build(app))
        == [
            "CR-BRANDEN",
            "CR-OPKOMST",
            "CR-ROOKMELDER",
            "CR-TOEZICHT",
        ]
    )
    assessed.clear()
    paper_judgements(srcdir, tmp_path / "pdf", monkeypatch)
    assert sorted(assessed) == sorted(calls)
