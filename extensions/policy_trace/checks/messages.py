"""The messages of Sphinx, sphinx-needs and MyST themselves: in our words, labelled, reported and repeated.

Public mechanism: a ``logging.Filter`` on the handler through which Sphinx
writes every warning (``sphinx.util.logging.WarningStreamHandler`` of the
``sphinx`` logger, set up per application). Put first in its filter list, it
sees each warning before Sphinx counts it, so a message it drops is not
counted by Sphinx either. Nothing of those packages is patched.

- sphinx-needs' duplicate-ID message is dropped for Markdown pages: PT107 says
  the same, with a fix, on every build (sphinx-needs says it only when it reads
  the page, so an incremental build would lose it).
- the common ones are rewritten in our form, ``CODE ID: what. Oplossing: how.``;
  a rewrite that names one of our rules (PT101, PT105, PT108, PT109) becomes a
  warning of that rule (type ``policy``, subtype the code), so
  ``suppress_warnings = ["policy.PT101"]`` and ``policy_trace_severity``
  govern it like the rule's own findings;
- every warning shown is a finding of this build (:func:`shown`): the reports
  list it with its code (the rule's, or Sphinx's ``type.subtype``), the summary
  counts it, and the console labels it ``FOUT``;
- every page that warned is read again in the next build (:func:`read_again`):
  Sphinx says most of these only while it reads or writes a page, and an
  incremental build that skips the page would pass where a clean one fails.
"""

from __future__ import annotations

import difflib
import fnmatch
import json
import logging
import os
import posixpath
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from docutils import nodes
from docutils.utils import get_source_line
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment
from sphinx.util import logging as sphinx_logging
from sphinx.util.logging import NAMESPACE, WarningStreamHandler

from .. import model
from ..deprecation import option_names
from ..findings import WARNING_TYPE, Finding, is_suppressed
from ..upstream.sphinx import ErrorLabel

logger = sphinx_logging.getLogger(__name__)

#: Kept in the doctree folder beside Sphinx's environment: the pages that warned in the last build.
WARNED_FILE = "policy-trace-gewaarschuwd.json"
#: The ID of a finding about a page or a setting rather than an item.
PAGE, CONFIG = "(pagina)", "(conf.py)"

_DUPLICATE = re.compile(r"A need with ID '?(?P<id>[^' ]+)'? already exists")
_XREF = re.compile(r"cross-reference target not found: '?(?P<target>[^']+)'?")
_LINKED = re.compile(r"linked need (?P<target>\S+) not found")
_UNKNOWN_DIRECTIVE = re.compile(r"Unknown directive type: '(?P<name>[^']+)'")
_UNKNOWN_OPTION = re.compile(r"Unknown option '(?P<name>[^']+)'")
_NO_ID = re.compile(r"No ID defined")
_NO_TITLE = re.compile(r"No title given, but title is required")
_OPTIONS_FORMAT = re.compile(r"'(?P<name>[^']+)': Invalid options format: (?P<why>.*)")
_INCLUDE_MISSING = re.compile(r"Directive \"include\": file not found: '(?P<path>[^']+)'")
_NO_TITLE_PAGE = re.compile(
    r"toctree contains reference to document '(?P<doc>[^']+)' that doesn't have a title"
)
_MISSING_PAGE = re.compile(r"toctree contains reference to nonexisting document '(?P<doc>[^']+)'")
_TWO_TOCTREES = re.compile(r"document is referenced in multiple toctrees: (?P<parents>.*?), selecting")
_HEADING_JUMP = re.compile(r"Non-consecutive header level increase; H(?P<parent>\d) to H(?P<level>\d)")
_EMPTY_GLOB = re.compile(r"toctree glob pattern '(?P<pattern>.+)' didn't match any documents")
_NOT_IN_TOCTREE = re.compile(r"document isn't included in any toctree")
_CONFIG_TYPE = re.compile(
    r"The config value `(?P<name>[^']+)' has type `(?P<given>[^']+)'"
    r"(?:; expected|, defaults to) (?P<expected>.*?)\.?$"
)


