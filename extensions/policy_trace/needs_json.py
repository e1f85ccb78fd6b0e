"""needs.json, written as sphinx-needs writes it, only faster.

Why our own writer: sphinx-needs (``needs_build_json``) writes the file with
``json.dump(data, file)``, and ``json.dump`` always takes Python's pure-Python
encoder; only ``json.dumps`` uses the C encoder. At 2,000 items that takes
0.16 s of every build, incremental ones included, where ``json.dumps`` takes
0.04 s for the same text. So we switch ``needs_build_json`` off
(``needs_config``) and make the same file, with the same content and key
order, from sphinx-needs' own ``NeedsList`` (``upstream/sphinx_needs.py``); :mod:`policy_trace.exports`
writes it. ``tests/test_needs_json.py`` holds the file byte for byte against
what sphinx-needs' ``needs`` builder writes.
"""

from __future__ import annotations

from sphinx.application import Sphinx

from . import koppelingen, publish, state
from .upstream import sphinx_needs

FILE_NAME = "needs.json"


def needs_json_bytes(app: Sphinx) -> bytes:
    """needs.json of this build, as sphinx-needs' ``NeedsBuilder.finish`` makes it, with the programme's
    identity and koppelingen when it has a ``policy_trace_programme_id`` (what ``koppel`` reads)."""
    return sphinx_needs.needs_json_bytes(app, publication_section(app))


def publication_section(app: Sphinx) -> dict[str, object]:
    """Our top-level key of needs.json: who the programme is, where its pages are, what ALIAS:ID means."""
    programme_id = app.config.policy_trace_programme_id
    if not koppelingen.is_identity(programme_id):
        return {}
    section = koppelingen.section(
        programme_id, str(app.config.project or ""), published_address(app), state.koppelingen_of_build(app)
    )
    return {koppelingen.SECTION: section}


def published_address(app: Sphinx) -> str:
    """Where this version's pages are: ``html_baseurl``, the publication's root; built by ``policy-trace
    publish`` (``policy_trace_versions`` set), the version's own folder under it (``1.1/``, ``werkversie/``),
    the fixed address a coupled programme links to."""
    base = str(app.config.html_baseurl or "")
    if not base or not app.config.policy_trace_versions:
        return base
    folder = str(app.config.policy_trace_version or "").strip() or publish.WORKING
    return f"{base.rstrip('/')}/{folder}/"


def writes_needs_json(app: Sphinx) -> bool:
    """Whether this build gets our needs.json: sphinx-needs' ``needs`` builder writes its own, and
    ``make check``'s builder (a subclass) none."""
    return not isinstance(app.builder, sphinx_needs.NeedsBuilder)
