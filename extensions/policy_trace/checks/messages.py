"""The messages of Sphinx, sphinx-needs and MyST themselves: counted in our summary, the common ones in Dutch.

Public mechanism: a ``logging.Filter`` on the handler through which Sphinx
writes every warning (``sphinx.util.logging.WarningStreamHandler`` of the
``sphinx`` logger, set up per application). Put first in its filter list, it
sees each warning before Sphinx counts it, so a message it drops is not
counted by Sphinx either. Nothing of those packages is patched: their messages
keep their type and subtype, so ``suppress_warnings`` still silences them.

- sphinx-needs' duplicate-ID message is dropped for Markdown pages: PT107 says
  the same, with a fix, on every build (sphinx-needs says it only when it reads
  the page, so an incremental build would lose it).
- the common ones are rewritten in our form, ``CODE ID: what. Oplossing: how.``
- every other warning is counted, so the summary line counts what Sphinx counts.
"""

from __future__ import annotations

import difflib
import logging
import re
from collections.abc import Callable

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util.logging import NAMESPACE, WarningStreamHandler, is_suppressed_warning

from .. import model
from ..findings import WARNING_TYPE

_DUPLICATE = re.compile(r"A need with ID '?(?P<id>[^' ]+)'? already exists")
_XREF = re.compile(r"cross-reference target not found: '?(?P<target>[^']+)'?")
_LINKED = re.compile(r"linked need (?P<target>\S+) not found")
_UNKNOWN_DIRECTIVE = re.compile(r"Unknown directive type: '(?P<name>[^']+)'")
_UNKNOWN_OPTION = re.compile(r"Unknown option '(?P<name>[^']+)'")
_NO_ID = re.compile(r"No ID defined")


class UpstreamMessages(logging.Filter):
    """Drops, rewrites and counts the warnings that are not ours (see the module doc)."""

    def __init__(self, app: Sphinx) -> None:
        super().__init__()
        self.app = app
        #: Warnings shown this build that are not policy findings.
        self.count = 0

    def filter(self, record: logging.LogRecord) -> bool:
        kind = getattr(record, "type", None)
        if kind == WARNING_TYPE and str(getattr(record, "subtype", "")).startswith("PT"):
            return True  # a finding: counted as such
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            message = str(record.msg)
        if kind == "needs" and _DUPLICATE.search(message) and self._on_markdown(record):
            return False
        subtype = str(getattr(record, "subtype", "") or "")
        if kind and is_suppressed_warning(kind, subtype, self.app.config.suppress_warnings):
            return True  # Sphinx's own filter drops it next; not shown, so not counted
        for pattern, rewrite in _REWRITES:
            if match := pattern.search(message):
                text = rewrite(match)
                if text:
                    record.msg, record.args = text, ()
                break
        self.count += 1
        return True

    def _on_markdown(self, record: logging.LogRecord) -> bool:
        location = getattr(record, "location", None)
        if isinstance(location, tuple) and location and location[0]:
            try:
                return str(self.app.env.doc2path(location[0])).endswith(".md")
            except Exception:  # a docname Sphinx does not know: keep the message
                return False
        if isinstance(location, nodes.Node):
            return str(location.source or "").endswith(".md")
        if isinstance(location, str):  # "path/file.md:12", as sphinx-needs gives it while reading
            return location.rpartition(":")[0].endswith(".md") or location.endswith(".md")
        return False


def _looks_like_id(target: str) -> bool:
    return model.item_type_for_id(target.lstrip("#")) is not None


def _xref(match: re.Match[str]) -> str:
    target = match["target"]
    if not _looks_like_id(target):
        return (
            f"verwijzing '{target}': die verwijzing wijst naar niets op de site. Oplossing: verbeter "
            "het doel van de link (een kop, een pagina of een item-ID), of haal de link weg."
        )
    item_id = target.lstrip("#")
    return (
        f"PT101 {item_id}: een verwijzing in de tekst wijst naar {item_id}, maar er is geen item met "
        "dat ID. Oplossing: verbeter het ID, of maak het item aan."
    )


def _linked(match: re.Match[str]) -> str:
    item_id = match["target"]
    return (
        f"PT101 {item_id}: een verwijzing in de tekst wijst naar {item_id}, maar er is geen item met "
        "dat ID. Oplossing: verbeter het ID, of maak het item aan."
    )


def _unknown_directive(match: re.Match[str]) -> str:
    name = match["name"]
    guess = difflib.get_close_matches(name.lower(), model.TYPE_NAMES, n=1, cutoff=0.7)
    if not guess:
        return ""  # not meant as one of our items: MyST's own words
    return (
        f"PT109 (onbekend type '{name}'): dit is waarschijnlijk als {guess[0]} bedoeld, maar '{name}' is "
        f"geen type van het model, dus het wordt niet als item gelezen. Oplossing: schrijf {{{guess[0]}}}."
    )


def _unknown_option(match: re.Match[str]) -> str:
    name = match["name"]
    known = (*model.LINK_NAMES, *(f.name for t in model.ITEM_TYPES for f in t.fields), *model.COMMON_FIELDS)
    guess = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    fix = f"schrijf ':{guess[0]}:'" if guess else "haal de optie weg of kies een optie uit het handboek"
    return (
        f"PT108 (optie ':{name}:'): deze optie kent het model niet; sphinx-needs laat haar weg. "
        f"Oplossing: {fix}."
    )


def _no_id(match: re.Match[str]) -> str:
    return (
        "PT105 (zonder ID): dit item heeft geen ':id:', dus het wordt niet gemaakt. Oplossing: voeg "
        "':id: VOORVOEGSEL-NAAM' toe, met het voorvoegsel van het type (bijvoorbeeld SD- voor een doel)."
    )


_REWRITES: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...] = (
    (_XREF, _xref),
    (_LINKED, _linked),
    (_UNKNOWN_DIRECTIVE, _unknown_directive),
    (_UNKNOWN_OPTION, _unknown_option),
    (_NO_ID, _no_id),
)


def install(app: Sphinx, config: Config) -> None:
    """``config-inited``: put the filter first on this application's warning handler."""
    for handler in logging.getLogger(NAMESPACE).handlers:
        if isinstance(handler, WarningStreamHandler) and not any(
            isinstance(f, UpstreamMessages) for f in handler.filters
        ):
            handler.filters.insert(0, UpstreamMessages(app))


def upstream_count(app: Sphinx) -> int:
    """How many warnings of Sphinx, sphinx-needs and MyST this build showed (not our findings)."""
    for handler in logging.getLogger(NAMESPACE).handlers:
        for found in handler.filters:
            if isinstance(found, UpstreamMessages) and found.app is app:
                return found.count
    return 0
