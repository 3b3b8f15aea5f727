"""Words in letters two and a half rows tall, for the child's view read from the back of
the room: capitals of a 3×5 pixel font drawn with half blocks (two pixels a cell, one
above the other), so a letter is four cells wide with its gap and a line of text three
rows tall. Where the words do not fit the space, the text is shown as it is, in bold.
"""

from __future__ import annotations

import unicodedata

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

# Six pixel rows: the first for the ring and the dots of Å, Ä and Ö, then the letter.
_FONT: dict[str, tuple[str, ...]] = {
    "A": ("...", ".#.", "#.#", "###", "#.#", "#.#"),
    "B": ("...", "##.", "#.#", "##.", "#.#", "##."),
    "C": ("...", ".##", "#..", "#..", "#..", ".##"),
    "D": ("...", "##.", "#.#", "#.#", "#.#", "##."),
    "E": ("...", "###", "#..", "##.", "#..", "###"),
    "F": ("...", "###", "#..", "##.", "#..", "#.."),
    "G": ("...", ".##", "#..", "#.#", "#.#", ".##"),
    "H": ("...", "#.#", "#.#", "###", "#.#", "#.#"),
    "I": ("...", "###", ".#.", ".#.", ".#.", "###"),
    "J": ("...", "..#", "..#", "..#", "#.#", ".#."),
    "K": ("...", "#.#", "#.#", "##.", "#.#", "#.#"),
    "L": ("...", "#..", "#..", "#..", "#..", "###"),
    "M": ("...", "#.#", "###", "###", "#.#", "#.#"),
    "N": ("...", "##.", "#.#", "#.#", "#.#", "#.#"),
    "O": ("...", ".#.", "#.#", "#.#", "#.#", ".#."),
    "P": ("...", "##.", "#.#", "##.", "#..", "#.."),
    "Q": ("...", ".#.", "#.#", "#.#", "##.", ".##"),
    "R": ("...", "##.", "#.#", "##.", "#.#", "#.#"),
    "S": ("...", ".##", "#..", ".#.", "..#", "##."),
    "T": ("...", "###", ".#.", ".#.", ".#.", ".#."),
    "U": ("...", "#.#", "#.#", "#.#", "#.#", "###"),
    "V": ("...", "#.#", "#.#", "#.#", "#.#", ".#."),
    "W": ("...", "#.#", "#.#", "###", "###", "#.#"),
    "X": ("...", "#.#", "#.#", ".#.", "#.#", "#.#"),
    "Y": ("...", "#.#", "#.#", ".#.", ".#.", ".#."),
    "Z": ("...", "###", "..#", ".#.", "#..", "###"),
    "Å": (".#.", "...", ".#.", "#.#", "###", "#.#"),
    "Ä": ("#.#", "...", ".#.", "#.#", "###", "#.#"),
    "Ö": ("#.#", "...", "###", "#.#", "#.#", "###"),  # square: a round O this short reads as ö
    "0": ("...", "###", "#.#", "#.#", "#.#", "###"),
    "1": ("...", ".#.", "##.", ".#.", ".#.", "###"),
    "2": ("...", "##.", "..#", ".#.", "#..", "###"),
    "3": ("...", "##.", "..#", ".#.", "..#", "##."),
    "4": ("...", "#.#", "#.#", "###", "..#", "..#"),
    "5": ("...", "###", "#..", "##.", "..#", "##."),
    "6": ("...", ".##", "#..", "###", "#.#", "###"),
    "7": ("...", "###", "..#", ".#.", ".#.", ".#."),
    "8": ("...", "###", "#.#", "###", "#.#", "###"),
    "9": ("...", "###", "#.#", "###", "..#", "##."),
    ".": ("...", "...", "...", "...", "...", ".#."),
    ",": ("...", "...", "...", "...", ".#.", "#.."),
    "!": ("...", ".#.", ".#.", ".#.", "...", ".#."),
    "?": ("...", "##.", "..#", ".#.", "...", ".#."),
    ":": ("...", "...", ".#.", "...", ".#.", "..."),
    "-": ("...", "...", "...", "###", "...", "..."),
    "–": ("...", "...", "...", "###", "...", "..."),
    "'": ("...", ".#.", ".#.", "...", "...", "..."),
    "(": ("...", "..#", ".#.", ".#.", ".#.", "..#"),
    ")": ("...", "#..", ".#.", ".#.", ".#.", "#.."),
    " ": ("...", "...", "...", "...", "...", "..."),
}
CELL_WIDTH = 4
"""A letter and the gap after it, in cells."""
LINE_ROWS = 3
"""The rows of one line of big text."""
_HALVES = {("#", "#"): "█", ("#", "."): "▀", (".", "#"): "▄", (".", "."): " "}
_PIXELS = {cell: pair for pair, cell in _HALVES.items()}


