"""The font of the paper documents: Source Sans Pro (SIL OFL, shipped by the
``font-source-sans-pro`` package), its files, the characters it holds, and the width of
a text set in it (for the Word document, whose tables are sized like the PDF's)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_MM_PER_PT = 25.4 / 72
_MISSING_EM = 0.75
"""Width of a character the font lacks (block characters, other scripts): as wide as a
full block in the fonts Word falls back to."""


@lru_cache(maxsize=1)
def font_files() -> dict[str, Path]:
    """The regular (""), bold ("B") and italic ("I") font files."""
    import font_source_sans_pro

    folder = Path(font_source_sans_pro.font_directory)
    return {
        "": folder / "SourceSansPro-Regular.ttf",
        "B": folder / "SourceSansPro-Bold.ttf",
        "I": folder / "SourceSansPro-It.ttf",
    }


@lru_cache(maxsize=1)
def covered() -> frozenset[int]:
    """The code points the regular font can draw."""
    return frozenset(_advances("")[0])


@lru_cache(maxsize=2)
def _advances(style: str) -> tuple[dict[int, float], float]:
    """Each character's advance width in em, and the em of a missing one."""
    from fontTools.ttLib import TTFont

    with TTFont(str(font_files()[style]), lazy=True) as font:
        units = font["head"].unitsPerEm
        metrics = font["hmtx"].metrics
        widths = {code: metrics[glyph][0] / units for code, glyph in font.getBestCmap().items()}
    return widths, _MISSING_EM


def text_width(text: str, size_pt: float, bold: bool = False) -> float:
    """The width of ``text`` in millimetres, set in the font at ``size_pt``."""
    widths, missing = _advances("B" if bold else "")
    return sum(widths.get(ord(ch), missing) for ch in text) * size_pt * _MM_PER_PT
