"""Directives that render the authoring handbook's tables from the model and the rule list.

``docs/handboek.md`` holds the prose; every list of types, fields, links, rules
and settings in it comes from these directives, so the handbook cannot drift
from :mod:`policy_trace.model` and :mod:`policy_trace.rules`.

The directives write Markdown and parse it in place (headings allowed), so the
result looks like the rest of the site and its headings appear in the page's
table of contents. Examples are shown as code blocks, never as live items: a
live failing example would fail the build it documents.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import partial
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from . import model, rules, vocabulary
from .findings import OTHER_WARNINGS
from .version import __version__
from .views import VIEWS, verklaring
from .views.controle import ControlOverviewDirective

SEVERITY_LABELS = {
    "error": "fout: de build faalt",
    "advice": "advies: gemeld, de build gaat door",
}

#: One filled item per type, together a small coherent programme: they link only
#: to each other and pass every check (tests/test_handbook.py builds them). A
#: type may have more than one (the project needs a second party).
EXAMPLES: tuple[str, ...] = (
    """\
```{hoofddoel} Slagvaardige veiligheidsregio's
:id: HD-SLAGVAARDIG
:status: vastgesteld
:tags: agenda

Veiligheidsregio's zijn voorbereid op de crises van nu en straks, en werken
daarin samen waar dat sterker maakt.
```
""",
    """\
```{doel} Bevolkingszorg op orde
:id: SD-BEVOLKINGSZORG
:draagt_bij_aan: HD-SLAGVAARDIG
:status: vastgesteld

Inwoners worden bij een ramp of crisis tijdig opgevangen, verzorgd en
geïnformeerd.
```
""",
    """\
```{uitgangspunt} Regionaal waar het kan, landelijk waar het moet
:id: UP-REGIONAAL
:status: vastgesteld

Een taak blijft bij de regio, tenzij een landelijke aanpak aantoonbaar beter werkt.
```
""",
    """\
```{inspanning} Versterken bevolkingszorg
:id: IN-BEVOLKINGSZORG
:spoor: inhoudelijk
:draagt_bij_aan: SD-BEVOLKINGSZORG
:status: in_uitvoering
:prioriteit: ja
:trekker: PA-VEILIGHEIDSBERAAD
:hangt_samen_met: PRJ-EVACUATIE
:tags: bevolkingszorg

Samen met de gemeenten brengen de regio's de bevolkingszorg op één niveau.
```
""",
    """\
```{project} Landelijk evacuatieplan
:id: PRJ-EVACUATIE
:voert_uit: IN-BEVOLKINGSZORG
:status: in_uitvoering
:opdracht: Voor 1 juli 2016 heeft elke regio een geoefend evacuatieplan volgens één landelijk model.
:financiering: Uit de bijdrage van de regio's aan het Veiligheidsberaad, 2015 en 2016.
:borging: regionaal_crisisplan
:trekker: PA-VEILIGHEIDSBERAAD
:opdrachtgever: PA-VEILIGHEIDSBERAAD
:opdrachtnemer: PA-IFV
:tags: bevolkingszorg, evacuatie

Het IFV maakt het model; de regio's passen het toe en oefenen het.
```
""",
    """\
```{mijlpaal} Model evacuatieplan gereed
:id: MP-EVACUATIE-MODEL
:datum: 2015-03-01
:hoort_bij: PRJ-EVACUATIE
:status: behaald
```
""",
    """\
```{resultaat} Evacuatieplan per regio
:id: RS-EVACUATIEPLAN
:geleverd_door: PRJ-EVACUATIE
:draagt_bij_aan: EF-SNELLER-EVACUEREN

Elke regio heeft een vastgesteld en geoefend evacuatieplan.
```
""",
    """\
```{effect} Inwoners sneller in veiligheid
:id: EF-SNELLER-EVACUEREN
:draagt_bij_aan: SD-BEVOLKINGSZORG

Bij een grote evacuatie zijn inwoners sneller op een veilige plek.
```
""",
    """\
```{criterium} Regio's met een geoefend evacuatieplan
:id: CR-EVACUATIE-GEOEFEND
:meet: SD-BEVOLKINGSZORG, IN-BEVOLKINGSZORG, HD-SLAGVAARDIG
:status: op_koers
:indicator: Aantal regio's dat het evacuatieplan het afgelopen jaar heeft geoefend
:nulmeting: 3
:streefwaarde: 25
:eenheid: regio's
:deadline: 2016-07-01
:bron: Jaarverslag IFV
:smart: ja
```
""",
    """\
