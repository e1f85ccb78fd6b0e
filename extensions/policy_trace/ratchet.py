"""A CI that ratchets: fail only on error findings that the baseline report does not have.

``policy-trace check --baseline vorige/policy-report.json`` compares the error
findings of this check with those of an earlier ``policy-report.json``, matched
by rule code and item ID (not by line: an edit above an item moves it), and
says which are new and which were fixed. Advice and waived findings never fail.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

Key = tuple[str, str]


class BaselineError(ValueError):
    """The baseline cannot be used; the message says why, in Dutch."""


@dataclass(frozen=True)
class Ratchet:
    """This check's errors against the baseline's."""

    #: Error findings (as in policy-report.json) whose code and item the baseline does not have.
    new: tuple[Mapping[str, Any], ...]
    #: The baseline's errors (code, ID) that no longer occur.
    fixed: tuple[Key, ...]
    #: Error findings that the baseline already had.
    known: tuple[Mapping[str, Any], ...]

    @property
    def passes(self) -> bool:
        return not self.new


def _key(found: Mapping[str, Any]) -> Key:
    return (str(found.get("code", "")), str(found.get("id", "")))


def _errors(findings: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    return [f for f in findings if f.get("severity") == "error"]


def compare(baseline: Iterable[Mapping[str, Any]], current: Iterable[Mapping[str, Any]]) -> Ratchet:
    """Which errors of ``current`` are new against ``baseline`` and which of the baseline were fixed."""
    before = {_key(f) for f in _errors(baseline)}
    now = _errors(current)
    now_keys = {_key(f) for f in now}
    order = sorted(now, key=lambda f: (str(f.get("file", "")), int(f.get("line") or 0), *_key(f)))
    return Ratchet(
        new=tuple(f for f in order if _key(f) not in before),
        fixed=tuple(sorted(before - now_keys)),
        known=tuple(f for f in order if _key(f) in before),
    )


def read_baseline(path: Path) -> list[Mapping[str, Any]]:
    """The findings of a baseline ``policy-report.json``."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(
            f"de basislijn {path} bestaat niet; geef het policy-report.json van een eerdere controle op."
        ) from None
    except (OSError, UnicodeDecodeError) as error:
        raise BaselineError(f"de basislijn {path} kan niet worden gelezen ({error}).") from None
    except json.JSONDecodeError as error:
        raise BaselineError(
            f"de basislijn {path} is geen geldige JSON (regel {error.lineno}: {error.msg})."
        ) from None
    findings = data.get("findings") if isinstance(data, dict) else None
    if not isinstance(findings, list) or not all(isinstance(f, dict) for f in findings):
        raise BaselineError(
            f"de basislijn {path} is geen policy-report.json (er ontbreekt een lijst 'findings')."
        )
    return findings


def lines(ratchet: Ratchet, location: Any = None) -> list[str]:
    """What the console says about the ratchet, in Dutch; ``location(found)`` gives ``file:line``."""

    def where(found: Mapping[str, Any]) -> str:
        return location(found) if location else f"{found.get('file')}:{found.get('line')}"

    out = []
    if ratchet.new:
        out.append(f"Nieuw ten opzichte van de basislijn ({len(ratchet.new)}):")
        out += [
            f"  {where(f)}: {f['code']} {f['id']}: {f['message']} Oplossing: {f['fix']}" for f in ratchet.new
        ]
    if ratchet.fixed:
        out.append(f"Opgelost sinds de basislijn ({len(ratchet.fixed)}):")
        out += [f"  {code} {item_id}" for code, item_id in ratchet.fixed]
    verdict = (
        "geen nieuwe fouten; de controle slaagt"
        if ratchet.passes
        else f"{len(ratchet.new)} nieuwe {'fout' if len(ratchet.new) == 1 else 'fouten'}; de controle faalt"
    )
    out.append(f"Basislijn: {verdict} ({len(ratchet.known)} al bekend, {len(ratchet.fixed)} opgelost).")
    return out
