"""Whether a page of a programme is in a table of contents, read from the Markdown as Sphinx reads toctrees.

A page no ``toctree`` names is built but linked from nowhere, and the build
fails on it (``toc.not_included``). ``policy-trace init`` writes glob toctrees
(``needs/*``, ``docs/*``) so a new file there is included by itself; for any
other page, ``policy-trace new --file`` says where to add it.
"""

from __future__ import annotations

import fnmatch
import os
import re
from pathlib import Path, PurePosixPath

_TOCTREE = re.compile(
    r"^(?P<fence>`{3,}|~{3,}|:{3,})\{toctree\}[^\n]*\n(?P<body>.*?)^(?P=fence)[ \t]*$", re.M | re.S
)
_ENTRY_WITH_TITLE = re.compile(r"^.*<(?P<target>[^>]+)>$")
_SKIPPED = {"_build", ".venv", "venv", "node_modules", ".git"}


def heading(path: Path) -> str:
    """The heading of a new page: its file name in words (``nieuwe-doelen.md``: Nieuwe doelen)."""
    words = re.sub(r"[-_]+", " ", path.stem).strip()
    return (words[:1].upper() + words[1:]) or "Items"


def programme_root(path: Path) -> Path | None:
    """The folder with conf.py that ``path`` belongs to, or None."""
    for folder in [path.resolve().parent, *path.resolve().parents]:
        if (folder / "conf.py").is_file():
            return folder
    return None


def including(path: Path) -> tuple[str, str] | None:
    """(page, entry) of the first toctree that includes ``path``, or None."""
    root = programme_root(path)
    if root is None:
        return None
    docname = PurePosixPath(path.resolve().relative_to(root).with_suffix("").as_posix())
    for page in sorted(_markdown(root)):
        text = page.read_text(encoding="utf-8", errors="replace")
        here = PurePosixPath(page.relative_to(root).parent.as_posix())
        for block in _TOCTREE.finditer(text):
            body = block["body"].splitlines()
            glob = any(line.strip() == ":glob:" for line in body)
            for line in (line.strip() for line in body):
                if not line or line.startswith(":"):
                    continue
                if titled := _ENTRY_WITH_TITLE.match(line):
                    line = titled["target"].strip()
                target = line.removesuffix(".md")
                full = target.lstrip("/") if target.startswith("/") else os.path.normpath(str(here / target))
                full = full.replace("\\", "/")
                if full == str(docname) or glob and fnmatch.fnmatchcase(str(docname), full):
                    return page.relative_to(root).as_posix(), line
    return None


def inclusion(path: Path) -> str:
    """What an author needs to know about a new page: which toctree includes it, or how to add it."""
    found = including(path)
    if found is not None:
        page, entry = found
        return f"{path} is een nieuwe pagina; de inhoudsopgave in {page} neemt haar op ({entry})."
    root = programme_root(path)
    docname = path.resolve().relative_to(root).with_suffix("").as_posix() if root else path.stem
    return (
        f"{path} is een nieuwe pagina, maar geen inhoudsopgave (toctree) neemt haar op: zet '{docname}' "
        "in een toctree, bijvoorbeeld in die van index.md, anders linkt geen pagina ernaar en faalt de "
        "controle (toc.not_included)."
    )


def _markdown(root: Path) -> list[Path]:
    found = []
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = [name for name in subfolders if name not in _SKIPPED and not name.startswith(".")]
        found += [Path(folder, name) for name in files if name.endswith(".md")]
    return found
