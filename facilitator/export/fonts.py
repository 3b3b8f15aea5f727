"""The fonts of the paper documents and what they can print.

The PDF is set in Source Sans Pro (SIL OFL, shipped by the ``font-source-sans-pro``
package: Latin, Greek, Cyrillic and Vietnamese), with Noto Sans Arabic and Noto Sans
Ethiopic (SIL OFL, shipped in ``fontfiles/`` with their licence) for the names that come
in Arabic script (Arabic, Persian, Dari, Sorani) or Ge'ez script (Tigrinya, Amharic).

The Word document names Calibri; its tables are measured with the advance widths of
Carlito, which is metric-compatible with Calibri and free (SIL OFL; its widths are in
``fontfiles/carlito-metrics.json``, with the licence beside them).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from facilitator.views.sipview import SipDocument

FOLDER = Path(__file__).with_name("fontfiles")
_MM_PER_PT = 25.4 / 72
_MISSING_EM = 0.75
"""Width of a character Carlito lacks (block characters, other scripts): as wide as a
full block in the fonts Word falls back to."""

FALLBACKS = {
    "NotoSansArabic": ("NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf"),
    "NotoSansEthiopic": ("NotoSansEthiopic-Regular.ttf", "NotoSansEthiopic-Bold.ttf"),
}
"""The fonts for the characters Source Sans Pro lacks: family, regular and bold file."""


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


def fallback_files() -> dict[str, dict[str, Path]]:
    """Each fallback family's regular ("") and bold ("B") file."""
    return {family: {"": FOLDER / regular, "B": FOLDER / bold} for family, (regular, bold) in FALLBACKS.items()}


def _cmap(path: Path) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    with TTFont(str(path), lazy=True) as font:
        return frozenset(font.getBestCmap())


@lru_cache(maxsize=1)
def body_covered() -> frozenset[int]:
    """The code points Source Sans Pro can draw."""
    return _cmap(font_files()[""])


def needs_fallback(texts: Iterable[str]) -> bool:
    """Whether any of ``texts`` holds a character Source Sans Pro lacks."""
    drawn = body_covered()
    return any(ord(ch) not in drawn for text in texts for ch in text if ch not in "\n\t")


@lru_cache(maxsize=1)
def covered() -> frozenset[int]:
    """The code points the PDF can draw: those of the body font and of its fallbacks."""
    codes = set(body_covered())
    for files in fallback_files().values():
        codes |= _cmap(files[""])
    return frozenset(codes)


_NOT_DRAWN = frozenset(
    {0x09, 0x0A, 0x0D, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2066, 0x2067, 0x2068, 0x2069, 0xFE0F}
)
"""Characters that are not glyphs (line breaks, joiners, direction marks, the emoji
variation selector): nothing to draw, nothing missing."""


def unprintable(texts: Iterable[str]) -> list[str]:
    """The characters in ``texts`` that no font of the PDF has, each once, in order."""
    drawn = covered()
    seen: dict[str, None] = {}
    for text in texts:
        for ch in text:
            code = ord(ch)
            if code not in drawn and code not in _NOT_DRAWN:
                seen.setdefault(ch, None)
    return list(seen)


def document_texts(document: SipDocument) -> list[str]:
    """Every text the document prints."""
    texts = [document.title, document.subtitle, document.header_line, document.confidential]
    texts += [x for pair in document.facts for x in pair]
    for section in document.paper:
        texts += [section.heading, *section.paragraphs, *section.items, *section.missing]
        if section.table is not None:
            texts += [*section.table.header, *(v for row in section.table.rows for v in row)]
        texts += [bar.label for bar in section.bars]
    if document.signers:
        texts += [document.signature_heading, document.signature_hint]
    for signer in document.signers:
        texts += [signer.name, signer.title, signer.role, signer.oral]
    return [t for t in texts if t]


def unprintable_in(document: SipDocument) -> list[str]:
    """The characters of ``document`` that no font of the PDF has (printed as "?")."""
    return unprintable(document_texts(document))


@lru_cache(maxsize=1)
def _carlito() -> tuple[dict[int, float], dict[int, float]]:
    """Carlito's advance widths in em, regular and bold."""
    data = json.loads((FOLDER / "carlito-metrics.json").read_text(encoding="utf-8"))
    units = data["units_per_em"]
    regular = {int(code): width / units for code, width in data["regular"].items()}
    bold = {int(code): width / units for code, width in data["B"].items()}
    return regular, bold


def text_width(text: str, size_pt: float, bold: bool = False) -> float:
    """The width of ``text`` in millimetres, set in Calibri (Carlito's metrics) at ``size_pt``."""
    regular, heavy = _carlito()
    widths = heavy if bold else regular
    return sum(widths.get(ord(ch), _MISSING_EM) for ch in text) * size_pt * _MM_PER_PT