```{meting} Geoefende regio's, telling januari 2015
:id: MT-EVACUATIE-2015-01
:meet_voor: CR-EVACUATIE-GEOEFEND
:waarde: 8
:datum: 2015-01-15
:bron: Jaarverslag IFV

Regio's die in 2014 hun evacuatieplan hebben geoefend.
```
""",
    """\
```{meting} Geoefende regio's, telling mei 2015
:id: MT-EVACUATIE-2015-05
:meet_voor: CR-EVACUATIE-GEOEFEND
:waarde: 11
:datum: 2015-05-01
:bron: Jaarverslag IFV
```
""",
    """\
```{aanname} Gemeenten leveren mensen voor de opvang
:id: AN-GEMEENTEN-LEVEREN
:betreft: IN-BEVOLKINGSZORG
:status: onbevestigd
:getoetst_op: 2015-03-01
:toetsing: Navraag bij de gemeenten in het veiligheidsberaad

De inspanning rekent op gemeentelijke medewerkers in de opvang; dat is nog niet toegezegd.
```
""",
    """\
```{partij} Veiligheidsberaad
:id: PA-VEILIGHEIDSBERAAD

Het overleg van de voorzitters van de 25 veiligheidsregio's.
```
""",
    """\
```{partij} Instituut Fysieke Veiligheid
:id: PA-IFV
```
""",
    """\
```{besluit} Evacuatieplan vastgesteld
:id: BS-EVACUATIE
:datum: 2014-09-26
:betreft: PRJ-EVACUATIE
:genomen_door: PA-VEILIGHEIDSBERAAD
```
""",
)


def examples_of(type_name: str) -> list[str]:
    """The handbook's filled examples of this type."""
    return [text for text in EXAMPLES if text.startswith(f"```{{{type_name}}}")]


def in_programme_words(example: str, item_type: model.ItemType, config: Any) -> str:
    """An example in this programme's values: the first of each own list; a field it does not use left out."""
    words = vocabulary.of_config(config)
    for type_name, field in model.PROGRAMME_FIELDS:
        if type_name != item_type.directive:
            continue
        own = words.item_type(type_name)
        spec = own.field(field.name) if own else None
        line = re.compile(rf"^:{field.name}: (.*)\n", re.MULTILINE)
        if spec is None:
            example = line.sub("", example)
        else:
            example = line.sub(partial(_own_value, spec), example)
    return example.replace(":tags: agenda\n", f":tags: {words.word}\n")


def _own_value(spec: model.Field, match: re.Match[str]) -> str:
    return match.group(0) if match.group(1) in spec.values else f":{spec.name}: {spec.values[0]}\n"


def _code(value: str) -> str:
    return f"`{value}`"


def _prose(text: str) -> str:
    """A rule's console sentence for the page: quoted option names become code."""
    # The console quotes names ('meet'); on the page smart quotes would turn
    # them into typographic quotes, which an author cannot copy as an option name.
    return re.sub(r"'(:?[a-z_]+:?(?: [a-z_]+)?|[A-Z]+-[A-Z0-9-]+)'", r"`\1`", text)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_cell(c) or " " for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def _fence(text: str, language: str = "markdown") -> str:
    # Longer than any backtick run inside, so the example's own fences survive.
    ticks = "`" * max(3, _longest_backtick_run(text) + 1)
    return f"{ticks}{language}\n{text.rstrip()}\n{ticks}\n"


def _longest_backtick_run(text: str) -> int:
    longest = run = 0
    for char in text:
        run = run + 1 if char == "`" else 0
        longest = max(longest, run)
    return longest


def _values(field: model.Field) -> str:
    if field.kind == "choice":
        return ", ".join(
            f"{_code(v)} ({label})" if (label := field.label_of(v)) else _code(v) for v in field.values
        )
    return {
        "date": "datum `JJJJ-MM-DD`",
        "number_or_text": "getal of tekst",
        "text": "tekst",
    }[field.kind]


def _statuses(item_type: model.ItemType) -> str:
    return ", ".join(_code(s) for s in item_type.statuses) if item_type.statuses else "vrije tekst"


def _count(rule: model.LinkRule) -> str:
    if rule.minimum and rule.maximum == rule.minimum:
        return f"ja, precies {rule.minimum}"
    if rule.minimum:
        return f"ja, minstens {rule.minimum}"
    return "nee" if rule.maximum is None else f"nee, hoogstens {rule.maximum}"


def _type_names(names: Iterable[str]) -> str:
    return ", ".join(f"{model.TYPES_BY_NAME[n].title.lower()} ({_code(n)})" for n in names)


def _incoming(type_name: str) -> list[tuple[model.LinkType, model.LinkRule]]:
    return [(link, rule) for link in model.LINK_TYPES for rule in link.rules if type_name in rule.targets]


class _MarkdownDirective(SphinxDirective):
    """Renders generated Markdown in place of the directive."""

    has_content = False

    @property
    def item_types(self) -> tuple[model.ItemType, ...]:
        """The types with this programme's own value lists (conf.py)."""
        return vocabulary.of_config(self.config).item_types

    def markdown(self) -> str:
        raise NotImplementedError

    def run(self) -> list[nodes.Node]:
        return self.parse_text_to_nodes(self.markdown(), allow_section_headings=True)


class TypesDirective(_MarkdownDirective):
    """``policy-trace-types``: an overview table, then per type its fields, links and example."""

    def markdown(self) -> str:
        parts = [
            _table(
                ["Type", "ID begint met", "Wat het is", "Status"],
                (
                    [_code(t.directive), _code(t.prefix), t.description, _statuses(t)]
                    for t in self.item_types
                ),
            )
        ]
        for item_type in self.item_types:
            parts.append(self._section(item_type))
        return "\n".join(parts)

    def _section(self, item_type: model.ItemType) -> str:
        name = item_type.directive
        parts = [
            f"### {item_type.title} ({_code(name)})\n",
            f"{item_type.description} Schrijf het als een blok {_code('{' + name + '}')} met een ID dat "
            f"begint met {_code(item_type.prefix)}, bijvoorbeeld {_code(item_type.prefix + 'VOORBEELD')}. "
            f'Nieuw item: `policy-trace new {name} {item_type.prefix}VOORBEELD "Titel"`.\n',
        ]
        field_rows = [["`status`", _statuses(item_type), "nee", "", "De stand van zaken."]]
        field_rows += [
            [
                _code(f.name),
                _values(f),
                "ja" if f.required else "nee",
                _code(f.default) if f.default else "",
                f.description,
            ]
            for f in item_type.fields
        ]
        field_rows.append(["`tags`", "trefwoorden, gescheiden door komma's", "nee", "", "Vrije trefwoorden."])
        parts.append(
            "**Velden**\n\n"
            + _table(["Veld", "Toegestane waarden", "Verplicht", "Standaard", "Uitleg"], field_rows)
        )
        outgoing = model.link_rules_from(name)
        if outgoing:
            parts.append(
                "**Koppelingen vanuit dit item**\n\n"
                + _table(
                    ["Koppeling", "Leest als", "Naar", "Verplicht"],
                    (
                        [_code(link.name), link.outgoing, _type_names(rule.targets), _count(rule)]
                        for link, rule in outgoing
                    ),
                )
            )
        else:
            parts.append("Dit type heeft geen koppelingen naar andere items.\n")
        incoming = _incoming(name)
        if incoming:
            parts.append(
                "**Wat naar dit item kan verwijzen**\n\n"
                + _table(
                    ["Vanuit", "Koppeling", "Op dit item te lezen als"],
                    (
                        [_type_names([rule.source]), _code(link.name), link.incoming]
                        for link, rule in incoming
                    ),
                )
            )
        for text in examples_of(name):
            parts.append("**Voorbeeld**\n\n" + _fence(in_programme_words(text, item_type, self.config)))
        return "\n".join(parts)


class FieldsDirective(_MarkdownDirective):
    """``policy-trace-fields``: every field of every type, with its allowed values."""

    def markdown(self) -> str:
        rows = [["`status`", _type_names([t.directive]), _statuses(t), "nee", ""] for t in self.item_types]
        rows += [
            [
                _code(f.name),
                _type_names([t.directive]),
                _values(f),
                "ja" if f.required else "nee",
                _code(f.default) if f.default else "",
            ]
            for t in self.item_types
            for f in t.fields
        ]
        rows.append(["`tags`", "elk type", "trefwoorden, gescheiden door komma's", "nee", ""])
        rows += [[_code(f.name), "elk type", f.description, "nee", ""] for f in model.ITEM_FIELDS]
        return _table(["Veld", "Bij type", "Toegestane waarden", "Verplicht", "Standaard"], rows)


class LinksDirective(_MarkdownDirective):
    """``policy-trace-links``: every link with its readable names, sources, targets and counts."""

    def markdown(self) -> str:
        rows = [
            [
                _code(link.name),
                link.outgoing,
                link.incoming,
                _type_names([rule.source]),
                _type_names(rule.targets),
                _count(rule),
            ]
            for link in model.LINK_TYPES
            for rule in link.rules
        ]
        return _table(
            ["Koppeling", "Leest als", "Terug gelezen als", "Vanuit", "Toegestane doelen", "Verplicht"], rows
        )


class RulesDirective(_MarkdownDirective):
    """``policy-trace-rules``: an overview of the codes, then each rule with a failing example and its fix."""

    def markdown(self) -> str:
        parts = [
            _table(
                ["Code", "Ernst", "Regel"],
                (
                    [
                        f"[{r.code}](#handboek-{r.code.lower()})",
                        SEVERITY_LABELS[r.severity],
                        _prose(r.summary),
                    ]
                    for r in rules.RULES
                ),
            )
        ]
        parts.append(
            "De voorbeelden hieronder gaan uit van dit kleine, verder foutloze programma; "
            "elk voorbeeld voegt er één of meer items aan toe.\n\n" + _fence(rules.EXAMPLE_CONTEXT)
        )
        for rule in rules.RULES:
            parts.append(f"(handboek-{rule.code.lower()})=\n### {rule.code}\n")
            parts.append(f"*{SEVERITY_LABELS[rule.severity].capitalize()}.* {_prose(rule.summary)}\n")
            if rule.coupled:
                parts.append(
                    f"In het gekoppelde programma (alias `{rules.EXAMPLE_COUPLED_ALIAS}`; zie *Programma's "
                    "koppelen: land en regio*) staat:\n\n" + _fence(rule.coupled)
                )
            parts.append(f"**Zo gaat het mis** (de controle meldt {rule.code})\n\n" + _fence(rule.example))
            parts.append(f"**Zo los je het op:** {_prose(rule.fix)}\n")
        return "\n".join(parts)


class MessagesDirective(_MarkdownDirective):
    """``policy-trace-messages``: the warnings that are no rule (findings.OTHER_WARNINGS), by code."""

    def markdown(self) -> str:
        # A bare type ("myst") stands for all its subtypes ("myst.xref_missing", ...).
        rows = (
            [f"`{code}`" if "." in code else f"`{code}.…`", _prose(text)]
            for code, text in OTHER_WARNINGS.items()
        )
        return _table(["Code", "Wat het betekent"], rows)


class SettingsDirective(_MarkdownDirective):
    """``policy-trace-settings``: every setting for conf.py (model.SETTINGS), none missing."""

    def markdown(self) -> str:
        return _table(
            ["Instelling", "Standaard", "Betekenis"],
            ([_code(s.name), _code(repr(s.default)), s.description] for s in model.SETTINGS),
        )


class DeprecatedDirective(_MarkdownDirective):
    """``policy-trace-deprecated``: the deprecated names still accepted (model.DEPRECATED), with their
    replacements and the version that drops them."""

    def markdown(self) -> str:
        if not model.DEPRECATED:
            return "In deze versie van policy-trace is geen naam afgeschaft.\n"
        kinds = {"setting": "instelling", "option": "optie", "directive": "blok"}
        written = {"setting": "{}", "option": ":{}:", "directive": "{{{}}}"}
        return _table(
            ["Afgeschaft", "Soort", "Schrijf nu", "Sinds", "Werkt niet meer vanaf"],
            (
                [
                    _code(written[old.kind].format(old.name)),
                    kinds[old.kind],
                    _code(written[old.kind].format(old.replacement)),
                    old.since,
                    old.removal,
                ]
                for old in model.DEPRECATED
            ),
        )


#: What each page directive shows, and each of its options, in the handbook's words.
#: tests/test_handbook.py fails when a directive policy-trace registers, or an
#: option in its option_spec, is missing here.
PAGE_DIRECTIVES: dict[str, tuple[str, dict[str, tuple[str, str]]]] = {
    "doelenboom": (
        "De doelenboom: van het hoofddoel via de doelen en inspanningen naar de projecten, als figuur "
        "en als lijst.",
        {},
    ),
    "tevreden": (
        "Het dashboard *wanneer zijn we tevreden*: per criterium de stand, de dekking en per doel de "
        "criteria per status.",
        {},
    ),
    "samenhangmatrix": (
        "Een matrix van hoe items van twee soorten met elkaar verbonden zijn.",
        {
            "rijen": ("De soort(en) item in de rijen, gescheiden door komma's.", "inspanning"),
            "kolommen": ("De soort(en) item in de kolommen, gescheiden door komma's.", "doel"),
        },
    ),
    "aannames": ("Alle aannames met hun status en wanneer ze het laatst getoetst zijn.", {}),
    "partijen": ("Per partij de items waarin zij een rol heeft.", {}),
    "planning": ("De mijlpalen van alle projecten op een tijdlijn en in een tabel.", {}),
    "downloads": ("De links naar `needs.json`, `ubproject.toml` en de CSV van alle items.", {}),
    "wijzigingen": (
        "Wat is er veranderd sinds de vorige publicatie (`policy_trace_previous`): nieuwe, verwijderde "
        "en veranderde items per soort, en de items die daardoor te herzien zijn.",
        {},
    ),
    "stand": (
        "De stand van zaken op de peildatum: per doel het oordeel over zijn criteria en die van zijn "
        "inspanningen, wat te besluiten is, wat aandacht vraagt, wat veranderde sinds de vorige versie en "
        "wat binnenkort komt; elk getal is een link naar zijn items.",
        {
            "kort": (
                "Zonder de lijsten van criteria per doel (voor de beginpagina); de getallen verwijzen dan "
                "naar de pagina met de hele stand.",
                "",
            )
        },
    ),
    "bijdragen": (
        "Per doel en criterium wat gekoppelde programma’s bijdragen (`policy_trace_koppelingen`): hun items "
        "die ernaar verwijzen, met status, en hun laatste meting van een gedeeld criterium naast elkaar; de "
        "doelen zonder bijdrage, en welk gekoppeld programma nergens naar verwijst of een oude kopie heeft.",
        {},
    ),
    "controle-overzicht": (
        "De uitkomst van alle controles: de meldingen per regel, de andere meldingen per code en de dekking.",
        {},
    ),
    "toegankelijkheidsverklaring": (
        "De toegankelijkheidsverklaring in de opbouw van digitoegankelijk.nl (status, wat is onderzocht, "
        "bekende beperkingen, contact, datum), uit `policy_trace_accessibility`, "
        "`policy_trace_contact_email` en de vastgelegde toetsing (`policy_trace_accessibility_results`).",
        {},
    ),
    "colofon": ("Wie de site uitgeeft, welke versie, contact en waarmee de site is gemaakt.", {}),
    "policy-trace-types": ("Voor het handboek: elke soort item met velden, koppelingen, voorbeeld.", {}),
    "policy-trace-fields": ("Voor het handboek: alle velden met hun toegestane waarden.", {}),
    "policy-trace-links": ("Voor het handboek: alle koppelingen met hun namen en doelen.", {}),
    "policy-trace-rules": ("Voor het handboek: alle regels, met een fout voorbeeld en de oplossing.", {}),
    "policy-trace-messages": ("Voor het handboek: de meldingen die geen regel zijn, met hun code.", {}),
    "policy-trace-settings": ("Voor het handboek: alle instellingen van `conf.py`.", {}),
    "policy-trace-directives": ("Voor het handboek: deze lijst van blokken voor pagina's.", {}),
    "policy-trace-deprecated": (
        "Voor het handboek: de afgeschafte namen die nog werken, met wat je nu schrijft.", {}
    ),
}


def page_directives() -> dict[str, type]:
    """Every directive policy-trace gives a page, by name (its item directives come from the model)."""
    found: dict[str, type] = {name: directive for name, (directive, _render) in VIEWS.items()}
    found["controle-overzicht"] = ControlOverviewDirective
    found.update(verklaring.DIRECTIVES)
    found.update(DIRECTIVES)
    return found


class DirectivesDirective(_MarkdownDirective):
    """``policy-trace-directives``: every page directive with its options, from their option_spec."""

    def markdown(self) -> str:
        parts = []
        for name, directive in page_directives().items():
            summary, options = PAGE_DIRECTIVES.get(name, ("", {}))
            parts.append(f"### `{{{name}}}`\n\n{summary}\n")
            spec = getattr(directive, "option_spec", None) or {}
            if spec:
                rows = ([_code(f":{o}:"), options.get(o, ("", ""))[0]] for o in spec)
                parts.append(_table(["Optie", "Betekenis"], rows))
                example = "\n".join(f":{o}: {options.get(o, ('', '…'))[1]}" for o in spec)
                parts.append(_fence(f"```{{{name}}}\n{example}\n```"))
            else:
                parts.append("Zonder opties:\n\n" + _fence(f"```{{{name}}}\n```"))
        return "\n".join(parts)


DIRECTIVES: dict[str, type[_MarkdownDirective]] = {
    "policy-trace-types": TypesDirective,
    "policy-trace-fields": FieldsDirective,
    "policy-trace-links": LinksDirective,
    "policy-trace-rules": RulesDirective,
    "policy-trace-messages": MessagesDirective,
    "policy-trace-settings": SettingsDirective,
    "policy-trace-directives": DirectivesDirective,
    "policy-trace-deprecated": DeprecatedDirective,
}


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the handbook directives."""
    for name, directive in DIRECTIVES.items():
        app.add_directive(name, directive)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
