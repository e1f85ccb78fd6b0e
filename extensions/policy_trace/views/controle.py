"""The Controle page (a view): findings by rule and by item, with links to the items, and coverage.

A ``controle-overzicht`` directive leaves a placeholder while reading; the
findings exist only once all documents are read, so the placeholder is
filled in when the page is resolved for writing. The page shows the findings
the reports list: the rules' and every other warning the build showed
(Sphinx's, MyST's, sphinx-needs', a setting's), each under its code. Sphinx
holds back those it gives while writing pages until every page is written, so
the build writes the page once more when all others are written
(``checks.events``).
"""

from __future__ import annotations

from collections.abc import Sequence

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util.docutils import SphinxDirective

from .. import domain, state
from ..findings import count_phrases, other_warning
from ..outcome import SEVERITY_LABELS, CheckRun, Finding
from ..rules import RULES, waivers
from . import htmltable, outdated
from . import stand as stand_view
from .htmltable import escape


class ControlOverview(nodes.General, nodes.Element):
    """Placeholder for the findings overview, filled in at ``doctree-resolved``."""


class ControlOverviewDirective(SphinxDirective):
    """``controle-overzicht``: the findings of all checks and the coverage figures."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        domain.of(self.env).overviews.add(self.env.docname)
        return [ControlOverview()]


def outdated_overview_pages(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """Re-read the overview pages whenever any document or the reference date changed, and the pages
    with the stand van zaken when the reference date changed.

    The overview shows findings of all items; Sphinx would otherwise keep an
    old page when only an item file changed (``env-get-outdated``). The stand
    shows the items on the peildatum: a page with it is written again when an
    item changed (``outdated.pages_to_rewrite``), and read again here when the
    peildatum moved (also when nothing was edited: then nothing else is read).
    """
    store = domain.of(env)  # PolicyTraceDomain forgets purged pages and merges parallel reads
    date_changed = store.overview_date != _reference_date(app)
    pages = set(store.overviews) if added or changed or removed or date_changed else set()
    if date_changed:
        pages.update(outdated.pages_with(env, stand_view.VIEW))
    return sorted(page for page in pages if page in env.found_docs)


def remember_reference_date(app: Sphinx, env: BuildEnvironment) -> None:
    """Keep the reference date the pages were built for, to notice when it moves (``env-updated``)."""
    domain.of(env).overview_date = _reference_date(app)


def _reference_date(app: Sphinx) -> str:
    return state.settings_of_build(app).context.reference_date.isoformat()


def overview_pages(env: BuildEnvironment) -> list[str]:
    """The pages with a ``controle-overzicht``, sorted."""
    return sorted(page for page in domain.of(env).overviews if page in env.found_docs)


def has_overview(doctree: nodes.document) -> bool:
    """Whether a page holds a ``controle-overzicht`` still to fill in."""
    return next(iter(doctree.findall(ControlOverview)), None) is not None


def render_overviews(app: Sphinx, doctree: nodes.document, docname: str, findings: Sequence[Finding]) -> None:
    """Fill in each overview placeholder of a page being written with ``findings`` (all the reports list)."""
    placeholders = list(doctree.findall(ControlOverview))
    if not placeholders:
        return
    run = state.of(app).run
    for placeholder in placeholders:
        if run is None:
            placeholder.replace_self(nodes.paragraph(text="De controle is in deze build niet uitgevoerd."))
        else:
            placeholder.replace_self(_overview(app, docname, run, findings))


def _overview(app: Sphinx, docname: str, run: CheckRun, findings: Sequence[Finding]) -> list[nodes.Node]:
    summary = count_phrases(findings)
    intro = nodes.paragraph(
        text=(
            f"De controle van {len(run.items)} items en hun pagina's vond {summary} "
            f"(peildatum {run.context.reference_date.isoformat()})."
        )
    )
    result: list[nodes.Node] = [intro]

    result.append(nodes.rubric(text="Dekking"))
    result.append(
        _table(
            ("Wat", "Aantal", "Aandeel"),
            [(escape(r.label), f"{r.part} van {r.total}", escape(r.percentage)) for r in run.coverage.ratios],
            classes=["policy-coverage"],
        )
    )

    result.append(nodes.rubric(text="Bevindingen per regel"))
    per_code = {rule.code: [f for f in findings if f.code == rule.code] for rule in RULES}
    result.append(
        _table(
            ("Regel", "Ernst", "Wat de regel vraagt", "Aantal"),
            [
                (
                    _code_link(rule.code) if per_code[rule.code] else rule.code,
                    escape(_severity_of(per_code[rule.code], rule.severity)),
                    escape(rule.summary),
                    str(len(per_code[rule.code])),
                )
                for rule in RULES
            ],
            classes=["policy-rules"],
        )
    )
    for rule in RULES:
        found = per_code[rule.code]
        if not found:
            continue
        result.append(nodes.rubric(text=f"{rule.code}: {rule.summary}", ids=[_code_anchor(rule.code)]))
        listing = nodes.bullet_list(classes=["policy-findings"])
        listing.extend(_finding_item(app, docname, item) for item in found)
        result.append(listing)

    result += _other_warnings(app, docname, [f for f in findings if f.code not in per_code])

    waived = [f for f in findings if f.waiver is not None]
    if waived:
        result.append(nodes.rubric(text="Uitzonderingen", ids=["uitzonderingen"]))
        result.append(
            nodes.paragraph(
                text="Deze bevindingen zijn voorlopig aanvaard: ze tellen niet als fout tot en met de "
                f"einddatum. Daarna gelden ze weer ({waivers.EXPIRED.code})."
            )
        )
        result.append(
            _table(
                ("Item", "Regel", "Door", "Tot en met", "Reden"),
                [
                    (
                        _item_link_html(app, docname, f),
                        f.code,
                        escape(f.waiver.owner),
                        escape(f.waiver.until),
                        escape(f.waiver.reason),
                    )
                    for f in waived
                    if f.waiver is not None
                ],
                classes=["policy-waivers"],
            )
        )

    result.append(nodes.rubric(text="Bevindingen per item"))
    by_item: dict[str, list[Finding]] = {}
    for item in findings:
        if _about_an_item(item):  # a page's or a setting's finding is listed above, under its code
            by_item.setdefault(item.id, []).append(item)
    if not by_item:
        result.append(nodes.paragraph(text="Geen bevindingen: alle items voldoen aan de regels."))
        return result
    rows = []
    for item_id in sorted(by_item):
        own = by_item[item_id]
        first = own[0]
        rows.append(
            (
                _item_link_html(app, docname, first),
                escape(first.type),
                ", ".join(sorted({f.code for f in own})),
                escape(first.location or ""),
            )
        )
    result.append(_table(("Item", "Type", "Regels", "Bestand"), rows, classes=["policy-items"]))
    return result


def _finding_item(app: Sphinx, docname: str, item: Finding) -> nodes.list_item:
    """One finding as a list item: its item (linked) or page, location, severity, message and fix."""
    paragraph = nodes.paragraph()
    paragraph += _item_link(app, docname, item)
    paragraph += nodes.Text(f" ({item.location}, {SEVERITY_LABELS[item.severity][0]}): {item.message} ")
    paragraph += nodes.emphasis(text=f"Oplossing: {item.fix}")
    if item.waiver is not None:
        paragraph += nodes.Text(f" Uitgezonderd: {item.waiver.text}.")
    return nodes.list_item("", paragraph)


def _other_warnings(app: Sphinx, docname: str, others: Sequence[Finding]) -> list[nodes.Node]:
    """The findings that are no rule's (Sphinx, MyST, sphinx-needs, a setting): by code, as the reports."""
    result: list[nodes.Node] = [nodes.rubric(text="Andere meldingen", ids=["andere-meldingen"])]
    if not others:
        result.append(nodes.paragraph(text="Sphinx, MyST en sphinx-needs gaven geen meldingen, en elke "
                                           "instelling is bruikbaar."))
        return result
    per_code: dict[str, list[Finding]] = {}
    for found in others:
        per_code.setdefault(found.code, []).append(found)
    codes = sorted(per_code)
    result.append(
        nodes.paragraph(
            text="Meldingen van Sphinx, MyST en sphinx-needs over pagina's en verwijzingen, en over "
            "instellingen die niet bruikbaar zijn. Ze tellen mee in de rapporten en laten de build met "
            "-W falen, zoals een fout."
        )
    )
    result.append(
        _table(
            ("Code", "Ernst", "Wat het betekent", "Aantal"),
            [
                (
                    _code_link(code),
                    escape(_severity_of(per_code[code], "error")),
                    escape(other_warning(code)),
                    str(len(per_code[code])),
                )
                for code in codes
            ],
            classes=["policy-other"],
        )
    )
    for code in codes:
        result.append(nodes.rubric(text=f"{code}: {other_warning(code)}", ids=[_code_anchor(code)]))
        listing = nodes.bullet_list(classes=["policy-findings"])
        listing.extend(_finding_item(app, docname, item) for item in per_code[code])
        result.append(listing)
    return result


