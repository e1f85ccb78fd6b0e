"""What Sphinx offers no public API for, in one place: whether conf.py set a value, the warnings' label,
the doctree a serial read kept in memory, what acts on a page when it is resolved, and which pages are
written again because their table of contents lists a page read again.

Written for Sphinx 9.0; ``tests/test_theme_default.py`` fails when an upgrade
changes what this relies on, and ``tests/test_views_incremental.py`` when the pages
written after an edit change.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping

from docutils import nodes
from sphinx.config import Config
from sphinx.environment import BuildEnvironment
from sphinx.util.docutils import LoggingReporter
from sphinx.util.logging import SphinxWarningLogRecord

from .pin import Pin

#: The Sphinx versions (major, minor) this module was written for.
WRITTEN_FOR = ((9, 0),)
#: The release checked at start-up (``upstream.check_versions``), as pyproject.toml pins it.
PIN = Pin("sphinx", "9.0.4", "sphinx")


def set_by_programme(config: Config, name: str) -> bool:
    """Whether conf.py or ``-D`` gave ``name`` a value, even one equal to the default.

    Sphinx has no public question for this: the value alone cannot tell an
    explicit ``html_theme = "alabaster"`` from no ``html_theme`` at all. The
    values read from conf.py are kept in ``Config._raw_config``; the ``-D``
    values in the public ``Config.overrides``.
    """
    raw = getattr(config, "_raw_config", None)
    if not isinstance(raw, dict):
        # A Sphinx that keeps conf.py's values elsewhere: "set", so a programme's choice is never overruled.
        return True
    return name in raw or name in config.overrides



class _ErrorRecord(SphinxWarningLogRecord):
    """A warning record whose console label is ``FOUT:``, as advice reads ``ADVIES:``."""

    prefix = "FOUT: "  # type: ignore[assignment]


class ErrorLabel(logging.Filter):
    """Labels a warning (it fails a ``-W`` build) ``FOUT:`` instead of Sphinx's English ``WARNING:``.

    Sphinx writes the label from its record class (``SphinxWarningLogRecord.prefix``,
    a property), which its ``WarningLogRecordTranslator`` filter sets; it has no
    setting for it. So this filter comes after that one on the warning handler.
    Errors (``logger.error``) keep ``ERROR:``.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if type(record) is SphinxWarningLogRecord and record.levelno == logging.WARNING:
            record.__class__ = _ErrorRecord
        return True


def doctree_to_resolve(env: BuildEnvironment, docname: str) -> nodes.document:
    """The doctree of ``docname`` as ``get_and_resolve_doctree`` takes it: the one a serial read of this
    build kept in memory (``BuildEnvironment._write_doc_doctree_cache``), else unpickled.

    Sphinx keeps each page it read serially for its writer, which takes it from
    there; a builder that resolves pages itself gets it the same way and so
    spares unpickling every page again.
    """
    cache = getattr(env, "_write_doc_doctree_cache", None)
    doctree = cache.pop(docname, None) if isinstance(cache, dict) else None
    if doctree is None:
        return env.get_doctree(docname)
    doctree.settings.env = env
    doctree.reporter = LoggingReporter(str(env.doc2path(docname)))
    return doctree



def take_parents(env: BuildEnvironment, docnames: Iterable[str]) -> dict[str, set[str]]:
    """Take the pages that list each of ``docnames`` in a table of contents out of this build's writing.

    Sphinx writes again every page whose table of contents lists a page read
    again, right after ``write-started``, from ``BuildEnvironment.files_to_rebuild``
    (a plain attribute that no public API reads or changes). The caller puts
    them back with :func:`put_back_parents` when the build ends.
    """
    listed = env.files_to_rebuild
    return {docname: listed.pop(docname) for docname in docnames if docname in listed}


def put_back_parents(env: BuildEnvironment, taken: Mapping[str, set[str]]) -> None:
    """Give back what :func:`take_parents` took, for a next build in the same process."""
    for docname, parents in taken.items():
        env.files_to_rebuild.setdefault(docname, set()).update(parents)

#: The post-transforms of Sphinx 9.0 and MyST (module, class) that may run when a page is resolved.
#: Each acts only on nodes of its own kind (references to resolve, images, ``only``, object
#: descriptions, code blocks) or only for another builder (LaTeX, linkcheck).
POST_TRANSFORMS = frozenset(
    {
        ("sphinx.builders.latex.transforms", name)
        for name in (
            "SubstitutionDefinitionsRemover", "BibliographyTransform", "CitationReferenceTransform",
            "DocumentTargetTransform", "IndexInSectionTitleTransform", "LaTeXFootnoteTransform",
            "LiteralBlockTransform", "MathReferenceTransform", "ShowUrlsTransform",
        )
    }
    | {
        ("sphinx.builders.linkcheck", "HyperlinkCollector"),
        ("sphinx.domains.c", "AliasTransform"),
        ("sphinx.domains.cpp", "AliasTransform"),
        ("sphinx.transforms.post_transforms", "ReferencesResolver"),
        ("sphinx.transforms.post_transforms", "OnlyNodeTransform"),
        ("sphinx.transforms.post_transforms", "SigElementFallbackTransform"),
        ("sphinx.transforms.post_transforms", "PropagateDescDomain"),
        ("sphinx.transforms.post_transforms.code", "HighlightLanguageTransform"),
        ("sphinx.transforms.post_transforms.code", "TrimDoctestFlagsTransform"),
        ("sphinx.transforms.post_transforms.images", "ImageDownloader"),
        ("sphinx.transforms.post_transforms.images", "DataURIExtractor"),
        ("myst_parser.sphinx_ext.myst_refs", "MystReferenceResolver"),
    }
)
