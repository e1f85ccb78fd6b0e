"""Every page's head: a Content-Security-Policy naming exactly its inline scripts, a description,
a favicon, and no link to the author's own machine."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from checks_support import build_once, copy_root
from conftest import warnings_of
from policy_trace import pagehead, publish


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    srcdir = copy_root("test-site-shell", tmp_path_factory.mktemp("head"))
    app = build_once(srcdir)
    assert warnings_of(app) == []
    return Path(app.outdir)


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_page_allows_exactly_its_own_inline_scripts_and_no_other_host(site: Path) -> None:
    for path in _pages(site):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        meta = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert meta is not None, path.name
        directives = dict(part.strip().split(" ", 1) for part in meta["content"].split(";"))
        inline = [script.string or "" for script in soup.find_all("script") if not script.get("src")]
        allowed = directives["script-src"].split()
        assert allowed == ["'self'", *sorted({pagehead.script_hash(body) for body in inline})], path.name
        assert "unsafe" not in directives["script-src"] and "http" not in meta["content"]
        assert directives["object-src"] == "'none'" and directives["base-uri"] == "'self'"
        # The policy comes before any script: the browser applies it to what follows.
        head = str(soup.head)
        assert head.index("Content-Security-Policy") < head.find("<script") or "<script" not in head


def test_the_policy_hashes_a_script_as_a_browser_does() -> None:
    # The SHA-256 of "alert(1)" as CSP Level 3 writes it (base64 of the digest).
    assert pagehead.script_hash("alert(1)") == "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"
    assert "'sha256-" not in pagehead.policy([]).split("script-src")[1].split(";")[0]


def test_each_page_describes_itself_with_its_first_paragraph(site: Path) -> None:
    soup = BeautifulSoup((site / "zonder-diagram.html").read_text(encoding="utf-8"), "html.parser")
    description = soup.find("meta", attrs={"name": "description"})["content"]
    assert description == "Een pagina zonder diagram, met een codevoorbeeld dat breder is dan de kolom:"


def test_a_long_first_paragraph_is_cut_at_a_word() -> None:
    from docutils import nodes
    from docutils.utils import new_document

    document = new_document("x")
    document += nodes.paragraph("", "woord " * 60)
    text = pagehead.description(document, "terugval")
    assert len(text) <= pagehead.DESCRIPTION_LENGTH and text.endswith("woord…")
    assert pagehead.description(None, "Zoeken: Proefsite") == "Zoeken: Proefsite"


def test_a_site_without_its_own_favicon_gets_the_neutral_one(site: Path) -> None:
    soup = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.find("link", rel="shortcut icon")["href"] == "_static/favicon.svg"
    assert (site / "_static" / "favicon.svg").read_bytes() == pagehead.DEFAULT_FAVICON.read_bytes()


@pytest.mark.parametrize(
    ("uri", "local"),
    [
        ("http://127.0.0.1:8000", True), ("http://localhost:8000/x", True), ("http://[::1]/", True),
        ("http://0.0.0.0:8000", True), ("http://app.localhost/", True), ("http://127.1.2.3/", True),
        ("https://www.veiligheidsberaad.nl", False), ("mailto:info@example.nl", False), ("#x", False),
    ],
)
def test_local_addresses(uri: str, local: bool) -> None:
    assert pagehead.is_local_address(uri) is local


def test_a_link_to_the_authors_own_machine_is_refused_at_its_line(tmp_path: Path) -> None:
    srcdir = copy_root("test-site-shell", tmp_path)
    page = srcdir / "zonder-diagram.md"
    page.write_text(
        page.read_text(encoding="utf-8")
        + "\nBekijk <http://127.0.0.1:8000> of [de site](http://localhost:8000/index.html).\n"
        + "Als code mag het wel: `http://127.0.0.1:8000`.\n",
        encoding="utf-8",
    )
    lines = page.read_text(encoding="utf-8").splitlines()
    line = next(number for number, text in enumerate(lines, 1) if text.startswith("Bekijk"))
    found = [re.sub(r"\s+", " ", w) for w in warnings_of(build_once(srcdir))]
    advice = "Schrijf het adres als code (`{0}`) of link naar de gepubliceerde site. [policy.local-link]"
    assert found == [
        f"zonder-diagram.md:{line}: FOUT: de pagina linkt naar {uri}, een adres op de eigen computer: "
        f"bij een lezer leidt die link nergens heen. {advice.format(uri)}"
        for uri in ("http://127.0.0.1:8000", "http://localhost:8000/index.html")
    ]


def test_the_root_page_of_a_publication_carries_the_policy_a_description_and_an_icon() -> None:
    page = publish.root_page("Hitteplan", [], pagehead.standalone_head("Hitteplan: de versies."))
    soup = BeautifulSoup(page, "html.parser")
    meta = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert meta["content"].startswith("default-src 'self'; script-src 'self'; ")
    assert soup.find("meta", attrs={"name": "description"})["content"].startswith("Hitteplan")
    assert soup.find("link", rel="icon")["href"].startswith("data:image/svg+xml;base64,")
    assert soup.find("script") is None