def _code_anchor(code: str) -> str:
    return f"bevindingen-{code.lower().replace('.', '-')}"


def _code_link(code: str) -> str:
    return f'<a class="reference internal" href="#{_code_anchor(code)}">{code}</a>'


def _severity_of(found: Sequence[Finding], default: str) -> str:
    severity = found[0].severity if found else default
    return SEVERITY_LABELS[severity][0]


def _about_an_item(found: Finding) -> bool:
    # Not about a page ("(pagina)"), a setting ("(conf.py)") or a block without an ID: the reports' names.
    return bool(found.id) and not found.id.startswith("(")


def _item_link(app: Sphinx, fromdocname: str, item: Finding) -> nodes.Node:
    # What a finding is about: an item (linked to it), or a page (linked to the page) or a setting.
    text = item.id or item.code
    if not item.docname:
        return nodes.literal(text=text)
    uri = app.builder.get_relative_uri(fromdocname, item.docname)
    anchor = f"#{item.id}" if _about_an_item(item) else ""
    reference = nodes.reference("", "", internal=True, refuri=f"{uri}{anchor}")
    reference += nodes.literal(text=text)
    return reference


def _item_link_html(app: Sphinx, fromdocname: str, item: Finding) -> str:
    """The item's ID as a link to its place, as HTML for a table cell (what ``_item_link`` renders to)."""
    code = f'<code class="docutils literal notranslate"><span class="pre">{escape(item.id)}</span></code>'
    if not item.docname:
        return code
    uri = app.builder.get_relative_uri(fromdocname, item.docname)
    return f'<a class="reference internal" href="{escape(uri)}#{escape(item.id)}">{code}</a>'


def _table(header: Sequence[str], rows: Sequence[Sequence[str]], classes: list[str]) -> nodes.Node:
    """A table of the page in the views' one table builder; cells are HTML (escaped by the caller).

    The rubric right above each table names it, so it has no caption of its own.
    """
    markup = htmltable.table(None, [escape(cell) for cell in header], rows, classes=classes)
    return htmltable.scrolling(markup, f"Tabel: {', '.join(header)}")
