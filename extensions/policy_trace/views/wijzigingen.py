"""*Wat is er veranderd*: this build compared with the last publication, for people.

``{wijzigingen}`` shows the items to review (*te herzien*) with their cause,
then per type the added and removed items and each changed item with its old
and new value side by side: text as a word diff, status changes highlighted.
Without ``policy_trace_previous`` it says there is no earlier version.
"""

from __future__ import annotations

from docutils import nodes

from .. import model, state
from ..changes import REMOVED, Changes, ItemChange, Suspect
from ..dates import dutch_date, parse_iso
from . import outdated, worddiff
from .context import ViewContext, item_label, type_plural
from .htmltable import escape, raw, table
from .placeholders import ViewDirective

VIEW = "wijzigingen"
#: Anchor of the list of items to review on the page.
SUSPECT_ANCHOR = "te-herzien"
#: How the names of a snapshot read on the page.
NAME_LABELS: dict[str, str] = {"title": "Titel", "content": "Tekst", "status": "Status", "tags": "Labels"}


class WijzigingenDirective(ViewDirective):
    """``{wijzigingen}``: what changed since the last publication."""

    view = VIEW


def changes_of_build(ctx: ViewContext) -> Changes | None:
    """The comparison of this build with the last publication, if there is one."""
    return state.changes_of_build(ctx.app)


def suspects_of_build(ctx: ViewContext) -> dict[str, tuple[Suspect, ...]]:
    """The items to review in this build (computed once per build, shared by all pages)."""
    return state.suspects_of_build(ctx.app)


def page_uri(ctx: ViewContext, anchor: str = "") -> str:
    """The link to the *Wat is er veranderd* page from this page, or "" if the site has none."""
    pages = _pages(ctx)
    return ctx.doc_uri(pages[0], anchor) if pages else ""


def _pages(ctx: ViewContext) -> list[str]:
    return outdated.pages_with(ctx.app.env, VIEW)


def label(name: str) -> str:
    """How a changed name reads: ``Titel``, ``Tekst``, or the field's or link's own label."""
    if name in NAME_LABELS:
        return NAME_LABELS[name]
    for item_type in model.ITEM_TYPES:
        if (spec := item_type.field(name)) is not None:
            return spec.label
    for spec in model.ITEM_FIELDS:
        if spec.name == name:
            return spec.label
    link = model.LINKS_BY_NAME.get(name)
    return link.outgoing[:1].upper() + link.outgoing[1:] if link else name


def cause_html(ctx: ViewContext, suspect: Suspect, changes: Changes) -> str:
    """Why an item is to be reviewed: which linked item changed, in what, and how to record the review."""
    target = ctx.programme.get(suspect.cause)
    name = ctx.a(target) if target is not None else escape(suspect.cause)
    links = ", ".join(f"<code>{escape(link)}</code>" for link in suspect.links)
    if suspect.fingerprint == REMOVED:
        what = "is verwijderd"
    else:
        change = changes.change_of(suspect.cause)
        parts = [label(n).lower() for n in (change.substantive if change else ())]
        what = "is veranderd: " + escape(", ".join(parts))
    review = f"<code>:herzien: {escape(suspect.cause)}@{escape(suspect.fingerprint)}</code>"
    return f"verwijst met {links} naar {name}, en dat {what}. Nagelezen? Zet op het item {review}."


def word_diff(old: str, new: str) -> tuple[str, str]:
    """The old and new text as HTML, removed words marked ``del`` and added words ``ins``."""
    before, after = old.split(), new.split()
    old_out: list[str] = []
    new_out: list[str] = []
    # Not difflib itself: its time grows with the product of the lengths (worddiff).
    for op, a1, a2, b1, b2 in worddiff.opcodes(before, after):
        left, right = escape(" ".join(before[a1:a2])), escape(" ".join(after[b1:b2]))
        if op == "equal":
            old_out.append(left)
            new_out.append(right)
            continue
        if left:
            old_out.append(f"<del>{left}</del>")
        if right:
            new_out.append(f"<ins>{right}</ins>")
    return " ".join(old_out), " ".join(new_out)


def _value_cells(name: str, old: str, new: str) -> tuple[str, str]:
    if name in ("title", "content") or len(old.split()) > 3 or len(new.split()) > 3:
        return word_diff(old, new)
    empty = '<span class="pt-open">(leeg)</span>'
    return (escape(old) if old else empty, escape(new) if new else empty)


