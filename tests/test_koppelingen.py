"""Land en regio: ``policy-trace koppel``, the copies it keeps, and a region's build that links to them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from checks_support import build_once, report
from conftest import needs_json, warnings_of
from coupling_support import koppel, publish_national, region_base, write_programme
from policy_trace import changes, cli, koppelingen
from serving_support import serving

REGION_ITEMS = region_base(deadline="2026-12-31") + """
```{inspanning} Regionale oefencyclus
:id: IN-OEFENEN
:draagt_bij_aan: SD-REGIO, landelijk:SD-CRISIS
:spoor: inhoudelijk
```

```{meting} Vergelijkbaarheid in de regio
:id: MT-REGIO-2025
:meet_voor: landelijk:CR-VERGELIJKBAAR
:waarde: 9
:datum: 2025-03-01
:bron: Jaarverslag van de regio 2024
```
"""


@pytest.fixture
def national(tmp_path) -> Path:
    return publish_national(tmp_path / "land")


def region(tmp_path: Path, items: str = REGION_ITEMS) -> Path:
    return write_programme(
        tmp_path / "regio", "vr-voorbeeld-beleidsplan-2025", "Beleidsplan VR Voorbeeld", items
    )


def test_koppel_copies_a_published_folder_and_adds_the_setting(tmp_path, national, capsys):
    folder = region(tmp_path)
    assert koppel("landelijk", str(national), str(folder)) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == (
        "landelijk: Landelijk programma versie 1 (vastgesteld, 2025-06-01), 6 items, gekopieerd naar "
        "koppelingen/landelijk."
    )
    copy = folder / "koppelingen" / "landelijk"
    for name in koppelingen.PUBLISHED_FILES:
        assert (copy / name).read_bytes() == (national / name).read_bytes()
    assert 'policy_trace_koppelingen = {\n    "landelijk": "koppelingen/landelijk",\n}' in (
        folder / "conf.py"
    ).read_text(encoding="utf-8")
    record = json.loads((copy / koppelingen.RECORD_FILE).read_text(encoding="utf-8"))
    assert record["adres"] == "https://land.example.nl/1/"  # the publication's own html_baseurl
    # What the region's items were reviewed against: only the coupled items it links to.
    assert sorted(record["herzien_tegen"]) == ["CR-VERGELIJKBAAR", "SD-CRISIS"]


def test_a_region_that_links_to_the_copy_builds_clean_and_publishes_its_koppelingen(tmp_path, national):
    folder = region(tmp_path)
    assert koppel("landelijk", str(national), str(folder)) == 0
    app = build_once(folder, "html")
    assert warnings_of(app) == []
    assert [f for f in report(app)["findings"] if f["severity"] == "error"] == []
    data = json.loads((Path(app.outdir) / "needs.json").read_text(encoding="utf-8"))
    assert data["policy_trace"] == {
        "data_version": 1,
        "programme_id": "vr-voorbeeld-beleidsplan-2025",
        "name": "Beleidsplan VR Voorbeeld",
        "address": "",
        "koppelingen": {
            "landelijk": {
                "programme_id": "landelijk-programma",
                "name": "Landelijk programma",
                "version": "1",
                "address": "https://land.example.nl/1/",
            }
        },
    }
    needs = needs_json(app)
    assert sorted(needs["IN-OEFENEN"]["draagt_bij_aan"]) == ["SD-REGIO", "landelijk:SD-CRISIS"]
    # The coupled programme's items are not the region's own: not published, not checked, not counted.
    assert "SD-CRISIS" not in needs and "HD-LAND" not in needs
    assert {f["id"] for f in report(app)["findings"]} <= {"IN-OEFENEN", "HD-REGIO", "SD-REGIO", "CR-REGIO",
                                                         "MT-REGIO-2025"}
    version = json.loads((Path(app.outdir) / "versie.json").read_text(encoding="utf-8"))
    assert version["programme_id"] == "vr-voorbeeld-beleidsplan-2025"


def test_koppel_again_names_by_id_what_changed_appeared_and_disappeared(tmp_path, national, capsys):
    folder = region(tmp_path)
    assert koppel("landelijk", str(national), str(folder)) == 0
    newer = publish_national(
        tmp_path / "land2", "Tweede tekst.", version="2",
        edits=(("```{doel} Minder risico's\n:id: SD-RISICO", "```{doel} Minder risico's\n:id: SD-NIEUW"),
               (":status: vervallen", ":status: vastgesteld")),
    )
    capsys.readouterr()
    assert koppel("landelijk", str(newer), str(folder)) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1:] == [
        "Veranderd sinds versie 1:",
        "  SD-CRISIS Versterken crisisbeheersing: tekst (dit programma verwijst ernaar)",
        "  SD-OUD Een doel dat verviel: status",
        "Nieuw sinds versie 1:",
        "  SD-NIEUW Minder risico's",
        "Verdwenen sinds versie 1:",
        "  SD-RISICO Minder risico's",
        "Controleer het programma (policy-trace check): de items die naar een veranderd item verwijzen, "
        "krijgen advies PT405 tot je ze hebt nagelezen.",
    ]
    # The setting is not written twice.
    assert (folder / "conf.py").read_text(encoding="utf-8").count("policy_trace_koppelingen") == 1


def test_koppel_reads_a_site_over_http(tmp_path, national, capsys):
    folder = region(tmp_path)
    with serving(national) as address:
        assert koppel("landelijk", address, str(folder)) == 0
    copy = folder / "koppelingen" / "landelijk"
    assert (copy / "needs.json").read_bytes() == (national / "needs.json").read_bytes()
    record = json.loads((copy / koppelingen.RECORD_FILE).read_text(encoding="utf-8"))
    assert record["bron"] == address and record["adres"] == address  # the fixed address it was read from


def test_a_source_that_is_no_publication_is_refused_and_the_copy_stays(tmp_path, national, capsys):
    folder = region(tmp_path)
    assert koppel("landelijk", str(national), str(folder)) == 0
    before = (folder / "koppelingen" / "landelijk" / "needs.json").read_bytes()
    # A stock sphinx-needs needs.json: no programme named in it.
    plain = tmp_path / "plain"
    plain.mkdir()
    data = json.loads((national / "needs.json").read_text(encoding="utf-8"))
    del data["policy_trace"]
    (plain / "needs.json").write_text(json.dumps(data), encoding="utf-8")
    (plain / "versie.json").write_text("{}", encoding="utf-8")
    capsys.readouterr()
    assert koppel("landelijk", str(plain), str(folder)) == 2
    err = capsys.readouterr().err
    assert "policy-trace koppel: fout: " in err and "is geen publicatie van policy-trace" in err
    assert "De bestaande kopie is niet veranderd." in err
    assert (folder / "koppelingen" / "landelijk" / "needs.json").read_bytes() == before
    # A publication of a data version this policy-trace cannot read.
    data["policy_trace"] = {"programme_id": "later", "data_version": 99}
    (plain / "needs.json").write_text(json.dumps(data), encoding="utf-8")
    assert koppel("landelijk", str(plain), str(folder)) == 2
    assert "gegevensversie 99" in capsys.readouterr().err
    assert (folder / "koppelingen" / "landelijk" / "needs.json").read_bytes() == before
    # A folder without a site.
    assert koppel("landelijk", str(tmp_path / "nergens"), str(folder)) == 2
    assert "bestaat niet of is geen map" in capsys.readouterr().err


def test_a_wrong_alias_is_refused(tmp_path, national, capsys):
    assert koppel("Landelijk", str(national), str(region(tmp_path))) == 2
    assert "'Landelijk' is geen geldige alias" in capsys.readouterr().err


def test_a_new_copy_is_read_by_an_incremental_build_and_herzien_clears_pt405(tmp_path, national, capsys):
    folder = region(tmp_path)
    assert koppel("landelijk", str(national), str(folder)) == 0
    first = build_once(folder, "html")
    assert [f["code"] for f in report(first)["findings"]] == []
    newer = publish_national(tmp_path / "land2", "Tweede tekst.", version="2")
    assert koppel("landelijk", str(newer), str(folder)) == 0
    again = build_once(folder, "html")
    found = report(again)["findings"]
    assert [(f["code"], f["id"], f["file"], f["line"]) for f in found] == [
        ("PT405", "IN-OEFENEN", "index.md", 23)
    ]
    mark = json.loads((newer / "needs.json").read_text(encoding="utf-8"))
    coupled = koppelingen.read_copy("landelijk", folder / "koppelingen" / "landelijk", "x").items["SD-CRISIS"]
    fingerprint = changes.fingerprint(changes.snapshot(coupled))
    assert f"':herzien: landelijk:SD-CRISIS@{fingerprint}'" in found[0]["fix"]
    # The item's page says so too, with the review to record.
    page = (Path(again.outdir) / "index.html").read_text(encoding="utf-8")
    assert "sinds de versie van een gekoppeld programma waartegen dit item is nagelezen" in page
    assert f":herzien: landelijk:SD-CRISIS@{fingerprint}</code>" in page
    assert mark["policy_trace"]["programme_id"] == "landelijk-programma"
    index = folder / "index.md"
    index.write_text(
        index.read_text(encoding="utf-8").replace(
            ":spoor: inhoudelijk", f":spoor: inhoudelijk\n:herzien: landelijk:SD-CRISIS@{fingerprint}"
        ),
        encoding="utf-8",
    )
    reviewed = build_once(folder, "html")
    assert report(reviewed)["findings"] == []
    assert "pt-te-herzien" not in (Path(reviewed.outdir) / "index.html").read_text(encoding="utf-8")


def test_removing_a_koppeling_leaves_nothing_behind_in_an_incremental_build(tmp_path, national):
    folder = region(tmp_path)
    assert koppel("landelijk", str(national), str(folder)) == 0
    first = build_once(folder, "html")
    assert "Landelijk programma" in (Path(first.outdir) / "index.html").read_text(encoding="utf-8")
    # The setting goes, the links stay: each link is now PT111, once.
    conf = folder / "conf.py"
    text = conf.read_text(encoding="utf-8")
    conf.write_text(text[: text.index("\n# Andere programma's")] + "\n", encoding="utf-8")
    second = build_once(folder, "html")
    assert [(f["code"], f["id"]) for f in report(second)["findings"]] == [
        ("PT111", "IN-OEFENEN"), ("PT111", "MT-REGIO-2025")
    ]
    # The links go too: nothing of the coupled programme is left on the pages or in needs.json.
    index = folder / "index.md"
    index.write_text(
        index.read_text(encoding="utf-8")
        .replace(", landelijk:SD-CRISIS", "")
        .replace(":meet_voor: landelijk:CR-VERGELIJKBAAR", ":meet_voor: CR-REGIO"),
        encoding="utf-8",
    )
    third = build_once(folder, "html")
    assert report(third)["findings"] == []
    assert "Landelijk programma" not in (Path(third.outdir) / "index.html").read_text(encoding="utf-8")
    data = json.loads((Path(third.outdir) / "needs.json").read_text(encoding="utf-8"))
    assert data["policy_trace"]["koppelingen"] == {}
    assert "landelijk" not in json.dumps(data["versions"])


def _contributions_shown(site: Path, item_id: str) -> list[str]:
    """Under a national item: each region's line of its contributions (empty if there is no such list)."""
    soup = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    details = soup.find(id=item_id).find_next_sibling(class_="pt-item-details")
    listed = details.select_one("ul.pt-contributions")
    return [li.get_text(" ", strip=True) for li in listed.find_all("li")] if listed else []


