"""Waivers (uitzondering): a waived finding does not fail CI, an expired one does (PT501), an unused one
is advice (PT502), and a waiver written wrongly waives nothing (PT106)."""

from __future__ import annotations

import json
from pathlib import Path

from bs4 import BeautifulSoup
from checks_support import advice_lines, build_once, report, status_lines
from conftest import warnings_of
from policy_trace.rules import EXAMPLE_CONTEXT, EXAMPLE_PERIOD

#: PT203 on CR-OPKOMST: it measures a decided goal and lacks streefwaarde, deadline and bron.
CRITERION = """\
```{{criterium}} Snellere opkomst
:id: CR-OPKOMST
:meet: SD-BRAND
:indicator: Opkomsttijd brandweer in minuten
{extra}
```
"""
WAIVER = """\
:uitzondering: PT203 tot 2025-06-01
:uitzondering_door: PA-REGIO
:uitzondering_reden: De meldkamer levert de cijfers pas in 2025."""


def _programme(srcdir: Path, extra: str, reference_date: str = "2025-01-01") -> Path:
    srcdir.mkdir(parents=True, exist_ok=True)
    (srcdir / "conf.py").write_text(
        'extensions = ["myst_parser", "policy_trace"]\nlanguage = "nl"\n'
        f"policy_trace_period = {EXAMPLE_PERIOD!r}\npolicy_trace_reference_date = {reference_date!r}\n",
        encoding="utf-8",
    )
    (srcdir / "index.md").write_text("# Programma\n\n```{toctree}\nitems\ncontrole\n```\n", "utf-8")
    (srcdir / "controle.md").write_text("# Controle\n\n```{controle-overzicht}\n```\n", "utf-8")
    (srcdir / "items.md").write_text(
        f"# Items\n\n{EXAMPLE_CONTEXT}\n{CRITERION.format(extra=extra)}", encoding="utf-8"
    )
    return srcdir


def _line_of_criterion(srcdir: Path) -> int:
    lines = (srcdir / "items.md").read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.startswith("```{criterium} Snellere"))


def test_without_a_waiver_the_finding_fails_ci(tmp_path):
    srcdir = _programme(tmp_path / "p", "")
    app = build_once(srcdir, "needs", warningiserror=True)
    assert app.statuscode == 1
    assert [f["code"] for f in report(app)["findings"]] == ["PT203"]


def test_a_waived_finding_is_reported_as_uitgezonderd_and_ci_passes(tmp_path):
    srcdir = _programme(tmp_path / "p", WAIVER)
    app = build_once(srcdir, "html", warningiserror=True)
    line = _line_of_criterion(srcdir)
    assert app.statuscode == 0 and warnings_of(app) == []
    (found,) = report(app)["findings"]
    assert (found["code"], found["severity"], found["line"]) == ("PT203", "uitgezonderd", line)
    assert found["uitzondering"] == {
        "tot": "2025-06-01",
        "door": "PA-REGIO",
        "reden": "De meldkamer levert de cijfers pas in 2025.",
    }
    assert report(app)["counts"] == {"error": 0, "advice": 0, "uitgezonderd": 1}
    console = [x for x in status_lines(app) if "UITGEZONDERD" in x]
    assert len(console) == 1
    assert console[0].startswith(f"items.md:{line}: UITGEZONDERD: PT203 CR-OPKOMST: ")
    assert console[0].endswith(
        "(uitzondering tot 2025-06-01, door PA-REGIO: De meldkamer levert de cijfers pas in 2025.) "
        "[policy.PT203]"
    )
    assert "policy-trace: 0 fouten, 0 adviezen, 1 uitgezonderd" in status_lines(app)
    sarif = json.loads((Path(app.outdir) / "policy-report.sarif").read_text(encoding="utf-8"))
    (result,) = sarif["runs"][0]["results"]
    assert result["suppressions"][0]["kind"] == "inSource"
    page = BeautifulSoup((Path(app.outdir) / "controle.html").read_text(encoding="utf-8"), "html.parser")
    table = page.find("table", class_="policy-waivers")
    cells = [td.get_text(" ", strip=True) for td in table.find("tbody").find_all(["th", "td"])]
    assert cells == [
        "CR-OPKOMST",
        "PT203",
        "PA-REGIO",
        "2025-06-01",
        "De meldkamer levert de cijfers pas in 2025.",
    ]


