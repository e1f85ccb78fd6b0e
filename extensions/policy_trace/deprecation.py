"""Deprecated names applied: an old setting, item option or page block works as its replacement, with a
Dutch warning.

The names are declared once, in :data:`policy_trace.model.DEPRECATED`. Until
its removal version an old name keeps working: conf.py's value of an old
setting is taken for its replacement (``settings.apply_deprecated``, at
``config-inited``), an old option of an item is renamed in the source as it
is read (``checks.source``), so sphinx-needs, needs.json, the checks and the
pages only ever see the new name, and an old page block is registered as the
new one (``views.placeholders.deprecated_directive``). Each use is a warning
of type ``policy.deprecated`` at conf.py:LINE or at its file:LINE, with the
fix; ``suppress_warnings = ["policy.deprecated"]`` silences it while a
programme moves over. ``tests/test_deprecation.py`` fails once ``version.py``
reaches a declared removal version (:func:`overdue`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from . import model
from .sourcescan import Scan
from .version import __version__


def declared(kind: str) -> tuple[model.Deprecated, ...]:
    """The deprecated names of one kind (``setting`` or ``option``), as the model declares them now."""
    return tuple(old for old in model.DEPRECATED if old.kind == kind)


def release(version: str) -> tuple[int, ...]:
    """``0.10.2`` -> ``(0, 10, 2)``: the numbers of a release, compared as numbers (``1.0rc1`` -> (1, 0))."""
    numbers = []
    for part in version.strip().split("."):
        digits = re.match(r"\d+", part)
        if digits is None:
            break
        numbers.append(int(digits.group()))
        if digits.group() != part:
            break  # a pre-release ("0rc1") ends the release numbers
    return tuple(numbers)


def overdue(
    version: str = __version__, names: Iterable[model.Deprecated] | None = None
) -> list[model.Deprecated]:
    """The deprecated names still accepted although ``version`` reached their removal version."""
    chosen = model.DEPRECATED if names is None else names
    return [old for old in chosen if release(version) >= release(old.removal)]


def setting_message(old: model.Deprecated, both: bool) -> str:
    """What an author reads when conf.py sets the old setting ``old`` (``both``: it sets the new one too)."""
    taken = (
        f"conf.py zet ook {old.replacement}; de waarde van {old.name} wordt genegeerd"
        if both
        else f"deze build leest de waarde als {old.replacement}"
    )
    return (
        f"{old.name} is afgeschaft sinds versie {old.since} en werkt niet meer vanaf versie {old.removal}; "
        f"{taken}. Oplossing: noem de instelling in conf.py {old.replacement}"
        + (f" en haal {old.name} weg." if both else ".")
    )


@dataclass(frozen=True)
class OptionUse:
    """An item that uses a deprecated option: where, and what it now reads as."""

    old: model.Deprecated
    item_id: str
    file: str
    line: int
    #: The item also gives the replacement: the old option is left as written (sphinx-needs drops it).
    both: bool

    @property
    def message(self) -> str:
        """The Dutch warning with its fix."""
        head = f"de optie :{self.old.name}:"
        head = f"{self.item_id}: {head}" if self.item_id else head
        if self.both:
            return (
                f"{head} is afgeschaft sinds versie {self.old.since} en het item geeft ook "
                f":{self.old.replacement}:; deze build leest alleen :{self.old.replacement}:. Oplossing: "
                f"haal :{self.old.name}: weg."
            )
        return (
            f"{head} is afgeschaft sinds versie {self.old.since} en werkt niet meer vanaf versie "
            f"{self.old.removal}; deze build leest haar als :{self.old.replacement}:. Oplossing: schrijf "
            f":{self.old.replacement}: in plaats van :{self.old.name}:."
        )


def directive_message(old: model.Deprecated) -> str:
    """What an author reads where a page uses the old block ``old``."""
    return (
        f"het blok {{{old.name}}} is afgeschaft sinds versie {old.since} en werkt niet meer vanaf versie "
        f"{old.removal}; deze build toont het als {{{old.replacement}}}. Oplossing: schrijf "
        f"{{{old.replacement}}} in plaats van {{{old.name}}}."
    )


def option_names() -> frozenset[str]:
    """The deprecated option names that are still accepted."""
    return frozenset(old.name for old in declared("option"))


def rename_options(text: str, scanned: Scan) -> tuple[str, tuple[OptionUse, ...]]:
    """``text`` with every deprecated option of its items renamed to its replacement, and each use.

    Only the option's own line changes, and only its name: every line keeps its number.
    """
    renames = {old.name: old for old in declared("option")}
    if not renames:
        return text, ()
    lines = text.splitlines(keepends=True)
    uses = []
    for item in scanned.items:
        given = {name for name, _ in item.options}
        for name, number in item.options:
            old = renames.get(name)
            if old is None:
                continue
            both = old.replacement in given
            uses.append(OptionUse(old, item.id, scanned.file, number, both))
            if not both and 0 < number <= len(lines):
                pattern = rf"^([ \t]*:?){re.escape(name)}:"
                lines[number - 1] = re.sub(pattern, rf"\g<1>{old.replacement}:", lines[number - 1], count=1)
    return "".join(lines), tuple(uses)


__all__ = [
    "OptionUse", "declared", "directive_message", "option_names", "overdue", "release", "rename_options",
    "setting_message",
]
