"""``{stand}``: the *stand van zaken* on the peildatum, as HTML, from ``stand.compute_stand``.

One summary line first (every figure a link to its section), then per goal
one line with the judgements of its criteria and of its efforts' criteria,
*Te besluiten*, *Aandacht nodig*, *Veranderd sinds versie X* and
*Binnenkort*. Every count links to its items: a count of one to the item, a
larger count to the list of its items (on the page with the whole stand).
Where the sources say nothing, the stand says so in words; it never shows a
figure the items do not give.

With ``:kort:`` (the home page) the lists of criteria per goal are left out
and the counts link to them on the page with the whole stand, if the site
has one; there, a list longer than :data:`SHORT_LIMIT` shows its first
entries and links to the whole list, so the page's first screen stays the
stand and the goal tree follows a long programme's stand too.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives

from .. import model, state
from ..dates import dutch_date, parse_iso
from ..items import Item
from ..judging import Judged
from ..outcome import CheckContext
from ..stand import HORIZON, GoalLine, Stand, Tally
from ..state import context_of_build
from . import gekoppeld, outdated
from .context import ViewContext, type_title
from .htmltable import escape, raw
from .placeholders import ViewDirective
from .words import counted_words, date_in_words, in_words, join_words

VIEW = "stand"
#: The pseudo-view of a page with the whole stand (not ``:kort:``): the lists the counts link to.
WHOLE = "stand-geheel"
#: How many entries a list of the short stand shows before it links to the whole list.
SHORT_LIMIT = 8
#: How the stand says which judgement it counted.
COUNTED = (
    "Geteld is het oordeel dat uit de cijfers volgt (nulmeting, streefwaarde, metingen en de tijd tot de "
    "deadline); waar de cijfers geen oordeel geven, de status die de schrijver opgaf, en anders onbepaald."
)


class StandDirective(ViewDirective):
    """``{stand}``: where the programme stands on its peildatum."""

    view = VIEW
    option_spec: ClassVar[dict[str, Any]] = {"kort": directives.flag}

    def run(self) -> list[nodes.Node]:
        # The stand is drawn from the items when the page is written: after an edit the page is
        # written again when an item changed as the views see it (views.outdated, not for a change
        # of text alone), and read again when the peildatum moved (controle.outdated_overview_pages).
        if "kort" not in self.options:
            outdated.note_view(self.env, self.env.docname, WHOLE)
        return super().run()


def context_of(ctx: ViewContext) -> CheckContext:
    """The check context of this build (peildatum, looptijd, comparison with the last publication)."""
    return context_of_build(ctx.app)


def stand_of_build(ctx: ViewContext) -> Stand:
    """The stand of this build, computed once and shared by every page that shows it."""
    return state.stand_of_build(ctx.app)


# --- words --------------------------------------------------------------------------------------


def plural(count: int, one: str, more: str) -> str:
    """``1 criterium``, ``3 criteria``."""
    return f"{count} {one if count == 1 else more}"


def link(href: str, text: str) -> str:
    """An HTML link (``text`` is escaped here)."""
    return f'<a class="reference internal" href="{escape(href)}">{escape(text)}</a>'


class Page:
    """Links on the page being written: to items, to anchors of the stand, to other views."""

    def __init__(self, ctx: ViewContext, whole: bool) -> None:
        self.ctx = ctx
        #: Whether this page shows the lists of the whole stand; else the page that does, if any.
        self.whole = whole
        pages = [] if whole else outdated.pages_with(ctx.app.env, WHOLE)
        self.elsewhere = pages[0] if pages else ""

    @property
    def lists(self) -> bool:
        """Whether the lists the counts link to are on this page."""
        return self.whole or not self.elsewhere

    def anchor(self, name: str) -> str:
        """The link to an anchor of the stand's lists: here, or on the page with the whole stand."""
        return self.ctx.doc_uri(self.elsewhere, name) if not self.lists else f"#{name}"

    @property
    def short(self) -> bool:
        """Whether this is the short stand with the whole one on another page: long lists are cut there."""
        return not self.whole and bool(self.elsewhere)

    def bullets(self, rows: Sequence[str], anchor: str, classes: str = "") -> str:
        """An HTML list of ``rows`` (each the inside of a ``<p>``); on the short stand at most
        :data:`SHORT_LIMIT`, and a link to the whole list (``anchor`` on the page with the whole stand)."""
        shown = rows if not self.short or len(rows) <= SHORT_LIMIT else rows[:SHORT_LIMIT]
        items = "".join(f"<li><p>{row}</p></li>" for row in shown)
        out = f'<ul class="pt-stand-list simple {classes}">{items}</ul>'
        if len(shown) < len(rows):
            more = link(self.ctx.doc_uri(self.elsewhere, anchor), f"de hele lijst ({len(rows)})")
            out += f'<p class="pt-stand-more">En nog {len(rows) - len(shown)}: {more}.</p>'
        return out

    def listing(self, entries: Sequence[tuple[Item, str]], anchor: str, classes: str = "") -> str:
        """A list of items, each with what the reader should know of it (see :meth:`bullets`)."""
        rows = [f"{self.ctx.a(item, item.title)}: {text}" for item, text in entries]
        return self.bullets(rows, anchor, classes)

    def items(self, found: Sequence[Item], text: str, name: str) -> str:
        """A count: one item links to that item, more to the list of them (``name`` its anchor)."""
        if len(found) == 1 and self.ctx.uri(found[0]):
            return link(self.ctx.uri(found[0]), text)
        return link(self.anchor(name), text)


