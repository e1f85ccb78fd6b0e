"""Incremental builds that give what a clean build gives, also when items move between files.

sphinx-needs keeps its needs per document and purges a document's needs just
before that document is read again (``env-purge-doc``). Sphinx reads changed
documents one by one in name order; so when an item moves from ``extra.md`` to
``doelen.md``, ``doelen.md`` is read while the item still stands in the store
under ``extra.md``: refused as a duplicate of its old self, and then purged with
``extra.md``. And when the first of two items with one ID is deleted, the
second is never read again, so the ID is gone. Two Sphinx events, no internals:

- ``env-before-read-docs``: purge every document that will be read before the
  first one is read, as Sphinx's own parallel reader does (``_read_parallel``:
  "clear all outdated docs at once"). Each purge handler forgets only what the
  document itself declared, so the second purge Sphinx does per document finds
  nothing more to forget.
- ``env-get-outdated``: also read again every unchanged document that declares
  an ID that a changed, added or removed document declared before or declares
  now. Then the same documents compete for an ID, read in the same (name) order,
  as in a clean build, and the first one keeps it in both.
- ``build-finished``: remove the written pages of removed documents; a clean
  build has none, and an old page would still show the items that are gone.
- ``env-get-updated``: when a page was added or removed (a rename is both),
  write every page again: each page's navigation (the site's page tree, the
  previous and next links) names the pages there are, and Sphinx would keep
  the old navigation on the pages it did not read.
- ``write-started`` to ``build-finished``: a build killed while it writes
  (SIGKILL, a full disk, a closed laptop) leaves pages that look up to date to
  the next build, and a search index it never finished: Sphinx then writes
  only the missing pages and indexes only those. A marker in the doctree folder
  says pages are being written; the next build that finds it starts afresh, as
  a clean build.
- ``doctree-read`` and ``write-started``: Sphinx writes again every page whose
  table of contents lists a page read again (``files_to_rebuild``), since the
  entry there shows that page's title and sections; the start page, with its
  goal tree, after every edit of any page. We keep a digest of each page's
  entry (its title, its sections, its own toctrees, its metadata) and, for a
  page read again whose entry is the same as before, leave out the pages that
  list it, for this build only: they would be written as they are.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from . import domain, model
from .checks.source import colon_fence
from .sourcescan import scan
from .upstream import sphinx as sphinx_seam


def _ids_of(env: BuildEnvironment, docname: str) -> set[str]:
    found = domain.of(env).sources.get(docname)
    return {item.id for part in found.scans for item in part.items if item.id} if found else set()


def _ids_now(app: Sphinx, docname: str) -> set[str]:
    path = app.env.doc2path(docname)
    if path.suffix != ".md":
        return set()
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return set()
    found = scan(text, docname, model.TYPE_NAMES, colon_fence(app.config))
    return {item.id for item in found.items if item.id}


def competitors(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """``env-get-outdated``: the unchanged documents that share an ID with an edited one."""
    edited = added | changed | removed
    domain.of(env).entries_before = {}  # the first event of a build: nothing of an earlier one is kept
    domain.of(env).pages_added_or_removed = bool(added or removed)
    domain.of(env).pages_removed = set(removed)
    # Only documents read in an earlier build can compete; on a first build there are none, and
    # scanning every source for its IDs would be work for nothing.
    unchanged = [
        docname for docname in domain.of(env).sources if docname not in edited and docname in env.found_docs
    ]
    if not edited or not unchanged:
        return []
    involved: set[str] = set()
    for docname in changed | removed:
        involved |= _ids_of(env, docname)  # what it declared in the last build
    for docname in added | changed:
        involved |= _ids_now(app, docname)  # what it declares now
    if not involved:
        return []
    return sorted(docname for docname in unchanged if _ids_of(env, docname) & involved)


def purge_before_reading(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """``env-before-read-docs``: forget every document about to be read, before the first is read."""
    for docname in docnames:
        app.events.emit("env-purge-doc", env, docname)
        env.clear_doc(docname)


def all_pages_when_pages_come_or_go(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-get-updated``: every page, if this build found a page added or removed."""
    return sorted(env.found_docs) if domain.of(env).pages_added_or_removed else []


def remove_pages_of_removed_documents(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: delete the output pages (and copied sources) of documents that are gone."""
    removed = domain.of(app.env).pages_removed if exception is None else set()
    outfile = getattr(app.builder, "get_outfilename", None)  # HTML builders (StandaloneHTMLBuilder)
    if not removed or outfile is None:
        return
    for docname in sorted(removed):
        for path in (Path(outfile(docname)), Path(app.outdir, "_sources", f"{docname}.md.txt")):
            path.unlink(missing_ok=True)


#: In the doctree folder from the first page written to the end of a build without an exception.
WRITING_MARKER = "policy-trace-schrijft"
#: Sphinx's pickled environment in the doctree folder (``sphinx.environment.ENV_PICKLE_FILENAME``).
ENV_PICKLE = "environment.pickle"


def start_afresh_after_an_interrupted_build(app: Sphinx, config: object) -> None:
    """``config-inited`` (before Sphinx loads its environment): forget a build that stopped writing."""
    marker = Path(app.doctreedir) / WRITING_MARKER
    if marker.exists():
        (Path(app.doctreedir) / ENV_PICKLE).unlink(missing_ok=True)  # every page read and written again
        marker.unlink()


def mark_writing(app: Sphinx, builder: object) -> None:
    """``write-started``: pages are being written from now on."""
    Path(app.doctreedir).mkdir(parents=True, exist_ok=True)
    (Path(app.doctreedir) / WRITING_MARKER).touch()


def unmark_writing(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: every page and the search index were written (unless the build failed)."""
    if exception is None:
        (Path(app.doctreedir) / WRITING_MARKER).unlink(missing_ok=True)


#: Metadata that only the page itself shows: MyST counts the words of every page (its reading time).
PAGE_ONLY = frozenset({"wordcount"})


def entry_of(env: BuildEnvironment, docname: str) -> str:
    """A digest of what a table of contents listing ``docname`` shows of it: its title, its sections
    (``env.tocs``), the pages its own toctrees list and its metadata (``tocdepth``, ``orphan``, …)."""
    title, toc = env.titles.get(docname), env.tocs.get(docname)
    metadata = env.metadata.get(docname, {})
    parts = (
        title.pformat() if title is not None else "",
        toc.pformat() if toc is not None else "",
        repr(env.toctree_includes.get(docname, [])),
        repr(sorted((str(key), repr(value)) for key, value in metadata.items() if key not in PAGE_ONLY)),
    )
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def note_entry(app: Sphinx, doctree: object) -> None:
    """``doctree-read`` (after Sphinx's collectors of titles and contents): keep the page's entry."""
    env = app.env
    domain.of(env).entries[env.docname] = entry_of(env, env.docname)


def keep_parents_of_unchanged_entries(app: Sphinx, builder: object) -> None:
    """``write-started``: the pages read again whose entry is as before do not make Sphinx write the
    pages that list them (it decides right after this event, from ``files_to_rebuild``).

    The environment was saved before this event, so the next build still
    knows every parent; :func:`put_back_parents` restores them in memory.
    """
    store = domain.of(app.env)
    entries = store.entries
    same = [docname for docname, before in store.entries_before.items() if entries.get(docname) == before]
    store.parents_kept = sphinx_seam.take_parents(app.env, same)


def put_back_parents(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: the parents left out of this build's writing, back for an in-process rebuild."""
    store = domain.of(app.env)
    sphinx_seam.put_back_parents(app.env, store.parents_kept)
    store.parents_kept = {}