def change_block(ctx: ViewContext, change: ItemChange) -> str:
    """One changed item: a heading with its link, then a table of what it was and what it is."""
    item = ctx.programme.get(change.id)
    heading = ctx.a(item) if item is not None else escape(change.id)
    old, new = dict(change.old), dict(change.new)
    rows = []
    for name in change.names:
        was, now = _value_cells(name, old[name], new[name])
        head = escape(label(name))
        if name == "status":
            head = f'<span class="pt-status-change">{head} gewijzigd</span>'
        rows.append((head, was, now))
    status_note = ""
    if "status" in change.names:
        status_note = (
            f'<p class="pt-status-change"><strong>Status gewijzigd:</strong> van '
            f"{escape(old['status'] or '(geen)')} naar {escape(new['status'] or '(geen)')}.</p>"
        )
    caption = f"Wijzigingen van {item_label(item) if item is not None else change.id}"
    return (
        f'<div class="pt-change" id="wijziging-{escape(change.id)}"><p class="pt-change-item">{heading}</p>'
        f"{status_note}"
        + table(caption, ("Wat", "Was", "Is nu"), rows, classes=["pt-change-table"])
        + "</div>"
    )


def _previous_words(changes: Changes) -> str:
    previous = changes.previous
    parts = []
    if previous.version:
        parts.append(f"versie {previous.version}")
    if previous.status:
        parts.append(previous.status)
    day = parse_iso(previous.date)
    if day is not None:
        parts.append(f"van {dutch_date(day)}")
    return " ".join(parts) if parts else "de vorige publicatie"


def render(ctx: ViewContext, _options: dict) -> list[nodes.Node]:
    """The whole comparison, or a sentence that there is nothing to compare with."""
    changes = changes_of_build(ctx)
    if changes is None:
        return [
            nodes.paragraph(
                "",
                "Er is geen eerdere versie om mee te vergelijken. Zodra er een vorige publicatie is, staat "
                "hier wat er sindsdien is toegevoegd, verwijderd en veranderd, en welke items daardoor "
                "opnieuw bekeken moeten worden.",
                classes=["pt-no-previous"],
            )
        ]
    found = suspects_of_build(ctx)
    intro = nodes.paragraph(
        "",
        f"Vergeleken met {_previous_words(changes)}: {len(changes.added)} nieuw, "
        f"{len(changes.removed)} verwijderd, {len(changes.changed)} veranderd, {len(found)} te herzien.",
        classes=["pt-changes-summary"],
    )
    result: list[nodes.Node] = [intro]

    review = nodes.section("", nodes.title("", "Te herzien"), ids=[SUSPECT_ANCHOR])
    if found:
        review += nodes.paragraph(
            "",
            "Deze items verwijzen naar een item dat sinds de vorige publicatie is veranderd of "
            "verwijderd. Lees ze na; leg daarna op het item vast dat het nog klopt.",
        )
        lines = []
        for item_id, own in found.items():
            item = ctx.programme.items[item_id]
            causes = "".join(f"<li>{cause_html(ctx, s, changes)}</li>" for s in own)
            lines.append(f'<li><p>{ctx.a(item)}</p><ul class="simple">{causes}</ul></li>')
        review += raw(f'<ul class="pt-suspects simple">{"".join(lines)}</ul>')
    else:
        review += nodes.paragraph("", "Geen items te herzien.")
    result.append(review)

    for item_type in model.ITEM_TYPES:
        added = [entry for entry in changes.added if entry[1] == item_type.directive]
        removed = [entry for entry in changes.removed if entry[1] == item_type.directive]
        changed = [c for c in changes.changed if c.type == item_type.directive]
        if not (added or removed or changed):
            continue
        section = nodes.section(
            "", nodes.title("", type_plural(item_type.directive)), ids=[f"wijzigingen-{item_type.directive}"]
        )
        if added:
            lines = []
            for item_id, _type, title in added:
                new = ctx.programme.get(item_id)
                lines.append(f"<li><p>{ctx.a(new) if new else escape(f'{item_id} {title}')}</p></li>")
            section += raw(f'<p class="rubric">Nieuw</p><ul class="pt-added simple">{"".join(lines)}</ul>')
        if removed:
            lines = [
                f"<li><p>{escape(f'{item_id} {title}'.strip())}</p></li>" for item_id, _t, title in removed
            ]
            section += raw(
                f'<p class="rubric">Verwijderd</p><ul class="pt-removed simple">{"".join(lines)}</ul>'
            )
        if changed:
            section += raw('<p class="rubric">Veranderd</p>' + "".join(change_block(ctx, c) for c in changed))
        result.append(section)
    if not (changes.added or changes.removed or changes.changed):
        result.append(nodes.paragraph("", "Er is niets veranderd sinds de vorige publicatie."))
    return result


__all__ = ["WijzigingenDirective", "page_uri", "render", "suspects_of_build", "word_diff"]
