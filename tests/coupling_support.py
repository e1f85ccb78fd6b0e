"""Helpers of the coupling tests: small programmes that publish, couple and link to each other."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from checks_support import build_once
from policy_trace import cli

#: A small national programme: a main goal, two goals (one of them ended), an effort and a criterion.
NATIONAL_ITEMS = """\
```{hoofddoel} Een veilig land
:id: HD-LAND
:status: vastgesteld
```

```{doel} Versterken crisisbeheersing
:id: SD-CRISIS
:draagt_bij_aan: HD-LAND
:status: vastgesteld

@@CRISIS@@
```

```{doel} Minder risico's
:id: SD-RISICO
:draagt_bij_aan: HD-LAND
:status: vastgesteld
```

```{doel} Een doel dat verviel
:id: SD-OUD
:draagt_bij_aan: HD-LAND
:status: vervallen
```

```{inspanning} Landelijke oefening
:id: IN-LAND
:draagt_bij_aan: SD-CRISIS
```

```{criterium} Vergelijkbare kwaliteit
:id: CR-VERGELIJKBAAR
:meet: SD-CRISIS
:indicator: Aantal afgesproken parameters waarover een regio rapporteert
:streefwaarde: 12
:deadline: 2026-12-31
:bron: Jaarverslag van elke regio
```
"""


def write_programme(
    folder: Path, programme_id: str, name: str, items: str, extra_conf: str = "", version: str = "1",
    date: str = "2025-06-01",
    period: tuple[str, str] = ("2024-01-01", "2027-12-31"),
    reference_date: str = "2025-07-01",
) -> Path:
    """A programme folder: conf.py with its identity, and one page of items (``index.md``)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "conf.py").write_text(
        f'project = "{name}"\n'
        'extensions = ["myst_parser", "policy_trace"]\n'
        'language = "nl"\n'
        'exclude_patterns = ["_build"]\n'
        f'policy_trace_programme_id = "{programme_id}"\n'
        f"policy_trace_period = {period!r}\n"
        f'policy_trace_reference_date = "{reference_date}"\n'
        f'policy_trace_version = "{version}"\n'
        'policy_trace_status = "vastgesteld"\n'
        f'policy_trace_date = "{date}"\n' + extra_conf,
        encoding="utf-8",
    )
    (folder / "index.md").write_text(f"# {name}\n\n{items}", encoding="utf-8")
    return folder


def publish_national(
    folder: Path,
    crisis_text: str = "Eerste tekst.",
    version: str = "1",
    edits: tuple[tuple[str, str], ...] = (),
    **kwargs: Any,
) -> Path:
    """Build the small national programme; returns its output folder (needs.json, versie.json, pages)."""
    items = NATIONAL_ITEMS.replace("@@CRISIS@@", crisis_text)
    for old, new in edits:
        items = items.replace(old, new)
    write_programme(
        folder, "landelijk-programma", "Landelijk programma", items,
        f'html_baseurl = "https://land.example.nl/{version}/"\n', version=version, **kwargs,
    )
    return Path(build_once(folder, "html").outdir)


def koppel(*argv: str) -> int:
    """``policy-trace koppel ...`` in this process."""
    return cli.main(["koppel", *argv])


# --- the agenda and three regions (issue 19's "done when") -------------------------------------

REPO = Path(__file__).resolve().parent.parent
#: The agenda's identity, as the repository's conf.py gives it.
AGENDA_ID = "strategische-agenda-veiligheidsregios"
AGENDA_NAME = "Strategische agenda Versterking Veiligheidsregio's"
_DOCS_LINK = re.compile(r"\[([^\]]+)\]\(\.\./docs/[^)]+\)")

#: Three regions' items that link to the agenda. Zuid has its own IN-BEVOLKINGSZORG, an ID the agenda
#: uses too: coupled items never clash with own ones.
REGIONS: dict[str, tuple[str, str, str]] = {
    "noord": ("vr-noord-beleidsplan", "Beleidsplan Veiligheidsregio Noord", """\
```{inspanning} Oefenen met sleutelfunctionarissen
:id: IN-OEFENEN
:draagt_bij_aan: SD-REGIO, landelijk:SD-CRISISBEHEERSING
:spoor: inhoudelijk
:status: in_uitvoering
```

```{meting} Gezamenlijke parameters in Noord
:id: MT-PARAMETERS-NOORD
:meet_voor: landelijk:CR-KWALITEIT-VERGELIJKBAAR
:waarde: 9
:datum: 2014-06-01
:bron: Jaarverslag Noord 2013
```
"""),
    "zuid": ("vr-zuid-beleidsplan", "Beleidsplan Veiligheidsregio Zuid", """\
```{inspanning} Bevolkingszorg in de regio
:id: IN-BEVOLKINGSZORG
:draagt_bij_aan: SD-REGIO, landelijk:SD-CRISISBEHEERSING
:spoor: inhoudelijk
:status: vastgesteld
```

```{meting} Gezamenlijke parameters in Zuid, eerste telling
:id: MT-PARAMETERS-ZUID-1
:meet_voor: landelijk:CR-KWALITEIT-VERGELIJKBAAR
:waarde: 4
:datum: 2013-12-01
:bron: Kwartaalrapportage Zuid
```

```{meting} Gezamenlijke parameters in Zuid
:id: MT-PARAMETERS-ZUID-2
:meet_voor: landelijk:CR-KWALITEIT-VERGELIJKBAAR
:waarde: 7
:datum: 2014-08-15
:bron: Jaarverslag Zuid 2014
```
"""),
    "west": ("vr-west-beleidsplan", "Beleidsplan Veiligheidsregio West", """\
```{doel} Minder risico's in de regio
:id: SD-RISICO-WEST
:draagt_bij_aan: HD-REGIO, landelijk:SD-RISICOBEHEERSING
:status: vastgesteld
```

```{criterium} Risico's in beeld
:id: CR-RISICO-WEST
:meet: SD-RISICO-WEST
:indicator: Risico's in het regionaal risicoprofiel
:streefwaarde: 40
:deadline: 2016-06-01
:bron: Regionaal risicoprofiel
```
"""),
}

