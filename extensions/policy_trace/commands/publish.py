"""``policy-trace publish [--version V --status S] UIT [MAP]``: a versioned publication."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

from .. import pagehead, publish
from ..dates import build_date, parse_iso
from . import project as projects

NAME = "publish"
HELP = "publiceer een versie van de site op een vaste plek: UIT/VERSIE/ of UIT/werkversie/"
DESCRIPTION = (
    "Bouw de site van het programma in MAP (standaard de huidige map) en zet hem op een vaste plek: "
    "met --version in UIT/VERSIE/, anders als werkversie in UIT/werkversie/. Een vastgestelde versie "
    "wordt nooit overschreven, en een map die publish niet zelf schreef (zonder het bestand "
    f"{publish.MARKER}) ook niet. UIT/versions.json somt alle versies op en UIT/index.html wijst naar de "
    "laatst vastgestelde versie. Elke pagina noemt versie, status en datum en linkt naar de andere "
    "versies; de site vergelijkt zichzelf met de laatst vastgestelde versie (Wat is er veranderd). "
    "Opties van sphinx-build zelf komen na --."
)
PASSES_THROUGH = True


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("out", metavar="UIT", type=Path, help="de map met alle gepubliceerde versies")
    projects.add_folder_argument(parser)
    parser.add_argument(
        "--version", dest="version", metavar="VERSIE", help="het versienummer, bijvoorbeeld 1.1"
    )
    parser.add_argument(
        "--status",
        metavar="STATUS",
        help=f"de status, bijvoorbeeld {publish.ADOPTED} (dan nooit meer overschreven) of "
        "'voorstel aan het bestuur'; standaard: werkversie",
    )
    parser.add_argument("--datum", metavar="JJJJ-MM-DD", help="de datum van de versie (standaard: vandaag)")


def run(args: argparse.Namespace) -> int:
    try:
        programme = projects.project(args.folder)
        name = publish.check_version(args.version)
        status = publish.canonical_status(args.status)
        publish.check_status(name, status)
        day = _date(args.datum)
        out: Path = args.out
        if out.exists() and not out.is_dir():
            raise publish.PublishError(f"{out} is geen map; geef de map op waarin de versies komen.")
        versions = publish.read_versions(out)
        publish.refuse_foreign_root(out)
        publish.refuse_overwrite(out, versions, name)
        projects.writable_folder(out, "UIT")
    except (projects.ProjectError, publish.PublishError) as error:
        print(f"policy-trace publish: fout: {error}", file=sys.stderr)
        return projects.EXIT_USAGE

    new = publish.Version(name, status, day, f"{name}/")
    after = publish.with_version(versions, new)
    out.mkdir(parents=True, exist_ok=True)
    pending = out / f".{name}.nieuw"
    listing = out / f".{publish.VERSIONS_FILE}.nieuw"
    shutil.rmtree(pending, ignore_errors=True)
    listing.write_text(publish.versions_json(after), encoding="utf-8")
    version = "" if args.version is None else name
    argv = ["-W", "--keep-going", "-b", "html", "-D", f"policy_trace_version={version}"]
    argv += ["-D", f"policy_trace_status={status}", "-D", f"policy_trace_date={day}"]
    argv += ["-D", f"policy_trace_versions={listing.resolve()}"]
    previous = publish.latest_adopted(versions, other_than=name)
    if previous is not None and (out / previous.path / "needs.json").is_file():
        # Compare with the latest adopted version: its Wat is er veranderd is then about this publication.
        argv += ["-D", f"policy_trace_previous={(out / previous.path / 'needs.json').resolve()}"]
    with tempfile.TemporaryDirectory(prefix="policy-trace-publish-") as doctrees:
        # The doctrees stay out of the published folder.
        argv += ["-d", doctrees, *args.extra, str(programme.folder), str(pending)]
        code, _, _ = projects.sphinx_build(argv)
    if code:
        listing.unlink(missing_ok=True)
        shutil.rmtree(pending, ignore_errors=True)
        print(
            "policy-trace publish: de bouw is mislukt; er is niets gepubliceerd. Los de fouten hierboven op.",
            file=sys.stderr,
        )
        return projects.EXIT_FINDINGS
    target = out / name
    (pending / publish.MARKER).write_text(
        "Deze map is geschreven door policy-trace publish, dat haar bij een volgende publicatie mag "
        "vervangen (alleen als de versie niet vastgesteld is).\n",
        encoding="utf-8",
    )
    # Only an unadopted version of our own gets here (refuse_overwrite).
    shutil.rmtree(target, ignore_errors=True)
    pending.rename(target)
    listing.replace(out / publish.VERSIONS_FILE)
    title = _title(target)
    head = pagehead.standalone_head(f"{title}: de vastgestelde versies en de werkversie.")
    (out / publish.ROOT_PAGE).write_text(publish.root_page(title, after, head), encoding="utf-8")
    print(f"{publish.version_label(new)} staat in {projects.relative(target / 'index.html')}")
    return projects.EXIT_OK


def _date(value: str | None) -> str:
    if value is None:
        return build_date().isoformat()
    day = parse_iso(value)
    if day is None:
        raise publish.PublishError(f"--datum {value!r} is geen bestaande datum; schrijf JJJJ-MM-DD.")
    return day.isoformat()


def _title(site: Path) -> str:
    # The project's name as the build wrote it in needs.json; the folder's name otherwise.
    try:
        data = json.loads((site / "needs.json").read_text(encoding="utf-8"))
        return str(data.get("project") or site.parent.name)
    except (OSError, ValueError, AttributeError):
        return site.parent.name
