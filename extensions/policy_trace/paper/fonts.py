"""The PDF's font: DejaVu Sans from Debian's fonts-dejavu-core, embedded by WeasyPrint; its text widths.

No font is downloaded at build time: the files come from the system package
(``.ci/run`` installs it). The widths are the font's own advance widths, read
with fontTools (a dependency of WeasyPrint), so the static goal tree wraps its
labels exactly as the PDF will draw them.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

FAMILY = "DejaVu Sans"
#: Where Debian's fonts-dejavu-core puts the files.
FONT_FOLDER = Path("/usr/share/fonts/truetype/dejavu")
REGULAR, BOLD = "DejaVuSans.ttf", "DejaVuSans-Bold.ttf"


class FontMissing(RuntimeError):
    """The font file is not installed; the message says how to install it."""


def _path(name: str) -> Path:
    path = FONT_FOLDER / name
    if not path.is_file():
        raise FontMissing(
            f"het lettertype {path} ontbreekt; installeer het met: apt-get install -y fonts-dejavu-core"
        )
    return path


def regular() -> Path:
    """DejaVu Sans."""
    return _path(REGULAR)


def bold() -> Path:
    """DejaVu Sans Bold."""
    return _path(BOLD)


@cache
def _metrics(font: Path) -> tuple[dict[int, float], float]:
    from fontTools.ttLib import TTFont

    with TTFont(str(font), lazy=True) as opened:
        per_em = float(opened["head"].unitsPerEm)
        advances = opened["hmtx"].metrics
        widths = {code: advances[glyph][0] / per_em for code, glyph in opened.getBestCmap().items()}
    # A character the font lacks is drawn by another font: count it as a wide letter.
    return widths, max(widths.get(ord("M"), 0.8), 0.8)


@cache
def text_width(text: str, font: Path, size: float) -> float:
    """The width of ``text`` in points at ``size`` points in ``font``."""
    widths, fallback = _metrics(font)
    return sum(widths.get(ord(char), fallback) for char in text) * size