def tally_html(page: Page, tally: Tally, anchor: str) -> str:
    """``6 criteria: 1 op koers, 5 onbepaald (1 uit de cijfers berekend, ...)``, every count a link."""
    if not tally.judged:
        return "geen"
    parts = [
        page.items([j.criterion for j in tally.of(name)], f"{count} {in_words(name)}", f"{anchor}-{name}")
        for name, count in tally.counts()
    ]
    which = counted_words(tally.computed, len(tally))
    counted = ", ".join(parts)
    if len(parts) > 1:
        counted = f"{escape(plural(len(tally), 'criterium', 'criteria'))}: {counted}"
    return f"{counted} ({which})"


def explicit_html(page: Page, line: GoalLine, anchor: str) -> str:
    """How much of *wanneer zijn we tevreden* is explicit for the goal and its efforts."""
    measured = len(line.explicit)
    total = 1 + len(line.effort_items)
    criteria = line.criteria
    said = page.items(line.explicit, f"{measured} van de {total}", f"{anchor}-tevreden")
    text = f"Wanneer zijn we tevreden: vastgelegd voor {said} (het doel en zijn inspanningen)"
    if criteria:
        complete = page.items(
            line.complete,
            f"{len(line.complete)} van de {plural(len(criteria), 'criterium', 'criteria')}",
            f"{anchor}-volledig",
        )
        text += f"; {complete} met indicator, streefwaarde, deadline en bron"
    return text


def _goal_anchor(line: GoalLine) -> str:
    return f"stand-{line.goal.id}"


def goals_html(page: Page, stand: Stand) -> str:
    """One line per goal."""
    lines = []
    for line in stand.goals:
        anchor = _goal_anchor(line)
        own = tally_html(page, line.own, f"{anchor}-eigen")
        count = len(line.effort_items)
        if count:
            noun = escape(plural(count, "inspanning", "inspanningen"))
            efforts = f"Criteria van zijn {noun}: {tally_html(page, line.efforts, f'{anchor}-inspanningen')}"
        else:
            efforts = "Geen inspanningen"
        kind = escape(type_title(line.goal.type).lower())
        # One entry per goal, its three facts each on a line of their own (a sentence each, for
        # screen readers and for copying).
        facts = "\n<br>".join(
            (f"Eigen criteria: {own}.", f"{efforts}.", f"{explicit_html(page, line, anchor)}.")
        )
        lines.append(
            f'<li><p><span class="pt-stand-goal">{page.ctx.a(line.goal, line.goal.title)} ({kind})</span>'
            f"\n<br>{facts}</p></li>"
        )
    return f'<ul class="pt-stand-goals simple">{"".join(lines)}</ul>'


