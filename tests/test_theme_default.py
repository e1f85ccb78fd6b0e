"""A programme that names no html_theme gets the policy-trace theme; one that names a theme keeps it."""

from __future__ import annotations

import sphinx
from checks_support import copy_root, make_app
from policy_trace.theme import DEFAULT_THEME
from policy_trace.upstream import sphinx as upstream_sphinx


def theme_of(tmp_path, conf_line: str = "", **kwargs) -> str:
    srcdir = copy_root("test-every-type", tmp_path)  # its conf.py names no theme
    conf = srcdir / "conf.py"
    assert "html_theme" not in conf.read_text(encoding="utf-8")
    conf.write_text(conf.read_text(encoding="utf-8") + conf_line, encoding="utf-8")
    app = make_app(srcdir, **kwargs)
    try:
        return str(app.config.html_theme)
    finally:
        app.cleanup()


def test_no_theme_in_conf_py_means_the_policy_trace_theme(tmp_path):
    assert theme_of(tmp_path) == DEFAULT_THEME == "furo"


def test_a_theme_the_programme_names_stays_even_sphinx_own_default(tmp_path):
    # Through -D: Sphinx's test app turns a conf.py "alabaster" into "basic" (tests/browser/test_any_theme.py
    # builds one with sphinx-build).
    assert theme_of(tmp_path, confoverrides={"html_theme": "alabaster"}) == "alabaster"


def test_the_sphinx_seam_still_holds_for_this_sphinx():
    # upstream/sphinx.py reads conf.py's values from Config._raw_config: an upgrade that moves them
    # fails here.
    assert sphinx.version_info[:2] in upstream_sphinx.WRITTEN_FOR
    config = sphinx.config.Config({"html_theme": "alabaster"}, {})
    assert upstream_sphinx.set_by_programme(config, "html_theme")
    assert not upstream_sphinx.set_by_programme(sphinx.config.Config({}, {}), "html_theme")
    assert upstream_sphinx.set_by_programme(sphinx.config.Config({}, {"html_theme": "furo"}), "html_theme")