@dataclass(frozen=True)
class Rewrite:
    """A message of another package in our words: the code it is reported under, what and how to fix."""

    code: str  # one of our rules ("PT101"), or "" to keep the message's own type.subtype
    id: str
    message: str
    fix: str

    def text(self, code: str) -> str:
        """The one line shown: ``CODE ID: what. Oplossing: how.``"""
        return f"{code} {self.id}: {self.message} Oplossing: {self.fix}"


def _looks_like_id(target: str) -> bool:
    return model.item_type_for_id(target.lstrip("#")) is not None


def _missing_item(item_id: str) -> Rewrite:
    return Rewrite(
        "PT101",
        item_id,
        f"een verwijzing in de tekst wijst naar {item_id}, maar er is geen item met dat ID.",
        "verbeter het ID, of maak het item aan.",
    )


def _xref(match: re.Match[str]) -> Rewrite | None:
    target = match["target"]
    if _looks_like_id(target):
        return _missing_item(target.lstrip("#"))
    return Rewrite(
        "",
        f"(verwijzing '{target}')",
        "die verwijzing wijst naar niets op de site.",
        "verbeter het doel van de link (een kop, een pagina of een item-ID), of haal de link weg.",
    )


def _linked(match: re.Match[str]) -> Rewrite | None:
    return _missing_item(match["target"])


def _unknown_directive(match: re.Match[str]) -> Rewrite | None:
    name = match["name"]
    guess = difflib.get_close_matches(name.lower(), model.TYPE_NAMES, n=1, cutoff=0.7)
    if not guess:
        return Rewrite(
            "",
            f"(blok '{name}')",
            f"'{{{name}}}' is geen item-type van het model en geen blok dat de site kent; het wordt niet "
            "getoond.",
            f"kies een type uit het handboek ({', '.join(model.TYPE_NAMES)}), of schrijf het als gewone "
            "tekst of als codeblok zonder accolades.",
        )
    return Rewrite(
        "PT109",
        f"(onbekend type '{name}')",
        f"dit is waarschijnlijk als {guess[0]} bedoeld, maar '{name}' is geen type van het model, dus het "
        "wordt niet als item gelezen.",
        f"schrijf {{{guess[0]}}}.",
    )


def _unknown_option(match: re.Match[str]) -> Rewrite | None:
    name = match["name"]
    known = (*model.LINK_NAMES, *(f.name for t in model.ITEM_TYPES for f in t.fields), *model.COMMON_FIELDS)
    guess = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    fix = f"schrijf ':{guess[0]}:'." if guess else "haal de optie weg of kies een optie uit het handboek."
    what = "deze optie kent het model niet; sphinx-needs laat haar weg."
    return Rewrite("PT108", f"(optie ':{name}:')", what, fix)


def _no_id(match: re.Match[str]) -> Rewrite | None:
    return Rewrite(
        "PT105",
        "(zonder ID)",
        "dit item heeft geen ':id:', dus het wordt niet gemaakt.",
        "voeg ':id: VOORVOEGSEL-NAAM' toe, met het voorvoegsel van het type (bijvoorbeeld SD- voor een "
        "doel).",
    )


def _no_title(match: re.Match[str]) -> Rewrite | None:
    return Rewrite(
        "",
        "(zonder titel)",
        "dit item heeft geen titel; elk item heeft er een nodig.",
        "zet de titel op de eerste regel, direct achter het type: ```{doel} Titel van het doel.",
    )


def _options_format(match: re.Match[str]) -> Rewrite | None:
    return Rewrite(
        "",
        f"({match['name']})",
        "de opties van dit blok zijn niet te lezen: elke optie staat op een eigen regel als ':naam: waarde' "
        "(MyST: " + match["why"] + ").",
        "begin elke optie met een dubbele punt en zet er na de naam nog een, gevolgd door een spatie: "
        "':draagt_bij_aan: SD-X'.",
    )


