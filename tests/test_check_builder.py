"""``make check``'s builder: every check and both reports, no site and no needs.json."""

from __future__ import annotations

from pathlib import Path

from checks_support import build_once, copy_root, report
from conftest import warnings_of
from docutils import nodes
from policy_trace.checks.builder import inert, resolvers_known


def test_policy_check_reports_without_writing_the_site(tmp_path):
    srcdir = copy_root("test-every-type", tmp_path)
    app = build_once(srcdir, "policy_check")
    out = Path(app.outdir)
    assert app.statuscode == 0
    assert report(app)["counts"] == {"error": 0, "advice": 0, "uitgezonderd": 0}
    assert (out / "policy-report.xml").exists()
    assert not (out / "needs.json").exists()
    assert not (out / "index.html").exists()


def test_policy_check_fails_on_an_error_like_the_html_build(tmp_path):
    srcdir = copy_root("test-every-type", tmp_path)
    index = srcdir / "index.md"
    broken = index.read_text(encoding="utf-8").replace(":voert_uit: IN-PREVENTIE", ":voert_uit: IN-WEG")
    index.write_text(broken, encoding="utf-8")
    app = build_once(srcdir, "policy_check", warningiserror=True)
    assert app.statuscode == 1
    found = report(app)["findings"]
    # The effort now has no project: advice PT202 beside the error.
    assert [(f["code"], f["id"], f["severity"]) for f in found] == [
        ("PT202", "IN-PREVENTIE", "advice"),
        ("PT101", "PRJ-WIJK", "error"),
    ]
    assert "PT101 PRJ-WIJK: 'voert_uit' verwijst naar IN-WEG" in app.warning.getvalue()


def _add_page(srcdir: Path, name: str, text: str) -> None:
    (srcdir / name).write_text("---\norphan: true\n---\n" + text, encoding="utf-8")


def test_every_handler_that_acts_when_a_page_is_resolved_is_known_so_pages_of_text_are_skipped(tmp_path):
    """An upgrade of Sphinx, MyST or sphinx-needs that adds a handler makes this fail: check would
    then resolve every page again (still right, but slow) until the new handler is looked at."""
    srcdir = copy_root("test-every-type", tmp_path)
    app = build_once(srcdir, "policy_check")
    assert resolvers_known(app)


def test_check_warns_about_a_link_to_a_local_address_in_a_page_of_text_as_the_build_does(tmp_path):
    srcdir = copy_root("test-every-type", tmp_path)
    _add_page(srcdir, "lokaal.md", "# Lokaal\n\nZie [de site](http://localhost:8000/index.html).\n")
    check = build_once(srcdir, "policy_check")
    site = build_once(srcdir, "html")
    local = [w for w in warnings_of(check) if "local-link" in w]
    assert local == [w for w in warnings_of(site) if "local-link" in w]
    assert len(local) == 1
    assert "lokaal.md:6: FOUT: de pagina linkt naar http://localhost:8000/index.html" in local[0]


def test_an_extension_acting_on_resolved_pages_makes_check_resolve_every_page(tmp_path):
    """What another extension does when a page is resolved, check cannot know: it resolves them all."""
    srcdir = copy_root("test-every-type", tmp_path)
    (srcdir / "eigen_extensie.py").write_text(
        "from sphinx.util import logging\n\n"
        "logger = logging.getLogger(__name__)\n\n\n"
        "def warn(app, doctree, docname):\n"
        "    logger.warning('pagina %s opgelost', docname, location=docname)\n\n\n"
        "def setup(app):\n"
        "    app.connect('doctree-resolved', warn)\n"
        "    return {'parallel_read_safe': True, 'parallel_write_safe': True}\n",
        encoding="utf-8",
    )
    conf = srcdir / "conf.py"
    conf.write_text(
        conf.read_text(encoding="utf-8")
        + "\nimport os, sys\nsys.path.insert(0, os.path.dirname(__file__))\n"
        + "extensions.append('eigen_extensie')\n",
        encoding="utf-8",
    )
    _add_page(srcdir, "tekst.md", "# Tekst\n\nAlleen tekst.\n")
    check = build_once(srcdir, "policy_check")
    assert not resolvers_known(check)
    assert any("pagina tekst opgelost" in w for w in warnings_of(check))
    assert sorted(w for w in warnings_of(check) if "opgelost" in w) == sorted(
        w for w in warnings_of(build_once(srcdir, "html")) if "opgelost" in w
    )


def test_a_page_of_text_and_its_structure_is_inert_and_a_reference_is_not():
    from docutils.frontend import get_default_settings
    from docutils.parsers.rst import Parser
    from docutils.utils import new_document

    def parsed(text: str) -> nodes.document:
        document = new_document("test", get_default_settings(Parser))
        Parser().parse(text, document)
        return document

    assert inert(parsed("Titel\n=====\n\nTekst met *nadruk* en ``code``.\n\n- een\n- twee\n"))
    assert not inert(parsed("Zie `de site <https://example.org>`_.\n"))
