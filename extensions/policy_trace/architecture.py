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


@dataclass(frozen=True)
class Layer:
    """One layer of the package: what belongs in it, and its modules (a name covers its sub-modules)."""

    name: str
    holds: str
    modules: tuple[str, ...]


#: The layers, from the model outwards; a layer may use the ones above it, not those below.
LAYERS: tuple[Layer, ...] = (
    Layer(
        "Model",
        "Wat een programma is: itemtypen, velden, koppelingen, statussen, instellingen en regels, "
        "één keer gedeclareerd. De sphinx-needs-configuratie wordt eruit afgeleid.",
        ("model", "vocabulary", "rules", "needs_config", "urls"),
    ),
    Layer(
        "Items en gegevens",
        "Een alleen-lezen beeld van alle items en wat eruit volgt (reeksen, oordelen, dekking, data), "
        "het type bevinding, en alles wat policy-trace op de bouwomgeving bewaart (één Domain).",
        ("items", "series", "judgement", "coverage", "stand", "dates", "findings", "domain", "rebuild",
         "koppelingen"),
    ),
    Layer(
        "Controles",
        "Eén kleine, pure functie per regel over alle items, wanneer ze draaien, en de rapporten.",
        ("checks", "sourcescan", "reports", "ratchet"),
    ),
    Layer(
        "Weergaven",
        "Wat de site en de pdf tonen: de overzichten, de details per item, het handboek, de downloads.",
        ("views", "paper", "handbook", "architecture", "exports", "needs_json", "ubproject", "assets",
         "changes", "publish", "pagehead"),
    ),
    Layer(
        "Thema",
        "Het uiterlijk op furo: Nederlandse interfaceteksten, toegankelijke opmaak, de navigatie.",
        ("theme",),
    ),
    Layer(
        "Naden",
        "Elke greep in de interne onderdelen van een afhankelijkheid, één module per afhankelijkheid, "
        "met de versie waarvoor hij geschreven is.",
        ("upstream",),
    ),
    Layer(
        "Opdrachten en bouwen",
        "De opdracht `policy-trace` en wat bouwen sneller maakt: het warme bouwproces, de "
        "geheugeninstellingen, het sjabloon voor een nieuw item.",
        ("cli", "commands", "starter", "live", "warm", "collector", "scaffold"),
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
    """The layer a module (dotted name without the package) belongs to; None if it has none."""
    top = name.split(".", 1)[0]
    return next((layer for layer in LAYERS if top in layer.modules), None)


class LayersDirective(MarkdownDirective):
    """``policy-trace-layers``: per layer what belongs in it and its modules, with their docstrings."""

    def markdown(self) -> str:
        found = modules()
        parts = []
        for layer in LAYERS:
            own = [(name, summary) for name, summary in found if name and layer_of(name) is layer]
            parts.append(f"### {layer.name}\n\n{layer.holds}\n")
            parts.append(markdown_table(["Module", "Wat erin staat"], ([code(n), s] for n, s in own)))
        return "\n".join(parts)


class SeamsDirective(MarkdownDirective):
    """``policy-trace-seams``: the dependencies whose internals we use, and the version written for."""

    def markdown(self) -> str:
        from .upstream import furo, sphinx, sphinx_autobuild, sphinx_needs, weasyprint

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
    return {"version": "0.1.0", "parallel_read_safe": True, "parallel_write_safe": True}
