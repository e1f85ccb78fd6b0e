"""The package's plan holds: every module in a layer, every import with the layers, no import circle.

The import graph is read from the source (``ast``), not from what happens to
be imported, so it cannot drift: an import added against ``LAYERS``
(``policy_trace/architecture.py``), one that closes a circle, or one of our own
modules imported inside a function fails here, naming the file and line.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from policy_trace import architecture, model, rules, views

SOURCE = Path(architecture.__file__).parent


@dataclass(frozen=True)
class Import:
    """One import of one of the package's modules by another."""

    importer: str
    imported: str
    line: int
    #: Inside a function (a deferred import), not at the module's top level.
    deferred: bool

    def __str__(self) -> str:
        where = MODULES[self.importer].relative_to(SOURCE).as_posix()
        return f"{where}:{self.line}: {self.importer or 'policy_trace'} -> {self.imported or 'policy_trace'}"


def _modules() -> dict[str, Path]:
    """Every module of the package by dotted name without the package ("" for the package itself)."""
    found = {}
    for path in sorted(SOURCE.rglob("*.py")):
        parts = list(path.relative_to(SOURCE).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _imported(importer: str, path: Path, node: ast.Import | ast.ImportFrom) -> list[str]:
    """The package's modules an import statement names (a name it imports from a module: that module)."""
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names if alias.name.split(".")[0] == architecture.PACKAGE]
        return [name.partition(".")[2] for name in names]
    if node.level:
        package = importer.split(".") if importer else []
        if path.name != "__init__.py":
            package = package[:-1]
        base = package[: len(package) - node.level + 1]
    elif (node.module or "").split(".")[0] == architecture.PACKAGE:
        base = []
        node = ast.ImportFrom(node.module.partition(".")[2] or None, node.names, 0)  # type: ignore[union-attr]
    else:
        return []
    module = [*base, *(node.module.split(".") if node.module else [])]
    result = []
    for alias in node.names:
        submodule = ".".join([*module, alias.name])
        result.append(submodule if submodule in MODULES else ".".join(module))
    return result


def _with_packages(importer: str, target: str) -> list[str]:
    """``target`` and the packages above it that Python runs first: those the importer is not inside.

    Importing ``checks.source`` from ``views`` runs ``checks/__init__.py`` (and all it imports);
    from a module inside ``checks`` it does not (the package is already being imported).
    """
    parts = target.split(".")
    packages = [".".join(parts[:end]) for end in range(1, len(parts))]
    inside = [p for p in packages if importer != p and not importer.startswith(p + ".")]
    return [*inside, target]


def imports() -> list[Import]:
    """Every import of one of the package's modules in the package's source, with where it stands."""
    result = []
    for name, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))

        def visit(node: ast.AST, deferred: bool, name: str = name, path: Path = path) -> None:
            for child in ast.iter_child_nodes(node):
                if isinstance(child, (ast.Import, ast.ImportFrom)):
                    for target in _imported(name, path, child):
                        result.extend(Import(name, imported, child.lineno, deferred)
                                      for imported in _with_packages(name, target))
                inside = deferred or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
                visit(child, inside)

        visit(tree, False)
    return result


IMPORTS = imports()