def test_a_new_koppel_of_a_region_shows_its_contributions_on_the_national_items_in_an_incremental_build(
    tmp_path, national
):
    land = tmp_path / "land"
    folder = region(tmp_path)
    conf = folder / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8") + 'html_baseurl = "https://regio.example.nl/1/"\n',
                    encoding="utf-8")
    assert koppel("landelijk", str(national), str(folder)) == 0
    assert koppel("regio", str(build_once(folder, "html").outdir), str(land)) == 0
    first = build_once(land, "html")
    assert warnings_of(first) == []
    site = Path(first.outdir)
    assert _contributions_shown(site, "SD-CRISIS") == [
        "Beleidsplan VR Voorbeeld, versie 1: Regionale oefencyclus IN-OEFENEN"
    ]
    assert _contributions_shown(site, "CR-VERGELIJKBAAR") == [
        "Beleidsplan VR Voorbeeld, versie 1: Vergelijkbaarheid in de regio MT-REGIO-2025 : 9 op 1 maart 2025 "
        "(bron: Jaarverslag van de regio 2024)"
    ]
    assert _contributions_shown(site, "SD-RISICO") == []
    # The region publishes a new version: a new item for SD-RISICO, a new title. Only the copy changes here.
    index = folder / "index.md"
    index.write_text(
        index.read_text(encoding="utf-8").replace("Regionale oefencyclus", "Regionale oefenweek")
        + "\n```{inspanning} Risico's in kaart\n:id: IN-RISICOKAART\n:draagt_bij_aan: SD-REGIO, "
        "landelijk:SD-RISICO\n:spoor: inhoudelijk\n:status: in_uitvoering\n```\n",
        encoding="utf-8",
    )
    national_conf = (land / "conf.py").read_bytes()
    assert koppel("regio", str(build_once(folder, "html").outdir), str(land)) == 0
    assert (land / "conf.py").read_bytes() == national_conf  # so the next build is an incremental one
    again = build_once(land, "html")
    assert "0 added, 1 changed, 0 removed" in again.status.getvalue()  # the page read again for the copy
    assert _contributions_shown(site, "SD-CRISIS") == [
        "Beleidsplan VR Voorbeeld, versie 1: Regionale oefenweek IN-OEFENEN"
    ]
    assert _contributions_shown(site, "SD-RISICO") == [
        "Beleidsplan VR Voorbeeld, versie 1: Risico's in kaart IN-RISICOKAART in uitvoering"
    ]
    link = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser").select_one(
        'ul.pt-contributions a[href$="#IN-RISICOKAART"]'
    )
    assert link["href"] == "https://regio.example.nl/1/index.html#IN-RISICOKAART"
    # As a clean build shows it.
    incremental = (site / "index.html").read_text(encoding="utf-8")
    shutil.rmtree(land / "_build")
    assert (Path(build_once(land, "html").outdir) / "index.html").read_text(encoding="utf-8") == incremental


