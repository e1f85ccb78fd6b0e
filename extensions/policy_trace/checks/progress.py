"""Progress that contradicts itself: done projects, achieved items, criteria (PT301-PT303)."""

from __future__ import annotations

from collections.abc import Iterator

from .. import series
from ..findings import Finding, finding
from ..items import Programme
from .common import CheckContext, measuring_criteria, milestones

_OPEN_MILESTONE = ("gepland", "vertraagd")


def done_with_open_milestones(programme: Programme, context: CheckContext) -> Iterator[Finding]:
    """PT301: a project is afgerond while one of its milestones is gepland or vertraagd."""
    for project in programme.of_type("project"):
        if project.status != "afgerond":
            continue
        open_ones = [m for m in milestones(programme, project) if m.status in _OPEN_MILESTONE]
        if open_ones:
            listed = ", ".join(f"{m.id} ({m.status})" for m in open_ones)
            yield finding(
                "PT301",
                project,
                f"het project is afgerond, maar deze mijlpalen staan nog open: {listed}.",
                "zet die mijlpalen op behaald of vervallen, of zet het project terug op 'in_uitvoering'.",
            )


def achieved_without_criteria(programme: Programme, context: CheckContext) -> Iterator[Finding]:
    """PT302: an item is behaald while a criterion that measures it is not."""
    for item in programme:
        if item.status != "behaald":
            continue
        unmet = [c for c in measuring_criteria(programme, item) if c.status != "behaald"]
        if unmet:
            listed = ", ".join(f"{c.id} ({c.status or 'geen status'})" for c in unmet)
            yield finding(
                "PT302",
                item,
                f"dit {item.type} staat op behaald, maar niet al zijn criteria zijn behaald: {listed}.",
                "zet het item pas op behaald als al zijn criteria behaald zijn, of werk de status van die "
                "criteria bij.",
            )


def verdict_without_measurement(programme: Programme, context: CheckContext) -> Iterator[Finding]:
    """PT303: a criterion is behaald or niet_behaald without a measurement (a meting item or its field)."""
    for criterion in programme.of_type("criterium"):
        if criterion.status in ("behaald", "niet_behaald") and not series.series(programme, criterion):
            yield finding(
                "PT303",
                criterion,
                f"het criterium staat op '{criterion.status}', maar er is geen meting die dat laat zien.",
                f"voeg een meting toe (een item 'meting' met ':meet_voor: {criterion.id}'), of vul "
                "':meting:' en ':meetdatum:' in, of zet de status terug.",
            )
