"""How the views say things in Dutch: values, statuses and dates in words."""

from __future__ import annotations

from html import escape

from docutils import nodes

from .. import model
from ..dates import dutch_date, parse_iso
from ..items import Item
from ..stand import Judged


def in_words(value: str) -> str:
    """A stored value as a reader says it: ``in_uitvoering`` -> ``in uitvoering``."""
    return value.replace("_", " ").strip()


def date_in_words(value: str) -> str:
    """An ISO date as ``26 september 2014``; any other text as it was typed."""
    parsed = parse_iso(value)
    return dutch_date(parsed) if parsed else value


def join_words(parts: list[str]) -> str:
    """``a``, ``a en b``, ``a, b en c``."""
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " en " + parts[-1]


def parse_number(value: str) -> float | None:
    """A number as authors type it (``12``, ``12,5``, ``75%``, ``-3.5``), else None."""
    text = value.strip().removesuffix("%").strip().replace("\u2212", "-")
    if not text:
        return None
    if text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")
    try:
        number = float(text)
    except ValueError:
        return None
    return number if number == number and abs(number) != float("inf") else None


def tone(status: str) -> str:
    """The colour family of a status badge (model.Status.tone); neutral for a value the model lacks."""
    meaning = model.STATUSES_BY_NAME.get(status)
    return meaning.tone if meaning else "neutral"


def status_classes(status: str) -> list[str]:
    """CSS classes of a status badge: the status itself and its tone."""
    return ["pt-status", f"pt-status-{status or 'geen'}", f"pt-tone-{tone(status)}"]


def status_word(status: str) -> str:
    """The status as a reader says it; ``geen status`` when the author gave none."""
    return in_words(status) if status else "geen status"


def status_html(item: Item) -> str:
    """The status as a word in a coloured badge (the word is the cue, the colour only helps)."""
    classes = escape(" ".join(status_classes(item.status)))
    return f'<span class="{classes}">{escape(status_word(item.status))}</span>'


def status_node(item: Item) -> nodes.inline:
    """:func:`status_html` as a docutils node, for headings."""
    return nodes.inline("", status_word(item.status), classes=status_classes(item.status))


def _judged_parts(judged: Judged) -> tuple[str, str] | None:
    """(words between, computed judgement) when the computed judgement differs from the authored status."""
    if not judged.computed or judged.criterion.status == judged.judgement:
        return None
    between = " volgens de schrijver; berekend: " if judged.criterion.status else "; berekend: "
    return between, judged.judgement


def judged_status_html(judged: Judged) -> str:
    """A criterion's status badge; where the computed judgement differs, that judgement beside it."""
    badge = status_html(judged.criterion)
    parts = _judged_parts(judged)
    if parts is None:
        return badge
    between, computed = parts
    classes = escape(" ".join([*status_classes(computed), "pt-status-berekend"]))
    return (
        f'<span class="pt-judged">{badge}{escape(between)}'
        f'<span class="{classes}">{escape(in_words(computed))}</span></span>'
    )


def judged_status_node(judged: Judged) -> nodes.inline:
    """:func:`judged_status_html` as a docutils node, for headings."""
    badge = status_node(judged.criterion)
    parts = _judged_parts(judged)
    if parts is None:
        return badge
    between, computed = parts
    return nodes.inline(
        "",
        "",
        badge,
        nodes.Text(between),
        nodes.inline("", in_words(computed), classes=[*status_classes(computed), "pt-status-berekend"]),
        classes=["pt-judged"],
    )


def counted_words(computed: int, total: int) -> str:
    """Which judgement a roll-up of ``total`` criteria counted: how many follow from the numbers."""
    if computed == total:
        return "uit de cijfers berekend"
    if not computed:
        return "niet uit de cijfers te berekenen"
    return f"{computed} uit de cijfers berekend, de andere zoals de schrijver ze opgaf"