def judged_words(judged: Judged) -> str:
    """How a criterion stands: the computed judgement and why, and the author's status if it differs."""
    if judged.computed:
        text = f"berekend oordeel {in_words(judged.judgement)}: {judged.assessment.reason.rstrip('.')}"
        if judged.disagrees:
            text += f"; de schrijver geeft: {in_words(judged.criterion.status)}"
        return text
    reason = judged.assessment.reason
    if not judged.criterion.status:
        return f"onbepaald: geen status en geen berekend oordeel ({reason.rstrip('.')})"
    return f"{in_words(judged.judgement)} volgens de schrijver (geen berekend oordeel: {reason.rstrip('.')})"


def listing(ctx: ViewContext, entries: Sequence[tuple[Item, str]], classes: str = "") -> str:
    """A list of items, each with what the reader should know of it (HTML)."""
    rows = "".join(f"<li><p>{ctx.a(item, item.title)}: {text}</p></li>" for item, text in entries)
    return f'<ul class="pt-stand-list simple {classes}">{rows}</ul>'


def _section(section_id: str, title: str, *body: nodes.Node) -> nodes.section:
    section = nodes.section("", nodes.title("", title), ids=[section_id], classes=["pt-stand-section"])
    section.extend(body)
    return section


# --- the sections ----------------------------------------------------------------------------


#: The kinds of points to decide, in the order the stand lists them: anchor and (singular, plural).
DECISION_GROUPS: tuple[tuple[str, tuple[str, str]], ...] = (
    ("projecten", ("project ter besluitvorming", "projecten ter besluitvorming")),
    ("doelen", ("voorgesteld doel", "voorgestelde doelen")),
    ("inspanningen", ("voorgestelde inspanning", "voorgestelde inspanningen")),
    ("besluiten", ("besluit op of na de peildatum", "besluiten op of na de peildatum")),
)


def decisions_section(page: Page, stand: Stand) -> nodes.section:
    """*Te besluiten*: what must be decided, with what is still missing for each."""
    ctx = page.ctx
    if not stand.decisions:
        return _section(
            "stand-te-besluiten",
            "Te besluiten",
            nodes.paragraph(
                "",
                "Er ligt niets ter besluitvorming: geen project ter besluitvorming, geen voorgesteld doel of "
                "voorgestelde inspanning en geen besluit op of na de peildatum.",
            ),
        )
    groups: dict[str, list[tuple[Item, str]]] = {key: [] for key, _nouns in DECISION_GROUPS}
    open_ones: dict[str, int] = dict.fromkeys(groups, 0)
    for decision in stand.decisions:
        item = decision.item
        if decision.on is not None:
            about = [ctx.a(t, t.title) for t in ctx.programme.outgoing(item, "betreft")]
            text = f"op {escape(dutch_date(decision.on))}" + (f" over {join_words(about)}" if about else "")
            groups["besluiten"].append((item, text))
            continue
        key = (
            "projecten"
            if item.type == "project"
            else "inspanningen"
            if item.type == "inspanning"
            else "doelen"
        )
        text = escape(type_title(item.type).lower()) if key == "doelen" else ""
        if decision.missing:
            open_ones[key] += 1
            missing = escape("; ".join(decision.missing))
            text += f'{"; " if text else ""}<span class="pt-stand-missing">nog nodig: {missing}</span>'
        else:
            done = (
                "het projectplan is compleet (a tot en met e)" if key == "projecten" else "er ontbreekt niets"
            )
            text += f"{'; ' if text else ''}{done}"
        groups[key].append((item, text))
    section = _section("stand-te-besluiten", "Te besluiten")
    counts = []
    for key, nouns in DECISION_GROUPS:
        if groups[key]:
            count = link(f"#stand-te-besluiten-{key}", plural(len(groups[key]), *nouns))
            if open_ones[key]:
                count += f" ({open_ones[key]} met iets dat nog ontbreekt)"
            counts.append(count)
    section += raw(f"<p>{escape(plural(len(stand.decisions), 'punt', 'punten'))}: {join_words(counts)}.</p>")
    for key, nouns in DECISION_GROUPS:
        if groups[key]:
            title = nouns[1][:1].upper() + nouns[1][1:]
            anchor = f"stand-te-besluiten-{key}"
            section += _section(anchor, title, raw(page.listing(groups[key], anchor)))
    return section


