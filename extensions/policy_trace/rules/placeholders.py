"""Text the scaffold wrote and the author has not replaced yet (PT407).

``policy-trace new`` and ``init`` write a placeholder body and, for a required
link not given, a placeholder ID (``SD-INVULLEN``): both valid input, so the
new item builds, but neither belongs on a published site.
"""

from __future__ import annotations

from collections.abc import Iterator

from .. import model
from ..items import Programme
from ..outcome import CheckContext
from .rule import Problem, rule


@rule(
    "PT407",
    "advice",
    summary="Een item bevat nog de voorbeeldtekst van policy-trace new of init (Beschrijf hier …) "
    "of een plaatshouder zoals SD-INVULLEN.",
    fix="Vervang de voorbeeldtekst door een beschrijving in eigen woorden en de plaatshouder door "
    "het ID van een bestaand item.",
    example="""\
```{uitgangspunt} Samen optrekken
:id: UP-SAMEN

Beschrijf hier in gewone tekst wat dit item is en waarom.
```
""",
)
def placeholder_text(programme: Programme, context: CheckContext) -> Iterator[Problem]:
    """The scaffold's body text, or a placeholder ID as the item's own ID or in a link or field."""
    for item in programme:
        if model.PLACEHOLDER_BODY in " ".join(item.body.split()):
            yield Problem(
                item,
                f"de tekst van het item is nog de voorbeeldtekst '{model.PLACEHOLDER_BODY}'",
                "vervang die zin door een beschrijving in eigen woorden: wat dit item is en waarom",
            )
        if model.PLACEHOLDER_ID.fullmatch(item.id):
            yield Problem(
                item,
                f"het ID {item.id} is een plaatshouder",
                "geef het item een eigen ID (en verwijs ernaar met dat ID)",
            )
        options = {**item.fields, **{name: ", ".join(ids) for name, ids in item.links.items()}}
        for option, values in sorted(options.items()):
            for placeholder in sorted(set(model.PLACEHOLDER_ID.findall(values))):
                yield Problem(
                    item,
                    f"':{option}:' bevat nog de plaatshouder {placeholder}",
                    f"vervang {placeholder} door het ID van het item waarnaar '{option}' moet verwijzen",
                )
