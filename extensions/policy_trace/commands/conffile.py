"""conf.py as authors write it: a Python or type mistake is one Dutch line at ``conf.py:LINE``.

Sphinx reads conf.py with ``exec`` and answers a slip (``policy_trace_status =
vastgesteld``, a date without quotes, an unclosed quote) with an English
"Configuration error!", a traceback and a request to report a bug in Sphinx.
The front doors read conf.py first, the way Sphinx does (its folder as the
current one, ``__file__`` and ``tags`` set), and stop with one located line and
a fix instead. The values the checks read get the same validation the build
gives them (``settings``), so a mistake there is caught here too.
"""

from __future__ import annotations

import ast
import contextlib
import os
import re
import sys
import traceback
from pathlib import Path
from typing import Any

from sphinx.util.tags import Tags

from .. import model, settings
from . import project as projects

#: SyntaxError texts of Python 3.11-3.13, and what they mean to someone writing settings.
_SYNTAX = (
    (
        re.compile(r"unterminated (triple-quoted )?string literal|EOL while scanning|EOF while scanning"),
        "een aanhalingsteken wordt niet gesloten",
        "sluit de tekst op dezelfde regel af met hetzelfde aanhalingsteken waarmee ze begint",
    ),
    (
        re.compile(r"leading zeros in decimal integer literals|invalid decimal literal"),
        "hier staat een datum of getal zonder aanhalingstekens",
        'zet een datum tussen aanhalingstekens, bijvoorbeeld ("2024-01-01", "2027-12-31")',
    ),
    (
        re.compile(r"was never closed|unexpected EOF|unmatched|does not match opening"),
        "een haakje wordt niet (of verkeerd) gesloten",
        "sluit elk haakje ( [ { met het bijbehorende ) ] }",
    ),
    (
        re.compile(r"indent", re.IGNORECASE),
        "deze regel springt onverwacht in (of niet in)",
        "begin een instelling aan het begin van de regel, zonder spaties ervoor",
    ),
)


def problem(folder: Path) -> str | None:
    """The one Dutch line about what stops conf.py in ``folder`` from being read, or None if it reads."""
    path = folder / "conf.py"
    shown = projects.relative(path)
    try:
        source = path.read_bytes()
    except OSError as error:
        return f"{shown}: FOUT: conf.py kan niet gelezen worden ({error.strerror})."
    if not _has_code(source):
        return (
            f"{shown}:1: FOUT: conf.py is leeg, dus policy-trace en MyST worden niet geladen. Oplossing: "
            'zet er minstens extensions = ["myst_parser", "policy_trace"] in, of begin opnieuw met '
            "policy-trace init (dat schrijft een volledig conf.py)."
        )
    try:
        code = compile(source, str(path), "exec")
    except SyntaxError as error:
        return _syntax(shown, error)
    namespace: dict[str, Any] = {"__file__": str(path), "tags": Tags()}
    with _in_folder(folder):
        try:
            exec(code, namespace)  # noqa: S102 - conf.py is the programme's own code, as Sphinx runs it
        except SystemExit:
            return f"{shown}: FOUT: conf.py stopt het programma (sys.exit). Oplossing: haal die aanroep weg."
        except Exception as error:  # any mistake in the author's code: one line, no traceback
            return _raised(shown, path, error)
    return _values(shown, path, namespace)


def _has_code(source: bytes) -> bool:
    text = source.decode("utf-8", "replace")
    try:
        return bool(ast.parse(text).body)
    except SyntaxError:
        return True  # there is something: compile says what is wrong with it


def _syntax(shown: str, error: SyntaxError) -> str:
    line = error.lineno or 1
    text = (error.text or "").strip()
    what, fix = (
        "dit is geen geldige Python-regel",
        "vergelijk de regel met het voorbeeld in het handboek: tekst tussen aanhalingstekens, een lijst "
        "tussen [ ], twee datums als (\"JJJJ-MM-DD\", \"JJJJ-MM-DD\")",
    )
    for pattern, meaning, remedy in _SYNTAX:
        if pattern.search(error.msg or ""):
            what, fix = meaning, remedy
            break
    quoted = f" ({text})" if text else ""
    return f"{shown}:{line}: FOUT: {what}{quoted}. Oplossing: {fix}."


def _raised(shown: str, path: Path, error: Exception) -> str:
    frames = [frame for frame in traceback.extract_tb(error.__traceback__) if frame.filename == str(path)]
    line = frames[-1].lineno if frames else 0
    where = f"{shown}:{line}" if line else shown
    if isinstance(error, NameError) and error.name:
        name = error.name
        return (
            f"{where}: FOUT: {name} staat niet tussen aanhalingstekens, dus Python zoekt een variabele met "
            f'die naam en vindt die niet. Oplossing: schrijf "{name}" (met aanhalingstekens) als het tekst '
            "is."
        )
    if isinstance(error, ImportError):
        missing = error.name or str(error)
        return (
            f"{where}: FOUT: conf.py importeert {missing}, maar dat is niet geïnstalleerd. Oplossing: "
            "installeer het in dezelfde omgeving als policy-trace, of haal de import weg."
        )
    return (
        f"{where}: FOUT: conf.py stopt met een fout ({type(error).__name__}: {error}). Oplossing: herstel "
        "deze regel; vergelijk hem met het voorbeeld in het handboek."
    )


def _values(shown: str, path: Path, namespace: dict[str, Any]) -> str | None:
    """The first setting of the wrong type or with an unusable value, at the line that sets it."""
    lines = _assignment_lines(path)

    def at(name: str) -> str:
        return f"{shown}:{lines[name]}" if name in lines else shown

    extensions = namespace.get("extensions", [])
    if not isinstance(extensions, (list, tuple)) or "policy_trace" not in extensions:
        return (
            f"{at('extensions')}: FOUT: conf.py laadt policy_trace niet, dus er wordt niets gecontroleerd. "
            'Oplossing: zet extensions = ["myst_parser", "policy_trace"].'
        )
    for setting in model.SETTINGS:
        if setting.name in namespace:
            found = settings.type_problem(setting.name, namespace[setting.name])
            if found is not None:
                return f"{at(setting.name)}: FOUT: {found} Oplossing: geef het een waarde van die soort."
    validators = (
        ("policy_trace_severity", settings.severity_overrides),
        ("policy_trace_period", settings.programme_period),
        ("policy_trace_reference_date", settings.reference_date),
    )
    for name, validate in validators:
        if name in namespace:
            try:
                validate(namespace[name])
            except settings.SettingError as error:
                return f"{at(name)}: FOUT: {error}"
    return None


def _assignment_lines(path: Path) -> dict[str, int]:
    """Where conf.py sets each name (its last assignment, the one that counts)."""
    lines: dict[str, int] = {}
    try:
        tree = ast.parse(path.read_bytes())
    except (SyntaxError, ValueError):
        return lines
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, (ast.AnnAssign, ast.AugAssign)):
            targets = [node.target]
        else:
            continue
        for target in targets:
            if isinstance(target, ast.Name):
                lines[target.id] = max(lines.get(target.id, 0), node.lineno)
    return lines


@contextlib.contextmanager
def _in_folder(folder: Path):  # type: ignore[no-untyped-def]
    """conf.py runs in its own folder with that folder importable, as Sphinx runs it."""
    before, path_before = Path.cwd(), list(sys.path)
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)
        sys.path[:] = path_before
