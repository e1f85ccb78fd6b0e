"""``policy-trace koppel ALIAS BRON [MAP]``: copy one published version of another programme into this one.

BRON is the folder of a published site (its ``needs.json`` and ``versie.json``)
or its http(s) address. The copy goes into the folder of ALIAS in
``policy_trace_koppelingen`` (``koppelingen/ALIAS`` when the alias is new; the
setting is then added to ``conf.py``), and is committed with the programme: a
build reads only that copy, never the network. The command prints, by ID, the
coupled items that changed, appeared or disappeared against the copy it
replaces, and keeps in ``koppeling.json`` what this programme's items were
reviewed against (PT405). A source that is no policy-trace publication, or of a
data version this policy-trace cannot read, is refused and the old copy stays.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import re
import sys
import urllib.error
import urllib.request
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from .. import koppelingen
from ..changes import snapshot
from ..items import Item
from ..koppelingen import CopyError
from . import project as projects

NAME = "koppel"
HELP = "kopieer een gepubliceerde versie van een ander programma, om ernaar te verwijzen als ALIAS:ID"
DESCRIPTION = (
    "Kopieer de needs.json en versie.json van een gepubliceerde versie van een ander programma (BRON: "
    "de map van die site of haar http(s)-adres) naar de map van ALIAS in het programma in MAP (standaard "
    "de huidige map), en zet ALIAS in policy_trace_koppelingen in conf.py. Zet de kopie in git: de "
    "bouw leest alleen de kopie. De opdracht noemt per ID wat er veranderd, nieuw of verdwenen is "
    "sinds de vorige kopie."
)
PASSES_THROUGH = False

SETTING = "policy_trace_koppelingen"
#: Where a new alias's copy goes, relative to conf.py.
DEFAULT_FOLDER = "koppelingen/{alias}"
#: How long a download may take before it is given up, in seconds.
TIMEOUT = 60


class KoppelError(ValueError):
    """Why the copy was not made; the message is Dutch."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("alias", metavar="ALIAS", help="de korte naam waarmee items verwijzen: ALIAS:ID")
    parser.add_argument(
        "source", metavar="BRON", help="de map van de gepubliceerde site, of haar http(s)-adres"
    )
    projects.add_folder_argument(parser)
    parser.add_argument(
        "--adres",
        metavar="URL",
        help="het vaste adres van deze versie van de andere site, voor de links naar haar pagina's "
        "(standaard: BRON als die een http(s)-adres is, anders het adres dat de publicatie zelf noemt)",
    )


def run(args: argparse.Namespace) -> int:
    try:
        programme = projects.project(args.folder)
        if not koppelingen.is_identity(args.alias):
            raise KoppelError(
                f"'{args.alias}' is geen geldige alias: gebruik kleine letters, cijfers en '-', "
                "bijvoorbeeld 'landelijk'."
            )
        report = couple(programme.folder, args.alias, args.source, args.adres)
    except (projects.ProjectError, KoppelError, CopyError) as error:
        print(f"policy-trace koppel: fout: {error}", file=sys.stderr)
        print("De bestaande kopie is niet veranderd.", file=sys.stderr)
        return projects.EXIT_USAGE
    print(report)
    return projects.EXIT_OK


