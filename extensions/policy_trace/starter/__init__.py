"""A new programme (``policy-trace init``): the files of a site that builds with ``-W`` at once.

The files are the templates beside this module (``*.tmpl``), filled in with
the programme's name, organisation and period; the items in ``needs/`` are
one small valid chain written by :func:`policy_trace.scaffold.snippet`, so
they carry every field and link their type has in the model. Their body text
is the scaffold's placeholder, which rule PT407 reports as advice until the
author replaces it.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from .. import scaffold
from ..koppelingen import derive_identity
from ..version import __version__

#: Template (beside this module) -> where it goes in the new programme.
FILES: tuple[tuple[str, str], ...] = (
    ("conf.py.tmpl", "conf.py"),
    ("index.md.tmpl", "index.md"),
    ("docs/stand.md.tmpl", "docs/stand.md"),
    ("docs/tevreden.md.tmpl", "docs/tevreden.md"),
    ("docs/samenhang.md.tmpl", "docs/samenhang.md"),
    ("docs/planning.md.tmpl", "docs/planning.md"),
    ("docs/partijen.md.tmpl", "docs/partijen.md"),
    ("docs/downloads.md.tmpl", "docs/downloads.md"),
    ("docs/wijzigingen.md.tmpl", "docs/wijzigingen.md"),
    ("docs/controle.md.tmpl", "docs/controle.md"),
    ("docs/toegankelijkheid.md.tmpl", "docs/toegankelijkheid.md"),
    ("docs/colofon.md.tmpl", "docs/colofon.md"),
    ("README.md.tmpl", "README.md"),
    ("requirements.txt.tmpl", "requirements.txt"),
    ("gitignore.tmpl", ".gitignore"),
    ("pre-commit-config.yaml.tmpl", ".pre-commit-config.yaml"),
    ("gitlab-ci.yml.tmpl", ".gitlab-ci.yml"),
    ("github-pages.yml.tmpl", ".github/workflows/pages.yml"),
)


@dataclass(frozen=True)
class StarterItem:
    """One item of the starting chain: written with the scaffold, linked to the others."""

    page: str
    type: str
    id: str
    title: str
    links: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


#: needs/ page -> its heading, in the order of the toctree.
PAGES: tuple[tuple[str, str], ...] = (
    ("needs/doelen", "Doelen"),
    ("needs/inspanningen", "Inspanningen"),
    ("needs/projecten", "Projecten en mijlpalen"),
    ("needs/criteria", "Wanneer zijn we tevreden: criteria"),
    ("needs/partijen", "Partijen"),
)

#: hoofddoel -> doel -> inspanning -> project -> mijlpaal, a criterium measuring both goals, a partij
#: that leads the effort and commissions the project: valid, and without advice but PT407's.
CHAIN: tuple[StarterItem, ...] = (
    StarterItem("needs/doelen", "hoofddoel", "HD-HOOFDDOEL", "Het hoofddoel van het programma"),
    StarterItem("needs/doelen", "doel", "SD-EERSTE-DOEL", "Een eerste strategisch doel",
                {"draagt_bij_aan": ("HD-HOOFDDOEL",)}),
    StarterItem("needs/inspanningen", "inspanning", "IN-EERSTE-INSPANNING", "Een eerste inspanning",
                {"draagt_bij_aan": ("SD-EERSTE-DOEL",), "trekker": ("PA-ORGANISATIE",)}),
    StarterItem("needs/projecten", "project", "PRJ-EERSTE-PROJECT", "Een eerste project",
                {"voert_uit": ("IN-EERSTE-INSPANNING",), "opdrachtgever": ("PA-ORGANISATIE",)}),
    StarterItem("needs/projecten", "mijlpaal", "MP-EERSTE-MIJLPAAL", "Een eerste mijlpaal",
                {"hoort_bij": ("PRJ-EERSTE-PROJECT",)}),
    StarterItem("needs/criteria", "criterium", "CR-EERSTE-CRITERIUM", "Wanneer is het hoofddoel bereikt",
                {"meet": ("HD-HOOFDDOEL", "SD-EERSTE-DOEL")}),
    StarterItem("needs/partijen", "partij", "PA-ORGANISATIE", "@@ORGANISATIE_TITEL@@"),
)


class StarterError(ValueError):
    """Options a programme cannot start with; the message is Dutch."""


@dataclass(frozen=True)
class Programme:
    """What ``init`` asks: the programme's name, who publishes it, and its period."""

    name: str
    organisation: str
    begin: dt.date
    end: dt.date
    #: Where readers report a problem with the site (toegankelijkheidsverklaring, colofon); may be empty.
    contact: str = ""

    def __post_init__(self) -> None:
        if self.contact and not re.fullmatch(r"[^@\s<>()]+@[^@\s<>()]+\.[^@\s<>()]+", self.contact):
            raise StarterError(f"het contactadres {self.contact!r} is geen e-mailadres, zoals "
                               "toegankelijkheid@gemeente.nl.")
        for label, text in (("naam", self.name), ("organisatie", self.organisation)):
            if not text.strip():
                raise StarterError(f"de {label} is leeg: geef een {label} tussen aanhalingstekens.")
            if "\n" in text or "\r" in text:
                raise StarterError(f"de {label} moet op één regel passen.")
        if self.end < self.begin:
            raise StarterError(
                f"de looptijd eindigt ({self.end.isoformat()}) voor hij begint ({self.begin.isoformat()}); "
                "geef eerst de begindatum, dan de einddatum."
            )

    @property
    def milestone_date(self) -> dt.date:
        """Halfway through the period: inside it, and not yet passed when the programme starts."""
        return self.begin + (self.end - self.begin) / 2


