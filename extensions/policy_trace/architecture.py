"""Directives for the contributors' page: the package's layers and modules, and its seams, read from the code.

An extension of its own (``extensions += ["policy_trace.architecture"]``),
used by this repository's site: a programme's authors do not need it, so
``policy_trace`` does not load it and the handbook does not list it.

The module list is generated from the installed package (each module's first
docstring line), so the page cannot drift from the code; the layers are
declared once here, and ``tests/test_architecture.py`` holds every module to
one of them.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from dataclasses import dataclass
from typing import Any

from sphinx.application import Sphinx

# The handbook's Markdown helpers: one way to write a generated table.
from .handbook import _code as code
from .handbook import _MarkdownDirective as MarkdownDirective
from .handbook import _table as markdown_table
from .upstream import furo, sphinx, sphinx_autobuild, sphinx_needs, weasyprint
from .version import __version__


@dataclass(frozen=True)
class Layer:
    """One layer of the package: what belongs in it, and its modules (a name covers its sub-modules)."""

    name: str
    holds: str
    modules: tuple[str, ...]
    #: A layer apart (the seams): it uses only itself, and only the modules named here (exactly) use
    #: it. Empty: an ordinary layer, used by itself and the layers after it.
    users: tuple[str, ...] = ()


#: The layers in the order the data flows: a module may use its own layer and those before it,
#: never one after it; the seams, last, stand apart (``tests/test_architecture.py`` checks every
#: import against this).
LAYERS: tuple[Layer, ...] = (
    Layer(
        "Model",
        "Wat een programma is: itemtypen, velden, koppelingen, statussen en instellingen, één keer "
        "gedeclareerd, en wat een auteur schrijft zonder dat er items zijn: data, en de bron als tekst.",
        ("model", "version", "vocabulary", "needs_config", "dates", "sourcescan", "urls",
         "deprecation"),
    ),
    Layer(
        "Items",
        "Een alleen-lezen beeld van alle items en wat eruit volgt (reeksen, oordelen, wijzigingen), de "
        "gekoppelde programma's en de versies van een publicatie, de typen van een controle-uitkomst, en "
        "wat policy-trace op de bouwomgeving bewaart (één Domain).",
        ("items", "series", "judgement", "judging", "changes", "koppelingen", "publish", "outcome", "domain"),
    ),
    Layer(
        "Regels",
        "Eén kleine, pure functie per regel over alle items, met de regel erboven gedeclareerd.",
        ("rules",),
    ),
    Layer(
        "Uitkomst",
        "De regels gedraaid: bevindingen met hun ernst, uitzonderingen, dekking, de gekozen "
        "instellingen, de rapporten, de drempel tegen een nulmeting, de stand van zaken, en wat één "
        "build één keer uitrekent (de bouwtoestand, `state`).",
        ("findings", "coverage", "checking", "waiving", "settings", "reports",
         "ratchet", "state", "stand"),
    ),
    Layer(
        "Weergave",
        "Hoe items en uitkomst in woorden, tabellen en figuren staan, voor site en pdf gelijk.",
        ("views.context", "views.derive", "views.words", "views.htmltable", "views.charts",
         "views.mermaid"),
    ),
    Layer(
        "Schrijvers",
        "Wat de site, de pdf en de downloads tonen: de overzichten, de details per item, het "
        "handboek, het thema op furo, needs.json en de andere bestanden naast de pagina's.",
        ("views", "paper", "exports", "needs_json", "ubproject", "assets", "publication",
         "pagehead", "housestyle", "securitytxt", "theme", "handbook", "architecture"),
    ),
    Layer(
        "Sphinx",
        "Wat policy-trace in Sphinx haakt: de extensie zelf, wanneer de controles draaien, wat ze bij het "
        "lezen van de bron bewaren, het bouwen na een wijziging, het geheugen.",
        ("policy_trace", "checks", "rebuild", "collector", "buildlock"),
    ),
    Layer(
        "Opdrachten",
        "De opdracht `policy-trace` en wat bouwen sneller maakt: het warme bouwproces, het "
        "sjabloon voor een nieuw item en voor een nieuw programma.",
        ("cli", "commands", "starter", "live", "warm", "scaffold"),
    ),
    Layer(
        "Naden",
        "Elke greep in de interne onderdelen van een afhankelijkheid, één module per afhankelijkheid, "
        "met de versie waarvoor hij geschreven is. Apart, onderaan: de naden gebruiken niets van "
        "policy-trace, en alleen de modules die iets van een afhankelijkheid lezen of ervoor schrijven "
        "gebruiken ze.",
        ("upstream",),
        users=("policy_trace", "theme", "theme.navigation", "views", "views.outdated", "needs_json",
               "checks.builder", "checks.markup", "checks.messages", "checks.events",
               "paper.builder", "paper.weasy", "pagehead", "live", "rebuild",
               "architecture"),
    ),
)

PACKAGE = "policy_trace"
_ROLE = re.compile(r":[a-z]+:`")


def modules() -> list[tuple[str, str]]:
    """Every module of the package (dotted name without the package) with its docstring's first line."""
    package = importlib.import_module(PACKAGE)
    result = [("", _summary(package))]
    for info in pkgutil.walk_packages(package.__path__, f"{PACKAGE}."):
        result.append((info.name.removeprefix(f"{PACKAGE}."), _summary(importlib.import_module(info.name))))
    return sorted(result)


