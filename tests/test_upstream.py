"""Each reach into a dependency's internals (``policy_trace/upstream/``) holds what it relies on (issue 9).

One test per seam: it fails when an upgrade of that dependency changes a
name, a signature or the HTML a patch relies on, so the upgrade is reviewed
before a site silently changes. The start-up check stops a build on another
version with a Dutch message.
"""

from __future__ import annotations

import gettext
import inspect
import re
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from checks_support import copy_root, make_app
from docutils import nodes
from policy_trace.findings import WARNING_TYPE, is_suppressed
from policy_trace.theme import dutch
from policy_trace.upstream import furo as furo_seam
from policy_trace.upstream import sphinx as sphinx_seam
from policy_trace.upstream import sphinx_autobuild as autobuild_seam
from policy_trace.upstream import sphinx_needs as needs_seam
from policy_trace.upstream import weasyprint as weasyprint_seam
from policy_trace.upstream.pin import Pin
from sphinx.errors import ExtensionError
from sphinx.util.logging import is_suppressed_warning

PINS = (sphinx_seam.PIN, furo_seam.PIN, needs_seam.PIN, autobuild_seam.PIN, weasyprint_seam.PIN)
PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


@pytest.mark.parametrize("pin", PINS, ids=lambda pin: pin.distribution)
def test_each_seam_is_written_for_the_installed_and_pinned_version(pin: Pin):
    assert pin.installed() == pin.version
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"].values()
    pinned = [*project["dependencies"], *(dependency for extra in extras for dependency in extra)]
    assert f"{pin.distribution}=={pin.version}" in pinned


def test_another_version_stops_the_build_with_a_dutch_message(tmp_path, monkeypatch):
    real = metadata.version
    monkeypatch.setattr(metadata, "version", lambda name: "2099.1.1" if name == "furo" else real(name))
    with pytest.raises(ExtensionError) as raised:
        make_app(copy_root("test-rules", tmp_path))
    assert str(raised.value) == (
        "policy-trace: furo 2099.1.1 is geïnstalleerd, maar policy-trace is geschreven voor furo "
        "2025.12.19 en gebruikt daarvan interne onderdelen (policy_trace/upstream/furo.py). Oplossing: "
        "installeer furo==2025.12.19 (zoals pyproject.toml vastlegt), of pas "
        "policy_trace/upstream/furo.py aan de nieuwe versie aan, laat tests/test_upstream.py slagen en "
        "werk de versie daar bij."
    )


# furo


def test_furo_computes_the_navigation_tree_through_the_module_function_we_route():
    import furo as theme

    handler = inspect.getsource(theme._html_page_context)
    assert 'context["furo_navigation_tree"] = _compute_navigation_tree(context)' in handler
    computed = getattr(theme._compute_navigation_tree, "__wrapped__", theme._compute_navigation_tree)
    assert list(inspect.signature(computed).parameters) == ["context"]


def test_a_routed_navigation_tree_comes_from_the_page_source_and_others_from_furo():
    import furo as theme

    class Source(furo_seam.NavigationSource):
        def tree(self, context, compute):
            return "<ul>eigen</ul>"

    assert furo_seam.route_navigation_tree()
    assert furo_seam.route_navigation_tree()  # once per process
    assert theme._compute_navigation_tree({furo_seam.SOURCE_KEY: Source()}) == "<ul>eigen</ul>"
    routed = theme._compute_navigation_tree
    assert routed.policy_trace_wrapper and not hasattr(routed.__wrapped__, "policy_trace_wrapper")


def test_furo_labels_its_fold_buttons_in_the_english_we_translate():
    import furo.navigation

    assert 'accessible_name = f"Toggle navigation of {' in inspect.getsource(furo.navigation)
    tree = '<label aria-label="Toggle navigation of Doelen &amp; resultaten" for="toctree-checkbox-1">'
    assert furo_seam.translate_fold_labels(tree, lambda title: f"{title} tonen") == (
        '<label aria-label="Doelen &amp; resultaten tonen" for="toctree-checkbox-1">'
    )


def test_our_page_template_is_a_copy_of_the_installed_furo_page_template():
    import hashlib

    import furo as theme

    furo_page = Path(theme.__file__).parent / "theme" / "furo" / "page.html"
    assert hashlib.sha256(furo_page.read_bytes()).hexdigest() == furo_seam.PAGE_TEMPLATE_SHA256


def test_our_logo_block_stands_in_for_the_installed_furo_brand_template():
    import hashlib

    import furo as theme

    furo_brand = Path(theme.__file__).parent / "theme" / "furo" / "sidebar" / "brand.html"
    assert hashlib.sha256(furo_brand.read_bytes()).hexdigest() == furo_seam.BRAND_TEMPLATE_SHA256


# sphinx-needs


def test_sphinx_needs_node_classes_are_where_incremental_builds_look_for_them():
    from sphinx_needs.directives.needflow import NeedflowDirective  # noqa: F401 - the module exists
    from sphinx_needs.directives.needtable import Needtable
    from sphinx_needs.roles.need_ref import NeedRef

    kinds = needs_seam.node_classes()
    assert Needtable in kinds.whole
    assert NeedRef in kinds.names and NeedRef not in kinds.whole
    assert not set(kinds.lists) & set(kinds.whole)
    assert all(issubclass(kind, nodes.Element) for kind in (*kinds.whole, *kinds.names, *kinds.lists))


def test_sphinx_needs_keeps_the_needs_read_so_far_where_we_read_them():
    from sphinx_needs.data import SphinxNeedsData

    assert "get_needs_mutable" in vars(SphinxNeedsData)


