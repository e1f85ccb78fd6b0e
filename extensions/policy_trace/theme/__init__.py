"""The site's look on top of furo: Dutch interface text, accessible markup, readable colours.

Templates in ``templates/`` replace the furo templates that hard-code English;
``static/policy_trace/site.css`` fixes contrast and furo's dark mode for need
panels; ``dutch.py`` fills the gaps in Sphinx's Dutch catalogue;
``navigation.py`` computes furo's sidebar tree once per folder, not per page;
``static/policy_trace/menu.js`` lets a keyboard open furo's drawers on narrow screens.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

from docutils import nodes
from jinja2 import FileSystemBytecodeCache
from sphinx.application import Sphinx
from sphinx.config import Config

from .. import pagehead
from ..upstream import furo, sphinx_needs
from ..upstream.sphinx import set_by_programme
from ..version import __version__
from ..views import sections
from . import dutch
from .navigation import FolderNavigation

HERE = Path(__file__).parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"
STYLESHEET = "policy_trace/site.css"
SCRIPT_CATALOG = "policy_trace/vertalingen.js"
MENU_SCRIPT = "policy_trace/menu.js"
#: The theme of a programme whose conf.py names none: furo with our templates and stylesheet.
#: Sphinx's own default (alabaster) fails axe on every item page (contrast, links in text).
DEFAULT_THEME = "furo"

#: Sphinx writes toctree captions as role="heading" without the level ARIA requires.
_HEADING_WITHOUT_LEVEL = re.compile(r'role="heading"(?![^>]*aria-level)')
#: Code blocks and tables (furo wraps each table in a scrolling div) that scroll
#: sideways must be reachable by keyboard (axe "scrollable-region-focusable");
#: whether one scrolls depends on the screen.
#: (A diagram never scrolls itself: site.css lets it overflow into the wrapper
#: that a view puts around a diagram wider than the column.)
_SCROLLABLE = re.compile(r'(<div class="highlight"><pre|<div class="table-wrapper\b[^"]*")(?![^>]*tabindex)')


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the furo overrides, the stylesheet, the Dutch interface strings and the sidebar tree."""
    # Before every handler that asks which theme the site has (ours at 500 and 800).
    app.connect("config-inited", default_theme, priority=100)
    app.connect("config-inited", add_theme_paths)
    app.connect("builder-inited", install_dutch)
    app.connect("builder-inited", keep_compiled_templates)
    navigation = FolderNavigation()
    app.connect("env-updated", navigation.start)
    # Before furo's handler (default 500), which asks for the navigation tree.
    app.connect("html-page-context", navigation.offer, priority=499)
    # After furo's handler (default 500), which builds the navigation tree.
    app.connect("html-page-context", adapt_page, priority=600)
    # After sphinx-needs (500) wrote its permalink page.
    app.connect("env-updated", translate_permalink_page, priority=600)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}


def default_theme(_app: Sphinx, config: Config) -> None:
    """``config-inited``: the policy-trace theme when the programme chose none (a chosen one stays)."""
    if not set_by_programme(config, "html_theme"):
        config.html_theme = DEFAULT_THEME


def add_theme_paths(app: Sphinx, config: Config) -> None:
    """Put our templates before furo's and our static files on the site (furo sites only)."""
    if config.html_theme != "furo":
        # The templates extend furo's base.html; another theme has none.
        return
    config.templates_path = [*config.templates_path, str(TEMPLATES)]
    config.html_static_path = [*config.html_static_path, str(STATIC)]


def keep_compiled_templates(app: Sphinx) -> None:
    """Keep Jinja's compiled page templates between builds, in the doctree folder.

    Sphinx compiles furo's templates and ours again in every build: 0.07 s,
    a tenth of what an incremental build after a one-page edit does besides
    starting Python. Jinja's own cache checks each template's source and
    Jinja's version before it uses a compiled one.
    """
    environment = getattr(getattr(app.builder, "templates", None), "environment", None)
    if environment is None:  # a builder without HTML templates
        return
    folder = Path(app.doctreedir) / "policy_trace_templates"
    folder.mkdir(parents=True, exist_ok=True)
    environment.bytecode_cache = FileSystemBytecodeCache(str(folder))


