"""What every page's ``<head>`` carries: a Content-Security-Policy, a description and the favicon.

The policy is a ``<meta>``, so it travels with the site to any host (GitLab
Pages, a municipality's web server) without server configuration. It allows
scripts only from the site itself: its own files, and the inline scripts
the page was written with, each named by its SHA-256 hash. An author's text
that somehow reached the page as a ``<script>`` (or an ``onclick``) would not
run, and nothing is loaded from another host. ``frame-ancestors`` cannot be
set in a ``<meta>``; a host that wants it sets it as a header.

A published page never links to an address of the author's own machine
(``http://127.0.0.1:8000`` from ``make serve``): a reader's browser would
ask the reader's machine. The build warns with the file and line.

The description is the page's first paragraph, so a search engine or a link
preview says what the page is about instead of repeating the menu.
"""

from __future__ import annotations

import base64
import hashlib
import ipaddress
import re
from collections.abc import Iterable
from html import escape, unescape
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging

from .findings import WARNING_TYPE, Subtype
from .upstream import furo
from .upstream.sphinx import set_by_programme

#: The favicon of a programme that sets no ``html_favicon``: neutral, no organisation's mark.
DEFAULT_FAVICON = Path(__file__).parent / "theme" / "static" / "policy_trace" / "favicon.svg"
logger = logging.getLogger(__name__)

#: Our own static files, served by every site (any theme).
STATIC = Path(__file__).parent / "static"
#: Sphinx's translations without ``new Function``: a policy without 'unsafe-eval' forbids it.
TRANSLATIONS_WITHOUT_EVAL = "policy_trace_head/vertalingen-zonder-eval.js"
#: Longer descriptions are cut by search engines anyway.
DESCRIPTION_LENGTH = 160

#: Everything but scripts from the site itself too; inline styles stay allowed (Mermaid
#: and furo set them, and a style cannot run code).
POLICY = (
    "default-src 'self'",
    "script-src 'self'{hashes}",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
)


def setup(app: Sphinx) -> dict[str, Any]:
    """Give every page its policy and description, and the site a favicon."""
    app.connect("config-inited", default_favicon)
    app.connect("config-inited", add_static_path)
    # After Sphinx's doctools.js (200), before its translations.js (500), which calls what it replaces.
    app.add_js_file(TRANSLATIONS_WITHOUT_EVAL, priority=300)
    # Last: after every handler that adds or drops scripts (sphinxcontrib-mermaid 500, assets 600).
    app.connect("html-page-context", add_to_head, priority=950)
    app.connect("doctree-resolved", refuse_local_links)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}


def default_favicon(_app: Sphinx, config: Config) -> None:
    """``config-inited``: the neutral favicon, unless conf.py sets ``html_favicon`` (no 404 on any page)."""
    if not set_by_programme(config, "html_favicon"):
        config.html_favicon = str(DEFAULT_FAVICON)


def favicon_data_uri() -> str:
    """The neutral favicon as a ``data:`` address, for a page outside any one version (publish's root)."""
    encoded = base64.b64encode(DEFAULT_FAVICON.read_bytes()).decode("ascii")
    return f"data:image/svg+xml;base64,{encoded}"


def standalone_head(description_text: str) -> str:
    """The head tags of a page written outside Sphinx without scripts (publish's root): policy,
    description and the neutral icon, each on a line."""
    return (
        f"{policy_meta([])}\n"
        f'<meta name="description" content="{escape(description_text)}">\n'
        f'<link rel="icon" href="{favicon_data_uri()}">\n'
    )


def add_static_path(_app: Sphinx, config: Config) -> None:
    """``config-inited``: serve ``static/`` (the translations script) with the site."""
    if str(STATIC) not in config.html_static_path:
        config.html_static_path = [*config.html_static_path, str(STATIC)]


def script_hash(body: str) -> str:
    """The CSP source that allows exactly this inline script: ``'sha256-…'``."""
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy(inline_scripts: Iterable[str]) -> str:
    """The Content-Security-Policy of a page with these inline scripts."""
    hashes = "".join(f" {source}" for source in sorted({script_hash(body) for body in inline_scripts}))
    return "; ".join(part.format(hashes=hashes) for part in POLICY)


def policy_meta(inline_scripts: Iterable[str]) -> str:
    """The ``<meta>`` element that carries :func:`policy`."""
    content = escape(policy(inline_scripts), quote=False)  # only single quotes inside: no &#x27;
    return f'<meta http-equiv="Content-Security-Policy" content="{content}">'


def inline_scripts(app: Sphinx, context: dict[str, Any]) -> list[str]:
    """The inline scripts the page will hold: those added with a body, and the theme's own."""
    found = [
        str(script.attributes["body"])
        for script in context.get("script_files", ())
        if getattr(script, "attributes", {}).get("body") and not getattr(script, "filename", None)
    ]
    if app.config.html_theme == "furo":
        found += furo.inline_scripts()
    return found


_SPACE = re.compile(r"\s+")


def description(doctree: nodes.document | None, fallback: str) -> str:
    """The page's first paragraph, shortened at a word to about 160 characters; else ``fallback``."""
    text = ""
    if doctree is not None:
        for paragraph in doctree.findall(nodes.paragraph):
            text = _SPACE.sub(" ", paragraph.astext()).strip()
            if len(text) >= 40:  # a caption or a one-word line says nothing about the page
                break
    text = text or fallback
    if len(text) <= DESCRIPTION_LENGTH:
        return text
    cut = text[: DESCRIPTION_LENGTH - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return f"{cut}…"


def add_to_head(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None
) -> None:
    """``html-page-context``: the page's description and Content-Security-Policy as ``<meta>`` tags."""
    title = unescape(re.sub(r"<[^>]+>", "", str(context.get("title") or "")))
    project = str(app.config.project or "")
    fallback = f"{title}: {project}" if title and title != project else project
    tags = [
        policy_meta(inline_scripts(app, context)),
        f'<meta name="description" content="{escape(description(doctree, fallback))}">',
    ]
    context["metatags"] = "\n".join([str(context.get("metatags") or ""), *tags])


def is_local_address(uri: str) -> bool:
    """Whether ``uri`` points at the machine that opens it (localhost, 127.x, ::1, 0.0.0.0)."""
    try:
        host = urlsplit(uri).hostname or ""
    except ValueError:
        return False
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


def refuse_local_links(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: a Dutch warning at file:line for each link to a local address."""
    for reference in doctree.findall(nodes.reference):
        uri = str(reference.get("refuri", ""))
        if uri and is_local_address(uri):
            logger.warning(
                "de pagina linkt naar %s, een adres op de eigen computer: bij een lezer leidt die "
                "link nergens heen. Schrijf het adres als code (`%s`) of link naar de gepubliceerde site.",
                uri, uri, type=WARNING_TYPE, subtype=Subtype.LOCAL_LINK.value, location=reference,
            )
