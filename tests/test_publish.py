"""Versioned publication: ``policy-trace publish`` twice, fixed paths, versions.json, the root page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from policy_trace import cli
from policy_trace.rules import EXAMPLE_CONTEXT, EXAMPLE_PERIOD, EXAMPLE_REFERENCE_DATE


def write_programme(srcdir: Path, items: str = EXAMPLE_CONTEXT) -> Path:
    """A small programme with its items one folder down, and a Wat is er veranderd page."""
    (srcdir / "needs").mkdir(parents=True, exist_ok=True)
    (srcdir / "conf.py").write_text(
        'project = "Brandveilig"\nextensions = ["myst_parser", "policy_trace"]\nlanguage = "nl"\n'
        'html_theme = "furo"\n'
        f"policy_trace_period = {EXAMPLE_PERIOD!r}\n"
        f"policy_trace_reference_date = {EXAMPLE_REFERENCE_DATE!r}\n",
        encoding="utf-8",
    )
    (srcdir / "index.md").write_text(
        "# Brandveilig\n\n```{toctree}\nneeds/items\nwijzigingen\n```\n", encoding="utf-8"
    )
    (srcdir / "wijzigingen.md").write_text("# Wat is er veranderd\n\n```{wijzigingen}\n```\n", "utf-8")
    (srcdir / "needs" / "items.md").write_text(f"# Items\n\n{items}", encoding="utf-8")
    return srcdir


def edit(srcdir: Path) -> None:
    """A new title for SD-BRAND: what changed since 1.0."""
    path = srcdir / "needs" / "items.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("{doel} Minder branden", "{doel} Minder woningbranden"), "utf-8")


def publish(*args: str) -> int:
    return cli.main(["publish", *args])


@pytest.fixture(scope="module")
def publication(tmp_path_factory) -> Path:
    """1.0 adopted, then an edit published as working version and as adopted 1.1."""
    root = tmp_path_factory.mktemp("publicatie")
    srcdir = write_programme(root / "src")
    out = root / "public"
    adopted = ("--status", "vastgesteld")
    assert publish("--version", "1.0", *adopted, "--datum", "2014-09-26", str(out), str(srcdir)) == 0
    edit(srcdir)
    assert publish("--datum", "2015-01-10", str(out), str(srcdir)) == 0
    assert publish("--version", "1.1", *adopted, "--datum", "2015-02-01", str(out), str(srcdir)) == 0
    return out


def _page(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_each_version_has_its_fixed_path_and_versions_json_lists_them(publication):
    names = sorted(p.name for p in publication.iterdir())
    assert names == ["1.0", "1.1", "index.html", "versions.json", "werkversie"]
    for name in ("1.0", "1.1", "werkversie"):
        assert (publication / name / "needs" / "items.html").is_file()
        assert not (publication / name / ".doctrees").exists()
    assert json.loads((publication / "versions.json").read_text(encoding="utf-8")) == {
        "latest": "1.1",
        "versions": [
            {"version": "1.0", "status": "vastgesteld", "date": "2014-09-26", "path": "1.0/"},
            {"version": "1.1", "status": "vastgesteld", "date": "2015-02-01", "path": "1.1/"},
            {"version": "werkversie", "status": "werkversie", "date": "2015-01-10", "path": "werkversie/"},
        ],
    }


def test_the_root_page_points_to_the_latest_adopted_version(publication):
    page = _page(publication / "index.html")
    latest = page.select_one("p.latest a")
    assert latest["href"] == "1.1/index.html"
    assert latest.get_text() == "Versie 1.1 (vastgesteld, 1 februari 2015)"
    assert [a["href"] for a in page.select("main ul a")] == [
        "werkversie/index.html",
        "1.1/index.html",
        "1.0/index.html",
    ]
    assert page.html["lang"] == "nl" and page.title.get_text() == "Brandveilig: versies"
    # Under the same policy as the versions' pages, with an icon (no 404 on the publication's root).
    assert page.find("meta", attrs={"http-equiv": "Content-Security-Policy"}) is not None
    assert page.find("link", rel="icon")["href"].startswith("data:image/svg+xml")


def test_the_banner_names_version_status_date_and_links_per_page(publication):
    banner = _page(publication / "1.1" / "needs" / "items.html").select_one(".announcement")
    text = banner.select_one(".pt-banner").get_text()
    assert text == "Versie 1.1 \u00b7 vastgesteld \u00b7 1 februari 2015"
    links = {a.get_text(): a["href"] for a in banner.select(".pt-banner-links a")}
    assert links == {
        "versie 1.0": "../../1.0/index.html",
        "werkversie": "../../werkversie/index.html",
        "alle versies": "../../index.html",
        "wat is er veranderd": "../wijzigingen.html",
    }
    working = _page(publication / "werkversie" / "index.html").select_one(".announcement")
    assert working.select_one(".pt-banner").get_text() == "Werkversie \u00b7 10 januari 2015"


def test_each_publication_compares_with_the_latest_adopted_version(publication):
    changes = json.loads((publication / "1.1" / "changes.json").read_text(encoding="utf-8"))
    assert changes["previous"] == {"version": "1.0", "date": "2014-09-26"}
    assert changes["changed"] == {"SD-BRAND": ["title"]}
    assert not (publication / "1.0" / "changes.json").exists()
    first = _page(publication / "1.0" / "wijzigingen.html").select_one("p.pt-no-previous").get_text()
    assert first.startswith("Er is geen eerdere versie om mee te vergelijken")


def test_an_adopted_version_is_never_overwritten(publication, capsys):
    before = (publication / "1.0" / "needs" / "items.html").read_bytes()
    srcdir = publication.parent / "src"
    assert publish("--version", "1.0", "--status", "vastgesteld", str(publication), str(srcdir)) == 2
    assert capsys.readouterr().err == (
        f"policy-trace publish: fout: versie 1.0 is al vastgesteld gepubliceerd in {publication / '1.0'} en "
        "wordt nooit overschreven. Publiceer de wijzigingen als een nieuwe versie, bijvoorbeeld met "
        "--version 1.1.\n"
    )
    assert (publication / "1.0" / "needs" / "items.html").read_bytes() == before
    # Also as another status: the version number is taken.
    assert publish("--version", "1.0", "--status", "concept", str(publication), str(srcdir)) == 2


def test_a_version_that_cannot_be_a_folder_is_refused(tmp_path, capsys):
    srcdir = write_programme(tmp_path / "src")
    assert publish("--version", "../1", str(tmp_path / "out"), str(srcdir)) == 2
    assert "kan geen mapnaam zijn" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_a_failing_build_publishes_nothing(tmp_path, capsys):
    broken = EXAMPLE_CONTEXT.replace(":voert_uit: IN-PREVENTIE", ":voert_uit: IN-WEG")
    srcdir = write_programme(tmp_path / "src", broken)
    assert publish("--version", "1.0", "--status", "vastgesteld", str(tmp_path / "out"), str(srcdir)) == 1
    assert "er is niets gepubliceerd" in capsys.readouterr().err
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == []
