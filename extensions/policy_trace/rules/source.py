"""What was typed: options given twice and IDs given twice (PT107), the generic ``:links:`` (PT108),
text meant as an item or option that is not read as one, or a file that is no UTF-8 (PT109), HTML or
a link that would run in a visitor's browser (PT112), an item on no page (PT113), and a character that
turns the reading direction (PT114).

These rules read the scans of the source files that the programme carries
(``Programme.sources``, made while reading by ``checks.source``), not the
items: what they find is exactly what never became (a part of) an item.
"""

from __future__ import annotations

from collections.abc import Iterator
from types import MappingProxyType

from .. import model, urls
from ..items import Item, Programme
from ..outcome import CheckContext
from ..sourcescan import BIDI_CONTROLS, LostItem, Refused, Scan, ScannedItem
from .rule import Problem, rule


def _at(item_id: str, type_name: str, file: str, line: int, docname: str, title: str = "") -> Item:
    """The place a finding is about, as an item: a fence may stand where no item was made."""
    return Item(item_id, type_name, title, file, line, "", (), MappingProxyType({}), MappingProxyType({}),
                docname)


def _scanned(programme: Programme) -> Iterator[tuple[str, Scan]]:
    for docname, document in programme.sources:
        for part in document.scans:
            yield docname, part


def _link_options(type_name: str) -> str:
    names = [f"':{link.name}:'" for link in model.links_from(type_name)]
    if not names:
        return f"een {type_name} heeft geen koppelingen; haal ':links:' weg"
    return "gebruik " + (names[0] if len(names) == 1 else ", ".join(names[:-1]) + " of " + names[-1])


@rule(
    "PT107",
    "error",
    summary="Een optie staat twee keer in één item, of twee items hebben hetzelfde ID.",
    fix=(
        "Zet elke optie één keer neer (meerdere waarden achter elkaar, met een komma ertussen) en geef elk "
        "item een eigen ID."
    ),
    example="""\
```{uitgangspunt} Dicht bij de inwoner
:id: UP-DICHTBIJ
:tags: inwoner
:tags: wijk
```
""",
)
def given_twice(programme: Programme, context: CheckContext) -> Iterator[Problem]:
    """An option repeated within one item (the last value silently wins), or an ID on two fences."""
    first: dict[str, ScannedItem] = {}
    for docname, part in _scanned(programme):
        for item in part.items:
            here = _at(item.id, item.type, item.file, item.line, docname)
            lines: dict[str, list[int]] = {}
            for name, line in item.options:
                lines.setdefault(name, []).append(line)
            for name, at in lines.items():
                if len(at) > 1:
                    yield Problem(
                        here,
                        f"de optie ':{name}:' staat {len(at)} keer in dit item (regels "
                        f"{', '.join(map(str, at))}); alleen de laatste telt, de andere worden stil "
                        "genegeerd.",
                        f"zet ':{name}:' één keer neer; geef meerdere ID's of waarden daar, met een komma "
                        "ertussen",
                    )
            if item.id and (earlier := first.setdefault(item.id, item)) is not item:
                yield Problem(
                    here,
                    f"het ID {item.id} is al gegeven aan het item op {earlier.file}:{earlier.line}; dit "
                    "tweede item wordt niet gelezen.",
                    "geef één van beide items een eigen ID (en pas de koppelingen ernaar aan), of haal het "
                    "dubbele weg",
                )


@rule(
    "PT108",
    "error",
    summary="Een item gebruikt de algemene optie ':links:' van sphinx-needs, die voor geen regel telt.",
    fix="Vervang ':links:' door de koppeling van het model die je bedoelt, zoals ':draagt_bij_aan:'.",
    example="""\
```{effect} Snellere hulp
:id: EF-SNELLER
:draagt_bij_aan: SD-BRAND
:links: IN-PREVENTIE
```
""",
)
def generic_links(programme: Programme, context: CheckContext) -> Iterator[Problem]:
    """sphinx-needs' own ``:links:``: accepted by it, read by none of our rules."""
    for docname, part in _scanned(programme):
        for item in part.items:
            if any(name == "links" for name, _ in item.options):
                yield Problem(
                    _at(item.id, item.type, item.file, item.line, docname),
                    "de algemene optie ':links:' van sphinx-needs telt voor geen enkele regel van het "
                    "model: welke soort koppeling het is, staat er niet bij.",
                    f"vervang ':links:' door de koppeling die je bedoelt: {_link_options(item.type)}",
                )


_LOST_WHY = {
    "backtick": (
        "er staat een backtick (`) in de regel van de fence, en dan is ``` geen fence meer: het item en "
        "wat volgt tot de volgende fence worden gewone tekst of code",
        "zet de titel zonder backtick (schrijf bijvoorbeeld ’ of zet de tekst in de beschrijving), of "
        "open het item met ~~~ of ::: in plaats van ```",
    ),
    "colon_fence": (
        "':::' opent alleen een item als MyST's 'colon_fence' aan staat, en dat staat in deze build "
        "uit: het item wordt gewone tekst",
        'zet myst_enable_extensions = ["colon_fence"] in conf.py, of open het item met ``` in plaats '
        "van :::",
    ),
    "in_code": (
        "dit item staat in een codeblok dat op regel {opened_at} werd geopend (een fence zonder taal, "
        "vaak de sluitende ``` van een item dat zelf niet gelezen werd): het wordt als code getoond, niet "
        "gelezen",
        "sluit het codeblok voor dit item, of herstel het item erboven (zie de melding daar)",
    ),
    "fence": (
        "dit lijkt een item, maar een fence heeft minstens drie tekens (```, ~~~ of :::) direct voor "
        "de {{{type}}}: het wordt gewone tekst",
        "begin de regel met ```{{{type}}} en sluit het item af met ```",
    ),
    "nested": (
        "op regel {opened_at} opent een {{{detail}}} met dezelfde fence als het blok eromheen; zo'n regel "
        "opent niets, de eerste sluitende fence daarna sluit het item al, en de sluitende fence van het "
        "item opent een codeblok dat de tekst en de items erna opslokt",
        "open het item met een langere fence dan het blok erin, bijvoorbeeld ````{{{type}}} … ```` rond "
        "een ```{{{detail}}}, of open het blok erin met ~~~ of :::",
    ),
    "late_option": (
        "':{detail}:' op regel {opened_at} staat na de lege regel die de opties afsluit, dus is het "
        "gewone tekst en geen optie: de waarde telt nergens mee en een koppeling wordt niet gecontroleerd",
        "haal de lege regel boven ':{detail}:' weg: alle opties staan direct onder de eerste regel van "
        "het item, zonder lege regel ertussen",
    ),
}

#: Reasons of an item that is read, but shown on no page (PT113, not PT109).
_OFF_PAGE = ("only", "hide")


@rule(
    "PT109",
    "error",
    summary=(
        "Tekst die als item of optie bedoeld is, wordt niet zo gelezen (of een item eindigt te vroeg), of "
        "een bestand is geen UTF-8."
    ),
    fix=(
        "Herstel de fence of de optie volgens de melding (geen backtick in de titel, ::: alleen met "
        "colon_fence, minstens drie tekens, geen lege regel tussen de opties), of sla het bestand op als "
        "UTF-8."
    ),
    example="""\
```{uitgangspunt} Zo`n uitgangspunt
:id: UP-ZON
```
""",
)
def not_read_as_items(programme: Programme, context: CheckContext) -> Iterator[Problem]:
    """A fence of our types that CommonMark/MyST read as text or code; a file with bytes no UTF-8."""
    for docname, part in _scanned(programme):
        for lost in part.lost:
            if lost.reason not in _OFF_PAGE:
                yield _lost(lost, docname)
        if part.unreadable_lines:
            yield _unreadable(part, docname)


def _lost(lost: LostItem, docname: str) -> Problem:
    why, fix = _LOST_WHY[lost.reason]
    return Problem(
        _at(lost.id or "(zonder ID)", lost.type, lost.file, lost.line, docname),
        _lost_what(lost) + why.format(opened_at=lost.opened_at, type=lost.type, detail=lost.detail),
        fix.format(type=lost.type, detail=lost.detail),
    )


def _lost_what(lost: LostItem) -> str:
    if lost.reason == "nested":
        what = "dit item" if lost.type in model.TYPES_BY_NAME else f"dit {{{lost.type}}}-blok"
        return f"{what} eindigt eerder dan bedoeld: "
    if lost.reason == "late_option":
        return "een optie van dit item wordt niet gelezen: "
    return f"dit is als {lost.type} bedoeld, maar wordt niet als item gelezen: "


def _unreadable(part: Scan, docname: str) -> Problem:
    lines = part.unreadable_lines
    more = f" (en op {len(lines) - 1} andere regels)" if len(lines) > 1 else ""
    return Problem(
        _at("(bestand)", "", part.file, lines[0], docname),
        "dit bestand is geen UTF-8 (vaak Latin-1 of Windows-1252 uit een ander programma): tekens op "
        f"deze regel{more} zijn onleesbaar geworden (�)",
        "sla het bestand op als UTF-8 (in de meeste editors: 'Opslaan als' met codering UTF-8) en "
        "bouw opnieuw",
    )


@rule(
    "PT112",
    "error",
    summary=(
        "De tekst bevat HTML of een link die in de browser van een bezoeker zou draaien; die wordt niet "
        "gepubliceerd."
    ),
    fix=(
        "Schrijf het als Markdown zonder HTML (vet, een lijst, een link naar https); alleen links met "
        "http, https of mailto (of binnen de site) worden gepubliceerd."
    ),
    example="""\
```{uitgangspunt} Dicht bij de inwoner
:id: UP-HTML

Een <b onclick="alert(1)">vet</b> woord.
```
""",
)
def runs_in_the_browser(programme: Programme, context: CheckContext) -> Iterator[Problem]:
    """Raw HTML (unless ``policy_trace_raw_html``) and links of another scheme than http(s)/mailto."""
    fences = {
        (docname, item.id): item for docname, part in _scanned(programme) for item in part.items if item.id
    }
    for docname, part in _scanned(programme):
        for refused in part.refused:
            yield _refusal(refused, docname, fences.get((docname, refused.id)))


def _refusal(refused: Refused, docname: str, fence: ScannedItem | None) -> Problem:
    # At the item's fence, as every finding about an item; the message names the line itself.
    if fence is not None:
        here = _at(fence.id, fence.type, fence.file, fence.line, docname)
        where = f"op regel {refused.line} " if refused.line else ""
    else:
        here, where = _at("(tekst)", "", refused.file, refused.line, docname), ""
    if refused.kind == "link":
        return Problem(
            here,
            f"{where}de link '{refused.text}' heeft het schema '{urls.scheme(refused.text)}:', dat code in "
            "de browser van de bezoeker kan laten draaien; alleen http, https en mailto (en links binnen de "
            "site) worden gepubliceerd, deze link staat als gewone tekst op de pagina",
            "link naar een pagina met https://…, of haal de link weg",
        )
    return Problem(
        here,
        f"{where or 'hier '}staat HTML in de tekst ({refused.text}); die zou op de site in de browser van "
        "elke bezoeker draaien of de pagina veranderen (en de pdf laat haar weg), dus wordt ze niet "
        "gepubliceerd",
        "schrijf het als Markdown (**vet**, een lijst, [tekst](https://…)); een programma dat HTML bewust "
        "toestaat, zet policy_trace_raw_html = True in conf.py (lees eerst wat dat riskeert in het handboek)",
    )


@rule(
    "PT113",
    "error",
    summary="Een item staat in needs.json en telt mee in de controles, maar staat op geen pagina.",
    fix="Haal het item uit het {only}-blok of haal ':hide:' weg, zodat het op zijn pagina staat.",
    example="""\
````{only} latex
```{uitgangspunt} Alleen op papier
:id: UP-PAPIER
```
````
""",
)
def on_no_page(programme: Programme, context: CheckContext) -> Iterator[Problem]:
    """An item inside ``{only}`` or with sphinx-needs' ``:hide:``: in needs.json and checks, on no page."""
    for docname, part in _scanned(programme):
        for lost in part.lost:
            if lost.reason in _OFF_PAGE:
                yield _off_page(lost, docname)


def _off_page(lost: LostItem, docname: str) -> Problem:
    here = _at(lost.id or "(zonder ID)", lost.type, lost.file, lost.line, docname)
    if lost.reason == "only":
        return Problem(
            here,
            f"dit item staat in het {{only}}-blok van regel {lost.opened_at}: het staat in needs.json, telt "
            "mee in de controles en overzichten en andere items linken ernaar, maar de site toont het op "
            "geen pagina",
            "haal het item uit het {only}-blok; wat alleen op papier hoort, is geen item",
        )
    return Problem(
        here,
        f"':hide:' op regel {lost.opened_at} verbergt dit item: het staat in needs.json, telt mee in de "
        "controles en andere items linken ernaar, maar de site toont het op geen pagina",
        "haal ':hide:' weg",
    )


@rule(
    "PT114",
    "error",
    summary=(
        "Een regel bevat een onzichtbaar teken dat de leesrichting omdraait, zodat tekst (ook die van de "
        "site zelf) achterstevoren komt te staan."
    ),
    fix="Haal het teken weg; voor tekst in een andere schrijfrichting is het niet nodig.",
    example="""\
```{uitgangspunt} Dicht bij de inwoner\u202e
:id: UP-OMGEKEERD
```
""",
)
def turns_the_reading_direction(programme: Programme, context: CheckContext) -> Iterator[Problem]:
    """Unicode bidi controls (U+202A-U+202E, U+2066-U+2069) anywhere in the source: refused, not isolated."""
    for docname, part in _scanned(programme):
        for line, character in part.bidi_lines:
            # At the item it stands in, as every finding about an item (the innermost, if nested).
            item = next((i for i in reversed(part.items) if i.line <= line <= i.end), None)
            here = _at(item.id, item.type, item.file, item.line, docname) if item else None
            yield Problem(
                here or _at("(tekst)", "", part.file, line, docname),
                f"op regel {line} staat het onzichtbare teken U+{ord(character):04X} "
                f"({BIDI_CONTROLS[character]}), dat de leesrichting omdraait: op de site en in de pdf staat "
                "de tekst erna achterstevoren, ook de tekst van de site zelf, en een titel leest anders dan "
                "er staat",
                "haal het teken weg (in de meeste editors zichtbaar te maken met 'onzichtbare tekens "
                "tonen'); Arabische of Hebreeuwse tekst heeft het niet nodig",
            )
