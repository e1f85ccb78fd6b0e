"""Items to review (*te herzien*): an item links to an item that changed since the last publication
(PT405), until the author records the review with ``:herzien: ID@vingerafdruk``."""

from __future__ import annotations

from collections.abc import Iterator

from ..changes import REMOVED, reviews, suspects
from ..items import Item, Programme
from ..koppelingen import coupled_suspects
from ..outcome import CheckContext
from .common import link_allowed
from .rule import Problem, rule

#: Names of a snapshot as an adviser reads them.
NAME_LABELS: dict[str, str] = {"title": "titel", "content": "tekst"}


@rule(
    "PT405",
    "advice",
    summary="Een item verwijst naar een item dat sinds de vorige publicatie is veranderd of verwijderd: "
    "het is te herzien.",
    fix="Lees het item na en leg met de optie herzien vast dat het nog klopt, met de vingerafdruk die "
    "het advies noemt.",
    example="""\
```{doel} Minder slachtoffers bij branden
:id: SD-SLACHTOFFERS
:draagt_bij_aan: HD-VEILIG
:status: vastgesteld

Niemand komt meer om bij een woningbrand.
```

```{criterium} Doden bij woningbranden
:id: CR-DODEN
:meet: SD-SLACHTOFFERS
:indicator: Doden bij woningbranden per jaar
:streefwaarde: 0
:deadline: 2025-12-31
:bron: Jaarverslag brandweer
```
""",
    previous="""\
```{doel} Minder slachtoffers bij branden
:id: SD-SLACHTOFFERS
:draagt_bij_aan: HD-VEILIG
:status: vastgesteld

De helft minder doden bij woningbranden.
```

```{criterium} Doden bij woningbranden
:id: CR-DODEN
:meet: SD-SLACHTOFFERS
:indicator: Doden bij woningbranden per jaar
:streefwaarde: 0
:deadline: 2025-12-31
:bron: Jaarverslag brandweer
```
""",
)
def changed_links(programme: Programme, context: CheckContext) -> Iterator[Problem]:
    """An item links to an item whose content changed, or that was removed, and has not reviewed it."""
    yield from _changed_coupled_links(programme, context)
    changes = context.changes
    if changes is None:
        return
    since = f" ({changes.previous.version})" if changes.previous.version else ""
    for item_id, own in suspects(programme, changes).items():
        item = programme.items[item_id]
        for suspect in own:
            links = ", ".join(f"'{name}'" for name in suspect.links)
            if suspect.fingerprint == REMOVED:
                what = (
                    f"{suspect.cause}, waarnaar {links} verwijst, is verwijderd sinds de vorige "
                    f"publicatie{since}."
                )
                fix = (
                    f"verwijs naar een ander item, of leg vast dat je het hebt nagelezen met "
                    f"':herzien: {suspect.cause}@{REMOVED}'"
                )
            elif (earlier := reviews(item.fields.get("herzien", ""))[0].get(suspect.cause)) is not None:
                # A review is recorded, but of another version of the linked item: not the same as none.
                what = (
                    f"':herzien: {suspect.cause}@{earlier}' noemt een andere vingerafdruk dan "
                    f"{suspect.cause} "
                    f"nu heeft ({suspect.fingerprint}): de herziening hoort bij een andere versie van "
                    f"{suspect.cause}, of de vingerafdruk is verkeerd overgenomen."
                )
                fix = (
                    f"lees dit item opnieuw na tegen {suspect.cause} en vervang de vingerafdruk: "
                    f"':herzien: {suspect.cause}@{suspect.fingerprint}'"
                )
            else:
                change = changes.change_of(suspect.cause)
                names = ", ".join(NAME_LABELS.get(n, n) for n in (change.substantive if change else ()))
                what = (
                    f"{suspect.cause}, waarnaar {links} verwijst, is veranderd sinds de vorige "
                    f"publicatie{since}: {names}."
                )
                fix = (
                    f"lees dit item na tegen de nieuwe {suspect.cause} en leg vast dat het nog klopt met "
                    f"':herzien: {suspect.cause}@{suspect.fingerprint}'"
                )
            yield Problem(item, f"te herzien: {what}", fix)


def _changed_coupled_links(programme: Programme, context: CheckContext) -> Iterator[Problem]:
    """Links to coupled items that changed since the copy this programme reviewed them against.

    What was reviewed against is kept with the copy (``koppeling.json``, written by ``policy-trace
    koppel``), so this works in a fresh clone, without an earlier build or ``policy_trace_previous``.
    """
    for item in programme:
        # Only links the item's type may have: a wrong option is PT102's, once.
        allowed = {name: targets for name, targets in item.links.items() if link_allowed(item, name)}
        for suspect in coupled_suspects(allowed, item.fields.get("herzien", ""), context.koppelingen):
            names = ", ".join(NAME_LABELS.get(n, n) for n in suspect.changed)
            publication = suspect.copy.publication
            version = f" versie {publication.version} van" if publication.version else ""
            links = ", ".join(f"'{name}'" for name in suspect.links)
            yield Problem(
                item,
                f"te herzien: {suspect.value}, waarnaar {links} verwijst, is in{version} {publication.name} "
                f"veranderd sinds de versie waartegen dit item is nagelezen: {names}.",
                f"lees dit item na tegen de nieuwe {suspect.value} en leg vast dat het nog klopt met "
                f"':herzien: {suspect.value}@{suspect.fingerprint}'",
            )


def review_problems(item: Item) -> Iterator[Problem]:
    """For PT106: a ``herzien`` entry that is not ``ID@vingerafdruk``."""
    _reviewed, wrong = reviews(item.fields.get("herzien", ""))
    for entry in wrong:
        yield Problem(
            item,
            f"'herzien' bevat '{entry}', maar een herziening schrijf je als ID@vingerafdruk.",
            "neem over wat advies PT405 noemt, bijvoorbeeld ':herzien: SD-BRAND@1a2b3c4d'",
        )