def test_sphinx_needs_gives_each_box_a_random_id_with_the_prefix_we_replace():
    import sphinx_needs.layout

    assert '"SNCB-" + str(uuid.uuid4())[:8]' in inspect.getsource(sphinx_needs.layout)
    box = nodes.container(ids=["SNCB-1a2b3c4d"])
    box += nodes.table(classes=["need"], ids=["SD-B"])
    document = nodes.document(None, None)
    document += box
    needs_seam.stable_container_ids(document)
    assert box["ids"] == ["SNCB-SD-B"]


def test_sphinx_needs_permalink_page_holds_the_english_we_translate():
    import sphinx_needs.environment

    template = Path(sphinx_needs.environment.__file__).parent / "templates" / "permalink.html"
    text = template.read_text(encoding="utf-8")
    assert [english for english in dutch.PERMALINK_PAGE if english not in text] == []
    assert "Path(sphinx_config.permalink_file).name" in inspect.getsource(
        sphinx_needs.environment.install_permalink_file
    )


def test_sphinx_needs_writes_the_needtable_markup_we_label():
    import sphinx_needs.directives.needtable as needtable

    source = inspect.getsource(needtable)
    assert 'classes=[f"needs_col_{key}"]' in source and '[f"NEEDS_{style}"' in source
    script = Path(needtable.__file__).parent.parent / "libs" / "html" / "needstable.js"
    assert 'table.getAttribute("data-needstable-labels")' in script.read_text(encoding="utf-8")
    body = (
        '<table class="NEEDS_DATATABLES docutils"><thead><tr>'
        '<th class="head needs_col_title" scope="col"><p>Title</p></th></tr></thead></table>'
    )
    assert needs_seam.label_tables(body, '{"a": 1}', {"Title": "Titel"}) == (
        '<table class="NEEDS_DATATABLES docutils" data-needstable-labels="{&quot;a&quot;: 1}">'
        '<thead><tr><th class="head needs_col_title" scope="col"><p>Titel</p></th></tr></thead></table>'
    )


def test_sphinx_needs_makes_needs_json_with_the_steps_we_repeat():
    # tests/test_needs_json.py holds the file byte for byte; this names the steps.
    source = inspect.getsource(needs_seam.NeedsBuilder.finish)
    steps = ["NeedsList(", ".load_json(", ".wipe_version(version)", "filter_needs_view(", ".add_need(version"]
    assert [step for step in steps if step not in source] == []


# sphinx-autobuild


def test_sphinx_autobuild_makes_its_builder_by_the_name_we_replace():
    import sphinx_autobuild.__main__ as autobuild

    assert autobuild.Builder is autobuild_seam.Builder
    assert re.search(r"\bbuilder = Builder\(", inspect.getsource(autobuild.main))
    parameters = list(inspect.signature(autobuild_seam.Builder._run_commands).parameters)
    assert parameters == ["self", "commands", "log_context"]
    with autobuild_seam.builder_made_by(dict):
        assert autobuild.Builder is dict
    assert autobuild.Builder is autobuild_seam.Builder


# Sphinx and gettext: public ways instead of internals


@pytest.mark.parametrize(
    "suppress",
    [[], ["policy"], ["policy.*"], ["policy.PT403"], ["policy.PT101"], ["needs"], ["policy.PT4*"], ["x.*"]],
)
def test_our_suppress_warnings_matching_agrees_with_sphinx(suppress):
    assert is_suppressed("PT403", suppress) == is_suppressed_warning(WARNING_TYPE, "PT403", suppress)


def test_the_dutch_supplement_is_chained_once_through_public_gettext(monkeypatch):
    from sphinx import locale

    translator = gettext.NullTranslations()
    monkeypatch.setattr(locale, "get_translator", lambda catalog="sphinx", namespace="general": translator)
    dutch.install_fallback("nl")
    dutch.install_fallback("nl")
    assert translator.gettext("Link to this heading") == "Link naar dit kopje"
    assert isinstance(translator._fallback, dutch.DutchSupplement)
    assert translator._fallback._fallback is None


def test_weasyprint_seam_scopes_headers_describes_links_and_joins_the_xmp(tmp_path: Path):
    import pikepdf
    from policy_trace.paper import weasy

    html = (
        '<html lang="nl"><head><title>Proef</title></head><body><h1 id="begin">Proef</h1>'
        "<table><caption>Cijfers</caption><thead><tr><th>Jaar</th><th>Aantal</th></tr></thead>"
        '<tbody><tr><th scope="row">2024</th><td>3</td></tr></tbody></table>'
        '<p><a href="#begin">terug</a></p></body></html>'
    )
    target = tmp_path / "proef.pdf"
    assert weasy.write_pdf(html, target, tmp_path, {"begin": "Naar het begin"}) == []
    with pikepdf.open(target) as pdf:
        scopes = []
        stack = [pdf.Root.StructTreeRoot]
        while stack:
            node = stack.pop()
            kids = node.get("/K")
            for kid in kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []:
                if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                    if kid.S == "/TH":
                        scopes.append(str(kid.A.Scope))
                    stack.append(kid)
        assert sorted(scopes) == ["/Column", "/Column", "/Row"]
        (link,) = [a for a in pdf.pages[0].Annots if a.Subtype == "/Link"]
        assert str(link.Contents) == "Naar het begin"
        with pdf.open_metadata() as xmp:
            assert xmp["pdfuaid:part"] == "1" and xmp["pdfaid:part"] == "2"
