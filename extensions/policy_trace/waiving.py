"""Waivers applied to the findings of a check run: waived (``uitgezonderd``), expired (PT501) or unused
(PT502). What a waiver is and how it is written wrongly (PT106): ``rules/waivers.py``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from .dates import parse_iso
from .findings import finding
from .items import Item, Programme
from .outcome import Finding, Waiver
from .rules import RULES_BY_CODE
from .rules.waivers import ENTRY, EXPIRED, UNUSED, entries, waiver_problems


def item_waivers(programme: Programme, item: Item) -> dict[str, Waiver]:
    """The usable waivers of an item by code; none if any part of them is written wrongly."""
    if next(waiver_problems(programme, item, RULES_BY_CODE), None) is not None:
        return {}
    owner = item.fields.get("uitzondering_door", "")
    reason = item.fields.get("uitzondering_reden", "")
    result: dict[str, Waiver] = {}
    for entry in entries(item):
        match = ENTRY.fullmatch(entry)
        if match is None:
            continue
        code, until = match["code"], match["until"]
        # The same code twice: the later end date counts.
        if code not in result or result[code].until < until:
            result[code] = Waiver(code, until, owner, reason)
    return result


def apply_waivers(programme: Programme, findings: Iterable[Finding], reference_date: date) -> list[Finding]:
    """The findings with waivers applied: waived (``uitgezonderd``), expired (PT501) or unused (PT502).

    ``findings`` carry their configured severities; the PT501 and PT502
    findings made here carry their rules' defaults (the caller applies the
    settings to them).
    """
    findings = list(findings)
    waivers = {
        item.id: own for item in programme if "uitzondering" in item.fields
        if (own := item_waivers(programme, item))
    }
    used: set[tuple[str, str]] = set()
    result = []
    for found in findings:
        waiver = waivers.get(found.id, {}).get(found.code)
        if waiver is None:
            result.append(found)
            continue
        used.add((found.id, found.code))
        until = parse_iso(waiver.until)
        if until is not None and reference_date <= until:
            result.append(replace(found, severity="uitgezonderd", waiver=waiver))
        else:
            result.append(_expired(programme.items[found.id], found, waiver, reference_date))
    for item_id, own in sorted(waivers.items()):
        for code, waiver in sorted(own.items()):
            if (item_id, code) not in used:
                result.append(_unused(programme.items[item_id], waiver))
    return sorted(result, key=Finding.sort_key)


def _expired(item: Item, found: Finding, waiver: Waiver, reference_date: date) -> Finding:
    fix = found.fix.rstrip(".")
    return finding(
        EXPIRED.code,
        item,
        f"de uitzondering op {found.code} (door {waiver.owner}) is verlopen op {waiver.until}, voor de "
        f"peildatum {reference_date.isoformat()}; de bevinding geldt weer: {found.message}",
        f"{fix[:1].lower()}{fix[1:]}; of verleng de uitzondering met een nieuwe einddatum en reden",
    )


def _unused(item: Item, waiver: Waiver) -> Finding:
    return finding(
        UNUSED.code,
        item,
        f"er staat een uitzondering op {waiver.code} tot {waiver.until}, maar {waiver.code} vindt bij "
        "dit item niets meer.",
        f"haal '{waiver.code} tot {waiver.until}' weg uit ':uitzondering:' (en 'uitzondering_door' en "
        "'uitzondering_reden' als er geen uitzondering overblijft)",
    )