def test_after_its_end_date_the_waiver_expires_as_error_pt501_and_ci_fails(tmp_path):
    srcdir = _programme(tmp_path / "p", WAIVER, reference_date="2025-06-02")
    app = build_once(srcdir, "needs", warningiserror=True)
    line = _line_of_criterion(srcdir)
    assert app.statuscode == 1
    assert [(f["code"], f["severity"]) for f in report(app)["findings"]] == [("PT501", "error")]
    (warning,) = [w for w in warnings_of(app) if "PT501" in w]
    assert warning.startswith(
        f"items.md:{line}: FOUT: PT501 CR-OPKOMST: de uitzondering op PT203 (door PA-REGIO) is verlopen "
        "op 2025-06-01, voor de peildatum 2025-06-02; de bevinding geldt weer: het criterium mist "
        "'streefwaarde', 'deadline', 'bron', terwijl het meet wat al is vastgesteld: SD-BRAND (vastgesteld)."
    )
    assert warning.endswith("of verleng de uitzondering met een nieuwe einddatum en reden. [policy.PT501]")


def test_on_its_end_date_the_waiver_still_holds(tmp_path):
    app = build_once(_programme(tmp_path / "p", WAIVER, reference_date="2025-06-01"), "needs")
    assert [f["severity"] for f in report(app)["findings"]] == ["uitgezonderd"]


def test_a_waiver_for_a_finding_that_no_longer_occurs_is_advice_pt502(tmp_path):
    fixed = ":streefwaarde: 8\n:deadline: 2025-06-01\n:bron: Meldkamer\n" + WAIVER
    srcdir = _programme(tmp_path / "p", fixed)
    app = build_once(srcdir, "needs", warningiserror=True)
    assert app.statuscode == 0
    assert advice_lines(app) == [
        f"items.md:{_line_of_criterion(srcdir)}: ADVIES: PT502 CR-OPKOMST: er staat een uitzondering op "
        "PT203 tot 2025-06-01, maar PT203 vindt bij dit item niets meer. Oplossing: haal 'PT203 tot "
        "2025-06-01' weg uit ':uitzondering:' (en 'uitzondering_door' en 'uitzondering_reden' als er geen "
        "uitzondering overblijft). [policy.PT502]"
    ]


def test_a_waiver_written_wrongly_waives_nothing_and_says_why(tmp_path):
    wrong = ":uitzondering: PT203 tot morgen, PT999 tot 2025-01-01, onzin\n:uitzondering_door: PA-NIEMAND"
    srcdir = _programme(tmp_path / "p", wrong)
    app = build_once(srcdir, "needs", warningiserror=True)
    line = _line_of_criterion(srcdir)
    assert app.statuscode == 1
    messages = [(f["code"], f["message"]) for f in report(app)["findings"]]
    assert ("PT203", "uitgezonderd") not in [(f["code"], f["severity"]) for f in report(app)["findings"]]
    assert [code for code, _ in messages].count("PT203") == 1
    pt106 = [m for code, m in messages if code == "PT106"]
    assert pt106 == sorted(
        [
            "'uitzondering' geeft als einddatum 'morgen', maar dat is geen bestaande datum in de vorm "
            "JJJJ-MM-DD.",
            "'uitzondering' noemt de regel 'PT999', maar die regel bestaat niet.",
            "'uitzondering' bevat 'onzin', maar een uitzondering schrijf je als CODE tot JJJJ-MM-DD.",
            "'uitzondering_door' is 'PA-NIEMAND', maar er is geen partij met dat ID.",
            "er staat een uitzondering, maar 'uitzondering_reden' ontbreekt.",
        ]
    )
    assert all(w.startswith(f"items.md:{line}: FOUT: ") for w in warnings_of(app))
