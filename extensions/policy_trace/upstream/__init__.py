"""Every reach into another package's internals, gathered in one module per dependency.

Where a dependency offers a public way (a Sphinx event, a template block, a
configuration value, an API function) we use that, and say which where we do.
What it does not offer, we do here: each module names the distribution and
the exact version its patches were written for (:class:`.pin.Pin`), and a build
stops at start-up with a Dutch message when another version is installed, so
an upgrade never silently changes the site. ``tests/test_upstream.py`` holds,
per seam, what each patch relies on; it fails when an upgrade changes it.

- :mod:`.sphinx`: whether conf.py set a value (for the default theme);
- :mod:`.furo`: the sidebar's navigation tree (computed once per folder) and its English fold labels;
- :mod:`.sphinx_needs`: its node and role classes, needs while reading, the
  item boxes' random IDs, its fixed English permalink page, and needs.json;
- :mod:`.sphinx_autobuild`: its build step, for ``policy-trace live``;
- :mod:`.weasyprint`: the PDF objects of the board paper (header scopes, link descriptions, XMP).
"""

from __future__ import annotations

from . import furo, sphinx, sphinx_needs


def check_versions() -> None:
    """At start-up: the build's dependencies are the versions our seams were written for.

    sphinx-autobuild is checked when ``policy-trace live`` starts; it is not
    needed for a build.
    """
    for pin in (sphinx.PIN, furo.PIN, sphinx_needs.PIN):
        pin.check()
