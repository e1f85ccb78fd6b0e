"""Nothing an author writes runs, and nothing meant for colleagues leaks (issue 21).

Raw HTML, ``{raw} html``, ``{eval-rst}`` with raw HTML and ``javascript:`` links
are refused with PT112 at their line and never reach the page; ``%`` and
``<!-- -->`` comments reach no page, doctree, needs.json or search index; the
site carries no ``_sources`` and ``policy-trace build`` keeps the doctrees
(with the build machine's paths) out of the site.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from types import MappingProxyType

import pytest
from bs4 import BeautifulSoup
from checks_support import build_once, copy_root
from conftest import warnings_of
from policy_trace import cli, urls
from policy_trace.items import item_from_need
from policy_trace.koppelingen import Copy, Publication
from policy_trace.sourcescan import without_comments
from policy_trace.views.gekoppeld import item_link

POLICY_TRACE = Path(sys.executable).parent / "policy-trace"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    srcdir = copy_root("test-hostile-markup", tmp_path_factory.mktemp("onveilig"))
    return build_once(srcdir, "html")


def _page(app, name: str) -> str:
    return (Path(app.outdir) / name).read_text(encoding="utf-8")


def _pt112(app) -> list[str]:
    return [line for line in warnings_of(app) if "PT112" in line]


def test_raw_html_raw_blocks_and_unsafe_links_are_refused_at_their_line(built):
    # At the item's fence, as every finding about an item, and the line of the HTML or link itself.
    found = [line.split(" staat HTML")[0].split(" de link")[0] for line in _pt112(built)]
    assert found == [
        "needs/onveilig.md:3: FOUT: PT112 UP-HTML: op regel 6",
        "needs/onveilig.md:3: FOUT: PT112 UP-HTML: op regel 8",
        "needs/onveilig.md:24: FOUT: PT112 UP-RAW: op regel 27",
        "needs/onveilig.md:32: FOUT: PT112 UP-RST: op regel 36",
        "needs/onveilig.md:32: FOUT: PT112 UP-RST: op regel 42",
        "needs/onveilig.md:32: FOUT: PT112 UP-RST: op regel 42",
    ]
    first = _pt112(built)[0]
    assert (
        "op regel 6 staat HTML in de tekst (<script> </script> <b onmouseover=\"alert(2)\"> </b>); die zou "
        "op de site in de browser van elke bezoeker draaien" in first
    )
    assert "zet policy_trace_raw_html = True in conf.py" in first
    links = [line for line in _pt112(built) if "de link" in line]
    assert "de link 'JaVaScRiPt:alert(1)' heeft het schema 'javascript:'" in links[0]
    assert "de link 'javascript:alert(document.cookie)' heeft het schema 'javascript:'" in links[1]


def test_nothing_of_it_reaches_the_page(built):
    page = _page(built, "needs/onveilig.html")
    soup = BeautifulSoup(page, "html.parser")
    body = soup.select_one("article")
    assert body is not None
    # What stood between <script> and </script> is text now; no element of the author's is left.
    assert "<script" not in str(body) and "onclick" not in str(body) and "onmouseover" not in str(body)
    assert not body.select("[onclick], [onmouseover], script")
    assert all(urls.is_safe(a.get("href", "")) for a in soup.select("a"))
    # The words of a refused link stay, as text; a good link stays a link.
    assert "een rST-link" in body.get_text()
    assert body.select_one('a[href="https://www.example.org/"]') is not None
    assert "vet" in body.get_text()


def test_comments_reach_no_page_doctree_needs_json_or_search_index(built):
    out = Path(built.outdir)
    for path in [*out.rglob("*"), *Path(built.doctreedir).rglob("*")]:
        if path.is_file():
            data = path.read_bytes()
            assert b"GEHEIM" not in data, path
    page = _page(built, "needs/onveilig.html")
    assert "Zichtbaar." in page and "Ook zichtbaar" in page and "hier." in page
    assert page.count("ZICHTBAAR-IN-CODE") == 2  # in a code block a % or <!-- is what is shown


def test_the_site_carries_no_sources_folder(built):
    assert not (Path(built.outdir) / "_sources").exists()
    assert "_sources" not in _page(built, "needs/onveilig.html")


def test_a_programme_may_allow_raw_html_on_purpose_but_never_an_unsafe_link(tmp_path):
    srcdir = copy_root("test-hostile-markup", tmp_path)
    with (srcdir / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write("policy_trace_raw_html = True\n")
    app = build_once(srcdir, "html")
    assert [line.split(" de link")[0] for line in _pt112(app)] == [
        "needs/onveilig.md:32: FOUT: PT112 UP-RST: op regel 42",
        "needs/onveilig.md:32: FOUT: PT112 UP-RST: op regel 42",
    ]
    page = _page(app, "needs/onveilig.html")
    assert "<script>alert('raw')</script>" in page
    assert "javascript:" not in page.lower()


def test_an_incremental_build_reports_what_a_clean_one_does(tmp_path):
    srcdir = copy_root("test-hostile-markup", tmp_path)
    first = build_once(srcdir, "html")
    (srcdir / "index.md").write_text((srcdir / "index.md").read_text(encoding="utf-8") + "\nMeer.\n", "utf-8")
    again = build_once(srcdir, "html")
    assert _pt112(again) == _pt112(first) and len(_pt112(first)) == 6


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", " JavaScript:alert(1)", "java\tscript:x", "\x01javascript:x", "data:text/html,x",
     "vbscript:x", "file:///etc/passwd"],
)
def test_a_scheme_outside_the_allow_list_is_unsafe(url):
    assert not urls.is_safe(url)


@pytest.mark.parametrize(
    "url", ["https://example.org/", "http://x", "mailto:a@b.nl", "../doelen.html", "#top", "2025/index.html"]
)
def test_http_https_mailto_and_links_within_the_site_are_safe(url):
    assert urls.is_safe(url)


def test_without_comments_keeps_lines_and_code():
    text = "a\n% weg\n<!-- weg\nweg -->b\n```\n% blijft\n```\nc <!-- weg --> d\n"
    assert without_comments(text) == "a\n\n\nb\n```\n% blijft\n```\nc  d\n"
    rst = "```{eval-rst}\n.. weg\n   ook weg\n\n.. note:: blijft\n.. _blijft:\n```\n"
    assert without_comments(rst) == "```{eval-rst}\n\n\n\n.. note:: blijft\n.. _blijft:\n```\n"


def test_policy_trace_build_keeps_doctrees_and_build_paths_out_of_the_site(tmp_path):
    srcdir = copy_root("test-hostile-markup", tmp_path)
    (srcdir / "needs" / "onveilig.md").unlink()
    (srcdir / "index.md").write_text("# Veilig\n\n```{toctree}\nneeds/basis\n```\n", encoding="utf-8")
    result = subprocess.run([POLICY_TRACE, "build", srcdir], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    site = srcdir / "_build" / "html"
    names = {path.relative_to(site).as_posix() for path in site.rglob("*")}
    assert not [n for n in names if n.startswith((".doctrees", "_sources")) or n.endswith(".pickle")]
    for path in site.rglob("*"):
        if path.is_file():
            assert str(tmp_path).encode() not in path.read_bytes(), path


def test_init_writes_a_name_with_markup_as_text(tmp_path):
    name = 'Plan <script>alert(1)</script> *x* & co'
    folder = tmp_path / "plan"
    assert cli.main(["init", str(folder), "--naam", name, "--periode", "2026-01-01", "2029-12-31"]) == 0
    result = subprocess.run([POLICY_TRACE, "build", folder], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    page = (folder / "_build" / "html" / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(page, "html.parser")
    assert not [s for s in soup.select("script") if "alert" in s.get_text()]
    assert soup.select_one("h1").get_text().rstrip("¶") == name
    assert soup.select_one(".sidebar-brand-text").get_text().strip() == name
    assert soup.title.get_text().startswith(name)
    needs = json.loads((folder / "_build" / "html" / "needs.json").read_text(encoding="utf-8"))
    assert needs["project"] == name


def test_a_coupled_programmes_address_never_becomes_a_javascript_link():
    need = {"id": "SD-LAND", "type": "doel", "title": "Landelijk doel", "status": "vastgesteld"}
    item = item_from_need({**need, "docname": "needs/doelen"}, "")
    publication = Publication("land", "Land", "1.0", "vastgesteld", "2026-01-01", "", MappingProxyType({}))

    def copy(address: str) -> Copy:
        return Copy("land", "koppelingen/land", publication, MappingProxyType({"SD-LAND": item}),
                    MappingProxyType({}), address=address)

    assert 'href="https://land.example/1.0/needs/doelen.html#SD-LAND"' in item_link(
        copy("https://land.example/1.0/"), item
    )
    hostile = item_link(copy("javascript:alert(document.cookie)//"), item)
    assert "href" not in hostile and "javascript" not in hostile and "Landelijk doel" in hostile


def test_init_starts_a_programme_that_builds_whatever_its_name(tmp_path):
    name = 'Plan """ \\ `x` [z](javascript:alert(1)) %100'
    folder = tmp_path / "plan"
    assert cli.main(["init", str(folder), "--naam", name, "--periode", "2026-01-01", "2029-12-31"]) == 0
    result = subprocess.run([POLICY_TRACE, "build", folder], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    index = folder / "_build" / "html" / "index.html"
    page = BeautifulSoup(index.read_text(encoding="utf-8"), "html.parser")
    assert all(urls.is_safe(a.get("href", "")) for a in page.select("a"))
    assert page.select_one(".sidebar-brand-text").get_text().strip() == name
