"""The toegankelijkheidsverklaring and the colofon: written from conf.py and the recorded test results.

``{toegankelijkheidsverklaring}`` follows the model of digitoegankelijk.nl:
the status, what was tested (by an expert, and automatically: with which
tools, when, which pages, with what result), the known limitations, how to
report a problem, and the date. It never claims more than is recorded: the
status only when conf.py gives one, an audit only when conf.py describes
one, automatic tests only as the browser tests wrote them into the JSON
file that ``policy_trace_accessibility_results`` names (the browser tests
verify that file against what they measured; see the handbook).

``{colofon}``: who publishes the site, the programme's version, contact and
what the site is made with.

Both are read when the page is read (they do not depend on the items), so
their headings are in the page's contents and its search entry.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from ..dates import dutch_date, parse_iso
from ..findings import WARNING_TYPE, Subtype
from ..settings import conf_location

logger = logging.getLogger(__name__)

#: The statuses digitoegankelijk.nl gives a statement, with what each says.
STATUSES: dict[str, str] = {
    "voldoet volledig": "voldoet volledig aan de eisen",
    "voldoet gedeeltelijk": "voldoet gedeeltelijk aan de eisen",
    "eerste maatregelen genomen": "voldoet nog niet aan de eisen; er zijn eerste maatregelen genomen",
    "voldoet niet": "voldoet niet aan de eisen",
}
KEYS = ("status", "datum", "onderzoek", "beperkingen")
#: The standard the Besluit digitale toegankelijkheid overheid asks.
STANDARD = "EN 301 549 (WCAG 2.1, niveau A en AA)"
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+\-.!|~])")


def escape_markdown(text: str) -> str:
    """``text`` shown as written: every character Markdown or HTML would read is escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def statement_settings(value: Any) -> tuple[dict[str, Any], list[str]]:
    """``policy_trace_accessibility`` checked: the usable part, and a Dutch sentence per problem."""
    if not isinstance(value, Mapping):
        return {}, [f"policy_trace_accessibility moet een dict zijn; nu is het: {value!r}."]
    usable: dict[str, Any] = {}
    found = []
    for key, item in value.items():
        if key not in KEYS:
            found.append(f"policy_trace_accessibility noemt {key!r}; bekend zijn: {', '.join(KEYS)}.")
        elif key == "status" and item not in STATUSES:
            found.append(f"policy_trace_accessibility: status {item!r} is geen status van "
                         f"digitoegankelijk.nl; kies uit: {', '.join(STATUSES)}.")
        elif key == "datum" and parse_iso(item) is None:
            found.append(f"policy_trace_accessibility: datum {item!r} is geen datum in de vorm JJJJ-MM-DD.")
        elif key == "beperkingen" and not (isinstance(item, (list, tuple)) and all(
                isinstance(part, str) for part in item)):
            found.append("policy_trace_accessibility: beperkingen moet een lijst van zinnen zijn.")
        elif key == "onderzoek" and not isinstance(item, str):
            found.append("policy_trace_accessibility: onderzoek moet een zin zijn.")
        else:
            usable[key] = item
    return usable, found


def read_results(path: Path) -> tuple[dict[str, Any] | None, str]:
    """The recorded test results, or None and why not (a Dutch sentence; empty when there is no file)."""
    if not path.is_file():
        return None, ""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        return None, f"{path.name} is geen leesbaar JSON-bestand ({error})."
    needed = {"datum", "hulpmiddelen", "paginasoorten", "schermen"}
    if not isinstance(data, dict) or not needed <= set(data) or parse_iso(data["datum"]) is None:
        return None, f"{path.name} mist {', '.join(sorted(needed))} (de browsertests schrijven het)."
    return data, ""


