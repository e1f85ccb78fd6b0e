"""Dutch for the interface strings that Sphinx, furo and sphinx-needs leave in English.

Sphinx's own Dutch catalogue misses some strings (``Link to this heading`` on
every heading, the search result count, which it even translates to an empty
string) and furo and sphinx-needs ship no Dutch at all. The strings below fill
those gaps: in Python and templates as a fallback behind Sphinx's catalogue, in
the browser through ``Documentation.addTranslations`` after Sphinx's own
``translations.js``, and as the labels of sphinx-needs' interactive tables.
"""

from __future__ import annotations

import gettext
import json

from sphinx import locale

#: Strings Sphinx translates with ``_()`` in Python and templates, missing in its nl catalogue.
TEMPLATE_MESSAGES: dict[str, str] = {
    "Link to this heading": "Link naar dit kopje",
    "Link to this table": "Link naar deze tabel",
    "Link to this image": "Link naar deze afbeelding",
    "Link to this code": "Link naar deze code",
    "Link to this definition": "Link naar deze definitie",
    "Link to this term": "Link naar dit begrip",
    "Link to this equation": "Link naar deze formule",
    "Permalink to this heading": "Link naar dit kopje",
    "Table of Contents": "Inhoudsopgave",
    "Edit this page": "Deze pagina bewerken",
    "View this page": "Bron van deze pagina bekijken",
    "Next": "Volgende",
    "Previous": "Vorige",
    "Home": "Startpagina",
    "On this page": "Op deze pagina",
}

#: Strings of Sphinx's search script (searchtools.js): singular, or (singular, plural).
SCRIPT_MESSAGES: dict[str, str | tuple[str, str]] = {
    "Search Results": "Zoekresultaten",
    "Searching": "Bezig met zoeken",
    "Preparing search...": "Zoeken wordt voorbereid...",
    "Hide Search Matches": "Markering van zoekwoorden weghalen",
    ", in ": ", in ",
    "Search finished, found one page matching the search query.": (
        "Klaar met zoeken: één pagina gevonden.",
        "Klaar met zoeken: ${resultCount} pagina's gevonden.",
    ),
    "Your search did not match any documents. Please make sure that all words are spelled "
    "correctly and that you've selected enough categories.": (
        "Geen pagina gevonden met al deze zoekwoorden. Controleer de spelling of zoek op minder woorden."
    ),
}

#: Labels of sphinx-needs' interactive tables (needstable.js reads ``data-needstable-labels``).
TABLE_LABELS: dict[str, str] = {
    "search": "Zoeken in tabel",
    "rowsPerPage": "Rijen per pagina",
    "all": "Alle",
    "columns": "Kolommen",
    "copy": "Kopiëren",
    "csv": "CSV",
    "info": "{start}–{end} van {total}",
    "empty": "Geen rijen gevonden",
    "pagination": "Pagina's",
    "previous": "Vorige",
    "next": "Volgende",
    "sort": "{column}: sorteren",
}
#: The column headings sphinx-needs gives a needtable column that has no title of its own.
TABLE_COLUMNS: dict[str, str] = {
    "Title": "Titel",
    "Type": "Soort",
    "Outgoing": "Verwijst naar",
    "Incoming": "Verwezen door",
    "Tags": "Labels",
}

#: sphinx-needs' permalink page (``needs_permalink_file``) is a fixed English HTML file.
PERMALINK_PAGE: dict[str, str] = {
    '<html lang="en">': '<html lang="nl">',
    "<title>sphinx-needs permalink</title>": "<title>Item opzoeken</title>",
    "<h1>Searching, Please Wait...</h1>": "<h1>Het item wordt opgezocht, een ogenblik geduld.</h1>",
}


#: A message only :class:`DutchSupplement` translates: asking the chain for it
#: tells whether the supplement is installed (``gettext`` is public API; the
#: chain's ``_fallback`` attribute is not).
PROBE = "policy-trace: Dutch supplement installed?"


class DutchSupplement(gettext.NullTranslations):
    """A translator that answers from ``TEMPLATE_MESSAGES`` and defers the rest."""

    def gettext(self, message: str) -> str:
        if message == PROBE:
            return "ja"
        if message in TEMPLATE_MESSAGES:
            return TEMPLATE_MESSAGES[message]
        return super().gettext(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        if msgid1 in TEMPLATE_MESSAGES:
            return TEMPLATE_MESSAGES[msgid1]
        return super().ngettext(msgid1, msgid2, n)


def install_fallback(language: str | None) -> None:
    """Put ``DutchSupplement`` behind Sphinx's catalogue, once per process, for a Dutch site."""
    if language != "nl":
        return
    # Sphinx keeps one translator per catalogue for the process (templates use
    # the same object); its own Dutch catalogue stays first, ours fills the gaps.
    translator = locale.get_translator("sphinx")
    if translator.gettext(PROBE) != PROBE:  # installed by an earlier build in this process
        return
    translator.add_fallback(DutchSupplement())  # gettext's public way to chain catalogues


def script_catalog() -> str:
    """The JavaScript that adds ``SCRIPT_MESSAGES`` to Sphinx's browser-side catalogue."""
    messages = {
        key: list(value) if isinstance(value, tuple) else value for key, value in SCRIPT_MESSAGES.items()
    }
    # Sphinx's catalogue gives "(n != 1)", a boolean, which indexes no array
    # entry in JavaScript; ours, loaded after it, sets a numeric one.
    catalog = {"locale": "nl", "plural_expr": "n != 1 ? 1 : 0", "messages": messages}
    return (
        "// Dutch for Sphinx's search script where its own catalogue has none (policy_trace).\n"
        f"Documentation.addTranslations({json.dumps(catalog, ensure_ascii=False, indent=2)});\n"
    )


def table_labels_attribute() -> str:
    """The ``data-needstable-labels`` value, as JSON."""
    return json.dumps(TABLE_LABELS, ensure_ascii=False)