def _circles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected parts of more than one module (or a module importing itself)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def strong(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(edges.get(node, ())):
            if other not in index:
                strong(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            part = []
            while True:
                other = stack.pop()
                on_stack.discard(other)
                part.append(other)
                if other == node:
                    break
            if len(part) > 1 or node in edges.get(node, ()):
                found.append(sorted(part))

    for node in sorted(edges):
        if node not in index:
            strong(node)
    return found


def test_every_module_of_the_package_has_a_layer_and_a_docstring():
    found = architecture.modules()
    assert len(found) > 40
    assert [name for name, _summary in found if architecture.layer_of(name) is None] == []
    assert [name or "policy_trace" for name, summary in found if not summary] == []


def test_each_layer_names_only_modules_that_exist():
    names = {name or architecture.PACKAGE for name in MODULES}
    named = [m for layer in architecture.LAYERS for m in (*layer.modules, *layer.users)]
    assert [m for m in named if m not in names] == []


def test_the_source_is_read_as_the_interpreter_imports_it():
    # The graph below is read from the source; it must see the imports Python runs.
    assert {"model", "items", "rules", "views", ""} <= set(MODULES)
    assert Import("items", "model", 17, False) in IMPORTS or any(
        i.importer == "items" and i.imported == "model" for i in IMPORTS
    )
    assert any(i.importer == "rules" and i.imported == "rules.links" for i in IMPORTS)


def test_no_module_imports_one_of_a_later_layer_or_a_seam_it_may_not_use():
    against = [str(i) for i in IMPORTS if not architecture.may_import(i.importer, i.imported)]
    assert against == []


def test_no_import_circle_among_the_package_modules():
    edges: dict[str, set[str]] = {}
    for i in IMPORTS:
        edges.setdefault(i.importer, set()).add(i.imported)
    assert _circles(edges) == []


def test_no_module_of_the_package_is_imported_inside_a_function():
    # A deferred import hides a circle or a layer crossing from the import-time graph.
    assert [str(i) for i in IMPORTS if i.deferred] == []


@pytest.mark.parametrize(
    ("importer", "imported", "allowed"),
    [
        ("rules.links", "items", True),
        ("items", "rules", False),  # a later layer
        ("views.tevreden", "upstream.sphinx_needs", False),  # a seam it has no business with
        ("views.outdated", "upstream.sphinx_needs", True),
        ("upstream.furo", "model", False),  # the seams use nothing of ours
        ("views.words", "views.tevreden", False),  # the longest name decides the layer
    ],
)
def test_the_layer_rule_itself(importer, imported, allowed):
    assert architecture.may_import(importer, imported) is allowed


def test_the_circle_finder_finds_a_circle():
    assert _circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _circles({"a": {"b"}, "b": set()}) == []


#: Modules that still name other rules' codes: sphinx-needs' and MyST's messages rewritten as if
#: they were findings (the gate work makes them real findings; then this list empties).
REWRITTEN_MESSAGES = {"checks.messages"}


def test_a_rule_code_is_written_only_where_the_rule_is_declared():
    home = {
        value.code: module.__name__.removeprefix(f"{architecture.PACKAGE}.")
        for module in rules.CHECK_MODULES
        for value in vars(module).values()
        if isinstance(value, rules.Rule)
    }
    elsewhere = []
    for name, path in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            code = node.value if isinstance(node, ast.Constant) else None
            if code in home and home[code] != name and name not in REWRITTEN_MESSAGES:
                elsewhere.append(f"{path.relative_to(SOURCE).as_posix()}:{node.lineno}: {code}")
    assert elsewhere == []


def test_a_status_is_named_only_in_the_model():
    # Code asks for a status by its role (model.status_of), so a status's name is written once.
    names = {status.name for status in model.STATUSES}
    elsewhere = [
        f"{path.relative_to(SOURCE).as_posix()}:{node.lineno}: {node.value}"
        for name, path in MODULES.items()
        if name != "model"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant) and node.value in names
    ]
    assert elsewhere == []


def test_the_status_css_comes_from_the_model():
    written = views.status_css()
    assert [s.name for s in model.STATUSES if s.marker and f"pt-{s.name} {{ {s.marker}; }}" in written] == [
        s.name for s in model.STATUSES if s.marker
    ]
    names = "|".join(status.name for status in model.STATUSES)
    selectors = [
        f"{path.relative_to(SOURCE).as_posix()}: {match.group()}"
        for path in sorted(SOURCE.rglob("*.css*"))
        for match in re.finditer(rf"\.pt-({names})\b", path.read_text(encoding="utf-8"))
    ]
    assert selectors == []



#: Who may assess a criterion, by (module, function): ``judging`` judges every criterion once per
#: build through ``series.assessment``, which alone reads the numbers with ``judgement.assess``.
ASSESSORS = {("series", "assessment"): "judging", ("judgement", "assess"): "series"}


def _assessing(module: str, path: Path) -> list[tuple[int, tuple[str, str]]]:
    """Where ``module`` names ``series.assessment`` or ``judgement.assess``: called, imported or passed on."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            named = (node.value.id, node.attr)
            found += [(node.lineno, named)] if named in ASSESSORS else []
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for imported in _imported(module, path, node):
                for alias in node.names:
                    named = (imported.rpartition(".")[2], alias.name)
                    found += [(node.lineno, named)] if named in ASSESSORS else []
    return found


def test_a_criterion_is_judged_in_one_place():
    # The site, the stand, the paper and rule PT304 read the build's judgements (judging.py, reached
    # through state.judgements_of_build and the check context); a second assessment could disagree.
    elsewhere = [
        f"{path.relative_to(SOURCE).as_posix()}:{line}: {'.'.join(named)}"
        for module, path in MODULES.items()
        for line, named in _assessing(module, path)
        if ASSESSORS[named] != module
    ]
    assert elsewhere == []


def test_the_one_place_test_sees_a_second_assessment(tmp_path):
    # The paper's criteria table as it was before: it assessed a criterion itself.
    before = tmp_path / "document.py"
    before.write_text(
        "from .. import series\n\n\ndef cell(programme, item, start):\n"
        "    return series.assessment(programme, item, start).reason\n",
        encoding="utf-8",
    )
    assert _assessing("paper.document", before) == [(5, ("series", "assessment"))]
    imported = tmp_path / "measurements.py"
    imported.write_text("from ..series import assessment\n", encoding="utf-8")
    assert _assessing("rules.measurements", imported) == [(1, ("series", "assessment"))]