def _contact(config: Any) -> list[str]:
    lines = []
    if config.policy_trace_contact_email:
        address = escape_markdown(config.policy_trace_contact_email)
        # An address checked when conf.py was read: no character Markdown reads in an autolink.
        lines.append(f"per e-mail: [{address}](mailto:{config.policy_trace_contact_email})")
    if config.policy_trace_contact_url:
        url = str(config.policy_trace_contact_url).replace(" ", "%20").replace(")", "%29").replace("(", "%28")
        lines.append(f"via de website: [{escape_markdown(config.policy_trace_contact_url)}]({url})")
    return lines


def _organisation(config: Any) -> str:
    return escape_markdown(config.author or config.project or "de uitgever")


class MarkdownDirective(SphinxDirective):
    """Renders generated Markdown in place of the directive, headings included."""

    has_content = False

    def markdown(self) -> str:
        raise NotImplementedError

    def run(self) -> list[Any]:
        return self.parse_text_to_nodes(self.markdown(), allow_section_headings=True)


class StatementDirective(MarkdownDirective):
    """``{toegankelijkheidsverklaring}``: the accessibility statement, in digitoegankelijk.nl's order."""

    def run(self) -> list[Any]:
        path = self._results_path()
        if path is not None:
            self.env.note_dependency(str(path))  # a new recording rewrites the page
        return super().run()

    def _results_path(self) -> Path | None:
        name = self.config.policy_trace_accessibility_results
        return Path(self.env.app.confdir, name) if name else None

    def markdown(self) -> str:
        config = self.config
        settings, _problems = statement_settings(config.policy_trace_accessibility)  # said at conf.py
        organisation = _organisation(config)
        site = escape_markdown(config.project or "deze site")
        # Under the first heading: text before it would come after all the sections on the page.
        parts = [
            "## Status",
            f"{organisation} wil dat iedereen de site {site} kan gebruiken, ook wie slecht ziet, "
            "slecht hoort, een toetsenbord of een schermlezer gebruikt. De wet (het Besluit digitale "
            f"toegankelijkheid overheid) vraagt daarvoor {STANDARD}. Deze verklaring zegt hoe ver de site "
            "daarmee is.",
        ]
        status = settings.get("status")
        if status:
            parts.append(f"De site {site} {STATUSES[status]} ({STANDARD}).")
        else:
            parts.append(f"De status is nog niet vastgesteld: {organisation} heeft nog niet verklaard of de "
                         "site aan de eisen voldoet.")
        parts.append("## Wat is onderzocht")
        if settings.get("onderzoek"):
            parts.append(f"Onderzoek door een deskundige: {escape_markdown(settings['onderzoek'])}")
        else:
            parts.append("De site is nog niet door een deskundige onderzocht aan de hand van alle "
                         "succescriteria van de standaard.")
        parts.append(self._automatic())
        parts.append("## Bekende beperkingen")
        limitations = settings.get("beperkingen") or []
        if limitations:
            parts.append("\n".join(f"- {escape_markdown(line)}" for line in limitations))
        else:
            parts.append("Er zijn nog geen beperkingen vastgelegd. Dat betekent niet dat er geen zijn: "
                         "alleen een onderzoek door een deskundige kan dat zeggen.")
        parts.append("## Contact")
        contact = _contact(config)
        if contact:
            parts.append(f"Kunt u iets op deze site niet gebruiken, of ziet u een probleem? Meld het "
                         f"bij {organisation}, " + " of ".join(contact) + ". Zeg op welke pagina en wat er "
                         "misgaat; u krijgt antwoord.")
        else:
            parts.append("Er is nog geen contactadres opgegeven (`policy_trace_contact_email` in "
                         "`conf.py`).")
        parts.append("## Datum")
        when = parse_iso(settings.get("datum"))
        parts.append(f"Deze verklaring is opgesteld op {dutch_date(when)}." if when else
                     "Deze verklaring heeft nog geen datum (`datum` in `policy_trace_accessibility`).")
        return "\n\n".join(parts) + "\n"

    def _automatic(self) -> str:
        path = self._results_path()
        results, problem = read_results(path) if path is not None else (None, "")
        if problem:
            logger.warning(
                "%s", problem, type=WARNING_TYPE, subtype=Subtype.CONFIG.value, location=self.get_location()
            )
        if results is None:
            return ("Er is voor deze site geen automatische toetsing vastgelegd. policy-trace, de software "
                    "waarmee de site is gemaakt, wordt bij elke versie op de pagina's van een "
                    "voorbeeldprogramma getoetst; de inhoud van deze site zelf niet.")
        recorded = parse_iso(results["datum"])
        when = dutch_date(recorded) if recorded else escape_markdown(results["datum"])
        tools = "; ".join(
            f"{escape_markdown(tool['naam'])} {escape_markdown(tool['versie'])} "
            f"({escape_markdown(tool['regels'])}): {int(tool['bevindingen'])} "
            f"{'bevinding' if int(tool['bevindingen']) == 1 else 'bevindingen'}"
            for tool in results["hulpmiddelen"]
        )
        kinds = ", ".join(escape_markdown(kind) for kind in results["paginasoorten"])
        screens = ", ".join(escape_markdown(screen) for screen in results["schermen"])
        return (
            f"Automatische toetsing: op {when} is van elke soort pagina één pagina getoetst ({kinds}), "
            f"elk op deze schermen: {screens}. Met {tools}.\n\n"
            "Automatische hulpmiddelen vinden maar een deel van de problemen: of een tekst begrijpelijk "
            "is, of een alternatieve tekst klopt, of de volgorde logisch is, beoordeelt alleen een mens."
        )


