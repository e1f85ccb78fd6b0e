"""Put the site's pinned JavaScript into the wheel: Mermaid and d3 from package-lock.json, verified.

Run by setup.py when a wheel (or a non-editable install) is built. For each
package of :data:`VENDORED` it takes the version and integrity hash that
package-lock.json pins, gets that release's tarball with ``npm pack`` (from
npm's cache when ``npm ci`` already fetched it), refuses it unless its SHA-512
equals the lockfile's, and extracts only the browser files the site serves and
the licence: no READMEs, no source maps, no type declarations. So a user who
installs the wheel needs no Node.js, and what they serve is what the lockfile
pinned. Stdlib only: this runs inside pip's isolated build environment.
"""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

#: Package -> what of its tarball the site serves (a path ending in "/" is a folder, its files without
#: source maps). policy_trace/assets.py serves exactly these (tests/test_package.py checks the wheel).
VENDORED: dict[str, tuple[str, ...]] = {
    "mermaid": ("dist/mermaid.esm.min.mjs", "dist/chunks/mermaid.esm.min/", "LICENSE"),
    "d3": ("dist/d3.min.js", "LICENSE"),
}
#: Beside the files: which release of each package they are and the hash it was checked against.
MANIFEST = "vendored.json"


class VendorError(RuntimeError):
    """The pinned packages could not be put into the wheel; the message says why and what to do."""


def pinned(lockfile: Path, name: str) -> tuple[str, str]:
    """(version, sha512 integrity) of ``name`` in package-lock.json."""
    try:
        entry = json.loads(lockfile.read_text(encoding="utf-8"))["packages"][f"node_modules/{name}"]
        return entry["version"], entry["integrity"]
    except (OSError, ValueError, KeyError) as error:
        raise VendorError(f"{lockfile} pint {name} niet (versie en integrity): {error}") from error


def verify(tarball: Path, integrity: str) -> None:
    """Refuse ``tarball`` unless its SHA-512 is one of the lockfile's ``sha512-…`` hashes."""
    expected = {part[len("sha512-") :] for part in integrity.split() if part.startswith("sha512-")}
    if not expected:
        raise VendorError(f"package-lock.json geeft voor {tarball.name} geen sha512-hash: {integrity}")
    digest = base64.b64encode(hashlib.sha512(tarball.read_bytes()).digest()).decode("ascii")
    if digest not in expected:
        raise VendorError(
            f"{tarball.name} heeft niet de integriteitshash uit package-lock.json "
            f"(verwacht sha512-{sorted(expected)[0]}, gekregen sha512-{digest}); het wiel wordt niet gebouwd."
        )


def fetch(name: str, version: str, folder: Path) -> Path:
    """The release tarball of ``name@version`` in ``folder``, with ``npm pack`` (cache first)."""
    npm = shutil.which("npm")
    if npm is None:
        raise VendorError(
            "npm ontbreekt: het wiel bevat de vastgepinde Mermaid uit package-lock.json, en om die op te "
            "halen is npm nodig bij het bouwen (apt-get install nodejs npm). Wie het wiel installeert, "
            "heeft geen npm nodig."
        )
    command = [
        npm,
        "pack",
        f"{name}@{version}",
        "--prefer-offline",
        "--json",
        "--pack-destination",
        str(folder),
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise VendorError(f"npm pack {name}@{version} mislukte:\n{done.stderr.strip()}")
    filename = json.loads(done.stdout)[0]["filename"]
    return folder / Path(filename).name


def extract(tarball: Path, members: tuple[str, ...], target: Path) -> list[str]:
    """Extract ``members`` of the npm tarball (under its ``package/``) into ``target``; their paths."""
    written = []
    with tarfile.open(tarball, "r:gz") as archive:
        for member in archive.getmembers():
            if not member.isfile() or not member.name.startswith("package/"):
                continue
            relative = member.name[len("package/") :]
            if not _wanted(relative, members):
                continue
            destination = target / relative
            destination.parent.mkdir(parents=True, exist_ok=True)
            source = archive.extractfile(member)
            assert source is not None  # a regular file
            destination.write_bytes(source.read())
            written.append(relative)
    missing = [
        m for m in members if not any(w == m or (m.endswith("/") and w.startswith(m)) for w in written)
    ]
    if missing:
        raise VendorError(f"{tarball.name} mist {', '.join(missing)}; past VENDORED nog bij deze versie?")
    return sorted(written)


def _wanted(relative: str, members: tuple[str, ...]) -> bool:
    if relative.endswith(".map") or ".." in Path(relative).parts:
        return False
    return any(relative == m or (m.endswith("/") and relative.startswith(m)) for m in members)


def vendor(lockfile: Path, target: Path) -> None:
    """Fill ``target`` (``policy_trace/vendor`` in the build) with every package of :data:`VENDORED`."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    manifest = {}
    with tempfile.TemporaryDirectory(prefix="policy-trace-npm-") as work:
        for name, members in VENDORED.items():
            version, integrity = pinned(lockfile, name)
            tarball = fetch(name, version, Path(work))
            verify(tarball, integrity)
            files = extract(tarball, members, target / name)
            manifest[name] = {"version": version, "integrity": integrity, "files": files}
    (target / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")
