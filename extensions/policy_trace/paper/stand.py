"""Pages 1 and 2 of the board paper: the stand van zaken and what is to be decided, from ``compute_stand``.

Pure: a :class:`~policy_trace.stand.Stand` in, HTML out. The figures and
lists are the stand's own, and a criterion is described in the site's words
(``views.stand.judged_words``; the site's ``{stand}`` renders the same result);
here they are written for paper: every item a link to its section in the
PDF (``#ID``), no file names, no authoring help. Where nothing is known, the
paper says so in words.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from html import escape

from .. import model
from ..dates import dutch_date
from ..items import Item, Programme
from ..stand import Decision, Stand, Tally
from ..views.context import type_title
from ..views.stand import judged_words, plural
from ..views.words import counted_words, date_in_words, in_words, join_words


def _a(item: Item, text: str | None = None) -> str:
    label = text if text is not None else item.title or item.id
    return f'<a href="#{escape(item.id, quote=True)}">{escape(label)}</a>'


def tally_words(tally: Tally) -> str:
    """``1 op koers en 5 onbepaald (niet uit de cijfers te berekenen)``; ``geen`` without criteria."""
    if not tally.judged:
        return "geen"
    counted = join_words([f"{count} {in_words(name)}" for name, count in tally.counts()])
    return f"{counted} ({counted_words(tally.computed, len(tally))})"


def _list(entries: Iterable[str], empty: str) -> str:
    rows = "".join(f"<li>{entry}</li>" for entry in entries)
    return f"<ul>{rows}</ul>" if rows else f'<p class="leeg">{escape(empty)}</p>'


def goals(stand: Stand) -> str:
    """Per goal one line: the judgements of its criteria and of its efforts' criteria, and what is said."""
    lines = []
    for line in stand.goals:
        kind = escape(type_title(line.goal.type).lower())
        efforts = len(line.effort_items)
        of_efforts = (
            f"criteria van zijn {plural(efforts, 'inspanning', 'inspanningen')}: {tally_words(line.efforts)}"
            if efforts
            else "geen inspanningen"
        )
        said = f"wanneer zijn we tevreden is vastgelegd voor {len(line.explicit)} van de {1 + efforts}"
        said += " (het doel en zijn inspanningen)"
        lines.append(
            f"{_a(line.goal)} ({kind}). Eigen criteria: {tally_words(line.own)}; {of_efforts}; {said}."
        )
    return _list(lines, "Er zijn nog geen doelen.")


def _decision(decision: Decision, meeting: datetime.date | None) -> str:
    item = decision.item
    kind = type_title(item.type).lower()
    text = f"{_a(item)} ({escape(kind)}, {escape(in_words(item.status) or 'geen status')})"
    if decision.on is not None:
        text += f": besluit gepland op {escape(dutch_date(decision.on))}"
        if meeting is not None:
            text += ", uiterlijk in deze vergadering" if decision.on <= meeting else ", na deze vergadering"
    elif decision.missing:
        text += f". Nog niet vastgelegd: {escape(join_words(list(decision.missing)))}"
    else:
        text += ". Alles wat het besluit vraagt is vastgelegd"
    return text + "."


def decisions(stand: Stand, meeting: datetime.date | None) -> str:
    """Te besluiten: projects ter besluitvorming, proposed goals and efforts, decisions ahead."""
    intro = f"<p>Voor de vergadering van {escape(dutch_date(meeting))}.</p>" if meeting is not None else ""
    entries = [_decision(decision, meeting) for decision in stand.decisions]
    return intro + _list(entries, "Er ligt niets ter besluitvorming.")


def attention(stand: Stand) -> str:
    """Aandacht nodig: criteria, milestones, assumptions and waivers the reader should look at."""
    found = stand.attention
    today = stand.reference_date
    entries = [f"{_a(j.criterion)}: {escape(judged_words(j))}." for j in found.criteria]
    for milestone in found.milestones:
        when = milestone.field("datum")
        state = in_words(milestone.status) if milestone.status == model.status_of("late") else "nog gepland"
        day = date_in_words(when) if when else "niet vastgelegd"
        entries.append(f"{_a(milestone)}: {escape(state)}, datum {escape(day)}.")
    for assumption, subjects in found.refuted:
        names = join_words([_a(s) for s in subjects])
        entries.append(f"{_a(assumption)} is weerlegd, terwijl {names} al besloten of in uitvoering is.")
    entries += [f"{_a(a)}: nog niet getoetst, terwijl het werk loopt." for a in found.untested]
    for item, code, until in found.waivers:
        verb = "verliep" if until < today else "verloopt"
        entries.append(
            f"{_a(item)}: de uitzondering op {escape(code)} {verb} op {escape(dutch_date(until))}."
        )
    return _list(entries, "Niets vraagt op de peildatum bijzondere aandacht.")


def upcoming(stand: Stand) -> str:
    """Binnenkort: milestones and deadlines in the next 90 days."""
    entries = [
        f"{escape(dutch_date(u.on))}: {_a(u.item)} "
        f"({escape(type_title(u.item.type).lower())} {escape(u.item.id)})"
        for u in stand.upcoming
    ]
    return _list(entries, "Geen mijlpalen of deadlines in de komende 90 dagen.")


def changes(stand: Stand, programme: Programme) -> str:
    """What changed since the previous (adopted) version: added, removed (named), changed, te herzien."""
    changed = stand.changed
    if changed is None:
        return ""
    version = f"versie {changed.version}" if changed.version else "de vorige publicatie"
    when = f" ({escape(date_in_words(changed.date))})" if changed.date else ""

    def named(entries: tuple[tuple[str, str, str], ...]) -> list[str]:
        return [
            f"{escape(title or item_id)} ({escape(type_title(kind).lower())}, {escape(item_id)})"
            for item_id, kind, title in entries
        ]

    parts = [
        f'<section id="veranderd" class="doorlopend"><h2>Veranderd sinds {escape(version)}{when}</h2>',
        "<h3>Nieuw</h3>",
        _list(
            [_a(found) if (found := programme.get(e[0])) else named((e,))[0] for e in changed.added],
            "Geen nieuwe doelen, inspanningen of projecten.",
        ),
        "<h3>Vervallen</h3>",
        _list(named(changed.removed), "Er is geen doel, inspanning of project vervallen."),
        "<h3>Gewijzigd</h3>",
        _list([_a(i) for i in changed.changed], "Geen doelen, inspanningen of projecten gewijzigd."),
        "<h3>Te herzien</h3>",
        _list(
            [f"{_a(i)}: het verwijst naar iets dat veranderde of verviel." for i in changed.review],
            "Niets te herzien.",
        ),
        "</section>",
    ]
    return "".join(parts)


def render(stand: Stand, programme: Programme, meeting: datetime.date | None) -> str:
    """The stand van zaken, Te besluiten, Aandacht nodig and Binnenkort, then what changed."""
    day = escape(dutch_date(stand.reference_date))
    return (
        f'<section id="stand" class="doorlopend"><h2>Stand van zaken op {day}</h2>'
        f"{goals(stand)}</section>"
        '<section id="besluiten" class="doorlopend"><h2>Te besluiten</h2>'
        f"{decisions(stand, meeting)}</section>"
        f'<section id="aandacht" class="doorlopend"><h2>Aandacht nodig</h2>{attention(stand)}</section>'
        f'<section id="binnenkort" class="doorlopend"><h2>Binnenkort</h2>{upcoming(stand)}</section>'
        f"{changes(stand, programme)}"
    )