def install_dutch(app: Sphinx) -> None:
    """Add the Dutch fallback catalogue, the search script's Dutch, the stylesheet and the menu script."""
    dutch.install_fallback(app.config.language)
    if app.builder.format != "html":
        return
    if app.config.html_theme == "furo":
        # After furo's and sphinx-needs' stylesheets (furo-extensions.css is 600).
        app.add_css_file(STYLESHEET, priority=700)
        # Keyboard access to furo's drawers; it needs our page.html, so furo sites only.
        # Deferred: it waits for the page anyway and must not hold up drawing it.
        app.add_js_file(MENU_SCRIPT, priority=700, defer="defer")
    if app.config.language == "nl":
        target = Path(app.outdir) / "_static" / SCRIPT_CATALOG
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(dutch.script_catalog(), encoding="utf-8")
        # After Sphinx's translations.js (500), whose gaps it fills.
        app.add_js_file(SCRIPT_CATALOG, priority=510)


def translate_permalink_page(app: Sphinx, env: Any) -> None:
    """Make sphinx-needs' permalink page (a fixed English file) Dutch, under the site's policy."""
    if app.builder.format != "html":
        return
    page = sphinx_needs.permalink_page(app)
    if not page.is_file():
        return
    text = page.read_text(encoding="utf-8")
    if app.config.language == "nl":
        for english, dutch_text in dutch.PERMALINK_PAGE.items():
            text = text.replace(english, dutch_text)
    page.write_text(with_policy(text), encoding="utf-8")


_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


def with_policy(page: str) -> str:
    """A fixed page (no template of ours) with the site's Content-Security-Policy after its charset."""
    if "Content-Security-Policy" in page:
        return page
    meta = pagehead.policy_meta(_INLINE_SCRIPT.findall(page))
    return re.sub(r"(<meta charset=[^>]*>)", lambda m: f"{m.group(1)}\n    {meta}", page, count=1)


def adapt_page(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None
) -> None:
    """Make the HTML that Sphinx, furo and sphinx-needs put into the context Dutch and accessible."""
    tree = context.get("furo_navigation_tree")
    if tree:
        context["furo_navigation_tree"] = _mark_authors(_fix_headings(_translate_navigation(app, tree)))
    body = context.get("body")
    if body:
        context["body"] = _mark_authors(
            _SCROLLABLE.sub(r'\1 tabindex="0"', _fix_headings(_translate_tables(app, body)))
        )


#: How Sphinx (and furo's menu) write the caption of the authors' toctree, once its level is fixed.
_AUTHORS_CAPTION = (
    '<p class="caption" role="heading" aria-level="2"><span class="caption-text">'
    f"{html.escape(sections.AUTHOR_CAPTION, quote=False)}</span>"
)


_AUTHORS_MARKED = _AUTHORS_CAPTION.replace('class="caption"', 'class="caption pt-authors"', 1)


def _mark_authors(markup: str) -> str:
    # The authors' section is set apart in the menu and on the home page (site.css draws a rule above it).
    return markup.replace(_AUTHORS_CAPTION, _AUTHORS_MARKED)


def _translate_navigation(app: Sphinx, tree: str) -> str:
    if app.config.language != "nl":
        return tree
    return furo.translate_fold_labels(tree, lambda title: f"Onderdelen van {title} tonen of verbergen")


def _translate_tables(app: Sphinx, body: str) -> str:
    if app.config.language != "nl" or not sphinx_needs.has_tables(body):
        return body
    return sphinx_needs.label_tables(body, dutch.table_labels_attribute(), dutch.TABLE_COLUMNS)


def _fix_headings(markup: str) -> str:
    # Captions sit under the page's h1 (or the site name in the sidebar): level 2.
    return _HEADING_WITHOUT_LEVEL.sub('role="heading" aria-level="2"', markup)
