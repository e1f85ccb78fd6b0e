"""Whether a page of a programme is in a table of contents, read from the Markdown as Sphinx reads toctrees.

A page no ``toctree`` names is built but linked from nowhere, and the build
fails on it (``toc.not_included``). ``policy-trace init`` writes a glob toctree
(``needs/*``), so a new file there is included by itself. The pages under
``docs/`` are listed one by one (their order is the menu's, and the authors'
pages sit in a toctree of their own, so a glob would name them twice):
``policy-trace new --file docs/x.md`` adds a new page to the toctree that
lists its folder's pages, and says so; where none does, it says where to add it.
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
    """Include a new page and say how: a toctree that names it already, or the one listing its folder."""
    found = including(path)
    if found is not None:
        page, entry = found
        return f"{path} is een nieuwe pagina; de inhoudsopgave in {page} neemt haar op ({entry})."
    added = _add_to_folder_toctree(path)
    if added is not None:
        page, entry = added
        return (
            f"{path} is een nieuwe pagina; policy-trace zette haar in de inhoudsopgave van {page} "
            f"({entry}), achter de andere pagina's uit die map. Verplaats de regel als ze ergens "
            "anders hoort."
        )
    root = programme_root(path)
    docname = path.resolve().relative_to(root).with_suffix("").as_posix() if root else path.stem
    return (
        f"{path} is een nieuwe pagina, maar geen inhoudsopgave (toctree) neemt haar op: zet '{docname}' "
        "in een toctree, bijvoorbeeld in die van index.md, anders linkt geen pagina ernaar en faalt de "
        "controle (toc.not_included)."
    )


def _add_to_folder_toctree(path: Path) -> tuple[str, str] | None:
    """Append ``path`` to the first toctree of index.md that lists pages of its folder; (page, entry)."""
    root = programme_root(path)
    index = root / "index.md" if root else None
    if root is None or index is None or not index.is_file():
        return None
    docname = PurePosixPath(path.resolve().relative_to(root).with_suffix("").as_posix())
    if str(docname.parent) == ".":
        return None
    text = index.read_text(encoding="utf-8")
    for block in _TOCTREE.finditer(text):
        entries = [line.strip() for line in block["body"].splitlines()]
        if any(line == ":glob:" for line in entries):
            continue
        targets = [_ENTRY_WITH_TITLE.sub(r"\g<target>", line) for line in entries if line and line[0] != ":"]
        if not any(PurePosixPath(target.removesuffix(".md")).parent == docname.parent for target in targets):
            continue
        # The new entry goes right before the closing fence: after the folder's last page.
        end = block.end("body")
        index.write_text(f"{text[:end]}{docname}\n{text[end:]}", encoding="utf-8")
        return "index.md", str(docname)
    return None


def _markdown(root: Path) -> list[Path]:
    found = []
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = [name for name in subfolders if name not in _SKIPPED and not name.startswith(".")]
        found += [Path(folder, name) for name in files if name.endswith(".md")]
    return found
