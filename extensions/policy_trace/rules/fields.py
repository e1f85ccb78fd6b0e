"""Field values: allowed values, real ISO dates, required fields (PT106)."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from .. import model
from ..dates import parse_iso
from ..items import Item, Programme
from ..outcome import CheckContext
from .review import review_problems
from .rule import Problem, rule
from .waivers import waiver_problems


@rule(
    "PT106",
    "error",
    summary=(
        "Een veld heeft een waarde buiten de toegestane waarden, of een datum die geen echte ISO-datum is."
    ),
    fix="Kies een van de toegestane waarden, of schrijf een bestaande datum als JJJJ-MM-DD.",
    example="""\
```{inspanning} Risicocommunicatie
:id: IN-COMMUNICATIE
:draagt_bij_aan: SD-BRAND
:spoor: communicatie
```

```{besluit} Aanpak vastgesteld
:id: BS-AANPAK
:betreft: IN-PREVENTIE
:genomen_door: PA-REGIO
:datum: 2024-02-30
```
""",
)
def field_values(programme: Programme, context: CheckContext) -> Iterator[Problem]:
    """A value outside the allowed values, a date that is not a real date, a required field unset,
    a waiver or review written wrongly."""
    for item in programme:
        if any(name in item.fields for name in ("uitzondering", "uitzondering_door", "uitzondering_reden")):
            yield from waiver_problems(programme, item, context.rule_codes)
        if "herzien" in item.fields:
            yield from review_problems(item)
        item_type = item.item_type
        if item_type is None:
            continue
        if item_type.statuses and item.status and item.status not in item_type.statuses:
            yield _not_allowed(item, "status", item.status, item_type.statuses)
        for name in item.fields:
            if name in model.ITEM_FIELD_NAMES:
                continue  # every type has these (waivers, reviews), checked above
            if item_type.field(name) is None:  # in the model, but this programme switched it off
                setting = f"policy_trace_{name}_values"
                yield Problem(
                    item,
                    f"'{name}' wordt in dit programma niet gebruikt ({setting} in conf.py is leeg).",
                    f"haal ':{name}:' weg, of geef in conf.py bij {setting} "
                    f"de waarden die '{name}' mag hebben",
                )
        for spec in item_type.fields:
            value = item.fields.get(spec.name, "")
            if not value:
                if spec.required:
                    yield Problem(
                        item,
                        f"het verplichte veld '{spec.name}' ontbreekt.",
                        f"voeg ':{spec.name}: …' toe: {spec.description[:1].lower()}{spec.description[1:]}",
                    )
            elif spec.kind == "choice" and value not in spec.values:
                setting = spec.values_setting if spec.programme_values else ""
                yield _not_allowed(item, spec.name, value, spec.values, setting)
            elif spec.kind == "date" and parse_iso(value) is None:
                yield Problem(
                    item,
                    f"'{spec.name}' is '{value}', maar dat is geen bestaande datum in de vorm JJJJ-MM-DD.",
                    f"schrijf bij '{spec.name}' een bestaande datum als JJJJ-MM-DD, "
                    f"bijvoorbeeld {context.example_date.isoformat()}.",
                )


def _not_allowed(item: Item, name: str, value: str, allowed: tuple[str, ...], setting: str = "") -> Problem:
    same = [v for v in allowed if v.lower() == value.lower().replace(" ", "_")]
    guess = same or difflib.get_close_matches(value.lower(), allowed, n=1, cutoff=0.6)
    choose = ", ".join(allowed)
    fix = (
        f"schrijf '{guess[0]}' (toegestaan zijn: {choose})"
        if guess
        else f"kies bij '{name}' een van: {choose}"
    )
    if setting:  # a field whose values a programme may choose itself
        fix += (
            f"; of, als dit programma '{value}' wil gebruiken: een programma mag eigen waarden toestaan, "
            f"voeg '{value}' dan toe aan {setting} in conf.py"
        )
    return Problem(
        item,
        f"'{name}' is '{value}', maar een {item.type} kent bij '{name}' alleen: {choose}.",
        fix,
    )
