"""Hostile and careless input to ``policy-trace publish`` (issue 21): it touches only what it made."""

from __future__ import annotations

import json

from bs4 import BeautifulSoup
from policy_trace import cli
from policy_trace.publish import MARKER
from test_publish import write_programme


def publish(*args: str) -> int:
    return cli.main(["publish", *args])


def test_publish_refuses_to_replace_a_folder_it_did_not_write(tmp_path, capsys):
    srcdir = write_programme(tmp_path / "src")
    out = tmp_path / "public"
    mine = out / "2025"
    mine.mkdir(parents=True)
    (mine / "jaarverslag.pdf").write_bytes(b"%PDF-1.7 van iemand anders")
    assert publish("--version", "2025", str(out), str(srcdir)) == 2
    err = capsys.readouterr().err
    assert "policy-trace publish: fout: de map" in err
    assert "2025 bestaat al en is niet door policy-trace publish gemaakt" in err
    assert (mine / "jaarverslag.pdf").read_bytes() == b"%PDF-1.7 van iemand anders"
    assert sorted(p.name for p in out.iterdir()) == ["2025"]  # nothing written beside it either


def test_publish_replaces_its_own_unadopted_version_and_marks_it(tmp_path):
    srcdir = write_programme(tmp_path / "src")
    out = tmp_path / "public"
    assert publish("--version", "2025", "--status", "concept", str(out), str(srcdir)) == 0
    assert (out / "2025" / MARKER).is_file()
    assert publish("--version", "2025", "--status", "concept", str(out), str(srcdir)) == 0
    assert (out / "2025" / "index.html").is_file()


def test_a_status_is_read_case_insensitively_so_vastgesteld_with_a_capital_is_adopted(tmp_path, capsys):
    srcdir = write_programme(tmp_path / "src")
    out = tmp_path / "public"
    assert publish("--version", "1.0", "--status", "Vastgesteld", str(out), str(srcdir)) == 0
    listed = json.loads((out / "versions.json").read_text(encoding="utf-8"))
    assert listed["latest"] == "1.0"
    assert listed["versions"][0]["status"] == "vastgesteld"
    capsys.readouterr()
    assert publish("--version", "1.0", "--status", "concept", str(out), str(srcdir)) == 2
    assert "versie 1.0 is al vastgesteld gepubliceerd" in capsys.readouterr().err


def test_an_adopted_working_version_is_refused_before_anything_is_written(tmp_path, capsys):
    srcdir = write_programme(tmp_path / "src")
    out = tmp_path / "public"
    assert publish("--status", "vastgesteld", str(out), str(srcdir)) == 2
    err = capsys.readouterr().err
    assert "een werkversie is nooit vastgesteld; geef het versienummer met --version" in err
    assert not out.exists()
    # ... so a later publication of the working version still works.
    assert publish(str(out), str(srcdir)) == 0


def test_a_version_of_300_characters_is_a_dutch_message(tmp_path, capsys):
    srcdir = write_programme(tmp_path / "src")
    out = tmp_path / "public"
    assert publish("--version", "1" * 300, str(out), str(srcdir)) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "versie '1111111111…' is te lang (300 tekens); een versienummer heeft hoogstens 64 tekens" in err


def test_a_javascript_path_in_versions_json_never_becomes_a_link(tmp_path, capsys):
    srcdir = write_programme(tmp_path / "src")
    out = tmp_path / "public"
    assert publish("--version", "1.0", "--status", "vastgesteld", str(out), str(srcdir)) == 0
    listing = out / "versions.json"
    data = json.loads(listing.read_text(encoding="utf-8"))
    data["versions"][0]["path"] = "javascript:alert(document.cookie)//"
    listing.write_text(json.dumps(data), encoding="utf-8")
    capsys.readouterr()
    assert publish(str(out), str(srcdir)) == 2
    err = capsys.readouterr().err
    assert "noemt bij versie 1.0 de map 'javascript:alert(document.cookie)//'" in err
    page = BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert all(not a["href"].startswith("javascript:") for a in page.select("a"))


def test_publish_refuses_a_folder_whose_root_page_it_did_not_write(tmp_path, capsys):
    srcdir = write_programme(tmp_path / "src")
    out = tmp_path / "public"
    out.mkdir()
    (out / "index.html").write_text("<h1>De site van de gemeente</h1>", encoding="utf-8")
    assert publish("--version", "1.0", str(out), str(srcdir)) == 2
    assert "staat al een index.html zonder versions.json: die is niet door policy-trace publish gemaakt" in (
        capsys.readouterr().err
    )
    assert (out / "index.html").read_text(encoding="utf-8") == "<h1>De site van de gemeente</h1>"
    assert sorted(p.name for p in out.iterdir()) == ["index.html"]