def _include_missing(match: re.Match[str]) -> Rewrite | None:
    return Rewrite(
        "",
        PAGE,
        f"het bestand dat deze pagina invoegt ({{include}}) bestaat niet: {match['path']}.",
        "verbeter het pad (het geldt vanaf de map van deze pagina), of haal het {include}-blok weg.",
    )


def _no_title_page(match: re.Match[str]) -> Rewrite | None:
    return Rewrite(
        "",
        PAGE,
        f"de pagina {match['doc']} staat in deze inhoudsopgave, maar heeft geen kop, dus het menu kan er "
        "niet naar linken.",
        f"begin {match['doc']}.md met een kop, bijvoorbeeld '# Titel van de pagina'.",
    )


def _missing_page(match: re.Match[str]) -> Rewrite | None:
    return Rewrite(
        "",
        PAGE,
        f"de inhoudsopgave noemt de pagina {match['doc']}, maar die bestaat niet.",
        "verbeter de naam (het pad vanaf deze pagina, zonder .md), of haal de regel uit de inhoudsopgave.",
    )


def _two_toctrees(match: re.Match[str]) -> Rewrite | None:
    return Rewrite(
        "",
        PAGE,
        f"deze pagina staat in meer dan één inhoudsopgave ({match['parents']}); het menu kiest er één.",
        "laat de pagina in één inhoudsopgave staan; verwijs er elders met een gewone link naar.",
    )


def _heading_jump(match: re.Match[str]) -> Rewrite | None:
    return Rewrite(
        "",
        PAGE,
        f"een kop van niveau {match['level']} volgt op een kop van niveau {match['parent']}: er wordt een "
        "niveau overgeslagen.",
        f"maak er een kop van niveau {int(match['parent']) + 1} van "
        f"({'#' * (int(match['parent']) + 1)} Titel).",
    )


def _not_in_toctree(match: re.Match[str]) -> Rewrite | None:
    return Rewrite(
        "",
        PAGE,
        "deze pagina staat in geen inhoudsopgave (toctree), dus geen pagina van de site linkt ernaar.",
        "zet de pagina (zonder .md) in een toctree, bijvoorbeeld in die van index.md, of zet "
        "'orphan: true' tussen '---'-regels bovenaan de pagina als ze bewust los staat.",
    )


def _config_type(match: re.Match[str]) -> Rewrite | None:
    name = match["name"]
    return Rewrite(
        "",
        CONFIG,
        f"de instelling {name} heeft het type {match['given']}; verwacht is {match['expected']}.",
        f"geef {name} een waarde van het verwachte type, of haal de regel weg.",
    )


_REWRITES: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], Rewrite | None]], ...] = (
    (_XREF, _xref),
    (_LINKED, _linked),
    (_UNKNOWN_DIRECTIVE, _unknown_directive),
    (_UNKNOWN_OPTION, _unknown_option),
    (_NO_ID, _no_id),
    (_NO_TITLE, _no_title),
    (_OPTIONS_FORMAT, _options_format),
    (_INCLUDE_MISSING, _include_missing),
    (_NO_TITLE_PAGE, _no_title_page),
    (_MISSING_PAGE, _missing_page),
    (_TWO_TOCTREES, _two_toctrees),
    (_HEADING_JUMP, _heading_jump),
    (_NOT_IN_TOCTREE, _not_in_toctree),
    (_CONFIG_TYPE, _config_type),
)

#: What a message without Dutch words of ours is reported with as its fix.
_FIX_OF_OTHERS = (
    "lees de melding van {package} hierboven en herstel de bron op die plek; is de melding bewust, "
    "zet dan '{code}' in suppress_warnings in conf.py."
)
_PACKAGES = {"needs": "sphinx-needs", "myst": "MyST", WARNING_TYPE: "policy-trace"}
#: How our own messages introduce their fix (``… Oplossing: …``).
_OWN_FIX = " Oplossing: "


def _text(record: logging.LogRecord) -> str:
    try:
        return str(record.msg) % record.args if record.args else str(record.msg)
    except (TypeError, ValueError):
        return str(record.msg)


