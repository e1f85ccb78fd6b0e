"""How the site and the paper say things: one presenter for values, statuses, labels and an item's text.

The site's views (``item_details``, the overviews) and the board paper
(``paper/document.py``) both call these functions, so they cannot disagree:
a field's value by the programme's own label (``Regionaal crisisplan
(RCP)``) or in words, a date in Dutch, a status word and badge, and an item's
text rendered from the same docutils nodes the site renders (MyST parsed
once, ``{need}`` roles as links, directives such as ``:::{note}`` as blocks).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from html import escape

from docutils import nodes

from .. import model
from ..dates import dutch_date, parse_iso
from ..items import Item
from ..judging import Judged


def in_words(value: str) -> str:
    """A stored value as a reader says it: ``in_uitvoering`` -> ``in uitvoering``."""
    return value.replace("_", " ").strip()


#: Fields whose default decides a rule but claims nothing to a reader: shown only where an
#: author set them (spec section 8: an unset ``smart`` still counts as ``ja`` for PT203, yet
#: "SMART: ja" beside a criterion without baseline, deadline or source would mislead).
SHOWN_ONLY_WHEN_SET: frozenset[str] = frozenset({"smart"})


def shown_value(item: Item, field: model.Field) -> str:
    """The field's value as the pages show it: its default only where the default claims nothing."""
    if field.name in SHOWN_ONLY_WHEN_SET:
        return item.fields.get(field.name, "")
    return item.field(field.name)


def field_value(field: model.Field, value: str) -> str:
    """A field's value as a reader reads it (choices by the programme's label or in words, dates in words)."""
    if field.kind == "choice":
        return field.label_of(value) or in_words(value)
    if field.kind == "date":
        return date_in_words(value)
    return value


#: How an empty field reads: the programme left it open; an empty meting: nothing measured yet.
NOT_SET = "niet vastgelegd"
NOT_MEASURED = "nog niet gemeten"


def value_html(item: Item, field: model.Field) -> str:
    """A field's value as shown (escaped), or in words that it is empty (class ``pt-empty``)."""
    value = shown_value(item, field)
    if not value:
        return f'<span class="pt-empty">{NOT_MEASURED if field.name == "meting" else NOT_SET}</span>'
    return escape(field_value(field, value))


#: The row of an item's tags (sphinx-needs ``:tags:``), on the site and on paper.
TAGS_LABEL = "Labels"


def tags_text(item: Item) -> str:
    """An item's tags as a reader sees them: ``a, b``."""
    return ", ".join(item.tags)


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


# --- an item's text -------------------------------------------------------------------------------

#: What a link made by ``{need}`` reads like without text of its own: sphinx-needs' default
#: ``needs_role_need_template`` (a Jinja template), which the site uses unless conf.py sets another.
NEED_ROLE_TEMPLATE = "{{title}} ({{id}})"


def need_role_text(template: str, item: Item) -> str:
    """The text of a ``{need}`` link to ``item``, as sphinx-needs writes it from ``template``.

    Jinja, as sphinx-needs 9 renders it; a template in the older ``{field}`` form is formatted
    the old way, as sphinx-needs still does.
    """
    values = {**item.fields, "id": item.id, "title": item.title, "type": item.type, "status": item.status}
    if not any(marker in template for marker in ("{{", "{%", "{#")):
        try:
            return template.format(**values)
        except (KeyError, IndexError, ValueError):
            return f"{item.title} ({item.id})"
    from jinja2 import Environment

    return Environment(autoescape=False).from_string(template).render(**values)


def _body_translator() -> type:
    from docutils.writers.html5_polyglot import HTMLTranslator

    class BodyTranslator(HTMLTranslator):  # type: ignore[misc,valid-type]
        """docutils' HTML5 writer for an item's nodes, with what only Sphinx and sphinx-needs add."""

        def __init__(self, document: nodes.document, link: Callable[[str, str], str]) -> None:
            super().__init__(document)
            self.link = link

        def visit_NeedRef(self, node: nodes.Element) -> None:  # noqa: N802 (docutils' visitor names)
            explicit = bool(node.get("refexplicit"))
            self.body.append(self.link(str(node["reftarget"]), node.astext() if explicit else ""))
            raise nodes.SkipNode

        def visit_raw(self, node: nodes.Element) -> None:
            raise nodes.SkipNode  # raw HTML is never printed (issue 21)

        def unknown_visit(self, node: nodes.Node) -> None:
            # ``note``, ``warning``, …: a block with its label, in the build's language, as Sphinx writes it.
            if isinstance(node, nodes.Admonition) and not isinstance(node, nodes.admonition):
                from sphinx.locale import admonitionlabels

                label = escape(str(admonitionlabels.get(node.tagname, node.tagname)))
                self.body.append(
                    f'<div class="admonition {node.tagname}"><p class="admonition-title">{label}</p>'
                )
            # Any other Sphinx-only node (pending_xref, only, …): its children are its text.

        def unknown_departure(self, node: nodes.Node) -> None:
            if isinstance(node, nodes.Admonition) and not isinstance(node, nodes.admonition):
                self.body.append("</div>")

    return BodyTranslator


def body_html(content: Iterable[nodes.Node], link: Callable[[str, str], str]) -> str:
    """An item's text as HTML, from the docutils nodes the site renders.

    ``link(item_id, text)`` writes the link of a ``{need}`` role; ``text`` is empty
    when the author gave none (then :data:`NEED_ROLE_TEMPLATE` applies, as on the site).
    """
    from docutils.frontend import get_default_settings
    from docutils.utils import new_document
    from docutils.writers.html5_polyglot import Writer

    settings = get_default_settings(Writer)
    settings.language_code = "nl"
    settings.report_level = 5  # the site's build already reported what is wrong in the text
    document = new_document("<item>", settings)
    translator = _body_translator()(document, link)
    for node in content:
        node.walkabout(translator)
    return "".join(translator.body)
