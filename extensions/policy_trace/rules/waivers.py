"""Waivers: a finding accepted for now, with an owner, an end date and a reason (PT501, PT502).

An author writes on the item ``:uitzondering: PT203 tot 2015-06-01`` (one or
more, comma-separated), ``:uitzondering_door: PA-…`` and
``:uitzondering_reden: …``. A finding of that code on that item is then
reported as ``uitgezonderd`` and does not fail the build, up to and including
the end date; after it, against the reference date, the finding returns as
error PT501. A waiver for a finding that no longer occurs is advice PT502. A
waiver written wrongly (its form, date, code, owner or reason) is a PT106
field error and waives nothing.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator

from ..dates import parse_iso
from ..items import Item, Programme
from .rule import Problem, Rule

ENTRY = re.compile(r"(?P<code>\S+)\s+tot\s+(?P<until>\S+)")
_EXAMPLE = "PT203 tot 2015-06-01"

#: Found over the findings of the other rules (``waiving.py``), not over the programme alone.
EXPIRED = Rule(
    "PT501",
    "error",
    "Een uitzondering op een regel is verlopen: haar einddatum ligt voor de peildatum.",
    "Los de bevinding op, of verleng de uitzondering met een nieuwe einddatum en reden.",
    """\
```{criterium} Sneller uitrukken
:id: CR-UITRUKTIJD
:meet: SD-BRAND
:indicator: Uitruktijd brandweer in minuten
:uitzondering: PT203 tot 2024-06-01
:uitzondering_door: PA-REGIO
:uitzondering_reden: De bron wordt in 2024 gekozen.
```
""",
    None,
)
UNUSED = Rule(
    "PT502",
    "advice",
    "Een uitzondering geldt voor een bevinding die er niet meer is.",
    "Haal de uitzondering weg, met haar eigenaar en reden als er geen andere overblijft.",
    """\
```{criterium} Snelle aanrijding
:id: CR-AANRIJTIJD
:meet: SD-BRAND
:indicator: Opkomsttijd brandweer in minuten
:streefwaarde: 8
:deadline: 2025-06-01
:bron: Meldkamer
:uitzondering: PT203 tot 2025-06-01
:uitzondering_door: PA-REGIO
:uitzondering_reden: De bron wordt in 2024 gekozen.
```
""",
    None,
)


#: The codes a waiver can never apply to: the waiver rules themselves.
NOT_WAIVABLE: tuple[str, ...] = (EXPIRED.code, UNUSED.code)


def entries(item: Item) -> list[str]:
    """The comma-separated parts of the item's ``uitzondering``."""
    return [part.strip() for part in item.fields.get("uitzondering", "").split(",") if part.strip()]


def waiver_problems(programme: Programme, item: Item, rule_codes: Collection[str]) -> Iterator[Problem]:
    """For PT106: a waiver that cannot be used, with what to write instead (``rule_codes``: every rule's)."""
    written = entries(item)
    owner = item.fields.get("uitzondering_door", "")
    reason = item.fields.get("uitzondering_reden", "")
    if not written:
        for name, value in (("uitzondering_door", owner), ("uitzondering_reden", reason)):
            if value:
                yield Problem(
                    item,
                    f"'{name}' is ingevuld, maar er staat geen ':uitzondering:' bij.",
                    f"voeg ':uitzondering: CODE tot JJJJ-MM-DD' toe, of haal ':{name}:' weg",
                )
        return
    for entry in written:
        match = ENTRY.fullmatch(entry)
        if match is None:
            yield Problem(
                item,
                f"'uitzondering' bevat '{entry}', maar een uitzondering schrijf je als CODE tot JJJJ-MM-DD.",
                f"schrijf bijvoorbeeld ':uitzondering: {_EXAMPLE}'",
            )
            continue
        code, until = match["code"], match["until"]
        if code not in rule_codes:
            yield Problem(
                item,
                f"'uitzondering' noemt de regel '{code}', maar die regel bestaat niet.",
                "noem de code van de regel zoals de bevinding hem noemt, bijvoorbeeld PT203",
            )
        elif code in NOT_WAIVABLE:
            yield Problem(
                item,
                f"'uitzondering' noemt {code}, maar op de regels voor uitzonderingen zelf "
                "kan geen uitzondering.",
                f"haal {code} weg uit ':uitzondering:' en los de bevinding op",
            )
        if parse_iso(until) is None:
            yield Problem(
                item,
                f"'uitzondering' geeft als einddatum '{until}', maar dat is geen bestaande datum "
                "in de vorm JJJJ-MM-DD.",
                f"schrijf de einddatum als JJJJ-MM-DD, bijvoorbeeld '{_EXAMPLE}'",
            )
    if not owner:
        yield Problem(
            item,
            "er staat een uitzondering, maar 'uitzondering_door' ontbreekt: niemand draagt haar.",
            "voeg ':uitzondering_door: PA-…' toe met de partij die de uitzondering draagt",
        )
    elif (party := programme.get(owner)) is None or party.type != "partij":
        yield Problem(
            item,
            f"'uitzondering_door' is '{owner}', maar er is geen partij met dat ID.",
            "noem bij ':uitzondering_door:' het ID van een partij (PA-…)",
        )
    if not reason:
        yield Problem(
            item,
            "er staat een uitzondering, maar 'uitzondering_reden' ontbreekt.",
            "voeg ':uitzondering_reden:' toe: waarom de bevinding voorlopig wordt aanvaard",
        )