def _milestone_words(ctx: ViewContext, milestone: Item) -> str:
    when = parse_iso(milestone.field("datum"))
    on = escape(dutch_date(when)) if when else escape(milestone.field("datum"))
    projects = [ctx.a(p, p.title) for p in ctx.programme.outgoing(milestone, "hoort_bij")]
    of = f" van {join_words(projects)}" if projects else ""
    if milestone.status == model.status_of("late"):
        return f"mijlpaal{of}, vertraagd (gepland op {on})"
    return f"mijlpaal{of}, nog gepland op {on}: die datum is voorbij"


def attention_section(page: Page, stand: Stand) -> nodes.section:
    """*Aandacht nodig*: criteria, milestones, assumptions and waivers that need a look."""
    ctx = page.ctx
    found = stand.attention
    today = stand.reference_date
    section = _section("stand-aandacht", "Aandacht nodig")
    if not len(found):
        section += nodes.paragraph(
            "",
            "Niets vraagt nu aandacht: geen criterium op risico of niet behaald, geen vertraagde of "
            "verlopen mijlpaal, geen weerlegde of ongetoetste aanname onder lopend werk en geen "
            "uitzondering die binnenkort afloopt.",
        )
        return section
    parts = []
    if found.criteria:
        entries = [(j.criterion, escape(judged_words(j))) for j in found.criteria]
        parts.append(("stand-aandacht-criteria", ("criterium", "criteria"), entries))
    if found.milestones:
        entries = [(m, _milestone_words(ctx, m)) for m in found.milestones]
        parts.append(("stand-aandacht-mijlpalen", ("mijlpaal", "mijlpalen"), entries))
    assumptions = [
        (
            a,
            "weerlegd, terwijl "
            + join_words([f"{ctx.a(s, s.title)} ({escape(in_words(s.status))})" for s in subjects])
            + " erop rust",
        )
        for a, subjects in found.refuted
    ]
    for assumption in found.untested:
        tested = assumption.field("getoetst_op")
        when = f"laatst getoetst op {escape(date_in_words(tested))}" if tested else "nooit getoetst"
        running = [
            ctx.a(s, s.title)
            for s in ctx.programme.outgoing(assumption, "betreft")
            if s.status == model.status_of("in_execution")
        ]
        assumptions.append((assumption, f"{when}, terwijl {join_words(running)} in uitvoering is"))
    if assumptions:
        parts.append(("stand-aandacht-aannames", ("aanname", "aannames"), assumptions))
    if found.waivers:
        entries = []
        for item, code, until in found.waivers:
            verb = "liep af op" if until < today else "loopt af op"
            entries.append((item, escape(f"de uitzondering op {code} {verb} {dutch_date(until)}")))
        parts.append(
            (
                "stand-aandacht-uitzonderingen",
                ("uitzondering", "uitzonderingen"),
                entries,
            )
        )
    counts = [link(f"#{anchor}", plural(len(listed), *nouns)) for anchor, nouns, listed in parts]
    section += raw(f"<p>{escape(plural(len(found), 'punt', 'punten'))}: {', '.join(counts)}.</p>")
    for anchor, nouns, listed in parts:
        section += _section(anchor, nouns[1].capitalize(), raw(page.listing(listed, anchor)))
    return section