def test_a_missing_copy_is_pt111_at_each_linking_item(tmp_path, national):
    folder = region(tmp_path)
    assert koppel("landelijk", str(national), str(folder)) == 0
    (folder / "koppelingen" / "landelijk" / "needs.json").unlink()
    found = report(build_once(folder, "html"))["findings"]
    assert [(f["code"], f["id"], f["line"]) for f in found] == [
        ("PT111", "IN-OEFENEN", 23), ("PT111", "MT-REGIO-2025", 29)
    ]
    assert "de kopie van 'landelijk' is niet te lezen: " in found[0]["message"]
    assert "koppelingen/landelijk/needs.json ontbreekt" in found[0]["message"]


def test_wrong_settings_get_a_dutch_message(tmp_path):
    folder = write_programme(
        tmp_path / "fout", "Mijn Programma", "Fout", "", 'policy_trace_koppelingen = {"Land": "x", "ok": 3}\n'
    )
    text = "\n".join(warnings_of(build_once(folder, "html")))
    assert "policy_trace_programme_id 'Mijn Programma' mag alleen kleine letters, cijfers en '-' bevatten, " \
        "bijvoorbeeld 'mijn-programma'." in text
    assert "policy_trace_koppelingen noemt de alias 'Land'" in text
    assert "policy_trace_koppelingen geeft 'ok' geen map" in text