class UpstreamMessages(logging.Filter):
    """Drops, rewrites and records every warning that is no finding of a rule (see the module doc)."""

    def __init__(self, app: Sphinx) -> None:
        super().__init__()
        self.app = app
        #: The warnings of this build that are no finding of a rule's check, as findings.
        self.shown: list[Finding] = []
        #: The pages that warned in this build (read again in the next one).
        self.warned: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        kind = str(getattr(record, "type", None) or "")
        subtype = str(getattr(record, "subtype", "") or "")
        docname, file, line = self._place(record)
        if kind == WARNING_TYPE and subtype.startswith("PT"):
            return True  # a finding of a rule: reported and counted with the others
        message = _text(record)
        if docname:
            self.warned.add(docname)
        if kind == "needs" and _DUPLICATE.search(message) and file.endswith(".md"):
            return False
        unknown = _UNKNOWN_OPTION.search(message)
        if unknown and unknown["name"] in option_names():
            # A deprecated option left beside its replacement: its policy.deprecated warning says so.
            return False
        if kind and _suppressed(kind, subtype, self.app.config.suppress_warnings):
            return True  # Sphinx's own filter drops it next; not shown, so not counted
        empty = _EMPTY_GLOB.search(message)
        if empty and self._glob_matches_listed_pages(docname, empty["pattern"]):
            # "needs/*" after the folder's pages by name (as init writes it) catches new pages; that it
            # finds none yet is no typo in the pattern, which is what Sphinx's message is for.
            return False
        rewrite = next((rewrite(m) for pattern, rewrite in _REWRITES if (m := pattern.search(message))), None)
        code = ".".join(part for part in (kind or "sphinx", subtype) if part)
        if rewrite is not None and rewrite.code:
            return self._as_rule(record, rewrite, docname, file, line)
        if rewrite is not None:
            record.msg, record.args = rewrite.text(code), ()
            found = Finding(code, "error", rewrite.id, "", file, line, rewrite.message, rewrite.fix, docname)
        else:
            text = " ".join(message.split())
            fix = _FIX_OF_OTHERS.format(package=_PACKAGES.get(kind, "Sphinx"), code=code)
            if kind == WARNING_TYPE and _OWN_FIX in text:
                # Our own messages carry their fix already; a second, generic one would only repeat it.
                text, fix = text.split(_OWN_FIX, 1)
            about = PAGE if file.endswith(".md") else ""
            found = Finding(code, "error", about, "", file, line, text, fix, docname)
        self.shown.append(found)
        return True

    def _as_rule(
        self, record: logging.LogRecord, rewrite: Rewrite, docname: str, file: str, line: int
    ) -> bool:
        """A rewrite that names a rule: suppressed, advice or an error of that rule, as its findings are."""
        code = rewrite.code
        severity = (self.app.config.policy_trace_severity or {}).get(code, "error")
        if is_suppressed(code, self.app.config.suppress_warnings) or severity == "off":
            return False
        found = Finding(code, "advice" if severity == "advice" else "error", rewrite.id, "", file, line,
                        rewrite.message, rewrite.fix, docname)
        self.shown.append(found)
        if found.severity == "advice":
            location = f"{file}:{line}" if line else file or None
            logger.info("%s", f"ADVIES: {found.text} [{WARNING_TYPE}.{code}]", location=location)
            return False
        record.msg, record.args = rewrite.text(code), ()
        record.type, record.subtype = WARNING_TYPE, code  # type: ignore[attr-defined]
        return True

    def _glob_matches_listed_pages(self, docname: str, pattern: str) -> bool:
        env = getattr(self.app, "env", None)
        if env is None or not docname:
            return False
        folder = posixpath.dirname(docname)
        if pattern.startswith("/"):
            full = pattern.lstrip("/")
        else:
            full = posixpath.normpath(posixpath.join(folder, pattern))
        return any(fnmatch.fnmatchcase(name, full) for name in env.found_docs if name != docname)

    def _place(self, record: logging.LogRecord) -> tuple[str, str, int]:
        """(docname, file relative to the source folder, line) of a warning; empty where it has none."""
        location = getattr(record, "location", None)
        env = getattr(self.app, "env", None)
        path, line = "", 0
        if env is None:  # while conf.py is read: no pages yet, but a setting's warning is at conf.py:LINE
            head, _, tail = location.rpartition(":") if isinstance(location, str) else ("", "", "")
            return ("", head, int(tail)) if head and tail.isdigit() else ("", "", 0)
        if isinstance(location, tuple) and location and location[0]:
            docname = str(location[0])
            line = int(location[1] or 0) if len(location) > 1 else 0
            return docname, _posix(env.doc2path(docname, base=False)), line
        if isinstance(location, nodes.Node):
            source, found_line = get_source_line(location)
            path, line = str(source or ""), int(found_line or 0)
        elif isinstance(location, str) and location:
            head, _, tail = location.rpartition(":")
            if head and (tail.isdigit() or tail == ""):
                path, line = head, int(tail or 0)
            elif ":" not in location and location in env.found_docs:
                return location, _posix(env.doc2path(location, base=False)), 0
            else:
                path = location
        if not path:
            return "", "", line
        full = Path(path) if os.path.isabs(path) else Path(self.app.srcdir, path)
        try:
            relative = full.resolve().relative_to(Path(self.app.srcdir).resolve())
        except ValueError:
            return "", path, line
        docname = env.path2doc(str(full)) or ""
        return docname, relative.as_posix(), line