def _summary(module: Any) -> str:
    lines = (module.__doc__ or "").strip().splitlines()
    # A Sphinx role (":mod:`x`") is Python-docstring markup; on the page it is code.
    return _ROLE.sub("`", lines[0]) if lines else ""


def layer_of(name: str) -> Layer | None:
    """The layer a module (dotted name without the package; "" for the package) belongs to, if any.

    The longest name a layer gives decides: ``views.words`` is in another layer than ``views``.
    """
    parts = name.split(".") if name else [PACKAGE]
    for end in range(len(parts), 0, -1):
        prefix = ".".join(parts[:end])
        for layer in LAYERS:
            if prefix in layer.modules:
                return layer
    return None


def may_import(importer: str, imported: str) -> bool:
    """Whether module ``importer`` may import ``imported`` (dotted names without the package)."""
    mine, theirs = layer_of(importer), layer_of(imported)
    if mine is None or theirs is None:
        return False
    if theirs is mine:
        return True
    if theirs.users:
        return (importer or PACKAGE) in theirs.users
    return not mine.users and LAYERS.index(theirs) < LAYERS.index(mine)


class LayersDirective(MarkdownDirective):
    """``policy-trace-layers``: per layer what belongs in it and its modules, with their docstrings."""

    def markdown(self) -> str:
        found = modules()
        parts = []
        for layer in LAYERS:
            own = [(name or PACKAGE, summary) for name, summary in found if layer_of(name) is layer]
            parts.append(f"### {layer.name}\n\n{layer.holds}\n")
            parts.append(markdown_table(["Module", "Wat erin staat"], ([code(n), s] for n, s in own)))
        return "\n".join(parts)


class SeamsDirective(MarkdownDirective):
    """``policy-trace-seams``: the dependencies whose internals we use, and the version written for."""

    def markdown(self) -> str:
        seams = (sphinx, furo, sphinx_needs, sphinx_autobuild, weasyprint)
        return markdown_table(
            ["Afhankelijkheid", "Geschreven voor", "Module", "Wat de naad doet"],
            (
                [
                    seam.PIN.distribution,
                    code(seam.PIN.version),
                    code(f"upstream/{seam.PIN.module}.py"),
                    _summary(seam),
                ]
                for seam in seams
            ),
        )


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the contributors' directives."""
    app.add_directive("policy-trace-layers", LayersDirective)
    app.add_directive("policy-trace-seams", SeamsDirective)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