class ColofonDirective(MarkdownDirective):
    """``{colofon}``: who publishes the site, which version, contact, and what it is made with."""

    def markdown(self) -> str:
        config = self.config
        version = escape_markdown(config.policy_trace_version or "")
        status = escape_markdown(config.policy_trace_status or "")
        rows = [
            f"- Uitgever: {_organisation(config)}",
            f"- Programma: {escape_markdown(config.project or '')}"
            + (f", versie {version}" if version else "") + (f" ({status})" if status else ""),
        ]
        contact = _contact(config)
        if contact:
            rows.append("- Contact: " + "; ".join(contact))
        rows.append(
            "- Gemaakt met policy-trace (Sphinx, sphinx-needs, MyST en het thema furo); de pagina's "
            "laden niets van andere websites."
        )
        return "\n".join(rows) + "\n"


DIRECTIVES: dict[str, type[MarkdownDirective]] = {
    "toegankelijkheidsverklaring": StatementDirective,
    "colofon": ColofonDirective,
}


def check_settings(app: Sphinx, config: Config) -> None:
    """``config-inited``: a Dutch error at conf.py for each part of the statement's settings that is wrong."""
    usable, problems = statement_settings(config.policy_trace_accessibility)
    for problem in problems:
        where = conf_location(app, "policy_trace_accessibility")
        logger.warning("%s", problem, type=WARNING_TYPE, subtype=Subtype.CONFIG.value, location=where)
    config.policy_trace_accessibility = usable
    email = config.policy_trace_contact_email
    if email and not re.fullmatch(r"[^@\s<>()]+@[^@\s<>()]+\.[^@\s<>()]+", str(email)):
        where = conf_location(app, "policy_trace_contact_email")
        logger.warning("policy_trace_contact_email is %r, maar dat is geen e-mailadres.", email,
                       type=WARNING_TYPE, subtype=Subtype.CONFIG.value, location=where)
        config.policy_trace_contact_email = ""
    url = config.policy_trace_contact_url
    if url and not str(url).startswith("https://"):
        where = conf_location(app, "policy_trace_contact_url")
        logger.warning("policy_trace_contact_url is %r, maar moet beginnen met https://.", url,
                       type=WARNING_TYPE, subtype=Subtype.CONFIG.value, location=where)
        config.policy_trace_contact_url = ""
