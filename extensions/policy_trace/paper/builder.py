"""The ``policy_pdf`` builder behind ``policy-trace pdf``: read and check everything, print one PDF."""

from __future__ import annotations

from html import escape
from pathlib import Path
from urllib.parse import unquote, urlsplit

from sphinx.util import logging
from sphinx_needs.builder import NeedsBuilder

from .. import state
from ..dates import build_moment, dutch_date, parse_iso
from ..findings import FINDINGS_EVENT, WARNING_TYPE, Subtype
from ..items import Programme
from ..outcome import Finding
from ..state import programme_of_build
from ..upstream.sphinx_needs import node_classes
from ..views.words import NEED_ROLE_TEMPLATE, body_html, need_role_text
from . import document, weasy

logger = logging.getLogger(__name__)

#: The file the builder writes in its output folder.
PDF_NAME = "programma.pdf"
STYLESHEET = Path(__file__).with_name("paper.css")
#: The setting ``policy-trace pdf --vergadering`` passes (``-D``): the meeting's date, ``YYYY-MM-DD``.
MEETING_SETTING = "policy_trace_pdf_meeting"


class PaperBuilder(NeedsBuilder):
    """Reads all documents and runs the checks like ``-b needs``; writes the board's paper, not needs.json."""

    name = "policy_pdf"
    epilog = ""

    def bodies(self, programme: Programme) -> dict[str, str]:
        """Each item's text as HTML, from the doctrees the site renders, through the site's presenter."""
        template = str(getattr(self.app.config, "needs_role_need_template", "") or NEED_ROLE_TEMPLATE)

        def link(target: str, text: str) -> str:
            item = programme.get(target.split(".", 1)[0])
            if item is None:
                return escape(text or target)
            text = text or need_role_text(template, item)
            return f'<a href="#{escape(item.id, quote=True)}">{escape(text)}</a>'

        need = node_classes().need
        found: dict[str, str] = {}
        for docname in sorted(self.env.all_docs):
            for node in self.env.get_doctree(docname).findall(need):
                item_id = str(node.get("refid") or "")
                if item_id in programme.items and item_id not in found:
                    found[item_id] = body_html(node.children, link)
        return found

    def findings(self) -> tuple[Finding, ...]:
        """What the reports list: the rules' findings and every other warning shown while reading."""
        found = self.app.emit_firstresult(FINDINGS_EVENT)
        if found is not None:
            return tuple(found)
        run = state.of(self.app).run
        return run.findings if run else ()

    def finish(self) -> None:
        """Print the paper from this build's items and findings."""
        from sphinx_needs.api import get_needs_view

        config = self.app.config
        edition = state.Edition.of(config)
        texts = {key: str(need.get("content") or "") for key, need in get_needs_view(self.app).items()}
        programme = programme_of_build(self.app)
        chosen = state.settings_of_build(self.app).context
        paper = document.Paper(
            title=str(config.project),
            author=str(config.author or ""),
            version=edition.version,
            status=edition.status or "werkversie",
            date=edition.date_text,
            reference_date=dutch_date(chosen.reference_date),
            judgements=state.judgements_of_build(self.app),
            programme=programme,
            findings=self.findings(),
            texts=texts,
            stylesheet=STYLESHEET.read_text(encoding="utf-8"),
            created=build_moment().isoformat(timespec="seconds"),
            meeting=parse_iso(config[MEETING_SETTING]),
            stand=state.stand_of_build(self.app),
            bodies=self.bodies(programme),
            koppelingen=state.koppelingen_of_build(self.app),
            incoming=state.incoming_of_build(self.app),
        )
        target = Path(self.outdir) / PDF_NAME
        try:
            refused = weasy.write_pdf(
                document.render(paper), target, Path(self.srcdir), document.link_descriptions(paper)
            )
        except (weasy.PrintError, document.tree.fonts.FontMissing) as error:
            logger.error("policy-trace pdf: %s", error, type=WARNING_TYPE, subtype=Subtype.PDF.value)
            return
        for url in refused:
            logger.warning("%s", _located(paper, url), type=WARNING_TYPE, subtype=Subtype.PDF.value)
        logger.info("Het PDF-document staat in %s", target)


def _located(paper: document.Paper, url: str) -> str:
    """The refusal of ``url``, at the item whose text names it (by address or file name)."""
    name = Path(unquote(urlsplit(url).path)).name
    for item in paper.programme:
        text = paper.texts.get(item.id, "")
        if text and (url in text or (name and name in text)):
            return f"{item.location}: {item.id}: {weasy.refusal(url)}"
    return f"policy-trace pdf: {weasy.refusal(url)}"