def test_init_derives_the_programme_id_from_the_name(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert cli.main(["init", "plan", "--naam", "Beleidsplan VR Zuid-Holland Zuid 2024"]) == 0
    assert 'policy_trace_programme_id = "beleidsplan-vr-zuid-holland-zuid-2024"' in (
        tmp_path / "plan" / "conf.py"
    ).read_text(encoding="utf-8")


def _git(folder: Path, *argv: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.nl", *argv], cwd=folder,
                   check=True, capture_output=True)


@pytest.mark.parametrize("pipeline", ["gitlab", "github"])
def test_the_starters_pipelines_refresh_a_koppeling(tmp_path, monkeypatch, pipeline):
    monkeypatch.chdir(tmp_path)
    assert cli.main(["init", "regio", "--naam", "Beleidsplan Regio"]) == 0
    folder = tmp_path / "regio"
    first = publish_national(tmp_path / "land1")
    served = tmp_path / "site"
    shutil.copytree(first, served)
    with serving(served) as address:
        assert koppel("landelijk", address, str(folder)) == 0
        _git(folder, "init", "-q")
        _git(folder, "add", "-A")
        _git(folder, "commit", "-q", "-m", "begin")
        # The agenda publishes a new version at the same address.
        newer = publish_national(tmp_path / "land2", "Tweede tekst.", version="2")
        shutil.rmtree(served)
        shutil.copytree(newer, served)
        if pipeline == "gitlab":
            gitlab = yaml.safe_load((folder / ".gitlab-ci.yml").read_text(encoding="utf-8"))
            job = gitlab["koppelingen-vernieuwen"]
            script = next(line for line in job["script"] if "policy-trace koppel" in line)
            assert "koppelingen.patch" in job["artifacts"]["paths"]
        else:
            steps = yaml.safe_load((folder / ".github/workflows/pages.yml").read_text(encoding="utf-8"))
            step = next(
                s for s in steps["jobs"]["build"]["steps"] if "policy-trace koppel" in s.get("run", "")
            )
            script = step["run"]
            assert "inputs.koppelingen" in step["if"]
        env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
        result = subprocess.run(["bash", "-ec", script], cwd=folder, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "Veranderd sinds versie 1:" in result.stdout
    copy = folder / "koppelingen" / "landelijk" / "needs.json"
    assert copy.read_bytes() == (newer / "needs.json").read_bytes()


def test_a_parallel_build_checks_and_shows_the_coupled_links_as_a_serial_one(tmp_path, national):
    folder = region(tmp_path)
    assert koppel("landelijk", str(national), str(folder)) == 0
    newer = publish_national(tmp_path / "land2", "Tweede tekst.", version="2")
    assert koppel("landelijk", str(newer), str(folder)) == 0
    serial = build_once(folder, "html")
    shutil.rmtree(folder / "_build")
    parallel = build_once(folder, "html", parallel=2)
    assert report(parallel)["findings"] == report(serial)["findings"]
    assert [f["code"] for f in report(parallel)["findings"]] == ["PT405"]
    assert "pt-coupled-link" in (Path(parallel.outdir) / "index.html").read_text(encoding="utf-8")


def test_the_doelenboom_draws_what_it_serves_in_a_coupled_programme_as_outside_boxes(tmp_path, national):
    folder = region(tmp_path)
    assert koppel("landelijk", str(national), str(folder)) == 0
    index = folder / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\n```{doelenboom}\n```\n", encoding="utf-8")
    app = build_once(folder, "html")
    assert warnings_of(app) == []
    soup = BeautifulSoup((Path(app.outdir) / "index.html").read_text(encoding="utf-8"), "html.parser")
    captions = [p.get_text() for p in soup.select(".pt-doelenboom-deel")]
    assert captions[-1] == "Bijdragen aan andere programma's"
    outside = soup.select(".pt-doelenboom svg.pt-boom")[-1]
    boxes = {a["href"]: " ".join(t.get_text() for t in a.select("text")) for a in outside.select("a")}
    # The coupled goal links to its page at the copied version's address; the effort to its own page.
    coupled = [href for href in boxes if href.startswith("https://land.example.nl/1/")]
    assert len(coupled) == 1 and boxes[coupled[0]].startswith("Landelijk programma:")
    assert any(href.endswith("#IN-OEFENEN") for href in boxes)
    assert len(outside.select("g.pt-boom-lijnen path")) == 1


def test_a_published_version_names_its_own_fixed_address(tmp_path, capsys):
    goal = "```{hoofddoel} Veilig\n:id: HD-LAND\n```\n"
    national = write_programme(
        tmp_path / "land", "landelijk-programma", "Landelijk programma", goal,
        'html_baseurl = "https://land.example.nl/"\n',
    )
    out = tmp_path / "publicatie"
    assert cli.main(["publish", "--version", "1.1", "--status", "vastgesteld", str(out), str(national)]) == 0
    folder = region(tmp_path)
    assert koppel("landelijk", str(out / "1.1"), str(folder)) == 0
    record = json.loads((folder / "koppelingen" / "landelijk" / koppelingen.RECORD_FILE).read_text("utf-8"))
    # The root of the publication plus the version's folder: the address that never changes.
    assert record["adres"] == "https://land.example.nl/1.1/"