def couple(folder: Path, alias: str, source: str, address: str | None = None) -> str:
    """Copy the publication at ``source`` as ``alias`` into the programme in ``folder``; what changed."""
    conf = folder / "conf.py"
    setting, assignment = read_setting(conf)
    relative = setting.get(alias) or DEFAULT_FOLDER.format(alias=alias)
    target = folder / relative
    needs_bytes, version_bytes, base = fetch(source)
    shown = source
    publication, items = koppelingen.read_publication(
        _parse(needs_bytes, shown), _parse(version_bytes, shown), shown
    )

    old_items: dict[str, Item] = {}
    old_record: dict[str, Any] = {}
    old_version = ""
    if target.is_dir() and (target / koppelingen.NEEDS_FILE).is_file():
        try:
            old = koppelingen.read_copy(alias, target, relative)
            old_items, old_version = dict(old.items), old.publication.version
            old_record = koppelingen.read_record(target)
        except CopyError:
            pass  # an unreadable old copy is simply replaced
    linked = linked_ids(folder, alias, exclude=target)
    baseline = review_baseline(items, old_items, old_record.get("herzien_tegen") or {}, linked)
    record = {
        "data_version": koppelingen.DATA_VERSION,
        # The alias and the source: a pipeline refreshes every koppeling from them (starter's CI).
        "alias": alias,
        "bron": source,
        "adres": address or base or publication.address,
        "herzien_tegen": baseline,
    }
    target.mkdir(parents=True, exist_ok=True)
    _write_all(
        target,
        {
            koppelingen.NEEDS_FILE: needs_bytes,
            koppelingen.VERSION_FILE: version_bytes,
            koppelingen.RECORD_FILE: (json.dumps(record, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
            .encode("utf-8"),
        },
    )
    if alias not in setting:
        write_setting(conf, assignment, {**setting, alias: relative})
    return summary(alias, relative, publication, items, old_items, old_version, linked, bool(old_items))


# --- fetching ---------------------------------------------------------------------------------


def fetch(source: str) -> tuple[bytes, bytes, str]:
    """needs.json and versie.json of ``source`` (a folder or an http(s) address), and the site's address."""
    if re.match(r"https?://", source):
        base = re.sub(r"(index\.html|needs\.json)$", "", source)
        base = base if base.endswith("/") else base + "/"
        return _download(base + koppelingen.NEEDS_FILE), _download(base + koppelingen.VERSION_FILE), base
    path = Path(source)
    if path.is_file() and path.name == koppelingen.NEEDS_FILE:
        path = path.parent
    if not path.is_dir():
        raise KoppelError(f"{source} bestaat niet of is geen map; geef de map van de gepubliceerde site op.")
    files = []
    for name in koppelingen.PUBLISHED_FILES:
        try:
            files.append((path / name).read_bytes())
        except FileNotFoundError:
            raise KoppelError(
                f"in {source} staat geen {name}; geef de map van een site die policy-trace bouwde "
                "(daar staan needs.json en versie.json naast index.html)."
            ) from None
        except OSError as error:
            raise KoppelError(f"{path / name} kan niet worden gelezen ({error.strerror}).") from None
    return files[0], files[1], ""


def _download(url: str) -> bytes:
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT) as response:  # noqa: S310 - http(s) only, checked
            return bytes(response.read())
    except urllib.error.HTTPError as error:
        raise KoppelError(f"{url} gaf HTTP-status {error.code}; is dit het adres van een gepubliceerde "
                          "site van policy-trace?") from None
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise KoppelError(f"{url} is niet te bereiken ({reason}).") from None


def _parse(data: bytes, where: str) -> Any:
    try:
        return json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise CopyError(
            f"{where} is geen publicatie van policy-trace: needs.json of versie.json is geen geldige JSON"
        ) from None


def _write_all(target: Path, files: Mapping[str, bytes]) -> None:
    # All files first under a temporary name, then moved into place: never half a copy.
    pending = []
    for name, data in files.items():
        temporary = target / f".{name}.nieuw"
        temporary.write_bytes(data)
        pending.append((temporary, target / name))
    for temporary, final in pending:
        os.replace(temporary, final)


# --- what the programme's items were reviewed against ----------------------------------------


def linked_ids(folder: Path, alias: str, exclude: Path) -> set[str]:
    """The IDs the programme's sources link to as ``alias:ID`` (its Markdown and reStructuredText)."""
    pattern = re.compile(rf"(?<![\w-]){re.escape(alias)}:([A-Z0-9][A-Z0-9-]*)")
    found: set[str] = set()
    skipped = {projects.BUILD_FOLDER, ".venv", "venv", ".git", "node_modules"}
    for path in _sources(folder, skipped, exclude.resolve()):
        found.update(pattern.findall(path.read_text(encoding="utf-8", errors="replace")))
    return found


def _sources(folder: Path, skipped: set[str], exclude: Path) -> Iterable[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d not in skipped and Path(root, d).resolve() != exclude)
        for name in sorted(files):
            if name.endswith((".md", ".rst", ".txt")):
                yield Path(root, name)


def review_baseline(
    items: Mapping[str, Item],
    old_items: Mapping[str, Item],
    old_baseline: Mapping[str, Any],
    linked: set[str],
) -> dict[str, dict[str, str]]:
    """Per coupled item this programme links to, the snapshot its items were reviewed against.

    Such an item keeps what it was reviewed against (the old baseline, else the
    replaced copy): its changes since are PT405 until ``:herzien:`` records the
    review. An item nobody links to needs no review and is left out: its
    baseline is the copy itself, so a link written later starts clean.
    """
    result = {}
    for item_id in sorted(items.keys() & linked):
        old = old_baseline.get(item_id)
        if isinstance(old, dict):
            result[item_id] = dict(old)
        elif item_id in old_items:
            result[item_id] = snapshot(old_items[item_id])
        else:
            result[item_id] = snapshot(items[item_id])
    return result


# --- what changed -----------------------------------------------------------------------------


def summary(
    alias: str,
    folder: str,
    publication: koppelingen.Publication,
    items: Mapping[str, Item],
    old_items: Mapping[str, Item],
    old_version: str,
    linked: set[str],
    replaced: bool,
) -> str:
    """What ``koppel`` prints: what was copied, then by ID what changed, appeared and disappeared."""
    version = f" versie {publication.version}" if publication.version else ""
    status = ", ".join(p for p in (publication.status, publication.date) if p)
    lines = [
        f"{alias}: {publication.name}{version}" + (f" ({status})" if status else "")
        + f", {len(items)} items, gekopieerd naar {folder}."
    ]
    if not replaced:
        lines.append(
            f"Verwijs ernaar met {alias}:ID, bijvoorbeeld ':draagt_bij_aan: {alias}:SD-…'; wat dit programma "
            "aan het jouwe bijdraagt, toont een pagina met {bijdragen}."
        )
        return "\n".join(lines)
    since = f" sinds versie {old_version}" if old_version else " sinds de vorige kopie"
    changed = [
        i for i in sorted(items.keys() & old_items.keys()) if snapshot(items[i]) != snapshot(old_items[i])
    ]
    appeared = sorted(items.keys() - old_items.keys())
    gone = sorted(old_items.keys() - items.keys())
    if not (changed or appeared or gone):
        lines.append(f"Niets veranderd{since}.")
        return "\n".join(lines)
    for heading, ids, source in (
        ("Veranderd", changed, items), ("Nieuw", appeared, items), ("Verdwenen", gone, old_items)
    ):
        if not ids:
            continue
        lines.append(f"{heading}{since}:")
        for item_id in ids:
            what = ""
            if heading == "Veranderd":
                what = ": " + ", ".join(_changed_names(old_items[item_id], items[item_id]))
            mark = " (dit programma verwijst ernaar)" if item_id in linked else ""
            lines.append(f"  {item_id} {source[item_id].title}{what}{mark}")
    if any(i in linked for i in (*changed, *gone)):
        lines.append(
            "Controleer het programma (policy-trace check): de items die naar een veranderd item verwijzen, "
            "krijgen advies PT405 tot je ze hebt nagelezen."
        )
    return "\n".join(lines)


_NAME_WORDS = {"title": "titel", "content": "tekst"}


def _changed_names(old_item: Item, new_item: Item) -> list[str]:
    old, new = snapshot(old_item), snapshot(new_item)
    names = dict.fromkeys([*old, *new])
    changed = [n for n in names if old.get(n, "") != new.get(n, "")]
    return [_NAME_WORDS.get(n, n) for n in changed]


# --- conf.py ----------------------------------------------------------------------------------


def read_setting(conf: Path) -> tuple[dict[str, str], ast.Assign | None]:
    """``policy_trace_koppelingen`` as conf.py writes it (a dict literal), and its assignment."""
    text = conf.read_text(encoding="utf-8")
    try:
        tree = ast.parse(text)
    except SyntaxError as error:
        raise KoppelError(
            f"{conf} is geen geldige Python (regel {error.lineno}); verbeter conf.py eerst."
        ) from None
    found = None
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == SETTING for t in node.targets
        ):
            found = node
    if found is None:
        return {}, None
    try:
        value = ast.literal_eval(found.value)
    except ValueError:
        value = None
    if not isinstance(value, dict) or not all(isinstance(k, str) for k in value) or not all(
        isinstance(v, str) for v in value.values()
    ):
        raise KoppelError(
            f"{conf} regel {found.lineno}: {SETTING} is geen eenvoudige dict van alias naar map; "
            "zet de koppeling er zelf in, of schrijf de instelling als {\"alias\": \"map\"}."
        )
    return value, found


def write_setting(conf: Path, assignment: ast.Assign | None, setting: Mapping[str, str]) -> None:
    """Add or replace the assignment of ``policy_trace_koppelingen`` in conf.py, leaving the rest as it is."""
    text = conf.read_text(encoding="utf-8")
    entries = "".join(f"    {json.dumps(a)}: {json.dumps(f)},\n" for a, f in sorted(setting.items()))
    body = "{\n" + entries + "}"
    new = f"{SETTING} = {body}"
    if assignment is None or assignment.end_lineno is None:
        comment = (
            "\n# Andere programma's waarnaar dit programma verwijst (ALIAS:ID) of die eraan bijdragen, elk\n"
            "# met een kopie van hun publicatie in de map ernaast; policy-trace koppel werkt ze bij.\n"
        )
        conf.write_text(text.rstrip("\n") + "\n" + comment + new + "\n", encoding="utf-8")
        return
    lines = text.splitlines(keepends=True)
    start, end = assignment.lineno - 1, assignment.end_lineno
    lines[start:end] = [new + "\n"]
    conf.write_text("".join(lines), encoding="utf-8")
