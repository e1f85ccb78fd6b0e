"""How the views say things in Dutch: values, statuses and dates in words."""

from __future__ import annotations

from html import escape

from docutils import nodes

from .. import model
from ..dates import dutch_date, parse_iso
from ..items import Item


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