def changed_section(page: Page, stand: Stand) -> nodes.section:
    """*Veranderd sinds versie X*: goals, efforts and projects added, removed, changed; items te herzien."""
    ctx = page.ctx
    changed = stand.changed
    if changed is None:
        return _section(
            "stand-veranderd",
            "Veranderd sinds de vorige versie",
            nodes.paragraph("", "Er is geen eerdere versie om mee te vergelijken."),
        )
    name = f"versie {changed.version}" if changed.version else "de vorige publicatie"
    day = parse_iso(changed.date)
    title = f"Veranderd sinds {name}" + (f" ({dutch_date(day)})" if day else "")
    section = _section("stand-veranderd", title)
    groups = [
        (
            "stand-nieuw",
            "nieuw",
            [
                ctx.a(item, item.title) if (item := ctx.programme.get(i)) else escape(f"{i} {t}")
                for i, _type, t in changed.added
            ],
        ),
        (
            "stand-verwijderd",
            "verwijderd",
            [escape(f"{t} ({type_title(kind).lower()} {i})") for i, kind, t in changed.removed],
        ),
        ("stand-veranderd-items", "veranderd", [ctx.a(item, item.title) for item in changed.changed]),
        ("stand-te-herzien", "te herzien", [ctx.a(item, item.title) for item in changed.review]),
    ]
    counts = [
        link(f"#{anchor}", f"{len(names)} {word}") if names else f"0 {word}" for anchor, word, names in groups
    ]
    section += raw(
        f"<p>Doelen, inspanningen en projecten: {', '.join(counts[:3])}; {counts[3]} "
        "(items die verwijzen naar iets dat veranderde).</p>"
    )
    for anchor, word, names in groups:
        if names:
            section += _section(anchor, word.capitalize(), raw(page.bullets(names, anchor)))
    return section


def upcoming_section(page: Page, stand: Stand) -> nodes.section:
    """*Binnenkort*: milestones and deadlines in the next 90 days."""
    ctx = page.ctx
    end = dutch_date(stand.reference_date + HORIZON)
    section = _section("stand-binnenkort", "Binnenkort")
    if not stand.upcoming:
        section += nodes.paragraph("", f"Geen mijlpalen of deadlines in de {HORIZON.days} dagen tot {end}.")
        return section
    rows = []
    for entry in stand.upcoming:
        item = entry.item
        if item.type == "mijlpaal":
            projects = [ctx.a(p, p.title) for p in ctx.programme.outgoing(item, "hoort_bij")]
            what = (
                "mijlpaal"
                + (f" van {join_words(projects)}" if projects else "")
                + f", {escape(in_words(item.status))}"
            )
        else:
            what = "deadline van het criterium"
        rows.append(f"<strong>{escape(dutch_date(entry.on))}</strong>: {ctx.a(item, item.title)} ({what})")
    section += raw(
        f"<p>In de {HORIZON.days} dagen tot {escape(end)}:</p>"
        + page.bullets(rows, "stand-binnenkort", "pt-stand-upcoming")
    )
    return section


def goals_section(page: Page, stand: Stand) -> nodes.section:
    """Per goal, one line; with the lists the counts link to when this page holds them."""
    section = _section("stand-doelen", "Per doel")
    if not stand.goals:
        section += nodes.paragraph("", "Er zijn nog geen doelen.")
        return section
    section += raw(goals_html(page, stand))
    section += nodes.paragraph("", COUNTED, classes=["pt-legend"])
    return section