def default_period(today: dt.date) -> tuple[dt.date, dt.date]:
    """Four calendar years from this one: a common length for a policy programme."""
    return dt.date(today.year, 1, 1), dt.date(today.year + 3, 12, 31)


def parse_date(text: str) -> dt.date:
    """An ISO date ``JJJJ-MM-DD``, or a :class:`StarterError` with an example."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise StarterError(f"'{text}' is geen datum als JJJJ-MM-DD, bijvoorbeeld 2026-01-01.") from None


def files(programme: Programme) -> Iterator[tuple[str, str]]:
    """Every file of the new programme: (path relative to its folder, text)."""
    values = _values(programme)
    folder = resources.files(__name__)
    for template, target in FILES:
        yield target, _fill(folder.joinpath(template).read_text(encoding="utf-8"), values)
    for page, heading in PAGES:
        items = [item for item in CHAIN if item.page == page]
        snippets = [
            scaffold.snippet(
                item.type, item.id, _fill(item.title, values),
                {name: list(targets) for name, targets in item.links.items()},
                today=programme.milestone_date,
            )
            for item in items
        ]
        yield f"{page}.md", f"# {heading}\n\n" + "\n".join(snippets)


def write(folder: Path, programme: Programme, *, force: bool = False) -> list[Path]:
    """Write the programme into ``folder`` (made if missing); refuses a non-empty folder unless ``force``."""
    if folder.exists() and not folder.is_dir():
        raise StarterError(f"{folder} is een bestand, geen map; kies een nieuwe map voor het programma.")
    if folder.is_dir() and any(folder.iterdir()) and not force:
        raise StarterError(
            f"de map {folder} is niet leeg. Kies een nieuwe of lege map, of schrijf er toch in met "
            "--force (bestanden met dezelfde naam worden dan overschreven)."
        )
    written = []
    for relative, text in files(programme):
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def _values(programme: Programme) -> dict[str, str]:
    def python(text: str) -> str:
        return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid Python string literal

    return {
        "NAAM_MD": markdown_text(programme.name),
        "NAAM_DOC": programme.name.replace("\\", "\\\\").replace('"', '\\"'),
        "TITEL_PY": python(html.escape(programme.name, quote=False)),
        "NAAM": programme.name,
        # An item's title stands on its fence line, where a backtick ends the fence (PT109).
        "ORGANISATIE_TITEL": programme.organisation.replace("`", "\u2019"),
        "ORGANISATIE": programme.organisation,
        "VERSIE": __version__,
        "NAAM_PY": python(programme.name),
        "PROGRAMMA_ID_PY": python(derive_identity(programme.name)),
        "ORGANISATIE_PY": python(programme.organisation),
        "CONTACT_PY": python(programme.contact),
        "COPYRIGHT_PY": python(f"{programme.begin.year}, {programme.organisation}"),
        "BEGIN_PY": python(programme.begin.isoformat()),
        "EINDE_PY": python(programme.end.isoformat()),
        "ITEM_PAGES": "\n".join(page for page, _ in PAGES),
    }


#: The characters that make Markdown of a name: HTML, emphasis, links, code, entities, roles, math.
_MARKDOWN_SPECIAL = frozenset("\\`*_{}[]<>()#!|~&$")


def markdown_text(text: str) -> str:
    """``text`` as Markdown that shows it as written: each character that makes markup escaped.

    CommonMark lets a backslash escape any ASCII punctuation, so ``<script>``
    in a name is text on the page, not HTML (PT112), and ``*`` or ``_`` no emphasis.
    """
    return "".join(f"\\{char}" if char in _MARKDOWN_SPECIAL else char for char in text)


def _fill(text: str, values: Mapping[str, str]) -> str:
    for name, value in values.items():
        text = text.replace(f"@@{name}@@", value)
    return text