#: What every region has besides its links: a main goal, a goal and a criterion measuring both.
_REGION_BASE = """\
```{hoofddoel} Een veilige regio
:id: HD-REGIO
:status: vastgesteld
```

```{doel} Slagvaardig in een crisis
:id: SD-REGIO
:draagt_bij_aan: HD-REGIO
:status: vastgesteld
```

```{criterium} Oefeningen per jaar
:id: CR-REGIO
:meet: HD-REGIO, SD-REGIO
:indicator: Oefeningen per jaar
:streefwaarde: 12
:deadline: @@DEADLINE@@
:bron: Jaarverslag
```
"""


def region_base(deadline: str = "2016-06-01") -> str:
    """A region's main goal, goal and criterion; ``deadline`` inside its looptijd (the agenda's 2014-2017)."""
    return _REGION_BASE.replace("@@DEADLINE@@", deadline)


def copy_agenda(folder: Path, extra_conf: str = "") -> Path:
    """The agenda's items (this repository's needs/) as a programme of its own, with its identity."""
    (folder / "needs").mkdir(parents=True)
    for page in sorted((REPO / "needs").glob("*.md")):
        text = _DOCS_LINK.sub(r"\1", page.read_text(encoding="utf-8"))  # the agenda's other pages stay home
        (folder / "needs" / page.name).write_text(text, encoding="utf-8")
    (folder / "conf.py").write_text(
        f"project = {AGENDA_NAME!r}\n"
        'extensions = ["myst_parser", "policy_trace"]\n'
        'language = "nl"\nhtml_theme = "furo"\nexclude_patterns = ["_build"]\n'
        f'policy_trace_programme_id = "{AGENDA_ID}"\n'
        'policy_trace_period = ("2014-09-26", "2016-09-25")\n'
        'policy_trace_reference_date = "2014-09-26"\n'
        'policy_trace_version = "1.0"\npolicy_trace_status = "vastgesteld"\n'
        'policy_trace_date = "2014-09-26"\n'
        'html_baseurl = "https://agenda.example.nl/1.0/"\n' + extra_conf,
        encoding="utf-8",
    )
    (folder / "index.md").write_text(
        f"# {AGENDA_NAME}\n\n```{{doelenboom}}\n```\n\n```{{toctree}}\n:glob:\nbijdragen\nneeds/*\n```\n",
        encoding="utf-8",
    )
    page = "# Bijdragen van de regio's\n\n```{bijdragen}\n```\n"
    (folder / "bijdragen.md").write_text(page, encoding="utf-8")
    return folder


def land_en_regio(base: Path) -> dict[str, Any]:
    """The agenda published, three regions coupled to it and built, and the agenda coupled to the three."""
    agenda = copy_agenda(base / "agenda")
    published = Path(build_once(agenda, "html").outdir)
    regions = {}
    for alias, (programme_id, name, items) in REGIONS.items():
        folder = write_programme(
            base / alias, programme_id, name,
            "```{stand}\n```\n\n```{doelenboom}\n```\n\n" + region_base() + "\n" + items,
            f'html_baseurl = "https://{alias}.example.nl/1/"\n', date="2014-09-01",
            period=("2014-01-01", "2017-12-31"), reference_date="2014-09-26",
        )
        if koppel("landelijk", str(published), str(folder)) != 0:
            raise AssertionError(f"koppel landelijk in {alias} failed")
        regions[alias] = build_once(folder, "html")
        if koppel(alias, str(regions[alias].outdir), str(agenda)) != 0:
            raise AssertionError(f"koppel {alias} in the agenda failed")
    national = build_once(agenda, "html")
    return {"agenda": agenda, "published": published, "regions": regions, "national": national}