def _posix(path: object) -> str:
    return str(path).replace("\\", "/")


def _suppressed(kind: str, subtype: str, suppress_warnings: Iterable[str]) -> bool:
    """Sphinx's documented meaning of ``suppress_warnings``: ``type``, ``type.*`` or ``type.subtype``."""
    chosen = set(suppress_warnings)
    return bool({kind, f"{kind}.*", f"{kind}.{subtype}"} & chosen) if subtype else kind in chosen


def install(app: Sphinx, config: Config) -> None:
    """``config-inited``: put the filter first on this application's warning handler."""
    for handler in logging.getLogger(NAMESPACE).handlers:
        if isinstance(handler, WarningStreamHandler) and not any(
            isinstance(f, UpstreamMessages) and f.app is app for f in handler.filters
        ):
            ours = (UpstreamMessages, ErrorLabel)
            handler.filters = [f for f in handler.filters if not isinstance(f, ours)]
            handler.filters.insert(0, UpstreamMessages(app))
            handler.filters.append(ErrorLabel())  # after Sphinx's own translator, which sets the label


def _filter(app: Sphinx) -> UpstreamMessages | None:
    for handler in logging.getLogger(NAMESPACE).handlers:
        for found in handler.filters:
            if isinstance(found, UpstreamMessages) and found.app is app:
                return found
    return None


def shown(app: Sphinx) -> list[Finding]:
    """The warnings of Sphinx, sphinx-needs, MyST and our settings this build showed, as findings."""
    found = _filter(app)
    return list(found.shown) if found is not None else []


def upstream_count(app: Sphinx) -> int:
    """How many warnings of this build were no finding of a rule's check."""
    return len(shown(app))


def _warned_file(app: Sphinx) -> Path:
    return Path(app.doctreedir, WARNED_FILE)


def read_again(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """``env-get-outdated``: the pages that warned in the last build, so this build warns again."""
    try:
        warned = json.loads(_warned_file(app).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return sorted(name for name in warned if isinstance(name, str) and name in env.found_docs)


def remember_warned(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: keep which pages warned (after a failed build also those of the one before)."""
    found = _filter(app)
    if found is None:
        return
    warned = set(found.warned)
    if exception is not None:
        warned.update(read_again(app, app.env, set(), set(), set()))
    path = _warned_file(app)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(sorted(warned)) + "\n", encoding="utf-8")
    except OSError:  # a read-only doctree folder: the next build reads what changed, as Sphinx does
        pass
