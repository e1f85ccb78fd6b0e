"""Everything policy-trace keeps on the build environment, in one Sphinx ``Domain``.

As ``TodoDomain`` in ``sphinx/ext/todo.py`` does: the data lives in
``self.data`` (Sphinx pickles it with the environment), ``clear_doc`` forgets a
re-read or removed page, and ``merge_domaindata`` takes over what parallel
readers found. No event handler of ours purges or merges by hand.

Per page it holds what incremental builds compare (see ``views.outdated``) and
whether the page shows the Controle overview (see ``views.controle``); for the
whole build the reference date the overviews were read for, and (in memory
only, never pickled) this build's state (see ``state``).
"""

from __future__ import annotations

from collections.abc import Iterator, Set
from dataclasses import dataclass, field
from typing import Any, ClassVar, cast

from sphinx.domains import Domain
from sphinx.environment import BuildEnvironment

from .items import ItemRecord
from .sourcescan import DocumentScan, Scan, ScannedItem

#: Raise when the shape of the data below changes: Sphinx then reads every
#: document afresh instead of unpickling an environment of an older shape.
#: Also the package's ``env_version`` (3: the first with this domain; 4: the source scans;
#: 5: what PT112 refused; 6: nested fences, late options, items on no page; 7: bidi controls;
#: 8: ItemRecord in ``items``, its face from the model's ``shown_when_linked`` fields).
DATA_VERSION = 8


@dataclass
class PageRecord:
    """What one page holds, as far as other pages' views depend on it."""

    #: The views the page shows (see ``views.VIEWS``), and the pseudo-views of ``views.outdated``.
    views: set[str] = field(default_factory=set)
    #: Per item declared on the page: what the views show of it.
    items: dict[str, ItemRecord] = field(default_factory=dict)
    #: IDs of the items the page names with sphinx-needs' ``need`` role (their title, by default).
    refs: set[str] = field(default_factory=set)
    #: IDs of the items whose links the page lists with ``need_incoming`` or ``need_outgoing``.
    link_refs: set[str] = field(default_factory=set)