def details_section(ctx: ViewContext, stand: Stand) -> nodes.section:
    """The criteria behind each goal's counts, by judgement; which of its items say when we are satisfied."""
    section = _section("stand-criteria-per-doel", "Criteria per doel")
    for line in stand.goals:
        anchor = _goal_anchor(line)
        blocks = []
        for scope, tally in (("eigen", line.own), ("inspanningen", line.efforts)):
            for name, _count in tally.counts():
                entries = [(j.criterion, escape(judged_words(j))) for j in tally.of(name)]
                whose = "Eigen criteria" if scope == "eigen" else "Criteria van de inspanningen"
                heading = f"{whose}: {in_words(name)}"
                blocks.append(
                    f'<p class="rubric" id="{anchor}-{scope}-{name}">{escape(heading)}</p>'
                    + listing(ctx, entries)
                )
        if line.criteria:
            whole = [(c, "indicator, streefwaarde, deadline en bron vastgelegd") for c in line.complete]
            whole += [
                (c, f'<span class="pt-empty">nog niet vastgelegd: {escape(join_words(list(gaps)))}</span>')
                for c, gaps in line.incomplete
            ]
            whole.sort(key=lambda entry: entry[0].id)
            blocks.append(
                f'<p class="rubric" id="{anchor}-volledig">Wat de criteria vastleggen</p>'
                + listing(ctx, whole)
            )
        said = []
        for item in (line.goal, *line.effort_items):
            has = item in line.explicit
            said.append((item, "vastgelegd" if has else '<span class="pt-empty">nog geen criterium</span>'))
        blocks.append(
            f'<p class="rubric" id="{anchor}-tevreden">Wanneer zijn we tevreden</p>' + listing(ctx, said)
        )
        title = nodes.title("", "", ctx.reference(line.goal, line.goal.title))
        section += nodes.section("", title, raw("".join(blocks)), ids=[f"{anchor}-details"])
    return section


def summary(page: Page, stand: Stand) -> nodes.Node:
    """The first line: the peildatum and every figure of the stand, each a link to its section."""
    attention = len(stand.attention)
    parts = [
        link("#stand-te-besluiten", plural(len(stand.decisions), "punt te besluiten", "punten te besluiten")),
        link("#stand-aandacht", plural(attention, "punt vraagt aandacht", "punten vragen aandacht")),
    ]
    if stand.changed is not None:
        count = len(stand.changed.added) + len(stand.changed.removed) + len(stand.changed.changed)
        parts.append(link("#stand-veranderd", plural(count, "wijziging", "wijzigingen")))
    parts.append(link("#stand-binnenkort", f"{len(stand.upcoming)} binnenkort"))
    return raw(
        f'<p class="pt-stand-summary">Stand op de peildatum {escape(dutch_date(stand.reference_date))}: '
        f"{', '.join(parts)}.</p>"
    )


def render(ctx: ViewContext, options: dict) -> list[nodes.Node]:
    """The whole stand van zaken (or, with ``kort``, without the lists of criteria per goal)."""
    stand = stand_of_build(ctx)
    page = Page(ctx, "kort" not in options)
    result: list[nodes.Node] = [
        summary(page, stand),
        goals_section(page, stand),
        decisions_section(page, stand),
        attention_section(page, stand),
        changed_section(page, stand),
        upcoming_section(page, stand),
    ]
    if page.lists and stand.goals:
        result.append(details_section(ctx, stand))
    if contributions := contributions_section(ctx):
        result.append(contributions)
    return [nodes.container("", *result, classes=["pt-stand"])]


def contributions_section(ctx: ViewContext) -> nodes.section | None:
    """What the programme contributes to coupled programmes: each of their items, with the own items
    that link to it (only when the programme links to another one)."""
    found = gekoppeld.contributions(ctx, ctx.programme)
    if not found:
        return None
    lines = []
    for contribution in found:
        own = ", ".join(ctx.a(item) for item in contribution.items)
        lines.append(f"<li><p>{gekoppeld.coupled_html(ctx, contribution.value)}: {own}</p></li>")
    programmes = sorted({c.copy.publication.name for c in found})
    intro = (
        f"<p>Dit programma draagt bij aan {escape(join_words(programmes))}: "
        f"{escape(plural(len(found), 'item', 'items'))} daar, met de eigen items die ernaar verwijzen.</p>"
    )
    return _section(
        "stand-bijdragen",
        "Bijdragen aan andere programma's",
        raw(intro + f'<ul class="pt-stand-bijdragen simple">{"".join(lines)}</ul>'),
    )


__all__ = ["COUNTED", "StandDirective", "render", "stand_of_build"]
