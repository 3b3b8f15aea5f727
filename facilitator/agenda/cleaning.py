"""Cleaning of user text on the way in (plain functions; the types that apply them to
the models are in ``text``).

Everything a person types (names, notes, goals) passes through here before it is
stored, so that no stored text can act as a terminal control sequence, reorder the
display with bidi overrides, or hide characters with zero-width marks.
"""

from __future__ import annotations

import re
import unicodedata

# ANSI/VT escape sequences: CSI (ESC [ ... final), OSC (ESC ] ... BEL or ESC \),
# DCS/SOS/PM/APC strings, and two-character escapes. C1 equivalents included.
_ESCAPE_SEQUENCE = re.compile(
    r"""
    (?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]                  # CSI
  | (?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f]).*?(?:\x07|\x1b\\|\x9c)  # OSC, DCS, SOS, PM, APC
  | \x1b[@-Z\\-_]                                   # other two-character escapes
    """,
    re.VERBOSE | re.DOTALL,
)

# Characters removed from all user text:
# - C0 and C1 controls and DEL, except newline and tab (kept by the caller's choice);
# - format characters that reorder or hide text: bidi marks, embeddings, overrides and
#   isolates, zero-width space, word joiner and invisible operators, BOM, interlinear
#   annotations. Zero-width joiner and non-joiner (U+200C, U+200D) are kept: several
#   scripts and emoji sequences need them;
# - lone surrogates, private-use characters and tag characters, which carry nothing
#   readable.
_UNSAFE = re.compile(
    "["
    "\x00-\x08\x0b-\x1f\x7f-\x9f"
    "\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u206f"
    "\ufeff\ufff9-\ufffb"
    "\ud800-\udfff\ue000-\uf8ff"
    "\U000e0000-\U000e007f\U000f0000-\U0010ffff"
    "]"
)


def is_clean(text: str) -> bool:
    """True when ``clean_multiline`` would return ``text`` unchanged, decided in C.

    A step's notes are cleaned on every save and can run to tens of thousands of
    characters; the regular expressions below take milliseconds on that, this check a
    tenth of one. Every character the cleaning removes is a control, format, surrogate,
    private-use or unassigned character, and ``str.isprintable`` is False for all of
    those (and for a few harmless ones, such as a no-break space, which then simply take
    the slow path). Carriage returns and text not in NFC also take the slow path.
    """
    return (
        "\r" not in text
        and text.replace("\n", " ").replace("\t", " ").isprintable()
        and unicodedata.is_normalized("NFC", text)
    )


def clean_multiline(text: str) -> str:
    """Clean text that may span lines: keeps newlines and tabs, drops other controls."""
    if not text or is_clean(text):
        return text
    return _clean_multiline(text)


def _clean_multiline(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ESCAPE_SEQUENCE.sub("", text)
    text = _UNSAFE.sub("", text)
    return unicodedata.normalize("NFC", text)


_SPACES = re.compile(r"[ \t\n]+")


def clean_line(text: str) -> str:
    """Clean a one-line value (a name, an organisation): no line breaks, trimmed."""
    if not text:
        return ""
    text = clean_multiline(text)
    return _SPACES.sub(" ", text).strip()


SHORT_MAX = 200
MEDIUM_MAX = 2_000
LONG_MAX = 1_000_000
