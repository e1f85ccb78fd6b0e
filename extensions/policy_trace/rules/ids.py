"""IDs: every ID is its type's prefix followed by the slug pattern (PT105)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from .. import model
from ..items import Programme
from ..outcome import CheckContext
from .rule import Problem, rule

#: Letters that Unicode does not decompose into ASCII (NFKD), written the usual way.
_TRANSLITERATE = str.maketrans(
    {
        "Æ": "AE",
        "æ": "ae",
        "Ø": "O",
        "ø": "o",
        "Œ": "OE",
        "œ": "oe",
        "ß": "ss",
        "Ł": "L",
        "ł": "l",
        "Đ": "D",
        "đ": "d",
        "Þ": "TH",
        "þ": "th",
        "ı": "i",
    }
)


@rule(
    "PT105",
    "error",
    summary="Een ID past niet bij het voorvoegsel van zijn type of niet bij het ID-patroon.",
    fix=(
        "Geef het item een ID met het voorvoegsel van zijn type, gevolgd door hoofdletters, cijfers en "
        "streepjes."
    ),
    example="""\
```{uitgangspunt} Samen optrekken
:id: UP-samen
```
""",
)
def id_patterns(programme: Programme, context: CheckContext) -> Iterator[Problem]:
    """An ID does not match its type's prefix and the ID pattern."""
    for item in programme:
        item_type = item.item_type
        if item_type is None or item_type.id_pattern.fullmatch(item.id):
            continue
        other = model.item_type_for_id(item.id.upper())
        if other is not None and other is not item_type:
            problem = (
                f"het ID begint met '{other.prefix}', het voorvoegsel van een {other.directive}, "
                f"maar dit is een {item_type.directive}"
            )
        else:
            problem = (
                f"het ID past niet bij een {item_type.directive}: dat begint met '{item_type.prefix}', "
                "gevolgd door hoofdletters A-Z, cijfers en streepjes"
            )
        yield Problem(
            item,
            problem + ".",
            f"geef het bijvoorbeeld het ID {suggested_id(item.id, item_type)}, "
            "en pas de verwijzingen ernaar aan.",
        )


def suggested_id(item_id: str, item_type: model.ItemType) -> str:
    """A valid ID close to ``item_id``: the type's prefix and the rest in capitals, ASCII only."""
    rest = item_id
    upper = item_id.upper()
    for candidate in sorted(model.ITEM_TYPES, key=lambda t: -len(t.prefix)):
        # The prefix with any separator an author may type for its hyphen: IN_X, IN X, IN.X, IN–X.
        stem = re.escape(candidate.prefix.rstrip("-"))
        if match := re.match(rf"{stem}(?:-|[^A-Z0-9]+)", upper):
            rest = item_id[match.end() :]
            break
    ascii_rest = (
        unicodedata.normalize("NFKD", rest.translate(_TRANSLITERATE))
        .encode("ascii", "ignore")
        .decode("ascii")
    )
    slug = re.sub(r"[^A-Z0-9]+", "-", ascii_rest.upper()).strip("-")
    return item_type.prefix + (slug or "NAAM")