class PolicyTraceDomain(Domain):
    """policy-trace's data on the environment; it declares no roles or directives of its own."""

    name = "policy_trace"
    label = "policy-trace"
    data_version = DATA_VERSION
    initial_data: ClassVar[dict[str, Any]] = {
        # docname -> PageRecord, for the pages read so far.
        "pages": {},
        # docname -> PageRecord of the previous build, for the pages purged in this one;
        # emptied once compared (env-get-updated), so before the environment is pickled.
        "previous": {},
        # docnames of the pages with a controle-overzicht.
        "overviews": set(),
        # The reference date (ISO) the overview pages were last read for.
        "overview_date": None,
        # docname -> the scans of its source and included files (checks.source: PT107-PT109, locations).
        "sources": {},
        # docname -> how the page shows in a table of contents (``rebuild.note_entry``).
        "entries": {},
    }

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__(env)
        #: This build's state (``state.BuildState``: settings, programme, check run, …), made on first
        #: use. An attribute, not ``self.data``: Sphinx re-creates domains when it loads a pickled
        #: environment, so the state of an earlier build is never kept.
        self.build: object | None = None
        #: Whether this build found a page added or removed (``rebuild``): then every page
        #: is written again, for its navigation. In memory only, like ``build``.
        self.pages_added_or_removed = False
        #: The documents removed since the last build: their old pages are deleted at the end.
        self.pages_removed: set[str] = set()
        #: Per page read again in this build: how it showed in a table of contents before (``entries``).
        self.entries_before: dict[str, str] = {}
        #: The pages whose entry did not change, with the pages listing them that this build need not
        #: write again for them (``rebuild``; put back when the build ends).
        self.parents_kept: dict[str, set[str]] = {}

    @property
    def copies_digest(self) -> str | None:
        """What the coupled programmes' copies held when the pages were last read (``koppelingen``)."""
        return cast("str | None", self.data.get("copies_digest"))

    @copies_digest.setter
    def copies_digest(self, value: str) -> None:
        self.data["copies_digest"] = value

    @property
    def pages(self) -> dict[str, PageRecord]:
        """Per page read: what incremental builds compare."""
        return cast(dict[str, PageRecord], self.data["pages"])

    @property
    def previous(self) -> dict[str, PageRecord]:
        """Per page purged in this build: its record from the previous build."""
        return cast(dict[str, PageRecord], self.data["previous"])

    @property
    def overviews(self) -> set[str]:
        """The pages that show the Controle overview."""
        return cast(set[str], self.data["overviews"])

    @property
    def overview_date(self) -> str | None:
        """The reference date the overview pages were read for."""
        return cast("str | None", self.data["overview_date"])

    @overview_date.setter
    def overview_date(self, value: str) -> None:
        self.data["overview_date"] = value

    @property
    def sources(self) -> dict[str, DocumentScan]:
        """Per page read: what its source files say (see ``checks.source``)."""
        return cast("dict[str, DocumentScan]", self.data.setdefault("sources", {}))

    @property
    def entries(self) -> dict[str, str]:
        """Per page read: a digest of how it shows in a table of contents (see ``rebuild``)."""
        return cast("dict[str, str]", self.data.setdefault("entries", {}))

    def add_scan(self, docname: str, found: Scan) -> None:
        """Keep one more scan of a page being read: its own file, or a file it includes."""
        current = self.sources.get(docname)
        self.sources[docname] = DocumentScan((*current.scans, found) if current else (found,))

    def scanned(self) -> Iterator[tuple[str, ScannedItem]]:
        """Every item fence of the project, as (docname, item), in document order."""
        docs = self.sources
        for docname in sorted(docs):
            for found in docs[docname].scans:
                for item in found.items:
                    yield docname, item

    def item_locations(self) -> dict[tuple[str, str], tuple[str, int]]:
        """Where each item's fence stands: (docname, ID) to (file, line), an ID's first fence per document.

        Why: sphinx-needs knows only the document and a line, which for an
        included file is that file's line under the including file's name, and
        inside a colon-fenced ``{note}`` one line late.
        """
        result: dict[tuple[str, str], tuple[str, int]] = {}
        for docname, item in self.scanned():
            if item.id:
                result.setdefault((docname, item.id), (item.file, item.line))
        return result

    def record(self, docname: str) -> PageRecord:
        """The record of ``docname``, created on first use."""
        return self.pages.setdefault(docname, PageRecord())

    def take_previous(self) -> dict[str, PageRecord]:
        """The previous build's records of the re-read pages, once: the next build compares with this one."""
        before = dict(self.previous)
        self.previous.clear()
        return before

    def clear_doc(self, docname: str) -> None:
        """Forget a re-read or removed page, setting its record aside to compare once it is read again."""
        # The first purge of a build holds the previous build's record; keep that one.
        self.previous.setdefault(docname, self.pages.pop(docname, PageRecord()))
        self.overviews.discard(docname)
        self.sources.pop(docname, None)
        if docname in self.entries:
            self.entries_before.setdefault(docname, self.entries.pop(docname))

    def resolve_any_xref(
        self, env: BuildEnvironment, fromdocname: str, builder: Any, target: str, node: Any, contnode: Any
    ) -> list[tuple[str, Any]]:
        """No roles of our own, so nothing to resolve: said explicitly, or MyST warns about every
        reference it cannot resolve that this domain "has not implemented resolve_any_xref"."""
        return []

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        """Take over what a parallel reader found on ``docnames``."""
        theirs: dict[str, PageRecord] = otherdata["pages"]
        for docname in docnames:
            if docname in theirs:
                self.pages[docname] = theirs[docname]
        self.overviews.update(otherdata["overviews"] & set(docnames))
        scans: dict[str, DocumentScan] = otherdata.get("sources", {})
        self.sources.update({docname: scans[docname] for docname in docnames if docname in scans})
        entries: dict[str, str] = otherdata.get("entries", {})
        self.entries.update({docname: entries[docname] for docname in docnames if docname in entries})


def of(env: BuildEnvironment) -> PolicyTraceDomain:
    """policy-trace's domain of this environment."""
    return cast(PolicyTraceDomain, env.domains[PolicyTraceDomain.name])
