"""Mermaid served from the site itself: never from a CDN.

The versions are pinned in package-lock.json. An installed policy-trace
(the wheel) carries their browser files in ``policy_trace/vendor/``, put there
and checked against the lockfile's integrity hashes when the wheel was built
(``tools/vendor_assets.py``), so its users need no Node.js. A checkout uses
``make venv``'s ``npm ci``, which installs the same versions and checks the
same hashes. This module copies those files into the built site's
``_static/mermaid/`` and points sphinxcontrib-mermaid at them, so a page with a
diagram requests nothing from any other host.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging

from .version import __version__

logger = logging.getLogger(__name__)

#: Folder under the site's ``_static`` that holds the served copies.
STATIC_SUBDIR = "mermaid"
#: The ES module sphinxcontrib-mermaid imports; it loads its chunks by relative path.
MERMAID_MODULE = "mermaid.esm.min.mjs"
MERMAID_CHUNKS = Path("chunks") / "mermaid.esm.min"
#: d3 drives the pan/zoom of a diagram with ``:zoom:``; served too, so zoom works offline.
D3_SCRIPT = "d3.min.js"

#: The copies inside the installed package (a wheel; not an editable install), laid out as node_modules.
VENDORED = Path(__file__).resolve().parent / "vendor"
#: The repository's own node_modules, for a checkout with an editable install
#: (extensions/policy_trace/assets.py -> repo root), so test projects elsewhere find it.
REPO_NODE_MODULES = Path(__file__).resolve().parents[2] / "node_modules"


#: Folders of npm packages, never pages of the site.
NEVER_PAGES = ("node_modules", "**/node_modules")


class MermaidMissingError(SystemExit):
    """The npm packages the site serves are not installed.

    A ``SystemExit`` with the message as its code: sphinx-build then stops
    with exit status 1 and prints only the message. For any ``Exception``,
    Sphinx 9 prints its crash report with a traceback instead, which is no
    help for a missing install step.
    """


@dataclass(frozen=True)
class Sources:
    """Where the files to serve come from, inside one node_modules folder."""

    node_modules: Path

    @property
    def module(self) -> Path:
        return self.node_modules / "mermaid" / "dist" / MERMAID_MODULE

    @property
    def chunks(self) -> Path:
        return self.node_modules / "mermaid" / "dist" / MERMAID_CHUNKS

    @property
    def d3(self) -> Path:
        return self.node_modules / "d3" / "dist" / D3_SCRIPT

    def missing(self) -> list[Path]:
        """The required files or folders that are not there."""
        return [path for path in (self.module, self.chunks, self.d3) if not path.exists()]


def setup(app: Sphinx) -> dict[str, Any]:
    """Serve Mermaid from the built site (policy_trace_mermaid_dir is in model.SETTINGS)."""
    # After sphinxcontrib-mermaid registered its settings; before any page is written.
    app.connect("config-inited", configure_mermaid)
    app.connect("builder-inited", copy_mermaid)
    # After sphinxcontrib-mermaid's own handler (500), which added the scripts.
    app.connect("html-page-context", drop_mermaid_without_diagrams, priority=600)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}


def configure_mermaid(app: Sphinx, config: Config) -> None:
    """Point sphinxcontrib-mermaid at the served copies instead of its CDN defaults."""
    # A programme with its own node_modules (npm ci beside conf.py) must not get
    # Mermaid's READMEs as pages.
    config.exclude_patterns = [
        *config.exclude_patterns,
        *(pattern for pattern in NEVER_PAGES if pattern not in config.exclude_patterns),
    ]
    # Relative to _static: sphinxcontrib-mermaid resolves it per page with pathto().
    if not config.mermaid_use_local:
        config.mermaid_use_local = f"{STATIC_SUBDIR}/{MERMAID_MODULE}"
    # Given to add_js_file as is, which also puts it under _static.
    if not config.d3_use_local:
        config.d3_use_local = f"{STATIC_SUBDIR}/{D3_SCRIPT}"
    # The fullscreen button shows a glyph many offline fonts lack and carries
    # English labels ("View diagram in fullscreen") we cannot translate.
    config.mermaid_fullscreen = False


def locate(app: Sphinx) -> Sources:
    """The folder to serve from: the setting, the package's own copy, the project's or the repository's."""
    if app.config.policy_trace_mermaid_dir:
        return Sources(Path(app.confdir, app.config.policy_trace_mermaid_dir))
    folders = (VENDORED, Path(app.srcdir) / "node_modules", REPO_NODE_MODULES)
    candidates = [Sources(folder) for folder in folders]
    # The first complete one: a programme's own node_modules may hold other packages, or none of ours.
    for sources in candidates:
        if not sources.missing():
            return sources
    existing = [sources for sources in candidates if sources.node_modules.is_dir()]
    return existing[0] if existing else candidates[1]


def copy_mermaid(app: Sphinx) -> None:
    """Copy Mermaid's browser module, its chunks and d3 into ``_static/mermaid/``."""
    if app.builder.format != "html":
        return
    sources = locate(app)
    if missing := sources.missing():
        listed = "\n".join(f"  - {path}" for path in missing)
        raise MermaidMissingError(
            "Mermaid ontbreekt: de site serveert Mermaid zelf, maar deze bestanden zijn er niet:\n"
            f"{listed}\n"
            "Het geïnstalleerde policy-trace-pakket bevat Mermaid zelf; installeer het opnieuw uit een "
            "wiel (pip install policy_trace-….whl). In een checkout van policy-trace: draai 'npm ci' "
            "(of 'make venv'). Of wijs met policy_trace_mermaid_dir in conf.py een map node_modules aan."
        )
    target = Path(app.outdir) / "_static" / STATIC_SUBDIR
    target.mkdir(parents=True, exist_ok=True)
    copy_if_changed(sources.module, target / MERMAID_MODULE)
    copy_if_changed(sources.d3, target / D3_SCRIPT)
    # Source maps would double the size and are never requested by a browser without devtools.
    shutil.copytree(
        sources.chunks, target / MERMAID_CHUNKS,
        ignore=shutil.ignore_patterns("*.map"), dirs_exist_ok=True, copy_function=copy_if_changed,
    )


def copy_if_changed(source: str | Path, target: str | Path) -> None:
    """Copy with metadata, unless ``target`` is already that copy (same size and modification time).

    Every build runs this, incremental ones too: copying Mermaid's 3.7 MB each time costs 0.03 s.
    """
    source_stat, target_path = os.stat(source), Path(target)
    if target_path.is_file():
        target_stat = target_path.stat()
        if (target_stat.st_size, target_stat.st_mtime_ns) == (source_stat.st_size, source_stat.st_mtime_ns):
            return
    shutil.copy2(source, target)


def drop_mermaid_without_diagrams(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Keep Mermaid's scripts off pages without a document (search, index), which have no diagram."""
    # sphinxcontrib-mermaid skips a document without diagrams, but loads
    # Mermaid on every page that has no doctree at all.
    if doctree is not None or "script_files" not in context:
        return
    context["script_files"] = [script for script in context["script_files"] if not _is_mermaid(script)]


def _is_mermaid(script: Any) -> bool:
    body = getattr(script, "attributes", {}).get("body", "") or ""
    filename = getattr(script, "filename", "") or ""
    return f"{STATIC_SUBDIR}/{MERMAID_MODULE}" in body or filename.endswith(f"{STATIC_SUBDIR}/{D3_SCRIPT}")