def read_big(rows: list[str]) -> str:
    """The words drawn in big letters in ``rows`` (screen lines), read back as a person
    reads them: each run of three lines made only of half blocks is one line of letters.
    For tests, which assert what the screen shows."""
    glyphs = {glyph: ch for ch, glyph in _FONT.items() if ch not in "–"}
    rows = ["".join(cell if cell in _PIXELS else " " for cell in row) for row in rows]  # frames off
    read: list[str] = []
    index = 0
    while index + LINE_ROWS <= len(rows):
        group = rows[index : index + LINE_ROWS]
        if not all(row.strip() and set(row) <= set(_PIXELS) for row in group):
            index += 1
            continue
        width = max(len(row) for row in group)
        pixels = [
            "".join(_PIXELS[cell][half] for cell in row.ljust(width)) for row in group for half in (0, 1)
        ]
        start = min(row.find("#") for row in pixels if "#" in row)
        line = next(
            (text for shift in range(CELL_WIDTH) if (text := _read_line(pixels, start - shift, glyphs))), ""
        )
        if line.strip():
            read.append(line.strip())
        index += LINE_ROWS
    return " ".join(read)


def _read_line(pixels: list[str], start: int, glyphs: dict) -> str | None:
    if start < 0:
        return None
    text = []
    for left in range(start, len(pixels[0]), CELL_WIDTH):
        glyph = tuple(row[left : left + 3].ljust(3, ".") for row in pixels)
        if glyph not in glyphs:
            return None
        text.append(glyphs[glyph])
    return "".join(text)


def _letters(text: str) -> str | None:
    """``text`` in the font's capitals (é as E), or None when a sign has no glyph."""
    out = []
    for ch in " ".join(text.split()).upper():
        if ch not in _FONT:
            ch = unicodedata.normalize("NFKD", ch)[:1]
        if ch not in _FONT:
            return None
        out.append(ch)
    return "".join(out)


def _wrapped(text: str, per_line: int) -> list[str] | None:
    """Words in lines of at most ``per_line`` letters; None when a word is longer."""
    lines: list[str] = []
    for word in text.split(" "):
        if len(word) > per_line:
            return None
        if lines and len(lines[-1]) + 1 + len(word) <= per_line:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def big_text(text: str, width: int) -> list[str] | None:
    """The rows of ``text`` in big letters, each line centred in ``width`` cells; None when
    it cannot be drawn there (a sign without a glyph, a word wider than the space)."""
    letters = _letters(text)
    if not letters:
        return None
    lines = _wrapped(letters, (width + 1) // CELL_WIDTH)
    if lines is None:
        return None
    rows: list[str] = []
    for line in lines:
        pixels = ["".join(_FONT[ch][row] + "." for ch in line)[:-1] for row in range(6)]
        drawn = [
            "".join(_HALVES[top, bottom] for top, bottom in zip(pixels[pair], pixels[pair + 1], strict=True))
            for pair in (0, 2, 4)
        ]
        rows += [row.center(width) for row in drawn]
    return rows


class BigText(Widget):
    """A line of text in big letters where it fits (``max_rows``), else as it is, in bold."""

    DEFAULT_CSS = """
    BigText { width: 1fr; height: auto; text-style: bold; }
    """

    text: reactive[str] = reactive("", layout=True)
    max_rows: reactive[int] = reactive(12, layout=True)

    def _rows(self, width: int) -> list[str] | None:
        rows = big_text(self.text, width)
        return rows if rows is not None and len(rows) <= self.max_rows else None

    def render(self) -> Content:
        rows = self._rows(self.content_size.width)
        return Content("\n".join(rows)) if rows is not None else Content(self.text)

    def get_content_height(self, container, viewport, width: int) -> int:
        rows = self._rows(width)
        if rows is not None:
            return len(rows)
        return max(1, Content(self.text).get_height({}, width) if self.text else 1)
